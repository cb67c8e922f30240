// A kwok control plane for a test file: started once in beforeAll through the real CLI in a separate
// process (`node dist/index.js cluster up`), stopped in afterAll the same way, so `down` proves it finds
// what another process started. Binaries come only from .tools/bin (a missing one fails, never skips).
import path from "node:path";
import { type RunResult, runTool } from "../../src/exec/runner.js";
import { cliArgv } from "./cli.js";
import { tempDir } from "./tmp.js";
import { controlPlaneTools, tool, toolsDir } from "./tools.js";

export interface TestCluster {
  workDir: string;
  kubeconfig: string;
  kubectl: (...args: string[]) => Promise<RunResult>;
  /** kubectl with stdin, e.g. `apply -f -`. */
  kubectlIn: (input: string, ...args: string[]) => Promise<RunResult>;
}

export async function clusterUp(): Promise<TestCluster> {
  for (const t of controlPlaneTools) tool(t);
  const workDir = tempDir("floe-kwok-");
  const kubeconfig = path.join(workDir, "kubeconfig.yaml");
  const r = await runTool(
    cliArgv(
      "cluster",
      "up",
      "--provider",
      "kwok",
      "--tools-dir",
      toolsDir,
      "--work-dir",
      workDir,
      "--kubeconfig",
      kubeconfig,
    ),
    { timeoutMs: 240_000 },
  );
  if (r.code !== 0) {
    throw new Error(`cluster up failed (exit ${r.code}): ${r.stderr.trim()}`);
  }
  const kubectl = tool("kubectl");
  return {
    workDir,
    kubeconfig: r.stdout.trim(),
    kubectl: (...args: string[]) =>
      runTool([kubectl, "--kubeconfig", kubeconfig, ...args], { timeoutMs: 120_000 }),
    kubectlIn: (input: string, ...args: string[]) =>
      runTool([kubectl, "--kubeconfig", kubeconfig, ...args], { input, timeoutMs: 120_000 }),
  };
}

export async function clusterDown(c: TestCluster | undefined): Promise<RunResult | undefined> {
  if (!c) return undefined;
  return runTool(
    cliArgv("cluster", "down", "--provider", "kwok", "--tools-dir", toolsDir, "--work-dir", c.workDir),
    {
      timeoutMs: 120_000,
    },
  );
}
