#!/usr/bin/env node
// Writes the kubeconform-style JSON Schemas that kubesec needs to validate workloads OFFLINE.
//
// Why: kubesec 2.14 validates every document with kubeconform before scoring it, and by default fetches the
// schema from the network (there is no flag to skip validation). Tests point `--schema-location` at
// tests/fixtures/kubeconform/{{ .ResourceKind }}{{ .KindSuffix }}.json instead. Each file is one standalone
// strict schema (additionalProperties:false, like kubeconform's "-standalone-strict" set) whose $refs point
// into its own `definitions`, built from the Kubernetes OpenAPI v2 spec (api/openapi-spec/swagger.json of
// k8s.io/kubernetes, the version kind's node image runs).
//
// Usage: node scripts/kube-schemas.mjs <swagger.json> [outDir]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const KINDS = [
  ["io.k8s.api.apps.v1.Deployment", "deployment-apps-v1.json"],
  ["io.k8s.api.apps.v1.StatefulSet", "statefulset-apps-v1.json"],
  ["io.k8s.api.batch.v1.Job", "job-batch-v1.json"],
  ["io.k8s.api.core.v1.Pod", "pod-v1.json"],
];

/** Converts one OpenAPI v2 definition to JSON Schema the way kubeconform's openapi2jsonschema does. */
function convert(node) {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith("x-kubernetes-") || k === "description") continue;
    out[k] = convert(v);
  }
  if (out.format === "int-or-string") {
    delete out.type;
    delete out.format;
    out.oneOf = [{ type: "string" }, { type: "integer" }];
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function collect(defs, name, seen) {
  if (seen.has(name)) return;
  seen.add(name);
  const walk = (n) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === "object") {
      if (typeof n.$ref === "string") collect(defs, n.$ref.replace("#/definitions/", ""), seen);
      Object.values(n).forEach(walk);
    }
  };
  walk(defs[name]);
}

const [swaggerPath, outDir = "tests/fixtures/kubeconform"] = process.argv.slice(2);
if (!swaggerPath) {
  console.error("usage: node scripts/kube-schemas.mjs <swagger.json> [outDir]");
  process.exit(2);
}
const defs = JSON.parse(readFileSync(swaggerPath, "utf8")).definitions;
mkdirSync(outDir, { recursive: true });
for (const [root, file] of KINDS) {
  const seen = new Set();
  collect(defs, root, seen);
  const definitions = {};
  for (const name of [...seen].sort()) definitions[name] = convert(defs[name]);
  const schema = { $ref: `#/definitions/${root}`, definitions };
  writeFileSync(path.join(outDir, file), `${JSON.stringify(schema)}\n`);
  console.log(`${file}: ${seen.size} definitions`);
}
