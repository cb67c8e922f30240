// Reproducible chart packages. `helm package` (3 and 4) stamps the archive's entries with the time of
// packaging and with file mtimes, so the same chart gives a new .tgz digest on every run (measured: two
// packagings a second apart, or with a file touched in between, differ). This repacks helm's archive with
// node-tar so that the bytes depend on the chart's content only: entries in a fixed order (Chart.yaml
// first, as helm writes it, then by path), one mtime (SOURCE_DATE_EPOCH, else 1970-01-01), mode 0644 (what
// helm writes), no owner, no directory entries (helm writes none), and gzip with no timestamp (Node's zlib).

import { createHash } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import * as tar from "tar";
import { UserError } from "../core/errors.js";
import { toPosix } from "../core/paths.js";

/** The mtime every entry gets: SOURCE_DATE_EPOCH (the reproducible-builds convention) or the epoch. */
export function packageMtime(env: NodeJS.ProcessEnv): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === "") return new Date(0);
  if (!/^\d+$/.test(raw))
    throw new UserError(
      `SOURCE_DATE_EPOCH: expected whole seconds since 1970 (e.g. 1700000000), got '${raw}'`,
    );
  return new Date(Number(raw) * 1000);
}

/** `sha256:<hex>` of a file's bytes. */
export async function fileDigest(file: string): Promise<string> {
  return `sha256:${createHash("sha256")
    .update(await readFile(file))
    .digest("hex")}`;
}

/** Order of entries: each chart's own Chart.yaml before anything else of it, the rest by path. */
const byHelmOrder = (a: string, b: string): number => {
  const top = (p: string) => (p.split("/").length === 2 && p.endsWith("/Chart.yaml") ? 0 : 1);
  return top(a) - top(b) || (a < b ? -1 : a > b ? 1 : 0);
};

/** Rewrites helm's package `tgz` in place, deterministically; returns its `sha256:` digest. */
export async function normalizePackage(tgz: string, mtime: Date): Promise<string> {
  const work = await mkdtemp(path.join(path.dirname(tgz), ".repack-"));
  try {
    await tar.x({ file: tgz, cwd: work, strict: true });
    const files = (await readdir(work, { recursive: true, withFileTypes: true }))
      .filter((d) => d.isFile())
      .map((d) => toPosix(path.relative(work, path.join(d.parentPath, d.name))))
      .sort(byHelmOrder);
    // Modes as helm writes them, whatever the umask the extraction ran under.
    for (const f of files) await chmod(path.join(work, f), 0o644);
    const out = `${tgz}.repack`;
    await tar.c({ file: out, cwd: work, gzip: true, portable: true, mtime }, files);
    await rename(out, tgz);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return fileDigest(tgz);
}
