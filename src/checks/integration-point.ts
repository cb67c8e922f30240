// integration-point: a helm test pod that names the integration point it proves (`floe.dev/integration-point:
// "Dagster -> PostgreSQL"`, beside `floe.dev/covers`) says so to a reader of the chart; the report's graph is
// drawn from floe-gate.yaml's `integrations:` alone. The two are written apart and drift apart: an edge the pod
// names that the graph does not draw, or draws under requirements the pod does not cover, is shown in the
// report as unproved while the pod proves it. Only where floe-gate.yaml draws a graph (`integrations:`), and only
// for names of an edge (`A -> B`; a single component, "PostgreSQL", is not an edge).
import type { Finding } from "../core/findings.js";
import type { Check } from "./types.js";
import { findingAt, get, isHelmTestPod, str } from "./workloads.js";

export const INTEGRATION_POINT_ANNOTATION = "floe.dev/integration-point";
const COVERS_ANNOTATION = "floe.dev/covers";
const RULE = "integration-point";

/** "A -> B" as its two ends, or undefined for anything that is not one edge. */
export function parseEdge(point: string): { from: string; to: string } | undefined {
  const parts = point.split("->").map((p) => p.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { from: parts[0], to: parts[1] };
}

export const integrationPointCheck: Check = {
  rule: RULE,
  defaultSeverity: "warning",
  description:
    "A helm test pod's floe.dev/integration-point edge (A -> B) is drawn in floe-gate.yaml's integrations: under a requirement the pod covers (floe.dev/covers).",
  run(cell, ctx) {
    const edges = ctx.settings.integrations;
    if (!edges?.length) return [];
    const out: Finding[] = [];
    for (const obj of cell.objects) {
      if (!isHelmTestPod(obj)) continue;
      const path = ["metadata", "annotations", INTEGRATION_POINT_ANNOTATION];
      const point = str(get(obj.doc, path));
      const edge = point ? parseEdge(point) : undefined;
      if (!point || !edge) continue;
      const covers = (str(get(obj.doc, ["metadata", "annotations", COVERS_ANNOTATION])) ?? "")
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean);
      const drawn = edges.filter((e) => e.from === edge.from && e.to === edge.to);
      const add = (message: string) => out.push(findingAt(obj, path, RULE, "warning", message));
      if (!drawn.length) {
        add(
          `names integration point '${point}', which floe-gate.yaml's integrations: does not draw: the report's graph will not show what this pod proves (add { from: ${edge.from}, to: ${edge.to}, requirements: [${covers.join(", ")}] })`,
        );
        continue;
      }
      const ids = [...new Set(drawn.flatMap((e) => e.requirements))];
      if (!ids.some((id) => covers.includes(id)))
        add(
          `names integration point '${point}', which floe-gate.yaml draws with requirements ${ids.join(", ")}, none of which this pod covers (${COVERS_ANNOTATION}: ${covers.join(",") || "none"}): the edge is not proved by it in the report`,
        );
    }
    return out;
  },
};
