// Generated credentials survive upgrades: the chart looks up the live Secret and reuses its values. There is
// no cluster here, so a FAKE Kubernetes API server (discovery + one existing Secret owned by the release)
// answers helm's lookups; helm itself (3 and 4, real binaries) renders with --dry-run=server against it.
import { writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/tmp.js";
import { type Major, majors, NAMESPACE, nm, parseManifests, RELEASE, runHelm } from "./chart.js";

const b64 = (s: string) => Buffer.from(s).toString("base64");
const existing: Record<string, Record<string, string>> = {
  // An earlier install's Secret: one key present, the others must be generated (e.g. added in a later version).
  [nm("postgresql")]: { "dagster-password": b64("kept-dagster-password") },
  [nm("polaris")]: {
    "root-client-id": b64("kept-client-id"),
    "root-client-secret": b64("kept-client-secret"),
  },
};

const core = ["Secret", "ServiceAccount", "ConfigMap", "Service", "Pod"];
const groups: Record<string, string[]> = {
  "apps/v1": ["Deployment", "StatefulSet"],
  "batch/v1": ["Job"],
  "rbac.authorization.k8s.io/v1": ["Role", "RoleBinding"],
  "networking.k8s.io/v1": ["NetworkPolicy", "Ingress"],
  "policy/v1": ["PodDisruptionBudget"],
  "autoscaling/v2": ["HorizontalPodAutoscaler"],
  "postgresql.cnpg.io/v1": ["Cluster"],
};
const resourceList = (gv: string, kinds: string[]) => ({
  kind: "APIResourceList",
  apiVersion: "v1",
  groupVersion: gv,
  resources: kinds.map((k) => ({
    name: `${k.toLowerCase()}s`,
    singularName: k.toLowerCase(),
    namespaced: true,
    kind: k,
    verbs: ["get", "list", "create"],
  })),
});

function fakeApiServer(): http.Server {
  return http.createServer((req, res) => {
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const url = (req.url ?? "").split("?")[0]!;
    if (url === "/version") return send(200, { major: "1", minor: "37", gitVersion: "v1.37.0" });
    if (url === "/api") return send(200, { kind: "APIVersions", versions: ["v1"] });
    if (url === "/apis")
      return send(200, {
        kind: "APIGroupList",
        apiVersion: "v1",
        groups: Object.keys(groups).map((gv) => {
          const [name, version] = gv.split("/");
          return {
            name,
            versions: [{ groupVersion: gv, version }],
            preferredVersion: { groupVersion: gv, version },
          };
        }),
      });
    if (url === "/api/v1") return send(200, resourceList("v1", core));
    for (const [gv, kinds] of Object.entries(groups))
      if (url === `/apis/${gv}`) return send(200, resourceList(gv, kinds));
    const m = url.match(/^\/api\/v1\/namespaces\/([^/]+)\/secrets\/([^/]+)$/);
    if (m && existing[m[2]!])
      return send(200, {
        apiVersion: "v1",
        kind: "Secret",
        metadata: {
          name: m[2],
          namespace: m[1],
          labels: { "app.kubernetes.io/managed-by": "Helm" },
          annotations: { "meta.helm.sh/release-name": RELEASE, "meta.helm.sh/release-namespace": NAMESPACE },
        },
        data: existing[m[2]!],
      });
    return send(404, { kind: "Status", apiVersion: "v1", status: "Failure", reason: "NotFound", code: 404 });
  });
}

let server: http.Server;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  server = fakeApiServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const dir = tempDir("floe-fake-kube-");
  const kubeconfig = path.join(dir, "kubeconfig");
  writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: [{ name: "fake", cluster: { server: `http://127.0.0.1:${port}` } }],
      contexts: [{ name: "fake", context: { cluster: "fake", user: "fake" } }],
      users: [{ name: "fake", user: { token: "fake" } }],
      "current-context": "fake",
    }),
  );
  env = {
    ...process.env,
    KUBECONFIG: kubeconfig,
    HELM_CACHE_HOME: dir,
    HELM_CONFIG_HOME: dir,
    HELM_DATA_HOME: dir,
  };
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function secretsAgainstFakeCluster(major: Major, extra: string[] = []) {
  const args = ["template", RELEASE, ".", "--namespace", NAMESPACE, "--dry-run=server", ...extra];
  // helm 4 validates server-side objects against the cluster's OpenAPI, which the fake server does not serve.
  if (major === 4) args.push("--disable-openapi-validation");
  const r = await runHelm(major, args, env);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const secrets = parseManifests(r.stdout).objects.filter((o) => o.kind === "Secret");
  return Object.fromEntries(
    secrets.map((s) => [s.metadata.name as string, s.data as Record<string, string>]),
  );
}

describe.each(majors)(
  "generated credentials across upgrades (helm %i, fake API server: no cluster here)",
  (major) => {
    it("keeps every value of the live Secret and generates only what is missing", async () => {
      const s = await secretsAgainstFakeCluster(major);
      expect(s[nm("postgresql")]!["dagster-password"]).toBe(b64("kept-dagster-password"));
      expect(Buffer.from(s[nm("postgresql")]!["polaris-password"]!, "base64").toString()).toMatch(
        /^[A-Za-z0-9]{32}$/,
      );
      expect(s[nm("polaris")]).toEqual({
        "root-client-id": b64("kept-client-id"),
        "root-client-secret": b64("kept-client-secret"),
      });
      // No live Secret for MinIO: generated.
      expect(Object.keys(s[nm("minio")]!)).toEqual([
        "root-user",
        "root-password",
        "polaris-access-key",
        "polaris-secret-key",
      ]);
    });

    it("CloudNativePG basic-auth Secrets carry the same kept password", async () => {
      const s = await secretsAgainstFakeCluster(major, ["-f", "ci/cnpg-values.yaml"]);
      expect(s[nm("postgresql-dagster")]!.password).toBe(b64("kept-dagster-password"));
      expect(s[nm("postgresql-polaris")]!.password).toBe(s[nm("postgresql")]!["polaris-password"]);
    });
  },
);
