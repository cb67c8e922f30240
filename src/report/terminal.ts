// Terminal output: one line per finding in the compiler-style format editors understand.
import { formatLocation } from "../cli/errors.js";
import type { Finding, PhaseResults } from "./results.js";

export function formatFinding(f: Finding): string {
  const loc = f.file ? formatLocation({ file: f.file, line: f.line, col: f.col }) : context(f);
  // One template line can fail in several scenarios: say which, or the lines look like duplicates.
  const where = f.file && f.scenario ? ` [${context(f)}]` : "";
  const waived = f.waived ? ` [waived: ${f.waived.reason}]` : "";
  return `${loc}: ${f.severity} ${f.rule}: ${f.message}${where}${waived}`;
}

function context(f: Finding): string {
  return [f.chart, f.scenario, f.helm ? `helm${f.helm}` : undefined].filter(Boolean).join(" ") || "-";
}

export function countBySeverity(findings: readonly Finding[]): {
  errors: number;
  warnings: number;
  waived: number;
} {
  let errors = 0;
  let warnings = 0;
  let waived = 0;
  for (const f of findings) {
    if (f.waived) waived++;
    else if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
  }
  return { errors, warnings, waived };
}

export function verdictLine(
  r: Pick<PhaseResults, "phase" | "status" | "findings" | "checks" | "error">,
  ms: number,
): string {
  const c = countBySeverity(r.findings);
  const secs = (ms / 1000).toFixed(1);
  const word = r.status === "pass" ? "PASS" : r.status === "fail" ? "FAIL" : "ERROR";
  const extra = r.error ? ` (${r.error})` : "";
  return `${r.phase}: ${word}: ${c.errors} error(s), ${c.warnings} warning(s), ${c.waived} waived, ${r.checks.length} check(s) in ${secs}s${extra}`;
}
