// The installer: cache first (no network on a hit), else download, verify sha256 BEFORE anything is
// extracted, executed or cached, and only then put the binary into the tool cache. A pinned version is
// verified against the committed table (plus the user's checksums file) and never against anything from the
// download source: a pinned version whose platform has no confirmed value is refused. A version not in the
// table is verified against the checksum file published beside it, with a warning.
import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import {
  access,
  chmod,
  copyFile,
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  rename,
  rm,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as tc from "@actions/tool-cache";
import { ToolError, UserError } from "../core/errors.js";
import { runTool } from "../exec/runner.js";
import { type Asset, assetFor, type InstallTool, tarExtractArgv } from "./assets.js";
import {
  type ChecksumTable,
  checksumTable,
  lookupChecksum,
  parseChecksumFile,
  sha256File,
} from "./checksums.js";
import { download, withQuietToolkit, withToolCacheEnv } from "./download.js";
import { detectPlatform, type Platform, platformKey } from "./platform.js";

/** A pinned tool this platform has no confirmed sha256 for: nothing is installed. The gate runs its other
 * checks and reports the tool's as not run (src/tools/resolve.ts resolveOptionalTool). */
export class NoVerifiedChecksum extends UserError {}

export interface InstallOptions {
  /** Root of the tool cache (RUNNER_TOOL_CACHE in Actions, a per-user folder elsewhere). */
  toolCache: string;
  /** Base URL of a mirror laid out as `<base>/<tool>/<version>/<os>-<arch>/<asset>`. */
  mirror?: string | undefined;
  platform?: Platform;
  /** The checksum table: the committed one, plus a user's checksums file when given (see resolve.ts). */
  table?: ChecksumTable;
  /** Warnings: a version not in the table (trust rests on the source), a cached copy that changed. */
  warn?: (message: string, rule: "tools/unverified-checksum" | "tools/cache-mismatch") => void;
  /** Progress lines (downloading ...), never on stdout. */
  progress?: (message: string) => void;
  /** Keep @actions/core's stdout chatter off stdout (outside Actions). */
  quiet?: boolean;
}

export interface InstallRequest {
  tool: InstallTool;
  /** Exact, with `v` (see resolveVersion). */
  version: string;
}

export interface Installed {
  /** helm3/helm4/kind/kubectl/kubesec: how phases and outputs name the tool. */
  name: string;
  tool: InstallTool;
  version: string;
  /** The executable. */
  path: string;
  /** Its folder (added to PATH in Actions). */
  dir: string;
  fromCache: boolean;
  /** `table`: floe-helm's committed table or the user's checksums file; `checksum-file`: the file
   * published beside the asset (a version not in the table). */
  verifiedBy: "table" | "checksum-file";
}

/** What the installer records beside a cached binary, re-checked on every cache hit. */
interface Receipt {
  asset: string;
  assetSha256: string;
  binarySha256: string;
  verifiedBy: Installed["verifiedBy"];
}
const receiptName = ".floe-helm-install.json";

export function installedName(tool: InstallTool, version: string): string {
  return tool === "helm" ? `helm${version.replace(/^v/, "").split(".")[0]}` : tool;
}

const cacheName = (tool: InstallTool) => `floe-${tool}`;

/** Validates a mirror URL: http(s) only, since tool-cache speaks nothing else and file:// would bypass it. */
export function parseMirror(value: string | undefined, source: string): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    throw new UserError(`${source}: '${value}' is not a URL: expected http(s)://host/path`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    throw new UserError(
      `${source}: mirror must be an http:// or https:// URL, got '${u.protocol}' in '${value}'`,
    );
  }
  return u.toString().replace(/\/+$/, "");
}

export async function installTool(req: InstallRequest, opts: InstallOptions): Promise<Installed> {
  const platform = opts.platform ?? detectPlatform();
  const asset = assetFor(req.tool, req.version, platform, opts.mirror);
  const arch = platformKey(platform);
  const name = installedName(req.tool, req.version);
  const quiet = opts.quiet ?? true;
  const inCache = (fn: () => Promise<string>) =>
    withToolCacheEnv(opts.toolCache, tmpdir(), () => withQuietToolkit(quiet, fn));

  const hit = await inCache(async () => tc.find(cacheName(req.tool), req.version, arch));
  if (hit) {
    const cached = await checkCached(hit, asset);
    if (cached)
      return {
        name,
        tool: req.tool,
        version: req.version,
        path: cached.path,
        dir: hit,
        fromCache: true,
        verifiedBy: cached.receipt.verifiedBy,
      };
    opts.warn?.(
      `${name} ${req.version}: the cached copy in ${hit} does not match its install record; reinstalling`,
      "tools/cache-mismatch",
    );
  }

  // Decide what the download will be verified against before touching the network or the cache.
  const official = assetFor(req.tool, req.version, platform);
  const lookup = lookupChecksum(opts.table ?? checksumTable, req.tool, req.version, platform);
  if (lookup.state === "platform-missing") {
    throw new NoVerifiedChecksum(
      `${name} ${req.version} is pinned, but floe-helm's checksum table has no confirmed sha256 for ${arch} (${lookup.source}). ` +
        "A pinned version is never verified against its download source, so nothing was installed. " +
        `Add the official value from ${official.checksumUrl} to a checksums file (--checksums FILE, format: schemas/checksums.schema.json), ` +
        `or choose an unpinned version with --${req.tool}-version (verified against its published checksum file, with a warning).`,
    );
  }

  await ensureWritable(opts.toolCache);
  const staging = await mkdtemp(path.join(tmpdir(), "floe-helm-install-"));
  try {
    let expected: string | undefined;
    let verifiedBy: Installed["verifiedBy"] = "table";
    let expectedFrom: string;
    if (lookup.state === "pinned") {
      expected = lookup.sha256;
      expectedFrom = lookup.from;
    } else {
      verifiedBy = "checksum-file";
      expectedFrom = asset.checksumUrl;
      opts.warn?.(
        `${name} ${req.version} (${arch}) is not in floe-helm's checksum table: verifying against ${asset.checksumUrl}, so trust rests on that source`,
        "tools/unverified-checksum",
      );
      const sumsFile = path.join(staging, `sums-${randomUUID()}`);
      opts.progress?.(`${name} ${req.version}: downloading ${asset.checksumUrl}`);
      await download(asset.checksumUrl, sumsFile, `${name} ${req.version} checksum file`, quiet);
      expected = parseChecksumFile(await readFile(sumsFile, "utf8"), asset.name);
      if (!expected) {
        throw new ToolError(`${name} ${req.version}: ${asset.checksumUrl} has no sha256 for ${asset.name}`);
      }
    }

    const downloaded = path.join(staging, `asset-${randomUUID()}`);
    opts.progress?.(`${name} ${req.version}: downloading ${asset.url}`);
    await download(asset.url, downloaded, `${name} ${req.version}`, quiet);
    const actual = await sha256File(downloaded);
    // What the source served is not what was expected: the download failed, whatever the input.
    if (actual !== expected) {
      throw new ToolError(
        `${name} ${req.version}: checksum mismatch for ${asset.url}: expected ${expected} (from ${expectedFrom}), got ${actual}; nothing was installed`,
      );
    }

    // Only verified bytes reach tar or the cache.
    const bin = path.join(staging, "bin");
    await mkdir(bin);
    const target = path.join(bin, asset.binary);
    if (asset.member) {
      const out = path.join(staging, "x");
      await mkdir(out);
      const r = await runTool(tarExtractArgv(downloaded, out, asset.member), { timeoutMs: 120_000 });
      const extracted = path.join(out, asset.member);
      const st = await lstat(extracted).catch(() => undefined);
      if (r.code !== 0 || !st?.isFile()) {
        const why =
          r.code !== 0 ? (r.stderr.trim().split("\n").pop() ?? `tar exit ${r.code}`) : "not a regular file";
        throw new ToolError(
          `${name} ${req.version}: the archive ${asset.name} has no ${asset.member} (${why}); nothing was installed`,
        );
      }
      await copyFile(extracted, target);
    } else {
      await copyFile(downloaded, target);
    }
    await chmod(target, 0o755);
    const receipt: Receipt = {
      asset: asset.url,
      assetSha256: actual,
      binarySha256: await sha256File(target),
      verifiedBy,
    };
    await writeFile(path.join(bin, receiptName), `${JSON.stringify(receipt, null, 2)}\n`);

    const dir = await cacheAtomically(opts.toolCache, req.tool, req.version, arch, bin, asset);
    return {
      name,
      tool: req.tool,
      version: req.version,
      path: path.join(dir, asset.binary),
      dir,
      fromCache: false,
      verifiedBy,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Puts the verified folder into the tool cache whole: it is copied to a sibling folder (same file system)
 * and renamed into place, then tc.find's `<dir>.complete` marker is written. tc.cacheDir would clear and
 * refill the destination in place, so two processes installing the same version into one cache (self-hosted
 * runners running jobs side by side share RUNNER_TOOL_CACHE) cleared each other's copy mid-write. Here a
 * process that finds the folder already there keeps it when its install record holds, and replaces it
 * (moved aside first, never cleared in place) only when it does not. */
async function cacheAtomically(
  toolCache: string,
  tool: InstallTool,
  version: string,
  arch: string,
  source: string,
  asset: Asset,
): Promise<string> {
  // tc.find's layout: <cache>/<name>/<semver without v>/<arch>, complete when <dir>.complete exists.
  const dest = path.join(toolCache, cacheName(tool), version.replace(/^v/, ""), arch);
  const sibling = (what: string) => `${dest}.${what}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const partial = sibling("partial");
  try {
    await mkdir(path.dirname(dest), { recursive: true });
    await cp(source, partial, { recursive: true });
    for (let attempt = 0; ; attempt++) {
      try {
        await rename(partial, dest);
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if ((code !== "ENOTEMPTY" && code !== "EEXIST") || attempt >= 3) throw e;
        // Another process put a copy there first: keep it when it is whole and verified.
        if (await checkCached(dest, asset)) break;
        const aside = sibling("stale");
        await rename(dest, aside).catch(() => undefined);
        await rm(aside, { recursive: true, force: true });
      }
    }
    await writeFile(`${dest}.complete`, "");
    return dest;
  } catch (e) {
    throw new UserError(
      `cannot write the tool cache ${toolCache}: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

async function checkCached(
  dir: string,
  asset: Asset,
): Promise<{ path: string; receipt: Receipt } | undefined> {
  try {
    const receipt = JSON.parse(await readFile(path.join(dir, receiptName), "utf8")) as Receipt;
    const p = path.join(dir, asset.binary);
    return (await sha256File(p)) === receipt.binarySha256 ? { path: p, receipt } : undefined;
  } catch {
    return undefined;
  }
}

async function ensureWritable(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new UserError(
      `the tool cache ${dir} is not writable (${why}): pass --tool-cache DIR (or FLOE_HELM_TOOL_CACHE) with a folder you can write`,
    );
  }
}
