// A PersistentVolumeClaim that stays Pending (no such StorageClass, no provisioner, no matching volume):
// for the claim itself and for every pod that mounts it.
import { eventsOf, oneLine } from "./common.js";
import type { Cause, NamespaceState, Pod, Pvc } from "./types.js";

export function pvcPending(pvc: Pvc, state: NamespaceState): Cause | undefined {
  if ((pvc.status?.phase ?? "Pending") !== "Pending") return undefined;
  const cls = pvc.spec?.storageClassName;
  const storageClass = cls === undefined ? "(cluster default)" : cls === null || cls === "" ? '""' : cls;
  const ev = eventsOf(state, "PersistentVolumeClaim", pvc.metadata);
  const last = [...ev].reverse().find((e) => e.type === "Warning") ?? ev.at(-1);
  const message = oneLine(last?.message ?? "no event says why");
  return {
    kind: "pending-pvc",
    summary: `claim ${pvc.metadata.name} (storage class ${storageClass}) is Pending: ${message}`,
    evidence: { claim: pvc.metadata.name, storageClass, message },
  };
}

export function pendingPvc(pod: Pod, state: NamespaceState): Cause | undefined {
  for (const v of pod.spec?.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName;
    if (!claim) continue;
    const pvc = state.pvcs.find((p) => p.metadata.name === claim);
    if (!pvc) {
      return {
        kind: "pending-pvc",
        summary: `claim ${claim} (volume ${v.name}) does not exist`,
        evidence: { claim, message: "no such PersistentVolumeClaim in the namespace" },
      };
    }
    const c = pvcPending(pvc, state);
    if (c) return c;
  }
  return undefined;
}
