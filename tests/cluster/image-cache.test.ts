// The kind lane's image cache (src/cluster/kind/image-cache.ts) with the real Docker daemon and a real OCI
// registry on 127.0.0.1 (tests/helpers/registry.ts) standing in for Docker Hub / registry.k8s.io: images pulled,
// saved, loaded back by tag and by digest, a tampered tar refused, the cache pruned to what a job used and its
// key. Then `floe-helm cluster up` / `cluster down` through the CLI as the action runs them (env only, kind from
// the installer's mirror): kind itself is a stand-in here ("mocked" in those tests' names) that, like kind,
// pulls the node image when Docker lacks it and records the --image it was given.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cacheFileName,
  dockerLoadArgv,
  dockerPullArgv,
  dockerSaveArgv,
  ImageCache,
  INDEX_FILE,
  imageCacheKey,
  USED_FILE,
} from "../../src/cluster/kind/image-cache.js";
import { detectPlatform } from "../../src/tools/platform.js";
import { prepareCheckout, runAct } from "../action/act.js";
import { serveTools } from "../action/workflow-parts.js";
import { cli } from "../helpers/cli.js";
import { docker } from "../helpers/kind.js";
import { startRegistry, type TestRegistry } from "../helpers/registry.js";
import { tempDir } from "../helpers/tmp.js";
import { buildAsset, type Mirror, removeAssets, serveAsset, startMirror } from "../tools/mirror.js";

describe("image cache: pure parts", () => {
  it.each([
    ["kindest/node:v1.37.0@sha256:a1ed", /^kindest_node_v1\.37\.0-[0-9a-f]{12}\.tar$/],
    ["127.0.0.1:5000/team/app:1.2", /^127\.0\.0\.1_5000_team_app_1\.2-[0-9a-f]{12}\.tar$/],
    ["busybox", /^busybox-[0-9a-f]{12}\.tar$/],
  ])("the tar of %s is named %s", (ref, want) => {
    expect(cacheFileName(ref)).toMatch(want);
  });

  it("two references that read alike still get their own tar (a hash of the whole reference)", () => {
    expect(cacheFileName("a/b:1")).not.toBe(cacheFileName("a_b:1"));
    expect(cacheFileName("x@sha256:1")).not.toBe(cacheFileName("x@sha256:2"));
  });

  it("the key is one hash of the set of references: order and repeats do not matter, any change does", () => {
    const k = imageCacheKey(["b:1", "a:1"]);
    expect(k).toMatch(/^floe-helm-images-[0-9a-f]{20}$/);
    expect(imageCacheKey(["a:1", "b:1", "a:1"])).toBe(k);
    expect(imageCacheKey(["a:1", "b:2"])).not.toBe(k);
    expect(imageCacheKey(["a:1"])).not.toBe(k);
  });

  it.each([
    [
      dockerSaveArgv("docker", { file: "/c/x.tar", image: "a:1" }),
      ["docker", "save", "--output", "/c/x.tar", "a:1"],
    ],
    [dockerLoadArgv("docker", "/c/x.tar"), ["docker", "load", "--input", "/c/x.tar"]],
    [dockerPullArgv("docker", "a:1"), ["docker", "pull", "--quiet", "a:1"]],
  ])("argv %j", (got, want) => {
    expect(got).toEqual(want);
  });
});

// --- real Docker ------------------------------------------------------------------------------------------
const run = randomBytes(3).toString("hex");
const SOURCE = `floe.local/image-cache-test:${run}`;
let registry: TestRegistry;
let tagRef: string;
let digestRef: string;
let imageId: string;
const made = new Set<string>();

/** A one-file image of the test's own (docker import of a tar made here): no base image needed. */
async function importTinyImage(tag: string, content: string): Promise<void> {
  const dir = tempDir("floe-image-cache-src-");
  writeFileSync(path.join(dir, "hello.txt"), content);
  const tar = path.join(dir, "rootfs.tar");
  const { runTool } = await import("../../src/exec/runner.js");
  const t = await runTool(["tar", "-C", dir, "-cf", tar, "hello.txt"]);
  expect(t.code, t.stderr).toBe(0);
  const r = await docker("import", tar, tag);
  expect(r.code, `docker import: ${r.stderr} (is dockerd running? scripts/docker.sh starts it)`).toBe(0);
  made.add(tag);
}

const log: string[] = [];
const say = (l: string) => log.push(l);
const present = async (ref: string) => (await docker("image", "inspect", ref)).code === 0;
const rmi = async (...refs: string[]) => {
  await docker("image", "rm", "--force", ...refs);
};

beforeAll(async () => {
  const info = await docker("info", "--format", "{{.ServerVersion}}");
  if (info.code !== 0)
    throw new Error(
      `these tests need a running Docker daemon (scripts/docker.sh starts one): ${info.stderr}`,
    );
  registry = await startRegistry();
  await importTinyImage(SOURCE, `image cache test ${run}\n`);
  tagRef = `${registry.host}/floe/cache-test:${run}`;
  expect((await docker("tag", SOURCE, tagRef)).code).toBe(0);
  made.add(tagRef);
  const push = await docker("push", tagRef);
  expect(push.code, push.stderr).toBe(0);
  const digest = /digest: (sha256:[0-9a-f]{64})/.exec(push.stdout)?.[1];
  expect(digest, push.stdout).toBeDefined();
  digestRef = `${registry.host}/floe/cache-test@${digest}`;
  imageId = (await docker("image", "inspect", "--format", "{{.Id}}", SOURCE)).stdout.trim();
  // From here on the image exists only in the registry (and, untagged references aside, nowhere in Docker).
  await rmi(SOURCE, tagRef);
}, 120_000);

afterAll(async () => {
  registry?.stop();
  if (imageId) await rmi(imageId);
  await rmi(...made);
});

describe.sequential("image cache with the real Docker and a registry on 127.0.0.1", () => {
  let dir: string;
  let work: string;
  let cache: ImageCache;
  beforeAll(() => {
    dir = tempDir("floe-image-cache-");
    work = tempDir("floe-image-cache-work-");
    cache = new ImageCache(dir, () => "docker", work);
  });

  it("an image Docker lacks is pulled by the runner once, saved as a tar and recorded with its id", async () => {
    expect(await present(tagRef)).toBe(false);
    expect(await cache.bring(tagRef, { pull: true }, say)).toBe(tagRef);
    expect(await present(tagRef)).toBe(true);
    const index = JSON.parse(readFileSync(path.join(dir, INDEX_FILE), "utf8"));
    expect(index.images[tagRef]).toEqual({ file: cacheFileName(tagRef), id: imageId });
    expect(existsSync(path.join(dir, cacheFileName(tagRef)))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(work, USED_FILE), "utf8"))).toEqual([tagRef]);
    expect(log.join("\n")).toContain(`image cache: docker pull ${tagRef}`);
  });

  it("later, with the image gone from Docker and the registry unreachable, it is loaded from the tar (no pull)", async () => {
    registry.stop();
    await rmi(tagRef, imageId);
    expect(await present(tagRef)).toBe(false);
    log.length = 0;
    expect(await cache.bring(tagRef, { pull: true }, say)).toBe(tagRef);
    expect((await docker("image", "inspect", "--format", "{{.Id}}", tagRef)).stdout.trim()).toBe(imageId);
    expect(log.join("\n")).toContain(`image cache: ${tagRef} loaded from`);
    expect(log.join("\n")).not.toContain("docker pull");
    registry = await startRegistryAgain();
  });

  it("an image pinned by digest: saved by its id, loaded back and known by that id (a load keeps no registry digest)", async () => {
    await rmi(tagRef, imageId);
    expect(await cache.bring(digestRef, { pull: true }, say)).toBe(digestRef);
    expect(JSON.parse(readFileSync(path.join(dir, INDEX_FILE), "utf8")).images[digestRef].id).toBe(imageId);
    await rmi(digestRef, imageId);
    expect(await present(imageId)).toBe(false);
    expect(await cache.bring(digestRef, { pull: false }, say)).toBe(imageId);
    expect(await present(imageId)).toBe(true);
  });

  it("an image already in Docker is the runner's own: used as it is, nothing saved", async () => {
    const own = `floe.local/image-cache-own:${run}`;
    await importTinyImage(own, "own\n");
    expect(await cache.bring(own, { pull: true }, say)).toBe(own);
    expect(JSON.parse(readFileSync(path.join(dir, INDEX_FILE), "utf8")).images[own]).toBeUndefined();
  });

  it("a tar that loads as another image than recorded is refused and deleted; without a pull, none is had", async () => {
    // The tag's tar replaced by a tar of another image under the same tag (what a poisoned cache would hold).
    const other = `floe.local/image-cache-other:${run}`;
    await importTinyImage(other, "another image\n");
    expect((await docker("tag", other, tagRef)).code).toBe(0);
    const file = path.join(dir, cacheFileName(tagRef));
    const save = await docker("save", "--output", file, tagRef);
    expect(save.code, save.stderr).toBe(0);
    await rmi(tagRef);
    log.length = 0;
    expect(await cache.bring(tagRef, { pull: false }, say)).toBeUndefined();
    expect(log.join("\n")).toContain(`not ${imageId} as recorded: dropped, pulled again`);
    expect(existsSync(file)).toBe(false);
    expect(JSON.parse(readFileSync(path.join(dir, INDEX_FILE), "utf8")).images[tagRef]).toBeUndefined();
    await rmi(tagRef);
  });

  it("finish keeps only what this job used, removes the rest and stray files, and names the key of what is left", async () => {
    // An entry of an earlier job that this one never used, and a half-written tar.
    const index = JSON.parse(readFileSync(path.join(dir, INDEX_FILE), "utf8"));
    index.images["old/image:1"] = { file: "old-image.tar", id: "sha256:0" };
    writeFileSync(path.join(dir, INDEX_FILE), JSON.stringify(index));
    writeFileSync(path.join(dir, "old-image.tar"), "x");
    writeFileSync(path.join(dir, "stray.tar.123.part"), "x");
    const done = await cache.finish();
    expect(done.pruned).toEqual(["old/image:1"]);
    expect(done.kept).toEqual([digestRef]);
    expect(done.key).toBe(imageCacheKey([digestRef]));
    expect(readdirSync(dir).sort()).toEqual([cacheFileName(digestRef), INDEX_FILE].sort());
  });
});

/** A new registry (the old one was stopped, and kept its images in memory only) holding the same image again:
 * the digest reference the later tests pull points at it. */
async function startRegistryAgain(): Promise<TestRegistry> {
  const r = await startRegistry();
  const tag = `${r.host}/floe/cache-test:${run}`;
  expect((await docker("tag", imageId, tag)).code).toBe(0);
  made.add(tag);
  const push = await docker("push", tag);
  expect(push.code, push.stderr).toBe(0);
  const digest = /digest: (sha256:[0-9a-f]{64})/.exec(push.stdout)?.[1];
  expect(digest, push.stdout).toBeDefined();
  digestRef = `${r.host}/floe/cache-test@${digest}`;
  return r;
}

// --- cluster up / down as the action runs them --------------------------------------------------------------
describe.sequential("mocked kind (a stand-in that pulls like kind): cluster up/down with FLOE_HELM_IMAGE_CACHE, the node image pinned by digest", () => {
  let mirror: Mirror;
  let dir: string;
  let argvLog: string;
  let env: NodeJS.ProcessEnv;
  let cacheDir: string;
  let outputs: string;

  beforeAll(async () => {
    dir = tempDir("floe-image-cache-kind-");
    argvLog = path.join(dir, "kind-argv.log");
    cacheDir = path.join(dir, "images");
    outputs = path.join(dir, "github-output");
    writeFileSync(outputs, "");
    // Like kind: `create` pulls the --image when Docker lacks it (docker inspect --type=image first).
    const standIn = path.join(dir, "kind");
    writeFileSync(
      standIn,
      [
        "#!/bin/sh",
        `echo "$*" >> '${argvLog}'`,
        'if [ "$1" = create ]; then',
        "  while [ $# -gt 0 ]; do",
        '    [ "$1" = --kubeconfig ] && kc="$2"; [ "$1" = --image ] && image="$2"; shift',
        "  done",
        // Never a pull from outside the machine: only the test registry's references.
        '  case "$image" in 127.0.0.1:*) ;; *) docker inspect --type=image "$image" >/dev/null 2>&1 || { echo "stand-in kind: $image is not here and not on 127.0.0.1" >&2; exit 1; } ;; esac',
        '  docker inspect --type=image "$image" >/dev/null 2>&1 || docker pull "$image" >&2 || exit 1',
        '  printf "apiVersion: v1\\nkind: Config\\nclusters: []\\n" > "$kc"',
        "fi",
        "",
      ].join("\n"),
    );
    chmodSync(standIn, 0o755);
    mirror = await startMirror();
    serveAsset(mirror, await buildAsset("kind", "v0.99.0", detectPlatform(), standIn, mirror.url));
    // The action's tools step installs every tool: the real ones besides the stand-in kind.
    await serveTools(mirror, ["kind"]);
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: "true",
      GITHUB_OUTPUT: outputs,
      FLOE_HELM_CLUSTER: "kind",
      FLOE_HELM_MIRROR: mirror.url,
      FLOE_HELM_TOOL_CACHE: path.join(dir, "tool-cache"),
      FLOE_HELM_KIND_VERSION: "0.99.0",
      FLOE_HELM_WORK_DIR: path.join(dir, "work"),
      FLOE_HELM_KIND_CLUSTER: `floe-ic-${run}`,
      FLOE_HELM_KIND_NODE_IMAGE: digestRef,
      FLOE_HELM_IMAGE_CACHE: cacheDir,
    };
    await rmi(tagRef, digestRef, imageId);
  });

  afterAll(async () => {
    await mirror?.close();
    await removeAssets();
  });

  const creates = () =>
    readFileSync(argvLog, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("create cluster"));

  it("mocked: the first up pulls the node image with the runner's Docker, keeps it, and kind boots it as pinned", async () => {
    const r = await cli(["cluster", "up"], { env });
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`kind: image cache: docker pull ${digestRef}`);
    expect(r.err).toContain(`kind: image cache: ${digestRef} saved to ${cacheDir}`);
    expect(creates().at(-1)).toContain(`--image ${digestRef} `);
    const down = await cli(["cluster", "down"], { env });
    expect(down.code, down.err).toBe(0);
    const key = imageCacheKey([digestRef]);
    expect(down.err).toContain(`image cache: 1 image(s) in ${cacheDir}, key ${key}`);
    expect(readFileSync(outputs, "utf8")).toBe(`image-cache-key=${key}\n`);
  });

  it("mocked: on a new runner (image not in Docker, registry gone) the next up loads it from the cache and kind boots it by its verified id, pulling nothing", async () => {
    registry.stop();
    await rmi(digestRef, imageId);
    // A new job: its own work dir (the cache folder is what actions/cache carried over).
    const next = { ...env, FLOE_HELM_WORK_DIR: path.join(dir, "work2") };
    const r = await cli(["cluster", "up"], { env: next });
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`kind: image cache: ${digestRef} loaded from ${cacheDir}`);
    expect(r.err).not.toContain("docker pull");
    expect(creates().at(-1)).toContain(`--image ${imageId} `);
    writeFileSync(outputs, "");
    const down = await cli(["cluster", "down"], { env: next });
    expect(down.code, down.err).toBe(0);
    expect(readFileSync(outputs, "utf8")).toBe(`image-cache-key=${imageCacheKey([digestRef])}\n`);
  });

  it("mocked, under act: the action with image-cache on a new runner loads the node image from the folder, kind boots it by id, and the action's image-cache-key output is the key", async () => {
    // A new runner again: the image only in the cache folder, the registry gone.
    await rmi(digestRef, imageId);
    const work = path.join(dir, "act-work");
    const r = await runAct({
      workflow: "image-cache.yml",
      checkout: await prepareCheckout(path.join(dir, "repo")),
      vars: {
        FLOE_TEST_MIRROR: mirror.url,
        FLOE_TEST_NODE_IMAGE: digestRef,
        FLOE_TEST_IMAGE_CACHE: cacheDir,
        FLOE_TEST_WORK_DIR: work,
      },
    });
    const why = `act exit ${r.code}\n${r.log.slice(-4000)}\n${r.stderr.slice(-1500)}`;
    expect(
      Object.fromEntries(
        ["tools", "cluster up", "live upgrade", "cluster down", "report"].map((n) => [
          n,
          r.steps[`floe-helm · ${n}`] ?? "-",
        ]),
      ),
      why,
    ).toEqual({
      tools: "success",
      "cluster up": "success",
      "live upgrade": "skipped",
      "cluster down": "success",
      report: "success",
    });
    expect(r.log).toContain(`kind: image cache: ${digestRef} loaded from ${cacheDir}`);
    expect(r.log).not.toContain("docker pull");
    expect(creates().at(-1)).toContain(`--image ${imageId} `);
    expect(r.outputs["image-cache-key"]).toBe(imageCacheKey([digestRef]));
  }, 600_000);

  it("mocked: a job that used no cached image prunes the folder and leaves the key empty (nothing to save)", async () => {
    const next = { ...env, FLOE_HELM_WORK_DIR: path.join(dir, "work3"), FLOE_HELM_KIND_NODE_IMAGE: imageId };
    expect((await cli(["cluster", "up"], { env: next })).code).toBe(0);
    writeFileSync(outputs, "");
    const down = await cli(["cluster", "down"], { env: next });
    expect(down.code, down.err).toBe(0);
    expect(down.err).toContain(`image cache: pruned what this job did not use: ${digestRef}`);
    expect(down.err).toContain(
      `image cache: this job used no cached image: nothing to save from ${cacheDir}`,
    );
    expect(readFileSync(outputs, "utf8")).toBe("image-cache-key=\n");
    expect(readdirSync(cacheDir)).toEqual([INDEX_FILE]);
  });
});
