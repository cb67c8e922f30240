import { describe, expect, it } from "vitest";
import {
  firstDifference,
  formatPath,
  type ObjectLike,
  predictImmutableChanges,
  quantityBytes,
} from "../../src/upgrade/immutable.js";

const deploy = (labels: Record<string, string>, replicas = 1): ObjectLike => ({
  kind: "Deployment",
  name: "web",
  doc: { spec: { replicas, selector: { matchLabels: labels } } },
});
const sts = (spec: Record<string, unknown>): ObjectLike => ({
  kind: "StatefulSet",
  name: "db",
  doc: { spec },
});
const job = (image: string): ObjectLike => ({
  kind: "Job",
  name: "migrate",
  doc: { spec: { template: { spec: { containers: [{ name: "m", image }] } } } },
});
const hook = (o: ObjectLike): ObjectLike => ({
  ...o,
  doc: { ...o.doc, metadata: { annotations: { "helm.sh/hook": "pre-upgrade" } } },
});
const pvc = (spec: Record<string, unknown>): ObjectLike => ({
  kind: "PersistentVolumeClaim",
  name: "data",
  doc: { spec },
});
const cm = (doc: Record<string, unknown>): ObjectLike => ({ kind: "ConfigMap", name: "cfg", doc });
const rb = (role: string): ObjectLike => ({
  kind: "RoleBinding",
  name: "rb",
  doc: { roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role } },
});
const svc = (clusterIP?: string): ObjectLike => ({
  kind: "Service",
  name: "api",
  doc: { spec: clusterIP ? { clusterIP } : {} },
});

describe("predictImmutableChanges", () => {
  it.each([
    {
      name: "a Deployment selector change",
      before: [deploy({ app: "a" })],
      after: [deploy({ app: "b" })],
      want: ["Deployment/web spec.selector"],
    },
    {
      name: "replicas only (mutable)",
      before: [deploy({ app: "a" }, 1)],
      after: [deploy({ app: "a" }, 3)],
      want: [],
    },
    {
      name: "a chart version label in StatefulSet claim templates (floe's own bug)",
      before: [sts({ volumeClaimTemplates: [{ metadata: { labels: { chart: "x-1.0.0" } } }] })],
      after: [sts({ volumeClaimTemplates: [{ metadata: { labels: { chart: "x-1.1.0" } } }] })],
      want: ["StatefulSet/db spec.volumeClaimTemplates"],
    },
    {
      name: "a StatefulSet serviceName change",
      before: [sts({ serviceName: "db-hl" })],
      after: [sts({ serviceName: "db" })],
      want: ["StatefulSet/db spec.serviceName"],
    },
    {
      name: "a Job template change",
      before: [job("m:1")],
      after: [job("m:2")],
      want: ["Job/migrate spec.template"],
    },
    { name: "a Service clusterIP left to the API server", before: [svc()], after: [svc()], want: [] },
    {
      name: "a pinned Service clusterIP change",
      before: [svc("10.0.0.1")],
      after: [svc("10.0.0.2")],
      want: ["Service/api spec.clusterIP"],
    },
    { name: "a new object (created, not updated)", before: [], after: [deploy({ app: "b" })], want: [] },
    {
      name: "the same name in another namespace is another object",
      before: [{ ...deploy({ app: "a" }), namespace: "one" }],
      after: [{ ...deploy({ app: "b" }), namespace: "two" }],
      want: [],
    },
    {
      name: "claim templates added to an existing StatefulSet (absent means none)",
      before: [sts({ serviceName: "db" })],
      after: [sts({ serviceName: "db", volumeClaimTemplates: [{ metadata: { name: "data" } }] })],
      want: ["StatefulSet/db spec.volumeClaimTemplates"],
    },
    {
      name: "podManagementPolicy spelled out as its default",
      before: [sts({})],
      after: [sts({ podManagementPolicy: "OrderedReady" })],
      want: [],
    },
    {
      name: "podManagementPolicy changed from the default",
      before: [sts({})],
      after: [sts({ podManagementPolicy: "Parallel" })],
      want: ["StatefulSet/db spec.podManagementPolicy"],
    },
    {
      name: "a Job that is a helm hook (recreated, never patched)",
      before: [hook(job("m:1"))],
      after: [hook(job("m:2"))],
      want: [],
    },
    {
      name: "a PVC that grows (allowed)",
      before: [pvc({ resources: { requests: { storage: "1Gi" } } })],
      after: [pvc({ resources: { requests: { storage: "2Gi" } } })],
      want: [],
    },
    {
      name: "a PVC that shrinks",
      before: [pvc({ resources: { requests: { storage: "2Gi" } } })],
      after: [pvc({ resources: { requests: { storage: "1500Mi" } } })],
      want: ["PersistentVolumeClaim/data spec.resources.requests.storage"],
    },
    {
      name: "a PVC storage class change",
      before: [pvc({ storageClassName: "a" })],
      after: [pvc({ storageClassName: "b" })],
      want: ["PersistentVolumeClaim/data spec.storageClassName"],
    },
    {
      name: "an immutable ConfigMap's data change",
      before: [cm({ immutable: true, data: { a: "1" } })],
      after: [cm({ immutable: true, data: { a: "2" } })],
      want: ["ConfigMap/cfg data"],
    },
    {
      name: "a mutable ConfigMap's data change",
      before: [cm({ data: { a: "1" } })],
      after: [cm({ data: { a: "2" } })],
      want: [],
    },
    {
      name: "a RoleBinding pointed at another Role",
      before: [rb("reader")],
      after: [rb("writer")],
      want: ["RoleBinding/rb roleRef"],
    },
  ])("$name", ({ before, after, want }) => {
    expect(predictImmutableChanges(before, after).map((c) => `${c.object} ${c.field}`)).toEqual(want);
  });

  it("says what changes and what the API server will answer", () => {
    const [c] = predictImmutableChanges([deploy({ app: "a" })], [deploy({ app: "b" })]);
    expect(c?.message).toBe(
      'Deployment/web: spec.selector is immutable and would change from {"matchLabels":{"app":"a"}} to {"matchLabels":{"app":"b"}}: the API server will refuse the upgrade ("field is immutable"); keep selectors to labels that never change (name, instance: not the chart version), or rename the object or delete it first',
    );
  });

  it("names the first differing place inside a large field", () => {
    const labels = (v: string) => ({ chart: v, "app.kubernetes.io/name": "x".repeat(120) });
    const tpl = (v: string) => [
      { metadata: { name: "data", labels: labels(v) }, spec: { accessModes: ["ReadWriteOnce"] } },
    ];
    const [c] = predictImmutableChanges(
      [sts({ volumeClaimTemplates: tpl("x-1.0.0") })],
      [sts({ volumeClaimTemplates: tpl("x-1.1.0") })],
    );
    expect(c?.path).toEqual(["spec", "volumeClaimTemplates", 0, "metadata", "labels", "chart"]);
    expect(c?.message).toContain(
      'spec.volumeClaimTemplates is immutable and would change at spec.volumeClaimTemplates[0].metadata.labels.chart from "x-1.0.0" to "x-1.1.0"',
    );
  });
});

describe("helpers", () => {
  it.each([
    { a: { x: 1, y: 2 }, b: { x: 1, y: 3 }, want: ["y"] },
    { a: [1, 2], b: [1, 2, 3], want: [2] },
    { a: { l: [{ k: "a" }] }, b: { l: [{ k: "b" }] }, want: ["l", 0, "k"] },
    { a: "a", b: "b", want: [] },
  ])("firstDifference($a, $b) = $want", ({ a, b, want }) => {
    expect(firstDifference(a, b)).toEqual(want);
  });

  it.each([
    [["spec", "volumeClaimTemplates", 0, "metadata"], "spec.volumeClaimTemplates[0].metadata"],
    [["metadata", "labels", "helm.sh/chart"], 'metadata.labels["helm.sh/chart"]'],
    [["data", "app-key_1"], "data.app-key_1"],
  ])("formatPath(%j) = %s", (p, want) => {
    expect(formatPath(p)).toBe(want);
  });

  it.each([
    ["1Gi", 2 ** 30],
    ["1500Mi", 1500 * 2 ** 20],
    ["1G", 1e9],
    ["100", 100],
    ["lots", undefined],
  ])("quantityBytes(%s)", (q, want) => {
    expect(quantityBytes(q)).toBe(want);
  });
});
