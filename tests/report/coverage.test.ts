// The requirement coverage matrix (src/report/coverage.ts) and helm test pods' covers
// (src/report/test-pods.ts): pure functions, table-driven.
import { describe, expect, it } from "vitest";
import {
  cellText,
  coverageMarkdown,
  coverageMatrix,
  coverageTerminal,
  NO_REASON,
  notCovered,
} from "../../src/report/coverage.js";
import type { CheckStatus, PhaseResults } from "../../src/report/results.js";
import { gateTestPodStatuses, NOT_RUN_STATICALLY, testPods } from "../../src/report/test-pods.js";

function phase(name: string, checks: CheckStatus[]): PhaseResults {
  return {
    schemaVersion: 1,
    phase: name,
    startedAt: "2026-01-01T00:00:00Z",
    finishedAt: "2026-01-01T00:00:01Z",
    status: "pass",
    findings: [],
    checks,
  };
}

type Cells = Record<string, string>;
/** requirement -> "phase=cellText" strings + row state, for compact tables. */
function summarize(all: PhaseResults[], reqs: Record<string, string[]> = {}): Record<string, string> {
  const m = coverageMatrix(all, reqs);
  return Object.fromEntries(
    m.rows.map((r) => [
      r.requirement,
      [...Object.entries(r.cells).map(([p, c]) => `${p}=${cellText(c)}`), r.state].join(" "),
    ]),
  );
}

describe("coverageMatrix", () => {
  it.each<[string, PhaseResults[], Record<string, string[]>, Cells]>([
    ["no results, no requirements: empty", [], {}, {}],
    [
      "declared requirement nothing covers: not covered",
      [phase("gate", [])],
      { "REQ-1": ["kubesec"] },
      { "REQ-1": "not-covered" },
    ],
    [
      "covers on the check: passing checks",
      [
        phase("gate", [
          { id: "a", state: "pass", covers: ["R"] },
          { id: "b", state: "pass", covers: ["R"] },
        ]),
      ],
      {},
      { R: "gate=pass 2 pass" },
    ],
    [
      "one failing check fails the cell and the row",
      [
        phase("gate", [
          { id: "a", state: "pass", covers: ["R"] },
          { id: "b", state: "fail", covers: ["R"] },
        ]),
      ],
      {},
      { R: "gate=FAIL 1/2 fail" },
    ],
    [
      "an errored check counts as failed (it proved nothing)",
      [phase("gate", [{ id: "a", state: "error", reason: "boom", covers: ["R"] }])],
      {},
      { R: "gate=FAIL 1/1 fail" },
    ],
    [
      "only skipped checks: skipped",
      [phase("gate", [{ id: "a", state: "skip", reason: "r", covers: ["R"] }])],
      {},
      { R: "gate=skipped 1 skip" },
    ],
    [
      "pass with some skips: pass, skips counted",
      [
        phase("gate", [
          { id: "a", state: "pass", covers: ["R"] },
          { id: "b", state: "skip", reason: "r", covers: ["R"] },
        ]),
      ],
      {},
      { R: "gate=pass 1 (+1 skipped) pass" },
    ],
    [
      "rule patterns of floe-gate.yaml match checks that carry no covers",
      [
        phase("gate", [
          { id: "policy/resources x", rule: "policy/resources", state: "pass" },
          { id: "lint x", rule: "lint", state: "pass" },
        ]),
      ],
      { SEC: ["policy/*"], LINT: ["lint"], NONE: ["kubesec"] },
      { LINT: "gate=pass 1 pass", NONE: "not-covered", SEC: "gate=pass 1 pass" },
    ],
    [
      "covers and a matching pattern on the same check count it once",
      [phase("gate", [{ id: "k", rule: "kubesec", state: "pass", covers: ["SEC"] }])],
      { SEC: ["kubesec"] },
      { SEC: "gate=pass 1 pass" },
    ],
    [
      "skipped in the gate, passed by a later phase: pass overall; failed in one phase: fail overall",
      [
        phase("gate", [{ id: "t", state: "skip", reason: "cluster only", covers: ["INT-1", "INT-2"] }]),
        phase("test", [
          { id: "t1", state: "pass", covers: ["INT-1"] },
          { id: "t2", state: "fail", covers: ["INT-2"] },
        ]),
      ],
      {},
      { "INT-1": "gate=skipped 1 test=pass 1 pass", "INT-2": "gate=skipped 1 test=FAIL 1/1 fail" },
    ],
  ])("%s", (_name, all, reqs, want) => {
    expect(summarize(all, reqs)).toEqual(want);
  });

  it("orders requirements by id with numbers compared as numbers, marks undeclared ones", () => {
    const m = coverageMatrix(
      [phase("gate", [{ id: "a", state: "pass", covers: ["INT-10", "INT-2", "E2E-1"] }])],
      { "INT-2": ["x"] },
    );
    expect(m.rows.map((r) => [r.requirement, r.declared])).toEqual([
      ["E2E-1", false],
      ["INT-2", true],
      ["INT-10", false],
    ]);
    expect(m.phases).toEqual(["gate"]);
  });

  it("keeps every skip reason with its count; a skip without a reason says so", () => {
    const m = coverageMatrix([
      phase("gate", [
        { id: "a", state: "skip", reason: "the chart did not render", covers: ["R"] },
        { id: "b", state: "skip", reason: "the chart did not render", covers: ["R"] },
        { id: "c", state: "skip", covers: ["R"] },
      ]),
    ]);
    expect(m.rows[0]!.cells.gate!.skipReasons).toEqual({ "the chart did not render": 2, [NO_REASON]: 1 });
  });

  it("lists declared requirements no phase covers", () => {
    const m = coverageMatrix([phase("gate", [{ id: "a", state: "pass", covers: ["A"] }])], {
      A: ["x"],
      B: ["y"],
    });
    expect(notCovered(m)).toEqual(["B"]);
  });
});

describe("coverage output", () => {
  const m = coverageMatrix(
    [
      phase("gate", [
        { id: "k", rule: "kubesec", state: "pass" },
        { id: "t", state: "skip", reason: "cluster | only", covers: ["INT-1"] },
      ]),
      phase("upgrade-check", [{ id: "u", rule: "upgrade/immutable-field", state: "fail" }]),
    ],
    { SEC: ["kubesec"], UPG: ["upgrade/*"], GONE: ["nothing"] },
  );

  it("Markdown: one row per requirement, a column per phase, skip reasons, what is not covered", () => {
    expect(coverageMarkdown(m)).toEqual([
      "### Requirement coverage",
      "",
      "| Requirement | gate | upgrade-check | Result |",
      "|---|---|---|---|",
      "| `GONE` | – | – | ⚠️ NOT COVERED |",
      "| `INT-1`* | ⏭️ skipped 1 | – | ⏭️ skipped |",
      "| `SEC` | ✅ pass 1 | – | ✅ pass |",
      "| `UPG` | – | ❌ FAIL 1/1 | ❌ FAIL |",
      "",
      "\\* not in floe-gate.yaml `requirements:`: named by a check's `covers` (e.g. a helm test pod's `floe.dev/covers`).",
      "",
      "#### Skipped",
      "",
      "| Requirement | Phase | Checks | Reason |",
      "|---|---|---|---|",
      "| `INT-1` | gate | 1 | cluster \\| only |",
      "",
      "**Not covered:** `GONE`: declared in floe-gate.yaml `requirements:` but no check of any phase covers them.",
    ]);
  });

  it("terminal: an aligned table, each skip reason once per phase, then what is not covered", () => {
    expect(coverageTerminal(m)).toEqual([
      "coverage:",
      "requirement  gate       upgrade-check  result",
      "GONE         -          -              NOT COVERED",
      "INT-1        skipped 1  -              skipped",
      "SEC          pass 1     -              pass",
      "UPG          -          FAIL 1/1       FAIL",
      "skipped in gate: cluster | only (INT-1)",
      "not covered: GONE: declared in floe-gate.yaml requirements but no check of any phase covers them",
    ]);
  });

  it("says nothing when no requirement is known", () => {
    const empty = coverageMatrix([phase("gate", [{ id: "a", state: "pass" }])]);
    expect(coverageMarkdown(empty)).toEqual([]);
    expect(coverageTerminal(empty)).toEqual([]);
  });
});

describe("helm test pods", () => {
  const pod = (name: string, annotations: Record<string, string>, kind = "Pod") => ({
    kind,
    name,
    doc: { metadata: { name, annotations } },
  });

  it.each<[string, ReturnType<typeof pod>[], Array<{ name: string; covers: string[] }>]>([
    [
      "a test hook with covers",
      [pod("t", { "helm.sh/hook": "test", "floe.dev/covers": "E2E-002,INT-001" })],
      [{ name: "t", covers: ["E2E-002", "INT-001"] }],
    ],
    [
      "spaces and the older test-success hook",
      [pod("t", { "helm.sh/hook": "test-success", "floe.dev/covers": " A, B  C" })],
      [{ name: "t", covers: ["A", "B", "C"] }],
    ],
    ["a test hook without covers", [pod("t", { "helm.sh/hook": "test" })], [{ name: "t", covers: [] }]],
    [
      "one hook of several",
      [pod("t", { "helm.sh/hook": "pre-install, test", "floe.dev/covers": "A" })],
      [{ name: "t", covers: ["A"] }],
    ],
    ["not a test hook", [pod("p", { "helm.sh/hook": "pre-install", "floe.dev/covers": "A" })], []],
    ["not a Pod", [pod("j", { "helm.sh/hook": "test", "floe.dev/covers": "A" }, "Job")], []],
  ])("%s", (_name, objects, want) => {
    expect(testPods(objects)).toEqual(want);
  });

  it("the gate records annotated test pods as skipped with why, per cell", () => {
    const cell = {
      scenario: { chart: { name: "floe-platform", version: "1", dir: "c" }, name: "test", valuesFiles: [] },
      helm: 4 as const,
      objects: [
        {
          ...pod("t", { "helm.sh/hook": "test", "floe.dev/covers": "INT-1" }),
          apiVersion: "v1",
          template: "x",
          locate: () => ({ file: "x", line: 1 }),
        },
        {
          ...pod("u", { "helm.sh/hook": "test" }),
          apiVersion: "v1",
          template: "x",
          locate: () => ({ file: "x", line: 1 }),
        },
      ],
    };
    expect(gateTestPodStatuses(cell)).toEqual([
      {
        id: "helm-test t floe-platform/test helm4",
        rule: "helm-test",
        state: "skip",
        reason: NOT_RUN_STATICALLY,
        covers: ["INT-1"],
      },
    ]);
  });
});

describe("not verified here: what a cluster phase's run did not prove (its not-verified output)", () => {
  const kindRun: PhaseResults = {
    ...phase("test", [{ id: "helm-test test-a", rule: "helm-test", state: "pass", covers: ["E2E-002"] }]),
    outputs: {
      "not-verified": "GitHub's kind path (node image kindest/node:v1): this run used node image local:v1",
    },
  };

  it("is listed under the matrix, in the terminal and in the job summary, never as a requirement", () => {
    const m = coverageMatrix([kindRun], { "E2E-002": [] });
    expect(m.notVerified).toEqual([{ phase: "test", what: kindRun.outputs!["not-verified"] }]);
    expect(m.rows.map((r) => r.requirement)).toEqual(["E2E-002"]);
    expect(coverageTerminal(m).at(-1)).toBe(
      "not verified here (test): GitHub's kind path (node image kindest/node:v1): this run used node image local:v1",
    );
    expect(coverageMarkdown(m).at(-1)).toBe(
      "**Not verified here** (test): GitHub's kind path (node image kindest/node:v1): this run used node image local:v1.",
    );
  });

  it("a run that said nothing adds nothing", () => {
    const m = coverageMatrix([phase("test", [])], { "E2E-002": [] });
    expect(m.notVerified).toEqual([]);
    expect(coverageTerminal(m).join("\n")).not.toContain("not verified");
  });
});
