// Static upgrade safety: compare the objects a release has now with the objects an upgrade would apply and
// predict the changes the API server refuses as "field is immutable" — before any cluster exists. The rules
// are the fields users hit in practice (ANCHORS: selectors, StatefulSet claim templates and service name,
// Job templates); each prediction names the field path the API server's error will name.
import { isDeepStrictEqual } from "node:util";

export interface ObjectLike {
  kind: string;
  name: string;
  namespace?: string;
  doc: Record<string, unknown>;
}

export interface ImmutableChange {
  /** `Kind/name` of the object. */
  object: string;
  /** Field path as the API server prints it, e.g. `spec.selector`. */
  field: string;
  before: unknown;
  after: unknown;
  message: string;
}

/** Fields that cannot change once an object exists, per kind. */
export const immutableFields: Readonly<Record<string, readonly string[]>> = {
  Deployment: ["spec.selector"],
  ReplicaSet: ["spec.selector"],
  DaemonSet: ["spec.selector"],
  StatefulSet: ["spec.selector", "spec.serviceName", "spec.volumeClaimTemplates", "spec.podManagementPolicy"],
  Job: ["spec.selector", "spec.template", "spec.completionMode"],
  PersistentVolumeClaim: ["spec.storageClassName", "spec.accessModes", "spec.volumeName"],
  Service: ["spec.clusterIP"],
};

function at(doc: Record<string, unknown>, field: string): unknown {
  let cur: unknown = doc;
  for (const key of field.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

const keyOf = (o: ObjectLike) => `${o.kind}/${o.namespace ?? ""}/${o.name}`;

export function predictImmutableChanges(
  before: readonly ObjectLike[],
  after: readonly ObjectLike[],
): ImmutableChange[] {
  const old = new Map(before.map((o) => [keyOf(o), o]));
  const out: ImmutableChange[] = [];
  for (const next of after) {
    const prev = old.get(keyOf(next));
    if (!prev) continue; // a new object: created, not updated
    for (const field of immutableFields[next.kind] ?? []) {
      const a = at(prev.doc, field);
      const b = at(next.doc, field);
      // An unset field (e.g. a Service's clusterIP left to the API server) is not a change.
      if (a === undefined || b === undefined || isDeepStrictEqual(a, b)) continue;
      out.push({
        object: `${next.kind}/${next.name}`,
        field,
        before: a,
        after: b,
        message: `${next.kind}/${next.name}: ${field} is immutable and would change from ${JSON.stringify(a)} to ${JSON.stringify(b)}: the API server will refuse the upgrade ("field is immutable"); rename the object or delete it first`,
      });
    }
  }
  return out;
}
