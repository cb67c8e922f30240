// The pod(s) of one Dagster run, found by the label Dagster's K8s run launcher gives a run's Job and pod, and
// the plain environment the platform handed them (its run launcher's env_vars: where the run's traces,
// lineage and tables go). T118, T119 and E2E-003 look at what the run was told before asking a service.
import type { KubeTarget } from "../../install/diagnose/collect.js";
import type { CheckOutcome } from "../types.js";
import { kubectlJson } from "./kube.js";

/** The label Dagster's K8s run launcher puts on a run's Job and pod (dagster_k8s/launcher.py). */
export const RUN_ID_LABEL = "dagster/run-id";

interface Pod {
  metadata: { name: string };
  spec: { containers: Array<{ env?: Array<{ name: string; value?: string }> }> };
}

export interface RunPods {
  /** Pod names, sorted. */
  names: string[];
  /** Every plain (literal) environment variable of their containers; "(from a reference)" for the others.
   * A variable set differently in two pods keeps the values joined with ", ". */
  env: Record<string, string>;
}

/** The environment of these pods (pure; see RunPods.env). */
export function envOf(pods: readonly Pod[]): Record<string, string> {
  const seen = new Map<string, Set<string>>();
  for (const p of pods)
    for (const c of p.spec.containers)
      for (const v of c.env ?? []) {
        const set = seen.get(v.name) ?? new Set<string>();
        set.add(v.value ?? "(from a reference)");
        seen.set(v.name, set);
      }
  return Object.fromEntries([...seen].map(([k, vals]) => [k, [...vals].join(", ")]));
}

export async function runPods(k: KubeTarget, runId: string): Promise<RunPods> {
  const pods = await kubectlJson<{ items: Pod[] }>(k, [
    "get",
    "pods",
    "--selector",
    `${RUN_ID_LABEL}=${runId}`,
  ]);
  return { names: pods.items.map((p) => p.metadata.name).sort(), env: envOf(pods.items) };
}

/** A platform Service of one component (app.kubernetes.io/component) with a port of this name. */
export interface ServicePort {
  service: string;
  port: number;
}

interface Service {
  metadata: { name: string };
  spec: { ports: Array<{ name?: string; port: number }> };
}

/** The release's Service of a component with the named port; else the check's failure, naming what it looked
 * for (`what`, e.g. "the Marquez API Service") and what was there instead. */
export async function componentService(
  k: KubeTarget,
  release: string,
  component: string,
  portName: string,
  what: string,
): Promise<ServicePort | CheckOutcome> {
  const svcs = await kubectlJson<{ items: Service[] }>(k, [
    "get",
    "services",
    "--selector",
    `app.kubernetes.io/instance=${release},app.kubernetes.io/component=${component}`,
  ]);
  for (const s of svcs.items) {
    const p = s.spec.ports.find((x) => x.name === portName);
    if (p) return { service: s.metadata.name, port: p.port };
  }
  return {
    state: "fail",
    expected: `${what} of release ${release} (component ${component}, port "${portName}")`,
    seen: svcs.items.length
      ? `Services ${svcs.items.map((s) => s.metadata.name).join(", ")} have no port named "${portName}"`
      : `no Service of component ${component} in release ${release} (${component}.enabled is off?)`,
  };
}
