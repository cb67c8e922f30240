// `cluster up --provider kind --metrics-server`: metrics-server v0.8.0 in kube-system, so HorizontalPodAutoscalers
// can read CPU (the E2E phase's GAP-004 check scales one). The objects are metrics-server's own
// (manifests/base of its v0.8.0 module: RBAC, Service, Deployment, APIService) plus kind's one change: the
// kubelets' serving certificates are self-signed there, so it is told --kubelet-insecure-tls. The image is the
// pinned upstream one, or one built here (scripts/images.sh metrics-server) that is loaded into the nodes.
import { stringify } from "yaml";

export const METRICS_API = "v1beta1.metrics.k8s.io";
const NS = "kube-system";
const NAME = "metrics-server";

/** The objects of metrics-server (pure), as one multi-document YAML for `kubectl apply -f -`. */
export function metricsServerManifest(
  image: string,
  pullPolicy: "IfNotPresent" | "Never" = "IfNotPresent",
): string {
  const sa = { kind: "ServiceAccount", name: NAME, namespace: NS };
  const labels = { "k8s-app": NAME };
  const objects = [
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: NAME, namespace: NS, labels } },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: {
        name: "system:aggregated-metrics-reader",
        labels: {
          ...labels,
          "rbac.authorization.k8s.io/aggregate-to-view": "true",
          "rbac.authorization.k8s.io/aggregate-to-edit": "true",
          "rbac.authorization.k8s.io/aggregate-to-admin": "true",
        },
      },
      rules: [
        { apiGroups: ["metrics.k8s.io"], resources: ["pods", "nodes"], verbs: ["get", "list", "watch"] },
      ],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "system:metrics-server", labels },
      rules: [
        { apiGroups: [""], resources: ["nodes/metrics"], verbs: ["get"] },
        { apiGroups: [""], resources: ["pods", "nodes"], verbs: ["get", "list", "watch"] },
      ],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "metrics-server-auth-reader", namespace: NS, labels },
      roleRef: {
        apiGroup: "rbac.authorization.k8s.io",
        kind: "Role",
        name: "extension-apiserver-authentication-reader",
      },
      subjects: [sa],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: "metrics-server:system:auth-delegator", labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "system:auth-delegator" },
      subjects: [sa],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: "system:metrics-server", labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "system:metrics-server" },
      subjects: [sa],
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: NAME, namespace: NS, labels },
      spec: {
        selector: labels,
        ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: "https", appProtocol: "https" }],
      },
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: NAME, namespace: NS, labels },
      spec: {
        selector: { matchLabels: labels },
        strategy: { rollingUpdate: { maxUnavailable: 0 } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: NAME,
            priorityClassName: "system-cluster-critical",
            nodeSelector: { "kubernetes.io/os": "linux" },
            volumes: [{ name: "tmp-dir", emptyDir: {} }],
            containers: [
              {
                name: NAME,
                image,
                imagePullPolicy: pullPolicy,
                args: [
                  "--cert-dir=/tmp",
                  "--secure-port=10250",
                  "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
                  "--kubelet-use-node-status-port",
                  "--metric-resolution=15s",
                  // kind's kubelets serve self-signed certificates.
                  "--kubelet-insecure-tls",
                ],
                ports: [{ name: "https", containerPort: 10250, protocol: "TCP" }],
                resources: { requests: { cpu: "100m", memory: "200Mi" } },
                readinessProbe: {
                  httpGet: { path: "/readyz", port: "https", scheme: "HTTPS" },
                  periodSeconds: 10,
                  failureThreshold: 3,
                  initialDelaySeconds: 20,
                },
                livenessProbe: {
                  httpGet: { path: "/livez", port: "https", scheme: "HTTPS" },
                  periodSeconds: 10,
                  failureThreshold: 3,
                },
                securityContext: {
                  readOnlyRootFilesystem: true,
                  runAsNonRoot: true,
                  runAsUser: 1000,
                  allowPrivilegeEscalation: false,
                  seccompProfile: { type: "RuntimeDefault" },
                  capabilities: { drop: ["ALL"] },
                },
                volumeMounts: [{ name: "tmp-dir", mountPath: "/tmp" }],
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: "apiregistration.k8s.io/v1",
      kind: "APIService",
      metadata: { name: METRICS_API, labels },
      spec: {
        service: { name: NAME, namespace: NS },
        group: "metrics.k8s.io",
        version: "v1beta1",
        insecureSkipTLSVerify: true,
        groupPriorityMinimum: 100,
        versionPriority: 100,
      },
    },
  ];
  return objects.map((o) => `---\n${stringify(o)}`).join("");
}

/** `kubectl apply` of the manifest from stdin (pure). */
export function applyArgv(kubectl: string, kubeconfig: string): string[] {
  return [kubectl, "--kubeconfig", kubeconfig, "apply", "-f", "-"];
}

/** `kubectl wait` until the metrics API is served (its APIService Available) (pure). */
export function waitMetricsApiArgv(kubectl: string, kubeconfig: string, seconds: number): string[] {
  return [
    kubectl,
    "--kubeconfig",
    kubeconfig,
    "wait",
    "--for=condition=Available",
    `apiservice/${METRICS_API}`,
    `--timeout=${seconds}s`,
  ];
}
