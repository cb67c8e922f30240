// Pure parts of the GAP-004 autoscaling check (./autoscaling.ts): what an HPA's status says (replicas, CPU
// against its target, why it cannot scale), the bounded load a component is given (a curl of requests the
// component spends CPU on, in parallel, ended by `timeout`), and how an HPA is described in an outcome.
// Tests: tests/e2e/hpa.test.ts.

export interface Hpa {
  metadata: { name: string; labels?: Record<string, string> };
  spec: {
    scaleTargetRef: { kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: Array<{ type: string; resource?: { name: string; target: { averageUtilization?: number } } }>;
  };
  status?: {
    currentReplicas?: number;
    desiredReplicas?: number;
    currentMetrics?: Array<{
      type: string;
      resource?: { name: string; current: { averageUtilization?: number } };
    }> | null;
    conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
  };
}

export interface HpaState {
  name: string;
  target: string;
  min: number;
  max: number;
  current: number;
  desired: number;
  /** Current average CPU utilisation (%), when the HPA has read one. */
  cpu?: number;
  targetCpu?: number;
  /** A condition that says it cannot scale (AbleToScale/ScalingActive False), as "Type=False Reason: message". */
  blocked?: string;
}

export function hpaState(h: Hpa): HpaState {
  const cpu = h.status?.currentMetrics?.find((m) => m.type === "Resource" && m.resource?.name === "cpu")
    ?.resource?.current.averageUtilization;
  const targetCpu = h.spec.metrics?.find((m) => m.type === "Resource" && m.resource?.name === "cpu")?.resource
    ?.target.averageUtilization;
  const bad = h.status?.conditions?.find(
    (c) => (c.type === "ScalingActive" || c.type === "AbleToScale") && c.status === "False",
  );
  return {
    name: h.metadata.name,
    target: `${h.spec.scaleTargetRef.kind}/${h.spec.scaleTargetRef.name}`,
    min: h.spec.minReplicas ?? 1,
    max: h.spec.maxReplicas,
    current: h.status?.currentReplicas ?? 0,
    desired: h.status?.desiredReplicas ?? 0,
    ...(cpu !== undefined ? { cpu } : {}),
    ...(targetCpu !== undefined ? { targetCpu } : {}),
    ...(bad ? { blocked: `${bad.type}=False ${bad.reason ?? ""}: ${bad.message ?? ""}`.trim() } : {}),
  };
}

export const describeHpa = (s: HpaState) =>
  `HPA ${s.name} (${s.target}, ${s.min}..${s.max} replicas): ${s.current} current, ${s.desired} desired, CPU ${s.cpu === undefined ? "not read yet" : `${s.cpu}%`} of ${s.targetCpu ?? "?"}% target${s.blocked ? `; ${s.blocked}` : ""}`;

/** A request a component spends CPU on, by its app.kubernetes.io/component: the Service port (by name) and
 * the request. Only these components can be loaded by the check. */
export interface LoadRecipe {
  port: string;
  path: string;
  body: string;
}
export const LOADS: Record<string, LoadRecipe> = {
  // A GraphQL query Dagster's webserver answers from its own process (no database, no code location).
  "dagster-webserver": { port: "http", path: "/graphql", body: JSON.stringify({ query: "{ version }" }) },
};

/** The load pod's command: `parallel` keep-alive connections posting the recipe's request until `seconds`
 * have passed (curl's URL range numbers the requests; `timeout` ends it). */
export function loadCommand(url: string, r: LoadRecipe, seconds: number, parallel = 8): string[] {
  return [
    "timeout",
    String(seconds),
    "curl",
    "-s",
    "-o",
    "/dev/null",
    "--parallel",
    "--parallel-max",
    String(parallel),
    "-X",
    "POST",
    "-H",
    "content-type: application/json",
    "--data-binary",
    r.body,
    `${url}${r.path}?load=[1-10000000]`,
  ];
}
