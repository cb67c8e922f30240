// The findings section of the job summary: per failed rule, its first distinct findings with a link to the
// file and line at the commit that ran; warnings, waived findings and a failed install's diagnostics
// collapsed (`<details>`). Each distinct finding once (src/report/findings.ts), with where it occurs.
import type { Finding } from "../../core/findings.js";
import { type FindingGroup, groupFindings, messageWithOccurrences } from "../findings.js";
import type { PhaseResults } from "../results.js";
import { type Block, lines } from "./blocks.js";
import { escapeCell } from "./markdown.js";

/** How many findings of one failed rule are shown; the rest are counted. */
export const FIRST_FINDINGS = 5;
/** Rows of a collapsed table (warnings, waived, diagnostics) before "and N more". */
const COLLAPSED_ROWS = 100;

/** Where the commit's files are on GitHub, from the runner's environment; absent locally. */
export interface SourceLinks {
  server: string;
  repository: string;
  sha: string;
}

export function sourceLinks(env: NodeJS.ProcessEnv): SourceLinks | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  return server && repository && sha ? { server: server.replace(/\/+$/, ""), repository, sha } : undefined;
}

/** `server/repo/blob/sha/file#L12` for a file of the checkout (relative, inside it); else undefined. */
export function fileUrl(
  links: SourceLinks | undefined,
  f: Pick<Finding, "file" | "line">,
): string | undefined {
  if (!links || !f.file) return undefined;
  const file = f.file.replace(/\\/g, "/").replace(/^\.\//, "");
  if (file.startsWith("/") || file.startsWith("../") || /^[A-Za-z]:/.test(file)) return undefined;
  const path = file.split("/").map(encodeURIComponent).join("/");
  return `${links.server}/${links.repository}/blob/${links.sha}/${path}${f.line ? `#L${f.line}` : ""}`;
}

function where(f: Finding, links: SourceLinks | undefined): string {
  if (!f.file) return escapeCell(f.chart ?? "");
  const text = `\`${f.file}${f.line ? `:${f.line}` : ""}\``;
  const url = fileUrl(links, f);
  return url ? `[${text}](${url})` : text;
}

const row = (g: FindingGroup, links: SourceLinks | undefined) => {
  const f = g.finding;
  const sev = f.waived ? "waived" : f.severity;
  return `| ${sev} | \`${f.rule}\` | ${where(f, links)} | ${escapeCell(messageWithOccurrences(g))} |`;
};
const HEAD = ["| Severity | Rule | Where | Message |", "|---|---|---|---|"];

type Placed = { phase: string; g: FindingGroup };

/** Each distinct finding of every phase, and the unwaived errors by phase and rule (a failed check). */
function sorted(all: readonly PhaseResults[]): { groups: Placed[]; failed: Placed[][] } {
  const groups = all.flatMap((r) => groupFindings(r.findings).map((g) => ({ phase: r.phase, g })));
  const byRule = new Map<string, Placed[]>();
  for (const e of groups) {
    if (e.g.finding.severity !== "error" || e.g.finding.waived) continue;
    const key = `${e.phase}\u0000${e.g.finding.rule}`;
    byRule.set(key, [...(byRule.get(key) ?? []), e]);
  }
  return { groups, failed: [...byRule.values()] };
}

/** The terminal's form: per failed rule its first findings (compiler-style lines), then how many warnings,
 * waived findings and diagnostics there are (each phase printed them all when it ran). */
export function findingsText(all: readonly PhaseResults[], format: (g: FindingGroup) => string): string[] {
  const { groups, failed } = sorted(all);
  const out: string[] = [];
  for (const list of failed) {
    const { phase, g } = list[0]!;
    out.push(`failed: ${g.finding.rule} (${phase}): ${list.length} finding(s)`);
    for (const x of list.slice(0, FIRST_FINDINGS)) out.push(`  ${format(x.g)}`);
    if (list.length > FIRST_FINDINGS) out.push(`  ...and ${list.length - FIRST_FINDINGS} more`);
  }
  const count = (p: (f: Finding) => boolean) => groups.filter(({ g }) => p(g.finding)).length;
  const rest = [
    [count((f) => f.severity === "warning" && !f.waived), "warning(s)"],
    [count((f) => !!f.waived), "waived"],
    [count((f) => f.severity === "info" && !f.waived && f.cause !== undefined), "diagnostic(s)"],
  ].filter(([n]) => n);
  if (rest.length)
    out.push(
      `also: ${rest.map(([n, w]) => `${n} ${w}`).join(", ")} (printed by their phase; in the job summary)`,
    );
  return out;
}

export function findingsBlocks(all: readonly PhaseResults[], links?: SourceLinks): Block[] {
  const { groups, failed } = sorted(all);
  const blocks: Block[] = [];
  if (failed.length) {
    blocks.push(lines("### Failed checks: first findings"));
    for (const list of failed) {
      const { phase, g } = list[0]!;
      const more = list.length - FIRST_FINDINGS;
      blocks.push({
        kind: "table",
        what: `\`${g.finding.rule}\` findings`,
        head: [`#### ❌ \`${g.finding.rule}\` (${phase}): ${list.length} finding(s)`, "", ...HEAD],
        rows: list.slice(0, FIRST_FINDINGS).map((x) => row(x.g, links)),
        tail:
          more > 0
            ? [
                "",
                `…and ${more} more: every one is in \`${phase}.results.json\` and the ${phase} step's log.`,
              ]
            : [],
      });
    }
  }
  const collapsed = (title: string, list: FindingGroup[]) => {
    if (!list.length) return;
    const more = list.length - COLLAPSED_ROWS;
    blocks.push({
      kind: "table",
      what: title.toLowerCase(),
      head: [`<details><summary>${title} (${list.length})</summary>`, "", ...HEAD],
      rows: list.slice(0, COLLAPSED_ROWS).map((g) => row(g, links)),
      tail: [...(more > 0 ? ["", `…and ${more} more.`] : []), "", "</details>"],
    });
  };
  const only = (p: (f: Finding) => boolean) => groups.map(({ g }) => g).filter((g) => p(g.finding));
  collapsed(
    "Warnings",
    only((f) => f.severity === "warning" && !f.waived),
  );
  collapsed(
    "Waived",
    only((f) => !!f.waived),
  );
  // A failed install's or helm test's classified causes (floe-helm test's `diagnosis`), and other info
  // findings that name a cause.
  collapsed(
    "Diagnostics",
    only((f) => f.severity === "info" && !f.waived && f.cause !== undefined),
  );
  return blocks;
}
