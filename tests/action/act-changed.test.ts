// The PR gate's change detection under a real Actions runner (nektos/act, host mode: tests/action/act.ts):
// tests/fixtures/act/changed.yml runs pr-gate.yml's `floe-helm changed` step on a checkout of this
// repository whose last commit touches one chart, then a matrix job over its outputs, as pr-gate.yml's gate
// job is built. Real: the runner, $GITHUB_OUTPUT, job outputs, fromJSON in strategy.matrix, git, dist/.
// Mocked (GitHub's own service only): the checkout (the workflow copies a repository the test prepared).
import { execFileSync } from "node:child_process";
import { appendFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/tmp.js";
import { tool } from "../helpers/tools.js";
import { type ActRun, prepareCheckout, runAct } from "./act.js";

let scratch: string;
beforeAll(() => {
  tool("act");
  scratch = tempDir("floe-act-changed-");
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** This repository's checkout (one commit), then one more commit that runs `change` on it. */
async function checkoutWithChange(name: string, change: (dir: string) => void): Promise<string> {
  const dir = await prepareCheckout(path.join(scratch, name));
  change(dir);
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=floe", "-c", "user.email=floe@example.invalid", ...args], {
      cwd: dir,
    });
  git("add", "-A");
  git("commit", "-q", "--no-verify", "-m", "change");
  return dir;
}

const why = (r: ActRun) =>
  `act exit ${r.code}\n--- log\n${r.log.slice(-6000)}\n--- act\n${r.stderr.slice(-2000)}`;
const cells = (r: ActRun) =>
  r.log
    .split("\n")
    .filter((l) => l.startsWith("matrix cell "))
    .sort();
const changesOutputs = (r: ActRun) =>
  Object.fromEntries(
    r.events
      .filter((e) => e.command === "set-output" && e.stepID?.[0] === "changed" && e.name)
      .map((e) => [e.name!, e.arg ?? ""]),
  );

describe("act (real runner, host mode): the PR gate's change detection", () => {
  it("a commit touching floe-jobs only: the matrix names floe-jobs alone, once per helm major", async () => {
    const checkout = await checkoutWithChange("jobs", (dir) =>
      appendFileSync(path.join(dir, "charts/floe-jobs/values.yaml"), "# touched\n"),
    );
    const r = await runAct({ workflow: "changed.yml", checkout, vars: { FLOE_TEST_BASE: "HEAD~1" } });
    expect(r.code, why(r)).toBe(0);
    const out = changesOutputs(r);
    expect(out.any).toBe("true");
    expect(JSON.parse(out.charts!).map((c: { dir: string }) => c.dir)).toEqual(["charts/floe-jobs"]);
    expect(out.helm).toBe("[3,4]");
    expect(cells(r)).toEqual([
      "matrix cell chart=charts/floe-jobs id=charts-floe-jobs library=false helm=3",
      "matrix cell chart=charts/floe-jobs id=charts-floe-jobs library=false helm=4",
    ]);
    // The reason, on stderr of the step, is in the runner's log.
    expect(r.log).toContain("charts/floe-jobs: changed: charts/floe-jobs/values.yaml");
  }, 600_000);

  it("a commit touching the library floe-common: it (marked) and both charts that depend on it", async () => {
    const checkout = await checkoutWithChange("common", (dir) =>
      appendFileSync(path.join(dir, "charts/floe-common/templates/_names.tpl"), "{{/* touched */}}\n"),
    );
    const r = await runAct({ workflow: "changed.yml", checkout, vars: { FLOE_TEST_BASE: "HEAD~1" } });
    expect(r.code, why(r)).toBe(0);
    expect(cells(r)).toEqual([
      "matrix cell chart=charts/floe-common id=charts-floe-common library=true helm=3",
      "matrix cell chart=charts/floe-common id=charts-floe-common library=true helm=4",
      "matrix cell chart=charts/floe-jobs id=charts-floe-jobs library=false helm=3",
      "matrix cell chart=charts/floe-jobs id=charts-floe-jobs library=false helm=4",
      "matrix cell chart=charts/floe-platform id=charts-floe-platform library=false helm=3",
      "matrix cell chart=charts/floe-platform id=charts-floe-platform library=false helm=4",
    ]);
    expect(JSON.parse(changesOutputs(r).cluster!).map((c: { dir: string }) => c.dir)).toEqual([
      "charts/floe-jobs",
      "charts/floe-platform",
    ]);
  }, 600_000);

  it("a commit touching no chart: any=false, and the matrix job is skipped", async () => {
    const checkout = await checkoutWithChange("none", (dir) =>
      appendFileSync(path.join(dir, "bench/README.md"), "\n"),
    );
    const r = await runAct({ workflow: "changed.yml", checkout, vars: { FLOE_TEST_BASE: "HEAD~1" } });
    expect(r.code, why(r)).toBe(0);
    expect(changesOutputs(r).any).toBe("false");
    expect(cells(r)).toEqual([]);
  }, 600_000);
});
