export const id = 992;
export const ids = [992,611];
export const modules = {

/***/ 7611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   annotate: () => (/* binding */ annotate),
/* harmony export */   setOutputs: () => (/* binding */ setOutputs),
/* harmony export */   writeJobSummary: () => (/* binding */ writeJobSummary)
/* harmony export */ });
/* unused harmony export summaryMarkdown */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9334);
/* harmony import */ var _summary_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3974);
// GitHub Actions surfaces: annotations at file and line, step outputs, the job summary.



/** One annotation per distinct finding (src/report/findings.ts), naming the scenarios and helm majors. */
function annotate(g) {
    const f = g.finding;
    const props = { title: f.rule };
    if (f.file)
        props.file = f.file;
    if (f.line)
        props.startLine = f.line;
    if (f.col)
        props.startColumn = f.col;
    const text = (0,_findings_js__WEBPACK_IMPORTED_MODULE_2__/* .messageWithOccurrences */ .ih)(g);
    const msg = f.object ? `${f.object}: ${text}` : text;
    if (f.waived)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.notice(`${msg} [waived: ${f.waived.reason}]`, props);
    else if (f.severity === "error")
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.error(msg, props);
    else if (f.severity === "warning")
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(msg, props);
    else
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.notice(msg, props);
}
function setOutputs(outputs) {
    for (const [k, v] of Object.entries(outputs ?? {}))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(k, v);
}
/** Markdown for the job summary (src/report/summary): the verdict, charts x scenarios x phases, the
 * phases, the requirement coverage matrix, the integration points, the findings that matter. */
function summaryMarkdown(all, coverage, verdict) {
    return summaryMarkdownOf({ all, ...(coverage ? { coverage } : {}), ...(verdict ? { verdict } : {}) });
}
async function writeJobSummary(markdown) {
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(markdown).write();
}


/***/ })

};
