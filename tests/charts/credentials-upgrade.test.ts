// Generated credentials survive upgrades: the chart looks up the live Secret and reuses its values. Real:
// helm 3 and helm 4 `install` then `upgrade` the chart on a real API server (the kwok control plane of
// tests/helpers/cluster.ts, whose simulated kubelet completes the chart's hook Jobs); the Secrets are read
// back with kubectl. A key that an earlier chart version did not write is removed from the live Secret
// before the upgrade: the upgrade generates it and keeps every other value.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterDown, clusterUp, type TestCluster } from "../helpers/cluster.js";
import { tempDir } from "../helpers/tmp.js";
import { type Major, majors, nm, RELEASE, runHelm } from "./chart.js";

type Secrets = Record<string, Record<string, string>>;

const decode = (v: string) => Buffer.from(v, "base64").toString();

// CloudNativePG's Cluster kind, so a release with postgresql.mode: cnpg installs (its operator is not
// needed: only the basic-auth Secrets the chart renders for it are checked).
const cnpgCrd = JSON.stringify({
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "clusters.postgresql.cnpg.io" },
  spec: {
    group: "postgresql.cnpg.io",
    scope: "Namespaced",
    names: { kind: "Cluster", plural: "clusters", singular: "cluster", listKind: "ClusterList" },
    versions: [
      {
        name: "v1",
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } },
      },
    ],
  },
});

let c: TestCluster | undefined;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  c = await clusterUp();
  const home = tempDir("floe-creds-helm-");
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    KUBECONFIG: c.kubeconfig,
    HELM_CACHE_HOME: path.join(home, "cache"),
    HELM_CONFIG_HOME: path.join(home, "config"),
    HELM_DATA_HOME: path.join(home, "data"),
  };
  const crd = await c.kubectlIn(cnpgCrd, "apply", "-f", "-");
  expect(crd.code, crd.stderr).toBe(0);
  const ready = await c.kubectl("wait", "--for=condition=Established", "crd/clusters.postgresql.cnpg.io");
  expect(ready.code, ready.stderr).toBe(0);
}, 300_000);
afterAll(async () => {
  await clusterDown(c);
});

async function helm(major: Major, args: string[]) {
  const r = await runHelm(major, args, env);
  expect(r.code, `helm ${major} ${args.join(" ")}:\n${r.stderr}`).toBe(0);
}

/** The release's Secrets in `ns`, as the API server holds them (base64 values). */
async function liveSecrets(ns: string): Promise<Secrets> {
  const r = await c!.kubectl("get", "secrets", "-n", ns, "-o", "json");
  expect(r.code, r.stderr).toBe(0);
  const items = (
    JSON.parse(r.stdout) as { items: Array<{ metadata: { name: string }; data?: Record<string, string> }> }
  ).items;
  return Object.fromEntries(
    items
      .filter((s) => s.metadata.name.startsWith(`${RELEASE}-`))
      .map((s) => [s.metadata.name, s.data ?? {}]),
  );
}

describe.each(majors)("generated credentials across a real helm %i upgrade (kwok API server)", (major) => {
  it("the upgrade keeps every value of the live Secrets and generates only a key they lack", async () => {
    const ns = `creds-helm${major}`;
    await helm(major, ["install", RELEASE, ".", "--namespace", ns, "--create-namespace"]);
    const installed = await liveSecrets(ns);
    for (const s of [nm("postgresql"), nm("polaris"), nm("minio")]) expect(installed[s], s).toBeDefined();
    for (const v of Object.values(installed[nm("postgresql")]!))
      expect(decode(v)).toMatch(/^[A-Za-z0-9]{32}$/);

    // As if the release had been installed by a chart version without polaris-password.
    const patch = await c!.kubectl(
      "patch",
      "secret",
      nm("postgresql"),
      "-n",
      ns,
      "--type=json",
      '-p=[{"op":"remove","path":"/data/polaris-password"}]',
    );
    expect(patch.code, patch.stderr).toBe(0);

    await helm(major, ["upgrade", RELEASE, ".", "--namespace", ns]);
    const upgraded = await liveSecrets(ns);
    const { "polaris-password": regenerated, ...kept } = upgraded[nm("postgresql")]!;
    const { "polaris-password": old, ...before } = installed[nm("postgresql")]!;
    expect(kept).toEqual(before);
    expect(Object.keys(kept).length).toBeGreaterThan(0);
    expect(decode(regenerated!)).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(regenerated).not.toBe(old);
    expect(upgraded[nm("polaris")]).toEqual(installed[nm("polaris")]);
    expect(upgraded[nm("minio")]).toEqual(installed[nm("minio")]);
  });

  it("CloudNativePG basic-auth Secrets carry the generated passwords, kept by the upgrade", async () => {
    const ns = `cnpg-helm${major}`;
    const values = ["-f", "ci/cnpg-values.yaml"];
    await helm(major, ["install", RELEASE, ".", "--namespace", ns, "--create-namespace", ...values]);
    const installed = await liveSecrets(ns);
    await helm(major, ["upgrade", RELEASE, ".", "--namespace", ns, ...values]);
    const upgraded = await liveSecrets(ns);
    expect(upgraded).toEqual(installed);
    const pg = upgraded[nm("postgresql")]!;
    expect(upgraded[nm("postgresql-dagster")]!.password).toBe(pg["dagster-password"]);
    expect(upgraded[nm("postgresql-polaris")]!.password).toBe(pg["polaris-password"]);
    expect(decode(pg["dagster-password"]!)).toMatch(/^[A-Za-z0-9]{32}$/);
  });
});
