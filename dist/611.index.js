export const id = 611;
export const ids = [611];
export const modules = {

/***/ 7611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   annotate: () => (/* binding */ annotate),
/* harmony export */   setOutputs: () => (/* binding */ setOutputs),
/* harmony export */   summaryMarkdown: () => (/* binding */ summaryMarkdown),
/* harmony export */   writeJobSummary: () => (/* binding */ writeJobSummary)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
/* harmony import */ var _coverage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3122);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9334);
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
const icon = { pass: "✅", fail: "❌", error: "⚠️" };
/** Markdown for the job summary: a row per phase, the requirement coverage matrix (src/report/coverage.ts),
 * then the findings that matter. */
function summaryMarkdown(all, coverage, verdict) {
    const lines = ["## floe-helm", ""];
    if (all.length === 0) {
        lines.push("No phase wrote results: the run stopped before any check ran.");
        return `${lines.join("\n")}\n`;
    }
    lines.push("| Phase | Result | Errors | Warnings | Waived | Checks |", "|---|---|---|---|---|---|");
    for (const r of all) {
        const c = (0,_findings_js__WEBPACK_IMPORTED_MODULE_2__/* .countBySeverity */ .Ot)(r.findings);
        const res = `${icon[r.status]} ${r.status}${r.error ? `: ${escapeCell(r.error)}` : ""}`;
        lines.push(`| ${r.phase} | ${res} | ${c.errors} | ${c.warnings} | ${c.waived} | ${r.checks.length} |`);
    }
    const cov = coverage ? (0,_coverage_js__WEBPACK_IMPORTED_MODULE_1__/* .coverageMarkdown */ .w6)(coverage, verdict) : [];
    if (cov.length)
        lines.push("", ...cov);
    for (const r of all)
        if (r.phase === "release")
            lines.push("", ...releaseMarkdown(r));
    // Each distinct finding once, with the scenarios and helm majors it occurs in (as in the terminal).
    const shown = all
        // Info is left out, except the classified cause of a failed install or helm test (floe-helm test).
        .flatMap((r) => (0,_findings_js__WEBPACK_IMPORTED_MODULE_2__/* .groupFindings */ .kG)(r.findings).filter((g) => g.finding.severity !== "info" || g.finding.cause !== undefined))
        .slice(0, 200);
    if (shown.length > 0) {
        lines.push("", "### Findings", "", "| Severity | Rule | Where | Message |", "|---|---|---|---|");
        for (const g of shown) {
            const f = g.finding;
            const where = f.file ? `\`${f.file}${f.line ? `:${f.line}` : ""}\`` : (f.chart ?? "");
            const sev = f.waived ? "waived" : f.severity;
            lines.push(`| ${sev} | \`${f.rule}\` | ${escapeCell(where)} | ${escapeCell((0,_findings_js__WEBPACK_IMPORTED_MODULE_2__/* .messageWithOccurrences */ .ih)(g))} |`);
        }
    }
    return `${lines.join("\n")}\n`;
}
/** What `floe-helm release` did per chart: the pushed reference with its digest, or why it was skipped. */
function releaseMarkdown(r) {
    const published = (r.outputs?.published ?? "").split("\n").filter(Boolean);
    const rows = r.checks
        .filter((c) => c.rule === "release")
        .map((c) => {
        const chart = c.id.replace(/^release /, "");
        const name = chart.split(" ")[0];
        const ref = published.find((p) => p.includes(`/${name}:`));
        const result = c.state === "pass"
            ? `✅ published \`${ref ?? "?"}\``
            : c.state === "skip"
                ? `⏭️ skipped: ${c.reason ?? ""}`
                : "❌ failed (see the findings)";
        return `| ${escapeCell(chart)} | ${escapeCell(result)} |`;
    });
    return rows.length ? ["### Release", "", "| Chart | Result |", "|---|---|", ...rows] : [];
}
function escapeCell(s) {
    return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
async function writeJobSummary(markdown) {
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(markdown).write();
}


/***/ })

};
