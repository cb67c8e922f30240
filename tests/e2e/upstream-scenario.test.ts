// The e2e platform ci.yml runs on GitHub (`floe-helm e2e --platform-scenario kind-upstream`, the action's
// e2e-scenario): kind-local with Polaris and Marquez from their upstream images. Neither image can run here, so
// this proves, with the real chart rendered by helm 4 exactly as the phase resolves it, everything short of
// their pods: T118 and E2E-003 are no longer "not run here", the only images the kind node must pull are those
// four, and the run pods T116 launches are handed the catalog, its credentials and the lineage endpoint, and may
// reach both Services through the platform's NetworkPolicies.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { buildInputs } from "../../src/config/inputs.js";
import { checks } from "../../src/e2e/checks/index.js";
import { resolveE2e } from "../../src/e2e/config.js";
import { notRunHere } from "../../src/e2e/run.js";
import { runTool } from "../../src/exec/runner.js";
import { resolveConfig } from "../../src/plan/config.js";
import { helm, repoRoot } from "../helpers/tools.js";

interface Obj {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: Record<string, unknown>;
}
type Labels = Record<string, string>;
interface Peer {
  podSelector?: { matchLabels?: Labels };
}
interface Rule {
  ports?: { port: number }[];
  to?: Peer[];
  from?: Peer[];
}

async function plan(scenario?: string) {
  const inputs = buildInputs({}, {}, repoRoot);
  return resolveE2e(await resolveConfig(inputs, repoRoot), inputs, repoRoot, scenario);
}

async function renderPlatform(valuesFiles: string[]): Promise<Obj[]> {
  const r = await runTool(
    [
      helm(4),
      "template",
      "floe-platform",
      path.join(repoRoot, "charts", "floe-platform"),
      "--namespace",
      "floe-e2e",
      ...valuesFiles.flatMap((f) => ["-f", path.join(repoRoot, f)]),
    ],
    { timeoutMs: 120_000 },
  );
  expect(r.code, r.stderr).toBe(0);
  return parseAllDocuments(r.stdout)
    .map((d) => d.toJS() as Obj | null)
    .filter((o): o is Obj => o !== null);
}

const component = (c: string) => ({
  "app.kubernetes.io/name": "floe-platform",
  "app.kubernetes.io/instance": "floe-platform",
  "app.kubernetes.io/component": c,
});
const selects = (peer: Peer, labels: Labels) =>
  Object.entries(peer.podSelector?.matchLabels ?? { never: "" }).every(([k, v]) => labels[k] === v);
const policy = (objects: Obj[], name: string) => {
  const p = objects.find((o) => o.kind === "NetworkPolicy" && o.metadata.name === name);
  if (!p) throw new Error(`NetworkPolicy ${name} is not rendered`);
  return p.spec as { egress?: Rule[]; ingress?: Rule[] };
};
const ports = (rules: Rule[] | undefined, side: "to" | "from", labels: Labels) =>
  (rules ?? [])
    .filter((r) => (r[side] ?? []).some((peer) => selects(peer, labels)))
    .flatMap((r) => (r.ports ?? []).map((p) => p.port));

describe("e2e --platform-scenario kind-upstream (the GitHub lane's platform, rendered here)", () => {
  it("T118 and E2E-003 run there: kind-upstream declares nothing not run; kind-local declares both", async () => {
    const local = await plan();
    const upstream = await plan("kind-upstream");
    expect(local.platform.name).toBe("kind-local");
    expect(upstream.platform.name).toBe("kind-upstream");
    const reasons = (p: typeof local) =>
      checks.map((c) => [c.id, notRunHere(c, p.platformNotRun, p.platform.name) ?? "runs"]);
    expect(Object.fromEntries(reasons(upstream))).toEqual(
      Object.fromEntries(checks.map((c) => [c.id, "runs"])),
    );
    const localReasons = Object.fromEntries(reasons(local));
    expect(localReasons["T118 lineage"]).toContain("marquez is off in scenario kind-local");
    expect(localReasons["E2E-003 iceberg-table"]).toContain("polaris is off in scenario kind-local");
    // The same data product and the same e2e values on top: only the scenario differs.
    expect(upstream.product).toEqual(local.product);
    expect(upstream.platform.valuesFiles.slice(-3)).toEqual(local.platform.valuesFiles.slice(-3));
  });

  it("the kind node pulls only Polaris' and Marquez's upstream images; every other image is built here", async () => {
    const objects = await renderPlatform((await plan("kind-upstream")).platform.valuesFiles);
    const images = new Set(
      JSON.stringify(objects)
        .match(/"image":"[^"]+"/g)
        ?.map((m) => m.slice(9, -1)),
    );
    expect([...images].filter((i) => !i.startsWith("floe.local/")).sort()).toEqual([
      "docker.io/apache/polaris-admin-tool:1.1.0-incubating",
      "docker.io/apache/polaris:1.1.0-incubating",
      "docker.io/marquezproject/marquez-web:0.50.0",
      "docker.io/marquezproject/marquez:0.50.0",
    ]);
  });

  it("run pods get the catalog, its credentials and the lineage endpoint, and may reach both Services", async () => {
    const objects = await renderPlatform((await plan("kind-upstream")).platform.valuesFiles);
    const instance = objects.find((o) => o.kind === "ConfigMap" && o.data?.["dagster.yaml"]);
    const launcher = parse(instance?.data?.["dagster.yaml"] ?? "{}").run_launcher?.config ?? {};
    const vars = Object.fromEntries(
      (launcher.env_vars as string[]).map((v) => [v.slice(0, v.indexOf("=")), v.slice(v.indexOf("=") + 1)]),
    );
    expect(vars).toMatchObject({
      POLARIS_URI: "http://floe-platform-polaris:8181/api/catalog",
      POLARIS_CATALOG: "floe",
      OPENLINEAGE_URL: "http://floe-platform-marquez:5000",
    });
    const secretEnv = (launcher.run_k8s_config.container_config.env as Record<string, unknown>[]).filter(
      (e) => String(e.name).startsWith("POLARIS_"),
    );
    expect(secretEnv).toEqual([
      {
        name: "POLARIS_CLIENT_ID",
        value_from: { secret_key_ref: { name: "floe-platform-polaris", key: "root-client-id" } },
      },
      {
        name: "POLARIS_CLIENT_SECRET",
        value_from: { secret_key_ref: { name: "floe-platform-polaris", key: "root-client-secret" } },
      },
    ]);
    // That Secret is ESO's here (the e2e platform's credentials all come from the fake provider, GAP-006).
    const es = objects.find(
      (o) => o.kind === "ExternalSecret" && o.metadata.name === "floe-platform-polaris",
    );
    expect(es, "ExternalSecret floe-platform-polaris").toBeDefined();
    expect((es?.spec?.data as { secretKey: string }[] | undefined)?.map((d) => d.secretKey)).toEqual([
      "root-client-id",
      "root-client-secret",
    ]);

    const run = component("dagster-run");
    const runEgress = policy(objects, "floe-platform-dagster-run-np").egress;
    expect(ports(runEgress, "to", component("polaris"))).toContain(8181);
    expect(ports(runEgress, "to", component("marquez"))).toContain(5000);
    expect(ports(runEgress, "to", component("minio"))).toContain(9000); // the table's files
    expect(ports(policy(objects, "floe-platform-polaris-np").ingress, "from", run)).toContain(8181);
    expect(ports(policy(objects, "floe-platform-marquez-np").ingress, "from", run)).toContain(5000);
  });
});
