// yaml-style: the YAML style chart-testing's `ct lint` enforces on Chart.yaml and values files (it runs yamllint
// with its own lintconf), here without Python: the same rule names, messages and line:column as yamllint, so a
// finding reads the same as in ct and a yamllint config turning a rule off maps one to one. The rules and
// their settings are ct's: braces/brackets (no spaces inside), colons (none before, at most one after),
// commas (none before, exactly one after), comments (a space after `#`, two before an inline one), empty-lines
// (at most 2, none at the start or end), hyphens (at most one space after), new-line-at-end-of-file, new-lines
// (unix), trailing-spaces, and truthy (a warning: yes/no/on/off... where true/false is meant).
// tests/checks/yaml-style.test.ts compares every message with the real yamllint on the same files.
// Not here: yamllint's `indentation` (ct: consistent spaces; helm and the YAML parser already refuse what would
// change the meaning) and `key-duplicates` (the gate's duplicate-key rule reports those, with both places).
import { CST, Lexer } from "yaml";

export type YamlStyleRule =
  | "braces"
  | "brackets"
  | "colons"
  | "commas"
  | "comments"
  | "empty-lines"
  | "hyphens"
  | "new-line-at-end-of-file"
  | "new-lines"
  | "trailing-spaces"
  | "truthy";

export interface YamlStyleProblem {
  rule: YamlStyleRule;
  /** 1-based, as yamllint counts. */
  line: number;
  col: number;
  message: string;
  level: "error" | "warning";
}

/** The rule list with what each checks: for the README's rule table and the SARIF rule metadata. */
export const yamlStyleRules: Readonly<Record<YamlStyleRule, string>> = {
  braces: "no spaces inside { } (ct: max-spaces-inside 0)",
  brackets: "no spaces inside [ ] (ct: max-spaces-inside 0)",
  colons: "no space before a colon, at most one after",
  commas: "no space before a comma, exactly one after",
  comments: "a space after #, at least two spaces before an inline comment",
  "empty-lines": "at most 2 blank lines, none at the start or the end of the file",
  hyphens: "at most one space after a list's hyphen",
  "new-line-at-end-of-file": "the file ends with a newline",
  "new-lines": "unix newlines (\\n)",
  "trailing-spaces": "no spaces or tabs at the end of a line",
  truthy: "true/false only (not yes/no/on/off, which YAML 1.1 reads as booleans): a warning",
};

/** A token of the source with its place: the lexer's own, without its zero-width markers. */
interface Tok {
  type: string;
  text: string;
  start: number;
  end: number;
  /** A plain (unquoted, not block) scalar: the one kind truthy looks at. */
  plain?: boolean;
}

// The lexer marks a document's start, a scalar's start and an error's end with one control character each,
// which is not in the source.
const MARKERS = new Set(["\u0002", "\u0018", "\u001f"]);
/** What PyYAML, and so yamllint, does not count as a token. */
const TRIVIA = new Set(["space", "newline", "comment"]);

function tokensOf(text: string): Tok[] {
  const out: Tok[] = [];
  let at = 0;
  let scalarNext = false;
  let blockNext = false;
  for (const raw of new Lexer().lex(text)) {
    if (MARKERS.has(raw)) {
      if (raw === "\u001f") scalarNext = true;
      continue;
    }
    const type = CST.tokenType(raw) ?? "content";
    const tok: Tok = { type, text: raw, start: at, end: at + raw.length };
    if (type === "content") {
      tok.plain = scalarNext && !blockNext && raw[0] !== '"' && raw[0] !== "'";
      if (blockNext) blockNext = false;
    }
    if (type === "block-scalar-header") blockNext = true;
    if (type !== "space") scalarNext = false;
    out.push(tok);
    at += raw.length;
  }
  return out;
}

class Positions {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === "\n") this.starts.push(i + 1);
  }
  /** 0-based line and column of an offset. */
  of(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, col: offset - this.starts[lo]! };
  }
}

export function lintYamlStyle(text: string): YamlStyleProblem[] {
  const problems: YamlStyleProblem[] = [];
  const pos = new Positions(text);
  const add = (rule: YamlStyleRule, line: number, col: number, message: string) =>
    problems.push({ rule, line, col, message, level: rule === "truthy" ? "warning" : "error" });

  const all = tokensOf(text);
  const sig = all.filter((t) => !TRIVIA.has(t.type));
  /** yamllint's spaces_after: only when the next token is on the line this one ends on. */
  const after = (i: number, rule: YamlStyleRule, what: string, max: number, min = -1) => {
    const t = sig[i]!;
    const next = sig[i + 1];
    if (!next) return;
    const end = pos.of(t.end);
    const n = pos.of(next.start);
    if (end.line !== n.line) return;
    const spaces = next.start - t.end;
    const line = pos.of(t.start).line + 1;
    if (max !== -1 && spaces > max) add(rule, line, n.col, `too many spaces ${what}`);
    else if (min !== -1 && spaces < min) add(rule, line, n.col + 1, `too few spaces ${what}`);
  };
  /** yamllint's spaces_before: only when the token before ends on this token's line (not with a newline). */
  const before = (i: number, rule: YamlStyleRule, what: string, max: number) => {
    const t = sig[i]!;
    const prev = sig[i - 1];
    if (!prev || prev.text.endsWith("\n")) return;
    const s = pos.of(t.start);
    if (pos.of(prev.end).line !== s.line) return;
    if (t.start - prev.end > max) add(rule, s.line + 1, s.col, `too many spaces ${what}`);
  };

  // Token rules, in the order yamllint reports them for one token.
  let truthy = TRUTHY_1_1;
  for (let i = 0; i < sig.length; i++) {
    const t = sig[i]!;
    const next = sig[i + 1];
    const prev = sig[i - 1];
    switch (t.type) {
      case "flow-map-start":
      case "flow-seq-start": {
        const [rule, noun, close] =
          t.type === "flow-map-start"
            ? (["braces", "braces", "flow-map-end"] as const)
            : (["brackets", "brackets", "flow-seq-end"] as const);
        after(i, rule, next?.type === close ? `inside empty ${noun}` : `inside ${noun}`, 0);
        break;
      }
      case "flow-map-end":
      case "flow-seq-end": {
        const open = t.type === "flow-map-end" ? "flow-map-start" : "flow-seq-start";
        if (prev?.type !== open)
          before(
            i,
            t.type === "flow-map-end" ? "braces" : "brackets",
            `inside ${t.type === "flow-map-end" ? "braces" : "brackets"}`,
            0,
          );
        break;
      }
      case "map-value-ind":
        // An alias right before its colon (`*a :`) needs the space: yamllint leaves it alone.
        if (!(prev?.type === "alias" && t.start - prev.end === 1)) before(i, "colons", "before colon", 0);
        after(i, "colons", "after colon", 1);
        break;
      case "explicit-key-ind":
        after(i, "colons", "after question mark", 1);
        break;
      case "comma":
        if (prev && pos.of(prev.end).line < pos.of(t.start).line) {
          const s = pos.of(t.start);
          add("commas", s.line + 1, Math.max(1, s.col), "too many spaces before comma");
        } else before(i, "commas", "before comma", 0);
        after(i, "commas", "after comma", 1, 1);
        break;
      case "seq-item-ind":
        after(i, "hyphens", "after hyphen", 1);
        break;
      case "directive-line":
        if (/^%YAML\s+1\.2\b/.test(t.text)) truthy = TRUTHY_1_2;
        break;
      case "doc-end":
        truthy = TRUTHY_1_1;
        break;
      case "content":
        if (t.plain && prev?.type !== "tag" && truthy.has(t.text)) {
          const s = pos.of(t.start);
          add("truthy", s.line + 1, s.col + 1, "truthy value should be one of [false, true]");
        }
        break;
    }
  }

  // Comments: measured from the token before them, as yamllint's comment lines are.
  let lastSig: Tok | undefined;
  for (const t of all) {
    if (t.type !== "comment") {
      if (!TRIVIA.has(t.type)) lastSig = t;
      continue;
    }
    const s = pos.of(t.start);
    const inline = lastSig && !lastSig.text.endsWith("\n") && pos.of(lastSig.end).line === s.line;
    if (inline && t.start - lastSig!.end < 2)
      add("comments", s.line + 1, s.col + 1, "too few spaces before comment: expected 2");
    let k = 1;
    while (t.text[k] === "#") k++;
    const c = t.text[k];
    const shebang = s.line === 0 && s.col === 0 && c === "!";
    if (c !== undefined && c !== " " && c !== "\r" && !shebang)
      add("comments", s.line + 1, s.col + 1 + k, "missing starting space in comment");
  }

  // Line rules.
  const lines = text.split("\n");
  let offset = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const start = offset;
    const end = start + line.length;
    offset = end + 1;
    const lineNo = n + 1;
    if (n === 0 && end < text.length && line.endsWith("\r"))
      add("new-lines", 1, line.length, "wrong new line character: expected \\n");
    // trailing-spaces: whitespace (a \r included) at the end, reported when it starts with a space or tab.
    if (end > 0) {
      let p = end;
      while (p > start && /\s/.test(text[p - 1]!)) p--;
      if (p !== end && (text[p] === " " || text[p] === "\t"))
        add("trailing-spaces", lineNo, p - start + 1, "trailing spaces");
    }
    // empty-lines: the last blank line of a run says how many there were.
    if (start === end && end < text.length && text[end + 1] !== "\n") {
      let blank = 0;
      let s = start;
      while (s >= 1 && text[s - 1] === "\n") {
        blank++;
        s--;
      }
      let max = 2;
      if (s === 0) {
        blank++;
        max = 0;
      }
      const atEnd = end === text.length - 1;
      if (atEnd && end === 0) continue;
      if (atEnd) max = 0;
      if (blank > max) add("empty-lines", lineNo, 1, `too many blank lines (${blank} > ${max})`);
    }
    if (end === text.length && end > start)
      add("new-line-at-end-of-file", lineNo, end - start + 1, "no new line character at the end of file");
  }
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}

const TRUTHY_1_2 = new Set(
  ["TRUE", "True", "true", "FALSE", "False", "false"].filter((v) => v !== "true" && v !== "false"),
);
const TRUTHY_1_1 = new Set([
  "YES",
  "Yes",
  "yes",
  "NO",
  "No",
  "no",
  "TRUE",
  "True",
  "FALSE",
  "False",
  "ON",
  "On",
  "on",
  "OFF",
  "Off",
  "off",
]);
