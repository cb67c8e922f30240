// `floe-helm report --merge DIR...`: the results of several jobs (a matrix of charts or helm majors, each DIR
// one job's --work-dir) as one report. Pure apart from reading the folders. The rules (README "Merging
// matrix runs"):
// - Every results file must be written by the same floe-helm version (`floeHelm`): results of two
//   versions may name rules, checks and findings differently, so they are refused with one error naming
//   each version and a file that has it. A file without the field (older floe-helm) counts as a version
//   of its own ("unknown").
// - One entry per phase: the phase's files of every DIR merged into it.
// - A finding is the same finding when every field is equal (rule, severity, message, file, line, col,
//   chart, scenario, helm, object, cause, waiver): two jobs reporting it make one.
// - A check is the same check when its id is equal: two jobs reporting it make one. When they disagree
//   on its state the strongest wins: fail/error, then pass, then skipped as not run here, then skipped;
//   its covers are the union of both. So a coverage cell (and a requirement's result) is: FAIL over
//   pass over not run here over skipped over not covered, as in a single run.
// - A phase could not run (status error) in any job: the merged phase could not run, its errors named
//   per folder. Otherwise its status follows its merged findings, as in a single run.
// - Started at the earliest start, finished at the latest finish; outputs with one value keep it, outputs
//   that differ between jobs become the distinct lines of all of them.
import { stat } from "node:fs/promises";
import { UserError } from "../core/errors.js";
import type { CheckStatus, Finding, PhaseResults } from "../core/findings.js";
import { isNotRunHere } from "./coverage.js";
import { identity } from "./findings.js";
import { readAllResults, resultsPath, statusOf } from "./results.js";

/** One job's results: the folder it came from and the results files in it. */
export interface JobResults {
  dir: string;
  results: PhaseResults[];
}

export const UNKNOWN_VERSION = "unknown (written by a floe-helm that did not record its version)";

/** Reads each folder's `*.results.json`; a folder that does not exist or holds none is an error. */
export async function readJobs(dirs: readonly string[]): Promise<JobResults[]> {
  const out: JobResults[] = [];
  for (const dir of dirs) {
    const isDir = await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) throw new UserError(`--merge ${dir}: no such folder (expected a job's --work-dir)`);
    const results = await readAllResults(dir);
    if (!results.length)
      throw new UserError(
        `--merge ${dir}: no *.results.json in it (expected a job's --work-dir, written by floe-helm gate or another phase)`,
      );
    out.push({ dir, results });
  }
  return out;
}

/** Strongest first: what a merged check's state is when two jobs disagree. */
const strength = (c: CheckStatus): number =>
  c.state === "fail" || c.state === "error" ? 3 : c.state === "pass" ? 2 : isNotRunHere(c.reason) ? 1 : 0;

/** Every field of a finding: what a person sees (identity) and where it occurred (scenario, helm major), and
 * the classified cause. Equal keys: the same finding. */
const findingKey = (f: Finding): string => JSON.stringify([identity(f), f.scenario, f.helm, f.cause]);

/** Refuses results of different floe-helm versions (see the rules above). */
export function checkVersions(jobs: readonly JobResults[]): string {
  const seen = new Map<string, string>();
  for (const j of jobs)
    for (const r of j.results) {
      const v = r.floeHelm ?? UNKNOWN_VERSION;
      if (!seen.has(v)) seen.set(v, resultsPath(j.dir, r.phase));
    }
  if (seen.size > 1)
    throw new UserError(
      `--merge: results of different floe-helm versions cannot be merged: ${[...seen]
        .map(([v, file]) => `${v} (${file})`)
        .join(", ")}; run every job with the same floe-helm`,
    );
  return [...seen.keys()][0] ?? UNKNOWN_VERSION;
}

/** The jobs' results as one list, one entry per phase, in the order phases first appear. */
export function mergeJobs(jobs: readonly JobResults[]): PhaseResults[] {
  const version = checkVersions(jobs);
  const byPhase = new Map<string, Array<{ dir: string; r: PhaseResults }>>();
  for (const j of jobs)
    for (const r of j.results) {
      if (!byPhase.has(r.phase)) byPhase.set(r.phase, []);
      byPhase.get(r.phase)!.push({ dir: j.dir, r });
    }
  return [...byPhase].map(([phase, parts]) => mergePhase(phase, parts, version));
}

function mergePhase(
  phase: string,
  parts: ReadonlyArray<{ dir: string; r: PhaseResults }>,
  version: string,
): PhaseResults {
  const findings = new Map<string, Finding>();
  for (const { r } of parts)
    for (const f of r.findings) if (!findings.has(findingKey(f))) findings.set(findingKey(f), f);
  const checks = new Map<string, CheckStatus>();
  for (const { r } of parts)
    for (const c of r.checks) {
      const had = checks.get(c.id);
      if (!had) {
        checks.set(c.id, c);
        continue;
      }
      const winner = strength(c) > strength(had) ? c : had;
      const covers = [...new Set([...(had.covers ?? []), ...(c.covers ?? [])])];
      checks.set(c.id, { ...winner, ...(covers.length ? { covers } : {}) });
    }
  const errors = parts.filter(({ r }) => r.status === "error");
  const merged = [...findings.values()];
  const outputs = mergeOutputs(parts.map(({ r }) => r.outputs ?? {}));
  const starts = parts.map(({ r }) => r.startedAt).sort();
  const ends = parts.map(({ r }) => r.finishedAt).sort();
  return {
    schemaVersion: 1,
    ...(version !== UNKNOWN_VERSION ? { floeHelm: version } : {}),
    phase,
    startedAt: starts[0]!,
    finishedAt: ends.at(-1)!,
    status: errors.length ? "error" : statusOf(merged),
    ...(errors.length
      ? {
          error:
            parts.length > 1
              ? errors.map(({ dir, r }) => `${dir}: ${r.error ?? "could not run"}`).join("; ")
              : (errors[0]!.r.error ?? "could not run"),
        }
      : {}),
    findings: merged,
    checks: [...checks.values()],
    ...(Object.keys(outputs).length ? { outputs } : {}),
  };
}

function mergeOutputs(all: ReadonlyArray<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  const keys = [...new Set(all.flatMap((o) => Object.keys(o)))];
  for (const k of keys) {
    const values = [...new Set(all.flatMap((o) => (o[k] === undefined ? [] : [o[k]!])))];
    out[k] =
      values.length === 1
        ? values[0]!
        : [...new Set(values.flatMap((v) => v.split("\n")).filter(Boolean))].join("\n");
  }
  return out;
}
