export const id = 643;
export const ids = [643];
export const modules = {

/***/ 8262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FINGERPRINT_KEY: () => (/* binding */ FINGERPRINT_KEY),
/* harmony export */   README_URL: () => (/* binding */ README_URL),
/* harmony export */   SARIF_SCHEMA_URI: () => (/* binding */ SARIF_SCHEMA_URI),
/* harmony export */   ruleDoc: () => (/* binding */ ruleDoc),
/* harmony export */   sourceRoot: () => (/* binding */ sourceRoot),
/* harmony export */   toSarif: () => (/* binding */ toSarif)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9334);
// `floe-helm report --sarif FILE`: the findings of every phase as SARIF 2.1.0, for GitHub code scanning
// (github/codeql-action/upload-sarif) and any SARIF viewer. Pure: results in, a SARIF log out.
// - One result per distinct finding (src/report/findings.ts), its scenarios and helm majors in the message
//   and in its properties, at its file (relative to the repository root), line and column.
// - Levels: error -> error, warning -> warning, info -> note. A waived finding keeps its level and carries
//   a suppression (kind external: floe-gate.yaml, status accepted) whose justification is the waiver's reason.
// - A finding with no file inside the repository (a tool that could not run, a failed install) cannot be a
//   code scanning alert (GitHub refuses a whole upload when one result has no location): it is a tool
//   execution notification of the run's invocation instead, so nothing is lost.
// - partialFingerprints `floeHelm/v1`: a hash of rule, file, object and message (never the line, so an
//   alert survives code moving above it), with the number of its occurrence among equal hashes.
// - Rule metadata from the catalog the caller passes (src/cli/rule-catalog.ts: the rule registry and every
//   phase's rule ids): id, short description, help link to the README's rule table, default level.





const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/** Where the help links point: the README of this action's repository. */
const README_URL = "https://github.com/floe/helm-action/blob/main/README.md";
const FINGERPRINT_KEY = "floeHelm/v1";
const SRCROOT = "%SRCROOT%";
const levelOf = { error: "error", warning: "warning", info: "note" };
/** A rule's documentation: the catalog's entry, else its family's (the part before the last `/`, e.g.
 * yaml-style/braces -> yaml-style), else a generic entry pointing at the README's rule table. */
function ruleDoc(id, catalog) {
    const exact = catalog.get(id);
    if (exact)
        return exact;
    for (let cut = id.lastIndexOf("/"); cut > 0; cut = id.lastIndexOf("/", cut - 1)) {
        const family = catalog.get(id.slice(0, cut));
        if (family)
            return { ...family, id, description: `${family.description} (${id.slice(cut + 1)})` };
    }
    return { id, description: `floe-helm rule ${id}.`, anchor: "rules-of-the-gate" };
}
/** The folder SARIF paths are relative to: $GITHUB_WORKSPACE when the working directory is inside it,
 * else the nearest folder up from it holding `.git`, else the working directory itself. */
function sourceRoot(cwd, env = {}) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd);
    const ws = env.GITHUB_WORKSPACE ? node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(env.GITHUB_WORKSPACE) : undefined;
    if (ws && (abs === ws || abs.startsWith(`${ws}${(node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)}`)))
        return ws;
    for (let d = abs;; d = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(d)) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(d, ".git")))
            return d;
        if (node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(d) === d)
            return abs;
    }
}
/** The finding's path relative to the root, POSIX, or undefined when it has none or lies outside it. */
function uriOf(f, cwd, root) {
    if (!f.file)
        return undefined;
    const rel = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(root, node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, f.file));
    if (!rel || rel.startsWith("..") || node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(rel))
        return undefined;
    return rel.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).map(encodeURIComponent).join("/");
}
const hash = (parts) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32);
const textOf = (g) => {
    const text = (0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .messageWithOccurrences */ .ih)(g);
    return g.finding.object && !text.startsWith(g.finding.object) ? `${g.finding.object}: ${text}` : text;
};
const propertiesOf = (phase, g) => {
    const f = g.finding;
    return {
        phase,
        ...(f.chart ? { chart: f.chart } : {}),
        ...(f.object ? { object: f.object } : {}),
        ...(g.scenarios.length ? { scenarios: g.scenarios } : {}),
        ...(g.helm.length ? { helm: g.helm } : {}),
        ...(f.cause ? { cause: f.cause } : {}),
        ...(f.waived?.expires ? { waiverExpires: f.waived.expires } : {}),
    };
};
function toSarif(all, opts) {
    const catalog = new Map(opts.rules.map((r) => [r.id, r]));
    const rules = [];
    const index = new Map();
    const ruleIndex = (id) => {
        let i = index.get(id);
        if (i === undefined) {
            const d = ruleDoc(id, catalog);
            const helpUri = `${README_URL}#${d.anchor}`;
            i = rules.push({
                id,
                shortDescription: { text: d.description },
                helpUri,
                help: {
                    text: `${d.description} See ${helpUri}`,
                    markdown: `${d.description} [Documentation](${helpUri})`,
                },
                defaultConfiguration: { level: levelOf[d.level ?? "error"] },
            });
            i -= 1;
            index.set(id, i);
        }
        return i;
    };
    // Every rule of the catalog is described, found or not (a viewer lists what was checked).
    for (const r of opts.rules)
        ruleIndex(r.id);
    const results = [];
    const notifications = [];
    const occurrences = new Map();
    for (const r of all) {
        for (const g of (0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .groupFindings */ .kG)(r.findings)) {
            const f = g.finding;
            const level = levelOf[f.severity];
            const uri = uriOf(f, opts.cwd, opts.root);
            if (uri === undefined) {
                notifications.push({
                    associatedRule: { id: f.rule, index: ruleIndex(f.rule) },
                    level,
                    message: { text: f.file ? `${f.file}: ${textOf(g)}` : textOf(g) },
                    properties: { ...propertiesOf(r.phase, g), ...(f.waived ? { waived: f.waived.reason } : {}) },
                });
                continue;
            }
            const base = hash([f.rule, uri, f.object ?? "", f.message]);
            const n = (occurrences.get(base) ?? 0) + 1;
            occurrences.set(base, n);
            results.push({
                ruleId: f.rule,
                ruleIndex: ruleIndex(f.rule),
                level,
                message: { text: textOf(g) },
                locations: [
                    {
                        physicalLocation: {
                            artifactLocation: { uri, uriBaseId: SRCROOT },
                            ...(f.line ? { region: { startLine: f.line, ...(f.col ? { startColumn: f.col } : {}) } } : {}),
                        },
                    },
                ],
                partialFingerprints: { [FINGERPRINT_KEY]: `${base}:${n}` },
                ...(f.waived
                    ? {
                        suppressions: [
                            { kind: "external", status: "accepted", justification: f.waived.reason },
                        ],
                    }
                    : {}),
                properties: propertiesOf(r.phase, g),
            });
        }
    }
    return {
        $schema: SARIF_SCHEMA_URI,
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: "floe-helm",
                        version: opts.version,
                        semanticVersion: opts.version,
                        informationUri: README_URL,
                        rules,
                    },
                },
                originalUriBaseIds: { [SRCROOT]: { uri: folderUri(opts.root) } },
                invocations: [
                    {
                        executionSuccessful: !all.some((r) => r.status === "error"),
                        toolExecutionNotifications: notifications,
                    },
                ],
                results,
                columnKind: "utf16CodeUnits",
            },
        ],
    };
}
/** `file:///abs/root/`: a folder's URI ends with a slash (SARIF 3.14.14). */
const folderUri = (dir) => (0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)(`${node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(dir)}${(node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)}`).href;


/***/ })

};
