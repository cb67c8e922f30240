// Values files loaded once, with positions kept, so every finding about one points at its file:line:col.
// Parsed as YAML 1.1 because helm reads values with sigs.k8s.io/yaml (go-yaml, YAML 1.1 scalars: `yes`,
// `on`, `0755` ...); reading them as YAML 1.2 would make ajv and helm disagree about types.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  type Tags,
  type YAMLMap,
} from "yaml";
import type { DocPath, SourcePosition } from "../core/rendered.js";
import { withPlainEnv } from "../exec/plain-env.js";
import { fastParseValues } from "../perf/yaml-fast.js";
import { duplicateKeys } from "../yaml/unique-keys.js";

/** Values files are configuration, not data: larger ones are refused before parsing. */
export const MAX_VALUES_BYTES = 8 * 1024 * 1024;

export interface YamlProblem {
  rule: "yaml-parse" | "duplicate-key";
  message: string;
  at: SourcePosition;
}

export interface LoadedYaml {
  /** Relative to cwd. */
  file: string;
  /** The plain value (undefined when the file could not be parsed). */
  value: unknown;
  problems: YamlProblem[];
  /** Position of a key (or list item) in this file; undefined when the path is not in it. */
  positionOf(p: DocPath): SourcePosition | undefined;
}

export class FileTooLarge extends Error {
  constructor(
    readonly file: string,
    readonly bytes: number,
  ) {
    super(
      `${file}: values file is ${(bytes / 1024 / 1024).toFixed(1)} MiB, over the ${MAX_VALUES_BYTES / 1024 / 1024} MiB floe-helm reads (values files are configuration, not data)`,
    );
  }
}

function lineColOfByte(buf: Buffer, at: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (buf[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: at - lineStart + 1 };
}

/** Decodes text, or says where the first byte is that makes this not a UTF-8 text file. */
export function decodeText(buf: Buffer): { text: string } | { badByte: number } {
  const nul = buf.indexOf(0);
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    if (nul >= 0) return { badByte: nul };
    return { text };
  } catch {
    // Find the first offending byte by decoding growing prefixes at character boundaries.
    let lo = 0;
    let hi = buf.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(buf.subarray(0, mid + 1));
        lo = mid + 1;
      } catch {
        // A prefix can end inside a valid multi-byte character; accept if a few more bytes fix it.
        let ok = false;
        for (let k = 2; k <= 4 && mid + k <= buf.length; k++) {
          try {
            new TextDecoder("utf-8", { fatal: true }).decode(buf.subarray(0, mid + k));
            ok = true;
            break;
          } catch {}
        }
        if (ok) lo = mid + 1;
        else hi = mid;
      }
    }
    return { badByte: nul >= 0 ? Math.min(nul, lo) : lo };
  }
}

// Helm hands dates on as strings (the agreement corpus shows it); keep them strings, not Date objects.
export const withoutTimestamp = (tags: Tags): Tags =>
  tags.filter((t) => typeof t === "string" || t.tag !== "tag:yaml.org,2002:timestamp");

/** `version` 1.1 for what helm reads (values, Chart.yaml); 1.2 for floe-helm's own files, where `off`
 * must stay the string "off". An error-free file is read by the fast path where it gives yaml's value
 * exactly (src/yaml/fast.ts); yaml then parses it only if a position is asked for (a finding). */
export function parseYamlText(text: string, file: string, version: "1.1" | "1.2" = "1.1"): LoadedYaml {
  const fast = fastParseValues(text, version, withoutTimestamp);
  if (!fast) return parseWithYaml(text, file, version);
  let full: LoadedYaml | undefined;
  return {
    file,
    value: fast.value,
    problems: [],
    positionOf: (p) => {
      full ??= parseWithYaml(text, file, version);
      return full.positionOf(p);
    },
  };
}

function parseWithYaml(text: string, file: string, version: "1.1" | "1.2"): LoadedYaml {
  const lineCounter = new LineCounter();
  const doc = withPlainEnv(() =>
    parseDocument(text, {
      lineCounter,
      // Checked below in one walk: yaml's own check is quadratic in a mapping's size.
      uniqueKeys: false,
      version,
      prettyErrors: false,
      customTags: withoutTimestamp,
    }),
  );
  const problems: YamlProblem[] = [];
  const at = (offset: number) => ({ file, ...lineCounter.linePos(offset) });
  const duplicates = duplicateKeys(doc.contents);
  let d = 0;
  // In document order, as yaml's own check would have listed them among its errors.
  const duplicatesBefore = (offset: number) => {
    for (; d < duplicates.length && duplicates[d]!.offset < offset; d++) {
      problems.push({
        rule: "duplicate-key",
        message: `key '${duplicates[d]!.path.join(".")}' is set twice in this mapping (YAML keeps only the last one)`,
        at: at(duplicates[d]!.offset),
      });
    }
  };
  for (const e of doc.errors) {
    duplicatesBefore(e.pos[0]);
    problems.push({
      rule: "yaml-parse",
      message: `not valid YAML: ${e.message.split("\n")[0]}`,
      at: at(e.pos[0]),
    });
  }
  duplicatesBefore(Number.POSITIVE_INFINITY);
  const fatal = problems.some((p) => p.rule === "yaml-parse");
  let value: unknown;
  if (!fatal) {
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      problems.push({
        rule: "yaml-parse",
        message: `not valid YAML: ${(e as Error).message}`,
        at: { file, line: 1, col: 1 },
      });
    }
  }
  const nodeAt = nodeFinder(doc.contents);
  const positionOf = (p: DocPath): SourcePosition | undefined => {
    const node = nodeAt(p);
    if (!node?.range) return undefined;
    const lp = lineCounter.linePos(node.range[0]);
    return { file, line: lp.line, col: lp.col };
  };
  return { file, value: fatal ? undefined : value, problems, positionOf };
}

/** Reads and parses a values file. Missing files throw (the caller decides: usage error); binary files
 * and YAML faults become problems; files over MAX_VALUES_BYTES throw FileTooLarge. */
export async function loadYamlFile(file: string, cwd: string): Promise<LoadedYaml> {
  const abs = path.resolve(cwd, file);
  const st = await stat(abs);
  if (st.size > MAX_VALUES_BYTES) throw new FileTooLarge(file, st.size);
  const buf = await readFile(abs);
  const decoded = decodeText(buf);
  if ("badByte" in decoded) {
    const lc = lineColOfByte(buf, decoded.badByte);
    return {
      file,
      value: undefined,
      problems: [
        {
          rule: "yaml-parse",
          message: `not a UTF-8 text file (byte 0x${(buf[decoded.badByte] ?? 0).toString(16).padStart(2, "0")} at offset ${decoded.badByte}): a values file must be YAML text`,
          at: { file, ...lc },
        },
      ],
      positionOf: () => undefined,
    };
  }
  return parseYamlText(decoded.text, file);
}

/** The key node (for a map entry) or item node (for a list index) at a path; for the empty path the root.
 * Each mapping's keys are indexed on first use, so looking up every key of a file stays linear. */
export function nodeFinder(root: unknown): (p: DocPath) => Node | undefined {
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      // The first of two equal keys, as a search from the top would find.
      for (const it of map.items)
        if (isScalar(it.key) && !index.has(String(it.key.value))) index.set(String(it.key.value), it);
      indexes.set(map, index);
    }
    return index.get(key);
  };
  return (p) => {
    let cur: unknown = root;
    let last: Node | undefined = root as Node | undefined;
    for (const seg of p) {
      if (isMap(cur)) {
        const pair = pairOf(cur, String(seg));
        if (!pair) return undefined;
        last = pair.key as Node;
        cur = pair.value;
      } else if (isSeq(cur) && typeof seg === "number") {
        const item = cur.items[seg] as Node | undefined;
        if (!item) return undefined;
        last = item;
        cur = item;
      } else {
        return undefined;
      }
    }
    return last;
  };
}
