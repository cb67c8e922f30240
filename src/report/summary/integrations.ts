// The integration points (floe-gate.yaml `integrations:`, the one source: from -> to, proved by the checks
// covering its requirements) as a graph: a Mermaid flowchart in the job summary, one line per edge in the
// terminal. An edge is coloured by the worst state of its requirements' rows in the coverage matrix:
// failed, passed, not run here, skipped, or not covered (no check of any phase proves it).
import { type CoverageMatrix, type RowState, rowWord } from "../coverage.js";
import type { Integration } from "../requirements.js";

export interface Edge {
  from: string;
  to: string;
  state: RowState;
  /** Requirement id -> its row's state. */
  requirements: Array<{ id: string; state: RowState }>;
}

const rank: Record<RowState, number> = { fail: 4, pass: 3, "not-run": 2, skip: 1, "not-covered": 0 };

export function integrationEdges(m: CoverageMatrix, integrations: readonly Integration[]): Edge[] {
  const state = new Map(m.rows.map((r) => [r.requirement, r.state]));
  return integrations.map((i) => {
    const requirements = i.requirements.map((id) => ({ id, state: state.get(id) ?? "not-covered" }));
    // Failed wins; otherwise the best proof any requirement gives (pass > not run here > skipped).
    const s = requirements.map((r) => r.state);
    const worst: RowState = s.includes("fail")
      ? "fail"
      : s.reduce<RowState>((a, b) => (rank[b] > rank[a] ? b : a), "not-covered");
    return { from: i.from, to: i.to, state: worst, requirements };
  });
}

/** GitHub's palette: green passed, red failed, grey not run here or skipped, orange dashed not covered. */
const style: Record<RowState, string> = {
  pass: "stroke:#1a7f37,stroke-width:3px",
  fail: "stroke:#cf222e,stroke-width:3px",
  "not-run": "stroke:#8c959f,stroke-width:2px,stroke-dasharray:4 4",
  skip: "stroke:#8c959f,stroke-width:2px,stroke-dasharray:4 4",
  "not-covered": "stroke:#bc4c00,stroke-width:2px,stroke-dasharray:2 6",
};
const label: Record<RowState, string> = {
  pass: "passed",
  fail: "FAILED",
  "not-run": "not run here",
  skip: "skipped",
  "not-covered": "not covered",
};

/** Mermaid text is inside `"..."`: no quotes, no Markdown-breaking characters. */
const q = (s: string) => s.replace(/["`|<>]/g, "'");

export function integrationsMermaid(edges: readonly Edge[]): string[] {
  if (!edges.length) return [];
  const ids = new Map<string, string>();
  const node = (name: string) => {
    if (!ids.has(name)) ids.set(name, `n${ids.size}`);
    return ids.get(name)!;
  };
  const out = ["```mermaid", "flowchart LR"];
  for (const e of edges) {
    const from = node(e.from);
    const to = node(e.to);
    const reqs = e.requirements.map((r) => r.id).join(", ");
    out.push(`  ${from}["${q(e.from)}"] -->|"${q(`${reqs}: ${label[e.state]}`)}"| ${to}["${q(e.to)}"]`);
  }
  edges.forEach((e, i) => {
    out.push(`  linkStyle ${i} ${style[e.state]}`);
  });
  out.push("```");
  return out;
}

const counts = (edges: readonly Edge[]) =>
  (["fail", "pass", "not-run", "skip", "not-covered"] as const)
    .map((s) => [s, edges.filter((e) => e.state === s).length] as const)
    .filter(([, n]) => n)
    .map(([s, n]) => `${n} ${label[s]}`)
    .join(", ");

/** Under the graph: what the colours mean, and how many edges are in each state. */
export function integrationsLegend(edges: readonly Edge[]): string {
  return `${edges.length} integration point(s): ${counts(edges)}. Green: passed; red: failed; grey dashed: not run here or skipped (reasons in the coverage matrix); orange dotted: not covered by any check.`;
}

/** `Dagster -> PostgreSQL: pass (INT-001 pass)`: one line per edge for the terminal. */
export function integrationsText(edges: readonly Edge[]): string[] {
  if (!edges.length) return [];
  return [
    `integration points (${counts(edges)}):`,
    ...edges.map(
      (e) =>
        `${e.from} -> ${e.to}: ${rowWord[e.state]} (${e.requirements.map((r) => `${r.id} ${rowWord[r.state]}`).join(", ")})`,
    ),
  ];
}
