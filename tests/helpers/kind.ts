// What the real kind lane's files share (tests/cluster/kind-*.test.ts): the bundled CLI as a user runs it, the
// node image and the images scripts/ build here, docker, and the check that those images are in Docker before
// a cluster is made (a missing one fails naming the script that builds it, never skips).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { runTool } from "../../src/exec/runner.js";
import { cliArgv } from "./cli.js";
import { repoRoot, toolsDir } from "./tools.js";

export const docker = (...args: string[]) => runTool(["docker", ...args], { timeoutMs: 60_000 });

/** A script of scripts/ asked a question (e.g. `kind-node.sh --image`): its stdout, trimmed. */
export const script = (name: string, ...args: string[]) =>
  execFileSync(path.join(repoRoot, "scripts", name), args, { encoding: "utf8" }).trim();

/** The offline node image scripts/kind-node.sh builds. */
export const kindNodeImage = () => script("kind-node.sh", "--image");

/** The local lane's images scripts/images.sh builds (platform, example data product, test pods). */
export const localImages = () => script("images.sh", "--list").split("\n").filter(Boolean);

/** Fails (never skips) when an image is not in Docker, naming what builds it. */
export async function requireImages(images: readonly string[], builtBy: string): Promise<void> {
  for (const image of images) {
    const r = await docker("image", "inspect", "--format", "{{.Id}}", image);
    if (r.code !== 0) throw new Error(`${image} is not in Docker (${r.stderr.trim()}): run ${builtBy}`);
  }
}

/** `floe-helm cluster up --provider kind` of cluster `name` on `nodeImage`, state in `work`, plus `extra`. */
export const kindUpArgv = (name: string, nodeImage: string, work: string, ...extra: string[]) =>
  cliArgv(
    ...["cluster", "up", "--provider", "kind", "--node-image", nodeImage, "--kind-cluster", name],
    ...extra,
    ...["--tools-dir", toolsDir, "--work-dir", work],
  );

/** `floe-helm cluster down --provider kind` of the cluster whose state is in `work`. */
export const kindDownArgv = (work: string) =>
  cliArgv("cluster", "down", "--provider", "kind", "--tools-dir", toolsDir, "--work-dir", work);
