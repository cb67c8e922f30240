// pr-gate.yml's `changes` and `report` jobs under a real Actions runner (nektos/act, host mode:
// tests/action/act.ts): the merged report over every gate job's results. The test derives the workflow it runs
// from .github/workflows/pr-gate.yml itself: the jobs' inputs, outputs, `if:` and every `run:` step exactly as
// written there; only the steps that `uses:` a remote action are replaced, each by a stand-in named for what it
// replaces. The gate jobs' artifacts are made by the real `floe-helm gate` (one work dir per chart, as each
// matrix job leaves it), before the run. Real: the runner ($GITHUB_OUTPUT, job outputs, `needs`, `if:
// always()`, the job summary, annotations), `floe-helm changed`, `floe-helm report --merge`, SARIF. Mocked
// (GitHub's own services only): actions/checkout (a copy of a prepared repository), actions/setup-node (the
// runner's Node), actions/download-artifact (a copy of the folders the test made) and
// github/codeql-action/upload-sarif (code scanning: the stand-in reads the file and counts its results).
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { runTool } from "../../src/exec/runner.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool, toolsDir } from "../helpers/tools.js";
import { type ActRun, prepareCheckout, runAct } from "./act.js";

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  run?: string;
}
interface Job {
  needs?: string | string[];
  if?: string;
  "runs-on": string;
  "timeout-minutes"?: number;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}

const expr = (x: string) => `\${{ ${x} }}`;
const self = path.relative(repoRoot, fileURLToPath(import.meta.url));
let scratch: string;
let workflow: string;

/** The stand-in for each remote action the two jobs use (anything else fails the test: add one). */
function standIn(step: Step): Step {
  const uses = step.uses!.split("@")[0];
  const keep = step.if ? { if: step.if } : {};
  if (uses === "actions/checkout") {
    const into = step.with?.path ? `$GITHUB_WORKSPACE/${step.with.path}` : "$GITHUB_WORKSPACE";
    return {
      name: `Check out${step.with?.path ? ` into ${step.with.path}` : ""} (stands in for actions/checkout: the test's prepared repository)`,
      env: { CHECKOUT: expr("vars.FLOE_TEST_CHECKOUT") },
      run: `mkdir -p "${into}" && cp -a "$CHECKOUT/." "${into}/"`,
    };
  }
  if (uses === "actions/setup-node")
    return { name: "Node (stands in for actions/setup-node: the runner's own)", run: "node --version" };
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

/** pr-gate.yml's changes and report jobs as a workflow_dispatch workflow act can run here (the gate, cluster
 * and e2e jobs left out of `needs:`: their results are the test's folders). */
function deriveWorkflow(): string {
  const wf = parse(readFileSync(path.join(repoRoot, ".github", "workflows", "pr-gate.yml"), "utf8")) as {
    on: { workflow_call: { inputs: Record<string, unknown> } };
    permissions: unknown;
    jobs: Record<string, Job>;
  };
  const jobs: Record<string, unknown> = {};
  for (const name of ["changes", "report"]) {
    const j = wf.jobs[name]!;
    const needs = [j.needs ?? []].flat().filter((n) => n === "changes");
    jobs[name] = {
      ...(needs.length ? { needs } : {}),
      ...(j.if ? { if: j.if } : {}),
      "runs-on": j["runs-on"],
      ...(j["timeout-minutes"] ? { "timeout-minutes": j["timeout-minutes"] } : {}),
      ...(j.permissions ? { permissions: j.permissions } : {}),
      ...(j.outputs ? { outputs: j.outputs } : {}),
      steps: j.steps.map((s) => (s.uses ? standIn(s) : s)),
    };
  }
  const derived = {
    name: "act: pr-gate.yml's changes and report jobs",
    on: { workflow_dispatch: { inputs: wf.on.workflow_call.inputs } },
    permissions: wf.permissions,
    jobs,
  };
  const file = path.join(scratch, "pr-gate.yml");
  writeFileSync(file, `# Derived by ${self} from .github/workflows/pr-gate.yml.\n${stringify(derived)}`);
  return file;
}

/** What each gate job of the matrix would upload: the real gate on one chart (helm 4), its results files only. */
async function gateArtifacts(checkout: string, into: string): Promise<void> {
  for (const chart of ["floe-platform", "floe-jobs", "floe-common"]) {
    const work = path.join(scratch, `work-${path.basename(into)}-${chart}`);
    const r = await cli(
      ["gate", "--chart", `charts/${chart}`, "--helm", "4", "--tools-dir", toolsDir, "--work-dir", work],
      { cwd: checkout },
    );
    expect([0, 1], r.err).toContain(r.code);
    const artifact = path.join(into, `floe-helm-results-gate-charts-${chart}-helm4`);
    mkdirSync(artifact, { recursive: true });
    for (const f of readdirSync(work).filter((x) => x.endsWith(".results.json")))
      cpSync(path.join(work, f), path.join(artifact, f));
  }
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

beforeAll(() => {
  tool("act");
  scratch = tempDir("floe-act-report-");
  workflow = deriveWorkflow();
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("act (real runner, host mode): pr-gate.yml's report job merges every gate job's results", () => {
  let r: ActRun;
  beforeAll(async () => {
    // This repository's floe-gate.yaml waives the P0s only the cluster and e2e jobs prove when they did not run.
    const checkout = await prepareCheckout(path.join(scratch, "pass"));
    const artifacts = path.join(scratch, "pass-artifacts");
    await gateArtifacts(checkout, artifacts);
    const head = (await runTool(["git", "rev-parse", "HEAD"], { cwd: checkout })).stdout.trim();
    r = await runAct({
      workflow,
      checkout,
      event: "workflow_dispatch",
      inputs: { "action-ref": head },
      vars: { FLOE_TEST_ARTIFACTS: artifacts },
    });
  }, 900_000);

  it("the changes job finds every chart (no pull request: all of them), the report job runs and passes", () => {
    expect(r.code, why(r)).toBe(0);
    expect(outputsOf(r, "changed").any).toBe("true");
    expect(stepResult(r, "floe-helm · report")).toBe("success");
  });

  it("merges the three jobs' folders into one report, and its verdict and coverage are the job's outputs", () => {
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

describe("act (real runner, host mode): pr-gate.yml's report job when one gate job failed", () => {
  let r: ActRun;
  beforeAll(async () => {
    // charts/floe-jobs/values-dev.yaml gets a second `jobs:` key: that chart's gate job fails.
    const checkout = await prepareCheckout(path.join(scratch, "fail"), (dir) =>
      appendFileSync(path.join(dir, "charts/floe-jobs/values-dev.yaml"), "jobs: {}\n"),
    );
    const artifacts = path.join(scratch, "fail-artifacts");
    await gateArtifacts(checkout, artifacts);
    const head = (await runTool(["git", "rev-parse", "HEAD"], { cwd: checkout })).stdout.trim();
    r = await runAct({
      workflow,
      checkout,
      event: "workflow_dispatch",
      inputs: { "action-ref": head },
      vars: { FLOE_TEST_ARTIFACTS: artifacts },
    });
  }, 900_000);

  it("fails the report step, and still sets the verdict (fail) and uploads the SARIF", () => {
    expect(r.code, why(r)).not.toBe(0);
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
