// Manifest -> floe-platform, data product -> floe-jobs, the endpoints between the two charts, and literal
// credentials (src/generate/platform.ts, jobs.ts, secrets.ts): pure functions, table-driven.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { isCredentialKey } from "../../src/checks/values-files/plain-secret.js";
import { endpointValues, mapProduct } from "../../src/generate/jobs.js";
import {
  endpointWarnings,
  fullnameOf,
  isBundledMinio,
  mapManifest,
  platformEndpoints,
} from "../../src/generate/platform.js";
import { plainSecrets } from "../../src/generate/secrets.js";
import { parseYamlText } from "../../src/values/yaml.js";

const fixtures = path.join(import.meta.dirname, "..", "fixtures", "floe");
const load = (file: string) =>
  parseYamlText(readFileSync(path.join(fixtures, file), "utf8"), `tests/fixtures/floe/${file}`, "1.1");

const manifest = (plugins: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: "floe.dev/v1",
  kind: "Manifest",
  metadata: { name: "harbour", version: "1.0.0", owner: "t" },
  plugins,
  ...extra,
});

describe("manifest -> floe-platform values", () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      "polaris catalog: on, warehouse is the catalog name",
      { catalog: { type: "polaris", config: { warehouse: "lake", uri: "http://x" } } },
      { polaris: { enabled: true, catalogName: "lake" } },
    ],
    [
      "glue catalog: the platform runs no Polaris",
      { catalog: { type: "glue" } },
      { polaris: { enabled: false } },
    ],
    [
      "s3 on the bundled MinIO",
      {
        storage: {
          type: "s3",
          config: { endpoint: "http://floe-platform-minio:9000", bucket: "b", region: "r" },
        },
      },
      { objectStorage: { mode: "minio", bucket: "b", region: "r" } },
    ],
    ["minio", { storage: { type: "minio" } }, { objectStorage: { mode: "minio" } }],
    [
      "s3 elsewhere: external",
      {
        storage: {
          type: "s3",
          config: { endpoint: "https://s3.eu-west-1.amazonaws.com", path_style_access: false },
        },
      },
      {
        objectStorage: {
          mode: "external",
          external: { endpoint: "https://s3.eu-west-1.amazonaws.com", pathStyleAccess: false },
        },
      },
    ],
    ["marquez lineage", { lineage_backend: { type: "marquez" } }, { marquez: { enabled: true } }],
    ["atlan lineage: no Marquez", { lineage_backend: { type: "atlan" } }, { marquez: { enabled: false } }],
    ["compute and dbt: nothing for the platform", { compute: { type: "duckdb" }, dbt: { type: "core" } }, {}],
  ])("%s", (_name, plugins, want) => {
    const m = mapManifest(manifest(plugins));
    expect(m.values).toEqual({ commonLabels: { "floe.dev/platform": "harbour" }, ...want });
    expect(m.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ["airflow orchestrator", { orchestrator: { type: "airflow" } }, ["plugins", "orchestrator", "type"]],
    ["gcs storage", { storage: { type: "gcs" } }, ["plugins", "storage", "type"]],
  ])("%s: an error at the plugin's type", (_name, plugins, at) => {
    const errors = mapManifest(manifest(plugins)).findings.filter((f) => f.severity === "error");
    expect(errors.map((e) => e.path)).toEqual([at]);
  });

  test("a literal credential is never mapped", () => {
    const m = mapManifest(load("manifest-valid.yaml").value);
    expect(JSON.stringify(m.values)).not.toContain("harbour-loader-secret");
    expect(JSON.stringify(m.values)).not.toContain("client_secret");
  });

  test.each<[string | undefined, boolean]>([
    ["http://floe-platform-minio:9000", true],
    ["http://minio:9000", true],
    ["http://harbour-minio.data.svc:9000", true],
    ["https://s3.eu-west-1.amazonaws.com", false],
    ["http://minio-gateway.example.com", false],
    [undefined, false],
    ["not a url", false],
  ])("isBundledMinio(%j) = %s", (endpoint, want) => {
    expect(isBundledMinio(endpoint)).toBe(want);
  });
});

describe("endpoints derive from the platform release, as floe-common names Services", () => {
  const values = {
    polaris: { enabled: true, catalogName: "floe", service: { port: 8181 } },
    minio: { service: { port: 9000 } },
    objectStorage: { mode: "minio", external: { endpoint: "" } },
    otelCollector: { service: { grpcPort: 4317 } },
    marquez: { enabled: true, service: { port: 5000 } },
  };
  test.each<[string, Record<string, unknown>, string]>([
    ["floe-platform", {}, "floe-platform"],
    ["prod-floe-platform-eu", {}, "prod-floe-platform-eu"],
    ["harbour", {}, "harbour-floe-platform"],
    ["harbour", { fullnameOverride: "data" }, "data"],
    ["harbour", { nameOverride: "bour" }, "harbour"],
  ])("fullname of release %s with %j", (release, over, want) => {
    expect(fullnameOf(release, over)).toBe(want);
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      "floe-platform",
      {},
      {
        polarisUrl: "http://floe-platform-polaris:8181/api/catalog",
        s3Endpoint: "http://floe-platform-minio:9000",
        otelEndpoint: "http://floe-platform-otel-collector:4317",
        marquezUrl: "http://floe-platform-marquez:5000",
        podSelector: { "app.kubernetes.io/instance": "floe-platform" },
      },
    ],
    [
      "harbour",
      { polaris: { ...values.polaris, enabled: false }, marquez: { enabled: false } },
      { polarisUrl: "", marquezUrl: "", s3Endpoint: "http://harbour-floe-platform-minio:9000" },
    ],
    [
      "floe-platform",
      {
        objectStorage: { mode: "external", external: { endpoint: "https://s3.example" } },
        polaris: { ...values.polaris, catalogName: "lake" },
      },
      { s3Endpoint: "https://s3.example", catalog: "lake" },
    ],
  ])("release %s with %j", (release, over, want) => {
    expect(platformEndpoints(release, { ...values, ...over })).toMatchObject(want);
  });

  test("every URL the manifest writes that differs is a warning at its line; the jobs get the derived ones", () => {
    const m = load("manifest-valid.yaml");
    const e = platformEndpoints("floe-platform", values);
    const w = endpointWarnings(m, e, "floe-platform");
    expect(w.map((f) => [f.line, f.message.split(":")[0]])).toEqual([
      [24, "plugins.catalog.config.uri"],
      [31, "plugins.catalog.config.oauth2.token_url"],
      [35, "plugins.storage.config.endpoint"],
      [43, "plugins.lineage_backend.config.url"],
      [54, "observability.tracing.endpoint"],
      [58, "observability.lineage.endpoint"],
    ]);
    expect(w.every((f) => f.severity === "warning" && f.rule === "generate/derived-endpoint")).toBe(true);
    expect(endpointValues(e)).toEqual({ platform: { ...e } });
  });

  test("a manifest whose URLs are the derived ones: no warning", () => {
    const m = parseYamlText(
      [
        "plugins:",
        "  catalog: {type: polaris, config: {uri: 'http://floe-platform-polaris:8181/api/catalog/'}}",
        "  lineage_backend: {type: marquez, config: {url: 'http://floe-platform-marquez:5000'}}",
      ].join("\n"),
      "m.yaml",
    );
    expect(endpointWarnings(m, platformEndpoints("floe-platform", values), "floe-platform")).toEqual([]);
  });
});

describe("data product -> floe-jobs values", () => {
  const spec = (extra: Record<string, unknown>) => ({
    apiVersion: "floe.dev/v1",
    kind: "FloeSpec",
    metadata: { name: "orders", version: "1.2.0", labels: { domain: "sales" } },
    transforms: [{ name: "a" }],
    ...extra,
  });
  const labels = { domain: "sales", "floe.dev/product": "orders", "floe.dev/product-version": "1.2.0" };
  test.each<[string, Record<string, unknown>, Record<string, unknown>, string[]]>([
    ["no schedule: the build runs after install", {}, { commonLabels: labels }, []],
    [
      "a schedule: the build job becomes a CronJob in floe's default time zone, UTC",
      { schedule: { cron: "0 2 * * *" } },
      { commonLabels: labels, jobs: { "dbt-build": { schedule: "0 2 * * *", timeZone: "UTC" } } },
      [],
    ],
    [
      "a disabled schedule",
      { schedule: { cron: "0 2 * * *", enabled: false } },
      { commonLabels: labels },
      ["generate/schedule-disabled"],
    ],
    [
      "a time zone: the CronJob's timeZone",
      { schedule: { cron: "0 2 * * *", timezone: "Europe/Amsterdam" } },
      {
        commonLabels: labels,
        jobs: { "dbt-build": { schedule: "0 2 * * *", timeZone: "Europe/Amsterdam" } },
      },
      [],
    ],
    [
      "a time zone that is not an IANA one: an error, nothing mapped from it",
      { schedule: { cron: "0 2 * * *", timezone: "Mars/Olympus" } },
      { commonLabels: labels, jobs: { "dbt-build": { schedule: "0 2 * * *" } } },
      ["generate/time-zone"],
    ],
    [
      "a bad time zone of a disabled schedule is still an error",
      { schedule: { cron: "0 2 * * *", timezone: "europe/amsterdam", enabled: false } },
      { commonLabels: labels },
      ["generate/time-zone", "generate/schedule-disabled"],
    ],
    [
      "a preset label: the jobs' resources",
      { metadata: { name: "orders", version: "1.2.0", labels: { "floe.dev/resource-preset": "medium" } } },
      {
        commonLabels: {
          "floe.dev/resource-preset": "medium",
          "floe.dev/product": "orders",
          "floe.dev/product-version": "1.2.0",
        },
        jobDefaults: {
          resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "1000m", memory: "1Gi" } },
        },
      },
      [],
    ],
    [
      "a preset label naming no preset: an error",
      { metadata: { name: "orders", version: "1.2.0", labels: { "floe.dev/resource-preset": "xl" } } },
      {
        commonLabels: {
          "floe.dev/resource-preset": "xl",
          "floe.dev/product": "orders",
          "floe.dev/product-version": "1.2.0",
        },
      },
      ["generate/unknown-preset"],
    ],
  ])("%s", (_name, extra, want, rules) => {
    const m = mapProduct(spec(extra));
    expect(m.values).toEqual(want);
    expect(m.findings.map((f) => f.rule)).toEqual(rules);
  });
});

describe("literal credentials: plain-secret warnings, never copied", () => {
  test.each<[string, boolean]>([
    ["client_secret", true],
    ["password", true],
    ["db_password", true],
    ["apiKey", true],
    ["api_key", true],
    ["token", true],
    ["secret_access_key", true],
    ["private_key", true],
    ["connection_secret_ref", false],
    ["token_url", false],
    ["existingSecret", false],
    ["client_id", false],
    ["secrets", false],
    ["tokenizer", false],
  ])("isCredentialKey(%j) = %s", (key, want) => {
    expect(isCredentialKey(key)).toBe(want);
  });

  test("the manifest's oauth2 client_secret: one warning at its line, pointing at polaris.auth.existingSecret", () => {
    const f = plainSecrets(load("manifest-valid.yaml"));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: "plain-secret",
      severity: "warning",
      file: "tests/fixtures/floe/manifest-valid.yaml",
      line: 29,
      col: 9,
    });
    expect(f[0]!.message).toMatch(/plugins\.catalog\.config\.oauth2\.client_secret: a literal credential/);
    expect(f[0]!.message).toMatch(/polaris\.auth\.existingSecret/);
    expect(f[0]!.message).not.toContain("harbour-loader-secret");
  });

  test.each<[string, string, RegExp]>([
    [
      "a storage secret key",
      "plugins:\n  storage:\n    config:\n      secret_access_key: abc\n",
      /objectStorage\.external\.existingSecret/,
    ],
    [
      "a URL with a password",
      "destinations:\n  - config:\n      url: postgres://u:pw@db:5432/x\n",
      /credentials\.existingSecret/,
    ],
  ])("%s", (_name, text, points) => {
    const f = plainSecrets(parseYamlText(text, "f.yaml"));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(points);
  });

  test.each(["product-valid-shipments.yaml", "product-valid-berths.yaml"])("%s has none", (file) => {
    expect(plainSecrets(load(file))).toEqual([]);
  });
});
