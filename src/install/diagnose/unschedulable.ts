// Unschedulable: the scheduler found no node for the pod (node selector, affinity, taints, resources).
import { condition, eventsOf, oneLine } from "./common.js";
import type { Cause, NamespaceState, Pod } from "./types.js";

export function unschedulable(pod: Pod, state: NamespaceState): Cause | undefined {
  const c = condition(pod.status?.conditions, "PodScheduled");
  if (c?.status !== "False" || c.reason !== "Unschedulable") return undefined;
  const ev = eventsOf(state, "Pod", pod.metadata).filter((e) => e.reason === "FailedScheduling");
  const message = oneLine(c.message ?? ev.at(-1)?.message ?? "");
  return {
    kind: "unschedulable",
    summary: `no node for the pod: ${message || "(the scheduler gave no message)"}`,
    evidence: {
      message,
      ...(pod.spec?.nodeSelector ? { nodeSelector: JSON.stringify(pod.spec.nodeSelector) } : {}),
    },
  };
}
