// What the gate's stages share: the run they all read (built once, never changed), the rule ids the gate
// reports itself, and how a stage says what it checked (a CheckStatus, with floe-gate.yaml's `off` and
// `covers` applied in one place).
import type { Check, CheckContext } from "../../checks/types.js";
import type { HelmMajor, Inputs } from "../../config/inputs.js";
import type { CheckState, CheckStatus, Finding } from "../../core/findings.js";
import type { GatePlan } from "../../plan/plan.js";
import type { GateConfig } from "../../plan/types.js";
import { requirementsCoveredBy, severityFor } from "../../policy/apply.js";

export type { GatePlan };

/** Rule ids the gate reports itself (the registry's checks report theirs). */
export const gateRules = {
  yamlParse: "yaml-parse",
  duplicateKey: "duplicate-key",
  valuesSchema: "values-schema",
  lint: "lint",
  render: "render",
  deadValue: "dead-value",
  waiverUnused: "waiver-unused",
  dependency: "dependency",
  chartSchema: "chart-schema",
  /** Findings are `yaml-style/<yamllint rule>`, e.g. yaml-style/braces. */
  yamlStyle: "yaml-style",
  plainSecret: "plain-secret",
  schemaDrift: "schema-drift",
} as const;

/** One gate run: what every stage reads. Nothing in it changes once the run starts. */
export interface GateRun {
  readonly cwd: string;
  readonly inputs: Inputs;
  readonly config: GateConfig;
  readonly plan: GatePlan;
  /** The helm binary of each major the plan uses. */
  readonly helm: ReadonlyMap<HelmMajor, string>;
  /** The registry's checks that can run (kubesec's is left out when kubesec is unavailable). */
  readonly checks: readonly Check[];
  readonly checkCtx: CheckContext;
  /** At most this many helm renders (and as many lints) at once. */
  readonly parallelism: number;
  /** YYYY-MM-DD, for waiver expiry. */
  readonly today: string;
}

/** What a stage found and what it checked, in the order it checked it. */
export interface StageResult {
  readonly findings: readonly Finding[];
  readonly statuses: readonly CheckStatus[];
}

/** A check status as a stage states it; checkStatus adds floe-gate.yaml's view of the rule. */
export interface StatusOf {
  rule: string;
  id: string;
  state: CheckState;
  ms?: number;
  reason?: string;
}

/** The status of `s.rule`: skipped when floe-gate.yaml turns the rule off, with the requirements it covers. */
export function checkStatus(config: GateConfig, s: StatusOf): CheckStatus {
  const c = requirementsCoveredBy(config, [s.rule]);
  const off = severityFor(config, s.rule) === "off";
  return {
    id: s.id,
    rule: s.rule,
    state: off ? "skip" : s.state,
    ...(off ? { reason: "turned off in floe-gate.yaml" } : s.reason ? { reason: s.reason } : {}),
    ...(s.ms !== undefined ? { durationMs: s.ms } : {}),
    ...(c.length ? { covers: c } : {}),
  };
}

/** A check fails when one of its own findings is an error: the raw state a stage gives it. finalize settles
 * it once floe-gate.yaml judged the findings (settle.ts settledStatuses, by Finding.check). */
export const stateOf = (fs: readonly Pick<Finding, "severity">[]): CheckState =>
  fs.some((f) => f.severity === "error") ? "fail" : "pass";
