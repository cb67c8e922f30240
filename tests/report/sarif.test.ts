// `floe-helm report --sarif`: real gate runs (real helm 3 and 4) over tests/fixtures/gate/findings, whose
// dangling-reference findings sit at file:line:col (an error in every scenario, one in one scenario, an info,
// a waived one), in a folder of a repository (a `.git` above it); the SARIF file is validated against the
// official SARIF 2.1.0 schema (tests/fixtures/report/sarif-schema-2.1.0.json, OASIS errata01, see
// tests/fixtures/report/README.md) with ajv, and its fingerprints compared across two runs.
import { readFileSync } from "node:fs";
import { cp, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checks } from "../../src/checks/registry.js";
import { RULE_ANCHORS, ruleCatalog } from "../../src/cli/rule-catalog.js";
import type { Finding } from "../../src/core/findings.js";
import { FLOE_HELM_VERSION } from "../../src/core/version.js";
import {
  FINGERPRINT_KEY,
  README_URL,
  ruleDoc,
  type SarifLog,
  sourceRoot,
  toSarif,
} from "../../src/report/sarif.js";
import { type CliResult, cli } from "../helpers/cli.js";
import { expectValidSarif } from "../helpers/sarif.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

const T = "deploy/charts/admission/templates";

describe("report --sarif on real gate results", () => {
  const runs: Array<{ gate: CliResult; report: CliResult; log: SarifLog }> = [];
  let cwd: string;
  beforeAll(async () => {
    const repo = tempDir("floe-sarif-");
    await mkdir(path.join(repo, ".git"));
    cwd = path.join(repo, "deploy");
    await cp(path.join(repoRoot, "tests", "fixtures", "gate", "findings"), cwd, { recursive: true });
    for (const n of [1, 2]) {
      const work = path.join(cwd, `work-${n}`);
      const gate = await cli(["gate", "--tools-dir", toolsDir, "--work-dir", work], { cwd });
      const report = await cli(["report", "--work-dir", work, "--sarif", `out/run-${n}.sarif`], { cwd });
      const log = JSON.parse(await readFile(path.join(cwd, "out", `run-${n}.sarif`), "utf8")) as SarifLog;
      runs.push({ gate, report, log });
    }
  });

  it("is valid SARIF 2.1.0 (the official schema, ajv)", () => {
    expect(runs[0]!.gate.code, runs[0]!.gate.err).toBe(1);
    expect(runs[0]!.report.code).toBe(1);
    expect(runs[0]!.report.err).toContain("sarif: 4 result(s), 0 finding(s) without a file as notifications");
    for (const { log } of runs) expectValidSarif(log);
  });

  it("has every finding at its file (from the repository root), line and column, with its level", () => {
    const run = runs[0]!.log.runs[0]!;
    const got = run.results.map((r) => ({
      rule: r.ruleId,
      level: r.level,
      at: `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region?.startLine}:${r.locations[0]!.physicalLocation.region?.startColumn}`,
      suppressed: r.suppressions?.[0]?.justification,
      message: r.message.text.slice(0, 60),
    }));
    expect(got).toEqual([
      {
        rule: "dangling-reference",
        level: "error",
        at: `${T}/controller.yaml:20:19`,
        suppressed: undefined,
        message: "Deployment/floe-gate-controller env DB_PASSWORD of container",
      },
      {
        rule: "dangling-reference",
        level: "error",
        at: `${T}/controller.yaml:25:17`,
        suppressed: undefined,
        message: "Deployment/floe-gate-controller envFrom of container 'contro",
      },
      {
        rule: "dangling-reference",
        level: "note",
        at: `${T}/controller.yaml:33:13`,
        suppressed: undefined,
        message: "Deployment/floe-gate-controller volume webhook-cert: Secret ",
      },
      {
        rule: "dangling-reference",
        level: "error",
        at: `${T}/legacy.yaml:17:17`,
        suppressed: "the legacy Secret is created by hand until 2.0",
        message: "Deployment/floe-gate-legacy envFrom of container 'legacy': S",
      },
    ]);
    expect(run.results[1]!.message.text).toMatch(/\(scenario: ci\/c-values; helm 3, 4\)$/);
    expect(run.results[1]!.properties).toEqual({
      phase: "gate",
      chart: "admission",
      object: "Deployment/floe-gate-controller",
      scenarios: ["ci/c-values"],
      helm: [3, 4],
    });
    expect(run.results[3]!.suppressions).toEqual([
      {
        kind: "external",
        status: "accepted",
        justification: "the legacy Secret is created by hand until 2.0",
      },
    ]);
    expect(run.originalUriBaseIds["%SRCROOT%"]!.uri).toBe(`file://${path.dirname(cwd)}/`);
  });

  it("describes the rules: id, description, help link to the README's rule table, default level", () => {
    const driver = runs[0]!.log.runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: "floe-helm", version: FLOE_HELM_VERSION });
    const r = runs[0]!.log.runs[0]!.results[0]!;
    expect(driver.rules[r.ruleIndex]).toEqual({
      id: "dangling-reference",
      shortDescription: { text: checks.find((c) => c.rule === "dangling-reference")!.description },
      helpUri: `${README_URL}#object-checks-rendered-objects`,
      help: expect.objectContaining({ text: expect.stringContaining("#object-checks-rendered-objects") }),
      defaultConfiguration: { level: "error" },
    });
    // The whole catalog is listed, found or not.
    expect(driver.rules.map((x) => x.id)).toEqual(
      expect.arrayContaining(["lint", "kubesec", "coverage", "upgrade/version-increment"]),
    );
  });

  it("a --sarif path that cannot be written is one error, exit 2", async () => {
    const r = await cli(["report", "--work-dir", "work-1", "--sarif", "charts"], { cwd });
    expect(r.code).toBe(2);
    expect(r.err.split("\n").at(-1)).toBe("floe-helm: error: --sarif charts: cannot write it: EISDIR");
  });

  it("fingerprints are the same in a second run of the gate and the report", () => {
    const fp = (i: number) =>
      runs[i]!.log.runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(fp(0)).toEqual(fp(1));
    expect(new Set(fp(0)).size).toBe(4);
    expect(fp(0)[0]).toMatch(/^[0-9a-f]{32}:1$/);
  });
});

describe("SARIF without a cluster: pure cases", () => {
  const base = { schemaVersion: 1 as const, startedAt: "", finishedAt: "", checks: [] };

  it("a finding with no file (or outside the repository) is a notification, never a result without a location", () => {
    const log = toSarif(
      [
        {
          ...base,
          phase: "test",
          status: "fail",
          findings: [
            { rule: "install", severity: "error", message: "helm install failed", chart: "a" },
            {
              rule: "lint",
              severity: "warning",
              message: "outside",
              file: "../elsewhere/Chart.yaml",
              line: 1,
            },
            {
              rule: "yaml-style/braces",
              severity: "warning",
              message: "too many spaces",
              file: "c/values.yaml",
            },
          ],
        },
      ],
      { rules: ruleCatalog(), version: "1.2.3", cwd: "/r", root: "/r" },
    );
    expectValidSarif(log);
    const run = log.runs[0]!;
    const ruleIndex = (id: string) => run.tool.driver.rules.findIndex((r) => r.id === id);
    expect(ruleIndex("install")).toBeGreaterThanOrEqual(0);
    expect(run.invocations[0]!.toolExecutionNotifications).toEqual([
      {
        associatedRule: { id: "install", index: ruleIndex("install") },
        level: "error",
        message: { text: "helm install failed" },
        properties: { phase: "test", chart: "a" },
      },
      {
        associatedRule: { id: "lint", index: ruleIndex("lint") },
        level: "warning",
        message: { text: "../elsewhere/Chart.yaml: outside" },
        properties: { phase: "test" },
      },
    ]);
    // A file without a line: a location without a region; a family member described by its family.
    expect(run.results).toHaveLength(1);
    expect(run.results[0]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "c/values.yaml", uriBaseId: "%SRCROOT%" },
    });
    const rule = run.tool.driver.rules[run.results[0]!.ruleIndex]!;
    expect(rule.id).toBe("yaml-style/braces");
    expect(rule.shortDescription.text).toMatch(/yamllint.*\(braces\)$/);
    expect(rule.defaultConfiguration.level).toBe("warning");
  });

  it("equal findings at different lines get numbered fingerprints; an unknown rule still has metadata", () => {
    const f = { rule: "new-rule", severity: "error" as const, message: "same", file: "x.yaml" };
    const log = toSarif(
      [
        {
          ...base,
          phase: "gate",
          status: "fail",
          findings: [
            { ...f, line: 3 },
            { ...f, line: 9 },
          ],
        },
      ],
      {
        rules: [],
        version: "1.2.3",
        cwd: "/r",
        root: "/r",
      },
    );
    expectValidSarif(log);
    const [a, b] = log.runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]!);
    expect(a!.replace(/:1$/, ":2")).toBe(b);
    expect(ruleDoc("new-rule", new Map())).toEqual({
      id: "new-rule",
      description: "floe-helm rule new-rule.",
      anchor: "rules-of-the-gate",
    });
  });

  it("the check a finding names (Finding.check, one per cell) changes no result nor fingerprint", () => {
    const f = { rule: "policy/pdb", severity: "error" as const, message: "no PDB", file: "t.yaml", line: 2 };
    const cells = [
      { ...f, scenario: "prod", helm: 3 },
      { ...f, scenario: "prod", helm: 4 },
    ];
    const sarif = (findings: Finding[]) =>
      toSarif([{ ...base, phase: "gate", status: "fail", findings }], {
        rules: [],
        version: "1.2.3",
        cwd: "/r",
        root: "/r",
      });
    const named = sarif(cells.map((c) => ({ ...c, check: `policy/pdb app/prod helm${c.helm}` })));
    expectValidSarif(named);
    expect(named).toEqual(sarif(cells));
  });

  it("paths are from $GITHUB_WORKSPACE, else the folder holding .git, else the working directory", async () => {
    const repo = tempDir("floe-sarif-root-");
    await mkdir(path.join(repo, ".git"));
    await mkdir(path.join(repo, "a", "b"), { recursive: true });
    expect(sourceRoot(path.join(repo, "a", "b"))).toBe(repo);
    expect(sourceRoot(path.join(repo, "a", "b"), { GITHUB_WORKSPACE: path.join(repo, "a") })).toBe(
      path.join(repo, "a"),
    );
    const bare = tempDir("floe-sarif-bare-");
    expect(sourceRoot(bare)).toBe(bare);
  });
});

describe("the rule catalog", () => {
  const slug = (h: string) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, "")
      .replace(/\s/g, "-");
  const headings = readFileSync(path.join(repoRoot, "README.md"), "utf8")
    .split("\n")
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) => slug(l.replace(/^#+ /, "")));

  it("every help link points at a heading of the README", () => {
    for (const anchor of Object.values(RULE_ANCHORS)) expect(headings).toContain(anchor);
    for (const r of ruleCatalog()) expect(Object.values(RULE_ANCHORS)).toContain(r.anchor);
  });

  it("lists every rule of the registry with its own description and severity, each id once", () => {
    const cat = ruleCatalog();
    for (const c of checks)
      expect(cat.find((r) => r.id === c.rule)).toEqual({
        id: c.rule,
        description: c.description,
        anchor: RULE_ANCHORS.objects,
        level: c.defaultSeverity,
      });
    expect(new Set(cat.map((r) => r.id)).size).toBe(cat.length);
  });
});
