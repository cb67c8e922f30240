// `floe-helm cluster up|down` paths that need no running cluster: missing binaries, missing kubeconfig,
// nothing to stop, bad provider names. Each ends in one clear line and exit 2 (bad input) or 0.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { cp } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ClusterState } from "../../src/cluster/state.js";
import type { PhaseResults } from "../../src/report/results.js";
import { cli } from "../helpers/cli.js";
import { clusterDown, clusterUp } from "../helpers/cluster.js";
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

  it("up without --tools-dir looks for the control plane on the PATH of the CLI's env, not the process's", async () => {
    // Only etcd on the given PATH: found there, so the error names the next binary, not etcd.
    const bin = tmp();
    symlinkSync(tool("etcd"), path.join(bin, "etcd"));
    const r = await cli(["cluster", "up", "--provider", "kwok", "--work-dir", tmp()], {
      env: { PATH: `${bin}${path.delimiter}${path.dirname(process.execPath)}`, HOME: process.env.HOME },
    });
    expect(process.env.PATH?.split(path.delimiter)).not.toContain(bin);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^floe-helm: error: the kwok cluster needs (kube-apiserver|kube-controller-manager|kube-scheduler|kwok), which floe-helm does not install/,
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

  it("--metrics-server is for kind: on kwok it is refused in one line, before anything starts", async () => {
    const r = await cli([
      "cluster",
      "up",
      "--provider",
      "kwok",
      "--metrics-server",
      "--tools-dir",
      tmp(),
      "--work-dir",
      tmp(),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "floe-helm: error: --metrics-server is for --provider kind (a kwok cluster runs no pods)",
    );
  });

  it("FLOE_HELM_METRICS_SERVER (the action's metrics-server input) is true or false; anything else is one usage error", async () => {
    const r = await cli(["cluster", "up", "--provider", "kwok", "--tools-dir", tmp(), "--work-dir", tmp()], {
      env: { ...process.env, FLOE_HELM_METRICS_SERVER: "yes" },
    });
    expect(r.code).toBe(2);
    expect(r.err).toBe("floe-helm: error: FLOE_HELM_METRICS_SERVER: expected true or false, got 'yes'");
    const kwok = await cli(
      ["cluster", "up", "--provider", "kwok", "--tools-dir", tmp(), "--work-dir", tmp()],
      {
        env: { ...process.env, FLOE_HELM_METRICS_SERVER: "true" },
      },
    );
    expect(kwok.err).toBe(
      "floe-helm: error: --metrics-server is for --provider kind (a kwok cluster runs no pods)",
    );
  });

  it("--external-secrets is for kind, like FLOE_HELM_EXTERNAL_SECRETS=true (the action's input): refused on kwok in one line; anything but true/false is one usage error", async () => {
    const up = ["cluster", "up", "--provider", "kwok", "--tools-dir", tmp(), "--work-dir", tmp()];
    const flag = await cli([...up, "--external-secrets"]);
    expect(flag.code).toBe(2);
    expect(flag.err).toBe(
      "floe-helm: error: --external-secrets is for --provider kind (a kwok cluster runs no pods)",
    );
    const env = await cli(up, { env: { ...process.env, FLOE_HELM_EXTERNAL_SECRETS: "true" } });
    expect(env.err).toBe(flag.err);
    const bad = await cli(up, { env: { ...process.env, FLOE_HELM_EXTERNAL_SECRETS: "1" } });
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("floe-helm: error: FLOE_HELM_EXTERNAL_SECRETS: expected true or false, got '1'");
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
    expect(r.code).toBe(3); // a tool failed, not the user's input
    expect(r.err).toMatch(
      /^floe-helm: error: kube-apiserver stopped \(exit 1\) while waiting for kube-apiserver \/readyz: Error: boom: unknown flag \(log: .*kube-apiserver\.log\)$/m,
    );
    expect(existsSync(path.join(work, "cluster", "kwok", "state.json"))).toBe(false);
    // No process started for this work dir is left (etcd was running before the API server failed).
    expect(processesMentioning(work)).toEqual([]);
  });

  it("the real thing: a kube-apiserver (the kwok control plane's) killed while floe-helm test installs is one error naming the cluster, the later cells are not run, and cluster down still stops the rest", async () => {
    const c = await clusterUp();
    try {
      const cwd = tmp();
      await cp(
        path.join(repoRoot, "tests", "fixtures", "cluster", "demo"),
        path.join(cwd, "charts", "demo"),
        {
          recursive: true,
        },
      );
      const child = spawn(
        process.execPath,
        [
          path.join(repoRoot, "dist", "index.js"),
          "test",
          "--tools-dir",
          toolsDir,
          "--work-dir",
          c.workDir,
          "--chart",
          "charts/demo",
          "--helm",
          "both",
          "--timeout",
          "20s",
        ],
        { cwd, stdio: ["ignore", "pipe", "pipe"] },
      );
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
      });
      child.stderr.on("data", () => {});
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      // Mid-way: the first cell's namespace exists, so its helm install has started.
      await expect
        .poll(
          async () =>
            (await c.kubectl("get", "namespaces", "-o", "name")).stdout.includes("namespace/floe-test-"),
          {
            timeout: 60_000,
            interval: 100,
          },
        )
        .toBe(true);
      const state = JSON.parse(
        readFileSync(path.join(c.workDir, "cluster", "kwok", "state.json"), "utf8"),
      ) as ClusterState;
      const api = state.processes.find((p) => p.name === "kube-apiserver");
      expect(api, "kube-apiserver in the state").toBeDefined();
      process.kill(api!.pid, "SIGKILL");

      expect(await exited).toBe(1);
      expect(out).toMatch(
        /^demo: error cluster: the cluster's API server stopped answering during demo\/default helm3 \(kubectl get --raw \/readyz: .*refused.*\): the failure above is the cluster's, not the chart's; 1 later cell\(s\) not run \(scenario: default; helm 3\)$/m,
      );
      // helm's own error, without client-go's log lines about the lost watches.
      expect(out).not.toMatch(/reflector\.go|^[IWE]\d{4} /m);
      const res = JSON.parse(readFileSync(path.join(c.workDir, "test.results.json"), "utf8")) as PhaseResults;
      expect(res.checks.map((x) => `${x.id} ${x.state} ${x.reason ?? ""}`.trim())).toEqual([
        expect.stringMatching(
          /^(install demo\/default helm3 fail|helm-test .* demo\/default helm3 (fail|skip) .*)$/,
        ),
        ...(res.checks.length === 3 ? [expect.any(String)] : []),
        "install demo/default helm4 skip the cluster's API server stopped answering",
      ]);
    } finally {
      const down = await clusterDown(c);
      expect(down?.code, down?.stderr).toBe(0);
      expect(processesMentioning(c.workDir)).toEqual([]);
    }
  }, 180_000);

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
