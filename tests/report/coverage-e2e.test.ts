// `floe-helm report` end to end: the real gate (real helm 4, kubesec) runs over a copy of
// tests/fixtures/gate/good with a helm test pod annotated floe.dev/covers and the floe-gate.yaml of
// tests/fixtures/report/matrix; the report then prints the coverage matrix and writes it to the summary.
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CliResult, cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

const fixture = path.join(repoRoot, "tests", "fixtures", "report", "matrix");

describe("floe-helm report after a real gate run", () => {
  let gate: CliResult;
  let report: CliResult;
  let md: string;
  beforeAll(async () => {
    const cwd = tempDir("floe-coverage-");
    await cp(path.join(repoRoot, "tests", "fixtures", "gate", "good", "charts"), path.join(cwd, "charts"), {
      recursive: true,
    });
    await cp(path.join(fixture, "floe-gate.yaml"), path.join(cwd, "floe-gate.yaml"));
    await mkdir(path.join(cwd, "charts", "app", "templates", "tests"));
    await cp(
      path.join(fixture, "test-pod.yaml"),
      path.join(cwd, "charts", "app", "templates", "tests", "test-http.yaml"),
    );
    const work = path.join(cwd, "work");
    gate = await cli(["gate", "--tools-dir", toolsDir, "--work-dir", work], { cwd });
    const summary = path.join(cwd, "summary.md");
    report = await cli(["report", "--work-dir", work, "--summary", summary], { cwd });
    md = await readFile(summary, "utf8");
  });

  it("the gate passes and the report exits with its verdict", () => {
    expect(gate.code, gate.out).toBe(0);
    expect(report.code, report.err).toBe(0);
  });

  it("prints the matrix: passed, skipped with reasons, and declared but not covered", () => {
    const coverage = report.out.slice(report.out.indexOf("coverage:"));
    expect(coverage.split("\n").map((l) => l.replace(/ +/g, " "))).toEqual([
      "coverage:",
      "requirement gate result",
      "HPA-001 skipped 3 skipped",
      "INT-APP-001 skipped 3 skipped",
      "SCHEMA-001 pass 4 pass",
      // policy/* and kubesec over 2 workloads x 3 scenarios, and the test pod, which the gate skips.
      expect.stringMatching(/^SEC-001 pass \d+ \(\+6 skipped\) pass$/),
      "UPG-001 - NOT COVERED",
      "skipped in gate: turned off in floe-gate.yaml (HPA-001, SEC-001)",
      "skipped in gate: a helm test pod runs only in a cluster (floe-helm test), not in the static gate (INT-APP-001, SEC-001)",
      "not covered: UPG-001: declared in floe-gate.yaml requirements but no check of any phase covers them",
    ]);
  });

  it("writes the same matrix to the job summary, with a reason for every skip", () => {
    expect(md).toContain("### Requirement coverage");
    expect(md).toContain("| Requirement | gate | Result |");
    expect(md).toContain(
      "| `INT-APP-001`* | ⏭️ skipped 3: a helm test pod runs only in a cluster (floe-helm test)… | ⏭️ skipped |",
    );
    expect(md).toContain("| `SCHEMA-001` | ✅ pass 4 | ✅ pass |");
    expect(md).toContain("| `UPG-001` | – | ⚠️ NOT COVERED |");
    expect(md).toContain("| `HPA-001` | gate | 3 | turned off in floe-gate.yaml |");
    expect(md).toContain("**Not covered:** `UPG-001`");
  });

  it("a broken floe-gate.yaml is one warning line, not the end of the report", async () => {
    const cwd = tempDir("floe-coverage-bad-");
    await writeFile(path.join(cwd, "floe-gate.yaml"), "requirements: [not, a, map]\n");
    // No results here either: the report still says why it has none (exit 2), after the warning.
    const r = await cli(["report", "--work-dir", path.join(cwd, "none")], { cwd });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^floe-helm: warning: coverage without floe-gate.yaml requirements: floe-gate.yaml:1:\d+: /m,
    );
  });
});
