// Shared helpers of the object-level checks: where a kind keeps its pod spec, its containers, label
// selectors, and one way to turn "this object, this path" into a finding at the template line.
import type { Finding, Severity } from "../core/findings.js";
import { isObj } from "../core/objects.js";
import type { DocPath, RenderedObject } from "./types.js";

export type Obj = Record<string, unknown>;

export function get(v: unknown, path: DocPath): unknown {
  let cur = v;
  for (const seg of path) {
    if (typeof seg === "number") {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (!isObj(cur)) return undefined;
      cur = cur[seg];
    }
  }
  return cur;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** Where each kind keeps its pod template's spec. */
const podSpecPaths: Record<string, DocPath> = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

export function podSpecPath(obj: RenderedObject): DocPath | undefined {
  const p = podSpecPaths[obj.kind];
  return p && isObj(get(obj.doc, p)) ? p : undefined;
}

/** Labels of the pods a workload creates. */
export function podLabels(obj: RenderedObject): Record<string, string> | undefined {
  const spec = podSpecPath(obj);
  if (!spec) return undefined;
  const meta = obj.kind === "Pod" ? ["metadata"] : [...spec.slice(0, -1), "metadata"];
  const labels = get(obj.doc, [...meta, "labels"]);
  return isObj(labels)
    ? (Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)])) as Record<string, string>)
    : {};
}

export function isHelmTestPod(obj: RenderedObject): boolean {
  const hook = str(get(obj.doc, ["metadata", "annotations", "helm.sh/hook"])) ?? "";
  return obj.kind === "Pod" && hook.split(",").some((h) => h.trim().startsWith("test"));
}

/** Pods that are meant to keep running (probes, PDBs, NetworkPolicies apply): not Jobs, not hooks. */
export function isLongRunning(obj: RenderedObject): boolean {
  if (obj.kind === "Job" || obj.kind === "CronJob") return false;
  if (obj.kind === "Pod") return !get(obj.doc, ["metadata", "annotations", "helm.sh/hook"]);
  return podSpecPath(obj) !== undefined;
}

export interface ContainerRef {
  container: Obj;
  /** Path of the container in the object. */
  path: DocPath;
  name: string;
  init: boolean;
}

export function containersOf(obj: RenderedObject, opts: { init?: boolean } = { init: true }): ContainerRef[] {
  const spec = podSpecPath(obj);
  if (!spec) return [];
  const out: ContainerRef[] = [];
  const lists: Array<[string, boolean]> = [["containers", false]];
  if (opts.init !== false) lists.push(["initContainers", true]);
  for (const [list, init] of lists) {
    for (const [i, c] of arr(get(obj.doc, [...spec, list])).entries()) {
      if (!isObj(c)) continue;
      out.push({ container: c, path: [...spec, list, i], name: str(c.name) ?? `#${i}`, init });
    }
  }
  return out;
}

/** Kubernetes label selector semantics (matchLabels AND matchExpressions); a missing selector matches
 * nothing, an empty one everything. */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (!isObj(selector)) return false;
  const ml = isObj(selector.matchLabels) ? selector.matchLabels : {};
  for (const [k, v] of Object.entries(ml)) if (labels[k] !== String(v)) return false;
  for (const e of arr(selector.matchExpressions)) {
    if (!isObj(e)) continue;
    const key = String(e.key);
    const values = arr(e.values).map(String);
    const has = Object.hasOwn(labels, key);
    switch (e.operator) {
      case "In":
        if (!has || !values.includes(labels[key]!)) return false;
        break;
      case "NotIn":
        if (has && values.includes(labels[key]!)) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A Service's plain `selector: {k: v}` map. */
export function mapSelectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  return isObj(selector) && selectorMatches({ matchLabels: selector }, labels);
}

/** Objects without a namespace are installed into the release namespace (the one `helm template
 * --namespace` rendered with, when the gate says so; unknown namespaces compare equal). */
export function sameNamespace(a: RenderedObject, b: RenderedObject, releaseNamespace?: string): boolean {
  const na = a.namespace ?? releaseNamespace;
  const nb = b.namespace ?? releaseNamespace;
  return na === undefined || nb === undefined || na === nb;
}

export function objectId(obj: RenderedObject): string {
  return `${obj.kind}/${obj.name}`;
}

/** A finding about `path` in `obj`, at the template line that writes it (or its deepest written parent).
 * The cell's chart, scenario and helm major are not in it: the gate adds them to every finding of a cell. */
export function findingAt(
  obj: RenderedObject,
  path: DocPath,
  rule: string,
  severity: Severity,
  message: string,
): Finding {
  const pos = obj.locate(path);
  return {
    rule,
    severity,
    message,
    file: pos.file,
    line: pos.line,
    ...(pos.col !== undefined ? { col: pos.col } : {}),
    object: objectId(obj),
  };
}
