// `release --gate-results`: publish only the commit whose gate passed, from a recorded gate result (a
// gate.results.json kept from the gate's run: an artifact, a release asset) rather than a gate in the same
// workflow run. The results file names the commit it ran on (`source`, src/report/source.ts); the checkout
// being published must be that commit, clean.
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../core/errors.js";
import type { PhaseResults } from "../core/findings.js";
import type { SourceCommit } from "../report/source.js";

export const GATE_RECORD_RULE = "release/gate-record";

/** The gate results file: the path itself, or `gate.results.json` in a folder. Bad input is a UserError. */
export async function readGateRecord(
  given: string,
  cwd: string,
): Promise<{ file: string; results: PhaseResults }> {
  const abs = path.resolve(cwd, given);
  const file = existsSync(abs) && statSync(abs).isDirectory() ? path.join(abs, "gate.results.json") : abs;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new UserError(
      `--gate-results ${given}: no ${path.basename(file)} there: give the gate's results file (or its folder) kept from the gate's run`,
    );
  }
  try {
    return { file, results: JSON.parse(text) as PhaseResults };
  } catch (e) {
    throw new UserError(`--gate-results ${file}: not JSON (${(e as Error).message})`);
  }
}

const short = (sha: string) => sha.slice(0, 12);

/** Why the recorded gate result does not allow publishing this checkout (pure); undefined when it does. */
export function gateRecordProblem(
  results: Partial<PhaseResults>,
  file: string,
  head: SourceCommit | undefined,
): string | undefined {
  if (results.phase !== "gate")
    return `${file} is not a gate results file (phase ${JSON.stringify(results.phase ?? null)})`;
  if (!head) return "this folder is not a git work tree: which commit would be published cannot be told";
  if (head.dirty)
    return `tracked files differ from HEAD ${short(head.commit)}: the gate result is for a commit, publish a clean checkout of it`;
  const src = results.source;
  if (!src?.commit)
    return `${file} records no commit (the gate ran outside a git work tree, or floe-helm was older): run the gate on the commit to publish`;
  if (src.dirty)
    return `the gate ran on ${short(src.commit)} with uncommitted changes: its result is not that commit's`;
  if (src.commit !== head.commit)
    return `the gate result is for commit ${short(src.commit)}, this checkout is ${short(head.commit)}: run the gate on this commit, or publish that one`;
  if (results.status !== "pass") {
    const errors = (results.findings ?? []).filter((f) => f.severity === "error" && !f.waived).length;
    return `the gate of ${short(src.commit)} did not pass (status ${results.status}${results.status === "fail" ? `, ${errors} error(s)` : results.error ? `: ${results.error}` : ""}): nothing is published`;
  }
  return undefined;
}
