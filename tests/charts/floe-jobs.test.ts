// charts/floe-jobs with the real helm 3 and 4: every scenario lints clean and renders what it says (a hook
// Job per unscheduled job, a CronJob per scheduled one, names within 52/63 characters, restricted security
// on every container, no credentials); bad values fail with helm's own messages (the schema, and one fail
// listing every cross-value problem). The gate over this repository (tests/gate/repo.test.ts) covers the
// rest: kubesec, policies, references, dead values. The install on a cluster is tests/install/test-phase.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot } from "../helpers/tools.js";
import { type K8s, parseManifests, runHelm } from "./chart.js";

const chartDir = path.join(repoRoot, "charts", "floe-jobs");
const majors = [3, 4] as const;
const scenarios = [
  { name: "default", files: [] as string[] },
  ...["dev", "test", "staging", "prod"].map((e) => ({ name: e, files: [`values-${e}.yaml`] })),
  ...readdirSync(path.join(chartDir, "ci"))
    .sort()
    .map((f) => ({ name: `ci/${f.replace(/-values\.yaml$/, "")}`, files: [`ci/${f}`] })),
];
const matrix = scenarios.flatMap((s) => majors.map((major) => ({ ...s, major })));

const run = (major: 3 | 4, args: string[]) => runHelm(major, args, undefined, chartDir);
const values = (files: string[]) => files.flatMap((f) => ["-f", f]);
async function render(major: 3 | 4, files: string[], release = "floe-jobs") {
  const r = await run(major, ["template", release, ".", "--namespace", "data", ...values(files)]);
  expect(r.code, r.stderr).toBe(0);
  return parseManifests(r.stdout).objects;
}
const podSpecOf = (o: K8s): K8s =>
  o.kind === "CronJob"
    ? o.spec.jobTemplate.spec.template.spec
    : o.kind === "Job"
      ? o.spec.template.spec
      : o.spec;

describe("floe-jobs: helm lint --strict (real helm 3 and 4)", () => {
  it.each(matrix)("$name lints clean on helm $major", async ({ files, major }) => {
    const r = await run(major, ["lint", "--strict", ".", ...values(files)]);
    expect(r.stdout + r.stderr).toContain("1 chart(s) linted, 0 chart(s) failed");
    expect(r.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
  });
});

describe("floe-jobs: what each scenario renders", () => {
  it.each(majors)(
    "default (helm %i): one hook Job after install and upgrade, replaced each time",
    async (major) => {
      const objs = await render(major, []);
      const jobs = objs.filter((o) => o.kind === "Job");
      expect(jobs.map((j) => j.metadata.name)).toEqual(["floe-jobs-dbt-build"]);
      expect(jobs[0]!.metadata.annotations).toMatchObject({
        "helm.sh/hook": "post-install,post-upgrade",
        "helm.sh/hook-delete-policy": "before-hook-creation",
      });
      expect(objs.filter((o) => o.kind === "CronJob")).toEqual([]);
      // No Secret is rendered: credentials only come from an existing one.
      expect(objs.filter((o) => o.kind === "Secret")).toEqual([]);
    },
  );

  it.each(majors)(
    "prod (helm %i): CronJobs on their schedules, secrets from the existing Secret, egress policy",
    async (major) => {
      const objs = await render(major, ["values-prod.yaml"]);
      const crons = objs.filter((o) => o.kind === "CronJob");
      expect(crons.map((c) => [c.metadata.name, c.spec.schedule, c.spec.concurrencyPolicy])).toEqual([
        ["floe-jobs-dbt-full-refresh", "0 3 * * 0", "Forbid"],
        ["floe-jobs-dbt-hourly", "0 * * * *", "Forbid"],
      ]);
      expect(objs.filter((o) => o.kind === "Job")).toEqual([]);
      const env = podSpecOf(crons[1]!).containers[0].env as K8s[];
      expect(env.find((e) => e.name === "FLOE_DB_PASSWORD")).toEqual({
        name: "FLOE_DB_PASSWORD",
        valueFrom: { secretKeyRef: { name: "floe-jobs-credentials", key: "db-password" } },
      });
      const np = objs.find((o) => o.kind === "NetworkPolicy")!;
      expect(np.spec.policyTypes).toEqual(["Ingress", "Egress"]);
      expect(np.spec.ingress).toBeUndefined();
    },
  );

  it.each(majors)(
    "a time zone (helm %i): the CronJob's spec.timeZone; none without one, none on a hook Job",
    async (major) => {
      const file = path.join(tempDir("floe-jobs-tz-"), "v.yaml");
      writeFileSync(
        file,
        [
          "jobs:",
          "  nightly:",
          '    schedule: "0 2 * * *"',
          "    timeZone: Europe/Amsterdam",
          "  hourly:",
          '    schedule: "0 * * * *"',
          "  once:",
          "    timeZone: America/New_York",
          "",
        ].join("\n"),
      );
      const objs = await render(major, [file]);
      const crons = objs.filter((o) => o.kind === "CronJob");
      expect(crons.map((c) => [c.metadata.name, c.spec.schedule, c.spec.timeZone])).toEqual([
        ["floe-jobs-hourly", "0 * * * *", undefined],
        ["floe-jobs-nightly", "0 2 * * *", "Europe/Amsterdam"],
      ]);
      const jobs = objs.filter((o) => o.kind === "Job");
      expect(jobs.map((j) => j.metadata.name)).toEqual(["floe-jobs-dbt-build", "floe-jobs-once"]);
      for (const j of jobs) expect(JSON.stringify(j)).not.toContain("timeZone");
    },
  );

  it.each(majors)(
    "long names (helm %i): CronJob names within 52 characters, every name within 63",
    async (major) => {
      const objs = await render(
        major,
        ["ci/long-names-values.yaml"],
        "a-release-name-that-is-long-enough-to-matter-here",
      );
      for (const o of objs) expect(o.metadata.name.length, o.metadata.name).toBeLessThanOrEqual(63);
      const cron = objs.find((o) => o.kind === "CronJob")!;
      expect(cron.metadata.name).toBe("a-long-data-product-release-name-x-nightly-run");
      expect(cron.metadata.name.length).toBeLessThanOrEqual(52);
    },
  );

  it.each(matrix)(
    "$name (helm $major): every container runs restricted, with resources",
    async ({ files, major }) => {
      const objs = await render(major, files);
      const pods = objs.filter((o) => ["Job", "CronJob", "Pod"].includes(o.kind));
      expect(pods.length).toBeGreaterThan(0);
      for (const o of pods) {
        const spec = podSpecOf(o);
        expect(spec.automountServiceAccountToken).toBe(false);
        expect(spec.securityContext).toMatchObject({
          runAsNonRoot: true,
          seccompProfile: { type: "RuntimeDefault" },
        });
        for (const c of spec.containers as K8s[]) {
          expect(c.securityContext, `${o.kind}/${o.metadata.name}`).toMatchObject({
            runAsNonRoot: true,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ["ALL"] },
          });
          expect(c.resources.limits).toBeDefined();
          expect(c.resources.requests).toBeDefined();
          expect(c.image).not.toMatch(/:latest$/);
        }
      }
    },
  );
});

describe("floe-jobs: a platform without Polaris or Marquez (their URLs empty)", () => {
  const configOf = (objs: K8s[]) =>
    objs.find((o) => o.kind === "ConfigMap" && !o.metadata.name.endsWith("test"));
  const testScript = (objs: K8s[]) =>
    objs.find((o) => o.kind === "Pod")!.spec.containers[0].args[0] as string;

  it("default: POLARIS_* and OPENLINEAGE_URL set, and the test pod checks them and calls Polaris", async () => {
    const file = path.join(tempDir("floe-jobs-platform-"), "v.yaml");
    writeFileSync(file, "tests:\n  platform: true\n");
    const objs = await render(4, [file]);
    expect(Object.keys(configOf(objs)!.data)).toEqual(
      expect.arrayContaining(["POLARIS_URI", "POLARIS_CATALOG", "OPENLINEAGE_URL", "S3_ENDPOINT"]),
    );
    expect(testScript(objs)).toContain("for v in POLARIS_URI POLARIS_CATALOG S3_ENDPOINT");
    expect(testScript(objs)).toContain("FAIL: Polaris does not answer");
  });

  it.each(majors)(
    "helm %s: empty URLs drop those variables and the Polaris call; the rest stays checked",
    async (major) => {
      const file = path.join(tempDir("floe-jobs-no-polaris-"), "v.yaml");
      writeFileSync(file, 'platform:\n  polarisUrl: ""\n  marquezUrl: ""\ntests:\n  platform: true\n');
      const objs = await render(major, [file]);
      const data = configOf(objs)!.data;
      expect(Object.keys(data).filter((k) => /POLARIS|OPENLINEAGE/.test(k))).toEqual([]);
      expect(data.S3_ENDPOINT).toMatch(/^http/);
      const script = testScript(objs);
      expect(script).toContain("for v in S3_ENDPOINT OTEL_EXPORTER_OTLP_ENDPOINT DBT_PROFILES_DIR; do");
      expect(script).not.toContain("Polaris");
    },
  );

  it("a URL that is neither empty nor http(s) is refused by the schema", async () => {
    const r = await run(4, ["template", "j", ".", "--set", "platform.polarisUrl=floe-platform-polaris:8181"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/polarisUrl/);
  });
});

describe("floe-jobs: bad values fail with helm's own messages", () => {
  const bad = (yaml: string) => {
    const f = path.join(tempDir("floe-jobs-bad-"), "values.yaml");
    writeFileSync(f, yaml);
    return f;
  };
  it.each([
    ["a 'latest' image tag", "image:\n  tag: latest\n", /^- at '\/image\/tag': 'not' failed$/m],
    [
      "an unknown key in a job",
      "jobs:\n  dbt-build:\n    shedule: '@daily'\n",
      /^- at '\/jobs\/dbt-build': additional properties 'shedule' not allowed$/m,
    ],
    [
      "a schedule that is not cron",
      "jobs:\n  dbt-build:\n    schedule: every hour\n",
      /^- at '\/jobs\/dbt-build\/schedule': 'every hour' does not match pattern /m,
    ],
    [
      "a time zone that is not an IANA name (an offset)",
      "jobs:\n  dbt-build:\n    schedule: '0 2 * * *'\n    timeZone: '+01:00'\n",
      /^- at '\/jobs\/dbt-build\/timeZone': '\+01:00' does not match pattern /m,
    ],
    [
      "a job name that is not a DNS label",
      "jobs:\n  DBT_Build:\n    args: [run]\n",
      /^ {2}- at '': 'DBT_Build' does not match pattern '\^\[a-z0-9\]/m,
    ],
  ])("%s (the schema)", async (_, yaml, message) => {
    for (const major of majors) {
      const r = await run(major, ["template", "x", ".", "-f", bad(yaml)]);
      expect(r.code).not.toBe(0);
      // The chart's values.schema.json refused it, at that value and for that reason.
      expect(r.stderr).toMatch(/^Error: values don't meet the specifications of the schema\(s\)/m);
      expect(r.stderr, `helm ${major}`).toMatch(message);
    }
  });

  it("every cross-value problem at once, in one message", async () => {
    const f = bad("credentials:\n  secretEnv:\n    TOKEN: token\njobs:\n  dbt-build:\n    enabled: false\n");
    for (const major of majors) {
      const r = await run(major, ["template", "x", ".", "-f", f]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain("floe-jobs: invalid values:");
      expect(r.stderr).toContain("credentials.secretEnv is set but credentials.existingSecret is empty");
      expect(r.stderr).toContain(
        "jobs: no job is enabled (and codeLocation is off): this release would run nothing",
      );
    }
  });

  it("values files hold no credentials", () => {
    for (const f of ["values.yaml", ...scenarios.flatMap((s) => s.files)]) {
      const text = readFileSync(path.join(chartDir, f), "utf8");
      // A password or secret key with a literal value (env_var() references and Secret key names are fine).
      expect(text, f).not.toMatch(/(password|secret|token)\s*:\s*["']?(?!\{\{)[A-Za-z0-9+/=]{6,}/i);
    }
  });
});

describe("floe-jobs: the Dagster code location (codeLocation)", () => {
  const orders = [
    path.join(repoRoot, "examples", "orders", "floe-jobs.values.yaml"),
    path.join(repoRoot, "examples", "orders", "floe-jobs.kind-local.values.yaml"),
  ];
  const containerOf = (objs: K8s[]) =>
    objs.find((o) => o.kind === "Deployment" && o.metadata.name === "orders-code-location")!.spec.template
      .spec.containers[0] as K8s;
  const envOf = (c: K8s) => Object.fromEntries((c.env as K8s[]).map((e) => [e.name, e.value]));

  it.each(matrix)("off by default: $name renders no Deployment or Service (helm $major)", async (s) => {
    const objs = await render(s.major, s.files);
    expect(objs.filter((o) => o.kind === "Deployment" || o.kind === "Service")).toEqual([]);
  });

  it.each(majors)(
    "on (examples/orders, helm %i): the gRPC server of the module, restricted security, gRPC probes, resources",
    async (major) => {
      const objs = await render(major, orders, "orders");
      const svc = objs.find((o) => o.kind === "Service")!;
      // The host and port examples/orders/floe-platform.values.yaml registers in the platform's workspace.
      expect([svc.metadata.name, svc.spec.ports[0].port]).toEqual(["orders-code-location", 4000]);
      const dep = objs.find((o) => o.kind === "Deployment")!;
      expect(svc.spec.selector).toEqual(dep.spec.selector.matchLabels);
      const pod = dep.spec.template.spec;
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: "RuntimeDefault" },
      });
      const c = containerOf(objs);
      expect(c.image).toBe("floe.local/example-orders:0.1.0");
      expect([...c.command, ...c.args]).toEqual([
        "dagster",
        "api",
        "grpc",
        "--module-name",
        "orders_pipeline.definitions",
        "--host",
        "0.0.0.0",
        "--port",
        "4000",
      ]);
      expect(c.securityContext).toMatchObject({
        runAsNonRoot: true,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ["ALL"] },
      });
      for (const probe of [c.readinessProbe, c.livenessProbe])
        expect(probe.grpc).toEqual({ port: 4000, service: "DagsterApi" });
      expect(c.resources.requests).toBeDefined();
      expect(c.resources.limits).toBeDefined();
    },
  );

  it("on: the runs it launches get its image and the jobs' env, password and dbt profiles (container context)", async () => {
    const objs = await render(4, orders, "orders");
    const env = envOf(containerOf(objs));
    expect(env.DAGSTER_CURRENT_IMAGE).toBe("floe.local/example-orders:0.1.0");
    expect(env.DAGSTER_LOCATION_NAME).toBe("orders");
    // dagster-k8s 0.25's container context keys (snake_case), appended to the platform's K8sRunLauncher config.
    expect(JSON.parse(env.DAGSTER_CONTAINER_CONTEXT)).toEqual({
      k8s: {
        env_config_maps: ["orders-floe-jobs"],
        env: [
          {
            name: "FLOE_DB_PASSWORD",
            value_from: { secret_key_ref: { name: "floe-platform-postgresql", key: "dagster-password" } },
          },
        ],
        env_vars: [
          "DBT_SEND_ANONYMOUS_USAGE_STATS=false",
          "DO_NOT_TRACK=1",
          "FLOE_DB_HOST=floe-platform-postgresql",
          "FLOE_DB_NAME=dagster",
          "FLOE_DB_SCHEMA=orders",
          "FLOE_DB_USER=dagster",
        ],
        volumes: [
          {
            name: "dbt-profiles",
            config_map: {
              name: "orders-floe-jobs",
              optional: true,
              items: [{ key: "profiles.yml", path: "profiles.yml" }],
            },
          },
        ],
        volume_mounts: [{ name: "dbt-profiles", mount_path: "/etc/floe/dbt", read_only: true }],
      },
    });
  });

  it("on with a NetworkPolicy: only the platform's Dagster webserver and daemon reach the gRPC port", async () => {
    const f = path.join(tempDir("floe-jobs-cl-"), "np.yaml");
    writeFileSync(f, "networkPolicy:\n  enabled: true\n");
    const objs = await render(4, [...orders, f], "orders");
    const np = objs.find((o) => o.kind === "NetworkPolicy")!;
    expect(np.spec.ingress).toEqual([
      {
        from: [
          {
            podSelector: {
              matchLabels: { "app.kubernetes.io/instance": "floe-platform" },
              matchExpressions: [
                {
                  key: "app.kubernetes.io/component",
                  operator: "In",
                  values: ["dagster-webserver", "dagster-daemon"],
                },
              ],
            },
          },
        ],
        ports: [{ protocol: "TCP", port: 4000 }],
      },
    ]);
  });

  it("on without a module: one clear error", async () => {
    const f = path.join(tempDir("floe-jobs-cl-"), "bad.yaml");
    writeFileSync(f, "codeLocation:\n  enabled: true\n");
    for (const major of majors) {
      const r = await run(major, ["template", "x", ".", "-f", f]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain("codeLocation.enabled is true but codeLocation.module is empty");
    }
  });
});
