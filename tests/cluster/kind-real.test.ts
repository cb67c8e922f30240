// The kind provider for real (issue 13): `floe-helm cluster up --provider kind` with the node image that
// scripts/kind-node.sh builds offline, in Docker (scripts/docker.sh), then `floe-helm test` of
// tests/fixtures/cluster/demo with real pods: the passing test pod passes, the failing one fails and its logs
// are kept; then `cluster down`. Nothing here is simulated or mocked.
//
// It runs once per `npm test`: vitest.config.ts includes this file only when FLOE_KIND_REAL=1, which the
// Node 24 step (npm run test:node24) sets; the Node 20 step does not register it at all.
import { execFileSync } from "node:child_process";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KIND_CLUSTER_NAME, kindNodeContainer } from "../../src/cluster/kind/config.js";
import { runTool } from "../../src/exec/runner.js";
import { SIMULATED } from "../../src/install/hooks.js";
import type { PhaseResults } from "../../src/report/results.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool, toolsDir } from "../helpers/tools.js";

const nodeImage = execFileSync(path.join(repoRoot, "scripts", "kind-node.sh"), ["--image"], {
  encoding: "utf8",
}).trim();
const cliArgv = (...args: string[]) => [process.execPath, path.join(repoRoot, "dist", "index.js"), ...args];
const docker = (...args: string[]) => runTool(["docker", ...args], { timeoutMs: 60_000 });

let work: string;
let cwd: string;
let up: Awaited<ReturnType<typeof runTool>> | undefined;

beforeAll(async () => {
  tool("kind");
  tool("kubectl");
  const img = await docker("image", "inspect", "--format", "{{.Id}}", nodeImage);
  if (img.code !== 0)
    throw new Error(
      `${nodeImage} is not in Docker (${img.stderr.trim()}): run scripts/docker.sh and scripts/kind-node.sh first`,
    );
  work = tempDir("floe-kind-real-");
  cwd = tempDir("floe-kind-real-charts-");
  await cp(path.join(repoRoot, "tests", "fixtures", "cluster", "demo"), path.join(cwd, "charts", "demo"), {
    recursive: true,
  });
  // Real containers need something to run: the test-pod image kind-node.sh builds (Debian) and preloads.
  const real = [
    "image: floe.local/test-pod:bookworm",
    "replicas: 1",
    "command:",
    '  server: ["sleep", "infinity"]',
    '  job: ["true"]',
    `  testOk: ["sh", "-c", "echo 'demo test-ok: ran'"]`,
    `  testFail: ["sh", "-c", "echo 'demo test-fail: failing on purpose' >&2; exit 3"]`,
  ].join("\n");
  await writeFile(path.join(cwd, "pass.yaml"), `${real}\n`);
  await writeFile(path.join(cwd, "fail.yaml"), `${real}\ntests:\n  fail: true\n  keepPods: true\n`);
  up = await runTool(
    cliArgv(
      "cluster",
      "up",
      "--provider",
      "kind",
      "--node-image",
      nodeImage,
      "--tools-dir",
      toolsDir,
      "--work-dir",
      work,
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
  const left = await docker("ps", "-a", "--filter", `name=^${kindNodeContainer(KIND_CLUSTER_NAME)}$`, "-q");
  expect(left.stdout.trim()).toBe("");
}, 180_000);

// In order: the second `up` finds the first one's cluster, `test` runs on it (describe.sequential).
describe.sequential(`real kind (${nodeImage}, Docker; the Node 24 step of npm test only)`, () => {
  it("cluster up brings up a Ready node with the local node image and prints the kubeconfig", async () => {
    const kubeconfig = up!.stdout.trim();
    expect(kubeconfig).toBe(path.join(work, "cluster", "kind", "kubeconfig"));
    const nodes = await runTool([tool("kubectl"), "--kubeconfig", kubeconfig, "get", "nodes", "-o", "wide"]);
    expect(nodes.stdout).toMatch(new RegExp(`${kindNodeContainer(KIND_CLUSTER_NAME)}\\s+Ready\\s`));
    expect(nodes.stdout).toContain("v1.37.0");
    const image = await docker(
      "inspect",
      "--format",
      "{{.Config.Image}}",
      kindNodeContainer(KIND_CLUSTER_NAME),
    );
    expect(image.stdout.trim()).toBe(nodeImage);
  });

  it("cluster up again reuses the healthy cluster left from the earlier up (idempotent, no error)", async () => {
    const again = await runTool(
      cliArgv(
        "cluster",
        "up",
        "--provider",
        "kind",
        "--node-image",
        nodeImage,
        "--tools-dir",
        toolsDir,
        "--work-dir",
        work,
      ),
      { timeoutMs: 280_000 },
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(
      `kind: cluster ${KIND_CLUSTER_NAME} from an earlier run answers: reusing it`,
    );
    expect(again.stdout.trim()).toBe(up!.stdout.trim());
  });

  const floeTest = (values: string) =>
    cli(
      [
        "test",
        "--provider",
        "kind",
        "--tools-dir",
        toolsDir,
        "--work-dir",
        work,
        "--chart",
        "charts/demo",
        "--values",
        values,
        "--helm",
        "4",
      ],
      { cwd },
    );
  const results = async () =>
    JSON.parse(await readFile(path.join(work, "test.results.json"), "utf8")) as PhaseResults;

  it("floe-helm test runs the test pods for real: test-ok passes (a real pass, not simulated)", async () => {
    const r = await floeTest("pass.yaml");
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const res = await results();
    expect(res.checks.map((c) => `${c.id} ${c.state}`)).toEqual([
      "install demo/pass helm4 pass",
      "helm-test floe-test-demo-test-ok demo/pass helm4 pass",
    ]);
    expect(JSON.stringify(res)).not.toContain(SIMULATED);
    expect(r.out).not.toContain("kwok");
  }, 300_000);

  it("floe-helm test: the failing test pod fails for real, with its own output kept in the diagnostics", async () => {
    const r = await floeTest("fail.yaml");
    expect(r.code, `${r.out}\n${r.err}`).toBe(1);
    const res = await results();
    expect(res.checks.map((c) => `${c.id} ${c.state}`).sort()).toEqual([
      "helm-test floe-test-demo-test-fail demo/fail helm4 fail",
      // helm test stops at the first failed pod (by name): test-ok did not run in this scenario.
      "helm-test floe-test-demo-test-ok demo/fail helm4 skip",
      "install demo/fail helm4 pass",
    ]);
    const failed = res.checks.find((c) => c.id.startsWith("helm-test floe-test-demo-test-fail"));
    expect(failed).toMatchObject({ state: "fail", reason: "test pod phase Failed" });
    expect(JSON.stringify(res)).not.toContain(SIMULATED);
    // The failing pod's own output, from the kubelet, kept before its namespace went.
    const diag = path.join(work, "diagnostics", "test", "demo-fail-helm4");
    expect(await readdir(diag)).toContain("logs-floe-test-demo-test-fail.txt");
    expect(await readFile(path.join(diag, "logs-floe-test-demo-test-fail.txt"), "utf8")).toContain(
      "demo test-fail: failing on purpose",
    );
  }, 300_000);
});
