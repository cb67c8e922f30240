// Terminal output: one line per distinct finding (src/report/findings.ts) in the compiler-style format
// editors understand, with the scenarios and helm majors it occurs in.
import { formatLocation } from "../core/errors.js";
import { countsText, type FindingGroup, messageWithOccurrences } from "./findings.js";
import type { PhaseResults } from "./results.js";

export function formatFinding(g: FindingGroup): string {
  const f = g.finding;
  const loc = f.file ? formatLocation({ file: f.file, line: f.line, col: f.col }) : f.chart;
  const waived = f.waived ? ` [waived: ${f.waived.reason}]` : "";
  // A finding about the run rather than a file (a tool that did not run) starts with its severity.
  return `${loc ? `${loc}: ` : ""}${f.severity} ${f.rule}: ${messageWithOccurrences(g)}${waived}`;
}

/** `gate: FAIL: 2 error(s), 0 warning(s), 1 waived, 40 check(s) in 3.1s`, counting distinct findings.
 * The reason a phase could not run is added unless it was already printed (`withError: false`). */
export function verdictLine(
  r: Pick<PhaseResults, "phase" | "status" | "findings" | "checks" | "error">,
  ms: number,
  opts: { withError?: boolean } = {},
): string {
  const secs = (ms / 1000).toFixed(1);
  const word = r.status === "pass" ? "PASS" : r.status === "fail" ? "FAIL" : "ERROR";
  const extra = r.error && opts.withError !== false ? ` (${r.error})` : "";
  return `${r.phase}: ${word}: ${countsText(r.findings)}, ${r.checks.length} check(s) in ${secs}s${extra}`;
}
