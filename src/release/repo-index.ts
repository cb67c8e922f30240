// A classic Helm repository (a gh-pages folder: index.yaml + the .tgz files) as a release target.
// `helm repo index --merge` is not used to merge: it re-indexes every .tgz in the folder, so the entries
// already published get a new `created` (the folder holds their .tgz too) and `generated` changes on every
// run (measured with helm 4: two runs, two different files). Instead helm indexes only the new package, in a
// folder of its own (so the entry is exactly helm's, text included), and that entry's text is inserted into
// the existing index.yaml where helm would put it (charts by name, versions newest first), at positions the
// yaml library's parse gives: the bytes already there stay as they are, `generated` is updated, and when
// nothing is added the file is not written at all (a re-run leaves it byte-identical). The result is parsed
// back and must equal the old index plus the new entries; an index laid out so differently that inserting
// text does not give that (another tool's indentation) is rewritten whole with the yaml library instead.

import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import semver from "semver";
import { Document, isMap, isScalar, isSeq, type Pair, parseDocument, type YAMLMap } from "yaml";
import { UserError } from "../core/errors.js";

export const INDEX_FILE = "index.yaml";

export interface RepoIndex {
  file: string;
  /** The index's text: as read, plus the entries added so far. */
  text: string;
  /** What it must parse to: the index as read plus the entries added (the check of each insertion). */
  expected: {
    apiVersion?: unknown;
    entries: Record<string, Record<string, unknown>[]>;
    [k: string]: unknown;
  };
  /** Versions added since loading, as `name version`. */
  added: string[];
}

const fail = (file: string, line: number, col: number, message: string) =>
  new UserError(`${file}:${line}:${col}: ${message}`);

const EMPTY = "apiVersion: v1\nentries:\n";

/** The folder's index.yaml (a new, empty one when there is none); a broken one is a usage error at its line. */
export async function loadIndex(dir: string, shownAs: string): Promise<RepoIndex> {
  const file = path.join(dir, INDEX_FILE);
  const shown = path.join(shownAs, INDEX_FILE);
  const text = existsSync(file) ? await readFile(file, "utf8") : EMPTY;
  const doc = parseDocument(text, { uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const [line, col] = err.linePos?.[0] ? [err.linePos[0].line, err.linePos[0].col] : [1, 1];
    throw fail(shown, line, col, `not a Helm repository index: ${err.message.split("\n")[0]}`);
  }
  const entries = isMap(doc.contents) ? doc.get("entries", true) : undefined;
  const empty = isScalar(entries) && entries.value === null;
  if (!isMap(doc.contents) || (entries !== undefined && !empty && !isMap(entries)))
    throw fail(
      shown,
      1,
      1,
      "not a Helm repository index: expected a mapping with `entries:` (chart name -> versions)",
    );
  const js = (doc.toJS() ?? {}) as RepoIndex["expected"];
  return { file, text, expected: { ...js, entries: js.entries ?? {} }, added: [] };
}

/** Does the index list `name` at `version`? */
export function indexHas(index: RepoIndex, name: string, version: string): boolean {
  return (index.expected.entries[name] ?? []).some((v) => String(v.version) === version);
}

const lineStart = (text: string, pos: number) => text.lastIndexOf("\n", pos - 1) + 1;
const byNewest = (a: unknown, b: unknown) => {
  const [x, y] = [semver.valid(String(a)), semver.valid(String(b))];
  return x && y ? semver.rcompare(x, y) : 0;
};

/** Where in `text` (helm's layout) the entry of `name` at `version` goes, and whether its chart key is new. */
function insertionPoint(text: string, name: string, version: string): { at: number; newChart: boolean } {
  const doc = parseDocument(text);
  const top = doc.contents as YAMLMap;
  const entriesPair = top.items.find((p) => isScalar(p.key) && p.key.value === "entries") as Pair | undefined;
  const entries = entriesPair?.value;
  // After the last chart: before the top-level key that follows `entries` (helm: `generated`), or at the end.
  const next = entriesPair ? top.items[top.items.indexOf(entriesPair) + 1] : undefined;
  const end = next && isScalar(next.key) ? lineStart(text, next.key.range![0]) : text.length;
  const charts = isMap(entries) ? (entries.items as Pair[]) : [];
  const own = charts.find((p) => isScalar(p.key) && p.key.value === name);
  if (own && isSeq(own.value)) {
    const later = own.value.items.find((v) => isMap(v) && byNewest(v.get("version"), version) > 0);
    if (later) return { at: lineStart(text, (later as YAMLMap).range![0]), newChart: false };
    const after = charts[charts.indexOf(own) + 1];
    return { at: after && isScalar(after.key) ? lineStart(text, after.key.range![0]) : end, newChart: false };
  }
  const after = charts.find((p) => isScalar(p.key) && String(p.key.value) > name);
  return { at: after && isScalar(after.key) ? lineStart(text, after.key.range![0]) : end, newChart: true };
}

/**
 * Adds the entry `helm repo index` wrote for one package (`helmIndexText`, the index.yaml of a folder holding
 * only it) unless the version is listed already.
 */
export function addEntry(index: RepoIndex, helmIndexText: string, name: string, version: string): boolean {
  if (indexHas(index, name, version)) return false;
  const fresh = parseDocument(helmIndexText);
  const seq = (fresh.get("entries", true) as YAMLMap | undefined)?.get(name, true);
  const item = isSeq(seq)
    ? (seq.items.find((v) => isMap(v) && String(v.get("version")) === version) as YAMLMap | undefined)
    : undefined;
  if (!item?.range) throw new Error(`helm repo index wrote no entry for ${name} ${version}`);
  let entryText = helmIndexText.slice(lineStart(helmIndexText, item.range[0]), item.range[2]);
  if (!entryText.endsWith("\n")) entryText += "\n";
  const entryJs = (fresh.toJS() as RepoIndex["expected"]).entries[name]!.find(
    (v) => String(v.version) === version,
  )!;
  // Before the first older version, as the text insertion below does (helm sorts versions newest first).
  const versions = [...(index.expected.entries[name] ?? [])];
  const older = versions.findIndex((v) => byNewest(v.version, version) > 0);
  versions.splice(older < 0 ? versions.length : older, 0, entryJs);
  index.expected.entries[name] = versions;
  // `entries: {}` (helm's empty index) becomes a block mapping to insert into.
  let text = index.text.replace(/^entries:[ \t]*\{\s*\}[ \t]*$/m, "entries:");
  if (!text.endsWith("\n")) text += "\n";
  const { at, newChart } = insertionPoint(text, name, version);
  index.text = `${text.slice(0, at)}${newChart ? `  ${name}:\n` : ""}${entryText}${text.slice(at)}`;
  index.added.push(`${name} ${version}`);
  return true;
}

/** Writes index.yaml when something was added (with a new `generated`); otherwise leaves the file alone. */
export async function saveIndex(index: RepoIndex, now: Date): Promise<boolean> {
  if (!index.added.length) return false;
  const stamp = `"${now.toISOString()}"`;
  let text = index.text;
  const doc = parseDocument(text);
  const generated = (doc.contents as YAMLMap).items.find(
    (p) => isScalar(p.key) && p.key.value === "generated",
  );
  if (generated && isScalar(generated.value) && generated.value.range)
    text = `${text.slice(0, generated.value.range[0])}${stamp}${text.slice(generated.value.range[1])}`;
  else text += `generated: ${stamp}\n`;
  const expected = { ...index.expected, generated: now.toISOString() };
  const back = parseDocument(text);
  if (back.errors.length || !isDeepStrictEqual(back.toJS(), expected)) text = rewrite(expected);
  await writeFile(index.file, text);
  return true;
}

/** The whole index written by the yaml library (an index whose layout text insertion cannot follow). */
function rewrite(expected: RepoIndex["expected"]): string {
  const doc = new Document(expected);
  const g = doc.get("generated", true);
  if (isScalar(g)) g.type = "QUOTE_DOUBLE";
  return doc.toString({ indentSeq: false });
}
