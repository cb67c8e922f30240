// `floe-helm report` as a user runs it after the phases: results files in the work dir (written by the same
// writer the phases use), a floe-gate.yaml with `{ title, priority, covers }` requirements, and the verdict
// on the coverage matrix: an uncovered or failed P0 fails the report at its line, "not run here" never does,
// coverage.failOn and waivers change that. The phases themselves are not run here (tests/report/
// coverage-e2e.test.ts runs the real gate first); their results files are what the report reads.
import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CheckStatus, PhaseResults } from "../../src/report/results.js";
import { writeResults } from "../../src/report/results.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot } from "../helpers/tools.js";

const NOT_RUN = "not run here: no image obtainable (marquez is off in scenario kind-local)";

const config = (extra = "") => `requirements:
  T018:
    title: Platform chart lint test
    priority: P0
    covers: [lint]
  E2E-001:
    title: Compile, deploy and run a pipeline
    priority: P0
    covers: ["e2e T116 *"]
  T118:
    title: OpenLineage events in Marquez
    priority: P0
    covers: []
  T103: [kubesec]
${extra}`;

const results = (phase: string, checks: CheckStatus[]): PhaseResults => ({
  schemaVersion: 1,
  phase,
  startedAt: "2026-12-01T00:00:00Z",
  finishedAt: "2026-12-01T00:00:02Z",
  status: checks.some((c) => c.state === "fail") ? "fail" : "pass",
  findings: [],
  checks,
});

async function run(yaml: string, phases: PhaseResults[], env: NodeJS.ProcessEnv = {}) {
  const cwd = tempDir("floe-coverage-verdict-");
  await writeFile(path.join(cwd, "floe-gate.yaml"), yaml);
  const work = path.join(cwd, "work");
  for (const p of phases) await writeResults(work, p);
  const summary = path.join(cwd, "summary.md");
  const r = await cli(["report", "--work-dir", work, "--summary", summary], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return { ...r, md: await readFile(summary, "utf8"), cwd };
}

const gate = results("gate", [
  { id: "lint floe-platform/test helm4", rule: "lint", state: "pass" },
  { id: "kubesec floe-platform/test helm4", rule: "kubesec", state: "pass" },
]);
const e2eWithoutLineage = results("e2e", [
  { id: "e2e T116 dagster-launch", rule: "e2e", state: "pass", covers: ["T116"] },
  { id: "e2e T118 marquez-lineage", rule: "e2e", state: "skip", reason: NOT_RUN, covers: ["T118"] },
]);

describe("floe-helm report: the coverage verdict", () => {
  it("an uncovered P0 fails the report (exit 1) with an error at its line in floe-gate.yaml", async () => {
    const r = await run(config(), [gate]);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain(
      "floe-gate.yaml:6:3: error coverage: P0 requirement E2E-001 (Compile, deploy and run a pipeline) is not covered: no check of any phase proves it (coverage.failOn: P0)",
    );
    expect(r.out).toContain(
      "floe-gate.yaml:10:3: error coverage: P0 requirement T118 (OpenLineage events in Marquez) is not covered: no check of any phase proves it (coverage.failOn: P0)",
    );
    expect(r.out.split("\n").at(-1)).toBe(
      "coverage: FAIL: 2 requirement(s) of priority P0 failed or not covered: E2E-001, T118",
    );
    // The job summary: the verdict, then the failing P0s first, with priority and title.
    const table = r.md.slice(r.md.indexOf("| Requirement |")).split("\n");
    expect(r.md).toContain(
      "❌ **coverage: FAIL: 2 requirement(s) of priority P0 failed or not covered: E2E-001, T118**",
    );
    expect(table.slice(0, 7)).toEqual([
      "| Requirement | Priority | Title | gate | Result |",
      "|---|---|---|---|---|",
      "| `E2E-001` | P0 | Compile, deploy and run a pipeline | – | ⚠️ NOT COVERED |",
      "| `T118` | P0 | OpenLineage events in Marquez | – | ⚠️ NOT COVERED |",
      "| `T018` | P0 | Platform chart lint test | ✅ pass 1 | ✅ pass |",
      "| `T103` | – |  | ✅ pass 1 | ✅ pass |",
      "",
    ]);
  });

  it("'not run here' is neither a pass nor a failure: the P0 passes the verdict, its reason is shown", async () => {
    const r = await run(config(), [gate, e2eWithoutLineage]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/^T118 +P0 +not run here 1 +- +not run here +OpenLineage events in Marquez$/m);
    expect(r.out).toMatch(/^E2E-001 +P0 +pass 1 +- +pass /m);
    expect(r.out).toContain(
      "not run here in e2e: no image obtainable (marquez is off in scenario kind-local) (T118)",
    );
    expect(r.out.split("\n").at(-1)).toBe(
      "coverage: PASS: no requirement of priority P0 failed or uncovered",
    );
    expect(r.md).toContain(
      "| `T118` | P0 | OpenLineage events in Marquez | 🚫 not run here 1: no image obtainable (marquez is off in scenario kind-local) | – | 🚫 not run here |",
    );
    expect(r.md).toContain(`| \`T118\` | e2e | 1 | ${NOT_RUN} |`);
  });

  it("a failed P0 fails the report, naming the phase and how many of its checks failed", async () => {
    const broken = results("gate", [
      { id: "lint floe-platform/test helm4", rule: "lint", state: "fail" },
      { id: "lint floe-platform/prod helm4", rule: "lint", state: "pass" },
    ]);
    const r = await run(config(), [broken, e2eWithoutLineage]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      "floe-gate.yaml:2:3: error coverage: P0 requirement T018 (Platform chart lint test) failed: 1 of 2 check(s) in gate (coverage.failOn: P0)",
    );
  });

  it("coverage.failOn: [] turns the verdict off; [P0, P1] widens it", async () => {
    const off = await run(config("coverage:\n  failOn: []\n"), [gate]);
    expect(off.code, off.out).toBe(0);
    expect(off.out).not.toContain("error coverage");
    expect(off.out.split("\n").at(-1)).toBe(
      "coverage: PASS: no requirement of priority none (coverage.failOn: []) failed or uncovered",
    );
  });

  it("--coverage-fail-on (FLOE_HELM_COVERAGE_FAIL_ON) overrides coverage.failOn: none for a matrix job, P0,P1 to widen", async () => {
    const none = await run(config(), [gate], { FLOE_HELM_COVERAGE_FAIL_ON: "none" });
    expect(none.code, none.out).toBe(0);
    expect(none.out).not.toContain("error coverage");
    expect(none.out.split("\n").at(-1)).toBe(
      "coverage: PASS: no requirement of priority none (coverage.failOn: []) failed or uncovered",
    );
    // The same run judged as floe-gate.yaml says (P0): it fails.
    expect((await run(config(), [gate])).code).toBe(1);
    const work = path.join(none.cwd, "work");
    const bad = await cli(["report", "--work-dir", work, "--coverage-fail-on", "P0,high"], {
      cwd: none.cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      "floe-helm: error: --coverage-fail-on (FLOE_HELM_COVERAGE_FAIL_ON) 'P0,high': expected a comma-separated list of P0, P1, P2, P3, or none",
    );
  });

  it("a waiver (rule coverage, object Requirement/<id>) keeps the P0 visible but passing; an unused one is a warning", async () => {
    const waivers = `waivers:
  - { rule: coverage, object: Requirement/E2E-001, reason: the e2e phase is not in this run yet, expiry: 2999-12-31 }
  - { rule: coverage, object: Requirement/T118, reason: the e2e phase is not in this run yet, expiry: 2999-12-31 }
  - { rule: coverage, object: Requirement/T018, reason: stale, expiry: 2999-12-31 }
`;
    const r = await run(config(waivers), [gate]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(
      /^floe-gate.yaml:6:3: error coverage: P0 requirement E2E-001 .*\[waived: the e2e phase is not in this run yet\]$/m,
    );
    expect(r.out).toContain(
      "floe-gate.yaml:18:5: warning waiver-unused: waiver (rule coverage, object Requirement/T018) matched no failed or uncovered requirement: remove it (reason was: stale)",
    );
    expect(r.out.split("\n").at(-1)).toBe(
      "coverage: PASS: no requirement of priority P0 failed or uncovered; waived: E2E-001, T118",
    );
  });

  it("dist/index.js in GitHub Actions: the job summary gets the verdict and the matrix, annotations at the lines", async () => {
    const cwd = tempDir("floe-coverage-verdict-gh-");
    await writeFile(path.join(cwd, "floe-gate.yaml"), config());
    const work = path.join(cwd, "work");
    // The e2e phase ran only its lineage check, not run here: E2E-001 is left uncovered.
    for (const p of [gate, results("e2e", [e2eWithoutLineage.checks[1]!])]) await writeResults(work, p);
    // The runner creates these files before any step runs.
    const step = path.join(cwd, "step-summary.md");
    const outputs = path.join(cwd, "outputs");
    await writeFile(step, "");
    await writeFile(outputs, "");
    const r = spawnSync(
      process.execPath,
      [path.join(repoRoot, "dist", "index.js"), "report", "--work-dir", work],
      {
        cwd,
        encoding: "utf8",
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          GITHUB_ACTIONS: "true",
          GITHUB_STEP_SUMMARY: step,
          GITHUB_OUTPUT: outputs,
        },
      },
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(1);
    expect(r.stdout).toContain(
      "::error title=coverage,file=floe-gate.yaml,line=6,col=3::Requirement/E2E-001: P0 requirement E2E-001 (Compile, deploy and run a pipeline) is not covered",
    );
    const md = await readFile(step, "utf8");
    expect(md).toContain(
      "❌ **coverage: FAIL: 1 requirement(s) of priority P0 failed or not covered: E2E-001**",
    );
    expect(md).toContain("| `E2E-001` | P0 | Compile, deploy and run a pipeline | – | – | ⚠️ NOT COVERED |");
    expect(md).toContain(
      "| `T118` | P0 | OpenLineage events in Marquez | 🚫 not run here 1: no image obtainable (marquez is off in scenario kind-local) | – | 🚫 not run here |",
    );
  });

  it("a phase that could not run: its error fails the run (exit 2), the coverage is not judged on top", async () => {
    const stopped: PhaseResults = {
      ...results("test", []),
      status: "error",
      error: "--kubeconfig: no such file",
    };
    const r = await run(config(), [gate, stopped]);
    expect(r.code).toBe(2);
    expect(r.out).not.toContain("error coverage");
    expect(r.out.split("\n").at(-1)).toBe("coverage: not judged: test could not run (its error above)");
    expect(r.md).not.toContain("coverage: FAIL");
  });

  it("a bad requirement in floe-gate.yaml: one warning at its file:line:col, the matrix from the results alone", async () => {
    const r = await run("requirements:\n  T018: { title: lint, priority: P7 }\n", [gate]);
    expect(r.err).toBe(
      'floe-helm: warning: coverage without floe-gate.yaml requirements: floe-gate.yaml:2:24: requirements.T018.priority: unknown priority "P7" (one of P0, P1, P2, P3)',
    );
    expect(r.code).toBe(0);
  });
});
