// The Kubernetes API schemas the static gate validates rendered objects against, offline. They come from
// the OpenAPI v3 spec in the `k8s.io/kubernetes` Go module (what the API server serves), compacted by
// scripts/k8s-schemas.mjs into schemas/kubernetes/v<major>.<minor>.json.gz (committed; no network at gate
// time). Refresh: `node scripts/k8s-schemas.mjs 1.38` when the kind node image pin moves to a new minor.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import { UserError } from "../core/errors.js";
import { cacheableCode, compileCached } from "../perf/validator-cache.js";
import { pins } from "../tools/pins.js";
import { createAjv } from "../values/ajv.js";

export type JsonSchema = Record<string, unknown>;

export interface KubeSchemas {
  /** Where the file came from, e.g. `k8s.io/kubernetes@v1.37.2 api/openapi-spec/v3 (Go module proxy)`. */
  source: string;
  /** Exact release the file was extracted from, e.g. `v1.37.2`. */
  kubernetesVersion: string;
  /** `apps/v1/Deployment` -> definition name. */
  kinds: Record<string, string>;
  definitions: Record<string, JsonSchema>;
}

/** `schemas/kubernetes`, found from this module's own location so it works from src/ (tests) and from the
 * bundled dist/index.js alike (both sit below the package root that holds schemas/). */
export function kubeSchemasDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, "schemas", "kubernetes");
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new UserError("the Kubernetes schemas folder (schemas/kubernetes) is missing from this installation");
}

/** Minor versions with a committed schema file, newest first, e.g. ["1.37", "1.36"]. */
export function availableKubeVersions(dir = kubeSchemasDir()): string[] {
  return readdirSync(dir)
    .map((f) => /^v(\d+)\.(\d+)\.json\.gz$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]) || Number(b[2]) - Number(a[2]))
    .map((m) => `${m[1]}.${m[2]}`);
}

/** The default `--kube-version`: the Kubernetes minor the pinned kind node image runs. */
export function defaultKubeVersion(nodeImage = pins.kindNodeImage): string {
  const m = /:v(\d+)\.(\d+)\.\d+/.exec(nodeImage);
  if (!m) throw new UserError(`cannot read a Kubernetes version from the kind node image '${nodeImage}'`);
  return `${m[1]}.${m[2]}`;
}

/** "1.37", "v1.37", "1.37.0" -> "1.37"; anything else is a usage error. */
export function kubeMinor(version: string): string {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  if (!m) throw new UserError(`--kube-version: expected MAJOR.MINOR such as 1.37, got '${version}'`);
  return `${m[1]}.${m[2]}`;
}

const loaded = new Map<string, KubeSchemas>();

export function loadKubeSchemas(version: string, dir?: string): KubeSchemas {
  const minor = kubeMinor(version);
  const key = `${dir ?? ""}\0${minor}`;
  const hit = loaded.get(key);
  if (hit) return hit;
  const folder = dir ?? kubeSchemasDir();
  const file = path.join(folder, `v${minor}.json.gz`);
  if (!existsSync(file)) {
    throw new UserError(
      `no Kubernetes schemas for ${minor} (available: ${availableKubeVersions(folder).join(", ") || "none"}); ` +
        `generate them with 'node scripts/k8s-schemas.mjs ${minor}'`,
    );
  }
  const schemas = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as KubeSchemas;
  loaded.set(key, schemas);
  return schemas;
}

/** Strict mode: an object schema that lists its properties accepts no others (what `kubectl apply
 * --validate=strict` and kubeconform -strict do), except where the API marks it open. */
function strictify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictify);
  if (node === null || typeof node !== "object") return node;
  const src = node as JsonSchema;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === "x-kubernetes-preserve-unknown-fields") continue;
    out[k] =
      k === "properties"
        ? Object.fromEntries(Object.entries(v as JsonSchema).map(([p, s]) => [p, strictify(s)]))
        : strictify(v);
  }
  if (
    out.properties &&
    out.additionalProperties === undefined &&
    !src["x-kubernetes-preserve-unknown-fields"]
  ) {
    out.additionalProperties = false;
  }
  return out;
}

const digests = new WeakMap<KubeSchemas, string>();

/** sha256 of a schema set and of the code here that turns it into schemas (strict, open
 * status): what anything built from it may be cached under. */
export function schemaSetDigest(schemas: KubeSchemas): string {
  let d = digests.get(schemas);
  if (!d) {
    d = createHash("sha256")
      .update(JSON.stringify(schemas))
      .update([strictify, openStatus].map(String).join("\0"))
      .digest("hex");
    digests.set(schemas, d);
  }
  return d;
}

/** The API server treats a null field as absent (helm renders `key:` with no value as null): drop null
 * object fields before validating so only real mistakes are reported. Parts without a null field are
 * returned as they are, not copied (most rendered objects have none): callers only read the result. */
export function withoutNulls(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = withoutNulls(value[i]);
      if (copy) copy.push(v);
      else if (v !== value[i]) copy = [...value.slice(0, i), v];
    }
    return copy ?? value;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  let copy: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = obj[k];
    const w = v === null ? null : withoutNulls(v);
    if (!copy && (v === null || w !== v)) {
      copy = {};
      for (const before of keys.slice(0, i)) copy[before] = obj[before];
    }
    if (copy && w !== null) copy[k] = w;
  }
  return copy ?? value;
}

/** `status` is written by controllers, never by a chart: the kinds' status schemas (PodStatus, ...) are left
 * out (an open object) so they cost no compile time. */
function openStatus(schemas: KubeSchemas): Record<string, JsonSchema> {
  const defs = { ...schemas.definitions };
  for (const root of new Set(Object.values(schemas.kinds))) {
    const def = defs[root];
    const props = def?.properties as Record<string, unknown> | undefined;
    if (def && props?.status) defs[root] = { ...def, properties: { ...props, status: { type: "object" } } };
  }
  return defs;
}

/** Validates objects by apiVersion/kind. All definitions are registered once as one schema and each kind
 * compiles to a `$ref` into it, so shared types (PodSpec, ObjectMeta, ...) are compiled once for all kinds
 * rather than once per kind; each kind compiles on first use. */
export class KubeValidator {
  private ajvInstance: Ajv | undefined;
  private readonly cache = new Map<string, ValidateFunction | null>();
  private digest: string | undefined;

  constructor(readonly schemas: KubeSchemas) {}

  /** All definitions registered once, built on the first kind that is not in the validator cache. */
  private get ajv(): Ajv {
    if (!this.ajvInstance) {
      this.ajvInstance = createAjv({
        validateSchema: false,
        inlineRefs: false,
        code: { optimize: false, ...cacheableCode },
      });
      this.ajvInstance.addSchema({
        $id: "k8s",
        definitions: strictify(openStatus(this.schemas)) as JsonSchema,
      });
    }
    return this.ajvInstance;
  }

  /** What the compiled code of a kind depends on: the schema set and the code that shapes it. */
  private identity(root: string): string[] {
    this.digest ??= createHash("sha256")
      .update(schemaSetDigest(this.schemas))
      .update([createAjv, KubeValidator].map(String).join("\0"))
      .digest("hex");
    return ["k8s", this.digest, root];
  }

  knows(apiVersion: string, kind: string): boolean {
    return this.schemas.kinds[`${apiVersion}/${kind}`] !== undefined;
  }

  /** Errors for a known kind ([] when valid); undefined for a kind without a schema. */
  validate(doc: Record<string, unknown>): ErrorObject[] | undefined {
    const key = `${String(doc.apiVersion ?? "")}/${String(doc.kind ?? "")}`;
    let fn = this.cache.get(key);
    if (fn === undefined) {
      const root = this.schemas.kinds[key];
      if (root) {
        fn = compileCached(this.identity(root), () => {
          const ajv = this.ajv;
          return { ajv, validate: ajv.compile({ $ref: `k8s#/definitions/${root}` }) };
        });
      } else fn = null;
      this.cache.set(key, fn);
    }
    if (fn === null) return undefined;
    return fn(withoutNulls(doc)) ? [] : [...(fn.errors ?? [])];
  }
}
