// Which charts a change touches, against a base revision (the pull request's merge base): the files git
// says differ, mapped onto the charts of the plan (src/plan: --chart, else floe-gate.yaml's, else every
// chart under charts/). A chart is changed when a file under its folder or one of its scenarios' values
// files (wherever floe-gate.yaml puts them) changed; a chart that depends on a changed chart (Chart.yaml
// `file://` dependencies, transitively, e.g. on a library) is changed too; every chart is when floe-gate.yaml,
// a values file every chart uses, the action itself or a workflow (which pins the action's ref) changed.
// Pure over its inputs (the changed files and the charts read from disk): tests/changed/ drives it through
// real git repositories.
import { existsSync } from "node:fs";
import path from "node:path";
import type { HelmMajor, Inputs } from "../config/inputs.js";
import { UserError } from "../core/errors.js";
import { relPosix } from "../core/paths.js";
import { matchesWildcard } from "../core/wildcard.js";
import { runTool } from "../exec/runner.js";
import { resolveConfig } from "../plan/config.js";
import { type ChartMeta, chartFoldersUnder, readChartMeta } from "../plan/plan.js";
import type { GateConfig } from "../plan/types.js";
import { type BaseRevision, checkRef, gitArgv, resolveBase, resolveCommit } from "../upgrade/git.js";

/** Files whose change makes every chart changed, besides floe-gate.yaml and the shared values files:
 * patterns (`*` matches any run of characters, `/` too) relative to the working directory. */
export const DEFAULT_ALL_WHEN = [
  // The action itself, when the repository is floe helm-action (its own charts).
  "action.yml",
  "action.yaml",
  // A caller's workflows: where the floe helm-action ref is pinned (a new pin re-checks every chart).
  ".github/workflows/*",
] as const;

export interface ChangedChart {
  /** Chart folder relative to the working directory (POSIX). */
  dir: string;
  /** Chart.yaml name. */
  name: string;
  /** A name usable in artifact and job names: the folder with `/` as `-`. */
  id: string;
  /** `type: library`: the gate lints it; nothing installs it (cluster jobs skip it). */
  library: boolean;
  /** Whether cluster jobs (install tests, live upgrade) run for it: an application chart that asks. */
  cluster: boolean;
  /** Why it is in the set, one line each. */
  reasons: string[];
}

export interface ChangeSet {
  /** The base compared with (undefined with --all). */
  base?: BaseRevision;
  /** Files that differ from the base, relative to the working directory. */
  files: string[];
  /** Why every chart is in the set (floe-gate.yaml changed, --all...), when it is. */
  all?: string;
  /** Every changed chart, in the plan's order. */
  charts: ChangedChart[];
  /** Helm majors of the run (--helm, else floe-gate.yaml, else both). */
  helm: HelmMajor[];
  /** Whether the e2e phase (floe-gate.yaml `e2e`) involves a changed chart or one of its values files. */
  e2e: boolean;
}

export interface DetectOptions {
  cwd: string;
  /** --base: a git ref; undefined: the merge base with origin/$GITHUB_BASE_REF. */
  base?: string;
  /** --all: every chart, no git needed (a push, a schedule, a manual run). */
  all?: boolean;
  /** --cluster-chart: the charts that ask for cluster jobs (absolute); empty: every application chart. */
  clusterCharts?: string[];
  /** --all-when: more patterns whose change makes every chart changed. */
  allWhen?: string[];
}

interface KnownChart {
  abs: string;
  dir: string;
  meta: ChartMeta;
  /** Absolute folders of its `file://` dependencies. */
  localDeps: string[];
}

const firstLine = (s: string) => s.trim().split("\n")[0] ?? "";

/** The top folder of the git work tree holding `cwd`; one usage error when there is none. */
async function toplevel(cwd: string): Promise<string> {
  const r = await runTool(gitArgv.toplevel(), { cwd });
  if (r.code !== 0) {
    throw new UserError(
      `change detection needs a git repository, and ${cwd} is not inside one (git: ${firstLine(r.stderr)}); pass --all to check every chart`,
    );
  }
  return r.stdout.trim();
}

/** --base as given, else the merge base with origin/$GITHUB_BASE_REF, else a usage error. */
async function baseOf(top: string, base: string | undefined, githubBaseRef: string | undefined) {
  if (base !== undefined) {
    const commit = await resolveCommit(top, checkRef(base, "--base"), "--base (FLOE_HELM_CHANGED_BASE)");
    return { commit, label: `${base} ${commit.slice(0, 7)}` };
  }
  if (githubBaseRef) return resolveBase(top, undefined, githubBaseRef);
  throw new UserError(
    "changed needs a base to compare with: pass --base REF (e.g. origin/main; env FLOE_HELM_CHANGED_BASE), run in a pull_request workflow (the merge base with GITHUB_BASE_REF), or pass --all for every chart",
  );
}

/** Files that differ between `commit` and the work tree (tracked files), relative to `cwd`. */
async function changedFiles(top: string, commit: string, cwd: string): Promise<string[]> {
  const r = await runTool(gitArgv.changedSince(commit, ["."]), { cwd: top });
  if (r.code !== 0) throw new UserError(`git diff ${commit.slice(0, 7)} failed: ${firstLine(r.stderr)}`);
  return r.stdout
    .split("\0")
    .filter(Boolean)
    .map((f) => relPosix(cwd, path.join(top, f)))
    .sort();
}

/** The charts of the run, as the plan finds them: --chart, else floe-gate.yaml's, else charts/<name>/. */
async function knownCharts(config: GateConfig, inputs: Inputs, cwd: string): Promise<KnownChart[]> {
  const dirs = inputs.charts.length
    ? inputs.charts
    : config.charts.length
      ? config.charts.map((c) => path.resolve(cwd, c.dir))
      : await chartFoldersUnder(path.join(cwd, "charts"));
  const out: KnownChart[] = [];
  for (const abs of dirs) {
    const meta = await readChartMeta(abs, cwd);
    const localDeps = meta.dependencies
      .map((d) => d.repository)
      .filter((r): r is string => typeof r === "string" && r.startsWith("file://"))
      .map((r) => path.resolve(abs, r.slice("file://".length)));
    out.push({ abs, dir: relPosix(cwd, abs), meta, localDeps });
  }
  return out;
}

const under = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);

/** At most three names, then how many more. */
function some(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(", ");
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}

/** The changed charts; `files` relative to `cwd`. Exported for the table tests. */
export function classify(
  files: readonly string[],
  charts: readonly KnownChart[],
  config: GateConfig,
  inputs: Inputs,
  opts: DetectOptions,
): Pick<ChangeSet, "all" | "charts" | "e2e"> {
  const { cwd } = opts;
  const changed = new Set(files);
  const reasons = new Map<string, string[]>(charts.map((c) => [c.abs, []]));
  const add = (abs: string, why: string) => reasons.get(abs)?.push(why);

  // Every chart: floe-gate.yaml, values every chart shares, the action, a workflow, --all-when.
  const allWhy: string[] = [];
  if (opts.all) allWhy.push("--all");
  if (config.file && changed.has(relPosix(cwd, path.resolve(cwd, config.file))))
    allWhy.push(`${config.file} changed`);
  const shared = inputs.valuesFiles.map((f) => relPosix(cwd, f)).filter((f) => changed.has(f));
  if (shared.length) allWhy.push(`values for every chart changed: ${some(shared)}`);
  const builtIn: string[] = [...DEFAULT_ALL_WHEN];
  // dist/ is the action's code only in the action's own repository.
  if (existsSync(path.join(cwd, "action.yml"))) builtIn.push("dist/*");
  const matching = (patterns: readonly string[]) =>
    files.filter((f) => patterns.some((p) => matchesWildcard(p, f)));
  const action = matching(builtIn);
  if (action.length) allWhy.push(`${some(action)} changed (the action, or a workflow that pins its ref)`);
  const asked = matching(opts.allWhen ?? []).filter((f) => !action.includes(f));
  if (asked.length) allWhy.push(`${some(asked)} changed (--all-when)`);
  const all = allWhy.length ? allWhy.join("; ") : undefined;

  // Files under a chart's folder.
  for (const c of charts) {
    const own = files.filter((f) => under(f, c.dir));
    if (own.length) add(c.abs, `changed: ${some(own)}`);
  }
  // Values files of its declared scenarios, wherever they live (scenarios/kind-local/...).
  for (const cc of config.charts) {
    const abs = path.resolve(cwd, cc.dir);
    for (const s of cc.scenarios ?? []) {
      const hit = s.values
        .map((f) => relPosix(cwd, path.resolve(cwd, f)))
        .filter((f) => changed.has(f) && !under(f, relPosix(cwd, abs)));
      if (hit.length) add(abs, `values of scenario '${s.name}' changed: ${some(hit)}`);
    }
  }
  // Dependents, transitively: a file:// dependency that is a changed chart, or any folder with a changed file.
  const direct = new Set(charts.filter((c) => reasons.get(c.abs)!.length).map((c) => c.abs));
  const isChanged = (abs: string) => direct.has(abs) || files.some((f) => under(f, relPosix(cwd, abs)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of charts) {
      if (direct.has(c.abs)) continue;
      const dep = c.localDeps.find(isChanged);
      if (dep) {
        const name = charts.find((k) => k.abs === dep)?.dir ?? relPosix(cwd, dep);
        add(c.abs, `depends on ${name} (file://), which changed`);
        direct.add(c.abs);
        grew = true;
      }
    }
  }
  const wanted = opts.clusterCharts ?? [];
  for (const a of wanted) {
    if (!charts.some((c) => c.abs === a)) {
      throw new UserError(
        `--cluster-chart ${relPosix(cwd, a)} is not one of the charts (${charts.map((c) => c.dir).join(", ")})`,
      );
    }
  }
  const out: ChangedChart[] = [];
  for (const c of charts) {
    const why = reasons.get(c.abs)!;
    if (all) why.unshift(`every chart: ${all}`);
    if (!why.length) continue;
    const library = c.meta.type === "library";
    out.push({
      dir: c.dir,
      name: c.meta.name,
      id: c.dir.replace(/^(\.\.\/)+/, "").replace(/[^A-Za-z0-9._-]+/g, "-"),
      library,
      cluster: !library && (!wanted.length || wanted.includes(c.abs)),
      reasons: why,
    });
  }

  const e2e = config.e2e;
  const e2eFiles = e2e
    ? [...e2e.platform.values, ...e2e.platform.objects, ...e2e.product.values].map((f) =>
        relPosix(cwd, path.resolve(cwd, f)),
      )
    : [];
  const e2eCharts = e2e ? [e2e.platform.chart, e2e.product.chart].map((d) => path.resolve(cwd, d)) : [];
  const e2eTouched =
    !!e2e &&
    (all !== undefined ||
      e2eFiles.some((f) => changed.has(f)) ||
      out.some((c) => e2eCharts.includes(path.resolve(cwd, c.dir))));
  return { ...(all ? { all } : {}), charts: out, e2e: e2eTouched };
}

export async function detectChanges(inputs: Inputs, opts: DetectOptions): Promise<ChangeSet> {
  const { cwd } = opts;
  const config = await resolveConfig(inputs, cwd);
  const charts = await knownCharts(config, inputs, cwd);
  let base: BaseRevision | undefined;
  let files: string[] = [];
  if (!opts.all) {
    const top = await toplevel(cwd);
    base = await baseOf(top, opts.base, inputs.githubBaseRef);
    files = await changedFiles(top, base.commit, cwd);
  }
  const got = classify(files, charts, config, inputs, opts);
  return { ...(base ? { base } : {}), files, helm: config.helmMajors, ...got };
}
