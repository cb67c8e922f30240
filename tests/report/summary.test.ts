// The job summary (src/report/summary): its Markdown for a passing, a failing and a large run, checked in as
// file snapshots (tests/report/__snapshots__/*.md: read them as a reviewer would), every coverage state,
// the integration graph, links to the commit, the plain-text form, and the 1 MiB limit.
import { describe, expect, it } from "vitest";
import { coverageFindings, coverageMatrix } from "../../src/report/coverage.js";
import type { Integration, Requirement } from "../../src/report/requirements.js";
import type { CheckStatus, Finding, PhaseResults } from "../../src/report/results.js";
import { SUMMARY_LIMIT } from "../../src/report/summary/blocks.js";
import { fileUrl, sourceLinks } from "../../src/report/summary/findings.js";
import { type SummaryInput, summaryMarkdownOf, summaryText } from "../../src/report/summary/index.js";
import { integrationEdges } from "../../src/report/summary/integrations.js";
import { cellOfCheck } from "../../src/report/summary/runs.js";

const at = (line: number) => ({ file: "floe-gate.yaml", line, col: 3 });
const requirements: Record<string, Requirement> = {
  T018: { title: "Platform chart lint test", priority: "P0", covers: ["lint floe-platform*"], at: at(10) },
  T019: {
    title: "Platform chart template test",
    priority: "P0",
    covers: ["render floe-platform/*"],
    at: at(12),
  },
  T020: { title: "Platform install test", priority: "P0", covers: ["install floe-platform/*"], at: at(14) },
  "INT-001": { title: "Dagster -> PostgreSQL", priority: "P1", covers: [], at: at(16) },
  "INT-003": { title: "Polaris -> MinIO/S3", priority: "P1", covers: [], at: at(18) },
  "INT-005": { title: "OTel Collector -> Jaeger", priority: "P1", covers: [], at: at(20) },
  T116: {
    title: "Deploy platform -> register code location -> trigger a job",
    priority: "P0",
    covers: [],
    at: at(22),
  },
  "HPA-001": { title: "Every Deployment scales", priority: "P2", covers: ["policy/hpa"], at: at(24) },
};
const integrations: Integration[] = [
  { from: "Dagster", to: "PostgreSQL", requirements: ["INT-001"] },
  { from: "Polaris", to: "MinIO/S3", requirements: ["INT-003"] },
  { from: "OTel Collector", to: "Jaeger", requirements: ["INT-005"] },
  { from: "Dagster", to: "K8s Jobs", requirements: ["T116"] },
];

function phase(name: string, checks: CheckStatus[], findings: Finding[] = [], secs = 12): PhaseResults {
  const failed = findings.some((f) => f.severity === "error" && !f.waived);
  return {
    schemaVersion: 1,
    phase: name,
    startedAt: "2026-12-03T06:00:00.000Z",
    finishedAt: new Date(Date.parse("2026-12-03T06:00:00.000Z") + secs * 1000).toISOString(),
    status: failed ? "fail" : "pass",
    findings,
    checks,
  };
}

/** A run of `charts` x `scenarios` x helm 3 and 4: the gate (lint, render) and the install test (install,
 * helm test pods covering INT-001, INT-003 (not run here: Polaris is off) and INT-005). */
function run(opts: { charts: string[]; scenarios: string[]; fail?: boolean }): PhaseResults[] {
  const gate: CheckStatus[] = [];
  const test: CheckStatus[] = [];
  const gateFindings: Finding[] = [];
  const testFindings: Finding[] = [];
  for (const chart of opts.charts) {
    gate.push({ id: `chart-schema ${chart}`, rule: "chart-schema", state: "pass", durationMs: 40 });
    for (const scenario of opts.scenarios)
      for (const helm of [3, 4]) {
        const cell = `${chart}/${scenario} helm${helm}`;
        const broken = opts.fail && chart === "floe-platform" && scenario === opts.scenarios[0] && helm === 4;
        gate.push({ id: `lint ${cell}`, rule: "lint", state: "pass", durationMs: 300 });
        gate.push({
          id: `policy/hpa ${cell}`,
          rule: "policy/hpa",
          state: "skip",
          reason: "turned off in floe-gate.yaml",
        });
        gate.push({ id: `render ${cell}`, rule: "render", state: broken ? "fail" : "pass", durationMs: 150 });
        gate.push({
          id: `helm-test ${chart}-test-dagster-postgresql ${cell}`,
          rule: "helm-test",
          state: "skip",
          reason: "a helm test pod runs only in a cluster (floe-helm test), not in the static gate",
          covers: ["INT-001"],
        });
        test.push({ id: `install ${cell}`, rule: "install", state: "pass", durationMs: 45_000 });
        const otelFails = opts.fail && helm === 4;
        test.push({
          id: `helm-test ${chart}-test-otel-jaeger ${cell}`,
          rule: "helm-test",
          state: otelFails ? "fail" : "pass",
          durationMs: 8000,
          covers: ["INT-005"],
        });
        test.push({
          id: `helm-test ${chart}-test-dagster-postgresql ${cell}`,
          rule: "helm-test",
          state: "pass",
          durationMs: 5000,
          covers: ["INT-001"],
        });
        test.push({
          id: `helm-test ${chart}-test-polaris-s3 ${cell}`,
          rule: "helm-test",
          state: "skip",
          reason: `not run here: no image obtainable (polaris is off in scenario ${scenario})`,
          covers: ["INT-003"],
        });
        if (broken)
          gateFindings.push({
            rule: "render",
            severity: "error",
            message:
              "template: floe-platform/templates/dagster.yaml:42: nil pointer evaluating .Values.dagster.image",
            file: `charts/${chart}/templates/dagster.yaml`,
            line: 42,
            col: 7,
            chart,
            scenario,
            helm,
          });
        if (otelFails) {
          testFindings.push({
            rule: "helm-test",
            severity: "error",
            message: `helm test failed: pod ${chart}-test-otel-jaeger in namespace floe-test-${scenario.replace("/", "-")}: FAIL: no trace of service floe-helm-test in Jaeger`,
            file: `charts/${chart}/templates/tests/pods.yaml`,
            line: 97,
            chart,
            scenario,
            helm,
          });
          testFindings.push({
            rule: "diagnosis",
            severity: "info",
            message: `Deployment/${chart}-jaeger: crash-loop: container jaeger restarted 5 times`,
            chart,
            scenario,
            helm,
            cause: "crash-loop",
          });
        }
      }
    gateFindings.push({
      rule: "policy/pdb",
      severity: "warning",
      message: "Deployment/floe-dagster-daemon has 1 replica and no PodDisruptionBudget",
      file: `charts/${chart}/templates/dagster.yaml`,
      line: 80,
      chart,
      scenario: opts.scenarios.at(-1)!,
      helm: 4,
      waived: { reason: "singleton daemon", expires: "2027-06-30" },
    });
  }
  return [phase("gate", gate, gateFindings, 11), phase("test", test, testFindings, 600)];
}

function input(all: PhaseResults[], env: NodeJS.ProcessEnv = {}): SummaryInput {
  const coverage = coverageMatrix(all, requirements);
  const links = sourceLinks(env);
  return {
    all,
    coverage,
    verdict: { findings: coverageFindings(coverage, ["P0"]), failOn: ["P0"] },
    integrations,
    ...(links ? { links } : {}),
  };
}
const github = {
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_REPOSITORY: "floe/helm-action",
  GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
};

describe("the job summary", () => {
  it("a passing run: verdict, charts x scenarios x phases, coverage, integration graph", async () => {
    // With the e2e phase, whose T116 check (the platform's Dagster launching a run as a Job) passed.
    const all = [
      ...run({ charts: ["floe-platform", "floe-jobs"], scenarios: ["dev", "prod"] }),
      phase(
        "e2e",
        [{ id: "e2e T116 dagster-launch", rule: "e2e", state: "pass", durationMs: 95_000, covers: ["T116"] }],
        [],
        180,
      ),
    ];
    const md = summaryMarkdownOf(input(all));
    await expect(md).toMatchFileSnapshot("__snapshots__/summary-pass.md");
    expect(md.split("\n")[2]).toMatch(
      /^✅ \*\*PASS\*\* \(2 chart\(s\), 4 scenario\(s\) x helm 3, 4; 3 phase\(s\), /,
    );
    expect(md).toContain("| (whole run) |  | – | – | ✅ 1m 35s |");
    expect(md).toContain('  n0["Dagster"] -->|"T116: passed"| n6["K8s Jobs"]');
  });

  it("an uncovered P0 fails the verdict even when every phase passed", () => {
    const md = summaryMarkdownOf(input(run({ charts: ["floe-platform"], scenarios: ["dev"] })));
    expect(md.split("\n")[2]).toMatch(
      /^❌ \*\*FAIL\*\*: coverage: 1 requirement\(s\) failed or not covered: T116 \(/,
    );
  });

  it("a failing run: what failed first, the first findings linked to the commit, diagnostics collapsed", async () => {
    const md = summaryMarkdownOf(
      input(run({ charts: ["floe-platform", "floe-jobs"], scenarios: ["dev", "prod"], fail: true }), github),
    );
    await expect(md).toMatchFileSnapshot("__snapshots__/summary-fail.md");
    expect(md).toContain(
      `[\`charts/floe-platform/templates/dagster.yaml:42\`](https://github.com/floe/helm-action/blob/${github.GITHUB_SHA}/charts/floe-platform/templates/dagster.yaml#L42)`,
    );
    expect(md).toMatch(/<details><summary>Diagnostics \(2\)<\/summary>/);
  });

  it("shows every coverage state: passed, failed, skipped with its reason, not run here with its reason, not covered", () => {
    const md = summaryMarkdownOf(
      input(run({ charts: ["floe-platform"], scenarios: ["dev"], fail: true })),
    ).split("\n");
    const row = (id: string) => md.find((l) => l.startsWith(`| \`${id}\` |`));
    expect(row("T018")).toBe("| `T018` | P0 | Platform chart lint test | ✅ pass 2 | – | ✅ pass |");
    expect(row("INT-005")).toBe(
      "| `INT-005` | P1 | OTel Collector -> Jaeger | – | ❌ FAIL 1/2: helm-test floe-platform-test-otel-jaeger floe-platform/dev… | ❌ FAIL |",
    );
    expect(row("INT-001")).toBe(
      "| `INT-001` | P1 | Dagster -> PostgreSQL | ⏭️ skipped 2: a helm test pod runs only in a cluster (floe-helm test)… | ✅ pass 2 | ✅ pass |",
    );
    expect(row("INT-003")).toBe(
      "| `INT-003` | P1 | Polaris -> MinIO/S3 | – | 🚫 not run here 2: no image obtainable (polaris is off in scenario dev) | 🚫 not run here |",
    );
    expect(row("HPA-001")).toBe(
      "| `HPA-001` | P2 | Every Deployment scales | ⏭️ skipped 2: turned off in floe-gate.yaml | – | ⏭️ skipped |",
    );
    expect(row("T116")).toBe(
      "| `T116` | P0 | Deploy platform -> register code location -> trigger a job | – | – | ⚠️ NOT COVERED |",
    );
    // The graph: one edge per integration point, coloured by its state.
    const graph = md.slice(md.indexOf("```mermaid"), md.indexOf("```", md.indexOf("```mermaid") + 1) + 1);
    expect(graph).toEqual([
      "```mermaid",
      "flowchart LR",
      '  n0["Dagster"] -->|"INT-001: passed"| n1["PostgreSQL"]',
      '  n2["Polaris"] -->|"INT-003: not run here"| n3["MinIO/S3"]',
      '  n4["OTel Collector"] -->|"INT-005: FAILED"| n5["Jaeger"]',
      '  n0["Dagster"] -->|"T116: not covered"| n6["K8s Jobs"]',
      "  linkStyle 0 stroke:#1a7f37,stroke-width:3px",
      "  linkStyle 1 stroke:#8c959f,stroke-width:2px,stroke-dasharray:4 4",
      "  linkStyle 2 stroke:#cf222e,stroke-width:3px",
      "  linkStyle 3 stroke:#bc4c00,stroke-width:2px,stroke-dasharray:2 6",
      "```",
    ]);
  });

  it("a large run (2 charts x 10 scenarios x 2 helm majors) stays readable: one row per chart and scenario", async () => {
    const scenarios = [
      "dev",
      "test",
      "staging",
      "prod",
      ...Array.from({ length: 6 }, (_, i) => `ci/s${i}-values`),
    ];
    const md = summaryMarkdownOf(
      input(run({ charts: ["floe-platform", "floe-jobs"], scenarios, fail: true }), github),
    );
    await expect(md).toMatchFileSnapshot("__snapshots__/summary-large.md");
    const runs = md.slice(md.indexOf("### Charts x scenarios"), md.indexOf("### Phases"));
    expect(runs.split("\n").filter((l) => /^\| floe-(platform|jobs) \|/.test(l))).toHaveLength(2 * 11);
    // 20 failed helm tests: the first 5, and a count of the rest.
    expect(md).toContain("#### ❌ `helm-test` (test): 20 finding(s)");
    expect(md).toContain("…and 15 more: every one is in `test.results.json` and the test step's log.");
    expect(Buffer.byteLength(md)).toBeLessThan(64 * 1024);
  });

  it("a huge run is cut under GitHub's 1 MiB limit with a note, never an error", () => {
    const all = run({ charts: ["floe-platform", "floe-jobs"], scenarios: ["dev"], fail: true });
    // 30,000 distinct warnings, 4000 failed rules with a long message each, and a 3 MB message: far over
    // the limit.
    all[0]!.findings.push(
      ...Array.from({ length: 30_000 }, (_, i) => ({
        rule: "yaml-style/line-length",
        severity: "warning" as const,
        message: `line ${i} is longer than 120 characters: ${"x".repeat(160)}`,
        file: "charts/floe-platform/values.yaml",
        line: i + 1,
      })),
      { rule: "render", severity: "error", message: "y".repeat(3_000_000), chart: "floe-platform" },
      ...Array.from({ length: 4000 }, (_, i) => ({
        rule: `policy/r${i}`,
        severity: "error" as const,
        message: `Deployment/d${i}: ${"z".repeat(300)}`,
        file: `charts/floe-platform/templates/d${i}.yaml`,
        line: 1,
      })),
    );
    all[0]!.checks.push(
      ...Array.from({ length: 5000 }, (_, i) => ({
        id: `lint c${i}/s helm4`,
        rule: "lint",
        state: "pass" as const,
      })),
    );
    const md = summaryMarkdownOf(input(all));
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(md).toMatch(/^## floe-helm\n\n❌ \*\*FAIL\*\*/);
    expect(md.trimEnd().split("\n").at(-1)).toMatch(
      /^> ✂️ \*\*Truncated\*\* to stay under GitHub's 1 MiB job summary limit: left out 1 of 2 row\(s\) of `render` findings, 1 row\(s\) of `policy\/r\d+` findings, .* and \d+ more\. Everything is in the results files/,
    );
    // Every chart x scenario row is there (it comes first), and the first of the failed rules.
    expect(md).toContain("| c4999 | s | ✅ |");
    expect(md).toContain("#### ❌ `policy/r0` (gate): 1 finding(s)");
    // Nothing is cut in the middle of a collapsed table or a code block.
    expect(md.match(/<details>/g)?.length ?? 0).toBe(md.match(/<\/details>/g)?.length ?? 0);
    expect((md.match(/```/g)?.length ?? 0) % 2).toBe(0);
  });

  it("prints the same as plain text for the terminal: verdict first, coverage verdict last", async () => {
    const text = summaryText(input(run({ charts: ["floe-platform"], scenarios: ["dev"], fail: true })));
    await expect(`${text.join("\n")}\n`).toMatchFileSnapshot("__snapshots__/summary-fail.txt");
    expect(text[0]).toBe(
      "report: FAIL: gate found 1 error(s); test found 1 error(s); coverage: 2 requirement(s) failed or not covered: T019, T116 (1 chart(s), 1 scenario(s) x helm 3, 4; 2 phase(s), 17 check(s); requirements: 2 FAIL, 3 pass, 1 not run here, 1 skipped, 1 NOT COVERED)",
    );
    expect(text.map((l) => l.replace(/ +/g, " "))).toEqual(
      expect.arrayContaining([
        "chart scenario gate (fail 11.0s) test (fail 10m 00s)",
        "floe-platform (chart) pass <0.1s -",
        "floe-platform dev FAIL helm 4 (helm 3 pass) 0.9s FAIL helm 4 (helm 3 pass) 1m 56s",
        "integration points (1 FAILED, 1 passed, 1 not run here, 1 not covered):",
        "Dagster -> PostgreSQL: pass (INT-001 pass)",
        "Polaris -> MinIO/S3: not run here (INT-003 not run here)",
        "OTel Collector -> Jaeger: FAIL (INT-005 FAIL)",
        "Dagster -> K8s Jobs: NOT COVERED (T116 NOT COVERED)",
        "failed: render (gate): 1 finding(s)",
        " charts/floe-platform/templates/dagster.yaml:42:7: error render: template: floe-platform/templates/dagster.yaml:42: nil pointer evaluating .Values.dagster.image (scenario: dev; helm 4)",
        "failed: helm-test (test): 1 finding(s)",
        "also: 1 waived, 1 diagnostic(s) (printed by their phase; in the job summary)",
      ]),
    );
    expect(text.at(-1)).toBe(
      "coverage: FAIL: 2 requirement(s) of priority P0 failed or not covered: T019, T116",
    );
  });
});

describe("where a check ran, from its id", () => {
  it.each([
    ["lint floe-platform/dev helm4", { chart: "floe-platform", scenario: "dev", helm: 4 }],
    ["policy/hpa app/ci/alt-port-values helm3", { chart: "app", scenario: "ci/alt-port-values", helm: 3 }],
    ["duplicate-key app/dev helm4 rendered", { chart: "app", scenario: "dev", helm: 4 }],
    ["helm-test floe-test-demo-test-ok demo/fail helm4", { chart: "demo", scenario: "fail", helm: 4 }],
    [
      "install platform floe-platform/kind-local (release floe-platform) for floe-jobs/kind-local helm4",
      { chart: "floe-jobs", scenario: "kind-local", helm: 4 },
    ],
    ["dead-value app/dev", { chart: "app", scenario: "dev" }],
    ["chart-schema app", { chart: "app", scenario: "" }],
    ["e2e T116 dagster-launch", undefined],
  ])("%s", (id, cell) => {
    expect(cellOfCheck(id, new Set(["app"]))).toEqual(cell);
  });
});

describe("links to the commit", () => {
  it("only with the runner's GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA, only for files of the checkout", () => {
    expect(sourceLinks({})).toBeUndefined();
    const l = sourceLinks({ ...github, GITHUB_SERVER_URL: "https://ghe.example/" })!;
    expect(fileUrl(l, { file: "charts/a b/values.yaml", line: 3 })).toBe(
      `https://ghe.example/floe/helm-action/blob/${github.GITHUB_SHA}/charts/a%20b/values.yaml#L3`,
    );
    expect(fileUrl(l, { file: "/tmp/x.yaml", line: 1 })).toBeUndefined();
    expect(fileUrl(l, { file: "../other/x.yaml" })).toBeUndefined();
  });
});

describe("an integration point's state", () => {
  const m = coverageMatrix(
    [
      phase("test", [
        { id: "helm-test a x/s helm4", rule: "helm-test", state: "pass", covers: ["A"] },
        { id: "helm-test b x/s helm4", rule: "helm-test", state: "fail", covers: ["B"] },
        {
          id: "helm-test c x/s helm4",
          rule: "helm-test",
          state: "skip",
          reason: "not run here: no image",
          covers: ["C"],
        },
        { id: "helm-test d x/s helm4", rule: "helm-test", state: "skip", reason: "off", covers: ["D"] },
      ]),
    ],
    { A: [], B: [], C: [], D: [], E: [] },
  );
  it.each([
    [["A", "B"], "fail"], // one failed requirement fails the edge
    [["A", "E"], "pass"], // otherwise the best proof any requirement gives
    [["C", "D"], "not-run"],
    [["D", "E"], "skip"],
    [["E"], "not-covered"],
    [["GONE"], "not-covered"], // a requirement no check names
  ])("%j -> %s", (requirements, state) => {
    expect(integrationEdges(m, [{ from: "x", to: "y", requirements }])[0]!.state).toBe(state);
  });
});
