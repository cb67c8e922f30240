// Pure argv builders of `floe-helm upgrade` (the live upgrade): helm upgrade and rollback of the release
// `floe-helm test`'s builders installed, and the kubectl calls that run the availability prober. Helm 3 and
// 4 take the same flags here; tests/upgrade/live-pure.test.ts asserts the tables.
import type { ReleaseArgs } from "../../install/argv.js";

const target = (a: ReleaseArgs) => ["--kubeconfig", a.kubeconfig, "--namespace", a.namespace];

/** Upgrades the release to `chartDir` with the scenario's values (only those: --reset-values is helm's
 * default for a chart given values files, said explicitly so helm 3 and 4 agree). */
export function helmUpgradeArgv(
  a: ReleaseArgs & { chartDir: string; valuesFiles: readonly string[] },
): string[] {
  if (a.chartDir === "") throw new Error("helm upgrade needs an explicit chart path");
  return [
    a.bin,
    "upgrade",
    a.release,
    a.chartDir,
    ...target(a),
    ...a.valuesFiles.flatMap((f) => ["--values", f]),
    "--reset-values",
    "--wait",
    "--wait-for-jobs",
    "--timeout",
    a.timeout,
  ];
}

/** Rolls the release back to `revision` (the base's install is revision 1). */
export function helmRollbackArgv(a: ReleaseArgs & { revision: number }): string[] {
  return [
    a.bin,
    "rollback",
    a.release,
    String(a.revision),
    ...target(a),
    "--wait",
    "--wait-for-jobs",
    "--timeout",
    a.timeout,
  ];
}

type Kube = { bin: string; kubeconfig: string; namespace: string };
const k = (o: Kube, ...args: string[]) => [
  o.bin,
  "--kubeconfig",
  o.kubeconfig,
  "--namespace",
  o.namespace,
  ...args,
];

/** What the prober's targets are chosen from. */
export function kubectlServingObjectsArgv(o: Kube): string[] {
  return k(o, "get", "services,deployments,statefulsets,poddisruptionbudgets", "--output", "json");
}

/** Creates the prober from its manifest on stdin. */
export function kubectlCreateStdinArgv(o: Kube): string[] {
  return k(o, "create", "--filename", "-");
}

/** Waits for the prober's readiness (its warm-up done). */
export function kubectlWaitReadyArgv(o: Kube, pod: string, timeout: string): string[] {
  return k(o, "wait", "--for=condition=Ready", `pod/${pod}`, "--timeout", timeout);
}

/** Asks the prober to stop (it prints its counts and exits). */
export function kubectlStopProberArgv(o: Kube, pod: string): string[] {
  return k(o, "exec", pod, "--container", "prober", "--", "touch", "/tmp/stop");
}

/** Waits for the prober to end (phase Succeeded). */
export function kubectlWaitEndedArgv(o: Kube, pod: string, timeout: string): string[] {
  return k(o, "wait", "--for=jsonpath={.status.phase}=Succeeded", `pod/${pod}`, "--timeout", timeout);
}

/** The prober's whole log (its counts are at the end). */
export function kubectlProberLogArgv(o: Kube, pod: string): string[] {
  return k(o, "logs", pod, "--container", "prober");
}

export function kubectlDeletePodArgv(o: Kube, pod: string): string[] {
  return k(o, "delete", "pod", pod, "--ignore-not-found", "--wait=false");
}
