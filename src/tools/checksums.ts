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
}
export type ChecksumTable = Partial<Record<InstallTool, Record<string, ChecksumEntry>>>;

export const checksumTable: ChecksumTable = table as unknown as ChecksumTable;

/** The pinned sha256 of an asset, or undefined when the version/platform is not in the table. */
export function tableChecksum(
  t: ChecksumTable,
  tool: InstallTool,
  version: string,
  platform: Platform,
): string | undefined {
  return t[tool]?.[version]?.sha256[platformKey(platform)];
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
