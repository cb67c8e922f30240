// pr-gate.yml's `changes`, `gate` and `report` jobs under a real Actions runner (nektos/act, host mode:
// tests/action/act.ts): change detection, the gate matrix (the action itself, `uses: ./.floe-helm-action`, once per
// chart) and the merged report over every gate job's results. The test derives the workflow it runs from
// .github/workflows/pr-gate.yml itself: the jobs' inputs, outputs, `if:`, matrices and every `run:` step and the
// action's `with:` exactly as written there; only the steps that `uses:` a remote action are replaced, each by a
// stand-in named for what it replaces, and the action is told where the tools come from (`mirror` and unpinned
// versions: get.helm.sh and GitHub releases are unreachable here). Real: the runner ($GITHUB_OUTPUT, job
// outputs, `needs`, fromJSON matrices, `if: always()`, the job summary), the action's every step, helm and
// kubesec (from a mirror on 127.0.0.1 serving the real binaries), `floe-helm changed`, `report --merge`, SARIF.
// Mocked (GitHub's own services only): actions/checkout (a copy of a prepared repository), actions/setup-node (the
// runner's Node), actions/cache (no cache service: nothing restored or saved), actions/upload-artifact and
// actions/download-artifact (a folder of the test's, one sub-folder per artifact name) and
// github/codeql-action/upload-sarif (code scanning: the stand-in reads the file and prints what it would get).
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { runTool } from "../../src/exec/runner.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool } from "../helpers/tools.js";
import { type Mirror, removeAssets, startMirror } from "../tools/mirror.js";
import { type ActRun, prepareCheckout, runAct } from "./act.js";
import { commonStandIn, expr, type Job, type Step, serveTools, toolsFromMirror } from "./workflow-parts.js";

let mirror: Mirror;
const self = path.relative(repoRoot, fileURLToPath(import.meta.url));
let scratch: string;
let workflow: string;

/** The stand-in for each remote action the two jobs use (anything else fails the test: add one). */
function standIn(step: Step): Step {
  const common = commonStandIn(step);
  if (common) return common;
  const uses = step.uses!.split("@")[0];
  const keep = step.if ? { if: step.if } : {};
  if (uses === "actions/cache")
    return {
      name: "Tool cache (stands in for actions/cache: no cache service here, nothing restored)",
      run: "true",
    };
  if (uses === "actions/upload-artifact")
    return {
      name: "Keep the results (stands in for actions/upload-artifact: the test's folder)",
      ...keep,
      env: { ARTIFACTS: expr("vars.FLOE_TEST_ARTIFACTS"), NAME: step.with!.name!, FILES: step.with!.path! },
      // FILES is a glob, as upload-artifact's path is.
      run: 'mkdir -p "$ARTIFACTS/$NAME" && cp $FILES "$ARTIFACTS/$NAME/"',
    };
  if (uses === "actions/download-artifact")
    return {
      name: "Download every job's results (stands in for actions/download-artifact: the test's job folders)",
      ...keep,
      env: { ARTIFACTS: expr("vars.FLOE_TEST_ARTIFACTS"), DEST: step.with!.path! },
      run: 'mkdir -p "$DEST" && cp -a "$ARTIFACTS/." "$DEST/"',
    };
  if (uses === "github/codeql-action/upload-sarif")
    return {
      name: "Upload SARIF (stands in for github/codeql-action/upload-sarif: counts what code scanning would get)",
      ...keep,
      env: { SARIF: step.with!.sarif_file!, CATEGORY: step.with!.category! },
      // What code scanning would show: the count, then each error at its file and line.
      run: [
        "node -e '",
        'const l = JSON.parse(require("fs").readFileSync(process.env.SARIF, "utf8"));',
        "const rs = l.runs.flatMap((r) => r.results);",
        'console.log("sarif upload " + process.env.CATEGORY + ": " + rs.length + " result(s)");',
        'for (const x of rs.filter((x) => x.level === "error")) {',
        "  const p = x.locations?.[0]?.physicalLocation;",
        '  console.log("sarif error " + x.ruleId + " " + p?.artifactLocation?.uri + ":" + p?.region?.startLine);',
        "}'",
      ].join("\n"),
    };
  throw new Error(`pr-gate.yml uses ${step.uses}: give it a stand-in in ${self}`);
}

/** GitHub runs every job on a fresh runner; act in host mode runs them all on this machine with one RUNNER_TEMP,
 * where one job's work dir (`$RUNNER_TEMP/floe-helm`) would be read by the next job's report step. */
const FRESH_TEMP: Step = {
  name: "Fresh runner temp (stands in for a new runner per job: act shares one RUNNER_TEMP between jobs)",
  run: 'rm -rf "$RUNNER_TEMP/floe-helm" "$RUNNER_TEMP/floe-helm-results" "$RUNNER_TEMP/floe-helm.sarif"',
};

/** pr-gate.yml's changes, gate and report jobs as a workflow_dispatch workflow act can run here (the cluster and
 * e2e jobs left out, also from `needs:`: they are off by default). */
function deriveWorkflow(): string {
  const wf = parse(readFileSync(path.join(repoRoot, ".github", "workflows", "pr-gate.yml"), "utf8")) as {
    on: { workflow_call: { inputs: Record<string, unknown> } };
    permissions: unknown;
    jobs: Record<string, Job>;
  };
  const jobs: Record<string, unknown> = {};
  for (const name of ["changes", "gate", "report"]) {
    const j = wf.jobs[name]!;
    const needs = [j.needs ?? []].flat().filter((n) => n === "changes" || n === "gate");
    jobs[name] = {
      ...(needs.length ? { needs } : {}),
      ...(j.if ? { if: j.if } : {}),
      ...(j.name ? { name: j.name } : {}),
      "runs-on": j["runs-on"],
      ...(j["timeout-minutes"] ? { "timeout-minutes": j["timeout-minutes"] } : {}),
      ...(j.permissions ? { permissions: j.permissions } : {}),
      ...(j.outputs ? { outputs: j.outputs } : {}),
      // One matrix job at a time (act's --concurrent-jobs does not bound a matrix): here every job shares one
      // tool cache, and two jobs installing the same tool at once would clear each other's folder.
      ...(j.strategy ? { strategy: { ...j.strategy, "max-parallel": 1 } } : {}),
      steps: [FRESH_TEMP, ...j.steps].map((s) =>
        s.uses === "./.floe-helm-action"
          ? { ...s, with: { ...s.with, ...toolsFromMirror } }
          : s.uses
            ? standIn(s)
            : s,
      ),
    };
  }
  const derived = {
    name: "act: pr-gate.yml's changes, gate and report jobs",
    on: { workflow_dispatch: { inputs: wf.on.workflow_call.inputs } },
    permissions: wf.permissions,
    jobs,
  };
  const file = path.join(scratch, "pr-gate.yml");
  writeFileSync(file, `# Derived by ${self} from .github/workflows/pr-gate.yml.\n${stringify(derived)}`);
  return file;
}

const why = (r: ActRun) =>
  `act exit ${r.code}\n--- log\n${r.log.slice(-6000)}\n--- act\n${r.stderr.slice(-2000)}`;
const outputsOf = (r: ActRun, step: string) =>
  Object.fromEntries(
    r.events
      .filter((e) => e.command === "set-output" && e.stepID?.[0] === step && e.name)
      .map((e) => [e.name!, e.arg ?? ""]),
  );
const stepResult = (r: ActRun, name: string) =>
  r.events.find((e) => e.stepResult && e.step === name && e.jobID === "report")?.stepResult;

beforeAll(async () => {
  tool("act");
  scratch = tempDir("floe-act-report-");
  workflow = deriveWorkflow();
  mirror = await startMirror();
  await serveTools(mirror);
}, 300_000);
afterAll(async () => {
  await mirror?.close();
  await removeAssets();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The derived PR gate on `checkout` with helm 4 (one gate job per chart); artifacts land in `artifacts`. */
async function prGate(checkout: string, artifacts: string): Promise<ActRun> {
  mkdirSync(artifacts, { recursive: true });
  const head = (await runTool(["git", "rev-parse", "HEAD"], { cwd: checkout })).stdout.trim();
  return runAct({
    workflow,
    checkout,
    event: "workflow_dispatch",
    inputs: { "action-ref": head, helm: "4" },
    vars: { FLOE_TEST_ARTIFACTS: artifacts, FLOE_TEST_MIRROR: mirror.url },
    concurrentJobs: 1,
  });
}
const GATE_ARTIFACTS = ["floe-common", "floe-jobs", "floe-platform"].map(
  (c) => `floe-helm-results-gate-charts-${c}-helm4`,
);

describe("act (real runner, host mode): pr-gate.yml's changes, gate matrix and report on this repository", () => {
  let r: ActRun;
  let artifacts: string;
  beforeAll(async () => {
    // This repository's floe-gate.yaml waives the P0s only the cluster and e2e jobs prove when they did not run.
    const checkout = await prepareCheckout(path.join(scratch, "pass"));
    artifacts = path.join(scratch, "pass-artifacts");
    r = await prGate(checkout, artifacts);
  }, 900_000);

  it("the changes job finds every chart (no pull request: all of them); one gate job per chart runs the action and uploads its results", () => {
    expect(r.code, why(r)).toBe(0);
    expect(outputsOf(r, "changed").any).toBe("true");
    expect(readdirSync(artifacts).sort()).toEqual(GATE_ARTIFACTS);
    for (const a of GATE_ARTIFACTS)
      expect(readdirSync(path.join(artifacts, a)), a).toContain("gate.results.json");
  });

  it("the report job merges the three jobs' folders into one report; its verdict and coverage are the job's outputs", () => {
    expect(stepResult(r, "floe-helm · report")).toBe("success");
    expect(r.log).toMatch(/merged 3 job\(s\): .*floe-helm-results-gate-charts-floe-common-helm4/);
    expect(outputsOf(r, "verdict")).toMatchObject({ verdict: "pass", sarif: "true" });
    expect(outputsOf(r, "report").coverage).toMatch(/^\d+\/\d+$/);
    expect(Number(outputsOf(r, "report").coverage!.split("/")[0])).toBeGreaterThan(0);
  });

  it("writes the job summary of the merged report and uploads its SARIF (stand-in: counted)", () => {
    expect(r.summary).toContain("PASS");
    expect(r.summary).toContain("floe-platform");
    expect(r.summary).toContain("floe-jobs");
    expect(r.log).toMatch(/sarif upload floe-helm: \d+ result\(s\)/);
  });
});

describe("act (real runner, host mode): pr-gate.yml when one chart's gate job fails", () => {
  let r: ActRun;
  beforeAll(async () => {
    // charts/floe-jobs/values-dev.yaml gets a second `jobs:` key: that chart's gate job fails.
    const checkout = await prepareCheckout(path.join(scratch, "fail"), (dir) =>
      appendFileSync(path.join(dir, "charts/floe-jobs/values-dev.yaml"), "jobs: {}\n"),
    );
    r = await prGate(checkout, path.join(scratch, "fail-artifacts"));
  }, 900_000);

  it("fails that gate job only; the report step runs all the same, fails, and still sets the verdict (fail) and uploads the SARIF", () => {
    expect(r.code, why(r)).not.toBe(0);
    // act ends every job of a matrix with the matrix's result: which job failed is told by its steps.
    const failedIn = new Set(
      r.events.filter((e) => e.jobID === "gate" && e.stepResult === "failure").map((e) => e.job?.trim()),
    );
    expect([...failedIn], why(r)).toEqual([expect.stringContaining("gate charts/floe-jobs helm 4")]);
    const ranIn = new Set(
      r.events.filter((e) => e.jobID === "gate" && e.stepResult).map((e) => e.job?.trim()),
    );
    expect(ranIn.size).toBe(3);
    expect(stepResult(r, "floe-helm · report")).toBe("failure");
    expect(outputsOf(r, "verdict")).toMatchObject({ verdict: "fail", sarif: "true" });
    expect(r.log).toMatch(/sarif upload floe-helm: \d+ result\(s\)/);
  });

  it("names the failed chart's error at its file and line, in the job summary and in the SARIF code scanning gets", () => {
    expect(r.summary).toContain("FAIL");
    expect(r.summary).toContain("charts/floe-jobs/values-dev.yaml");
    expect(r.log).toMatch(/^sarif error \S+ charts\/floe-jobs\/values-dev\.yaml:7$/m);
  });
});
