// Rebuilds the checksum table from the official checksum files of every pinned version and platform.
// All or nothing: if any file cannot be fetched or does not name its asset, the table is left untouched.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ToolError, UserError } from "../core/errors.js";
import { assetFor, type InstallTool, installTools } from "./assets.js";
import { type ChecksumEntry, parseChecksumFile } from "./checksums.js";
import { download } from "./download.js";
import { platformKey, platforms } from "./platform.js";
import { pinnedMajors } from "./version-input.js";

export interface RefreshReport {
  /** `tool version os-arch: old -> new` for every value that changed (a published checksum should not). */
  changed: string[];
  table: Record<string, unknown>;
}

export async function refreshChecksums(
  file: string,
  opts: { mirror?: string | undefined; quiet: boolean; progress?: (l: string) => void; now?: Date },
): Promise<RefreshReport> {
  const old = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  const table: Record<string, unknown> = { $comment: old.$comment };
  const changed: string[] = [];
  const failures: string[] = [];
  let sourceFailed = false;
  const day = (opts.now ?? new Date()).toISOString().slice(0, 10);
  const tmp = await mkdtemp(path.join(tmpdir(), "floe-helm-refresh-"));
  try {
    for (const tool of installTools) {
      const versions: Record<string, ChecksumEntry> = {};
      for (const version of Object.values(pinnedMajors(tool))) {
        const sha256: Record<string, string> = {};
        for (const p of platforms) {
          const a = assetFor(tool, version, p, opts.mirror);
          const dest = path.join(tmp, `${tool}-${version}-${platformKey(p)}`);
          opts.progress?.(`downloading ${a.checksumUrl}`);
          try {
            await download(a.checksumUrl, dest, `${tool} ${version} checksum file`, opts.quiet);
            const sum = parseChecksumFile(await readFile(dest, "utf8"), a.name);
            if (!sum) throw new UserError(`${a.checksumUrl} has no sha256 for ${a.name}`);
            sha256[platformKey(p)] = sum;
            const before = previous(old, tool, version, platformKey(p));
            if (before && before !== sum)
              changed.push(`${tool} ${version} ${platformKey(p)}: ${before} -> ${sum}`);
          } catch (e) {
            failures.push(e instanceof Error ? e.message : String(e));
            sourceFailed ||= e instanceof ToolError;
          }
        }
        versions[version] = {
          source: `${sourceOf(tool, version, opts.mirror)} (fetched ${day} by floe-helm tools refresh-checksums)`,
          sha256,
        };
      }
      table[tool] = versions;
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    // Exit 3 when a source failed (a server error, a dropped connection), 2 when only addresses were wrong.
    const message = `refresh-checksums: ${failures.length} checksum file(s) failed, ${file} left unchanged; first: ${failures[0]}`;
    throw sourceFailed ? new ToolError(message) : new UserError(message);
  }
  await writeFile(file, `${JSON.stringify(table, null, 2)}\n`);
  return { changed, table };
}

function previous(
  old: Record<string, unknown>,
  tool: InstallTool,
  version: string,
  key: string,
): string | undefined {
  const t = old[tool] as Record<string, ChecksumEntry> | undefined;
  return t?.[version]?.sha256[key];
}

function sourceOf(tool: InstallTool, version: string, mirror: string | undefined): string {
  const a = assetFor(tool, version, { os: "linux", arch: "amd64" }, mirror);
  return a.checksumUrl.replace(/linux([-_])amd64/g, "<os>$1<arch>").replace("/linux/amd64/", "/<os>/<arch>/");
}
