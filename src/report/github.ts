// GitHub Actions surfaces: annotations at file and line, step outputs, the job summary.
import * as core from "@actions/core";
import { type CoverageMatrix, coverageMarkdown } from "./coverage.js";
import { countBySeverity, type FindingGroup, groupFindings, messageWithOccurrences } from "./findings.js";
import type { Priority } from "./requirements.js";
import type { Finding, PhaseResults } from "./results.js";

/** One annotation per distinct finding (src/report/findings.ts), naming the scenarios and helm majors. */
export function annotate(g: FindingGroup): void {
  const f = g.finding;
  const props: core.AnnotationProperties = { title: f.rule };
  if (f.file) props.file = f.file;
  if (f.line) props.startLine = f.line;
  if (f.col) props.startColumn = f.col;
  const text = messageWithOccurrences(g);
  const msg = f.object ? `${f.object}: ${text}` : text;
  if (f.waived) core.notice(`${msg} [waived: ${f.waived.reason}]`, props);
  else if (f.severity === "error") core.error(msg, props);
  else if (f.severity === "warning") core.warning(msg, props);
  else core.notice(msg, props);
}

export function setOutputs(outputs: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(outputs ?? {})) core.setOutput(k, v);
}

const icon = { pass: "✅", fail: "❌", error: "⚠️" } as const;

/** Markdown for the job summary: a row per phase, the requirement coverage matrix (src/report/coverage.ts),
 * then the findings that matter. */
export function summaryMarkdown(
  all: readonly PhaseResults[],
  coverage?: CoverageMatrix,
  verdict?: { findings: readonly Finding[]; failOn: readonly Priority[] },
): string {
  const lines: string[] = ["## floe-helm", ""];
  if (all.length === 0) {
    lines.push("No phase wrote results: the run stopped before any check ran.");
    return `${lines.join("\n")}\n`;
  }
  lines.push("| Phase | Result | Errors | Warnings | Waived | Checks |", "|---|---|---|---|---|---|");
  for (const r of all) {
    const c = countBySeverity(r.findings);
    const res = `${icon[r.status]} ${r.status}${r.error ? `: ${escapeCell(r.error)}` : ""}`;
    lines.push(`| ${r.phase} | ${res} | ${c.errors} | ${c.warnings} | ${c.waived} | ${r.checks.length} |`);
  }
  const cov = coverage ? coverageMarkdown(coverage, verdict) : [];
  if (cov.length) lines.push("", ...cov);
  for (const r of all) if (r.phase === "release") lines.push("", ...releaseMarkdown(r));
  // Each distinct finding once, with the scenarios and helm majors it occurs in (as in the terminal).
  const shown = all
    // Info is left out, except the classified cause of a failed install or helm test (floe-helm test).
    .flatMap((r) =>
      groupFindings(r.findings).filter((g) => g.finding.severity !== "info" || g.finding.cause !== undefined),
    )
    .slice(0, 200);
  if (shown.length > 0) {
    lines.push("", "### Findings", "", "| Severity | Rule | Where | Message |", "|---|---|---|---|");
    for (const g of shown) {
      const f = g.finding;
      const where = f.file ? `\`${f.file}${f.line ? `:${f.line}` : ""}\`` : (f.chart ?? "");
      const sev = f.waived ? "waived" : f.severity;
      lines.push(
        `| ${sev} | \`${f.rule}\` | ${escapeCell(where)} | ${escapeCell(messageWithOccurrences(g))} |`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** What `floe-helm release` did per chart: the pushed reference with its digest, or why it was skipped. */
function releaseMarkdown(r: PhaseResults): string[] {
  const published = (r.outputs?.published ?? "").split("\n").filter(Boolean);
  const rows = r.checks
    .filter((c) => c.rule === "release")
    .map((c) => {
      const chart = c.id.replace(/^release /, "");
      const name = chart.split(" ")[0];
      const ref = published.find((p) => p.includes(`/${name}:`));
      const result =
        c.state === "pass"
          ? `✅ published \`${ref ?? "?"}\``
          : c.state === "skip"
            ? `⏭️ skipped: ${c.reason ?? ""}`
            : "❌ failed (see the findings)";
      return `| ${escapeCell(chart)} | ${escapeCell(result)} |`;
    });
  return rows.length ? ["### Release", "", "| Chart | Result |", "|---|---|", ...rows] : [];
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export async function writeJobSummary(markdown: string): Promise<void> {
  await core.summary.addRaw(markdown).write();
}
