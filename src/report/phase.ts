// Runs one phase: whatever happens, its results file is written, its findings printed (and annotated in
// Actions), and the exit code follows the interface (0 pass, 1 errors found, 2 bad input, 3 a tool failed).

import type { Inputs } from "../config/inputs.js";
import { describeError, ExitCode, errorCommand, exitCodeOf, ToolError, UserError } from "../core/errors.js";
import { groupFindings } from "./findings.js";
import type { CheckStatus, Finding, PhaseResults } from "./results.js";
import { statusOf, writeResults, writeResultsFile } from "./results.js";
import { sourceCommit } from "./source.js";
import { formatFinding, verdictLine } from "./terminal.js";

export interface PhaseContext {
  inputs: Inputs;
  /** Record a finding; it is printed at the end, sorted by file and line. */
  add(f: Finding): void;
  check(c: CheckStatus): void;
  output(name: string, value: string): void;
  /** Progress for long work, on stderr so stdout stays machine-readable. */
  progress(line: string): void;
}

export interface PhaseOptions {
  /** Write results here instead of `<workDir>/<phase>.results.json` (also written there). */
  resultsFile?: string;
  /** The folder the phase works in: its git HEAD is recorded as the results' `source`. */
  cwd?: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

export async function runPhase(
  phase: string,
  inputs: Inputs,
  body: (ctx: PhaseContext) => Promise<void>,
  opts: PhaseOptions = {},
): Promise<ExitCode> {
  const out = opts.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = opts.err ?? ((l: string) => process.stderr.write(`${l}\n`));
  const started = new Date();
  const findings: Finding[] = [];
  const checks: CheckStatus[] = [];
  const outputs: Record<string, string> = {};
  const ctx: PhaseContext = {
    inputs,
    add: (f) => findings.push(f),
    check: (c) => checks.push(c),
    output: (k, v) => {
      outputs[k] = v;
    },
    progress: (l) => err(l),
  };
  let error: string | undefined;
  let errorCode: ExitCode = ExitCode.BadInput;
  const source = opts.cwd !== undefined ? sourceCommit(opts.cwd) : undefined;
  try {
    await body(ctx);
  } catch (e) {
    error = describeError(e);
    errorCode = exitCodeOf(e);
    if (inputs.debug && e instanceof Error && !(e instanceof UserError) && !(e instanceof ToolError))
      err(e.stack ?? String(e));
  }
  findings.sort(byLocation);
  const results: PhaseResults = {
    schemaVersion: 1,
    phase,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    status: error ? "error" : statusOf(findings),
    ...(error ? { error } : {}),
    findings,
    checks,
    ...(Object.keys(outputs).length ? { outputs } : {}),
  };
  const src = await source;
  if (src) results.source = src;
  // The results file keeps a finding per cell; people read each distinct finding once.
  const groups = groupFindings(findings);
  for (const g of groups) out(formatFinding(g));
  if (inputs.githubActions) {
    // The Actions toolkit (with its HTTP client) is loaded only in Actions: a local run starts faster.
    const { annotate, setOutputs } = await import("./github.js");
    for (const g of groups) annotate(g);
    setOutputs(outputs);
  }
  try {
    await writeResults(inputs.workDir, results);
    if (opts.resultsFile) await writeResultsFile(opts.resultsFile, results);
  } catch (e) {
    err(`floe-helm: error: cannot write results: ${describeError(e)}`);
    return ExitCode.BadInput;
  }
  // Said once: the verdict that follows does not repeat it. In Actions it is an annotation (shown on the
  // run's page), else one line on stderr.
  if (error) {
    if (inputs.githubActions) out(errorCommand(error));
    else err(`floe-helm: error: ${error}`);
  }
  out(verdictLine(results, Date.now() - started.getTime(), { withError: false }));
  if (error) return errorCode;
  return results.status === "pass" ? ExitCode.Pass : ExitCode.GateFailed;
}

function byLocation(a: Finding, b: Finding): number {
  return (
    (a.file ?? "\uffff").localeCompare(b.file ?? "\uffff") ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.col ?? 0) - (b.col ?? 0) ||
    a.rule.localeCompare(b.rule)
  );
}

/** Charts a plan leaves out (e.g. no scenario of the --scenario name): a progress line and a skipped
 * check each, so the report says why a chart was not covered instead of leaving it out silently. */
export function reportSkippedCharts(
  ctx: PhaseContext,
  skipped: ReadonlyArray<{ info: { name: string; dir: string }; reason: string }>,
): void {
  for (const s of skipped) {
    ctx.progress(`${s.info.dir}: skipped: ${s.reason}`);
    ctx.check({ id: `chart ${s.info.name}`, state: "skip", reason: s.reason });
  }
}
