// Objects an upgrade deletes or renames in ways that lose data or break clients, although the API server
// accepts it: helm deletes every object of the old revision the new one no longer renders. A removed
// PersistentVolumeClaim takes its data with it; a removed (or renamed) StatefulSet leaves its claims
// behind and its successor starts on new, empty volumes; a renamed Service breaks everything that
// reaches it by name (ANCHORS §4: test pods and Ingresses pointed at Service names that no longer existed).
import { isDeepStrictEqual } from "node:util";
import { annotationsOf, isHelmHook, type ObjectLike, objectKey } from "./immutable.js";

export const upgradeRules = {
  removedStateful: "upgrade/removed-stateful",
  renamedService: "upgrade/renamed-service",
} as const;

export interface Hazard<T extends ObjectLike = ObjectLike> {
  rule: (typeof upgradeRules)[keyof typeof upgradeRules];
  /** `Kind/name` of the base object. */
  object: string;
  /** The object at the base. */
  base: T;
  /** The object of the change that replaces it, when there is one. */
  next?: T;
  message: string;
}

function claimTemplates(o: ObjectLike): string[] {
  const t = (o.doc.spec as { volumeClaimTemplates?: unknown } | undefined)?.volumeClaimTemplates;
  return Array.isArray(t)
    ? t.map((c) => String((c as { metadata?: { name?: unknown } })?.metadata?.name ?? "?"))
    : [];
}

function selectorOf(o: ObjectLike): unknown {
  const s = (o.doc.spec as { selector?: unknown } | undefined)?.selector;
  return s && typeof s === "object" && Object.keys(s).length ? s : undefined;
}

const keeps = (o: ObjectLike) => annotationsOf(o)["helm.sh/resource-policy"] === "keep";

export function predictRemovals<T extends ObjectLike>(
  before: readonly T[],
  after: readonly T[],
): Hazard<T>[] {
  const now = new Set(after.map(objectKey));
  const then = new Set(before.map(objectKey));
  const gone = before.filter((o) => !now.has(objectKey(o)) && !isHelmHook(o));
  const added = after.filter((o) => !then.has(objectKey(o)) && !isHelmHook(o));
  const out: Hazard<T>[] = [];
  for (const o of gone) {
    const object = `${o.kind}/${o.name}`;
    if (o.kind === "PersistentVolumeClaim") {
      out.push({
        rule: upgradeRules.removedStateful,
        object,
        base: o,
        message: keeps(o)
          ? `${object} is rendered at the base but not by this change: helm.sh/resource-policy: keep leaves it behind on upgrade, unused, with its data`
          : `${object} is rendered at the base but not by this change: helm deletes it on upgrade, and the data on its volume with it (annotate it helm.sh/resource-policy: keep, or keep rendering it)`,
      });
    } else if (o.kind === "StatefulSet" && claimTemplates(o).length) {
      const successor = added.find(
        (n) =>
          n.kind === "StatefulSet" &&
          claimTemplates(n).length > 0 &&
          (n.namespace ?? "") === (o.namespace ?? "") &&
          isDeepStrictEqual(selectorOf(n), selectorOf(o)),
      );
      const claims = claimTemplates(o)
        .map((c) => `${c}-${o.name}-0`)
        .join(", ");
      out.push({
        rule: upgradeRules.removedStateful,
        object,
        base: o,
        ...(successor ? { next: successor } : {}),
        message: successor
          ? `${object} is renamed to StatefulSet/${successor.name} by this change: helm deletes ${object} on upgrade, its PersistentVolumeClaims (${claims}, ...) stay behind with the data, and StatefulSet/${successor.name} starts on new, empty volumes`
          : `${object} (with volumeClaimTemplates) is rendered at the base but not by this change: helm deletes it on upgrade and its PersistentVolumeClaims (${claims}, ...) stay behind with the data, which nothing uses any more`,
      });
    } else if (o.kind === "Service" && selectorOf(o)) {
      const successor = added.find(
        (n) =>
          n.kind === "Service" &&
          (n.namespace ?? "") === (o.namespace ?? "") &&
          isDeepStrictEqual(selectorOf(n), selectorOf(o)),
      );
      if (!successor) continue;
      out.push({
        rule: upgradeRules.renamedService,
        object,
        base: o,
        next: successor,
        message: `${object} is renamed to Service/${successor.name} by this change (same selector ${JSON.stringify(selectorOf(o))}): everything that reaches '${o.name}' by name (other releases, Ingresses, clients' configuration) loses it on upgrade; keep a Service named '${o.name}' until every client has moved`,
      });
    }
  }
  return out;
}
