// What the phase reports (and each progress line counts): floe-gate.yaml's severity overrides and waivers
// applied (src/policy/apply.ts), one finding per cell (the report groups them across scenarios and helm
// majors). Helm 3 and 4 word render errors differently: at the same template line of a scenario both read
// as the first one.
import type { Finding } from "../../core/findings.js";
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
    const cellKey = JSON.stringify([key, p.helm]);
    if (seen.has(cellKey)) continue;
    seen.add(cellKey);
    out.push(message === p.message ? p : { ...p, message });
  }
  return out;
}
