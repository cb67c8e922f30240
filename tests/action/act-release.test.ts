// release.yml's `publish` and `pages` jobs under a real Actions runner (nektos/act, host mode:
// tests/action/act.ts). The test derives the workflow it runs from .github/workflows/release.yml itself: the
// jobs' inputs, permissions, outputs, `if:` and every `run:` step exactly as written there; only the steps that
// `uses:` a remote action are replaced, each by a stand-in named for what it replaces. Real: the runner
// ($GITHUB_OUTPUT, job outputs, `needs`, expressions over the inputs, the job summary), git (the index branch
// cloned from and pushed to a remote), dist/, helm 4 from the installer (served by a mirror on 127.0.0.1), the
// OCI registry (go-containerregistry's, in memory), cosign signing, attesting and verifying. Mocked (GitHub's
// and Sigstore's services only): actions/checkout (a copy of a prepared repository; the index branch cloned
// from a local bare repository standing in for GitHub's remote), actions/setup-node (the runner's Node),
// sigstore/cosign-installer (the cosign scripts/tools.sh built), and keyless signing (GitHub's OIDC token,
// Fulcio, Rekor), for which a key pair stands in (COSIGN_KEY, offline). The `gate` job both jobs need
// (pr-gate.yml: tests/action/act*.test.ts) is not run here. The registry has no TLS: FLOE_HELM_PLAIN_HTTP=true.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { freePort } from "../../src/cluster/loopback.js";
import { runTool } from "../../src/exec/runner.js";
import { detectPlatform } from "../../src/tools/platform.js";
import { cosignCheck } from "../helpers/cosign.js";
import { startRegistry, type TestRegistry } from "../helpers/registry.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool } from "../helpers/tools.js";
import { buildAsset, type Mirror, removeAssets, serveAsset, startMirror } from "../tools/mirror.js";
import { type ActRun, prepareCheckout, runAct } from "./act.js";
import { commonStandIn, expr, type Job, type Step } from "./workflow-parts.js";

const self = path.relative(repoRoot, fileURLToPath(import.meta.url));
let scratch: string;
let mirror: Mirror;
let registry: TestRegistry;
let port: number;
let checkout: string;
let head: string;
let workflow: string;
const keys = () => path.join(scratch, "keys");
const PASSWORD = "act-test-password";

/** The stand-in for each remote action the jobs use (anything else fails the test: add one). */
function standIn(step: Step): Step {
  const common = commonStandIn(step);
  if (common) return common;
  const uses = step.uses!.split("@")[0];
  // Another branch of this repository (the index branch): cloned from the test's stand-in for GitHub's
  // remote, which is also where the job pushes it.
  if (uses === "actions/checkout" && step.with?.ref && !step.with.repository)
    return {
      name: `Check out ${step.with.ref} into ${step.with.path} (stands in for actions/checkout: the test's remote)`,
      env: { REF: step.with.ref, REMOTE: expr("vars.FLOE_TEST_REMOTE") },
      run: `git clone -q --branch "$REF" "$REMOTE" "$GITHUB_WORKSPACE/${step.with.path}"`,
    };
  if (uses === "sigstore/cosign-installer")
    return {
      name: `cosign ${step.with?.["cosign-release"]} (stands in for sigstore/cosign-installer: the one scripts/tools.sh built)`,
      ...(step.if ? { if: step.if } : {}),
      env: { COSIGN_DIR: expr("vars.FLOE_TEST_COSIGN_DIR") },
      run: 'echo "$COSIGN_DIR" >> "$GITHUB_PATH"',
    };
  throw new Error(`release.yml uses ${step.uses}: give it a stand-in in ${self}`);
}

/** release.yml's publish and pages jobs as a workflow_dispatch workflow act can run here (`needs: gate`
 * dropped: the gate job is pr-gate.yml's, tested on its own). */
function deriveWorkflow(closedPort: number): string {
  const wf = parse(readFileSync(path.join(repoRoot, ".github", "workflows", "release.yml"), "utf8")) as {
    on: { workflow_call: { inputs: Record<string, unknown> } };
    permissions: unknown;
    jobs: Record<string, Job & { needs?: string | string[]; if?: string }>;
  };
  const env = {
    // helm from the installer, served by the test's mirror (a version the checksum table does not pin).
    FLOE_HELM_MIRROR: expr("vars.FLOE_TEST_MIRROR"),
    FLOE_HELM_HELM_VERSION: "4.2.9",
    FLOE_HELM_PLAIN_HTTP: "true",
    TUF_ROOT: expr("vars.FLOE_TEST_TUF"),
    // Nothing leaves the machine: anything but loopback would go to a closed port and fail.
    HTTPS_PROXY: `http://127.0.0.1:${closedPort}`,
    HTTP_PROXY: `http://127.0.0.1:${closedPort}`,
    NO_PROXY: "127.0.0.1,localhost",
  };
  const jobs: Record<string, unknown> = {};
  for (const name of ["publish", "pages"]) {
    const j = wf.jobs[name]!;
    const needs = [j.needs ?? []].flat().filter((n) => n !== "gate");
    jobs[name] = {
      ...(needs.length ? { needs } : {}),
      ...(j.if ? { if: j.if } : {}),
      "runs-on": j["runs-on"],
      ...(j["timeout-minutes"] ? { "timeout-minutes": j["timeout-minutes"] } : {}),
      ...(j.permissions ? { permissions: j.permissions } : {}),
      ...(j.outputs ? { outputs: j.outputs } : {}),
      env: {
        ...env,
        // Keyless signing (publish) needs GitHub's OIDC token and Sigstore: a key pair stands in, offline.
        ...(name === "publish"
          ? {
              COSIGN_KEY: expr("vars.FLOE_TEST_COSIGN_KEY"),
              COSIGN_PASSWORD: expr("secrets.COSIGN_PASSWORD"),
              FLOE_HELM_SIGN_OFFLINE: "true",
            }
          : {}),
      },
      steps: j.steps.map((s) => (s.uses ? standIn(s) : s)),
    };
  }
  const derived = {
    name: "act: release.yml's publish and pages jobs",
    on: { workflow_dispatch: { inputs: wf.on.workflow_call.inputs } },
    permissions: wf.permissions,
    jobs,
  };
  const file = path.join(scratch, "release.yml");
  writeFileSync(file, `# Derived by ${self} from .github/workflows/release.yml.\n${stringify(derived)}`);
  return file;
}

beforeAll(async () => {
  tool("act");
  scratch = tempDir("floe-act-release-");
  registry = await startRegistry();
  port = registry.port;
  mirror = await startMirror();
  serveAsset(mirror, await buildAsset("helm", "v4.2.9", detectPlatform(), tool("helm4"), mirror.url));
  mkdirSync(keys());
  const g = await runTool([tool("cosign"), "generate-key-pair", "--output-key-prefix", "cosign"], {
    cwd: keys(),
    env: { PATH: process.env.PATH, HOME: scratch, COSIGN_PASSWORD: PASSWORD },
  });
  expect(g.code, g.stderr).toBe(0);
  checkout = await prepareCheckout(path.join(scratch, "repo"));
  head = (await runTool(["git", "rev-parse", "HEAD"], { cwd: checkout })).stdout.trim();
  // GitHub's remote, as far as the pages job needs it: a gh-pages branch to clone and push to.
  const git = (cwd: string, ...a: string[]) =>
    runTool(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", ...a], { cwd });
  await git(scratch, "init", "-q", "--bare", "-b", "main", "remote.git");
  const pages = path.join(scratch, "pages");
  mkdirSync(pages);
  writeFileSync(path.join(pages, "README.md"), "charts\n");
  await git(pages, "init", "-q", "-b", "gh-pages");
  await git(pages, "add", "-A");
  await git(pages, "commit", "-qm", "pages");
  expect((await git(pages, "push", "-q", remote(), "gh-pages")).code).toBe(0);
  workflow = deriveWorkflow(await freePort());
}, 300_000);

afterAll(async () => {
  registry?.stop();
  await mirror?.close();
  await removeAssets();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const repo = () => `oci://127.0.0.1:${port}/acme/charts`;
const remote = () => path.join(scratch, "remote.git");
const INDEX_URL = "https://charts.example.test/acme";
const release = () =>
  runAct({
    workflow,
    checkout,
    event: "workflow_dispatch",
    inputs: { "action-ref": head, registry: repo(), "index-branch": "gh-pages", "index-url": INDEX_URL },
    secrets: { GITHUB_TOKEN: "act-test-token", COSIGN_PASSWORD: PASSWORD },
    vars: {
      FLOE_TEST_MIRROR: mirror.url,
      FLOE_TEST_COSIGN_DIR: path.dirname(tool("cosign")),
      FLOE_TEST_COSIGN_KEY: path.join(keys(), "cosign.key"),
      FLOE_TEST_TUF: path.join(scratch, "tuf"),
      FLOE_TEST_REMOTE: remote(),
    },
  });
const why = (r: ActRun) =>
  `act exit ${r.code}\n--- log\n${r.log.slice(-6000)}\n--- act\n${r.stderr.slice(-2000)}`;
/** The outputs the `release` step of `job` set (the job's outputs come from them). */
const releaseOutputs = (r: ActRun, job = "publish") =>
  Object.fromEntries(
    r.events
      .filter((e) => e.command === "set-output" && e.stepID?.[0] === "release" && e.name && e.jobID === job)
      .map((e) => [e.name!, e.arg ?? ""]),
  );
/** A file of the remote's gh-pages branch, and the branch's head. */
const onPages = async (file: string) =>
  (await runTool(["git", "show", `gh-pages:${file}`], { cwd: remote() })).stdout;
const pagesHead = async () =>
  (await runTool(["git", "rev-parse", "gh-pages"], { cwd: remote() })).stdout.trim();
const lines = (v: string | undefined) => (v ?? "").split("\n").filter(Boolean);
async function manifestDigest(ref: string): Promise<string | null> {
  const [repoPath, tag] = ref.replace(`127.0.0.1:${port}/`, "").split(":") as [string, string];
  const r = await fetch(`http://127.0.0.1:${port}/v2/${repoPath}/manifests/${tag}`, {
    headers: { accept: "application/vnd.oci.image.manifest.v1+json" },
  });
  return r.ok ? r.headers.get("docker-content-digest") : null;
}
const cosign = (what: "verify" | "verify-attestation", target: string) =>
  cosignCheck(what, target, {
    publicKey: path.join(keys(), "cosign.pub"),
    scratch,
    env: { PATH: process.env.PATH, HOME: scratch, TUF_ROOT: path.join(scratch, "tuf") },
  });

describe("act (real runner, host mode): release.yml's publish and pages jobs; GitHub's checkout, remote and setup-node, the cosign installer and keyless signing stood in for", () => {
  let first: ActRun;
  let out: Record<string, string>;
  beforeAll(async () => {
    first = await release();
    out = releaseOutputs(first);
  }, 900_000);

  it("publishes every chart under charts/ (the library first) with helm 4 from the installer, and sets the outputs", () => {
    expect(first.code, why(first)).toBe(0);
    expect(lines(out.versions).map((l) => l.split(" ")[0])).toEqual([
      "floe-common",
      "floe-jobs",
      "floe-platform",
    ]);
    expect(lines(out.published)).toHaveLength(3);
    for (const p of lines(out.published))
      expect(p).toMatch(new RegExp(`^${repo()}/floe-[a-z]+:\\S+@sha256:[0-9a-f]{64}$`));
    expect(lines(out.packages)).toHaveLength(3);
    // helm came from the mirror: the installer's download, verified against the mirror's checksums.
    expect(mirror.requests.some((u) => u.includes("4.2.9"))).toBe(true);
  });

  it("signs each pushed digest and attaches SLSA provenance naming the checked-out commit; both verify with the key", async () => {
    const published = lines(out.published);
    expect(lines(out.signatures)).toHaveLength(3);
    expect(lines(out.attestations)).toHaveLength(3);
    for (const p of published) {
      const [ref, digest] = p.split("@") as [string, string];
      const target = `${ref.replace(/^oci:\/\//, "").replace(/:[^:/]+$/, "")}@${digest}`;
      const v = await cosign("verify", target);
      expect(v.code, v.stderr).toBe(0);
      const a = await cosign("verify-attestation", target);
      expect(a.code, a.stderr).toBe(0);
      const [statement] = a.statements;
      expect(statement.subject[0].digest.sha256).toBe(digest.replace("sha256:", ""));
      expect(statement.predicate.buildDefinition.resolvedDependencies[0].digest).toEqual({ gitCommit: head });
      expect(statement.predicate.buildDefinition.internalParameters).toMatchObject({ helmMajor: 4 });
      // SOURCE_DATE_EPOCH: the workflow sets it to the commit's time.
      expect(statement.predicate.buildDefinition.internalParameters.sourceDateEpoch).toBeGreaterThan(0);
    }
  });

  it("the report step writes the job summary: per chart the reference, the package, the signature and the provenance", () => {
    expect(first.summary).toContain("### Release");
    expect(first.summary).toContain(
      "| Chart | Result | Package | Signature (verified) | SLSA provenance (verified) |",
    );
    for (const name of ["floe-common", "floe-jobs", "floe-platform"])
      expect(first.summary).toMatch(
        new RegExp(`\\| ${name} \\S+ \\| ✅ published .*\\.sig\`? \\| ✅ \`\\S+\\.att\` \\|`),
      );
  });

  it("the pages job adds every chart to gh-pages' index.yaml and pushes it: the same bytes publish pushed (reproducible)", async () => {
    const indexed = lines(releaseOutputs(first, "pages").indexed);
    expect(indexed.map((l) => l.split(" ")[0])).toEqual(["floe-common", "floe-jobs", "floe-platform"]);
    const index = parse(await onPages("index.yaml")) as {
      entries: Record<string, { version: string; digest: string; urls: string[] }[]>;
    };
    for (const line of lines(out.packages)) {
      // `<name>-<version>.tgz sha256:<hex>`: what publish packaged and pushed.
      const [tgz, sha] = line.split(" ") as [string, string];
      const name = tgz.replace(/-\d+\.\d+\.\d+.*\.tgz$/, "");
      const [entry] = index.entries[name]!;
      expect(entry!.urls).toEqual([`${INDEX_URL}/${tgz}`]);
      expect(`sha256:${entry!.digest}`).toBe(sha);
      expect(await onPages(tgz)).not.toBe("");
    }
    expect(await onPages("README.md")).toBe("charts\n");
  });

  it("a re-run is a no-op: every chart skipped, nothing signed or attested again (the .sig and .att manifests unchanged)", async () => {
    const before = await Promise.all(
      [...lines(out.signatures), ...lines(out.attestations)].map((l) => manifestDigest(l.split(" ")[1]!)),
    );
    const pushed = await pagesHead();
    const again = await release();
    expect(again.code, why(again)).toBe(0);
    // The index already lists every version: nothing committed, nothing pushed.
    expect(lines(releaseOutputs(again, "pages").indexed)).toEqual([]);
    expect(again.log).toContain("index unchanged: nothing to push");
    expect(await pagesHead()).toBe(pushed);
    const o = releaseOutputs(again);
    expect([o.versions, o.published, o.signatures, o.attestations]).toEqual(["", "", "", ""]);
    expect(again.summary).toMatch(
      /floe-jobs \S+ \| ⏭️ skipped: \S+ is already published, signed and attested/,
    );
    const after = await Promise.all(
      [...lines(out.signatures), ...lines(out.attestations)].map((l) => manifestDigest(l.split(" ")[1]!)),
    );
    expect(after).toEqual(before);
    expect(before.every((d) => d?.startsWith("sha256:"))).toBe(true);
  }, 900_000);
});
