// Reproducible packaging with the real helm 3 and 4: helm's own .tgz changes with the clock and file mtimes;
// the repacked one (src/release/reproducible.ts) depends on the chart's content only.
import { cpSync, readFileSync, rmSync, utimesSync } from "node:fs";
import path from "node:path";
import * as tar from "tar";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors.js";
import { runTool } from "../../src/exec/runner.js";
import { fileDigest, normalizePackage, packageMtime } from "../../src/release/reproducible.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { helm, repoRoot, toolsDir } from "../helpers/tools.js";

async function helmPackage(major: 3 | 4, chart: string, dest: string): Promise<string> {
  const r = await runTool([helm(major), "package", chart, "--destination", dest], {});
  expect(r.code, r.stderr).toBe(0);
  return /saved it to:\s*(\S+\.tgz)/.exec(r.stdout)![1]!;
}

async function entries(tgz: string): Promise<{ path: string; mtime?: number; mode?: number }[]> {
  const out: { path: string; mtime?: number; mode?: number }[] = [];
  await tar.t({
    file: tgz,
    onReadEntry: (e) => {
      out.push({ path: e.path, mtime: e.mtime?.getTime(), mode: e.mode });
    },
  });
  return out;
}

describe.each([3, 4] as const)("helm %i", (major) => {
  it("two packagings of the same chart, a file touched and the clock moved in between: helm's digests differ, the repacked ones are equal", async () => {
    const tmp = tempDir("floe-repro-");
    const chart = path.join(tmp, "floe-jobs");
    cpSync(path.join(repoRoot, "charts", "floe-jobs"), chart, { recursive: true });
    const first = await helmPackage(major, chart, path.join(tmp, "a"));
    const rawFirst = await fileDigest(first);
    // helm stamps entries with whole seconds: move past the current one, and give a file another mtime.
    await new Promise((r) => setTimeout(r, 1100));
    utimesSync(path.join(chart, "values.yaml"), new Date("2001-02-03"), new Date("2001-02-03"));
    const second = await helmPackage(major, chart, path.join(tmp, "b"));
    expect(await fileDigest(second), "helm package alone is not reproducible").not.toBe(rawFirst);
    const helmEntries = (await entries(first)).map((e) => e.path);

    const epoch = new Date(0);
    const d1 = await normalizePackage(first, epoch);
    const d2 = await normalizePackage(second, epoch);
    expect(d1).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(d2).toBe(d1);
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true);
    // The same files as helm wrote, Chart.yaml first, one mtime, mode 0644.
    const repacked = await entries(first);
    expect(repacked.map((e) => e.path).sort()).toEqual([...helmEntries].sort());
    expect(repacked[0]!.path).toBe("floe-jobs/Chart.yaml");
    expect(new Set(repacked.map((e) => e.mtime))).toEqual(new Set([0]));
    expect(new Set(repacked.map((e) => e.mode))).toEqual(new Set([0o644]));
    // helm reads the repacked package as a chart.
    const lint = await runTool([helm(major), "lint", first], {});
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
    const shown = await runTool([helm(major), "show", "chart", first], {});
    expect(shown.stdout).toContain("name: floe-jobs");

    // Another SOURCE_DATE_EPOCH, another (still reproducible) digest.
    const later = packageMtime({ SOURCE_DATE_EPOCH: "1700000000" });
    const d3 = await normalizePackage(second, later);
    expect(d3).not.toBe(d1);
    expect(new Set((await entries(second)).map((e) => e.mtime))).toEqual(new Set([1_700_000_000_000]));
  });
});

describe.each([3, 4] as const)("floe-helm release --dry-run, helm %i", (major) => {
  it("a chart whose dependency --dependency-update fetches (charts/ emptied): two releases, one digest", async () => {
    const out: string[] = [];
    for (const _ of [1, 2]) {
      const ws = tempDir("floe-repro-dep-");
      cpSync(path.join(repoRoot, "charts"), path.join(ws, "charts"), { recursive: true });
      rmSync(path.join(ws, "charts", "floe-jobs", "charts"), { recursive: true, force: true });
      const r = await cli(
        [
          "release",
          "--index-dir",
          ".",
          "--dry-run",
          "--helm",
          String(major),
          "--chart",
          "charts/floe-jobs",
          "--tools-dir",
          toolsDir,
          "--work-dir",
          "work",
        ],
        { cwd: ws, env: { PATH: process.env.PATH, HOME: ws } },
      );
      expect(r.code, r.err).toBe(0);
      out.push(
        JSON.parse(readFileSync(path.join(ws, "work", "release.results.json"), "utf8")).outputs.packages,
      );
      await new Promise((r) => setTimeout(r, 1100));
    }
    expect(out[0]).toMatch(/^floe-jobs-\S+\.tgz sha256:[0-9a-f]{64}$/);
    expect(out[1]).toBe(out[0]);
  });
});

describe("SOURCE_DATE_EPOCH", () => {
  it("unset or empty: the epoch", () => {
    expect(packageMtime({}).getTime()).toBe(0);
    expect(packageMtime({ SOURCE_DATE_EPOCH: "" }).getTime()).toBe(0);
  });
  it.each(["yesterday", "-1", "1.5"])("%s: a usage error naming it", (v) => {
    expect(() => packageMtime({ SOURCE_DATE_EPOCH: v })).toThrow(UserError);
    expect(() => packageMtime({ SOURCE_DATE_EPOCH: v })).toThrow(
      `SOURCE_DATE_EPOCH: expected whole seconds since 1970 (e.g. 1700000000), got '${v}'`,
    );
  });
});
