// `floe-helm gate` end to end on fixture charts with the real helm 3 and helm 4: a chart that passes,
// and broken charts on which each rule fires at the right file and line.
import { cp, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import resultsSchema from "../../schemas/results.schema.json" with { type: "json" };
import { createAjv } from "../../src/values/ajv.js";
import { type CliResult, cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

const fixtures = path.join(repoRoot, "tests", "fixtures", "gate");
const good = path.join(fixtures, "good");
const broken = path.join(fixtures, "broken");

async function gate(
  cwd: string,
  args: string[] = [],
): Promise<CliResult & { results: Record<string, unknown> }> {
  const work = tempDir("floe-gate-");
  const resultsFile = path.join(work, "out", "results.json");
  const r = await cli(
    ["gate", "--tools-dir", toolsDir, "--work-dir", work, "--results", resultsFile, ...args],
    { cwd },
  );
  const results = JSON.parse(await readFile(resultsFile, "utf8"));
  return { ...r, results };
}

describe("gate on a chart that passes", () => {
  let r: Awaited<ReturnType<typeof gate>>;
  beforeAll(async () => {
    r = await gate(good);
  });

  it("exits 0 with a PASS verdict and no findings", () => {
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^gate: PASS: 0 error\(s\), 0 warning\(s\), 0 waived, \d+ check\(s\) in \d+\.\ds$/m,
    );
  });

  it("finds the chart and its values-*.yaml and ci/*-values.yaml scenarios, one progress line each", () => {
    const lines = r.err.split("\n").filter((l) => l.startsWith("gate: ["));
    expect(lines.map((l) => l.replace(/ in \d+\.\ds$/, "").replace(/\[\d\/3\]/, "[n/3]")).sort()).toEqual([
      "gate: [n/3] app ci/alt-port-values (helm3+helm4): 0 error(s), 0 warning(s), 0 waived",
      "gate: [n/3] app dev (helm3+helm4): 0 error(s), 0 warning(s), 0 waived",
      "gate: [n/3] app prod (helm3+helm4): 0 error(s), 0 warning(s), 0 waived",
    ]);
  });

  it("writes --results matching schemas/results.schema.json, with a status per rule and cell", () => {
    const validate = createAjv().compile(resultsSchema);
    expect(validate(r.results), JSON.stringify(validate.errors)).toBe(true);
    const ids = (r.results.checks as Array<{ id: string; state: string }>).map((c) => `${c.id} ${c.state}`);
    for (const rule of ["render", "lint", "values-schema"]) {
      expect(ids).toContain(`${rule} app/prod helm3 pass`);
      expect(ids).toContain(`${rule} app/prod helm4 pass`);
    }
    expect(ids).toContain("dead-value app/prod pass");
    // The rendered output parsed as YAML: a check each for a document that is not YAML and a key written twice.
    for (const h of [3, 4]) {
      expect(ids).toContain(`yaml-parse app/prod helm${h} rendered pass`);
      expect(ids).toContain(`duplicate-key app/prod helm${h} rendered pass`);
    }
  });

  it("checks one helm major with --helm", async () => {
    const one = await gate(good, [
      "--helm",
      "4",
      "--chart",
      "charts/app",
      "--values",
      "charts/app/values-prod.yaml",
    ]);
    expect(one.code).toBe(0);
    const ids = (one.results.checks as Array<{ id: string }>).map((c) => c.id);
    expect(ids).toContain("render app/values-prod helm4");
    expect(ids.some((i) => i.endsWith("helm3"))).toBe(false);
    expect(one.err).toMatch(/gate: \[1\/1\] app values-prod \(helm4\)/);
  });
});

describe("gate with a --tools-dir that has helm but no kubesec", () => {
  it("runs every other check and reports kubesec as not run (a warning), never as passed", async () => {
    const tools = path.join(tempDir("floe-gate-tools-"), "bin");
    await mkdir(tools);
    for (const t of ["helm3", "helm4"]) await symlink(path.join(toolsDir, t), path.join(tools, t));
    const work = tempDir("floe-gate-");
    const resultsFile = path.join(work, "results.json");
    const r = await cli(["gate", "--tools-dir", tools, "--work-dir", work, "--results", resultsFile], {
      cwd: good,
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `warning kubesec: kubesec did not run: kubesec not found in ${tools} (--tools-dir): run scripts/tools.sh`,
    );
    const checks = JSON.parse(await readFile(resultsFile, "utf8")).checks as Array<Record<string, string>>;
    expect(checks.filter((c) => c.rule === "kubesec").map((c) => [c.state, c.reason])).toEqual([
      ["skip", `not run: kubesec not found in ${tools} (--tools-dir): run scripts/tools.sh`],
    ]);
    expect(checks.some((c) => c.id === "render app/prod helm4" && c.state === "pass")).toBe(true);
  });
});

describe("gate on a chart whose rendered output helm accepts but YAML does not", () => {
  it("fails the rendered yaml-parse check of every cell at the template, though the render passed", async () => {
    // Tabs indenting a flow mapping: Go's YAML parser (helm, the API server) takes it, the YAML spec (and
    // every strict parser: kubectl's server-side apply is not the only reader of a manifest) does not.
    const dir = tempDir("floe-gate-tab-");
    await cp(good, dir, { recursive: true });
    const template = path.join(dir, "charts", "app", "templates", "tabbed.yaml");
    await writeFile(template, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: tabbed,\n\tlabels: {}}\n");
    const r = await gate(dir);
    expect(r.code).toBe(1);
    const checks = r.results.checks as Array<{ id: string; state: string }>;
    for (const h of [3, 4]) {
      expect(checks.find((c) => c.id === `render app/prod helm${h}`)?.state).toBe("pass");
      expect(checks.find((c) => c.id === `yaml-parse app/prod helm${h} rendered`)?.state).toBe("fail");
    }
    expect(
      r.out
        .split("\n")
        .filter((l) =>
          l.startsWith(
            "charts/app/templates/tabbed.yaml:1: error yaml-parse: rendered output is not valid YAML at line",
          ),
        ),
    ).not.toHaveLength(0);
  });
});

describe("gate on broken charts", () => {
  let r: Awaited<ReturnType<typeof gate>>;
  beforeAll(async () => {
    r = await gate(broken);
  });

  it("exits 1 with a FAIL verdict", () => {
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^gate: FAIL: \d+ error\(s\), 0 warning\(s\), 0 waived/m);
  });

  it.each([
    ["yaml-parse", "charts/bad/values-dev.yaml:2:1: error yaml-parse: not valid YAML: "],
    [
      "duplicate-key (values)",
      "charts/bad/values-prod.yaml:6:3: error duplicate-key: key 'image.tag' is set twice",
    ],
    [
      "duplicate-key (rendered, at the template line)",
      "charts/bad/templates/configmap.yaml:8:3: error duplicate-key: 'data.mode' is written twice in the rendered ConfigMap floe-gate-settings",
    ],
    [
      "values-schema",
      `charts/bad/values-prod.yaml:1:1: error values-schema: replicas: must be integer, got string "three"`,
    ],
    [
      "dead-value",
      "charts/bad/values-prod.yaml:2:1: error dead-value: 'dagster-webserver' is set but no template of bad reads it",
    ],
    [
      "lint",
      "charts/bad/templates/deployment.yaml:1: error lint: a Deployment must contain matchLabels or matchExpressions",
    ],
    [
      "render (helm's error at the template and line)",
      `charts/norender/templates/cm.yaml:6:15: error render: template: norender/templates/cm.yaml:6:15: executing "norender/templates/cm.yaml" at <.Values.a.b.c>`,
    ],
  ])("%s fires at its file and line", (_rule, line) => {
    expect(r.out.split("\n").filter((l) => l.startsWith(line))).toHaveLength(1);
  });

  it("does not run helm on a scenario whose values file is not YAML (and says why)", () => {
    const checks = r.results.checks as Array<{ id: string; state: string; reason?: string }>;
    expect(checks.find((c) => c.id === "render bad/dev helm3")).toMatchObject({
      state: "skip",
      reason: expect.stringMatching(/not valid YAML/),
    });
  });

  it("applies severity overrides, waivers (with expiry) and requirement coverage from floe-gate.yaml", async () => {
    const dir = tempDir("floe-gate-cfg-");
    const config = path.join(dir, "floe-gate.yaml");
    await writeFile(
      config,
      [
        "charts:",
        "  - dir: charts/bad",
        "    scenarios:",
        "      - name: renders",
        "        values: [charts/bad/ci/renders-values.yaml]",
        "helm: 3",
        "severity:",
        "  lint: warning",
        "  policy/*: off",
        "  kubesec: off",
        "  k8s-schema: off",
        "  dangling-reference: off",
        "waivers:",
        "  - rule: duplicate-key",
        "    object: ConfigMap/*-settings",
        "    reason: fixed upstream in 2.0",
        "    expiry: 2999-12-31",
        "requirements:",
        "  GATE-001: [lint, render]",
        "",
      ].join("\n"),
    );
    const c = await gate(broken, ["--config", config]);
    expect(c.out).toMatch(
      /^charts\/bad\/templates\/configmap\.yaml:8:3: error duplicate-key: .* \[waived: fixed upstream in 2\.0\]$/m,
    );
    expect(c.out).toMatch(
      /^charts\/bad\/templates\/deployment\.yaml:1: warning lint: a Deployment must contain/m,
    );
    expect(c.out).toMatch(/^gate: PASS: 0 error\(s\), 1 warning\(s\), 1 waived/m);
    expect(c.code).toBe(0);
    const checks = c.results.checks as Array<{ id: string; covers?: string[] }>;
    expect(checks.find((x) => x.id === "lint bad/renders helm3")?.covers).toEqual(["GATE-001"]);

    expect(c.out).not.toMatch(/waiver-unused/);

    await writeFile(config, (await readFile(config, "utf8")).replace("2999-12-31", "2020-01-31"));
    const expired = await gate(broken, ["--config", config]);
    expect(expired.code).toBe(1);
    expect(expired.out).toMatch(
      /error duplicate-key: .* \(waiver expired 2020-01-31, no longer applies: fixed upstream in 2\.0\) \(scenario: renders; helm 3\)$/m,
    );
  });

  it("reports a waiver that matched no finding of the run as waiver-unused at its line in floe-gate.yaml", async () => {
    const dir = tempDir("floe-gate-stale-");
    const config = path.join(dir, "floe-gate.yaml");
    const lines = [
      "charts:",
      "  - dir: charts/bad",
      "    scenarios:",
      "      - name: renders",
      "        values: [charts/bad/ci/renders-values.yaml]",
      "helm: 3",
      "severity:",
      "  lint: warning",
      "  policy/*: off",
      "  kubesec: off",
      "  k8s-schema: off",
      "  dangling-reference: off",
      "waivers:",
      "  - rule: duplicate-key", // line 14: used
      "    object: ConfigMap/*-settings",
      "    reason: fixed upstream in 2.0",
      "    expiry: 2999-12-31",
      "  - rule: duplicate-key", // line 18: the object is gone
      "    object: ConfigMap/retired",
      "    reason: old config map",
      "    expiry: 2999-12-31",
      "  - rule: lint", // line 22: expired and matching nothing: stale too
      "    object: Deployment/*",
      "    reason: old lint rule",
      "    expiry: 2020-01-31",
      "",
    ];
    await writeFile(config, lines.join("\n"));
    const c = await gate(broken, ["--config", config]);
    const rel = path.relative(broken, config);
    const stale = c.out.split("\n").filter((l) => l.includes("waiver-unused"));
    expect(stale).toEqual([
      `${rel}:18:5: warning waiver-unused: waiver (rule duplicate-key, object ConfigMap/retired) matched no finding in this run: remove it, the problem it excused is gone (reason was: old config map)`,
      `${rel}:22:5: warning waiver-unused: waiver (rule lint, object Deployment/*) matched no finding in this run: remove it, the problem it excused is gone (reason was: old lint rule)`,
    ]);
    // A warning: the verdict still passes (1 lint warning + 2 stale waivers).
    expect(c.out).toMatch(/^gate: PASS: 0 error\(s\), 3 warning\(s\), 1 waived/m);
    expect(c.code).toBe(0);
    const findings = c.results.findings as Array<{ rule: string; object?: string }>;
    expect(findings.filter((x) => x.rule === "waiver-unused").map((x) => x.object)).toEqual([
      "ConfigMap/retired",
      "Deployment/*",
    ]);
  });

  it("does not judge waivers when only part of the plan ran (--chart leaving charts out, --values): a waiver may be for the rest", async () => {
    const dir = tempDir("floe-gate-partial-");
    for (const c of ["one", "two"])
      await cp(path.join(good, "charts", "app"), path.join(dir, "charts", c), { recursive: true });
    await writeFile(
      path.join(dir, "floe-gate.yaml"),
      "waivers:\n  - rule: kubesec\n    object: Deployment/only-in-two\n    reason: chart two's singleton\n    expiry: 2999-12-31\n",
    );
    const whole = await gate(dir);
    expect(whole.out).toMatch(
      /warning waiver-unused: waiver \(rule kubesec, object Deployment\/only-in-two\)/,
    );
    for (const args of [
      ["--chart", "charts/one"],
      ["--values", "charts/one/values.yaml"],
    ]) {
      const part = await gate(dir, args);
      expect(part.out).not.toMatch(/waiver-unused/);
      const checks = part.results.checks as Array<{ rule: string; state: string; reason?: string }>;
      expect(checks.find((x) => x.rule === "waiver-unused")).toMatchObject({
        state: "skip",
        reason:
          args[0] === "--chart"
            ? "only part of the plan ran: --chart left out charts/two"
            : "only part of the plan ran: --values replaced the scenarios",
      });
    }
  });
});
