// Subcharts as helm sees them, for values-schema and dead-value. Every chart under charts/ (a folder with
// a Chart.yaml, or a packed .tgz) is a subchart; Chart.yaml's dependencies match them by name, an alias
// makes a copy under the alias's key, and `condition`/`tags` on the coalesced values switch one off
// (helm 3 and 4 then neither render nor validate it: tests/values/agreement-cases.ts proves it). An
// enabled subchart's values are its section of the parent values merged over its own values.yaml (its
// nulls dropped), plus the parent's `global` (always present, `{}` at least); helm validates those
// against the subchart's own values.schema.json, recursively, and so does checkMerged below.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import semver from "semver";
import { isObj } from "../core/objects.js";
import { relPosix } from "../core/paths.js";
import type { DocPath } from "../core/rendered.js";
import {
  type CompiledSchema,
  compileValuesSchema,
  mergeValues,
  presenceKeywords,
  problemAt,
  type SchemaProblem,
  withoutNullKeys,
} from "./schema.js";
import { type LoadedYaml, parseYamlText } from "./yaml.js";

/** One chart's files, folder or archive alike: path inside the chart -> contents. */
type ChartFiles = Map<string, Buffer>;

export interface ChartNode {
  name: string;
  version: string;
  /** Relative to cwd: the chart's folder, or the .tgz it is packed in. */
  source: string;
  packed: boolean;
  files: ChartFiles;
  deps: DependencyDecl[];
  /** The charts under its charts/. */
  children: ChartNode[];
}

export interface DependencyDecl {
  name: string;
  alias?: string;
  condition?: string;
  tags?: string[];
  version?: string;
}

export interface Subchart {
  /** Its key in the parent values: the alias, else the chart name. */
  key: string;
  chart: ChartNode;
  condition?: string;
  tags?: string[];
  subs: Subchart[];
}

const wanted = (p: string) =>
  p === "Chart.yaml" ||
  p === "values.yaml" ||
  p === "values.schema.json" ||
  p.startsWith("templates/") ||
  p.startsWith("charts/");

function readFolder(abs: string): ChartFiles {
  const files: ChartFiles = new Map();
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (!wanted(r) && !(e.isDirectory() && (r === "templates" || r === "charts"))) continue;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (e.isFile()) files.set(r, readFileSync(path.join(dir, e.name)));
    }
  };
  walk(abs, "");
  return files;
}

// tar is loaded only when a chart has a packed subchart (it costs start-up time every other run).
let Parser: typeof import("tar").Parser | undefined;

/** A chart archive's files, without the archive's top folder (`sub/values.yaml` -> `values.yaml`). */
function readArchive(buf: Buffer): ChartFiles {
  if (!Parser) throw new Error("tar is not loaded");
  const files: ChartFiles = new Map();
  // tar's Parser is synchronous when fed a whole buffer: entries are complete when end() returns.
  const parser = new Parser({
    onReadEntry: (e) => {
      const rel = e.path.split("/").slice(1).join("/");
      if (e.type !== "File" || !wanted(rel)) {
        e.resume();
        return;
      }
      const chunks: Buffer[] = [];
      e.on("data", (c: Buffer) => chunks.push(c));
      e.on("end", () => files.set(rel, Buffer.concat(chunks)));
    },
  });
  parser.end(buf);
  return files;
}

function node(files: ChartFiles, source: string, packed: boolean): ChartNode | undefined {
  const chartYaml = files.get("Chart.yaml");
  if (!chartYaml) return undefined;
  const meta = parseYamlText(chartYaml.toString("utf8"), source).value as {
    name?: unknown;
    version?: unknown;
    dependencies?: unknown;
  } | null;
  if (!meta || typeof meta.name !== "string") return undefined;
  const deps = Array.isArray(meta.dependencies)
    ? (meta.dependencies as DependencyDecl[]).filter((d) => d && typeof d.name === "string")
    : [];
  const children: ChartNode[] = [];
  const childDirs = new Set<string>();
  for (const [p, buf] of files) {
    const m = /^charts\/([^/]+)(\/.*)?$/.exec(p);
    if (!m) continue;
    if (!m[2] && m[1]!.endsWith(".tgz")) {
      const c = safeArchive(buf, `${source}${packed ? ":" : "/"}charts/${m[1]}`);
      if (c) children.push(c);
    } else if (m[2]) childDirs.add(m[1]!);
  }
  for (const d of [...childDirs].sort()) {
    const sub: ChartFiles = new Map();
    const prefix = `charts/${d}/`;
    for (const [p, buf] of files) if (p.startsWith(prefix)) sub.set(p.slice(prefix.length), buf);
    const c = node(sub, packed ? `${source}:charts/${d}` : `${source}/charts/${d}`, packed);
    if (c) children.push(c);
  }
  return { name: meta.name, version: String(meta.version ?? ""), source, packed, files, deps, children };
}

function safeArchive(buf: Buffer, source: string): ChartNode | undefined {
  try {
    return node(readArchive(buf), source, true);
  } catch {
    return undefined; // not a chart archive: helm lint reports it
  }
}

/** Which child a dependency means: same name, and the version range when several match. */
function pick(children: readonly ChartNode[], d: DependencyDecl): ChartNode | undefined {
  const named = children.filter((c) => c.name === d.name);
  if (named.length < 2 || !d.version) return named[0];
  return named.find((c) => semver.valid(c.version) && semver.satisfies(c.version, d.version!)) ?? named[0];
}

function resolve(parent: ChartNode): Subchart[] {
  const out: Subchart[] = [];
  const used = new Set<ChartNode>();
  for (const d of parent.deps) {
    const c = pick(parent.children, d);
    if (!c) continue; // not vendored: `helm dependency build` (src/helm/deps.ts) or lint says so
    used.add(c);
    out.push({
      key: d.alias || d.name,
      chart: c,
      ...(typeof d.condition === "string" ? { condition: d.condition } : {}),
      ...(Array.isArray(d.tags) ? { tags: d.tags.map(String) } : {}),
      subs: resolve(c),
    });
  }
  // A chart in charts/ that Chart.yaml does not list is still a (always enabled) subchart for helm.
  for (const c of parent.children) if (!used.has(c)) out.push({ key: c.name, chart: c, subs: resolve(c) });
  return out;
}

/** The chart in `chartAbs` (a folder) with the charts under its charts/; undefined without Chart.yaml. */
export async function loadChart(
  chartAbs: string,
  cwd: string,
  shownAs = chartAbs,
): Promise<ChartNode | undefined> {
  if (!existsSync(path.join(chartAbs, "Chart.yaml"))) return undefined;
  const rel = relPosix(cwd, shownAs);
  const files = readFolder(chartAbs);
  if (!Parser && [...files.keys()].some((f) => f.endsWith(".tgz"))) Parser = (await import("tar")).Parser;
  return node(files, rel, false);
}

/** The subcharts of the chart in `chartAbs` (folder), as helm resolves them; positions are named as if
 * it were at `shownAs` (the chart's own folder when `chartAbs` is a copy with dependencies built). */
export async function loadSubcharts(chartAbs: string, cwd: string, shownAs = chartAbs): Promise<Subchart[]> {
  const charts = path.join(chartAbs, "charts");
  if (!existsSync(charts) || !statSync(charts).isDirectory()) return [];
  const root = await loadChart(chartAbs, cwd, shownAs);
  return root ? resolve(root) : [];
}

/** The templates of a subchart (path inside the chart -> text), for dead-value's reads. */
export function templatesOf(c: ChartNode): string[] {
  return [...c.files].filter(([p]) => p.startsWith("templates/")).map(([, b]) => b.toString("utf8"));
}

/** Whether a chart is a library (Chart.yaml `type: library`): it renders nothing, its helpers run in the
 * chart that includes them. */
export function isLibrary(c: ChartNode): boolean {
  const text = c.files.get("Chart.yaml")?.toString("utf8") ?? "";
  return /^type:\s*["']?library["']?\s*(#.*)?$/m.test(text);
}

function defaultsOf(c: ChartNode): LoadedYaml | undefined {
  const buf = c.files.get("values.yaml");
  if (!buf) return undefined;
  if (!c.packed) return parseYamlText(buf.toString("utf8"), `${c.source}/values.yaml`);
  // Inside an archive a line number cannot be opened: such positions point at the archive itself.
  const y = parseYamlText(buf.toString("utf8"), c.source);
  const archive = c.source.split(":")[0]!;
  return { ...y, positionOf: (p) => (y.positionOf(p) ? { file: archive, line: 1, col: 1 } : undefined) };
}

/** The parent values with every subchart's section coalesced as helm does (defaults, then globals). */
function coalesce(subs: readonly Subchart[], vals: Record<string, unknown>, defaults: Defaults) {
  const out = { ...vals };
  for (const s of subs) {
    const section = isObj(out[s.key]) ? out[s.key] : {};
    const v = mergeValues(withoutNullKeys(defaults.get(s.chart)?.value ?? {}), section) as Record<
      string,
      unknown
    >;
    v.global = mergeValues(isObj(v.global) ? v.global : {}, isObj(out.global) ? out.global : {});
    out[s.key] = coalesce(s.subs, v, defaults);
  }
  return out;
}

type Defaults = Map<ChartNode, LoadedYaml | undefined>;

/** helm's MergeValues for -f files: maps merge key by key, anything else (null too) replaces. */
function overlay(base: unknown, over: unknown): unknown {
  if (!isObj(base) || !isObj(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? overlay(out[k], v) : v;
  return out;
}

function valueAt(v: unknown, p: readonly string[]): unknown {
  let cur = v;
  for (const k of p) cur = isObj(cur) ? cur[k] : undefined;
  return cur;
}

export interface EnabledSubchart {
  sub: Subchart;
  /** Keys from the root chart's values down to its section. */
  path: string[];
  /** Subcharts above it, nearest last. */
  chain: Subchart[];
}

/** helm's ProcessDependencyEnabled: tags first (any true tag enables, only false tags disable), then the
 * first `condition` path that holds a boolean; paths are read in the root's coalesced values, below
 * the keys of the subcharts above. */
function enabledIn(root: Record<string, unknown>, subs: readonly Subchart[]): EnabledSubchart[] {
  const out: EnabledSubchart[] = [];
  const tags = isObj(root.tags) ? root.tags : undefined;
  const walk = (list: readonly Subchart[], prefix: string[], chain: Subchart[]) => {
    for (const s of list) {
      let on = true;
      if (tags && s.tags?.length) {
        const vs = s.tags.map((t) => tags[t]).filter((v) => typeof v === "boolean");
        if (vs.length && !vs.includes(true)) on = false;
      }
      for (const c of (s.condition ?? "").split(",").map((x) => x.trim())) {
        const v = c ? valueAt(root, [...prefix, ...c.split(".")]) : undefined;
        if (typeof v === "boolean") {
          on = v;
          break;
        }
      }
      if (!on) continue;
      out.push({ sub: s, path: [...prefix, s.key], chain });
      walk(s.subs, [...prefix, s.key], [...chain, s]);
    }
  };
  walk(subs, [], []);
  return out;
}

const escapePointer = (k: string) => k.replace(/~/g, "~0").replace(/\//g, "~1");

function nest(p: readonly string[], v: unknown): unknown {
  return p.reduceRight<unknown>((acc, k) => ({ [k]: acc }), v);
}

/** A file's positions seen from the root values: its keys sit under `prefix`. */
function under(y: LoadedYaml, prefix: readonly string[]): LoadedYaml {
  return {
    ...y,
    value: y.value === undefined ? undefined : nest(prefix, y.value),
    positionOf: (p: DocPath) =>
      p.length >= prefix.length && prefix.every((k, i) => p[i] === k)
        ? y.positionOf(p.slice(prefix.length))
        : undefined,
  };
}

/** The values schemas of a chart's subcharts, compiled once per chart, checked per file and merged. */
export class SubchartSchemas {
  /** A subchart schema that is not JSON / not valid JSON Schema, once per subchart chart. */
  readonly problems: SchemaProblem[] = [];
  private readonly compiled = new Map<ChartNode, ValidateFunction>();
  private readonly defaults: Defaults = new Map();

  constructor(readonly subs: Subchart[]) {
    const seen = new Set<ChartNode>();
    const visit = (list: readonly Subchart[]) => {
      for (const s of list) {
        if (!seen.has(s.chart)) {
          seen.add(s.chart);
          this.defaults.set(s.chart, defaultsOf(s.chart));
          const text = s.chart.files.get("values.schema.json");
          if (text) {
            const file = s.chart.packed
              ? s.chart.source.split(":")[0]!
              : `${s.chart.source}/values.schema.json`;
            const c: CompiledSchema = compileValuesSchema(text.toString("utf8"), file);
            if ("validate" in c) this.compiled.set(s.chart, c.validate);
            else
              this.problems.push({
                ...c.problem,
                message: `subchart ${s.chart.name}: ${c.problem.message}`,
                ...(s.chart.packed ? { at: { file, line: 1, col: 1 } } : {}),
              });
          }
        }
        visit(s.subs);
      }
    };
    visit(subs);
  }

  /** Whether any subchart has a schema (valid or not): values-schema has something to check. */
  get any(): boolean {
    return this.compiled.size > 0 || this.problems.length > 0;
  }

  private root(files: readonly LoadedYaml[], major: 3 | 4): Record<string, unknown> {
    // Override files are merged with their nulls kept: a null deletes the key in the chart's defaults
    // and, below a subchart's key, in the subchart's own values.yaml too (coalesce drops it there). Helm 4
    // drops the nulls of the chart's own values.yaml first, so those delete no subchart default; helm 3
    // keeps them (the agreement corpus shows both).
    const [defaults, ...overrides] = files;
    let merged: unknown = defaults?.value ?? {};
    if (major === 4) merged = withoutNullKeys(merged);
    for (const f of overrides) if (f.value !== undefined) merged = overlay(merged, f.value ?? {});
    return coalesce(this.subs, isObj(merged) ? merged : {}, this.defaults);
  }

  /** The subcharts helm renders (and validates) with these values files (chart defaults first). */
  enabled(files: readonly LoadedYaml[], major: 3 | 4 = 4): EnabledSubchart[] {
    return enabledIn(this.root(files, major), this.subs);
  }

  private describe(e: EnabledSubchart): string {
    const c = e.sub.chart;
    return e.sub.key === c.name ? `subchart ${c.name}` : `subchart ${c.name} as '${e.sub.key}'`;
  }

  private place(e: ErrorObject, en: EnabledSubchart, data: unknown, files: readonly LoadedYaml[]) {
    const pointer = en.path.map((k) => `/${escapePointer(k)}`).join("");
    const p = problemAt({ ...e, instancePath: pointer + e.instancePath }, nest(en.path, data), files);
    return { ...p, message: `${p.message} (values.schema.json of ${this.describe(en)})` };
  }

  /**
   * One values file's section of each subchart, on its own (presence keywords left to the merged check).
   * Only subcharts enabled in at least one scenario the file is part of (helm skips the others).
   */
  checkFile(file: LoadedYaml, scenarios: ReadonlyArray<readonly LoadedYaml[]>): SchemaProblem[] {
    if (!isObj(file.value) || !this.compiled.size) return [];
    const on = new Map<Subchart, EnabledSubchart>();
    for (const s of scenarios) for (const e of this.enabled(s)) on.set(e.sub, e);
    const out: SchemaProblem[] = [];
    for (const en of on.values()) {
      const validate = this.compiled.get(en.sub.chart);
      const section = valueAt(file.value, en.path);
      if (!validate || !isObj(section)) continue;
      const data = withoutNullKeys(section);
      if (validate(data)) continue;
      for (const e of validate.errors ?? [])
        if (!presenceKeywords.has(e.keyword)) out.push(this.place(e, en, data, [file]));
    }
    return out;
  }

  /** Each enabled subchart's coalesced values against its schema, as helm validates them; each error
   * at the last file that set the value (root values files, then the subcharts' own values.yaml). */
  checkMerged(files: readonly LoadedYaml[], major: 3 | 4 = 4): SchemaProblem[] {
    if (!this.compiled.size) return [];
    const root = this.root(files, major);
    const out: SchemaProblem[] = [];
    for (const en of enabledIn(root, this.subs)) {
      const validate = this.compiled.get(en.sub.chart);
      if (!validate) continue;
      const data = withoutNullKeys(valueAt(root, en.path));
      if (validate(data)) continue;
      // Lowest precedence first: the deepest subchart's defaults, up to the root chart's files.
      const layers: LoadedYaml[] = [];
      for (const [i, s] of [...en.chain, en.sub].entries()) {
        const d = this.defaults.get(s.chart);
        if (d) layers.unshift(under(d, en.path.slice(0, i + 1)));
      }
      layers.push(...files);
      for (const e of validate.errors ?? []) out.push(this.place(e, en, data, layers));
    }
    return out;
  }
}
