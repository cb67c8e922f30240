// `floe-helm upgrade` through the CLI against a real API server (kwok provider: real control plane, simulated
// kubelet), with the real helm 3 and helm 4: the base of a chart from git (HEAD~1 of a temp repository,
// exported without touching the checkout) is installed, upgraded to the working tree, tested, rolled back
// and tested again, at the API level. kwok runs no pods, so the availability prober is reported as skipped
// with the reason (never as passed); the helm test pods are simulated (skipped, as in `floe-helm test`).
import { execFileSync } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import resultsSchema from "../../schemas/results.schema.json" with { type: "json" };
import type { PhaseResults } from "../../src/report/results.js";
import { KWOK_NO_PODS } from "../../src/upgrade/live/run.js";
import { createAjv } from "../../src/values/ajv.js";
import { cli } from "../helpers/cli.js";
import { clusterDown, clusterUp, type TestCluster } from "../helpers/cluster.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

let c: TestCluster | undefined;
let repo: string;
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", ...args], {
    cwd: repo,
    encoding: "utf8",
  });
const values = () => path.join(repo, "charts", "demo", "values.yaml");

beforeAll(async () => {
  c = await clusterUp();
  repo = tempDir("floe-live-upgrade-");
  await cp(path.join(repoRoot, "tests", "fixtures", "cluster", "demo"), path.join(repo, "charts", "demo"), {
    recursive: true,
  });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "base");
  // The change: one more replica (the Deployment rolls, nothing immutable is touched).
  await writeFile(values(), (await readFile(values(), "utf8")).replace("replicas: 2", "replicas: 3"));
  git("commit", "-qam", "three replicas");
}, 300_000);
afterAll(async () => {
  await clusterDown(c);
});

const work = () => {
  if (!c) throw new Error("cluster did not start (see beforeAll)");
  return c.workDir;
};
const results = async () =>
  JSON.parse(await readFile(path.join(work(), "upgrade.results.json"), "utf8")) as PhaseResults;
const upgrade = (...args: string[]) =>
  cli(["upgrade", "--tools-dir", toolsDir, "--work-dir", work(), "--base", "HEAD~1", ...args], { cwd: repo });

describe("floe-helm upgrade on kwok (API level)", () => {
  it("installs the git base, upgrades, rolls back with helm 3 and 4; the prober is skipped: kwok runs no pods", async () => {
    const r = await upgrade();
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const res = await results();
    expect(createAjv().compile(resultsSchema)(res)).toBe(true);
    expect(res.phase).toBe("upgrade");
    const states = res.checks.filter((x) => !x.id.startsWith("helm-test ")).map((x) => `${x.id} ${x.state}`);
    expect(states).toEqual(
      [3, 4].flatMap((m) => [
        `base install demo/default helm${m} pass`,
        `availability demo/default helm${m} skip`,
        `upgrade demo/default helm${m} pass`,
        `helm test after upgrade demo/default helm${m} skip`,
        `rollback demo/default helm${m} pass`,
        `helm test after rollback demo/default helm${m} skip`,
      ]),
    );
    expect(res.checks.find((x) => x.id.startsWith("availability"))?.reason).toBe(KWOK_NO_PODS);
    // Each release is gone afterwards, and the checkout is untouched (the base came from git archive).
    const left = await c!.kubectl(
      "get",
      "deploy",
      "-A",
      "-l",
      "app.kubernetes.io/instance=floe-test",
      "-o",
      "name",
    );
    expect(left.stdout.trim()).toBe("");
    expect(git("status", "--porcelain")).toBe("");
    expect(r.err).toContain("upgrade: base HEAD~1");
  }, 300_000);

  it("a release installed by helm 3 is upgraded and rolled back by helm 4", async () => {
    const r = await upgrade("--helm", "4", "--base-helm", "3");
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const ids = (await results()).checks.filter((x) => x.state === "pass").map((x) => x.id);
    expect(ids).toEqual([
      "base install demo/default helm4 (base by helm3)",
      "upgrade demo/default helm4 (base by helm3)",
      "rollback demo/default helm4 (base by helm3)",
    ]);
  }, 300_000);

  // The same kwok API server used as an `existing` cluster (--kubeconfig, another work dir): floe-helm does not know
  // its kubelet is simulated, so the prober path runs for real up to what only a real kubelet can do.
  it("kwok as an unknown cluster (kubelet simulated): a prober pod that ran nothing yields no counts, an error, never a pass", async () => {
    const other = tempDir("floe-live-upgrade-work-");
    const r = await cli(
      ["upgrade", "--tools-dir", toolsDir, "--work-dir", other, "--kubeconfig", c!.kubeconfig].concat([
        "--base",
        "HEAD~1",
        "--helm",
        "4",
        "--timeout",
        "60s",
      ]),
      { cwd: repo },
    );
    expect(r.code, `${r.out}\n${r.err}`).toBe(1);
    const res = JSON.parse(await readFile(path.join(other, "upgrade.results.json"), "utf8")) as PhaseResults;
    const availability = res.checks.filter((x) => x.id.startsWith("availability"));
    expect(availability.map((x) => `${x.id} ${x.state}`)).toEqual([
      "availability floe-test-demo demo/default helm4 fail",
    ]);
    expect(r.err).toMatch(
      /availability prober floe-upgrade-prober-[0-9a-f]{6} \(registry\.example\.invalid\/demo:0\.2\.0\) on floe-test-demo:80 \(Deployment\/floe-test-demo, 2 replicas, no PDB\)/,
    );
  }, 300_000);

  it("kwok as an unknown cluster (kubelet simulated): a scenario without a Service of 2+ replicas fails, saying it must run one", async () => {
    const other = tempDir("floe-live-upgrade-work-");
    await writeFile(path.join(repo, "one.yaml"), "replicas: 1\n");
    const r = await cli(
      ["upgrade", "--tools-dir", toolsDir, "--work-dir", other, "--kubeconfig", c!.kubeconfig].concat([
        "--base",
        "HEAD~1",
        "--helm",
        "4",
        "--values",
        "one.yaml",
        "--timeout",
        "60s",
      ]),
      { cwd: repo },
    );
    expect(r.code, `${r.out}\n${r.err}`).toBe(1);
    const res = JSON.parse(await readFile(path.join(other, "upgrade.results.json"), "utf8")) as PhaseResults;
    expect(res.checks.find((x) => x.id.startsWith("availability"))).toMatchObject({
      state: "fail",
      reason: "no Service of a workload with 2+ replicas: nothing to probe",
    });
    expect(r.out).toContain(
      "runs no Service whose Deployment or StatefulSet has 2 or more replicas: the upgrade's availability cannot be measured; the scenario must run at least one (with a PodDisruptionBudget)",
    );
  }, 300_000);

  it("an upgrade the API server refuses (an immutable Job template) fails with its reason, and the rollback restores the base", async () => {
    // The next chart version: helm.sh/chart changes in the Job's pod template, which is immutable.
    const chart = path.join(repo, "charts", "demo", "Chart.yaml");
    await writeFile(chart, (await readFile(chart, "utf8")).replace(/^version: .*$/m, "version: 0.3.0"));
    git("commit", "-qam", "0.3.0");
    const r = await upgrade("--helm", "4");
    expect(r.code, `${r.out}\n${r.err}`).toBe(1);
    const res = await results();
    expect(res.checks.filter((x) => !x.id.startsWith("helm-test ")).map((x) => `${x.id} ${x.state}`)).toEqual(
      [
        "base install demo/default helm4 pass",
        "availability demo/default helm4 skip",
        "upgrade demo/default helm4 fail",
        "helm test after upgrade demo/default helm4 skip",
        "rollback demo/default helm4 pass",
        "helm test after rollback demo/default helm4 skip",
      ],
    );
    const f = res.findings.find((x) => x.rule === "upgrade/live-upgrade" && x.severity === "error");
    expect(f?.message).toMatch(
      /^helm4 upgrade from HEAD~1 [0-9a-f]{7} to this change failed: .*Job\.batch "floe-test-demo-migrate" is invalid: spec\.template: Invalid value: \{…\}: field is immutable$/,
    );
  }, 300_000);

  it("refuses bad inputs with one line and exit 2", async () => {
    const r = await upgrade("--base-helm", "5");
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe("floe-helm: error: --base-helm: expected 3 or 4, got '5'");
    const none = await cli(["upgrade", "--tools-dir", toolsDir, "--work-dir", work()], {
      cwd: repo,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    expect(none.code).toBe(2);
    expect(none.err).toContain("upgrade needs a base to compare with: pass --base REF");
  });
});
