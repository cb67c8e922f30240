// Pure argv builders for the install-test phase (`floe-helm test`): helm install, test, status, uninstall
// against the cluster of `floe-helm cluster up`. Helm 3 and 4 take the same flags for these calls
// (`--wait` alone means helm 4's default watcher strategy); tests assert the tables.
import type { HelmMajor } from "../config/inputs.js";

export interface ReleaseArgs {
  bin: string;
  major: HelmMajor;
  kubeconfig: string;
  release: string;
  namespace: string;
  /** helm's --timeout, e.g. "300s". */
  timeout: string;
}

const target = (a: ReleaseArgs) => ["--kubeconfig", a.kubeconfig, "--namespace", a.namespace];

export function helmInstallArgv(
  a: ReleaseArgs & { chartDir: string; valuesFiles: readonly string[] },
): string[] {
  if (a.chartDir === "") throw new Error("helm install needs an explicit chart path");
  return [
    a.bin,
    "install",
    a.release,
    a.chartDir,
    ...target(a),
    "--create-namespace",
    ...a.valuesFiles.flatMap((f) => ["--values", f]),
    "--wait",
    "--wait-for-jobs",
    "--timeout",
    a.timeout,
  ];
}

export function helmTestArgv(a: ReleaseArgs): string[] {
  return [a.bin, "test", a.release, ...target(a), "--timeout", a.timeout];
}

/** The release with its hooks and each hook's last run (the test pods' phases), as JSON. */
export function helmStatusArgv(a: Omit<ReleaseArgs, "timeout">): string[] {
  return [a.bin, "status", a.release, ...target({ ...a, timeout: "" }), "--output", "json"];
}

export function helmUninstallArgv(a: ReleaseArgs): string[] {
  return [a.bin, "uninstall", a.release, ...target(a), "--wait", "--timeout", a.timeout];
}

/** Deletes a cell's namespace after uninstall: helm leaves test pods without a hook-succeeded delete policy
 * behind (floe-platform keeps them for `kubectl logs`). Not waited for: the next cell uses another one. */
export function kubectlDeleteNamespaceArgv(bin: string, kubeconfig: string, namespace: string): string[] {
  return [
    bin,
    "--kubeconfig",
    kubeconfig,
    "delete",
    "namespace",
    namespace,
    "--ignore-not-found",
    "--wait=false",
  ];
}
