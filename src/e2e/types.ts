// The contract between `floe-helm e2e` (src/e2e/run.ts) and its checks (src/e2e/checks/*.ts): the runner
// installs the platform and the data product in one namespace, then runs each check with its timeout and
// records its outcome with the requirement ids it covers.
import type { KubeTarget } from "../install/diagnose/collect.js";
import type { PhaseContext } from "../report/phase.js";

/** What a check is given: where the platform and data product run, and facts earlier checks found. */
export interface E2eEnv {
  ctx: PhaseContext;
  /** kubectl, kubeconfig, namespace (the one both releases are in), env, cwd. */
  kube: KubeTarget;
  platformRelease: string;
  productRelease: string;
  /** This check's own budget; a check gives up (fail, saying what it waited for) when it is spent. */
  timeoutMs: number;
  /** Where a check may write files it wants kept (API responses, logs). */
  dir: string;
  /** Facts one check leaves for later ones, e.g. facts.dagsterRunId (set by T116 when its run completed). */
  facts: Record<string, string>;
}

export type CheckOutcome =
  | { state: "pass"; detail?: string }
  | { state: "fail"; expected: string; seen: string }
  | { state: "skip"; reason: string };

export interface E2eCheck {
  /** Short and stable, e.g. "T116 dagster-launch"; the check id in results is `e2e <id>`. */
  id: string;
  /** Requirement ids of the analysis this check proves, e.g. ["T116", "E2E-001"]. */
  covers: string[];
  /** Default budget; the runner may scale it. */
  timeoutMs: number;
  /** Platform components (values keys with an `enabled` switch, e.g. "marquez") the check needs running. One
   * the platform scenario declares not run here (floe-gate.yaml `notRun`) makes the check "not run here". */
  needs?: readonly string[];
  run(e: E2eEnv): Promise<CheckOutcome>;
}
