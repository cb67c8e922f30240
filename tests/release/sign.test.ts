import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/cluster/loopback.js";
import { runTool } from "../../src/exec/runner.js";
import { cli } from "../helpers/cli.js";
import { cosignCheck } from "../helpers/cosign.js";
import { startRegistry, type TestRegistry } from "../helpers/registry.js";
import { chartsWorkspace, releaseResults } from "../helpers/release.js";
import { tempDir } from "../helpers/tmp.js";
import { helm, tool, toolsDir } from "../helpers/tools.js";

let registry: TestRegistry;
let port: number;
let closed: number;
const tmp = tempDir("floe-sign-");
const keys = path.join(tmp, "keys");
const env = () => ({
  PATH: process.env.PATH,
  HOME: path.join(tmp, "home"),
  HELM_CONFIG_HOME: path.join(tmp, "helm", "config"),
  HELM_CACHE_HOME: path.join(tmp, "helm", "cache"),
  HELM_DATA_HOME: path.join(tmp, "helm", "data"),
  // cosign's Sigstore trust (TUF) cache: must stay empty, nothing fetched.
  TUF_ROOT: path.join(tmp, "tuf"),
  HTTPS_PROXY: `http://127.0.0.1:${closed}`,
  HTTP_PROXY: `http://127.0.0.1:${closed}`,
  NO_PROXY: "127.0.0.1,localhost",
  COSIGN_PASSWORD: "test-password",
});

beforeAll(async () => {
  registry = await startRegistry();
  port = registry.port;
  closed = await freePort();
  mkdirSync(keys);
  for (const [prefix, password] of [
    ["cosign", "test-password"],
    ["other", "other-password"],
  ] as const) {
    const g = await runTool([tool("cosign"), "generate-key-pair", "--output-key-prefix", prefix], {
      cwd: keys,
      env: { ...env(), COSIGN_PASSWORD: password },
    });
    expect(g.code, g.stderr).toBe(0);
  }
}, 120_000);

afterAll(() => {
  registry?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const workspace = (name: string) => chartsWorkspace(tmp, name);
const results = releaseResults;
const release = (ws: string, repo: string, extraEnv: Record<string, string> = {}, ...extra: string[]) =>
  cli(
    [
      "release",
      "--registry",
      `oci://127.0.0.1:${port}/${repo}`,
      "--plain-http",
      "--helm",
      "4",
      "--tools-dir",
      toolsDir,
      "--work-dir",
      "work",
      "--chart",
      "charts/floe-jobs",
      "--chart",
      "charts/floe-platform",
      "--sign",
      "--sign-offline",
      ...extra,
    ],
    { cwd: ws, env: { ...env(), COSIGN_KEY: path.join(keys, "cosign.key"), ...extraEnv } },
  );
/** floe-jobs pushed by a release without --sign (what an earlier run, or floe-helm before signing, left). */
const pushUnsigned = (ws: string, repo: string) =>
  cli(
    [
      "release",
      "--registry",
      `oci://127.0.0.1:${port}/${repo}`,
      "--plain-http",
      "--tools-dir",
      toolsDir,
      "--work-dir",
      "work",
      "--chart",
      "charts/floe-jobs",
    ],
    { cwd: ws, env: env() },
  );
/** cosign verify / verify-attestation as a user would (tests/helpers/cosign.ts). */
const verify = (target: string, publicKey: string) =>
  cosignCheck("verify", target, { publicKey, scratch: tmp, env: env() });
const verifyProvenance = (target: string, publicKey: string) =>
  cosignCheck("verify-attestation", target, { publicKey, scratch: tmp, env: env() });
/** The workspace as a git repository with one commit (provenance records it). */
async function commitAll(ws: string): Promise<string> {
  const git = (...a: string[]) =>
    runTool(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", ...a], {
      cwd: ws,
      env: env(),
    });
  await git("init", "-q");
  await git("add", "charts");
  await git("commit", "-qm", "charts");
  return (await git("rev-parse", "HEAD")).stdout.trim();
}
/** The digest of a tag's manifest in the registry (the signature's `.sig` tag changes when re-signed). */
async function manifestDigest(ref: string): Promise<string | null> {
  const [repo, tag] = ref.replace(`127.0.0.1:${port}/`, "").split(":") as [string, string];
  const r = await fetch(`http://127.0.0.1:${port}/v2/${repo}/manifests/${tag}`, {
    headers: { accept: "application/vnd.oci.image.manifest.v1+json" },
  });
  return r.ok ? r.headers.get("docker-content-digest") : null;
}

describe("cosign signing (key pair, offline)", () => {
  it("signs and verifies each pushed chart's digest; the key's signature verifies, another key's does not; a re-run signs nothing again", async () => {
    const ws = workspace("sign");
    const commit = await commitAll(ws);
    const first = await release(ws, "floe/signed");
    expect(first.code, `${first.out}\n${first.err}`).toBe(0);
    const r1 = results(ws);
    expect(r1.checks.map((c: { state: string }) => c.state)).toEqual(["pass", "pass"]);
    const published = (r1.outputs.published as string).split("\n");
    const signatures = (r1.outputs.signatures as string).split("\n");
    expect(signatures).toHaveLength(2);
    const sigDigests: string[] = [];
    const attDigests: string[] = [];
    for (const [i, line] of signatures.entries()) {
      const [target, signature] = line.split(" ") as [string, string];
      // The digest pushed is the digest signed.
      const digest = published[i]!.split("@")[1]!;
      expect(target).toMatch(new RegExp(`^127\\.0\\.0\\.1:${port}/floe/signed/floe-[a-z]+@${digest}$`));
      expect(signature).toBe(`${target.split("@")[0]}:${digest.replace(":", "-")}.sig`);
      const ok = await verify(target, path.join(keys, "cosign.pub"));
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stderr).toContain("The signatures were verified against the specified public key");
      const wrong = await verify(target, path.join(keys, "other.pub"));
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr).toContain("no matching signatures");
      const d = await manifestDigest(signature);
      expect(d).toMatch(/^sha256:/);
      sigDigests.push(d!);
      // SLSA provenance, signed with the same key, about this very digest: the chart folder at the commit.
      const attestation = (r1.outputs.attestations as string).split("\n")[i]!;
      expect(attestation).toBe(`${target} ${target.split("@")[0]}:${digest.replace(":", "-")}.att`);
      const prov = await verifyProvenance(target, path.join(keys, "cosign.pub"));
      expect(prov.code, prov.stderr).toBe(0);
      expect(prov.statements).toHaveLength(1);
      const [st] = prov.statements;
      expect(st.predicateType).toBe("https://slsa.dev/provenance/v1");
      expect(st.subject[0].digest.sha256).toBe(digest.replace("sha256:", ""));
      const name = target.split("@")[0]!.split("/").pop()!;
      expect(st.predicate.buildDefinition.externalParameters.chart).toMatchObject({
        name,
        path: `charts/${name}`,
      });
      expect(st.predicate.buildDefinition.resolvedDependencies).toEqual([
        { uri: "git+file:.", digest: { gitCommit: commit } },
      ]);
      expect((await verifyProvenance(target, path.join(keys, "other.pub"))).code).not.toBe(0);
      attDigests.push((await manifestDigest(attestation.split(" ")[1]!))!);
    }
    expect(first.err).toContain("release: signed and verified 127.0.0.1:");
    expect(first.err).toContain(", with its provenance (127.0.0.1:");

    // Re-run: every version is published, so nothing is pushed or signed: the .sig manifests are unchanged
    // (signing again would add a signature layer to them).
    const again = await release(ws, "floe/signed");
    expect(again.code, again.err).toBe(0);
    expect(results(ws).checks.map((c: { state: string }) => c.state)).toEqual(["skip", "skip"]);
    expect(results(ws).outputs.signatures).toBe("");
    expect(results(ws).outputs.attestations).toBe("");
    expect(results(ws).checks[0].reason).toMatch(
      /floe-jobs:\S+ is already published, signed and attested \(bump version/,
    );
    for (const [i, line] of signatures.entries())
      expect(await manifestDigest(line.split(" ")[1]!)).toBe(sigDigests[i]);
    for (const [i, line] of (r1.outputs.attestations as string).split("\n").entries())
      expect(await manifestDigest(line.split(" ")[1]!)).toBe(attDigests[i]);

    // Offline throughout: no Sigstore trust data fetched, no proxy (internet) connection tried.
    expect(existsSync(path.join(tmp, "tuf"))).toBe(false);
    expect(`${first.out}${first.err}${again.out}${again.err}`).not.toMatch(/tuf|proxyconnect|rekor/i);
  });

  it("a version an earlier run pushed but did not sign: signed now (its digest, verified); after that a re-run leaves it alone", async () => {
    const ws = workspace("repair");
    const unsigned = await pushUnsigned(ws, "floe/repair");
    expect(unsigned.code, unsigned.err).toBe(0);
    const ref = results(ws).outputs.published as string;
    const target = `127.0.0.1:${port}/floe/repair/floe-jobs@${ref.split("@")[1]}`;
    expect((await verify(target, path.join(keys, "cosign.pub"))).code).not.toBe(0);

    const r = await release(ws, "floe/repair");
    expect(r.code, r.err).toBe(0);
    // floe-jobs signed now (it was published), floe-platform pushed and signed.
    expect(results(ws).checks.map((c: { state: string }) => c.state)).toEqual(["pass", "pass"]);
    expect(r.err).toContain("was published without a signature or provenance: signed, attested and verified");
    expect(results(ws).outputs.signatures).toContain(`${target} `);
    expect(results(ws).outputs.attestations).toContain(`${target} `);
    expect((await verify(target, path.join(keys, "cosign.pub"))).code).toBe(0);
    expect((await verifyProvenance(target, path.join(keys, "cosign.pub"))).code).toBe(0);
    const sig = await manifestDigest(
      `127.0.0.1:${port}/floe/repair/floe-jobs:${ref.split("@")[1]!.replace(":", "-")}.sig`,
    );

    const again = await release(ws, "floe/repair");
    expect(again.code, again.err).toBe(0);
    expect(results(ws).checks.map((c: { state: string }) => c.state)).toEqual(["skip", "skip"]);
    expect(
      await manifestDigest(
        `127.0.0.1:${port}/floe/repair/floe-jobs:${ref.split("@")[1]!.replace(":", "-")}.sig`,
      ),
    ).toBe(sig);
  });

  it("a version signed (by cosign directly) but without provenance: attested now, its signature left as it was", async () => {
    const ws = workspace("attest-only");
    const pushed = await pushUnsigned(ws, "floe/attest");
    expect(pushed.code, pushed.err).toBe(0);
    const digest = (results(ws).outputs.published as string).split("@")[1]!;
    const target = `127.0.0.1:${port}/floe/attest/floe-jobs@${digest}`;
    const signed = await runTool(
      [
        tool("cosign"),
        "sign",
        "--yes",
        "--key",
        path.join(keys, "cosign.key"),
        "--tlog-upload=false",
        "--allow-insecure-registry",
        "--allow-http-registry",
        target,
      ],
      { env: env() },
    );
    expect(signed.code, signed.stderr).toBe(0);
    const sigRef = `127.0.0.1:${port}/floe/attest/floe-jobs:${digest.replace(":", "-")}.sig`;
    const sig = await manifestDigest(sigRef);
    expect((await verifyProvenance(target, path.join(keys, "cosign.pub"))).code).not.toBe(0);

    const r = await release(ws, "floe/attest");
    expect(r.code, r.err).toBe(0);
    expect((await verifyProvenance(target, path.join(keys, "cosign.pub"))).code).toBe(0);
    // Not signed again: the signature manifest is the one cosign wrote above.
    expect(await manifestDigest(sigRef)).toBe(sig);
    expect(results(ws).outputs.attestations).toContain(`${target} `);
  });

  it("a wrong COSIGN_PASSWORD: one error before anything is pushed, exit 2", async () => {
    const ws = workspace("bad-password");
    const r = await release(ws, "floe/unsigned", { COSIGN_PASSWORD: "wrong" });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^floe-helm: error: --sign-key \S+cosign\.key: cosign cannot read the private key \(is COSIGN_PASSWORD its password\?\): .+/m,
    );
    expect(r.err).not.toMatch(/\n\s+at /);
    const shown = await runTool(
      [
        helm(4),
        "show",
        "chart",
        `oci://127.0.0.1:${port}/floe/unsigned/floe-jobs`,
        "--version",
        "0.2.0",
        "--plain-http",
      ],
      { env: env() },
    );
    expect(shown.code).not.toBe(0);
  });
});

describe("bad input", () => {
  it.each([
    [
      ["--index-dir", ".", "--sign"],
      {},
      "--sign: signs charts pushed to an OCI registry; give --registry too",
    ],
    [
      ["--registry", "oci://127.0.0.1:1/x", "--sign", "--sign-offline"],
      {},
      "--sign-offline: needs --sign-key",
    ],
    [["--registry", "oci://127.0.0.1:1/x", "--sign-key", "k"], {}, "need --sign"],
    [["--registry", "oci://127.0.0.1:1/x", "--sign-offline"], {}, "need --sign"],
  ])("%j: %s, exit 2", async (args, extraEnv, message) => {
    const ws = workspace(`bad-${args.join("").replace(/[^a-z0-9]/gi, "_")}`);
    const r = await cli(["release", "--tools-dir", toolsDir, "--work-dir", "work", ...args], {
      cwd: ws,
      env: { ...env(), ...extraEnv },
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
