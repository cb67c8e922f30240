// The plan: which charts, which scenarios (values files per environment), which helm majors. Charts come
// from --chart, else floe-gate.yaml, else every folder under charts/ with a Chart.yaml; scenarios from
// --values, else the config, else values-*.yaml and ci/*-values.yaml beside the chart. A library chart
// (`type: library`, e.g. charts/floe-common) is left out with its reason: helm cannot render, lint a
// scenario of or install it on its own; the charts that depend on it render its helpers.
import { existsSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Inputs } from "../config/inputs.js";
import { UserError } from "../core/errors.js";
import { relPosix } from "../core/paths.js";
import type { ChartInfo, Scenario, ScenarioPlatform } from "../core/rendered.js";
import { parseYamlText } from "../values/yaml.js";
import type { GateConfig, Plan, PlannedChart, ScenarioConfig } from "./types.js";

export interface Dependency {
  name: string;
  alias?: string;
  condition?: string;
  tags?: string[];
  /** Where helm fetches it: `file://../floe-common` for a chart of the same repository. */
  repository?: string;
}

export interface ChartMeta {
  name: string;
  version: string;
  /** Chart.yaml's `type`: "application" (also when absent) or "library". */
  type: string;
  dependencies: Dependency[];
}

const rel = relPosix;

/** Reads Chart.yaml; a folder without one is a usage error (it is not a chart). */
export async function readChartMeta(dirAbs: string, cwd: string): Promise<ChartMeta> {
  const file = path.join(dirAbs, "Chart.yaml");
  const shown = rel(cwd, dirAbs);
  if (!existsSync(dirAbs) || !statSync(dirAbs).isDirectory()) {
    throw new UserError(`chart folder not found: ${shown}`);
  }
  if (!existsSync(file)) {
    throw new UserError(`${shown} is not a Helm chart: Chart.yaml is missing (expected ${rel(cwd, file)})`);
  }
  const y = parseYamlText(await readFile(file, "utf8"), rel(cwd, file));
  const bad = y.problems[0];
  if (bad) throw new UserError(`${bad.rule}: ${bad.message}`, bad.at);
  const v = (y.value ?? {}) as { name?: unknown; version?: unknown; type?: unknown; dependencies?: unknown };
  if (typeof v.name !== "string" || v.name === "") {
    throw new UserError("Chart.yaml has no 'name'", y.positionOf([]) ?? { file: rel(cwd, file), line: 1 });
  }
  const deps = Array.isArray(v.dependencies) ? (v.dependencies as Dependency[]) : [];
  return {
    name: v.name,
    version: typeof v.version === "string" ? v.version : String(v.version ?? ""),
    type: typeof v.type === "string" && v.type ? v.type : "application",
    dependencies: deps.filter((d) => d && typeof d.name === "string"),
  };
}

/** Environment a scenario stands for, guessed from its name (prod-only rules use it). */
export function environmentOf(name: string): string | undefined {
  const n = name.toLowerCase();
  for (const [env, re] of [
    ["prod", /prod/],
    ["staging", /stag/],
    ["test", /test/],
    ["dev", /dev|local/],
  ] as const) {
    if (re.test(n)) return env;
  }
  return undefined;
}

/** values-*.yaml beside Chart.yaml and ci/*-values.yaml: the scenarios found without configuration. */
export async function discoverScenarioFiles(dirAbs: string): Promise<Array<{ name: string; file: string }>> {
  const out: Array<{ name: string; file: string }> = [];
  const list = async (d: string) => (await readdir(d).catch(() => [] as string[])).sort();
  for (const f of await list(dirAbs)) {
    const m = /^values-(.+)\.ya?ml$/.exec(f);
    if (m) out.push({ name: m[1]!, file: path.join(dirAbs, f) });
  }
  for (const f of await list(path.join(dirAbs, "ci"))) {
    const m = /^(.+-values)\.ya?ml$/.exec(f);
    if (m) out.push({ name: `ci/${m[1]}`, file: path.join(dirAbs, "ci", f) });
  }
  return out;
}

/** The folders directly under `root` that hold a Chart.yaml, sorted (none when `root` does not exist). */
export async function chartFoldersUnder(root: string): Promise<string[]> {
  const names = (await readdir(root).catch(() => [] as string[])).sort();
  return names.map((n) => path.join(root, n)).filter((d) => existsSync(path.join(d, "Chart.yaml")));
}

const discoverCharts = (cwd: string) => chartFoldersUnder(path.join(cwd, "charts"));

function requireFile(abs: string, cwd: string, what: string): string {
  if (!existsSync(abs)) throw new UserError(`${what} not found: ${rel(cwd, abs)}`);
  if (!statSync(abs).isFile()) throw new UserError(`${what} is not a file: ${rel(cwd, abs)}`);
  return rel(cwd, abs);
}

export interface PlannedChartMeta extends PlannedChart {
  meta: ChartMeta;
  /** Path of values.schema.json relative to cwd, when the chart has one. */
  schemaFile?: string;
}

/** Why a plan checks less than floe-gate.yaml (or the charts/ folder) would: --values replaced the
 * scenarios, --scenario chose some, or --chart named only some of the charts. Undefined for a whole run. */
async function partialReason(config: GateConfig, inputs: Inputs, cwd: string): Promise<string | undefined> {
  if (inputs.valuesFiles.length || inputs.chartValues.length) return "--values replaced the scenarios";
  if (inputs.scenarios.length) return `--scenario chose ${inputs.scenarios.join(", ")}`;
  if (!inputs.charts.length) return undefined;
  const all = config.charts.length
    ? config.charts.map((c) => path.resolve(cwd, c.dir))
    : await discoverCharts(cwd);
  const named = new Set(inputs.charts.map((c) => path.resolve(cwd, c)));
  const left = all.filter((d) => !named.has(d));
  return left.length ? `--chart left out ${left.map((d) => rel(cwd, d)).join(", ")}` : undefined;
}

/** A chart the plan leaves out, and why (e.g. it has no scenario of the name --scenario asked for). */
export interface SkippedChart {
  info: ChartInfo;
  reason: string;
  /** A library chart: nothing of it renders or installs on its own. */
  library?: boolean;
}

/** Why a library chart is not planned, naming the charts of the run that depend on it. */
export function libraryReason(dependents: string[]): string {
  return `library chart (type: library): helm cannot render or install it on its own; ${
    dependents.length
      ? `its helpers are checked through ${dependents.join(", ")}, which depend on it`
      : "no chart of this run depends on it, so nothing checks its helpers"
  }`;
}

/** Whether scenario `found` (a config name, `values-NAME.yaml`'s NAME or `ci/NAME-values`) is the one
 * `--scenario wanted` asks for: `test` selects `values-test.yaml` and `ci/test-values.yaml`. */
export function scenarioMatches(found: string, wanted: string): boolean {
  return found === wanted || found === `ci/${wanted}-values`;
}

/** The scenarios of one chart the run covers: its own --values (CHART=FILE), else the --values every chart
 * shares, else its config or discovered scenarios, narrowed to --scenario's names. */
async function chartScenarios(
  info: ChartInfo,
  abs: string,
  config: GateConfig,
  inputs: Inputs,
  cwd: string,
  /** Resolve each declared scenario's `platform` (false while resolving a platform: one level only). */
  platforms = true,
): Promise<Scenario[]> {
  const own = inputs.chartValues.filter((v) => v.chart === abs).map((v) => v.file);
  const files = own.length ? own : inputs.valuesFiles;
  if (files.length) {
    const shown = files.map((f) => requireFile(f, cwd, "values file"));
    const name = shown.map((f) => path.basename(f).replace(/\.ya?ml$/, "")).join("+");
    return [{ chart: info, name, valuesFiles: shown, ...envOf(name) }];
  }
  // --chart narrows the charts, not what floe-gate.yaml says of a chart (its declared scenarios).
  const fromConfig = config.charts.find((c) => path.resolve(cwd, c.dir) === abs);
  let all: Scenario[];
  const discovered = async (): Promise<Scenario[]> => {
    const found = await discoverScenarioFiles(abs);
    return found.map((s) => ({
      chart: info,
      name: s.name,
      valuesFiles: [rel(cwd, s.file)],
      ...envOf(s.name),
    }));
  };
  if (fromConfig?.scenarios) {
    const declared: Scenario[] = [];
    for (const s of fromConfig.scenarios) {
      const platform =
        platforms && s.platform && (await resolvePlatform(info, s.name, s.platform, config, inputs, cwd));
      declared.push({
        chart: info,
        name: s.name,
        valuesFiles: s.values.map((f) =>
          requireFile(
            path.resolve(cwd, f),
            cwd,
            `values file of scenario '${s.name}' (${config.file ?? "config"})`,
          ),
        ),
        ...(s.environment ? { environment: s.environment } : envOf(s.name)),
        ...(platform ? { platform } : {}),
      });
    }
    const names = new Set(declared.map((s) => s.name));
    all = fromConfig.discover
      ? [...(await discovered()).filter((s) => !names.has(s.name)), ...declared]
      : declared;
  } else {
    const found = await discovered();
    all = found.length ? found : [{ chart: info, name: "default", valuesFiles: [] }];
  }
  if (!inputs.scenarios.length) return all;
  return all.filter((s) => inputs.scenarios.some((w) => scenarioMatches(s.name, w)));
}

/** A scenario's `platform` (floe-gate.yaml): the chart must be one of the config's charts and have the
 * scenario named (declared or found, whatever --chart, --scenario or --values choose for the run). */
async function resolvePlatform(
  own: ChartInfo,
  ownScenario: string,
  p: NonNullable<ScenarioConfig["platform"]>,
  config: GateConfig,
  inputs: Inputs,
  cwd: string,
): Promise<ScenarioPlatform> {
  const where = `scenario '${ownScenario}' of ${own.dir}: platform`;
  const abs = path.resolve(cwd, p.chart);
  if (!config.charts.some((c) => path.resolve(cwd, c.dir) === abs)) {
    throw new UserError(
      `${where} chart ${p.chart} is not one of the charts listed (${config.charts.map((c) => c.dir).join(", ")})`,
      p.at,
    );
  }
  if (abs === path.resolve(cwd, own.dir)) throw new UserError(`${where} names its own chart`, p.at);
  const chained = config.charts
    .find((c) => path.resolve(cwd, c.dir) === abs)
    ?.scenarios?.find((s) => s.name === p.scenario)?.platform;
  if (chained) {
    throw new UserError(
      `${where} ${p.chart}/${p.scenario} names a platform itself (${chained.chart}/${chained.scenario}): one level only`,
      p.at,
    );
  }
  const meta = await readChartMeta(abs, cwd);
  const info = { name: meta.name, version: meta.version, dir: rel(cwd, abs) };
  const whole = { ...inputs, scenarios: [], valuesFiles: [], chartValues: [] };
  const all = await chartScenarios(info, abs, config, whole, cwd, false);
  const scenario = all.find((s) => s.name === p.scenario);
  if (!scenario) {
    throw new UserError(
      `${where} scenario '${p.scenario}' is not a scenario of ${info.dir} (it has: ${all.map((s) => s.name).join(", ")})`,
      p.at,
    );
  }
  return { scenario, release: p.release };
}

/** The plan as the phases use it; nothing changes it once buildPlan returns it (what a stage computes from
 * it, such as a chart's compiled values schema, is part of that stage's result). */
export interface GatePlan extends Plan {
  charts: PlannedChartMeta[];
  skipped: SkippedChart[];
  /** Why the run checks only part of the charts or scenarios (undefined: all of them). */
  partial?: string;
}

export interface PlanOptions {
  /** The gate lints library charts (helm lint --strict, Chart.yaml, YAML style): a run of libraries only is
   * a plan without cells there, not a usage error (the PR gate's matrix job of a changed library). */
  librariesAlone?: boolean;
}

export async function buildPlan(
  config: GateConfig,
  inputs: Inputs,
  cwd: string,
  opts: PlanOptions = {},
): Promise<GatePlan> {
  let dirs: string[];
  if (inputs.charts.length) dirs = inputs.charts;
  else if (config.charts.length) dirs = config.charts.map((c) => path.resolve(cwd, c.dir));
  else {
    dirs = await discoverCharts(cwd);
    if (!dirs.length) {
      throw new UserError(
        `no charts to check: no folder under ${rel(cwd, path.join(cwd, "charts"))}/ holds a Chart.yaml (pass --chart DIR or list charts in floe-gate.yaml)`,
      );
    }
  }
  // A CHART=FILE value for a chart the run does not cover would silently do nothing.
  for (const v of inputs.chartValues) {
    if (!dirs.includes(v.chart)) {
      throw new UserError(
        `--values ${rel(cwd, v.chart)}=${rel(cwd, v.file)}: ${rel(cwd, v.chart)} is not one of the charts this run covers (${dirs.map((d) => rel(cwd, d)).join(", ")})`,
      );
    }
  }
  const charts: PlannedChartMeta[] = [];
  const skipped: SkippedChart[] = [];
  const available = new Map<string, string[]>();
  const metas = new Map<string, ChartMeta>();
  for (const abs of dirs) metas.set(abs, await readChartMeta(abs, cwd));
  for (const abs of dirs) {
    const meta = metas.get(abs)!;
    const dir = rel(cwd, abs);
    const schemaAbs = path.join(abs, "values.schema.json");
    const info = { name: meta.name, version: meta.version, dir };
    if (meta.type === "library") {
      const dependents = dirs.filter((d) => metas.get(d)!.dependencies.some((x) => x.name === meta.name));
      skipped.push({
        info,
        reason: libraryReason(dependents.map((d) => rel(cwd, d))),
        library: true,
      });
      continue;
    }
    const scenarios = await chartScenarios(info, abs, config, inputs, cwd);
    if (!scenarios.length) {
      const names = (await chartScenarios(info, abs, config, { ...inputs, scenarios: [] }, cwd)).map(
        (s) => s.name,
      );
      available.set(dir, names);
      skipped.push({
        info,
        reason: `no scenario ${inputs.scenarios.map((n) => `'${n}'`).join(" or ")} in ${dir} (it has: ${names.join(", ")})`,
      });
      continue;
    }
    charts.push({
      info,
      abs,
      scenarios,
      meta,
      ...(existsSync(schemaAbs) ? { schemaFile: rel(cwd, schemaAbs) } : {}),
    });
  }
  if (!charts.length && skipped.length && skipped.every((s) => s.library) && !opts.librariesAlone) {
    throw new UserError(
      `no chart to check: ${skipped.map((s) => s.info.dir).join(", ")} ${skipped.length > 1 ? "are library charts" : "is a library chart"} (type: library), which helm cannot render or install on its own: check the charts that depend on ${skipped.length > 1 ? "them" : "it"} (--chart DIR)`,
    );
  }
  if (!charts.length && skipped.some((s) => !s.library)) {
    // Every chart skipped is a misspelt name far more often than a plan with nothing to do.
    throw new UserError(
      `--scenario ${inputs.scenarios.join(", ")}: no chart has such a scenario (${[...available].map(([d, n]) => `${d}: ${n.join(", ")}`).join("; ")})`,
    );
  }
  const cells = charts.flatMap((c) =>
    c.scenarios.flatMap((scenario) => config.helmMajors.map((helm) => ({ scenario, helm }))),
  );
  const partial = await partialReason(config, inputs, cwd);
  return { charts, skipped, cells, ...(partial ? { partial } : {}) };
}

function envOf(name: string): { environment?: string } {
  const e = environmentOf(name);
  return e ? { environment: e } : {};
}
