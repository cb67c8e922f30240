// The example data product's floe-jobs values (examples/orders): they render with the real chart (helm 4
// template, the chart's values schema), run the image's `dbt build` with the platform's Secret and database,
// and hand the Job the same dbt profile as the project's own profiles.yml. What the image then does with them
// is tests/examples/orders-image.test.ts (Docker, the Node 24 step).

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { runTool } from "../../src/exec/runner.js";
import { helm, repoRoot } from "../helpers/tools.js";

const example = path.join(repoRoot, "examples", "orders");
const values = path.join(example, "floe-jobs.values.yaml");
const kindLocal = path.join(example, "floe-jobs.kind-local.values.yaml");

interface K8sObject {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: { template?: { spec: { containers: Container[] } } };
}
interface Container {
  name: string;
  image: string;
  imagePullPolicy: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
}

async function render(chart: string, files: string[]): Promise<K8sObject[]> {
  const r = await runTool(
    [
      helm(4),
      "template",
      chart.endsWith("jobs") ? "orders" : "floe-platform",
      path.join(repoRoot, "charts", chart),
    ].concat(files.flatMap((f) => ["-f", f])),
    { timeoutMs: 60_000 },
  );
  expect(r.code, r.stderr).toBe(0);
  return parseAllDocuments(r.stdout)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}
function dbtJob(objects: K8sObject[]): Container {
  const c = objects
    .filter((o) => o.kind === "Job")
    .flatMap((o) => o.spec?.template?.spec.containers ?? [])
    .find((x) => x.name === "dbt-build");
  if (!c) throw new Error("no Job with a dbt-build container was rendered");
  return c;
}

describe("examples/orders: floe-jobs values of the example data product", () => {
  it("render with charts/floe-jobs: the image's dbt build as a Job, on the platform's database and Secret", async () => {
    const objects = await render("floe-jobs", [values]);
    const c = dbtJob(objects);
    expect(c.image).toBe("floe.local/example-orders:0.1.0");
    expect(c.command).toEqual(["dbt"]);
    expect(c.args).toEqual(["build", "--profiles-dir", "/etc/floe/dbt"]);
    const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value ?? e.valueFrom]));
    expect(env).toMatchObject({
      FLOE_DB_HOST: "floe-platform-postgresql",
      FLOE_DB_USER: "dagster",
      FLOE_DB_NAME: "dagster",
      FLOE_DB_SCHEMA: "orders",
      FLOE_DB_PASSWORD: { secretKeyRef: { name: "floe-platform-postgresql", key: "dagster-password" } },
    });
    // That Secret, key and database are the platform's (a release called floe-platform, its defaults).
    const platform = await render("floe-platform", []);
    const secret = platform.find(
      (o) => o.kind === "Secret" && o.metadata.name === "floe-platform-postgresql",
    );
    expect(secret, "floe-platform renders Secret floe-platform-postgresql").toBeDefined();
    expect(Object.keys({ ...secret?.data, ...(secret as { stringData?: object })?.stringData })).toContain(
      "dagster-password",
    );
    const pg = platform.find((o) => o.kind === "Service" && o.metadata.name === env.FLOE_DB_HOST);
    expect(pg, `floe-platform renders Service ${env.FLOE_DB_HOST}`).toBeDefined();
  });

  it("with floe-jobs.kind-local.values.yaml: the image built here, never pulled; no Polaris or Marquez", async () => {
    const objects = await render("floe-jobs", [values, kindLocal]);
    const c = dbtJob(objects);
    expect(c.image).toBe("floe.local/example-orders:0.1.0");
    expect(c.imagePullPolicy).toBe("Never");
    const config = objects.find((o) => o.kind === "ConfigMap")?.data ?? {};
    expect(config.POLARIS_URI).toBeUndefined();
    expect(config.OPENLINEAGE_URL).toBeUndefined();
    // The tag is the one scripts/images.sh builds.
    const lock = readFileSync(path.join(repoRoot, "images", "example-orders", "inputs.lock"), "utf8");
    expect(lock).toContain(`IMAGE=${c.image}\n`);
  });

  it("the Job's mounted profile (dbtProfiles) is the project's own profiles.yml, and dbt_project.yml uses it", () => {
    const chartProfile = parse(parse(readFileSync(values, "utf8")).dbtProfiles);
    const own = parse(readFileSync(path.join(example, "profiles.yml"), "utf8"));
    expect(chartProfile).toEqual(own);
    const project = parse(readFileSync(path.join(example, "dbt_project.yml"), "utf8"));
    expect(Object.keys(own)).toEqual([project.profile]);
    // Connection settings from the environment only: no literal password.
    expect(own.floe.outputs.prod.password).toBe("{{ env_var('FLOE_DB_PASSWORD', '') }}");
  });
});
