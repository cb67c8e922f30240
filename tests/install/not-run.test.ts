// Components a scenario turns off here (floe-gate.yaml `notRun`): the pure pieces as tables, then the real
// helm 4 rendering charts/floe-platform's kind-local scenario with Polaris and Marquez switched on, so the
// pods and requirement ids come from the chart's own floe.dev/covers annotations. (The kwok lane in
// test-phase.test.ts runs it through the CLI and the report.)
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildInputs, type CommonFlags } from "../../src/config/inputs.js";
import type { CheckStatus, Finding } from "../../src/core/findings.js";
import { helmTemplateArgv } from "../../src/helm/argv.js";
import { notRunChecks, podsOnlyIn, recordNotRun } from "../../src/install/not-run.js";
import { resolveConfig } from "../../src/plan/config.js";
import { buildPlan } from "../../src/plan/plan.js";
import type { PhaseContext } from "../../src/report/phase.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool } from "../helpers/tools.js";

describe("podsOnlyIn", () => {
  it.each([
    {
      name: "the pods the switch adds, in the on-render's order",
      on: ["a", "p1", "b", "p2"],
      base: ["a", "b"],
      want: ["p1", "p2"],
    },
    { name: "nothing added: none", on: ["a"], base: ["a"], want: [] },
    { name: "a pod the switch removes is not the component's", on: ["p"], base: ["a", "p"], want: [] },
  ])("$name", ({ on, base, want }) => {
    const pods = (names: string[]) => names.map((name) => ({ name, covers: [`C-${name}`] }));
    expect(podsOnlyIn(pods(on), pods(base)).map((p) => p.name)).toEqual(want);
  });
});

describe("notRunChecks", () => {
  it("one skipped helm-test check per pod, with the reason, the component and the pod's covers", () => {
    const checks = notRunChecks(
      [
        {
          component: "polaris",
          reason: "no image obtainable: X",
          pods: [
            { name: "r-test-polaris-s3", covers: ["E2E-002", "E2E-003"] },
            { name: "r-test-bare", covers: [] },
          ],
        },
      ],
      "kind-local",
      "floe-platform/kind-local helm4",
    );
    expect(checks).toEqual<CheckStatus[]>([
      {
        id: "helm-test r-test-polaris-s3 floe-platform/kind-local helm4",
        rule: "helm-test",
        state: "skip",
        reason: "not run here: no image obtainable: X (polaris is off in scenario kind-local)",
        covers: ["E2E-002", "E2E-003"],
      },
      {
        id: "helm-test r-test-bare floe-platform/kind-local helm4",
        rule: "helm-test",
        state: "skip",
        reason: "not run here: no image obtainable: X (polaris is off in scenario kind-local)",
      },
    ]);
  });
});

function collector(inputs: PhaseContext["inputs"]) {
  const findings: Finding[] = [];
  const checks: CheckStatus[] = [];
  const ctx: PhaseContext = {
    inputs,
    add: (f) => findings.push(f),
    check: (c) => checks.push(c),
    output: () => {},
    progress: () => {},
  };
  return { ctx, findings, checks };
}

async function run(flags: CommonFlags, cwd = repoRoot) {
  const inputs = buildInputs(flags, {}, cwd);
  const config = await resolveConfig(inputs, cwd);
  const plan = await buildPlan(config, inputs, cwd);
  const c = collector(inputs);
  const chartDir = new Map(plan.charts.map((ch) => [ch.info.dir, ch.abs]));
  await recordNotRun(
    c.ctx,
    { config, cells: plan.cells, chartDir, helm: { bin: tool("helm4"), major: 4 }, release: "floe-test" },
    { env: { PATH: process.env.PATH }, cwd },
  );
  return c;
}

describe("recordNotRun (real helm 4, this repository's floe-gate.yaml)", () => {
  it("kind-local: every Polaris and Marquez test pod of charts/floe-platform is a skip 'not run here', with its covers", async () => {
    const { findings, checks } = await run({
      chart: ["charts/floe-platform"],
      scenario: ["kind-local"],
      helm: "4",
    });
    expect(findings).toEqual([]);
    expect(checks.map((c) => `${c.id}: ${c.covers?.join(",")}`)).toEqual([
      "helm-test floe-test-floe-platform-test-polaris-postgresql floe-platform/kind-local helm4: E2E-002,INT-002",
      "helm-test floe-test-floe-platform-test-polaris-s3 floe-platform/kind-local helm4: E2E-002,E2E-003,INT-003",
      "helm-test floe-test-floe-platform-test-dagster-polaris floe-platform/kind-local helm4: E2E-002,INT-004",
      "helm-test floe-test-floe-platform-test-marquez-postgresql floe-platform/kind-local helm4: E2E-002,INT-006",
      "helm-test floe-test-floe-platform-test-marquez-api floe-platform/kind-local helm4: E2E-002,INT-007",
    ]);
    expect(new Set(checks.map((c) => c.state))).toEqual(new Set(["skip"]));
    expect(checks[1]!.reason).toMatch(
      /^not run here: no image obtainable: .*apache\/polaris.* \(polaris is off in scenario kind-local\)$/,
    );
    expect(checks[4]!.reason).toMatch(/^not run here: no image obtainable: .*marquez.* \(marquez is off/);
  });

  it("a scenario that declares nothing records nothing (values-test runs Polaris and Marquez)", async () => {
    const { findings, checks } = await run({
      chart: ["charts/floe-platform"],
      scenario: ["test"],
      helm: "4",
    });
    expect([findings, checks]).toEqual([[], []]);
  });

  it("a declared component whose switch adds no test pod (it is on) is a warning naming the config", async () => {
    const cwd = tempDir("floe-not-run-");
    const cfg = path.join(cwd, "gate.yaml");
    const values = path.join(repoRoot, "charts", "floe-platform", "values-test.yaml");
    writeFileSync(
      cfg,
      `charts:\n  - dir: ${path.join(repoRoot, "charts", "floe-platform")}\n    scenarios:\n      - name: t\n        values: [${values}]\n        notRun: [{ component: jaeger, reason: stale }]\n`,
    );
    const { findings, checks } = await run({ config: cfg, helm: "4" }, cwd);
    expect(checks).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "not-run", severity: "warning", scenario: "t" });
    expect(findings[0]!.message).toMatch(
      /scenario t declares jaeger not run, but jaeger\.enabled=true adds no helm test pod/,
    );
  });

  it("a render that fails is an error naming the components whose pods are unknown", async () => {
    const cwd = tempDir("floe-not-run-");
    const cfg = path.join(cwd, "gate.yaml");
    const bad = path.join(cwd, "bad.yaml");
    writeFileSync(bad, "notAValue: 1\n");
    writeFileSync(
      cfg,
      `charts:\n  - dir: ${path.join(repoRoot, "charts", "floe-platform")}\n    scenarios:\n      - name: t\n        values: [${bad}]\n        notRun: [{ component: polaris, reason: r }]\n`,
    );
    const { findings, checks } = await run({ config: cfg, helm: "4" }, cwd);
    expect(checks).toEqual([]);
    expect(findings.map((f) => `${f.severity} ${f.rule}: ${f.message}`)).toEqual([
      expect.stringMatching(
        /^error not-run: helm template failed, so the helm test pods of polaris \(not run in this scenario\) are unknown: values don't meet the specifications of the schema.*additional properties 'notAValue' not allowed$/,
      ),
    ]);
  });
});

describe("floe-gate.yaml notRun", () => {
  it("a notRun entry without a reason is one usage error at file:line:col", async () => {
    const cwd = tempDir("floe-not-run-");
    const cfg = path.join(cwd, "floe-gate.yaml");
    writeFileSync(
      cfg,
      "charts:\n  - dir: charts/x\n    scenarios:\n      - name: t\n        notRun:\n          - component: polaris\n",
    );
    const e = await resolveConfig(buildInputs({ config: cfg }, {}, cwd), cwd).catch((x: unknown) => x);
    expect(e).toMatchObject({
      name: "UserError",
      message: "charts.0.scenarios.0.notRun.0: must have required property 'reason'",
      where: { file: "floe-gate.yaml", line: 6 },
    });
  });

  it("helm template takes the --set after the values files", () => {
    expect(
      helmTemplateArgv({
        bin: "h",
        major: 4,
        chartDir: "/c",
        valuesFiles: ["/v.yaml"],
        set: ["polaris.enabled=true"],
      }),
    ).toEqual([
      "h",
      "template",
      "floe-gate",
      "/c",
      "--namespace",
      "floe-gate",
      "--values",
      "/v.yaml",
      "--set",
      "polaris.enabled=true",
    ]);
  });
});
