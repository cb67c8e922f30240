// T119: the Dagster run's own pod emitted a trace that reached Jaeger through the OpenTelemetry Collector. The
// run is T116's (facts.dagsterRunId); its pods are found by the label Dagster's K8s run launcher gives them
// (dagster/run-id). Jaeger's query API, reached by `kubectl port-forward` to the platform's jaeger Service, is
// asked for spans tagged dagster.run_id=<run id> of every service it knows; only a span whose resource names one
// of the run's pods (k8s.pod.name, set by the example data product) counts: the same tag sent by any other pod
// (a probe through the collector) does not. The run pod's OTLP endpoint (the platform hands it the collector's)
// and what it logged of its export are part of the outcome.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CheckOutcome, E2eCheck, E2eEnv } from "../types.js";
import {
  describeSpan,
  ownSpans,
  RUN_ID_TAG,
  type RunSpan,
  runSpans,
  servicesOf,
  tracesOf,
  tracesPath,
  viaCollector,
} from "./jaeger.js";
import { kubectl, kubectlJson, portForward, sleep } from "./kube.js";
import { componentService, RUN_ID_LABEL, runPods } from "./run-pod.js";

/** How long spans may take to be queryable after the run (collector batch, Jaeger's ingest). */
const POLL_MS = 60_000;

interface Service {
  metadata: { name: string };
  spec: { ports: Array<{ name?: string; port: number }> };
}

export const check: E2eCheck = {
  id: "T119 traces",
  covers: ["T119"],
  timeoutMs: 150_000,
  run: (e) => run(e),
};

async function run(e: E2eEnv): Promise<CheckOutcome> {
  const runId = e.facts.dagsterRunId;
  if (!runId) return { state: "skip", reason: "no Dagster run to look for: T116 did not complete a run" };
  const deadline = Date.now() + e.timeoutMs;
  const k = e.kube;

  const pods = await runPods(k, runId);
  const podNames = pods.names;
  if (!podNames.length)
    return {
      state: "fail",
      expected: `the pod of Dagster run ${runId} (label ${RUN_ID_LABEL}=${runId}) in namespace ${k.namespace}`,
      seen: "no such pod: the trace cannot be told to be the run's own",
    };
  const endpoints = pods.env.OTEL_EXPORTER_OTLP_ENDPOINT?.split(", ") ?? [];
  const endpoint = endpoints.join(", ") || "(not set)";

  const svc = await componentService(k, e.platformRelease, "jaeger", "query", "the Jaeger query Service");
  if ("state" in svc) return svc;

  await mkdir(e.dir, { recursive: true });
  const answersFile = path.join(e.dir, "t119-jaeger.json");
  const pf = await portForward(k, svc.service, svc.port);
  const started = Date.now();
  let spans: RunSpan[] = [];
  let services: string[] = [];
  try {
    const get = async (p: string) => {
      const r = await fetch(pf.url + p, { signal: AbortSignal.timeout(15_000) });
      const body = await r.text();
      if (!r.ok) throw new Error(`Jaeger ${p} answered HTTP ${r.status}: ${body.slice(0, 200)}`);
      return body;
    };
    const until = Math.min(deadline, started + POLL_MS);
    for (;;) {
      const servicesBody = await get("/api/services");
      services = servicesOf(servicesBody);
      spans = [];
      const answers: Record<string, unknown> = {};
      for (const service of services) {
        const body = await get(tracesPath(service, runId));
        answers[service] = JSON.parse(body);
        spans.push(...runSpans(tracesOf(body), runId));
      }
      await writeFile(
        answersFile,
        `${JSON.stringify({ services: JSON.parse(servicesBody), traces: answers }, null, 2)}\n`,
      );
      if (ownSpans(spans, podNames).length || Date.now() >= until) break;
      e.ctx.progress(
        `e2e T119: waiting for a trace of run ${runId} from pod ${podNames.join(", ")} in Jaeger: ${spans.length} span(s) with the run id so far, ${Math.round((until - Date.now()) / 1000)} s left`,
      );
      await sleep(5_000);
    }
  } finally {
    pf.close();
  }

  const own = ownSpans(spans, podNames);
  // Through the collector: the pod's endpoint is the platform's collector Service, not Jaeger's own OTLP port.
  const collectors = await kubectlJson<{ items: Service[] }>(k, [
    "get",
    "services",
    "--selector",
    `app.kubernetes.io/instance=${e.platformRelease},app.kubernetes.io/component=otel-collector`,
  ]);
  const collector = collectors.items.map((s) => s.metadata.name);
  const direct = endpoints.filter((u) => !collector.some((c) => viaCollector(u, c, k.namespace)));
  if (own.length && (direct.length || !endpoints.length))
    return {
      state: "fail",
      expected: `the run's pod ${podNames.join(", ")} exports through the OpenTelemetry Collector (Service ${collector.join(", ") || "none found"})`,
      seen: `its OTLP endpoint is ${endpoint}: ${describeSpan(own[0]!)} reached Jaeger another way`,
    };
  if (own.length)
    return {
      state: "pass",
      detail: `${describeSpan(own[0]!)}${own.length > 1 ? ` (+${own.length - 1} more)` : ""}, exported to ${endpoint}, found in Jaeger by ${RUN_ID_TAG}=${runId}`,
    };
  const others = spans.length
    ? `; spans with the run id from other pods do not count: ${spans.map(describeSpan).join("; ")}`
    : "";
  return {
    state: "fail",
    expected: `a trace in Jaeger with ${RUN_ID_TAG}=${runId} emitted by the run's pod ${podNames.join(", ")} (its OTLP endpoint: ${endpoint})`,
    seen: `no trace with that run id from the run's pod reached Jaeger within ${Math.round((Date.now() - started) / 1000)} s (services in Jaeger: ${services.join(", ") || "none"}; its answers: ${answersFile})${others}${await exportLog(e, podNames)}`,
  };
}

/** What the run's pod logged of its trace export (the example data product's "trace of run ..." line). */
async function exportLog(e: E2eEnv, pods: string[]): Promise<string> {
  const said: string[] = [];
  for (const pod of pods) {
    const r = await kubectl(e.kube, ["logs", pod, "--all-containers", "--tail", "500"]);
    const line = `${r.stdout}\n${r.stderr}`.split("\n").find((l) => l.includes("trace of run"));
    if (line) said.push(`${pod} logged: ${line.trim().slice(0, 400)}`);
  }
  return said.length ? `; ${said.join("; ")}` : "";
}
