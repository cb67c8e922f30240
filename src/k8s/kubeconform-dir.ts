// kubesec (since 2.12) validates every document with kubeconform before scoring it, and kubeconform
// downloads schemas from GitHub unless `--schema-location` names a local folder (HTTP 429s in CI, and no
// network at gate time for us). This writes such a folder, in kubeconform's own layout
// (<dir>/v<version>-standalone-strict/<kind>-<group>-<version>.json), for the kinds kubesec scores. Its
// schemas accept any object: the gate sends kubesec only workloads its own k8s-schema validator (the same
// committed schemas, strict) has passed, so kubeconform's check, which recompiles the schema for every
// document, would repeat that work at three times the cost of the scoring itself (src/checks/kubesec.ts).
// Written once per Kubernetes version and code (content-addressed, atomically, so concurrent gates share it).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { KubeSchemas } from "./schemas.js";

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

/** What every file holds: a schema that accepts any object (see the header for why that is sound). */
export const ACCEPT_VALIDATED =
  '{"description":"floe-helm validated this object against the Kubernetes schemas before kubesec (src/checks/kubesec.ts)"}';

function kubeconformFiles(): Map<string, string> {
  return new Map(KUBESEC_KINDS.map((k) => [kubeconformFileName(k.apiVersion, k.kind), ACCEPT_VALIDATED]));
}

/** Writes (once) and returns the folder to pass as `--schema-location`. Named by the Kubernetes version
 * and a digest of the code that writes it, so a run that finds it need not write it again. */
export function ensureKubeconformDir(
  schemas: KubeSchemas,
  baseDir = path.join(tmpdir(), "floe-helm-kubeconform"),
): string {
  const hash = createHash("sha256")
    .update(
      [ACCEPT_VALIDATED, kubeconformFiles, kubeconformFileName, kubeconformVersionDir].map(String).join("\0"),
    )
    .update(JSON.stringify(KUBESEC_KINDS))
    .digest("hex")
    .slice(0, 12);
  const dir = path.join(baseDir, `${schemas.kubernetesVersion}-${hash}`);
  const versionDir = path.join(dir, kubeconformVersionDir(schemas.kubernetesVersion));
  if (existsSync(versionDir)) return dir;
  const files = kubeconformFiles();
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
