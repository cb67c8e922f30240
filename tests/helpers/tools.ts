// The real, pinned tool binaries built by scripts/tools.sh. Nothing here looks on PATH: a missing binary is
// a failure that says how to build it, never a skip.
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const toolsDir = process.env.FLOE_TOOLS_DIR
  ? path.join(process.env.FLOE_TOOLS_DIR, "bin")
  : path.join(repoRoot, ".tools", "bin");

export type TestTool =
  | "helm3"
  | "helm4"
  | "kubesec"
  | "kind"
  | "node24"
  | "kubectl"
  | "kube-apiserver"
  | "kube-controller-manager"
  | "kube-scheduler"
  | "etcd"
  | "kwok"
  | "registry"
  | "act"
  | "actionlint"
  | "zizmor"
  | "yamllint"
  | "cosign"
  | "iceberg-rest"
  | "pyiceberg-python";

/** The kwok provider's binaries (scripts/tools.sh builds them from source). */
export const controlPlaneTools = [
  "kubectl",
  "etcd",
  "kube-apiserver",
  "kube-controller-manager",
  "kube-scheduler",
  "kwok",
] as const;

export function tool(name: TestTool): string {
  const p = path.join(toolsDir, name);
  try {
    accessSync(p, constants.X_OK);
  } catch {
    throw new Error(
      `${name} is not built (${p} missing): run scripts/tools.sh (needs Go and the Go module proxy)`,
    );
  }
  return p;
}

export function helm(major: 3 | 4): string {
  return tool(major === 3 ? "helm3" : "helm4");
}
