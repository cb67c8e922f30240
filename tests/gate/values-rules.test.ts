// plain-secret and schema-drift through the bundled CLI (node dist/index.js gate, the real helm 4) on
// tests/fixtures/gate/values-rules: a stranger's chart whose open values.schema.json drifted both ways, and a
// test values file with a literal password. Warnings by default (exit 0); floe-gate.yaml raises them to
// errors (exit 1), turns one off and waives the other through the one finding pipeline.
import { execFile } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

const exec = promisify(execFile);
const fixture = path.join(repoRoot, "tests", "fixtures", "gate", "values-rules");

type Run = { code: number; stdout: string; stderr: string; checks: Array<{ id: string; state: string }> };

/** The fixture copied, with `extra` appended to its floe-gate.yaml; the gate's stdout, exit code, checks. */
async function gate(extra: string): Promise<Run> {
  const cwd = tempDir("floe-values-rules-");
  await cp(fixture, cwd, { recursive: true });
  const config = path.join(cwd, "floe-gate.yaml");
  await writeFile(config, (await readFile(config, "utf8")) + extra);
  const work = path.join(cwd, ".work");
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, FLOE_HELM_VALIDATOR_CACHE: "off" };
  const argv = [path.join(repoRoot, "dist", "index.js"), "gate", "--tools-dir", toolsDir, "--work-dir", work];
  const r = await exec(process.execPath, argv, { cwd, env }).then(
    (x) => ({ code: 0, ...x }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  const checks = JSON.parse(await readFile(path.join(work, "gate.results.json"), "utf8")).checks;
  return { code: r.code, stdout: r.stdout, stderr: r.stderr, checks };
}

const findings = (r: Run) => r.stdout.split("\n").filter((l) => /^\S+:\d+:\d+: /.test(l));

const secret =
  "plain-secret: db.password: a literal credential where a reference is expected; keep it in a Secret and reference it (the chart's existingSecret, or an ExternalSecret that External Secrets Operator syncs)";
const unused =
  "schema-drift: 'legacyPort' is declared in values.schema.json but values.yaml does not set it and no template reads it (.Values.legacyPort or a map above it): remove it from the schema, or use it";
const undeclared =
  "schema-drift: 'replicaCount' is set in values.yaml but values.schema.json does not declare it; the schema is open there (no additionalProperties: false), so helm accepts it unchecked: declare it in the schema, or remove it from values.yaml";

describe("plain-secret and schema-drift on a stranger's chart (node dist/index.js gate)", () => {
  let warn: Run;
  let raised: Run;
  let judged: Run;
  beforeAll(async () => {
    [warn, raised, judged] = await Promise.all([
      gate(""),
      gate("severity:\n  plain-secret: error\n  schema-drift: error\n"),
      gate(
        [
          "severity:",
          "  plain-secret: error",
          "  schema-drift: off",
          "waivers:",
          "  - rule: plain-secret",
          "    object: Value/charts/drift/values-test.yaml:db.password",
          "    reason: a throwaway database of the test scenario",
          "    expiry: 2999-12-31",
          "",
        ].join("\n"),
      ),
    ]);
  });

  it("warns at file:line:col, never printing the value, and exits 0", () => {
    expect(findings(warn)).toEqual([
      `charts/drift/values-test.yaml:2:3: warning ${secret}`,
      `charts/drift/values.schema.json:16:5: warning ${unused}`,
      `charts/drift/values.yaml:9:1: warning ${undeclared}`,
    ]);
    expect(warn.stdout).not.toContain("hunter2");
    expect(warn.stdout).toMatch(/^gate: PASS: 0 error\(s\), 3 warning\(s\), 0 waived, /m);
    expect(warn.code).toBe(0);
    expect(warn.checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: "plain-secret drift", state: "pass" }),
        expect.objectContaining({ id: "schema-drift drift", state: "pass" }),
      ]),
    );
  });

  it("raised to error in floe-gate.yaml: the same findings as errors, exit 1", () => {
    expect(findings(raised)).toEqual([
      `charts/drift/values-test.yaml:2:3: error ${secret}`,
      `charts/drift/values.schema.json:16:5: error ${unused}`,
      `charts/drift/values.yaml:9:1: error ${undeclared}`,
    ]);
    expect(raised.stdout).toMatch(/^gate: FAIL: 3 error\(s\), 0 warning\(s\), 0 waived, /m);
    expect(raised.code).toBe(1);
    expect(raised.checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: "plain-secret drift", state: "fail" }),
        expect.objectContaining({ id: "schema-drift drift", state: "fail" }),
      ]),
    );
  });

  it("an error waived by its file and key, the other rule off: exit 0, the waived finding still printed", () => {
    expect(findings(judged)).toEqual([
      `charts/drift/values-test.yaml:2:3: error ${secret} [waived: a throwaway database of the test scenario]`,
    ]);
    expect(judged.stdout).toMatch(/^gate: PASS: 0 error\(s\), 0 warning\(s\), 1 waived, /m);
    expect(judged.code).toBe(0);
    expect(judged.checks).toContainEqual(
      expect.objectContaining({
        id: "schema-drift drift",
        state: "skip",
        reason: "turned off in floe-gate.yaml",
      }),
    );
  });
});
