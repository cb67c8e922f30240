#!/usr/bin/env node
// Extracts the Kubernetes OpenAPI v3 schemas that the `k8s-schema` and `kubesec` checks validate against,
// from the `k8s.io/kubernetes` Go module (api/openapi-spec/v3/*.json, what the API server itself serves),
// into one compact, committed file per minor version: schemas/kubernetes/v<major>.<minor>.json.gz.
//
//   node scripts/k8s-schemas.mjs 1.37          newest patch of 1.37 the Go module proxy serves
//   node scripts/k8s-schemas.mjs 1.37.2        an exact release
//
// Needs Go (for `go list -m -versions` / `go mod download`, through the Go module proxy). The gate itself
// never touches the network: it reads the committed file.
//
// Compaction (why the file is small): the component schemas of every API group/version are merged into one
// dictionary (shared types such as ObjectMeta appear in every group file and are stored once); descriptions,
// defaults, formats and x-kubernetes-* annotations are dropped except x-kubernetes-preserve-unknown-fields
// (marks objects that accept any field); `allOf: [{$ref}]` wrappers become plain `$ref`s; the result is gzipped.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const want = process.argv[2];
if (!want || !/^\d+\.\d+(\.\d+)?$/.test(want)) {
  console.error("usage: node scripts/k8s-schemas.mjs <major.minor[.patch]>   e.g. 1.37");
  process.exit(2);
}

function go(args) {
  try {
    return execFileSync("go", args, { encoding: "utf8", cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    console.error(`k8s-schemas: 'go ${args.join(" ")}' failed: ${e.stderr || e.message}`);
    process.exit(1);
  }
}

let version = `v${want}`;
if (want.split(".").length === 2) {
  const served = go(["list", "-m", "-versions", "k8s.io/kubernetes"]).trim().split(/\s+/).slice(1);
  const matching = served.filter((v) => v.startsWith(`v${want}.`) && !v.includes("-"));
  if (matching.length === 0) {
    console.error(`k8s-schemas: the Go module proxy serves no k8s.io/kubernetes release v${want}.x`);
    process.exit(1);
  }
  version = matching.sort((a, b) => Number(a.split(".")[2]) - Number(b.split(".")[2])).at(-1);
}
const info = JSON.parse(go(["mod", "download", "-json", `k8s.io/kubernetes@${version}`]));
if (info.Error) {
  console.error(`k8s-schemas: ${info.Error}`);
  process.exit(1);
}
const specDir = path.join(info.Dir, "api", "openapi-spec", "v3");

const KEEP_X = new Set(["x-kubernetes-preserve-unknown-fields"]);
function compact(node) {
  if (Array.isArray(node)) return node.map(compact);
  if (node === null || typeof node !== "object") return node;
  // OpenAPI wraps refs that carry a description/default in a one-element allOf.
  if (Array.isArray(node.allOf) && node.allOf.length === 1 && node.allOf[0].$ref && !node.properties) {
    return compact({ ...node, allOf: undefined, $ref: node.allOf[0].$ref });
  }
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (v === undefined) continue;
    if (k === "description" || k === "default" || k === "format" || k === "example") continue;
    if (k.startsWith("x-") && !KEEP_X.has(k)) continue;
    if (k === "$ref") {
      out.$ref = String(v).replace("#/components/schemas/", "#/definitions/");
      continue;
    }
    // `properties` is a map of names, not schema keywords: never filter its keys.
    if (k === "properties") {
      out.properties = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, compact(s)]));
      continue;
    }
    out[k] = compact(v);
  }
  return out;
}

const definitions = {};
/** "apps/v1/Deployment" -> definition name, for every kind the API server accepts in a manifest. */
const kinds = {};
const files = readdirSync(specDir).filter((f) => /^(api__v1|apis__[^_]+__[^_]+)_openapi\.json$/.test(f));
for (const f of files.sort()) {
  const spec = JSON.parse(readFileSync(path.join(specDir, f), "utf8"));
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    if (!definitions[name]) definitions[name] = compact(schema);
    for (const gvk of schema["x-kubernetes-group-version-kind"] ?? []) {
      // Lists, options and status kinds are not objects a chart renders.
      if (/List$|Options$/.test(gvk.kind) || name.includes(".apimachinery.")) continue;
      const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
      kinds[`${apiVersion}/${gvk.kind}`] = name;
    }
  }
}

const minor = version.replace(/^v(\d+\.\d+).*$/, "v$1");
const out = {
  source: `k8s.io/kubernetes@${version} api/openapi-spec/v3 (Go module proxy)`,
  kubernetesVersion: version,
  kinds: Object.fromEntries(Object.entries(kinds).sort()),
  definitions,
};
const dir = path.join(root, "schemas", "kubernetes");
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${minor}.json.gz`);
const json = JSON.stringify(out);
const gz = gzipSync(json, { level: 9 });
writeFileSync(file, gz);
console.log(
  `k8s-schemas: ${path.relative(root, file)}: ${Object.keys(kinds).length} kinds, ` +
    `${Object.keys(definitions).length} definitions from ${files.length} group versions of ${version}; ` +
    `${(json.length / 1024).toFixed(0)} KiB JSON, ${(gz.length / 1024).toFixed(0)} KiB gzipped`,
);
