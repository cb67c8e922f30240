// floe-platform really runs (issue 14): `floe-helm test --scenario kind-local` installs the platform chart with
// helm 4 on a real kind cluster (the node image of scripts/kind-node.sh), from the images scripts/images.sh
// builds here (loaded into the node by floe-helm from the rendered manifests, never pulled), waits for every
// workload, and runs every helm test pod of the components that run here for real: PostgreSQL, Dagster ->
// PostgreSQL, object storage (MinIO), OTel Collector -> Jaeger. Polaris and Marquez are off in kind-local (no
// registry here serves them): their test pods are not rendered, and are reported as skipped, "not run here: no
// image obtainable" (floe-gate.yaml notRun). Nothing is simulated or mocked.
//
// On the same cluster: floe-jobs' kind-local scenario, whose floe-gate.yaml `platform` makes floe-helm install
// that platform first (release floe-platform, same namespace), and whose dbt job really builds a model in the
// platform's PostgreSQL; and the deliberately broken scenario (scenarios/kind-local/broken-db-password.yaml),
// which must fail with its classified cause.
//
// Then the values `floe-helm generate` writes for the example manifest and data product (examples/generate,
// dev), with the kind-local overrides: the platform and the data product install from them as generated.
//
// And on the same cluster, the live upgrade (issue 14, SC-008 / GAP-003 / T115): `floe-helm upgrade --scenario
// kind-local` from a deterministic base: a temp git repository holds this checkout's charts, scenarios and
// floe-gate.yaml at a base commit, and the next commit bumps floe-platform's version (helm.sh/chart changes in
// every pod template, so every workload rolls). The base is installed, the availability prober (a pod in the
// cluster, the test pods' image and labels) requests the collector's Service (2 replicas behind a
// PodDisruptionBudget in kind-local) through helm upgrade --wait, helm test, helm rollback --wait and helm test
// again: zero failed requests, every step passing. Then the same with the base installed by helm 3 and upgraded
// by helm 4.
//
// Docker and one cluster of its own (~40 s; one for all of these, since each cluster and its image load cost a
// minute or two) plus the installs (a few minutes each on 2 shared cores): it runs once per `npm test`,
// registered by vitest.config.ts only when FLOE_KIND_REAL=1 (the Node 24 step).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTool } from "../../src/exec/runner.js";
import { SIMULATED } from "../../src/install/hooks.js";
import type { PhaseResults } from "../../src/report/results.js";
import { cli } from "../helpers/cli.js";
import { kindDownArgv, kindNodeImage, kindUpArgv, localImages, requireImages } from "../helpers/kind.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool, toolsDir } from "../helpers/tools.js";

// The helm test pods of the components that run in kind-local (Polaris and Marquez are off: floe-gate.yaml notRun).
// minio-sts: MinIO vends scoped credentials to the Polaris user as Polaris asks (STS AssumeRole).
const KIND_LOCAL_TEST_PODS = [
  "dagster-postgresql",
  "minio-sts",
  "object-storage",
  "otel-jaeger",
  "postgresql",
];

const nodeImage = kindNodeImage();
const NAME = `floe-kp-${randomBytes(3).toString("hex")}`;

let work: string;
let repo: string;
beforeAll(async () => {
  tool("kind");
  tool("kubectl");
  await requireImages(
    [nodeImage, ...localImages()],
    "scripts/docker.sh, scripts/kind-node.sh and scripts/images.sh",
  );
  // The upgrade's base: this checkout's charts at one commit, floe-platform's next version at the next.
  repo = tempDir("floe-kind-upgrade-repo-");
  for (const p of ["charts", "scenarios", "floe-gate.yaml"])
    await cp(path.join(repoRoot, p), path.join(repo, p), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", ...args], { cwd: repo });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "base");
  const chart = path.join(repo, "charts", "floe-platform", "Chart.yaml");
  await writeFile(chart, (await readFile(chart, "utf8")).replace(/^version: (.*)$/m, "version: $1-next"));
  git("commit", "-qam", "next version");

  work = tempDir("floe-kind-platform-");
  const up = await runTool(kindUpArgv(NAME, nodeImage, work), { timeoutMs: 280_000 });
  if (up.code !== 0) throw new Error(`cluster up failed (exit ${up.code}):\n${up.stderr}`);
}, 300_000);

afterAll(async () => {
  if (!work) return;
  const down = await runTool(kindDownArgv(work), { timeoutMs: 120_000 });
  expect(down.code, down.stderr).toBe(0);
}, 180_000);

describe("floe-platform on real kind with the images built here (scenario kind-local, helm 4)", () => {
  it("installs, every workload becomes ready, and every test pod of the components that run here passes for real", async () => {
    const r = await cli(
      [
        ...["test", "--provider", "kind", "--tools-dir", toolsDir, "--work-dir", work],
        ...["--chart", "charts/floe-platform", "--scenario", "kind-local", "--helm", "4"],
        ...["--image-pull", "never", "--timeout", "15m"],
      ],
      { cwd: repoRoot },
    );
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const res = JSON.parse(await readFile(path.join(work, "test.results.json"), "utf8")) as PhaseResults;
    const states = res.checks.map(
      (c) => `${c.id.replace(/ [a-z0-9-]*?-floe-platform-test-/, " test-")} ${c.state}`,
    );
    expect(states.sort()).toEqual(
      [
        "install floe-platform/kind-local helm4 pass",
        ...KIND_LOCAL_TEST_PODS.map((p) => `helm-test test-${p} floe-platform/kind-local helm4 pass`),
        // Polaris and Marquez are not obtainable here (floe-gate.yaml notRun): skipped, never passed.
        ...["polaris-postgresql", "polaris-s3", "dagster-polaris", "marquez-postgresql", "marquez-api"].map(
          (p) => `helm-test test-${p} floe-platform/kind-local helm4 skip`,
        ),
      ].sort(),
    );
    expect(JSON.stringify(res)).not.toContain(SIMULATED);
    // A node image built here and images never pulled: GitHub's kind path is said to be not verified by this run.
    expect(res.outputs?.["not-verified"]).toContain(`this run used node image ${nodeImage}`);
    for (const c of res.checks.filter((c) => /polaris|marquez/.test(c.id)))
      expect(c.reason).toMatch(/^not run here: no image obtainable: /);
  }, 1_200_000);
});

const results = async (dir: string) =>
  JSON.parse(await readFile(path.join(dir, "test.results.json"), "utf8")) as PhaseResults;
const PLATFORM_CHECK = "install platform floe-platform/kind-local (release floe-platform) for";

describe("floe-jobs against that platform on real kind (scenario kind-local, its floe-gate.yaml platform)", () => {
  it("installs the platform first, then the jobs (their dbt build against the platform's PostgreSQL completes), and the jobs' test pod passes", async () => {
    const r = await cli(
      [
        ...["test", "--provider", "kind", "--tools-dir", toolsDir, "--work-dir", work],
        ...["--chart", "charts/floe-jobs", "--scenario", "kind-local", "--helm", "4"],
        ...["--image-pull", "never", "--timeout", "15m"],
      ],
      { cwd: repoRoot },
    );
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const res = await results(work);
    // install passes only when the post-install hook Job (the dbt build) succeeded: helm install fails on a
    // failed hook. The platform's own helm test pods are not run here: its test is the file's first.
    expect(res.checks.map((c) => `${c.id} ${c.state}`).sort()).toEqual(
      [
        `${PLATFORM_CHECK} floe-jobs/kind-local helm4 pass`,
        "install floe-jobs/kind-local helm4 pass",
        "helm-test floe-test-floe-jobs-test floe-jobs/kind-local helm4 pass",
      ].sort(),
    );
    expect(JSON.stringify(res)).not.toContain(SIMULATED);
    expect(`${r.out}\n${r.err}`).toMatch(
      /helm install floe-platform\/kind-local as floe-platform \(its platform\)/,
    );
  }, 1_200_000);
});

describe("a deliberately broken scenario on real kind (scenarios/kind-local/broken-db-password.yaml)", () => {
  it("fails: the platform installs, the jobs' install fails, and the cause is the Job's refused password, with the diagnostics kept", async () => {
    // Not a scenario of floe-gate.yaml (the gate stays green): a config of the test's own declares it, with
    // the same platform as floe-jobs' kind-local.
    const dir = tempDir("floe-kind-broken-");
    const config = path.join(dir, "floe-gate.yaml");
    await writeFile(
      config,
      [
        "charts:",
        "  - dir: charts/floe-jobs",
        "    scenarios:",
        "      - name: broken-db-password",
        "        values:",
        "          - charts/floe-jobs/values-test.yaml",
        "          - scenarios/kind-local/floe-jobs.yaml",
        "          - scenarios/kind-local/broken-db-password.yaml",
        "        platform: { chart: charts/floe-platform, scenario: kind-local, release: floe-platform }",
        "  - dir: charts/floe-platform",
        "    scenarios:",
        "      - name: kind-local",
        "        values: [charts/floe-platform/values-test.yaml, scenarios/kind-local/floe-platform.yaml]",
        "",
      ].join("\n"),
    );
    // The cluster's work dir: its results file is this run's (each `floe-helm test` writes its own).
    const out = work;
    const r = await cli(
      [
        ...["test", "--provider", "kind", "--tools-dir", toolsDir, "--work-dir", out, "--config", config],
        ...["--chart", "charts/floe-jobs", "--helm", "4", "--image-pull", "never", "--timeout", "5m"],
      ],
      { cwd: repoRoot },
    );
    const all = `${r.out}\n${r.err}`;
    expect(r.code, all).toBe(1);
    const res = await results(out);
    expect(res.checks.map((c) => `${c.id} ${c.state}`).sort()).toEqual(
      [
        `${PLATFORM_CHECK} floe-jobs/broken-db-password helm4 pass`,
        "install floe-jobs/broken-db-password helm4 fail",
        "helm-test floe-jobs/broken-db-password helm4 skip",
      ].sort(),
    );
    const refused = /password authentication failed for user "dagster"/;
    const diagnosis = res.findings.filter((f) => f.rule === "diagnosis" && f.cause);
    const job = diagnosis.find((f) => f.object === "Job/floe-test-floe-jobs-dbt-build");
    expect(job, JSON.stringify(diagnosis, null, 2)).toBeDefined();
    expect(job!.cause).toBe("job-backoff");
    expect(job!.message).toMatch(refused);
    // The platform itself is healthy: nothing of it is diagnosed.
    expect(diagnosis.map((f) => f.object)).toEqual(["Job/floe-test-floe-jobs-dbt-build"]);
    // In the output too, grouped under the object, and the namespace's state kept on disk.
    expect(all).toMatch(
      /Job\/floe-test-floe-jobs-dbt-build \(.*\)\n.*cause: job-backoff: .*password authentication failed/,
    );
    const kept = path.join(out, "diagnostics", "test", "floe-jobs-broken-db-password-helm4");
    const files = await readdir(kept);
    const logs = files.filter((f) => f.startsWith("logs-floe-test-floe-jobs-dbt-build"));
    expect(logs.length, files.join(", ")).toBeGreaterThan(0);
    expect(await readFile(path.join(kept, logs[0]!), "utf8")).toMatch(refused);
  }, 1_200_000);
});

describe("the generate example's values on real kind (examples/generate/values, dev, with the kind-local overrides)", () => {
  it("installs the generated platform values, then the generated data product's (orders), and the jobs' test pod passes", async () => {
    // What `floe-helm generate` wrote from examples/generate (checked byte for byte by tests/generate), over
    // each chart's test scenario and under the kind-local overrides. The test scenario is the base because
    // the chart defaults do not fit this lane: one 2-core node (MinIO's default requests leave no CPU) with no
    // storage provisioner (the offline node image falls back to host paths, which PostgreSQL's uid 999 cannot
    // write: persistence off). Everything the generated files set wins over it; kind-local then brings the
    // images built here and turns Polaris and Marquez off.
    const dir = tempDir("floe-kind-generated-");
    const config = path.join(dir, "floe-gate.yaml");
    await writeFile(
      config,
      [
        "charts:",
        "  - dir: charts/floe-jobs",
        "    scenarios:",
        "      - name: generated-dev",
        "        values:",
        "          - charts/floe-jobs/values-test.yaml",
        "          - examples/generate/values/floe-jobs.orders.values-dev.yaml",
        "          - scenarios/kind-local/floe-jobs.yaml",
        "        platform: { chart: charts/floe-platform, scenario: generated-dev, release: floe-platform }",
        "  - dir: charts/floe-platform",
        "    scenarios:",
        "      - name: generated-dev",
        "        values:",
        "          - charts/floe-platform/values-test.yaml",
        "          - examples/generate/values/floe-platform.values-dev.yaml",
        "          - scenarios/kind-local/floe-platform.yaml",
        "",
      ].join("\n"),
    );
    const r = await cli(
      [
        ...["test", "--provider", "kind", "--tools-dir", toolsDir, "--work-dir", work, "--config", config],
        ...["--chart", "charts/floe-jobs", "--helm", "4", "--image-pull", "never", "--timeout", "15m"],
      ],
      { cwd: repoRoot },
    );
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const res = await results(work);
    expect(res.checks.map((c) => `${c.id} ${c.state}`).sort()).toEqual(
      [
        `${PLATFORM_CHECK.replace("kind-local", "generated-dev")} floe-jobs/generated-dev helm4 pass`,
        "install floe-jobs/generated-dev helm4 pass",
        "helm-test floe-test-floe-jobs-test floe-jobs/generated-dev helm4 pass",
      ].sort(),
    );
    expect(JSON.stringify(res)).not.toContain(SIMULATED);
  }, 1_200_000);
});

const COLLECTOR = "floe-test-floe-platform-otel-collector";

async function liveUpgrade(...extra: string[]): Promise<PhaseResults> {
  const r = await cli(
    [
      ...["upgrade", "--provider", "kind", "--tools-dir", toolsDir, "--work-dir", work, "--base", "HEAD~1"],
      ...["--chart", "charts/floe-platform", "--scenario", "kind-local", "--helm", "4"],
      ...["--image-pull", "never", "--timeout", "15m", ...extra],
    ],
    { cwd: repo },
  );
  expect(r.code, `${r.out}\n${r.err}`).toBe(0);
  return JSON.parse(await readFile(path.join(work, "upgrade.results.json"), "utf8")) as PhaseResults;
}

function expectZeroFailed(res: PhaseResults, cell: string) {
  const steps = res.checks.filter((c) => !c.id.startsWith("helm-test ")).map((c) => `${c.id} ${c.state}`);
  expect(steps).toEqual([
    `base install ${cell} pass`,
    `upgrade ${cell} pass`,
    `helm test after upgrade ${cell} pass`,
    `rollback ${cell} pass`,
    `helm test after rollback ${cell} pass`,
    `availability ${COLLECTOR} ${cell} pass`,
  ]);
  // Every helm test pod of the components that run here passed for real, after the upgrade and after the rollback.
  // Named, not counted: a pod added to the chart (test-minio-sts once) says which one is missing or new.
  const pods = res.checks
    .filter((c) => c.id.startsWith("helm-test "))
    .map((c) => `${c.id.replace(/ [a-z0-9-]*?-floe-platform-test-/, " test-")} ${c.state}`);
  expect(pods.sort()).toEqual(
    ["upgrade", "rollback"]
      .flatMap((when) => KIND_LOCAL_TEST_PODS.map((p) => `helm-test test-${p} ${cell} after ${when} pass`))
      .sort(),
  );
  const counted = res.findings.find(
    (f) => f.rule === "upgrade/availability" && f.object === `Service/${COLLECTOR}`,
  );
  const m = /: (\d+) requests sent, (\d+) failed during upgrade, helm tests and rollback$/.exec(
    counted?.message ?? "",
  );
  expect(m, counted?.message).not.toBeNull();
  expect(Number(m![1])).toBeGreaterThan(50);
  expect(Number(m![2])).toBe(0);
  expect(counted?.message).toContain(`PDB ${COLLECTOR}`);
}

describe("floe-helm upgrade on real kind (kind-local, from the previous commit's charts)", () => {
  it("upgrades and rolls back with zero failed requests on the 2-replica, PDB-covered collector; helm test passes after each", async () => {
    expectZeroFailed(await liveUpgrade(), "floe-platform/kind-local helm4");
  }, 1_500_000);

  it("a release installed by helm 3 is upgraded and rolled back by helm 4, with zero failed requests", async () => {
    expectZeroFailed(await liveUpgrade("--base-helm", "3"), "floe-platform/kind-local helm4 (base by helm3)");
  }, 1_500_000);
});
