// Results are the only state phases share: each phase (its own process in the composite action) writes
// `<workDir>/<phase>.results.json`, matching schemas/results.schema.json, even when it fails; the report
// phase merges them.
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../core/errors.js";
import type { Finding, PhaseResults } from "../core/findings.js";
import { FLOE_HELM_VERSION } from "../core/version.js";

// The vocabulary itself lives in src/core (every layer shares it); re-exported for the report's callers.
export type { CheckState, CheckStatus, Finding, PhaseResults, Severity } from "../core/findings.js";

export function resultsPath(workDir: string, phase: string): string {
  return path.join(workDir, `${phase}.results.json`);
}

export function statusOf(findings: readonly Finding[]): "pass" | "fail" {
  return findings.some((f) => f.severity === "error" && !f.waived) ? "fail" : "pass";
}

export async function writeResults(workDir: string, results: PhaseResults): Promise<string> {
  const file = resultsPath(workDir, results.phase);
  await writeResultsFile(file, results);
  return file;
}

/** Writes atomically (temp file + rename) so a crash never leaves half a results file. Records the
 * floe-helm version that wrote it (`floeHelm`) unless the results already name one. */
export async function writeResultsFile(file: string, results: PhaseResults): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const { schemaVersion, floeHelm, ...rest } = results;
  const out = { schemaVersion, floeHelm: floeHelm ?? FLOE_HELM_VERSION, ...rest };
  await writeFile(tmp, `${JSON.stringify(out, null, 2)}\n`);
  await rename(tmp, file);
}

export async function readAllResults(workDir: string): Promise<PhaseResults[]> {
  let names: string[];
  try {
    names = await readdir(workDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  const out: PhaseResults[] = [];
  for (const name of names.filter((n) => n.endsWith(".results.json")).sort()) {
    const file = path.join(workDir, name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, "utf8"));
    } catch (e) {
      throw new UserError(`not a valid results file: ${(e as Error).message}`, { file });
    }
    const r = parsed as Partial<PhaseResults>;
    if (r.schemaVersion !== 1 || typeof r.phase !== "string" || !Array.isArray(r.findings)) {
      throw new UserError("not a floe-helm results file (schemaVersion 1 expected)", { file });
    }
    out.push(r as PhaseResults);
  }
  return out;
}
