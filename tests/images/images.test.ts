// Smoke tests of the local lane's images (issue 14, scripts/images.sh): each image runs in Docker as
// charts/floe-platform runs it — the chart's user and group, a read-only root filesystem, the chart's writable
// mounts as tmpfs, the chart's command, args, env and config files (rendered with `helm template`) — and must
// really serve: PostgreSQL answers a psql query with the password, MinIO its health endpoints, mc runs the
// chart's setup script against that MinIO, the collector starts with the chart's config and passes a span to
// Jaeger (the chart's own OTel -> Jaeger test script, in the curl image), Dagster's webserver answers
// /server_info and GraphQL with the chart's instance (PostgreSQL storage).
//
// Everything runs on a Docker network of the test's own. Like tests/cluster/kind-real.test.ts, this file is
// registered only in the Node 24 step (FLOE_KIND_REAL=1, npm run test:node24); a missing image fails (run
// scripts/images.sh), it is never skipped.

import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { crdNames, crdsFromImageArgv, ESO_CRDS } from "../../src/cluster/kind/external-secrets.js";
import { runTool } from "../../src/exec/runner.js";
import { tempDir } from "../helpers/tmp.js";
import { helm, repoRoot } from "../helpers/tools.js";

const imagesSh = path.join(repoRoot, "scripts", "images.sh");
/** floe.local/<component>:<tag> by component, as `scripts/images.sh --list` prints them. */
const images = new Map(
  execFileSync(imagesSh, ["--list"], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((ref) => [ref.slice("floe.local/".length, ref.lastIndexOf(":")), ref] as const),
);
const id = randomBytes(4).toString("hex");
const network = `floe-images-test-${id}`;
const label = `dev.floe.test=images-${id}`;
const release = "floe";
const prefix = `${release}-floe-platform`;
const docker = (args: string[], timeoutMs = 120_000) => runTool(["docker", ...args], { timeoutMs });

function image(component: string): string {
  const ref = images.get(component);
  if (!ref) throw new Error(`scripts/images.sh --list names no ${component} image`);
  return ref;
}
async function needImage(component: string): Promise<string> {
  const ref = image(component);
  const r = await docker(["image", "inspect", "--format", "{{.Id}}", ref]);
  if (r.code !== 0)
    throw new Error(`${ref} is not in Docker: run scripts/images.sh (after scripts/docker.sh)`);
  return ref;
}

/** docker run flags shared by every container: the chart's pod security (user, read-only root, no caps). */
function secured(user: string): string[] {
  return [
    "--network",
    network,
    "--label",
    label,
    "--user",
    user,
    "--read-only",
    "--cap-drop=ALL",
    "--security-opt=no-new-privileges",
  ];
}
const tmpfs = (mount: string, uid: number) => ["--tmpfs", `${mount}:rw,uid=${uid},gid=${uid},mode=0770`];
const envArgs = (env: Record<string, string>) => Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]);

/** Starts a long-running container; returns its name. */
async function start(name: string, args: string[]): Promise<string> {
  const r = await docker(["run", "-d", "--name", `${name}-${id}`, "--network-alias", name, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return `${name}-${id}`;
}
/** Runs a container to completion (removed afterwards). */
function once(args: string[], timeoutMs = 120_000) {
  return docker(["run", "--rm", ...args], timeoutMs);
}
async function logs(container: string): Promise<string> {
  const r = await docker(["logs", "--tail", "60", container]);
  return `${r.stdout}${r.stderr}`;
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
/** Polls until check() returns true; fails with the container's log when it never does. */
async function waitFor(what: string, container: string, check: () => Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    const state = await docker(["inspect", "--format", "{{.State.Status}}", container]);
    if (Date.now() > end || state.stdout.trim() === "exited")
      throw new Error(
        `${what}: not within ${timeoutMs / 1000} s (${state.stdout.trim()})\n${await logs(container)}`,
      );
    await new Promise((r) => setTimeout(r, 1000));
  }
}
async function httpStatus(url: string): Promise<number> {
  const r = await fetch(url, { signal: AbortSignal.timeout(5000) });
  await r.arrayBuffer();
  return r.status;
}

// --- the chart, rendered -------------------------------------------------------------------------------------
interface K8sObject {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: Record<string, unknown>;
}
interface Container {
  name: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
}
let objects: K8sObject[] = [];
let defaultObjects: K8sObject[] = [];
function object(kind: string, name: string): K8sObject {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`helm template rendered no ${kind}/${name}`);
  return o;
}
function configData(name: string, key: string): string {
  const v = object("ConfigMap", name).data?.[key];
  if (v === undefined) throw new Error(`ConfigMap ${name} has no ${key}`);
  return v;
}
function container(kind: string, name: string, containerName: string): Container {
  const spec = object(kind, name).spec as {
    template?: { spec: { containers: Container[] } };
    containers?: Container[];
  };
  const list = spec.template?.spec.containers ?? spec.containers ?? [];
  const c = list.find((x) => x.name === containerName);
  if (!c) throw new Error(`${kind}/${name} has no container ${containerName}`);
  return c;
}
/** The container's plain env values (those from Secrets are given by the test). */
function plainEnv(c: Container): Record<string, string> {
  return Object.fromEntries(
    (c.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value ?? ""]),
  );
}

let work: string;
const pgPassword = `pg-${id}`;
const dagsterPassword = `dagster-${id}`;

beforeAll(async () => {
  const info = await docker(["info", "--format", "{{.ServerVersion}}"]);
  if (info.code !== 0)
    throw new Error(`no Docker daemon answers (${info.stderr.trim()}): run scripts/docker.sh`);
  work = tempDir("floe-images-test-");
  // As the local lane runs it (Jaeger on: the collector exports to it), and with the chart's defaults (Jaeger
  // off: the collector's debug exporter).
  const render = async (...set: string[]) => {
    const r = await runTool(
      [
        helm(4),
        "template",
        release,
        path.join(repoRoot, "charts", "floe-platform"),
        "--namespace",
        "default",
        ...set.flatMap((s) => ["--set", s]),
      ],
      { timeoutMs: 60_000 },
    );
    if (r.code !== 0) throw new Error(`helm template failed: ${r.stderr}`);
    return parseAllDocuments(r.stdout)
      .map((d) => d.toJS() as K8sObject | null)
      .filter((o): o is K8sObject => o !== null);
  };
  objects = await render("jaeger.enabled=true");
  defaultObjects = await render();
  const net = await docker(["network", "create", "--label", label, network]);
  if (net.code !== 0) throw new Error(`docker network create failed: ${net.stderr}`);
}, 120_000);

afterAll(async () => {
  const left = await docker(["ps", "-aq", "--filter", `label=${label}`]);
  const ids = left.stdout.split("\n").filter(Boolean);
  if (ids.length) await docker(["rm", "-f", "-v", ...ids]);
  await docker(["network", "rm", network]);
  const after = await docker(["ps", "-aq", "--filter", `label=${label}`]);
  expect(after.stdout.trim()).toBe("");
}, 120_000);

describe("images of the local lane (scripts/images.sh)", () => {
  it("--list names every image as floe.local/<component>:<tag>", () => {
    expect([...images.keys()]).toEqual([
      "postgres",
      "minio",
      "mc",
      "otel-collector",
      "jaeger",
      "curl",
      "metrics-server",
      "external-secrets",
      "dagster-celery-k8s",
      "example-orders",
    ]);
    for (const ref of images.values()) expect(ref).toMatch(/^floe\.local\/[a-z0-9-]+:[A-Za-z0-9._-]+$/);
  });

  it("postgres: the chart's StatefulSet container initialises, runs the chart's init script and answers psql with the password", async () => {
    const ref = await needImage("postgres");
    const sts = container("StatefulSet", `${prefix}-postgresql`, "postgresql");
    const init = path.join(work, "initdb.d");
    await mkdir(init);
    await writeFile(
      path.join(init, "10-floe-init.sh"),
      configData(`${prefix}-postgresql-init`, "10-floe-init.sh"),
    );
    await chmod(path.join(init, "10-floe-init.sh"), 0o555);
    const env: Record<string, string> = {
      ...plainEnv(sts),
      POSTGRES_PASSWORD: pgPassword,
      DAGSTER_PASSWORD: dagsterPassword,
      POLARIS_PASSWORD: `polaris-${id}`,
    };
    expect(env.PGDATA).toBe("/var/lib/postgresql/data/pgdata");
    const pg = await start(`${prefix}-postgresql`, [
      ...secured("999:999"),
      ...tmpfs("/var/lib/postgresql/data", 999),
      ...tmpfs("/var/run/postgresql", 999),
      ...tmpfs("/tmp", 999),
      "-v",
      `${init}:/docker-entrypoint-initdb.d:ro`,
      ...envArgs(env),
      ref,
    ]);
    // The chart's probes: pg_isready on 127.0.0.1:5432 inside the container.
    await waitFor(
      "pg_isready (the chart's probe)",
      pg,
      async () =>
        (await docker(["exec", pg, "pg_isready", "-U", "postgres", "-h", "127.0.0.1", "-p", "5432"])).code ===
        0,
      120_000,
    );
    const psql = (user: string, db: string, password: string) =>
      once([
        ...secured("999:999"),
        ...tmpfs("/tmp", 999),
        ...envArgs({ PGPASSWORD: password, HOME: "/tmp" }),
        ref,
        "psql",
        "-h",
        `${prefix}-postgresql`,
        "-U",
        user,
        "-d",
        db,
        "-v",
        "ON_ERROR_STOP=1",
        "-tAc",
        "SELECT current_user || ' ' || current_database() || ' ' || current_setting('server_version')",
      ]);
    const ok = await psql("dagster", "dagster", dagsterPassword);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.trim()).toBe("dagster dagster 16.6");
    const su = await psql("postgres", "postgres", pgPassword);
    expect(su.code, su.stderr).toBe(0);
    const wrong = await psql("dagster", "dagster", "not-the-password");
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain("password authentication failed");
  });

  it("minio: the chart's StatefulSet container serves /minio/health/live and /ready; mc runs the chart's setup Job script against it", async () => {
    const ref = await needImage("minio");
    const mcRef = await needImage("mc");
    const c = container("StatefulSet", `${prefix}-minio`, "minio");
    expect(c.command).toBeUndefined(); // the image's entrypoint turns `server ...` into `minio server ...`
    const root = { MINIO_ROOT_USER: `root${id}`, MINIO_ROOT_PASSWORD: `rootpw-${id}-secret` };
    const minio = await start(`${prefix}-minio`, [
      ...secured("1000:1000"),
      ...tmpfs("/data", 1000),
      ...tmpfs("/tmp", 1000),
      ...envArgs({ ...plainEnv(c), ...root }),
      ref,
      ...(c.args ?? []),
    ]);
    const addr = await ip(minio);
    await waitFor(
      "MinIO /minio/health/live",
      minio,
      async () => (await httpStatus(`http://${addr}:9000/minio/health/live`)) === 200,
      120_000,
    );
    await waitFor(
      "MinIO /minio/health/ready",
      minio,
      async () => (await httpStatus(`http://${addr}:9000/minio/health/ready`)) === 200,
      60_000,
    );
    const version = await once([...secured("1000:1000"), "--entrypoint", "minio", ref, "--version"]);
    expect(version.stdout).toContain("RELEASE.2025-04-22T22-12-26Z");

    const job = container("Job", `${prefix}-minio-setup`, "setup");
    const setupEnv = {
      ...plainEnv(job),
      ...root,
      POLARIS_ACCESS_KEY: `polaris${id}`,
      POLARIS_SECRET_KEY: `polaris-secret-${id}`,
    };
    const runMc = (script: string[]) =>
      once([
        ...secured("1000:1000"),
        ...tmpfs("/tmp", 1000),
        ...envArgs(setupEnv),
        "--entrypoint",
        job.command?.[0] ?? "sh",
        mcRef,
        ...(job.command?.slice(1) ?? []),
        ...script,
      ]);
    const setup = await runMc(job.args ?? []);
    expect(setup.code, `${setup.stdout}${setup.stderr}`).toBe(0);
    expect(setup.stdout).toContain("minio setup done: floe-warehouse");
    // Idempotent, as the chart's post-upgrade hook needs.
    const again = await runMc(job.args ?? []);
    expect(again.code, `${again.stdout}${again.stderr}`).toBe(0);
    const ls = await runMc([
      'mc alias set floe "$S3_ENDPOINT" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null && mc ls floe && mc --version',
    ]);
    expect(ls.code, ls.stderr).toBe(0);
    expect(ls.stdout).toContain("floe-warehouse/");
    expect(ls.stdout).toContain("RELEASE.2025-04-16T18-13-26Z");
  });

  it("otel-collector + jaeger: both start as the chart runs them, and the chart's OTel -> Jaeger test script passes in the curl image", async () => {
    const jaegerRef = await needImage("jaeger");
    const otelRef = await needImage("otel-collector");
    const curlRef = await needImage("curl");
    const j = container("Deployment", `${prefix}-jaeger`, "jaeger");
    const jaeger = await start(`${prefix}-jaeger`, [
      ...secured("10001:10001"),
      ...tmpfs("/tmp", 10001),
      ...envArgs(plainEnv(j)),
      jaegerRef,
      ...(j.args ?? []),
    ]);
    const jaegerIp = await ip(jaeger);
    await waitFor(
      "Jaeger admin port (the chart's probe)",
      jaeger,
      async () => (await httpStatus(`http://${jaegerIp}:14269/`)) === 200,
      120_000,
    );
    const services = await fetch(`http://${jaegerIp}:16686/api/services`);
    expect(services.status).toBe(200);

    const o = container("Deployment", `${prefix}-otel-collector`, "otel-collector");
    const conf = path.join(work, "otel");
    await mkdir(conf);
    await writeFile(path.join(conf, "config.yaml"), configData(`${prefix}-otel-collector`, "config.yaml"));
    await chmod(conf, 0o755);
    const otel = await start(`${prefix}-otel-collector`, [
      ...secured("10001:10001"),
      ...tmpfs("/tmp", 10001),
      "-v",
      `${conf}:/conf:ro`,
      ...envArgs(plainEnv(o)),
      otelRef,
      ...(o.args ?? []),
    ]);
    const otelIp = await ip(otel);
    await waitFor(
      "collector health_check (the chart's probe)",
      otel,
      async () => (await httpStatus(`http://${otelIp}:13133/`)) === 200,
      120_000,
    );

    const test = container("Pod", `${prefix}-test-otel-jaeger`, "check");
    const env: Record<string, string> = {
      ...plainEnv(test),
      OTEL: `http://${prefix}-otel-collector:4318`,
      JAEGER: `http://${prefix}-jaeger:16686`,
    };
    const run = await once(
      [
        ...secured("10001:10001"),
        ...tmpfs("/tmp", 10001),
        ...envArgs(env),
        "--entrypoint",
        test.command?.[0] ?? "sh",
        curlRef,
        ...(test.command?.slice(1) ?? []),
        ...(test.args ?? []),
      ],
      180_000,
    );
    expect(run.code, `${run.stdout}${run.stderr}\n${await logs(otel)}`).toBe(0);
    expect(run.stdout).toMatch(/OK: floe-helm-test-\d+ is in Jaeger/);

    // The chart's default config (Jaeger off: the debug exporter) is accepted by this build too.
    const plain = path.join(work, "otel-default");
    await mkdir(plain);
    const cm = defaultObjects.find(
      (x) => x.kind === "ConfigMap" && x.metadata.name === `${prefix}-otel-collector`,
    );
    const plainConfig = cm?.data?.["config.yaml"] ?? "";
    expect(plainConfig).toContain("debug:");
    await writeFile(path.join(plain, "config.yaml"), plainConfig);
    await chmod(plain, 0o755);
    const validate = await once([
      ...secured("10001:10001"),
      "-v",
      `${plain}:/conf:ro`,
      otelRef,
      "validate",
      "--config=/conf/config.yaml",
    ]);
    expect(validate.code, `${validate.stdout}${validate.stderr}`).toBe(0);
  }, 300_000);

  it("curl: Debian's curl runs as the chart's test user with a read-only root", async () => {
    const ref = await needImage("curl");
    const v = await once([...secured("10001:10001"), ...tmpfs("/tmp", 10001), ref, "--version"]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/^curl 7\.88\.1 .*\n(.|\n)*Protocols: .*https/);
    const sh = await once([
      ...secured("10001:10001"),
      ...tmpfs("/tmp", 10001),
      "--entrypoint",
      "sh",
      ref,
      "-c",
      "curl -fsS file:///etc/os-release | grep -q bookworm && echo ok > /tmp/x && cat /tmp/x",
    ]);
    expect(sh.code, sh.stderr).toBe(0);
    expect(sh.stdout.trim()).toBe("ok");
  });

  it("metrics-server: the release's binary says its version, as `cluster up --metrics-server` runs it (user 1000, read-only root)", async () => {
    const ref = await needImage("metrics-server");
    const v = await once([...secured("1000:1000"), ...tmpfs("/tmp", 1000), ref, "--version"]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout.trim()).toBe("v0.8.0");
    // The HPA check's load runs in the curl image: its curl posts in parallel and `timeout` ends it.
    const curl = await needImage("curl");
    const t = await once([
      ...secured("10001:10001"),
      "--entrypoint",
      "timeout",
      curl,
      "2",
      "curl",
      "--parallel",
      "--help",
      "all",
    ]);
    expect(t.stdout).toContain("--parallel-max");
  });

  it("external-secrets: ESO v0.16.2's controller with only the fake provider says its version (user 65534, read-only root), and carries the module's CRDs of ExternalSecret, SecretStore and ClusterSecretStore (serving external-secrets.io/v1) in /crds", async () => {
    const ref = await needImage("external-secrets");
    const v = await once([...secured("65534:65534"), ref, "--version"]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout.trim()).toBe(
      "external-secrets v0.16.2 (controller: SecretStore, ClusterSecretStore, ExternalSecret; provider: fake)",
    );
    // What `cluster up --external-secrets` reads out of the image (the same docker run).
    const crds = await runTool(crdsFromImageArgv("docker", ref), { timeoutMs: 60_000 });
    expect(crds.code, crds.stderr).toBe(0);
    expect(crdNames(crds.stdout).sort()).toEqual([...ESO_CRDS].sort());
    const docs = parseAllDocuments(crds.stdout).map(
      (d) => d.toJS() as { spec: { versions: Array<{ name: string; served: boolean; storage: boolean }> } },
    );
    for (const d of docs)
      expect(d.spec.versions.filter((x) => x.served && x.storage).map((x) => x.name)).toEqual(["v1"]);
    // Without its flags' cluster it stops at once, saying it has no kubeconfig (no cloud provider linked).
    const noCluster = await once([...secured("65534:65534"), ref]);
    expect(noCluster.code).not.toBe(0);
    expect(`${noCluster.stdout}${noCluster.stderr}`).toMatch(
      /kubeconfig|KUBERNETES_SERVICE_HOST|in-cluster/i,
    );
  });

  it("dagster: the webserver of the chart answers /server_info and reads runs from PostgreSQL; python, the daemon and dbt run", async () => {
    const ref = await needImage("dagster-celery-k8s");
    await needImage("postgres");
    const c = container("Deployment", `${prefix}-dagster-webserver`, "webserver");
    const home = path.join(work, "dagster_home");
    const workspace = path.join(work, "workspace");
    await mkdir(home);
    await mkdir(workspace);
    await writeFile(
      path.join(home, "dagster.yaml"),
      configData(`${prefix}-dagster-instance`, "dagster.yaml"),
    );
    await writeFile(
      path.join(workspace, "workspace.yaml"),
      configData(`${prefix}-dagster-workspace`, "workspace.yaml"),
    );
    const env: Record<string, string> = { ...plainEnv(c), DAGSTER_PG_PASSWORD: dagsterPassword };
    expect(env.DAGSTER_PG_HOST).toBe(`${prefix}-postgresql`); // the PostgreSQL of the postgres test
    const mounts = [
      "-v",
      `${home}:/opt/dagster/dagster_home:ro`,
      "-v",
      `${workspace}:/opt/dagster/workspace:ro`,
      ...tmpfs("/tmp", 1001),
    ];
    const web = await start(`${prefix}-dagster-webserver`, [
      ...secured("1001:1001"),
      ...mounts,
      ...envArgs(env),
      "--entrypoint",
      c.command?.[0] ?? "dagster-webserver",
      ref,
      ...(c.command?.slice(1) ?? []),
      ...(c.args ?? []),
    ]);
    const addr = await ip(web);
    await waitFor(
      "dagster-webserver /server_info (the chart's probe)",
      web,
      async () => (await httpStatus(`http://${addr}:3000/server_info`)) === 200,
      240_000,
    );
    const info = (await (await fetch(`http://${addr}:3000/server_info`)).json()) as Record<string, string>;
    expect(info.dagster_version).toBe("1.9.6");
    expect(info.dagster_webserver_version).toBe("1.9.6");
    const gql = await fetch(`http://${addr}:3000/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query: "{ runsOrError { __typename } version }" }),
    });
    const body = await gql.text();
    expect(gql.status, body).toBe(200);
    expect(body).toMatch(/"__typename": *"Runs"/);

    const tools = await once([
      ...secured("1001:1001"),
      ...mounts,
      ...envArgs(env),
      "--entrypoint",
      "sh",
      ref,
      "-c",
      "python -c 'import sys; print(sys.version.split()[0])' && dagster-daemon --help >/dev/null && echo daemon-ok && dbt --version",
    ]);
    expect(tools.code, tools.stderr).toBe(0);
    expect(tools.stdout).toMatch(/^3\.11\./);
    expect(tools.stdout).toContain("daemon-ok");
    expect(tools.stdout).toMatch(/installed: 1\.9\.0/);
    expect(tools.stdout).toMatch(/postgres: 1\.9\.0/);
    // charts/floe-jobs' dbt-build Job runs `dbt` as uid 10001 in /tmp: this image can stand in for
    // ghcr.io/dbt-labs/dbt-postgres:1.9.0 there.
    const dbt = await once([
      ...secured("10001:10001"),
      ...tmpfs("/tmp", 10001),
      "-e",
      "HOME=/tmp",
      "-w",
      "/tmp",
      "--entrypoint",
      "dbt",
      ref,
      "--version",
    ]);
    expect(dbt.code, dbt.stderr).toBe(0);
    expect(dbt.stdout).toMatch(/installed: 1\.9\.0/);
  }, 300_000);
});
