// Pinned default versions, shared with scripts/tools.sh through versions.json.
import versions from "./versions.json" with { type: "json" };

export type ToolName = "helm" | "kubesec" | "kind" | "kubectl";
export const toolNames: readonly ToolName[] = ["helm", "kubesec", "kind", "kubectl"];

export const pins = {
  helm: { 3: versions.helm["3"], 4: versions.helm["4"] },
  kubesec: versions.kubesec["2"],
  kind: versions.kind["0"],
  kindNodeImage: versions.kind.nodeImage,
  /** `cluster up --metrics-server` on kind: the resource metrics API HPAs read. */
  metricsServerImage: versions.kind.metricsServerImage,
  kubectl: versions.kubectl["1"],
} as const;
