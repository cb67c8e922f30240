// `floe-helm release --index-dir` (a gh-pages Helm repository folder) with the real helm 3 and 4: merge
// into an index.yaml helm made, skip a version already listed, a re-run leaves index.yaml byte-identical,
// and helm itself reads the result as a repository served over loopback HTTP.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runTool } from "../../src/exec/runner.js";
import { addEntry, loadIndex, saveIndex } from "../../src/release/repo-index.js";
import { cli } from "../helpers/cli.js";
import { chartsWorkspace, releaseResults } from "../helpers/release.js";
import { tempDir } from "../helpers/tmp.js";
import { helm, repoRoot, toolsDir } from "../helpers/tools.js";

const tmp = tempDir("floe-index-");
let server: http.Server;
let site = ""; // the folder the server serves (each test points it at its own)
let base = "";

beforeAll(async () => {
  server = http.createServer((q, r) => {
    const f = path.join(site, path.basename(q.url ?? "/"));
    if (!existsSync(f)) {
      r.statusCode = 404;
      r.end();
      return;
    }
    r.end(readFileSync(f));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/charts`;
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  rmSync(tmp, { recursive: true, force: true });
});

const version = (chart: string) =>
  /^version:\s*(\S+)/m.exec(readFileSync(path.join(repoRoot, "charts", chart, "Chart.yaml"), "utf8"))![1]!;
type Entry = { version: string; digest: string; urls: string[]; created: string };
const index = (site: string) =>
  parse(readFileSync(path.join(site, "index.yaml"), "utf8")) as {
    entries: Record<string, Entry[]>;
    generated: string;
  };

describe.each([3, 4] as const)("helm %i", (major) => {
  const helmEnv = (home: string) => ({
    PATH: process.env.PATH,
    HELM_CONFIG_HOME: path.join(home, "config"),
    HELM_CACHE_HOME: path.join(home, "cache"),
    HELM_DATA_HOME: path.join(home, "data"),
  });
  const release = (ws: string, ...extra: string[]) =>
    cli(
      [
        "release",
        "--index-dir",
        "site",
        "--index-url",
        base,
        "--helm",
        String(major),
        "--tools-dir",
        toolsDir,
        "--work-dir",
        "work",
        ...extra,
      ],
      { cwd: ws, env: helmEnv(path.join(ws, "helm")) },
    );
  const results = releaseResults;

  it("merges into an index.yaml helm made (old entries kept as they are, a listed version skipped); a re-run leaves it byte-identical; helm reads the repository", async () => {
    const ws = chartsWorkspace(tmp, `merge-${major}`);
    site = path.join(ws, "site");
    mkdirSync(site);
    // The gh-pages folder as an earlier release left it: an older floe-jobs, and floe-common at the version
    // this release would publish (so it is skipped), indexed by helm itself.
    const old = path.join(ws, "old", "floe-jobs");
    cpSync(path.join(ws, "charts", "floe-jobs"), old, { recursive: true });
    const oldYaml = path.join(old, "Chart.yaml");
    writeFileSync(oldYaml, readFileSync(oldYaml, "utf8").replace(/^version:.*$/m, "version: 0.0.1"));
    for (const c of [old, path.join(ws, "charts", "floe-common")]) {
      const p = await runTool([helm(major), "package", c, "--destination", site], {});
      expect(p.code, p.stderr).toBe(0);
    }
    const ix = await runTool([helm(major), "repo", "index", site, "--url", base], {});
    expect(ix.code, ix.stderr).toBe(0);
    const before = index(site);
    const beforeText = readFileSync(path.join(site, "index.yaml"), "utf8");
    const commonTgz = readFileSync(path.join(site, `floe-common-${version("floe-common")}.tgz`));

    const first = await release(ws);
    expect(first.code, first.err).toBe(0);
    const r1 = results(ws);
    expect(r1.checks.map((c: { id: string; state: string }) => [c.id, c.state])).toEqual([
      [`release floe-common ${version("floe-common")}`, "skip"],
      [`release floe-jobs ${version("floe-jobs")}`, "pass"],
      [`release floe-platform ${version("floe-platform")}`, "pass"],
    ]);
    expect(r1.checks[0].reason).toBe(
      `site/index.yaml already lists floe-common ${version("floe-common")} (bump version in Chart.yaml to publish a change)`,
    );
    expect((r1.outputs.indexed as string).split("\n")).toEqual([
      `floe-jobs ${version("floe-jobs")} ${base}/floe-jobs-${version("floe-jobs")}.tgz`,
      `floe-platform ${version("floe-platform")} ${base}/floe-platform-${version("floe-platform")}.tgz`,
    ]);
    const after = index(site);
    // What was there is there as it was (created, digest, urls: not re-indexed), and its package untouched.
    expect(after.entries["floe-common"]).toEqual(before.entries["floe-common"]);
    expect(after.entries["floe-jobs"]!.find((e) => e.version === "0.0.1")).toEqual(
      before.entries["floe-jobs"]![0],
    );
    expect(readFileSync(path.join(site, `floe-common-${version("floe-common")}.tgz`)).equals(commonTgz)).toBe(
      true,
    );
    // The new versions: newest first, as helm sorts them, with the digest of the (reproducible) package.
    expect(after.entries["floe-jobs"]!.map((e) => e.version)).toEqual([version("floe-jobs"), "0.0.1"]);
    const digests = Object.fromEntries(
      (r1.outputs.packages as string).split("\n").map((l) => l.split(" ") as [string, string]),
    );
    for (const c of ["floe-jobs", "floe-platform"]) {
      const e = after.entries[c]![0]!;
      const tgz = `${c}-${version(c)}.tgz`;
      expect(e.urls).toEqual([`${base}/${tgz}`]);
      expect(`sha256:${e.digest}`).toBe(digests[tgz]);
      expect(existsSync(path.join(site, tgz))).toBe(true);
    }
    expect(after.generated).not.toBe(before.generated);
    // Byte for byte: every line helm wrote before is still there, in order (only `generated` changed) ...
    const afterText = readFileSync(path.join(site, "index.yaml"), "utf8");
    const afterLines = afterText.split("\n");
    let at = 0;
    for (const line of beforeText.split("\n").filter((l) => !l.startsWith("generated:"))) {
      const found = afterLines.indexOf(line, at);
      expect(found, `line kept in order: ${line}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
    // ... and the whole file is what helm itself writes for these packages (timestamps aside).
    const all = path.join(ws, "helm-all");
    cpSync(site, all, { recursive: true });
    rmSync(path.join(all, "index.yaml"));
    const hx = await runTool([helm(major), "repo", "index", all, "--url", base], {});
    expect(hx.code, hx.stderr).toBe(0);
    const untimed = (t: string) => t.replace(/^ *(created|generated): .*\n/gm, "");
    expect(untimed(afterText)).toBe(untimed(readFileSync(path.join(all, "index.yaml"), "utf8")));

    // Re-run: nothing to add, index.yaml not even rewritten.
    const bytes = readFileSync(path.join(site, "index.yaml"));
    const mtime = statSync(path.join(site, "index.yaml")).mtimeMs;
    const again = await release(ws);
    expect(again.code, again.err).toBe(0);
    expect(results(ws).checks.map((c: { state: string }) => c.state)).toEqual(["skip", "skip", "skip"]);
    expect(results(ws).outputs.indexed).toBe("");
    expect(readFileSync(path.join(site, "index.yaml")).equals(bytes)).toBe(true);
    expect(statSync(path.join(site, "index.yaml")).mtimeMs).toBe(mtime);

    mkdirSync(path.join(ws, "pulled"));
    // helm, as a user of the repository: every version listed, the new one pulled from it.
    const env = helmEnv(path.join(ws, "user-helm"));
    const add = await runTool([helm(major), "repo", "add", "floe", base], { env });
    expect(add.code, add.stderr).toBe(0);
    const search = await runTool(
      [helm(major), "search", "repo", "floe/floe-jobs", "--versions", "-o", "json"],
      {
        env,
      },
    );
    expect(search.code, search.stderr).toBe(0);
    expect(JSON.parse(search.stdout).map((v: { version: string }) => v.version)).toEqual([
      version("floe-jobs"),
      "0.0.1",
    ]);
    const pull = await runTool(
      [
        helm(major),
        "pull",
        "floe/floe-platform",
        "--version",
        version("floe-platform"),
        "-d",
        path.join(ws, "pulled"),
      ],
      { env },
    );
    expect(pull.code, pull.stderr).toBe(0);
    expect(
      readFileSync(path.join(ws, "pulled", `floe-platform-${version("floe-platform")}.tgz`)).equals(
        readFileSync(path.join(site, `floe-platform-${version("floe-platform")}.tgz`)),
      ),
    ).toBe(true);
  });

  it("an empty gh-pages folder: a new index.yaml with relative urls when no --index-url is given", async () => {
    const ws = chartsWorkspace(tmp, `fresh-${major}`);
    mkdirSync(path.join(ws, "site"));
    const r = await cli(
      [
        "release",
        "--helm",
        String(major),
        "--tools-dir",
        toolsDir,
        "--work-dir",
        "work",
        "--chart",
        "charts/floe-jobs",
      ],
      { cwd: ws, env: { ...helmEnv(path.join(ws, "helm")), FLOE_HELM_INDEX_DIR: "site" } },
    );
    expect(r.code, r.err).toBe(0);
    const ix = index(path.join(ws, "site"));
    expect(Object.keys(ix.entries)).toEqual(["floe-jobs"]);
    expect(ix.entries["floe-jobs"]![0]!.urls).toEqual([`floe-jobs-${version("floe-jobs")}.tgz`]);
    // Laid out as helm writes an index: block style, sequences flush with their key, timestamps quoted.
    const text = readFileSync(path.join(ws, "site", "index.yaml"), "utf8");
    expect(text).toMatch(/^apiVersion: v1\nentries:\n {2}floe-jobs:\n {2}- /);
    expect(text).toMatch(/^ {4}created: "\d{4}-\d\d-\d\dT[^"]+Z"$/m);
    expect(text).toMatch(/^generated: "\d{4}-\d\d-\d\dT[^"]+Z"\n$/m);
  });
});

describe("an index.yaml another tool laid out (sequences indented, flow style)", () => {
  it.each([
    [
      "indented sequences",
      "apiVersion: v1\nentries:\n  a:\n    - name: a\n      version: 1.0.0\n      urls:\n        - a-1.0.0.tgz\ngenerated: '2020-01-01T00:00:00Z'\n",
    ],
    ["flow style", "{apiVersion: v1, entries: {a: [{name: a, version: 1.0.0, urls: [a-1.0.0.tgz]}]}}\n"],
  ])("%s: the new entry is added and the old ones keep their values", async (_, text) => {
    const dir = path.join(tmp, `layout-${_.replace(/\W/g, "-")}`);
    mkdirSync(dir);
    writeFileSync(path.join(dir, "index.yaml"), text);
    const ix = await loadIndex(dir, "site");
    const helmText = `apiVersion: v1\nentries:\n  a:\n  - created: "2026-01-01T00:00:00Z"\n    name: a\n    urls:\n    - a-2.0.0.tgz\n    version: 2.0.0\ngenerated: "2026-01-01T00:00:00Z"\n`;
    expect(addEntry(ix, helmText, "a", "2.0.0")).toBe(true);
    expect(addEntry(ix, helmText, "a", "2.0.0")).toBe(false);
    expect(await saveIndex(ix, new Date("2026-02-03T04:05:06Z"))).toBe(true);
    expect(parse(readFileSync(path.join(dir, "index.yaml"), "utf8"))).toEqual({
      apiVersion: "v1",
      entries: {
        a: [
          { created: "2026-01-01T00:00:00Z", name: "a", urls: ["a-2.0.0.tgz"], version: "2.0.0" },
          { name: "a", version: "1.0.0", urls: ["a-1.0.0.tgz"] },
        ],
      },
      generated: "2026-02-03T04:05:06.000Z",
    });
  });
});

describe("bad input", () => {
  const run = (ws: string, ...args: string[]) =>
    cli(["release", "--tools-dir", toolsDir, "--work-dir", "work", ...args], {
      cwd: ws,
      env: { PATH: process.env.PATH },
    });
  it("a broken index.yaml: one error at its line, exit 2, nothing written", async () => {
    const ws = chartsWorkspace(tmp, "broken");
    mkdirSync(path.join(ws, "site"));
    writeFileSync(path.join(ws, "site", "index.yaml"), "apiVersion: v1\nentries:\n  a: [\n");
    const r = await run(ws, "--index-dir", "site");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^floe-helm: error: site\/index\.yaml:4:1: not a Helm repository index: /m);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(ws, "site", "index.yaml"), "utf8")).toBe(
      "apiVersion: v1\nentries:\n  a: [\n",
    );
  });
  it.each([
    [["--index-dir", "site"], "--index-dir:"],
    [["--index-url", "https://x.example/c"], "--index-url: give --index-dir too"],
    [["--index-dir", ".", "--index-url", "ftp://x"], "--index-url: expected an http(s) URL"],
    [["--index-dir", ".", "--username", "u"], "--username u: there is no --registry to log in to"],
  ])("%j: %s, exit 2", async (args, message) => {
    const ws = path.join(tmp, `bad-${args.join("")}`.replace(/[^a-z0-9-]/gi, "_"));
    mkdirSync(path.join(ws, "charts"), { recursive: true });
    const r = await run(ws, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
