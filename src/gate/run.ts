// The static gate: plan -> (per chart) values checks -> (per cell) one `helm template` + one `helm lint`
// run concurrently up to the number of cores -> every registered check on the shared rendered objects
// -> severity overrides and waivers -> findings and check statuses for runPhase.
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { checks as registry } from "../checks/registry.js";
import type { Check, CheckContext, RenderCell, Scenario, SourcePosition } from "../checks/types.js";
import type { HelmMajor, Inputs } from "../config/inputs.js";
import { InputError } from "../core/errors.js";
import type { CheckState, CheckStatus, Finding, Severity } from "../core/findings.js";
import { matchesWildcard } from "../core/wildcard.js";
import { limiter } from "../exec/limiter.js";
import { type RunResult, runTool } from "../exec/runner.js";
import { helmLintArgv, helmRunEnv, helmTemplateArgv, NAMESPACE } from "../helm/argv.js";
import { prepareDependencies } from "../helm/deps.js";
import { parseManifestDocuments } from "../helm/manifest.js";
import { parseLintOutput, parseRenderError } from "../helm/output.js";
import { countsText } from "../report/findings.js";
import { type PhaseContext, reportSkippedCharts } from "../report/phase.js";
import { gateTestPodStatuses } from "../report/test-pods.js";
import { requireLocalTool } from "../tools/local.js";
import { useValidatorCache } from "../values/ajv-cache.js";
import { chartReads, deadValues } from "../values/dead.js";
import { type CompiledSchema, compileValuesSchema, validateFile, validateMerged } from "../values/schema.js";
import { loadSubcharts, SubchartSchemas } from "../values/subcharts.js";
import { FileTooLarge, type LoadedYaml, loadYamlFile } from "../values/yaml.js";
import { resolveConfig } from "./config.js";
import { buildPlan, type PlannedChartMeta } from "./plan.js";
import type { GateConfig, PlanCell } from "./types.js";
import { applyWaivers, unusedWaivers } from "./waivers.js";

/** Rule ids this module reports itself (the registry's checks report theirs). */
export const gateRules = {
  yamlParse: "yaml-parse",
  duplicateKey: "duplicate-key",
  valuesSchema: "values-schema",
  lint: "lint",
  render: "render",
  deadValue: "dead-value",
  waiverUnused: "waiver-unused",
  dependency: "dependency",
} as const;

export interface GateOptions {
  cwd: string;
  /** The rule registry (tests may pass their own). */
  checks?: readonly Check[];
  /** Today, for waiver expiry (tests pin it). */
  now?: Date;
  /** Concurrency; default os.availableParallelism(). */
  parallelism?: number;
}

const glob = matchesWildcard;

/** The severity floe-gate.yaml sets for a rule: its exact id first, then the longest matching pattern
 * (`policy/*`). */
export function severityFor(config: GateConfig, rule: string): Severity | "off" | undefined {
  const exact = config.severity[rule];
  if (exact) return exact;
  const hits = Object.keys(config.severity)
    .filter((k) => k.includes("*") && glob(k, rule))
    .sort((a, b) => b.length - a.length);
  return hits[0] ? config.severity[hits[0]] : undefined;
}

/** Applies floe-gate.yaml severity overrides (`off` drops the finding) and waivers (src/gate/waivers.ts).
 * An override sets how a rule's problems count: what a rule only notes (info) stays info. */
export function applyPolicy(f: Finding, config: GateConfig, today: string): Finding | undefined {
  const sev = severityFor(config, f.rule);
  if (sev === "off") return undefined;
  const out: Finding = sev && f.severity !== "info" ? { ...f, severity: sev } : f;
  return applyWaivers([out], config.waivers, today)[0];
}

/** helm for every major the plan uses and kubesec, from --tools-dir or the installer (tool cache first).
 * kubesec may be unavailable (no verified checksum for this platform): the gate then runs without it. */
async function gateTools(
  inputs: Inputs,
  majors: readonly HelmMajor[],
  progress: (l: string) => void,
): Promise<{ helm: Map<HelmMajor, string>; kubesec: { path: string } | { unavailable: string } }> {
  const helm = new Map<HelmMajor, string>();
  if (inputs.toolsDir) {
    for (const m of majors) helm.set(m, await requireLocalTool(inputs.toolsDir, `helm${m}`));
    const kubesec = path.join(inputs.toolsDir, "kubesec");
    return {
      helm,
      kubesec: existsSync(kubesec)
        ? { path: kubesec }
        : { unavailable: `kubesec not found in ${inputs.toolsDir} (--tools-dir): run scripts/tools.sh` },
    };
  }
  // The installer (and the HTTP client under it) is loaded only when no tools folder is given.
  const { resolveTools, resolveOptionalTool } = await import("../tools/resolve.js");
  const hooks = { warn: progress, progress };
  const found = await resolveTools(
    inputs,
    majors.map((m) => `helm${m}` as const),
    hooks,
  );
  for (const m of majors) helm.set(m, found[`helm${m}`]);
  return { helm, kubesec: await resolveOptionalTool(inputs, "kubesec", hooks) };
}

interface ScenarioState {
  scenario: Scenario;
  pending: number;
  started: number;
  /** What the values checks found in the scenario's own files (its cells' findings are added at the end). */
  findings: Finding[];
}

export async function runGate(ctx: PhaseContext, inputs: Inputs, opts: GateOptions): Promise<void> {
  const { cwd } = opts;
  useValidatorCache(inputs.validatorCache);
  const today = (opts.now ?? new Date()).toISOString().slice(0, 10);
  const config = await resolveConfig(inputs, cwd);
  const plan = await buildPlan(config, inputs, cwd);
  reportSkippedCharts(ctx, plan.skipped);
  const tools = await gateTools(inputs, config.helmMajors, ctx.progress);
  const helmBin = tools.helm;
  // Without kubesec the other checks still run; its own is reported as not run, never as passed.
  const kubesecMissing = "unavailable" in tools.kubesec ? tools.kubesec.unavailable : undefined;
  const checks = (opts.checks ?? registry).filter((c) => !(kubesecMissing && c.rule === "kubesec"));
  const checkCtx: CheckContext = {
    severity: (rule, fallback) => severityFor(config, rule) ?? fallback,
    settings: { ...config.settings, releaseNamespace: NAMESPACE },
    tools: "path" in tools.kubesec ? { kubesec: tools.kubesec.path } : {},
    cwd,
  };

  const all: Finding[] = [];
  const statuses: CheckStatus[] = [];
  if (kubesecMissing && severityFor(config, "kubesec") !== "off") {
    all.push({ rule: "kubesec", severity: "warning", message: `kubesec did not run: ${kubesecMissing}` });
  }
  const covers = (rule: string) =>
    Object.entries(config.requirements)
      .filter(([, rules]) => rules.some((r) => glob(r, rule)))
      .map(([id]) => id);
  const statusInto = (
    into: CheckStatus[],
    rule: string,
    id: string,
    state: CheckState,
    ms?: number,
    reason?: string,
  ) => {
    const c = covers(rule);
    into.push({
      id,
      rule,
      state: severityFor(config, rule) === "off" ? "skip" : state,
      ...(severityFor(config, rule) === "off"
        ? { reason: "turned off in floe-gate.yaml" }
        : reason
          ? { reason }
          : {}),
      ...(ms !== undefined ? { durationMs: ms } : {}),
      ...(c.length ? { covers: c } : {}),
    });
  };
  const status = (rule: string, id: string, state: CheckState, ms?: number, reason?: string) =>
    statusInto(statuses, rule, id, state, ms, reason);
  const stateOf = (fs: readonly Finding[]): CheckState =>
    fs.some((f) => f.severity === "error") ? "fail" : "pass";
  if (kubesecMissing) status("kubesec", "kubesec", "skip", undefined, `not run: ${kubesecMissing}`);

  // --- values: once per file and per chart, before any helm runs ---
  const loaded = new Map<string, LoadedYaml>();
  const load = async (file: string): Promise<LoadedYaml> => {
    let y = loaded.get(file);
    if (!y) {
      try {
        y = await loadYamlFile(file, cwd);
      } catch (e) {
        if (e instanceof FileTooLarge) throw new InputError(e.message.replace(`${file}: `, ""), { file });
        throw e;
      }
      loaded.set(file, y);
    }
    return y;
  };
  // Dependencies first, once per chart (src/helm/deps.ts): helm renders a built copy when charts/ lacks
  // what Chart.yaml / Chart.lock list; a dependency that cannot be built is one finding and the chart's
  // render and lint are skipped (helm would only say "missing in charts/ directory").
  const renderDir = new Map<string, string>();
  const depsMissing = new Set<string>();
  for (const chart of plan.charts) {
    const major = config.helmMajors[0]!;
    const t0 = Date.now();
    const prep = await prepareDependencies(
      chart.abs,
      cwd,
      { bin: helmBin.get(major)!, major },
      inputs.workDir,
    );
    renderDir.set(chart.info.dir, prep.dirAbs);
    if (!prep.built && !prep.problems.length) continue;
    for (const p of prep.problems)
      all.push({
        rule: gateRules.dependency,
        severity: "error",
        message: p.message,
        ...p.at,
        chart: chart.info.name,
      });
    if (prep.problems.length) depsMissing.add(chart.info.dir);
    status(
      gateRules.dependency,
      `dependency ${chart.info.name}`,
      prep.problems.length ? "fail" : "pass",
      Date.now() - t0,
    );
  }
  const noDeps = (s: Scenario) => depsMissing.has(s.chart.dir);

  // helm runs are the long pole: renders up to one per core at a time, queued as soon as their values
  // files are known to be YAML, while this process checks values and then the rendered objects of each
  // cell as its render arrives. A render feeds the checks and kubesec; a lint feeds nothing. So lints have
  // their own queue, also one per core, at a lower CPU priority (nice 10): they take the CPU that renders,
  // this process and kubesec leave, instead of waiting for a render slot and then competing with them.
  const parallelism = opts.parallelism ?? os.availableParallelism();
  type Task = { cell: PlanCell; kind: "template" | "lint" };
  const tasks: Task[] = [
    ...plan.cells.map((cell) => ({ cell, kind: "template" as const })),
    ...plan.cells.map((cell) => ({ cell, kind: "lint" as const })),
  ];
  const renderSlot = limiter(parallelism);
  const lintSlot = limiter(parallelism);
  const helmEnv = helmRunEnv(process.env);
  const helmRuns = new Map<Task, Promise<RunResult>>();
  const helmRun = (t: Task): Promise<RunResult> => {
    let p = helmRuns.get(t);
    if (!p) {
      const { scenario: s, helm } = t.cell;
      const args = {
        bin: helmBin.get(helm)!,
        major: helm,
        chartDir: renderDir.get(s.chart.dir) ?? s.chart.dir,
        valuesFiles: s.valuesFiles,
        kubeVersion: config.settings.kubeVersion,
      };
      const argv = t.kind === "template" ? helmTemplateArgv(args) : helmLintArgv(args);
      p =
        t.kind === "template"
          ? renderSlot(() => runTool(argv, { cwd, env: helmEnv }))
          : lintSlot(() => runTool(argv, { cwd, env: helmEnv, lowPriority: true }));
      // Queued early, awaited later by its cell: a failure to start is reported there, not as unhandled.
      p.catch(() => {});
      helmRuns.set(t, p);
    }
    return p;
  };
  const prefetchable = async (s: Scenario): Promise<boolean> => {
    if (noDeps(s)) return false;
    for (const f of s.valuesFiles) {
      const abs = path.resolve(cwd, f);
      // Large files are left to the values phase (it reports them); so are files that are not YAML.
      if (!existsSync(abs) || statSync(abs).size > 1024 * 1024) return false;
      if ((await load(f)).problems.some((p) => p.rule === gateRules.yamlParse)) return false;
    }
    return true;
  };
  for (const t of tasks) if (await prefetchable(t.cell.scenario)) void helmRun(t);

  const scenarioValues = new Map<Scenario, LoadedYaml[]>();
  // Per-file values-schema findings, so the merged check does not repeat them.
  const perFileSchema = new Set<string>();
  const schemaKey = (f: { file?: string; line?: number; col?: number; message: string }) =>
    `${f.file}:${f.line}:${f.col}:${f.message}`;
  const schemas = new Map<PlannedChartMeta, CompiledSchema>();
  // Each subchart's own values.schema.json, as helm validates it (src/values/subcharts.ts).
  const subSchemas = new Map<PlannedChartMeta, SubchartSchemas>();
  for (const chart of plan.charts) {
    const chartFindings: Finding[] = [];
    const base = { chart: chart.info.name };
    const schemaFinding = (p: { message: string; at: SourcePosition }): Finding => ({
      rule: gateRules.valuesSchema,
      severity: "error",
      message: p.message,
      ...p.at,
      ...base,
    });
    const valuesFile = path.join(chart.info.dir, "values.yaml");
    const defaults = existsSync(path.resolve(cwd, valuesFile)) ? await load(valuesFile) : undefined;
    let compiled: CompiledSchema | undefined;
    if (chart.schemaFile) {
      compiled = compileValuesSchema(
        await readFile(path.resolve(cwd, chart.schemaFile), "utf8"),
        chart.schemaFile,
      );
      schemas.set(chart, compiled);
      if ("problem" in compiled) {
        chartFindings.push(schemaFinding(compiled.problem));
      } else {
        chart.info.schema = (compiled as { schema?: unknown }).schema;
      }
    }
    const subs = new SubchartSchemas(
      await loadSubcharts(renderDir.get(chart.info.dir) ?? chart.abs, cwd, chart.abs),
    );
    subSchemas.set(chart, subs);
    for (const p of subs.problems) chartFindings.push(schemaFinding(p));
    const files = [
      ...new Set([...(defaults ? [defaults.file] : []), ...chart.scenarios.flatMap((s) => s.valuesFiles)]),
    ];
    const t0 = Date.now();
    for (const file of files) {
      const y = await load(file);
      for (const p of y.problems)
        chartFindings.push({ rule: p.rule, severity: "error", message: p.message, ...p.at, ...base });
      // A subchart's section is checked only where a scenario with this file enables the subchart.
      const withFile = chart.scenarios.filter((s) => file === defaults?.file || s.valuesFiles.includes(file));
      const subProblems = subs.any
        ? subs.checkFile(
            y,
            await Promise.all(
              withFile.map(async (s) => [
                ...(defaults ? [defaults] : []),
                ...(await Promise.all(s.valuesFiles.map(load))),
              ]),
            ),
          )
        : [];
      if ((compiled && "validate" in compiled) || subProblems.length) {
        const own = compiled && "validate" in compiled ? validateFile(compiled.validate, y) : [];
        for (const p of [...own, ...subProblems]) {
          perFileSchema.add(schemaKey({ ...p.at, message: p.message }));
          chartFindings.push(schemaFinding(p));
        }
      }
    }
    const reads = await chartReads(chart.abs, chart.meta.dependencies, subs.subs);
    for (const s of chart.scenarios) {
      const ys = await Promise.all(s.valuesFiles.map(load));
      scenarioValues.set(s, [...(defaults ? [defaults] : []), ...ys]);
      const deadFindings: Finding[] = [];
      for (const y of ys) {
        for (const d of deadValues(y, reads.reads, chart.info.schema)) {
          deadFindings.push({
            rule: gateRules.deadValue,
            severity: "error",
            message: `'${d.path.join(".")}' is set but no template of ${chart.info.name} reads it and values.schema.json does not declare it (a misspelt key is silently ignored by helm)`,
            ...d.at,
            ...base,
            scenario: s.name,
          });
        }
      }
      chartFindings.push(...deadFindings);
      status(
        gateRules.deadValue,
        `dead-value ${chart.info.name}/${s.name}`,
        stateOf(deadFindings),
        undefined,
        reads.notes.join("; ") || undefined,
      );
    }
    const byRule = (r: string) => chartFindings.filter((f) => f.rule === r);
    status(
      gateRules.yamlParse,
      `yaml-parse ${chart.info.name} values`,
      stateOf(byRule(gateRules.yamlParse)),
      Date.now() - t0,
    );
    status(
      gateRules.duplicateKey,
      `duplicate-key ${chart.info.name} values`,
      stateOf(byRule(gateRules.duplicateKey)),
    );
    if (!chart.schemaFile && !subs.any)
      status(
        gateRules.valuesSchema,
        `values-schema ${chart.info.name}`,
        "skip",
        undefined,
        "the chart has no values.schema.json",
      );
    all.push(...chartFindings);
  }

  // --- cells: render + lint per chart x scenario x helm major, concurrently ---
  const byScenario = new Map<Scenario, ScenarioState>();
  for (const c of plan.cells) {
    const st = byScenario.get(c.scenario) ?? {
      scenario: c.scenario,
      pending: 0,
      started: Date.now(),
      // Seeded with what the values checks found in the scenario's own files, so its progress line counts it.
      findings: all.filter(
        (f) =>
          f.chart === c.scenario.chart.name &&
          (f.scenario === c.scenario.name || c.scenario.valuesFiles.includes(f.file ?? "")),
      ),
    };
    st.pending += 2;
    byScenario.set(c.scenario, st);
  }
  const totalScenarios = byScenario.size;
  let doneScenarios = 0;
  const finish = (s: Scenario) => {
    const st = byScenario.get(s)!;
    if (--st.pending > 0) return;
    doneScenarios++;
    // Counted as the verdict counts: after severity overrides and waivers, each distinct finding once.
    const mine = (t: Task) => t.cell.scenario === s;
    const fs = settle([
      ...st.findings,
      ...tasks.filter(mine).flatMap((t) => cellFindings.get(t) ?? []),
      ...plan.cells.filter((c) => c.scenario === s).flatMap(lintKept),
    ]);
    const majors = config.helmMajors.map((m) => `helm${m}`).join("+");
    ctx.progress(
      `gate: [${doneScenarios}/${totalScenarios}] ${s.chart.name} ${s.name} (${majors}): ${countsText(fs)} in ${((Date.now() - st.started) / 1000).toFixed(1)}s`,
    );
  };
  const chartOf = new Map<Scenario, PlannedChartMeta>();
  for (const ch of plan.charts) for (const s of ch.scenarios) chartOf.set(s, ch);

  const renderFailed = new Set<PlanCell>();
  const schemaFailed = new Set<PlanCell>();
  // Helm would only repeat the YAML fault of a values file in its own words: such scenarios are not run.
  const unparsable = (s: Scenario) =>
    s.valuesFiles.some((f) => loaded.get(f)?.problems.some((p) => p.rule === gateRules.yamlParse));
  const lintMessages = new Map<PlanCell, Finding[]>();
  const cellFindings = new Map<Task, Finding[]>();

  const cellStatuses = new Map<Task, CheckStatus[]>();
  // Helm 3 and 4 render the same text for most scenarios: each distinct output of a chart is parsed once
  // (parsing is the largest part of this process's own work) and its objects, which no check modifies,
  // are shared by the cells that rendered it.
  const parsedOutputs = new Map<string, Map<string, ReturnType<typeof parseManifestDocuments>>>();
  const parseOnce = (chartAbs: string, manifest: string) => {
    const byText = parsedOutputs.get(chartAbs) ?? new Map();
    parsedOutputs.set(chartAbs, byText);
    const parsed = byText.get(manifest) ?? parseManifestDocuments(manifest, { chartDir: chartAbs, cwd });
    byText.set(manifest, parsed);
    return parsed;
  };
  // Lint repeats a render failure in its own words: keep render's, drop lint's template messages then.
  const lintKept = (cell: PlanCell): Finding[] => {
    const fs = lintMessages.get(cell) ?? [];
    return renderFailed.has(cell)
      ? fs.filter((f) => !/templates\//.test(f.file ?? "") && !/template/.test(f.message))
      : fs;
  };
  // What the phase reports (and each progress line counts): floe-gate.yaml's severity overrides and waivers
  // applied, one finding per cell (the report groups them across scenarios and helm majors). Helm 3 and 4
  // word render errors differently: at the same template line of a scenario both read as the first one.
  // `kept` receives every finding the policy keeps (the waivers' use is judged on them).
  const settle = (fs: readonly Finding[], kept?: Finding[]): Finding[] => {
    const wording = new Map<string, string>();
    const seen = new Set<string>();
    const out: Finding[] = [];
    for (const f of fs) {
      const p = applyPolicy(f, config, today);
      if (!p) continue;
      kept?.push(p);
      const msg = p.rule === gateRules.render && p.line ? "" : p.message;
      const key = JSON.stringify([p.rule, p.file, p.line, p.col, msg, p.chart, p.scenario, p.object]);
      const message = wording.get(key) ?? p.message;
      wording.set(key, message);
      const cellKey = JSON.stringify([key, p.helm]);
      if (seen.has(cellKey)) continue;
      seen.add(cellKey);
      out.push(message === p.message ? p : { ...p, message });
    }
    return out;
  };
  const runCell = async (task: Task) => {
    const { cell, kind } = task;
    // This cell's check statuses, reported in plan order like its findings.
    const mine: CheckStatus[] = [];
    cellStatuses.set(task, mine);
    const status = (rule: string, id: string, state: CheckState, ms?: number, reason?: string) =>
      statusInto(mine, rule, id, state, ms, reason);
    const { scenario: s, helm } = cell;
    const chart = chartOf.get(s)!;
    const base = { chart: s.chart.name, scenario: s.name, helm };
    const out: Finding[] = [];
    const compiled = schemas.get(chart);
    if (kind === "template") {
      // Merged values are what helm validates; their verdict differs between majors on nulls.
      // An invalid schema is reported once, at the schema file, by values-schema.
      if (compiled && "problem" in compiled) schemaFailed.add(cell);
      const subs = subSchemas.get(chart)!;
      if (subs.problems.length) schemaFailed.add(cell);
      if ((compiled && "validate" in compiled) || subs.any) {
        const values = scenarioValues.get(s)!;
        const ps = [
          ...(compiled && "validate" in compiled ? validateMerged(compiled.validate, values, helm) : []),
          ...subs.checkMerged(values, helm),
        ];
        for (const p of ps) {
          schemaFailed.add(cell);
          // Already reported by the per-file check at the same place.
          if (perFileSchema.has(schemaKey({ ...p.at, message: p.message }))) continue;
          out.push({ rule: gateRules.valuesSchema, severity: "error", message: p.message, ...p.at, ...base });
        }
        status(gateRules.valuesSchema, `values-schema ${s.chart.name}/${s.name} helm${helm}`, stateOf(out));
      }
      if (unparsable(s) || noDeps(s)) {
        const reason = noDeps(s)
          ? "the chart's dependencies are missing (see dependency)"
          : "a values file of the scenario is not valid YAML (see yaml-parse)";
        status(gateRules.render, `render ${s.chart.name}/${s.name} helm${helm}`, "skip", undefined, reason);
        for (const c of checks)
          status(c.rule, `${c.rule} ${s.chart.name}/${s.name} helm${helm}`, "skip", undefined, reason);
        cellFindings.set(task, out);
        finish(s);
        return;
      }
      const r = await helmRun(task);
      if (r.code !== 0) {
        renderFailed.add(cell);
        const m = parseRenderError(r.stderr, chart.abs, cwd);
        // A schema failure is already reported (at file:line) by values-schema; helm's copy is noise,
        // unless ajv found nothing: then helm's message is the finding.
        if (!(m.schema && schemaFailed.has(cell))) {
          out.push({
            rule: m.schema
              ? gateRules.valuesSchema
              : m.message.startsWith("rendered output is not valid YAML")
                ? gateRules.yamlParse
                : gateRules.render,
            severity: "error",
            message: m.schema ? `helm ${helm} rejects the values: ${m.message}` : m.message,
            ...(m.file ? { file: m.file, line: m.line ?? 1, ...(m.col ? { col: m.col } : {}) } : {}),
            ...base,
          });
        }
        status(gateRules.render, `render ${s.chart.name}/${s.name} helm${helm}`, "fail", r.durationMs);
        for (const c of checks)
          status(
            c.rule,
            `${c.rule} ${s.chart.name}/${s.name} helm${helm}`,
            "skip",
            undefined,
            "the chart did not render",
          );
      } else {
        status(gateRules.render, `render ${s.chart.name}/${s.name} helm${helm}`, "pass", r.durationMs);
        const parsed = parseOnce(chart.abs, r.stdout);
        for (const p of parsed.problems) {
          out.push({
            rule: p.rule,
            severity: "error",
            message: p.message,
            ...p.at,
            ...base,
            ...(p.object ? { object: p.object } : {}),
          });
        }
        status(
          gateRules.duplicateKey,
          `duplicate-key ${s.chart.name}/${s.name} helm${helm} rendered`,
          stateOf(out.filter((f) => f.rule === gateRules.duplicateKey)),
        );
        const rc: RenderCell = { scenario: s, helm, objects: parsed.objects, manifest: r.stdout };
        // helm test pods and the requirements they declare (floe.dev/covers): skipped here, run by a cluster phase.
        statuses.push(...gateTestPodStatuses(rc));
        type Outcome = { fs: Finding[]; ms: number } | { error: unknown; ms: number };
        const start = (c: Check): Promise<Outcome> => {
          const c0 = Date.now();
          try {
            const res = c.run(rc, checkCtx);
            if (Array.isArray(res)) return Promise.resolve({ fs: res, ms: Date.now() - c0 });
            return res.then(
              (fs) => ({ fs, ms: Date.now() - c0 }),
              (error: unknown) => ({ error, ms: Date.now() - c0 }),
            );
          } catch (error) {
            return Promise.resolve({ error, ms: Date.now() - c0 });
          }
        };
        // Checks that run a program (kubesec) start first: it runs while this process does the others.
        const outcomes = new Map<Check, Promise<Outcome>>();
        for (const c of [...checks].sort((a, b) => Number(!!b.runsProcess) - Number(!!a.runsProcess)))
          if (severityFor(config, c.rule) !== "off") outcomes.set(c, start(c));
        for (const c of checks) {
          const o = outcomes.get(c);
          if (!o) {
            status(c.rule, `${c.rule} ${s.chart.name}/${s.name} helm${helm}`, "skip");
            continue;
          }
          const res = await o;
          if ("fs" in res) {
            const fs = res.fs.map((f) => ({ ...base, ...f }));
            out.push(...fs);
            status(c.rule, `${c.rule} ${s.chart.name}/${s.name} helm${helm}`, stateOf(fs), res.ms);
          } else {
            const msg = `check ${c.rule} failed: ${(res.error as Error).message}`;
            out.push({ rule: c.rule, severity: "error", message: msg, ...base });
            status(c.rule, `${c.rule} ${s.chart.name}/${s.name} helm${helm}`, "error", res.ms, msg);
          }
        }
      }
    } else if (unparsable(s) || noDeps(s)) {
      status(
        gateRules.lint,
        `lint ${s.chart.name}/${s.name} helm${helm}`,
        "skip",
        undefined,
        noDeps(s)
          ? "the chart's dependencies are missing (see dependency)"
          : "a values file is not valid YAML",
      );
    } else {
      const r = await helmRun(task);
      const ms = parseLintOutput(r.stdout, chart.abs, cwd);
      const lint: Finding[] = [];
      for (const m of ms) {
        if (m.schema) continue; // values-schema reports these at file:line
        lint.push({
          rule: gateRules.lint,
          severity: m.severity,
          message: m.message,
          ...(m.file
            ? // Helm names the file but not always a line: line 1, so every finding reads file:line.
              { file: m.file, line: m.line ?? 1, ...(m.col ? { col: m.col } : {}) }
            : {}),
          ...base,
        });
      }
      if (r.code !== 0 && !ms.length) {
        lint.push({
          rule: gateRules.lint,
          severity: "error",
          message: `helm lint failed: ${(r.stderr || r.stdout).trim().split("\n")[0]}`,
          ...base,
        });
      }
      lintMessages.set(cell, lint);
      status(
        gateRules.lint,
        `lint ${s.chart.name}/${s.name} helm${helm}`,
        r.code === 0 ? "pass" : "fail",
        r.durationMs,
      );
    }
    cellFindings.set(task, out);
    finish(s);
  };

  await Promise.all(tasks.map(runCell));

  // Cells finish in any order; their findings are taken in plan order, so which of two equal findings is
  // kept below (helm 3's wording before helm 4's) never depends on timing.
  for (const t of tasks) all.push(...(cellFindings.get(t) ?? []));
  for (const t of tasks) statuses.push(...(cellStatuses.get(t) ?? []));
  all.push(...plan.cells.flatMap(lintKept));

  const kept: Finding[] = [];
  for (const f of settle(all, kept)) ctx.add(f);

  // Stale waivers: one that matched no finding of the whole run excuses nothing now. Only said when every
  // cell rendered and ran its checks (otherwise the finding it waives may simply not have been produced).
  const wsev = severityFor(config, gateRules.waiverUnused) ?? "warning";
  // Nor when the run checked only part of the charts or scenarios (--chart, --values): a waiver may be for
  // the rest.
  const complete =
    !plan.partial &&
    renderFailed.size === 0 &&
    depsMissing.size === 0 &&
    plan.cells.every((c) => !unparsable(c.scenario));
  if (wsev !== "off" && plan.partial && config.waivers.length)
    status(
      gateRules.waiverUnused,
      "waiver-unused",
      "skip",
      undefined,
      `only part of the plan ran: ${plan.partial}`,
    );
  if (wsev !== "off" && complete) {
    const stale = unusedWaivers(config.waivers, kept);
    for (const w of stale) {
      ctx.add({
        rule: gateRules.waiverUnused,
        severity: wsev,
        message: `waiver (rule ${w.rule}, object ${w.object}) matched no finding in this run: remove it, the problem it excused is gone (reason was: ${w.reason})`,
        ...(w.at ?? (config.file ? { file: config.file, line: 1 } : {})),
        object: w.object,
      });
    }
    if (config.waivers.length)
      status(
        gateRules.waiverUnused,
        "waiver-unused",
        stateOf(stale.map(() => ({ severity: wsev }) as Finding)),
      );
  }
  for (const s of statuses) ctx.check(s);
  ctx.output("charts", String(plan.charts.length));
  ctx.output("cells", String(plan.cells.length));
}
