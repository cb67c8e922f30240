// The example data product's image (floe.local/example-orders, scripts/images.sh example-orders) run as
// charts/floe-jobs runs it — the Job rendered by `helm template` with examples/orders/floe-jobs.values.yaml and
// the kind-local file: its user (10001), a read-only root filesystem, /tmp as the writable mount, the chart's
// command, args, env and mounted profiles.yml — against a real PostgreSQL: floe.local/postgres:16.6 started as
// charts/floe-platform starts it (its init script creates the dagster role and database the values point at),
// under the platform's Service name on a Docker network of the test's own.
//
// `dbt build` loads the seeds, builds the models and passes the data tests; bad rows in the raw data fail the
// tests and keep them out of the mart; Dagster loads the code location and `dagster job execute` runs the job's
// dbt build to completion (and fails the run when dbt fails).
//
// Registered only in the Node 24 step (FLOE_KIND_REAL=1), like tests/images/images.test.ts; a missing image
// fails and names scripts/images.sh, it is never skipped.

import { randomBytes } from "node:crypto";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { runTool } from "../../src/exec/runner.js";
import { tempDir } from "../helpers/tmp.js";
import { helm, repoRoot } from "../helpers/tools.js";

const image = "floe.local/example-orders:0.1.0";
const postgresImage = "floe.local/postgres:16.6";
const dagsterImage = "floe.local/dagster-celery-k8s:1.9.6"; // the platform's webserver
const id = randomBytes(4).toString("hex");
const network = `floe-example-test-${id}`;
const label = `dev.floe.test=example-${id}`;
const pgHost = "floe-platform-postgresql"; // the platform's Service name, as the values expect it
const dagsterPassword = `dagster-${id}`;
const docker = (args: string[], timeoutMs = 120_000) => runTool(["docker", ...args], { timeoutMs });
const example = path.join(repoRoot, "examples", "orders");

interface K8sObject {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: { template?: { spec: { containers: Container[] } }; containers?: Container[] };
}
interface Container {
  name: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
}

async function render(chart: string, release: string, files: string[]): Promise<K8sObject[]> {
  const r = await runTool(
    [helm(4), "template", release, path.join(repoRoot, "charts", chart), ...files.flatMap((f) => ["-f", f])],
    { timeoutMs: 60_000 },
  );
  if (r.code !== 0) throw new Error(`helm template ${chart} failed: ${r.stderr}`);
  return parseAllDocuments(r.stdout)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}
function containerOf(objects: K8sObject[], kind: string, name: string): Container {
  const c = objects
    .filter((o) => o.kind === kind)
    .flatMap((o) => o.spec?.template?.spec.containers ?? o.spec?.containers ?? [])
    .find((x) => x.name === name);
  if (!c) throw new Error(`helm template rendered no ${kind} with a container ${name}`);
  return c;
}
const plainEnv = (c: Container) =>
  Object.fromEntries((c.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value ?? ""]));
const envArgs = (env: Record<string, string>) => Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
/** The chart's pod security: its user, a read-only root filesystem, no capabilities, /tmp as tmpfs. */
const secured = (uid: number) => [
  "--network",
  network,
  "--label",
  label,
  "--user",
  `${uid}:${uid}`,
  "--read-only",
  "--cap-drop=ALL",
  "--security-opt=no-new-privileges",
  "--tmpfs",
  `/tmp:rw,uid=${uid},gid=${uid},mode=0770`,
];

let jobArgv: string[] = []; // docker run arguments of the floe-jobs Job's container, up to the image
let job: Container;
let pg = "";
let work = "";
let platform: K8sObject[] = [];

async function psql(sql: string) {
  return docker([
    "exec",
    "-e",
    `PGPASSWORD=${dagsterPassword}`,
    pg,
    "psql",
    "-h",
    "127.0.0.1",
    "-U",
    "dagster",
    "-d",
    "dagster",
    "-v",
    "ON_ERROR_STOP=1",
    "-tAc",
    sql,
  ]);
}
/** Runs the Job's container with COMMAND... instead of the chart's (same user, mounts and env). */
function runJob([entrypoint = "dbt", ...args]: string[], timeoutMs = 240_000) {
  return docker(["run", "--rm", ...jobArgv, "--entrypoint", entrypoint, image, ...args], timeoutMs);
}
async function ip(container: string): Promise<string> {
  const r = await docker([
    "inspect",
    "--format",
    `{{ (index .NetworkSettings.Networks "${network}").IPAddress }}`,
    container,
  ]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
}
/** Polls check() every second; fails with the container's log after timeoutMs, progress every 10 s. */
async function waitFor(what: string, container: string, check: () => Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  let said = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return;
    const state = await docker(["inspect", "--format", "{{.State.Status}}", container]);
    if (Date.now() > end || state.stdout.trim() === "exited")
      throw new Error(
        `${what}: not within ${timeoutMs / 1000} s\n${out(await docker(["logs", "--tail", "60", container]))}`,
      );
    if (Date.now() - said >= 10_000) {
      said = Date.now();
      console.log(`waiting for ${what}: ${Math.round((end - said) / 1000)} s left`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
const out = (r: { stdout: string; stderr: string }) => `${r.stdout}${r.stderr}`;
/** The mart as `customer_id|orders|returned_orders|revenue` lines. */
async function mart(): Promise<string> {
  const r = await psql(
    "SELECT customer_id || '|' || orders || '|' || returned_orders || '|' || revenue::numeric(12,2) FROM orders.customer_orders ORDER BY customer_id",
  );
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
}
const expectedMart = ["1|3|1|85.50", "2|3|1|199.99", "3|2|0|29.20", "4|2|0|19.74", "5|0|0|0.00"].join("\n");

beforeAll(async () => {
  const info = await docker(["info", "--format", "{{.ServerVersion}}"]);
  if (info.code !== 0)
    throw new Error(`no Docker daemon answers (${info.stderr.trim()}): run scripts/docker.sh`);
  for (const ref of [image, postgresImage, dagsterImage]) {
    const r = await docker(["image", "inspect", "--format", "{{.Id}}", ref]);
    if (r.code !== 0)
      throw new Error(
        `${ref} is not in Docker: run scripts/images.sh postgres example-orders (after scripts/docker.sh)`,
      );
  }
  work = tempDir("floe-example-test-");
  const jobs = await render("floe-jobs", "orders", [
    path.join(example, "floe-jobs.values.yaml"),
    path.join(example, "floe-jobs.kind-local.values.yaml"),
  ]);
  platform = await render("floe-platform", "floe-platform", [
    path.join(example, "floe-platform.values.yaml"),
  ]);
  const net = await docker(["network", "create", "--label", label, network]);
  if (net.code !== 0) throw new Error(`docker network create failed: ${net.stderr}`);

  // PostgreSQL as floe-platform's StatefulSet runs it, with its init script (dagster role and database).
  const init = path.join(work, "initdb.d");
  await mkdir(init);
  const initScript = platform.find(
    (o) => o.kind === "ConfigMap" && o.metadata.name === `${pgHost}-init`,
  )?.data;
  if (!initScript?.["10-floe-init.sh"]) throw new Error(`floe-platform rendered no ConfigMap ${pgHost}-init`);
  await writeFile(path.join(init, "10-floe-init.sh"), initScript["10-floe-init.sh"]);
  await chmod(path.join(init, "10-floe-init.sh"), 0o555);
  const sts = containerOf(platform, "StatefulSet", "postgresql");
  pg = `${pgHost}-${id}`;
  const started = await docker([
    "run",
    "-d",
    "--name",
    pg,
    "--network-alias",
    pgHost,
    ...secured(999),
    "--tmpfs",
    "/var/lib/postgresql/data:rw,uid=999,gid=999,mode=0700",
    "--tmpfs",
    "/var/run/postgresql:rw,uid=999,gid=999,mode=0770",
    "-v",
    `${init}:/docker-entrypoint-initdb.d:ro`,
    ...envArgs({
      ...plainEnv(sts),
      POSTGRES_PASSWORD: `pg-${id}`,
      DAGSTER_PASSWORD: dagsterPassword,
      POLARIS_PASSWORD: `polaris-${id}`,
    }),
    postgresImage,
  ]);
  if (started.code !== 0) throw new Error(`starting PostgreSQL failed: ${started.stderr}`);

  // The floe-jobs Job's container: env from its ConfigMap (envFrom) and its own, the Secret's password given
  // here, profiles.yml mounted where the chart mounts it.
  job = containerOf(jobs, "Job", "dbt-build");
  const config = jobs.find((o) => o.kind === "ConfigMap")?.data ?? {};
  const profiles = path.join(work, "dbt");
  await mkdir(profiles);
  await writeFile(path.join(profiles, "profiles.yml"), config["profiles.yml"] ?? "");
  await chmod(profiles, 0o755);
  const secretEnv = (job.env ?? []).filter((e) => e.valueFrom?.secretKeyRef);
  expect(secretEnv.map((e) => [e.name, e.valueFrom?.secretKeyRef?.key])).toEqual([
    ["FLOE_DB_PASSWORD", "dagster-password"],
  ]);
  const fromConfigMap = Object.fromEntries(
    Object.entries(config).filter(([k]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k)), // envFrom skips profiles.yml
  );
  jobArgv = [
    ...secured(10001),
    "-v",
    `${profiles}:/etc/floe/dbt:ro`,
    "-w",
    job.workingDir ?? "/tmp",
    ...envArgs({ ...fromConfigMap, ...plainEnv(job), FLOE_DB_PASSWORD: dagsterPassword }),
  ];

  const end = Date.now() + 120_000;
  let said = Date.now();
  for (;;) {
    if (Date.now() - said >= 10_000) {
      said = Date.now();
      console.log(`waiting for PostgreSQL (${pg}): ${Math.round((end - said) / 1000)} s left`);
    }
    const ready = await docker(["exec", pg, "pg_isready", "-U", "postgres", "-h", "127.0.0.1", "-p", "5432"]);
    if (ready.code === 0 && (await psql("SELECT 1")).code === 0) break;
    if (Date.now() > end)
      throw new Error(`PostgreSQL not ready in 120 s:\n${out(await docker(["logs", pg]))}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}, 300_000);

afterAll(async () => {
  const left = await docker(["ps", "-aq", "--filter", `label=${label}`]);
  const ids = left.stdout.split("\n").filter(Boolean);
  if (ids.length) await docker(["rm", "-f", "-v", ...ids]);
  await docker(["network", "rm", network]);
  const after = await docker(["ps", "-aq", "--filter", `label=${label}`]);
  expect(after.stdout.trim()).toBe("");
}, 120_000);

describe("the example data product's image (floe.local/example-orders)", () => {
  it("is built here: non-root, the dbt manifest parsed at build time, its inputs hash as a label", async () => {
    const r = await docker(["image", "inspect", "--format", "{{json .Config}}", image]);
    expect(r.code, r.stderr).toBe(0);
    const config = JSON.parse(r.stdout) as { User: string; Labels: Record<string, string>; Env: string[] };
    expect(config.User).toBe("1001:1001");
    expect(config.Labels["dev.floe.inputs"]).toMatch(/^[0-9a-f]{32}$/);
    expect(config.Env).toContain("DBT_PROJECT_DIR=/opt/dagster/app/orders");
    const m = await runJob([
      "python",
      "-c",
      `import json; m = json.load(open("/opt/dagster/app/orders/target/manifest.json"))
print(m["metadata"]["dbt_version"])
print(" ".join(sorted(n["name"] for n in m["nodes"].values() if n["resource_type"] in ("model", "seed"))))
print(sum(1 for n in m["nodes"].values() if n["resource_type"] == "test"))`,
    ]);
    expect(m.code, out(m)).toBe(0);
    expect(m.stdout.trim().split("\n")).toEqual([
      "1.9.0",
      "customer_orders raw_customers raw_orders stg_customers stg_orders",
      "13",
    ]);
  });

  it("dbt build as the floe-jobs Job runs it: seeds loaded, models built, every data test passes", async () => {
    expect(job.command).toEqual(["dbt"]);
    const r = await runJob([...(job.command ?? []), ...(job.args ?? [])]);
    expect(r.code, out(r)).toBe(0);
    expect(r.stdout).toMatch(/Done\. PASS=18 WARN=0 ERROR=0 SKIP=0 (NO-OP=0 )?TOTAL=18/);
    expect(await mart()).toBe(expectedMart);
    const seeded = await psql("SELECT count(*) FROM orders.raw_orders");
    expect(seeded.stdout.trim()).toBe("10");
  });

  it("bad rows in the raw data fail the data tests, and the mart is not rebuilt from them", async () => {
    // A duplicate order id with a negative amount, as a broken export would bring it.
    const bad = await psql("INSERT INTO orders.raw_orders VALUES (1004, 3, '2024-03-30', 'completed', -500)");
    expect(bad.code, bad.stderr).toBe(0);
    const r = await runJob([...(job.command ?? []), ...(job.args ?? []), "--exclude", "resource_type:seed"]);
    expect(r.code, out(r)).toBe(1);
    expect(r.stdout).toMatch(/FAIL 1 unique_stg_orders_order_id/);
    expect(r.stdout).toMatch(/FAIL 1 assert_no_negative_amounts/);
    expect(r.stdout).toMatch(/SKIP relation orders\.customer_orders/);
    expect(await mart()).toBe(expectedMart); // last good build's
  });

  it("Dagster loads the code location: definitions validate, the job is listed", async () => {
    const env = ["-e", "DAGSTER_HOME=/tmp"];
    const v = await docker(
      [
        "run",
        "--rm",
        ...jobArgv,
        ...env,
        "--entrypoint",
        "dagster",
        image,
        "definitions",
        "validate",
        "-m",
        "orders_pipeline.definitions",
      ],
      120_000,
    );
    expect(v.code, out(v)).toBe(0);
    expect(out(v)).toContain("Validation successful for code location orders_pipeline.definitions");
    const list = await docker(
      [
        "run",
        "--rm",
        ...jobArgv,
        ...env,
        "--entrypoint",
        "dagster",
        image,
        "job",
        "list",
        "-m",
        "orders_pipeline.definitions",
      ],
      120_000,
    );
    expect(list.code, out(list)).toBe(0);
    expect(list.stdout).toMatch(/Job: orders_dbt_build/);
    // The op's pure parts: the dbt command line it runs (with the chart's DBT_PROFILES_DIR) and its summary.
    const unit = await runJob([
      "python",
      "-c",
      `from orders_pipeline.definitions import DbtBuildConfig, dbt_build_args, span_attributes, summarize, trace_settings
print(" ".join(dbt_build_args(DbtBuildConfig(select="stg_orders+", exclude="resource_type:seed"), "/tmp/t")))
print(summarize({"results": [{"status": "pass"}, {"status": "fail"}, {"status": "pass"}]}))
print(trace_settings({"OTEL_EXPORTER_OTLP_ENDPOINT": ""}, "h"))
print(trace_settings({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "HOSTNAME": "dagster-run-1-x"}, "h"))
print(trace_settings({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_SERVICE_NAME": "s"}, "h"))
print(span_attributes("r1", "orders_dbt_build", DbtBuildConfig(select="stg_orders+")))
import pyiceberg, pyarrow
print(pyiceberg.__version__, pyarrow.__version__)`,
    ]);
    expect(unit.code, out(unit)).toBe(0);
    expect(unit.stdout.trim().split("\n")).toEqual([
      "dbt build --project-dir /opt/dagster/app/orders --target-path /tmp/t --profiles-dir /etc/floe/dbt --select stg_orders+ --exclude resource_type:seed",
      "{'pass': 2, 'fail': 1}",
      // The run's trace: none without an endpoint; its resource names the pod (HOSTNAME in a pod).
      "None",
      "{'endpoint': 'http://c:4318', 'resource': {'service.name': 'orders', 'host.name': 'h', 'k8s.pod.name': 'dagster-run-1-x'}}",
      "{'endpoint': 'http://c:4318', 'resource': {'service.name': 's', 'host.name': 'h', 'k8s.pod.name': 'h'}}",
      "{'dagster.run_id': 'r1', 'dagster.job': 'orders_dbt_build', 'dbt.command': 'build', 'dbt.select': 'stg_orders+'}",
      // The Iceberg writer's packages (requirements.lock; the writer itself: tests/e2e/iceberg-writer.test.ts).
      "0.8.1 18.1.0",
    ]);
  });

  it("dagster job execute runs the job's dbt build against PostgreSQL to completion (and fails when dbt fails)", async () => {
    // From scratch: the seeds reload (dropping the bad row), the mart is built again.
    const drop = await psql("DROP SCHEMA orders CASCADE");
    expect(drop.code, drop.stderr).toBe(0);
    const execute = (mounts: string[], extra: string[]) =>
      docker(
        [
          "run",
          "--rm",
          ...jobArgv,
          ...mounts,
          "-e",
          "DAGSTER_HOME=/tmp",
          "--entrypoint",
          "dagster",
          image,
          "job",
          "execute",
          "-m",
          "orders_pipeline.definitions",
          "-j",
          "orders_dbt_build",
          ...extra,
        ],
        300_000,
      );
    // Its lineage goes to a stand-in OpenLineage receiver (mock: no registry here serves Marquez): a container
    // of the same image on the test's network that prints each POST it is sent.
    const receiver = `marquez-standin-${id}`;
    const listening = await docker([
      "run",
      "-d",
      "--name",
      receiver,
      "--network-alias",
      "marquez-standin",
      ...secured(10001),
      "--entrypoint",
      "python",
      image,
      "-u",
      "-c",
      `import http.server
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        print(self.path, body.decode(), flush=True)
        self.send_response(201)
        self.end_headers()
    def log_message(self, *a):
        pass
http.server.HTTPServer(("0.0.0.0", 5000), H).serve_forever()`,
    ]);
    expect(listening.code, listening.stderr).toBe(0);
    const ok = await execute(["-e", "OPENLINEAGE_URL=http://marquez-standin:5000"], []);
    expect(ok.code, out(ok)).toBe(0);
    expect(out(ok)).toContain("RUN_SUCCESS");
    const runId =
      /lineage of run ([0-9a-f-]{36}) to http:\/\/marquez-standin:5000: START ok, COMPLETE ok \(2 input\(s\), 5 output\(s\)\)/.exec(
        out(ok),
      )?.[1];
    expect(runId, out(ok)).toBeDefined();
    const events = (await docker(["logs", receiver])).stdout
      .trim()
      .split("\n")
      .map((l) => l.split(" "))
      .map(([p, ...body]) => [p, JSON.parse(body.join(" "))] as const);
    expect(events.map(([p, e]) => [p, e.eventType, e.run.runId, `${e.job.namespace}/${e.job.name}`])).toEqual(
      [
        ["/api/v1/lineage", "START", runId, "orders/orders_dbt_build"],
        ["/api/v1/lineage", "COMPLETE", runId, "orders/orders_dbt_build"],
      ],
    );
    const complete = events[1]![1];
    expect(complete.inputs.map((d: { name: string }) => d.name)).toEqual([
      "/opt/dagster/app/orders/seeds/raw_customers.csv",
      "/opt/dagster/app/orders/seeds/raw_orders.csv",
    ]);
    expect(
      complete.outputs.map((d: { namespace: string; name: string }) => `${d.namespace}/${d.name}`),
    ).toEqual(
      ["customer_orders", "raw_customers", "raw_orders", "stg_customers", "stg_orders"].map(
        (t) => `postgres://${pgHost}:5432/dagster.orders.${t}`,
      ),
    );
    expect(complete.schemaURL).toBe(
      "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent",
    );
    expect(out(ok)).toMatch(/dbt build passed: \{'success': 5, 'pass': 13\}/);
    // The chart's OTLP endpoint (its ConfigMap) has no collector on this network: the failed export is logged,
    // the run still succeeds (traces reaching a real collector and Jaeger: tests/cluster/kind-e2e.test.ts).
    expect(out(ok)).toMatch(
      /trace of run [0-9a-f-]{36} to http:\/\/floe-platform-otel-collector:4317: ConnectionError/,
    );
    expect(await mart()).toBe(expectedMart);

    // Bad rows again, and a run that keeps them (run config: no seeds): dbt fails, so does the run.
    const bad = await psql("INSERT INTO orders.raw_orders VALUES (1004, 3, '2024-03-30', 'completed', -500)");
    expect(bad.code, bad.stderr).toBe(0);
    const dir = tempDir("floe-example-run-");
    await writeFile(
      path.join(dir, "run.yaml"),
      "ops:\n  dbt_build:\n    config:\n      exclude: 'resource_type:seed'\n",
    );
    await chmod(dir, 0o755);
    const failed = await execute(["-v", `${dir}:/run-config:ro`], ["-c", "/run-config/run.yaml"]);
    expect(failed.code, out(failed)).not.toBe(0);
    expect(out(failed)).toContain("RUN_FAILURE");
    expect(out(failed)).toMatch(/dbt build exited with 1 \(\{.*'fail': 2/);
  }, 600_000);

  it("its gRPC code server is what floe-platform's workspace loads: the platform's webserver lists the job", async () => {
    // The server as the platform's workspace.yaml (floe-platform.values.yaml) expects it: host, port, location.
    const workspace = platform.find(
      (o) => o.kind === "ConfigMap" && o.metadata.name === "floe-platform-dagster-workspace",
    )?.data?.["workspace.yaml"];
    expect(workspace).toMatch(/host: "orders-code-location"\n\s+port: 4000\n\s+location_name: "orders"/);
    const server = `orders-code-location-${id}`;
    const started = await docker([
      "run",
      "-d",
      "--name",
      server,
      "--network-alias",
      "orders-code-location",
      ...jobArgv,
      "-e",
      "DAGSTER_HOME=/tmp",
      "--entrypoint",
      "dagster",
      image,
      "api",
      "grpc",
      "--module-name",
      "orders_pipeline.definitions",
      "--host",
      "0.0.0.0",
      "--port",
      "4000",
    ]);
    expect(started.code, started.stderr).toBe(0);
    await waitFor(
      "the code server's gRPC health check",
      server,
      async () =>
        (await docker(["exec", server, "dagster", "api", "grpc-health-check", "--port", "4000"])).code === 0,
      120_000,
    );

    // The platform's webserver as its Deployment runs it (instance and workspace from helm template).
    const prefix = "floe-platform";
    const config = (name: string, key: string) => {
      const v = platform.find((o) => o.kind === "ConfigMap" && o.metadata.name === name)?.data?.[key];
      if (v === undefined) throw new Error(`floe-platform rendered no ConfigMap ${name} with ${key}`);
      return v;
    };
    const home = path.join(work, "dagster_home");
    const ws = path.join(work, "workspace");
    await mkdir(home);
    await mkdir(ws);
    await writeFile(path.join(home, "dagster.yaml"), config(`${prefix}-dagster-instance`, "dagster.yaml"));
    await writeFile(path.join(ws, "workspace.yaml"), config(`${prefix}-dagster-workspace`, "workspace.yaml"));
    const c = containerOf(platform, "Deployment", "webserver");
    const [entrypoint = "dagster-webserver", ...rest] = c.command ?? [];
    const web = `${prefix}-dagster-webserver-${id}`;
    const w = await docker([
      "run",
      "-d",
      "--name",
      web,
      ...secured(1001),
      "-v",
      `${home}:/opt/dagster/dagster_home:ro`,
      "-v",
      `${ws}:/opt/dagster/workspace:ro`,
      ...envArgs({ ...plainEnv(c), DAGSTER_PG_PASSWORD: dagsterPassword }),
      "--entrypoint",
      entrypoint,
      dagsterImage,
      ...rest,
      ...(c.args ?? []),
    ]);
    expect(w.code, w.stderr).toBe(0);
    const addr = await ip(web);
    const query = async () => {
      const r = await fetch(`http://${addr}:3000/graphql`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          query: `{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus
            locationOrLoadError { __typename ... on RepositoryLocation { repositories { jobs { name } } }
            ... on PythonError { message } } } } } }`,
        }),
        signal: AbortSignal.timeout(10_000),
      });
      return JSON.stringify(await r.json());
    };
    await waitFor(
      "the webserver's workspace (GraphQL) to load location orders",
      web,
      async () => (await query()).includes('"loadStatus":"LOADED"'),
      240_000,
    );
    const body = await query();
    expect(body).toContain('"name":"orders"');
    expect(body).toContain('"__typename":"RepositoryLocation"');
    expect(body).toContain('{"name":"orders_dbt_build"}');
  }, 480_000);
});
