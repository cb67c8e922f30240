// The one line a reader sees first: did the run pass, and if not, what failed (phases that found errors,
// phases that could not run, failed or uncovered requirements), with the size of what was checked.
import type { Finding } from "../../core/findings.js";
import { type CoverageMatrix, rowWord } from "../coverage.js";
import { countBySeverity } from "../findings.js";
import type { PhaseResults } from "../results.js";
import { escapeCell } from "./markdown.js";
import type { RunTable } from "./runs.js";

export type Overall = "pass" | "fail" | "error";

export interface Verdict {
  overall: Overall;
  /** What decided it, e.g. `gate found 2 error(s)`, `coverage: 1 P0 requirement(s) failed or not covered: E2E-001`. */
  reasons: string[];
  /** `2 chart(s), 20 scenario(s) x helm 3, 4; 4 phase(s), 1234 check(s)` (scenarios of all charts). */
  scope: string;
}

export function verdictOf(
  all: readonly PhaseResults[],
  table: RunTable,
  coverage?: { findings: readonly Finding[] },
  matrix?: CoverageMatrix,
): Verdict {
  const reasons: string[] = [];
  for (const r of all) {
    if (r.status === "error") reasons.push(`${r.phase} could not run: ${r.error ?? "no reason given"}`);
    else if (r.status === "fail")
      reasons.push(`${r.phase} found ${countBySeverity(r.findings).errors} error(s)`);
  }
  const failing = (coverage?.findings ?? []).filter((f) => f.severity === "error" && !f.waived);
  // Requirements whose failure or gap a waiver excuses: the verdict passes, and says what it let through.
  const waived = (coverage?.findings ?? [])
    .filter((f) => f.waived)
    .map((f) => (f.object ?? "").replace(/^Requirement\//, ""));
  if (failing.length)
    reasons.push(
      `coverage: ${failing.length} requirement(s) failed or not covered: ${failing
        .map((f) => (f.object ?? "").replace(/^Requirement\//, ""))
        .join(", ")}`,
    );
  const overall: Overall = all.some((r) => r.status === "error")
    ? "error"
    : reasons.length || !all.length
      ? "fail"
      : "pass";
  if (!all.length) reasons.push("no phase wrote results: the run stopped before any check ran");
  const scope = [
    `${table.charts.length} chart(s), ${table.scenarios} scenario(s)${table.helm.length ? ` x helm ${table.helm.join(", ")}` : ""}`,
    `${all.length} phase(s), ${table.checks} check(s)`,
    ...(matrix?.rows.length ? [`requirements: ${requirementCounts(matrix)}`] : []),
    ...(waived.length ? [`waived: ${waived.join(", ")}`] : []),
  ].join("; ");
  return { overall, reasons, scope };
}

const words = { pass: "PASS", fail: "FAIL", error: "ERROR" } as const;
const icons = { pass: "✅", fail: "❌", error: "⚠️" } as const;

export function verdictMarkdown(v: Verdict): string {
  const why = v.reasons.length ? `: ${v.reasons.map(escapeCell).join("; ")}` : "";
  return `${icons[v.overall]} **${words[v.overall]}**${why} (${v.scope})`;
}

export function verdictText(v: Verdict): string {
  return `report: ${words[v.overall]}${v.reasons.length ? `: ${v.reasons.join("; ")}` : ""} (${v.scope})`;
}

/** `12 pass, 1 FAIL, 20 skipped, 9 NOT COVERED` over the matrix's rows. */
export function requirementCounts(m: CoverageMatrix): string {
  return (["fail", "pass", "not-run", "skip", "not-covered"] as const)
    .map((s) => [s, m.rows.filter((r) => r.state === s).length] as const)
    .filter(([, n]) => n)
    .map(([s, n]) => `${n} ${rowWord[s]}`)
    .join(", ");
}
