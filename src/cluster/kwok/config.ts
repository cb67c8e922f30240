// Pure builders for the kwok control plane: the argv of every component, the kubeconfig, the simulated node
// and kwok's configuration. Nothing here starts a process, so tests assert these tables directly, including
// that every address is loopback.
import { stringify } from "yaml";
import { LOOPBACK } from "../loopback.js";
import { stages } from "./stages.js";

export interface Ports {
  etcdClient: number;
  etcdPeer: number;
  apiserver: number;
  controllerManager: number;
  scheduler: number;
  kwok: number;
}

/** Paths of the binaries (scripts/tools.sh names) and the files `up` writes under the cluster dir. */
export interface Layout {
  bin: { etcd: string; apiserver: string; controllerManager: string; scheduler: string; kwok: string };
  dir: string;
  etcdData: string;
  certDir: string;
  tokenFile: string;
  saPublicKey: string;
  saPrivateKey: string;
  /** The kubeconfig the components use (always inside dir). */
  componentKubeconfig: string;
  kwokConfig: string;
}

export const NODE_NAME = "kwok-node-0";
/** Pod IPs come from loopback too, so nothing that follows a pod IP leaves the machine. */
export const POD_CIDR = "127.1.0.0/16";
/** Service IPs too: nothing proxies them here, and anything that tried would stay on this machine. */
export const SERVICE_CIDR = "127.2.0.0/16";

export type ComponentName = "etcd" | "kube-apiserver" | "kube-controller-manager" | "kube-scheduler" | "kwok";

export interface Component {
  name: ComponentName;
  argv: string[];
}

export function etcdArgv(l: Layout, p: Ports): string[] {
  const client = `http://${LOOPBACK}:${p.etcdClient}`;
  const peer = `http://${LOOPBACK}:${p.etcdPeer}`;
  return [
    l.bin.etcd,
    "--name=node0",
    `--data-dir=${l.etcdData}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=node0=${peer}`,
    "--initial-cluster-state=new",
    // A throwaway test store: durability buys nothing and fsync is the slowest part on shared disks.
    "--unsafe-no-fsync=true",
    "--log-level=warn",
  ];
}

export function apiserverArgv(l: Layout, p: Ports): string[] {
  return [
    l.bin.apiserver,
    `--bind-address=${LOOPBACK}`,
    `--advertise-address=${LOOPBACK}`,
    `--secure-port=${p.apiserver}`,
    `--etcd-servers=http://${LOOPBACK}:${p.etcdClient}`,
    // No --tls-cert-file: the API server writes a self-signed serving cert for its bind address here.
    `--cert-dir=${l.certDir}`,
    `--token-auth-file=${l.tokenFile}`,
    "--authorization-mode=Node,RBAC",
    "--anonymous-auth=false",
    `--service-account-issuer=https://kubernetes.default.svc.cluster.local`,
    `--service-account-key-file=${l.saPublicKey}`,
    `--service-account-signing-key-file=${l.saPrivateKey}`,
    `--service-cluster-ip-range=${SERVICE_CIDR}`,
    // The `kubernetes` Service's endpoints would be 127.0.0.1, which Endpoints validation refuses; nothing
    // in a simulated cluster reaches the API server through that Service.
    "--endpoint-reconciler-type=none",
    "--allow-privileged=true",
    "--profiling=false",
  ];
}

export function controllerManagerArgv(l: Layout, p: Ports): string[] {
  return [
    l.bin.controllerManager,
    `--kubeconfig=${l.componentKubeconfig}`,
    `--authentication-kubeconfig=${l.componentKubeconfig}`,
    `--authorization-kubeconfig=${l.componentKubeconfig}`,
    `--bind-address=${LOOPBACK}`,
    `--secure-port=${p.controllerManager}`,
    `--cert-dir=${l.certDir}`,
    `--service-account-private-key-file=${l.saPrivateKey}`,
    "--use-service-account-credentials=false",
    "--leader-elect=false",
    "--profiling=false",
  ];
}

export function schedulerArgv(l: Layout, p: Ports): string[] {
  return [
    l.bin.scheduler,
    `--kubeconfig=${l.componentKubeconfig}`,
    `--authentication-kubeconfig=${l.componentKubeconfig}`,
    `--authorization-kubeconfig=${l.componentKubeconfig}`,
    `--bind-address=${LOOPBACK}`,
    `--secure-port=${p.scheduler}`,
    `--cert-dir=${l.certDir}`,
    "--leader-elect=false",
    "--profiling=false",
  ];
}

export function kwokArgv(l: Layout, p: Ports): string[] {
  return [
    l.bin.kwok,
    `--kubeconfig=${l.componentKubeconfig}`,
    `--config=${l.kwokConfig}`,
    "--manage-all-nodes=false",
    "--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
    `--node-ip=${LOOPBACK}`,
    `--node-name=${NODE_NAME}`,
    `--node-port=${p.kwok}`,
    `--server-address=${LOOPBACK}:${p.kwok}`,
    `--cidr=${POD_CIDR}`,
    "--node-lease-duration-seconds=40",
  ];
}

/** Start order; `down` stops them in reverse. */
export function components(l: Layout, p: Ports): Component[] {
  return [
    { name: "etcd", argv: etcdArgv(l, p) },
    { name: "kube-apiserver", argv: apiserverArgv(l, p) },
    { name: "kube-controller-manager", argv: controllerManagerArgv(l, p) },
    { name: "kube-scheduler", argv: schedulerArgv(l, p) },
    { name: "kwok", argv: kwokArgv(l, p) },
  ];
}

/** Every host:port or IP a component is told to listen on or announce, for the loopback assertion. */
export function addressesIn(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of argv) {
    for (const m of a.matchAll(
      /(?:https?:\/\/)?(\d{1,3}(?:\.\d{1,3}){3}|localhost|\[[0-9a-f:]+\])(?::\d+)?/gi,
    )) {
      if (m[1]) out.push(m[1].replace(/^\[|\]$/g, ""));
    }
  }
  return out;
}

export const ADMIN_USER = "floe-admin";

/** Static token auth: one admin in system:masters, used by the components and the user's kubeconfig. */
export function tokenFile(token: string): string {
  return `${token},${ADMIN_USER},${ADMIN_USER},"system:masters"\n`;
}

export function kubeconfig(server: string, token: string): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      // The API server's serving cert is self-signed for this run; the connection never leaves loopback.
      { name: "kwok", cluster: { server, "insecure-skip-tls-verify": true } },
    ],
    users: [{ name: ADMIN_USER, user: { token } }],
    contexts: [{ name: "kwok", context: { cluster: "kwok", user: ADMIN_USER } }],
    "current-context": "kwok",
    preferences: {},
  });
}

export function nodeManifest(): string {
  const resources = { cpu: "32", memory: "256Gi", pods: "250", "ephemeral-storage": "1Ti" };
  return stringify({
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: NODE_NAME,
      annotations: { "kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0" },
      labels: {
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": NODE_NAME,
        "kubernetes.io/os": "linux",
        "node-role.kubernetes.io/agent": "",
        type: "kwok",
      },
    },
    spec: {},
    status: { allocatable: resources, capacity: resources },
  });
}

/** kwok's config: only the stages below, so the simulated behaviour is exactly what this project documents. */
export function kwokConfig(): string {
  return stages.map((s) => stringify(s, { blockQuote: "literal", lineWidth: 0 })).join("---\n");
}
