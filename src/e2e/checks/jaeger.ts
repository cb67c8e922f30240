// Pure parts of the T119 traces check (./traces.ts): Jaeger query API paths (the HTTP JSON API of
// jaeger-query, /api/services and /api/traces) and what a /api/traces answer says about one Dagster run's
// spans. Tests: tests/e2e/jaeger.test.ts, against responses recorded from Jaeger 1.64.0 (named as such).

export interface JaegerTag {
  key: string;
  type?: string;
  value: unknown;
}
export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  tags?: JaegerTag[];
  processID: string;
}
export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string; tags?: JaegerTag[] }>;
}
export interface JaegerResponse<T> {
  data: T[] | null;
  errors?: Array<{ code?: number; msg?: string }> | null;
}

export const RUN_ID_TAG = "dagster.run_id";

/** /api/traces of one service whose spans carry the run id (Jaeger matches span and process tags). */
export function tracesPath(service: string, runId: string, lookback = "1h", limit = 20): string {
  const q = new URLSearchParams({
    service,
    tags: JSON.stringify({ [RUN_ID_TAG]: runId }),
    lookback,
    limit: String(limit),
  });
  return `/api/traces?${q.toString()}`;
}

/** The services Jaeger knows (/api/services), Jaeger's own left out. */
export function servicesOf(body: string): string[] {
  const r = parse<string>(body, "/api/services");
  return (r.data ?? []).filter((s) => !/^jaeger/.test(s)).sort();
}

export function tracesOf(body: string): JaegerTrace[] {
  return parse<JaegerTrace>(body, "/api/traces").data ?? [];
}

function parse<T>(body: string, what: string): JaegerResponse<T> {
  let r: JaegerResponse<T>;
  try {
    r = JSON.parse(body) as JaegerResponse<T>;
  } catch {
    throw new Error(`Jaeger's ${what} did not answer JSON: ${body.slice(0, 200)}`);
  }
  if (!r || typeof r !== "object" || !("data" in r))
    throw new Error(`Jaeger's ${what} answered without data: ${body.slice(0, 200)}`);
  if (r.errors?.length)
    throw new Error(`Jaeger's ${what} answered errors: ${r.errors.map((e) => e.msg ?? e.code).join("; ")}`);
  return r;
}

/** One span carrying the run id, with where it came from (its process: the emitting pod's resource). */
export interface RunSpan {
  traceID: string;
  operation: string;
  service: string;
  /** k8s.pod.name of the span's resource, else host.name; "" when it names none. */
  pod: string;
}

const tag = (tags: JaegerTag[] | undefined, key: string) => {
  const t = (tags ?? []).find((x) => x.key === key);
  return t === undefined ? undefined : String(t.value);
};

/** Every span of these traces tagged with the run id (in its own or its process's tags). */
export function runSpans(traces: readonly JaegerTrace[], runId: string): RunSpan[] {
  const out: RunSpan[] = [];
  for (const t of traces)
    for (const s of t.spans) {
      const proc = t.processes[s.processID];
      if (tag(s.tags, RUN_ID_TAG) !== runId && tag(proc?.tags, RUN_ID_TAG) !== runId) continue;
      out.push({
        traceID: s.traceID,
        operation: s.operationName,
        service: proc?.serviceName ?? "",
        pod: tag(proc?.tags, "k8s.pod.name") ?? tag(proc?.tags, "host.name") ?? "",
      });
    }
  return out;
}

/** The run's own spans: emitted by one of the run's pods. A span that carries the run id from any other pod
 * (a probe sending it through the collector) does not count. */
export function ownSpans(spans: readonly RunSpan[], runPods: readonly string[]): RunSpan[] {
  return spans.filter((s) => s.pod !== "" && runPods.includes(s.pod));
}

export const describeSpan = (s: RunSpan) =>
  `trace ${s.traceID} span "${s.operation}" of service ${s.service || "(none)"} from pod ${s.pod || "(unnamed)"}`;

/** Whether an OTLP endpoint URL is the collector's Service (its short name, or qualified with the namespace):
 * the run's trace went through the collector, not straight to Jaeger's own OTLP port. */
export function viaCollector(endpoint: string, service: string, namespace: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname;
  } catch {
    return false;
  }
  const q = `${service}.${namespace}`;
  return [service, q, `${q}.svc`, `${q}.svc.cluster.local`].includes(host);
}
