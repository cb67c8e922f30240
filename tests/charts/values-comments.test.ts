// values.yaml is documented per key: the comment above every key is the key's description in
// values.schema.json (scripts/values-comments.mjs writes them), and the first line points editors at the
// schema. Checked twice: the file equals the generated one, and, read independently with the yaml
// library, every described key's comment is its description.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, parseDocument, type YAMLMap } from "yaml";
import {
  chartValuesWithComments,
  SCHEMA_HEADER,
  undescribedKeys,
  valuesWithComments,
} from "../../scripts/values-comments.mjs";
import { repoRoot } from "../helpers/tools.js";

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  description?: string;
};

const charts = ["floe-platform", "floe-jobs"];

describe.each(charts)("charts/%s/values.yaml", (name) => {
  const dir = path.join(repoRoot, "charts", name);
  const text = readFileSync(path.join(dir, "values.yaml"), "utf8");
  const schema = JSON.parse(readFileSync(path.join(dir, "values.schema.json"), "utf8")) as Schema;

  it("starts with the yaml-language-server schema line", () => {
    expect(text.split("\n")[0]).toBe(SCHEMA_HEADER);
    expect(SCHEMA_HEADER).toBe("# yaml-language-server: $schema=values.schema.json");
  });

  it(`equals the file generated from the schema (run 'node scripts/values-comments.mjs charts/${name}')`, () => {
    expect(chartValuesWithComments(dir)).toBe(text);
  });

  it("has a description in the schema for every key it declares", () => {
    expect(undescribedKeys(text, schema)).toEqual([]);
  });

  it("read with the yaml library: the comment above every declared key is its schema description", () => {
    const resolve = (n: Schema | undefined): Schema | undefined => {
      let cur = n;
      while (cur?.$ref) {
        let next: unknown = schema;
        for (const k of cur.$ref.replace("#/", "").split("/")) next = (next as Record<string, unknown>)[k];
        cur = next as Schema;
      }
      return cur;
    };
    const props = (n: Schema | undefined): Record<string, Schema> => {
      const r = resolve(n);
      return Object.assign({}, ...(r?.allOf ?? []).map(props), r?.properties);
    };
    const doc = parseDocument(text);
    let checked = 0;
    const wrong: string[] = [];
    const walk = (map: YAMLMap, node: Schema | undefined, prefix: string) => {
      map.items.forEach((pair, i) => {
        const key = isScalar(pair.key) ? String(pair.key.value) : "?";
        const raw = props(node)[key];
        if (!raw) return; // an entry of a free-form map: data, not a declared key
        const description = raw.description ?? resolve(raw)?.description;
        // The first key's comment sits on the map (or the document) in the yaml library's model.
        const before =
          (isScalar(pair.key) ? pair.key.commentBefore : undefined) ??
          (i === 0 ? (prefix ? map.commentBefore : undefined) : undefined);
        // Above the first key, the yaml library also holds the file's header: only the block after it counts.
        const lines = (before ?? "").split("\n");
        const comment = lines
          .slice(lines.lastIndexOf("") + 1)
          .map((l) => l.trim())
          .join(" ")
          .trim();
        if (comment !== description) wrong.push(`${prefix}${key}: ${JSON.stringify(comment)}`);
        checked++;
        // A flow map ({ cpu: 1, memory: 1Gi }) holds values on one line: no comment inside.
        if (isMap(pair.value) && !pair.value.flow) walk(pair.value, raw, `${prefix}${key}.`);
      });
    };
    walk(doc.contents as YAMLMap, schema, "");
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(name === "floe-platform" ? 250 : 40);
  });
});

describe("scripts/values-comments.mjs", () => {
  const schema = {
    type: "object",
    properties: {
      a: {
        description:
          "A map whose description is long enough to be wrapped once it passes the hundred and ten columns limit, here and now.",
        properties: { b: { $ref: "#/definitions/b" } },
      },
      text: { description: "A block scalar." },
      free: { description: "Free-form.", additionalProperties: { type: "string" } },
    },
    definitions: { b: { description: "B, through a $ref." } },
  };

  it("writes the header, wraps, replaces old comments, keeps block scalars and free-form entries' comments", () => {
    const before = [
      "# Header.",
      "",
      "# an old comment",
      "a:",
      "  b: 1",
      "text: |",
      "  c: not a key",
      "  # not a comment",
      "free:",
      "  # kept: free-form entries are data",
      "  x: y",
      "",
    ].join("\n");
    expect(valuesWithComments(before, schema).split("\n")).toEqual([
      SCHEMA_HEADER,
      "# Header.",
      "",
      "# A map whose description is long enough to be wrapped once it passes the hundred and ten columns limit, here",
      "# and now.",
      "a:",
      "  # B, through a $ref.",
      "  b: 1",
      "# A block scalar.",
      "text: |",
      "  c: not a key",
      "  # not a comment",
      "# Free-form.",
      "free:",
      "  # kept: free-form entries are data",
      "  x: y",
      "",
    ]);
    const once = valuesWithComments(before, schema);
    expect(valuesWithComments(once, schema)).toBe(once);
    expect(undescribedKeys("a:\n  b: 1\nz: 2\n", { properties: { a: { properties: { b: {} } } } })).toEqual([
      "a",
      "a.b",
    ]);
  });
});
