// What `floe-helm report` tells people, built once from the results files and floe-gate.yaml and said two
// ways: Markdown for the job summary / `--summary FILE` (cut to GitHub's 1 MiB limit, with a note), and
// plain lines for the terminal. Sections, in order: the verdict; charts x scenarios x phases; the phases;
// the requirement coverage matrix; the integration points graph; a release's charts; the findings.
import type { Finding } from "../../core/findings.js";
import { type CoverageMatrix, coverageMarkdown, coverageTerminal, coverageVerdictLine } from "../coverage.js";
import { countBySeverity, groupFindings } from "../findings.js";
import type { Integration, Priority } from "../requirements.js";
import type { PhaseResults } from "../results.js";
import { formatFinding, verdictLine } from "../terminal.js";
import { type Block, fitBlocks, lines, SUMMARY_LIMIT } from "./blocks.js";
import { findingsBlocks, findingsText, type SourceLinks } from "./findings.js";
import {
  integrationEdges,
  integrationsLegend,
  integrationsMermaid,
  integrationsText,
} from "./integrations.js";
import { escapeCell } from "./markdown.js";
import { releaseMarkdown } from "./release.js";
import { phaseMs, runsMarkdownTable, runsText, runTable } from "./runs.js";
import { verdictMarkdown, verdictOf, verdictText } from "./verdict.js";

export interface SummaryInput {
  all: readonly PhaseResults[];
  coverage?: CoverageMatrix;
  /** The coverage verdict (src/report/command.ts judgeCoverage), when it was judged. */
  verdict?: { findings: readonly Finding[]; failOn: readonly Priority[] };
  /** floe-gate.yaml `integrations:`. */
  integrations?: readonly Integration[];
  /** Links findings to their file and line at the commit (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA). */
  links?: SourceLinks;
  /** Phases that could not run: the coverage was not judged because of them. */
  stopped?: readonly string[];
  /** Bytes the Markdown may take (default GitHub's 1 MiB). */
  limit?: number;
}

const phaseIcon = { pass: "✅", fail: "❌", error: "⚠️" } as const;

export function summaryMarkdownOf(s: SummaryInput): string {
  const blocks: Block[] = [lines("## floe-helm")];
  if (s.all.length === 0) {
    blocks.push(lines("No phase wrote results: the run stopped before any check ran."));
    return fitBlocks(blocks, s.limit ?? SUMMARY_LIMIT);
  }
  const table = runTable(s.all);
  blocks.push(lines(verdictMarkdown(verdictOf(s.all, table, s.verdict, s.coverage))));
  const runs = runsMarkdownTable(table);
  if (runs.rows.length)
    blocks.push({
      kind: "table",
      what: "the charts x scenarios table",
      head: [
        "### Charts x scenarios x phases",
        "",
        "Per cell: the state of its checks (worst over helm majors, each major named when they differ) and their check time; per phase: its result and wall time.",
        "",
        ...runs.head,
      ],
      rows: runs.rows,
    });
  // Per phase: what it found (each distinct finding once) and why one could not run.
  blocks.push({
    kind: "table",
    what: "the phases table",
    head: [
      "### Phases",
      "",
      "| Phase | Result | Errors | Warnings | Waived | Checks |",
      "|---|---|---|---|---|---|",
    ],
    rows: s.all.map((r) => {
      const c = countBySeverity(r.findings);
      const res = `${phaseIcon[r.status]} ${r.status}${r.error ? `: ${escapeCell(r.error)}` : ""}`;
      return `| ${r.phase} | ${res} | ${c.errors} | ${c.warnings} | ${c.waived} | ${r.checks.length} |`;
    }),
  });
  const cov = s.coverage ? coverageMarkdown(s.coverage, s.verdict) : [];
  if (cov.length) blocks.push(...splitCoverage(cov));
  const edges = s.coverage ? integrationEdges(s.coverage, s.integrations ?? []) : [];
  if (edges.length)
    blocks.push({
      kind: "lines",
      what: "the integration points graph",
      lines: ["### Integration points", "", ...integrationsMermaid(edges), "", integrationsLegend(edges)],
    });
  for (const r of s.all)
    if (r.phase === "release") {
      const rel = releaseMarkdown(r);
      if (rel.length) blocks.push(lines(...rel));
    }
  blocks.push(...findingsBlocks(s.all, s.links));
  return fitBlocks(
    blocks,
    s.limit ?? SUMMARY_LIMIT,
    "Everything is in the results files (`<work-dir>/*.results.json`, the run's artifact) and each phase's log.",
  );
}

/** The coverage section as blocks: its matrix and reason tables may be cut row by row. */
function splitCoverage(md: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  let pending: string[] = [];
  const flush = () => {
    while (pending.length && pending.at(-1) === "") pending.pop();
    while (pending.length && pending[0] === "") pending.shift();
    if (pending.length) blocks.push(lines(...pending));
    pending = [];
  };
  while (i < md.length) {
    const l = md[i]!;
    if (l.startsWith("|") && md[i + 1]?.startsWith("|---")) {
      // A table in `<details>`: its opening line goes with the table's head, its closing with the table.
      const intro: string[] = [];
      if (pending.at(-1) === "" && pending.at(-2)?.startsWith("<details>")) {
        pending.pop();
        intro.push(pending.pop()!, "");
      }
      flush();
      const head = [...intro, l, md[i + 1]!];
      const rows: string[] = [];
      i += 2;
      while (i < md.length && md[i]!.startsWith("|")) rows.push(md[i++]!);
      const tail: string[] = [];
      if (md[i] === "" && md[i + 1] === "</details>") {
        tail.push("", "</details>");
        i += 2;
      }
      blocks.push({
        kind: "table",
        what: intro.length ? "the coverage reasons" : "the coverage matrix",
        head,
        rows,
        tail,
      });
      continue;
    }
    pending.push(l);
    i++;
  }
  flush();
  return blocks;
}

/** The terminal's report: the verdict, each phase's line, the same tables as plain text, every distinct
 * finding of the coverage verdict, then the coverage verdict line last. */
export function summaryText(s: SummaryInput): string[] {
  const table = runTable(s.all);
  const out = [verdictText(verdictOf(s.all, table, s.verdict, s.coverage))];
  for (const r of s.all) out.push(verdictLine(r, phaseMs(r)));
  out.push(...runsText(table));
  if (s.coverage) out.push(...coverageTerminal(s.coverage));
  const edges = s.coverage ? integrationEdges(s.coverage, s.integrations ?? []) : [];
  out.push(...integrationsText(edges));
  out.push(...findingsText(s.all, formatFinding));
  for (const g of groupFindings(s.verdict?.findings ?? [])) out.push(formatFinding(g));
  if (s.coverage?.rows.some((r) => r.priority))
    out.push(
      s.verdict
        ? coverageVerdictLine(s.verdict.findings, s.verdict.failOn)
        : `coverage: not judged: ${(s.stopped ?? []).join(", ")} could not run (its error above)`,
    );
  return out;
}
