// dangling-reference: what floe-gate.yaml declares external (`externalReferences`).
import { matchesWildcard } from "../../core/wildcard.js";
import type { CheckContext } from "../types.js";
import { selectorMatches } from "../workloads.js";

const globMatch = matchesWildcard;

export function isExternal(ctx: CheckContext, kind: string, name: string): boolean {
  return ctx.settings.externalReferences.some((r) => r.kind === kind && globMatch(r.name, name));
}

/** `app=web,tier=db` external pod label sets (ExternalReference kind Pod) a NetworkPolicy may select. */
export function externalPodMatches(ctx: CheckContext, selector: unknown): boolean {
  return ctx.settings.externalReferences
    .filter((r) => r.kind === "Pod")
    .some((r) => {
      const labels: Record<string, string> = {};
      for (const pair of r.name.split(",")) {
        const [k, v] = pair.split("=");
        if (k) labels[k.trim()] = (v ?? "").trim();
      }
      return selectorMatches(selector, labels);
    });
}
