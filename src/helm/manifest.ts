// `helm template` output -> RenderedObject[]: one object per YAML document, each tied to the template that
// wrote it (helm's `# Source: <chart>/templates/x.yaml` comment) and able to point at the template line
// that writes any of its keys. YAML faults and duplicated keys in the output are returned as problems
// (YAML silently keeps the last of two equal keys: a real defect, see ANCHORS §4).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Document, LineCounter, parseAllDocuments } from "yaml";
import { relPosix } from "../core/paths.js";
import type { DocPath, RenderedObject, SourcePosition } from "../core/rendered.js";
import { withPlainEnv } from "../exec/plain-env.js";
import { perfOn } from "../perf/switches.js";
import { type FastDocument, fastParseDocument } from "../perf/yaml-fast.js";
import { type DuplicateKey, duplicateKeys } from "../yaml/unique-keys.js";
import { locateInLines, sectionFor } from "./locate.js";

export interface ManifestOptions {
  /** The chart folder that was rendered (absolute or relative to cwd). */
  chartDir: string;
  /** Working directory: template paths are made relative to it. */
  cwd: string;
  /** Reads a template file; undefined when it cannot be read. Defaults to the file system. */
  readTemplate?: (absPath: string) => string | undefined;
  /** Parse document by document, sharing parses of identical documents (default true; false parses the
   * whole stream at once, the reference the split parse is tested against). */
  split?: boolean;
}

export interface ManifestProblem {
  rule: "yaml-parse" | "duplicate-key";
  message: string;
  /** Where in the template (best effort), relative to cwd. */
  at: SourcePosition;
  /** 1-based line in the raw `helm template` output. */
  manifestLine: number;
  /** The object the problem is in, `Kind/name`, when it could be parsed that far. */
  object?: string;
}

export interface ParsedManifest {
  objects: RenderedObject[];
  problems: ManifestProblem[];
}

const sourceRe = /^# Source: (.+?)\s*$/gm;

/** Maps a `# Source:` path (`<chart>/templates/x.yaml`, `<chart>/charts/sub/templates/y.yaml`) to the
 * file under chartDir, relative to cwd. A subchart packed as `charts/sub-1.0.0.tgz` maps to the archive. */
export function templateFile(source: string, chartDirAbs: string, cwd: string): string {
  const inChart = source.split("/").slice(1).join("/");
  const abs = path.join(chartDirAbs, inChart);
  if (!existsSync(abs)) {
    const sub = /^charts\/([^/]+)\//.exec(inChart)?.[1];
    if (sub) {
      const chartsDir = path.join(chartDirAbs, "charts");
      const archive = safeReaddir(chartsDir).find((f) => f.startsWith(`${sub}-`) && f.endsWith(".tgz"));
      if (archive) return rel(cwd, path.join(chartsDir, archive));
    }
  }
  return rel(cwd, abs);
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

const rel = relPosix;

function readFs(abs: string): string | undefined {
  try {
    return readFileSync(abs, "utf8");
  } catch {
    return undefined;
  }
}

/** One parsed YAML document and where its parsed text starts in the whole `helm template` output: parsed
 * by yaml (the reference), or by the fast path (src/yaml/fast.ts) when that gives the same value. */
type ParsedDoc = {
  /** Offset and 1-based line in the output of the text the document was parsed from. */
  base: number;
  lineBase: number;
} & (
  | { doc: Document.Parsed; duplicates: DuplicateKey[]; lineCounter: LineCounter }
  | {
      fast: FastDocument;
      /** 1-based line of `fast.start` in the parsed text, and the parsed text's length (its end). */
      startLine: number;
      end: number;
    }
);

type YamlParse = { docs: Document.Parsed[]; duplicates: DuplicateKey[][]; lineCounter: LineCounter };

function parseText(text: string): YamlParse {
  const lineCounter = new LineCounter();
  // Duplicate keys are found in one walk (src/yaml/unique-keys.ts): yaml's own check is quadratic.
  const parsed = withPlainEnv(() =>
    parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false }),
  );
  const docs = Array.isArray(parsed) ? parsed : [];
  return { docs, duplicates: docs.map((d) => duplicateKeys(d.contents)), lineCounter };
}

type CachedParse = YamlParse | { fast: FastDocument; startLine: number; end: number };

// Parses of single documents, by text, for the whole process: helm 3 and helm 4, and scenarios that differ
// in a few values, render mostly identical documents (a parse is most of the gate's own per-cell CPU).
// The parsed documents are never handed out: each use converts them to fresh JS objects.
const parsedDocs = new Map<string, CachedParse>();
const MAX_PARSED_DOCS = 20_000;

const docStartRe = /^---(?=[ \t\r\n]|$)/gm;
// A keep-chomped block scalar (`|+`, `>2+`) keeps trailing blank lines as content.
const keepChompRe = /[|>][1-9]?\+/;
const sourceLineRe = /^# Source: /m;

/** One document's text parsed: by the fast path when it applies (and no `# Source:` comment follows the
 * content, so where the document ends cannot change which template the next one belongs to), else by yaml. */
function parseOne(text: string): CachedParse {
  const fast = fastParseDocument(text);
  if (fast && !sourceLineRe.test(text.slice(fast.start))) {
    let startLine = 1;
    for (let p = text.indexOf("\n"); p >= 0 && p < fast.start; p = text.indexOf("\n", p + 1)) startLine++;
    return { fast, startLine, end: text.length };
  }
  return parseText(text);
}

/** The documents of the output parsed one by one (identical ones once per process), or undefined when the
 * stream must be parsed whole: directives or `...` markers, or any YAML error (its position and message
 * then come from the whole stream, exactly as before). */
function splitParse(manifest: string): ParsedDoc[] | undefined {
  if (/^(?:%|\.\.\.)/m.test(manifest)) return undefined;
  const starts = [0, ...[...manifest.matchAll(docStartRe)].map((m) => m.index).filter((i) => i > 0)];
  const out: ParsedDoc[] = [];
  let lineBase = 1;
  for (const [i, base] of starts.entries()) {
    const chunk = manifest.slice(base, starts[i + 1] ?? manifest.length);
    // Helm 4 ends each document with a blank line more than helm 3: not content, unless kept by `|+`.
    const text = keepChompRe.test(chunk) ? chunk : chunk.replace(/\n+$/, "\n");
    let parsed = parsedDocs.get(text);
    if (!parsed) {
      parsed = parseOne(text);
      if (parsedDocs.size >= MAX_PARSED_DOCS) parsedDocs.clear();
      parsedDocs.set(text, parsed);
    } else if ("fast" in parsed) {
      // Cached: this use gets its own copy of the value.
      parsed = { ...parsed, fast: { ...parsed.fast, value: structuredClone(parsed.fast.value) } };
    }
    if ("fast" in parsed) out.push({ ...parsed, base, lineBase });
    else {
      if (parsed.docs.some((d, k) => d.errors.length > 0 || parsed.duplicates[k]!.length > 0))
        return undefined;
      for (const [k, doc] of parsed.docs.entries())
        out.push({ doc, duplicates: parsed.duplicates[k]!, base, lineBase, lineCounter: parsed.lineCounter });
    }
    for (let p = chunk.indexOf("\n"); p >= 0; p = chunk.indexOf("\n", p + 1)) lineBase++;
  }
  return out;
}

export function parseManifestDocuments(manifest: string, opts: ManifestOptions): ParsedManifest {
  const cwd = path.resolve(opts.cwd);
  const chartDirAbs = path.resolve(cwd, opts.chartDir);
  const read = opts.readTemplate ?? readFs;
  const cache = new Map<string, string[] | null>();
  const linesOf = (file: string): string[] | undefined => {
    if (!cache.has(file)) cache.set(file, read(path.resolve(cwd, file))?.split(/\r?\n/) ?? null);
    return cache.get(file) ?? undefined;
  };

  // Every `# Source:` comment with its offset; a document takes the last one before its content.
  const sources: Array<{ offset: number; source: string }> = [];
  for (const m of manifest.matchAll(sourceRe)) sources.push({ offset: m.index, source: m[1]! });
  // Documents come in order, so the comments before each are found by one pass over the list.
  let nextSource = 0;

  const list: ParsedDoc[] =
    (opts.split !== false && perfOn("doc-cache") ? splitParse(manifest) : undefined) ??
    ((whole) =>
      whole.docs.map((doc, k) => ({
        doc,
        duplicates: whole.duplicates[k]!,
        base: 0,
        lineBase: 1,
        lineCounter: whole.lineCounter,
      })))(parseText(manifest));
  const objects: RenderedObject[] = [];
  const problems: ManifestProblem[] = [];
  const seenOfKind = new Map<string, number>();
  let prevEnd = 0;
  for (const d of list) {
    const { base, lineBase } = d;
    const doc = "doc" in d ? d.doc : undefined;
    // Offsets in the parsed text -> offsets and lines in the whole output.
    const linePos = (offset: number) => {
      const p = "lineCounter" in d ? d.lineCounter.linePos(offset) : { line: 1, col: 1 };
      return { line: p.line + lineBase - 1, col: p.col };
    };
    const localStart = doc ? (doc.contents?.range?.[0] ?? doc.range[0]) : "fast" in d ? d.fast.start : 0;
    const start = base + localStart;
    while (nextSource < sources.length && sources[nextSource]!.offset < start) nextSource++;
    const last = sources[nextSource - 1];
    const src = last && last.offset >= prevEnd ? last : undefined;
    prevEnd = base + (doc ? doc.range[2] : "end" in d ? d.end : 0);
    const template = src ? templateFile(src.source, chartDirAbs, cwd) : rel(cwd, chartDirAbs);
    const manifestLine = "startLine" in d ? d.startLine + lineBase - 1 : linePos(localStart).line;

    let js: unknown;
    try {
      js = doc ? doc.toJS({ maxAliasCount: 100 }) : "fast" in d ? d.fast.value : undefined;
    } catch {
      js = undefined;
    }
    const obj =
      js !== null && typeof js === "object" && !Array.isArray(js)
        ? (js as Record<string, unknown>)
        : undefined;
    const kind = typeof obj?.kind === "string" ? obj.kind : "";
    const name =
      typeof (obj?.metadata as { name?: unknown } | undefined)?.name === "string"
        ? String((obj!.metadata as { name: string }).name)
        : "";
    const kindKey = `${template}\0${kind}`;
    const nth = seenOfKind.get(kindKey) ?? 0;
    seenOfKind.set(kindKey, nth + 1);

    const locate = (p: DocPath, occurrence = 0): SourcePosition => {
      const lines = linesOf(template);
      if (!lines) return { file: template, line: 1 };
      const [a, b] = kind ? sectionFor(lines, kind, nth) : [0, lines.length];
      const hit = locateInLines(lines, p, a, b, occurrence);
      if (hit) return { file: template, line: hit.line, col: hit.col };
      // Not found: the first content line of the section (line 1 for a one-document template).
      const first = lines.findIndex((l, i) => i >= a && l.trim() !== "" && !l.trim().startsWith("{{"));
      return { file: template, line: first >= 0 && first < b ? first + 1 : a + 1 };
    };

    const duplicates = "duplicates" in d ? d.duplicates : [];
    let k = 0;
    // In document order, as yaml's own check would have listed them among its errors.
    const duplicatesBefore = (offset: number) => {
      for (; k < duplicates.length && duplicates[k]!.offset < offset; k++) {
        const { offset: at, path: keyPath } = duplicates[k]!;
        const lp = linePos(at);
        problems.push({
          rule: "duplicate-key",
          message: `'${keyPath.join(".")}' is written twice in the rendered ${kind || "document"}${name ? ` ${name}` : ""} (YAML keeps only the last one; rendered output line ${lp.line})`,
          at: locate(keyPath, 1),
          manifestLine: lp.line,
          ...(kind ? { object: `${kind}/${name}` } : {}),
        });
      }
    };
    for (const e of doc?.errors ?? []) {
      duplicatesBefore(e.pos[0]);
      const lp = linePos(e.pos[0]);
      problems.push({
        rule: "yaml-parse",
        message: `rendered output is not valid YAML at line ${lp.line}, column ${lp.col}: ${firstLine(e.message)}`,
        at: { file: template, line: 1 },
        manifestLine: lp.line,
        ...(kind ? { object: `${kind}/${name}` } : {}),
      });
    }
    duplicatesBefore(Number.POSITIVE_INFINITY);
    if (!obj) continue;
    const namespace = (obj.metadata as { namespace?: unknown } | undefined)?.namespace;
    objects.push({
      apiVersion: typeof obj.apiVersion === "string" ? obj.apiVersion : "",
      kind,
      name,
      ...(typeof namespace === "string" ? { namespace } : {}),
      doc: obj,
      template,
      manifestLine,
      locate: (p) => locate(p),
    });
  }
  return { objects, problems };
}

/** The objects of a `helm template` output; see parseManifestDocuments for YAML problems in it. */
export function parseManifest(manifest: string, opts: { chartDir: string; cwd: string }): RenderedObject[] {
  return parseManifestDocuments(manifest, opts).objects;
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}
