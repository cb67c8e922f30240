// `cluster up --provider kind --external-secrets`: the External Secrets Operator's controller in its own
// namespace (external-secrets, Pod Security Standard "restricted" enforced), so the platform's ExternalSecrets
// (charts/floe-platform externalSecrets.enabled) are synced into the Secrets its workloads read (the E2E phase's
// GAP-006 check proves it). The objects are those of ESO v0.16.2's own Helm chart (deploy/charts/external-secrets:
// the controller's ClusterRole, its binding, the Deployment with the chart's security context) for the three
// kinds the controller reconciles (SecretStore, ClusterSecretStore, ExternalSecret): no webhook, no cert
// controller, no leader election (one replica). The CustomResourceDefinitions are the module's own
// (config/crds/bases), which the image built here carries in /crds (scripts/images.sh external-secrets).
import { parseAllDocuments, stringify } from "yaml";

/** The default image: the one scripts/images.sh builds (ESO v0.16.2 with the fake provider, its CRDs in
 * /crds); upstream's image carries no CRDs. */
export { ESO_IMAGE } from "./names.js";
export const ESO_NAMESPACE = "external-secrets";
export const ESO_NAME = "external-secrets";
/** Where floe.local/external-secrets keeps the module's CRD files. */
export const ESO_CRDS_DIR = "/crds";
/** The CRDs the controller needs (one per kind it reconciles). */
export const ESO_CRDS = [
  "externalsecrets.external-secrets.io",
  "secretstores.external-secrets.io",
  "clustersecretstores.external-secrets.io",
] as const;

/** The controller's objects (pure), as one multi-document YAML for `kubectl apply -f -`. */
export function externalSecretsManifest(
  image: string,
  pullPolicy: "IfNotPresent" | "Never" = "IfNotPresent",
): string {
  const labels = { "app.kubernetes.io/name": ESO_NAME, "app.kubernetes.io/managed-by": "floe-helm" };
  const ns = ESO_NAMESPACE;
  const rule = (apiGroups: string[], resources: string[], verbs: string[]) => ({
    apiGroups,
    resources,
    verbs,
  });
  const objects = [
    {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: ns,
        labels: {
          ...labels,
          "pod-security.kubernetes.io/enforce": "restricted",
          "pod-security.kubernetes.io/audit": "restricted",
          "pod-security.kubernetes.io/warn": "restricted",
        },
      },
    },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: ESO_NAME, namespace: ns, labels } },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: `${ESO_NAME}-controller`, labels },
      // The upstream chart's controller rules for these three kinds (no push secrets, no cluster external
      // secrets, no generators).
      rules: [
        rule(
          ["external-secrets.io"],
          ["secretstores", "clustersecretstores", "externalsecrets"],
          ["get", "list", "watch"],
        ),
        rule(
          ["external-secrets.io"],
          [
            "externalsecrets",
            "externalsecrets/status",
            "secretstores",
            "secretstores/status",
            "clustersecretstores",
            "clustersecretstores/status",
          ],
          ["get", "update", "patch"],
        ),
        rule([""], ["serviceaccounts", "namespaces", "configmaps"], ["get", "list", "watch"]),
        rule([""], ["secrets"], ["get", "list", "watch", "create", "update", "delete", "patch"]),
        rule([""], ["serviceaccounts/token"], ["create"]),
        rule([""], ["events"], ["create", "patch"]),
      ],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: `${ESO_NAME}-controller`, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: `${ESO_NAME}-controller` },
      subjects: [{ kind: "ServiceAccount", name: ESO_NAME, namespace: ns }],
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: ESO_NAME, namespace: ns, labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: { "app.kubernetes.io/name": ESO_NAME } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: ESO_NAME,
            automountServiceAccountToken: true,
            securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
            containers: [
              {
                name: ESO_NAME,
                image,
                imagePullPolicy: pullPolicy,
                args: ["--concurrent=1", "--loglevel=info", "--metrics-addr=:8080", "--healthz-addr=:8081"],
                ports: [
                  { name: "metrics", containerPort: 8080, protocol: "TCP" },
                  { name: "healthz", containerPort: 8081, protocol: "TCP" },
                ],
                readinessProbe: { httpGet: { path: "/readyz", port: "healthz" }, periodSeconds: 5 },
                livenessProbe: { httpGet: { path: "/healthz", port: "healthz" }, periodSeconds: 10 },
                resources: { requests: { cpu: "10m", memory: "64Mi" }, limits: { memory: "256Mi" } },
                // The upstream chart's securityContext (values.yaml), which the restricted standard admits.
                securityContext: {
                  allowPrivilegeEscalation: false,
                  capabilities: { drop: ["ALL"] },
                  readOnlyRootFilesystem: true,
                  runAsNonRoot: true,
                  runAsUser: 1000,
                  seccompProfile: { type: "RuntimeDefault" },
                },
              },
            ],
          },
        },
      },
    },
  ];
  return objects.map((o) => `---\n${stringify(o)}`).join("");
}

/** The CRD files of an image's /crds, as one multi-document YAML on stdout (pure): `docker run` of the image
 * with a shell listing them (no network, removed afterwards). */
export function crdsFromImageArgv(docker: string, image: string): string[] {
  return [
    docker,
    "run",
    "--rm",
    "--network",
    "none",
    "--entrypoint",
    "/bin/sh",
    image,
    "-c",
    `set -e; ls ${ESO_CRDS_DIR}/*.yaml >/dev/null; for f in ${ESO_CRDS_DIR}/*.yaml; do echo ---; cat "$f"; done`,
  ];
}

/** The names of the CustomResourceDefinitions in a multi-document YAML (pure): what `crdsFromImageArgv`
 * printed, checked before it is applied. */
export function crdNames(yamlText: string): string[] {
  return parseAllDocuments(yamlText)
    .map((d) => d.toJS() as { kind?: string; metadata?: { name?: string } } | null)
    .filter((o) => o?.kind === "CustomResourceDefinition" && o.metadata?.name)
    .map((o) => o!.metadata!.name!);
}

/** `kubectl apply --server-side` of CRDs from stdin (pure): SecretStore's CRD (500 kB) is larger than the
 * annotation a client-side apply keeps. */
export function applyCrdsArgv(kubectl: string, kubeconfig: string): string[] {
  return [kubectl, "--kubeconfig", kubeconfig, "apply", "--server-side", "--force-conflicts", "-f", "-"];
}

/** `kubectl wait` until the CRDs are established, then until the controller is available (pure). */
export function waitCrdsArgv(kubectl: string, kubeconfig: string, seconds: number): string[] {
  return [
    kubectl,
    "--kubeconfig",
    kubeconfig,
    "wait",
    "--for=condition=Established",
    ...ESO_CRDS.map((c) => `crd/${c}`),
    `--timeout=${seconds}s`,
  ];
}
export function waitControllerArgv(kubectl: string, kubeconfig: string, seconds: number): string[] {
  return [
    kubectl,
    "--kubeconfig",
    kubeconfig,
    "--namespace",
    ESO_NAMESPACE,
    "wait",
    "--for=condition=Available",
    `deployment/${ESO_NAME}`,
    `--timeout=${seconds}s`,
  ];
}
