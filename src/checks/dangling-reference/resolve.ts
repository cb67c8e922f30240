// dangling-reference, resolving a reference against the inventory: nothing (it resolves, or is declared
// external), or a typed problem. The message is written from the problem in one place (problemMessage).
import type { RenderedObject } from "../types.js";
import { get, str } from "../workloads.js";
import { isExternal } from "./external.js";
import type { Inventory, RefKind } from "./inventory.js";
import type { Ref } from "./refs.js";

export type Problem =
  /** Nothing of the kind and name is rendered (in the referring object's namespace). */
  | { kind: "not-rendered"; ref: RefKind; name: string }
  /** Not rendered, but a Job or CronJob of the release is handed the name: it creates it at run time. */
  | {
      kind: "created-at-run-time";
      ref: RefKind;
      name: string;
      job: RenderedObject;
      hook?: string;
      how: string;
    }
  /** The Secret or ConfigMap is rendered without the key. */
  | { kind: "missing-key"; ref: RefKind; name: string; key: string; keys: readonly string[] }
  /** The Service is rendered without the port (a number, or a name). */
  | {
      kind: "missing-port";
      name: string;
      port: string | number;
      ports: ReadonlyArray<{ name?: string; port: number }>;
    };

/** A problem that only deserves a note (info), not the rule's severity. */
export const isNote = (p: Problem): boolean => p.kind === "created-at-run-time";

export function problemMessage(p: Problem): string {
  switch (p.kind) {
    case "not-rendered":
      return `${p.ref} '${p.name}' is not rendered by this chart; declare it in externalReferences (kind ${p.ref}) if something else creates it`;
    case "created-at-run-time":
      return `${p.ref} '${p.name}' is not rendered: ${p.job.kind}/${p.job.name}${p.hook ? ` (helm hook ${p.hook})` : ""} creates it at run time (it is passed the name: ${p.how})`;
    case "missing-key":
      return `${p.ref} '${p.name}' has no key '${p.key}' (keys: ${p.keys.join(", ") || "none"})`;
    case "missing-port": {
      const have = p.ports.map((x) => (x.name ? `${x.name}/${x.port}` : String(x.port))).join(", ") || "none";
      return `Service '${p.name}' has no port ${typeof p.port === "number" ? p.port : `named '${p.port}'`} (ports: ${have})`;
    }
  }
}

/** The problem with a reference, undefined when it resolves. */
export function resolve(
  ref: Ref,
  from: RenderedObject,
  inv: Inventory,
  externals: Parameters<typeof isExternal>[0],
  releaseNs: string | undefined,
): Problem | undefined {
  if (isExternal(externals, ref.kind, ref.name)) return undefined;
  if (ref.kind === "PersistentVolumeClaim" && inv.claimTemplates.some((t) => ref.name.startsWith(t.prefix)))
    return undefined;
  const found = inv.find(ref.kind, ref.name, from, releaseNs);
  if (!found) {
    const by =
      ref.kind === "Secret" || ref.kind === "ConfigMap" ? inv.creator(ref.name, from, releaseNs) : undefined;
    if (by) {
      const hook = str(get(by.job.doc, ["metadata", "annotations", "helm.sh/hook"]));
      return {
        kind: "created-at-run-time",
        ref: ref.kind,
        name: ref.name,
        job: by.job,
        ...(hook ? { hook } : {}),
        how: by.how,
      };
    }
    return { kind: "not-rendered", ref: ref.kind, name: ref.name };
  }
  if (ref.key !== undefined && found.keys && !found.keys.has(ref.key)) {
    return { kind: "missing-key", ref: ref.kind, name: ref.name, key: ref.key, keys: [...found.keys].sort() };
  }
  if (ref.port !== undefined && found.ports) {
    const ok = found.ports.some((p) =>
      typeof ref.port === "number" ? p.port === ref.port : p.name === ref.port,
    );
    if (!ok) return { kind: "missing-port", name: ref.name, port: ref.port, ports: found.ports };
  }
  return undefined;
}
