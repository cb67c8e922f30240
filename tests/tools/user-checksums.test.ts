// The user's checksums file and pinned versions whose platform the table lacks. The installer runs against
// a real HTTP server on 127.0.0.1 serving real tarballs of the real binaries; `platform` is passed in (not
// mocked) where a test needs one of the platforms the committed table has no value for.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ToolError, UserError } from "../../src/core/errors.js";
import { type ChecksumTable, checksumTable, lookupChecksum } from "../../src/tools/checksums.js";
import { installTool } from "../../src/tools/install.js";
import { detectPlatform, type Platform, platformKey } from "../../src/tools/platform.js";
import { withUserChecksums } from "../../src/tools/user-checksums.js";
import { tempDir } from "../helpers/tmp.js";
import { tool } from "../helpers/tools.js";
import { type BuiltAsset, buildAsset, type Mirror, removeAssets, serveAsset, startMirror } from "./mirror.js";

const here = detectPlatform();
const darwinArm: Platform = { os: "darwin", arch: "arm64" };
let mirror: Mirror;
let work: string;
let cache: string;
let realKubesec: BuiltAsset; // the real kubesec binary, packed as the v2.14.2 asset for this machine
let tamperedDarwin: BuiltAsset; // helm 4 packed as kubesec v2.14.2 darwin-arm64, with a matching checksum file

async function userFile(name: string, text: string): Promise<string> {
  const f = path.join(work, name);
  await writeFile(f, text);
  return f;
}

/** The error `p` fails with: UserError (exit 2) unless `kind` says otherwise. */
async function failure(
  p: Promise<unknown>,
  kind: typeof UserError | typeof ToolError = UserError,
): Promise<UserError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(kind);
  return err as UserError; // a ToolError has only the message of it
}

const cacheFiles = async () => (await readdir(cache, { recursive: true }).catch(() => [])).map(String);

beforeAll(async () => {
  mirror = await startMirror();
  work = tempDir("floe-user-checksums-");
  realKubesec = await buildAsset("kubesec", "v2.14.2", here, tool("kubesec"), mirror.url);
  tamperedDarwin = await buildAsset("kubesec", "v2.14.2", darwinArm, tool("helm4"), mirror.url);
});

afterAll(async () => {
  await mirror?.close();
  await rm(work, { recursive: true, force: true });
  await removeAssets();
});

beforeEach(async () => {
  mirror.clear();
  serveAsset(mirror, realKubesec);
  serveAsset(mirror, tamperedDarwin);
  cache = await mkdtemp(path.join(work, "cache-"));
});

describe("a pinned version whose platform has no confirmed sha256", () => {
  it("lookupChecksum tells pinned, platform-missing and unpinned apart", () => {
    const t: ChecksumTable = {
      kubesec: { "v2.14.2": { source: "s", sha256: { "linux-amd64": "a".repeat(64) } } },
    };
    expect(lookupChecksum(t, "kubesec", "v2.14.2", { os: "linux", arch: "amd64" })).toEqual({
      state: "pinned",
      sha256: "a".repeat(64),
      from: "floe-helm's checksum table",
    });
    expect(lookupChecksum(t, "kubesec", "v2.14.2", darwinArm)).toEqual({
      state: "platform-missing",
      source: "s",
    });
    expect(lookupChecksum(t, "kubesec", "v2.14.3", darwinArm)).toEqual({ state: "unpinned" });
  });

  it("committed table, darwin-arm64: a tampered kubesec v2.14.2 with a matching checksum file on the mirror is refused before any request", async () => {
    const err = await failure(
      installTool(
        { tool: "kubesec", version: "v2.14.2" },
        { toolCache: cache, mirror: mirror.url, platform: darwinArm },
      ),
    );
    expect(err.message).toContain(
      "kubesec v2.14.2 is pinned, but floe-helm's checksum table has no confirmed sha256 for darwin-arm64",
    );
    expect(err.message).toContain(
      "from https://github.com/controlplaneio/kubesec/releases/download/v2.14.2/kubesec_checksums.txt",
    );
    expect(err.message).toContain("--checksums FILE");
    expect(err.message).toContain("--kubesec-version");
    expect(mirror.requests).toEqual([]);
    expect(await cacheFiles()).toEqual([]);
  });

  it.each([
    ["linux", "arm64"],
    ["darwin", "amd64"],
    ["darwin", "arm64"],
  ] as const)(
    "committed table: kubesec v2.14.2 on %s-%s is refused, not verified against the source",
    async (os, arch) => {
      const err = await failure(
        installTool(
          { tool: "kubesec", version: "v2.14.2" },
          { toolCache: cache, mirror: mirror.url, platform: { os, arch } },
        ),
      );
      expect(err.message).toMatch(/is pinned, but .* no confirmed sha256 for /);
      expect(mirror.requests).toEqual([]);
    },
  );
});

describe("--checksums: the user's file adds trusted values", () => {
  it("fills the missing platform: the tampered asset is refused, naming the user's file as the source of the expected value", async () => {
    const f = await userFile(
      "fill.yaml",
      `kubesec:\n  v2.14.2:\n    source: copied from kubesec_checksums.txt\n    sha256:\n      darwin-arm64: ${"c".repeat(64)}\n`,
    );
    const table = await withUserChecksums(checksumTable, f, work);
    const err = await failure(
      installTool(
        { tool: "kubesec", version: "v2.14.2" },
        { toolCache: cache, mirror: mirror.url, platform: darwinArm, table },
      ),
      ToolError, // the bytes served are not the ones expected: a failed download (exit 3)
    );
    expect(err.message).toBe(
      `kubesec v2.14.2: checksum mismatch for ${tamperedDarwin.asset.url}: expected ${"c".repeat(64)} (from fill.yaml (copied from kubesec_checksums.txt)), got ${tamperedDarwin.sha256}; nothing was installed`,
    );
    expect(await cacheFiles()).toEqual([]);
    // The committed values stay: linux-amd64 is still floe-helm's.
    expect(table.kubesec?.["v2.14.2"]?.sha256["linux-amd64"]).toBe(
      checksumTable.kubesec?.["v2.14.2"]?.sha256["linux-amd64"],
    );
  });

  it("pins a version the committed table lacks: installed verified by the table, no checksum file fetched, no warning", async () => {
    const v = await buildAsset("kubesec", "v2.14.7", here, tool("kubesec"), mirror.url);
    serveAsset(mirror, v);
    const f = await userFile(
      "pin.json",
      JSON.stringify({
        kubesec: { "v2.14.7": { source: "our mirror", sha256: { [platformKey(here)]: v.sha256 } } },
      }),
    );
    const warnings: string[] = [];
    const r = await installTool(
      { tool: "kubesec", version: "v2.14.7" },
      {
        toolCache: cache,
        mirror: mirror.url,
        table: await withUserChecksums(checksumTable, f, work),
        warn: (m) => warnings.push(m),
      },
    );
    expect(r).toMatchObject({ name: "kubesec", version: "v2.14.7", verifiedBy: "table", fromCache: false });
    expect(warnings).toEqual([]);
    expect(mirror.requests).toEqual([new URL(v.asset.url).pathname]);
  });

  it("a value that contradicts the committed table is an error at its line", async () => {
    const f = await userFile(
      "conflict.yaml",
      `# mine\nhelm:\n  v3.22.0:\n    source: somewhere\n    sha256:\n      linux-amd64: ${"d".repeat(64)}\n`,
    );
    const err = await failure(withUserChecksums(checksumTable, f, work));
    expect(err.where).toEqual({ file: "conflict.yaml", line: 6, col: 7 });
    expect(err.message).toBe(
      `helm v3.22.0 linux-amd64: ${"d".repeat(64)} conflicts with 1e4ab49e429626cf6c6958d914248b78c9730803c2751b87627e171dc800e7bb from floe-helm's checksum table (${checksumTable.helm?.["v3.22.0"]?.source}); one of them is wrong: check the official checksum file`,
    );
  });

  it("repeating a committed value is accepted", async () => {
    const f = await userFile(
      "same.yaml",
      "kubesec:\n  v2.14.2:\n    source: same\n    sha256:\n      linux-amd64: bc252e35f01bc4f133a49404315da3ccfed0209cc9baba33883eaeca0656f35c\n",
    );
    const t = await withUserChecksums(checksumTable, f, work);
    expect(lookupChecksum(t, "kubesec", "v2.14.2", { os: "linux", arch: "amd64" })).toMatchObject({
      state: "pinned",
      from: "floe-helm's checksum table",
    });
  });

  it.each([
    [
      "unknown tool",
      "helmm:\n  v3.1.0:\n    source: s\n    sha256:\n      linux-amd64: x\n",
      1,
      1,
      "unknown key 'helmm' at top level of the checksums file (see schemas/checksums.schema.json)",
    ],
    [
      "version without v",
      "helm:\n  3.1.0:\n    source: s\n    sha256: {linux-amd64: x}\n",
      2,
      3,
      "key '3.1.0' at helm of the checksums file must match pattern \"^v[0-9]+\\.[0-9]+\\.[0-9]+$\"",
    ],
    [
      "unknown platform",
      `kind:\n  v0.1.0:\n    source: s\n    sha256:\n      windows-amd64: ${"a".repeat(64)}\n`,
      5,
      7,
      'key \'windows-amd64\' at kind.v0.1.0.sha256 of the checksums file must be equal to one of the allowed values ["linux-amd64","linux-arm64","darwin-amd64","darwin-arm64"]',
    ],
    [
      "not a sha256",
      "kind:\n  v0.1.0:\n    source: s\n    sha256:\n      linux-amd64: ABC\n",
      5,
      7,
      'kind.v0.1.0.sha256.linux-amd64: must match pattern "^[0-9a-f]{64}$"',
    ],
    [
      "no source",
      `kind:\n  v0.1.0:\n    sha256:\n      linux-amd64: ${"a".repeat(64)}\n`,
      2,
      3,
      "kind.v0.1.0: must have required property 'source'",
    ],
    ["not YAML", "kind: [\n", 2, 1, "yaml-parse: not valid YAML"],
  ])("bad file (%s): one error at file:line:col", async (_n, text, line, col, msg) => {
    const f = await userFile("bad.yaml", text);
    const err = await failure(withUserChecksums(checksumTable, f, work));
    expect(err.where).toEqual({ file: "bad.yaml", line, col });
    expect(err.message.startsWith(msg)).toBe(true);
  });

  it("a file that does not exist", async () => {
    const err = await failure(withUserChecksums(checksumTable, path.join(work, "nope.yaml"), work));
    expect(err.message).toBe("checksums file not found: nope.yaml");
  });
});
