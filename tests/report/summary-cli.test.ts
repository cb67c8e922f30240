// `floe-helm report` through the real CLI entry point (the committed bundle dist/index.js, as the action runs
// it) on the results of a real `floe-helm gate` run (real helm 4 and kubesec) over tests/fixtures/gate/good
// with a helm test pod and tests/fixtures/report/matrix's floe-gate.yaml, in GitHub Actions mode: the job
// summary is written to the file GITHUB_STEP_SUMMARY names (a temp file standing in for GitHub's page).
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

const exec = promisify(execFile);
const bin = path.join(repoRoot, "dist", "index.js");
const fixture = path.join(repoRoot, "tests", "fixtures", "report", "matrix");

async function floeHelm(argv: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return exec(process.execPath, [bin, ...argv], { cwd, env }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe("floe-helm report (dist/index.js) after a real gate run, in Actions", () => {
  let cwd: string;
  let report: { code: number; stdout: string; stderr: string };
  let md: string;
  beforeAll(async () => {
    cwd = tempDir("floe-summary-cli-");
    await cp(path.join(repoRoot, "tests", "fixtures", "gate", "good", "charts"), path.join(cwd, "charts"), {
      recursive: true,
    });
    const config = await readFile(path.join(fixture, "floe-gate.yaml"), "utf8");
    // The test pod covers INT-APP-001: declared here with an integration point, so the graph has an edge.
    await writeFile(
      path.join(cwd, "floe-gate.yaml"),
      `${config}  INT-APP-001: { title: "App -> its Service", priority: P1 }\nintegrations:\n  - { from: App, to: Service, requirements: [INT-APP-001] }\n  - { from: App, to: Upgrades, requirements: [UPG-001] }\n`,
    );
    await mkdir(path.join(cwd, "charts", "app", "templates", "tests"));
    await cp(
      path.join(fixture, "test-pod.yaml"),
      path.join(cwd, "charts", "app", "templates", "tests", "test-http.yaml"),
    );
    const work = path.join(cwd, "work");
    const base = { PATH: process.env.PATH, HOME: process.env.HOME };
    const gate = await floeHelm(["gate", "--tools-dir", toolsDir, "--work-dir", work], cwd, base);
    expect(gate.code, gate.stderr).toBe(0);
    const step = path.join(cwd, "step-summary.md");
    const output = path.join(cwd, "output.txt");
    await writeFile(step, "");
    await writeFile(output, "");
    report = await floeHelm(["report", "--work-dir", work], cwd, {
      ...base,
      GITHUB_ACTIONS: "true",
      GITHUB_STEP_SUMMARY: step,
      GITHUB_OUTPUT: output,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REPOSITORY: "floe/charts",
      GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    });
    md = await readFile(step, "utf8");
  });

  it("exits with the verdict and prints the same report as plain text", () => {
    expect(report.code, report.stderr).toBe(0);
    const out = report.stdout.split("\n").map((l) => l.replace(/ +/g, " "));
    expect(out[0]).toMatch(
      /^report: PASS \(1 chart\(s\), 3 scenario\(s\) x helm 4; 1 phase\(s\), \d+ check\(s\); requirements: /,
    );
    expect(out).toContainEqual(expect.stringMatching(/^app ci\/alt-port-values pass \d+\.\ds$/));
    expect(out).toEqual(
      expect.arrayContaining([
        "App -> Service: skipped (INT-APP-001 skipped)",
        "App -> Upgrades: NOT COVERED (UPG-001 NOT COVERED)",
      ]),
    );
  });

  it("writes the job summary: verdict first, the run table, the coverage matrix, the integration graph", () => {
    const lines = md.split("\n");
    expect(lines[0]).toBe("## floe-helm");
    expect(lines[2]).toMatch(/^✅ \*\*PASS\*\* \(1 chart\(s\), 3 scenario\(s\) x helm 4; /);
    expect(md).toMatch(/^\| app \| ci\/alt-port-values \| ✅ \d+\.\ds \|$/m);
    expect(md).toContain(
      "| `INT-APP-001` | P1 | App -> its Service | ⏭️ skipped 3: a helm test pod runs only in a cluster (floe-helm test)… | ⏭️ skipped |",
    );
    expect(md).toContain('  n0["App"] -->|"INT-APP-001: skipped"| n1["Service"]');
    expect(md).toContain('  n0["App"] -->|"UPG-001: not covered"| n2["Upgrades"]');
    expect(md).toMatch(/^\| gate \| ✅ pass \| 0 \| 0 \| 0 \| \d+ \|$/m);
  });
});
