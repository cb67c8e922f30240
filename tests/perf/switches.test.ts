// The speed work's switches (src/perf/switches.ts): each piece can be turned off on its own, a misspelt one is
// one clear error before any work, and the gate's verdict does not depend on them: the bundled CLI
// (node dist/index.js gate, the real helm 3 and 4 and kubesec) on the broken fixture charts, with every piece
// on and with every piece off, finds the same findings and checks.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PERF_PIECES, parsePerfOff } from "../../src/perf/switches.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

const exec = promisify(execFile);

describe("FLOE_HELM_PERF_OFF", () => {
  it.each([
    [undefined, []],
    ["", []],
    ["yaml-fast", ["yaml-fast"]],
    [" doc-cache , lint-queue ", ["doc-cache", "lint-queue"]],
    ["all", Object.keys(PERF_PIECES)],
  ])("%j switches off %j", (value, pieces) => {
    expect([...parsePerfOff(value)].sort()).toEqual([...pieces].sort());
  });

  it("names an unknown piece and lists the known ones", () => {
    expect(() => parsePerfOff("yaml-fast,fastyaml")).toThrow(
      "FLOE_HELM_PERF_OFF: unknown piece 'fastyaml': expected a comma-separated list of yaml-fast, doc-cache, validator-cache, v8-cache, helm-prefetch, lint-queue, or all",
    );
  });
});

type Run = { code: number; stdout: string; stderr: string };

async function gate(
  perfOff: string | undefined,
  cwd: string,
): Promise<Run & { results: string; cached: string[] }> {
  const work = tempDir("floe-perf-");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    FLOE_HELM_VALIDATOR_CACHE: path.join(work, "validators"),
    ...(perfOff !== undefined ? { FLOE_HELM_PERF_OFF: perfOff } : {}),
  };
  const argv = [path.join(repoRoot, "dist", "index.js"), "gate", "--tools-dir", toolsDir, "--work-dir", work];
  const r: Run = await exec(process.execPath, argv, { cwd, env }).then(
    (x) => ({ code: 0, ...x }),
    (e: Run) => e,
  );
  const raw = JSON.parse(await readFile(path.join(work, "gate.results.json"), "utf8"));
  // What differs between any two runs: times. Everything else must be equal.
  const results = JSON.stringify({ ...raw, startedAt: 0, finishedAt: 0 }, (k, v) =>
    k === "durationMs" ? 0 : v,
  );
  const cached = existsSync(env.FLOE_HELM_VALIDATOR_CACHE!)
    ? readdirSync(env.FLOE_HELM_VALIDATOR_CACHE!)
    : [];
  return { ...r, results, cached };
}

describe("the gate's verdict does not depend on the speed work (node dist/index.js gate)", () => {
  const broken = path.join(repoRoot, "tests", "fixtures", "gate", "broken");

  it("finds the same findings and checks with every piece off as with every piece on", async () => {
    const [on, off] = await Promise.all([gate(undefined, broken), gate("all", broken)]);
    expect(on.code, on.stderr).toBe(1);
    expect(off.code, off.stderr).toBe(1);
    expect(on.stdout.split("\n").filter((l) => !l.startsWith("gate: FAIL"))).toEqual(
      off.stdout.split("\n").filter((l) => !l.startsWith("gate: FAIL")),
    );
    expect(off.results).toEqual(on.results);
    // The switches did switch: only the run with the pieces on kept compiled validators on disk.
    expect(on.cached.some((f) => f.endsWith(".cjs"))).toBe(true);
    expect(off.cached).toEqual([]);
  }, 300_000);

  it("stops with one error (exit 2) on a piece that does not exist, before any work", async () => {
    const work = tempDir("floe-perf-");
    const run = await exec(
      process.execPath,
      [path.join(repoRoot, "dist", "index.js"), "gate", "--tools-dir", toolsDir, "--work-dir", work],
      {
        cwd: broken,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, FLOE_HELM_PERF_OFF: "yaml-fats" },
      },
    ).then(
      (x) => ({ code: 0, ...x }),
      (e: Run) => e,
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim()).toBe(
      "floe-helm: error: FLOE_HELM_PERF_OFF: unknown piece 'yaml-fats': expected a comma-separated list of yaml-fast, doc-cache, validator-cache, v8-cache, helm-prefetch, lint-queue, or all",
    );
  });
});
