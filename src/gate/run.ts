// The static gate: plan -> stages (src/gate/stages/), each a function from the earlier stages' typed results
// to its own: prepare charts (dependencies) -> schedule helm (one `helm template` + one `helm lint` per cell,
// queued at once, run concurrently up to the number of cores) -> while they run: lint library charts, check
// chart files (Chart.yaml, YAML style) -> check values (per file and per chart) ->
// check each cell (every registered check on the shared rendered objects) -> finalize (severity overrides
// and waivers, unused waivers) -> findings and check statuses for runPhase.
import os from "node:os";
import { checks as registry } from "../checks/registry.js";
import type { Check } from "../checks/types.js";
import type { HelmMajor, Inputs } from "../config/inputs.js";
import { NAMESPACE } from "../helm/argv.js";
import { useValidatorCache } from "../perf/validator-cache.js";
import { resolveConfig } from "../plan/config.js";
import { buildPlan } from "../plan/plan.js";
import { type PhaseContext, reportSkippedCharts } from "../report/phase.js";
import { resolveOptionalTool, resolveTools } from "../tools/resolve.js";
import { type CellInputs, checkCell, RenderedOutputs } from "./stages/cell.js";
import { checkChartFiles } from "./stages/chart-files.js";
import { finalize } from "./stages/finalize.js";
import { lintLibraries } from "./stages/library.js";
import { prepareCharts } from "./stages/prepare.js";
import { ScenarioProgress } from "./stages/progress.js";
import { scheduleHelm } from "./stages/schedule.js";
import { checkStatus, type GateRun, type StageResult } from "./stages/types.js";
import { checkValues } from "./stages/values.js";
import { ValuesFiles } from "./stages/values-files.js";

export { gateRules } from "./stages/types.js";

export interface GateOptions {
  cwd: string;
  /** The rule registry (tests may pass their own). */
  checks?: readonly Check[];
  /** Today, for waiver expiry (tests pin it). */
  now?: Date;
  /** Concurrency; default os.availableParallelism(). */
  parallelism?: number;
}

/** helm for every major the plan uses and kubesec, resolved like every phase's tools (src/tools/resolve.ts).
 * kubesec may be unavailable (absent from --tools-dir, no verified checksum for this platform): the gate
 * then runs without it. */
async function gateTools(
  inputs: Inputs,
  majors: readonly HelmMajor[],
  progress: (l: string) => void,
): Promise<{ helm: Map<HelmMajor, string>; kubesec: { path: string } | { unavailable: string } }> {
  const hooks = { warn: progress, progress };
  const found = await resolveTools(
    inputs,
    majors.map((m) => `helm${m}` as const),
    hooks,
  );
  const helm = new Map(majors.map((m) => [m, found[`helm${m}`]] as const));
  return { helm, kubesec: await resolveOptionalTool(inputs, "kubesec", hooks) };
}

export async function runGate(ctx: PhaseContext, inputs: Inputs, opts: GateOptions): Promise<void> {
  const { cwd } = opts;
  useValidatorCache(inputs.validatorCache);
  const config = await resolveConfig(inputs, cwd);
  // A library alone is linted (its Chart.yaml, templates, YAML style); nothing renders it.
  const plan = await buildPlan(config, inputs, cwd, { librariesAlone: true });
  reportSkippedCharts(ctx, plan.skipped);
  const tools = await gateTools(inputs, config.helmMajors, ctx.progress);
  // Without kubesec the other checks still run; its own is reported as not run, never as passed.
  const kubesecMissing = "unavailable" in tools.kubesec ? tools.kubesec.unavailable : undefined;
  const run: GateRun = {
    cwd,
    inputs,
    config,
    plan,
    helm: tools.helm,
    checks: (opts.checks ?? registry).filter((c) => !(kubesecMissing && c.rule === "kubesec")),
    checkCtx: {
      settings: {
        ...config.settings,
        releaseNamespace: NAMESPACE,
        ...(config.coverage.integrations ? { integrations: config.coverage.integrations } : {}),
      },
      tools: "path" in tools.kubesec ? { kubesec: tools.kubesec.path } : {},
      cwd,
    },
    parallelism: opts.parallelism ?? os.availableParallelism(),
    today: (opts.now ?? new Date()).toISOString().slice(0, 10),
  };
  const unavailable: StageResult = kubesecMissing
    ? {
        // Turned off in floe-gate.yaml, the pipeline drops it like any finding of the rule.
        findings: [
          {
            rule: "kubesec",
            severity: "warning",
            message: `kubesec did not run: ${kubesecMissing}`,
            check: "kubesec",
          },
        ],
        statuses: [
          checkStatus(config, {
            rule: "kubesec",
            id: "kubesec",
            state: "skip",
            reason: `not run: ${kubesecMissing}`,
          }),
        ],
      }
    : { findings: [], statuses: [] };
  const values = new ValuesFiles(cwd);
  const prepared = await prepareCharts(run);
  // helm's runs are the long pole: queued first, so everything below overlaps them (the libraries' own lints,
  // at low priority, and this process's checks of the chart files and values files).
  const helm = await scheduleHelm(run, prepared, values);
  const librariesLinted = lintLibraries(run);
  const chartFiles = await checkChartFiles(run);
  const checked = await checkValues(run, prepared, values);
  const libraries = await librariesLinted;
  const start: StageResult = {
    findings: [...unavailable.findings, ...libraries.findings, ...chartFiles.findings],
    statuses: [...unavailable.statuses, ...libraries.statuses, ...chartFiles.statuses],
  };
  const progress = new ScenarioProgress(
    run,
    [...start.findings, ...prepared.findings, ...checked.findings],
    ctx.progress,
  );
  const inputsOfCells: CellInputs = {
    run,
    prepared,
    values,
    checked,
    helm,
    outputs: new RenderedOutputs(cwd),
  };
  const cells = await Promise.all(
    helm.tasks.map(async (t) => {
      const r = await checkCell(inputsOfCells, t);
      progress.cellDone(r);
      return r;
    }),
  );
  const outcome = finalize(run, { start, prepared, checked, cells, values });
  for (const f of outcome.findings) ctx.add(f);
  for (const s of outcome.statuses) ctx.check(s);
  ctx.output("charts", String(plan.charts.length));
  ctx.output("cells", String(plan.cells.length));
}
