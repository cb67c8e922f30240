// `floe-helm cluster up|down` paths that need no running cluster: missing binaries, missing kubeconfig,
// nothing to stop, bad provider names. Each ends in one clear line and exit 2 (bad input) or 0.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool, toolsDir } from "../helpers/tools.js";

/** Live processes whose command line mentions `text` (zombies have an empty cmdline). */
function processesMentioning(text: string): string[] {
  return readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, "utf8").includes(text);
      } catch {
        return false;
      }
    });
}

const tmp = () => tempDir("floe-cluster-cmd-");

describe("floe-helm cluster", () => {
  it("up --provider kwok without the built binaries says how to build them", async () => {
    const empty = tmp();
    const r = await cli(["cluster", "up", "--provider", "kwok", "--tools-dir", empty, "--work-dir", tmp()]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `floe-helm: error: etcd not found in ${empty}: run scripts/tools.sh to build the pinned tools`,
    );
  });

  it("up without --tools-dir and no control plane on PATH: one line naming the binary and both ways to get it, before any download", async () => {
    const r = await cli(["cluster", "up", "--provider", "kwok", "--work-dir", tmp()], {
      env: { PATH: path.dirname(process.execPath), HOME: process.env.HOME },
    });
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "floe-helm: error: the kwok cluster needs etcd, which floe-helm does not install: put it on PATH, or pass --tools-dir (FLOE_HELM_TOOLS_DIR) with the binaries scripts/tools.sh builds (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok), e.g. --tools-dir .tools/bin",
    );
  });

  it("up --provider existing needs a kubeconfig", async () => {
    const r = await cli([
      "cluster",
      "up",
      "--provider",
      "existing",
      "--tools-dir",
      tmp(),
      "--work-dir",
      tmp(),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cluster 'existing' needs --kubeconfig PATH/);
  });

  it("up --provider existing hands on the kubeconfig it was given", async () => {
    const dir = tmp();
    const kc = path.join(dir, "kc.yaml");
    writeFileSync(kc, "apiVersion: v1\nkind: Config\n");
    const r = await cli(["cluster", "up", "--provider", "existing", "--tools-dir", dir, "--kubeconfig", kc]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(kc);
  });

  it("up --provider existing refuses a kubeconfig that does not exist", async () => {
    const dir = tmp();
    const r = await cli([
      "cluster",
      "up",
      "--provider",
      "existing",
      "--tools-dir",
      dir,
      "--kubeconfig",
      "/nonexistent/kc",
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/kubeconfig not found: \/nonexistent\/kc/);
  });

  it("down with nothing started is a no-op that says so", async () => {
    const r = await cli(["cluster", "down", "--provider", "kwok", "--tools-dir", tmp(), "--work-dir", tmp()]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/no cluster state in this work dir; nothing to stop/);
  });

  it("refuses an unknown provider", async () => {
    const r = await cli(["cluster", "up", "--provider", "minikube", "--tools-dir", tmp()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--provider: expected one of kind, kwok, existing, got 'minikube'/);
  });

  it("a component that dies during up fails with its last log line and stops what had started (stand-in: a kube-apiserver script that exits 1 like a bad flag; etcd and the rest real)", async () => {
    // Real etcd and friends; a kube-apiserver stand-in that fails like a bad flag would.
    const tools = tmp();
    for (const t of ["kubectl", "etcd", "kube-controller-manager", "kube-scheduler", "kwok"] as const) {
      symlinkSync(tool(t), path.join(tools, t));
    }
    writeFileSync(
      path.join(tools, "kube-apiserver"),
      "#!/bin/sh\necho 'Error: boom: unknown flag' >&2\nexit 1\n",
      {
        mode: 0o755,
      },
    );
    const work = tmp();
    const r = await cli(["cluster", "up", "--provider", "kwok", "--tools-dir", tools, "--work-dir", work]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^floe-helm: error: kube-apiserver stopped \(exit 1\) while waiting for kube-apiserver \/readyz: Error: boom: unknown flag \(log: .*kube-apiserver\.log\)$/m,
    );
    expect(existsSync(path.join(work, "cluster", "kwok", "state.json"))).toBe(false);
    // No process started for this work dir is left (etcd was running before the API server failed).
    expect(processesMentioning(work)).toEqual([]);
  });

  it("Ctrl-C during up stops what had started and exits 130", async () => {
    const work = tmp();
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, "dist", "index.js"),
        "cluster",
        "up",
        "--provider",
        "kwok",
        "--tools-dir",
        toolsDir,
        "--work-dir",
        work,
      ],
      { stdio: "ignore" },
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const state = path.join(work, "cluster", "kwok", "state.json");
    // Interrupt once at least etcd runs.
    await expect.poll(() => existsSync(state), { timeout: 60_000, interval: 50 }).toBe(true);
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(existsSync(state)).toBe(false);
    expect(processesMentioning(work)).toEqual([]);
  });
});
