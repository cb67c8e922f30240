// `helm dependency build` before render (src/helm/deps.ts) with the real helm 3 and helm 4 on
// tests/fixtures/gate/deps (copied, so the fixture folder is never written): a file:// dependency is built
// offline into a copy, a vendored one is left alone, an unreachable remote one and a stale Chart.lock
// are one clear problem at the Chart.yaml line.
import { existsSync } from "node:fs";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { dependencyNeeds, prepareDependencies } from "../../src/helm/deps.js";
import { loadSubcharts } from "../../src/values/subcharts.js";
import { tempDir } from "../helpers/tmp.js";
import { helm, repoRoot } from "../helpers/tools.js";

const fixture = path.join(repoRoot, "tests", "fixtures", "gate", "deps");
let cwd: string;
let work: string;

beforeAll(async () => {
  cwd = tempDir("floe-deps-");
  await cp(fixture, cwd, { recursive: true });
  work = path.join(cwd, ".work");
});

const chart = (name: string) => path.join(cwd, "charts", name);

describe.each([3, 4] as const)("helm %i dependency build", (major) => {
  const h = () => ({ bin: helm(major), major });

  it("builds file:// dependencies offline into a copy, leaving the chart folder untouched", async () => {
    const before = await readdir(path.join(chart("parent"), "charts"));
    const p = await prepareDependencies(chart("parent"), cwd, h(), work);
    expect(p.problems).toEqual([]);
    expect(p.built).toBe(true);
    expect(path.basename(p.dirAbs)).toBe("parent");
    expect(p.dirAbs.startsWith(work)).toBe(true);
    expect(await readdir(path.join(p.dirAbs, "charts"))).toEqual(["cache-0.2.0.tgz", "metrics"]);
    expect(await readdir(path.join(chart("parent"), "charts"))).toEqual(before);
    expect(existsSync(path.join(chart("parent"), "Chart.lock"))).toBe(false);
    // The built copy's subcharts: the packed cache twice (plain and aliased) and the vendored metrics,
    // named as if they were in the chart's own folder.
    const subs = await loadSubcharts(p.dirAbs, cwd, chart("parent"));
    expect(subs.map((s) => [s.key, s.chart.name, s.chart.source])).toEqual([
      ["cache", "cache", "charts/parent/charts/cache-0.2.0.tgz"],
      ["session", "cache", "charts/parent/charts/cache-0.2.0.tgz"],
      ["metrics", "metrics", "charts/parent/charts/metrics"],
    ]);
  });

  it("does nothing (no helm run, no copy) when charts/ holds what Chart.lock pins", async () => {
    expect(await dependencyNeeds(chart("vendored"), cwd)).toEqual([]);
    const p = await prepareDependencies(chart("vendored"), cwd, h(), path.join(work, "vendored"));
    expect(p).toEqual({ dirAbs: chart("vendored"), built: false, problems: [] });
    expect(existsSync(path.join(work, "vendored"))).toBe(false);
  });

  it("an unreachable remote repository is one problem naming the dependency, URL and Chart.yaml line", async () => {
    const p = await prepareDependencies(chart("remote"), cwd, h(), work);
    expect(p.built).toBe(false);
    expect(p.dirAbs).toBe(chart("remote"));
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]!.at).toEqual({ file: "charts/remote/Chart.yaml", line: 8, col: 5 });
    expect(p.problems[0]!.message).toMatch(
      /^dependency 'redis' 1\.2\.3 from https:\/\/charts\.invalid\/stable is not in charts\/ and cannot be downloaded \(no network, or the repository is unreachable\): vendor it with 'helm dependency build charts\/remote' .*\(helm: .*charts\.invalid.*\)$/,
    );
  });
});

describe("dependencies that charts/ does not satisfy", () => {
  it("a vendored version other than Chart.lock's, with Chart.lock out of sync: one problem saying so", async () => {
    const dir = tempDir("floe-deps-stale-");
    await cp(fixture, dir, { recursive: true });
    const c = path.join(dir, "charts", "vendored");
    const lock = path.join(c, "Chart.lock");
    await writeFile(lock, (await readFile(lock, "utf8")).replace("version: 0.2.0", "version: 0.1.0"));
    expect((await dependencyNeeds(c, dir)).map((n) => n.reason)).toEqual([
      "charts/ has 0.2.0, Chart.lock pins 0.1.0",
    ]);
    const p = await prepareDependencies(c, dir, { bin: helm(4), major: 4 }, path.join(dir, ".work"));
    expect(p.problems).toEqual([
      {
        message:
          "Chart.lock is out of sync with the dependencies in Chart.yaml, so helm dependency build refuses to fetch 'cache' (charts/ has 0.2.0, Chart.lock pins 0.1.0): run 'helm dependency update charts/vendored' and commit Chart.lock and charts/",
        at: { file: "charts/vendored/Chart.yaml", line: 8, col: 5 },
      },
    ]);
  });

  it("a missing dependency with no repository cannot be built: one problem at its list item", async () => {
    const dir = tempDir("floe-deps-norepo-");
    await cp(path.join(fixture, "charts", "remote"), path.join(dir, "norepo"), { recursive: true });
    const yaml = path.join(dir, "norepo", "Chart.yaml");
    await writeFile(yaml, (await readFile(yaml, "utf8")).replace(/\n {4}repository: .*\n/, "\n"));
    const p = await prepareDependencies(path.join(dir, "norepo"), dir, { bin: helm(3), major: 3 }, dir);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]!.at).toEqual({ file: "norepo/Chart.yaml", line: 6, col: 5 });
    expect(p.problems[0]!.message).toMatch(
      /^dependency 'redis' 1\.2\.3 is not in charts\/ and Chart\.yaml names no repository/,
    );
  });
});
