#!/usr/bin/env node
// Writes the comments of a chart's values.yaml from its values.schema.json: above every key the schema
// describes, its description (wrapped at 110 columns, at the key's indentation), replacing the comment
// lines directly above that key; and `# yaml-language-server: $schema=values.schema.json` as the first
// line (editors then complete and check the file). The values themselves, blank lines, the file's header
// comment and comments above keys the schema does not describe (entries of free-form maps) are kept.
// `--check` changes nothing and exits 1 when the file differs (tests/charts/values-comments.test.ts runs
// the same comparison).
//
// Usage: node scripts/values-comments.mjs [chartDir ...] [--check]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SCHEMA_HEADER = "# yaml-language-server: $schema=values.schema.json";
const WIDTH = 110;

function resolve(schema, node) {
  let n = node;
  while (n?.$ref)
    n = n.$ref
      .replace("#/", "")
      .split("/")
      .reduce((o, k) => o?.[k], schema);
  return n;
}

/** The properties and additionalProperties of a node, through $ref and allOf. */
function shape(schema, node) {
  const n = resolve(schema, node);
  if (!n || typeof n !== "object") return { properties: {}, additionalProperties: undefined };
  const parts = (n.allOf ?? []).map((m) => shape(schema, m));
  return {
    properties: Object.assign({}, ...parts.map((x) => x.properties), n.properties),
    additionalProperties:
      typeof n.additionalProperties === "object"
        ? n.additionalProperties
        : parts.find((x) => x.additionalProperties)?.additionalProperties,
  };
}

/** The schema of `key` under `parent`, and the description to show for it. */
function child(schema, parent, key) {
  const p = shape(schema, parent);
  const raw = p.properties[key] ?? p.additionalProperties;
  if (!raw) return { node: undefined, description: undefined };
  const node = resolve(schema, raw);
  return { node, description: raw.description ?? node?.description };
}

/** `text` as `# ` lines of at most WIDTH columns at `indent`. */
export function commentLines(text, indent) {
  const out = [];
  for (const para of String(text).split("\n")) {
    let line = "";
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + 2 + line.length + 1 + word.length > WIDTH) {
        out.push(`${indent}# ${line}`);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line ? `${indent}# ${line}` : `${indent}#`);
  }
  return out;
}

const KEY = /^(\s*)("[^"]+"|'[^']+'|[^\s#'"{[-][^:#]*?):(\s|$)/;
const BLOCK_SCALAR = /:\s*[|>][-+0-9]*\s*(#.*)?$/;

/** values.yaml `text` with its comments generated from `schema` (see the header). */
export function valuesWithComments(text, schema) {
  const lines = text.split("\n");
  const out = [];
  /** Open keys: indentation and schema node of each. */
  const stack = [];
  let blockIndent = -1; // inside a block scalar: lines indented deeper than this are its text
  let seenKey = false;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === "" || indent > blockIndent) {
        out.push(line);
        continue;
      }
      blockIndent = -1;
    }
    const m = KEY.exec(line);
    if (!m || line.trimStart().startsWith("#")) {
      out.push(line);
      continue;
    }
    const key = m[2].replace(/^["']|["']$/g, "");
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const parent = stack.length ? stack[stack.length - 1].node : schema;
    const { node, description } = child(schema, parent, key);
    stack.push({ indent, node });
    if (BLOCK_SCALAR.test(line)) blockIndent = indent;
    if (!seenKey) {
      seenKey = true;
      // The header: everything above the first key up to its last blank line, with the schema line first.
      const lastBlank = out.lastIndexOf("");
      const header = lastBlank >= 0 ? out.slice(0, lastBlank + 1) : [];
      const rest = lastBlank >= 0 ? out.slice(lastBlank + 1) : out.slice();
      out.length = 0;
      if (header[0] !== SCHEMA_HEADER) out.push(SCHEMA_HEADER, ...(header.length ? header : [""]));
      else out.push(...header);
      out.push(...rest);
    }
    if (description) {
      // The old comment: the lines at the key's own indentation right above it (a block scalar's text above
      // is indented deeper, so it is never taken for one).
      while (
        out.length &&
        out[out.length - 1].startsWith(`${m[1]}#`) &&
        out[out.length - 1] !== SCHEMA_HEADER
      )
        out.pop();
      out.push(...commentLines(description, m[1]));
    }
    out.push(line);
  }
  return out.join("\n");
}

/** Keys of values.yaml the schema describes that would get no comment: none when the schema is complete. */
export function undescribedKeys(text, schema) {
  const missing = [];
  const stack = [];
  let blockIndent = -1;
  for (const line of text.split("\n")) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0 && (line.trim() === "" || indent > blockIndent)) continue;
    blockIndent = -1;
    const m = KEY.exec(line);
    if (!m || line.trimStart().startsWith("#")) continue;
    const key = m[2].replace(/^["']|["']$/g, "");
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : { node: schema, path: "" };
    const declared = key in shape(schema, parent.node).properties;
    const { node, description } = child(schema, parent.node, key);
    const keyPath = parent.path ? `${parent.path}.${key}` : key;
    stack.push({ indent, node, path: keyPath });
    if (BLOCK_SCALAR.test(line)) blockIndent = indent;
    if (declared && !description) missing.push(keyPath);
  }
  return missing;
}

export function chartValuesWithComments(chartDir) {
  const schema = JSON.parse(readFileSync(path.join(chartDir, "values.schema.json"), "utf8"));
  return valuesWithComments(readFileSync(path.join(chartDir, "values.yaml"), "utf8"), schema);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const dirs = args.filter((a) => !a.startsWith("--"));
  let failed = false;
  for (const dir of dirs.length ? dirs : ["charts/floe-platform", "charts/floe-jobs"]) {
    const file = path.join(dir, "values.yaml");
    const text = readFileSync(file, "utf8");
    const schema = JSON.parse(readFileSync(path.join(dir, "values.schema.json"), "utf8"));
    const missing = undescribedKeys(text, schema);
    if (missing.length) {
      console.error(`${file}: the schema has no description for ${missing.join(", ")}`);
      failed = true;
    }
    const next = valuesWithComments(text, schema);
    if (next === text) continue;
    if (check) {
      console.error(
        `${file}: comments differ from values.schema.json; run: node scripts/values-comments.mjs ${dir}`,
      );
      failed = true;
    } else {
      writeFileSync(file, next);
      console.log(`${file}: comments written from values.schema.json`);
    }
  }
  if (failed) process.exit(1);
}
