// The production scenario (values-prod.yaml: CloudNativePG Cluster, ExternalSecrets, HPA, PDB, quotas) installed
// by the real helm 3 and 4 on a real API server (the kwok control plane) that knows the operators' real
// CustomResourceDefinitions, taken from their Go modules by scripts/tools.sh (crds): the Cluster and the
// ExternalSecrets are validated against the operators' own OpenAPI schemas, strictly (unknown fields refused).
// What this cannot prove (no operator runs): that CloudNativePG creates the instances and roles, that
// external-secrets fills the Secrets, that HPAs scale; README "The production scenario on kwok" says so.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { clusterDown, clusterUp, type TestCluster } from "../helpers/cluster.js";
import { tempDir } from "../helpers/tmp.js";
import { toolsDir } from "../helpers/tools.js";
import { chartDir, type K8s, type Major, runHelm } from "./chart.js";

const crdsDir = path.join(path.dirname(toolsDir), "crds");
const crdFiles = (): string[] => {
  const files = ["cloudnative-pg", "external-secrets"].flatMap((op) => {
    try {
      return readdirSync(path.join(crdsDir, op))
        .filter((f) => f.endsWith(".yaml"))
        .map((f) => path.join(crdsDir, op, f));
    } catch {
      throw new Error(
        `${path.join(crdsDir, op)} is missing: run scripts/tools.sh crds (needs Go and the module proxy)`,
      );
    }
  });
  return files;
};

let c: TestCluster | undefined;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  const files = crdFiles();
  c = await clusterUp();
  const home = tempDir("floe-prod-helm-");
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    KUBECONFIG: c.kubeconfig,
    HELM_CACHE_HOME: path.join(home, "cache"),
    HELM_CONFIG_HOME: path.join(home, "config"),
    HELM_DATA_HOME: path.join(home, "data"),
  };
  // Server-side: these CRDs are larger than client-side apply's last-applied annotation allows.
  const applied = await c.kubectl("apply", "--server-side", ...files.flatMap((f) => ["-f", f]));
  expect(applied.code, applied.stderr).toBe(0);
  const ready = await c.kubectl(
    "wait",
    "--for=condition=Established",
    "--timeout=60s",
    "crd/clusters.postgresql.cnpg.io",
    "crd/externalsecrets.external-secrets.io",
    "crd/clustersecretstores.external-secrets.io",
  );
  expect(ready.code, ready.stderr).toBe(0);
}, 300_000);
afterAll(async () => {
  await clusterDown(c);
});

const json = async (...args: string[]): Promise<K8s> => {
  const r = await c!.kubectl(...args, "-o", "json");
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

// Sequential: the two later tests read the release the first one installs.
describe.sequential.each([3, 4] as Major[])(
  "values-prod.yaml on a real API server with the operators' CRDs (helm %s)",
  (major) => {
    const ns = `floe-prod-h${major}`;

    it("installs: every object accepted, the operators' kinds validated against their own schemas", async () => {
      const r = await runHelm(
        major,
        [
          "install",
          "floe",
          chartDir,
          "-f",
          path.join(chartDir, "values-prod.yaml"),
          "-n",
          ns,
          "--create-namespace",
        ],
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      const status = await runHelm(major, ["status", "floe", "-n", ns, "-o", "json"], env);
      expect(JSON.parse(status.stdout).info.status).toBe("deployed");

      const [cluster] = (await json("get", "clusters.postgresql.cnpg.io", "-n", ns)).items;
      expect(cluster.spec.instances).toBe(3);
      expect(cluster.spec.imageName).toBe("ghcr.io/cloudnative-pg/postgresql:16.6");
      const eso = (await json("get", "externalsecrets.external-secrets.io", "-n", ns)).items as K8s[];
      expect(eso.length).toBeGreaterThan(0);
      for (const e of eso)
        expect(e.spec.secretStoreRef).toEqual({ name: "floe-secrets", kind: "ClusterSecretStore" });
      expect((await json("get", "hpa", "-n", ns)).items.length).toBeGreaterThanOrEqual(3);
      expect((await json("get", "pdb", "-n", ns)).items.length).toBeGreaterThanOrEqual(3);
      expect((await json("get", "resourcequota", "-n", ns)).items.length).toBe(1);
      expect((await json("get", "limitrange", "-n", ns)).items.length).toBe(1);
    }, 300_000);

    it("what helm sent passes strict server-side validation (no field the operators' schemas drop)", async () => {
      const manifest = await runHelm(major, ["get", "manifest", "floe", "-n", ns], env);
      expect(manifest.code, manifest.stderr).toBe(0);
      const r = await c!.kubectlIn(
        manifest.stdout,
        "apply",
        "--dry-run=server",
        "--validate=strict",
        "--server-side",
        "--force-conflicts",
        "-n",
        ns,
        "-f",
        "-",
      );
      expect(r.code, r.stderr).toBe(0);
    }, 120_000);

    it("the CRDs are the real ones: a Cluster with a wrong type or an unknown field is refused by the API server", async () => {
      const manifest = await runHelm(major, ["get", "manifest", "floe", "-n", ns], env);
      const cluster = parseAllDocuments(manifest.stdout)
        .map((d) => d.toJS() as K8s)
        .find((o) => o?.kind === "Cluster")!;
      const wrongType = { ...cluster, spec: { ...cluster.spec, instances: "three" } };
      const r1 = await c!.kubectlIn(
        JSON.stringify(wrongType),
        "apply",
        "--dry-run=server",
        "-n",
        ns,
        "-f",
        "-",
      );
      expect(r1.code).not.toBe(0);
      expect(r1.stderr).toMatch(/spec\.instances.*integer/);
      const unknown = { ...cluster, spec: { ...cluster.spec, instancez: 3 } };
      const r2 = await c!.kubectlIn(
        JSON.stringify(unknown),
        "apply",
        "--dry-run=server",
        "--validate=strict",
        "-n",
        ns,
        "-f",
        "-",
      );
      expect(r2.code).not.toBe(0);
      expect(r2.stderr).toMatch(/unknown field "spec\.instancez"/);
    }, 120_000);
  },
);
