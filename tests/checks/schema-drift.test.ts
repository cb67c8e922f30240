// schema-drift (src/checks/values-files/schema-drift.ts): where a schema is open, keys values.yaml sets that
// it does not declare (at the key in values.yaml) and properties nothing sets or reads (at the property in
// values.schema.json); which levels count as open; reads of a parent map using everything below it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { openLevels, undeclaredKeys, unusedProperties } from "../../src/checks/values-files/schema-drift.js";
import { chartReads, type ReadPath } from "../../src/values/dead.js";
import { loadSubcharts } from "../../src/values/subcharts.js";
import { parseYamlText } from "../../src/values/yaml.js";
import { repoRoot } from "../helpers/tools.js";

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "object",
  properties,
  ...extra,
});
const str = { type: "string" };

describe("openLevels", () => {
  test.each<[string, unknown, string[]]>([
    [
      "closed everywhere",
      obj({ a: obj({ b: str }, { additionalProperties: false }) }, { additionalProperties: false }),
      [],
    ],
    ["open at the top", obj({ a: str }), ["(top level)"]],
    ["additionalProperties: true", obj({ a: str }, { additionalProperties: true }), ["(top level)"]],
    [
      "a typed map is not open",
      obj({ labels: { type: "object", additionalProperties: str } }, { additionalProperties: false }),
      [],
    ],
    [
      "a free-form object is",
      obj({ affinity: { type: "object" } }, { additionalProperties: false }),
      ["affinity"],
    ],
    ["unevaluatedProperties: false closes", obj({ a: str }, { unevaluatedProperties: false }), []],
    [
      "through $ref and list items",
      {
        ...obj(
          { jobs: { type: "array", items: { $ref: "#/definitions/job" } } },
          { additionalProperties: false },
        ),
        definitions: { job: obj({ name: str }) },
      },
      ["jobs.[]"],
    ],
  ])("%s", (_name, schema, want) => {
    expect(openLevels(schema)).toEqual(want);
  });
});

describe("undeclaredKeys (values.yaml keys an open level does not declare)", () => {
  const schema = obj(
    {
      image: obj({ repository: str, tag: str }),
      closed: obj({ a: str }, { additionalProperties: false }),
      labels: { type: "object", additionalProperties: str },
      affinity: { type: "object" },
      env: obj({}, { patternProperties: { "^[A-Z_]+$": str } }),
      jobs: { type: "array", items: obj({ name: str }) },
    },
    { additionalProperties: false },
  );
  test.each<[string, string, Array<[string, number, number]>]>([
    ["declared keys only", "image:\n  repository: r\n  tag: t\n", []],
    ["a key beside the declared ones", "image:\n  repository: r\n  tga: t\n", [["image.tga", 3, 3]]],
    ["a closed level is values-schema's", "closed:\n  b: x\n", []],
    ["a typed map declares its keys", "labels:\n  any: x\n", []],
    ["a free-form object is opaque", "affinity:\n  nodeAffinity: {}\n", []],
    ["patternProperties declare matching keys", "env:\n  FOO: x\n", []],
    ["a key no pattern matches (the level declares only patterns)", "env:\n  foo: x\n", [["env.foo", 2, 3]]],
    ["in list items", "jobs:\n  - name: a\n    nmae: b\n", [["jobs.0.nmae", 3, 5]]],
  ])("%s", (_name, text, want) => {
    const got = undeclaredKeys(schema, parseYamlText(text, "values.yaml"));
    expect(got.map((d) => [d.path.join("."), d.at.line, d.at.col])).toEqual(want);
    for (const d of got) expect(d).toMatchObject({ kind: "undeclared", at: { file: "values.yaml" } });
  });
});

describe("unusedProperties (schema properties nothing sets or reads)", () => {
  // Written by hand: the lines and columns below are those of this text.
  const schemaText = `{
  "type": "object",
  "properties": {
    "image": {
      "type": "object",
      "properties": {
        "repository": { "type": "string" },
        "digest": { "type": "string" }
      }
    },
    "legacy": {
      "type": "object",
      "properties": { "port": { "type": "integer" } }
    },
    "resources": {
      "type": "object",
      "properties": { "limits": { "type": "object" }, "requests": { "type": "object" } }
    },
    "web": { "$ref": "#/definitions/component" },
    "worker": { "$ref": "#/definitions/component" }
  },
  "definitions": {
    "component": {
      "type": "object",
      "properties": { "replicas": { "type": "integer" }, "debug": { "type": "boolean" } }
    }
  }
}
`;
  const schema = JSON.parse(schemaText);
  const positions = parseYamlText(schemaText, "values.schema.json");
  const run = (values: unknown, reads: ReadPath[]) =>
    unusedProperties(schema, positions, values, [["global"], ...reads]).map((d) => [
      d.path.join("."),
      d.at.line,
      d.at.col,
      ...(d.alsoAt ? [d.alsoAt.map((p) => p.join("."))] : []),
    ]);
  test.each<[string, unknown, ReadPath[], unknown[][]]>([
    [
      "nothing set, nothing read: the highest properties",
      {},
      [],
      [
        ["image", 4, 5],
        ["legacy", 11, 5],
        ["resources", 15, 5],
        ["web", 19, 5],
        ["worker", 20, 5],
      ],
    ],
    [
      "set in values.yaml or read: used; below them, what neither sets nor reads",
      { image: { repository: "r" }, web: {}, worker: {} },
      [["image", "repository"], ["resources"], ["legacy", "port"], ["web", "replicas"]],
      [
        ["image.digest", 8, 9],
        ["web.debug", 25, 58, ["worker.debug"]],
      ],
    ],
    [
      "a read of the parent map (toYaml .Values.image, with .Values.resources) uses everything below",
      {},
      [["image"], ["resources"], ["legacy"], ["web"], ["worker"]],
      [],
    ],
    [
      "a shared definition's property used through one of its references is used",
      { web: { debug: true } },
      [["web"], ["worker", "replicas"], ["image"], ["resources"], ["legacy"]],
      [],
    ],
    ["a template reading .Values whole uses every property", {}, [[]], []],
  ])("%s", (_name, values, reads, want) => {
    expect(run(values, reads)).toEqual(want);
  });
});

describe("this repository's charts", () => {
  test.each(["floe-platform", "floe-jobs"])("%s: open levels exist, no drift either way", async (name) => {
    const dir = path.join(repoRoot, "charts", name);
    const rel = path.join("charts", name);
    const schemaText = readFileSync(path.join(dir, "values.schema.json"), "utf8");
    const schema = JSON.parse(schemaText);
    const values = parseYamlText(readFileSync(path.join(dir, "values.yaml"), "utf8"), `${rel}/values.yaml`);
    const subs = await loadSubcharts(dir, repoRoot);
    const reads = await chartReads(dir, [{ name: "floe-common" }], subs);
    expect(openLevels(schema).length).toBeGreaterThan(0);
    expect(undeclaredKeys(schema, values)).toEqual([]);
    expect(
      unusedProperties(
        schema,
        parseYamlText(schemaText, `${rel}/values.schema.json`),
        values.value,
        reads.reads,
      ),
    ).toEqual([]);
    // Without values.yaml and the templates, every top property would be unused: the check does look.
    expect(
      unusedProperties(schema, parseYamlText(schemaText, `${rel}/values.schema.json`), {}, [["global"]])
        .length,
    ).toBeGreaterThan(5);
  });
});
