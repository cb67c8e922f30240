// Static upgrade safety: compare the objects a release has now with the objects an upgrade would apply and
// predict the changes the API server refuses as "field is immutable" — before any cluster exists. The rules
// are the fields users hit in practice (ANCHORS: selectors, StatefulSet claim templates and service name,
// Job templates, RoleBinding roleRef); each prediction names the field path the API server's error will
// name, and the first place inside it that differs (where the template line is looked up).
import { isDeepStrictEqual } from "node:util";
import { quantityValue } from "../core/quantity.js";

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
  /** The first key path inside the object whose value differs (at or below `field`). */
  path: Array<string | number>;
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
  PersistentVolumeClaim: [
    "spec.storageClassName",
    "spec.accessModes",
    "spec.volumeName",
    "spec.selector",
    "spec.volumeMode",
    "spec.dataSource",
    "spec.dataSourceRef",
  ],
  Service: ["spec.clusterIP"],
  RoleBinding: ["roleRef"],
  ClusterRoleBinding: ["roleRef"],
  StorageClass: ["provisioner", "parameters", "reclaimPolicy", "volumeBindingMode"],
};

/** What an unset field means, where the API server fills in a fixed default: unset and the default are
 * the same, unset and anything else is a change (adding claim templates to a StatefulSet is refused too).
 * Fields without an entry may be generated (a Job's selector, a Service's clusterIP): unset is no change. */
export const absentMeans: Readonly<Record<string, unknown>> = {
  "StatefulSet spec.serviceName": "",
  "StatefulSet spec.volumeClaimTemplates": [],
  "StatefulSet spec.podManagementPolicy": "OrderedReady",
  "PersistentVolumeClaim spec.volumeMode": "Filesystem",
  "StorageClass reclaimPolicy": "Delete",
  "StorageClass volumeBindingMode": "Immediate",
  "StorageClass parameters": {},
};

/** A ConfigMap or Secret created with `immutable: true` keeps its data for life. */
const immutableData: Readonly<Record<string, readonly string[]>> = {
  ConfigMap: ["data", "binaryData", "immutable"],
  Secret: ["data", "stringData", "immutable"],
};

/** The object's annotations ({} when it has none). */
export function annotationsOf(o: ObjectLike): Record<string, unknown> {
  return (o.doc.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations ?? {};
}

/** One object across two renders: kind, namespace and name. */
export const objectKey = (o: ObjectLike) => `${o.kind}/${o.namespace ?? ""}/${o.name}`;

/** Helm deletes and recreates hook objects (helm.sh/hook) on every upgrade instead of patching them, so
 * their immutable fields never block one. */
export function isHelmHook(o: ObjectLike): boolean {
  return typeof annotationsOf(o)["helm.sh/hook"] === "string";
}

function at(doc: Record<string, unknown>, field: string): unknown {
  let cur: unknown = doc;
  for (const key of field.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** The first path (keys in sorted order, list items by index) where `a` and `b` differ. */
export function firstDifference(a: unknown, b: unknown): Array<string | number> {
  if (isPlain(a) && isPlain(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (!isDeepStrictEqual(a[k], b[k])) return [k, ...firstDifference(a[k], b[k])];
    }
    return [];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (!isDeepStrictEqual(a[i], b[i])) return [i, ...firstDifference(a[i], b[i])];
    }
  }
  return [];
}

/** `spec.volumeClaimTemplates[0].metadata.labels.chart`, as kubectl prints paths. */
export function formatPath(p: ReadonlyArray<string | number>): string {
  return p
    .map((s, i) =>
      typeof s === "number"
        ? `[${s}]`
        : /^[A-Za-z_][\w-]*$/.test(s)
          ? i === 0
            ? s
            : `.${s}`
          : `[${JSON.stringify(s)}]`,
    )
    .join("");
}

const refused = 'the API server will refuse the upgrade ("field is immutable")';

/** What to do instead, for the fields charts break most often. */
const advice: Readonly<Record<string, string>> = {
  "spec.selector": `${refused}; keep selectors to labels that never change (name, instance: not the chart version), or rename the object or delete it first`,
  "spec.volumeClaimTemplates": `${refused}; keep changing labels (the chart version) out of claim templates, or delete the StatefulSet with --cascade=orphan first (its pods and volumes stay)`,
};

const show = (v: unknown) => (v === undefined ? "(unset)" : JSON.stringify(v));

/** Kubernetes quantities (`10Gi`, `500M`, `1.5Ti`) in bytes; undefined when it is not one. */
export const quantityBytes = quantityValue;

function change(
  next: ObjectLike,
  field: string,
  a: unknown,
  b: unknown,
  why = advice[field] ?? `${refused}; rename the object or delete it first`,
): ImmutableChange {
  const inner = firstDifference(a, b);
  const path = [...field.split("."), ...inner];
  const what =
    show(a).length <= 200 && show(b).length <= 200
      ? `would change from ${show(a)} to ${show(b)}`
      : `would change at ${formatPath(path)} from ${show(valueAt(a, inner))} to ${show(valueAt(b, inner))}`;
  return {
    object: `${next.kind}/${next.name}`,
    field,
    path,
    before: a,
    after: b,
    message: `${next.kind}/${next.name}: ${field} is immutable and ${what}: ${why}`,
  };
}

function valueAt(v: unknown, p: ReadonlyArray<string | number>): unknown {
  let cur = v;
  for (const k of p) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

export function predictImmutableChanges(
  before: readonly ObjectLike[],
  after: readonly ObjectLike[],
): ImmutableChange[] {
  const old = new Map(before.filter((o) => !isHelmHook(o)).map((o) => [objectKey(o), o]));
  const out: ImmutableChange[] = [];
  for (const next of after) {
    const prev = old.get(objectKey(next));
    if (!prev || isHelmHook(next)) continue; // a new object (created, not updated) or a recreated hook
    for (const field of immutableFields[next.kind] ?? []) {
      const dflt = absentMeans[`${next.kind} ${field}`];
      const a = at(prev.doc, field) ?? dflt;
      const b = at(next.doc, field) ?? dflt;
      // An unset field (e.g. a Service's clusterIP left to the API server) is not a change.
      if (a === undefined || b === undefined || isDeepStrictEqual(a, b)) continue;
      out.push(change(next, field, a, b));
    }
    if (prev.doc.immutable === true) {
      for (const field of immutableData[next.kind] ?? []) {
        const a = at(prev.doc, field) ?? (field === "immutable" ? false : {});
        const b = at(next.doc, field) ?? (field === "immutable" ? false : {});
        if (isDeepStrictEqual(a, b)) continue;
        out.push(
          change(
            next,
            field,
            a,
            b,
            `the ${next.kind} was created with immutable: true, so the API server will refuse the upgrade; give the changed ${next.kind} a new name (e.g. a content hash suffix)`,
          ),
        );
      }
    }
    if (next.kind === "PersistentVolumeClaim") {
      const field = "spec.resources.requests.storage";
      const a = at(prev.doc, field);
      const b = at(next.doc, field);
      const [qa, qb] = [quantityBytes(a), quantityBytes(b)];
      if (qa !== undefined && qb !== undefined && qb < qa) {
        out.push({
          ...change(next, field, a, b),
          message: `${next.kind}/${next.name}: ${field} would shrink from ${show(a)} to ${show(b)}: the API server refuses ("field can not be less than previous value"); a volume can only grow`,
        });
      }
    }
  }
  return out;
}
