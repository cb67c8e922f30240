// helm test pods and the requirements they prove. A chart annotates each test pod with
// `floe.dev/covers: E2E-002,INT-001`; the static gate records them as skipped (a test pod proves
// nothing until it runs in a cluster), and a phase that runs `helm test` records their outcome, so the
// coverage matrix (src/report/coverage.ts) shows both "declared by the chart" and "proven".
import type { RenderCell } from "../core/rendered.js";
import type { CheckStatus } from "./results.js";

export const COVERS_ANNOTATION = "floe.dev/covers";
export const HELM_TEST_RULE = "helm-test";
export const NOT_RUN_STATICALLY =
  "a helm test pod runs only in a cluster (floe-helm test), not in the static gate";

export interface TestPod {
  name: string;
  /** Requirement ids from `floe.dev/covers` (comma or space separated). */
  covers: string[];
}

function annotations(doc: Record<string, unknown>): Record<string, unknown> {
  const meta = doc.metadata as { annotations?: unknown } | undefined;
  const a = meta?.annotations;
  return a && typeof a === "object" ? (a as Record<string, unknown>) : {};
}

/** Pods that are helm test hooks (`helm.sh/hook: test`, or the older `test-success`), with their covers. */
export function testPods(
  objects: ReadonlyArray<{ kind: string; name: string; doc: Record<string, unknown> }>,
): TestPod[] {
  return objects
    .filter((o) => o.kind === "Pod")
    .flatMap((o) => {
      const a = annotations(o.doc);
      const hooks = String(a["helm.sh/hook"] ?? "")
        .split(",")
        .map((h) => h.trim());
      if (!hooks.some((h) => h === "test" || h === "test-success")) return [];
      const covers = String(a[COVERS_ANNOTATION] ?? "")
        .split(/[\s,]+/)
        .filter(Boolean);
      return [{ name: o.name, covers }];
    });
}

/** The gate's status for each annotated test pod of a rendered cell: skipped, with why. */
export function gateTestPodStatuses(cell: Pick<RenderCell, "scenario" | "helm" | "objects">): CheckStatus[] {
  return testPods(cell.objects)
    .filter((p) => p.covers.length)
    .map((p) => ({
      id: `${HELM_TEST_RULE} ${p.name} ${cell.scenario.chart.name}/${cell.scenario.name} helm${cell.helm}`,
      rule: HELM_TEST_RULE,
      state: "skip" as const,
      reason: NOT_RUN_STATICALLY,
      covers: p.covers,
    }));
}
