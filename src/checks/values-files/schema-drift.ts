// schema-drift: a chart's values.yaml and its values.schema.json that no longer describe the same values.
// Only where the schema leaves `additionalProperties` open does helm stay silent about it (a closed level
// makes an undeclared key a values-schema error), so the rule looks at charts whose schema is open at some
// level, both ways:
//   undeclared: a key values.yaml sets at an open level that the schema does not declare (properties,
//     patternProperties) - the schema forgot it, or the key is a leftover; at the key in values.yaml;
//   unused: a schema property that values.yaml does not set and no template reads - a leftover of a removed
//     feature, or a key the templates spell otherwise; at the property in values.schema.json. A template read
//     of a map (`toYaml .Values.a`, `with .Values.a`, `.Values.a` passed to a helper) uses everything below
//     it; reads are those of src/values/dead.ts (every template, _*.tpl helpers, subcharts under their key,
//     library helpers unprefixed); a template reading `.Values` whole uses every property.
// A typed map (`additionalProperties: {type: string}`) declares its keys; a free-form object (`type: object`
// and nothing else, e.g. affinity) is open but opaque: what is set below it is not checked.
import { isObj } from "../../core/objects.js";
import type { DocPath, SourcePosition } from "../../core/rendered.js";
import { deref, type ReadPath } from "../../values/dead.js";
import type { LoadedYaml } from "../../values/yaml.js";

type Node = Record<string, unknown>;

const combinators = ["allOf", "anyOf", "oneOf"] as const;

function follow(
  root: unknown,
  s: unknown,
  at: Array<string | number>,
): { node?: Node; at: Array<string | number> } {
  let cur = s;
  let where = at;
  for (let i = 0; i < 10; i++) {
    const ref = isObj(cur) ? cur.$ref : undefined;
    if (typeof ref !== "string" || !ref.startsWith("#/")) break;
    where = ref
      .slice(2)
      .split("/")
      .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
    cur = deref(root, { $ref: ref });
  }
  return isObj(cur) ? { node: cur, at: where } : { at: where };
}

const isObjectSchema = (n: Node) =>
  n.type === "object" ||
  (Array.isArray(n.type) && n.type.includes("object")) ||
  isObj(n.properties) ||
  isObj(n.patternProperties);

/** An object level that accepts keys it does not describe: no `additionalProperties: false` (nor a schema
 * for them) and no `unevaluatedProperties: false`. */
function isOpen(n: Node): boolean {
  if (!isObjectSchema(n)) return false;
  if (n.unevaluatedProperties === false) return false;
  const ap = n.additionalProperties;
  return ap === undefined || ap === true || (isObj(ap) && Object.keys(ap).length === 0);
}

/** A schema for additional keys (a typed map), when there is one. */
function additionalSchema(n: Node): unknown {
  const ap = n.additionalProperties;
  return isObj(ap) && Object.keys(ap).length > 0 ? ap : undefined;
}

/** The declared properties of a level, with where each is written in the schema file (combinators too). */
function propertiesOf(
  root: unknown,
  n: Node,
  at: Array<string | number>,
): Array<{ key: string; schema: unknown; at: Array<string | number> }> {
  const out: Array<{ key: string; schema: unknown; at: Array<string | number> }> = [];
  if (isObj(n.properties))
    for (const [key, schema] of Object.entries(n.properties))
      out.push({ key, schema, at: [...at, "properties", key] });
  for (const c of combinators) {
    const list = n[c];
    if (!Array.isArray(list)) continue;
    for (const [i, sub] of list.entries()) {
      const f = follow(root, sub, [...at, c, i]);
      if (f.node) out.push(...propertiesOf(root, f.node, f.at));
    }
  }
  return out;
}

function hasPatterns(root: unknown, n: Node): boolean {
  if (isObj(n.patternProperties)) return true;
  return combinators.some(
    (c) =>
      Array.isArray(n[c]) &&
      (n[c] as unknown[]).some((s) => {
        const f = follow(root, s, []);
        return f.node !== undefined && hasPatterns(root, f.node);
      }),
  );
}

/** The schema a key of level `n` has: a property, a matching pattern, or undefined. */
function declaredAt(root: unknown, n: Node, at: Array<string | number>, key: string) {
  const p = propertiesOf(root, n, at).find((x) => x.key === key);
  if (p) return p;
  const visit = (
    m: Node,
    mAt: Array<string | number>,
  ): { schema: unknown; at: Array<string | number> } | undefined => {
    if (isObj(m.patternProperties))
      for (const [re, schema] of Object.entries(m.patternProperties)) {
        try {
          if (new RegExp(re, "u").test(key)) return { schema, at: [...mAt, "patternProperties", re] };
        } catch {}
      }
    for (const c of combinators)
      for (const [i, sub] of (Array.isArray(m[c]) ? (m[c] as unknown[]) : []).entries()) {
        const f = follow(root, sub, [...mAt, c, i]);
        const d = f.node && visit(f.node, f.at);
        if (d) return d;
      }
    return undefined;
  };
  return visit(n, at);
}

/** Where the schema is open: the instance paths (`*` for any key, `[]` for list items) of its open levels,
 * free-form objects included. Empty: every level is closed and values-schema covers undeclared keys. */
export function openLevels(schema: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (s: unknown, path: string[]) => {
    const { node } = follow(schema, s, []);
    if (!node || seen.has(node)) return;
    seen.add(node);
    if (isOpen(node)) out.push(path.join(".") || "(top level)");
    for (const p of propertiesOf(schema, node, [])) walk(p.schema, [...path, p.key]);
    if (isObj(node.patternProperties))
      for (const s2 of Object.values(node.patternProperties)) walk(s2, [...path, "*"]);
    const ap = additionalSchema(node);
    if (ap) walk(ap, [...path, "*"]);
    if (isObj(node.items)) walk(node.items, [...path, "[]"]);
    if (Array.isArray(node.items)) for (const it of node.items) walk(it, [...path, "[]"]);
    if (Array.isArray(node.prefixItems)) for (const it of node.prefixItems) walk(it, [...path, "[]"]);
  };
  walk(schema, []);
  return out;
}

export interface Drift {
  kind: "undeclared" | "unused";
  /** Key path in the values. */
  path: string[];
  /** undeclared: the key in values.yaml; unused: the property in values.schema.json. */
  at: SourcePosition;
  /** unused through a `$ref`: every values path the shared definition stands for. */
  alsoAt?: string[][];
}

const startsWith = (a: readonly string[], prefix: readonly string[]) =>
  prefix.length <= a.length && prefix.every((p, i) => a[i] === p);

/** undeclared: keys values.yaml sets at an open level with declared properties that the level does not
 * declare. */
export function undeclaredKeys(schema: unknown, values: LoadedYaml): Drift[] {
  const out: Drift[] = [];
  const walk = (v: unknown, path: Array<string | number>, s: unknown) => {
    const { node, at } = follow(schema, s, []);
    if (!node) return;
    if (Array.isArray(v)) {
      const items = isObj(node.items) ? node.items : undefined;
      if (items) for (const [i, x] of v.entries()) walk(x, [...path, i], items);
      return;
    }
    if (!isObj(v)) return;
    const describes = propertiesOf(schema, node, at).length > 0 || hasPatterns(schema, node);
    for (const [k, x] of Object.entries(v)) {
      const d = declaredAt(schema, node, at, k);
      if (d) {
        walk(x, [...path, k], d.schema);
        continue;
      }
      const ap = additionalSchema(node);
      if (ap) walk(x, [...path, k], ap);
      else if (isOpen(node) && describes) {
        const p = [...path, k];
        out.push({
          kind: "undeclared",
          path: p.map(String),
          at: values.positionOf(p) ?? { file: values.file, line: 1, col: 1 },
        });
      }
      // A closed level: values-schema reports it. A free-form object: opaque.
    }
  };
  walk(values.value, [], schema);
  return out;
}

/** unused: schema properties (the highest of a subtree) that values.yaml does not set and no read covers.
 * `positions` is the schema file parsed with positions; a property of a shared definition (`$ref`) is
 * reported once, only when it is unused everywhere the definition is used. */
export function unusedProperties(
  schema: unknown,
  positions: Pick<LoadedYaml, "file" | "positionOf">,
  values: unknown,
  reads: readonly ReadPath[],
): Drift[] {
  if (reads.some((r) => r.length === 0)) return [];
  const byDoc = new Map<string, { at: DocPath; paths: string[][]; used: boolean }>();
  const has = (p: readonly string[]) => {
    let cur = values;
    for (const k of p) {
      if (!isObj(cur) || !(k in cur)) return false;
      cur = cur[k];
    }
    return true;
  };
  const markUsed = (s: unknown, at: Array<string | number>, seen: Set<string>) => {
    const f = follow(schema, s, at);
    if (!f.node) return;
    for (const p of propertiesOf(schema, f.node, f.at)) {
      const key = JSON.stringify(p.at);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = byDoc.get(key) ?? { at: p.at, paths: [], used: false };
      entry.used = true;
      byDoc.set(key, entry);
      markUsed(p.schema, p.at, seen);
    }
  };
  const walk = (s: unknown, at: Array<string | number>, path: string[], depth: number) => {
    const f = follow(schema, s, at);
    if (!f.node || depth > 64) return;
    for (const p of propertiesOf(schema, f.node, f.at)) {
      const kp = [...path, p.key];
      const key = JSON.stringify(p.at);
      const entry = byDoc.get(key) ?? { at: p.at, paths: [], used: false };
      byDoc.set(key, entry);
      if (reads.some((r) => startsWith(kp, r))) {
        // Read whole, or below a map read whole: every property below is used (shared definitions too).
        entry.used = true;
        markUsed(p.schema, p.at, new Set());
        continue;
      }
      if (has(kp) || reads.some((r) => startsWith(r, kp))) {
        entry.used = true;
        walk(p.schema, p.at, kp, depth + 1);
        continue;
      }
      entry.paths.push(kp);
    }
  };
  walk(schema, [], [], 0);
  const out: Drift[] = [];
  for (const e of byDoc.values()) {
    if (e.used || !e.paths.length) continue;
    const [first, ...rest] = e.paths;
    out.push({
      kind: "unused",
      path: first!,
      at: positions.positionOf(e.at) ?? { file: positions.file, line: 1, col: 1 },
      ...(rest.length ? { alsoAt: rest } : {}),
    });
  }
  return out.sort((a, b) => a.at.line - b.at.line || (a.at.col ?? 0) - (b.at.col ?? 0));
}
