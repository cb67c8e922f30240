// schemas/floe-manifest.schema.json and schemas/floe-spec.schema.json (issue 16, floe-helm generate): floe's
// platform manifest (kind Manifest) and data product (kind FloeSpec). The fixtures under tests/fixtures/floe
// are written for these tests in floe's format; every invalid one breaks one rule and must fail on it.
// Files are read as YAML 1.1, as floe reads them (PyYAML safe_load).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ErrorObject } from "ajv";
import { describe, expect, test } from "vitest";
import manifestSchema from "../../schemas/floe-manifest.schema.json" with { type: "json" };
import specSchema from "../../schemas/floe-spec.schema.json" with { type: "json" };
import { createAjv } from "../../src/values/ajv.js";
import { parseYamlText } from "../../src/values/yaml.js";

const dir = join(import.meta.dirname, "..", "fixtures", "floe");
const validators = {
  manifest: createAjv().compile(manifestSchema),
  spec: createAjv().compile(specSchema),
};
type Kind = keyof typeof validators;

function check(kind: Kind, file: string): ErrorObject[] {
  const loaded = parseYamlText(readFileSync(join(dir, file), "utf8"), file, "1.1");
  expect(loaded.problems).toEqual([]);
  const validate = validators[kind];
  return validate(loaded.value) ? [] : (validate.errors ?? []);
}

const where = (errors: ErrorObject[]) =>
  errors.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword }));

describe("both schemas compile with floe-helm's Ajv (draft-07)", () => {
  test.each([
    ["manifest", manifestSchema],
    ["spec", specSchema],
  ])("%s", (_name, schema) => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(() =>
      createAjv({ strict: true, strictRequired: false, strictTypes: false }).compile(schema),
    ).not.toThrow();
  });
});

describe("valid fixtures pass", () => {
  test.each<[Kind, string]>([
    ["manifest", "manifest-valid.yaml"],
    ["spec", "product-valid-shipments.yaml"],
    ["spec", "product-valid-berths.yaml"],
  ])("%s %s", (kind, file) => {
    expect(where(check(kind, file))).toEqual([]);
  });
});

describe("invalid fixtures fail where they are wrong", () => {
  test.each<[Kind, string, string, string, Record<string, unknown>?]>([
    ["manifest", "manifest-bad-apiversion.yaml", "/apiVersion", "const", { allowedValue: "floe.dev/v1" }],
    ["manifest", "manifest-unknown-plugin.yaml", "/plugins/catalog/type", "enum"],
    ["manifest", "manifest-environment-key.yaml", "", "propertyNames", { propertyName: "environments" }],
    [
      "manifest",
      "manifest-extra-plugin-key.yaml",
      "/plugins/compute",
      "additionalProperties",
      { additionalProperty: "threads" },
    ],
    ["manifest", "manifest-missing-owner.yaml", "/metadata", "required", { missingProperty: "owner" }],
    ["spec", "product-wrong-kind.yaml", "/kind", "const", { allowedValue: "FloeSpec" }],
    [
      "spec",
      "product-extra-key.yaml",
      "/transforms/0",
      "additionalProperties",
      { additionalProperty: "description" },
    ],
    ["spec", "product-missing-transforms.yaml", "", "required", { missingProperty: "transforms" }],
    ["spec", "product-bad-cron.yaml", "/schedule/cron", "pattern"],
    ["spec", "product-environment-key.yaml", "/metadata/labels", "propertyNames", { propertyName: "Host" }],
  ])("%s %s: %s %s", (kind, file, instancePath, keyword, params) => {
    const errors = check(kind, file);
    const hit = errors.find((e) => e.instancePath === instancePath && e.keyword === keyword);
    expect(hit, JSON.stringify(where(errors))).toBeDefined();
    if (params) expect(hit?.params).toMatchObject(params);
  });
});

describe("the manifest's literal secret is in the valid fixture (a later slice reports it)", () => {
  test("plugins.catalog.config.oauth2.client_secret is written inline", () => {
    const loaded = parseYamlText(readFileSync(join(dir, "manifest-valid.yaml"), "utf8"), "m", "1.1");
    const m = loaded.value as { plugins: { catalog: { config: { oauth2: { client_secret: unknown } } } } };
    expect(typeof m.plugins.catalog.config.oauth2.client_secret).toBe("string");
  });
});

describe("rules floe applies that a plain closed object would miss", () => {
  const manifest = () => ({
    apiVersion: "floe.dev/v1",
    kind: "Manifest",
    metadata: { name: "harbour", version: "1.0.0", owner: "team" },
    plugins: { compute: { type: "duckdb" } },
  });
  const spec = () => ({
    apiVersion: "floe.dev/v1",
    kind: "FloeSpec",
    metadata: { name: "shipments", version: "1.0.0" },
    transforms: [{ name: "stg_a" }] as Record<string, unknown>[],
  });
  test.each<[string, Kind, Record<string, unknown>, boolean]>([
    [
      "unknown top-level manifest key (floe warns, ignores)",
      "manifest",
      { ...manifest(), cluster: {} },
      true,
    ],
    [
      "reserved manifest name",
      "manifest",
      { ...manifest(), metadata: { name: "floe", version: "1.0.0", owner: "t" } },
      false,
    ],
    ["scope domain without parent_manifest", "manifest", { ...manifest(), scope: "domain" }, false],
    [
      "scope domain with parent_manifest",
      "manifest",
      { ...manifest(), scope: "domain", parent_manifest: "oci://r/p:1" },
      true,
    ],
    [
      "approved_plugins without scope enterprise",
      "manifest",
      { ...manifest(), approved_plugins: { compute: ["duckdb"] } },
      false,
    ],
    [
      "policy_enforcement_level: off unquoted (false)",
      "manifest",
      { ...manifest(), governance: { policy_enforcement_level: false } },
      false,
    ],
    [
      "tracing endpoint on localhost",
      "manifest",
      { ...manifest(), observability: { tracing: { endpoint: "http://localhost:4317" } } },
      false,
    ],
    [
      "nested resource preset",
      "manifest",
      {
        ...manifest(),
        resource_presets: {
          s: { requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } },
        },
      },
      true,
    ],
    [
      "partial flat resource preset",
      "manifest",
      { ...manifest(), resource_presets: { s: { cpu_request: "1" } } },
      false,
    ],
    ["depends_on spelling", "spec", { ...spec(), transforms: [{ name: "b", depends_on: ["a"] }] }, true],
    [
      "both dependsOn spellings",
      "spec",
      { ...spec(), transforms: [{ name: "b", depends_on: ["a"], dependsOn: ["a"] }] },
      false,
    ],
    ["empty transforms", "spec", { ...spec(), transforms: [] }, false],
    [
      "password key inside destination config",
      "spec",
      {
        ...spec(),
        destinations: [
          { name: "d", sink_type: "rest_api", connection_secret_ref: "d", config: { PASSWORD: "x" } },
        ],
      },
      false,
    ],
    [
      "output port (its `schema` key is an environment key to floe)",
      "spec",
      { ...spec(), output_ports: [{ name: "p", schema: [{ name: "c", type: "string" }] }] },
      false,
    ],
  ])("%s -> %s", (_name, kind, doc, valid) => {
    expect(validators[kind](doc)).toBe(valid);
  });
});
