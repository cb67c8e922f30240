// Stage 4, check each cell (chart x scenario x helm major): its render and then every registered check on
// the rendered objects, and its lint. A cell's result holds its own findings and statuses; the stages after
// it put them in plan order.
import type { Check, RenderCell } from "../../checks/types.js";
import type { CheckStatus, Finding } from "../../core/findings.js";
import { parseManifestDocuments } from "../../helm/manifest.js";
import { parseLintOutput, parseRenderError, positionOf } from "../../helm/output.js";
import type { PlannedChartMeta } from "../../plan/plan.js";
import { severityFor } from "../../policy/apply.js";
import { gateTestPodStatuses } from "../../report/test-pods.js";
import { validateMerged } from "../../values/schema.js";
import { missingDeps, type PreparedCharts } from "./prepare.js";
import type { HelmSchedule, HelmTask } from "./schedule.js";
import { checkStatus, type GateRun, gateRules, type StatusOf, stateOf } from "./types.js";
import { type CheckedValues, schemaKey } from "./values.js";
import type { ValuesFiles } from "./values-files.js";

/** What the cells of a run read: the earlier stages' results. */
export interface CellInputs {
  readonly run: GateRun;
  readonly prepared: PreparedCharts;
  readonly values: ValuesFiles;
  readonly checked: CheckedValues;
  readonly helm: HelmSchedule;
  readonly outputs: RenderedOutputs;
}

export interface TemplateResult {
  readonly kind: "template";
  readonly task: HelmTask;
  /** Values-schema, render, rendered-output and check findings of the cell. */
  readonly findings: readonly Finding[];
  readonly statuses: readonly CheckStatus[];
  /** helm test pods and the requirements they declare (floe.dev/covers): skipped here, run by a cluster phase. */
  readonly testPods: readonly CheckStatus[];
  readonly renderFailed: boolean;
}

export interface LintResult {
  readonly kind: "lint";
  readonly task: HelmTask;
  /** Every lint message of the cell (see keptLint). */
  readonly lint: readonly Finding[];
  readonly statuses: readonly CheckStatus[];
}

export type CellResult = TemplateResult | LintResult;

/** Lint repeats a render failure in its own words: keep render's, drop lint's template messages then. */
export function keptLint(lint: LintResult | undefined, template: TemplateResult | undefined): Finding[] {
  const fs = lint?.lint ?? [];
  return template?.renderFailed
    ? fs.filter((f) => !/templates\//.test(f.file ?? "") && !/template/.test(f.message))
    : [...fs];
}

/** Helm 3 and 4 render the same text for most scenarios: each distinct output of a chart is parsed once
 * (parsing is the largest part of this process's own work) and its objects, which no check modifies, are
 * shared by the cells that rendered it. */
export class RenderedOutputs {
  readonly #byChart = new Map<string, Map<string, ReturnType<typeof parseManifestDocuments>>>();

  constructor(private readonly cwd: string) {}

  parse(chartAbs: string, manifest: string): ReturnType<typeof parseManifestDocuments> {
    const byText = this.#byChart.get(chartAbs) ?? new Map();
    this.#byChart.set(chartAbs, byText);
    const parsed =
      byText.get(manifest) ?? parseManifestDocuments(manifest, { chartDir: chartAbs, cwd: this.cwd });
    byText.set(manifest, parsed);
    return parsed;
  }
}

export function checkCell(inputs: CellInputs, task: HelmTask): Promise<CellResult> {
  return task.kind === "template" ? checkRender(inputs, task) : checkLint(inputs, task);
}

const chartOf = (run: GateRun, task: HelmTask): PlannedChartMeta =>
  run.plan.charts.find((c) => c.scenarios.includes(task.cell.scenario))!;

async function checkRender(inputs: CellInputs, task: HelmTask): Promise<TemplateResult> {
  const { run, checked } = inputs;
  const { cwd, config, checks } = run;
  const { scenario: s, helm } = task.cell;
  const chart = chartOf(run, task);
  const base = { chart: s.chart.name, scenario: s.name, helm };
  const cellId = `${s.chart.name}/${s.name} helm${helm}`;
  const out: Finding[] = [];
  const statuses: CheckStatus[] = [];
  const testPods: CheckStatus[] = [];
  const status = (st: StatusOf) => statuses.push(checkStatus(config, st));
  const result = (renderFailed: boolean): TemplateResult => ({
    kind: "template",
    task,
    findings: out,
    statuses,
    testPods,
    renderFailed,
  });
  const { compiled, subs } = checked.schemas.get(chart)!;
  // Merged values are what helm validates; their verdict differs between majors on nulls.
  // An invalid schema is reported once, at the schema file, by values-schema.
  let schemaFailed = (compiled !== undefined && "problem" in compiled) || subs.problems.length > 0;
  if ((compiled && "validate" in compiled) || subs.any) {
    const values = checked.scenarioValues.get(s)!;
    const ps = [
      ...(compiled && "validate" in compiled ? validateMerged(compiled.validate, values, helm) : []),
      ...subs.checkMerged(values, helm),
    ];
    const id = `values-schema ${cellId}`;
    for (const p of ps) {
      schemaFailed = true;
      // Already reported by the per-file check at the same place.
      if (checked.perFileSchema.has(schemaKey({ ...p.at, message: p.message }))) continue;
      out.push({
        rule: gateRules.valuesSchema,
        severity: "error",
        message: p.message,
        ...p.at,
        ...base,
        check: id,
      });
    }
    status({ rule: gateRules.valuesSchema, id, state: stateOf(out) });
  }
  const noDeps = missingDeps(inputs.prepared, s);
  if (noDeps || inputs.values.unparsable(s)) {
    const reason = noDeps
      ? "the chart's dependencies are missing (see dependency)"
      : "a values file of the scenario is not valid YAML (see yaml-parse)";
    status({ rule: gateRules.render, id: `render ${cellId}`, state: "skip", reason });
    for (const c of checks) status({ rule: c.rule, id: `${c.rule} ${cellId}`, state: "skip", reason });
    return result(false);
  }
  const r = await inputs.helm.result(task);
  if (r.code !== 0) {
    const m = parseRenderError(r.stderr, chart.abs, cwd);
    // A schema failure is already reported (at file:line) by values-schema; helm's copy is noise,
    // unless ajv found nothing: then helm's message is the finding.
    if (!(m.schema && schemaFailed)) {
      out.push({
        rule: m.schema
          ? gateRules.valuesSchema
          : m.message.startsWith("rendered output is not valid YAML")
            ? gateRules.yamlParse
            : gateRules.render,
        severity: "error",
        message: m.schema ? `helm ${helm} rejects the values: ${m.message}` : m.message,
        ...positionOf(m),
        ...base,
        check: `render ${cellId}`,
      });
    }
    status({ rule: gateRules.render, id: `render ${cellId}`, state: "fail", ms: r.durationMs });
    for (const c of checks)
      status({ rule: c.rule, id: `${c.rule} ${cellId}`, state: "skip", reason: "the chart did not render" });
    return result(true);
  }
  status({ rule: gateRules.render, id: `render ${cellId}`, state: "pass", ms: r.durationMs });
  const parsed = inputs.outputs.parse(chart.abs, r.stdout);
  // The rendered output parsed as YAML: a key written twice, or a document that is not YAML at all (helm's
  // own parse is more lenient), each a check of its own beside the render, which passed.
  const dupId = `${gateRules.duplicateKey} ${cellId} rendered`;
  const parseId = `${gateRules.yamlParse} ${cellId} rendered`;
  for (const p of parsed.problems) {
    out.push({
      rule: p.rule,
      severity: "error",
      message: p.message,
      ...p.at,
      ...base,
      ...(p.object ? { object: p.object } : {}),
      check: p.rule === gateRules.duplicateKey ? dupId : parseId,
    });
  }
  for (const [rule, id] of [
    [gateRules.yamlParse, parseId],
    [gateRules.duplicateKey, dupId],
  ] as const)
    status({ rule, id, state: stateOf(out.filter((f) => f.check === id)) });
  const rc: RenderCell = { scenario: s, helm, objects: parsed.objects, manifest: r.stdout };
  testPods.push(...gateTestPodStatuses(rc));
  for (const o of await runChecks(run, rc)) {
    const id = `${o.check.rule} ${cellId}`;
    if ("skipped" in o) {
      status({ rule: o.check.rule, id, state: "skip" });
    } else if ("fs" in o) {
      const fs = o.fs.map((f) => ({ ...base, ...f, check: id }));
      out.push(...fs);
      status({ rule: o.check.rule, id, state: stateOf(fs), ms: o.ms });
    } else {
      const msg = `check ${o.check.rule} failed: ${(o.error as Error).message}`;
      out.push({ rule: o.check.rule, severity: "error", message: msg, ...base, check: id });
      status({ rule: o.check.rule, id, state: "error", ms: o.ms, reason: msg });
    }
  }
  return result(false);
}

type Outcome = { check: Check } & (
  | { fs: Finding[]; ms: number }
  | { error: unknown; ms: number }
  | { skipped: true }
);

/** Every check on one render, in registry order; a check that throws is an outcome, not a crash. Checks
 * that run a program (kubesec) start first: it runs while this process does the others. */
async function runChecks(run: GateRun, rc: RenderCell): Promise<Outcome[]> {
  const start = (c: Check): Promise<Outcome> => {
    const c0 = Date.now();
    try {
      const res = c.run(rc, run.checkCtx);
      if (Array.isArray(res)) return Promise.resolve({ check: c, fs: res, ms: Date.now() - c0 });
      return res.then(
        (fs) => ({ check: c, fs, ms: Date.now() - c0 }),
        (error: unknown) => ({ check: c, error, ms: Date.now() - c0 }),
      );
    } catch (error) {
      return Promise.resolve({ check: c, error, ms: Date.now() - c0 });
    }
  };
  const started = new Map<Check, Promise<Outcome>>();
  for (const c of [...run.checks].sort((a, b) => Number(!!b.runsProcess) - Number(!!a.runsProcess)))
    if (severityFor(run.config, c.rule) !== "off") started.set(c, start(c));
  const out: Outcome[] = [];
  for (const c of run.checks) out.push(await (started.get(c) ?? { check: c, skipped: true as const }));
  return out;
}

async function checkLint(inputs: CellInputs, task: HelmTask): Promise<LintResult> {
  const { run } = inputs;
  const { scenario: s, helm } = task.cell;
  const chart = chartOf(run, task);
  const base = { chart: s.chart.name, scenario: s.name, helm };
  const id = `lint ${s.chart.name}/${s.name} helm${helm}`;
  const noDeps = missingDeps(inputs.prepared, s);
  if (noDeps || inputs.values.unparsable(s)) {
    const reason = noDeps
      ? "the chart's dependencies are missing (see dependency)"
      : "a values file is not valid YAML";
    return {
      kind: "lint",
      task,
      lint: [],
      statuses: [checkStatus(run.config, { rule: gateRules.lint, id, state: "skip", reason })],
    };
  }
  const r = await inputs.helm.result(task);
  const ms = parseLintOutput(r.stdout, chart.abs, run.cwd);
  const lint: Finding[] = [];
  for (const m of ms) {
    if (m.schema) continue; // values-schema reports these at file:line
    lint.push({
      rule: gateRules.lint,
      severity: m.severity,
      message: m.message,
      ...positionOf(m),
      ...base,
      check: id,
    });
  }
  if (r.code !== 0 && !ms.length) {
    lint.push({
      rule: gateRules.lint,
      severity: "error",
      message: `helm lint failed: ${(r.stderr || r.stdout).trim().split("\n")[0]}`,
      ...base,
      check: id,
    });
  }
  return {
    kind: "lint",
    task,
    lint,
    statuses: [
      checkStatus(run.config, {
        rule: gateRules.lint,
        id,
        state: r.code === 0 ? "pass" : "fail",
        ms: r.durationMs,
      }),
    ],
  };
}
