// Pure argv builders for `floe-helm release`: one helm call each, table-tested (tests/release/argv.test.ts).

export interface RegistryRef {
  /** `oci://host[:port]/path`, without a trailing slash. */
  registry: string;
  /** Talk plain HTTP to the registry (a local test registry; never ghcr.io). */
  plainHttp: boolean;
}

const plain = (r: RegistryRef) => (r.plainHttp ? ["--plain-http"] : []);

/** Is `<registry>/<name>` at `version` already there? Exit 0 and Chart.yaml on stdout when it is. */
export function helmShowPublishedArgv(bin: string, r: RegistryRef, name: string, version: string): string[] {
  return [bin, "show", "chart", `${r.registry}/${name}`, "--version", version, ...plain(r)];
}

/** Packages a chart folder into `destination`; `--dependency-update` when Chart.yaml lists dependencies. */
export function helmPackageArgv(
  bin: string,
  chartDir: string,
  destination: string,
  dependencies: boolean,
): string[] {
  return [
    bin,
    "package",
    chartDir,
    "--destination",
    destination,
    ...(dependencies ? ["--dependency-update"] : []),
  ];
}

/** `helm registry login`: the password goes on stdin, never on the command line (process lists, logs). */
export function helmRegistryLoginArgv(bin: string, r: RegistryRef, username: string): string[] {
  return [
    bin,
    "registry",
    "login",
    registryHost(r.registry),
    "--username",
    username,
    "--password-stdin",
    ...plain(r),
  ];
}

/** `oci://host[:port]/path` -> `host[:port]`. */
export const registryHost = (registry: string): string => registry.replace(/^oci:\/\//, "").split("/")[0]!;

export function helmPushArgv(bin: string, r: RegistryRef, packageFile: string): string[] {
  return [bin, "push", packageFile, r.registry, ...plain(r)];
}

/** `oci://host/path` with no trailing slash, or a usage error message. */
export function parseRegistry(value: string): { registry: string } | { error: string } {
  const v = value.trim().replace(/\/+$/, "");
  const m = /^oci:\/\/([^/\s]+)(\/[^\s]*)?$/.exec(v);
  if (!m)
    return {
      error: `--registry: expected oci://HOST[/PATH] (e.g. oci://ghcr.io/floe/charts), got '${value}'`,
    };
  if (/[A-Z]/.test(m[2] ?? ""))
    return { error: `--registry: an OCI repository path must be lower case, got '${value}'` };
  return { registry: v };
}

/** Whether helm's error for `show chart` means "no such chart or version" (rather than "could not ask"). */
export function isNotFound(stderr: string): boolean {
  return /not found|manifest unknown|name unknown|\b404\b/i.test(stderr);
}

/** The tag helm gives a version in a registry: OCI tags cannot hold `+`, helm writes `_`. */
export const ociTag = (version: string): string => version.replace(/\+/g, "_");

/** `Digest: sha256:...` from helm push's output. */
export function pushedDigest(output: string): string | undefined {
  return /Digest:\s*(sha256:[0-9a-f]{64})/.exec(output)?.[1];
}

/** Indexes the packages in `dir` (a folder holding only the new one): `urls` under `url`, relative without. */
export function helmRepoIndexArgv(bin: string, dir: string, url: string | undefined): string[] {
  return [bin, "repo", "index", dir, ...(url ? ["--url", url] : [])];
}

// cosign (signing pushed charts). Each chart is signed by digest, never by tag: a tag can move.
export { DEFAULT_IDENTITY_REGEXP, GITHUB_OIDC_ISSUER } from "./identity.js";

export interface CosignOptions {
  /** A private key (file or KMS URI; its password in COSIGN_PASSWORD); keyless (OIDC, Fulcio) without. */
  key?: string;
  /** Key signing with no transparency log, and verification that fetches nothing (tests; air-gapped). */
  offline: boolean;
  plainHttp: boolean;
}

const insecure = (o: { plainHttp: boolean }) =>
  o.plainHttp ? ["--allow-insecure-registry", "--allow-http-registry"] : [];

/** `host/path/name@sha256:...`: what cosign signs (oci:// dropped, by digest). */
export const cosignTarget = (registry: string, name: string, digest: string): string =>
  `${registry.replace(/^oci:\/\//, "")}/${name}@${digest}`;

/** Where cosign stores the signature of `target`: the `sha256-<hex>.sig` tag beside it. */
export const signatureRef = (target: string): string => {
  const [repo, digest] = target.split("@") as [string, string];
  return `${repo}:${digest.replace(":", "-")}.sig`;
};

export function cosignSignArgv(bin: string, target: string, o: CosignOptions): string[] {
  return [
    bin,
    "sign",
    "--yes",
    ...(o.key ? ["--key", o.key] : []),
    ...(o.offline ? ["--tlog-upload=false"] : []),
    ...insecure(o),
    target,
  ];
}

export interface CosignVerifyOptions {
  /** The public key to verify with; keyless (certificate identity and issuer) without. */
  publicKey?: string;
  /** Keyless: a regular expression the signing certificate's identity must match, and its OIDC issuer. */
  identityRegexp: string;
  issuer: string;
  /** Keyless: the repository the signing workflow ran for (the certificate's GitHub repository claim). */
  githubRepository?: string;
  /** Offline: skip the transparency log and use this (empty) trusted root rather than fetching one. */
  offlineTrustedRoot?: string;
  plainHttp: boolean;
}

/** Who must have signed (key, or certificate identity, issuer and repository) and how to trust it. */
const verifyTrust = (o: CosignVerifyOptions): string[] => [
  ...(o.publicKey
    ? ["--key", o.publicKey]
    : [
        "--certificate-identity-regexp",
        o.identityRegexp,
        "--certificate-oidc-issuer",
        o.issuer,
        ...(o.githubRepository ? ["--certificate-github-workflow-repository", o.githubRepository] : []),
      ]),
  ...(o.offlineTrustedRoot ? ["--insecure-ignore-tlog=true", "--trusted-root", o.offlineTrustedRoot] : []),
  ...insecure(o),
];

export function cosignVerifyArgv(bin: string, target: string, o: CosignVerifyOptions): string[] {
  return [bin, "verify", ...verifyTrust(o), target];
}

/** The in-toto predicate type of SLSA provenance v1, and cosign's name for it. */
export const SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
const COSIGN_SLSA_TYPE = "slsaprovenance1";

/** Attaches `predicateFile` (SLSA provenance v1) to `target` as a signed in-toto attestation. */
export function cosignAttestArgv(
  bin: string,
  target: string,
  predicateFile: string,
  o: CosignOptions,
): string[] {
  return [
    bin,
    "attest",
    "--yes",
    "--type",
    COSIGN_SLSA_TYPE,
    "--predicate",
    predicateFile,
    ...(o.key ? ["--key", o.key] : []),
    ...(o.offline ? ["--tlog-upload=false"] : []),
    ...insecure(o),
    target,
  ];
}

/** Verifies `target`'s SLSA provenance attestation; prints the verified envelopes, one JSON a line. */
export function cosignVerifyAttestationArgv(bin: string, target: string, o: CosignVerifyOptions): string[] {
  return [bin, "verify-attestation", "--type", COSIGN_SLSA_TYPE, ...verifyTrust(o), target];
}

/** Where cosign stores the attestations of `target`: the `sha256-<hex>.att` tag beside it. */
export const attestationRef = (target: string): string => signatureRef(target).replace(/\.sig$/, ".att");

/**
 * Whether verify-attestation's output holds a provenance statement about `digest` itself: cosign checks
 * signature and type; the subject is checked here, so an attestation copied from another artifact fails.
 */
export function attestationCovers(output: string, digest: string): boolean {
  const hex = digest.replace(/^sha256:/, "");
  return output
    .split("\n")
    .filter((l) => l.trim().startsWith("{"))
    .some((l) => {
      try {
        const env = JSON.parse(l) as { payload?: string };
        const st = JSON.parse(Buffer.from(env.payload ?? "", "base64").toString("utf8")) as {
          predicateType?: string;
          subject?: { digest?: { sha256?: string } }[];
        };
        return (
          st.predicateType === SLSA_PROVENANCE_V1 && (st.subject ?? []).some((s) => s.digest?.sha256 === hex)
        );
      } catch {
        return false;
      }
    });
}

/** The public half of `key` into `outfile` (reads COSIGN_PASSWORD): checks key and password before any push. */
export function cosignPublicKeyArgv(bin: string, key: string, outfile: string): string[] {
  return [bin, "public-key", "--key", key, "--outfile", outfile];
}

/** cosign's own error line (it prints warnings first), else its first line. */
export function cosignError(output: string): string {
  const lines = output.trim().split("\n");
  return (lines.find((l) => l.startsWith("Error:")) ?? lines[0] ?? "").replace(/^Error:\s*/, "");
}

/** Where the signature of `tagRef` (host/path/name:tag) would be: cosign resolves the tag to its digest. */
export function cosignTriangulateArgv(bin: string, tagRef: string, plainHttp: boolean): string[] {
  return [bin, "triangulate", ...insecure({ plainHttp }), tagRef];
}

/** The digest in triangulate's answer `host/path/name:sha256-<hex>.sig`. */
export function triangulatedDigest(output: string): string | undefined {
  const m = /:sha256-([0-9a-f]{64})\.sig\s*$/.exec(output.trim());
  return m ? `sha256:${m[1]}` : undefined;
}
