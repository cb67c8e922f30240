// dangling-reference, NetworkPolicy: pod selectors (of the policy and of its ingress/egress peers in the
// same namespace) that select no rendered pod and no external pod declared in floe-gate.yaml.
import type { Finding } from "../../core/findings.js";
import { isObj } from "../../core/objects.js";
import type { CheckContext, RenderCell, RenderedObject } from "../types.js";
import { arr, findingAt, get, type Obj, sameNamespace, selectorMatches } from "../workloads.js";
import { externalPodMatches } from "./external.js";
import type { Inventory } from "./inventory.js";
import { RULE } from "./rule.js";

export function networkPolicyFindings(
  cell: RenderCell,
  inv: Inventory,
  ctx: CheckContext,
  severity: "error" | "warning" | "info",
): Finding[] {
  const out: Finding[] = [];
  const releaseNs = ctx.settings.releaseNamespace;
  const matchesPod = (np: RenderedObject, selector: unknown): boolean =>
    inv.pods.some((p) => sameNamespace(p.obj, np, releaseNs) && selectorMatches(selector, p.labels)) ||
    externalPodMatches(ctx, selector);
  for (const np of cell.objects) {
    if (np.kind !== "NetworkPolicy") continue;
    const sel = get(np.doc, ["spec", "podSelector"]);
    const empty =
      isObj(sel) && Object.keys(sel.matchLabels ?? {}).length === 0 && arr(sel.matchExpressions).length === 0;
    if (isObj(sel) && !empty && !matchesPod(np, sel)) {
      out.push(
        findingAt(
          np,
          ["spec", "podSelector"],
          RULE,
          severity,
          `NetworkPolicy/${np.name}: spec.podSelector selects no rendered pod in its namespace`,
        ),
      );
    }
    for (const dir of ["ingress", "egress"] as const) {
      for (const [i, r] of arr(get(np.doc, ["spec", dir])).entries()) {
        for (const [j, peer] of arr(get(r, [dir === "ingress" ? "from" : "to"])).entries()) {
          // A peer with a namespaceSelector points into other namespaces: not ours to resolve.
          if (!isObj(peer) || peer.namespaceSelector !== undefined || !isObj(peer.podSelector)) continue;
          const ps = peer.podSelector as Obj;
          if (Object.keys(ps.matchLabels ?? {}).length === 0 && arr(ps.matchExpressions).length === 0)
            continue;
          if (!matchesPod(np, ps)) {
            const field = dir === "ingress" ? "from" : "to";
            out.push(
              findingAt(
                np,
                ["spec", dir, i, field, j, "podSelector"],
                RULE,
                severity,
                `NetworkPolicy/${np.name}: ${dir}[${i}].${field}[${j}].podSelector selects no rendered pod (declare external pods as externalReferences kind Pod)`,
              ),
            );
          }
        }
      }
    }
  }
  return out;
}
