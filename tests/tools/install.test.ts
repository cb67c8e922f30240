// The installer against a real HTTP server on 127.0.0.1 serving real tarballs built from the real pinned
// binaries. Nothing is mocked here except where a test name says so.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildInputs } from "../../src/config/inputs.js";
import { ToolError, UserError } from "../../src/core/errors.js";
import { runTool } from "../../src/exec/runner.js";
import { parseVersion, versionArgv } from "../../src/tools/argv.js";
import type { InstallTool } from "../../src/tools/assets.js";
import type { ChecksumTable } from "../../src/tools/checksums.js";
import { type InstallOptions, installTool } from "../../src/tools/install.js";
import { detectPlatform, platformKey } from "../../src/tools/platform.js";
import { resolveTools } from "../../src/tools/resolve.js";
import { tempDir } from "../helpers/tmp.js";
import { tool } from "../helpers/tools.js";
import {
  type BuiltAsset,
  buildAsset,
  type Mirror,
  mirrorPaths,
  removeAssets,
  serveAsset,
  startMirror,
} from "./mirror.js";

const platform = detectPlatform();
const key = platformKey(platform);
let mirror: Mirror;
let cache: string;
const built = new Map<string, BuiltAsset>();
let table: ChecksumTable;
const warnings: string[] = [];

// The real binaries behind each served asset.
const sources: Array<[string, InstallTool, string, () => string]> = [
  ["helm3", "helm", "v3.22.0", () => tool("helm3")],
  ["helm4", "helm", "v4.2.4", () => tool("helm4")],
  ["kind", "kind", "v0.33.0", () => tool("kind")],
  ["kubesec", "kubesec", "v2.14.2", () => tool("kubesec")],
  ["kubectl", "kubectl", "v1.37.0", () => tool("kubectl")],
];

function opts(extra: Partial<InstallOptions> = {}): InstallOptions {
  return { toolCache: cache, mirror: mirror.url, table, warn: (m) => warnings.push(m), ...extra };
}

async function cacheFiles(dir = cache): Promise<string[]> {
  return existsSync(dir) ? (await readdir(dir, { recursive: true })).map(String).sort() : [];
}

beforeAll(async () => {
  // tool-cache's own test hook for its back-off (10-20 s between attempts by default); attempts and the
  // retry rules are unchanged.
  Object.assign(globalThis, {
    TEST_DOWNLOAD_TOOL_RETRY_MIN_SECONDS: 0,
    TEST_DOWNLOAD_TOOL_RETRY_MAX_SECONDS: 0,
  });
  mirror = await startMirror();
  table = {};
  for (const [name, t, v, bin] of sources) {
    const b = await buildAsset(t, v, platform, bin(), mirror.url);
    built.set(name, b);
    table[t] = { ...table[t], [v]: { source: "built by the test", sha256: { [key]: b.sha256 } } };
  }
});

afterAll(async () => {
  await mirror?.close();
  await removeAssets();
});

afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

beforeEach(async () => {
  mirror.clear();
  warnings.length = 0;
  cache = tempDir("floe-tool-cache-");
  for (const b of built.values()) serveAsset(mirror, b);
});

describe("installer against a local mirror (real tarballs of the real binaries)", () => {
  it.each(sources.map(([n, t, v]) => [n, t, v] as const))(
    "installs %s (%s %s) verified against the pinned table, never fetching a checksum file",
    async (name, t, version) => {
      const r = await installTool({ tool: t, version }, opts());
      expect(r).toMatchObject({ name, version, fromCache: false, verifiedBy: "table" });
      expect(r.path).toBe(path.join(cache, `floe-${t}`, version.slice(1), key, t));
      const paths = mirrorPaths(built.get(name)!.asset);
      expect(mirror.requests).toEqual([paths.asset]);
      expect(warnings).toEqual([]);
      // The installed binary is the real one and runs.
      const out = await runTool(versionArgv[t](r.path));
      expect(out.code).toBe(0);
      expect(parseVersion(out.stdout)).toBe(version);
    },
  );

  it("a second run with the same versions uses the cache and makes no network request", async () => {
    for (const [, t, v] of sources) await installTool({ tool: t, version: v }, opts());
    const first = mirror.requests.length;
    expect(first).toBe(sources.length);
    for (const [name, t, v] of sources) {
      const r = await installTool({ tool: t, version: v }, opts());
      expect(r, name).toMatchObject({ fromCache: true });
    }
    expect(mirror.requests.length).toBe(first);
  });

  it("a cached binary that no longer matches its install record is reinstalled, with a warning", async () => {
    const first = await installTool({ tool: "kind", version: "v0.33.0" }, opts());
    await writeFile(first.path, "corrupted");
    mirror.requests.length = 0;
    const again = await installTool({ tool: "kind", version: "v0.33.0" }, opts());
    expect(again).toMatchObject({ fromCache: false, path: first.path });
    expect(warnings).toEqual([
      `kind v0.33.0: the cached copy in ${first.dir} does not match its install record; reinstalling`,
    ]);
    expect(mirror.requests).toEqual([mirrorPaths(built.get("kind")!.asset).asset]);
    expect((await runTool(versionArgv.kind(again.path))).code).toBe(0);
  });

  it("later phases resolve tools through resolveTools from the same cache, with no network request", async () => {
    for (const [, t, v] of sources) await installTool({ tool: t, version: v }, opts());
    mirror.requests.length = 0;
    const inputs = buildInputs({ toolCache: cache, mirror: mirror.url }, {}, "/");
    const paths = await resolveTools(inputs, ["helm3", "helm4", "kind", "kubectl", "kubesec"]);
    expect(paths.helm3).toBe(path.join(cache, "floe-helm", "3.22.0", key, "helm"));
    expect(paths.helm4).toBe(path.join(cache, "floe-helm", "4.2.4", key, "helm"));
    expect(paths.kubesec).toBe(path.join(cache, "floe-kubesec", "2.14.2", key, "kubesec"));
    expect(mirror.requests).toEqual([]);
  });

  it("resolveTools with an explicit --tools-dir returns its binaries and downloads nothing", async () => {
    const inputs = buildInputs({ toolsDir: path.dirname(tool("helm3")), mirror: mirror.url }, {}, "/");
    const paths = await resolveTools(inputs, ["helm3", "helm4", "kubesec", "kind", "kubectl"]);
    expect(paths).toEqual({
      helm3: tool("helm3"),
      helm4: tool("helm4"),
      kubesec: tool("kubesec"),
      kind: tool("kind"),
      kubectl: tool("kubectl"),
    });
    expect(mirror.requests).toEqual([]);
  });

  it("a version not in the table is verified against the mirror's checksum file, with a trust warning (asset bytes: the real helm 3.22.0 binary)", async () => {
    const b = await buildAsset("helm", "v3.21.9", platform, tool("helm3"), mirror.url);
    serveAsset(mirror, b);
    const r = await installTool({ tool: "helm", version: "v3.21.9" }, opts());
    expect(r).toMatchObject({ name: "helm3", version: "v3.21.9", verifiedBy: "checksum-file" });
    expect(mirror.requests).toEqual([mirrorPaths(b.asset).checksum, mirrorPaths(b.asset).asset]);
    expect(warnings).toEqual([
      `helm3 v3.21.9 (${key}) is not in floe-helm's checksum table: verifying against ${b.asset.checksumUrl}, so trust rests on that source`,
    ]);
  });

  it.each([
    ["kubesec (goreleaser checksums.txt listing every asset)", "kubesec", "v2.14.9", () => tool("kubesec")],
    ["kind (.sha256sum)", "kind", "v0.32.9", () => tool("kind")],
  ] as const)("checksum-file formats: %s", async (_n, t, v, bin) => {
    const b = await buildAsset(t, v, platform, bin(), mirror.url);
    serveAsset(mirror, b);
    const r = await installTool({ tool: t, version: v }, opts());
    expect(r.verifiedBy).toBe("checksum-file");
  });

  it("retries after a 500 and then installs", async () => {
    const p = mirrorPaths(built.get("kind")!.asset).asset;
    mirror.fault(p, { status: 500, times: 1 });
    const r = await installTool({ tool: "kind", version: "v0.33.0" }, opts());
    expect(r.fromCache).toBe(false);
    expect(mirror.requests).toEqual([p, p]);
  });
});

describe("faults: one clear error, nothing left in the cache", () => {
  const helm3 = () => built.get("helm3")!;

  /** `kind`: UserError (exit 2) when the address is wrong, ToolError (exit 3) when the source failed. */
  async function expectFault(
    run: () => Promise<unknown>,
    message: RegExp | string,
    kind: typeof UserError | typeof ToolError = ToolError,
  ): Promise<void> {
    const err = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(kind);
    expect((err as Error).message).toMatch(message);
    expect(await cacheFiles()).toEqual([]);
  }

  it("404: fails at once (no retry), says what to check (a wrong address: bad input)", async () => {
    const p = mirrorPaths(helm3().asset).asset;
    mirror.fault(p, { status: 404 });
    await expectFault(
      () => installTool({ tool: "helm", version: "v3.22.0" }, opts()),
      `helm3 v3.22.0 not found (HTTP 404) at ${mirror.url}${p}`,
      UserError,
    );
    expect(mirror.requests).toEqual([p]);
  });

  it("repeated 5xx: gives up after tool-cache's 3 attempts", async () => {
    const p = mirrorPaths(helm3().asset).asset;
    mirror.fault(p, { status: 503 });
    await expectFault(
      () => installTool({ tool: "helm", version: "v3.22.0" }, opts()),
      /the server kept failing \(HTTP 503\) .* after 3 attempts/,
    );
    expect(mirror.requests).toEqual([p, p, p]);
  });

  it("truncated download: the connection drops mid-body", async () => {
    mirror.fault(mirrorPaths(helm3().asset).asset, { truncate: true });
    await expectFault(
      () => installTool({ tool: "helm", version: "v3.22.0" }, opts()),
      /was cut off before the end \(truncated/,
    );
  });

  it("checksum mismatch: prints expected and actual", async () => {
    mirror.fault(mirrorPaths(helm3().asset).asset, { body: "not helm" });
    await expectFault(
      () => installTool({ tool: "helm", version: "v3.22.0" }, opts()),
      new RegExp(
        `checksum mismatch for .*: expected ${helm3().sha256} \\(from floe-helm's checksum table\\), got ${createHash("sha256").update("not helm").digest("hex")}; nothing was installed`,
      ),
    );
  });

  it("archive without the expected binary", async () => {
    const b = await buildAsset("helm", "v3.22.0", platform, tool("helm3"), mirror.url, {
      member: "bin/helm",
    });
    serveAsset(mirror, b);
    const t: ChecksumTable = { helm: { "v3.22.0": { source: "test", sha256: { [key]: b.sha256 } } } };
    await expectFault(
      () => installTool({ tool: "helm", version: "v3.22.0" }, opts({ table: t })),
      `the archive helm-v3.22.0-${key}.tar.gz has no ${key}/helm`,
    );
  });

  it("a checksum file that does not name the asset", async () => {
    const b = await buildAsset("kubesec", "v2.14.9", platform, tool("kubesec"), mirror.url);
    serveAsset(mirror, b);
    const sums = path.join(path.dirname(b.checksumFile), "other.txt");
    await writeFile(sums, `${"1".repeat(64)}  kubesec_windows_amd64.tar.gz\n`);
    mirror.serve(mirrorPaths(b.asset).checksum, sums);
    await expectFault(
      () => installTool({ tool: "kubesec", version: "v2.14.9" }, opts()),
      `has no sha256 for kubesec_${platform.os}_${platform.arch}.tar.gz`,
    );
  });

  it("unwritable cache dir (a path below a regular file)", async () => {
    const file = path.join(cache, "a-file");
    await writeFile(file, "");
    const err = await installTool(
      { tool: "kind", version: "v0.33.0" },
      opts({ toolCache: path.join(file, "cache") }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/the tool cache .*a-file\/cache is not writable \(ENOTDIR\)/);
    expect(mirror.requests).toEqual([]);
  });

  it("a tampered asset for a pinned version is refused even when the mirror serves a matching checksum file", async () => {
    const tampered = await buildAsset("helm", "v3.22.0", platform, tool("helm4"), mirror.url);
    serveAsset(mirror, tampered); // the asset AND a checksum file that matches it
    await expectFault(
      () => installTool({ tool: "helm", version: "v3.22.0" }, opts()),
      `expected ${helm3().sha256} (from floe-helm's checksum table), got ${tampered.sha256}`,
    );
    expect(mirror.requests).toEqual([mirrorPaths(tampered.asset).asset]); // the checksum file is never read
  });

  it("with the committed table: a locally built helm v3.22.0 served by a mirror (with its own matching checksum file) is refused", async () => {
    const committed = { toolCache: cache, mirror: mirror.url, warn: (m: string) => warnings.push(m) };
    if (key === "linux-amd64") {
      await expectFault(
        () => installTool({ tool: "helm", version: "v3.22.0" }, committed),
        `expected 1e4ab49e429626cf6c6958d914248b78c9730803c2751b87627e171dc800e7bb (from floe-helm's checksum table), got ${helm3().sha256}`,
      );
      expect(warnings).toEqual([]);
    } else {
      await expectFault(
        () => installTool({ tool: "helm", version: "v3.22.0" }, committed),
        /checksum mismatch/,
      );
    }
  });
});
