// The availability prober of `floe-helm upgrade`: which Services to probe (those whose Deployment or
// StatefulSet runs 2+ replicas: a single replica is down during any rollout by design), the pod that
// probes them from inside the cluster, and its counts. Pure: the kubectl calls are in ./run.ts.
//
// The pod wears the labels of the chart's own helm test pods, so the chart's NetworkPolicies admit it where
// they admit the tests; it runs the tests' image (curl and a POSIX shell), non-root under the restricted Pod
// Security Standard. Each round requests every target once (a new connection each time, curl's own config
// ignored so nothing is retried); an HTTP answer below 500 counts as served, anything else (refused,
// timed out, reset, 5xx) as failed. It stops on /tmp/stop, after maxRequests rounds or maxSeconds.
import { restrictedContainerSecurity, restrictedPodSecurity } from "../../k8s/restricted.js";

export interface ProbeTarget {
  /** The Service's name. */
  service: string;
  /** `Deployment/x` or `StatefulSet/x` its selector picks. */
  workload: string;
  replicas: number;
  port: number;
  url: string;
  /** The PodDisruptionBudget covering the workload's pods, when there is one. */
  pdb?: string;
}

interface Meta {
  name?: string;
  labels?: Record<string, string>;
}
interface K8sItem {
  kind?: string;
  metadata?: Meta;
  spec?: {
    selector?: Record<string, string> & { matchLabels?: Record<string, string> };
    replicas?: number;
    ports?: Array<{ name?: string; port?: number; appProtocol?: string; protocol?: string }>;
    template?: { metadata?: Meta };
    type?: string;
    clusterIP?: string;
  };
}

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> = {}) =>
  !!selector &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([k, v]) => labels[k] === v);

/** The port to request: an HTTP one by name or appProtocol, else the first that is not gRPC (curl speaks
 * HTTP/1.1; a gRPC-only listener drops it). undefined when no port fits. */
export function httpPort(ports: NonNullable<K8sItem["spec"]>["ports"]): number | undefined {
  const tcp = (ports ?? []).filter((p) => (p.protocol ?? "TCP") === "TCP" && p.port);
  const grpc = (p: (typeof tcp)[number]) => /grpc/i.test(`${p.name ?? ""} ${p.appProtocol ?? ""}`);
  const http = tcp.find((p) => !grpc(p) && /http/i.test(`${p.name ?? ""} ${p.appProtocol ?? ""}`));
  return (http ?? tcp.find((p) => !grpc(p)))?.port;
}

export interface TargetSelection {
  targets: ProbeTarget[];
  /** Services of multi-replica workloads that cannot be probed (no HTTP-speaking port), with why. */
  unprobed: Array<{ service: string; reason: string }>;
  /** Services that select the pods of a Deployment or StatefulSet, whatever its replicas: none means the
   * release serves nothing (batch jobs only), so there is nothing whose availability could be measured. */
  serving: number;
}

/** The Services to probe, from `kubectl get services,deployments,statefulsets,poddisruptionbudgets -o json`
 * of the release namespace. */
export function probeTargets(listJson: string, namespace: string): TargetSelection {
  const items = ((JSON.parse(listJson) as { items?: K8sItem[] }).items ?? []) as K8sItem[];
  const workloads = items.filter((i) => i.kind === "Deployment" || i.kind === "StatefulSet");
  const pdbs = items.filter((i) => i.kind === "PodDisruptionBudget");
  const out: TargetSelection = { targets: [], unprobed: [], serving: 0 };
  for (const svc of items.filter((i) => i.kind === "Service")) {
    const name = svc.metadata?.name ?? "";
    if (svc.spec?.type === "ExternalName" || !svc.spec?.selector) continue;
    const w = workloads.find((x) => matches(svc.spec?.selector, x.spec?.template?.metadata?.labels));
    if (!w) continue;
    out.serving++;
    const replicas = w.spec?.replicas ?? 1;
    if (replicas < 2) continue;
    const podLabels = w.spec?.template?.metadata?.labels;
    const pdb = pdbs.find((p) => matches(p.spec?.selector?.matchLabels, podLabels));
    const workload = `${w.kind}/${w.metadata?.name}`;
    const port = httpPort(svc.spec.ports);
    if (!port) {
      out.unprobed.push({ service: name, reason: `no port of Service ${name} speaks HTTP (only gRPC/UDP)` });
      continue;
    }
    out.targets.push({
      service: name,
      workload,
      replicas,
      port,
      url: `http://${name}.${namespace}.svc:${port}/`,
      ...(pdb?.metadata?.name ? { pdb: pdb.metadata.name } : {}),
    });
  }
  return out;
}

export interface ProberSpec {
  name: string;
  namespace: string;
  image: string;
  /** The chart's test pods' labels (the NetworkPolicies admit them). */
  labels: Record<string, string>;
  targets: readonly ProbeTarget[];
  /** Rounds at most (each round requests every target once). */
  maxRequests: number;
  /** Seconds at most, counted from the pod's start. */
  maxSeconds: number;
  /** Pause between rounds. */
  intervalMs: number;
}

/** The prober's shell script: a warm-up (the NetworkPolicy engine programs a new pod's rules a moment after
 * it starts) in which every target must answer once, then counted rounds; a `RESULT <service> <sent>
 * <failed>` line per target at the end, and a `FAIL` line per failed request as it happens. */
export function proberScript(s: Pick<ProberSpec, "targets" | "maxRequests" | "maxSeconds" | "intervalMs">) {
  const pause = (s.intervalMs / 1000).toFixed(3);
  const list = s.targets.map((t) => `${t.service}=${t.url}`).join(" ");
  return `set -u
dir=\${PROBER_DIR:-/tmp}
targets='${list}'
end=$(( $(date +%s) + ${s.maxSeconds} ))
probe() { curl -q -s -o /dev/null --connect-timeout 2 --max-time 3 -w '%{http_code}' "$1" 2>/dev/null; }
for t in $targets; do
  i=0; until code=$(probe "\${t#*=}") && [ "$code" -gt 0 ] && [ "$code" -lt 500 ]; do
    i=$((i+1)); [ "$i" -lt 30 ] || { echo "WARMUP-FAIL \${t%%=*} $code"; break; }; sleep 1
  done
done
echo READY > "$dir/ready"
n=0
for t in $targets; do eval "sent_\${n}=0 failed_\${n}=0"; n=$((n+1)); done
round=0
while [ ! -f "$dir/stop" ] && [ "$round" -lt ${s.maxRequests} ] && [ "$(date +%s)" -lt "$end" ]; do
  round=$((round+1)); n=0
  for t in $targets; do
    eval "sent_\${n}=$((sent_\${n}+1))"
    code=$(probe "\${t#*=}"); rc=$?
    if [ "$rc" -ne 0 ] || [ "\${code:-0}" -lt 1 ] || [ "\${code:-0}" -ge 500 ]; then
      eval "failed_\${n}=$((failed_\${n}+1))"
      echo "FAIL \${t%%=*} $(date -u +%H:%M:%S) curl-exit=$rc http=\${code:-000}"
    fi
    n=$((n+1))
  done
  [ $((round % 50)) -ne 0 ] || echo "ROUND $round"
  sleep ${pause}
done
n=0
for t in $targets; do eval "echo RESULT \${t%%=*} \\$sent_\${n} \\$failed_\${n}"; n=$((n+1)); done
reason=stopped; [ -f "$dir/stop" ] || reason=bound
echo "END $reason $round"
`;
}

/** The prober Pod: restricted (non-root, read-only root, no capabilities, RuntimeDefault seccomp, no
 * service account token), small resources, never restarted (its counts live in its log). */
export function proberPod(s: ProberSpec): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: s.name,
      namespace: s.namespace,
      labels: { ...s.labels, "floe.dev/role": "availability-prober" },
    },
    spec: {
      restartPolicy: "Never",
      automountServiceAccountToken: false,
      securityContext: restrictedPodSecurity(10001, 10001),
      containers: [
        {
          name: "prober",
          image: s.image,
          imagePullPolicy: "IfNotPresent",
          command: ["sh", "-c", proberScript(s)],
          env: [{ name: "HOME", value: "/tmp" }],
          securityContext: { ...restrictedContainerSecurity(), seccompProfile: { type: "RuntimeDefault" } },
          resources: {
            requests: { cpu: "10m", memory: "16Mi" },
            limits: { cpu: "200m", memory: "64Mi" },
          },
          readinessProbe: { exec: { command: ["cat", "/tmp/ready"] }, periodSeconds: 1 },
          volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
        },
      ],
      volumes: [{ name: "tmp", emptyDir: {} }],
    },
  };
}

export interface ProbeCount {
  sent: number;
  failed: number;
  /** The FAIL lines of this Service (time, curl's exit code, HTTP status). */
  failures: string[];
}

export interface ProberLog {
  counts: Map<string, ProbeCount>;
  /** Targets that never answered during the warm-up. */
  warmupFailed: string[];
  /** `stopped` (asked to), `bound` (count or time bound reached), undefined when the log has no end. */
  end?: "stopped" | "bound";
}

/** The prober's log -> counts per Service. */
export function parseProberLog(log: string): ProberLog {
  const out: ProberLog = { counts: new Map(), warmupFailed: [] };
  const failures = new Map<string, string[]>();
  for (const line of log.split("\n").map((l) => l.trim())) {
    const [tag, a, b, c] = line.split(/\s+/);
    if (tag === "FAIL" && a) failures.set(a, [...(failures.get(a) ?? []), line.slice(5 + a.length + 1)]);
    else if (tag === "RESULT" && a)
      out.counts.set(a, { sent: Number(b) || 0, failed: Number(c) || 0, failures: [] });
    else if (tag === "WARMUP-FAIL" && a) out.warmupFailed.push(a);
    else if (tag === "END" && (a === "stopped" || a === "bound")) out.end = a;
  }
  for (const [svc, c] of out.counts) c.failures = failures.get(svc) ?? [];
  return out;
}

/** A step of the live upgrade while the prober ran (wall clock, ms since the epoch). */
export interface StepWindow {
  what: string;
  from: number;
  to: number;
}

/** Each FAIL line (`HH:MM:SS curl-exit=N http=C`, the prober's UTC clock) with the step it fell in, e.g.
 * `18:25:00 curl-exit=7 http=000 during helm test after upgrade`; `between steps` when it fell in none (within
 * a second of either end counts: the two clocks differ by that much at most on one machine's cluster). */
export function attributeFailures(failures: readonly string[], steps: readonly StepWindow[]): string[] {
  if (steps.length === 0) return [...failures];
  const first = Math.min(...steps.map((w) => w.from));
  const last = Math.max(...steps.map((w) => w.to));
  const day = Date.UTC(
    new Date(first).getUTCFullYear(),
    new Date(first).getUTCMonth(),
    new Date(first).getUTCDate(),
  );
  return failures.map((f) => {
    const m = /^(\d{2}):(\d{2}):(\d{2})\b/.exec(f);
    if (!m) return f;
    const ofDay = ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
    // The run may cross midnight: the candidate day nearest the steps.
    const at = [day - 86_400_000, day, day + 86_400_000]
      .map((d) => d + ofDay)
      .sort((x, y) => Math.abs(x - (first + last) / 2) - Math.abs(y - (first + last) / 2))[0]!;
    const w = steps.find((x) => at >= x.from - 1000 && at <= x.to + 1000);
    return `${f} ${w ? `during ${w.what}` : "between steps"}`;
  });
}
