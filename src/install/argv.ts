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

/** kubectl against one namespace of the cell's cluster. */
const inNamespace = (bin: string, kubeconfig: string, namespace: string, ...args: string[]) => [
  bin,
  "--kubeconfig",
  kubeconfig,
  "--namespace",
  namespace,
  ...args,
];

/** What is kept of a cell whose install or tests failed, before its namespace goes: one file per kubectl
 * call. Secrets are listed by name only (`get` never prints their data). */
export function kubectlDiagnosticsArgv(
  bin: string,
  kubeconfig: string,
  namespace: string,
): Array<{ file: string; argv: string[] }> {
  const k = (...args: string[]) => inNamespace(bin, kubeconfig, namespace, ...args);
  return [
    {
      file: "objects.txt",
      argv: k("get", "all,configmaps,secrets,persistentvolumeclaims,networkpolicies", "--output", "wide"),
    },
    { file: "events.txt", argv: k("get", "events", "--sort-by", ".lastTimestamp") },
    { file: "pods.txt", argv: k("describe", "pods") },
  ];
}

/** The logs of every container of one pod (the last 300 lines each, container names as prefixes). */
export function kubectlLogsArgv(bin: string, kubeconfig: string, namespace: string, pod: string): string[] {
  return inNamespace(
    bin,
    kubeconfig,
    namespace,
    "logs",
    pod,
    "--all-containers",
    "--prefix",
    "--tail",
    "300",
  );
}

/** The pod names of a namespace, one per line (`pod/<name>`). */
export function kubectlPodNamesArgv(bin: string, kubeconfig: string, namespace: string): string[] {
  return inNamespace(bin, kubeconfig, namespace, "get", "pods", "--output", "name");
}

/** Each pod of a namespace with its phase, one `name phase` per line. */
export function kubectlPodPhasesArgv(bin: string, kubeconfig: string, namespace: string): string[] {
  return inNamespace(
    bin,
    kubeconfig,
    namespace,
    "get",
    "pods",
    "--output",
    'jsonpath={range .items[*]}{.metadata.name} {.status.phase}{"\\n"}{end}',
  );
}

/** The diagnosis (src/install/diagnose): one `kubectl get` for every kind it reads (a List whose items
 * carry their kind). */
export function kubectlStateArgv(bin: string, kubeconfig: string, namespace: string): string[] {
  return inNamespace(
    bin,
    kubeconfig,
    namespace,
    "get",
    "pods,deployments.apps,statefulsets.apps,jobs.batch,persistentvolumeclaims,events",
    "--output",
    "json",
  );
}

/** The diagnosis: the last 50 log lines of one container, of its current run or (`previous`) of the run
 * before. */
export function kubectlContainerLogArgv(
  bin: string,
  kubeconfig: string,
  namespace: string,
  pod: string,
  container: string,
  previous: boolean,
): string[] {
  return inNamespace(
    bin,
    kubeconfig,
    namespace,
    "logs",
    pod,
    "--container",
    container,
    "--tail",
    "50",
    ...(previous ? ["--previous"] : []),
  );
}

/** The API server's own readiness (`ok` when it serves): asked after a failed cell, to tell a chart's failure
 * from a cluster that went away. */
export function kubectlReadyzArgv(bin: string, kubeconfig: string): string[] {
  return [bin, "--kubeconfig", kubeconfig, "get", "--raw", "/readyz"];
}
