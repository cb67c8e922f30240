// Helpers every cause shares: an object's events, conditions as one line each, log tails, pod readiness.
import type { Condition, ContainerStatus, KEvent, NamespaceState, Pod } from "./types.js";

/** How many log lines a cause keeps per container. */
export const LOG_LINES = 10;

/** The events about one object (by uid when both sides have one, else by kind and name), oldest first. */
export function eventsOf(
  state: NamespaceState,
  kind: string,
  meta: { name: string; uid?: string },
): KEvent[] {
  return state.events
    .filter((e) => {
      const o = e.involvedObject;
      if (o.kind !== kind || o.name !== meta.name) return false;
      return !(o.uid && meta.uid && o.uid !== meta.uid);
    })
    .sort((a, b) => when(a).localeCompare(when(b)));
}

const when = (e: KEvent) => e.lastTimestamp ?? e.eventTime ?? "";

export function formatEvent(e: KEvent): string {
  const n = e.count && e.count > 1 ? ` (x${e.count})` : "";
  return `${e.type ?? "Normal"} ${e.reason ?? "?"}: ${oneLine(e.message ?? "")}${n}`;
}

export function formatCondition(c: Condition): string {
  const why = c.reason ? ` (${c.reason})` : "";
  return `${c.type}=${c.status}${why}${c.message ? `: ${oneLine(c.message)}` : ""}`;
}

export const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ").trim();

/** The last lines of a log, without trailing blank lines. */
export function tail(log: string | undefined, n = LOG_LINES): string[] {
  if (!log) return [];
  const lines = log.replace(/\s+$/, "").split("\n");
  return lines.filter((l, i) => i >= lines.length - n && (l.trim() || i > 0));
}

/** The last log lines of one container, `--previous` first (the run that crashed), each prefixed. */
export function containerLog(state: NamespaceState, pod: string, container: string): string[] {
  const l = state.logs?.[`${pod}/${container}`];
  if (!l) return [];
  const prev = tail(l.previous);
  if (prev.length) return prev.map((x) => `${pod}/${container} (previous): ${x}`);
  return tail(l.current).map((x) => `${pod}/${container}: ${x}`);
}

export function allStatuses(pod: Pod): ContainerStatus[] {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
}

export function condition(conds: readonly Condition[] | undefined, type: string): Condition | undefined {
  return conds?.find((c) => c.type === type);
}

/** A pod counts as ready when it completed, or runs with its Ready condition true. */
export function podReady(pod: Pod): boolean {
  const phase = pod.status?.phase;
  if (phase === "Succeeded") return true;
  return phase === "Running" && condition(pod.status?.conditions, "Ready")?.status === "True";
}
