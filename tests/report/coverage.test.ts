// The requirement coverage matrix (src/report/coverage.ts) and helm test pods' covers
// (src/report/test-pods.ts): pure functions, table-driven.
import { describe, expect, it } from "vitest";
import {
  cellText,
  coverageFindings,
  coverageMarkdown,
  coverageMatrix,
  coverageTerminal,
  coverageVerdictLine,
  NO_REASON,
  notCovered,
} from "../../src/report/coverage.js";
import { summaryMarkdown } from "../../src/report/github.js";
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
      "| `INT-1`* | ⏭️ skipped 1: cluster \\| only | – | ⏭️ skipped |",
      "| `SEC` | ✅ pass 1 | – | ✅ pass |",
      "| `UPG` | – | ❌ FAIL 1/1: u | ❌ FAIL |",
      "",
      "\\* not in floe-gate.yaml `requirements:`: named by a check's `covers` (e.g. a helm test pod's `floe.dev/covers`).",
      "",
      "<details><summary>Skipped: every reason (1)</summary>",
      "",
      "| Requirement | Phase | Checks | Reason |",
      "|---|---|---|---|",
      "| `INT-1` | gate | 1 | cluster \\| only |",
      "",
      "</details>",
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

describe("coverage states with floe-gate.yaml's { title, priority, covers }, and the verdict", () => {
  const at = (line: number) => ({ file: "floe-gate.yaml", line, col: 3 });
  const req = (priority: "P0" | "P1", covers: string[], line: number) => ({
    title: `title of line ${line}`,
    priority,
    covers,
    at: at(line),
  });
  const NOT_RUN = "not run here: no image obtainable (polaris is off in scenario kind-local)";

  it.each<[string, CheckStatus[], string[], string, string[]]>([
    ["passed", [{ id: "lint x", rule: "lint", state: "pass" }], ["lint"], "test=pass 1 pass", []],
    [
      "failed: a P0 fails the run, at its line",
      [
        { id: "lint x", rule: "lint", state: "pass" },
        { id: "lint y", rule: "lint", state: "fail" },
      ],
      ["lint"],
      "test=FAIL 1/2 fail",
      [
        "floe-gate.yaml:7:3 coverage Requirement/R: P0 requirement R (title of line 7) failed: 1 of 2 check(s) in test (coverage.failOn: P0)",
      ],
    ],
    [
      "skipped with a reason: never a failure",
      [{ id: "helm-test t", rule: "helm-test", state: "skip", reason: "runs only in a cluster" }],
      ["helm-test"],
      "test=skipped 1 skip",
      [],
    ],
    [
      "not run here: its own state, never a pass, never a failure",
      [{ id: "helm-test p", rule: "helm-test", state: "skip", reason: NOT_RUN, covers: ["R"] }],
      [],
      "test=not run here 1 not-run",
      [],
    ],
    [
      "not run here next to a pass of another check: the pass proves it, the not-run one is counted",
      [
        { id: "install x", rule: "install", state: "pass" },
        { id: "helm-test p", rule: "helm-test", state: "skip", reason: NOT_RUN },
      ],
      ["install", "helm-test"],
      "test=pass 1 (+1 not run here) pass",
      [],
    ],
    [
      "not run here and skipped: not run here",
      [
        { id: "a", state: "skip", reason: "runs only in a cluster", covers: ["R"] },
        { id: "b", state: "skip", reason: NOT_RUN, covers: ["R"] },
      ],
      [],
      "test=not run here 1 (+1 skipped) not-run",
      [],
    ],
    [
      "not covered: a P0 fails the run",
      [{ id: "lint x", rule: "lint", state: "pass" }],
      ["kubesec"],
      "not-covered",
      [
        "floe-gate.yaml:7:3 coverage Requirement/R: P0 requirement R (title of line 7) is not covered: no check of any phase proves it (coverage.failOn: P0)",
      ],
    ],
    [
      "a pattern matches a check by its id too (e2e checks share one rule)",
      [
        { id: "e2e T116 dagster-launch", rule: "e2e", state: "pass" },
        { id: "e2e T120 netpol", rule: "e2e", state: "fail" },
      ],
      ["e2e T116 *"],
      "test=pass 1 pass",
      [],
    ],
  ])("%s", (_name, checks, covers, want, findings) => {
    const m = coverageMatrix([phase("test", checks)], { R: req("P0", covers, 7) });
    const r = m.rows.find((x) => x.requirement === "R")!;
    expect([...Object.entries(r.cells).map(([p, c]) => `${p}=${cellText(c)}`), r.state].join(" ")).toBe(want);
    expect(
      coverageFindings(m, ["P0"]).map(
        (f) => `${f.file}:${f.line}:${f.col} ${f.rule} ${f.object}: ${f.message}`,
      ),
    ).toEqual(findings);
  });

  it.each<[string, Array<"P0" | "P1" | "P2" | "P3">, string[]]>([
    ["default P0: the P0 only", ["P0"], ["A"]],
    ["P0 and P1", ["P0", "P1"], ["A", "B"]],
    ["[]: never", [], []],
  ])("failOn %s", (_name, failOn, want) => {
    const m = coverageMatrix([phase("gate", [])], { A: req("P0", ["x"], 1), B: req("P1", ["y"], 2) });
    expect(coverageFindings(m, failOn).map((f) => f.object)).toEqual(want.map((id) => `Requirement/${id}`));
  });

  it("a requirement without priority (list form, or only named by a check) never fails the run", () => {
    const m = coverageMatrix([phase("gate", [{ id: "a", state: "fail", covers: ["X"] }])], {
      L: ["nothing"],
    });
    expect(m.rows.map((r) => [r.requirement, r.state])).toEqual([
      ["L", "not-covered"],
      ["X", "fail"],
    ]);
    expect(coverageFindings(m, ["P0", "P1", "P2", "P3"])).toEqual([]);
  });

  it("the verdict line: what fails, what is waived", () => {
    const f = (id: string, waived?: boolean) => ({
      rule: "coverage",
      severity: "error" as const,
      message: "m",
      object: `Requirement/${id}`,
      ...(waived ? { waived: { reason: "r", expires: "2027-01-31" } } : {}),
    });
    expect(coverageVerdictLine([f("A"), f("B", true)], ["P0"])).toBe(
      "coverage: FAIL: 1 requirement(s) of priority P0 failed or not covered: A; waived: B",
    );
    expect(coverageVerdictLine([f("B", true)], ["P0", "P1"])).toBe(
      "coverage: PASS: no requirement of priority P0/P1 failed or uncovered; waived: B",
    );
    expect(coverageVerdictLine([], [])).toBe(
      "coverage: PASS: no requirement of priority none (coverage.failOn: []) failed or uncovered",
    );
  });
});

describe("the job summary's coverage section with titles and priorities", () => {
  const NOT_RUN = "not run here: no image obtainable (marquez is off in scenario kind-local)";
  const reqs = {
    "E2E-001": {
      title: "Compile, deploy and run",
      priority: "P0" as const,
      covers: [],
      at: { file: "floe-gate.yaml", line: 3 },
    },
    "E2E-002": { title: "Platform | healthy", priority: "P0" as const, covers: [] },
    "E2E-003": { title: "Table discovery", priority: "P1" as const, covers: [] },
    T018: { title: "Platform lint", priority: "P0" as const, covers: ["lint"] },
    T020: { title: "Platform install", priority: "P0" as const, covers: ["install"] },
    T118: { title: "Lineage in Marquez", priority: "P1" as const, covers: [] },
  };
  const all = [
    phase("gate", [
      { id: "lint p", rule: "lint", state: "pass" },
      {
        id: "helm-test a",
        rule: "helm-test",
        state: "skip",
        reason: "runs only in a cluster",
        covers: ["E2E-002"],
      },
    ]),
    phase("test", [
      { id: "install p", rule: "install", state: "fail" },
      { id: "helm-test a", rule: "helm-test", state: "pass", covers: ["E2E-002", "INT-1"] },
      { id: "helm-test m", rule: "helm-test", state: "skip", reason: NOT_RUN, covers: ["T118", "E2E-003"] },
    ]),
  ];
  const m = coverageMatrix(all, reqs);
  const findings = coverageFindings(m, ["P0"]);

  it("renders the verdict, then failed and uncovered P0 first, each with priority and title, reasons below", () => {
    expect(coverageMarkdown(m, { findings, failOn: ["P0"] })).toEqual([
      "### Requirement coverage",
      "",
      "❌ **coverage: FAIL: 2 requirement(s) of priority P0 failed or not covered: E2E-001, T020**",
      "",
      "- error: P0 requirement E2E-001 (Compile, deploy and run) is not covered: no check of any phase proves it (coverage.failOn: P0) (`floe-gate.yaml:3`)",
      "- error: P0 requirement T020 (Platform install) failed: 1 of 1 check(s) in test (coverage.failOn: P0)",
      "",
      "| Requirement | Priority | Title | gate | test | Result |",
      "|---|---|---|---|---|---|",
      "| `E2E-001` | P0 | Compile, deploy and run | – | – | ⚠️ NOT COVERED |",
      "| `T020` | P0 | Platform install | – | ❌ FAIL 1/1: install p | ❌ FAIL |",
      "| `E2E-002` | P0 | Platform \\| healthy | ⏭️ skipped 1: runs only in a cluster | ✅ pass 1 | ✅ pass |",
      "| `E2E-003` | P1 | Table discovery | – | 🚫 not run here 1: no image obtainable (marquez is off in scenario kind-local) | 🚫 not run here |",
      "| `INT-1`* | – |  | – | ✅ pass 1 | ✅ pass |",
      "| `T018` | P0 | Platform lint | ✅ pass 1 | – | ✅ pass |",
      "| `T118` | P1 | Lineage in Marquez | – | 🚫 not run here 1: no image obtainable (marquez is off in scenario kind-local) | 🚫 not run here |",
      "",
      "\\* not in floe-gate.yaml `requirements:`: named by a check's `covers` (e.g. a helm test pod's `floe.dev/covers`).",
      "",
      "<details><summary>Not run here: every reason (2)</summary>",
      "",
      "| Requirement | Phase | Checks | Reason |",
      "|---|---|---|---|",
      `| \`E2E-003\` | test | 1 | ${NOT_RUN} |`,
      `| \`T118\` | test | 1 | ${NOT_RUN} |`,
      "",
      "</details>",
      "",
      "<details><summary>Skipped: every reason (1)</summary>",
      "",
      "| Requirement | Phase | Checks | Reason |",
      "|---|---|---|---|",
      "| `E2E-002` | gate | 1 | runs only in a cluster |",
      "",
      "</details>",
      "",
      "**Not covered:** `E2E-001`: declared in floe-gate.yaml `requirements:` but no check of any phase covers them.",
    ]);
  });

  it("a waived P0 is shown as waived, and the verdict passes", () => {
    const waived = findings.map((f) => ({
      ...f,
      waived: { reason: "e2e not in CI yet", expires: "2027-01-31" },
    }));
    const md = coverageMarkdown(m, { findings: waived, failOn: ["P0"] });
    expect(md[2]).toBe(
      "✅ **coverage: PASS: no requirement of priority P0 failed or uncovered; waived: E2E-001, T020**",
    );
    expect(md[4]).toMatch(
      /^- waived: P0 requirement E2E-001 .* — waived until 2027-01-31: e2e not in CI yet$/,
    );
  });

  it("the terminal shows the same: priority, title, each not-run reason once", () => {
    const t = coverageTerminal(m).map((l) => l.replace(/ +/g, " "));
    expect(t.slice(0, 4)).toEqual([
      "coverage:",
      "requirement prio gate test result title",
      "E2E-001 P0 - - NOT COVERED Compile, deploy and run",
      "T020 P0 - FAIL 1/1 FAIL Platform install",
    ]);
    expect(t).toContain(
      "not run here in test: no image obtainable (marquez is off in scenario kind-local) (E2E-003, T118)",
    );
  });

  it("summaryMarkdown carries the section", () => {
    expect(summaryMarkdown(all, m, { findings, failOn: ["P0"] })).toContain(
      "| Requirement | Priority | Title | gate | test | Result |",
    );
  });
});
