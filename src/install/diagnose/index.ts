// Why a cell's install or helm test failed, from the namespace's own state: every object that is not
// ready (Deployments, StatefulSets, Jobs, PVCs, and pods no such workload owns) with its conditions, its
// events, and exactly one cause. One file per cause (like kube-linter's checks); this file only orders
// them. Pure: input is parsed API objects, output typed diagnoses (src/install/diagnose/collect.ts gets
// the objects from kubectl).
import {
  allStatuses,
  condition,
  eventsOf,
  formatCondition,
  formatEvent,
  oneLine,
  podReady,
} from "./common.js";
import { containerFailed, crashLoop } from "./crash-loop.js";
import { failingProbe } from "./failing-probe.js";
import { imagePull } from "./image-pull.js";
import { jobBackoff } from "./job-backoff.js";
import { pendingPvc, pvcPending } from "./pending-pvc.js";
import type { Cause, Condition, Diagnosis, Job, NamespaceState, Pod, Workload } from "./types.js";
import { unschedulable } from "./unschedulable.js";

export type { Cause, CauseKind, Diagnosis, NamespaceState } from "./types.js";
export { causeKinds } from "./types.js";

/** The pod causes, most specific first: the first that applies is the pod's one cause. */
const podCauses: Array<(pod: Pod, state: NamespaceState) => Cause | undefined> = [
  imagePull,
  pendingPvc,
  unschedulable,
  failingProbe,
  crashLoop,
  containerFailed,
];

/** The condition types that should be True (and the ones that should be False) for each kind. */
const GOOD: Record<string, { want: string; types: string[] }[]> = {
  Pod: [{ want: "True", types: ["PodScheduled", "Initialized", "ContainersReady", "Ready"] }],
  Deployment: [
    { want: "True", types: ["Available", "Progressing"] },
    { want: "False", types: ["ReplicaFailure"] },
  ],
  StatefulSet: [],
  Job: [{ want: "False", types: ["Failed", "Suspended"] }],
  PersistentVolumeClaim: [],
};

function badConditions(kind: string, conds: readonly Condition[] | undefined): Condition[] {
  const rules = GOOD[kind] ?? [];
  return (conds ?? []).filter((c) => rules.some((r) => r.types.includes(c.type) && c.status !== r.want));
}

function unknown(kind: string, conds: readonly Condition[] | undefined, fallback: string): Cause {
  const c = badConditions(kind, conds)[0];
  const raw = c ? formatCondition(c) : fallback;
  return { kind: "unknown", summary: `no known cause applies; ${raw}`, evidence: { condition: raw } };
}

/** The one cause of a pod that is not ready. */
export function podCause(pod: Pod, state: NamespaceState): Cause {
  for (const f of podCauses) {
    const c = f(pod, state);
    if (c) return c;
  }
  const s = pod.status;
  const fallback = s?.reason
    ? `${s.phase ?? "?"} (${s.reason})${s.message ? `: ${oneLine(s.message)}` : ""}`
    : `phase ${s?.phase ?? "unknown"}`;
  return unknown("Pod", s?.conditions, fallback);
}

function podState(pod: Pod): string {
  const s = pod.status;
  const waiting = allStatuses(pod).find((c) => c.state?.waiting?.reason)?.state?.waiting?.reason;
  const sched = condition(s?.conditions, "PodScheduled");
  const why = waiting ?? (sched?.status === "False" ? sched.reason : undefined) ?? s?.reason;
  return `${s?.phase ?? "Unknown"}${why ? ` (${why})` : ""}`;
}

function workloadReady(w: Workload, kind: string): boolean {
  const want = w.spec?.replicas ?? 1;
  const ready = w.status?.readyReplicas ?? 0;
  if (ready < want) return false;
  return kind !== "Deployment" || badConditions(kind, w.status?.conditions).length === 0;
}

function jobDone(j: Job): boolean {
  return condition(j.status?.conditions, "Complete")?.status === "True";
}

/** Whether a workload owns a pod, by the pod's owner reference (a Deployment's pods are owned by its
 * ReplicaSets, `<deployment>-<hash>`). Not by label selector: a helm test pod carrying the chart's labels
 * has no owner and is a pod of its own. */
function ownedBy(p: Pod, kind: string, w: { metadata: { name: string } }): boolean {
  const name = w.metadata.name;
  return (p.metadata.ownerReferences ?? []).some((o) =>
    kind === "Deployment"
      ? o.kind === "ReplicaSet" &&
        o.name.startsWith(`${name}-`) &&
        !o.name.slice(name.length + 1).includes("-")
      : o.kind === kind && o.name === name,
  );
}

const byName = <T extends { metadata: { name: string } }>(a: T, b: T) =>
  a.metadata.name.localeCompare(b.metadata.name);

function withPodCause(owner: string, pods: readonly Pod[], state: NamespaceState): Cause | undefined {
  const bad = pods.filter((p) => !podReady(p)).sort(byName);
  // The pod with a known cause first: one Pending pod beside one crashing says less than the crash.
  const causes = bad.map((p) => ({ p, c: podCause(p, state) }));
  const first = causes.find((x) => x.c.kind !== "unknown") ?? causes[0];
  if (!first) return undefined;
  const others = bad.length > 1 ? ` (and ${bad.length - 1} more pod(s) of ${owner})` : "";
  return {
    ...first.c,
    summary: `pod ${first.p.metadata.name}: ${first.c.summary}${others}`,
    evidence: { pod: first.p.metadata.name, ...first.c.evidence },
  };
}

/** A workload's diagnosis also shows the events of the pod its cause names (the scheduler's and the
 * kubelet's words are on the pod), after its own. */
function withPodEvents(d: Diagnosis, pods: readonly Pod[], state: NamespaceState): void {
  const p = pods.find((x) => x.metadata.name === d.cause.evidence.pod);
  if (p)
    d.events.push(
      ...eventsOf(state, "Pod", p.metadata).map((e) => `Pod/${p.metadata.name}: ${formatEvent(e)}`),
    );
}

/** Every object of the namespace that is not ready, each with its one cause, in a stable order:
 * workloads (Deployments, StatefulSets, Jobs), then pods no workload owns, then claims no cause named. */
export function diagnose(state: NamespaceState): Diagnosis[] {
  const out: Diagnosis[] = [];
  const covered = new Set<string>(); // pods folded into their workload's diagnosis
  const add = (
    kind: string,
    meta: { name: string; uid?: string },
    st: string,
    conds: Condition[] | undefined,
    cause: Cause,
  ) =>
    out.push({
      object: `${kind}/${meta.name}`,
      state: st,
      conditions: badConditions(kind, conds).map(formatCondition),
      events: eventsOf(state, kind, meta).map(formatEvent),
      cause,
    });

  for (const [kind, list] of [
    ["Deployment", state.deployments],
    ["StatefulSet", state.statefulsets],
  ] as const) {
    for (const w of [...list].sort(byName)) {
      const pods = state.pods.filter((p) => ownedBy(p, kind, w));
      for (const p of pods) covered.add(p.metadata.name);
      if (workloadReady(w, kind)) continue;
      const st = `${w.status?.readyReplicas ?? 0}/${w.spec?.replicas ?? 1} ready`;
      const cause =
        withPodCause(`${kind}/${w.metadata.name}`, pods, state) ??
        unknown(kind, w.status?.conditions, `no pod exists (${st})`);
      add(kind, w.metadata, st, w.status?.conditions, cause);
      withPodEvents(out.at(-1)!, pods, state);
    }
  }
  for (const j of [...state.jobs].sort(byName)) {
    const pods = state.pods.filter((p) => ownedBy(p, "Job", j));
    for (const p of pods) covered.add(p.metadata.name);
    if (jobDone(j)) continue;
    const s = j.status ?? {};
    const st = `${s.succeeded ?? 0} succeeded, ${s.failed ?? 0} failed, ${s.active ?? 0} active`;
    const cause =
      jobBackoff(j, pods, state) ??
      withPodCause(`Job/${j.metadata.name}`, pods, state) ??
      unknown("Job", s.conditions, `not complete (${st})`);
    add("Job", j.metadata, st, s.conditions, cause);
    withPodEvents(out.at(-1)!, pods, state);
  }
  for (const p of [...state.pods].sort(byName)) {
    if (covered.has(p.metadata.name) || podReady(p)) continue;
    add("Pod", p.metadata, podState(p), p.status?.conditions, podCause(p, state));
  }
  const named = new Set(out.map((d) => d.cause.evidence.claim).filter(Boolean));
  for (const c of [...state.pvcs].sort(byName)) {
    if (named.has(c.metadata.name)) continue;
    const cause = pvcPending(c, state);
    if (cause)
      add("PersistentVolumeClaim", c.metadata, c.status?.phase ?? "Pending", c.status?.conditions, cause);
  }
  return out;
}

/** `Kind/name (state)` of each object not ready yet: what a wait is waiting for. */
export function notReady(state: NamespaceState): string[] {
  const out: string[] = [];
  for (const [kind, list] of [
    ["Deployment", state.deployments],
    ["StatefulSet", state.statefulsets],
  ] as const)
    for (const w of [...list].sort(byName))
      if (!workloadReady(w, kind))
        out.push(
          `${kind}/${w.metadata.name} (${w.status?.readyReplicas ?? 0}/${w.spec?.replicas ?? 1} ready)`,
        );
  for (const j of [...state.jobs].sort(byName))
    if (!jobDone(j)) out.push(`Job/${j.metadata.name} (${j.status?.succeeded ?? 0} succeeded)`);
  for (const c of [...state.pvcs].sort(byName))
    if ((c.status?.phase ?? "Pending") === "Pending")
      out.push(`PersistentVolumeClaim/${c.metadata.name} (Pending)`);
  const owned = (p: Pod) => (p.metadata.ownerReferences ?? []).length > 0;
  for (const p of [...state.pods].sort(byName))
    if (!owned(p) && !podReady(p) && p.status?.phase !== "Failed")
      out.push(`Pod/${p.metadata.name} (${podState(p)})`);
  return out;
}

/** The containers whose logs a diagnosis wants: restarted, exited non-zero, or not ready in a pod that
 * runs. `previous` when the container restarted (its crashed run is the interesting one). */
export function failingContainers(
  state: NamespaceState,
): Array<{ pod: string; container: string; previous: boolean }> {
  const out: Array<{ pod: string; container: string; previous: boolean }> = [];
  for (const p of state.pods) {
    if (p.status?.phase === "Succeeded") continue;
    for (const s of allStatuses(p)) {
      const restarted = (s.restartCount ?? 0) > 0;
      const failed = (s.state?.terminated?.exitCode ?? 0) !== 0;
      const running = s.state?.running !== undefined;
      if (restarted || failed || (running && s.ready === false))
        out.push({ pod: p.metadata.name, container: s.name, previous: restarted });
    }
  }
  return out;
}

/** The log lines of a diagnosis, grouped per object: the object and its state, then its cause (one line
 * with the evidence), its conditions, events and log lines, indented. */
export function renderDiagnoses(ds: readonly Diagnosis[]): string[] {
  const lines: string[] = [];
  for (const d of ds) {
    lines.push(`${d.object} (${d.state})`);
    lines.push(`  cause: ${d.cause.kind}: ${d.cause.summary}`);
    for (const c of d.conditions) lines.push(`  condition: ${c}`);
    for (const e of d.events) lines.push(`  event: ${e}`);
    for (const l of d.cause.logs ?? []) lines.push(`  log ${l}`);
  }
  return lines;
}
