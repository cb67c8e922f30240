import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { freePort } from "../../src/cluster/loopback.js";
import { runTool } from "../../src/exec/runner.js";
import { cli } from "../helpers/cli.js";
import { startRegistry, type TestRegistry } from "../helpers/registry.js";
import { chartsWorkspace, releaseResults } from "../helpers/release.js";
import { tempDir } from "../helpers/tmp.js";
import { helm, repoRoot, toolsDir } from "../helpers/tools.js";

let registry: TestRegistry;
let port: number;
const tmp = tempDir("floe-release-");
// helm keeps registry logins and caches under these: isolated from the user's.
const env = {
  PATH: process.env.PATH,
  HELM_CONFIG_HOME: path.join(tmp, "helm", "config"),
  HELM_CACHE_HOME: path.join(tmp, "helm", "cache"),
  HELM_DATA_HOME: path.join(tmp, "helm", "data"),
};

beforeAll(async () => {
  registry = await startRegistry();
  port = registry.port;
}, 120_000);

afterAll(() => {
  registry?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const workspace = (name: string) => chartsWorkspace(tmp, name);
const results = releaseResults;

describe.each([3, 4] as const)("helm %i", (major) => {
  const release = (ws: string, ...extra: string[]) =>
    cli(
      [
        "release",
        "--registry",
        `oci://127.0.0.1:${port}/floe/helm${major}`,
        "--plain-http",
        "--helm",
        String(major),
        "--tools-dir",
        toolsDir,
        "--work-dir",
        "work",
        ...extra,
      ],
      { cwd: ws, env },
    );
  const version = (chart: string) =>
    /^version:\s*(\S+)/m.exec(readFileSync(path.join(repoRoot, "charts", chart, "Chart.yaml"), "utf8"))![1]!;

  it("publishes every chart, then a re-run skips them (idempotent), and helm can read them back", async () => {
    const ws = workspace(`publish-${major}`);
    const first = await release(ws);
    expect(first.code, first.err).toBe(0);
    const r1 = results(ws);
    expect(r1.checks.map((c: { id: string; state: string }) => [c.id, c.state])).toEqual([
      [`release floe-common ${version("floe-common")}`, "pass"], // the library chart, first
      [`release floe-jobs ${version("floe-jobs")}`, "pass"],
      [`release floe-platform ${version("floe-platform")}`, "pass"],
    ]);
    const published = (r1.outputs.published as string).split("\n");
    expect(published).toHaveLength(3);
    expect(r1.outputs.versions).toBe(
      ["floe-common", "floe-jobs", "floe-platform"].map((c) => `${c} ${version(c)}`).join("\n"),
    );
    expect((r1.outputs.packages as string).split("\n")).toEqual([
      expect.stringMatching(/^floe-common-\S+\.tgz sha256:[0-9a-f]{64}$/),
      expect.stringMatching(/^floe-jobs-\S+\.tgz sha256:[0-9a-f]{64}$/),
      expect.stringMatching(/^floe-platform-\S+\.tgz sha256:[0-9a-f]{64}$/),
    ]);
    for (const p of published)
      expect(p).toMatch(/^oci:\/\/127\.0\.0\.1:\d+\/floe\/helm[34]\/floe-[a-z]+:[^@]+@sha256:[0-9a-f]{64}$/);
    expect(first.err).toContain("release: published oci://");
    // The vendored library (charts/floe-common-*.tgz, pinned by Chart.lock) is packaged as it is: the
    // release rewrites neither it nor Chart.lock in the checkout.
    for (const c of ["floe-jobs", "floe-platform"])
      for (const f of ["Chart.lock", `charts/floe-common-${version("floe-common")}.tgz`])
        expect(
          readFileSync(path.join(ws, "charts", c, f)).equals(
            readFileSync(path.join(repoRoot, "charts", c, f)),
          ),
          `${c}/${f}`,
        ).toBe(true);

    const shown = await runTool(
      [
        helm(major),
        "show",
        "chart",
        `oci://127.0.0.1:${port}/floe/helm${major}/floe-platform`,
        "--version",
        version("floe-platform"),
        "--plain-http",
      ],
      { env },
    );
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain("name: floe-platform");

    const again = await release(ws);
    expect(again.code, again.err).toBe(0);
    const r2 = results(ws);
    expect(r2.checks.map((c: { state: string }) => c.state)).toEqual(["skip", "skip", "skip"]);
    expect(r2.checks[1].reason).toContain(
      "is already published (bump version in Chart.yaml to publish a change)",
    );
    expect(r2.outputs.published).toBe("");
    expect(r2.outputs.versions).toBe("");

    // Now also to a gh-pages folder: the registry has every version, so only the index gets them, and the
    // package indexed is byte for byte the one pushed earlier (reproducible): its digest is the OCI layer's.
    mkdirSync(path.join(ws, "site"));
    const both = await release(ws, "--index-dir", "site");
    expect(both.code, both.err).toBe(0);
    const r3 = results(ws);
    expect(r3.checks.map((c: { state: string }) => c.state)).toEqual(["pass", "pass", "pass"]);
    expect(r3.outputs.published).toBe("");
    expect((r3.outputs.indexed as string).split("\n")).toHaveLength(3);
    const entry = (
      parse(readFileSync(path.join(ws, "site", "index.yaml"), "utf8")) as {
        entries: Record<string, { digest: string }[]>;
      }
    ).entries["floe-platform"]![0]!;
    const manifest = (await fetch(
      `http://127.0.0.1:${port}/v2/floe/helm${major}/floe-platform/manifests/${version("floe-platform")}`,
      { headers: { accept: "application/vnd.oci.image.manifest.v1+json" } },
    ).then((r) => r.json())) as { layers: { mediaType: string; digest: string }[] };
    const layer = manifest.layers.find(
      (l) => l.mediaType === "application/vnd.cncf.helm.chart.content.v1.tar+gzip",
    );
    expect(layer?.digest).toBe(`sha256:${entry.digest}`);
    const last = await release(ws, "--index-dir", "site");
    expect(results(ws).checks.map((c: { state: string }) => c.state)).toEqual(["skip", "skip", "skip"]);
    expect(results(ws).checks[2].reason).toMatch(
      /is already published and site\/index\.yaml already lists floe-platform \S+ \(bump version/,
    );
    expect(last.code).toBe(0);
  });

  it("logs in first with --username and FLOE_HELM_REGISTRY_PASSWORD (on helm's stdin; never printed)", async () => {
    const ws = workspace(`login-${major}`);
    const password = `s3cret-${major}`;
    const r = await cli(
      [
        "release",
        "--registry",
        `oci://127.0.0.1:${port}/floe/login${major}`,
        "--username",
        "octocat",
        "--plain-http",
        "--helm",
        String(major),
        "--tools-dir",
        toolsDir,
        "--work-dir",
        "work",
        "--dry-run",
      ],
      { cwd: ws, env: { ...env, FLOE_HELM_REGISTRY_PASSWORD: password } },
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`release: logged in to 127.0.0.1:${port} as octocat`);
    // helm stored the login it was given: user and password as sent on stdin.
    const auths = JSON.parse(
      readFileSync(path.join(env.HELM_CONFIG_HOME, "registry", "config.json"), "utf8"),
    ).auths;
    expect(Buffer.from(auths[`127.0.0.1:${port}`].auth, "base64").toString()).toBe(`octocat:${password}`);
    expect(
      `${r.out}\n${r.err}\n${readFileSync(path.join(ws, "work", "release.results.json"), "utf8")}`,
    ).not.toContain(password);
  });

  it("a registry that cannot be reached for the login: one line naming it, exit 3 (a tool failed, not the input)", async () => {
    const ws = workspace(`login-down-${major}`);
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const r = await cli(
      [
        "release",
        "--registry",
        "oci://127.0.0.1:1/floe",
        "--username",
        "octocat",
        "--plain-http",
        "--helm",
        String(major),
        "--tools-dir",
        toolsDir,
        "--work-dir",
        "work",
        "--dry-run",
      ],
      { cwd: ws, env: { ...env, FLOE_HELM_REGISTRY_PASSWORD: "x" } },
    );
    expect(r.code, r.err).toBe(3);
    expect(
      r.err
        .trim()
        .split("\n")
        .filter((l) => l.startsWith("floe-helm: error:")),
    ).toEqual([
      expect.stringMatching(/^floe-helm: error: helm registry login 127\.0\.0\.1:1 as octocat failed: .+/),
    ]);
  });

  it("--dry-run packages a new version but pushes nothing", async () => {
    const ws = workspace(`dry-${major}`);
    const chartYaml = path.join(ws, "charts", "floe-jobs", "Chart.yaml");
    writeFileSync(chartYaml, readFileSync(chartYaml, "utf8").replace(/^version:.*$/m, "version: 9.9.9-dry"));
    const r = await release(ws, "--dry-run", "--chart", "charts/floe-jobs");
    expect(r.code, r.err).toBe(0);
    const checks = results(ws).checks;
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ id: "release floe-jobs 9.9.9-dry", state: "skip" });
    expect(checks[0].reason).toMatch(
      /^dry run: floe-jobs-9\.9\.9-dry\.tgz packaged \(sha256:[0-9a-f]{64}\), not pushed$/,
    );
    const packages = results(ws).outputs.packages as string;
    expect(packages).toMatch(/^floe-jobs-9\.9\.9-dry\.tgz sha256:[0-9a-f]{64}$/);
    // Reproducible: packaged again after a second and a touched file, the same digest.
    await new Promise((r) => setTimeout(r, 1100));
    utimesSync(path.join(ws, "charts", "floe-jobs", "values.yaml"), new Date(), new Date());
    const again = await release(ws, "--dry-run", "--chart", "charts/floe-jobs");
    expect(again.code, again.err).toBe(0);
    expect(results(ws).outputs.packages).toBe(packages);
    const shown = await runTool(
      [
        helm(major),
        "show",
        "chart",
        `oci://127.0.0.1:${port}/floe/helm${major}/floe-jobs`,
        "--version",
        "9.9.9-dry",
        "--plain-http",
      ],
      { env },
    );
    expect(shown.code).not.toBe(0);
  });

  it("a Chart.yaml without a SemVer version: an error at its line, that chart is not pushed, the others are", async () => {
    const ws = workspace(`bad-version-${major}`);
    const chartYaml = path.join(ws, "charts", "floe-jobs", "Chart.yaml");
    const text = readFileSync(chartYaml, "utf8");
    writeFileSync(chartYaml, text.replace(/^version:.*$/m, "version: 1.0"));
    const line = text.split("\n").findIndex((l) => l.startsWith("version:")) + 1;
    const r = await release(ws, "--registry", `oci://127.0.0.1:${port}/floe/bad${major}`);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `charts/floe-jobs/Chart.yaml:${line}:1: error release: version: expected a SemVer 2 string such as "1.2.3" (helm package and the registry tag need one), got the number 1`,
    );
    expect(results(ws).checks.map((c: { state: string }) => c.state)).toEqual(["pass", "fail", "pass"]);
  });

  it("a registry that cannot be asked: an error per chart and nothing pushed", async () => {
    const ws = workspace(`unreachable-${major}`);
    const closed = await freePort(); // nothing listens there
    const r = await release(ws, "--registry", `oci://127.0.0.1:${closed}/floe`);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /charts\/floe-jobs\/Chart\.yaml:1: error release: cannot tell whether floe-jobs \S+ is in oci:\/\/127\.0\.0\.1:\d+\/floe \(nothing pushed\): .*connection refused/,
    );
    expect(results(ws).checks.map((c: { state: string }) => c.state)).toEqual(["fail", "fail", "fail"]);
  });
});

describe("bad input", () => {
  it.each([
    [[], "--registry is required (or FLOE_HELM_REGISTRY)"],
    [["--registry", "https://ghcr.io/floe"], "--registry: expected oci://HOST[/PATH]"],
    [["--registry", "oci://ghcr.io/floe", "--charts-dir", "nowhere"], "--charts-dir:"],
    [
      ["--registry", "oci://ghcr.io/floe", "--charts-dir", "."],
      "no chart to publish: no folder with a Chart.yaml under .",
    ],
    [
      ["--registry", "oci://ghcr.io/floe", "--username", "u"],
      "--username u: set FLOE_HELM_REGISTRY_PASSWORD",
    ],
  ])("%j: %s, exit 2", async (args, message) => {
    const ws = mkdtempSync(path.join(tmp, "empty-"));
    const r = await cli(["release", "--tools-dir", toolsDir, "--work-dir", "work", ...args], {
      cwd: ws,
      env,
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
  it("a password without a user to log in as, exit 2", async () => {
    const ws = mkdtempSync(path.join(tmp, "empty-"));
    const r = await cli(["release", "--registry", "oci://ghcr.io/floe", "--work-dir", "work"], {
      cwd: ws,
      env: { ...env, FLOE_HELM_REGISTRY_PASSWORD: "x" },
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "FLOE_HELM_REGISTRY_PASSWORD is set but no --username (FLOE_HELM_REGISTRY_USERNAME)",
    );
  });
  it("the registry and charts folder from the environment (FLOE_HELM_REGISTRY, FLOE_HELM_CHARTS_DIR)", async () => {
    const ws = mkdtempSync(path.join(tmp, "env-"));
    const r = await cli(["release", "--tools-dir", toolsDir, "--work-dir", "work"], {
      cwd: ws,
      env: { ...env, FLOE_HELM_REGISTRY: "oci://ghcr.io/floe", FLOE_HELM_CHARTS_DIR: "elsewhere" },
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain("--charts-dir:");
    expect(r.err).toContain("elsewhere does not exist");
  });
});
