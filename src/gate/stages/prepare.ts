// Stage 1, prepare charts: dependencies first, once per chart (src/helm/deps.ts). helm renders a built copy
// when charts/ lacks what Chart.yaml / Chart.lock list; a dependency that cannot be built is one finding and
// the chart's render and lint are skipped (helm would only say "missing in charts/ directory").
import type { CheckStatus, Finding } from "../../core/findings.js";
import type { ChartInfo, Scenario } from "../../core/rendered.js";
import { prepareDependencies } from "../../helm/deps.js";
import { checkStatus, type GateRun, gateRules, type StageResult } from "./types.js";

export interface PreparedCharts extends StageResult {
  /** Chart folder (relative, ChartInfo.dir) -> the folder helm renders (the chart, or its built copy). */
  readonly renderDirs: ReadonlyMap<string, string>;
  /** Chart folders (relative) whose dependencies could not be built. */
  readonly depsMissing: ReadonlySet<string>;
}

/** The folder helm renders for a chart, relative to cwd or absolute. */
export function renderDirOf(p: PreparedCharts, chart: ChartInfo, fallback: string): string {
  return p.renderDirs.get(chart.dir) ?? fallback;
}

/** Whether the scenario's chart lacks dependencies (its render and lint are skipped). */
export const missingDeps = (p: PreparedCharts, s: Scenario): boolean => p.depsMissing.has(s.chart.dir);

export async function prepareCharts(run: GateRun): Promise<PreparedCharts> {
  const renderDirs = new Map<string, string>();
  const depsMissing = new Set<string>();
  const findings: Finding[] = [];
  const statuses: CheckStatus[] = [];
  const major = run.config.helmMajors[0]!;
  for (const chart of run.plan.charts) {
    const t0 = Date.now();
    const prep = await prepareDependencies(
      chart.abs,
      run.cwd,
      { bin: run.helm.get(major)!, major },
      run.inputs.workDir,
    );
    renderDirs.set(chart.info.dir, prep.dirAbs);
    if (!prep.built && !prep.problems.length) continue;
    const id = `dependency ${chart.info.name}`;
    for (const p of prep.problems)
      findings.push({
        rule: gateRules.dependency,
        severity: "error",
        message: p.message,
        ...p.at,
        chart: chart.info.name,
        check: id,
      });
    if (prep.problems.length) depsMissing.add(chart.info.dir);
    statuses.push(
      checkStatus(run.config, {
        rule: gateRules.dependency,
        id,
        state: prep.problems.length ? "fail" : "pass",
        ms: Date.now() - t0,
      }),
    );
  }
  return { renderDirs, depsMissing, findings, statuses };
}
