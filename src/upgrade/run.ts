// `floe-helm upgrade-check`: for every chart x scenario x helm major of the gate's plan, render the base
// revision (a git ref, exported without touching the checkout, or a published chart) and this change with
// the same release name, namespace and values, and report what an upgrade between them would break:
// immutable fields the API server refuses, stateful objects deleted or renamed, Services renamed. Static:
// no cluster. ct's --upgrade needs one and skips when the old revision does not install; here a base that
// does not render is a warning naming the cell, never silence.
import { existsSync, realpathSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { HelmMajor, Inputs } from "../config/inputs.js";
import { UserError } from "../core/errors.js";
import type { CheckState, Finding } from "../core/findings.js";
import { relPosix } from "../core/paths.js";
import type { RenderedObject } from "../core/rendered.js";
import { forEachLimited } from "../exec/limiter.js";
import { runTool } from "../exec/runner.js";
import { helmTemplateArgv, NAMESPACE } from "../helm/argv.js";
import { prepareDependencies } from "../helm/deps.js";
import { parseManifest } from "../helm/manifest.js";
import { resolveConfig } from "../plan/config.js";
import { buildPlan, type PlannedChartMeta, readChartMeta } from "../plan/plan.js";
import type { GateConfig } from "../plan/types.js";
import { applyPolicy, requirementsCoveredBy, severityFor } from "../policy/apply.js";
import { type PhaseContext, reportSkippedCharts } from "../report/phase.js";
import { resolveTools } from "../tools/resolve.js";
import { parseYamlText } from "../values/yaml.js";
import { exportAtCommit, gitArgv, gitToplevel, resolveBase } from "./git.js";
import { hookRules, predictHookHazards } from "./hooks.js";
import { formatPath, predictImmutableChanges } from "./immutable.js";
import { predictRemovals, upgradeRules } from "./removals.js";
import { VERSION_RULE, versionProblem } from "./version.js";

/** Rule ids of this phase (README rule table). */
export const upgradeCheckRules = {
  immutableField: "upgrade/immutable-field",
  removedStateful: upgradeRules.removedStateful,
  renamedService: upgradeRules.renamedService,
  hookToObject: hookRules.hookToObject,
  objectToHook: hookRules.objectToHook,
  newChart: "upgrade/new-chart",
  baseValues: "upgrade/base-values",
  notChecked: "upgrade/not-checked",
  versionIncrement: VERSION_RULE,
} as const;

export interface UpgradeCheckOptions {
  cwd: string;
  /** Today, for waiver expiry (tests pin it). */
  now?: Date;
  parallelism?: number;
}

/** `helm show chart` of a packaged chart: its Chart.yaml (name and version of a --base-chart .tgz). */
export function helmShowChartArgv(bin: string, chart: string): string[] {
  return [bin, "show", "chart", chart];
}

/** The base of one chart: what helm renders, with which values files. */
export interface ChartBase {
  /** Chart folder or .tgz to render. */
  chart: string;
  /** The folder the base's `# Source:` paths are relative to (parseManifest's cwd). */
  cwd: string;
  /** The base chart's folder (or .tgz) as parseManifest should map templates. */
  chartDir: string;
  /** This change's values file (relative to cwd) -> the base's (absolute), or undefined: use this change's. */
  values: (file: string) => string | undefined;
  label: string;
}

const rel = relPosix;

/** The charts (and the values files of their scenarios) as they were at the base commit, exported under
 * `tmp`: each chart present there with its base, the rest (new in this change) in `missing`. `inTop` names a
 * path relative to the repository's top (git's realpath), as git does. Shared by upgrade-check and upgrade. */
export async function exportGitBases(
  top: string,
  rev: { commit: string; label: string },
  charts: readonly PlannedChartMeta[],
  cwd: string,
  tmp: string,
): Promise<{
  bases: Map<PlannedChartMeta, ChartBase>;
  missing: PlannedChartMeta[];
  inTop: (abs: string) => string;
}> {
  const inTop = (abs: string) => rel(top, existsSync(abs) ? realpathSync(abs) : abs);
  const inRepo = (abs: string) => !inTop(abs).startsWith("..");
  const valuesAbs = charts.flatMap((c) =>
    c.scenarios.flatMap((s) => s.valuesFiles.map((f) => path.resolve(cwd, f))),
  );
  const wanted = [...charts.map((c) => c.abs), ...valuesAbs].filter(inRepo).map(inTop);
  const dest = path.join(tmp, "base");
  const present = await exportAtCommit(top, rev.commit, wanted, dest);
  const bases = new Map<PlannedChartMeta, ChartBase>();
  const missing: PlannedChartMeta[] = [];
  for (const chart of charts) {
    const dir = path.join(dest, inTop(chart.abs));
    if (!present.has(inTop(chart.abs)) || !existsSync(path.join(dir, "Chart.yaml"))) {
      missing.push(chart);
      continue;
    }
    bases.set(chart, {
      chart: dir,
      cwd: dest,
      chartDir: dir,
      values: (f) => {
        const abs = path.resolve(cwd, f);
        return inRepo(abs) && present.has(inTop(abs)) ? path.join(dest, inTop(abs)) : undefined;
      },
      label: rev.label,
    });
  }
  return { bases, missing, inTop };
}

/** Objects without metadata.namespace live in the release namespace: one key for both spellings. */
const inRelease = (o: RenderedObject): RenderedObject => ({ ...o, namespace: o.namespace ?? NAMESPACE });

const firstError = (s: string) =>
  (s
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l.startsWith("Error:")) ??
    s.trim().split("\n")[0] ??
    "") ||
  "no output";

export async function publishedBase(
  file: string,
  plan: PlannedChartMeta[],
  helmBin: string,
  cwd: string,
): Promise<{ chart: PlannedChartMeta; base: ChartBase }> {
  const shown = rel(cwd, file);
  if (!existsSync(file))
    throw new UserError(`--base-chart not found: ${shown} (expected a chart folder or a .tgz)`);
  let name: string;
  let version: string;
  if (statSync(file).isDirectory()) {
    ({ name, version } = await readChartMeta(file, cwd));
  } else if (/\.tgz$/.test(file)) {
    const r = await runTool(helmShowChartArgv(helmBin, file), { cwd });
    if (r.code !== 0) {
      throw new UserError(`--base-chart ${shown} is not a packaged chart: ${firstError(r.stderr)}`);
    }
    const v = parseYamlText(r.stdout, shown).value as { name?: unknown; version?: unknown } | null;
    name = String(v?.name ?? "");
    version = String(v?.version ?? "");
  } else {
    throw new UserError(`--base-chart ${shown}: expected a chart folder or a packaged chart .tgz`);
  }
  const chart = plan.find((c) => c.meta.name === name);
  if (!chart) {
    throw new UserError(
      `--base-chart ${shown} is chart '${name}' ${version}, but the charts checked are ${plan.map((c) => `'${c.meta.name}'`).join(", ")}: pass --chart DIR for the chart it is a published version of`,
    );
  }
  return {
    chart,
    base: {
      chart: file,
      cwd,
      chartDir: file,
      values: () => undefined,
      label: `${name} ${version} (${shown})`,
    },
  };
}

export async function runUpgradeCheck(
  ctx: PhaseContext,
  inputs: Inputs,
  opts: UpgradeCheckOptions,
): Promise<void> {
  const { cwd } = opts;
  const today = (opts.now ?? new Date()).toISOString().slice(0, 10);
  if (inputs.upgradeBase && inputs.upgradeBaseChart) {
    throw new UserError("pass either --base (a git ref) or --base-chart (a published chart), not both");
  }
  const config = await resolveConfig(inputs, cwd);
  const plan = await buildPlan(config, inputs, cwd);
  reportSkippedCharts(ctx, plan.skipped);
  const tools = await resolveTools(
    inputs,
    config.helmMajors.map((m) => `helm${m}` as const),
  );
  const helmBin = (m: HelmMajor) => tools[`helm${m}`];
  const first = config.helmMajors[0]!;

  const all: Finding[] = [];
  const add = (f: Finding) => all.push(f);
  // Requirements of floe-gate.yaml proved by any upgrade rule (the report's coverage matrix).
  const covers = requirementsCoveredBy(config, Object.values(upgradeCheckRules));
  const status = (id: string, state: CheckState, reason?: string) =>
    ctx.check({
      id,
      rule: upgradeCheckRules.immutableField,
      state,
      ...(reason ? { reason } : {}),
      ...(covers.length ? { covers } : {}),
    });
  const chartYaml = (c: PlannedChartMeta) => ({ file: path.posix.join(c.info.dir, "Chart.yaml"), line: 1 });

  await mkdir(inputs.workDir, { recursive: true });
  const tmp = await mkdtemp(path.join(inputs.workDir, "upgrade-base-"));
  try {
    const bases = new Map<PlannedChartMeta, ChartBase>();
    if (inputs.upgradeBaseChart) {
      const { chart, base } = await publishedBase(inputs.upgradeBaseChart, plan.charts, helmBin(first), cwd);
      bases.set(chart, base);
      add({
        rule: upgradeCheckRules.baseValues,
        severity: "info",
        message: `the base is the published chart ${base.label}: it is rendered with this change's values files (as ct renders the old chart with the current ci values)`,
        ...chartYaml(chart),
        chart: chart.info.name,
      });
      for (const c of plan.charts.filter((c) => c !== chart))
        status(`upgrade ${c.info.name}`, "skip", `--base-chart is a version of ${chart.info.name}`);
    } else {
      const top = await gitToplevel(cwd);
      const rev = await resolveBase(top, inputs.upgradeBase, inputs.githubBaseRef);
      ctx.progress(`upgrade-check: base ${rev.label}`);
      ctx.output("base", rev.commit);
      const exported = await exportGitBases(top, rev, plan.charts, cwd, tmp);
      for (const chart of exported.missing) {
        add({
          rule: upgradeCheckRules.newChart,
          severity: "info",
          message: `chart ${chart.info.name} does not exist at the base (${rev.label}): it is installed fresh, there is nothing to upgrade from`,
          ...chartYaml(chart),
          chart: chart.info.name,
        });
        status(`upgrade ${chart.info.name}`, "skip", `new chart: not at ${rev.label}`);
      }
      for (const [chart, base] of exported.bases) {
        bases.set(chart, base);
        await checkVersionIncrement(ctx, add, config, {
          chart,
          baseDir: base.chartDir,
          commit: rev.commit,
          label: rev.label,
          top,
          inTop: exported.inTop(chart.abs),
          cwd,
        });
        // ct renders the old chart with the old ci values; a scenario new in this change has none.
        for (const f of new Set(chart.scenarios.flatMap((s) => s.valuesFiles))) {
          if (bases.get(chart)!.values(f)) continue;
          add({
            rule: upgradeCheckRules.baseValues,
            severity: "info",
            message: `${f} does not exist at the base (${rev.label}): the base chart is rendered with this change's ${path.basename(f)} instead (as ct renders the old chart with the current ci values)`,
            file: f,
            line: 1,
            chart: chart.info.name,
          });
        }
      }
    }

    // Dependencies of both sides, once per chart (src/helm/deps.ts builds into copies under the work dir).
    const renderDirs = new Map<PlannedChartMeta, { pr: string; base: string }>();
    for (const [chart, base] of bases) {
      const helm = { bin: helmBin(first), major: first };
      const pr = await prepareDependencies(chart.abs, cwd, helm, inputs.workDir);
      const b = statSync(base.chart).isDirectory()
        ? await prepareDependencies(base.chart, base.cwd, helm, inputs.workDir)
        : { dirAbs: base.chart, problems: [] };
      const problem = pr.problems[0] ?? b.problems[0];
      if (problem) {
        const side = pr.problems.length ? "this change" : `the base (${base.label})`;
        add({
          rule: upgradeCheckRules.notChecked,
          severity: "warning",
          message: `the dependencies of ${chart.info.name} at ${side} cannot be built (${problem.message}): the upgrade is not checked`,
          ...chartYaml(chart),
          chart: chart.info.name,
        });
        status(`upgrade ${chart.info.name}`, "skip", `dependencies of ${side} cannot be built`);
        continue;
      }
      renderDirs.set(chart, { pr: pr.dirAbs, base: b.dirAbs });
    }

    const cells = [...renderDirs.keys()].flatMap((chart) =>
      chart.scenarios.flatMap((scenario) => config.helmMajors.map((helm) => ({ chart, scenario, helm }))),
    );
    await forEachLimited(
      cells,
      opts.parallelism ?? os.availableParallelism(),
      async ({ chart, scenario: s, helm }) => {
        const base = bases.get(chart)!;
        const dirs = renderDirs.get(chart)!;
        const id = `upgrade ${chart.info.name}/${s.name} helm${helm}`;
        const where = { chart: chart.info.name, scenario: s.name, helm };
        const common = { bin: helmBin(helm), major: helm, kubeVersion: config.settings.kubeVersion };
        const [b, p] = await Promise.all([
          runTool(
            helmTemplateArgv({
              ...common,
              chartDir: dirs.base,
              valuesFiles: s.valuesFiles.map((f) => base.values(f) ?? path.resolve(cwd, f)),
            }),
            { cwd },
          ),
          runTool(helmTemplateArgv({ ...common, chartDir: dirs.pr, valuesFiles: s.valuesFiles }), { cwd }),
        ]);
        if (p.code !== 0 || b.code !== 0) {
          const message =
            p.code !== 0
              ? `helm ${helm} cannot render this change of ${chart.info.name} with scenario ${s.name} (the gate reports why: ${firstError(p.stderr)}): the upgrade is not checked`
              : `helm ${helm} cannot render the base (${base.label}) of ${chart.info.name} with scenario ${s.name} (${firstError(b.stderr)}): the upgrade from it is not checked`;
          add({
            rule: upgradeCheckRules.notChecked,
            severity: "warning",
            message,
            ...chartYaml(chart),
            ...where,
          });
          status(id, "skip", p.code !== 0 ? "this change does not render" : "the base does not render");
          return;
        }
        const before = parseManifest(b.stdout, { chartDir: base.chartDir, cwd: base.cwd }).map(inRelease);
        const after = parseManifest(p.stdout, { chartDir: chart.abs, cwd }).map(inRelease);
        const found: Finding[] = [];
        const prObject = (object: string) => after.find((o) => `${o.kind}/${o.name}` === object);
        for (const c of predictImmutableChanges(before, after)) {
          const at = prObject(c.object)?.locate(c.path) ?? chartYaml(chart);
          found.push({
            rule: upgradeCheckRules.immutableField,
            severity: "error",
            message: `${c.message} [upgrade from ${base.label}${c.message.includes(formatPath(c.path)) ? "" : `; first difference at ${formatPath(c.path)}`}]`,
            ...at,
            object: c.object,
            ...where,
          });
        }
        for (const h of predictRemovals(before, after)) {
          const at = h.next ? h.next.locate(["metadata", "name"]) : await removedAt(h.base, base, chart, cwd);
          found.push({
            rule: h.rule,
            severity: "warning",
            message: `${h.message} [upgrade from ${base.label}]`,
            ...at,
            object: h.object,
            ...where,
          });
        }
        for (const h of predictHookHazards(before, after)) {
          found.push({
            rule: h.rule,
            severity: h.severity,
            message: `${h.message} [upgrade from ${base.label}]`,
            ...h.next.locate(["metadata", "name"]),
            object: h.object,
            ...where,
          });
        }
        all.push(...found);
        status(id, found.some((f) => f.severity === "error") ? "fail" : "pass");
      },
    );
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  // Severity overrides and waivers of floe-gate.yaml, as the gate applies them; the same finding from
  // several scenarios or both majors is one finding (scenario / helm named only when one reports it).
  const seen = new Map<string, Finding>();
  for (const f of all) {
    if (severityFor(config, f.rule) === "off") continue;
    const p = applyPolicy(f, config, today);
    if (!p) continue;
    const key = JSON.stringify([p.rule, p.file, p.line, p.col, p.message, p.chart, p.object]);
    const prev = seen.get(key);
    if (!prev) {
      seen.set(key, p);
      continue;
    }
    if (prev.helm !== p.helm) delete prev.helm;
    if (prev.scenario !== p.scenario) delete prev.scenario;
  }
  for (const f of seen.values()) ctx.add(f);
  ctx.output("charts", String(plan.charts.length));
}

/** upgrade/version-increment of one chart against its base at a git commit (a check of its own). */
async function checkVersionIncrement(
  ctx: PhaseContext,
  add: (f: Finding) => void,
  config: GateConfig,
  c: {
    chart: PlannedChartMeta;
    baseDir: string;
    commit: string;
    label: string;
    top: string;
    inTop: string;
    cwd: string;
  },
): Promise<void> {
  const id = `version ${c.chart.info.name}`;
  const covers = requirementsCoveredBy(config, [VERSION_RULE]);
  const base = await readChartMeta(c.baseDir, c.cwd);
  const diff = await runTool(gitArgv.changedSince(c.commit, [c.inTop]), { cwd: c.top });
  if (diff.code !== 0) {
    ctx.check({
      id,
      rule: VERSION_RULE,
      state: "skip",
      reason: `git diff failed: ${firstError(diff.stderr)}`,
    });
    return;
  }
  const changed = diff.stdout.split("\0").filter(Boolean);
  const problem = versionProblem({
    chart: c.chart.info.name,
    version: c.chart.meta.version,
    baseVersion: base.version,
    changed,
    baseLabel: c.label,
  });
  if (problem) {
    const file = path.posix.join(c.chart.info.dir, "Chart.yaml");
    const text = await readFile(path.resolve(c.cwd, file), "utf8");
    const at = parseYamlText(text, file).positionOf(["version"]) ?? { file, line: 1 };
    add({ rule: VERSION_RULE, severity: "error", message: problem, ...at, chart: c.chart.info.name });
  }
  ctx.check({
    id,
    rule: VERSION_RULE,
    state: problem ? "fail" : changed.length ? "pass" : "skip",
    ...(problem || changed.length ? {} : { reason: `no file of the chart changed since ${c.label}` }),
    ...(covers.length ? { covers } : {}),
  });
}

/** Where a removed object is reported: its template in this change when the file is still there (at its
 * `kind:` line), else the chart's Chart.yaml, naming the base template. */
async function removedAt(
  o: RenderedObject,
  base: ChartBase,
  chart: PlannedChartMeta,
  cwd: string,
): Promise<{ file: string; line: number }> {
  const inChart = path.relative(base.chartDir, path.resolve(base.cwd, o.template));
  const pr = path.join(chart.abs, inChart);
  if (!inChart.startsWith("..") && existsSync(pr) && statSync(pr).isFile()) {
    const lines = (await readFile(pr, "utf8")).split(/\r?\n/);
    const i = lines.findIndex((l) => new RegExp(`^kind:\\s*["']?${o.kind}["']?\\s*$`).test(l));
    return { file: rel(cwd, pr), line: i >= 0 ? i + 1 : 1 };
  }
  return { file: path.posix.join(chart.info.dir, "Chart.yaml"), line: 1 };
}
