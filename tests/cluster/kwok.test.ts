// The kwok provider for real: a control plane built from source, started by `floe-helm cluster up` in one
// process and stopped by `cluster down` in another. Asserts the server version helm sees, the simulated
// kubelet's stages, that every listening socket is on loopback, and that `down` leaves no process behind.
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { FAIL_ANNOTATION } from "../../src/cluster/kwok/stages.js";
import type { ClusterState } from "../../src/cluster/state.js";
import { isRunning } from "../../src/exec/daemon.js";
import { cli } from "../helpers/cli.js";
import { clusterDown, clusterUp, type TestCluster } from "../helpers/cluster.js";
import { toolsDir } from "../helpers/tools.js";

let c: TestCluster | undefined;
const k = () => {
  if (!c) throw new Error("cluster did not start (see beforeAll)");
  return c;
};
const state = (): ClusterState =>
  JSON.parse(readFileSync(path.join(k().workDir, "cluster", "kwok", "state.json"), "utf8"));

beforeAll(async () => {
  c = await clusterUp();
});
afterAll(async () => {
  await clusterDown(c);
});

/** TCP sockets in LISTEN state owned by pid, as "address:port" (from /proc, IPv4 and IPv6). */
function listeningSockets(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m?.[1]) inodes.add(m[1]);
    } catch {
      // fd closed while we looked
    }
  }
  const out: string[] = [];
  for (const [file, v6] of [
    ["/proc/net/tcp", false],
    ["/proc/net/tcp6", true],
  ] as const) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, "utf8").trim().split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      const [local, state, inode] = [f[1] ?? "", f[3], f[9] ?? ""];
      if (state !== "0A" || !inodes.has(inode)) continue; // 0A = LISTEN
      const [hex = "", port = ""] = local.split(":");
      out.push(`${v6 ? decodeV6(hex) : decodeV4(hex)}:${Number.parseInt(port, 16)}`);
    }
  }
  return out;
}
const decodeV4 = (hex: string) =>
  (hex.match(/../g) ?? [])
    .reverse()
    .map((b) => Number.parseInt(b, 16))
    .join(".");
const decodeV6 = (hex: string) =>
  hex === "00000000000000000000000001000000" ? "::1" : hex === "0".repeat(32) ? "::" : `v6:${hex}`;

function pod(name: string, annotations: Record<string, string> = {}) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "sim", annotations },
    spec: { restartPolicy: "Never", containers: [{ name: "c", image: "example.invalid/x:1" }] },
  };
}

// One cluster for the file, in order: the last tests refuse a second `up` of it and then stop it, so the
// tests run one after another (describe.sequential) and `down` comes last.
describe.sequential("kwok provider (real control plane, simulated node), in order: down last", () => {
  it("serves Kubernetes v1.37.0, the version helm's kubeVersion checks read", async () => {
    const r = await k().kubectl("version", "-o", "json");
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.serverVersion.gitVersion).toBe("v1.37.0");
    expect(v.serverVersion.minor).toBe("37");
    expect(v.clientVersion.gitVersion).toBe("v1.37.0");
  });

  it("has a Ready simulated node with a loopback address", async () => {
    const r = await k().kubectl("get", "nodes", "-o", "json");
    const nodes = JSON.parse(r.stdout).items;
    expect(nodes).toHaveLength(1);
    const n = nodes[0];
    expect(n.status.conditions.find((x: { type: string }) => x.type === "Ready").status).toBe("True");
    expect(n.status.addresses).toContainEqual({ type: "InternalIP", address: "127.0.0.1" });
  });

  it("every component listens on loopback only (checked from /proc, not from config)", () => {
    const st = state();
    expect(st.processes.map((p) => p.name)).toEqual([
      "etcd",
      "kube-apiserver",
      "kube-controller-manager",
      "kube-scheduler",
      "kwok",
    ]);
    for (const p of st.processes) {
      const socks = listeningSockets(p.pid);
      expect(socks.length, `${p.name} listens somewhere`).toBeGreaterThan(0);
      for (const s of socks) expect(s, `${p.name} listens on ${s}`).toMatch(/^(127\.\d+\.\d+\.\d+|::1):\d+$/);
    }
  });

  it("simulates pods: plain pods Ready, Job and helm test pods succeed, annotated pods fail", async () => {
    expect((await k().kubectl("create", "namespace", "sim")).code).toBe(0);
    // Pods need the namespace's default ServiceAccount, which the controller-manager creates.
    await expect
      .poll(async () => (await k().kubectl("get", "sa", "default", "-n", "sim")).code, { timeout: 60_000 })
      .toBe(0);
    const manifests = [
      pod("plain"),
      pod("helm-test", { "helm.sh/hook": "test" }),
      pod("helm-test-fails", { "helm.sh/hook": "test", [FAIL_ANNOTATION]: "fail" }),
      {
        apiVersion: "batch/v1",
        kind: "Job",
        metadata: { name: "job", namespace: "sim" },
        spec: { backoffLimit: 0, template: { spec: pod("x").spec } },
      },
    ];
    const applied = await k().kubectlIn(manifests.map((m) => stringify(m)).join("---\n"), "apply", "-f", "-");
    expect(applied.code, applied.stderr).toBe(0);
    const phase = async (name: string) =>
      (await k().kubectl("get", "pod", name, "-n", "sim", "-o", "jsonpath={.status.phase}")).stdout;
    await expect.poll(() => phase("plain"), { timeout: 60_000 }).toBe("Running");
    await expect.poll(() => phase("helm-test"), { timeout: 60_000 }).toBe("Succeeded");
    await expect.poll(() => phase("helm-test-fails"), { timeout: 60_000 }).toBe("Failed");
    const ready = await k().kubectl(
      "get",
      "pod",
      "plain",
      "-n",
      "sim",
      "-o",
      'jsonpath={.status.conditions[?(@.type=="Ready")].status}',
    );
    expect(ready.stdout).toBe("True");
    const ip = await k().kubectl("get", "pod", "plain", "-n", "sim", "-o", "jsonpath={.status.podIP}");
    expect(ip.stdout).toMatch(/^127\./);
    const exit = await k().kubectl(
      "get",
      "pod",
      "helm-test-fails",
      "-n",
      "sim",
      "-o",
      "jsonpath={.status.containerStatuses[0].state.terminated.exitCode}",
    );
    expect(exit.stdout).toBe("1");
    const job = async () =>
      (await k().kubectl("get", "job", "job", "-n", "sim", "-o", "jsonpath={.status.succeeded}")).stdout;
    await expect.poll(job, { timeout: 60_000 }).toBe("1");
  });

  it("refuses a second `up` while the cluster runs, with one clear line", async () => {
    const r = await cli([
      "cluster",
      "up",
      "--provider",
      "kwok",
      "--tools-dir",
      toolsDir,
      "--work-dir",
      k().workDir,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/still running .* run 'floe-helm cluster down --provider kwok' first/);
  });

  it("`cluster down` in another process stops every process and removes the state", async () => {
    const pids = state().processes.map((p) => p.pid);
    const binaries = state().processes.map((p) => p.binary);
    const r = await clusterDown(k());
    expect(r?.code, r?.stderr).toBe(0);
    pids.forEach((pid, i) => {
      expect(isRunning(pid, binaries[i] ?? ""), `pid ${pid} still running`).toBe(false);
    });
    expect(existsSync(path.join(k().workDir, "cluster", "kwok", "state.json"))).toBe(false);
    c = undefined;
  });
});
