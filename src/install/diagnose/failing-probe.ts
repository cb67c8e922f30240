// A failing probe: the kubelet's Unhealthy events say which probe (readiness, liveness, startup) of which
// container failed, with the probe's own message.
import { eventsOf, oneLine } from "./common.js";
import type { Cause, NamespaceState, Pod } from "./types.js";

const PROBE = /^(Readiness|Liveness|Startup) probe (?:failed|errored):?\s*(.*)$/s;

export function failingProbe(pod: Pod, state: NamespaceState): Cause | undefined {
  const ev = eventsOf(state, "Pod", pod.metadata).filter((e) => e.reason === "Unhealthy");
  const last = ev.at(-1);
  if (!last) return undefined;
  const m = PROBE.exec(last.message ?? "");
  const probe = m ? m[1]!.toLowerCase() : "unknown";
  const message = oneLine(m ? m[2]! : (last.message ?? ""));
  const container = /spec\.(?:init)?[cC]ontainers\{([^}]+)\}/.exec(last.involvedObject.fieldPath ?? "")?.[1];
  return {
    kind: "failing-probe",
    summary: `${probe} probe${container ? ` of container ${container}` : ""} fails: ${message}${last.count && last.count > 1 ? ` (x${last.count})` : ""}`,
    evidence: { probe, message, ...(container ? { container } : {}) },
  };
}
