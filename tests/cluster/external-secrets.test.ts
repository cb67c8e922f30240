// `cluster up --provider kind --external-secrets`'s objects and argv (src/cluster/kind/external-secrets.ts): the
// controller of the External Secrets Operator in its own namespace under the restricted Pod Security Standard,
// the upstream chart's RBAC for the three kinds it reconciles, the CRDs read out of the image and applied
// server-side. Real kind runs them in tests/cluster/kind-e2e.test.ts (the GAP-006 check); the image's CRDs are
// read by tests/images/images.test.ts.
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import {
  applyCrdsArgv,
  crdNames,
  crdsFromImageArgv,
  ESO_CRDS,
  ESO_IMAGE,
  externalSecretsManifest,
  waitControllerArgv,
  waitCrdsArgv,
} from "../../src/cluster/kind/external-secrets.js";

interface Obj {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  rules?: Array<{ apiGroups: string[]; resources: string[]; verbs: string[] }>;
  spec?: {
    template?: {
      spec: { securityContext?: Record<string, unknown>; containers: Array<Record<string, unknown>> };
    };
  };
}

describe("the External Secrets Operator on kind", () => {
  const objs = parseAllDocuments(externalSecretsManifest(ESO_IMAGE, "Never")).map((d) => d.toJS() as Obj);

  it("its namespace (restricted PSS enforced), service account, RBAC and Deployment, with the image and pull policy given", () => {
    expect(
      objs.map(
        (o) => `${o.kind}/${o.metadata.name}${o.metadata.namespace ? ` ${o.metadata.namespace}` : ""}`,
      ),
    ).toEqual([
      "Namespace/external-secrets",
      "ServiceAccount/external-secrets external-secrets",
      "ClusterRole/external-secrets-controller",
      "ClusterRoleBinding/external-secrets-controller",
      "Deployment/external-secrets external-secrets",
    ]);
    expect(objs[0]!.metadata.labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "restricted" });
    const pod = objs.find((o) => o.kind === "Deployment")!.spec!.template!.spec;
    const c = pod.containers[0]!;
    expect([c.image, c.imagePullPolicy]).toEqual(["floe.local/external-secrets:v0.16.2", "Never"]);
    // What the restricted standard demands, as the upstream chart sets it.
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
    expect(c.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 1000,
      seccompProfile: { type: "RuntimeDefault" },
    });
  });

  it("may write Secrets and the three kinds' status, nothing of push secrets or generators", () => {
    const rules = objs.find((o) => o.kind === "ClusterRole")!.rules!;
    const can = (group: string, resource: string, verb: string) =>
      rules.some(
        (r) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes(verb),
      );
    expect(can("", "secrets", "create")).toBe(true);
    expect(can("", "secrets", "watch")).toBe(true);
    expect(can("external-secrets.io", "externalsecrets/status", "update")).toBe(true);
    expect(can("external-secrets.io", "clustersecretstores", "list")).toBe(true);
    expect(rules.flatMap((r) => r.resources).filter((x) => /push|generator/.test(x))).toEqual([]);
  });

  it("the CRDs come out of the image (no network) and go in server-side; the waits name each", () => {
    expect(crdsFromImageArgv("docker", ESO_IMAGE).slice(0, 8)).toEqual([
      "docker",
      "run",
      "--rm",
      "--network",
      "none",
      "--entrypoint",
      "/bin/sh",
      ESO_IMAGE,
    ]);
    expect(applyCrdsArgv("kubectl", "/k")).toEqual([
      "kubectl",
      "--kubeconfig",
      "/k",
      "apply",
      "--server-side",
      "--force-conflicts",
      "-f",
      "-",
    ]);
    expect(waitCrdsArgv("kubectl", "/k", 60)).toEqual([
      "kubectl",
      "--kubeconfig",
      "/k",
      "wait",
      "--for=condition=Established",
      ...ESO_CRDS.map((n) => `crd/${n}`),
      "--timeout=60s",
    ]);
    expect(waitControllerArgv("kubectl", "/k", 180).slice(3)).toEqual([
      "--namespace",
      "external-secrets",
      "wait",
      "--for=condition=Available",
      "deployment/external-secrets",
      "--timeout=180s",
    ]);
  });

  it("crdNames: the CustomResourceDefinitions of a multi-document YAML, nothing else", () => {
    const text = [
      "---",
      "apiVersion: apiextensions.k8s.io/v1",
      "kind: CustomResourceDefinition",
      "metadata: {name: secretstores.external-secrets.io}",
      "---",
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata: {name: x}",
      "---",
    ].join("\n");
    expect(crdNames(text)).toEqual(["secretstores.external-secrets.io"]);
    expect(crdNames("")).toEqual([]);
  });
});
