import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  attestationRef,
  cosignAttestArgv,
  cosignError,
  cosignSignArgv,
  cosignTarget,
  cosignTriangulateArgv,
  cosignVerifyArgv,
  cosignVerifyAttestationArgv,
  helmPackageArgv,
  helmPushArgv,
  helmRegistryLoginArgv,
  helmRepoIndexArgv,
  helmShowPublishedArgv,
  isNotFound,
  ociTag,
  parseRegistry,
  pushedDigest,
  signatureRef,
  triangulatedDigest,
} from "../../src/release/argv.js";
import { chartIdentity } from "../../src/release/run.js";
import { tempDir } from "../helpers/tmp.js";

const ghcr = { registry: "oci://ghcr.io/floe/charts", plainHttp: false };
const local = { registry: "oci://127.0.0.1:5000/charts", plainHttp: true };

test.each([
  [
    "show, a public registry",
    helmShowPublishedArgv("helm", ghcr, "floe-platform", "1.2.3"),
    ["helm", "show", "chart", "oci://ghcr.io/floe/charts/floe-platform", "--version", "1.2.3"],
  ],
  [
    "show, a local plain-HTTP registry",
    helmShowPublishedArgv("helm", local, "floe-jobs", "0.1.0"),
    ["helm", "show", "chart", "oci://127.0.0.1:5000/charts/floe-jobs", "--version", "0.1.0", "--plain-http"],
  ],
  [
    "package",
    helmPackageArgv("helm", "charts/a", "/w/p", false),
    ["helm", "package", "charts/a", "--destination", "/w/p"],
  ],
  [
    "package, a chart with dependencies",
    helmPackageArgv("helm", "charts/a", "/w/p", true),
    ["helm", "package", "charts/a", "--destination", "/w/p", "--dependency-update"],
  ],
  [
    "push",
    helmPushArgv("helm", ghcr, "/w/p/a-1.0.0.tgz"),
    ["helm", "push", "/w/p/a-1.0.0.tgz", "oci://ghcr.io/floe/charts"],
  ],
  [
    "push, plain HTTP",
    helmPushArgv("helm", local, "/w/p/a-1.0.0.tgz"),
    ["helm", "push", "/w/p/a-1.0.0.tgz", "oci://127.0.0.1:5000/charts", "--plain-http"],
  ],
  [
    "login: the password is read from stdin, never on the command line",
    helmRegistryLoginArgv("helm", ghcr, "octocat"),
    ["helm", "registry", "login", "ghcr.io", "--username", "octocat", "--password-stdin"],
  ],
  [
    "login, a local plain-HTTP registry with a port",
    helmRegistryLoginArgv("helm", local, "u"),
    ["helm", "registry", "login", "127.0.0.1:5000", "--username", "u", "--password-stdin", "--plain-http"],
  ],
  [
    "repo index, with the URL the folder is served at",
    helmRepoIndexArgv("helm", "/w/p/.index-a", "https://floe.github.io/charts"),
    ["helm", "repo", "index", "/w/p/.index-a", "--url", "https://floe.github.io/charts"],
  ],
  [
    "repo index, relative urls",
    helmRepoIndexArgv("helm", "/w/p/.index-a", undefined),
    ["helm", "repo", "index", "/w/p/.index-a"],
  ],
  [
    "cosign sign with a key, offline, a plain-HTTP registry",
    cosignSignArgv("cosign", "127.0.0.1:5000/c/a@sha256:ab", {
      key: "k.key",
      offline: true,
      plainHttp: true,
    }),
    [
      "cosign",
      "sign",
      "--yes",
      "--key",
      "k.key",
      "--tlog-upload=false",
      "--allow-insecure-registry",
      "--allow-http-registry",
      "127.0.0.1:5000/c/a@sha256:ab",
    ],
  ],
  [
    "cosign sign keyless (GitHub OIDC, Fulcio, Rekor)",
    cosignSignArgv("cosign", "ghcr.io/floe/charts/a@sha256:ab", { offline: false, plainHttp: false }),
    ["cosign", "sign", "--yes", "ghcr.io/floe/charts/a@sha256:ab"],
  ],
  [
    "cosign verify with the public key, offline",
    cosignVerifyArgv("cosign", "h/a@sha256:ab", {
      publicKey: "k.pub",
      identityRegexp: "^x",
      issuer: "i",
      offlineTrustedRoot: "root.json",
      plainHttp: false,
    }),
    [
      "cosign",
      "verify",
      "--key",
      "k.pub",
      "--insecure-ignore-tlog=true",
      "--trusted-root",
      "root.json",
      "h/a@sha256:ab",
    ],
  ],
  [
    "cosign verify keyless: the certificate's identity and issuer",
    cosignVerifyArgv("cosign", "h/a@sha256:ab", {
      identityRegexp: "^https://github\\.com/",
      issuer: "https://token.actions.githubusercontent.com",
      plainHttp: false,
    }),
    [
      "cosign",
      "verify",
      "--certificate-identity-regexp",
      "^https://github\\.com/",
      "--certificate-oidc-issuer",
      "https://token.actions.githubusercontent.com",
      "h/a@sha256:ab",
    ],
  ],
  [
    "cosign verify keyless on Actions: also the repository the signing workflow ran for",
    cosignVerifyArgv("cosign", "h/a@sha256:ab", {
      identityRegexp: "^https://github\\.com/floe/helm-action/",
      issuer: "https://token.actions.githubusercontent.com",
      githubRepository: "acme/platform",
      plainHttp: false,
    }),
    [
      "cosign",
      "verify",
      "--certificate-identity-regexp",
      "^https://github\\.com/floe/helm-action/",
      "--certificate-oidc-issuer",
      "https://token.actions.githubusercontent.com",
      "--certificate-github-workflow-repository",
      "acme/platform",
      "h/a@sha256:ab",
    ],
  ],
  [
    "cosign attest with a key, offline, plain HTTP: SLSA provenance v1 from a predicate file",
    cosignAttestArgv("cosign", "h/a@sha256:ab", "p.json", { key: "k.key", offline: true, plainHttp: true }),
    [
      "cosign",
      "attest",
      "--yes",
      "--type",
      "slsaprovenance1",
      "--predicate",
      "p.json",
      "--key",
      "k.key",
      "--tlog-upload=false",
      "--allow-insecure-registry",
      "--allow-http-registry",
      "h/a@sha256:ab",
    ],
  ],
  [
    "cosign attest keyless",
    cosignAttestArgv("cosign", "h/a@sha256:ab", "p.json", { offline: false, plainHttp: false }),
    ["cosign", "attest", "--yes", "--type", "slsaprovenance1", "--predicate", "p.json", "h/a@sha256:ab"],
  ],
  [
    "cosign verify-attestation: the same trust as verify, for the provenance type",
    cosignVerifyAttestationArgv("cosign", "h/a@sha256:ab", {
      publicKey: "k.pub",
      identityRegexp: "^x",
      issuer: "i",
      plainHttp: true,
    }),
    [
      "cosign",
      "verify-attestation",
      "--type",
      "slsaprovenance1",
      "--key",
      "k.pub",
      "--allow-insecure-registry",
      "--allow-http-registry",
      "h/a@sha256:ab",
    ],
  ],
])("%s", (_, argv, expected) => {
  expect(argv).toEqual(expected);
});

describe("--registry", () => {
  test.each([
    ["oci://ghcr.io/floe/charts", { registry: "oci://ghcr.io/floe/charts" }],
    ["oci://ghcr.io/floe/charts/", { registry: "oci://ghcr.io/floe/charts" }],
    ["oci://localhost:5000", { registry: "oci://localhost:5000" }],
  ])("%s is accepted", (value, expected) => {
    expect(parseRegistry(value)).toEqual(expected);
  });
  test.each([
    ["https://ghcr.io/floe/charts", "expected oci://HOST[/PATH]"],
    ["ghcr.io/floe/charts", "expected oci://HOST[/PATH]"],
    ["oci://", "expected oci://HOST[/PATH]"],
    ["oci://ghcr.io/Floe/charts", "must be lower case"],
  ])("%s is refused: %s", (value, message) => {
    const r = parseRegistry(value);
    expect("error" in r && r.error).toContain(message);
  });
});

test.each([
  ["Error: oci://127.0.0.1:1/c/a:1.0.0: not found", true],
  ["Error: failed to do request: ... 404 Not Found", true],
  ["Error: GET https://ghcr.io/v2/x/manifests/1.0.0: MANIFEST_UNKNOWN: manifest unknown", true],
  [
    'Error: failed to do request: Head "http://127.0.0.1:1/v2/c/a/manifests/1.0.0": dial tcp 127.0.0.1:1: connect: connection refused',
    false,
  ],
  ["Error: unexpected status from HEAD request: 401 Unauthorized", false],
  ["Error: denied: permission_denied: write_package", false],
])("helm's '%s' means not published: %s", (stderr, expected) => {
  expect(isNotFound(stderr)).toBe(expected);
});

test("a version's registry tag: '+' becomes '_' (OCI tags cannot hold '+')", () => {
  expect(ociTag("1.2.3+build.7")).toBe("1.2.3_build.7");
  expect(ociTag("1.2.3-rc.1")).toBe("1.2.3-rc.1");
});

test("the attestation's tag sits beside the signature's: sha256-<hex>.att", () => {
  expect(attestationRef(`h:5000/c/a@sha256:${"b".repeat(64)}`)).toBe(
    `h:5000/c/a:sha256-${"b".repeat(64)}.att`,
  );
});

test("the digest helm push prints", () => {
  const out = `Pushed: 127.0.0.1:5000/c/a:1.0.0\nDigest: sha256:${"a".repeat(64)}\n`;
  expect(pushedDigest(out)).toBe(`sha256:${"a".repeat(64)}`);
  expect(pushedDigest("Error: nothing")).toBeUndefined();
});

describe("Chart.yaml's name and version (chartIdentity)", () => {
  const chart = (text: string) => {
    const dir = tempDir("floe-chart-id-");
    writeFileSync(path.join(dir, "Chart.yaml"), text);
    return dir;
  };
  test("a publishable chart", async () => {
    const dir = chart('apiVersion: v2\nname: floe-jobs\nversion: "1.2.3-rc.1"\ndependencies:\n  - name: x\n');
    expect(await chartIdentity(dir, dir)).toEqual({
      name: "floe-jobs",
      version: "1.2.3-rc.1",
      dependencies: true,
    });
  });
  test.each([
    [
      "apiVersion: v2\nname: Floe_Jobs\nversion: 1.0.0\n",
      "Chart.yaml:2:1",
      "name: expected a chart name of lower-case letters",
    ],
    [
      "apiVersion: v2\nname: a\nversion: v1\n",
      "Chart.yaml:3:1",
      'version: expected a SemVer 2 string such as "1.2.3"',
    ],
    ["apiVersion: v2\nname: a\n", "Chart.yaml:1:1", "got null"],
    ["apiVersion: v2\nname: [a\n", "Chart.yaml:3", ""],
  ])("%j: an error at %s", async (text, at, message) => {
    const dir = chart(text);
    const r = await chartIdentity(dir, dir);
    expect("findings" in r).toBe(true);
    const f = (r as { findings: Array<{ file?: string; line?: number; col?: number; message: string }> })
      .findings[0]!;
    expect(`${f.file}:${f.line}${f.col ? `:${f.col}` : ""}`).toContain(at);
    expect(f.message).toContain(message);
  });
  test("a folder without Chart.yaml", async () => {
    const dir = tempDir("floe-chart-id-");
    expect(await chartIdentity(dir, dir)).toEqual({
      findings: [
        { rule: "release", severity: "error", message: "no Chart.yaml: not a chart", file: "Chart.yaml" },
      ],
    });
  });
});

describe("cosign references", () => {
  test("the target is the repository by digest, oci:// dropped; the signature is its .sig tag", () => {
    const t = cosignTarget("oci://ghcr.io/floe/charts", "floe-jobs", "sha256:0123");
    expect(t).toBe("ghcr.io/floe/charts/floe-jobs@sha256:0123");
    expect(signatureRef(t)).toBe("ghcr.io/floe/charts/floe-jobs:sha256-0123.sig");
  });
  test("triangulate: the tag's signature location, whose name holds the digest", () => {
    expect(cosignTriangulateArgv("cosign", "127.0.0.1:5000/c/a:1.0.0", true)).toEqual([
      "cosign",
      "triangulate",
      "--allow-insecure-registry",
      "--allow-http-registry",
      "127.0.0.1:5000/c/a:1.0.0",
    ]);
    expect(triangulatedDigest(`ghcr.io/c/a:sha256-${"a".repeat(64)}.sig\n`)).toBe(`sha256:${"a".repeat(64)}`);
    expect(triangulatedDigest("ghcr.io/c/a:1.0.0")).toBeUndefined();
  });
  test("cosign's Error: line, not the warnings before it", () => {
    expect(cosignError("WARNING: x\nError: no matching signatures: bad\nmain.go:1: more")).toBe(
      "no matching signatures: bad",
    );
    expect(cosignError("just this\nand that")).toBe("just this");
  });
});
