// A matrix of charts merged, through the bundled CLI (node dist/index.js) as the action runs it: two real
// `floe-helm gate` runs (real helm 3 and 4), one per fixture chart (tests/fixtures/gate/findings' admission,
// with its dangling references, and tests/fixtures/gate/good's app) in separate work dirs, then
// `floe-helm report --merge a b --sarif out.sarif` in GitHub Actions: the merged verdict and coverage matrix,
// the SARIF file (valid against the official schema), and the action outputs verdict, coverage and sarif
// as the runner reads them from $GITHUB_OUTPUT (the one thing mocked: GitHub's runner, which is not here).
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { SarifLog } from "../../src/report/sarif.js";
import { expectValidSarif } from "../helpers/sarif.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

const exec = promisify(execFile);
type Run = { code: number; stdout: string; stderr: string };

const config = `# Both charts' jobs read this one (as a matrix's jobs read the repository's).
helm: both
severity:
  policy/*: off
  kubesec: off
waivers:
  - rule: dangling-reference
    object: Deployment/*-legacy
    reason: the legacy Secret is created by hand until 2.0
    expiry: 2999-12-31
requirements:
  RENDER-001: { title: Every chart renders, priority: P0, covers: [render] }
  REF-001: { title: References resolve, priority: P1, covers: [dangling-reference] }
  UPG-001: { title: Upgrades are safe, priority: P2, covers: ["upgrade/*"] }
coverage:
  failOn: [P0, P1]
`;

/** The runner's output file format: `name<<delimiter`, the value, the delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

describe("floe-helm report --merge a b --sarif out.sarif (node dist/index.js, two real gate jobs)", () => {
  let cwd: string;
  let gates: Run[];
  let report: Run;
  let again: Run;
  let outputs: Record<string, string>;
  let log: SarifLog;
  beforeAll(async () => {
    cwd = tempDir("floe-merge-cli-");
    await mkdir(path.join(cwd, ".git"));
    const fixtures = path.join(repoRoot, "tests", "fixtures", "gate");
    await cp(path.join(fixtures, "findings", "charts"), path.join(cwd, "charts"), { recursive: true });
    await cp(path.join(fixtures, "good", "charts"), path.join(cwd, "charts"), { recursive: true });
    await writeFile(path.join(cwd, "floe-gate.yaml"), config);
    const floeHelm = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> =>
      exec(process.execPath, [path.join(repoRoot, "dist", "index.js"), ...args], {
        cwd,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, FLOE_HELM_VALIDATOR_CACHE: "off", ...env },
      }).then(
        (r) => ({ code: 0, ...r }),
        (e: Run) => e,
      );
    gates = [
      await floeHelm([
        "gate",
        "--tools-dir",
        toolsDir,
        "--chart",
        "charts/admission",
        "--work-dir",
        "jobs/admission",
      ]),
      await floeHelm(["gate", "--tools-dir", toolsDir, "--chart", "charts/app", "--work-dir", "jobs/app"]),
    ];
    const output = path.join(cwd, "github-output");
    await writeFile(output, "");
    const actions = { GITHUB_ACTIONS: "true", GITHUB_OUTPUT: output };
    report = await floeHelm(
      ["report", "--merge", "jobs/admission", "jobs/app", "--sarif", "out.sarif"],
      actions,
    );
    outputs = parseOutputs(await readFile(output, "utf8"));
    log = JSON.parse(await readFile(path.join(cwd, "out.sarif"), "utf8")) as SarifLog;
    // The same job given twice counts once.
    again = await floeHelm(["report", "--merge", "jobs/admission", "jobs/app", "jobs/admission"]);
  });

  it("the jobs ran: one chart with errors, one clean", () => {
    expect(gates.map((g) => g.code)).toEqual([1, 0]);
    expect(gates[0]!.stdout).toMatch(/^gate: FAIL: 2 error\(s\), 0 warning\(s\), 1 waived, /m);
    expect(gates[1]!.stdout).toMatch(/^gate: PASS: 0 error\(s\), 0 warning\(s\), 0 waived, /m);
  });

  it("reports both charts as one: each finding once, the coverage of both charts' checks", () => {
    expect(report.code, report.stderr).toBe(1);
    const lines = report.stdout.split("\n").map((l) => l.replace(/ +/g, " "));
    expect(lines[0]).toBe("merged 2 job(s): jobs/admission, jobs/app");
    expect(lines).toContainEqual(
      expect.stringMatching(/^gate: FAIL: 2 error\(s\), 0 warning\(s\), 1 waived, \d+ check\(s\)/),
    );
    // 3 scenarios x 2 helm majors of each chart render.
    expect(lines).toContain("RENDER-001 P0 pass 12 pass Every chart renders");
    expect(lines).toContainEqual(expect.stringMatching(/^REF-001 P1 FAIL \d+\/\d+ FAIL References resolve$/));
    expect(lines).toContain("UPG-001 P2 - NOT COVERED Upgrades are safe");
    const verdict = (r: Run) =>
      r.stdout.split("\n").filter((l) => !l.startsWith("merged ") && !l.startsWith("::"));
    expect(verdict(again)).toEqual(verdict(report));
  });

  it("sets the action outputs verdict, coverage and sarif", () => {
    expect(outputs).toMatchObject({ verdict: "fail", coverage: "1/3", sarif: "out.sarif" });
  });

  it("writes a valid SARIF file with the merged findings at file:line:col", () => {
    expectValidSarif(log);
    expect(report.stderr).toContain(
      "sarif: 5 result(s), 0 finding(s) without a file as notifications: out.sarif",
    );
    const at = log.runs[0]!.results.map((r) => {
      const p = r.locations[0]!.physicalLocation;
      return `${r.level} ${p.artifactLocation.uri}:${p.region?.startLine}:${p.region?.startColumn}${r.suppressions ? " suppressed" : ""}`;
    });
    expect(at).toEqual([
      "error charts/admission/templates/controller.yaml:20:19",
      "error charts/admission/templates/controller.yaml:25:17",
      "note charts/admission/templates/controller.yaml:33:13",
      "error charts/admission/templates/legacy.yaml:17:17 suppressed",
      // The report's own verdict: REF-001 (P1, in coverage.failOn) failed, at its line in floe-gate.yaml.
      "error floe-gate.yaml:13:3",
    ]);
    const coverage = log.runs[0]!.results[4]!;
    expect(coverage.ruleId).toBe("coverage");
    expect(coverage.message.text).toMatch(
      /^Requirement\/REF-001: P1 requirement REF-001 \(References resolve\) failed: /,
    );
    expect(coverage.properties).toMatchObject({ phase: "report", object: "Requirement/REF-001" });
  });

  it("a passing run says pass and counts its coverage; a folder with no results is one error, outputs still set", async () => {
    const output = path.join(cwd, "github-output-2");
    await writeFile(output, "");
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: "true",
      GITHUB_OUTPUT: output,
    };
    const dist = path.join(repoRoot, "dist", "index.js");
    const pass = await exec(process.execPath, [dist, "report", "--merge", "jobs/app"], { cwd, env }).then(
      (r) => ({ code: 0, ...r }),
      (e: Run) => e,
    );
    // app alone: RENDER-001 passes, REF-001 passes (app's references resolve), UPG-001 is a P2 not covered.
    expect(pass.code, pass.stdout).toBe(0);
    expect(parseOutputs(await readFile(output, "utf8"))).toMatchObject({ verdict: "pass", coverage: "2/3" });
    await writeFile(output, "");
    await mkdir(path.join(cwd, "jobs", "empty"));
    const bad = await exec(process.execPath, [dist, "report", "--merge", "jobs/app", "jobs/empty"], {
      cwd,
      env,
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: Run) => e,
    );
    expect(bad.code).toBe(2);
    expect(bad.stdout.trim()).toBe(
      `::error title=floe-helm::--merge ${cwd}/jobs/empty: no *.results.json in it (expected a job's --work-dir, written by floe-helm gate or another phase)`,
    );
    expect(parseOutputs(await readFile(output, "utf8"))).toMatchObject({ verdict: "fail", coverage: "0/0" });
  });
});
