// How floe-gate.yaml's policy applies to what any phase finds: severity overrides (exact rule id, else the
// longest `*` pattern; `off` drops the finding), waivers, and the requirements a rule proves. Every phase
// (gate, upgrade-check, ...) hands its findings through here, so a rule is judged the same wherever it runs.
import type { Finding, Severity } from "../core/findings.js";
import { matchesWildcard } from "../core/wildcard.js";
import type { GateConfig } from "../plan/types.js";
import { applyWaivers } from "./waivers.js";

/** The severity floe-gate.yaml sets for a rule: its exact id first, then the longest matching pattern
 * (`policy/*`). */
export function severityFor(config: GateConfig, rule: string): Severity | "off" | undefined {
  const exact = config.severity[rule];
  if (exact) return exact;
  const hits = Object.keys(config.severity)
    .filter((k) => k.includes("*") && matchesWildcard(k, rule))
    .sort((a, b) => b.length - a.length);
  return hits[0] ? config.severity[hits[0]] : undefined;
}

/** Applies floe-gate.yaml severity overrides (`off` drops the finding) and waivers (src/policy/waivers.ts).
 * An override sets how a rule's problems count: what a rule only notes (info) stays info. */
export function applyPolicy(f: Finding, config: GateConfig, today: string): Finding | undefined {
  const sev = severityFor(config, f.rule);
  if (sev === "off") return undefined;
  const out: Finding = sev && f.severity !== "info" ? { ...f, severity: sev } : f;
  return applyWaivers([out], config.waivers, today)[0];
}

/** The requirement ids of floe-gate.yaml that any of `rules` proves (the coverage matrix's `covers`). */
export function requirementsCoveredBy(config: GateConfig, rules: readonly string[]): string[] {
  return Object.entries(config.requirements)
    .filter(([, patterns]) => patterns.some((p) => rules.some((r) => matchesWildcard(p, r))))
    .map(([id]) => id);
}
