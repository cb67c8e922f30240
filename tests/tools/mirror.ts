// A real HTTP server on 127.0.0.1 laid out as a floe-helm mirror, serving real release-shaped assets the
// test builds from the real pinned binaries (.tools/bin), with checksum files in each project's format.
// It counts requests so tests can prove a cache hit makes none, and can be told to fail on purpose.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { type Asset, assetFor, type InstallTool } from "../../src/tools/assets.js";
import type { Platform } from "../../src/tools/platform.js";
import { tempDir } from "../helpers/tmp.js";

const exec = promisify(execFile);

export type Fault = { status: number; times?: number } | { truncate: true } | { body: Buffer | string };

export interface Mirror {
  url: string;
  /** Every request path, in order. */
  requests: string[];
  /** Serve `file` at the mirror path of `asset` (and any other path: `serveAt`). */
  serve(urlPath: string, file: string): void;
  /** Make `urlPath` fail (status N, a given number of times), cut off its body, or serve other bytes. */
  fault(urlPath: string, f: Fault): void;
  clear(): void;
  close(): Promise<void>;
}

export async function startMirror(): Promise<Mirror> {
  const files = new Map<string, string>();
  const faults = new Map<string, Fault & { used?: number }>();
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requests.push(p);
    const f = faults.get(p);
    if (f && "status" in f && (f.times === undefined || (f.used ?? 0) < f.times)) {
      f.used = (f.used ?? 0) + 1;
      res.writeHead(f.status).end(`status ${f.status}`);
      return;
    }
    if (f && "body" in f) {
      res.writeHead(200, { "content-length": Buffer.byteLength(f.body) }).end(f.body);
      return;
    }
    const file = files.get(p);
    if (!file) {
      res.writeHead(404).end("not found");
      return;
    }
    const data = await readFile(file);
    if (f && "truncate" in f) {
      // Promise the whole file, send half, then drop the connection.
      res.writeHead(200, { "content-length": data.length });
      res.write(data.subarray(0, Math.floor(data.length / 2)), () => res.destroy());
      return;
    }
    res.writeHead(200, { "content-length": data.length }).end(data);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    serve: (p, file) => files.set(p, file),
    fault: (p, f) => faults.set(p, { ...f }),
    clear: () => {
      files.clear();
      faults.clear();
      requests.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// Every asset a test file builds lives under one folder, removed by removeAssets() after the file.
let assetRoot: string | undefined;
export async function removeAssets(): Promise<void> {
  if (assetRoot) await rm(assetRoot, { recursive: true, force: true });
  assetRoot = undefined;
}

export const sha256 = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");

/** The URL path (on the mirror) of an asset and of its checksum file. */
export function mirrorPaths(a: Asset): { asset: string; checksum: string } {
  return { asset: new URL(a.url).pathname, checksum: new URL(a.checksumUrl).pathname };
}

export interface BuiltAsset {
  asset: Asset;
  file: string;
  sha256: string;
  checksumFile: string;
}

/** Builds the release asset of `tool` at `version` from a real binary: a .tar.gz with the binary at the
 * official member path (helm: `<os>-<arch>/helm`, kubesec: `kubesec`) or the bare binary (kind, kubectl),
 * plus the checksum file in that project's format. */
export async function buildAsset(
  tool: InstallTool,
  version: string,
  platform: Platform,
  binary: string,
  mirrorUrl: string,
  opts: { member?: string } = {},
): Promise<BuiltAsset> {
  const asset = assetFor(tool, version, platform, mirrorUrl);
  assetRoot ??= tempDir("floe-assets-");
  const dir = await mkdtemp(path.join(assetRoot, `${tool}-`));
  const file = path.join(dir, asset.name);
  if (asset.member) {
    const member = opts.member ?? asset.member;
    const root = path.join(dir, "root");
    await mkdir(path.join(root, path.dirname(member)), { recursive: true });
    await copyFile(binary, path.join(root, member));
    await exec("tar", ["-I", "gzip -1", "-cf", file, "-C", root, member]);
  } else {
    await copyFile(binary, file);
  }
  const sum = await sha256(file);
  const checksumFile = path.join(dir, asset.checksumName);
  const text =
    tool === "kubectl"
      ? `${sum}\n` // dl.k8s.io: the bare hash
      : tool === "kubesec"
        ? `${"0".repeat(64)}  kubesec_windows_amd64.tar.gz\n${sum}  ${asset.name}\n` // goreleaser: every asset
        : `${sum}  ${asset.name}\n`; // sha256sum format
  await writeFile(checksumFile, text);
  await stat(file);
  return { asset, file, sha256: sum, checksumFile };
}

/** Serves a built asset and its checksum file at their mirror paths. */
export function serveAsset(m: Mirror, b: BuiltAsset): void {
  const p = mirrorPaths(b.asset);
  m.serve(p.asset, b.file);
  m.serve(p.checksum, b.checksumFile);
}
