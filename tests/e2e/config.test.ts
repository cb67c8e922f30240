// floe-gate.yaml `e2e` through the real CLI (`floe-helm e2e`): what it names is checked before any cluster is
// looked for, and each mistake is one usage error (exit 2) at the entry's file:line:col, never a stack trace.
import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot } from "../helpers/tools.js";

/** This repository's charts, examples and scenarios under a floe-gate.yaml whose `e2e` is `e2e`. */
function repoWith(e2e: string): string {
  const root = tempDir("floe-e2e-config-");
  for (const d of ["charts", "examples", "scenarios"])
    cpSync(path.join(repoRoot, d), path.join(root, d), { recursive: true });
  writeFileSync(
    path.join(root, "floe-gate.yaml"),
    [
      "charts:",
      "  - dir: charts/floe-jobs",
      "  - dir: charts/floe-platform",
      "    discover: true",
      "    scenarios:",
      "      - name: kind-local",
      "        values: [charts/floe-platform/values-test.yaml, scenarios/kind-local/floe-platform.yaml]",
      e2e,
      "",
    ].join("\n"),
  );
  return root;
}

const e2e = (platform: string, product: string) =>
  ["e2e:", `  platform: ${platform}`, `  product: ${product}`].join("\n");
const PLATFORM = "{ chart: charts/floe-platform, scenario: kind-local, release: floe-platform }";
const PRODUCT =
  "{ chart: charts/floe-jobs, values: [examples/orders/floe-jobs.values.yaml], release: orders }";

async function run(root: string) {
  // --provider kind with no cluster: a config that passes gets as far as "no cluster", one that does not, not.
  const work = tempDir("floe-e2e-work-");
  return cli(["e2e", "--provider", "kind", "--work-dir", work], { cwd: root });
}

describe("floe-helm e2e: floe-gate.yaml e2e", () => {
  it.each([
    ["", PLATFORM],
    [
      " with objects applied before the platform (the fake provider's SecretStore)",
      "{ chart: charts/floe-platform, scenario: kind-local, release: floe-platform, objects: [scenarios/kind-local/e2e-secret-store.yaml] }",
    ],
  ])("a valid section%s gets past the config (then: no cluster, exit 2)", async (_, platform) => {
    const r = await run(repoWith(e2e(platform, PRODUCT)));
    expect(r.code).toBe(2);
    expect(r.err).toContain("no cluster: run 'floe-helm cluster up --provider kind'");
  });

  it.each([
    [
      "a platform chart not listed under charts",
      e2e("{ chart: charts/nope, scenario: kind-local, release: floe-platform }", PRODUCT),
      "floe-gate.yaml:9:3: e2e.platform: chart charts/nope is not one of the charts listed (charts/floe-jobs, charts/floe-platform)",
    ],
    [
      "a scenario the platform chart does not have",
      e2e("{ chart: charts/floe-platform, scenario: kind-locl, release: floe-platform }", PRODUCT),
      "floe-gate.yaml:9:3: e2e.platform: scenario 'kind-locl' is not a scenario of charts/floe-platform (it has: ",
    ],
    [
      "a product folder that is no chart",
      e2e(PLATFORM, "{ chart: examples/orders, values: [], release: orders }"),
      "floe-gate.yaml:10:3: e2e.product: examples/orders is not a Helm chart: Chart.yaml is missing",
    ],
    [
      "a product values file that does not exist",
      e2e(PLATFORM, "{ chart: charts/floe-jobs, values: [examples/orders/nope.yaml], release: orders }"),
      "floe-gate.yaml:10:3: e2e.product: values file not found: examples/orders/nope.yaml",
    ],
    [
      "a platform objects file that does not exist",
      e2e(
        "{ chart: charts/floe-platform, scenario: kind-local, release: floe-platform, objects: [scenarios/kind-local/nope.yaml] }",
        PRODUCT,
      ),
      "floe-gate.yaml:9:3: e2e.platform.objects: manifest file not found: scenarios/kind-local/nope.yaml",
    ],
    [
      "both releases of one name",
      e2e(PLATFORM, "{ chart: charts/floe-jobs, values: [], release: floe-platform }"),
      "floe-gate.yaml:10:3: e2e.product: release floe-platform is the platform's release name too",
    ],
    [
      "an unknown key (the schema)",
      e2e(PLATFORM, "{ chart: charts/floe-jobs, values: [], release: orders, scenario: x }"),
      "floe-gate.yaml:10:68: unknown key 'scenario' at e2e.product",
    ],
  ])("%s: one usage error at file:line:col", async (_, section, message) => {
    const r = await run(repoWith(section));
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.each([
    ["--platform-scenario", ["--platform-scenario", "nope"], {}],
    ["FLOE_HELM_E2E_SCENARIO (the action's e2e-scenario)", [], { FLOE_HELM_E2E_SCENARIO: "nope" }],
  ])("%s naming no scenario of the platform's chart: one usage error listing them", async (_, argv, env) => {
    const root = repoWith(e2e(PLATFORM, PRODUCT));
    const work = tempDir("floe-e2e-work-");
    const r = await cli(["e2e", "--provider", "kind", "--work-dir", work, ...argv], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(
      "--platform-scenario: 'nope' is not a scenario of charts/floe-platform, the e2e platform's chart in floe-gate.yaml (it has: ",
    );
    expect(r.err).toMatch(/it has: [^)]*\btest\b[^)]*\bkind-local\b/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("--platform-scenario naming another scenario of the chart gets past the config (then: no cluster)", async () => {
    const root = repoWith(e2e(PLATFORM, PRODUCT));
    const work = tempDir("floe-e2e-work-");
    const r = await cli(["e2e", "--provider", "kind", "--work-dir", work, "--platform-scenario", "test"], {
      cwd: root,
    });
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain("no cluster: run 'floe-helm cluster up --provider kind'");
  });

  it("a config without e2e: says what to add", async () => {
    const root = repoWith("");
    const r = await run(root);
    expect(r.code).toBe(2);
    expect(r.err).toContain("floe-gate.yaml has no 'e2e' section");
  });
});
