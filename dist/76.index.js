export const id = 76;
export const ids = [76,779,118,230];
export const modules = {

/***/ 7076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RULE_ANCHORS: () => (/* binding */ RULE_ANCHORS),
/* harmony export */   ruleCatalog: () => (/* binding */ ruleCatalog)
/* harmony export */ });
/* harmony import */ var _checks_registry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(546);
/* harmony import */ var _e2e_run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3270);
/* harmony import */ var _gate_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4957);
/* harmony import */ var _install_diagnose_cell_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2057);
/* harmony import */ var _install_load_images_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7152);
/* harmony import */ var _install_not_run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1086);
/* harmony import */ var _install_run_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3618);
/* harmony import */ var _release_gate_record_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4118);
/* harmony import */ var _release_run_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7230);
/* harmony import */ var _report_coverage_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3122);
/* harmony import */ var _upgrade_live_run_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9231);
/* harmony import */ var _upgrade_run_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9303);
// Every rule id floe-helm reports, with one sentence each and the README table that documents it: the
// rule metadata of `floe-helm report --sarif`. Built from the rule registry (src/checks/registry.ts: id,
// description, default severity) and the rule ids each phase exports, so a rule added to the registry is
// described here without an edit, and a phase constant without an entry fails to typecheck (the
// `satisfies` below). It lives with the commands because it is the one place that may import every phase.












/** README headings (GitHub anchors) whose tables or text document the rules. */
const RULE_ANCHORS = {
    gate: "rules-of-the-gate",
    objects: "object-checks-rendered-objects",
    upgradeCheck: "upgrade-safety-upgrade-check",
    test: "install-tests-floe-helm-test",
    live: "live-upgrade-and-rollback-floe-helm-upgrade",
    e2e: "end-to-end-floe-helm-e2e",
    coverage: "coverage-matrix",
    release: "releasing-charts-floe-helm-release",
    generate: "generate-values-from-floes-manifest-and-data-products",
    tools: "toolchain-installer",
};
const A = RULE_ANCHORS;
const gate = {
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.yamlParse]: {
        description: "A values file, config or rendered manifest that is not YAML.",
        anchor: A.gate,
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.duplicateKey]: {
        description: "A mapping key written twice (YAML keeps only the last one).",
        anchor: A.gate,
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.valuesSchema]: {
        description: "A values file that breaks the chart's values.schema.json (or a schema that is not valid).",
        anchor: A.gate,
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.lint]: { description: "helm lint --strict reports an error or a warning.", anchor: A.gate },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.render]: {
        description: "helm template fails (template error, required, fail).",
        anchor: A.gate,
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.deadValue]: {
        description: "A key set in a scenario values file that no template reads and the schema does not declare.",
        anchor: A.gate,
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.waiverUnused]: {
        description: "A waiver in floe-gate.yaml that matched no finding: remove it before it hides a new one.",
        anchor: A.gate,
        level: "warning",
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.dependency]: {
        description: "A Chart.yaml dependency that charts/ does not hold and helm dependency build cannot provide.",
        anchor: A.gate,
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.chartSchema]: {
        description: "Chart.yaml as chart-testing's ct lint checks it (apiVersion, name, SemVer version, ...).",
        anchor: A.gate,
        level: "warning",
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.yamlStyle]: {
        description: "The YAML style ct lint enforces (yamllint with ct's lintconf), per yamllint rule.",
        anchor: A.gate,
        level: "warning",
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.plainSecret]: {
        description: "A credential written as a literal in a values file where a reference is expected.",
        anchor: A.gate,
        level: "warning",
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.schemaDrift]: {
        description: "values.yaml and an open values.schema.json disagree: an undeclared key, or an unused property.",
        anchor: A.gate,
        level: "warning",
    },
};
const upgradeCheck = {
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_11__.upgradeCheckRules.immutableField]: {
        description: "A field the API server refuses to change on an existing object changes between base and head.",
        anchor: A.upgradeCheck,
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_11__.upgradeCheckRules.removedStateful]: {
        description: "A PersistentVolumeClaim (or volume claim template) of the base is no longer rendered.",
        anchor: A.upgradeCheck,
        level: "warning",
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_11__.upgradeCheckRules.renamedService]: {
        description: "A Service is gone while a new one has the same selector: clients of the old name break.",
        anchor: A.upgradeCheck,
        level: "warning",
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_11__.upgradeCheckRules.hookToObject]: {
        description: "A helm hook the base leaves in the cluster becomes a release object of the same name: helm upgrade refuses to adopt it.",
        anchor: A.upgradeCheck,
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_11__.upgradeCheckRules.objectToHook]: {
        description: "A release object becomes a pre-upgrade hook of the same name: after the upgrade it is gone (helm deletes the release's object, which is the hook's).",
        anchor: A.upgradeCheck,
        level: "warning",
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_11__.upgradeCheckRules.newChart]: {
        description: "The chart does not exist at the base: nothing to upgrade from.",
        anchor: A.upgradeCheck,
        level: "info",
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_11__.upgradeCheckRules.baseValues]: {
        description: "The base is rendered with this change's values file.",
        anchor: A.upgradeCheck,
        level: "info",
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_11__.upgradeCheckRules.notChecked]: {
        description: "One side does not render, so the cell's upgrade is not checked.",
        anchor: A.upgradeCheck,
        level: "warning",
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_11__.upgradeCheckRules.versionIncrement]: {
        description: "A chart whose files changed since the base without a higher version in Chart.yaml.",
        anchor: A.upgradeCheck,
    },
};
const live = {
    [_upgrade_live_run_js__WEBPACK_IMPORTED_MODULE_10__.liveRules.install]: { description: "The base release does not install.", anchor: A.live },
    [_upgrade_live_run_js__WEBPACK_IMPORTED_MODULE_10__.liveRules.upgrade]: { description: "helm upgrade from the base to this change fails.", anchor: A.live },
    [_upgrade_live_run_js__WEBPACK_IMPORTED_MODULE_10__.liveRules.helmTest]: { description: "helm test fails after the upgrade or the rollback.", anchor: A.live },
    [_upgrade_live_run_js__WEBPACK_IMPORTED_MODULE_10__.liveRules.rollback]: { description: "helm rollback to the base fails.", anchor: A.live },
    [_upgrade_live_run_js__WEBPACK_IMPORTED_MODULE_10__.liveRules.availability]: {
        description: "A Service of a workload with 2+ replicas stopped answering during the upgrade.",
        anchor: A.live,
    },
};
const test = {
    [_install_run_js__WEBPACK_IMPORTED_MODULE_6__.rules.install]: {
        description: "helm install --wait of a chart x scenario x helm major fails.",
        anchor: A.test,
    },
    [_install_run_js__WEBPACK_IMPORTED_MODULE_6__.rules.helmTest]: { description: "A helm test pod fails (or times out).", anchor: A.test },
    [_install_run_js__WEBPACK_IMPORTED_MODULE_6__.rules.uninstall]: { description: "helm uninstall of a test release fails.", anchor: A.test },
    [_install_run_js__WEBPACK_IMPORTED_MODULE_6__.rules.cluster]: {
        description: "The cluster's API server stopped answering: the failure is the cluster's, not the chart's.",
        anchor: A.test,
    },
    [_install_diagnose_cell_js__WEBPACK_IMPORTED_MODULE_3__/* .DIAGNOSIS_RULE */ .ft]: {
        description: "Why an object of a failed install or helm test is not ready (image-pull, crash-loop, ...).",
        anchor: A.test,
        level: "info",
    },
    [_install_load_images_js__WEBPACK_IMPORTED_MODULE_4__/* .IMAGES_RULE */ .E0]: {
        description: "An image the charts use is neither in the node nor in local Docker (with --image-pull never).",
        anchor: A.test,
    },
    [_install_not_run_js__WEBPACK_IMPORTED_MODULE_5__/* .NOT_RUN_RULE */ .xB]: {
        description: "A scenario's notRun component whose switch adds no test pod, or does not render.",
        anchor: A.test,
        level: "warning",
    },
};
const e2e = {
    e2e: { description: "An end-to-end check of the platform and the data product fails.", anchor: A.e2e },
    [_e2e_run_js__WEBPACK_IMPORTED_MODULE_1__.E2E_RULES.install]: { description: "The platform or the data product does not install.", anchor: A.e2e },
    [_e2e_run_js__WEBPACK_IMPORTED_MODULE_1__.E2E_RULES.uninstall]: { description: "The end-to-end releases do not uninstall.", anchor: A.e2e },
};
const others = {
    [_report_coverage_js__WEBPACK_IMPORTED_MODULE_9__/* .COVERAGE_RULE */ .Ac]: {
        description: "A requirement of a coverage.failOn priority failed or no check covers it.",
        anchor: A.coverage,
    },
    [_release_run_js__WEBPACK_IMPORTED_MODULE_8__/* .RELEASE_RULE */ .b]: {
        description: "A chart cannot be packaged or pushed to the OCI registry.",
        anchor: A.release,
    },
    [_release_gate_record_js__WEBPACK_IMPORTED_MODULE_7__.GATE_RECORD_RULE]: {
        description: "release --gate-results: the recorded gate result is not a pass on this very commit (another commit, uncommitted changes, failed).",
        anchor: A.release,
    },
    "generate/unsupported-plugin": {
        description: "A plugin of floe's manifest that floe-platform cannot run (an orchestrator or storage type).",
        anchor: A.generate,
    },
    "generate/external-plugin": {
        description: "A plugin of floe's manifest that floe-platform does not run: the service is off, the jobs get no endpoint.",
        anchor: A.generate,
        level: "info",
    },
    "generate/derived-endpoint": {
        description: "An endpoint written in the inputs differs from the one derived from the floe-platform release.",
        anchor: A.generate,
        level: "warning",
    },
    "generate/prod-bundled": {
        description: "A prod environment runs a bundled service (database, object store) the gate's prod policy refuses.",
        anchor: A.generate,
        level: "warning",
    },
    "generate/schedule-disabled": {
        description: "A data product whose schedule is off: its job runs after every install and upgrade.",
        anchor: A.generate,
        level: "info",
    },
    "generate/unknown-preset": {
        description: "A data product's floe.dev/resource-preset label names a preset neither floe nor the manifest defines.",
        anchor: A.generate,
    },
    "generate/resource-preset": {
        description: "A resource preset of the manifest Kubernetes would refuse: not a quantity, or a request above its limit.",
        anchor: A.generate,
    },
    "generate/time-zone": {
        description: "A data product's schedule.timezone is not an IANA time zone a CronJob takes.",
        anchor: A.generate,
    },
    "helm-template": { description: "A generated values file does not render.", anchor: A.generate },
    "tools/unverified-checksum": {
        description: "A tool installed without a checksum floe-helm trusts.",
        anchor: A.tools,
        level: "warning",
    },
    "tools/cache-mismatch": {
        description: "A tool in the cache whose checksum differs from the pinned one: it is installed again.",
        anchor: A.tools,
        level: "warning",
    },
};
/** The catalog: the registry's rules first (their own descriptions and default severities), then every
 * phase's. A rule id not listed (e2e/<check>, yaml-style/<yamllint rule>) takes its family's entry
 * (src/report/sarif.ts ruleDoc). */
function ruleCatalog() {
    const registry = _checks_registry_js__WEBPACK_IMPORTED_MODULE_0__/* .checks */ .A.map((c) => ({
        id: c.rule,
        description: c.description,
        anchor: A.objects,
        level: c.defaultSeverity,
    }));
    const rest = Object.entries({ ...gate, ...upgradeCheck, ...live, ...test, ...e2e, ...others }).map(([id, d]) => ({ id, ...d }));
    const seen = new Set(registry.map((r) => r.id));
    return [...registry, ...rest.filter((r) => !seen.has(r.id))];
}


/***/ }),

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


/***/ }),

/***/ 4118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GATE_RECORD_RULE: () => (/* binding */ GATE_RECORD_RULE),
/* harmony export */   gateRecordProblem: () => (/* binding */ gateRecordProblem),
/* harmony export */   readGateRecord: () => (/* binding */ readGateRecord)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
// `release --gate-results`: publish only the commit whose gate passed, from a recorded gate result (a
// gate.results.json kept from the gate's run: an artifact, a release asset) rather than a gate in the same
// workflow run. The results file names the commit it ran on (`source`, src/report/source.ts); the checkout
// being published must be that commit, clean.




const GATE_RECORD_RULE = "release/gate-record";
/** The gate results file: the path itself, or `gate.results.json` in a folder. Bad input is a UserError. */
async function readGateRecord(given, cwd) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, given);
    const file = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(abs) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(abs).isDirectory() ? node_path__WEBPACK_IMPORTED_MODULE_2___default().join(abs, "gate.results.json") : abs;
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, "utf8");
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`--gate-results ${given}: no ${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(file)} there: give the gate's results file (or its folder) kept from the gate's run`);
    }
    try {
        return { file, results: JSON.parse(text) };
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`--gate-results ${file}: not JSON (${e.message})`);
    }
}
const short = (sha) => sha.slice(0, 12);
/** Why the recorded gate result does not allow publishing this checkout (pure); undefined when it does. */
function gateRecordProblem(results, file, head) {
    if (results.phase !== "gate")
        return `${file} is not a gate results file (phase ${JSON.stringify(results.phase ?? null)})`;
    if (!head)
        return "this folder is not a git work tree: which commit would be published cannot be told";
    if (head.dirty)
        return `tracked files differ from HEAD ${short(head.commit)}: the gate result is for a commit, publish a clean checkout of it`;
    const src = results.source;
    if (!src?.commit)
        return `${file} records no commit (the gate ran outside a git work tree, or floe-helm was older): run the gate on the commit to publish`;
    if (src.dirty)
        return `the gate ran on ${short(src.commit)} with uncommitted changes: its result is not that commit's`;
    if (src.commit !== head.commit)
        return `the gate result is for commit ${short(src.commit)}, this checkout is ${short(head.commit)}: run the gate on this commit, or publish that one`;
    if (results.status !== "pass") {
        const errors = (results.findings ?? []).filter((f) => f.severity === "error" && !f.waived).length;
        return `the gate of ${short(src.commit)} did not pass (status ${results.status}${results.status === "fail" ? `, ${errors} error(s)` : results.error ? `: ${results.error}` : ""}): nothing is published`;
    }
    return undefined;
}


/***/ }),

/***/ 7230:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ RELEASE_RULE),
  runRelease: () => (/* binding */ runRelease)
});

// UNUSED EXPORTS: chartIdentity

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/exec/runner.ts
var runner = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/helm/deps.ts
var helm_deps = __webpack_require__(9264);
// EXTERNAL MODULE: ./src/helm/env.ts
var helm_env = __webpack_require__(367);
// EXTERNAL MODULE: ./src/plan/plan.ts
var plan = __webpack_require__(8720);
// EXTERNAL MODULE: ./src/report/source.ts
var report_source = __webpack_require__(5689);
// EXTERNAL MODULE: ./src/values/yaml.ts
var yaml = __webpack_require__(3319);
// EXTERNAL MODULE: ./src/release/argv.ts
var argv = __webpack_require__(6779);
;// CONCATENATED MODULE: ./src/release/provenance.ts
/** What this build type's parameters mean (SLSA: a URI naming the build template). */
const BUILD_TYPE = "https://github.com/floe/helm-action/blob/main/README.md#release";
/** The SLSA v1 predicate (https://slsa.dev/spec/v1.0/provenance) for one chart. */
function provenancePredicate(i) {
    const server = i.env.GITHUB_SERVER_URL ?? "https://github.com";
    const repo = i.env.GITHUB_REPOSITORY;
    const onActions = i.env.GITHUB_ACTIONS === "true" && repo !== undefined;
    const dependency = i.source
        ? [
            {
                uri: repo ? `git+${server}/${repo}${i.env.GITHUB_REF ? `@${i.env.GITHUB_REF}` : ""}` : "git+file:.",
                digest: { gitCommit: i.source.commit },
            },
        ]
        : [];
    const runId = i.env.GITHUB_RUN_ID;
    return {
        buildDefinition: {
            buildType: BUILD_TYPE,
            externalParameters: {
                chart: i.chart,
                registry: i.registry,
                ...(i.env.GITHUB_WORKFLOW_REF ? { workflow: i.env.GITHUB_WORKFLOW_REF } : {}),
            },
            internalParameters: {
                helmMajor: i.helmMajor,
                ...(i.sourceDateEpoch !== undefined ? { sourceDateEpoch: i.sourceDateEpoch } : {}),
                // Tracked files differed from the commit: the chart is not the commit's alone.
                ...(i.source?.dirty ? { sourceDirty: true } : {}),
            },
            resolvedDependencies: dependency,
        },
        runDetails: {
            builder: {
                // On Actions the workflow that ran (its own identity in a keyless certificate); else the CLI.
                id: onActions && i.env.GITHUB_WORKFLOW_REF
                    ? `${server}/${i.env.GITHUB_WORKFLOW_REF}`
                    : "https://github.com/floe/helm-action#floe-helm-release",
            },
            metadata: {
                ...(onActions && runId
                    ? {
                        invocationId: `${server}/${repo}/actions/runs/${runId}/attempts/${i.env.GITHUB_RUN_ATTEMPT ?? "1"}`,
                    }
                    : {}),
                startedOn: i.startedOn.toISOString(),
            },
        },
    };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/release/repo-index.ts
// A classic Helm repository (a gh-pages folder: index.yaml + the .tgz files) as a release target.
// `helm repo index --merge` is not used to merge: it re-indexes every .tgz in the folder, so the entries
// already published get a new `created` (the folder holds their .tgz too) and `generated` changes on every
// run (measured with helm 4: two runs, two different files). Instead helm indexes only the new package, in a
// folder of its own (so the entry is exactly helm's, text included), and that entry's text is inserted into
// the existing index.yaml where helm would put it (charts by name, versions newest first), at positions the
// yaml library's parse gives: the bytes already there stay as they are, `generated` is updated, and when
// nothing is added the file is not written at all (a re-run leaves it byte-identical). The result is parsed
// back and must equal the old index plus the new entries; an index laid out so differently that inserting
// text does not give that (another tool's indentation) is rewritten whole with the yaml library instead.







const INDEX_FILE = "index.yaml";
const fail = (file, line, col, message) => new errors/* UserError */.yo(`${file}:${line}:${col}: ${message}`);
const EMPTY = "apiVersion: v1\nentries:\n";
/** The folder's index.yaml (a new, empty one when there is none); a broken one is a usage error at its line. */
async function loadIndex(dir, shownAs) {
    const file = external_node_path_default().join(dir, INDEX_FILE);
    const shown = external_node_path_default().join(shownAs, INDEX_FILE);
    const text = (0,external_node_fs_.existsSync)(file) ? await (0,promises_.readFile)(file, "utf8") : EMPTY;
    const doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: true });
    const err = doc.errors[0];
    if (err) {
        const [line, col] = err.linePos?.[0] ? [err.linePos[0].line, err.linePos[0].col] : [1, 1];
        throw fail(shown, line, col, `not a Helm repository index: ${err.message.split("\n")[0]}`);
    }
    const entries = (0,dist/* isMap */.jh)(doc.contents) ? doc.get("entries", true) : undefined;
    const empty = (0,dist/* isScalar */.jn)(entries) && entries.value === null;
    if (!(0,dist/* isMap */.jh)(doc.contents) || (entries !== undefined && !empty && !(0,dist/* isMap */.jh)(entries)))
        throw fail(shown, 1, 1, "not a Helm repository index: expected a mapping with `entries:` (chart name -> versions)");
    const js = (doc.toJS() ?? {});
    return { file, text, expected: { ...js, entries: js.entries ?? {} }, added: [] };
}
/** Does the index list `name` at `version`? */
function indexHas(index, name, version) {
    return (index.expected.entries[name] ?? []).some((v) => String(v.version) === version);
}
const lineStart = (text, pos) => text.lastIndexOf("\n", pos - 1) + 1;
const byNewest = (a, b) => {
    const [x, y] = [semver_default().valid(String(a)), semver_default().valid(String(b))];
    return x && y ? semver_default().rcompare(x, y) : 0;
};
/** Where in `text` (helm's layout) the entry of `name` at `version` goes, and whether its chart key is new. */
function insertionPoint(text, name, version) {
    const doc = (0,dist/* parseDocument */.Tp)(text);
    const top = doc.contents;
    const entriesPair = top.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === "entries");
    const entries = entriesPair?.value;
    // After the last chart: before the top-level key that follows `entries` (helm: `generated`), or at the end.
    const next = entriesPair ? top.items[top.items.indexOf(entriesPair) + 1] : undefined;
    const end = next && (0,dist/* isScalar */.jn)(next.key) ? lineStart(text, next.key.range[0]) : text.length;
    const charts = (0,dist/* isMap */.jh)(entries) ? entries.items : [];
    const own = charts.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === name);
    if (own && (0,dist/* isSeq */.oP)(own.value)) {
        const later = own.value.items.find((v) => (0,dist/* isMap */.jh)(v) && byNewest(v.get("version"), version) > 0);
        if (later)
            return { at: lineStart(text, later.range[0]), newChart: false };
        const after = charts[charts.indexOf(own) + 1];
        return { at: after && (0,dist/* isScalar */.jn)(after.key) ? lineStart(text, after.key.range[0]) : end, newChart: false };
    }
    const after = charts.find((p) => (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) > name);
    return { at: after && (0,dist/* isScalar */.jn)(after.key) ? lineStart(text, after.key.range[0]) : end, newChart: true };
}
/**
 * Adds the entry `helm repo index` wrote for one package (`helmIndexText`, the index.yaml of a folder holding
 * only it) unless the version is listed already.
 */
function addEntry(index, helmIndexText, name, version) {
    if (indexHas(index, name, version))
        return false;
    const fresh = (0,dist/* parseDocument */.Tp)(helmIndexText);
    const seq = fresh.get("entries", true)?.get(name, true);
    const item = (0,dist/* isSeq */.oP)(seq)
        ? seq.items.find((v) => (0,dist/* isMap */.jh)(v) && String(v.get("version")) === version)
        : undefined;
    if (!item?.range)
        throw new Error(`helm repo index wrote no entry for ${name} ${version}`);
    let entryText = helmIndexText.slice(lineStart(helmIndexText, item.range[0]), item.range[2]);
    if (!entryText.endsWith("\n"))
        entryText += "\n";
    const entryJs = fresh.toJS().entries[name].find((v) => String(v.version) === version);
    // Before the first older version, as the text insertion below does (helm sorts versions newest first).
    const versions = [...(index.expected.entries[name] ?? [])];
    const older = versions.findIndex((v) => byNewest(v.version, version) > 0);
    versions.splice(older < 0 ? versions.length : older, 0, entryJs);
    index.expected.entries[name] = versions;
    // `entries: {}` (helm's empty index) becomes a block mapping to insert into.
    let text = index.text.replace(/^entries:[ \t]*\{\s*\}[ \t]*$/m, "entries:");
    if (!text.endsWith("\n"))
        text += "\n";
    const { at, newChart } = insertionPoint(text, name, version);
    index.text = `${text.slice(0, at)}${newChart ? `  ${name}:\n` : ""}${entryText}${text.slice(at)}`;
    index.added.push(`${name} ${version}`);
    return true;
}
/** Writes index.yaml when something was added (with a new `generated`); otherwise leaves the file alone. */
async function saveIndex(index, now) {
    if (!index.added.length)
        return false;
    const stamp = `"${now.toISOString()}"`;
    let text = index.text;
    const doc = (0,dist/* parseDocument */.Tp)(text);
    const generated = doc.contents.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === "generated");
    if (generated && (0,dist/* isScalar */.jn)(generated.value) && generated.value.range)
        text = `${text.slice(0, generated.value.range[0])}${stamp}${text.slice(generated.value.range[1])}`;
    else
        text += `generated: ${stamp}\n`;
    const expected = { ...index.expected, generated: now.toISOString() };
    const back = (0,dist/* parseDocument */.Tp)(text);
    if (back.errors.length || !(0,external_node_util_.isDeepStrictEqual)(back.toJS(), expected))
        text = rewrite(expected);
    await (0,promises_.writeFile)(index.file, text);
    return true;
}
/** The whole index written by the yaml library (an index whose layout text insertion cannot follow). */
function rewrite(expected) {
    const doc = new dist/* Document */.yo(expected);
    const g = doc.get("generated", true);
    if ((0,dist/* isScalar */.jn)(g))
        g.type = "QUOTE_DOUBLE";
    return doc.toString({ indentSeq: false });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(8697);
;// CONCATENATED MODULE: ./src/release/reproducible.ts
// Reproducible chart packages. `helm package` (3 and 4) stamps the archive's entries with the time of
// packaging and with file mtimes, so the same chart gives a new .tgz digest on every run (measured: two
// packagings a second apart, or with a file touched in between, differ). This repacks helm's archive with
// node-tar so that the bytes depend on the chart's content only: entries in a fixed order (Chart.yaml
// first, as helm writes it, then by path), one mtime (SOURCE_DATE_EPOCH, else 1970-01-01), mode 0644 (what
// helm writes), no owner, no directory entries (helm writes none), and gzip with no timestamp (Node's zlib).






/** The mtime every entry gets: SOURCE_DATE_EPOCH (the reproducible-builds convention) or the epoch. */
function packageMtime(env) {
    const raw = env.SOURCE_DATE_EPOCH;
    if (raw === undefined || raw === "")
        return new Date(0);
    if (!/^\d+$/.test(raw))
        throw new errors/* UserError */.yo(`SOURCE_DATE_EPOCH: expected whole seconds since 1970 (e.g. 1700000000), got '${raw}'`);
    return new Date(Number(raw) * 1000);
}
/** `sha256:<hex>` of a file's bytes. */
async function fileDigest(file) {
    return `sha256:${(0,external_node_crypto_.createHash)("sha256")
        .update(await (0,promises_.readFile)(file))
        .digest("hex")}`;
}
/** Order of entries: each chart's own Chart.yaml before anything else of it, the rest by path. */
const byHelmOrder = (a, b) => {
    const top = (p) => (p.split("/").length === 2 && p.endsWith("/Chart.yaml") ? 0 : 1);
    return top(a) - top(b) || (a < b ? -1 : a > b ? 1 : 0);
};
/** Rewrites helm's package `tgz` in place, deterministically; returns its `sha256:` digest. */
async function normalizePackage(tgz, mtime) {
    const work = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_path_default().dirname(tgz), ".repack-"));
    try {
        await index_min.x({ file: tgz, cwd: work, strict: true });
        const files = (await (0,promises_.readdir)(work, { recursive: true, withFileTypes: true }))
            .filter((d) => d.isFile())
            .map((d) => (0,paths/* toPosix */.d)(external_node_path_default().relative(work, external_node_path_default().join(d.parentPath, d.name))))
            .sort(byHelmOrder);
        // Modes as helm writes them, whatever the umask the extraction ran under.
        for (const f of files)
            await (0,promises_.chmod)(external_node_path_default().join(work, f), 0o644);
        const out = `${tgz}.repack`;
        await index_min.c({ file: out, cwd: work, gzip: true, portable: true, mtime }, files);
        await (0,promises_.rename)(out, tgz);
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
    return fileDigest(tgz);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/release/signing.ts
// Signing released charts with cosign, on their OCI digest. Not `helm package --sign`: that writes a PGP
// .prov file beside the .tgz, which a classic repository serves but an OCI registry does not carry (helm push
// uploads the chart alone), so nobody pulling from the registry could check it. cosign stores its signature
// in the registry itself (the `sha256-<hex>.sig` tag beside the chart), for the exact digest pushed.
//
// With a key (`--sign-key`, COSIGN_KEY; its password in COSIGN_PASSWORD) or keyless: on GitHub Actions,
// cosign takes the job's OIDC token, Fulcio issues a short-lived certificate for the workflow's identity,
// and the signature is logged in Rekor. Each signature is verified right after, with the key's public half
// or against the certificate's identity and issuer. `--sign-offline` (key signing only) keeps cosign off
// the network: no transparency log upload, and verification with an empty local trusted root instead of
// fetching Sigstore's (the tests use it: nothing here may reach the internet). A version already published
// is verified, and signed only when it has no valid signature (a run that pushed it and failed to sign).
// Each signed chart also gets SLSA provenance (provenance.ts) as a cosign attestation, signed the same way
// and verified (its subject must be the chart's digest); a published chart without one gets it then.







/** helm's registry logins (docker's config.json format), which cosign then reads via DOCKER_CONFIG. */
function helmRegistryConfig(env) {
    if (env.HELM_REGISTRY_CONFIG)
        return env.HELM_REGISTRY_CONFIG;
    const config = env.HELM_CONFIG_HOME ??
        external_node_path_default().join(env.XDG_CONFIG_HOME ?? external_node_path_default().join(env.HOME ?? external_node_os_default().homedir(), ".config"), "helm");
    return external_node_path_default().join(config, "registry", "config.json");
}
/** The cosign binary, the public key and the offline trusted root: everything checked before a push. */
async function prepareSigning(settings, o) {
    const cosign = o.toolsDir ? external_node_path_default().join(o.toolsDir, "cosign") : "cosign";
    if (o.toolsDir && !(0,external_node_fs_.existsSync)(cosign))
        throw new errors/* UserError */.yo(`--sign: cosign not found in ${o.toolsDir} (--tools-dir): run scripts/tools.sh cosign`);
    const env = { ...o.env };
    // The login helm just made, for cosign too (only then: otherwise cosign keeps the logins it has).
    const registryConfig = helmRegistryConfig(o.env);
    if (o.loggedIn && external_node_path_default().basename(registryConfig) === "config.json")
        env.DOCKER_CONFIG = external_node_path_default().dirname(external_node_path_default().resolve(o.cwd, registryConfig));
    await (0,promises_.mkdir)(o.workDir, { recursive: true });
    const signer = {
        cosign,
        settings,
        plainHttp: o.plainHttp,
        env,
        cwd: o.cwd,
        workDir: o.workDir,
    };
    // cosign must run before anything is pushed (keyless signing runs nothing else up front).
    const version = await (0,runner/* runTool */.q)([cosign, "version"], { cwd: o.cwd, env, timeoutMs: 60_000 }).catch((e) => {
        throw new errors/* UserError */.yo(`--sign: ${e.message} (install cosign, or run scripts/tools.sh cosign and give --tools-dir)`);
    });
    if (version.code !== 0)
        throw new errors/* ToolError */.v4(`--sign: '${cosign} version' failed: ${(0,argv/* cosignError */.o1)(version.stderr)}`);
    if (settings.key) {
        const publicKey = external_node_path_default().join(o.workDir, "cosign.pub");
        const r = await (0,runner/* runTool */.q)((0,argv/* cosignPublicKeyArgv */.M9)(cosign, settings.key, publicKey), {
            cwd: o.cwd,
            env,
            timeoutMs: 60_000,
        });
        if (r.code !== 0 || !(0,external_node_fs_.existsSync)(publicKey))
            throw new errors/* UserError */.yo(`--sign-key ${settings.key}: cosign cannot read the private key (is COSIGN_PASSWORD its password?): ${(0,argv/* cosignError */.o1)(`${r.stderr}\n${r.stdout}`)}`);
        signer.publicKey = publicKey;
    }
    if (settings.offline) {
        // A trusted root with no authorities: cosign verifies against the key alone and fetches none.
        signer.trustedRoot = external_node_path_default().join(o.workDir, "trusted-root-offline.json");
        await (0,promises_.writeFile)(signer.trustedRoot, `${JSON.stringify({ mediaType: "application/vnd.dev.sigstore.trustedroot+json;version=0.1" })}\n`);
    }
    return signer;
}
/**
 * A version already published: verify its signature and provenance, and add only what is missing (a run that
 * pushed it but failed to sign or attest it). A published, signed, attested version is left alone: a re-run
 * adds nothing.
 */
async function ensureSigned(s, registry, name, tag, predicate) {
    const tagRef = `${registry.replace(/^oci:\/\//, "")}/${name}:${tag}`;
    const tri = await run(s, (0,argv/* cosignTriangulateArgv */.oO)(s.cosign, tagRef, s.plainHttp), 120_000);
    const digest = (0,argv/* triangulatedDigest */.Pc)(tri.stdout);
    if (tri.code !== 0 || !digest)
        return {
            error: `cannot resolve the digest of ${tagRef} to check its signature: ${(0,argv/* cosignError */.o1)(`${tri.stderr}\n${tri.stdout}`)}`,
        };
    const target = (0,argv/* cosignTarget */.ph)(registry, name, digest);
    let signedNow = false;
    if ((await run(s, (0,argv/* cosignVerifyArgv */.zf)(s.cosign, target, verifyOptions(s)))).code !== 0) {
        const signed = await signOnly(s, target);
        if (signed)
            return signed;
        signedNow = true;
    }
    if (!(await attestationVerified(s, target, digest)).ok) {
        const attested = await attest(s, target, digest, predicate);
        if (attested)
            return attested;
        signedNow = true;
    }
    return { target, signature: (0,argv/* signatureRef */.wm)(target), attestation: (0,argv/* attestationRef */.Cn)(target), signedNow };
}
const run = (s, argv, timeoutMs = 300_000) => (0,runner/* runTool */.q)(argv, { cwd: s.cwd, env: s.env, timeoutMs });
const verifyOptions = (s) => ({
    ...(s.publicKey ? { publicKey: s.publicKey } : {}),
    identityRegexp: s.settings.identityRegexp,
    issuer: s.settings.issuer,
    ...(s.settings.githubRepository ? { githubRepository: s.settings.githubRepository } : {}),
    ...(s.trustedRoot ? { offlineTrustedRoot: s.trustedRoot } : {}),
    plainHttp: s.plainHttp,
});
const cosignOptions = (s) => ({
    ...(s.settings.key ? { key: s.settings.key } : {}),
    offline: s.settings.offline,
    plainHttp: s.plainHttp,
});
/** Signs `target`, then verifies the signature; an error says what state the chart is in. */
async function signOnly(s, target) {
    const sign = await run(s, (0,argv/* cosignSignArgv */.nz)(s.cosign, target, cosignOptions(s)));
    if (sign.code !== 0)
        return {
            error: `cosign sign ${target} failed (the chart is pushed but not signed): ${(0,argv/* cosignError */.o1)(`${sign.stderr}\n${sign.stdout}`)}`,
        };
    const verify = await run(s, (0,argv/* cosignVerifyArgv */.zf)(s.cosign, target, verifyOptions(s)));
    if (verify.code !== 0)
        return {
            error: `cosign verify ${target} failed right after signing: ${(0,argv/* cosignError */.o1)(`${verify.stderr}\n${verify.stdout}`)}`,
        };
    return undefined;
}
async function attestationVerified(s, target, digest) {
    const v = await run(s, (0,argv/* cosignVerifyAttestationArgv */.PR)(s.cosign, target, verifyOptions(s)));
    if (v.code !== 0)
        return { ok: false, why: (0,argv/* cosignError */.o1)(`${v.stderr}\n${v.stdout}`) };
    return (0,argv/* attestationCovers */.NC)(v.stdout, digest)
        ? { ok: true }
        : { ok: false, why: `no SLSA provenance v1 statement whose subject is ${digest}` };
}
/** Attaches the provenance `predicate` to `target`, then verifies it (signature, type and subject). */
async function attest(s, target, digest, predicate) {
    const file = external_node_path_default().join(s.workDir, `provenance-${digest.replace(":", "-")}.json`);
    await (0,promises_.writeFile)(file, `${JSON.stringify(predicate, null, 2)}\n`);
    const a = await run(s, (0,argv/* cosignAttestArgv */.Xf)(s.cosign, target, file, cosignOptions(s)));
    if (a.code !== 0)
        return {
            error: `cosign attest ${target} failed (the chart is pushed and signed, without provenance): ${(0,argv/* cosignError */.o1)(`${a.stderr}\n${a.stdout}`)}`,
        };
    const v = await attestationVerified(s, target, digest);
    if (!v.ok)
        return { error: `cosign verify-attestation ${target} failed right after attesting: ${v.why}` };
    return undefined;
}
/** Signs `registry/name@digest` and attaches its provenance, verifying each; the error says what is missing. */
async function signAndVerify(s, registry, name, digest, predicate) {
    const target = (0,argv/* cosignTarget */.ph)(registry, name, digest);
    const failed = (await signOnly(s, target)) ?? (await attest(s, target, digest, predicate));
    return failed ?? { target, signature: (0,argv/* signatureRef */.wm)(target), attestation: (0,argv/* attestationRef */.Cn)(target) };
}

;// CONCATENATED MODULE: ./src/release/run.ts
// `floe-helm release`: publish every chart to an OCI registry and/or a Helm repository folder (gh-pages),
// idempotently. Per chart (sorted by folder): read name and version from Chart.yaml -> ask the registry
// whether that version is there (`helm show chart`) and look it up in the folder's index.yaml: where it is,
// it is left alone; where it is not, `helm package` (repacked reproducibly) + `helm push` / copy and index
// entry; a chart both targets have is skipped. Any other registry answer (unauthorized, unreachable) -> an
// error finding and nothing published, since pushing blind could only fail the same way or worse.
// With a username and FLOE_HELM_REGISTRY_PASSWORD, `helm registry login` runs first, the password on its
// stdin (never on a command line); without them, helm uses the logins it already has.
//
// Library charts (`type: library`, e.g. charts/floe-common) are published too, before the charts (a
// library is a versioned chart others may depend on from the registry; the charts that depend on it here
// carry it packed inside their own package anyway). Dependencies charts/ already holds as Chart.lock pins
// them (vendored) are packaged as they are: `--dependency-update` only runs when something is missing, so
// a release does not rewrite the checkout's charts/*.tgz and Chart.lock.

















const RELEASE_RULE = "release";
const firstLine = (s) => s.trim().split("\n")[0] ?? "";
/** name and version of a Chart.yaml, or findings at the offending lines. */
async function chartIdentity(chartDir, cwd) {
    const file = external_node_path_default().relative(cwd, external_node_path_default().join(chartDir, "Chart.yaml")) || "Chart.yaml";
    let text;
    try {
        text = await (0,promises_.readFile)(external_node_path_default().join(chartDir, "Chart.yaml"), "utf8");
    }
    catch {
        return {
            findings: [{ rule: RELEASE_RULE, severity: "error", message: "no Chart.yaml: not a chart", file }],
        };
    }
    const y = (0,yaml/* parseYamlText */.cd)(text, file);
    if (y.problems.length)
        return {
            findings: y.problems.map((p) => ({
                rule: RELEASE_RULE,
                severity: "error",
                message: p.message,
                ...p.at,
            })),
        };
    const meta = (y.value ?? {});
    const findings = [];
    const at = (key) => y.positionOf([key]) ?? { file, line: 1, col: 1 };
    const { name, version } = meta;
    if (typeof name !== "string" || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name))
        findings.push({
            rule: RELEASE_RULE,
            severity: "error",
            message: `name: expected a chart name of lower-case letters, digits and '-' (it becomes the OCI repository name), got ${JSON.stringify(name ?? null)}`,
            ...at("name"),
        });
    if (typeof version !== "string" || !semver_default().valid(version))
        findings.push({
            rule: RELEASE_RULE,
            severity: "error",
            message: `version: expected a SemVer 2 string such as "1.2.3" (helm package and the registry tag need one), got ${typeof version === "number" ? `the number ${version}` : JSON.stringify(version ?? null)}`,
            ...at("version"),
        });
    if (findings.length)
        return { findings };
    const deps = meta.dependencies;
    return {
        name: name,
        version: version,
        // Only when charts/ does not already hold them as pinned (see the header).
        dependencies: Array.isArray(deps) && deps.length > 0 && (await (0,helm_deps/* dependencyNeeds */.n)(chartDir, cwd)).length > 0,
    };
}
async function runRelease(ctx, inputs, opts) {
    const { cwd } = opts;
    const chartsDir = external_node_path_default().resolve(cwd, opts.chartsDir);
    const mtime = packageMtime(opts.env);
    const indexDir = opts.index ? external_node_path_default().resolve(cwd, opts.index.dir) : undefined;
    if (indexDir && !(0,external_node_fs_.existsSync)(indexDir))
        throw new errors/* UserError */.yo(`--index-dir: ${indexDir} does not exist (check out the gh-pages branch there first)`);
    if (!inputs.charts.length && !(0,external_node_fs_.existsSync)(chartsDir))
        throw new errors/* UserError */.yo(`--charts-dir: ${chartsDir} does not exist`);
    const found = inputs.charts.length ? inputs.charts : await (0,plan/* chartFoldersUnder */.WH)(chartsDir);
    // Library charts first (see the header), each group in folder order.
    const isLibrary = async (d) => {
        const text = await (0,promises_.readFile)(external_node_path_default().join(d, "Chart.yaml"), "utf8").catch(() => "");
        return (0,yaml/* parseYamlText */.cd)(text, "Chart.yaml").value?.type === "library";
    };
    const libraries = new Set();
    for (const d of found)
        if (await isLibrary(d))
            libraries.add(d);
    const charts = [...found.filter((d) => libraries.has(d)), ...found.filter((d) => !libraries.has(d))];
    if (charts.length === 0)
        throw new errors/* UserError */.yo(`no chart to publish: no folder with a Chart.yaml under ${opts.chartsDir}`);
    const helm = await helmFor(inputs, opts.major, ctx);
    const env = (0,helm_env/* helmRunEnv */.n)(opts.env);
    const { oci } = opts;
    if (opts.login && oci) {
        const login = await (0,runner/* runTool */.q)((0,argv/* helmRegistryLoginArgv */.Hd)(helm, oci, opts.login.username), {
            cwd,
            env,
            input: opts.login.password,
            timeoutMs: 120_000,
        });
        // The registry is unreachable or refused the login: helm's own line says which (exit 3, not bad input).
        if (login.code !== 0)
            throw new errors/* ToolError */.v4(`helm registry login ${(0,argv/* registryHost */.U$)(oci.registry)} as ${opts.login.username} failed: ${firstLine(login.stderr || login.stdout)}`);
        ctx.progress(`release: logged in to ${(0,argv/* registryHost */.U$)(oci.registry)} as ${opts.login.username}`);
    }
    // Before any push: a key that cannot be read (or a wrong password) must not leave charts pushed unsigned.
    const signer = opts.sign && oci && !opts.dryRun
        ? await prepareSigning(opts.sign, {
            cwd,
            env: opts.env,
            workDir: external_node_path_default().join(inputs.workDir, "release"),
            plainHttp: oci.plainHttp,
            toolsDir: inputs.toolsDir,
            loggedIn: opts.login !== undefined,
        })
        : undefined;
    const index = opts.index ? await loadIndex(indexDir, opts.index.dir) : undefined;
    const indexShown = opts.index ? external_node_path_default().join(opts.index.dir, INDEX_FILE) : "";
    const packages = external_node_path_default().join(inputs.workDir, "release", "packages");
    await (0,promises_.rm)(packages, { recursive: true, force: true });
    await (0,promises_.mkdir)(packages, { recursive: true });
    const published = [];
    // `<name>-<version>.tgz sha256:<hex>` per chart packaged: reproducible (see reproducible.ts).
    const packaged = [];
    // `<name> <version>` per chart this run published somewhere (pushed, indexed or signed).
    const versions = [];
    // `<reference>@<digest> <signature reference>` per chart signed and verified.
    const signatures = [];
    // `<reference>@<digest> <attestation reference>` per chart whose SLSA provenance was attached and verified.
    const attestations = [];
    // `<name> <version> <url>` per entry added to the Helm repository index.
    const indexed = [];
    const source = signer ? await (0,report_source.sourceCommit)(cwd) : undefined;
    const startedOn = new Date();
    for (const dir of charts) {
        const rel = external_node_path_default().relative(cwd, dir) || ".";
        const id = await chartIdentity(dir, cwd);
        if ("findings" in id) {
            for (const f of id.findings)
                ctx.add({ ...f, chart: external_node_path_default().basename(dir) });
            ctx.check({ id: `release ${rel}`, rule: RELEASE_RULE, state: "fail" });
            continue;
        }
        const { name, version } = id;
        const chartFile = external_node_path_default().relative(cwd, external_node_path_default().join(dir, "Chart.yaml"));
        const checkId = `release ${name} ${version}`;
        const ref = oci ? `${oci.registry}/${name}:${(0,argv/* ociTag */.uR)(version)}` : "";
        const fail = (message, t0) => {
            ctx.add({ rule: RELEASE_RULE, severity: "error", message, file: chartFile, line: 1, chart: name });
            ctx.check({ id: checkId, rule: RELEASE_RULE, state: "fail", durationMs: Date.now() - t0 });
        };
        const t0 = Date.now();
        const predicate = () => provenancePredicate({
            chart: { name, version, path: (0,paths/* relPosix */.f)(cwd, dir) },
            registry: oci?.registry ?? "",
            helmMajor: opts.major,
            ...(opts.env.SOURCE_DATE_EPOCH ? { sourceDateEpoch: mtime.getTime() / 1000 } : {}),
            ...(source ? { source } : {}),
            env: opts.env,
            startedOn,
        });
        // Where this version is already: each target that has it is left alone.
        const there = [];
        let push = false;
        let signedNow = false;
        if (oci) {
            ctx.progress(`release: ${name} ${version}: is it in ${oci.registry}?`);
            const show = await (0,runner/* runTool */.q)((0,argv/* helmShowPublishedArgv */.QB)(helm, oci, name, version), {
                cwd,
                env,
                timeoutMs: 120_000,
            });
            if (show.code === 0) {
                if (signer) {
                    // Published: signed already (left alone), or pushed by a run that failed to sign it (signed now).
                    const signed = await ensureSigned(signer, oci.registry, name, (0,argv/* ociTag */.uR)(version), predicate());
                    if ("error" in signed) {
                        fail(signed.error, t0);
                        continue;
                    }
                    if (signed.signedNow) {
                        signedNow = true;
                        signatures.push(`${signed.target} ${signed.signature}`);
                        attestations.push(`${signed.target} ${signed.attestation}`);
                        ctx.progress(`release: ${ref} was published without a signature or provenance: signed, attested and verified ${signed.target}`);
                    }
                    there.push(`${ref} is already published${signed.signedNow ? "" : ", signed and attested"}`);
                }
                else
                    there.push(`${ref} is already published`);
            }
            else if ((0,argv/* isNotFound */.c4)(show.stderr))
                push = true;
            else {
                fail(`cannot tell whether ${name} ${version} is in ${oci.registry} (nothing pushed): ${firstLine(show.stderr || show.stdout)}`, t0);
                continue;
            }
        }
        const addToIndex = index !== undefined && !indexHas(index, name, version);
        if (index && !addToIndex)
            there.push(`${indexShown} already lists ${name} ${version}`);
        if (!push && !addToIndex && signedNow) {
            versions.push(`${name} ${version}`);
            ctx.check({ id: checkId, rule: RELEASE_RULE, state: "pass", durationMs: Date.now() - t0 });
            continue;
        }
        if (!push && !addToIndex) {
            ctx.progress(`release: ${there.join("; ")}: skipped`);
            ctx.check({
                id: checkId,
                rule: RELEASE_RULE,
                state: "skip",
                reason: `${there.join(" and ")} (bump version in Chart.yaml to publish a change)`,
                durationMs: Date.now() - t0,
            });
            continue;
        }
        const pkg = await (0,runner/* runTool */.q)((0,argv/* helmPackageArgv */.bV)(helm, dir, packages, id.dependencies), {
            cwd,
            env,
            timeoutMs: 300_000,
        });
        const tgz = /saved it to:\s*(\S+\.tgz)/.exec(pkg.stdout)?.[1] ?? external_node_path_default().join(packages, `${name}-${version}.tgz`);
        if (pkg.code !== 0 || !(0,external_node_fs_.existsSync)(tgz)) {
            fail(`helm package ${rel} failed: ${firstLine(pkg.stderr || pkg.stdout)}`, t0);
            continue;
        }
        const sha = await normalizePackage(tgz, mtime);
        packaged.push(`${external_node_path_default().basename(tgz)} ${sha}`);
        ctx.progress(`release: packaged ${external_node_path_default().basename(tgz)} (${sha})`);
        if (opts.dryRun) {
            ctx.progress(`release: ${name} ${version}: packaged (${external_node_path_default().relative(cwd, tgz)}), not published (--dry-run)`);
            ctx.check({
                id: checkId,
                rule: RELEASE_RULE,
                state: "skip",
                reason: `dry run: ${external_node_path_default().basename(tgz)} packaged (${sha}), not pushed`,
                durationMs: Date.now() - t0,
            });
            continue;
        }
        if (push && oci) {
            const pushed = await (0,runner/* runTool */.q)((0,argv/* helmPushArgv */.bE)(helm, oci, tgz), { cwd, env, timeoutMs: 300_000 });
            const digest = (0,argv/* pushedDigest */.Mn)(`${pushed.stdout}\n${pushed.stderr}`);
            if (pushed.code !== 0 || !digest) {
                fail(`helm push ${external_node_path_default().basename(tgz)} to ${oci.registry} failed: ${firstLine(pushed.stderr || pushed.stdout)}`, t0);
                continue;
            }
            published.push(`${ref}@${digest}`);
            ctx.progress(`release: published ${ref}@${digest}`);
            if (signer) {
                const signed = await signAndVerify(signer, oci.registry, name, digest, predicate());
                if ("error" in signed) {
                    fail(signed.error, t0);
                    continue;
                }
                signatures.push(`${signed.target} ${signed.signature}`);
                attestations.push(`${signed.target} ${signed.attestation}`);
                ctx.progress(`release: signed and verified ${signed.target} (${signed.signature}), with its provenance (${signed.attestation})`);
            }
        }
        if (addToIndex && index && opts.index) {
            // helm indexes the package alone, in a folder of its own (see repo-index.ts).
            const alone = external_node_path_default().join(packages, `.index-${name}`);
            await (0,promises_.rm)(alone, { recursive: true, force: true });
            await (0,promises_.mkdir)(alone);
            await (0,promises_.copyFile)(tgz, external_node_path_default().join(alone, external_node_path_default().basename(tgz)));
            const ix = await (0,runner/* runTool */.q)((0,argv/* helmRepoIndexArgv */.TL)(helm, alone, opts.index.url), {
                cwd,
                env,
                timeoutMs: 120_000,
            });
            if (ix.code !== 0) {
                fail(`helm repo index for ${external_node_path_default().basename(tgz)} failed: ${firstLine(ix.stderr || ix.stdout)}`, t0);
                continue;
            }
            addEntry(index, await (0,promises_.readFile)(external_node_path_default().join(alone, INDEX_FILE), "utf8"), name, version);
            await (0,promises_.copyFile)(tgz, external_node_path_default().join(indexDir, external_node_path_default().basename(tgz)));
            await (0,promises_.rm)(alone, { recursive: true, force: true });
            const url = opts.index.url
                ? `${opts.index.url.replace(/\/+$/, "")}/${external_node_path_default().basename(tgz)}`
                : external_node_path_default().basename(tgz);
            indexed.push(`${name} ${version} ${url}`);
            ctx.progress(`release: added ${name} ${version} to ${indexShown}`);
        }
        versions.push(`${name} ${version}`);
        ctx.check({ id: checkId, rule: RELEASE_RULE, state: "pass", durationMs: Date.now() - t0 });
    }
    // Written once, after every chart, and only when something was added: a re-run leaves it byte-identical.
    if (index && (await saveIndex(index, (opts.now ?? (() => new Date()))())))
        ctx.progress(`release: wrote ${indexShown} (${index.added.length} added)`);
    ctx.output("versions", versions.join("\n"));
    ctx.output("published", published.join("\n"));
    ctx.output("packages", packaged.join("\n"));
    if (opts.index)
        ctx.output("indexed", indexed.join("\n"));
    if (opts.sign)
        ctx.output("signatures", signatures.join("\n"));
    if (opts.sign)
        ctx.output("attestations", attestations.join("\n"));
}
/** helm from --tools-dir, else from the installer (pinned, checksum-verified, cached). */
async function helmFor(inputs, major, ctx) {
    // The installer (and the HTTP client under it) is loaded only when it is used.
    const { resolveTools } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 5084));
    const slot = major === 3 ? "helm3" : "helm4";
    return (await resolveTools(inputs, [slot], { warn: ctx.progress, progress: ctx.progress }))[slot];
}


/***/ })

};
