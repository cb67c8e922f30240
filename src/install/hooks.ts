// `helm status -o json` -> one check per helm test pod, with the requirements its `floe.dev/covers`
// annotation names, so the coverage matrix shows what a real `helm test` proved. Helm 3 and 4 print the
// same `hooks[]` (name, kind, manifest, events, last_run.phase).
import { parse } from "yaml";
import type { CheckStatus } from "../core/findings.js";
import { HELM_TEST_RULE, testPods } from "../report/test-pods.js";

interface Hook {
  name?: string;
  kind?: string;
  manifest?: string;
  events?: string[];
  last_run?: { phase?: string };
}

export const SIMULATED =
  "kwok simulates the kubelet: the test pod completed without running its container (a real result needs --provider kind or existing)";

export interface HookContext {
  /** `<chart>/<scenario> helm<N>`, appended to each check id. */
  cell: string;
  /** kwok: pods complete without running, so a "Succeeded" proves nothing (recorded as skipped). */
  simulated: boolean;
  /** A real cluster's own phase of each test pod still there after a failed `helm test` (kubectl): helm
   * records a pod that outlived --timeout as "Failed" although it never ended. */
  livePhases?: Readonly<Record<string, string>>;
  /** helm's --timeout, named in the reason of a test pod that outlived it. */
  timeout?: string;
}

/** Why a test pod that helm recorded as failed failed: its own end, or helm's --timeout running out while
 * the pod still ran (its real phase says which). */
function failReason(phase: string, live: string | undefined, timeout: string | undefined): string {
  if (live === "Running" || live === "Pending")
    return `test pod timed out: still ${live} when helm test's --timeout${timeout ? ` ${timeout}` : ""} ran out`;
  return `test pod phase ${phase}`;
}

/** Checks for the test hooks of a release status (the JSON text of `helm status -o json`). */
export function testHookChecks(statusJson: string, ctx: HookContext): CheckStatus[] {
  const status = JSON.parse(statusJson) as { hooks?: Hook[] };
  const out: CheckStatus[] = [];
  for (const h of status.hooks ?? []) {
    if (h.kind !== "Pod" || !(h.events ?? []).includes("test")) continue;
    let doc: Record<string, unknown> = {};
    try {
      doc = (parse(h.manifest ?? "") as Record<string, unknown>) ?? {};
    } catch {
      // helm applied it, so it is YAML; a hook we cannot read simply names no requirement.
    }
    const pod = testPods([{ kind: "Pod", name: h.name ?? "?", doc }])[0];
    const covers = pod?.covers ?? [];
    const phase = h.last_run?.phase ?? "";
    const base = { id: `${HELM_TEST_RULE} ${h.name} ${ctx.cell}`, rule: HELM_TEST_RULE };
    const cov = covers.length ? { covers } : {};
    if (!phase || phase === "Unknown") {
      out.push({ ...base, state: "skip", reason: "helm test did not run this pod", ...cov });
    } else if (phase === "Succeeded") {
      out.push(
        ctx.simulated
          ? { ...base, state: "skip", reason: SIMULATED, ...cov }
          : { ...base, state: "pass", ...cov },
      );
    } else {
      const live = ctx.simulated ? undefined : ctx.livePhases?.[h.name ?? ""];
      out.push({ ...base, state: "fail", reason: failReason(phase, live, ctx.timeout), ...cov });
    }
  }
  return out;
}
