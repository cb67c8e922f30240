// Scenarios per chart: --scenario NAME picks each chart's own file of that name, CHART_DIR=FILE values
// apply to one chart only, and a chart without the scenario is skipped with the reason, never given
// another chart's file. Planned over this repository's two charts and a stranger's layout (ci/ only).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildInputs, type CommonFlags } from "../../src/config/inputs.js";
import { resolveConfig } from "../../src/plan/config.js";
import { buildPlan, scenarioMatches } from "../../src/plan/plan.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

async function plan(flags: CommonFlags, cwd = repoRoot, env: NodeJS.ProcessEnv = {}) {
  const inputs = buildInputs(flags, env, cwd);
  return buildPlan(await resolveConfig(inputs, cwd), inputs, cwd);
}
const files = (p: Awaited<ReturnType<typeof plan>>) =>
  p.charts.flatMap((c) => c.scenarios.map((s) => `${c.info.name}: ${s.name} = ${s.valuesFiles.join(" + ")}`));

/** A stranger's repository: one chart whose scenarios live only under ci/, another with none. */
function strangerRepo(): string {
  const root = tempDir("floe-plan-");
  for (const name of ["web", "bare"]) {
    mkdirSync(path.join(root, "charts", name, "ci"), { recursive: true });
    writeFileSync(
      path.join(root, "charts", name, "Chart.yaml"),
      `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`,
    );
  }
  writeFileSync(path.join(root, "charts", "web", "ci", "test-values.yaml"), "replicas: 1\n");
  writeFileSync(path.join(root, "charts", "web", "ci", "ha-values.yaml"), "replicas: 3\n");
  return root;
}

describe("scenario names", () => {
  it.each([
    ["test", "test", true],
    ["ci/test-values", "test", true],
    ["ci/test-values", "ci/test-values", true],
    ["testing", "test", false],
    ["ci/contest-values", "test", false],
    ["prod", "test", false],
  ])("%s is scenario '%s': %s", (found, wanted, yes) => {
    expect(scenarioMatches(found, wanted)).toBe(yes);
  });
});

describe("plan: scenarios declared in floe-gate.yaml", () => {
  function withConfig(config: string): string {
    const root = strangerRepo();
    mkdirSync(path.join(root, "local"));
    writeFileSync(path.join(root, "local", "web.yaml"), "image: local\n");
    writeFileSync(path.join(root, "floe-gate.yaml"), config);
    return root;
  }
  const declared =
    "    scenarios:\n      - { name: local, values: [charts/web/ci/test-values.yaml, local/web.yaml] }\n";

  it("declared scenarios alone replace the found ones (discover defaults to false)", async () => {
    const root = withConfig(`charts:\n  - dir: charts/web\n${declared}`);
    expect(files(await plan({}, root))).toEqual([
      "web: local = charts/web/ci/test-values.yaml + local/web.yaml",
    ]);
  });

  it("discover: true keeps the found scenarios and adds the declared ones after them", async () => {
    const root = withConfig(`charts:\n  - dir: charts/web\n    discover: true\n${declared}`);
    expect(files(await plan({}, root))).toEqual([
      "web: ci/ha-values = charts/web/ci/ha-values.yaml",
      "web: ci/test-values = charts/web/ci/test-values.yaml",
      "web: local = charts/web/ci/test-values.yaml + local/web.yaml",
    ]);
    expect(files(await plan({ scenario: ["local"] }, root))).toEqual([
      "web: local = charts/web/ci/test-values.yaml + local/web.yaml",
    ]);
  });

  it("discover: true with a declared scenario of a found one's name: the declared one replaces it", async () => {
    const root = withConfig(
      "charts:\n  - dir: charts/web\n    discover: true\n    scenarios:\n      - { name: ci/ha-values, values: [local/web.yaml] }\n",
    );
    expect(files(await plan({}, root))).toEqual([
      "web: ci/test-values = charts/web/ci/test-values.yaml",
      "web: ci/ha-values = local/web.yaml",
    ]);
  });

  it("discover must be a boolean: the config error names the key (the CLI adds floe-gate.yaml:3:5)", async () => {
    const root = withConfig("charts:\n  - dir: charts/web\n    discover: yes please\n");
    await expect(plan({}, root)).rejects.toThrow("charts.0.discover: must be boolean");
  });

  it("--chart narrows the charts but keeps the config's scenarios of the chart it names", async () => {
    const p = await plan({ chart: ["charts/floe-platform"], scenario: ["kind-local"] });
    expect(files(p)).toEqual([
      "floe-platform: kind-local = charts/floe-platform/values-test.yaml + scenarios/kind-local/floe-platform.yaml",
    ]);
  });

  it("this repository: kind-local is declared for both charts, after the scenarios each folder holds", async () => {
    const p = await plan({ scenario: ["kind-local"] });
    expect(files(p)).toEqual([
      "floe-jobs: kind-local = charts/floe-jobs/values-test.yaml + scenarios/kind-local/floe-jobs.yaml",
      "floe-platform: kind-local = charts/floe-platform/values-test.yaml + scenarios/kind-local/floe-platform.yaml",
    ]);
  });
});

describe("plan: scenarios per chart", () => {
  it("--scenario test: each of this repository's charts gets its own values-test.yaml", async () => {
    const p = await plan({ scenario: ["test"] });
    expect(files(p)).toEqual([
      "floe-jobs: test = charts/floe-jobs/values-test.yaml",
      "floe-platform: test = charts/floe-platform/values-test.yaml",
    ]);
    expect(p.skipped.map((c) => c.info.name)).toEqual(["floe-common"]); // the library chart
    expect(p.partial).toBe("--scenario chose test");
  });

  it("FLOE_HELM_SCENARIO (the action's scenario input) is a list: newline or comma", async () => {
    const p = await plan({}, repoRoot, { FLOE_HELM_SCENARIO: "test,\nprod" });
    expect(files(p)).toEqual([
      "floe-jobs: prod = charts/floe-jobs/values-prod.yaml",
      "floe-jobs: test = charts/floe-jobs/values-test.yaml",
      "floe-platform: prod = charts/floe-platform/values-prod.yaml",
      "floe-platform: test = charts/floe-platform/values-test.yaml",
    ]);
  });

  it("a chart without the scenario is skipped with the reason (the names it has), not given another's file", async () => {
    const p = await plan({ scenario: ["full"] });
    expect(files(p)).toEqual(["floe-platform: ci/full-values = charts/floe-platform/ci/full-values.yaml"]);
    expect(p.skipped.filter((c) => !c.library)).toEqual([
      {
        info: { name: "floe-jobs", version: expect.any(String), dir: "charts/floe-jobs" },
        reason:
          "no scenario 'full' in charts/floe-jobs (it has: dev, prod, staging, test, ci/long-names-values, ci/minimal-values, kind-local)",
      },
    ]);
  });

  it("a scenario no chart has is a usage error listing what each chart has", async () => {
    await expect(plan({ scenario: ["tset"] })).rejects.toThrow(
      "--scenario tset: no chart has such a scenario (charts/floe-jobs: dev, prod, staging, test, ci/long-names-values, ci/minimal-values, kind-local; charts/floe-platform: dev, prod, staging, test, ci/cnpg-values, ci/external-values, ci/externalsecrets-values, ci/full-values, ci/minimal-values, ci/networkpolicy-values, kind-local, kind-upstream)",
    );
  });

  it("CHART_DIR=FILE applies to that chart only; the other chart keeps its scenarios (or --scenario's)", async () => {
    const p = await plan({
      values: ["charts/floe-platform=charts/floe-platform/values-test.yaml"],
      scenario: ["prod"],
    });
    expect(files(p)).toEqual([
      "floe-jobs: prod = charts/floe-jobs/values-prod.yaml",
      "floe-platform: values-test = charts/floe-platform/values-test.yaml",
    ]);
  });

  it("CHART_DIR=FILE for a chart the run does not cover is a usage error, not a silent no-op", async () => {
    await expect(
      plan({
        chart: ["charts/floe-jobs"],
        values: ["charts/floe-platform=charts/floe-platform/values-test.yaml"],
      }),
    ).rejects.toThrow(
      "--values charts/floe-platform=charts/floe-platform/values-test.yaml: charts/floe-platform is not one of the charts this run covers (charts/floe-jobs)",
    );
  });

  it("a values file whose own name holds '=' is still a file for every chart", async () => {
    const root = strangerRepo();
    writeFileSync(path.join(root, "a=b.yaml"), "replicas: 2\n");
    const p = await plan({ values: ["a=b.yaml"] }, root);
    expect(files(p)).toEqual(["bare: a=b = a=b.yaml", "web: a=b = a=b.yaml"]);
  });

  it("a stranger's chart with ci/ scenarios only: --scenario test finds ci/test-values.yaml; the chart without any is skipped", async () => {
    const root = strangerRepo();
    const p = await plan({ scenario: ["test"] }, root);
    expect(files(p)).toEqual(["web: ci/test-values = charts/web/ci/test-values.yaml"]);
    expect(p.skipped.map((s) => s.reason)).toEqual(["no scenario 'test' in charts/bare (it has: default)"]);
  });

  it("the config's scenarios are selected by name too", async () => {
    const root = strangerRepo();
    cpSync(path.join(root, "charts", "web", "ci", "ha-values.yaml"), path.join(root, "ha.yaml"));
    writeFileSync(
      path.join(root, "floe-gate.yaml"),
      "charts:\n  - dir: charts/web\n    scenarios:\n      - { name: test, values: [ha.yaml] }\n      - { name: other, values: [charts/web/ci/test-values.yaml] }\n",
    );
    const p = await plan({ scenario: ["test"] }, root);
    expect(files(p)).toEqual(["web: test = ha.yaml"]);
  });
});

describe("plan: library charts (type: library)", () => {
  it("this repository's floe-common is left out with the reason, naming the charts that depend on it", async () => {
    const p = await plan({});
    expect(p.charts.map((c) => c.info.name)).toEqual(["floe-jobs", "floe-platform"]);
    expect(p.skipped).toEqual([
      {
        info: { name: "floe-common", version: expect.any(String), dir: "charts/floe-common" },
        reason:
          "library chart (type: library): helm cannot render or install it on its own; its helpers are checked through charts/floe-jobs, charts/floe-platform, which depend on it",
        library: true,
      },
    ]);
    expect(p.cells.every((c) => c.scenario.chart.name !== "floe-common")).toBe(true);
  });

  it("a library no chart of the run depends on says nothing checks it; a run of libraries only is a usage error", async () => {
    const root = strangerRepo();
    mkdirSync(path.join(root, "charts", "lib"), { recursive: true });
    writeFileSync(
      path.join(root, "charts", "lib", "Chart.yaml"),
      "apiVersion: v2\nname: lib\ntype: library\nversion: 0.1.0\n",
    );
    const p = await plan({}, root);
    expect(p.skipped.find((c) => c.library)?.reason).toBe(
      "library chart (type: library): helm cannot render or install it on its own; no chart of this run depends on it, so nothing checks its helpers",
    );
    await expect(plan({ chart: ["charts/lib"] }, root)).rejects.toThrow(
      "no chart to check: charts/lib is a library chart (type: library), which helm cannot render or install on its own: check the charts that depend on it (--chart DIR)",
    );
    // The gate's plan (librariesAlone): no cell, the library skipped, for the gate to lint it.
    const inputs = buildInputs({ chart: ["charts/lib"] }, {}, root);
    const alone = await buildPlan(await resolveConfig(inputs, root), inputs, root, { librariesAlone: true });
    expect(alone.cells).toEqual([]);
    expect(alone.skipped.map((c) => `${c.info.dir} library=${c.library}`)).toEqual([
      "charts/lib library=true",
    ]);
  });
});

describe("plan: a scenario's platform (floe-gate.yaml `platform`)", () => {
  it("this repository: floe-jobs' kind-local runs against floe-platform's kind-local, as release floe-platform", async () => {
    const p = await plan({ chart: ["charts/floe-jobs"], scenario: ["kind-local"] });
    const s = p.charts[0]!.scenarios[0]!;
    expect(s.platform?.release).toBe("floe-platform");
    expect(`${s.platform?.scenario.chart.dir} ${s.platform?.scenario.name}`).toBe(
      "charts/floe-platform kind-local",
    );
    expect(s.platform?.scenario.valuesFiles).toEqual([
      "charts/floe-platform/values-test.yaml",
      "scenarios/kind-local/floe-platform.yaml",
    ]);
    // Only the platform's own scenario is installed: it names no platform of its own.
    expect(s.platform?.scenario.platform).toBeUndefined();
  });

  /** This repository's charts under a config of its own, floe-jobs' kind-local naming `platform`. */
  function repoWith(platform: string): string {
    const root = tempDir("floe-plan-platform-");
    cpSync(path.join(repoRoot, "charts"), path.join(root, "charts"), { recursive: true });
    writeFileSync(
      path.join(root, "floe-gate.yaml"),
      [
        "charts:",
        "  - dir: charts/floe-jobs",
        "    scenarios:",
        "      - name: kind-local",
        "        values: [charts/floe-jobs/values-test.yaml]",
        `        platform: ${platform}`,
        "  - dir: charts/floe-platform",
        "",
      ].join("\n"),
    );
    return root;
  }

  it.each([
    [
      "a chart not listed",
      "{ chart: charts/floe-nope, scenario: test, release: floe-platform }",
      "floe-gate.yaml:6:9: scenario 'kind-local' of charts/floe-jobs: platform chart charts/floe-nope is not one of the charts listed (charts/floe-jobs, charts/floe-platform)",
    ],
    [
      "a scenario the chart does not have",
      "{ chart: charts/floe-platform, scenario: kind-lokal, release: floe-platform }",
      "floe-gate.yaml:6:9: scenario 'kind-local' of charts/floe-jobs: platform scenario 'kind-lokal' is not a scenario of charts/floe-platform (it has: dev, prod, staging, test, ci/cnpg-values, ci/external-values, ci/externalsecrets-values, ci/full-values, ci/minimal-values, ci/networkpolicy-values)",
    ],
    [
      "its own chart",
      "{ chart: charts/floe-jobs, scenario: test, release: floe-platform }",
      "floe-gate.yaml:6:9: scenario 'kind-local' of charts/floe-jobs: platform names its own chart",
    ],
  ])("%s: one usage error at the platform's line", async (_what, platform, message) => {
    const root = repoWith(platform);
    const r = await cli(["gate", "--work-dir", path.join(root, ".floe-helm"), "--tools-dir", toolsDir], {
      cwd: root,
    });
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("a platform whose own scenario names a platform: one level only", async () => {
    const root = repoWith("{ chart: charts/floe-platform, scenario: base, release: floe-platform }");
    writeFileSync(
      path.join(root, "floe-gate.yaml"),
      `${readFileSync(path.join(root, "floe-gate.yaml"), "utf8")}    scenarios:\n      - name: base\n        platform: { chart: charts/floe-jobs, scenario: test, release: floe-jobs }\n`,
    );
    const r = await cli(["gate", "--work-dir", path.join(root, ".floe-helm"), "--tools-dir", toolsDir], {
      cwd: root,
    });
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(
      "floe-gate.yaml:6:9: scenario 'kind-local' of charts/floe-jobs: platform charts/floe-platform/base names a platform itself (charts/floe-jobs/test): one level only",
    );
  });

  it("a release named like the scenario's own (floe-test) is refused by the schema", async () => {
    const root = repoWith("{ chart: charts/floe-platform, scenario: test, release: floe-test }");
    const r = await cli(["gate", "--work-dir", path.join(root, ".floe-helm"), "--tools-dir", toolsDir], {
      cwd: root,
    });
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/floe-gate\.yaml:6:\d+: .*release/);
  });
});
