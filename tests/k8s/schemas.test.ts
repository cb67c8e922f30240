import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { UserError } from "../../src/core/errors.js";
import {
  ACCEPT_VALIDATED,
  ensureKubeconformDir,
  KUBESEC_KINDS,
  kubeconformFileName,
  kubeconformVersionDir,
} from "../../src/k8s/kubeconform-dir.js";
import {
  availableKubeVersions,
  defaultKubeVersion,
  KubeValidator,
  kubeMinor,
  loadKubeSchemas,
  withoutNulls,
} from "../../src/k8s/schemas.js";
import { pins } from "../../src/tools/pins.js";
import { tempDir } from "../helpers/tmp.js";

test("the default --kube-version is the minor of the pinned kind node image, and its schemas are committed", () => {
  expect(defaultKubeVersion()).toBe(/:v(\d+\.\d+)\./.exec(pins.kindNodeImage)![1]);
  expect(availableKubeVersions()).toContain(defaultKubeVersion());
  const s = loadKubeSchemas(defaultKubeVersion());
  expect(s.kubernetesVersion).toMatch(new RegExp(`^v${defaultKubeVersion().replace(".", "\\.")}\\.\\d+$`));
  expect(s.source).toMatch(/^k8s\.io\/kubernetes@v1\.\d+\.\d+ api\/openapi-spec\/v3/);
});

test.each([
  ["1.37", "1.37"],
  ["v1.37", "1.37"],
  ["1.37.2", "1.37"],
  [" v1.36.0 ", "1.36"],
])("kubeMinor(%j) = %s", (input, minor) => {
  expect(kubeMinor(input)).toBe(minor);
});

test.each(["", "1", "latest", "1.x", "v1.37.0-rc.1"])("kubeMinor(%j) is a usage error", (input) => {
  expect(() => kubeMinor(input)).toThrow(UserError);
});

test.each([
  ["v1", "Pod", true],
  ["apps/v1", "Deployment", true],
  ["batch/v1", "CronJob", true],
  ["networking.k8s.io/v1", "NetworkPolicy", true],
  ["policy/v1", "PodDisruptionBudget", true],
  ["autoscaling/v2", "HorizontalPodAutoscaler", true],
  ["extensions/v1beta1", "Ingress", false],
  ["policy/v1beta1", "PodSecurityPolicy", false],
  ["external-secrets.io/v1", "ExternalSecret", false],
])("%s %s known: %s", (apiVersion, kind, known) => {
  const v = new KubeValidator(loadKubeSchemas("1.37"));
  expect(v.knows(apiVersion, kind)).toBe(known);
});

test.each([
  [{ metadata: { name: "x", labels: null }, data: { a: "b" } }, []],
  [{ metadata: { name: "x" }, data: { a: 1 } }, ["/data/a type"]],
  [{ metadata: { name: "x" }, datum: {} }, ["additionalProperties datum"]],
  // status is the controllers' business: accepted as any object, not compiled.
  [
    { kind: "Pod", metadata: { name: "x" }, spec: { containers: [] }, status: { phase: 1, whatever: true } },
    [],
  ],
])("strict validation of %j (ConfigMap unless said)", (doc, errors) => {
  const v = new KubeValidator(loadKubeSchemas("1.37"));
  const res = v.validate({ apiVersion: "v1", kind: "ConfigMap", ...doc })!;
  expect(
    res.map((e) =>
      e.keyword === "additionalProperties"
        ? `additionalProperties ${(e.params as { additionalProperty: string }).additionalProperty}`
        : `${e.instancePath} ${e.keyword}`,
    ),
  ).toEqual(errors);
});

test("null fields count as absent (the API server drops them), list items stay", () => {
  expect(withoutNulls({ a: null, b: { c: null, d: 1 }, e: [null, { f: null }] })).toEqual({
    b: { d: 1 },
    e: [null, {}],
  });
});

test("parts without a null field are shared, not copied, and the input is never changed", () => {
  const clean = { spec: { containers: [{ name: "a", ports: [{ port: 1 }] }] }, kind: "Pod" };
  expect(withoutNulls(clean)).toBe(clean);
  const input = { a: 1, b: { c: null, d: [1, { e: null, f: 2 }] }, g: { h: [3] } };
  const before = structuredClone(input);
  const out = withoutNulls(input) as typeof input;
  expect(out).toEqual({ a: 1, b: { d: [1, { f: 2 }] }, g: { h: [3] } });
  expect(input).toEqual(before);
  expect(out).not.toBe(input);
  expect(out.g).toBe(input.g);
  expect(out.b.d[0]).toBe(1);
  // Key order is kept when a copy is made.
  expect(Object.keys(withoutNulls({ x: 1, y: null, z: 2 }) as object)).toEqual(["x", "z"]);
});

test.each([
  ["v1", "Pod", "pod-v1.json"],
  ["apps/v1", "Deployment", "deployment-apps-v1.json"],
  ["networking.k8s.io/v1", "NetworkPolicy", "networkpolicy-networking-v1.json"],
])("kubeconform file name of %s %s is %s", (apiVersion, kind, file) => {
  expect(kubeconformFileName(apiVersion, kind)).toBe(file);
});

test("the kubeconform folder for kubesec holds the kinds kubesec scores, accepting any object, written once", () => {
  const base = tempDir("floe-kc-");
  const schemas = loadKubeSchemas("1.37");
  const dir = ensureKubeconformDir(schemas, base);
  expect(ensureKubeconformDir(schemas, base)).toBe(dir);
  const versionDir = path.join(dir, kubeconformVersionDir(schemas.kubernetesVersion));
  expect(readdirSync(versionDir).sort()).toEqual(
    KUBESEC_KINDS.map((k) => kubeconformFileName(k.apiVersion, k.kind)).sort(),
  );
  // Accept-anything schemas: kubesec is sent only objects the gate's own validator has passed.
  for (const f of readdirSync(versionDir))
    expect(readFileSync(path.join(versionDir, f), "utf8")).toBe(ACCEPT_VALIDATED);
  expect(readdirSync(base).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  expect(existsSync(versionDir)).toBe(true);
});
