// Stage 5, finalize: every stage's findings and statuses in plan order (cells finish in any order; taking
// their findings in plan order means which of two equal findings is kept, helm 3's wording before helm 4's,
// never depends on timing), settled by floe-gate.yaml's policy (the findings, then each check from its own
// findings: settle.ts), and the waivers no finding used.
import type { CheckStatus, Finding } from "../../core/findings.js";
import { severityFor } from "../../policy/apply.js";
import { unusedWaivers } from "../../policy/waivers.js";
import { type CellResult, keptLint, type LintResult, type TemplateResult } from "./cell.js";
import type { PreparedCharts } from "./prepare.js";
import { settle, settledStatuses } from "./settle.js";
import { checkStatus, type GateRun, gateRules, type StageResult, stateOf } from "./types.js";
import type { CheckedValues } from "./values.js";
import type { ValuesFiles } from "./values-files.js";

export interface GateStages {
  /** What the gate found before any stage (kubesec unavailable). */
  readonly start: StageResult;
  readonly prepared: PreparedCharts;
  readonly checked: CheckedValues;
  /** One result per helm task, in the schedule's order. */
  readonly cells: readonly CellResult[];
  readonly values: ValuesFiles;
}

export interface GateOutcome {
  /** What the phase reports, settled. */
  readonly findings: readonly Finding[];
  readonly statuses: readonly CheckStatus[];
}

export function finalize(run: GateRun, st: GateStages): GateOutcome {
  const { config, plan } = run;
  const templates = st.cells.filter((c): c is TemplateResult => c.kind === "template");
  const lints = st.cells.filter((c): c is LintResult => c.kind === "lint");
  const all: Finding[] = [
    ...st.start.findings,
    ...st.prepared.findings,
    ...st.checked.findings,
    ...templates.flatMap((t) => t.findings),
    ...plan.cells.flatMap((c) =>
      keptLint(
        lints.find((l) => l.task.cell === c),
        templates.find((t) => t.task.cell === c),
      ),
    ),
  ];
  const kept: Finding[] = [];
  const findings = settle(all, config, run.today, kept);
  const statuses: CheckStatus[] = settledStatuses(
    [
      ...st.start.statuses,
      ...st.prepared.statuses,
      ...st.checked.statuses,
      ...templates.flatMap((t) => t.testPods),
      ...st.cells.flatMap((c) => c.statuses),
    ],
    findings,
  );

  // Stale waivers: one that matched no finding of the whole run excuses nothing now. Only said when every
  // cell rendered and ran its checks (otherwise the finding it waives may simply not have been produced).
  const wsev = severityFor(config, gateRules.waiverUnused) ?? "warning";
  // Nor when the run checked only part of the charts or scenarios (--chart, --values): a waiver may be for
  // the rest.
  const complete =
    !plan.partial &&
    !templates.some((t) => t.renderFailed) &&
    st.prepared.depsMissing.size === 0 &&
    plan.cells.every((c) => !st.values.unparsable(c.scenario));
  if (wsev !== "off" && plan.partial && config.waivers.length)
    statuses.push(
      checkStatus(config, {
        rule: gateRules.waiverUnused,
        id: "waiver-unused",
        state: "skip",
        reason: `only part of the plan ran: ${plan.partial}`,
      }),
    );
  if (wsev !== "off" && complete) {
    const stale = unusedWaivers(config.waivers, kept);
    for (const w of stale) {
      findings.push({
        rule: gateRules.waiverUnused,
        severity: wsev,
        message: `waiver (rule ${w.rule}, object ${w.object}) matched no finding in this run: remove it, the problem it excused is gone (reason was: ${w.reason})`,
        ...(w.at ?? (config.file ? { file: config.file, line: 1 } : {})),
        object: w.object,
        check: "waiver-unused",
      });
    }
    if (config.waivers.length)
      statuses.push(
        checkStatus(config, {
          rule: gateRules.waiverUnused,
          id: "waiver-unused",
          state: stateOf(stale.map(() => ({ severity: wsev }))),
        }),
      );
  }
  return { findings, statuses };
}
