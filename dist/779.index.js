export const id = 779;
export const ids = [779];
export const modules = {

/***/ 6779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cn: () => (/* binding */ attestationRef),
/* harmony export */   Hd: () => (/* binding */ helmRegistryLoginArgv),
/* harmony export */   M9: () => (/* binding */ cosignPublicKeyArgv),
/* harmony export */   Mn: () => (/* binding */ pushedDigest),
/* harmony export */   NC: () => (/* binding */ attestationCovers),
/* harmony export */   PR: () => (/* binding */ cosignVerifyAttestationArgv),
/* harmony export */   Pc: () => (/* binding */ triangulatedDigest),
/* harmony export */   QB: () => (/* binding */ helmShowPublishedArgv),
/* harmony export */   TL: () => (/* binding */ helmRepoIndexArgv),
/* harmony export */   U$: () => (/* binding */ registryHost),
/* harmony export */   Xf: () => (/* binding */ cosignAttestArgv),
/* harmony export */   bE: () => (/* binding */ helmPushArgv),
/* harmony export */   bV: () => (/* binding */ helmPackageArgv),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   nz: () => (/* binding */ cosignSignArgv),
/* harmony export */   o1: () => (/* binding */ cosignError),
/* harmony export */   oO: () => (/* binding */ cosignTriangulateArgv),
/* harmony export */   parseRegistry: () => (/* binding */ parseRegistry),
/* harmony export */   ph: () => (/* binding */ cosignTarget),
/* harmony export */   uR: () => (/* binding */ ociTag),
/* harmony export */   wm: () => (/* binding */ signatureRef),
/* harmony export */   zf: () => (/* binding */ cosignVerifyArgv)
/* harmony export */ });
/* unused harmony export SLSA_PROVENANCE_V1 */
// Pure argv builders for `floe-helm release`: one helm call each, table-tested (tests/release/argv.test.ts).
const plain = (r) => (r.plainHttp ? ["--plain-http"] : []);
/** Is `<registry>/<name>` at `version` already there? Exit 0 and Chart.yaml on stdout when it is. */
function helmShowPublishedArgv(bin, r, name, version) {
    return [bin, "show", "chart", `${r.registry}/${name}`, "--version", version, ...plain(r)];
}
/** Packages a chart folder into `destination`; `--dependency-update` when Chart.yaml lists dependencies. */
function helmPackageArgv(bin, chartDir, destination, dependencies) {
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
function helmRegistryLoginArgv(bin, r, username) {
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
const registryHost = (registry) => registry.replace(/^oci:\/\//, "").split("/")[0];
function helmPushArgv(bin, r, packageFile) {
    return [bin, "push", packageFile, r.registry, ...plain(r)];
}
/** `oci://host/path` with no trailing slash, or a usage error message. */
function parseRegistry(value) {
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
function isNotFound(stderr) {
    return /not found|manifest unknown|name unknown|\b404\b/i.test(stderr);
}
/** The tag helm gives a version in a registry: OCI tags cannot hold `+`, helm writes `_`. */
const ociTag = (version) => version.replace(/\+/g, "_");
/** `Digest: sha256:...` from helm push's output. */
function pushedDigest(output) {
    return /Digest:\s*(sha256:[0-9a-f]{64})/.exec(output)?.[1];
}
/** Indexes the packages in `dir` (a folder holding only the new one): `urls` under `url`, relative without. */
function helmRepoIndexArgv(bin, dir, url) {
    return [bin, "repo", "index", dir, ...(url ? ["--url", url] : [])];
}
// cosign (signing pushed charts). Each chart is signed by digest, never by tag: a tag can move.

const insecure = (o) => o.plainHttp ? ["--allow-insecure-registry", "--allow-http-registry"] : [];
/** `host/path/name@sha256:...`: what cosign signs (oci:// dropped, by digest). */
const cosignTarget = (registry, name, digest) => `${registry.replace(/^oci:\/\//, "")}/${name}@${digest}`;
/** Where cosign stores the signature of `target`: the `sha256-<hex>.sig` tag beside it. */
const signatureRef = (target) => {
    const [repo, digest] = target.split("@");
    return `${repo}:${digest.replace(":", "-")}.sig`;
};
function cosignSignArgv(bin, target, o) {
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
/** Who must have signed (key, or certificate identity, issuer and repository) and how to trust it. */
const verifyTrust = (o) => [
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
function cosignVerifyArgv(bin, target, o) {
    return [bin, "verify", ...verifyTrust(o), target];
}
/** The in-toto predicate type of SLSA provenance v1, and cosign's name for it. */
const SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
const COSIGN_SLSA_TYPE = "slsaprovenance1";
/** Attaches `predicateFile` (SLSA provenance v1) to `target` as a signed in-toto attestation. */
function cosignAttestArgv(bin, target, predicateFile, o) {
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
function cosignVerifyAttestationArgv(bin, target, o) {
    return [bin, "verify-attestation", "--type", COSIGN_SLSA_TYPE, ...verifyTrust(o), target];
}
/** Where cosign stores the attestations of `target`: the `sha256-<hex>.att` tag beside it. */
const attestationRef = (target) => signatureRef(target).replace(/\.sig$/, ".att");
/**
 * Whether verify-attestation's output holds a provenance statement about `digest` itself: cosign checks
 * signature and type; the subject is checked here, so an attestation copied from another artifact fails.
 */
function attestationCovers(output, digest) {
    const hex = digest.replace(/^sha256:/, "");
    return output
        .split("\n")
        .filter((l) => l.trim().startsWith("{"))
        .some((l) => {
        try {
            const env = JSON.parse(l);
            const st = JSON.parse(Buffer.from(env.payload ?? "", "base64").toString("utf8"));
            return (st.predicateType === SLSA_PROVENANCE_V1 && (st.subject ?? []).some((s) => s.digest?.sha256 === hex));
        }
        catch {
            return false;
        }
    });
}
/** The public half of `key` into `outfile` (reads COSIGN_PASSWORD): checks key and password before any push. */
function cosignPublicKeyArgv(bin, key, outfile) {
    return [bin, "public-key", "--key", key, "--outfile", outfile];
}
/** cosign's own error line (it prints warnings first), else its first line. */
function cosignError(output) {
    const lines = output.trim().split("\n");
    return (lines.find((l) => l.startsWith("Error:")) ?? lines[0] ?? "").replace(/^Error:\s*/, "");
}
/** Where the signature of `tagRef` (host/path/name:tag) would be: cosign resolves the tag to its digest. */
function cosignTriangulateArgv(bin, tagRef, plainHttp) {
    return [bin, "triangulate", ...insecure({ plainHttp }), tagRef];
}
/** The digest in triangulate's answer `host/path/name:sha256-<hex>.sig`. */
function triangulatedDigest(output) {
    const m = /:sha256-([0-9a-f]{64})\.sig\s*$/.exec(output.trim());
    return m ? `sha256:${m[1]}` : undefined;
}


/***/ })

};
