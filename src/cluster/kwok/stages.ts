// What the simulated kubelet (kwok) does with nodes and pods. Adapted from kwok's own "fast" stages, plus:
//   - pods of a Job AND helm test pods (annotation helm.sh/hook: test) run, then complete with exit 0;
//   - any pod annotated `floe-helm.dev/simulate: fail` runs, then fails with exit 1 (so failing
//     `helm test` paths are testable). Pods without either simply become Running and Ready.

/** Put this annotation (value "fail") on a pod to make the simulated kubelet fail it with exit code 1. */
export const FAIL_ANNOTATION = "floe-helm.dev/simulate";
export const FAIL_VALUE = "fail";

type Expr = { key: string; operator: "In" | "NotIn" | "Exists" | "DoesNotExist"; values?: string[] };

const notDeleting: Expr = { key: ".metadata.deletionTimestamp", operator: "DoesNotExist" };
const running: Expr = { key: ".status.phase", operator: "In", values: ["Running"] };
const notFailing: Expr = {
  key: `.metadata.annotations["${FAIL_ANNOTATION}"]`,
  operator: "NotIn",
  values: [FAIL_VALUE],
};

function stage(
  name: string,
  kind: "Node" | "Pod",
  matchExpressions: Expr[],
  next: Record<string, unknown>,
  delayMs?: number,
) {
  return {
    apiVersion: "kwok.x-k8s.io/v1alpha1",
    kind: "Stage",
    metadata: { name },
    spec: {
      resourceRef: { apiGroup: "v1", kind },
      selector: { matchExpressions },
      ...(delayMs === undefined
        ? {}
        : { delay: { durationMilliseconds: delayMs, jitterDurationMilliseconds: delayMs } }),
      next,
    },
  };
}

const nodeConditions = `{{ $now := Now }}
{{ $lastTransitionTime := or .metadata.creationTimestamp $now }}
conditions:
{{ range NodeConditions }}
- lastHeartbeatTime: {{ $now | Quote }}
  lastTransitionTime: {{ $lastTransitionTime | Quote }}
  message: {{ .message | Quote }}
  reason: {{ .reason | Quote }}
  status: {{ .status | Quote }}
  type: {{ .type | Quote }}
{{ end }}
addresses:
{{ with NodeIP }}
- address: {{ . | Quote }}
  type: InternalIP
{{ end }}
{{ with NodeName }}
- address: {{ . | Quote }}
  type: Hostname
{{ end }}
{{ with NodePort }}
daemonEndpoints:
  kubeletEndpoint:
    Port: {{ . }}
{{ end }}
`;

const nodeInitialize = `${nodeConditions}
allocatable:
{{ with .status.allocatable }}
{{ YAML . 1 }}
{{ else }}
  cpu: 1k
  memory: 1Ti
  pods: 1M
{{ end }}
capacity:
{{ with .status.capacity }}
{{ YAML . 1 }}
{{ else }}
  cpu: 1k
  memory: 1Ti
  pods: 1M
{{ end }}
{{ $nodeInfo := .status.nodeInfo }}
{{ $kwokVersion := printf "kwok-%s" Version }}
nodeInfo:
  architecture: {{ or $nodeInfo.architecture "amd64" }}
  bootID: {{ or $nodeInfo.bootID \`""\` }}
  containerRuntimeVersion: {{ or $nodeInfo.containerRuntimeVersion $kwokVersion }}
  kernelVersion: {{ or $nodeInfo.kernelVersion $kwokVersion }}
  kubeProxyVersion: {{ or $nodeInfo.kubeProxyVersion $kwokVersion }}
  kubeletVersion: {{ or $nodeInfo.kubeletVersion $kwokVersion }}
  machineID: {{ or $nodeInfo.machineID \`""\` }}
  operatingSystem: {{ or $nodeInfo.operatingSystem "linux" }}
  osImage: {{ or $nodeInfo.osImage \`""\` }}
  systemUUID: {{ or $nodeInfo.systemUUID \`""\` }}
phase: Running
`;

const podReady = `{{ $now := Now }}
conditions:
- lastTransitionTime: {{ $now | Quote }}
  status: "True"
  type: Initialized
- lastTransitionTime: {{ $now | Quote }}
  status: "True"
  type: Ready
- lastTransitionTime: {{ $now | Quote }}
  status: "True"
  type: ContainersReady
{{ range .spec.readinessGates }}
- lastTransitionTime: {{ $now | Quote }}
  status: "True"
  type: {{ .conditionType | Quote }}
{{ end }}
containerStatuses:
{{ range .spec.containers }}
- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: true
  restartCount: 0
  started: true
  state:
    running:
      startedAt: {{ $now | Quote }}
{{ end }}
initContainerStatuses:
{{ range .spec.initContainers }}
- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: true
  restartCount: 0
  {{ if eq .restartPolicy "Always" }}
  started: true
  state:
    running:
      startedAt: {{ $now | Quote }}
  {{ else }}
  state:
    terminated:
      exitCode: 0
      finishedAt: {{ $now | Quote }}
      reason: Completed
      startedAt: {{ $now | Quote }}
  {{ end }}
{{ end }}
{{ $hostIPs := NodeIPsWith .spec.nodeName }}
{{ with $hostIPs }}
hostIP: {{ index . 0 | Quote }}
hostIPs:
{{ range . }}
- ip: {{ . | Quote }}
{{ end }}
{{ end }}
{{ $podIPs := PodIPsWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) }}
{{ with $podIPs }}
podIP: {{ index . 0 | Quote }}
podIPs:
{{ range . }}
- ip: {{ . | Quote }}
{{ end }}
{{ end }}
phase: Running
startTime: {{ $now | Quote }}
`;

function podTerminated(exitCode: number, reason: string, phase: string): string {
  return `{{ $now := Now }}
conditions:
- lastTransitionTime: {{ $now | Quote }}
  status: "False"
  type: Ready
  reason: PodCompleted
- lastTransitionTime: {{ $now | Quote }}
  status: "False"
  type: ContainersReady
  reason: PodCompleted
containerStatuses:
{{ range .spec.containers }}
- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: false
  restartCount: 0
  started: false
  state:
    terminated:
      exitCode: ${exitCode}
      finishedAt: {{ $now | Quote }}
      reason: ${reason}
      startedAt: {{ $now | Quote }}
{{ end }}
phase: ${phase}
`;
}

export const stages = [
  stage(
    "node-initialize",
    "Node",
    [
      {
        key: '.status.conditions.[] | select( .type == "Ready" ) | .status',
        operator: "NotIn",
        values: ["True"],
      },
    ],
    { statusTemplate: nodeInitialize },
  ),
  stage(
    "node-heartbeat",
    "Node",
    [
      { key: ".status.phase", operator: "In", values: ["Running"] },
      {
        key: '.status.conditions.[] | select( .type == "Ready" ) | .status',
        operator: "In",
        values: ["True"],
      },
    ],
    { statusTemplate: nodeConditions },
    20_000,
  ),
  stage(
    "pod-ready",
    "Pod",
    [
      notDeleting,
      { key: ".status.phase", operator: "In", values: ["Pending"] },
      {
        key: '.status.conditions.[] | select( .type == "Ready" ) | .status',
        operator: "NotIn",
        values: ["True"],
      },
    ],
    { statusTemplate: podReady },
  ),
  stage(
    "pod-complete-job",
    "Pod",
    [
      notDeleting,
      running,
      notFailing,
      { key: ".metadata.ownerReferences.[].kind", operator: "In", values: ["Job"] },
    ],
    { statusTemplate: podTerminated(0, "Completed", "Succeeded") },
  ),
  stage(
    "pod-complete-helm-test",
    "Pod",
    [
      notDeleting,
      running,
      notFailing,
      { key: '.metadata.annotations["helm.sh/hook"]', operator: "In", values: ["test", "test-success"] },
    ],
    { statusTemplate: podTerminated(0, "Completed", "Succeeded") },
  ),
  stage(
    "pod-fail",
    "Pod",
    [
      notDeleting,
      running,
      { key: `.metadata.annotations["${FAIL_ANNOTATION}"]`, operator: "In", values: [FAIL_VALUE] },
    ],
    { statusTemplate: podTerminated(1, "Error", "Failed") },
  ),
  stage("pod-delete", "Pod", [{ key: ".metadata.deletionTimestamp", operator: "Exists" }], { delete: true }),
];
