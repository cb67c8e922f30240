// A cell's check after floe-gate.yaml judged its findings (src/gate/stages/finalize.ts settledStatuses): it
// passes once none of its findings is an unwaived error, as the gate's verdict does; otherwise it keeps its state.
import { describe, expect, it } from "vitest";
import type { CheckStatus, Finding } from "../../src/core/findings.js";
import { settledStatuses } from "../../src/gate/stages/finalize.js";

const id = "policy/pdb app/prod helm4";
const check: CheckStatus = { id, rule: "policy/pdb", state: "fail" };
const f = (over: Partial<Finding>): Finding => ({
  rule: "policy/pdb",
  severity: "error",
  message: "no PodDisruptionBudget",
  chart: "app",
  scenario: "prod",
  helm: 4,
  ...over,
});
const waived = { waived: { reason: "singleton" } };

describe("settledStatuses", () => {
  it.each<[string, Finding[], CheckStatus["state"], string | undefined]>([
    [
      "every error waived: pass",
      [f(waived), f(waived)],
      "pass",
      "every finding waived or below error in floe-gate.yaml (2)",
    ],
    [
      "lowered to a warning: pass",
      [f({ severity: "warning" })],
      "pass",
      "every finding waived or below error in floe-gate.yaml (1)",
    ],
    ["one unwaived error left: fail", [f(waived), f({})], "fail", undefined],
    ["no finding names the cell: unchanged", [f({ scenario: "dev" })], "fail", undefined],
    ["a finding without its cell: unchanged", [f({ ...waived, helm: undefined })], "fail", undefined],
  ])("%s", (_, findings, state, reason) => {
    const [s] = settledStatuses([check], findings);
    expect(s!.state).toBe(state);
    expect(s!.reason).toBe(reason);
  });

  it("leaves passing and skipped checks alone", () => {
    const skip: CheckStatus = { id, rule: "policy/pdb", state: "skip", reason: "turned off" };
    expect(settledStatuses([skip, { ...check, state: "pass" }], [f({})])).toEqual([
      skip,
      { ...check, state: "pass" },
    ]);
  });
});
