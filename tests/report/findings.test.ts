// One finding per (place, rule, message): the grouping every human-facing output uses (src/report/findings.ts)
// and what the terminal, the annotations, the job summary and the verdict make of it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { countBySeverity, groupFindings, occurrences } from "../../src/report/findings.js";
import { annotate, summaryMarkdown } from "../../src/report/github.js";
import type { Finding, PhaseResults } from "../../src/report/results.js";
import { formatFinding, verdictLine } from "../../src/report/terminal.js";

const at = { rule: "dangling-reference", file: "charts/x/templates/d.yaml", line: 9, col: 5, chart: "x" };
const missing: Finding = {
  ...at,
  severity: "error",
  message: "Deployment/x env A of container 'c': Secret 'db' is not rendered",
  object: "Deployment/x",
};
// The same template line in three scenarios, with helm 3 and 4 (scenario b only with helm 4), and a waived
// finding in two scenarios: 6 + 2 cells, two distinct findings.
const cells: Finding[] = [
  { ...missing, scenario: "ci/a", helm: 3 },
  { ...missing, scenario: "ci/a", helm: 4 },
  { ...missing, scenario: "ci/c", helm: 3 },
  { ...missing, scenario: "ci/c", helm: 4 },
  { ...missing, scenario: "ci/b", helm: 4 },
  { ...missing, scenario: "ci/b", helm: 4 },
  {
    ...at,
    line: 20,
    severity: "error",
    message: "legacy",
    object: "Deployment/legacy",
    waived: { reason: "until 2.0", expires: "2999-12-31" },
    scenario: "ci/a",
    helm: 3,
  },
  {
    ...at,
    line: 20,
    severity: "error",
    message: "legacy",
    object: "Deployment/legacy",
    waived: { reason: "until 2.0", expires: "2999-12-31" },
    scenario: "ci/b",
    helm: 3,
  },
];

describe("groupFindings", () => {
  it("one group per distinct finding, its scenarios in reported order and its helm majors ascending", () => {
    const groups = groupFindings(cells);
    expect(groups.map((g) => [g.finding.line, g.scenarios, g.helm])).toEqual([
      [9, ["ci/a", "ci/c", "ci/b"], [3, 4]],
      [20, ["ci/a", "ci/b"], [3]],
    ]);
    // The group's finding is no longer tied to one cell.
    expect(groups[0]!.finding).toEqual(missing);
  });

  it("a group spans cells: the check its first finding names (one cell's) is not the group's", () => {
    const named = cells.map((f) => ({ ...f, check: `dangling-reference x/${f.scenario} helm${f.helm}` }));
    const groups = groupFindings(named);
    expect(groups.map((g) => [g.finding.line, g.scenarios, g.helm])).toEqual([
      [9, ["ci/a", "ci/c", "ci/b"], [3, 4]],
      [20, ["ci/a", "ci/b"], [3]],
    ]);
    expect(groups[0]!.finding).toEqual(missing);
  });

  it.each<[string, Partial<Finding>]>([
    ["another message", { message: "other" }],
    ["another line", { line: 10 }],
    ["another column", { col: 6 }],
    ["another rule", { rule: "lint" }],
    ["another severity", { severity: "warning" }],
    ["another object", { object: "Deployment/y" }],
    ["another chart", { chart: "y" }],
    ["waived", { waived: { reason: "r" } }],
  ])("keeps %s apart", (_why, change) => {
    expect(groupFindings([missing, { ...missing, ...change }])).toHaveLength(2);
  });

  it.each([
    [{ scenarios: ["ci/a", "ci/b"], helm: [3, 4] }, "scenarios: ci/a, ci/b; helm 3, 4"],
    [{ scenarios: ["prod"], helm: [4] }, "scenario: prod; helm 4"],
    [{ scenarios: ["prod"], helm: [] }, "scenario: prod"],
    [{ scenarios: [], helm: [3] }, "helm 3"],
    [{ scenarios: [], helm: [] }, ""],
  ])("occurrences %j -> %j", (where, want) => {
    expect(occurrences({ finding: missing, ...where })).toBe(want);
  });
});

describe("every output shows each distinct finding once, and counts it once", () => {
  const results: PhaseResults = {
    schemaVersion: 1,
    phase: "gate",
    startedAt: "2026-01-01T00:00:00.000Z",
    finishedAt: "2026-01-01T00:00:01.000Z",
    status: "fail",
    findings: cells,
    checks: [],
  };

  it("terminal: one line each, with its scenarios and helm majors", () => {
    expect(groupFindings(cells).map(formatFinding)).toEqual([
      "charts/x/templates/d.yaml:9:5: error dangling-reference: Deployment/x env A of container 'c': Secret 'db' is not rendered (scenarios: ci/a, ci/c, ci/b; helm 3, 4)",
      "charts/x/templates/d.yaml:20:5: error dangling-reference: legacy (scenarios: ci/a, ci/b; helm 3) [waived: until 2.0]",
    ]);
  });

  it("verdict and counts: 1 error, 1 waived (not 6 and 2)", () => {
    expect(countBySeverity(cells)).toEqual({ errors: 1, warnings: 0, waived: 1 });
    expect(verdictLine(results, 1000)).toBe(
      "gate: FAIL: 1 error(s), 0 warning(s), 1 waived, 0 check(s) in 1.0s",
    );
  });

  it("the verdict names why a phase could not run unless it was already printed", () => {
    const r = { ...results, status: "error" as const, findings: [], error: "no charts" };
    expect(verdictLine(r, 0)).toBe(
      "gate: ERROR: 0 error(s), 0 warning(s), 0 waived, 0 check(s) in 0.0s (no charts)",
    );
    expect(verdictLine(r, 0, { withError: false })).toBe(
      "gate: ERROR: 0 error(s), 0 warning(s), 0 waived, 0 check(s) in 0.0s",
    );
  });

  it("job summary: one row each, the phase row counting distinct findings", () => {
    const md = summaryMarkdown([results]).split("\n");
    expect(md).toContain("| gate | ❌ fail | 1 | 0 | 1 | 0 |");
    // The failed rule's findings first, waived ones collapsed.
    expect(md.slice(md.indexOf("### Failed checks: first findings"))).toEqual([
      "### Failed checks: first findings",
      "",
      "#### ❌ `dangling-reference` (gate): 1 finding(s)",
      "",
      "| Severity | Rule | Where | Message |",
      "|---|---|---|---|",
      "| error | `dangling-reference` | `charts/x/templates/d.yaml:9` | Deployment/x env A of container 'c': Secret 'db' is not rendered (scenarios: ci/a, ci/c, ci/b; helm 3, 4) |",
      "",
      "<details><summary>Waived (1)</summary>",
      "",
      "| Severity | Rule | Where | Message |",
      "|---|---|---|---|",
      "| waived | `dangling-reference` | `charts/x/templates/d.yaml:20` | legacy (scenarios: ci/a, ci/b; helm 3) |",
      "",
      "</details>",
      "",
    ]);
  });

  describe("annotations", () => {
    afterEach(() => vi.restoreAllMocks());
    it("one per distinct finding, at its file and line, naming its scenarios and helm majors", () => {
      const written: string[] = [];
      vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => {
        written.push(String(s));
        return true;
      });
      for (const g of groupFindings(cells)) annotate(g);
      expect(written.join("").trimEnd().split("\n")).toEqual([
        "::error title=dangling-reference,file=charts/x/templates/d.yaml,line=9,col=5::Deployment/x: Deployment/x env A of container 'c': Secret 'db' is not rendered (scenarios: ci/a, ci/c, ci/b; helm 3, 4)",
        "::notice title=dangling-reference,file=charts/x/templates/d.yaml,line=20,col=5::Deployment/legacy: legacy (scenarios: ci/a, ci/b; helm 3) [waived: until 2.0]",
      ]);
    });
  });
});
