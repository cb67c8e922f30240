// `floe-helm release --gate-results`: publish only the commit whose recorded gate passed. The pure judgement
// (table), then as a user runs it: the bundled CLI's gate in a git repository records the commit it ran on
// (results `source`), and release publishes that commit from the recorded result, refuses a later commit, a
// checkout with uncommitted changes and a failed gate, and publishes nothing when it refuses (real helm 4,
// a Helm repository folder; no registry needed).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PhaseResults } from "../../src/core/findings.js";
import { runTool } from "../../src/exec/runner.js";
import { gateRecordProblem } from "../../src/release/gate-record.js";
import { cliArgv } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const gate = (over: Partial<PhaseResults> = {}): Partial<PhaseResults> => ({
  phase: "gate",
  status: "pass",
  findings: [],
  source: { commit: A },
  ...over,
});

describe("gateRecordProblem", () => {
  it.each([
    ["a passed gate on this very commit", gate(), { commit: A }, undefined],
    [
      "not a gate's results",
      gate({ phase: "test" }),
      { commit: A },
      /is not a gate results file \(phase "test"\)/,
    ],
    ["not a git work tree", gate(), undefined, /not a git work tree/],
    [
      "uncommitted changes here",
      gate(),
      { commit: A, dirty: true as const },
      /tracked files differ from HEAD aaaaaaaaaaaa/,
    ],
    ["no commit recorded", gate({ source: undefined }), { commit: A }, /records no commit/],
    [
      "the gate ran on a dirty tree",
      gate({ source: { commit: A, dirty: true } }),
      { commit: A },
      /with uncommitted changes/,
    ],
    ["another commit", gate(), { commit: B }, /for commit aaaaaaaaaaaa, this checkout is bbbbbbbbbbbb/],
    [
      "a failed gate",
      gate({
        status: "fail",
        findings: [
          { rule: "r", severity: "error", message: "m" },
          { rule: "r", severity: "error", message: "w", waived: { reason: "ok" } },
        ],
      }),
      { commit: A },
      /did not pass \(status fail, 1 error\(s\)\): nothing is published/,
    ],
    [
      "a gate that could not run",
      gate({ status: "error", error: "no helm" }),
      { commit: A },
      /status error: no helm/,
    ],
  ])("%s", (_name, results, head, expected) => {
    const p = gateRecordProblem(results, "gate.results.json", head);
    if (expected === undefined) expect(p).toBeUndefined();
    else expect(p).toMatch(expected);
  });
});

describe("release --gate-results as a user runs it (bundled CLI, git repository, helm 4)", () => {
  const ws = tempDir("floe-gate-record-");
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", ...args], {
      cwd: ws,
      encoding: "utf8",
    }).trim();
  const env = { PATH: process.env.PATH, HOME: process.env.HOME };
  const floe = (...args: string[]) =>
    runTool(cliArgv(...args, "--tools-dir", toolsDir), { cwd: ws, env, timeoutMs: 120_000 });
  const release = () => floe("release", "--index-dir", "site", "--helm", "4", "--gate-results", ".floe-helm");
  const indexed = () =>
    existsSync(path.join(ws, "site", "index.yaml"))
      ? readFileSync(path.join(ws, "site", "index.yaml"), "utf8")
      : "";
  const chartYaml = path.join(ws, "charts", "drift", "Chart.yaml");
  let head = "";

  beforeAll(async () => {
    cpSync(path.join(repoRoot, "tests", "fixtures", "gate", "values-rules"), ws, { recursive: true });
    writeFileSync(path.join(ws, ".gitignore"), ".floe-helm/\nsite/\n");
    mkdirSync(path.join(ws, "site")); // the gh-pages checkout
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "charts");
    head = git("rev-parse", "HEAD");
    const g = await floe("gate");
    expect(g.code, g.stdout + g.stderr).toBe(0);
  });

  it("the gate's results record the commit it ran on, clean", () => {
    const r = JSON.parse(readFileSync(path.join(ws, ".floe-helm", "gate.results.json"), "utf8"));
    expect(r.source).toEqual({ commit: head });
  });

  it("publishes that commit from the recorded result", async () => {
    const r = await release();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toContain(`release: the gate passed on this commit (${head}, `);
    expect(indexed()).toMatch(/drift:\n\s+- .*\n(?:.*\n)*?\s+version: 0\.1\.0/);
  });

  it("refuses uncommitted changes, then a later commit, publishing nothing (exit 1, the reason at the results file)", async () => {
    writeFileSync(chartYaml, readFileSync(chartYaml, "utf8").replace("version: 0.1.0", "version: 0.2.0"));
    const dirty = await release();
    expect(dirty.code, dirty.stdout + dirty.stderr).toBe(1);
    expect(dirty.stdout).toMatch(
      /gate\.results\.json: error release\/gate-record: tracked files differ from HEAD [0-9a-f]{12}: the gate result is for a commit, publish a clean checkout of it/,
    );
    git("commit", "-qam", "0.2.0");
    const later = await release();
    expect(later.code, later.stdout + later.stderr).toBe(1);
    expect(later.stdout).toContain(
      `the gate result is for commit ${head.slice(0, 12)}, this checkout is ${git("rev-parse", "HEAD").slice(0, 12)}`,
    );
    expect(indexed()).not.toContain("0.2.0");
  });

  it("refuses a failed gate of this very commit", async () => {
    const f = path.join(ws, ".floe-helm", "gate.results.json");
    const r = JSON.parse(readFileSync(f, "utf8"));
    writeFileSync(
      f,
      JSON.stringify({
        ...r,
        status: "fail",
        source: { commit: git("rev-parse", "HEAD") },
        findings: [{ rule: "x", severity: "error", message: "m" }],
      }),
    );
    const failed = await release();
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/did not pass \(status fail, 1 error\(s\)\): nothing is published/);
    expect(indexed()).not.toContain("0.2.0");
  });

  it("a missing results file is bad input (exit 2), one line", async () => {
    const r = await floe("release", "--index-dir", "site", "--gate-results", "nowhere");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "--gate-results nowhere: no nowhere there: give the gate's results file (or its folder) kept from the gate's run",
    );
  });
});
