// values.schema.json: what helm 3 and helm 4 print for bad values, agreement with values.yaml both ways,
// descriptions everywhere, additionalProperties:false everywhere except free-form maps, and every scenario
// file valid against it (ajv, draft-07 like helm).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createAjv } from "../../src/values/ajv.js";
import { chartDir, majors, renderError, scenarios } from "./chart.js";

type Schema = Record<string, unknown> & {
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
  type?: string | string[];
  additionalProperties?: boolean | Schema;
  description?: string;
};

const schema = JSON.parse(readFileSync(path.join(chartDir, "values.schema.json"), "utf8")) as Schema;
const values = parse(readFileSync(path.join(chartDir, "values.yaml"), "utf8")) as Record<string, unknown>;

function resolve(n: Schema): Schema {
  let cur = n;
  while (cur.$ref) {
    let next: unknown = schema;
    for (const k of cur.$ref.replace("#/", "").split("/")) next = (next as Record<string, unknown>)[k];
    cur = next as Schema;
  }
  return cur;
}

/** Free-form maps and objects: any keys allowed, on purpose (labels, annotations, env, affinity ...). */
const FREE_FORM = new Set([
  "behavior",
  "commonLabels",
  "commonAnnotations",
  "podAnnotations",
  "nodeSelector",
  "affinity",
  "annotations",
  "extraEnv",
  "hard",
  "namespaceLabels",
  "podLabels",
  "ingressControllerNamespaceLabels",
  "clientPodLabels",
  "tolerations[]",
  // The library chart's key: helm adds one per dependency (with the globals), values.yaml sets nothing there.
  "floe-common",
]);

interface Prop {
  path: string;
  key: string;
  node: Schema;
  raw: Schema;
}

/** Every declared property, with dotted paths ("[]" for array items). */
function declared(node: Schema, prefix = ""): Prop[] {
  const out: Prop[] = [];
  const n = resolve(node);
  for (const [key, raw] of Object.entries(n.properties ?? {})) {
    const p = prefix ? `${prefix}.${key}` : key;
    const r = resolve(raw);
    out.push({ path: p, key, node: r, raw });
    if (r.properties) out.push(...declared(r, p));
    if (r.items) {
      const it = resolve(r.items);
      out.push({ path: `${p}[]`, key: `${key}[]`, node: it, raw: r.items });
      if (it.properties) out.push(...declared(it, `${p}[]`));
    }
  }
  return out;
}

/** Every key path present in values.yaml, not descending into free-form maps. */
function present(v: unknown, node: Schema, prefix = ""): string[] {
  const out: string[] = [];
  const n = resolve(node);
  if (v && typeof v === "object" && !Array.isArray(v)) {
    for (const [k, child] of Object.entries(v)) {
      const p = prefix ? `${prefix}.${k}` : k;
      out.push(p);
      const sub = n.properties?.[k];
      if (sub && resolve(sub).properties) out.push(...present(child, sub, p));
    }
  }
  return out;
}

describe("values.schema.json <-> values.yaml", () => {
  const decl = declared(schema);
  const declaredPaths = new Set(decl.map((d) => d.path));

  it("every key in values.yaml is declared in the schema", () => {
    const undeclared = present(values, schema).filter((p) => !declaredPaths.has(p));
    expect(undeclared).toEqual([]);
  });

  it("every key the schema declares appears in values.yaml (array items aside)", () => {
    const have = new Set(present(values, schema));
    const missing = decl
      .filter((d) => !d.path.includes("[]") && d.path !== "floe-common" && !have.has(d.path))
      .map((d) => d.path);
    expect(missing).toEqual([]);
  });

  it("holds no credentials: only existingSecret names (empty by default), no password/key/token values", () => {
    const credentialish = present(values, schema).filter((p) =>
      /(password|secretkey|accesskey|token|clientsecret|clientid|rootuser)$/i.test(p),
    );
    expect(credentialish).toEqual([]);
    const existing = present(values, schema).filter((p) => p.endsWith("existingSecret"));
    expect(existing.length).toBe(6);
    for (const p of existing) {
      let v: unknown = values;
      for (const k of p.split(".")) v = (v as Record<string, unknown>)[k];
      expect(v, p).toBe("");
    }
  });

  it("every property has a description", () => {
    const bare = decl.filter((d) => !(d.raw.description ?? d.node.description)).map((d) => d.path);
    expect(bare).toEqual([]);
    expect(decl.length).toBeGreaterThan(250);
  });

  it("every object is closed (additionalProperties:false) except the free-form maps", () => {
    const open = decl
      .filter((d) => d.node.type === "object" && d.node.additionalProperties !== false)
      .map((d) => d.key);
    expect([...new Set(open)].filter((k) => !FREE_FORM.has(k))).toEqual([]);
    expect(schema.additionalProperties).toBe(false);
    // and the free-form ones really are maps/objects, not closed structures with properties
    for (const d of decl.filter((x) => FREE_FORM.has(x.key)))
      expect(d.node.properties, d.path).toBeUndefined();
  });

  it("is draft-07 and values.yaml and every merged scenario validate (ajv)", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    const validate = createAjv().compile(schema);
    expect(validate(values), JSON.stringify(validate.errors)).toBe(true);
    for (const s of scenarios) {
      for (const f of s.files) {
        const merged = merge(structuredClone(values), parse(readFileSync(path.join(chartDir, f), "utf8")));
        expect(validate(merged), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
  });
});

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

/** Helm's merge: maps merge recursively, everything else replaces. */
function merge(base: Obj, over: unknown): Obj {
  if (!isObj(over)) return base;
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    base[k] = isObj(v) && isObj(b) ? merge(b, v) : v;
  }
  return base;
}

describe.each(majors)("schema rejections print helm %i's message", (major) => {
  it.each([
    [
      "wrong type",
      ["--set", "dagster.webserver.replicaCount=two"],
      "- at '/dagster/webserver/replicaCount': got string, want integer",
    ],
    [
      "unknown top-level key (typo'd section)",
      ["--set", "dagsterWebserver.replicaCount=2"],
      "additional properties 'dagsterWebserver' not allowed",
    ],
    [
      "unknown nested key",
      ["--set", "minio.buckets[0]=x"],
      "- at '/minio': additional properties 'buckets' not allowed",
    ],
    [
      "bad enum",
      ["--set", "postgresql.mode=embedded"],
      "- at '/postgresql/mode': value must be one of 'internal', 'external', 'cnpg'",
    ],
    [
      "bad enum (pull policy)",
      ["--set", "polaris.image.pullPolicy=Sometimes"],
      "- at '/polaris/image/pullPolicy': value must be one of 'Always', 'IfNotPresent', 'Never'",
    ],
    [
      "port out of range",
      ["--set", "polaris.service.port=70000"],
      "- at '/polaris/service/port': maximum: got 70,000, want 65,535",
    ],
    [
      "non-root UID 0",
      ["--set", "minio.securityContext.runAsUser=0"],
      "- at '/minio/securityContext/runAsUser': minimum: got 0, want 1",
    ],
    ["image tag latest", ["--set", "jaeger.image.tag=latest"], "- at '/jaeger/image/tag': 'not' failed"],
  ])("%s", async (_what, args, message) => {
    const err = await renderError(major, args);
    expect(err).toContain("values don't meet the specifications of the schema(s)");
    expect(err).toContain(message);
  });

  it("a values file using a key the chart never reads fails and names it", async () => {
    const err = await renderError(major, ["--set-json", 'minio={"defaultBuckets":["a"]}']);
    expect(err).toContain("additional properties 'defaultBuckets' not allowed");
  });
});
