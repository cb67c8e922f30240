// What a human reads: each distinct finding once. A phase records one finding per cell (chart x scenario x
// helm major) in its results file; the terminal, the GitHub annotations, the job summary, the verdict's
// counts and the gate's progress lines all group them here, so a template line that fails in 14 scenarios
// with both helm majors is one line `... (scenarios: a, b, ...; helm 3, 4)` and counts as one error.
import type { Finding } from "./results.js";

export interface FindingGroup {
  /** The group's first finding: rule, severity, message, place, chart, object and waiver of them all. */
  finding: Finding;
  /** Scenarios it occurs in, in the order they were reported (empty: not tied to a scenario). */
  scenarios: string[];
  /** Helm majors that reported it, ascending (empty: not tied to a major, e.g. a values file's syntax). */
  helm: number[];
}

/** What makes two findings the same one: everything shown except where (scenario, helm major) it occurs. */
export function identity(f: Finding): string {
  return JSON.stringify([
    f.rule,
    f.severity,
    f.message,
    f.file,
    f.line,
    f.col,
    f.chart,
    f.object,
    f.waived?.reason,
    f.waived?.expires,
  ]);
}

/** One group per distinct finding, in the order of each group's first finding. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = identity(f);
    let g = groups.get(key);
    if (!g) {
      // A group spans cells, so the check of its first finding (a cell's) is not the group's.
      const { scenario: _s, helm: _h, check: _c, ...rest } = f;
      g = { finding: rest, scenarios: [], helm: [] };
      groups.set(key, g);
    }
    if (f.scenario !== undefined && !g.scenarios.includes(f.scenario)) g.scenarios.push(f.scenario);
    if (f.helm !== undefined && !g.helm.includes(f.helm)) g.helm.push(f.helm);
  }
  for (const g of groups.values()) g.helm.sort((a, b) => a - b);
  return [...groups.values()];
}

/** `scenarios: ci/a, ci/b; helm 3, 4`, `scenario: prod`, `helm 4`, or "" when the finding is tied to
 * neither. The same words in the terminal, the annotations and the job summary. */
export function occurrences(g: FindingGroup): string {
  const parts: string[] = [];
  if (g.scenarios.length)
    parts.push(`scenario${g.scenarios.length > 1 ? "s" : ""}: ${g.scenarios.join(", ")}`);
  if (g.helm.length) parts.push(`helm ${g.helm.join(", ")}`);
  return parts.join("; ");
}

/** The message followed by where it occurs: `message (scenarios: a, b; helm 3, 4)`. */
export function messageWithOccurrences(g: FindingGroup): string {
  const occ = occurrences(g);
  return occ ? `${g.finding.message} (${occ})` : g.finding.message;
}

/** Distinct findings by severity, as the verdict, the job summary and the progress lines count them: a
 * waived finding counts as waived (whatever its severity), info counts nowhere. */
export function countBySeverity(findings: readonly Finding[]): {
  errors: number;
  warnings: number;
  waived: number;
} {
  let errors = 0;
  let warnings = 0;
  let waived = 0;
  for (const { finding: f } of groupFindings(findings)) {
    if (f.waived) waived++;
    else if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
  }
  return { errors, warnings, waived };
}

/** `3 error(s), 1 warning(s), 2 waived`: the counts as the verdict and the progress lines print them. */
export function countsText(findings: readonly Finding[]): string {
  const c = countBySeverity(findings);
  return `${c.errors} error(s), ${c.warnings} warning(s), ${c.waived} waived`;
}
