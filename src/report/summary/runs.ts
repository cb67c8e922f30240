// The run table: charts x scenarios (rows) x phases (columns), each cell the state of that chart and
// scenario's checks in that phase, per helm major when the majors disagree, and their time. Derived from
// the results files only: a check's cell is in its id (`<rule> <chart>/<scenario> helm<N>`, documented in
// the README's Coverage matrix), a finding's in its chart, scenario and helm fields.
import { isNotRunHere } from "../coverage.js";
import type { CheckStatus, PhaseResults } from "../results.js";

export type RunState = "pass" | "fail" | "skip" | "not-run";

/** Where a check ran: chart and scenario (scenario "" for the whole chart), and its helm major. */
export interface CheckCell {
  chart: string;
  scenario: string;
  helm?: number;
}

const HELM = /^helm(\d+)$/;
const CELL = /^([^/\s]+)\/(\S+)$/;

/** The cell a check id names, or undefined for checks of the whole run (tools, e2e). A check of one chart
 * (`chart-schema app`) names one of `charts` after its rule. */
export function cellOfCheck(id: string, charts: ReadonlySet<string> = new Set()): CheckCell | undefined {
  const t = id.split(" ");
  // The chart/scenario right before `helm<N>` (an install of the platform for a jobs cell names both).
  for (let i = t.length - 1; i >= 1; i--) {
    const h = HELM.exec(t[i]!);
    const c = h ? CELL.exec(t[i - 1] ?? "") : undefined;
    if (h && c && i - 1 >= 1) return { chart: c[1]!, scenario: c[2]!, helm: Number(h[1]) };
  }
  for (const tok of t.slice(1)) {
    const c = CELL.exec(tok);
    if (c) return { chart: c[1]!, scenario: c[2]! };
  }
  for (const tok of t.slice(1)) if (charts.has(tok)) return { chart: tok, scenario: "" };
  return undefined;
}

export interface RunCell {
  /** Helm major (0: not tied to one) -> its state. */
  byHelm: Map<number, RunState>;
  ms: number;
  checks: number;
  /** Failed checks whose every finding is waived: they do not fail the cell, and the cell says so. */
  waived: number;
}

export interface RunRow {
  chart: string;
  /** "" for checks of the whole chart; the row of the whole run has chart "" too. */
  scenario: string;
  cells: Record<string, RunCell>;
}

export interface RunTable {
  phases: Array<{ phase: string; status: PhaseResults["status"]; ms: number; error?: string }>;
  rows: RunRow[];
  charts: string[];
  scenarios: number;
  helm: number[];
  checks: number;
}

const rank: Record<RunState, number> = { fail: 3, pass: 2, "not-run": 1, skip: 0 };
const worse = (a: RunState | undefined, b: RunState): RunState => (a && rank[a] >= rank[b] ? a : b);

function stateOf(c: CheckStatus): RunState {
  if (c.state === "pass") return "pass";
  if (c.state === "skip") return isNotRunHere(c.reason) ? "not-run" : "skip";
  return "fail";
}

export function phaseMs(r: Pick<PhaseResults, "startedAt" | "finishedAt">): number {
  const ms = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

export function runTable(all: readonly PhaseResults[]): RunTable {
  // Chart names first (from findings and cell checks), so a check of a whole chart can be placed.
  const charts = new Set<string>();
  for (const r of all) {
    for (const f of r.findings) if (f.chart) charts.add(f.chart);
    for (const c of r.checks) {
      const cell = cellOfCheck(c.id);
      if (cell) charts.add(cell.chart);
    }
  }
  const rows = new Map<string, RunRow>();
  const helm = new Set<number>();
  const cellFor = (phase: string, chart: string, scenario: string): RunCell => {
    const key = `${chart}\u0000${scenario}`;
    let row = rows.get(key);
    if (!row) {
      row = { chart, scenario, cells: {} };
      rows.set(key, row);
    }
    row.cells[phase] ??= { byHelm: new Map(), ms: 0, checks: 0, waived: 0 };
    return row.cells[phase]!;
  };
  let checks = 0;
  for (const r of all) {
    // A check fails when its rule found errors in its cell; with each of them waived, the gate passes.
    const key = (rule: string, chart = "", scenario = "", h = 0) => [rule, chart, scenario, h].join("\u0000");
    const unwaived = new Set<string>();
    const waivedOnly = new Set<string>();
    for (const f of r.findings) {
      const k = key(f.rule, f.chart, f.scenario, f.helm);
      if (f.waived) waivedOnly.add(k);
      else if (f.severity === "error") unwaived.add(k);
    }
    for (const c of r.checks) {
      checks++;
      const where = cellOfCheck(c.id, charts) ?? { chart: "", scenario: "" };
      const cell = cellFor(r.phase, where.chart, where.scenario);
      const h = where.helm ?? 0;
      if (h) helm.add(h);
      let state = stateOf(c);
      const k = key(c.rule ?? "", where.chart, where.scenario, h);
      if (state === "fail" && c.state === "fail" && waivedOnly.has(k) && !unwaived.has(k)) {
        state = "pass";
        cell.waived++;
      }
      cell.byHelm.set(h, worse(cell.byHelm.get(h), state));
      cell.ms += c.durationMs ?? 0;
      cell.checks++;
    }
    // An unwaived error about a cell fails it, even when no check of that cell says so.
    for (const f of r.findings) {
      if (f.severity !== "error" || f.waived || !f.chart) continue;
      const cell = cellFor(r.phase, f.chart, f.scenario ?? "");
      const h = f.helm ?? 0;
      if (h) helm.add(h);
      cell.byHelm.set(h, "fail");
    }
  }
  const order = [...charts];
  const sorted = [...rows.values()].sort(
    (a, b) =>
      // the whole run last, a chart's own row first, then its scenarios in the order they ran
      (a.chart === "" ? 1 : 0) - (b.chart === "" ? 1 : 0) ||
      order.indexOf(a.chart) - order.indexOf(b.chart) ||
      (a.scenario === "" ? 0 : 1) - (b.scenario === "" ? 0 : 1),
  );
  return {
    phases: all.map((r) => ({
      phase: r.phase,
      status: r.status,
      ms: phaseMs(r),
      ...(r.error ? { error: r.error } : {}),
    })),
    rows: sorted,
    charts: order,
    scenarios: sorted.filter((r) => r.scenario !== "").length,
    helm: [...helm].sort(),
    checks,
  };
}

/** The cell's state over its helm majors (the worst). */
export function cellState(c: RunCell): RunState {
  let s: RunState | undefined;
  for (const v of c.byHelm.values()) s = worse(s, v);
  return s ?? "skip";
}

/** `1.2s`, `2m 03s`: a check time or a phase's wall time. */
export function duration(ms: number): string {
  if (ms < 100) return ms > 0 ? "<0.1s" : "0s";
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
}

const icon: Record<RunState, string> = { pass: "✅", fail: "❌", skip: "⏭️", "not-run": "🚫" };
const word: Record<RunState, string> = {
  pass: "pass",
  fail: "FAIL",
  skip: "skipped",
  "not-run": "not run here",
};
const phaseIcon = { pass: "✅", fail: "❌", error: "⚠️" } as const;

/** `✅ 1.2s`; with majors that disagree `❌ helm 4 (helm 3 ✅) 1.2s`. */
function cellWords(c: RunCell | undefined, md: boolean): string {
  if (!c) return md ? "–" : "-";
  const s = cellState(c);
  const sym = (x: RunState) => (md ? icon[x] : word[x]);
  const majors = [...c.byHelm.entries()].filter(([h]) => h).sort(([a], [b]) => a - b);
  const differ = new Set(majors.map(([, v]) => v)).size > 1;
  const t = `${c.waived ? ` (${c.waived} waived)` : ""}${c.ms ? ` ${duration(c.ms)}` : ""}`;
  if (!differ) return `${sym(s)}${t}`;
  const bad = majors.filter(([, v]) => v === s).map(([h]) => h);
  const others = majors.filter(([, v]) => v !== s).map(([h, v]) => `helm ${h} ${sym(v)}`);
  return `${sym(s)} helm ${bad.join(", ")} (${others.join(", ")})${t}`;
}

const rowName = (r: RunRow) =>
  r.chart === "" ? ["(whole run)", ""] : [r.chart, r.scenario === "" ? "(chart)" : r.scenario];

/** The phases that have a cell in some row (every phase with a check). */
const columns = (t: RunTable) => t.phases.filter((p) => t.rows.some((r) => r.cells[p.phase]));

export function runsMarkdownTable(t: RunTable): { head: string[]; rows: string[] } {
  const cols = columns(t);
  const head = [
    `| Chart | Scenario | ${cols.map((p) => `${p.phase} ${phaseIcon[p.status]} ${duration(p.ms)}`).join(" | ")} |`,
    `|---|---|${cols.map(() => "---|").join("")}`,
  ];
  const rows = t.rows.map((r) => {
    const [chart, scenario] = rowName(r);
    return `| ${chart} | ${scenario} | ${cols.map((p) => cellWords(r.cells[p.phase], true)).join(" | ")} |`;
  });
  return { head, rows };
}

/** The same table for a terminal: fixed-width columns, words instead of symbols. */
export function runsText(t: RunTable): string[] {
  const cols = columns(t);
  if (!t.rows.length) return [];
  const head = ["chart", "scenario", ...cols.map((p) => `${p.phase} (${p.status} ${duration(p.ms)})`)];
  const body = t.rows.map((r) => [...rowName(r), ...cols.map((p) => cellWords(r.cells[p.phase], false))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return ["runs (check time per cell):", line(head), ...body.map(line)];
}
