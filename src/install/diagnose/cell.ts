// The install-test phase's use of the diagnosis: a ticker while helm waits, and after a failed cell the
// classified causes in the log (grouped per object), in the results (one `diagnosis` finding per object,
// with its `cause`) and in the cell's diagnostics folder. Nothing here can fail the run.

import path from "node:path";
import { durationMs } from "../../core/duration.js";
import type { RunResult } from "../../exec/runner.js";
import type { PhaseContext } from "../../report/phase.js";
import { startWaitTicker } from "../wait-ticker.js";
import { diagnoseNamespace, type KubeTarget, keepNamespace, waitingFor } from "./collect.js";

export const DIAGNOSIS_RULE = "diagnosis";

/** After a failure, before the namespace goes: its objects, events, pods and logs kept in `dir` (an info
 * finding of `rule` says where), then the classified causes. What test, e2e and live upgrade all do. */
export async function keepDiagnostics(
  ctx: PhaseContext,
  kube: KubeTarget,
  o: {
    dir: string;
    /** What failed, as the finding names it: a cell's label, `namespace <ns>`. */
    subject: string;
    rule: string;
    /** The progress prefix, e.g. `test: [2/4] floe-jobs/dev helm4`. */
    step: string;
    where: { chart: string; scenario: string; helm: number };
  },
): Promise<void> {
  ctx.progress(`${o.step}: keeping diagnostics in ${o.dir}`);
  const files = await keepNamespace(kube, o.dir);
  ctx.add({
    rule: o.rule,
    severity: "info",
    message: `diagnostics of ${o.subject} (objects, events, pods, logs: ${files.length} files) in ${path.relative(kube.cwd, o.dir) || o.dir}`,
    ...o.where,
  });
  await diagnoseCell(ctx, kube, o.dir, `${o.step}: diagnosis`, o.where);
}

/** Runs `run` (a helm call that waits up to `timeout`), printing every 10 s what the namespace still
 * waits for and the time left. */
export async function watchWait(
  ctx: PhaseContext,
  kube: KubeTarget,
  what: string,
  timeout: string,
  run: () => Promise<RunResult>,
  intervalMs = 10_000,
): Promise<RunResult> {
  const stop = startWaitTicker({
    what,
    timeoutMs: durationMs(timeout),
    poll: () => waitingFor(kube),
    print: (l) => ctx.progress(l),
    intervalMs,
  });
  try {
    return await run();
  } finally {
    stop();
  }
}

/** Classifies why a cell failed and reports it; a failure of the diagnosis itself is a note, never an
 * error of the run. */
export async function diagnoseCell(
  ctx: PhaseContext,
  kube: KubeTarget,
  dir: string,
  heading: string,
  where: { chart: string; scenario: string; helm: number },
): Promise<void> {
  try {
    const d = await diagnoseNamespace(kube, dir);
    ctx.progress(`${heading}:`);
    for (const l of d.lines) ctx.progress(`  ${l}`);
    for (const x of d.diagnoses)
      ctx.add({
        rule: DIAGNOSIS_RULE,
        severity: "info",
        message: `${x.object}: ${x.cause.kind}: ${x.cause.summary}`,
        object: x.object,
        cause: x.cause.kind,
        ...where,
      });
    for (const n of d.notes)
      ctx.add({ rule: DIAGNOSIS_RULE, severity: "info", message: `note: ${n}`, ...where });
  } catch (e) {
    ctx.add({
      rule: DIAGNOSIS_RULE,
      severity: "info",
      message: `note: the diagnosis could not run: ${(e as Error).message}`,
      ...where,
    });
  }
}
