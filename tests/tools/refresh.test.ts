// `floe-helm tools refresh-checksums` against a local mirror that serves checksum files in each project's
// format for every pinned version and platform (the official sites are not reachable from tests).
import { createHash } from "node:crypto";
import { copyFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assetFor, installTools } from "../../src/tools/assets.js";
import { platformKey, platforms } from "../../src/tools/platform.js";
import { pinnedMajors } from "../../src/tools/version-input.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot } from "../helpers/tools.js";
import { type Mirror, mirrorPaths, startMirror } from "./mirror.js";

let mirror: Mirror;
let dir: string;
const fakeSum = (s: string) => createHash("sha256").update(s).digest("hex");

beforeAll(async () => {
  mirror = await startMirror();
  dir = tempDir("floe-refresh-");
  for (const tool of installTools) {
    for (const version of Object.values(pinnedMajors(tool))) {
      for (const p of platforms) {
        const a = assetFor(tool, version, p, mirror.url);
        const sum = fakeSum(`${tool} ${version} ${platformKey(p)}`);
        const text = tool === "kubectl" ? `${sum}\n` : `${sum}  ${a.name}\n`;
        // On a mirror every platform folder holds its own copy of the checksum file.
        const f = path.join(dir, `${tool}-${version}-${platformKey(p)}-${a.checksumName}`);
        await writeFile(f, text);
        mirror.serve(mirrorPaths(a).checksum, f);
      }
    }
  }
});

afterAll(async () => {
  await mirror?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("floe-helm tools refresh-checksums", () => {
  it("rewrites the table for every pinned version and platform and flags changed values", async () => {
    const file = path.join(dir, "checksums.json");
    await copyFile(path.join(repoRoot, "src/tools/checksums.json"), file);
    const r = await cli(["tools", "refresh-checksums", "--file", file, "--mirror", mirror.url]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^wrote .*checksums\.json \(\d+ value\(s\) changed: review before committing\)$/);
    const table = JSON.parse(await readFile(file, "utf8"));
    expect(table.$comment).toBeDefined();
    for (const tool of installTools) {
      for (const version of Object.values(pinnedMajors(tool))) {
        for (const p of platforms) {
          expect(table[tool][version].sha256[platformKey(p)]).toBe(
            fakeSum(`${tool} ${version} ${platformKey(p)}`),
          );
        }
        expect(table[tool][version].source).toContain(`${mirror.url}/${tool}/${version}/<os>-<arch>/`);
      }
    }
    // Every value the committed table had now differs (fake sums), and each is reported.
    expect(r.err).toContain("published checksum CHANGED: helm v3.22.0 linux-amd64: 1e4ab49e");
    expect(r.err).toContain("published checksum CHANGED: kind v0.33.0 darwin-arm64: 0c8c7dbe");
  });

  it("leaves the table untouched when any checksum file fails (exit 2)", async () => {
    const file = path.join(dir, "checksums2.json");
    await copyFile(path.join(repoRoot, "src/tools/checksums.json"), file);
    const before = await readFile(file, "utf8");
    const a = assetFor("kind", pinnedMajors("kind")["0"]!, { os: "darwin", arch: "amd64" }, mirror.url);
    mirror.fault(mirrorPaths(a).checksum, { status: 404 });
    const r = await cli(["tools", "refresh-checksums", "--file", file, "--mirror", mirror.url]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /refresh-checksums: 1 checksum file\(s\) failed, .* left unchanged; first: .*HTTP 404/,
    );
    expect(await readFile(file, "utf8")).toBe(before);
  });
});
