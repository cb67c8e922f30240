// The report's action outputs, set on every `floe-helm report` run (also one that stops on bad input):
// `verdict` pass or fail (the report's exit code: 0 is pass, anything else fail) and `coverage`
// `<passed>/<total>` requirements of the coverage matrix.
import { ExitCode } from "../core/errors.js";
import type { CoverageMatrix } from "./coverage.js";

/** `coverage`: of the requirements floe-gate.yaml declares (with none declared: every id a check names),
 * how many passed. Failed, skipped, not run here and not covered ones are not covered. */
export function coverageOutput(m: CoverageMatrix | undefined): string {
  const rows = m?.rows ?? [];
  const counted = rows.some((r) => r.declared) ? rows.filter((r) => r.declared) : rows;
  return `${counted.filter((r) => r.state === "pass").length}/${counted.length}`;
}

export function reportOutputs(
  code: ExitCode,
  m: CoverageMatrix | undefined,
): { verdict: string; coverage: string } {
  return { verdict: code === ExitCode.Pass ? "pass" : "fail", coverage: coverageOutput(m) };
}
