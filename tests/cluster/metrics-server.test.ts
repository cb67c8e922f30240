// `cluster up --provider kind --metrics-server`'s objects (src/cluster/kind/metrics-server.ts): metrics-server
// v0.8.0's own manifests/base with kind's --kubelet-insecure-tls, restricted security, the image as given. Real
// kind runs them in tests/cluster/kind-e2e.test.ts (the HPA check reads CPU from them).

import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import {
  METRICS_API,
  metricsServerManifest,
  waitMetricsApiArgv,
} from "../../src/cluster/kind/metrics-server.js";
import { pins } from "../../src/tools/pins.js";

interface Obj {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: { template?: { spec: { containers: Array<Record<string, unknown>> } } };
}

describe("metrics-server on kind", () => {
  it("the objects of its manifests/base, in kube-system, with the image and pull policy given", () => {
    const objs = parseAllDocuments(metricsServerManifest("floe.local/metrics-server:v0.8.0", "Never")).map(
      (d) => d.toJS() as Obj,
    );
    expect(
      objs.map(
        (o) => `${o.kind}/${o.metadata.name}${o.metadata.namespace ? ` ${o.metadata.namespace}` : ""}`,
      ),
    ).toEqual([
      "ServiceAccount/metrics-server kube-system",
      "ClusterRole/system:aggregated-metrics-reader",
      "ClusterRole/system:metrics-server",
      "RoleBinding/metrics-server-auth-reader kube-system",
      "ClusterRoleBinding/metrics-server:system:auth-delegator",
      "ClusterRoleBinding/system:metrics-server",
      "Service/metrics-server kube-system",
      "Deployment/metrics-server kube-system",
      `APIService/${METRICS_API}`,
    ]);
    const c = objs.find((o) => o.kind === "Deployment")!.spec!.template!.spec.containers[0]!;
    expect([c.image, c.imagePullPolicy]).toEqual(["floe.local/metrics-server:v0.8.0", "Never"]);
    expect(c.args).toContain("--kubelet-insecure-tls");
    expect(c.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ["ALL"] },
    });
  });

  it("defaults to the pinned upstream image, pulled by the node; waits on the APIService", () => {
    expect(pins.metricsServerImage).toBe("registry.k8s.io/metrics-server/metrics-server:v0.8.0");
    expect(metricsServerManifest(pins.metricsServerImage)).toContain("imagePullPolicy: IfNotPresent");
    expect(waitMetricsApiArgv("kubectl", "/k", 180)).toEqual([
      "kubectl",
      "--kubeconfig",
      "/k",
      "wait",
      "--for=condition=Available",
      "apiservice/v1beta1.metrics.k8s.io",
      "--timeout=180s",
    ]);
  });
});
