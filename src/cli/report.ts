// `floe-helm report` at work (its options: src/report/command.ts): every phase's results (or several jobs' merged) ->
// the coverage matrix and its verdict, the terminal report, the job summary, SARIF and the step outputs.
import path from "node:path";
import type { Inputs } from "../config/inputs.js";
import { listFromEnv } from "../config/inputs.js";
import { describeError, ExitCode, UserError } from "../core/errors.js";
import { FLOE_HELM_VERSION } from "../core/version.js";
import type { GateConfig } from "../plan/types.js";
import { type CoverageMatrix, coverageFindings, coverageMatrix } from "../report/coverage.js";
import { groupFindings } from "../report/findings.js";
import { reportOutputs } from "../report/outputs.js";
import { DEFAULT_FAIL_ON, PRIORITIES, type Priority } from "../report/requirements.js";
import type { Finding, PhaseResults } from "../report/results.js";
import { readAllResults, statusOf } from "../report/results.js";
import { sourceLinks } from "../report/summary/findings.js";
import { type SummaryInput, summaryMarkdownOf, summaryText } from "../report/summary/index.js";
import type { Io } from "./options.js";

const linksOf = (env: NodeJS.ProcessEnv) => {
  const links = sourceLinks(env);
  return links ? { links } : {};
};

export interface ReportFlags {
  summary?: string;
  sarif?: string;
  merge?: string[];
  coverageFailOn?: string;
}

export async function runReport(inputs: Inputs, io: Io, flags: ReportFlags): Promise<ExitCode> {
  // The Actions toolkit (and its HTTP client) loads only for the commands that use it.
  const { annotate, setOutputs, writeJobSummary } = await import("../report/github.js");
  const merge = flags.merge?.length ? flags.merge : listFromEnv(io.env.FLOE_HELM_MERGE);
  const sarif = flags.sarif || io.env.FLOE_HELM_SARIF || undefined;
  const all = await readResults(merge, inputs.workDir, io).catch((e: unknown) => {
    if (inputs.githubActions) setOutputs(reportOutputs(ExitCode.BadInput, undefined));
    throw e;
  });
  // The report runs even after the gate failed on a bad floe-gate.yaml: the matrix then lists only what
  // the results files name, and says why.
  let config: GateConfig | undefined;
  try {
    const { resolveConfig } = await import(/* webpackMode: "eager" */ "../plan/config.js");
    config = await resolveConfig(inputs, io.cwd);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    io.err(`floe-helm: warning: coverage without floe-gate.yaml requirements: ${describeError(e)}`);
  }
  const coverage = coverageMatrix(all, config?.coverage.requirements ?? {});
  const failOn = parseFailOn(flags.coverageFailOn || io.env.FLOE_HELM_COVERAGE_FAIL_ON || undefined) ??
    config?.coverage.failOn ?? [...DEFAULT_FAIL_ON];
  // A phase that could not run (bad input, a tool that failed) already fails the run with its one error;
  // what it would have covered is not judged on top of it.
  const stopped = all.filter((r) => r.status === "error").map((r) => r.phase);
  const verdict = config && !stopped.length ? await judgeCoverage(config, coverage, failOn) : undefined;
  const summary: SummaryInput = {
    all,
    coverage,
    ...(verdict ? { verdict: { findings: verdict, failOn } } : {}),
    integrations: config?.coverage.integrations ?? [],
    stopped,
  };
  const md = summaryMarkdownOf({ ...summary, ...linksOf(io.env) });
  if (inputs.githubActions) {
    setOutputs({ "results-dir": inputs.workDir });
    if (io.env.GITHUB_STEP_SUMMARY) await writeJobSummary(md);
  }
  if (flags.summary) {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(flags.summary, md);
  }
  // Every run ends here: the SARIF file and the verdict and coverage outputs.
  const finish = async (code: ExitCode): Promise<ExitCode> => {
    if (sarif && all.length) await writeSarif(sarif, [...all, ...reportFindings(verdict)], io);
    if (inputs.githubActions)
      setOutputs({
        ...reportOutputs(code, coverage),
        ...(sarif && all.length ? { sarif } : {}),
      });
    return code;
  };
  if (all.length === 0) {
    io.err(`floe-helm: error: no results in ${inputs.workDir}: run a phase first (e.g. floe-helm gate)`);
    return finish(ExitCode.BadInput);
  }
  // The same report as plain text (src/report/summary), the coverage verdict's findings annotated.
  for (const l of summaryText(summary)) io.out(l);
  if (inputs.githubActions) for (const g of groupFindings(verdict ?? [])) annotate(g);
  if (stopped.length) return finish(ExitCode.BadInput);
  const coverageFails = (verdict ?? []).some((f) => f.severity === "error" && !f.waived);
  return finish(coverageFails || all.some((r) => r.status === "fail") ? ExitCode.GateFailed : ExitCode.Pass);
}

/** --coverage-fail-on: a comma list of priorities, or `none`; undefined when not given. */
export function parseFailOn(value: string | undefined): Priority[] | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === "none") return [];
  const list = v.split(",").map((p) => p.trim());
  const bad = list.filter((p) => !PRIORITIES.includes(p as Priority));
  if (bad.length || !list.length)
    throw new UserError(
      `--coverage-fail-on (FLOE_HELM_COVERAGE_FAIL_ON) '${value}': expected a comma-separated list of ${PRIORITIES.join(", ")}, or none`,
    );
  return list as Priority[];
}

/** The results of --work-dir, or with --merge those of every job merged (src/report/merge.ts). */
async function readResults(merge: string[] | undefined, workDir: string, io: Io): Promise<PhaseResults[]> {
  if (!merge?.length) return readAllResults(workDir);
  const { mergeJobs, readJobs } = await import("../report/merge.js");
  const all = mergeJobs(await readJobs(merge.map((d) => path.resolve(io.cwd, d))));
  io.out(`merged ${merge.length} job(s): ${merge.join(", ")}`);
  return all;
}

/** The report's own findings (the coverage verdict, at floe-gate.yaml lines) as a phase of their own. */
function reportFindings(verdict: readonly Finding[] | undefined): PhaseResults[] {
  if (!verdict?.length) return [];
  const now = new Date().toISOString();
  return [
    {
      schemaVersion: 1,
      phase: "report",
      startedAt: now,
      finishedAt: now,
      status: statusOf(verdict),
      findings: [...verdict],
      checks: [],
    },
  ];
}

/** `--sarif FILE`: every finding as SARIF 2.1.0, paths relative to the repository root. */
async function writeSarif(file: string, all: readonly PhaseResults[], io: Io): Promise<void> {
  const [{ toSarif, sourceRoot }, { ruleCatalog }, { writeFile, mkdir }] = await Promise.all([
    import("../report/sarif.js"),
    import("./rule-catalog.js"),
    import("node:fs/promises"),
  ]);
  const log = toSarif(all, {
    rules: ruleCatalog(),
    version: FLOE_HELM_VERSION,
    cwd: io.cwd,
    root: sourceRoot(io.cwd, io.env),
  });
  const out = path.resolve(io.cwd, file);
  try {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(log, null, 2)}\n`);
  } catch (e) {
    throw new UserError(
      `--sarif ${file}: cannot write it: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const run = log.runs[0]!;
  io.err(
    `sarif: ${run.results.length} result(s), ${run.invocations[0]!.toolExecutionNotifications.length} finding(s) without a file as notifications: ${file}`,
  );
}

/** The verdict on the matrix: a failed or uncovered requirement of a coverage.failOn priority is an error at
 * its line in floe-gate.yaml, under the same severity overrides and waivers as any finding; a coverage
 * waiver whose requirement is now proved excuses nothing, and is said to be unused so it gets removed. */
async function judgeCoverage(
  config: GateConfig,
  coverage: CoverageMatrix,
  failOn: readonly Priority[],
): Promise<Finding[]> {
  const { applyPolicy } = await import(/* webpackMode: "eager" */ "../policy/apply.js");
  const { isReportRule, waiverMatches } = await import(/* webpackMode: "eager" */ "../policy/waivers.js");
  const today = new Date().toISOString().slice(0, 10);
  const raw = coverageFindings(coverage, failOn);
  const out = raw.flatMap((f) => applyPolicy(f, config, today) ?? []);
  for (const w of config.waivers)
    if (isReportRule(w.rule) && !raw.some((f) => waiverMatches(w, f)))
      out.push({
        rule: "waiver-unused",
        severity: "warning",
        message: `waiver (rule ${w.rule}, object ${w.object}) matched no failed or uncovered requirement: remove it (reason was: ${w.reason})`,
        ...(w.at ?? (config.file ? { file: config.file, line: 1 } : {})),
        object: w.object,
      });
  return out;
}
