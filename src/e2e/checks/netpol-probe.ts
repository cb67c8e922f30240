// Pure parts of the T120 NetworkPolicy check (./network-policy.ts): which policies guard a pod, which client
// labels they let in on a port, the probe pods (PSS restricted) and their TCP probe (curl's telnet://), what a
// probe saw, and a policy as it can be created again after it was deleted. Tests: tests/e2e/netpol-probe.test.ts.

import { restrictedContainerSecurity, restrictedPodSecurity } from "../../k8s/restricted.js";

export type Labels = Record<string, string>;

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface NetworkPolicy {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Labels;
    annotations?: Record<string, string>;
    [k: string]: unknown;
  };
  spec: {
    podSelector: LabelSelector;
    policyTypes?: string[];
    ingress?: Array<{
      from?: NetworkPolicyPeer[];
      ports?: Array<{ protocol?: string; port?: number | string }>;
    }>;
    egress?: unknown[];
  };
}

/** Whether a label selector selects these labels (Kubernetes semantics; an empty selector selects all). */
export function selects(sel: LabelSelector, labels: Labels): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const inValues = has && (e.values ?? []).includes(labels[e.key]!);
    const ok =
      e.operator === "In"
        ? inValues
        : e.operator === "NotIn"
          ? !inValues
          : e.operator === "Exists"
            ? has
            : e.operator === "DoesNotExist"
              ? !has
              : false;
    if (!ok) return false;
  }
  return true;
}

const isolatesIngress = (p: NetworkPolicy) =>
  (p.spec.policyTypes ?? ["Ingress"]).includes("Ingress") || (p.spec.ingress?.length ?? 0) > 0;

/** The pod port a Service port sends to, which is the port NetworkPolicies match: its targetPort when a number;
 * a named targetPort resolved against the pod's container ports; no targetPort means the Service port itself
 * (as the API server defaults it); a name no container declares leaves the Service port (the best guess). */
export function podPort(
  svcPort: { port: number; targetPort?: number | string },
  containers: ReadonlyArray<{ ports?: ReadonlyArray<{ name?: string; containerPort: number }> }>,
): number {
  const tp = svcPort.targetPort ?? svcPort.port;
  if (typeof tp === "number") return tp;
  return containers.flatMap((c) => c.ports ?? []).find((p) => p.name === tp)?.containerPort ?? svcPort.port;
}

/** The policies that isolate a pod's ingress: all of them stand between a client and the pod (one left in
 * place keeps every client it does not name out). Sorted by name. */
export function policiesGuarding(policies: readonly NetworkPolicy[], podLabels: Labels): NetworkPolicy[] {
  return policies
    .filter((p) => selects(p.spec.podSelector, podLabels) && isolatesIngress(p))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/** The client labels some guarding policy lets in to `port` of the pod: a same-namespace podSelector of plain
 * matchLabels (not empty: that would let every pod in). The fewest labels win (a client of the platform, not a
 * pod of it), then the policy's name; undefined when no rule names one. */
export function allowedClientLabels(
  guarding: readonly NetworkPolicy[],
  port: number,
): { labels: Labels; policy: string } | undefined {
  const found: Array<{ labels: Labels; policy: string }> = [];
  for (const p of guarding)
    for (const rule of p.spec.ingress ?? []) {
      const ports = rule.ports ?? [];
      if (ports.length && !ports.some((q) => Number(q.port) === port && (q.protocol ?? "TCP") === "TCP"))
        continue;
      for (const peer of rule.from ?? []) {
        const sel = peer.podSelector;
        if (!sel || peer.namespaceSelector || peer.ipBlock || sel.matchExpressions?.length) continue;
        const labels = sel.matchLabels ?? {};
        if (Object.keys(labels).length) found.push({ labels, policy: p.metadata.name });
      }
    }
  found.sort(
    (a, b) =>
      Object.keys(a.labels).length - Object.keys(b.labels).length ||
      a.policy.localeCompare(b.policy) ||
      JSON.stringify(a.labels).localeCompare(JSON.stringify(b.labels)),
  );
  return found[0];
}

/** A policy as `kubectl create` takes it back after it was deleted: its name, labels, annotations and spec
 * (helm's ownership labels and annotations included, so the release still owns it); no server-set fields. */
export function restorable(p: NetworkPolicy): NetworkPolicy {
  const { name, namespace, labels, annotations } = p.metadata;
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      ...(labels ? { labels } : {}),
      ...(annotations ? { annotations } : {}),
    },
    spec: p.spec,
  };
}

/** Differences between a saved policy and the one found after restoring it (empty: restored exactly). */
export function restoreDifferences(saved: NetworkPolicy, found: NetworkPolicy | undefined): string[] {
  if (!found) return [`${saved.metadata.name}: not found`];
  const a = restorable(saved);
  const b = restorable(found);
  const diffs: string[] = [];
  for (const key of ["labels", "annotations"] as const)
    if (canonical(a.metadata[key] ?? {}) !== canonical(b.metadata[key] ?? {}))
      diffs.push(`${saved.metadata.name}: metadata.${key} differ`);
  if (canonical(a.spec) !== canonical(b.spec)) diffs.push(`${saved.metadata.name}: spec differs`);
  return diffs;
}

/** JSON with object keys sorted, to compare objects regardless of key order. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([p], [q]) => p.localeCompare(q)),
        )
      : x,
  );
}

export interface ProbeImage {
  image: string;
  pullPolicy: "Never" | "IfNotPresent" | "Always";
}

/** A probe pod: sleeps while probes are exec'd in it, labelled exactly `labels` (none: no policy lets it in),
 * within the restricted Pod Security Standard, with resources (the namespace may have a quota), gone by itself
 * after `lifetimeSeconds` if nobody deletes it. */
export function probePodManifest(a: {
  name: string;
  namespace: string;
  labels: Labels;
  image: ProbeImage;
  lifetimeSeconds: number;
  /** What it runs instead of sleeping (e.g. a bounded load), and its CPU limit for that (default 100m). */
  command?: string[];
  cpuLimit?: string;
}) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: a.name,
      namespace: a.namespace,
      ...(Object.keys(a.labels).length ? { labels: a.labels } : {}),
    },
    spec: {
      restartPolicy: "Never",
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: 0,
      activeDeadlineSeconds: a.lifetimeSeconds,
      securityContext: restrictedPodSecurity(100, 101),
      containers: [
        {
          name: "probe",
          image: a.image.image,
          imagePullPolicy: a.image.pullPolicy,
          command: a.command ?? ["sleep", String(a.lifetimeSeconds)],
          securityContext: restrictedContainerSecurity(),
          resources: {
            requests: { cpu: "10m", memory: "16Mi" },
            limits: { cpu: a.cpuLimit ?? "100m", memory: "64Mi" },
          },
        },
      ],
    },
  };
}

/** The probe, exec'd in a probe pod: a TCP connection to host:port by curl's telnet:// (verbose: it says
 * whether it connected), stdin closed, bounded by connectSeconds (+1 s once connected: curl then waits for
 * data until --max-time). */
export function tcpProbeArgv(pod: string, host: string, port: number, connectSeconds: number): string[] {
  return [
    "exec",
    pod,
    "--",
    "curl",
    "-sS",
    "-v",
    "--connect-timeout",
    String(connectSeconds),
    "--max-time",
    String(connectSeconds + 1),
    `telnet://${host}:${port}`,
  ];
}

export type ProbeOutcome = "connected" | "refused" | "timed out" | "error";

export interface ProbeResult {
  outcome: ProbeOutcome;
  /** What curl said (the lines that matter), for `seen`. */
  said: string;
}

/** What one probe saw, from curl's exit code and verbose output (kubectl exec's exit is curl's). */
export function probeResult(code: number, output: string): ProbeResult {
  const lines = output
    .split("\n")
    .map((l) => l.trim())
    .filter((l) =>
      /^\* (Connected to|connect to|Failed to connect|Connection timed out)|^curl: \(|^error:/.test(l),
    );
  const said = (lines.length ? lines : output.trim().split("\n").slice(-3)).join("; ");
  if (/^\* Connected to /m.test(output)) return { outcome: "connected", said };
  // 7: curl could not connect (refused, or rejected as unreachable): the connection was turned away.
  if (code === 7) return { outcome: "refused", said };
  if (code === 28) return { outcome: "timed out", said };
  return { outcome: "error", said: `exit ${code}: ${said}` };
}
