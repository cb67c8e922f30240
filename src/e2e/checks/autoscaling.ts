// GAP-004: an HPA of the platform scales its Deployment out under load and back in once the load stops. The
// HPA is one the platform scenario enables (its <component>.autoscaling, e.g. dagster.webserver) for a component
// the check knows how to load (./hpa.ts LOADS). The metrics API must be served (metrics-server: `floe-helm
// cluster up --provider kind --metrics-server`). The load is bounded: one pod of the phase's own (restricted PSS,
// the client labels the component's NetworkPolicy lets in, a CPU limit), posting requests to the component's
// Service inside the cluster for at most LOAD_SECONDS, deleted as soon as the HPA has scaled out. Scaling back
// within the budget needs the HPA's scale-down stabilisation window short (autoscaling.behavior).
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CheckOutcome, E2eCheck, E2eEnv } from "../types.js";
import { describeHpa, type Hpa, type HpaState, hpaState, LOADS, loadCommand } from "./hpa.js";
import { kubectl, kubectlJson, sleep } from "./kube.js";
import {
  allowedClientLabels,
  type Labels,
  type NetworkPolicy,
  podPort,
  policiesGuarding,
  probePodManifest,
} from "./netpol-probe.js";
import { probeImage } from "./network-policy.js";

const LOAD_SECONDS = 240;
const METRICS_MS = 150_000;
const SCALE_UP_MS = 240_000;
const SCALE_DOWN_MS = 240_000;

interface Deployment {
  metadata: { name: string };
  spec: {
    template: {
      metadata: { labels?: Labels };
      spec: { containers: Array<{ ports?: Array<{ name?: string; containerPort: number }> }> };
    };
  };
  status?: { readyReplicas?: number; replicas?: number };
}
interface Service {
  metadata: { name: string };
  spec: { ports: Array<{ name?: string; port: number; targetPort?: number | string }> };
}

export const check: E2eCheck = {
  id: "GAP-004 autoscaling",
  covers: ["GAP-004"],
  timeoutMs: 720_000,
  run: (e) => run(e),
};

async function run(e: E2eEnv): Promise<CheckOutcome> {
  const k = e.kube;
  const rel = e.platformRelease;
  const hpas = (
    await kubectlJson<{ items: Hpa[] }>(k, [
      "get",
      "horizontalpodautoscalers",
      "--selector",
      `app.kubernetes.io/instance=${rel}`,
    ])
  ).items;
  if (!hpas.length)
    return {
      state: "skip",
      reason: `the platform (release ${rel}) has no HorizontalPodAutoscaler: its scenario enables no <component>.autoscaling`,
    };
  const hpa = hpas.find((h) => LOADS[h.metadata.labels?.["app.kubernetes.io/component"] ?? ""]);
  if (!hpa)
    return {
      state: "skip",
      reason: `no HPA of a component this check can load (it loads ${Object.keys(LOADS).join(", ")}; the platform's: ${hpas.map((h) => h.metadata.name).join(", ")})`,
    };
  const component = hpa.metadata.labels!["app.kubernetes.io/component"]!;
  const recipe = LOADS[component]!;
  const read = async () =>
    hpaState(await kubectlJson<Hpa>(k, ["get", "horizontalpodautoscaler", hpa.metadata.name]));
  const deploymentName = hpa.spec.scaleTargetRef.name;
  const ready = async () =>
    (await kubectlJson<Deployment>(k, ["get", "deployment", deploymentName])).status?.readyReplicas ?? 0;
  await mkdir(e.dir, { recursive: true });
  const trail: string[] = [];
  const note = async (s: HpaState, what: string) => {
    trail.push(`${new Date().toISOString()} ${what}: ${describeHpa(s)}`);
    await writeFile(path.join(e.dir, "gap-004-hpa.log"), `${trail.join("\n")}\n`);
  };

  // 1. The metrics API, and the HPA reading CPU from it.
  const api = await kubectl(k, [
    "get",
    "--raw",
    `/apis/metrics.k8s.io/v1beta1/namespaces/${k.namespace}/pods`,
  ]);
  if (api.code !== 0)
    return {
      state: "fail",
      expected:
        "the resource metrics API (metrics.k8s.io, served by metrics-server) answering, so an HPA can read CPU (`floe-helm cluster up --provider kind --metrics-server`)",
      seen: api.stderr.trim() || api.stdout.trim(),
    };
  // ...and at its minimum (an earlier check's traffic may have scaled it out): the load must be what scales it.
  let s = await read();
  const until = Date.now() + METRICS_MS;
  while ((s.cpu === undefined || s.current > s.min) && Date.now() < until) {
    e.ctx.progress(`e2e GAP-004: waiting for ${s.name} to read CPU at its minimum (${describeHpa(s)})`);
    await sleep(10_000);
    s = await read();
  }
  await note(s, "before the load");
  if (s.cpu === undefined || s.current > s.min)
    return {
      state: "fail",
      expected: `HPA ${s.name} reads the CPU of ${s.target} and runs it at its minimum (${s.min}) within ${METRICS_MS / 1000} s, before the load`,
      seen: describeHpa(s),
    };
  const base = s.current;

  // 2. The load: one pod posting to the component's Service, let in by its NetworkPolicy.
  const dep = await kubectlJson<Deployment>(k, ["get", "deployment", deploymentName]);
  const podLabels = dep.spec.template.metadata.labels ?? {};
  const svc = (
    await kubectlJson<{ items: Service[] }>(k, [
      "get",
      "services",
      "--selector",
      `app.kubernetes.io/instance=${rel},app.kubernetes.io/component=${component}`,
    ])
  ).items.find((x) => x.spec.ports.some((p) => p.name === recipe.port));
  if (!svc)
    return {
      state: "fail",
      expected: `a Service of ${component} with a port named ${recipe.port}`,
      seen: "none",
    };
  const port = svc.spec.ports.find((p) => p.name === recipe.port)!;
  const serverPort = podPort(port, dep.spec.template.spec.containers);
  const policies = (await kubectlJson<{ items: NetworkPolicy[] }>(k, ["get", "networkpolicies"])).items;
  const guarding = policiesGuarding(policies, podLabels);
  const allowed = guarding.length ? allowedClientLabels(guarding, serverPort) : { labels: {}, policy: "" };
  if (!allowed)
    return {
      state: "fail",
      expected: `a NetworkPolicy of ${guarding.map((p) => p.metadata.name).join(", ")} letting some client labels in to port ${serverPort} of ${component}`,
      seen: "none: no pod inside the cluster may load it",
    };
  const loader = `floe-e2e-load-${randomBytes(3).toString("hex")}`;
  const url = `http://${svc.metadata.name}:${port.port}`;
  const manifest = probePodManifest({
    name: loader,
    namespace: k.namespace,
    labels: allowed.labels,
    image: probeImage(e.facts),
    lifetimeSeconds: LOAD_SECONDS + 30,
    command: loadCommand(url, recipe, LOAD_SECONDS),
    cpuLimit: "500m",
  });
  const started = Date.now();
  try {
    const made = await kubectl(k, ["create", "-f", "-"], { input: JSON.stringify(manifest) });
    if (made.code !== 0)
      throw new Error(`kubectl create of the load pod ${loader} failed: ${made.stderr.trim()}`);
    e.ctx.progress(
      `e2e GAP-004: ${loader} loads ${url}${recipe.path} for up to ${LOAD_SECONDS} s; waiting for ${s.name} to scale ${s.target} out from ${base}`,
    );
    // 3. Out: more replicas desired and ready.
    const upUntil = Date.now() + SCALE_UP_MS;
    let readyNow = base;
    for (;;) {
      await sleep(10_000);
      s = await read();
      readyNow = await ready();
      await note(s, `loading (${readyNow} ready)`);
      if (s.desired > base && readyNow > base) break;
      if (Date.now() >= upUntil)
        return {
          state: "fail",
          expected: `HPA ${s.name} scales ${s.target} out from ${base} replicas under load (requests to ${url}${recipe.path} from pod ${loader})`,
          seen: `after ${Math.round((Date.now() - started) / 1000)} s: ${describeHpa(s)}; ${readyNow} ready (trail: ${path.join(e.dir, "gap-004-hpa.log")})`,
        };
      e.ctx.progress(`e2e GAP-004: ${describeHpa(s)}; ${readyNow} ready`);
    }
    const outAfter = Math.round((Date.now() - started) / 1000);
    const peak = s;
    await kubectl(k, ["delete", "pod", loader, "--grace-period=0", "--wait=false", "--ignore-not-found"]);
    // 4. Back in once the load is gone.
    const stopped = Date.now();
    const downUntil = stopped + SCALE_DOWN_MS;
    for (;;) {
      await sleep(10_000);
      s = await read();
      await note(s, "after the load");
      if (s.desired <= base && s.current <= base) break;
      if (Date.now() >= downUntil)
        return {
          state: "fail",
          expected: `HPA ${s.name} scales ${s.target} back to ${base} replicas once the load stopped (within ${SCALE_DOWN_MS / 1000} s: its autoscaling.behavior.scaleDown stabilisation window must be shorter)`,
          seen: `${describeHpa(s)} (trail: ${path.join(e.dir, "gap-004-hpa.log")})`,
        };
      e.ctx.progress(`e2e GAP-004: load stopped; ${describeHpa(s)}`);
    }
    return {
      state: "pass",
      detail: `HPA ${s.name} scaled ${s.target} out from ${base} to ${peak.desired} replicas at ${peak.cpu}% CPU (target ${peak.targetCpu}%) ${outAfter} s into the load from pod ${loader}, and back to ${s.current} ${Math.round((Date.now() - stopped) / 1000)} s after it stopped`,
    };
  } finally {
    await kubectl(k, ["delete", "pod", loader, "--grace-period=0", "--wait=false", "--ignore-not-found"]);
  }
}
