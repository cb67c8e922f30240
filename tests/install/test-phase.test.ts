// `floe-helm test` end to end with the real helm 3 and helm 4 against a real API server (kwok provider:
// a real control plane whose kubelet is simulated, so test pods complete without running; see
// src/cluster/kwok/stages.ts). The chart is tests/fixtures/cluster/demo with its test pods annotated
// floe.dev/covers; `floe-helm report` then shows them in the coverage matrix.
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import resultsSchema from "../../schemas/results.schema.json" with { type: "json" };
import { SIMULATED } from "../../src/install/hooks.js";
import type { PhaseResults } from "../../src/report/results.js";
import { createAjv } from "../../src/values/ajv.js";
import { cli } from "../helpers/cli.js";
import { clusterDown, clusterUp, type TestCluster } from "../helpers/cluster.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

let c: TestCluster | undefined;
let cwd: string;
beforeAll(async () => {
  c = await clusterUp();
  cwd = tempDir("floe-test-phase-");
  const chart = path.join(cwd, "charts", "demo");
  await cp(path.join(repoRoot, "tests", "fixtures", "cluster", "demo"), chart, { recursive: true });
  for (const [file, covers] of [
    ["test-ok.yaml", "INT-OK,E2E-X"],
    ["test-fail.yaml", "INT-FAIL,E2E-X"],
  ] as const) {
    const f = path.join(chart, "templates", "tests", file);
    const text = await readFile(f, "utf8");
    await writeFile(
      f,
      text.replace("    helm.sh/hook: test\n", `    helm.sh/hook: test\n    floe.dev/covers: ${covers}\n`),
    );
  }
  await writeFile(path.join(cwd, "fail.yaml"), "tests:\n  fail: true\n");
  await writeFile(path.join(cwd, "floe-gate.yaml"), "requirements:\n  E2E-X: []\n  E2E-NONE: [nothing]\n");
}, 300_000);
afterAll(async () => {
  await clusterDown(c);
});

const k = () => {
  if (!c) throw new Error("cluster did not start (see beforeAll)");
  return c;
};
const results = async (work: string) =>
  JSON.parse(await readFile(path.join(work, "test.results.json"), "utf8")) as PhaseResults;

describe("floe-helm test on the kwok cluster of cluster up", () => {
  it("installs and tests with helm 3 and 4; kwok's simulated successes are skips with the reason", async () => {
    const work = k().workDir; // cluster up's work dir: the phase finds its kubeconfig and knows it is kwok
    const r = await cli(["test", "--tools-dir", toolsDir, "--work-dir", work, "--chart", "charts/demo"], {
      cwd,
    });
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const res = await results(work);
    expect(createAjv().compile(resultsSchema)(res)).toBe(true);
    expect(res.checks.map((x) => `${x.id} ${x.state}`)).toEqual([
      "install demo/default helm3 pass",
      "helm-test floe-test-demo-test-ok demo/default helm3 skip",
      "install demo/default helm4 pass",
      "helm-test floe-test-demo-test-ok demo/default helm4 skip",
    ]);
    expect(res.checks[1]).toMatchObject({ reason: SIMULATED, covers: ["INT-OK", "E2E-X"] });
    // Every release is uninstalled: the next run starts clean.
    const left = await k().kubectl(
      "get",
      "pods,deploy,jobs",
      "-A",
      "-l",
      "app.kubernetes.io/instance=floe-test",
      "-o",
      "name",
    );
    expect(left.stdout.trim()).toBe("");
    const ns = await k().kubectl(
      "get",
      "namespaces",
      "-o",
      'jsonpath={range .items[*]}{.metadata.name} {.status.phase}{"\\n"}{end}',
    );
    const cells = ns.stdout.split("\n").filter((l) => l.startsWith("floe-test-"));
    // Deleted without waiting: gone or still terminating, never left active.
    for (const l of cells) expect(l).toMatch(/^floe-test-[0-9a-f]{6}-[12] Terminating$/);

    const rep = await cli(["report", "--work-dir", work], { cwd });
    expect(rep.out.split("\n").map((l) => l.replace(/ +/g, " "))).toEqual(
      expect.arrayContaining([
        "requirement test result",
        "E2E-NONE - NOT COVERED",
        "E2E-X skipped 2 skipped",
        "INT-OK skipped 2 skipped",
        `skipped in test: ${SIMULATED} (E2E-X, INT-OK)`,
      ]),
    );
  });

  it("a failing test pod fails the phase, the pods after it are skipped; with --kubeconfig pod phases are taken as they are (stand-in: kwok's simulated pod phases, as a real kubelet would set them)", async () => {
    // An explicit --kubeconfig is trusted as a real cluster: kwok's simulated phases stand in for real
    // ones here (the only mock in this file, needed because Docker-backed kind cannot run here).
    const work = tempDir("floe-test-phase-work-");
    const r = await cli(
      [
        "test",
        "--tools-dir",
        toolsDir,
        "--work-dir",
        work,
        "--kubeconfig",
        k().kubeconfig,
        "--chart",
        "charts/demo",
        "--values",
        "fail.yaml",
        "--helm",
        "4",
      ],
      { cwd },
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^demo: error helm-test: helm test failed: .*floe-test-demo-test-fail.* \(scenario: fail; helm 4\)$/m,
    );
    const res = await results(work);
    expect(res.checks.map((x) => `${x.id} ${x.state}`).sort()).toEqual([
      "helm-test floe-test-demo-test-fail demo/fail helm4 fail",
      // helm test runs test pods by name and stops at the first failure: test-ok never ran.
      "helm-test floe-test-demo-test-ok demo/fail helm4 skip",
      "install demo/fail helm4 pass",
    ]);
    const rep = await cli(["report", "--work-dir", work], { cwd });
    expect(rep.code).toBe(1);
    const rows = rep.out.split("\n").map((l) => l.replace(/ +/g, " "));
    expect(rows).toEqual(
      expect.arrayContaining([
        "E2E-X FAIL 1/2 FAIL",
        "INT-FAIL FAIL 1/1 FAIL",
        "INT-OK skipped 1 skipped",
        "skipped in test: helm test did not run this pod (E2E-X, INT-OK)",
      ]),
    );
    // What the cluster said about the failed cell was kept before its namespace went.
    const diag = path.join(work, "diagnostics", "test", "demo-fail-helm4");
    const files = (await readdir(diag)).sort();
    expect(files).toEqual(expect.arrayContaining(["events.txt", "objects.txt", "pods.txt"]));
    // Every pod's logs; kwok has no kubelet to serve them, and the file says so instead of being missing.
    const log = files.find((f) => /^logs-floe-test-demo-migrate-/.test(f));
    expect(log, files.join(" ")).toBeDefined();
    expect(await readFile(path.join(diag, log!), "utf8")).toMatch(
      /^# kubectl --namespace floe-test-\S+ logs floe-test-demo-migrate-\S+ --all-containers --prefix --tail 300 failed \(exit 1\):/,
    );
    expect(await readFile(path.join(diag, "objects.txt"), "utf8")).toMatch(
      /deployment\.apps\/floe-test-demo /,
    );
    expect(await readFile(path.join(diag, "pods.txt"), "utf8")).toMatch(/Name:\s+floe-test-demo-/);
    expect(r.out).toMatch(
      /info install: diagnostics of demo\/fail helm4 \(objects, events, pods, logs: \d+ files\) in /,
    );
  });

  it("charts/floe-jobs installs with helm 3 and 4; its hook Job's completion is kwok's simulated one, so its helm test (T044) is a skip saying so", async () => {
    const work = k().workDir;
    const r = await cli(
      [
        "test",
        "--tools-dir",
        toolsDir,
        "--work-dir",
        work,
        "--chart",
        "charts/floe-jobs",
        "--values",
        "charts/floe-jobs/values-test.yaml",
      ],
      { cwd: repoRoot },
    );
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const res = await results(work);
    expect(res.checks.map((x) => `${x.id} ${x.state}`)).toEqual([
      "install floe-jobs/values-test helm3 pass",
      "helm-test floe-test-floe-jobs-test floe-jobs/values-test helm3 skip",
      "install floe-jobs/values-test helm4 pass",
      "helm-test floe-test-floe-jobs-test floe-jobs/values-test helm4 skip",
    ]);
    expect(res.checks[1]).toMatchObject({ reason: SIMULATED, covers: ["T044"] });
  });

  it("--scenario kind-local: Polaris' and Marquez' helm test pods are skips 'not run here: no image obtainable', and the report's matrix says so (E2E-003 never passed)", async () => {
    const work = k().workDir;
    const r = await cli(
      [
        "test",
        "--tools-dir",
        toolsDir,
        "--work-dir",
        work,
        "--chart",
        "charts/floe-platform",
        "--scenario",
        "kind-local",
        "--helm",
        "4",
      ],
      { cwd: repoRoot },
    );
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const res = await results(work);
    const notRun = res.checks.filter((x) => x.reason?.startsWith("not run here: "));
    expect(notRun.map((x) => `${x.id.split(" ")[1]} ${x.state} ${x.covers?.join(",")}`)).toEqual([
      "floe-test-floe-platform-test-polaris-postgresql skip E2E-002,INT-002",
      "floe-test-floe-platform-test-polaris-s3 skip E2E-002,E2E-003,INT-003",
      "floe-test-floe-platform-test-dagster-polaris skip E2E-002,INT-004",
      "floe-test-floe-platform-test-marquez-postgresql skip E2E-002,INT-006",
      "floe-test-floe-platform-test-marquez-api skip E2E-002,INT-007",
    ]);
    const rep = await cli(["report", "--work-dir", work], { cwd: repoRoot });
    const lines = rep.out.split("\n").map((l) => l.replace(/ +/g, " "));
    // Not run here is its own state: never a pass, never a failure, its reason listed once per phase.
    expect(lines).toEqual(
      expect.arrayContaining([
        "E2E-003 P1 not run here 1 not run here Table registration and discovery through Polaris (test_table_registration_and_discovery)",
        "INT-007 P2 not run here 1 not run here Marquez API writes and reads a namespace",
        // On kwok the other test pods are skipped too (no kubelet): E2E-002 is not run here, not passed.
        expect.stringMatching(/^E2E-002 P0 not run here 5 \(\+5 skipped\) not run here /),
        expect.stringMatching(/^T020 P0 pass 1 \(\+5 skipped, \+5 not run here\) pass /),
        expect.stringMatching(
          /^not run here in test: no image obtainable: .*apache\/polaris.* \(polaris is off in scenario kind-local\) \(E2E-002, E2E-003, INT-002, INT-003, INT-004, T020, T086, T087\)$/,
        ),
        expect.stringMatching(
          /^not run here in test: no image obtainable: .*marquez.* \(marquez is off in scenario kind-local\) \(E2E-002, INT-006, INT-007, T020, T086, T087\)$/,
        ),
      ]),
    );
    // The verdict judges the phases whose results are in the work dir: this run of one phase and one chart
    // did not lint or render anything, nor install floe-jobs, so those P0s are not covered by it.
    expect(lines.at(-1)).toMatch(
      /^coverage: FAIL: 5 requirement\(s\) of priority P0 failed or not covered: T018, T019, T042, T043, T044; waived: /,
    );
    expect(rep.code).toBe(1);
  });

  it("--scenario test: each chart of the repository installs with its own values-test.yaml", async () => {
    const work = k().workDir;
    const r = await cli(
      ["test", "--tools-dir", toolsDir, "--work-dir", work, "--scenario", "test", "--helm", "4"],
      { cwd: repoRoot },
    );
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const res = await results(work);
    expect(res.checks.filter((x) => x.rule === "install").map((x) => `${x.id} ${x.state}`)).toEqual([
      "install floe-jobs/test helm4 pass",
      "install floe-platform/test helm4 pass",
    ]);
  });

  it("helm's schema refusal at install is reported whole: the offending value is named", async () => {
    const work = k().workDir;
    const bad = path.join(cwd, "jobs-bad.yaml");
    await writeFile(bad, "notAValue: 1\n");
    const r = await cli(
      [
        "test",
        "--tools-dir",
        toolsDir,
        "--work-dir",
        work,
        "--chart",
        "charts/floe-jobs",
        "--values",
        `charts/floe-jobs=${bad}`,
        "--helm",
        "4",
      ],
      { cwd: repoRoot },
    );
    expect(r.code).toBe(1);
    const res = await results(work);
    const install = res.findings.filter((f) => f.rule === "install" && f.severity === "error");
    expect(install).toHaveLength(1);
    expect(install[0]!.message).toMatch(
      /^helm install failed: INSTALLATION FAILED: values don't meet the specifications of the schema\(s\) in the following chart\(s\): floe-jobs: .*additional properties 'notAValue' not allowed$/,
    );
  });

  it("without a cluster it says how to get one (exit 2)", async () => {
    const work = tempDir("floe-test-phase-none-");
    const r = await cli(["test", "--tools-dir", toolsDir, "--work-dir", work, "--chart", "charts/demo"], {
      cwd,
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /no cluster: run 'floe-helm cluster up --provider kwok' with the same --work-dir first, or pass --kubeconfig/,
    );
  });
});

describe("a scenario's platform (floe-gate.yaml `platform`) on the kwok cluster", () => {
  /** Two copies of the demo chart, `platform` and `app`; app's scenario runs against platform's `base`. */
  async function platformRepo(platformValues: string): Promise<string> {
    const dir = tempDir("floe-test-platform-");
    for (const name of ["platform", "app"]) {
      const chart = path.join(dir, "charts", name);
      await cp(path.join(repoRoot, "tests", "fixtures", "cluster", "demo"), chart, { recursive: true });
      const f = path.join(chart, "Chart.yaml");
      await writeFile(f, (await readFile(f, "utf8")).replace(/^name: demo$/m, `name: ${name}`));
    }
    await writeFile(path.join(dir, "platform.yaml"), platformValues);
    await writeFile(
      path.join(dir, "floe-gate.yaml"),
      [
        "charts:",
        "  - dir: charts/app",
        "    scenarios:",
        "      - name: on-platform",
        "        platform: { chart: charts/platform, scenario: base, release: floe-platform }",
        "  - dir: charts/platform",
        "    scenarios:",
        "      - name: base",
        "        values: [platform.yaml]",
        "",
      ].join("\n"),
    );
    return dir;
  }
  const run = (dir: string, work: string) =>
    cli(["test", "--tools-dir", toolsDir, "--work-dir", work, "--chart", "charts/app", "--helm", "4"], {
      cwd: dir,
    });

  it("--chart charts/app: the platform is installed first under its release, as a check of its own", async () => {
    const dir = await platformRepo("replicas: 1\n");
    const r = await run(dir, k().workDir);
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    expect(r.err).toMatch(
      /app\/on-platform helm4: helm install platform\/base as floe-platform \(its platform\)/,
    );
    const res = await results(k().workDir);
    expect(res.checks.map((x) => `${x.id} ${x.state}`)).toEqual([
      "install platform platform/base (release floe-platform) for app/on-platform helm4 pass",
      "install app/on-platform helm4 pass",
      // Only the chart's own test pods: the platform's are its own cell's.
      "helm-test floe-test-demo-test-ok app/on-platform helm4 skip",
    ]);
  });

  it("a platform that does not install: its error, the chart's install and test skipped, the namespace diagnosed", async () => {
    // A negative replica count: the API server refuses the platform's Deployment.
    const dir = await platformRepo("replicas: -1\n");
    const r = await run(dir, k().workDir);
    expect(r.code, `${r.out}\n${r.err}`).toBe(1);
    const res = await results(k().workDir);
    expect(res.checks.map((x) => `${x.id} ${x.state}`)).toEqual([
      "install platform platform/base (release floe-platform) for app/on-platform helm4 fail",
      "install app/on-platform helm4 skip",
      "helm-test app/on-platform helm4 skip",
    ]);
    expect(res.checks[1]!.reason).toBe("its platform platform/base (release floe-platform) did not install");
    const errors = res.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^helm install of the platform platform\/base \(release floe-platform\) failed: .*replicas/,
      ),
    ]);
    expect(await readdir(path.join(k().workDir, "diagnostics", "test", "app-on-platform-helm4"))).toContain(
      "events.txt",
    );
  });
});
