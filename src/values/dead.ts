// dead-value: a key a scenario values file sets that no template reads and the schema does not declare
// (e.g. `dagster-webserver` where the chart reads `dagsterWebserver`: silently ignored by helm).
// Reads are found by scanning templates for `.Values.a.b` and `index .Values "a" "b"`; a read of `a`
// (in `with`, `range`, `toYaml`) counts as reading everything under `a`, so the rule errs towards silence.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SourcePosition } from "../core/rendered.js";
import { isLibrary, type Subchart, templatesOf } from "./subcharts.js";
import type { LoadedYaml } from "./yaml.js";

/** A path read by templates; [] means "all values" (e.g. `toYaml .Values`). */
export type ReadPath = string[];

// `.Values`, `$.Values`, `$root.Values` (a variable holding the root context), never `.Chart.Values`.
const valuesChain = /(?<![\w.$])(?:\$[A-Za-z0-9_]*)?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g;
// A helper's context holding the root (`dict "ctx" $` -> `.ctx.Values.a`), as library charts' helpers read
// the including chart's values.
const contextChain = /(?<![\w.])\.(?!Chart\.)[A-Za-z_][A-Za-z0-9_]*\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g;
const indexCall = /\bindex\s+(?:\$[A-Za-z0-9_]*)?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)*)((?:\s+"[^"]*")+)/g;

/** The value paths a template text reads. */
export function readsOf(text: string): ReadPath[] {
  const out: ReadPath[] = [];
  const rest = text.replace(indexCall, (_m, chain: string, keys: string) => {
    const head = chain.split(".").filter(Boolean);
    const tail = [...keys.matchAll(/"([^"]*)"/g)].map((k) => k[1]!);
    out.push([...head, ...tail]);
    return "";
  });
  for (const m of rest.matchAll(valuesChain)) out.push(m[1]!.split(".").filter(Boolean));
  for (const m of rest.matchAll(contextChain)) out.push(m[1]!.split(".").filter(Boolean));
  return out;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

export interface ChartReads {
  reads: ReadPath[];
  /** Why reads are incomplete (e.g. a packed subchart), for the check status. */
  notes: string[];
}

export interface SubchartRef {
  name: string;
  alias?: string;
  condition?: string;
  tags?: string[];
}

/** Every value path the chart's templates (and its subcharts', under their key) read. With `subs` (from
 * src/values/subcharts.ts) packed (.tgz) subcharts are read too; without, only unpacked folders. */
export async function chartReads(
  chartDir: string,
  deps: readonly SubchartRef[],
  subs?: readonly Subchart[],
): Promise<ChartReads> {
  const reads: ReadPath[] = [["global"]];
  const notes: string[] = [];
  for (const f of await filesUnder(path.join(chartDir, "templates"))) {
    reads.push(...readsOf(await readFile(f, "utf8")));
  }
  if (subs) {
    const vendored = new Set(subs.map((s) => s.key));
    for (const d of deps) {
      const key = d.alias ?? d.name;
      if (vendored.has(key)) continue;
      reads.push([key], ...conditionReads(d));
      notes.push(`subchart '${d.name}' is not in charts/: keys under '${key}' are not checked`);
    }
    const walk = (list: readonly Subchart[], prefix: string[]) => {
      for (const s of list) {
        // Conditions are paths from the root values, below the subcharts above.
        for (const c of conditionReads(s)) reads.push([...prefix, ...c]);
        if (s.tags?.length) reads.push(["tags"]);
        // A library's helpers run with the including chart's context: they read its values, unprefixed.
        const library = isLibrary(s.chart);
        for (const t of templatesOf(s.chart))
          for (const r of readsOf(t)) {
            if (r[0] !== "global") reads.push([...prefix, s.key, ...r]);
            if (library) reads.push([...prefix, ...r]);
          }
        walk(s.subs, [...prefix, s.key]);
      }
    };
    walk(subs, []);
    return { reads, notes };
  }
  for (const d of deps) {
    const key = d.alias ?? d.name;
    reads.push(...conditionReads(d));
    if (d.tags?.length) reads.push(["tags"]);
    const subDir = path.join(chartDir, "charts", d.name);
    const sub = await filesUnder(path.join(subDir, "templates"));
    if (!sub.length) {
      // Packed (.tgz) or not yet fetched: its reads are unknown, so nothing under its key is called dead.
      reads.push([key]);
      notes.push(`subchart '${d.name}' is not unpacked under charts/: keys under '${key}' are not checked`);
      continue;
    }
    const subDeps = await readSubDeps(subDir);
    const inner = await chartReads(subDir, subDeps);
    for (const r of inner.reads) reads.push(r[0] === "global" ? r : [key, ...r]);
    notes.push(...inner.notes);
  }
  return { reads, notes };
}

function conditionReads(d: { condition?: string }): ReadPath[] {
  return (d.condition ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((c) => c.split("."));
}

async function readSubDeps(dir: string): Promise<SubchartRef[]> {
  try {
    const { parse } = await import("yaml");
    const v = parse(await readFile(path.join(dir, "Chart.yaml"), "utf8")) as { dependencies?: SubchartRef[] };
    return Array.isArray(v?.dependencies) ? v.dependencies : [];
  } catch {
    return [];
  }
}

function startsWith(a: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= a.length && prefix.every((p, i) => a[i] === p);
}

/** Whether the schema declares `key` under the schema node `s` (properties, patternProperties, or a
 * schema for additional properties); returns the sub-schema, or undefined when not declared. */
function declared(root: unknown, s: unknown, key: string): unknown {
  const node = deref(root, s) as {
    properties?: Record<string, unknown>;
    patternProperties?: Record<string, unknown>;
    additionalProperties?: unknown;
    allOf?: unknown[];
    anyOf?: unknown[];
    oneOf?: unknown[];
  } | null;
  if (!node || typeof node !== "object") return undefined;
  if (node.properties && key in node.properties) return node.properties[key];
  for (const [re, sub] of Object.entries(node.patternProperties ?? {})) {
    try {
      if (new RegExp(re, "u").test(key)) return sub;
    } catch {}
  }
  if (node.additionalProperties && typeof node.additionalProperties === "object")
    return node.additionalProperties;
  for (const group of [node.allOf, node.anyOf, node.oneOf]) {
    for (const sub of group ?? []) {
      const d = declared(root, sub, key);
      if (d !== undefined) return d;
    }
  }
  return undefined;
}

/** `s` with local `$ref`s (`#/...`) followed. */
export function deref(root: unknown, s: unknown): unknown {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const ref = (cur as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== "string" || !ref.startsWith("#/")) return cur;
    cur = ref
      .slice(2)
      .split("/")
      .reduce<unknown>(
        (o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined),
        root,
      );
  }
  return cur;
}

export interface DeadValue {
  path: string[];
  at: SourcePosition;
}

/** Keys set in `file` that no read covers and the schema does not declare; reported at the highest dead
 * key (its children are not listed again). */
export function deadValues(file: LoadedYaml, reads: readonly ReadPath[], schema: unknown): DeadValue[] {
  const out: DeadValue[] = [];
  if (reads.some((r) => r.length === 0)) return out; // a template reads all values
  const walk = (v: unknown, p: string[], s: unknown) => {
    if (!v || typeof v !== "object" || Array.isArray(v)) return;
    for (const [k, child] of Object.entries(v)) {
      const kp = [...p, k];
      // Read as a whole (or a parent read): everything under it is used.
      if (reads.some((r) => startsWith(kp, r))) continue;
      const sub = s === undefined ? undefined : declared(schema, s, k);
      const readBelow = reads.some((r) => startsWith(r, kp));
      if (!readBelow && sub === undefined) {
        out.push({ path: kp, at: file.positionOf(kp) ?? { file: file.file, line: 1, col: 1 } });
        continue;
      }
      walk(child, kp, sub);
    }
  };
  walk(file.value, [], schema);
  return out;
}
