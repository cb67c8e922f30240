import { describe, expect, it } from "vitest";
import { type ObjectLike, predictImmutableChanges } from "../../src/upgrade/immutable.js";

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
  ])("$name", ({ before, after, want }) => {
    expect(predictImmutableChanges(before, after).map((c) => `${c.object} ${c.field}`)).toEqual(want);
  });

  it("says what changes and what the API server will answer", () => {
    const [c] = predictImmutableChanges([deploy({ app: "a" })], [deploy({ app: "b" })]);
    expect(c?.message).toBe(
      'Deployment/web: spec.selector is immutable and would change from {"matchLabels":{"app":"a"}} to {"matchLabels":{"app":"b"}}: the API server will refuse the upgrade ("field is immutable"); rename the object or delete it first',
    );
  });
});
