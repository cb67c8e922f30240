// Requirement coverage matrix: requirement x phase -> pass / fail / skipped (with every skip's reason) /
// not covered. Pure: built from the phases' results files and floe-gate.yaml's `requirements:`, so the
// job summary and the terminal say the same thing. A check covers a requirement when its results entry
// says so (`covers`: the gate and upgrade-check fill it from floe-gate.yaml, helm test pods from their
// `floe.dev/covers` annotation) or when its rule matches one of the requirement's rule patterns.

import { matchesWildcard } from "../core/wildcard.js";
import type { CheckStatus, PhaseResults } from "./results.js";

export type CellState = "pass" | "fail" | "skip";
export type RowState = CellState | "not-covered";

export interface CoverageCell {
  state: CellState;
  pass: number;
  fail: number;
  skip: number;
  /** Why the skipped checks were skipped: reason -> number of checks (a skip without one says so). */
  skipReasons: Record<string, number>;
}

export interface CoverageRow {
  requirement: string;
  /** Listed under `requirements:` in floe-gate.yaml (otherwise only named by a check's `covers`). */
  declared: boolean;
  /** Phase name -> cell; a phase with no check covering the requirement is absent. */
  cells: Record<string, CoverageCell>;
  state: RowState;
}

export interface CoverageMatrix {
  /** Phases with at least one covering check, in results order. */
  phases: string[];
  rows: CoverageRow[];
  /** What the cluster phases say their run did not verify (their `not-verified` output), per phase. */
  notVerified: Array<{ phase: string; what: string }>;
}

export const NO_REASON = "no reason given";

const glob = matchesWildcard;

function coversOf(c: CheckStatus, requirements: Readonly<Record<string, readonly string[]>>): string[] {
  const ids = new Set(c.covers ?? []);
  if (c.rule) {
    for (const [req, rules] of Object.entries(requirements)) {
      if (rules.some((r) => glob(r, c.rule!))) ids.add(req);
    }
  }
  return [...ids];
}

const byId = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

export function coverageMatrix(
  all: readonly PhaseResults[],
  requirements: Readonly<Record<string, readonly string[]>> = {},
): CoverageMatrix {
  const rows = new Map<string, CoverageRow>();
  const row = (id: string): CoverageRow => {
    let r = rows.get(id);
    if (!r) {
      r = { requirement: id, declared: id in requirements, cells: {}, state: "not-covered" };
      rows.set(id, r);
    }
    return r;
  };
  for (const id of Object.keys(requirements)) row(id);
  const phases: string[] = [];
  for (const results of all) {
    for (const check of results.checks) {
      for (const id of coversOf(check, requirements)) {
        const r = row(id);
        r.cells[results.phase] ??= { state: "skip", pass: 0, fail: 0, skip: 0, skipReasons: {} };
        const cell = r.cells[results.phase]!;
        if (!phases.includes(results.phase)) phases.push(results.phase);
        if (check.state === "pass") cell.pass++;
        else if (check.state === "skip") {
          cell.skip++;
          const why = check.reason?.trim() || NO_REASON;
          cell.skipReasons[why] = (cell.skipReasons[why] ?? 0) + 1;
        } else cell.fail++; // fail, and error: a check that could not run proves nothing
      }
    }
  }
  for (const r of rows.values()) {
    const cells = Object.values(r.cells);
    for (const c of cells) c.state = c.fail ? "fail" : c.pass ? "pass" : "skip";
    r.state = !cells.length
      ? "not-covered"
      : cells.some((c) => c.state === "fail")
        ? "fail"
        : cells.some((c) => c.state === "pass")
          ? "pass"
          : "skip";
  }
  const notVerified = all.flatMap((r) =>
    r.outputs?.["not-verified"] ? [{ phase: r.phase, what: r.outputs["not-verified"] }] : [],
  );
  return {
    phases,
    rows: [...rows.values()].sort((a, b) => byId(a.requirement, b.requirement)),
    notVerified,
  };
}

/** Requirements listed in floe-gate.yaml that no check of any phase covers. */
export function notCovered(m: CoverageMatrix): string[] {
  return m.rows.filter((r) => r.state === "not-covered").map((r) => r.requirement);
}

/** `pass 12`, `FAIL 1/13`, `pass 4 (+2 skipped)`, `skipped 7`: the checks behind one cell. */
export function cellText(c: CoverageCell | undefined): string {
  if (!c) return "-";
  const total = c.pass + c.fail + c.skip;
  if (c.state === "skip") return `skipped ${c.skip}`;
  const head = c.state === "fail" ? `FAIL ${c.fail}/${total}` : `pass ${c.pass}`;
  return c.state === "pass" && c.skip ? `${head} (+${c.skip} skipped)` : head;
}

export const rowWord = { pass: "pass", fail: "FAIL", skip: "skipped", "not-covered": "NOT COVERED" } as const;

/** Every distinct skip reason of the matrix: requirement, phase, reason, number of checks. */
export function skipReasons(
  m: CoverageMatrix,
): Array<{ requirement: string; phase: string; reason: string; checks: number }> {
  return m.rows.flatMap((r) =>
    Object.entries(r.cells).flatMap(([phase, c]) =>
      Object.entries(c.skipReasons).map(([reason, checks]) => ({
        requirement: r.requirement,
        phase,
        reason,
        checks,
      })),
    ),
  );
}

/** A short fixed-width table for `floe-helm report`, then each skip reason once per phase. */
export function coverageTerminal(m: CoverageMatrix): string[] {
  if (!m.rows.length) return [];
  const head = ["requirement", ...m.phases, "result"];
  const body = m.rows.map((r) => [
    r.requirement,
    ...m.phases.map((p) => cellText(r.cells[p])),
    rowWord[r.state],
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cols: string[]) =>
    cols
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const out = ["coverage:", line(head), ...body.map(line)];
  // Reasons are shared by many requirements (e.g. "runs only in a cluster"): print each once per phase.
  const seen = new Map<string, Set<string>>();
  for (const s of skipReasons(m)) {
    const key = `${s.phase}: ${s.reason}`;
    if (!seen.has(key)) seen.set(key, new Set());
    seen.get(key)!.add(s.requirement);
  }
  for (const [key, reqs] of seen) out.push(`skipped in ${key} (${[...reqs].sort(byId).join(", ")})`);
  const missing = notCovered(m);
  if (missing.length)
    out.push(
      `not covered: ${missing.join(", ")}: declared in floe-gate.yaml requirements but no check of any phase covers them`,
    );
  for (const n of m.notVerified) out.push(`not verified here (${n.phase}): ${n.what}`);
  return out;
}

const mdIcon = { pass: "✅", fail: "❌", skip: "⏭️", "not-covered": "⚠️" } as const;

function escapeCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** The job summary's "Requirement coverage" section (empty when no requirement is known). */
export function coverageMarkdown(m: CoverageMatrix): string[] {
  if (!m.rows.length) return [];
  const lines = [
    "### Requirement coverage",
    "",
    `| Requirement | ${m.phases.join(" | ")}${m.phases.length ? " | " : ""}Result |`,
    `|---|${m.phases.map(() => "---|").join("")}---|`,
  ];
  for (const r of m.rows) {
    const cells = m.phases.map((p) => {
      const c = r.cells[p];
      return c ? `${mdIcon[c.state]} ${cellText(c)}` : "–";
    });
    const name = r.declared ? `\`${r.requirement}\`` : `\`${r.requirement}\`*`;
    lines.push(`| ${[name, ...cells, `${mdIcon[r.state]} ${rowWord[r.state]}`].join(" | ")} |`);
  }
  if (m.rows.some((r) => !r.declared))
    lines.push(
      "",
      "\\* not in floe-gate.yaml `requirements:`: named by a check's `covers` (e.g. a helm test pod's `floe.dev/covers`).",
    );
  const skips = skipReasons(m);
  if (skips.length) {
    lines.push("", "#### Skipped", "", "| Requirement | Phase | Checks | Reason |", "|---|---|---|---|");
    for (const s of skips)
      lines.push(`| \`${s.requirement}\` | ${s.phase} | ${s.checks} | ${escapeCell(s.reason)} |`);
  }
  const missing = notCovered(m);
  if (missing.length)
    lines.push(
      "",
      `**Not covered:** ${missing.map((id) => `\`${id}\``).join(", ")}: declared in floe-gate.yaml \`requirements:\` but no check of any phase covers them.`,
    );
  for (const n of m.notVerified) lines.push("", `**Not verified here** (${n.phase}): ${escapeCell(n.what)}.`);
  return lines;
}
