// The contract between rendering and checks. A check never runs helm and never prints: it receives what
// was rendered (once per chart x scenario x helm major) and returns findings. Adding a rule = one file +
// one table-driven test + one line in the registry + one README row.
import type { Finding, Severity } from "../core/findings.js";
import type { RenderCell } from "../core/rendered.js";

export type {
  ChartInfo,
  DocPath,
  RenderCell,
  RenderedObject,
  Scenario,
  SourcePosition,
} from "../core/rendered.js";

/** A reference the chart makes on purpose to something it does not render (dangling-reference skips it). */
export interface ExternalReference {
  /** Kind referenced: Service, Secret, ConfigMap, ServiceAccount, PersistentVolumeClaim. */
  kind: string;
  /** Name; `*` matches any run of characters. */
  name: string;
  reason?: string;
}

/** Settings from floe-gate.yaml (or defaults) that checks read. */
export interface CheckSettings {
  /** Kubernetes version `X.Y` the objects are validated for. */
  kubeVersion: string;
  /** kubesec: a workload passes when its score >= this. */
  kubesecThreshold: number;
  externalReferences: ExternalReference[];
  /** Custom kinds (CRDs) the charts may render: k8s-schema says nothing about them. */
  kinds?: Array<{ apiVersion: string; kind: string }>;
  /** The namespace the chart was rendered into (`helm template --namespace`): objects without
   * metadata.namespace live there. Unset: namespaces are compared only when both are explicit. */
  releaseNamespace?: string;
  /** Environments (Scenario.environment) that must render a NetworkPolicy selecting every workload
   * (policy/network-policy). Default: staging, prod, production. A scenario that renders any
   * NetworkPolicy must cover every workload whatever its environment. */
  networkPolicyEnvironments?: string[];
  /** Environments treated as production: PDB and HPA required (policy/pdb, policy/hpa). Default: prod,
   * production. */
  prodEnvironments?: string[];
  /** floe-gate.yaml `integrations:` (the report's graph): integration-point compares test pods with it. */
  integrations?: ReadonlyArray<{ from: string; to: string; requirements: readonly string[] }>;
}

export interface CheckContext {
  settings: CheckSettings;
  /** Absolute paths of tool binaries resolved once per run (kubesec for the kubesec check). */
  tools: { kubesec?: string };
  /** Working directory: finding paths are relative to it. */
  cwd: string;
}

export interface Check {
  /** Rule id: part of the interface, documented in the README. */
  rule: string;
  defaultSeverity: Severity;
  description: string;
  /** Raw findings: at the rule's default severity (or `info` for what it only notes), without the cell's
   * chart, scenario and helm major. The gate adds those and hands every finding to the one pipeline
   * (src/policy/apply.ts: floe-gate.yaml's severity overrides, `off`, waivers); a check never reads them. */
  run(cell: RenderCell, ctx: CheckContext): Finding[] | Promise<Finding[]>;
  /** The check runs an external program (kubesec): the gate starts it before the in-process checks of a
   * cell so that both proceed at once. */
  runsProcess?: boolean;
}
