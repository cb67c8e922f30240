// A classic Helm repository (a gh-pages folder: index.yaml + the .tgz files) as a release target.
// `helm repo index --merge` is not used to merge: it re-indexes every .tgz in the folder, so the entries
// already published get a new `created` (the folder holds their .tgz too) and `generated` changes on every
// run (measured with helm 4: two runs, two different files). Instead helm indexes only the new package, in a
// folder of its own (so the entry is exactly helm's), and that entry is added to the existing index.yaml with
// the yaml library: entries already there are kept as they are, a version already listed is skipped, and
// when nothing is added the file is not written at all (a re-run leaves it byte-identical).
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import semver from "semver";
import { type Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { UserError } from "../core/errors.js";

export const INDEX_FILE = "index.yaml";

export interface RepoIndex {
  file: string;
  doc: Document;
  /** Versions added since loading, as `name version`. */
  added: string[];
}

const fail = (file: string, line: number, col: number, message: string) =>
  new UserError(`${file}:${line}:${col}: ${message}`);

/** The folder's index.yaml (a new, empty one when there is none); a broken one is a usage error at its line. */
export async function loadIndex(dir: string, shownAs: string): Promise<RepoIndex> {
  const file = path.join(dir, INDEX_FILE);
  const shown = path.join(shownAs, INDEX_FILE);
  if (!existsSync(file)) {
    const doc = parseDocument("apiVersion: v1\nentries: {}\n");
    return { file, doc, added: [] };
  }
  const text = await readFile(file, "utf8");
  const doc = parseDocument(text, { uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const [line, col] = err.linePos?.[0] ? [err.linePos[0].line, err.linePos[0].col] : [1, 1];
    throw fail(shown, line, col, `not a Helm repository index: ${err.message.split("\n")[0]}`);
  }
  const entries = isMap(doc.contents) ? doc.get("entries", true) : undefined;
  if (!isMap(doc.contents) || (entries !== undefined && entries !== null && !isMap(entries)))
    throw fail(
      shown,
      1,
      1,
      "not a Helm repository index: expected a mapping with `entries:` (chart name -> versions)",
    );
  if (!entries) doc.set("entries", doc.createNode({}));
  return { file, doc, added: [] };
}

const versionsOf = (index: RepoIndex, name: string): YAMLSeq | undefined => {
  const seq = (index.doc.get("entries", true) as YAMLMap).get(name, true);
  return isSeq(seq) ? seq : undefined;
};

/** Does the index list `name` at `version`? */
export function indexHas(index: RepoIndex, name: string, version: string): boolean {
  return (versionsOf(index, name)?.items ?? []).some((v) => isMap(v) && String(v.get("version")) === version);
}

/**
 * Adds the entry `helm repo index` wrote for one package (`helmIndexText`, the index.yaml of a folder holding
 * only it) unless the version is listed already; versions of a chart stay newest first, as helm sorts them.
 */
export function addEntry(index: RepoIndex, helmIndexText: string, name: string, version: string): boolean {
  if (indexHas(index, name, version)) return false;
  const fresh = parseDocument(helmIndexText).toJS() as { entries?: Record<string, unknown[]> };
  const entry = fresh.entries?.[name]?.find((e) => (e as { version?: unknown }).version === version);
  if (!entry) throw new Error(`helm repo index wrote no entry for ${name} ${version}`);
  const entries = index.doc.get("entries", true) as YAMLMap;
  let seq = versionsOf(index, name);
  if (!seq) {
    seq = index.doc.createNode([]) as YAMLSeq;
    entries.set(name, seq);
    entries.items.sort((a, b) => String(a.key).localeCompare(String(b.key)));
  }
  seq.items.push(index.doc.createNode(entry));
  const v = (n: unknown) => (isMap(n) ? String(n.get("version")) : "");
  seq.items.sort((a, b) => {
    const [x, y] = [semver.valid(v(a)), semver.valid(v(b))];
    return x && y ? semver.rcompare(x, y) : 0;
  });
  index.added.push(`${name} ${version}`);
  return true;
}

/** Writes index.yaml when something was added (with a new `generated`); otherwise leaves the file alone. */
export async function saveIndex(index: RepoIndex, now: Date): Promise<boolean> {
  if (!index.added.length) return false;
  index.doc.set("generated", now.toISOString());
  // helm's layout: sequences flush with their key, no folding of long lines.
  await writeFile(index.file, index.doc.toString({ indentSeq: false, lineWidth: 0 }));
  return true;
}
