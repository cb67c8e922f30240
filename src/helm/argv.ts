// Pure argv builders for the helm calls of the static gate, per helm major. Tests assert these tables
// without running anything; other tests run the real binaries through src/exec/runner.ts.
//
// Helm 4 differences that matter here (ANCHORS §3): `helm lint` needs an explicit chart path (Helm 3
// defaulted to "."), and `helm template --validate` is deprecated (it needs a cluster anyway; the gate
// never passes it). Both majors take the same `--kube-version`, `-f`, `--namespace`, `--strict` flags, so
// the builders differ only where the majors do.
import type { HelmMajor } from "../config/inputs.js";

/** Release name and namespace used for every static render, so outputs are comparable across cells. */
export const RELEASE = "floe-gate";
export const NAMESPACE = "floe-gate";

export interface RenderArgs {
  /** The helm binary for `major`. */
  bin: string;
  major: HelmMajor;
  chartDir: string;
  valuesFiles: readonly string[];
  kubeVersion?: string;
  release?: string;
  namespace?: string;
  /** `--set key=value` after the values files (e.g. switching one component on). */
  set?: readonly string[];
}

function valuesArgs(files: readonly string[]): string[] {
  return files.flatMap((f) => ["--values", f]);
}

function kubeVersionArgs(v: string | undefined): string[] {
  return v ? ["--kube-version", v] : [];
}

export function helmTemplateArgv(a: RenderArgs): string[] {
  return [
    a.bin,
    "template",
    a.release ?? RELEASE,
    a.chartDir,
    "--namespace",
    a.namespace ?? NAMESPACE,
    ...valuesArgs(a.valuesFiles),
    ...(a.set ?? []).flatMap((s) => ["--set", s]),
    ...kubeVersionArgs(a.kubeVersion),
  ];
}

export function helmLintArgv(a: RenderArgs): string[] {
  if (a.chartDir === "") throw new Error("helm lint needs an explicit chart path");
  return [
    a.bin,
    "lint",
    // Helm 4 has no default path; Helm 3's "." default is never relied on either.
    a.chartDir,
    "--strict",
    "--namespace",
    a.namespace ?? NAMESPACE,
    ...valuesArgs(a.valuesFiles),
    ...kubeVersionArgs(a.kubeVersion),
  ];
}

export interface DependencyBuildArgs {
  bin: string;
  major: HelmMajor;
  chartDir: string;
  /** Refresh repository indexes (needs the network): only when a missing dependency is remote; for
   * `file://` dependencies alone the build stays offline. */
  refresh: boolean;
}

/** `helm dependency build` for a chart whose Chart.yaml lists dependencies missing from charts/ (or not
 * at Chart.lock's versions). Same flags for both majors. */
export function helmDependencyBuildArgv(a: DependencyBuildArgs): string[] {
  if (a.chartDir === "") throw new Error("helm dependency build needs an explicit chart path");
  return [a.bin, "dependency", "build", a.chartDir, ...(a.refresh ? [] : ["--skip-refresh"])];
}
