// The T120 NetworkPolicy check's pure parts (src/e2e/checks/netpol-probe.ts): label selectors, which policies
// guard a pod and which client labels they let in (on the policies the kind-local platform really renders:
// helm template with the real helm), the probe pods and probe argv, what curl's output says, and a policy as it
// is created again. The check itself runs on real kind in tests/cluster/kind-e2e.test.ts.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import {
  allowedClientLabels,
  canonical,
  type NetworkPolicy,
  podPort,
  policiesGuarding,
  probePodManifest,
  probeResult,
  restorable,
  restoreDifferences,
  selects,
  tcpProbeArgv,
} from "../../src/e2e/checks/netpol-probe.js";
import { check, DEFAULT_PROBE_IMAGE, probeImage } from "../../src/e2e/checks/network-policy.js";
import { runTool } from "../../src/exec/runner.js";
import { helm, repoRoot } from "../helpers/tools.js";

async function policies(...values: string[]): Promise<NetworkPolicy[]> {
  const r = await runTool(
    [
      ...[helm(4), "template", "floe-platform", path.join(repoRoot, "charts", "floe-platform")],
      ...values.flatMap((v) => ["--values", path.join(repoRoot, v)]),
    ],
    { timeoutMs: 60_000 },
  );
  expect(r.code, r.stderr).toBe(0);
  return parseAllDocuments(r.stdout)
    .map((d) => d.toJS() as { kind?: string } | null)
    .filter((o): o is NetworkPolicy => o?.kind === "NetworkPolicy");
}
const POSTGRES = {
  "app.kubernetes.io/name": "floe-platform",
  "app.kubernetes.io/instance": "floe-platform",
  "app.kubernetes.io/component": "postgresql",
};

describe("label selectors (Kubernetes semantics)", () => {
  const l = { a: "1", b: "2" };
  it.each([
    ["empty selector selects every pod", {}, true],
    ["matchLabels all present", { matchLabels: { a: "1" } }, true],
    ["matchLabels value differs", { matchLabels: { a: "2" } }, false],
    ["matchLabels key missing", { matchLabels: { c: "1" } }, false],
    ["In", { matchExpressions: [{ key: "a", operator: "In", values: ["0", "1"] }] }, true],
    ["In, not listed", { matchExpressions: [{ key: "a", operator: "In", values: ["0"] }] }, false],
    ["NotIn, key missing", { matchExpressions: [{ key: "c", operator: "NotIn", values: ["1"] }] }, true],
    ["NotIn, listed", { matchExpressions: [{ key: "a", operator: "NotIn", values: ["1"] }] }, false],
    ["Exists", { matchExpressions: [{ key: "b", operator: "Exists" }] }, true],
    ["DoesNotExist", { matchExpressions: [{ key: "b", operator: "DoesNotExist" }] }, false],
    ["unknown operator selects nothing", { matchExpressions: [{ key: "a", operator: "Gt" }] }, false],
  ])("%s", (_name, sel, want) => {
    expect(selects(sel, l)).toBe(want);
  });
});

describe("the policies guarding the platform's PostgreSQL, as the kind-local platform renders them", () => {
  it("are the default deny and PostgreSQL's own; the data product's label (clientPodLabels) is the client let in", async () => {
    const all = await policies(
      "charts/floe-platform/values-test.yaml",
      "scenarios/kind-local/floe-platform.yaml",
    );
    const guarding = policiesGuarding(all, POSTGRES);
    expect(guarding.map((p) => p.metadata.name)).toEqual([
      "floe-platform-default-deny",
      "floe-platform-postgresql-np",
    ]);
    expect(allowedClientLabels(guarding, 5432)).toEqual({
      labels: { "app.kubernetes.io/name": "floe-jobs" },
      policy: "floe-platform-postgresql-np",
    });
    // No rule lets anyone in to a port PostgreSQL does not serve; a pod without labels is named by none.
    expect(allowedClientLabels(guarding, 5433)).toBeUndefined();
    expect(guarding.some((p) => (p.spec.ingress ?? []).some((r) => !r.from?.length))).toBe(false);
  });

  it("without clientPodLabels (values-test.yaml alone) the client is one of the platform's own components", async () => {
    const guarding = policiesGuarding(await policies("charts/floe-platform/values-test.yaml"), POSTGRES);
    expect(allowedClientLabels(guarding, 5432)).toEqual({
      labels: {
        "app.kubernetes.io/name": "floe-platform",
        "app.kubernetes.io/instance": "floe-platform",
        "app.kubernetes.io/component": "dagster-daemon",
      },
      policy: "floe-platform-postgresql-np",
    });
  });

  it("with NetworkPolicies off (the chart's defaults) nothing guards it", async () => {
    expect(policiesGuarding(await policies(), POSTGRES)).toEqual([]);
  });

  it("an egress-only policy does not guard a pod's ingress; namespace and ipBlock peers name no client pod", () => {
    const p = (name: string, spec: NetworkPolicy["spec"]): NetworkPolicy => ({ metadata: { name }, spec });
    const egress = p("egress-only", { podSelector: {}, policyTypes: ["Egress"] });
    const peers = p("peers", {
      podSelector: {},
      ingress: [
        { from: [{ namespaceSelector: {}, podSelector: { matchLabels: { x: "1" } } }] },
        { from: [{ ipBlock: { cidr: "10.0.0.0/8" } }] },
        { from: [{ podSelector: {} }] },
        { from: [{ podSelector: { matchLabels: { x: "1" } } }], ports: [{ protocol: "UDP", port: 5432 }] },
      ],
    });
    expect(policiesGuarding([egress, peers], {}).map((q) => q.metadata.name)).toEqual(["peers"]);
    expect(allowedClientLabels([peers], 5432)).toBeUndefined();
  });
});

describe("the pod port behind a Service port (what NetworkPolicies match)", () => {
  const containers = [
    { ports: [{ name: "http", containerPort: 8080 }] },
    { ports: [{ name: "metrics", containerPort: 9090 }] },
    {},
  ];
  it.each([
    ["a numeric targetPort", { port: 80, targetPort: 8080 }, 8080],
    ["a named targetPort, from the container that declares it", { port: 80, targetPort: "metrics" }, 9090],
    ["no targetPort: the Service port (the API server's default)", { port: 5432 }, 5432],
    ["a name no container declares: the Service port", { port: 80, targetPort: "grpc" }, 80],
  ])("%s", (_, svcPort, expected) => {
    expect(podPort(svcPort, containers)).toBe(expected);
  });
});

describe("a deleted policy, created again", () => {
  const live: NetworkPolicy = {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: {
      name: "floe-platform-postgresql-np",
      namespace: "floe-e2e",
      uid: "0b6f",
      resourceVersion: "1234",
      generation: 1,
      creationTimestamp: "2026-12-02T07:00:00Z",
      managedFields: [{ manager: "helm" }],
      labels: { "app.kubernetes.io/managed-by": "Helm" },
      annotations: { "meta.helm.sh/release-name": "floe-platform" },
    },
    spec: { podSelector: { matchLabels: { a: "1" } }, policyTypes: ["Ingress"] },
  };
  it("keeps name, namespace, labels, annotations (helm's ownership) and spec, and no server-set field", () => {
    expect(restorable(live)).toEqual({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: {
        name: "floe-platform-postgresql-np",
        namespace: "floe-e2e",
        labels: { "app.kubernetes.io/managed-by": "Helm" },
        annotations: { "meta.helm.sh/release-name": "floe-platform" },
      },
      spec: live.spec,
    });
  });
  it.each([
    [
      "the same object again (new uid and version)",
      { ...live, metadata: { ...live.metadata, uid: "x", resourceVersion: "9" } },
      [],
    ],
    ["not there", undefined, ["floe-platform-postgresql-np: not found"]],
    [
      "another spec",
      { ...live, spec: { podSelector: {}, policyTypes: ["Ingress"] } },
      ["floe-platform-postgresql-np: spec differs"],
    ],
    [
      "an annotation lost",
      { ...live, metadata: { ...live.metadata, annotations: {} } },
      ["floe-platform-postgresql-np: metadata.annotations differ"],
    ],
  ])("compared with the saved one: %s", (_name, found, want) => {
    expect(restoreDifferences(live, found as NetworkPolicy | undefined)).toEqual(want);
  });
  it("canonical JSON ignores key order", () => {
    expect(canonical({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      canonical({ a: { c: [3, { e: 2, f: 1 }], d: 2 }, b: 1 }),
    );
  });
});

describe("probe pods and the probe", () => {
  const image = { image: "floe.local/curl:7.88.1", pullPolicy: "Never" as const };
  it("a probe pod: exactly the given labels (none: no labels key), restricted PSS, resources, bounded life", () => {
    const m = probePodManifest({ name: "p", namespace: "ns", labels: {}, image, lifetimeSeconds: 300 });
    expect(m.metadata).toEqual({ name: "p", namespace: "ns" });
    expect(m.spec.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 100,
      runAsGroup: 101,
      seccompProfile: { type: "RuntimeDefault" },
    });
    const c = m.spec.containers[0]!;
    expect(c.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ["ALL"] },
    });
    expect(c.resources.limits).toEqual({ cpu: "100m", memory: "64Mi" });
    expect([c.image, c.imagePullPolicy, c.command]).toEqual([
      "floe.local/curl:7.88.1",
      "Never",
      ["sleep", "300"],
    ]);
    expect(m.spec.activeDeadlineSeconds).toBe(300);
    expect(m.spec.automountServiceAccountToken).toBe(false);
    const labelled = probePodManifest({
      name: "p",
      namespace: "ns",
      labels: { a: "1" },
      image,
      lifetimeSeconds: 1,
    });
    expect(labelled.metadata.labels).toEqual({ a: "1" });
  });

  it("the probe: curl's telnet:// in the pod, verbose, bounded", () => {
    expect(tcpProbeArgv("p", "floe-platform-postgresql", 5432, 5)).toEqual([
      ...["exec", "p", "--", "curl", "-sS", "-v", "--connect-timeout", "5", "--max-time", "6"],
      "telnet://floe-platform-postgresql:5432",
    ]);
  });

  // curl 7.88.1's output (floe.local/curl) as kubectl exec returns it, recorded by the check on real kind
  // (t120-probes.log of tests/cluster/kind-e2e.test.ts; kube-router turns a denied pod away with a
  // refusal), except where said.
  it.each([
    [
      "connected (recorded; then curl's --max-time, as PostgreSQL waits for the client)",
      28,
      "*   Trying 10.96.101.73:5432...\n* Connected to floe-platform-postgresql (10.96.101.73) port 5432 (#0)\n* Time-out\n* Closing connection 0\ncurl: (28) Time-out\ncommand terminated with exit code 28\n",
      {
        outcome: "connected",
        said: "* Connected to floe-platform-postgresql (10.96.101.73) port 5432 (#0); curl: (28) Time-out",
      },
    ],
    [
      "refused (recorded: the unlabelled pod under the policies)",
      7,
      "*   Trying 10.96.101.73:5432...\n* connect to 10.96.101.73 port 5432 failed: Connection refused\n* Failed to connect to floe-platform-postgresql port 5432 after 67 ms: Couldn't connect to server\n* Closing connection 0\ncurl: (7) Failed to connect to floe-platform-postgresql port 5432 after 67 ms: Couldn't connect to server\ncommand terminated with exit code 7\n",
      {
        outcome: "refused",
        said: "* connect to 10.96.101.73 port 5432 failed: Connection refused; * Failed to connect to floe-platform-postgresql port 5432 after 67 ms: Couldn't connect to server; curl: (7) Failed to connect to floe-platform-postgresql port 5432 after 67 ms: Couldn't connect to server",
      },
    ],
    [
      "timed out (curl's words for a dropped connection, as a policy that drops would make it: not recorded here)",
      28,
      "*   Trying 10.96.101.73:5432...\n* Connection timed out after 5001 milliseconds\n* Closing connection 0\ncurl: (28) Connection timed out after 5001 milliseconds\ncommand terminated with exit code 28\n",
      {
        outcome: "timed out",
        said: "* Connection timed out after 5001 milliseconds; curl: (28) Connection timed out after 5001 milliseconds",
      },
    ],
    [
      "a name that does not resolve is no denial",
      6,
      "* Could not resolve host: nowhere\n* Closing connection 0\ncurl: (6) Could not resolve host: nowhere",
      { outcome: "error", said: "exit 6: curl: (6) Could not resolve host: nowhere" },
    ],
    [
      "kubectl exec could not run it",
      1,
      'error: unable to upgrade connection: container not found ("probe")',
      {
        outcome: "error",
        said: 'exit 1: error: unable to upgrade connection: container not found ("probe")',
      },
    ],
  ])("what a probe saw: %s", (_name, code, output, want) => {
    expect(probeResult(code, output)).toEqual(want);
  });

  it("the probe image: the local lane's curl, never pulled; or the one the runner names", () => {
    expect(probeImage({})).toEqual({ image: DEFAULT_PROBE_IMAGE, pullPolicy: "Never" });
    expect(probeImage({ probeImage: "docker.io/curlimages/curl:8.11.1" })).toEqual({
      image: "docker.io/curlimages/curl:8.11.1",
      pullPolicy: "IfNotPresent",
    });
  });

  it("the check's id and what it covers", () => {
    expect([check.id, check.covers]).toEqual(["T120 network-policy", ["T120", "GAP-005"]]);
  });
});
