export const id = 118;
export const ids = [118];
export const modules = {

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


/***/ })

};
