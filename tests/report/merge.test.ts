// `floe-helm report --merge`: the results of several jobs as one report (src/report/merge.ts). Results files
// written here by the real writer (writeResults) into job folders, as a matrix of jobs leaves them.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors.js";
import { FLOE_HELM_VERSION } from "../../src/core/version.js";
import { coverageMatrix } from "../../src/report/coverage.js";
import { countBySeverity } from "../../src/report/findings.js";
import { mergeJobs, readJobs } from "../../src/report/merge.js";
import type { CheckStatus, Finding, PhaseResults } from "../../src/report/results.js";
import { writeResults } from "../../src/report/results.js";
import { tempDir } from "../helpers/tmp.js";

const phase = (p: Partial<PhaseResults> & { phase: string }): PhaseResults => ({
  schemaVersion: 1,
  startedAt: "2026-12-01T10:00:00.000Z",
  finishedAt: "2026-12-01T10:01:00.000Z",
  status: "pass",
  findings: [],
  checks: [],
  ...p,
});
const missing: Finding = {
  rule: "dangling-reference",
  severity: "error",
  message: "Secret 'db' is not rendered by this chart",
  file: "charts/a/templates/deploy.yaml",
  line: 20,
  col: 19,
  chart: "a",
  scenario: "ci/x",
  helm: 4,
  object: "Deployment/a",
};
const check = (id: string, state: CheckStatus["state"], extra: Partial<CheckStatus> = {}): CheckStatus => ({
  id,
  rule: id.split(" ")[0],
  state,
  ...extra,
});

async function jobs(...perJob: PhaseResults[][]): Promise<string[]> {
  const root = tempDir("floe-merge-");
  const dirs: string[] = [];
  for (const [i, results] of perJob.entries()) {
    const dir = path.join(root, `job-${i + 1}`);
    for (const r of results) await writeResults(dir, r);
    dirs.push(dir);
  }
  return dirs;
}

describe("report --merge", () => {
  it("two job folders reporting the same finding and the same check count each once", async () => {
    const dirs = await jobs(
      [
        phase({
          phase: "gate",
          status: "fail",
          findings: [missing],
          checks: [check("chart-schema a", "pass")],
        }),
      ],
      [
        phase({
          phase: "gate",
          status: "fail",
          findings: [missing, { ...missing, helm: 3 }],
          checks: [check("chart-schema a", "pass"), check("lint a/ci/x helm3", "pass")],
        }),
      ],
    );
    const [gate] = mergeJobs(await readJobs(dirs));
    expect(gate!.findings).toEqual([missing, { ...missing, helm: 3 }]);
    expect(countBySeverity(gate!.findings)).toEqual({ errors: 1, warnings: 0, waived: 0 });
    expect(gate!.checks.map((c) => c.id)).toEqual(["chart-schema a", "lint a/ci/x helm3"]);
    expect(gate!.status).toBe("fail");
    expect(gate!.floeHelm).toBe(FLOE_HELM_VERSION);
  });

  it("a chart matrix: every chart's checks and findings, and the coverage of all of them", async () => {
    const dirs = await jobs(
      [phase({ phase: "gate", checks: [check("lint a/x helm4", "pass", { covers: ["REQ-1"] })] })],
      [
        phase({
          phase: "gate",
          status: "fail",
          findings: [{ ...missing, chart: "b", file: "charts/b/templates/deploy.yaml" }],
          checks: [check("lint b/x helm4", "fail", { covers: ["REQ-1"] })],
        }),
      ],
    );
    const all = mergeJobs(await readJobs(dirs));
    expect(all.map((r) => r.phase)).toEqual(["gate"]);
    expect(all[0]!.checks.map((c) => c.id)).toEqual(["lint a/x helm4", "lint b/x helm4"]);
    const m = coverageMatrix(all, { "REQ-1": { covers: [] } });
    expect(m.rows[0]).toMatchObject({ requirement: "REQ-1", state: "fail" });
    expect(m.rows[0]!.cells.gate).toMatchObject({ pass: 1, fail: 1 });
  });

  it.each([
    ["fail", "pass", "fail"],
    ["pass", "fail", "fail"],
    ["error", "pass", "error"],
    ["skip", "pass", "pass"],
    ["skip:not run here: no docker", "skip:off", "skip:not run here: no docker"],
    ["skip:off", "skip:not run here: no docker", "skip:not run here: no docker"],
  ] as const)("the same check %s in one job and %s in another is %s (strongest wins)", async (a, b, want) => {
    const parse = (s: string) => {
      const [state, reason] = s.split(/:(.*)/s) as [CheckStatus["state"], string | undefined];
      return check("helm-test t a/x helm4", state, reason ? { reason } : {});
    };
    const dirs = await jobs(
      [phase({ phase: "test", checks: [{ ...parse(a), covers: ["A"] }] })],
      [phase({ phase: "test", checks: [{ ...parse(b), covers: ["B"] }] })],
    );
    const [test] = mergeJobs(await readJobs(dirs));
    expect(test!.checks).toEqual([{ ...parse(want), covers: ["A", "B"] }]);
  });

  it("a phase that could not run in one job could not run merged, its error named with the folder", async () => {
    const dirs = await jobs(
      [phase({ phase: "test", status: "error", error: "kind create failed" })],
      [phase({ phase: "test", checks: [check("install a/x helm4", "pass")] })],
    );
    const [test] = mergeJobs(await readJobs(dirs));
    expect(test!.status).toBe("error");
    expect(test!.error).toBe(`${dirs[0]}: kind create failed`);
  });

  it("times span every job; an output that differs is the distinct lines of all", async () => {
    const dirs = await jobs(
      [
        phase({
          phase: "release",
          startedAt: "2026-12-01T10:00:00.000Z",
          finishedAt: "2026-12-01T10:05:00.000Z",
          outputs: { published: "oci://r/a:1.0.0@sha256:1", registry: "oci://r" },
        }),
      ],
      [
        phase({
          phase: "release",
          startedAt: "2026-12-01T09:59:00.000Z",
          finishedAt: "2026-12-01T10:01:00.000Z",
          outputs: { published: "oci://r/b:2.0.0@sha256:2\noci://r/a:1.0.0@sha256:1", registry: "oci://r" },
        }),
      ],
    );
    const [r] = mergeJobs(await readJobs(dirs));
    expect(r).toMatchObject({
      startedAt: "2026-12-01T09:59:00.000Z",
      finishedAt: "2026-12-01T10:05:00.000Z",
      outputs: { published: "oci://r/a:1.0.0@sha256:1\noci://r/b:2.0.0@sha256:2", registry: "oci://r" },
    });
  });

  it("results of two floe-helm versions are one clear error naming both", async () => {
    const dirs = await jobs([phase({ phase: "gate" })], [phase({ phase: "gate", floeHelm: "0.0.9" })]);
    const err = await Promise.resolve()
      .then(async () => mergeJobs(await readJobs(dirs)))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe(
      `--merge: results of different floe-helm versions cannot be merged: ${FLOE_HELM_VERSION} (${dirs[0]}/gate.results.json), 0.0.9 (${dirs[1]}/gate.results.json); run every job with the same floe-helm`,
    );
  });

  it("a folder that does not exist, or holds no results, is one error", async () => {
    const [dir] = await jobs([phase({ phase: "gate" })]);
    const empty = path.join(path.dirname(dir!), "empty");
    await mkdir(empty);
    await expect(readJobs([dir!, path.join(empty, "nope")])).rejects.toThrow(
      `--merge ${path.join(empty, "nope")}: no such folder (expected a job's --work-dir)`,
    );
    await expect(readJobs([empty])).rejects.toThrow(`--merge ${empty}: no *.results.json in it`);
    await writeFile(path.join(empty, "gate.results.json"), "{");
    await expect(readJobs([empty])).rejects.toThrow(/not a valid results file/);
  });
});
