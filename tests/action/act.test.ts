// action.yml run by a real Actions runner: nektos/act in host mode (tests/action/act.ts) executes the
// workflows in tests/fixtures/act/, which call the action with `uses: ./` as ci.yml does. Real: the runner,
// its expression evaluation, step outputs and summaries, this machine's Node, the action's dist/, the tool
// downloads (from a real HTTP mirror on 127.0.0.1 serving the real pinned binaries under unpinned versions,
// with checksum files), helm, kubesec and a kwok control plane. Mocked (GitHub's own services only): the
// checkout (the workflow copies a tree the test prepared) and the job-summary page (act logs each step's
// summary; the test joins them).
import { appendFileSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PhaseResults } from "../../src/report/results.js";
import { clusterDown, clusterUp, type TestCluster } from "../helpers/cluster.js";
import { tempDir } from "../helpers/tmp.js";
import { tool, toolsDir } from "../helpers/tools.js";
import { type Mirror, removeAssets, startMirror } from "../tools/mirror.js";
import { type ActRun, prepareCheckout, runAct } from "./act.js";
import { action } from "./action-yml.js";
import { servedTools, servedVersionOutputs, serveTools } from "./workflow-parts.js";

const S = (name: string) => `floe-helm · ${name}`;
const allSteps = action.runs.steps.map((s) => s.name!);

let mirror: Mirror;
let scratch: string;
let checkout: string;
beforeAll(async () => {
  scratch = tempDir("floe-act-test-");
  mirror = await startMirror();
  await serveTools(mirror);
  tool("act");
  checkout = await prepareCheckout(path.join(scratch, "repo"));
}, 300_000);

afterAll(async () => {
  await mirror?.close();
  await removeAssets();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Which of the action's steps ran and how, in action.yml order (a step act never mentions: "-"). */
const stepStates = (r: ActRun) => Object.fromEntries(allSteps.map((n) => [n, r.steps[n] ?? "-"]));
const why = (r: ActRun) =>
  `act exit ${r.code}\n--- log\n${r.log.slice(-6000)}\n--- act\n${r.stderr.slice(-2000)}`;

describe("act (real runner, host mode): action.yml with default inputs on this repository's charts", () => {
  let r: ActRun;
  beforeAll(async () => {
    mirror.requests.length = 0;
    r = await runAct({ workflow: "default.yml", checkout, vars: { FLOE_TEST_MIRROR: mirror.url } });
  }, 900_000);

  it("succeeds: tools and gate run, upgrade-check (no base on push) and the install steps are skipped", () => {
    expect(stepStates(r), why(r)).toEqual({
      [S("check Node.js")]: "success",
      [S("tools")]: "success",
      [S("gate")]: "success",
      [S("upgrade-check")]: "skipped",
      [S("cluster up")]: "skipped",
      [S("install test")]: "skipped",
      [S("live upgrade")]: "skipped",
      [S("e2e")]: "skipped",
      [S("cluster down")]: "skipped",
      [S("report")]: "success",
    });
    expect(r.code, why(r)).toBe(0);
    expect(r.jobResult).toBe("success");
  });

  it("installs every tool from the mirror into the runner's tool cache and sets the action's outputs", () => {
    expect(r.outputs).toMatchObject(servedVersionOutputs);
    for (const [name] of servedTools)
      expect(r.outputs[`${name}-path`]).toMatch(new RegExp(`^${r.toolCache}/`));
    expect(r.outputs["results-dir"]).toMatch(/\/floe-helm$/);
    // The report's verdict and coverage (this repository's P0s that e2e proves are waived); no SARIF asked.
    expect(r.outputs).toMatchObject({ verdict: "pass", coverage: expect.stringMatching(/^\d+\/\d+$/) });
    expect(r.outputs.sarif ?? "").toBe("");
    // checksum file + asset per tool, and nothing more: the gate found them in the cache.
    expect(mirror.requests).toHaveLength(2 * servedTools.length);
  });

  it("writes the job summary: every phase passed", () => {
    expect(r.summary).toMatch(/^## floe-helm$/m);
    expect(r.summary).toMatch(/^\| tools \| ✅ pass \|/m);
    expect(r.summary).toMatch(/^\| gate \| ✅ pass \|/m);
    expect(r.summary).not.toMatch(/^\| error \|/m);
    // The only findings: each tool's version is not in the checksum table, so the mirror's file was trusted.
    const warnings = r.summary.split("\n").filter((l) => l.startsWith("| warning |"));
    expect(warnings.map((l) => l.split(" | ")[1])).toEqual(
      Array(servedTools.length).fill("`tools/unverified-checksum`"),
    );
  });
});

describe("act (real runner, host mode): a chart with a defect", () => {
  let r: ActRun;
  beforeAll(async () => {
    // charts/floe-jobs/values-dev.yaml sets `jobs:` at line 2; a second `jobs:` is a duplicate key.
    const lines = readFileSync(path.join(checkout, "charts/floe-jobs/values-dev.yaml"), "utf8").split("\n");
    const defectLine = lines.length - (lines.at(-1) === "" ? 1 : 0) + 1;
    expect(defectLine).toBe(7);
    const broken = await prepareCheckout(path.join(scratch, "defect"), (dir) =>
      appendFileSync(path.join(dir, "charts/floe-jobs/values-dev.yaml"), "jobs: {}\n"),
    );
    r = await runAct({ workflow: "defect.yml", checkout: broken, vars: { FLOE_TEST_MIRROR: mirror.url } });
  }, 900_000);

  it("fails the job at the gate step; the report step still runs", () => {
    expect(stepStates(r), why(r)).toEqual({
      [S("check Node.js")]: "success",
      [S("tools")]: "success",
      [S("gate")]: "failure",
      [S("upgrade-check")]: "skipped",
      [S("cluster up")]: "skipped",
      [S("install test")]: "skipped",
      [S("live upgrade")]: "skipped",
      [S("e2e")]: "skipped",
      [S("cluster down")]: "skipped",
      // It runs (always()) and, like the gate, fails the step: the verdict is FAIL.
      [S("report")]: "failure",
    });
    expect(r.code).toBe(1);
    expect(r.jobResult).toBe("failure");
  });

  it("sets the outputs all the same (the tools installed, the results folder, the verdict, the SARIF file)", () => {
    expect(r.outputs).toMatchObject(servedVersionOutputs);
    expect(r.outputs["results-dir"]).toMatch(/\/floe-helm$/);
    expect(r.outputs).toMatchObject({
      verdict: "fail",
      coverage: expect.stringMatching(/^\d+\/\d+$/),
      sarif: "floe-helm.sarif",
    });
  });

  it("the job summary names the finding at its file and line", () => {
    expect(r.summary).toMatch(/^\| gate \| ❌ fail \| [1-9]/m);
    expect(r.summary).toMatch(
      // Linked to the line at the commit when act sets GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA.
      /^\| error \| `duplicate-key` \| (`charts\/floe-jobs\/values-dev\.yaml:7`|\[`charts\/floe-jobs\/values-dev\.yaml:7`\]\(\S+\/blob\/\S+\/charts\/floe-jobs\/values-dev\.yaml#L7\)) \| key 'jobs' is set twice/m,
    );
  });

  it("the gate's error is an annotation at that file and line", () => {
    const errors = r.annotations.filter((a) => a.command === "error").map((a) => a.msg);
    expect(errors.filter((m) => /file=charts\/floe-jobs\/values-dev\.yaml,line=7\b/.test(m))).toEqual([
      expect.stringMatching(/key 'jobs' is set twice/),
    ]);
  });
});

describe("act (real runner, host mode): install tests on an existing kwok cluster, test-scenario: test", () => {
  let r: ActRun;
  let c: TestCluster | undefined;
  let work: string;
  beforeAll(async () => {
    // Without the input the action would install every scenario of every chart: fail at once instead.
    if (!action.inputs["test-scenario"]) throw new Error("action.yml has no input test-scenario");
    c = await clusterUp();
    work = path.join(scratch, "install-work");
    r = await runAct({
      workflow: "install-existing.yml",
      checkout,
      vars: { FLOE_TEST_MIRROR: mirror.url, FLOE_TEST_KUBECONFIG: c.kubeconfig, FLOE_TEST_WORK_DIR: work },
    });
  }, 1_200_000);
  afterAll(async () => {
    await clusterDown(c);
    if (c) rmSync(c.workDir, { recursive: true, force: true });
  }, 120_000);

  it("runs cluster up, install test, cluster down and report; the gate is off, so the report fails on the P0s only the gate proves", () => {
    expect(stepStates(r), why(r)).toEqual({
      [S("check Node.js")]: "success",
      [S("tools")]: "success",
      [S("gate")]: "skipped",
      [S("upgrade-check")]: "skipped",
      [S("cluster up")]: "success",
      [S("install test")]: "success",
      [S("live upgrade")]: "skipped",
      [S("e2e")]: "skipped",
      [S("cluster down")]: "success",
      [S("report")]: "failure",
    });
    expect(r.code).toBe(1);
    // floe-gate.yaml's P0 lint and template tests: no phase of this run proved them (README "Coverage matrix").
    expect(r.summary).toContain(
      "❌ **coverage: FAIL: 4 requirement(s) of priority P0 failed or not covered: T018, T019, T042, T043; waived: ",
    );
    expect(r.summary).toMatch(/^\| `T020` \| P0 \| [^|]+ \| ✅ pass \d+ \| ✅ pass \|$/m);
  });

  it("installs and tests every chart with its own test values, with helm 3 and 4", () => {
    const res = JSON.parse(readFileSync(path.join(work, "test.results.json"), "utf8")) as PhaseResults;
    expect(res.checks.filter((x) => x.rule === "install").map((x) => `${x.id} ${x.state}`)).toEqual([
      "install floe-jobs/test helm3 pass",
      "install floe-jobs/test helm4 pass",
      "install floe-platform/test helm3 pass",
      "install floe-platform/test helm4 pass",
    ]);
    expect(r.summary).toMatch(/^\| test \| ✅ pass \|/m);
    expect(r.outputs).toMatchObject({ ...servedVersionOutputs, "results-dir": work });
  });
});

describe("act (real runner, host mode): tools-dir and upgrade-base given", () => {
  let r: ActRun;
  beforeAll(async () => {
    mirror.requests.length = 0;
    r = await runAct({ workflow: "tools-dir.yml", checkout, vars: { FLOE_TEST_TOOLS_DIR: toolsDir } });
  }, 900_000);

  it("skips the tools step, runs upgrade-check (upgrade-base), and everything passes", () => {
    expect(stepStates(r), why(r)).toEqual({
      [S("check Node.js")]: "success",
      [S("tools")]: "skipped",
      [S("gate")]: "success",
      [S("upgrade-check")]: "success",
      [S("cluster up")]: "skipped",
      [S("install test")]: "skipped",
      [S("live upgrade")]: "skipped",
      [S("e2e")]: "skipped",
      [S("cluster down")]: "skipped",
      [S("report")]: "success",
    });
    expect(r.code).toBe(0);
    expect(mirror.requests).toEqual([]);
  });

  it("the tool outputs are empty (nothing was installed); the summary shows the gate's pass", () => {
    for (const [name] of servedTools) expect(r.outputs[`${name}-path`] ?? "").toBe("");
    expect(r.outputs["results-dir"]).toMatch(/\/floe-helm$/);
    expect(r.summary).toMatch(/^\| gate \| ✅ pass \|/m);
    expect(r.summary).toMatch(/^\| upgrade-check \| ✅ pass \|/m);
    expect(r.summary).not.toMatch(/^\| tools \|/m);
  });
});

describe("act (real runner, host mode): a bad input (helm: 5)", () => {
  let r: ActRun;
  beforeAll(async () => {
    mirror.requests.length = 0;
    r = await runAct({ workflow: "bad-input.yml", checkout, vars: { FLOE_TEST_MIRROR: mirror.url } });
  }, 900_000);

  it("fails at the tools step, downloads nothing, skips the phases (upgrade-check too, though upgrade-base is given), and still runs the report", () => {
    expect(stepStates(r), why(r)).toEqual({
      [S("check Node.js")]: "success",
      [S("tools")]: "failure",
      [S("gate")]: "skipped",
      [S("upgrade-check")]: "skipped",
      [S("cluster up")]: "skipped",
      [S("install test")]: "skipped",
      [S("live upgrade")]: "skipped",
      [S("e2e")]: "skipped",
      [S("cluster down")]: "skipped",
      // It runs (always()) and fails the step too: a phase could not run.
      [S("report")]: "failure",
    });
    expect(r.code).toBe(1);
    expect(mirror.requests).toEqual([]);
  });

  it("says so once: one error annotation, naming the input and the value", () => {
    const errors = r.annotations.filter((a) => a.command === "error").map((a) => a.msg.trim());
    expect(errors).toEqual([
      expect.stringMatching(/::error title=floe-helm::FLOE_HELM_HELM: expected 3, 4 or both, got '5'$/),
    ]);
  });

  it("no tool outputs (nothing installed); results-dir, verdict and coverage are set by the report", () => {
    for (const [name] of servedTools) expect(r.outputs[`${name}-version`] ?? "").toBe("");
    expect(r.outputs["results-dir"]).toMatch(/\/floe-helm$/);
    // Nothing ran: every declared requirement of this repository's floe-gate.yaml is not covered.
    expect(r.outputs).toMatchObject({ verdict: "fail", coverage: expect.stringMatching(/^0\/[1-9]\d*$/) });
  });

  it("the report step writes the job summary, which names the error", () => {
    expect(r.summary).toMatch(/^## floe-helm$/m);
    expect(r.summary).toMatch(/^\| tools \| ⚠️ error: FLOE_HELM_HELM: expected 3, 4 or both, got '5' \|/m);
  });
});
