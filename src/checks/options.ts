// Settings the k8s-schema, dangling-reference, policy/* and kubesec checks read from floe-gate.yaml (and
// the --kube-version flag). Every field is optional: the defaults below are what the gate does with no
// config file.

/** Objects that exist at install time but are not rendered by the chart (created by an operator, another
 * chart, or by hand). Names are plain object names; a service may be `name` or `name:port`. */
export interface ExternalRefs {
  services?: string[];
  secrets?: string[];
  configMaps?: string[];
  serviceAccounts?: string[];
  persistentVolumeClaims?: string[];
  /** Pod label sets that exist outside the render, e.g. `app.kubernetes.io/name=ingress-nginx`
   * (comma-separated pairs): NetworkPolicy selectors matching one of these are not dangling. */
  podLabels?: string[];
}

/** A kind the Kubernetes API does not define (a CRD) that the chart is allowed to render. */
export interface DeclaredKind {
  apiVersion: string;
  kind: string;
}

export interface KubesecWaiver {
  /** A kubesec rule id (`Privileged`, `ReadOnlyRootFilesystem`, ...) or `score` for the threshold. */
  rule: string;
  /** `Kind/name` of the rendered object, e.g. `StatefulSet/postgresql`. */
  object: string;
  reason: string;
  /** Last day the waiver applies (YYYY-MM-DD); from the next day on it no longer applies. */
  expires?: string;
}

export interface CheckOptions {
  /** Kubernetes minor for k8s-schema and kubesec's schema validation, e.g. `1.37`. Default: the minor of
   * the pinned kind node image. */
  kubeVersion?: string;
  /** The namespace the chart was rendered into (`helm template --namespace`): objects without
   * metadata.namespace live there. Unknown: namespaces are only compared when both are explicit. */
  releaseNamespace?: string;
  /** Custom kinds the chart may render without a schema finding. */
  kinds?: DeclaredKind[];
  external?: ExternalRefs;
  kubesec?: {
    /** A workload passes when its score >= threshold. Default 9. */
    threshold?: number;
    waivers?: KubesecWaiver[];
    /** The kubesec binary. Default: `<tools dir>/kubesec`. */
    bin?: string;
    /** Where the kubeconform-layout schema folder for kubesec is written. Default: the OS temp dir. */
    schemaCacheDir?: string;
  };
  policy?: {
    /** Environments (Scenario.environment) that must render a NetworkPolicy selecting every workload.
     * Default: every environment except `dev`. */
    networkPolicyEnvironments?: string[];
    /** Environments treated as production (PDB/HPA required). Default: `prod`, `production`. */
    prodEnvironments?: string[];
  };
  /** Today's date (YYYY-MM-DD) for waiver expiry; tests pin it. Default: the current UTC date. */
  today?: string;
}

export const DEFAULT_KUBESEC_THRESHOLD = 9;
export const DEFAULT_PROD_ENVIRONMENTS = ["prod", "production"];

export function todayUtc(opts: CheckOptions | undefined): string {
  return opts?.today ?? new Date().toISOString().slice(0, 10);
}
