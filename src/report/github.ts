// GitHub Actions surfaces: annotations at file and line, step outputs, the job summary.
import * as core from "@actions/core";
import type { CoverageMatrix } from "./coverage.js";
import { type FindingGroup, messageWithOccurrences } from "./findings.js";
import type { Priority } from "./requirements.js";
import type { Finding, PhaseResults } from "./results.js";
import { summaryMarkdownOf } from "./summary/index.js";

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

/** Markdown for the job summary (src/report/summary): the verdict, charts x scenarios x phases, the
 * phases, the requirement coverage matrix, the integration points, the findings that matter. */
export function summaryMarkdown(
  all: readonly PhaseResults[],
  coverage?: CoverageMatrix,
  verdict?: { findings: readonly Finding[]; failOn: readonly Priority[] },
): string {
  return summaryMarkdownOf({ all, ...(coverage ? { coverage } : {}), ...(verdict ? { verdict } : {}) });
}

export async function writeJobSummary(markdown: string): Promise<void> {
  await core.summary.addRaw(markdown).write();
}
