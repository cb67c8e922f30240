// What the phase reports (and each progress line counts): floe-gate.yaml's severity overrides and waivers
// applied (src/policy/apply.ts), one finding per cell (the report groups them across scenarios and helm
// majors). Helm 3 and 4 word render errors differently: at the same template line of a scenario both read
// as the first one. Then every check's state from its findings so judged: the one place a check's verdict is
// settled, for cell and chart-level checks alike.
import type { CheckStatus, Finding } from "../../core/findings.js";
import type { GateConfig } from "../../plan/types.js";
import { applyPolicy } from "../../policy/apply.js";
import { gateRules } from "./types.js";

/** The findings as reported, in their order; `kept` receives every finding the policy keeps (the waivers'
 * use is judged on them). */
export function settle(
  fs: readonly Finding[],
  config: GateConfig,
  today: string,
  kept?: Finding[],
): Finding[] {
  const wording = new Map<string, string>();
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of fs) {
    const p = applyPolicy(f, config, today);
    if (!p) continue;
    kept?.push(p);
    const msg = p.rule === gateRules.render && p.line ? "" : p.message;
    const key = JSON.stringify([p.rule, p.file, p.line, p.col, msg, p.chart, p.scenario, p.object]);
    const message = wording.get(key) ?? p.message;
    wording.set(key, message);
    // Per check too, so each check keeps its own findings (settledStatuses).
    const cellKey = JSON.stringify([key, p.helm, p.check]);
    if (seen.has(cellKey)) continue;
    seen.add(cellKey);
    out.push(message === p.message ? p : { ...p, message });
  }
  return out;
}

/** Each check's state once floe-gate.yaml has judged its findings (those whose `check` is its id; `settled`
 * is what settle() returned): failed while one of them is an unwaived error, passed once none is (waived,
 * or lowered below error), as the phase's verdict counts them. A check with no such finding keeps the state
 * its stage gave it (a render or lint that failed without a finding of its own); skipped and errored checks
 * keep theirs. */
export function settledStatuses(
  statuses: readonly CheckStatus[],
  settled: readonly Finding[],
): CheckStatus[] {
  const byCheck = new Map<string, { errors: number; excused: number }>();
  for (const f of settled) {
    if (f.check === undefined) continue;
    const c = byCheck.get(f.check) ?? { errors: 0, excused: 0 };
    if (f.severity === "error" && !f.waived) c.errors++;
    else c.excused++;
    byCheck.set(f.check, c);
  }
  return statuses.map((s) => {
    const c = byCheck.get(s.id);
    if (!c || (s.state !== "pass" && s.state !== "fail")) return s;
    if (c.errors > 0) return s.state === "fail" ? s : { ...s, state: "fail" };
    if (s.state === "pass") return s;
    return {
      ...s,
      state: "pass",
      reason: `every finding waived or below error in floe-gate.yaml (${c.excused})`,
    };
  });
}
