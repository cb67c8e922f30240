// The gate passes on this repository's own charts with its floe-gate.yaml (both helm majors, every check):
// what the README's Quick start runs. Waived findings stay visible in the output.
// The date is an input of the test (floe-gate.yaml's waivers expire): the gate runs on the last day its
// waivers hold, and again on the day after, when the same findings fail it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

const waivers = (
  parse(readFileSync(path.join(repoRoot, "floe-gate.yaml"), "utf8")) as { waivers: Array<{ expiry: string }> }
).waivers;
const expiries = waivers.map((w) => String(w.expiry)).sort();
const lastValidDay = expiries[0]!;
const dayAfterAll = new Date(Date.parse(`${expiries.at(-1)!}T12:00:00Z`) + 86_400_000);

afterEach(() => {
  vi.useRealTimers();
});

it(`floe-helm gate passes on charts/ of this repository (today: ${lastValidDay}, the day its first waiver ends)`, async () => {
  expect(waivers.length).toBeGreaterThan(0);
  vi.useFakeTimers({ now: new Date(`${lastValidDay}T12:00:00Z`), toFake: ["Date"], shouldAdvanceTime: true });
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

it(`floe-helm gate fails on charts/ of this repository once floe-gate.yaml's waivers expired (today: ${dayAfterAll.toISOString().slice(0, 10)})`, async () => {
  vi.useFakeTimers({ now: dayAfterAll, toFake: ["Date"], shouldAdvanceTime: true });
  const work = tempDir("floe-gate-repo-expired-");
  const r = await cli(["gate", "--tools-dir", toolsDir, "--work-dir", work], { cwd: repoRoot });
  expect(r.out).toMatch(/^gate: FAIL: [1-9]\d* error\(s\), \d+ warning\(s\), 0 waived, /m);
  expect(r.code).toBe(1);
});
