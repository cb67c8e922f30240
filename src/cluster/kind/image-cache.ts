// The kind lane's image cache (--image-cache DIR): a folder the runner keeps between jobs (pr-gate.yml restores
// and saves it with actions/cache). An image the lane would otherwise pull from a registry (the kind node image,
// the images the charts use) is pulled once by the runner's Docker, kept here as a `docker save` tar, and loaded
// from here on later runs: no registry round trip, no rate limit. Each tar is recorded with the image id Docker
// gave it when it was pulled; a tar whose loaded id differs is dropped and pulled again, so a stale or tampered
// cache entry is never used. `<work-dir>/image-cache.used.json` lists what this job used: `cluster down` prunes
// the rest and prints the key the cache is saved under (one hash of the references, so a changed image list is a
// new cache entry).
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { runTool } from "../../exec/runner.js";
import { dockerImageInspectArgv } from "./config.js";

export const INDEX_FILE = "index.json";
export const USED_FILE = "image-cache.used.json";
const KEY_PREFIX = "floe-helm-images-";

interface Entry {
  file: string;
  /** Docker's image id (sha256 of its config) when it was saved. */
  id: string;
}
interface Index {
  version: 1;
  images: Record<string, Entry>;
}

/** A reference pinned by digest (`name@sha256:...`, `name:tag@sha256:...`). */
export const pinnedByDigest = (ref: string) => ref.includes("@");

/** The tar's file name: readable, and unique per reference (a hash of the whole reference). */
export function cacheFileName(ref: string): string {
  const readable = ref
    .replace(/@.*$/, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .slice(-60);
  const hash = createHash("sha256").update(ref).digest("hex").slice(0, 12);
  return `${readable}-${hash}.tar`;
}

/** The cache key of a set of references: the same set (in any order, repeated or not) gives the same key. */
export function imageCacheKey(refs: Iterable<string>): string {
  const sorted = [...new Set(refs)].sort();
  return KEY_PREFIX + createHash("sha256").update(sorted.join("\n")).digest("hex").slice(0, 20);
}

export function dockerSaveArgv(docker: string, o: { file: string; image: string }): string[] {
  return [docker, "save", "--output", o.file, o.image];
}
export function dockerLoadArgv(docker: string, file: string): string[] {
  return [docker, "load", "--input", file];
}
export function dockerPullArgv(docker: string, image: string): string[] {
  return [docker, "pull", "--quiet", image];
}

const lastLine = (s: string) => s.trim().split("\n").pop() ?? "";

export class ImageCache {
  constructor(
    readonly dir: string,
    private readonly dockerBin: () => string,
    private readonly workDir: string,
  ) {}

  private get docker(): string {
    return this.dockerBin();
  }

  private async index(): Promise<Index> {
    try {
      const parsed = JSON.parse(await readFile(path.join(this.dir, INDEX_FILE), "utf8")) as Index;
      if (parsed?.version === 1 && parsed.images && typeof parsed.images === "object") return parsed;
    } catch {
      // missing or unreadable: an empty cache (what was in it is pulled again)
    }
    return { version: 1, images: {} };
  }

  private async writeIndex(index: Index): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = path.join(this.dir, `${INDEX_FILE}.${process.pid}`);
    await writeFile(tmp, `${JSON.stringify(index, null, 2)}\n`);
    await rename(tmp, path.join(this.dir, INDEX_FILE));
  }

  /** The image id the local Docker has under `ref`, if any. */
  async localId(ref: string): Promise<string | undefined> {
    const r = await runTool(dockerImageInspectArgv(this.docker, ref), { timeoutMs: 60_000 });
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  /** Loads `ref` from the cache into the local Docker. Returns the reference Docker knows it by now (the
   * reference itself; for one pinned by digest, the image id: `docker save`/`load` keep tags, not registry
   * digests), or undefined when the cache has no valid tar of it (then it is pulled as usual). */
  async restore(ref: string, log: (line: string) => void): Promise<string | undefined> {
    const entry = (await this.index()).images[ref];
    if (!entry) return undefined;
    const file = path.join(this.dir, entry.file);
    const r = await runTool(dockerLoadArgv(this.docker, file), { timeoutMs: 600_000 });
    if (r.code !== 0) {
      log(`image cache: ${ref}: docker load ${file} failed (${lastLine(r.stderr)}): dropped, pulled again`);
      await this.drop(ref);
      return undefined;
    }
    // The id Docker computed from what it loaded must be the one recorded when the image was pulled.
    const id = (await this.localId(pinnedByDigest(ref) ? entry.id : ref)) ?? "";
    if (id !== entry.id) {
      log(
        `image cache: ${ref}: the tar holds ${id || "no such image"}, not ${entry.id} as recorded: dropped, pulled again`,
      );
      await this.drop(ref);
      return undefined;
    }
    await this.markUsed([ref]);
    log(`image cache: ${ref} loaded from ${file}`);
    return pinnedByDigest(ref) ? entry.id : ref;
  }

  /** Keeps the local Docker's `ref` in the cache (no-op when it is there already). */
  async store(ref: string, log: (line: string) => void): Promise<void> {
    const id = await this.localId(ref);
    if (!id) return;
    const index = await this.index();
    if (index.images[ref]?.id === id) {
      await this.markUsed([ref]);
      return;
    }
    await mkdir(this.dir, { recursive: true });
    const name = cacheFileName(ref);
    const tmp = path.join(this.dir, `${name}.${process.pid}.part`);
    // By id for a digest reference: older Docker refuses to save `name@sha256:...`, and a load restores no
    // registry digest anyway.
    const r = await runTool(
      dockerSaveArgv(this.docker, { file: tmp, image: pinnedByDigest(ref) ? id : ref }),
      { timeoutMs: 600_000 },
    );
    if (r.code !== 0) {
      await rm(tmp, { force: true });
      log(`image cache: docker save ${ref} failed (${lastLine(r.stderr)}): not cached`);
      return;
    }
    await rename(tmp, path.join(this.dir, name));
    index.images[ref] = { file: name, id };
    await this.writeIndex(index);
    await this.markUsed([ref]);
    log(`image cache: ${ref} saved to ${path.join(this.dir, name)}`);
  }

  /** Pulls `ref` with the runner's Docker and keeps it; false (with the reason logged) when the pull fails. */
  async pull(ref: string, log: (line: string) => void): Promise<boolean> {
    log(`image cache: docker pull ${ref}`);
    const r = await runTool(dockerPullArgv(this.docker, ref), { timeoutMs: 900_000 });
    if (r.code !== 0) {
      log(`image cache: docker pull ${ref} failed (exit ${r.code}): ${lastLine(r.stderr || r.stdout)}`);
      return false;
    }
    await this.store(ref, log);
    return true;
  }

  /** `ref` made local: already in Docker (used as it is, not cached: it is the runner's own), else from the
   * cache, else (when `pull`) pulled by the runner's Docker and kept. The reference Docker now has it under, or
   * undefined when none of that worked (whoever needs it pulls it then, as without a cache). `absent`: the
   * caller has just seen Docker lack it (no second `docker image inspect`). */
  async bring(
    ref: string,
    o: { pull: boolean; absent?: boolean },
    log: (line: string) => void,
  ): Promise<string | undefined> {
    if (!o.absent && (await this.localId(ref))) return ref;
    const restored = await this.restore(ref, log);
    if (restored) return restored;
    if (o.pull && (await this.pull(ref, log))) return ref;
    return undefined;
  }

  private async drop(ref: string): Promise<void> {
    const index = await this.index();
    const entry = index.images[ref];
    if (!entry) return;
    delete index.images[ref];
    await rm(path.join(this.dir, entry.file), { force: true });
    await this.writeIndex(index);
  }

  /** Records references this job used (in the work dir: the cache folder is shared between jobs). */
  async markUsed(refs: readonly string[]): Promise<void> {
    const used = await usedRefs(this.workDir);
    const all = [...new Set([...used, ...refs])].sort();
    if (all.length === used.length) return;
    await mkdir(this.workDir, { recursive: true });
    await writeFile(path.join(this.workDir, USED_FILE), `${JSON.stringify(all, null, 2)}\n`);
  }

  /** At the end of a job: removes tars this job did not use (and stray files), returns the key of what is
   * left, or undefined when the job used no cached image. */
  async finish(): Promise<{ key: string | undefined; kept: string[]; pruned: string[] }> {
    const used = new Set(await usedRefs(this.workDir));
    const index = await this.index();
    const pruned: string[] = [];
    for (const [ref, entry] of Object.entries(index.images)) {
      if (used.has(ref)) continue;
      delete index.images[ref];
      await rm(path.join(this.dir, entry.file), { force: true });
      pruned.push(ref);
    }
    const files = new Set(Object.values(index.images).map((e) => e.file));
    for (const f of await readdir(this.dir).catch(() => [] as string[]))
      if (f !== INDEX_FILE && !files.has(f))
        await rm(path.join(this.dir, f), { force: true, recursive: true });
    if (pruned.length || Object.keys(index.images).length) await this.writeIndex(index);
    const kept = Object.keys(index.images).sort();
    return { key: kept.length ? imageCacheKey(kept) : undefined, kept, pruned };
  }
}

async function usedRefs(workDir: string): Promise<string[]> {
  try {
    const v = JSON.parse(await readFile(path.join(workDir, USED_FILE), "utf8"));
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}
