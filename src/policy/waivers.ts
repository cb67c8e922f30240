// Waivers from floe-gate.yaml (rule, object, reason, expiry): a matching finding is still reported, marked
// waived, and no longer fails the gate. From the day after its expiry a waiver no longer applies, and the
// finding says so (an expired waiver is visible, never silently ignored). The gate applies them to every
// finding, so checks never handle waivers themselves.
import type { Finding } from "../core/findings.js";
import { matchesWildcard } from "../core/wildcard.js";
import type { Waiver } from "../plan/types.js";

const glob = matchesWildcard;

export function waiverMatches(w: Waiver, f: Finding): boolean {
  return f.object !== undefined && glob(w.rule, f.rule) && glob(w.object, f.object);
}

/** `today` is YYYY-MM-DD (UTC); a waiver holds through its expiry day. */
export function applyWaivers(
  findings: readonly Finding[],
  waivers: readonly Waiver[],
  today: string,
): Finding[] {
  return findings.map((f) => {
    const matching = waivers.filter((w) => waiverMatches(w, f));
    if (matching.length === 0) return f;
    const active = matching.find((w) => w.expiry >= today);
    if (active) return { ...f, waived: { reason: active.reason, expires: active.expiry } };
    const expired = matching[0]!;
    return {
      ...f,
      message: `${f.message} (waiver expired ${expired.expiry}, no longer applies: ${expired.reason})`,
    };
  });
}

/** upgrade-check's rules (src/upgrade): the gate never reports them, so it cannot call their waivers
 * unused; upgrade-check does not either (what it finds depends on the base revision of each run). */
export const isUpgradeRule = (rule: string): boolean => rule.startsWith("upgrade/");

/** The report's coverage verdict (src/report/coverage.ts): judged after every phase, never by the gate. */
export const isReportRule = (rule: string): boolean => rule === "coverage";

/** Waivers that matched no finding of the run (expired ones that matched are already named in the
 * finding): they excuse nothing any more and should be removed before they hide a new problem. */
export function unusedWaivers(waivers: readonly Waiver[], findings: readonly Finding[]): Waiver[] {
  return waivers.filter(
    (w) => !isUpgradeRule(w.rule) && !isReportRule(w.rule) && !findings.some((f) => waiverMatches(w, f)),
  );
}
