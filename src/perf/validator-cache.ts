// Compiled ajv validators kept on disk as ajv's own standalone code, so a gate run whose schemas did not
// change loads validation code instead of generating it: compiling the Kubernetes, chart and floe-gate
// schemas was most of the gate's start-up CPU, loading the same code costs a few milliseconds.
// An entry is named by a sha256 of everything that shapes the code (ajv and ajv-formats versions, the
// caller's identity of schema, Ajv class and options) and carries a sha256 of its own body: a torn, edited
// or foreign file is ignored and rewritten. Entries are written to a temporary file and renamed into place,
// so concurrent gates share the folder safely. The same code runs either way: verdicts are identical.
// Beside each entry, V8's code cache for it (`<entry>.v8`, made when the process that loaded it ends): parsing
// and compiling the code of a workload kind (~450 KB: the pod spec inlined) was still ~25 ms a kind. It
// carries the sha256 of the body it was made from and is used only with that body (V8 checks a cache
// against its source by length alone: it would run another body's code). V8 refuses a cache from another
// V8 version or flags; a refused or missing one is made again.
// The folder does not grow without end: an entry is touched (mtime) when a run uses it, at most once a day,
// and a run that writes an entry removes those no run has used for UNUSED_DAYS (old schema versions, code
// that has changed since); a run that only reads the cache never lists the folder.
import { createHash } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import vm from "node:vm";
import type { Ajv, ValidateFunction } from "ajv";
import equal from "ajv/dist/runtime/equal.js";
import ucs2length from "ajv/dist/runtime/ucs2length.js";
import uri from "ajv/dist/runtime/uri.js";
import validationError from "ajv/dist/runtime/validation_error.js";
import standalone from "ajv/dist/standalone/index.js";
import ajvPkg from "ajv/package.json" with { type: "json" };
import * as formats from "ajv-formats/dist/formats.js";
import formatsPkg from "ajv-formats/package.json" with { type: "json" };
import { perfOn } from "./switches.js";

/** Bump when the file layout below changes. */
const FORMAT = "floe-helm-ajv-cache-1";

let cacheDir: string | undefined;

/** Where validators are cached (Inputs.validatorCache); undefined compiles every time. */
export function useValidatorCache(dir: string | undefined): void {
  cacheDir = perfOn("validator-cache") ? dir : undefined;
}

export function validatorCacheDir(): string | undefined {
  return cacheDir;
}

// CommonJS modules reach us through two interop layers (Node's ESM loader, the bundler's): unwrap either.
const cjs = (m: unknown): unknown => {
  const d = (m as { default?: unknown }).default;
  return d !== undefined && (d as { default?: unknown }).default !== undefined
    ? (d as { default: unknown }).default
    : (d ?? m);
};

/** What standalone code may `require`: ajv's runtime helpers and ajv-formats' formats, from this bundle. */
const runtime: Record<string, unknown> = {
  "ajv/dist/runtime/equal": { default: cjs(equal) },
  "ajv/dist/runtime/ucs2length": { default: cjs(ucs2length) },
  "ajv/dist/runtime/uri": { default: cjs(uri) },
  "ajv/dist/runtime/validation_error": { default: cjs(validationError) },
  "ajv-formats/dist/formats": {
    fullFormats: (formats as { fullFormats?: unknown }).fullFormats ?? cjs(formats),
    fastFormats: (formats as { fastFormats?: unknown }).fastFormats,
  },
};
const standaloneCode = cjs(standalone) as (ajv: Ajv, validate: ValidateFunction) => string;
const requireRe = /require\("([^"]+)"\)/g;

/** Ajv options a compile must add for its validator to be cacheable (the source of the generated code). */
export const cacheableCode = { source: true } as const;

export interface Compiled {
  ajv: Ajv;
  validate: ValidateFunction;
}

const hash = (s: string) => createHash("sha256").update(s).digest("hex");

function load(file: string, key: string): ValidateFunction | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const nl = text.indexOf("\n");
  const [format, k, sum] = text
    .slice(0, nl)
    .replace(/^\/\/ /, "")
    .split(" ");
  const body = text.slice(nl + 1);
  if (format !== FORMAT || k !== key || sum !== hash(body)) return undefined;
  try {
    const mod: { exports: unknown } = { exports: {} };
    const req = (id: string) => {
      if (!(id in runtime)) throw new Error(`unknown module ${id}`);
      return runtime[id];
    };
    const { script, usedCache } = compileBody(file, body, sum);
    (script.runInThisContext() as (...a: unknown[]) => void)(req, mod, mod.exports);
    if (typeof mod.exports !== "function") return undefined;
    if (!usedCache && perfOn("v8-cache")) codeCacheAtExit(`${file}.v8`, sum, script);
    markUsed(file);
    return mod.exports as ValidateFunction;
  } catch {
    return undefined;
  }
}

/** The entry's code as a script, with V8's code cache for it when a sound one exists. */
function compileBody(file: string, body: string, sum: string): { script: vm.Script; usedCache: boolean } {
  let cachedData: Buffer | undefined;
  if (perfOn("v8-cache"))
    try {
      const data = readFileSync(`${file}.v8`);
      if (data.subarray(0, sum.length).toString("latin1") === sum) cachedData = data.subarray(sum.length + 1);
    } catch {}
  const script = new vm.Script(`(function (require, module, exports) {${body}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const usedCache = cachedData !== undefined && !script.cachedDataRejected;
  if (usedCache) codeCacheStats.used++;
  return { script, usedCache };
}

const pendingCodeCaches: Array<{ file: string; sum: string; script: vm.Script }> = [];
/** Code caches used (loaded and accepted by V8) in this process: what the tests observe. */
export const codeCacheStats = { used: 0 };

/** V8's code cache of a script is made when the process ends: it then holds every function that ran. */
function codeCacheAtExit(file: string, sum: string, script: vm.Script): void {
  if (pendingCodeCaches.length === 0) process.once("exit", writeCodeCaches);
  pendingCodeCaches.push({ file, sum, script });
}

/** Writes the code caches of the entries loaded without one (run at exit; tests call it directly). */
export function writeCodeCaches(): void {
  for (const p of pendingCodeCaches.splice(0))
    writeAtomically(p.file, Buffer.concat([Buffer.from(`${p.sum}\n`), p.script.createCachedData()]));
}

/** Writes through a temporary file and a rename; a read-only or full disk costs speed, never a verdict. */
function writeAtomically(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {}
  }
}

/** Entries (and their code caches) no run has used for this many days are removed by the next write. */
export const UNUSED_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Marks an entry as used now (its mtime), at most once a day: the pruning below keeps it. */
function markUsed(file: string, now = Date.now()): void {
  try {
    if (now - statSync(file).mtimeMs > DAY_MS) utimesSync(file, now / 1000, now / 1000);
  } catch {}
}

/** Removes the entries of `dir` unused for UNUSED_DAYS, their code caches, and temporary files a killed
 * run left behind (older than a day). Failures cost nothing but space. */
export function pruneValidatorCache(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  const age = (f: string) => {
    try {
      return now - statSync(path.join(dir, f)).mtimeMs;
    } catch {
      return 0;
    }
  };
  for (const name of names) {
    const stale = name.endsWith(".cjs")
      ? age(name) > UNUSED_DAYS * DAY_MS
      : name.endsWith(".tmp") && age(name) > DAY_MS;
    if (!stale) continue;
    for (const f of name.endsWith(".cjs") ? [name, `${name}.v8`] : [name]) {
      try {
        rmSync(path.join(dir, f), { force: true });
        removed.push(f);
      } catch {}
    }
  }
  // Code caches whose entry is gone.
  for (const name of names)
    if (name.endsWith(".cjs.v8") && !names.includes(name.slice(0, -3))) {
      try {
        rmSync(path.join(dir, name), { force: true });
        removed.push(name);
      } catch {}
    }
  return removed;
}

let pruned = false;

function store(file: string, key: string, c: Compiled): void {
  let body: string;
  try {
    body = standaloneCode(c.ajv, c.validate);
  } catch {
    return; // a schema ajv cannot emit as standalone code is simply compiled every time
  }
  for (const m of body.matchAll(requireRe)) if (!(m[1]! in runtime)) return;
  writeAtomically(file, `// ${FORMAT} ${key} ${hash(body)}\n${body}`);
  if (!pruned) {
    pruned = true;
    pruneValidatorCache(path.dirname(file));
  }
}

function entry(identity: readonly string[], dir: string): { key: string; file: string } {
  const key = hash([FORMAT, ajvPkg.version, formatsPkg.version, ...identity].join("\0"));
  return { key, file: path.join(dir, `${key}.cjs`) };
}

/** The cached validator for `identity` (every string that determines the generated code: schema text or
 * digest, Ajv class, options), or undefined when there is no sound entry (or no cache). */
export function cachedValidator(
  identity: readonly string[],
  dir: string | undefined = cacheDir,
): ValidateFunction | undefined {
  if (!dir) return undefined;
  const { key, file } = entry(identity, dir);
  return load(file, key);
}

/** Writes a validator compiled with `code: cacheableCode` among its Ajv options for the next run. */
export function storeValidator(
  identity: readonly string[],
  c: Compiled,
  dir: string | undefined = cacheDir,
): void {
  if (!dir) return;
  const { key, file } = entry(identity, dir);
  store(file, key, c);
}

/** The validator for `identity`: loaded from the cache when a sound entry exists, else `compile()`d and
 * written for the next run. */
export function compileCached(
  identity: readonly string[],
  compile: () => Compiled,
  dir: string | undefined = cacheDir,
): ValidateFunction {
  const hit = cachedValidator(identity, dir);
  if (hit) return hit;
  const c = compile();
  storeValidator(identity, c, dir);
  return c.validate;
}
