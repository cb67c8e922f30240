// kubesec (since 2.12) validates every document with kubeconform before scoring it, and kubeconform
// downloads schemas from GitHub unless `--schema-location` names a local folder (HTTP 429s in CI, and no
// network at gate time for us). This writes such a folder from the same committed schemas the k8s-schema
// check uses, in kubeconform's own layout: <dir>/v<version>-standalone-strict/<kind>-<group>-<version>.json.
// Only the kinds kubesec scores are written (a few hundred KiB), once per schema version (content-addressed,
// written atomically so concurrent gates can share it).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type KubeSchemas, schemaSetDigest, standaloneKindSchema } from "./schemas.js";

/** The kinds kubesec 2.14 has rules for; it scores every other kind 0 ("not supported"). */
export const KUBESEC_KINDS: ReadonlyArray<{ apiVersion: string; kind: string }> = [
  { apiVersion: "v1", kind: "Pod" },
  { apiVersion: "apps/v1", kind: "Deployment" },
  { apiVersion: "apps/v1", kind: "StatefulSet" },
  { apiVersion: "apps/v1", kind: "DaemonSet" },
];

/** kubeconform's file name for a kind: `deployment-apps-v1.json`, `pod-v1.json`. */
export function kubeconformFileName(apiVersion: string, kind: string): string {
  const [groupOrVersion, version] = apiVersion.split("/");
  const suffix = version ? `${groupOrVersion!.split(".")[0]}-${version}` : groupOrVersion;
  return `${kind.toLowerCase()}-${suffix!.toLowerCase()}.json`;
}

/** kubeconform's version folder: what `--kubernetes-version 1.37.2` looks up with -strict. */
export function kubeconformVersionDir(kubernetesVersion: string): string {
  return `v${kubernetesVersion.replace(/^v/, "")}-standalone-strict`;
}

// The files of a schema set, built once per process (the check asks once per plan cell).
const built = new WeakMap<KubeSchemas, Map<string, string>>();

function kubeconformFiles(schemas: KubeSchemas): Map<string, string> {
  const hit = built.get(schemas);
  if (hit) return hit;
  const files = new Map<string, string>();
  for (const k of KUBESEC_KINDS) {
    const standalone = standaloneKindSchema(schemas, k.apiVersion, k.kind, { strict: true });
    if (!standalone) continue;
    // kubeconform compiles as draft 4, where keywords beside a $ref are ignored: inline the root definition.
    const defs = standalone.definitions as Record<string, Record<string, unknown>>;
    const rootName = String(standalone.$ref).replace("#/definitions/", "");
    files.set(
      kubeconformFileName(k.apiVersion, k.kind),
      JSON.stringify({ ...defs[rootName], definitions: defs }),
    );
  }
  built.set(schemas, files);
  return files;
}

/** Writes (once) and returns the folder to pass as `--schema-location`. Named by a digest of the schema
 * set and of the code that writes it, so a run that finds it need not build its files again. */
export function ensureKubeconformDir(
  schemas: KubeSchemas,
  baseDir = path.join(tmpdir(), "floe-helm-kubeconform"),
): string {
  const hash = createHash("sha256")
    .update(schemaSetDigest(schemas))
    .update([kubeconformFiles, kubeconformFileName, kubeconformVersionDir].map(String).join("\0"))
    .update(JSON.stringify(KUBESEC_KINDS))
    .digest("hex")
    .slice(0, 12);
  const dir = path.join(baseDir, `${schemas.kubernetesVersion}-${hash}`);
  const versionDir = path.join(dir, kubeconformVersionDir(schemas.kubernetesVersion));
  if (existsSync(versionDir)) return dir;
  const files = kubeconformFiles(schemas);
  const tmp = `${dir}.${process.pid}.${Date.now()}.tmp`;
  mkdirSync(path.join(tmp, kubeconformVersionDir(schemas.kubernetesVersion)), { recursive: true });
  for (const [name, body] of files) {
    writeFileSync(path.join(tmp, kubeconformVersionDir(schemas.kubernetesVersion), name), body);
  }
  try {
    renameSync(tmp, dir);
  } catch {
    // Another process won the race: its folder has the same content.
    rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}
