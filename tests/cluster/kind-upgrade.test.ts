// The live upgrade for real (issue 14, SC-008 / GAP-003 / T115): `floe-helm upgrade --scenario kind-local` on a real
// kind cluster, from the images scripts/images.sh builds. Deterministic base: a temp git repository holds this
// checkout's charts, scenarios and floe-gate.yaml at a base commit, and the next commit bumps floe-platform's
// version (helm.sh/chart changes in every pod template, so every workload rolls). The base is installed, the
// availability prober (a pod in the cluster, the test pods' image and labels) requests the collector's Service
// (2 replicas behind a PodDisruptionBudget in kind-local) through helm upgrade --wait, helm test, helm rollback
// --wait and helm test again: zero failed requests, every step passing. Then the same with the base installed by
// helm 3 and upgraded by helm 4. Nothing is simulated or mocked.
//
// Docker and one cluster of its own plus two full platform installs (~6 min each on 2 shared cores): registered
// by vitest.config.ts only when FLOE_KIND_REAL=1 (the Node 24 step).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTool } from "../../src/exec/runner.js";
import type { PhaseResults } from "../../src/report/results.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool, toolsDir } from "../helpers/tools.js";

const script = (name: string, ...args: string[]) =>
  execFileSync(path.join(repoRoot, "scripts", name), args, { encoding: "utf8" }).trim();
const nodeImage = script("kind-node.sh", "--image");
const cliArgv = (...args: string[]) => [process.execPath, path.join(repoRoot, "dist", "index.js"), ...args];
const docker = (...args: string[]) => runTool(["docker", ...args], { timeoutMs: 60_000 });
const NAME = `floe-ku-${randomBytes(3).toString("hex")}`;

let work: string;
let repo: string;
beforeAll(async () => {
  tool("kind");
  tool("kubectl");
  for (const image of [nodeImage, ...script("images.sh", "--list").split("\n").filter(Boolean)]) {
    const r = await docker("image", "inspect", "--format", "{{.Id}}", image);
    if (r.code !== 0)
      throw new Error(
        `${image} is not in Docker: run scripts/docker.sh, scripts/kind-node.sh and scripts/images.sh`,
      );
  }
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

  work = tempDir("floe-kind-upgrade-");
  const up = await runTool(
    cliArgv(
      ...["cluster", "up", "--provider", "kind", "--node-image", nodeImage, "--kind-cluster", NAME],
      ...["--tools-dir", toolsDir, "--work-dir", work],
    ),
    { timeoutMs: 280_000 },
  );
  if (up.code !== 0) throw new Error(`cluster up failed (exit ${up.code}):\n${up.stderr}`);
}, 300_000);

afterAll(async () => {
  if (!work) return;
  const down = await runTool(
    cliArgv("cluster", "down", "--provider", "kind", "--tools-dir", toolsDir, "--work-dir", work),
    { timeoutMs: 120_000 },
  );
  expect(down.code, down.stderr).toBe(0);
}, 180_000);

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
  const pods = res.checks.filter((c) => c.id.startsWith("helm-test "));
  expect(pods.length).toBe(8);
  expect(pods.every((c) => c.state === "pass")).toBe(true);
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
