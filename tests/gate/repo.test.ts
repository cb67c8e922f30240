// The gate passes on this repository's own charts with its floe-gate.yaml (both helm majors, every check):
// what the README's Quick start runs. Waived findings stay visible in the output.
import { expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

it("floe-helm gate passes on charts/ of this repository", async () => {
  const work = tempDir("floe-gate-repo-");
  const r = await cli(["gate", "--tools-dir", toolsDir, "--work-dir", work], { cwd: repoRoot });
  expect(r.out).toMatch(/^gate: PASS: 0 error\(s\), \d+ warning\(s\), \d+ waived, \d+ check\(s\) in /m);
  expect(r.code).toBe(0);
  expect(r.err).toMatch(/^gate: \[\d+\/\d+\] floe-platform prod \(helm3\+helm4\): /m);

  // The coverage matrix of floe-gate.yaml's requirements: what the gate proves, the helm test pods it
  // cannot run, and the requirement nothing covers yet (README "Coverage matrix").
  const rep = await cli(["report", "--work-dir", work], { cwd: repoRoot });
  const row = (id: string) =>
    rep.out
      .split("\n")
      .find((l) => l.startsWith(`${id} `))
      ?.replace(/ +/g, " ");
  expect(row("E2E-001")).toBe("E2E-001 - NOT COVERED");
  for (const id of ["GAP-007", "T018", "T019", "T103"])
    expect(row(id)).toMatch(new RegExp(`^${id} pass \\d+ pass$`));
  for (const id of ["E2E-002", "E2E-003", "INT-001", "INT-007"])
    expect(row(id)).toMatch(new RegExp(`^${id} skipped \\d+ skipped$`));
  expect(rep.out).toMatch(
    /^skipped in gate: a helm test pod runs only in a cluster .*\(E2E-002, E2E-003, INT-001, /m,
  );
});
