// An object that changes between a helm hook and a release object of the same kind and name. Helm keeps the
// two apart: a hook is not part of the release, so
//  - a hook the base leaves in the cluster (its delete policy has no `hook-succeeded`; the default is
//    `before-hook-creation`) blocks the change that renders it as a release object: `helm upgrade` refuses to
//    adopt an object without the release's ownership metadata ("exists and cannot be imported into the current
//    release"), helm 3 and 4 alike;
//  - a release object the change turns into a `pre-upgrade` hook (and not also `post-upgrade`) is gone after the
//    upgrade: helm replaces it with the hook, then deletes the release's object of that name as no longer
//    rendered, which is the hook's. Meant for a plain Job that becomes a migration hook; anything pods read
//    (a ConfigMap, a Secret) disappears.
// Both were seen on a real API server with helm 3 and 4 (kwok); tests/upgrade/hooks.test.ts holds the rules.
import { annotationsOf, type ObjectLike, objectKey } from "./immutable.js";

export const hookRules = {
  hookToObject: "upgrade/hook-to-object",
  objectToHook: "upgrade/object-to-hook",
} as const;

export interface HookHazard<T extends ObjectLike = ObjectLike> {
  rule: (typeof hookRules)[keyof typeof hookRules];
  severity: "error" | "warning";
  /** `Kind/name`. */
  object: string;
  /** The change's object (the finding points at its name). */
  next: T;
  message: string;
}

const list = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

/** The hook's events (`post-install`, `pre-upgrade`, `test`, ...), or undefined for a release object. */
function hookEvents(o: ObjectLike): string[] | undefined {
  const h = annotationsOf(o)["helm.sh/hook"];
  return typeof h === "string" ? list(h) : undefined;
}

/** Helm's delete policy of a hook (default `before-hook-creation`). */
function deletePolicy(o: ObjectLike): string[] {
  const p = list(annotationsOf(o)["helm.sh/hook-delete-policy"]);
  return p.length ? p : ["before-hook-creation"];
}

export function predictHookHazards<T extends ObjectLike>(
  before: readonly T[],
  after: readonly T[],
): HookHazard<T>[] {
  const base = new Map(before.map((o) => [objectKey(o), o]));
  const out: HookHazard<T>[] = [];
  for (const next of after) {
    const prev = base.get(objectKey(next));
    if (!prev) continue;
    const object = `${next.kind}/${next.name}`;
    const was = hookEvents(prev);
    const is = hookEvents(next);
    if (was && !is && !deletePolicy(prev).includes("hook-succeeded")) {
      out.push({
        rule: hookRules.hookToObject,
        severity: "error",
        object,
        next,
        message: `${object} is a helm hook at the base (${was.join(",")}, delete policy ${deletePolicy(prev).join(",")}: it stays in the cluster once it ran) and a release object in this change: helm upgrade fails with "${object} exists and cannot be imported into the current release: invalid ownership metadata" (helm 3 and 4); give the object another name, or delete it before the upgrade`,
      });
    } else if (!was && is?.includes("pre-upgrade") && !is.includes("post-upgrade")) {
      out.push({
        rule: hookRules.objectToHook,
        severity: "warning",
        object,
        next,
        message: `${object} is a release object at the base and a pre-upgrade hook in this change: on upgrade helm replaces it with the hook, then deletes the release's ${object} as no longer rendered, so it is gone afterwards (fine for a Job that became a migration hook; anything pods read is lost): add post-upgrade to its events, or give the hook another name`,
      });
    }
  }
  return out;
}
