// The gate on charts with dependencies (tests/fixtures/gate/deps, copied so the fixture is never written),
// with the real helm 3 and helm 4: file:// dependencies built once per chart into a copy, subcharts'
// own values.schema.json checked at the parent values file's line (alias and disabled subchart included),
// an unreachable remote dependency one `dependency` finding, and no dead-value for keys subcharts read.
import { existsSync } from "node:fs";
import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CliResult, cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

const fixture = path.join(repoRoot, "tests", "fixtures", "gate", "deps");

describe("gate on charts with dependencies", () => {
  let r: CliResult;
  let checks: Array<{ id: string; state: string; reason?: string }>;
  let cwd: string;
  beforeAll(async () => {
    cwd = tempDir("floe-gate-deps-");
    await cp(fixture, cwd, { recursive: true });
    const work = path.join(cwd, ".work");
    const results = path.join(work, "results.json");
    r = await cli(["gate", "--tools-dir", toolsDir, "--work-dir", work, "--results", results], { cwd });
    checks = JSON.parse(await readFile(results, "utf8")).checks;
  });
  const findings = () => r.out.split("\n").filter((l) => /^\S+:\d+(:\d+)?: (error|warning) /.test(l));

  it("reports exactly the subchart schema errors and the unreachable dependency", () => {
    expect(r.code).toBe(1);
    expect(findings()).toEqual([
      `charts/parent/values-bad.yaml:3:3: error values-schema: cache.port: must be integer, got string "http" (values.schema.json of subchart cache)`,
      "charts/parent/values-bad.yaml:6:3: error values-schema: session.port: must be <= 65535 (schema #/properties/port/maximum) (values.schema.json of subchart cache as 'session')",
      "charts/parent/values-nullport.yaml:2:1: error values-schema: cache: required property 'port' is missing (values.schema.json of subchart cache) (scenario: nullport; helm 3, 4)",
      expect.stringMatching(
        /^charts\/remote\/Chart\.yaml:8:5: error dependency: dependency 'redis' 1\.2\.3 from https:\/\/charts\.invalid\/stable is not in charts\/ and cannot be downloaded/,
      ),
    ]);
  });

  it("builds the file:// dependencies once per chart, outside the chart folder", () => {
    expect(checks.filter((c) => c.id.startsWith("dependency "))).toEqual([
      expect.objectContaining({ id: "dependency parent", state: "pass" }),
      expect.objectContaining({ id: "dependency remote", state: "fail" }),
    ]);
    expect(existsSync(path.join(cwd, "charts", "parent", "Chart.lock"))).toBe(false);
    expect(existsSync(path.join(cwd, "charts", "parent", "charts", "cache-0.2.0.tgz"))).toBe(false);
    for (const m of [3, 4]) {
      expect(checks).toContainEqual(
        expect.objectContaining({ id: `render parent/dev helm${m}`, state: "pass" }),
      );
      expect(checks).toContainEqual(
        expect.objectContaining({ id: `render vendored/default helm${m}`, state: "pass" }),
      );
    }
  });

  it("skips render and lint of a chart whose dependencies cannot be built, saying why", () => {
    for (const id of ["render remote/default helm3", "lint remote/default helm4"]) {
      expect(checks.find((c) => c.id === id)).toMatchObject({
        state: "skip",
        reason: "the chart's dependencies are missing (see dependency)",
      });
    }
  });

  it("does not validate a disabled subchart (metrics.port breaks its schema, metrics is off)", () => {
    expect(r.out).not.toMatch(/metrics/);
  });

  it("does not call keys that subchart templates or conditions read dead", () => {
    expect(r.out).not.toMatch(/dead-value/);
    expect(checks.filter((c) => c.id.startsWith("dead-value parent/")).map((c) => c.state)).toEqual([
      "pass",
      "pass",
      "pass",
    ]);
  });
});

it("documents every rule id the gate reports itself in the README rules table", async () => {
  const { gateRules } = await import("../../src/gate/run.js");
  const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");
  for (const id of Object.values(gateRules)) expect(readme, id).toContain(`| \`${id}\``);
});
