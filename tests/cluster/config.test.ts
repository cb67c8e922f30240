// The kwok provider's configuration, asserted without starting anything: argv tables, the loopback rule,
// the simulated kubelet's stages; and kind's argv/config builders (kind needs Docker: mocked here).
import { execFileSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import {
  dockerImageInspectArgv,
  dockerShim,
  kindClusterName,
  kindConfig,
  kindCreateArgv,
  kindDeleteArgv,
  kindGetNodesArgv,
  kindLoadArgv,
  nodeImagesArgv,
  UNPRIVILEGED_RUN_FLAGS,
} from "../../src/cluster/kind/config.js";
import {
  addressesIn,
  components,
  kubeconfig,
  kwokConfig,
  type Layout,
  NODE_NAME,
  nodeManifest,
  POD_CIDR,
  type Ports,
  SERVICE_CIDR,
  tokenFile,
} from "../../src/cluster/kwok/config.js";
import { FAIL_ANNOTATION } from "../../src/cluster/kwok/stages.js";
import { isLoopback } from "../../src/cluster/loopback.js";
import { tempDir } from "../helpers/tmp.js";

const layout: Layout = {
  bin: {
    etcd: "/t/etcd",
    apiserver: "/t/kube-apiserver",
    controllerManager: "/t/kcm",
    scheduler: "/t/sched",
    kwok: "/t/kwok",
  },
  dir: "/w",
  etcdData: "/w/etcd",
  certDir: "/w/pki",
  tokenFile: "/w/tokens.csv",
  saPublicKey: "/w/pki/sa.pub",
  saPrivateKey: "/w/pki/sa.key",
  componentKubeconfig: "/w/kubeconfig",
  kwokConfig: "/w/kwok.yaml",
};
const ports: Ports = {
  etcdClient: 1001,
  etcdPeer: 1002,
  apiserver: 1003,
  controllerManager: 1004,
  scheduler: 1005,
  kwok: 1006,
};
const all = components(layout, ports);
const byName = Object.fromEntries(all.map((c) => [c.name, c.argv]));

describe("kwok control plane argv", () => {
  it("starts etcd, the API server, controller-manager, scheduler, then kwok", () => {
    expect(all.map((c) => c.name)).toEqual([
      "etcd",
      "kube-apiserver",
      "kube-controller-manager",
      "kube-scheduler",
      "kwok",
    ]);
  });

  it.each([
    ["etcd", "--listen-client-urls=http://127.0.0.1:1001"],
    ["etcd", "--listen-peer-urls=http://127.0.0.1:1002"],
    ["etcd", "--advertise-client-urls=http://127.0.0.1:1001"],
    ["kube-apiserver", "--bind-address=127.0.0.1"],
    ["kube-apiserver", "--advertise-address=127.0.0.1"],
    ["kube-apiserver", "--secure-port=1003"],
    ["kube-apiserver", "--etcd-servers=http://127.0.0.1:1001"],
    ["kube-apiserver", "--token-auth-file=/w/tokens.csv"],
    ["kube-apiserver", "--anonymous-auth=false"],
    ["kube-controller-manager", "--bind-address=127.0.0.1"],
    ["kube-controller-manager", "--secure-port=1004"],
    ["kube-controller-manager", "--kubeconfig=/w/kubeconfig"],
    ["kube-scheduler", "--bind-address=127.0.0.1"],
    ["kube-scheduler", "--secure-port=1005"],
    ["kwok", "--node-ip=127.0.0.1"],
    ["kwok", "--server-address=127.0.0.1:1006"],
    ["kwok", `--cidr=${POD_CIDR}`],
    ["kwok", "--config=/w/kwok.yaml"],
    ["kwok", "--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake"],
  ])("%s gets %s", (name, flag) => {
    expect(byName[name]).toContain(flag);
  });

  it("binds and announces only loopback addresses (the network rule)", () => {
    for (const c of all) {
      const addrs = addressesIn(c.argv);
      expect(addrs.length, `${c.name} names its addresses`).toBeGreaterThan(0);
      for (const a of addrs) expect(isLoopback(a), `${c.name}: ${a}`).toBe(true);
      // Never a wildcard listener.
      expect(c.argv.join(" ")).not.toMatch(/0\.0\.0\.0|\[::\]/);
    }
    expect(POD_CIDR.startsWith("127.")).toBe(true);
    expect(SERVICE_CIDR.startsWith("127.")).toBe(true);
  });

  it("the loopback assertion catches a non-loopback address", () => {
    expect(addressesIn(["--bind-address=0.0.0.0", "--x=http://10.0.0.1:80"]).map(isLoopback)).toEqual([
      false,
      false,
    ]);
    expect(addressesIn(["--a=127.0.0.1:5", "--b=https://localhost:6443"]).every(isLoopback)).toBe(true);
  });

  it("the kubeconfig points at the loopback API server with the admin token", () => {
    const kc = parse(kubeconfig("https://127.0.0.1:1003", "tok"));
    expect(kc.clusters[0].cluster.server).toBe("https://127.0.0.1:1003");
    expect(kc.users[0].user.token).toBe("tok");
    expect(kc["current-context"]).toBe("kwok");
    expect(tokenFile("tok")).toBe('tok,floe-admin,floe-admin,"system:masters"\n');
  });

  it("the simulated node is managed by kwok and schedulable without tolerations", () => {
    const node = parse(nodeManifest());
    expect(node.metadata.name).toBe(NODE_NAME);
    expect(node.metadata.annotations["kwok.x-k8s.io/node"]).toBe("fake");
    expect(node.spec.taints).toBeUndefined();
  });
});

describe("kwok stages (the simulated kubelet)", () => {
  const stages = parseAllDocuments(kwokConfig()).map((d) => d.toJS());
  const byStage = Object.fromEntries(stages.map((s) => [s.metadata.name, s]));

  it("are all Stage objects", () => {
    expect(stages.map((s) => s.kind)).toEqual(Array(stages.length).fill("Stage"));
    expect(Object.keys(byStage)).toEqual([
      "node-initialize",
      "node-heartbeat",
      "pod-ready",
      "pod-complete-job",
      "pod-complete-helm-test",
      "pod-fail",
      "pod-delete",
    ]);
  });

  it.each([
    ["pod-complete-job", ".metadata.ownerReferences.[].kind", ["Job"], "phase: Succeeded"],
    [
      "pod-complete-helm-test",
      '.metadata.annotations["helm.sh/hook"]',
      ["test", "test-success"],
      "phase: Succeeded",
    ],
    ["pod-fail", `.metadata.annotations["${FAIL_ANNOTATION}"]`, ["fail"], "phase: Failed"],
  ])("%s selects %s in %j and ends in %s", (name, key, values, phase) => {
    const s = byStage[name];
    expect(s.spec.selector.matchExpressions).toContainEqual({ key, operator: "In", values });
    expect(s.spec.next.statusTemplate).toContain(phase);
  });

  it("a pod annotated to fail never matches a completing stage", () => {
    for (const name of ["pod-complete-job", "pod-complete-helm-test"]) {
      expect(byStage[name].spec.selector.matchExpressions).toContainEqual({
        key: `.metadata.annotations["${FAIL_ANNOTATION}"]`,
        operator: "NotIn",
        values: ["fail"],
      });
    }
  });
});

describe("kind builders (pure: the real kind runs in tests/cluster/kind-real.test.ts)", () => {
  it("kind config on a cgroup v1 Docker host tells the kubelet failCgroupV1: false", () => {
    const c = parse(kindConfig({ cgroupV1: true })) as { kubeadmConfigPatches: string[] };
    expect(c.kubeadmConfigPatches.map((p) => parse(p))).toEqual([
      { kind: "KubeletConfiguration", apiVersion: "kubelet.config.k8s.io/v1beta1", failCgroupV1: false },
    ]);
    expect(parse(kindConfig({ cgroupV1: false }))).not.toHaveProperty("kubeadmConfigPatches");
  });

  it("the docker shim replaces --privileged on run/create, drops it on exec, passes the rest unchanged", () => {
    const dir = tempDir("floe-shim-");
    const real = path.join(dir, "real docker");
    writeFileSync(real, '#!/bin/sh\nfor a do printf "%s|" "$a"; done\n');
    chmodSync(real, 0o755);
    const shim = path.join(dir, "docker");
    writeFileSync(shim, dockerShim(real));
    chmodSync(shim, 0o755);
    const run = (...args: string[]) => execFileSync(shim, args, { encoding: "utf8" }).split("|").slice(0, -1);
    expect(run("run", "--name", "n", "--privileged", "-e", "A=b c", "img")).toEqual([
      "run",
      "--name",
      "n",
      ...UNPRIVILEGED_RUN_FLAGS,
      "-e",
      "A=b c",
      "img",
    ]);
    expect(run("create", "--privileged", "img")).toEqual(["create", ...UNPRIVILEGED_RUN_FLAGS, "img"]);
    expect(run("exec", "--privileged", "-i", "node", "cat", "/kind/version")).toEqual([
      "exec",
      "-i",
      "node",
      "cat",
      "/kind/version",
    ]);
    expect(run("info", "--format", "{{.CgroupVersion}}")).toEqual(["info", "--format", "{{.CgroupVersion}}"]);
  });

  it("mocked: kind config publishes the API server on loopback only", () => {
    expect(parse(kindConfig())).toEqual({
      kind: "Cluster",
      apiVersion: "kind.x-k8s.io/v1alpha4",
      networking: { apiServerAddress: "127.0.0.1" },
      nodes: [{ role: "control-plane" }],
    });
  });

  it.each([
    [
      "create",
      kindCreateArgv("/t/kind", {
        name: "n",
        image: "img",
        config: "/c.yaml",
        kubeconfig: "/kc",
        waitSeconds: 90,
      }),
      [
        "/t/kind",
        "create",
        "cluster",
        "--name",
        "n",
        "--image",
        "img",
        "--config",
        "/c.yaml",
        "--kubeconfig",
        "/kc",
        "--wait",
        "90s",
        "--retain",
      ],
    ],
    [
      "delete",
      kindDeleteArgv("/t/kind", { name: "n", kubeconfig: "/kc" }),
      ["/t/kind", "delete", "cluster", "--name", "n", "--kubeconfig", "/kc"],
    ],
    ["get nodes", kindGetNodesArgv("/t/kind", { name: "n" }), ["/t/kind", "get", "nodes", "--name", "n"]],
    [
      "load docker-image (every image in one call)",
      kindLoadArgv("/t/kind", { name: "n", images: ["a:1", "reg.example:5000/b@sha256:00"] }),
      ["/t/kind", "load", "docker-image", "--name", "n", "a:1", "reg.example:5000/b@sha256:00"],
    ],
    [
      "node images (containerd's k8s.io namespace)",
      nodeImagesArgv("/usr/bin/docker", "n-control-plane"),
      [
        "/usr/bin/docker",
        "exec",
        "n-control-plane",
        "ctr",
        "--namespace=k8s.io",
        "images",
        "list",
        "--quiet",
      ],
    ],
    [
      "local Docker image",
      dockerImageInspectArgv("/usr/bin/docker", "busybox"),
      ["/usr/bin/docker", "image", "inspect", "--format", "{{.Id}}", "busybox"],
    ],
  ])("mocked: kind %s argv", (_name, got, want) => {
    expect(got).toEqual(want);
  });

  it("kind load with no image is a programming error, not an empty call", () => {
    expect(() => kindLoadArgv("/t/kind", { name: "n", images: [] })).toThrow(/at least one image/);
  });

  it.each(["floe-helm", "floe-ki-1a2b", "a", "x1"])("kind cluster name %s is accepted", (name) => {
    expect(kindClusterName(name)).toBe(name);
  });

  it.each(["Floe", "-a", "a-", "a_b", "a.b", "", "x".repeat(51)])(
    "kind cluster name '%s' is refused with one clear error",
    (name) => {
      expect(() => kindClusterName(name)).toThrow(
        `--kind-cluster: expected lowercase letters, digits and inner dashes (at most 50 characters), got '${name}'`,
      );
    },
  );
});
