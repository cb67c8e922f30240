// The report's outputs verdict and coverage (src/report/outputs.ts) over coverage matrices built from results.
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/core/errors.js";
import { coverageMatrix } from "../../src/report/coverage.js";
import { coverageOutput, reportOutputs } from "../../src/report/outputs.js";
import type { CheckStatus, PhaseResults } from "../../src/report/results.js";

const gate = (checks: CheckStatus[]): PhaseResults => ({
  schemaVersion: 1,
  phase: "gate",
  startedAt: "2026-12-01T10:00:00.000Z",
  finishedAt: "2026-12-01T10:00:01.000Z",
  status: "pass",
  findings: [],
  checks,
});

describe("report outputs", () => {
  const all = [
    gate([
      { id: "lint a/x helm4", rule: "lint", state: "pass" },
      { id: "render a/x helm4", rule: "render", state: "fail" },
      {
        id: "helm-test t a/x helm4",
        rule: "helm-test",
        state: "skip",
        reason: "runs only in a cluster",
        covers: ["INT-1"],
      },
    ]),
  ];

  it("coverage counts the declared requirements that passed; a check's own ids are not counted then", () => {
    const m = coverageMatrix(all, {
      LINT: { covers: ["lint"] },
      RENDER: { covers: ["render"] },
      UPG: { covers: ["upgrade/*"] },
    });
    expect(m.rows.map((r) => `${r.requirement} ${r.state}`).sort()).toEqual([
      "INT-1 skip",
      "LINT pass",
      "RENDER fail",
      "UPG not-covered",
    ]);
    expect(coverageOutput(m)).toBe("1/3");
  });

  it("with no requirements declared, every id a check names counts", () => {
    expect(coverageOutput(coverageMatrix(all, {}))).toBe("0/1");
    expect(coverageOutput(undefined)).toBe("0/0");
  });

  it.each([
    [ExitCode.Pass, "pass"],
    [ExitCode.GateFailed, "fail"],
    [ExitCode.BadInput, "fail"],
    [ExitCode.ToolFailed, "fail"],
  ])("exit code %s is verdict %s", (code, verdict) => {
    expect(reportOutputs(code, undefined)).toEqual({ verdict, coverage: "0/0" });
  });
});
