// Every check's state after floe-gate.yaml judged its findings (src/gate/stages/settle.ts settledStatuses): the
// findings name their check (Finding.check = CheckStatus.id), cell and chart-level checks alike; a check fails
// while one of them is an unwaived error and passes once none is, as the gate's verdict does.
import { describe, expect, it } from "vitest";
import type { CheckStatus, Finding } from "../../src/core/findings.js";
import { settle, settledStatuses } from "../../src/gate/stages/settle.js";
import { checkStatus } from "../../src/gate/stages/types.js";
import type { GateConfig } from "../../src/plan/types.js";

const cell = "policy/pdb app/prod helm4";
const chartLevel = "plain-secret app";
const f = (over: Partial<Finding>): Finding => ({
  rule: "policy/pdb",
  severity: "error",
  message: "no PodDisruptionBudget",
  chart: "app",
  scenario: "prod",
  helm: 4,
  object: "Deployment/app",
  check: cell,
  ...over,
});
const waived = { waived: { reason: "singleton" } };
const secret = (over: Partial<Finding>): Finding => ({
  rule: "plain-secret",
  severity: "warning",
  message: "password: a literal password where a reference is expected",
  file: "charts/app/values.yaml",
  line: 3,
  col: 3,
  chart: "app",
  object: "Value/charts/app/values.yaml:password",
  check: chartLevel,
  ...over,
});
const every = (n: number) => `every finding waived or below error in floe-gate.yaml (${n})`;

describe("settledStatuses", () => {
  it.each<[string, CheckStatus, Finding[], CheckStatus["state"], string | undefined]>([
    [
      "cell check, every error waived: pass",
      { id: cell, state: "fail" },
      [f(waived), f(waived)],
      "pass",
      every(2),
    ],
    [
      "cell check, lowered to a warning: pass",
      { id: cell, state: "fail" },
      [f({ severity: "warning" })],
      "pass",
      every(1),
    ],
    [
      "cell check, info and a waived error: pass",
      { id: cell, state: "fail" },
      [f({ severity: "info" }), f(waived)],
      "pass",
      every(2),
    ],
    [
      "cell check, one unwaived error left: fail",
      { id: cell, state: "fail" },
      [f(waived), f({})],
      "fail",
      undefined,
    ],
    [
      "only another check's findings: unchanged",
      { id: cell, state: "fail" },
      [f({ check: "policy/pdb app/dev helm4" })],
      "fail",
      undefined,
    ],
    [
      "a finding naming no check: unchanged",
      { id: cell, state: "fail" },
      [f({ ...waived, check: undefined })],
      "fail",
      undefined,
    ],
    [
      "failed without a finding of its own (render): unchanged",
      { id: "render app/prod helm4", state: "fail" },
      [],
      "fail",
      undefined,
    ],
    [
      "chart-level warning raised to error: fail",
      { id: chartLevel, state: "pass" },
      [secret({ severity: "error" })],
      "fail",
      undefined,
    ],
    [
      "chart-level, raised to error and waived: pass",
      { id: chartLevel, state: "pass" },
      [secret({ severity: "error", ...waived })],
      "pass",
      undefined,
    ],
    ["chart-level warnings: pass", { id: chartLevel, state: "pass" }, [secret({})], "pass", undefined],
    [
      "chart-level failed check, its error waived: pass",
      { id: "dependency app", state: "fail" },
      [f({ rule: "dependency", check: "dependency app", ...waived })],
      "pass",
      every(1),
    ],
    [
      "a check's own reason stays while it fails",
      { id: cell, state: "pass", reason: "note" },
      [f({})],
      "fail",
      "note",
    ],
    [
      "skipped: unchanged",
      { id: cell, state: "skip", reason: "turned off in floe-gate.yaml" },
      [f({})],
      "skip",
      "turned off in floe-gate.yaml",
    ],
    [
      "errored (the check threw): unchanged",
      { id: cell, state: "error", reason: "boom" },
      [f(waived)],
      "error",
      "boom",
    ],
  ])("%s", (_, status, findings, state, reason) => {
    const [s] = settledStatuses([status], findings);
    expect(s!.state).toBe(state);
    expect(s!.reason).toBe(reason);
    expect(s!.id).toBe(status.id);
  });
});

// floe-gate.yaml's policy through the one pipeline: settle() applies severities and waivers to the findings,
// settledStatuses() judges each check by the findings settle() returned. The config is built by hand (only the
// fields the policy reads), the policy code is the real one.
describe("settle, then settledStatuses", () => {
  const config = (over: Partial<GateConfig>): GateConfig =>
    ({ severity: {}, waivers: [], requirements: {}, ...over }) as unknown as GateConfig;
  const today = "2026-06-01";
  const run = (cfg: GateConfig, statuses: CheckStatus[], fs: Finding[]) =>
    settledStatuses(statuses, settle(fs, cfg, today));

  it("a warning rule raised to error fails its chart-level check; waived, it passes", () => {
    const raised = config({ severity: { "plain-secret": "error" } });
    const status = { id: chartLevel, rule: "plain-secret", state: "pass" as const };
    expect(run(raised, [status], [secret({})])[0]!.state).toBe("fail");
    const waiver = {
      rule: "plain-secret",
      object: "Value/charts/app/values.yaml:*",
      reason: "test fixture",
      expiry: "2027-01-01",
    };
    expect(run({ ...raised, waivers: [waiver] }, [status], [secret({})])[0]).toEqual(status);
  });

  it("a cell check whose errors a waiver covers passes, with the count; an expired waiver fails it again", () => {
    const status = { id: cell, rule: "policy/pdb", state: "fail" as const };
    const waiver = { rule: "policy/pdb", object: "Deployment/*", reason: "singleton", expiry: "2026-12-31" };
    expect(run(config({ waivers: [waiver] }), [status], [f({})])[0]).toEqual({
      ...status,
      state: "pass",
      reason: every(1),
    });
    expect(run(config({ waivers: [{ ...waiver, expiry: "2026-01-01" }] }), [status], [f({})])[0]).toEqual(
      status,
    );
  });

  it("a rule turned off: its check is skipped and its findings are dropped", () => {
    const off = config({ severity: { "policy/pdb": "off" } });
    const status = checkStatus(off, { rule: "policy/pdb", id: cell, state: "fail" });
    expect(run(off, [status], [f({})])).toEqual([
      { id: cell, rule: "policy/pdb", state: "skip", reason: "turned off in floe-gate.yaml" },
    ]);
    expect(settle([f({})], off, today)).toEqual([]);
  });

  it("equal findings of two checks are each kept for their own check", () => {
    const other = "policy/pdb app/prod helm4 again";
    const fs = settle([f({}), f({ check: other }), f({})], config({}), today);
    expect(fs.map((x) => x.check)).toEqual([cell, other]);
    expect(
      settledStatuses(
        [
          { id: cell, state: "pass" },
          { id: other, state: "pass" },
        ],
        fs,
      ).map((s) => s.state),
    ).toEqual(["fail", "fail"]);
  });
});
