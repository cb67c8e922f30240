export const id = 278;
export const ids = [278];
export const modules = {

/***/ 3278:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mergeJobs: () => (/* binding */ mergeJobs),
/* harmony export */   readJobs: () => (/* binding */ readJobs)
/* harmony export */ });
/* unused harmony exports UNKNOWN_VERSION, checkVersions */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _coverage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3122);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9334);
/* harmony import */ var _results_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8940);
// `floe-helm report --merge DIR...`: the results of several jobs (a matrix of charts or helm majors, each DIR
// one job's --work-dir) as one report. Pure apart from reading the folders. The rules (README "Merging
// matrix runs"):
// - Every results file must be written by the same floe-helm version (`floeHelm`): results of two
//   versions may name rules, checks and findings differently, so they are refused with one error naming
//   each version and a file that has it. A file without the field (older floe-helm) counts as a version
//   of its own ("unknown").
// - One entry per phase: the phase's files of every DIR merged into it.
// - A finding is the same finding when every field is equal (rule, severity, message, file, line, col,
//   chart, scenario, helm, object, cause, waiver): two jobs reporting it make one.
// - A check is the same check when its id is equal: two jobs reporting it make one. When they disagree
//   on its state the strongest wins: fail/error, then pass, then skipped as not run here, then skipped;
//   its covers are the union of both. So a coverage cell (and a requirement's result) is: FAIL over
//   pass over not run here over skipped over not covered, as in a single run.
// - A phase could not run (status error) in any job: the merged phase could not run, its errors named
//   per folder. Otherwise its status follows its merged findings, as in a single run.
// - Started at the earliest start, finished at the latest finish; outputs with one value keep it, outputs
//   that differ between jobs become the distinct lines of all of them.





const UNKNOWN_VERSION = "unknown (written by a floe-helm that did not record its version)";
/** Reads each folder's `*.results.json`; a folder that does not exist or holds none is an error. */
async function readJobs(dirs) {
    const out = [];
    for (const dir of dirs) {
        const isDir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(dir).then((s) => s.isDirectory(), () => false);
        if (!isDir)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`--merge ${dir}: no such folder (expected a job's --work-dir)`);
        const results = await (0,_results_js__WEBPACK_IMPORTED_MODULE_3__/* .readAllResults */ .C7)(dir);
        if (!results.length)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`--merge ${dir}: no *.results.json in it (expected a job's --work-dir, written by floe-helm gate or another phase)`);
        out.push({ dir, results });
    }
    return out;
}
/** Strongest first: what a merged check's state is when two jobs disagree. */
const strength = (c) => c.state === "fail" || c.state === "error" ? 3 : c.state === "pass" ? 2 : (0,_coverage_js__WEBPACK_IMPORTED_MODULE_2__/* .isNotRunHere */ .l2)(c.reason) ? 1 : 0;
/** Every field of a finding: what a person sees (identity) and where it occurred (scenario, helm major), and
 * the classified cause. Equal keys: the same finding. */
const findingKey = (f) => JSON.stringify([(0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .identity */ .D_)(f), f.scenario, f.helm, f.cause]);
/** Refuses results of different floe-helm versions (see the rules above). */
function checkVersions(jobs) {
    const seen = new Map();
    for (const j of jobs)
        for (const r of j.results) {
            const v = r.floeHelm ?? UNKNOWN_VERSION;
            if (!seen.has(v))
                seen.set(v, (0,_results_js__WEBPACK_IMPORTED_MODULE_3__/* .resultsPath */ .mb)(j.dir, r.phase));
        }
    if (seen.size > 1)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`--merge: results of different floe-helm versions cannot be merged: ${[...seen]
            .map(([v, file]) => `${v} (${file})`)
            .join(", ")}; run every job with the same floe-helm`);
    return [...seen.keys()][0] ?? UNKNOWN_VERSION;
}
/** The jobs' results as one list, one entry per phase, in the order phases first appear. */
function mergeJobs(jobs) {
    const version = checkVersions(jobs);
    const byPhase = new Map();
    for (const j of jobs)
        for (const r of j.results) {
            if (!byPhase.has(r.phase))
                byPhase.set(r.phase, []);
            byPhase.get(r.phase).push({ dir: j.dir, r });
        }
    return [...byPhase].map(([phase, parts]) => mergePhase(phase, parts, version));
}
function mergePhase(phase, parts, version) {
    const findings = new Map();
    for (const { r } of parts)
        for (const f of r.findings)
            if (!findings.has(findingKey(f)))
                findings.set(findingKey(f), f);
    const checks = new Map();
    for (const { r } of parts)
        for (const c of r.checks) {
            const had = checks.get(c.id);
            if (!had) {
                checks.set(c.id, c);
                continue;
            }
            const winner = strength(c) > strength(had) ? c : had;
            const covers = [...new Set([...(had.covers ?? []), ...(c.covers ?? [])])];
            checks.set(c.id, { ...winner, ...(covers.length ? { covers } : {}) });
        }
    const errors = parts.filter(({ r }) => r.status === "error");
    const merged = [...findings.values()];
    const outputs = mergeOutputs(parts.map(({ r }) => r.outputs ?? {}));
    const starts = parts.map(({ r }) => r.startedAt).sort();
    const ends = parts.map(({ r }) => r.finishedAt).sort();
    return {
        schemaVersion: 1,
        ...(version !== UNKNOWN_VERSION ? { floeHelm: version } : {}),
        phase,
        startedAt: starts[0],
        finishedAt: ends.at(-1),
        status: errors.length ? "error" : (0,_results_js__WEBPACK_IMPORTED_MODULE_3__/* .statusOf */ .c2)(merged),
        ...(errors.length
            ? {
                error: parts.length > 1
                    ? errors.map(({ dir, r }) => `${dir}: ${r.error ?? "could not run"}`).join("; ")
                    : (errors[0].r.error ?? "could not run"),
            }
            : {}),
        findings: merged,
        checks: [...checks.values()],
        ...(Object.keys(outputs).length ? { outputs } : {}),
    };
}
function mergeOutputs(all) {
    const out = {};
    const keys = [...new Set(all.flatMap((o) => Object.keys(o)))];
    for (const k of keys) {
        const values = [...new Set(all.flatMap((o) => (o[k] === undefined ? [] : [o[k]])))];
        out[k] =
            values.length === 1
                ? values[0]
                : [...new Set(values.flatMap((v) => v.split("\n")).filter(Boolean))].join("\n");
    }
    return out;
}


/***/ })

};
