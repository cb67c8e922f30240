// policy/network-policy, policy/pdb, policy/hpa: objects an environment needs besides the workloads.
// Which environments: Scenario.environment (from the values file name or floe-gate.yaml) against
// CheckSettings.networkPolicyEnvironments / prodEnvironments. A policy in another namespace than the
// workload does not count (a real floe defect: NetworkPolicies rendered into the wrong namespace).
import type { Finding, Severity } from "../../core/findings.js";
import type { Check, CheckContext, RenderCell, RenderedObject } from "../types.js";
import {
  findingAt,
  get,
  isHelmTestPod,
  isLongRunning,
  podLabels,
  podSpecPath,
  sameNamespace,
  selectorMatches,
  str,
} from "../workloads.js";

const DEFAULT_PROD = ["prod", "production"];

function podTemplateLabelsPath(obj: RenderedObject): Array<string | number> {
  const spec = podSpecPath(obj)!;
  return obj.kind === "Pod" ? ["metadata", "labels"] : [...spec.slice(0, -1), "metadata", "labels"];
}

function envRule(
  rule: string,
  description: string,
  enabled: (cell: RenderCell, ctx: CheckContext) => boolean,
  eachObject: (obj: RenderedObject, cell: RenderCell, ctx: CheckContext) => string | undefined,
  defaultSeverity: Severity = "error",
): Check {
  return {
    rule,
    defaultSeverity,
    description,
    run(cell, ctx) {
      if (!enabled(cell, ctx)) return [];
      const out: Finding[] = [];
      for (const obj of cell.objects) {
        const msg = eachObject(obj, cell, ctx);
        if (msg) out.push(findingAt(obj, podTemplateLabelsPath(obj), rule, defaultSeverity, msg));
      }
      return out;
    },
  };
}

const DEFAULT_NETWORK_POLICY_ENVIRONMENTS = ["staging", "prod", "production"];

/** Network policies are required where the config says (default: staging and prod), and in any scenario
 * that renders one: once they are on, a workload no policy selects is a gap. */
export function networkPolicyRequired(cell: RenderCell, ctx: CheckContext): boolean {
  const env = cell.scenario.environment;
  const list = ctx.settings.networkPolicyEnvironments ?? DEFAULT_NETWORK_POLICY_ENVIRONMENTS;
  return (env !== undefined && list.includes(env)) || cell.objects.some((o) => o.kind === "NetworkPolicy");
}

export function isProd(cell: RenderCell, ctx: CheckContext): boolean {
  const env = cell.scenario.environment;
  return env !== undefined && (ctx.settings.prodEnvironments ?? DEFAULT_PROD).includes(env);
}

export const networkPolicy = envRule(
  "policy/network-policy",
  "Where network policies are on (staging/prod by default, or any scenario rendering one), every workload's pods are selected by a NetworkPolicy in their namespace.",
  networkPolicyRequired,
  (obj, cell, ctx) => {
    if (!podSpecPath(obj) || isHelmTestPod(obj)) return undefined;
    const labels = podLabels(obj)!;
    const selected = cell.objects.some(
      (np) =>
        np.kind === "NetworkPolicy" &&
        sameNamespace(np, obj, ctx.settings.releaseNamespace) &&
        selectorMatches(get(np.doc, ["spec", "podSelector"]), labels),
    );
    return selected
      ? undefined
      : `no NetworkPolicy in namespace ${obj.namespace ?? ctx.settings.releaseNamespace ?? "(release)"} selects the pods of ${obj.kind}/${obj.name} (environment ${cell.scenario.environment ?? "unknown"})`;
  },
);

export const podDisruptionBudget = envRule(
  "policy/pdb",
  "In prod scenarios every Deployment and StatefulSet is covered by a PodDisruptionBudget in its namespace.",
  isProd,
  (obj, cell, ctx) => {
    if (obj.kind !== "Deployment" && obj.kind !== "StatefulSet") return undefined;
    const labels = podLabels(obj)!;
    const covered = cell.objects.some(
      (pdb) =>
        pdb.kind === "PodDisruptionBudget" &&
        sameNamespace(pdb, obj, ctx.settings.releaseNamespace) &&
        selectorMatches(get(pdb.doc, ["spec", "selector"]), labels),
    );
    return covered
      ? undefined
      : `no PodDisruptionBudget selects the pods of ${obj.kind}/${obj.name} (prod scenario)`;
  },
);

export const horizontalPodAutoscaler = envRule(
  "policy/hpa",
  "In prod scenarios every long-running Deployment is scaled by a HorizontalPodAutoscaler.",
  isProd,
  (obj, cell, ctx) => {
    if (obj.kind !== "Deployment" || !isLongRunning(obj)) return undefined;
    const scaled = cell.objects.some(
      (hpa) =>
        hpa.kind === "HorizontalPodAutoscaler" &&
        sameNamespace(hpa, obj, ctx.settings.releaseNamespace) &&
        str(get(hpa.doc, ["spec", "scaleTargetRef", "kind"])) === obj.kind &&
        str(get(hpa.doc, ["spec", "scaleTargetRef", "name"])) === obj.name,
    );
    return scaled ? undefined : `no HorizontalPodAutoscaler targets ${obj.kind}/${obj.name} (prod scenario)`;
  },
);

export const environmentChecks = [networkPolicy, podDisruptionBudget, horizontalPodAutoscaler];
