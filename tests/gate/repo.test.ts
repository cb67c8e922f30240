// The gate passes on this repository's own charts with its floe-gate.yaml (both helm majors, every check):
// what the README's Quick start runs. Waived findings stay visible in the output.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

it("floe-helm gate passes on charts/ of this repository", async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), "floe-gate-repo-"));
  const r = await cli(["gate", "--tools-dir", toolsDir, "--work-dir", work], { cwd: repoRoot });
  expect(r.out).toMatch(/^gate: PASS: 0 error\(s\), \d+ warning\(s\), \d+ waived, \d+ check\(s\) in /m);
  expect(r.code).toBe(0);
  expect(r.err).toMatch(/^gate: \[\d+\/\d+\] floe-platform prod \(helm3\+helm4\): /m);
});
