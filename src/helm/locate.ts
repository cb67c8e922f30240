// Finds the line of a Helm template that writes a given key of a rendered object. Templates are not YAML
// (they hold `{{ }}` actions), so this reads them as indented text: walk the path one level at a time,
// each key searched only among the direct children of its parent's block. Where a key cannot be found
// (written by `toYaml`, an `include`, a `range` over values) it stops at the deepest parent found: the
// line that produced the missing part.
import type { DocPath } from "../core/rendered.js";

export interface TemplateLine {
  /** 1-based line in the template file. */
  line: number;
  /** 1-based column of the key. */
  col: number;
}

interface Row {
  /** Column of the first non-space character (0-based). */
  indent: number;
  /** Column of the text after any `- ` list markers: where a key on this row starts. */
  keyIndent: number;
  dash: boolean;
  /** The row's text after indentation and list markers. */
  text: string;
}

// Rows that are only template actions (`{{- if ... }}`) or comments do not shape YAML blocks.
const actionOnly = /^\s*(\{\{.*?\}\}\s*)+$/;

function rowsOf(lines: readonly string[]): (Row | undefined)[] {
  return lines.map((raw) => {
    const t = raw.trim();
    if (t === "" || t.startsWith("#") || actionOnly.test(raw)) return undefined;
    const m = /^(\s*)((?:-(?:\s+|$))*)/.exec(raw)!;
    const indent = m[1]!.length;
    const dashes = m[2]!;
    return {
      indent,
      keyIndent: indent + dashes.length,
      dash: dashes.length > 0,
      text: raw.slice(m[0].length),
    };
  });
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function keyPattern(key: string): RegExp {
  const k = escapeRe(key);
  return new RegExp(`^(?:"${k}"|'${k}'|${k})\\s*:(?:\\s|$)`);
}

/** End (exclusive) of the value block of a key whose key column is `keyCol`. A list may sit at the
 * key's own indentation (`key:\n- a`), so dash rows at that column still belong to it. */
function keyBlockEnd(rows: readonly (Row | undefined)[], start: number, hi: number, keyCol: number): number {
  for (let i = start + 1; i < hi; i++) {
    const r = rows[i];
    if (r && (r.indent < keyCol || (r.indent === keyCol && !r.dash))) return i;
  }
  return hi;
}

/**
 * Locates `path` in `lines` within rows [from, to); undefined when not even the first key is found.
 * `occurrence` picks a later match of the last key (a duplicated key: YAML keeps the last one).
 */
export function locateInLines(
  lines: readonly string[],
  path: DocPath,
  from = 0,
  to = lines.length,
  occurrence = 0,
): TemplateLine | undefined {
  const rows = rowsOf(lines);
  let lo = from;
  let hi = to;
  let parentCol = -1;
  let best: TemplateLine | undefined;
  for (const [depth, seg] of path.entries()) {
    if (typeof seg === "number") {
      // The n-th item of the list; a `range` writes many items from one, so fall back to the first.
      let itemCol: number | undefined;
      const items: number[] = [];
      for (let i = lo; i < hi; i++) {
        const r = rows[i];
        if (!r?.dash || r.indent < parentCol) continue;
        itemCol ??= r.indent;
        if (r.indent === itemCol) items.push(i);
      }
      const at = items[seg] ?? items[0];
      if (at === undefined || itemCol === undefined) return best;
      best = { line: at + 1, col: itemCol + 1 };
      let end = hi;
      for (let i = at + 1; i < hi; i++) {
        const r = rows[i];
        if (r && r.indent <= itemCol) {
          end = i;
          break;
        }
      }
      lo = at;
      hi = end;
      parentCol = itemCol;
      continue;
    }
    const pat = keyPattern(seg);
    let skip = depth === path.length - 1 ? occurrence : 0;
    let childCol: number | undefined;
    let found: number | undefined;
    for (let i = lo; i < hi; i++) {
      const r = rows[i];
      if (!r || r.keyIndent <= parentCol) continue;
      // Direct children only: the shallowest key column seen at this level.
      if (childCol === undefined || r.keyIndent < childCol) childCol = r.keyIndent;
      if (r.keyIndent !== childCol) continue;
      if (pat.test(r.text)) {
        found = i;
        if (skip-- <= 0) break;
      }
    }
    if (found === undefined) return best;
    const r = rows[found]!;
    best = { line: found + 1, col: r.keyIndent + 1 };
    hi = keyBlockEnd(rows, found, hi, r.keyIndent);
    lo = found + 1;
    parentCol = r.keyIndent;
  }
  return best;
}

/** Splits a template into its `---` sections, as [start, end) 0-based row ranges with content. */
export function sectionsOf(lines: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || /^---(\s|$)/.test(lines[i] ?? "")) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  return out.filter(([a, b]) => rowsOf(lines.slice(a, b)).some((r) => r !== undefined));
}

/**
 * The section of a template that most likely produced the `nth` object of `kind` from it: among the
 * sections that spell the kind literally, the nth (helm sorts its output by kind, so the position in the
 * output says nothing about the position in the file; the order among objects of one kind is kept).
 */
export function sectionFor(lines: readonly string[], kind: string, nth: number): [number, number] {
  const sections = sectionsOf(lines);
  if (sections.length <= 1) return [0, lines.length];
  const kindRe = new RegExp(`^kind:\\s*["']?${escapeRe(kind)}["']?\\s*$`);
  const matching = sections.filter(([a, b]) => lines.slice(a, b).some((l) => kindRe.test(l)));
  return matching[nth] ?? matching[0] ?? [0, lines.length];
}
