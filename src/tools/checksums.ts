// The committed checksum table (checksums.json) and the parsing of published checksum files.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { InstallTool } from "./assets.js";
import table from "./checksums.json" with { type: "json" };
import { type Platform, platformKey } from "./platform.js";

export interface ChecksumEntry {
  /** Where the values came from (kept beside them, since JSON has no comments). */
  source: string;
  sha256: Record<string, string>;
  /** Per <os>-<arch>: the user's checksums file a value was added from (absent: floe-helm's table). */
  from?: Record<string, string>;
}
export type ChecksumTable = Partial<Record<InstallTool, Record<string, ChecksumEntry>>>;

export const checksumTable: ChecksumTable = table as unknown as ChecksumTable;

export const BUILTIN_TABLE = "floe-helm's checksum table";

/**
 * What the table says about one asset:
 * - `pinned`: the trusted sha256 and where it came from;
 * - `platform-missing`: the version is pinned but this <os>-<arch> has no confirmed value (the installer
 *   refuses rather than trusting the download source);
 * - `unpinned`: the version is not in the table at all (verified against its published checksum file).
 */
export type TableLookup =
  | { state: "pinned"; sha256: string; from: string }
  | { state: "platform-missing"; source: string }
  | { state: "unpinned" };

export function lookupChecksum(
  t: ChecksumTable,
  tool: InstallTool,
  version: string,
  platform: Platform,
): TableLookup {
  const entry = t[tool]?.[version];
  if (!entry) return { state: "unpinned" };
  const key = platformKey(platform);
  const sha256 = entry.sha256[key];
  if (!sha256) return { state: "platform-missing", source: entry.source };
  return { state: "pinned", sha256, from: entry.from?.[key] ?? BUILTIN_TABLE };
}

/** Finds the hash for `assetName` in a checksum file: `<hash>  <name>` lines (sha256sum, goreleaser) or a
 * file holding only the bare hash (dl.k8s.io's `.sha256`). Undefined when the file names no such asset. */
export function parseChecksumFile(text: string, assetName: string): string | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  for (const line of lines) {
    const m = /^([0-9a-fA-F]{64})(?:\s+\*?(\S+))?$/.exec(line);
    if (!m) continue;
    const [, hash, name] = m;
    if (name === undefined ? lines.length === 1 : name.split("/").pop() === assetName)
      return hash!.toLowerCase();
  }
  return undefined;
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash("sha256");
    createReadStream(file)
      .on("error", reject)
      .on("data", (c) => h.update(c))
      .on("end", () => resolve(h.digest("hex")));
  });
}
