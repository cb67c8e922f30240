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

  // The coverage matrix of floe-gate.yaml's requirements (title, priority): what the gate proves, the helm
  // test pods it cannot run, and the P0s nothing covers yet, waived until the e2e phase runs (README
  // "Coverage matrix"): the report passes, and says which P0s it waived.
  const rep = await cli(["report", "--work-dir", work], { cwd: repoRoot });
  const row = (id: string) =>
    rep.out
      .split("\n")
      .find((l) => l.startsWith(`${id} `))
      ?.replace(/ +/g, " ");
  const p0Gaps = ["E2E-001", "GAP-001", "GAP-002", "T116", "T117"];
  for (const id of p0Gaps) expect(row(id)).toMatch(new RegExp(`^${id} P0 - NOT COVERED \\S`));
  for (const id of ["T018", "T019", "T042", "T043"])
    expect(row(id)).toMatch(new RegExp(`^${id} P0 pass \\d+ pass `));
  for (const id of ["GAP-007", "T103"]) expect(row(id)).toMatch(new RegExp(`^${id} P1 pass \\d+ pass `));
  for (const id of ["E2E-002", "T020", "T044"])
    expect(row(id)).toMatch(new RegExp(`^${id} P0 skipped \\d+ skipped `));
  // Integration points: declared with their titles, proved only by helm test pods, which the gate skips.
  expect(row("INT-001")).toMatch(/^INT-001 P1 skipped \d+ skipped Dagster -> PostgreSQL /);
  expect(row("INT-007")).toMatch(/^INT-007 P2 skipped \d+ skipped Marquez API /);
  // ... and as the graph of floe-gate.yaml integrations:, each edge with the state of its requirements.
  expect(rep.out).toContain("Dagster -> PostgreSQL: skipped (INT-001 skipped)");
  expect(rep.out).toContain("Dagster -> K8s Jobs: NOT COVERED (T116 NOT COVERED)");
  expect(rep.out).toMatch(
    /^skipped in gate: a helm test pod runs only in a cluster .*\(E2E-002, E2E-003, INT-001, /m,
  );
  for (const id of p0Gaps)
    expect(rep.out).toMatch(
      new RegExp(
        `^floe-gate.yaml:\\d+:3: error coverage: P0 requirement ${id} .*is not covered.*\\[waived: `,
        "m",
      ),
    );
  expect(rep.out).toContain(
    `coverage: PASS: no requirement of priority P0 failed or uncovered; waived: ${p0Gaps.join(", ")}`,
  );
  expect(rep.code, rep.out).toBe(0);
});

it(`floe-helm gate fails on charts/ of this repository once floe-gate.yaml's waivers expired (today: ${dayAfterAll.toISOString().slice(0, 10)})`, async () => {
  vi.useFakeTimers({ now: dayAfterAll, toFake: ["Date"], shouldAdvanceTime: true });
  const work = tempDir("floe-gate-repo-expired-");
  const r = await cli(["gate", "--tools-dir", toolsDir, "--work-dir", work], { cwd: repoRoot });
  expect(r.out).toMatch(/^gate: FAIL: [1-9]\d* error\(s\), \d+ warning\(s\), 0 waived, /m);
  expect(r.code).toBe(1);
  // The P0s no check proves are no longer waived either: the report fails on them, at their lines.
  const rep = await cli(["report", "--work-dir", work], { cwd: repoRoot });
  expect(rep.out).toMatch(
    /^coverage: FAIL: 5 requirement\(s\) of priority P0 failed or not covered: E2E-001, GAP-001, GAP-002, T116, T117$/m,
  );
  expect(rep.out).toMatch(
    /^floe-gate.yaml:\d+:3: error coverage: P0 requirement E2E-001 \(.*\) is not covered: .*waiver expired/m,
  );
  expect(rep.code).toBe(1);
});
