// Every phase as a user runs it on a laptop: the CLI packed (`npm pack`) and installed from its tarball
// into an empty folder, run as `floe-helm` in a charts-only repository, with no --tools-dir. Tools come from the installer's default per-user cache (under a fresh HOME), filled
// on first use from a local mirror on 127.0.0.1 serving the real pinned binaries under versions that are not
// in floe-helm's checksum table (a pinned version's official sha256 cannot match a local build), chosen
// with the same version inputs a user has. The kwok control plane, which the installer does not carry,
// comes from PATH.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/cluster/loopback.js";
import { type RunResult, runTool } from "../../src/exec/runner.js";
import { detectPlatform, platformKey } from "../../src/tools/platform.js";
import { tempDir } from "../helpers/tmp.js";
import { controlPlaneTools, repoRoot, tool } from "../helpers/tools.js";
import { buildAsset, type Mirror, removeAssets, serveAsset, startMirror } from "./mirror.js";

const platform = detectPlatform();
const tmp = tempDir("floe-default-path-");
const home = path.join(tmp, "home");
const repo = path.join(tmp, "repo");
const pathDir = path.join(tmp, "path-bin");
const cache = path.join(home, ".cache", "floe-helm", "tools");
let mirror: Mirror;
let registry: ChildProcess | undefined;
let registryPort = 0;

// The versions a user would name with --helm-version etc.; the mirror serves the real binaries under them.
const versions = { helm3: "v3.21.9", helm4: "v4.2.9", kubesec: "v2.14.9", kubectl: "v1.36.9" };

/** The environment of a user's shell: HOME, PATH and the version/mirror inputs, nothing test-only. */
function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    HOME: home,
    PATH: `${pathDir}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}/usr/bin:/bin`,
    FLOE_HELM_MIRROR: mirror.url,
    FLOE_HELM_HELM_VERSION: `${versions.helm3},${versions.helm4}`,
    FLOE_HELM_KUBESEC_VERSION: versions.kubesec,
    FLOE_HELM_KUBECTL_VERSION: versions.kubectl,
    ...extra,
  };
}

const floeHelm = (
  args: string[],
  env: NodeJS.ProcessEnv = userEnv(),
  timeoutMs = 300_000,
): Promise<RunResult> =>
  runTool([process.execPath, path.join(repoRoot, "dist", "index.js"), ...args], {
    cwd: repo,
    env,
    timeoutMs,
  });

const results = (phase: string) =>
  JSON.parse(readFileSync(path.join(repo, ".floe-helm", `${phase}.results.json`), "utf8"));

beforeAll(async () => {
  // The package as a user gets it: `npm pack`, then `npm install <tarball>` into an empty folder, offline
  // (the bundle has no dependencies to fetch).
  const npm = (...args: string[]) => runTool(["npm", ...args], { cwd: tmp, timeoutMs: 120_000 });
  const packed = await npm("pack", repoRoot, "--pack-destination", tmp, "--json");
  if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const tgz = path.join(tmp, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]!.filename);
  mkdirSync(path.join(tmp, "prefix"));
  const inst = await npm(
    "install",
    "--prefix",
    path.join(tmp, "prefix"),
    "--offline",
    "--no-audit",
    "--no-fund",
    tgz,
  );
  if (inst.code !== 0) throw new Error(`npm install of the packed CLI failed: ${inst.stderr}`);
  mirror = await startMirror();
  for (const [name, t] of [
    ["helm3", "helm"],
    ["helm4", "helm"],
    ["kubesec", "kubesec"],
    ["kubectl", "kubectl"],
  ] as const) {
    serveAsset(mirror, await buildAsset(t, versions[name], platform, tool(name), mirror.url));
  }
  // A charts repository with no tools: this repository's two charts, their floe-gate.yaml, scenarios/ and the
  // example data product floe-gate.yaml's e2e section installs.
  mkdirSync(repo, { recursive: true });
  cpSync(path.join(repoRoot, "charts"), path.join(repo, "charts"), { recursive: true });
  cpSync(path.join(repoRoot, "floe-gate.yaml"), path.join(repo, "floe-gate.yaml"));
  cpSync(path.join(repoRoot, "scenarios"), path.join(repo, "scenarios"), { recursive: true });
  cpSync(path.join(repoRoot, "examples"), path.join(repo, "examples"), { recursive: true });
  // What a user has on PATH: the kwok control plane (nothing the installer provides).
  mkdirSync(pathDir);
  for (const t of controlPlaneTools.filter((t) => t !== "kubectl"))
    symlinkSync(tool(t), path.join(pathDir, t));
  registryPort = await freePort();
  registry = spawn(tool("registry"), ["-port", String(registryPort)], { stdio: "ignore" });
});

afterAll(async () => {
  registry?.kill();
  await floeHelm(["cluster", "down", "--provider", "kwok"]).catch(() => undefined);
  await mirror?.close();
  rmSync(tmp, { recursive: true, force: true });
  await removeAssets();
});

describe("every phase with no --tools-dir (the packed CLI, tools from the installer's default cache)", () => {
  it("the tarball holds the bundle, not the sources, and installs no dependencies", async () => {
    const pkg = JSON.parse(
      readFileSync(path.join(tmp, "prefix", "node_modules", "floe-helm-action", "package.json"), "utf8"),
    );
    expect(pkg.dependencies).toBeUndefined();
    const r = await floeHelm(["--version"]);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("gate: installs helm 3, helm 4 and kubesec into ~/.cache/floe-helm/tools with progress, then passes; a second run downloads nothing", async () => {
    mirror.requests.length = 0;
    const r = await floeHelm(["gate", "--scenario", "test"]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const key = platformKey(platform);
    for (const [t, v] of [
      ["helm", versions.helm3],
      ["helm", versions.helm4],
      ["kubesec", versions.kubesec],
    ] as const) {
      expect(r.stderr).toContain(`: downloading ${mirror.url}/${t}/${v}/${key}/`);
    }
    expect(r.stderr).not.toContain("--tools-dir");
    const gate = results("gate");
    expect(gate.status).toBe("pass");
    const ran = (rule: string) =>
      gate.checks.filter((c: { rule?: string; state: string }) => c.rule === rule && c.state === "pass")
        .length;
    // 2 charts x their `test` scenario x 2 helm majors, kubesec included.
    expect(ran("render")).toBe(4);
    expect(ran("kubesec")).toBe(4);
    expect(
      readFileSync(path.join(cache, "floe-helm", versions.helm4.slice(1), key, "helm")).length,
    ).toBeGreaterThan(0);

    mirror.requests.length = 0;
    const again = await floeHelm(["gate", "--scenario", "test"]);
    expect(again.code, again.stderr).toBe(0);
    expect(mirror.requests).toEqual([]);

    // Then the report as a user runs it after the gate: the default work dir, a SARIF file beside it.
    const report = await floeHelm(["report", "--sarif", "floe-helm.sarif"]);
    expect(report.code, report.stderr + report.stdout).toBe(0);
    expect(report.stdout).toMatch(/^report: PASS /m);
    const sarif = JSON.parse(readFileSync(path.join(repo, "floe-helm.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(mirror.requests).toEqual([]);
  });

  it("gate: kubesec with no verified checksum for this platform is reported as not run (a warning naming --checksums), every other check still runs", async () => {
    // A user's checksums file that knows kubesec v2.14.8 only for another platform.
    const other = platformKey(platform) === "linux-amd64" ? "darwin-arm64" : "linux-amd64";
    const sums = path.join(tmp, "sums.yaml");
    writeFileSync(
      sums,
      `kubesec:\n  v2.14.8:\n    source: a review\n    sha256:\n      ${other}: ${"a".repeat(64)}\n`,
    );
    const r = await floeHelm(
      ["gate", "--scenario", "test"],
      userEnv({ FLOE_HELM_KUBESEC_VERSION: "2.14.8", FLOE_HELM_CHECKSUMS: sums }),
    );
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const gate = results("gate");
    const warning = gate.findings.filter((f: { rule: string }) => f.rule === "kubesec");
    expect(warning).toHaveLength(1);
    expect(warning[0].severity).toBe("warning");
    expect(warning[0].message).toMatch(
      /^kubesec did not run: kubesec v2\.14\.8 is pinned, but floe-helm's checksum table has no confirmed sha256 for /,
    );
    expect(warning[0].message).toContain("--checksums FILE");
    expect(r.stdout.split("\n")).toContain(`warning kubesec: ${warning[0].message}`);
    const kubesec = gate.checks.filter((c: { rule?: string }) => c.rule === "kubesec");
    expect(kubesec.map((c: { state: string }) => c.state)).toEqual(["skip"]);
    expect(
      gate.checks.filter((c: { rule?: string; state: string }) => c.rule === "render" && c.state === "pass"),
    ).toHaveLength(4);
  });

  it("upgrade-check --base-chart: helm from the installer's cache", async () => {
    const r = await floeHelm([
      "upgrade-check",
      "--base-chart",
      "charts/floe-jobs",
      "--chart",
      "charts/floe-jobs",
      "--scenario",
      "test",
    ]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(results("upgrade-check").status).toBe("pass");
  });

  it("release --dry-run: helm from the installer's cache", async () => {
    const r = await floeHelm([
      "release",
      "--registry",
      `oci://127.0.0.1:${registryPort}/floe`,
      "--plain-http",
      "--dry-run",
      "--helm",
      "4",
    ]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const checks = results("release").checks as Array<{ id: string; state: string; reason?: string }>;
    // The library chart first (the others depend on it), each packaged and not pushed.
    expect(checks.map((c) => [c.id.split(" ")[1], c.state])).toEqual([
      ["floe-common", "skip"],
      ["floe-jobs", "skip"],
      ["floe-platform", "skip"],
    ]);
    for (const c of checks)
      expect(c.reason).toMatch(/^dry run: \S+\.tgz packaged \(sha256:[0-9a-f]{64}\), not pushed$/);
  });

  it("generate: the command examples/generate/README.md gives, helm from the installer's cache, writes the example's files as checked in", async () => {
    const readme = readFileSync(path.join(repoRoot, "examples", "generate", "README.md"), "utf8");
    const block = /```sh\n(floe-helm generate[^`]*)```/.exec(readme)?.[1];
    expect(block, "examples/generate/README.md has no floe-helm generate command").toBeDefined();
    const argv = block!.replace(/\\\n/g, " ").trim().split(/\s+/).slice(1); // the words after floe-helm
    const out = path.join(repo, "examples", "generate", "values");
    rmSync(out, { recursive: true, force: true });
    const r = await floeHelm(argv);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain("warning plain-secret");
    for (const f of [
      "floe-platform.values-dev.yaml",
      "floe-platform.values-prod.yaml",
      "floe-jobs.orders.values-dev.yaml",
      "floe-jobs.inventory.values-prod.yaml",
    ])
      expect(readFileSync(path.join(out, f), "utf8"), f).toBe(
        readFileSync(path.join(repoRoot, "examples", "generate", "values", f), "utf8"),
      );
  });

  it("generate --env qa: an environment of the example manifest's promotion path, as examples/generate/README.md says, takes dev's defaults in namespace floe-qa", async () => {
    const readme = readFileSync(path.join(repoRoot, "examples", "generate", "README.md"), "utf8");
    expect(readme).toContain("`--env qa`");
    const block = /```sh\n(floe-helm generate[^`]*)```/.exec(readme)![1]!;
    const argv = block
      .replace(/\\\n/g, " ")
      .replace("--env dev --env prod", "--env qa")
      .replace("--output-dir examples/generate/values", "--output-dir qa-values")
      .trim()
      .split(/\s+/)
      .slice(1);
    expect(argv).toContain("qa");
    const r = await floeHelm(argv);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const platform = readFileSync(path.join(repo, "qa-values", "floe-platform.values-qa.yaml"), "utf8");
    expect(platform).toContain(
      "# Chart floe-platform, environment qa: release floe-platform, namespace floe-qa.",
    );
    expect(platform).toContain(
      "environment defaults (qa: those of dev, by its place in the promotion path, after dev;",
    );
    const dev = readFileSync(
      path.join(repoRoot, "examples", "generate", "values", "floe-platform.values-dev.yaml"),
      "utf8",
    );
    expect(platform.split("\n").slice(5)).toEqual(dev.split("\n").slice(5));
  });

  it("cluster up (kwok control plane from PATH, kubectl from the installer), test, upgrade and e2e: each chart installs with its own values-test.yaml", async () => {
    const up = await floeHelm(["cluster", "up", "--provider", "kwok"]);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toContain(`kubectl ${versions.kubectl}: downloading`);
    const r = await floeHelm(
      ["test", "--scenario", "test", "--helm", "4"],
      userEnv({ FLOE_HELM_CLUSTER: "kwok" }),
    );
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const installs = results("test")
      .checks.filter((c: { rule?: string }) => c.rule === "install")
      .map((c: { id: string; state: string }) => [c.id, c.state]);
    expect(installs).toEqual([
      [expect.stringMatching(/floe-jobs\/test helm4/), "pass"],
      [expect.stringMatching(/floe-platform\/test helm4/), "pass"],
    ]);
    // The live upgrade on the same cluster, helm and kubectl from the installer's cache too.
    const up2 = await floeHelm(
      [
        "upgrade",
        "--base-chart",
        "charts/floe-jobs",
        "--chart",
        "charts/floe-jobs",
        "--scenario",
        "test",
        "--helm",
        "4",
      ],
      userEnv({ FLOE_HELM_CLUSTER: "kwok" }),
    );
    expect(up2.code, up2.stderr + up2.stdout).toBe(0);
    expect(results("upgrade").status).toBe("pass");
    // floe-helm e2e with its defaults on the same cluster: kwok runs no pods, so every check is skipped with
    // that reason (never a pass) and the phase is no failure.
    const e2e = await floeHelm(["e2e"], userEnv({ FLOE_HELM_CLUSTER: "kwok" }));
    expect(e2e.code, e2e.stderr + e2e.stdout).toBe(0);
    const e2eChecks = results("e2e").checks as { id: string; state: string; reason?: string }[];
    expect(e2eChecks.map((c) => c.id)).toEqual([
      "e2e T116 dagster-launch",
      "e2e T117 dbt-models",
      "e2e T118 lineage",
      "e2e E2E-003 iceberg-table",
      "e2e T119 traces",
      "e2e T120 network-policy",
      "e2e GAP-006 external-secrets",
      "e2e GAP-004 autoscaling",
    ]);
    for (const c of e2eChecks) expect([c.state, c.reason]).toEqual(["skip", "kwok runs no pods"]);
    const down = await floeHelm(["cluster", "down", "--provider", "kwok"]);
    expect(down.code, down.stderr).toBe(0);
  });

  it("cluster up --provider kwok with neither --tools-dir nor the binaries on PATH: one line naming what is missing and how to get it", async () => {
    const r = await floeHelm(
      ["cluster", "up", "--provider", "kwok", "--work-dir", path.join(tmp, "no-path")],
      userEnv({ PATH: `${path.dirname(process.execPath)}${path.delimiter}/usr/bin:/bin` }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^floe-helm: error: the kwok cluster needs \S+, which floe-helm does not install: put it on PATH, or pass --tools-dir/,
    );
  });
});
