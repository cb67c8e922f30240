// `floe-helm tools install` end to end, in-process, against a local mirror serving real tarballs of the
// real binaries. The CLI uses the committed checksum table, so success runs use versions that are not in
// it (verified through the mirror's checksum files, with warnings); the asset bytes are the real pinned
// binaries.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTool } from "../../src/exec/runner.js";
import { versionArgv } from "../../src/tools/argv.js";
import type { InstallTool } from "../../src/tools/assets.js";
import { sha256File } from "../../src/tools/checksums.js";
import { detectPlatform, platformKey } from "../../src/tools/platform.js";
import { cli, cliArgv } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { tool } from "../helpers/tools.js";
import { type BuiltAsset, buildAsset, type Mirror, removeAssets, serveAsset, startMirror } from "./mirror.js";

const platform = detectPlatform();
const key = platformKey(platform);
let mirror: Mirror;
let work: string;
const assets: BuiltAsset[] = [];

const served: Array<[string, InstallTool, string, () => string]> = [
  ["helm3", "helm", "v3.21.9", () => tool("helm3")],
  ["helm4", "helm", "v4.2.9", () => tool("helm4")],
  ["kind", "kind", "v0.32.9", () => tool("kind")],
  ["kubectl", "kubectl", "v1.36.9", () => tool("kubectl")],
  ["kubesec", "kubesec", "v2.14.9", () => tool("kubesec")],
];
const versionFlags = [
  "--helm-version",
  "3.21.9,v4.2.9",
  "--kind-version",
  "0.32.9",
  "--kubectl-version",
  "v1.36.9",
  "--kubesec-version",
  "2.14.9",
];

beforeAll(async () => {
  mirror = await startMirror();
  work = tempDir("floe-cli-tools-");
  for (const [, t, v, bin] of served) {
    const b = await buildAsset(t, v, platform, bin(), mirror.url);
    serveAsset(mirror, b);
    assets.push(b);
  }
});

afterAll(async () => {
  await mirror?.close();
  await rm(work, { recursive: true, force: true });
  await removeAssets();
});

const lines = (cache: string) =>
  served.map(([name, t, v]) => `${name} ${v} ${path.join(cache, `floe-${t}`, v.slice(1), key, t)}`);

describe("floe-helm tools install", () => {
  it("prints name, version, path per tool, warns that trust rests on the mirror, and a second run makes no request", async () => {
    const cache = path.join(work, "cache1");
    const argv = [
      "tools",
      "install",
      "--mirror",
      mirror.url,
      "--tool-cache",
      cache,
      "--work-dir",
      work,
      ...versionFlags,
    ];
    mirror.requests.length = 0;
    const r = await cli(argv);
    expect(r.code).toBe(0);
    // stderr carries only progress; the toolkit's ::debug:: lines are dropped outside Actions.
    expect(r.err.split("\n").every((l) => / downloading http:\/\/127\.0\.0\.1/.test(l))).toBe(true);
    const out = r.out.split("\n");
    expect(out.slice(0, 5)).toEqual(lines(cache));
    expect(out.filter((l) => l.includes("warning tools/unverified-checksum"))).toHaveLength(5);
    expect(r.out).not.toContain("::debug::");
    expect(mirror.requests).toHaveLength(10); // checksum file + asset per tool

    mirror.requests.length = 0;
    const again = await cli(argv);
    expect(again.code).toBe(0);
    expect(again.err).toBe("");
    expect(again.out.split("\n").slice(0, 5)).toEqual(lines(cache));
    expect(mirror.requests).toEqual([]);

    const results = JSON.parse(await readFile(path.join(work, "tools.results.json"), "utf8"));
    expect(results).toMatchObject({ phase: "tools", status: "pass" });
    expect(results.outputs["helm4-version"]).toBe("v4.2.9");
  });

  it("--checksums pins a version for this run: installed with no warning and no checksum file fetched", async () => {
    const cache = path.join(work, "cache-pinned");
    const kubesec = assets[4]!;
    const file = path.join(work, "pins.yaml");
    await writeFile(
      file,
      `kubesec:\n  v2.14.9:\n    source: our mirror's release review\n    sha256:\n      ${key}: ${kubesec.sha256}\n`,
    );
    mirror.requests.length = 0;
    const r = await cli([
      "tools",
      "install",
      "--only",
      "kubesec",
      "--kubesec-version",
      "2.14.9",
      "--checksums",
      file,
      "--mirror",
      mirror.url,
      "--tool-cache",
      cache,
      "--work-dir",
      work,
    ]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe(lines(cache)[4]);
    expect(r.out).not.toContain("unverified-checksum");
    expect(mirror.requests).toEqual([new URL(kubesec.asset.url).pathname]);
  });

  it("--checksums with a value contradicting the committed table: exit 2, one line at file:line:col, nothing downloaded", async () => {
    const file = path.join(work, "conflict.yaml");
    await writeFile(
      file,
      `kind:\n  v0.33.0:\n    source: x\n    sha256:\n      linux-amd64: ${"e".repeat(64)}\n`,
    );
    mirror.requests.length = 0;
    const r = await cli(["tools", "install", "--only", "kind", "--checksums", file, "--mirror", mirror.url], {
      cwd: work,
      env: { PATH: process.env.PATH, FLOE_HELM_TOOL_CACHE: path.join(work, "cache-conflict") },
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^floe-helm: error: conflict\.yaml:5:7: kind v0\.33\.0 linux-amd64: e{64} conflicts with aee6151561422756b764a4ae28e7f44cda5af5a9eead3cc9985112b1de8d8e0d from floe-helm's checksum table/,
    );
    expect(r.err.split("\n")).toHaveLength(1);
    expect(mirror.requests).toEqual([]);
  });

  it("--only installs just the named tools", async () => {
    const cache = path.join(work, "cache2");
    const r = await cli([
      "tools",
      "install",
      "--only",
      "kubesec",
      "--mirror",
      mirror.url,
      "--tool-cache",
      cache,
      "--work-dir",
      work,
      ...versionFlags,
    ]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe(lines(cache)[4]);
    expect(r.out).not.toMatch(/^helm3 /m);
  });

  it("in GitHub Actions (mocked runner environment: GITHUB_ACTIONS, RUNNER_TOOL_CACHE, GITHUB_OUTPUT, GITHUB_PATH) sets outputs and PATH", async () => {
    const cache = path.join(work, "runner-tool-cache");
    const outputFile = path.join(work, "github_output");
    const pathFile = path.join(work, "github_path");
    await writeFile(outputFile, "");
    await writeFile(pathFile, "");
    const runner = {
      GITHUB_ACTIONS: "true",
      RUNNER_TOOL_CACHE: cache,
      RUNNER_TEMP: work,
      GITHUB_OUTPUT: outputFile,
      GITHUB_PATH: pathFile,
    };
    // @actions/core writes outputs and PATH through process.env's files.
    const saved = { ...process.env };
    Object.assign(process.env, runner);
    try {
      const r = await cli(["tools", "install", "--mirror", mirror.url, ...versionFlags], {
        env: { PATH: process.env.PATH, ...runner, FLOE_HELM_WORK_DIR: work },
      });
      expect(r.code).toBe(0);
    } finally {
      for (const k of Object.keys(runner)) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
    const outputs = await readFile(outputFile, "utf8");
    for (const [name, t, v] of served) {
      expect(outputs).toContain(`${name}-path<<`);
      expect(outputs).toContain(path.join(cache, `floe-${t}`, v.slice(1), key, t));
      expect(outputs).toContain(`${name}-version<<`);
    }
    const paths = (await readFile(pathFile, "utf8")).trim().split("\n");
    expect(paths).toEqual(served.map(([, t, v]) => path.join(cache, `floe-${t}`, v.slice(1), key)));
  });

  it.each([
    [["--only", "helm,terraform"], "--only: unknown tool 'terraform'"],
    [["--helm-version", "latest"], "'latest' is refused"],
    [["--kind-version", "^0.33"], "the range '^0.33' is refused"],
    [["--kubectl-version", "1.37.0.1"], "malformed version '1.37.0.1'"],
    [["--mirror", "ftp://mirror.example.com"], "mirror must be an http:// or https:// URL, got 'ftp:'"],
  ])("bad input %j: one error line, exit 2", async (flags, message) => {
    const r = await cli([
      "tools",
      "install",
      "--tool-cache",
      path.join(work, "unused"),
      "--work-dir",
      work,
      ...flags,
    ]);
    expect(r.code).toBe(2);
    const errs = r.err.split("\n");
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^floe-helm: error: /);
    expect(errs[0]).toContain(message);
  });

  it("a 404 from the mirror: one error line, exit 2, nothing in the cache", async () => {
    const cache = path.join(work, "cache404");
    const r = await cli([
      "tools",
      "install",
      "--only",
      "kind",
      "--kind-version",
      "0.1.0",
      "--mirror",
      mirror.url,
      "--tool-cache",
      cache,
      "--work-dir",
      work,
    ]);
    expect(r.code).toBe(2);
    const errors = r.err.split("\n").filter((l) => !l.includes(" downloading "));
    expect(errors).toEqual([
      `floe-helm: error: kind v0.1.0 checksum file not found (HTTP 404) at ${mirror.url}/kind/v0.1.0/${key}/kind-${key}.sha256sum: check the version exists for this platform (and, with a mirror, that it follows <base>/<tool>/<version>/<os>-<arch>/<asset>)`,
    ]);
    expect(await readdir(cache, { recursive: true })).toEqual([]);
  });

  it("a pinned helm served by the mirror with its own matching checksum file is refused (exit 3), printing expected and actual", async () => {
    const local = await buildAsset("helm", "v3.22.0", platform, tool("helm3"), mirror.url);
    serveAsset(mirror, local);
    const r = await cli([
      "tools",
      "install",
      "--only",
      "helm",
      "--helm-version",
      "3",
      "--mirror",
      mirror.url,
      "--tool-cache",
      path.join(work, "cache3"),
      "--work-dir",
      work,
    ]);
    expect(r.code).toBe(3); // the source served other bytes: a failed download, not bad input
    expect(r.err).toMatch(
      new RegExp(
        `checksum mismatch for .*: expected [0-9a-f]{64} \\(from floe-helm's checksum table\\), got ${local.sha256}`,
      ),
    );
    expect(r.out).not.toMatch(/^helm3 /m);
  });

  // Self-hosted runners running jobs side by side share one RUNNER_TOOL_CACHE: two jobs installing the same
  // version must both end with a working binary (the copy is renamed into place whole, never cleared under
  // the other process's feet).
  it("two CLI processes installing the same tools into one cache at once both succeed, and the cache holds one working copy of each", async () => {
    for (let round = 0; round < 8; round++) {
      const cache = path.join(work, `cache-shared-${round}`);
      const argv = cliArgv(
        "tools",
        "install",
        "--mirror",
        mirror.url,
        "--tool-cache",
        cache,
        ...versionFlags,
      );
      const runs = await Promise.all(
        ["a", "b"].map((w) =>
          runTool(argv, {
            env: {
              PATH: process.env.PATH,
              HOME: process.env.HOME,
              FLOE_HELM_WORK_DIR: path.join(work, `w-${w}`),
            },
            timeoutMs: 120_000,
          }),
        ),
      );
      for (const r of runs) {
        expect(r.stderr.split("\n").filter((l) => / error/.test(l))).toEqual([]);
        expect(r.code).toBe(0);
        expect(r.stdout.split("\n").slice(0, 5)).toEqual(lines(cache));
      }
      for (const [name, t, v, source] of served) {
        const dir = path.join(cache, `floe-${t}`, v.slice(1), key);
        // One folder per version, its marker, and nothing half-written beside it.
        expect((await readdir(path.dirname(dir))).sort(), name).toEqual([key, `${key}.complete`]);
        const bin = path.join(dir, t);
        expect(await sha256File(bin), name).toBe(await sha256File(source()));
        expect((await runTool(versionArgv[t](bin))).code, name).toBe(0);
      }
    }
  });
});
