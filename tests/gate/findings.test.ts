// What a person reads of a gate run whose findings repeat across scenarios and helm majors
// (tests/fixtures/gate/findings: ingress-nginx's admission pattern, a missing Secret in every scenario, a
// missing ConfigMap in one, a waived one in every scenario), through the bundled CLI as GitHub Actions runs
// it: each distinct finding once, with where it occurs, in the terminal, the annotations and the job
// summary; progress lines and verdict counting alike.
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { PhaseResults } from "../../src/report/results.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

const exec = promisify(execFile);
const cwd = path.join(repoRoot, "tests", "fixtures", "gate", "findings");
const T = "charts/admission/templates";
const all = "scenarios: ci/a-values, ci/b-values, ci/c-values; helm 3, 4";
const missingDb =
  "Deployment/floe-gate-controller env DB_PASSWORD of container 'controller': Secret 'db-creds' is not rendered by this chart; declare it in externalReferences (kind Secret) if something else creates it";
const missingExtra =
  "Deployment/floe-gate-controller envFrom of container 'controller': ConfigMap 'extra-config' is not rendered by this chart; declare it in externalReferences (kind ConfigMap) if something else creates it";
const created =
  "Deployment/floe-gate-controller volume webhook-cert: Secret 'floe-gate-admission' is not rendered: Job/floe-gate-admission-create (helm hook pre-install,pre-upgrade) creates it at run time (it is passed the name: argument '--secret-name=floe-gate-admission')";
const legacy =
  "Deployment/floe-gate-legacy envFrom of container 'legacy': Secret 'legacy-creds' is not rendered by this chart; declare it in externalReferences (kind Secret) if something else creates it";

type Run = { code: number; stdout: string; stderr: string };
async function floeHelm(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return exec(process.execPath, [path.join(repoRoot, "dist", "index.js"), ...args], { cwd, env }).then(
    (r) => ({ code: 0, ...r }),
    (e: Run) => e,
  );
}

describe("gate on findings that repeat in every scenario and helm major (node dist/index.js, in GitHub Actions)", () => {
  let gate: Run;
  let report: Run;
  let work: string;
  beforeAll(async () => {
    work = tempDir("floe-findings-");
    const env = {
      PATH: process.env.PATH,
      GITHUB_ACTIONS: "true",
      GITHUB_OUTPUT: path.join(work, "output"),
      FLOE_HELM_VALIDATOR_CACHE: "off",
    };
    await writeFile(env.GITHUB_OUTPUT, "");
    gate = await floeHelm(["gate", "--tools-dir", toolsDir, "--work-dir", work], env);
    report = await floeHelm(["report", "--work-dir", work, "--summary", path.join(work, "summary.md")], env);
  });

  it("prints each distinct finding once with its scenarios and helm majors, annotates it once, and counts it once", () => {
    expect(gate.code).toBe(1);
    const lines = gate.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(
      /^gate: FAIL: 2 error\(s\), 0 warning\(s\), 1 waived, \d+ check\(s\) in \d+\.\ds$/,
    );
    expect(lines.slice(0, -1)).toEqual([
      `${T}/controller.yaml:20:19: error dangling-reference: ${missingDb} (${all})`,
      `${T}/controller.yaml:25:17: error dangling-reference: ${missingExtra} (scenario: ci/c-values; helm 3, 4)`,
      `${T}/controller.yaml:33:13: info dangling-reference: ${created} (${all})`,
      `${T}/legacy.yaml:17:17: error dangling-reference: ${legacy} (${all}) [waived: the legacy Secret is created by hand until 2.0]`,
      `::error title=dangling-reference,file=${T}/controller.yaml,line=20,col=19::Deployment/floe-gate-controller: ${missingDb} (${all})`,
      `::error title=dangling-reference,file=${T}/controller.yaml,line=25,col=17::Deployment/floe-gate-controller: ${missingExtra} (scenario: ci/c-values; helm 3, 4)`,
      `::notice title=dangling-reference,file=${T}/controller.yaml,line=33,col=13::Deployment/floe-gate-controller: ${created} (${all})`,
      `::notice title=dangling-reference,file=${T}/legacy.yaml,line=17,col=17::Deployment/floe-gate-legacy: ${legacy} (${all}) [waived: the legacy Secret is created by hand until 2.0]`,
    ]);
  });

  it("each progress line counts as the verdict counts (the waived finding as waived, helm 3 and 4 once)", () => {
    const progress = gate.stderr
      .trimEnd()
      .split("\n")
      .map((l) => l.replace(/^gate: \[\d\/3\]/, "gate: [n/3]").replace(/ in \d+\.\ds$/, ""))
      .sort();
    expect(progress).toEqual([
      "gate: [n/3] admission ci/a-values (helm3+helm4): 1 error(s), 0 warning(s), 1 waived",
      "gate: [n/3] admission ci/b-values (helm3+helm4): 1 error(s), 0 warning(s), 1 waived",
      "gate: [n/3] admission ci/c-values (helm3+helm4): 2 error(s), 0 warning(s), 1 waived",
    ]);
  });

  it("keeps one finding per cell in the results file", async () => {
    const r = JSON.parse(await readFile(path.join(work, "gate.results.json"), "utf8")) as PhaseResults;
    const cells = (message: string) =>
      r.findings.filter((f) => f.message === message).map((f) => `${f.scenario} helm${f.helm}`);
    expect(cells(missingDb)).toEqual([
      "ci/a-values helm3",
      "ci/a-values helm4",
      "ci/b-values helm3",
      "ci/b-values helm4",
      "ci/c-values helm3",
      "ci/c-values helm4",
    ]);
    expect(cells(missingExtra)).toEqual(["ci/c-values helm3", "ci/c-values helm4"]);
    expect(r.findings).toHaveLength(6 + 2 + 6 + 6);
  });

  it("the job summary lists each distinct finding once and counts it once", async () => {
    expect(report.code).toBe(1);
    expect(report.stdout).toMatch(
      /^gate: FAIL: 2 error\(s\), 0 warning\(s\), 1 waived, \d+ check\(s\) in \d+\.\ds$/m,
    );
    const md = (await readFile(path.join(work, "summary.md"), "utf8")).split("\n");
    expect(md).toContainEqual(expect.stringMatching(/^\| gate \| ❌ fail \| 2 \| 0 \| 1 \| \d+ \|$/));
    expect(md.slice(md.indexOf("### Failed checks: first findings"))).toEqual([
      "### Failed checks: first findings",
      "",
      "#### ❌ `dangling-reference` (gate): 2 finding(s)",
      "",
      "| Severity | Rule | Where | Message |",
      "|---|---|---|---|",
      `| error | \`dangling-reference\` | \`${T}/controller.yaml:20\` | ${missingDb} (${all}) |`,
      `| error | \`dangling-reference\` | \`${T}/controller.yaml:25\` | ${missingExtra} (scenario: ci/c-values; helm 3, 4) |`,
      "",
      "<details><summary>Waived (1)</summary>",
      "",
      "| Severity | Rule | Where | Message |",
      "|---|---|---|---|",
      `| waived | \`dangling-reference\` | \`${T}/legacy.yaml:17\` | ${legacy} (${all}) |`,
      "",
      "</details>",
      "",
    ]);
  });
});
