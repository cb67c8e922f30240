// The kind provider end to end through the CLI, as the action's `cluster up` / `cluster down` steps run it
// on a GitHub runner: no --tools-dir, so kind comes from the installer (a local mirror here, verified
// against its checksum file), then `kind create cluster` with the pinned node image and `kind delete
// cluster`. kind itself needs Docker, which these machines lack: a stand-in program records its argv and
// writes the kubeconfig, and every test here says "mocked".
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { KIND_CLUSTER_NAME } from "../../src/cluster/kind/config.js";
import { pins } from "../../src/tools/pins.js";
import { detectPlatform } from "../../src/tools/platform.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { buildAsset, type Mirror, removeAssets, serveAsset, startMirror } from "../tools/mirror.js";

const tmp = () => tempDir("floe-kind-");
const VERSION = "0.99.0"; // not pinned: verified against the mirror's checksum file, with a warning

let mirror: Mirror;
let dir: string;
let log: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = tmp();
  log = path.join(dir, "kind-argv.log");
  // The stand-in: one line of argv per call; `create` writes a kubeconfig where it is told to.
  const standIn = path.join(dir, "kind");
  writeFileSync(
    standIn,
    [
      "#!/bin/sh",
      `echo "$*" >> '${log}'`,
      'if [ "$1" = create ]; then',
      '  while [ $# -gt 0 ]; do [ "$1" = --kubeconfig ] && kc="$2"; shift; done',
      '  printf "apiVersion: v1\\nkind: Config\\nclusters: []\\n" > "$kc"',
      '  echo " ✓ Ensuring node image" >&2',
      "fi",
      "",
    ].join("\n"),
  );
  chmodSync(standIn, 0o755);
  mirror = await startMirror();
  serveAsset(mirror, await buildAsset("kind", `v${VERSION}`, detectPlatform(), standIn, mirror.url));
  env = {
    PATH: process.env.PATH,
    FLOE_HELM_CLUSTER: "kind",
    FLOE_HELM_MIRROR: mirror.url,
    FLOE_HELM_TOOL_CACHE: path.join(dir, "tool-cache"),
    FLOE_HELM_KIND_VERSION: VERSION,
    FLOE_HELM_WORK_DIR: path.join(dir, "work"),
  };
});

afterAll(async () => {
  await mirror.close();
  await removeAssets();
});

// A chain, in order: `down` deletes the cluster `up` created and finds kind where `up` installed it; the tests
// run one after another (describe.sequential).
describe.sequential("mocked kind (a stand-in for the Docker-backed kind): cluster up/down without --tools-dir, in order", () => {
  it("mocked: up installs kind, creates the cluster with the pinned node image, prints the kubeconfig", async () => {
    const r = await cli(["cluster", "up"], { env });
    expect(r.err, r.err).not.toMatch(/error:/);
    expect(r.code).toBe(0);
    const kubeconfig = path.join(dir, "work", "cluster", "kind", "kubeconfig");
    expect(r.out).toBe(kubeconfig);
    expect(parse(readFileSync(kubeconfig, "utf8"))).toMatchObject({ kind: "Config" });
    // First the look for a cluster left over from an earlier run (none), then the create.
    const [get, create] = readFileSync(log, "utf8").trim().split("\n");
    expect(get).toBe("get clusters");
    expect(create).toBe(
      `create cluster --name ${KIND_CLUSTER_NAME} --image ${pins.kindNodeImage} --config ${path.join(dir, "work", "cluster", "kind", "kind.yaml")} --kubeconfig ${kubeconfig} --wait 180s --retain`,
    );
    // kind's own progress reaches the user; the installer said where kind came from.
    expect(r.err).toContain("Ensuring node image");
    expect(r.err).toContain(
      "kind v0.99.0 (linux-amd64) is not in floe-helm's checksum table".replace(
        "linux-amd64",
        `${detectPlatform().os}-${detectPlatform().arch}`,
      ),
    );
    expect(
      mirror.requests.some((p) => p.endsWith(`/kind-${detectPlatform().os}-${detectPlatform().arch}`)),
    ).toBe(true);
  });

  it("mocked: down finds kind in the tool cache (no request) and deletes that cluster", async () => {
    const before = mirror.requests.length;
    const r = await cli(["cluster", "down"], { env });
    expect(r.code).toBe(0);
    expect(mirror.requests.length).toBe(before);
    const lines = readFileSync(log, "utf8").trim().split("\n");
    expect(lines.at(-1)).toBe(
      `delete cluster --name ${KIND_CLUSTER_NAME} --kubeconfig ${path.join(dir, "work", "cluster", "kind", "kubeconfig")}`,
    );
    // Nothing left to stop: a second down is a no-op.
    expect((await cli(["cluster", "down"], { env })).code).toBe(0);
    expect(readFileSync(log, "utf8").trim().split("\n")).toHaveLength(lines.length);
  });

  it("mocked: without docker on PATH, up and down say so first (exit 2), and kind is not run", async () => {
    const work = path.join(tmp(), "work");
    // down needs a cluster of up's to delete: one brought up with docker on PATH.
    expect((await cli(["cluster", "up"], { env: { ...env, FLOE_HELM_WORK_DIR: work } })).code).toBe(0);
    const noDocker = { ...env, PATH: tmp(), FLOE_HELM_WORK_DIR: work };
    for (const cmd of ["up", "down"]) {
      const before = readFileSync(log, "utf8");
      const r = await cli(["cluster", cmd], { env: noDocker });
      expect(r.code, r.err).toBe(2);
      expect(r.err.split("\n").at(-1)).toBe(
        "floe-helm: error: docker not found on PATH: run scripts/docker.sh or install Docker",
      );
      expect(readFileSync(log, "utf8")).toBe(before);
    }
    expect((await cli(["cluster", "down"], { env: { ...env, FLOE_HELM_WORK_DIR: work } })).code).toBe(0);
  });

  it("mocked: a kind that fails to create the cluster is one clear error, exit 3 (a tool failed, not the input)", async () => {
    const failing = path.join(tmp(), "kind");
    writeFileSync(
      failing,
      "#!/bin/sh\necho 'ERROR: failed to create cluster: Cannot connect to the Docker daemon' >&2\nexit 1\n",
    );
    chmodSync(failing, 0o755);
    const r = await cli(["cluster", "up", "--tools-dir", path.dirname(failing)], { env });
    expect(r.code).toBe(3);
    // kind's output is kept in the work dir; `kind export logs` (failing too here) is said to have failed.
    const kept = path.join(dir, "work", "cluster", "kind", "kind-create.log");
    expect(r.err.split("\n").at(-1)).toBe(
      `floe-helm: error: kind create cluster failed (exit 1): ERROR: failed to create cluster: Cannot connect to the Docker daemon (kept: ${kept} (kind export logs failed: ERROR: failed to create cluster: Cannot connect to the Docker daemon))`,
    );
    expect(readFileSync(kept, "utf8")).toContain("Cannot connect to the Docker daemon");
    expect(existsSync(path.join(dir, "work", "cluster", "kind", "state.json"))).toBe(false);
  });
});
