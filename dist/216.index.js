export const id = 216;
export const ids = [216,122];
export const modules = {

/***/ 9579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ restrictedPodSecurity),
/* harmony export */   l: () => (/* binding */ restrictedContainerSecurity)
/* harmony export */ });
// The restricted Pod Security Standard's settings for the pods floe-helm itself creates (probe pods, the
// upgrade's prober) and the tests' pods: one definition, so a pod of ours is never the one the namespace's
// `enforce: restricted` label refuses.
/** Pod level: non-root as uid:gid, the runtime's default seccomp profile. */
const restrictedPodSecurity = (uid, gid) => ({
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: gid,
    seccompProfile: { type: "RuntimeDefault" },
});
/** Container level: no privilege escalation, read-only root filesystem, non-root, every capability dropped. */
const restrictedContainerSecurity = () => ({
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ["ALL"] },
});


/***/ }),

/***/ 3122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ac: () => (/* binding */ COVERAGE_RULE),
/* harmony export */   E6: () => (/* binding */ coverageMatrix),
/* harmony export */   H_: () => (/* binding */ rowWord),
/* harmony export */   PZ: () => (/* binding */ coverageFindings),
/* harmony export */   XU: () => (/* binding */ coverageTerminal),
/* harmony export */   l2: () => (/* binding */ isNotRunHere),
/* harmony export */   oA: () => (/* binding */ coverageVerdictLine),
/* harmony export */   pd: () => (/* binding */ NOT_RUN_HERE),
/* harmony export */   w6: () => (/* binding */ coverageMarkdown)
/* harmony export */ });
/* unused harmony exports NO_REASON, notCovered, cellText, shorten, cellReason, skipReasons, notRunReasons */
/* harmony import */ var _core_wildcard_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2829);
/* harmony import */ var _summary_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(996);
// Requirement coverage matrix: requirement x phase -> pass / fail / skipped (with every skip's reason) /
// not run here (with its reason) / not covered, and the verdict on it. Pure: built from the phases' results
// files and floe-gate.yaml's `requirements:`, so the job summary and the terminal say the same thing. A
// check covers a requirement when its results entry says so (`covers`: the gate and upgrade-check fill it
// from floe-gate.yaml, helm test pods from their `floe.dev/covers` annotation) or when its rule or its id
// matches one of the requirement's patterns.


/** The start of a skip reason that means "cannot run where this run ran" (not "skipped on purpose"). */
const NOT_RUN_HERE = "not run here";
const isNotRunHere = (reason) => (reason ?? "").trim().toLowerCase().startsWith(NOT_RUN_HERE);
const NO_REASON = "no reason given";
const glob = _core_wildcard_js__WEBPACK_IMPORTED_MODULE_0__/* .matchesWildcard */ ._;
const asRequirement = (r) => Array.isArray(r) ? { covers: [...r] } : r;
function coversOf(c, requirements) {
    const ids = new Set(c.covers ?? []);
    for (const [req, { covers }] of requirements) {
        // A pattern names a rule (`policy/*`) or a check by its id (`e2e T116*`).
        if (covers.some((p) => (c.rule !== undefined && glob(p, c.rule)) || glob(p, c.id)))
            ids.add(req);
    }
    return [...ids];
}
const byId = (a, b) => a.localeCompare(b, "en", { numeric: true });
/** Failed and uncovered P0 requirements first (what blocks), then every row by id. */
const blocking = (r) => r.priority === "P0" && (r.state === "fail" || r.state === "not-covered");
const rowOrder = (a, b) => Number(blocking(b)) - Number(blocking(a)) || byId(a.requirement, b.requirement);
const emptyCell = () => ({
    state: "skip",
    pass: 0,
    fail: 0,
    skip: 0,
    notRun: 0,
    skipReasons: {},
    notRunReasons: {},
    failed: [],
});
/** How many failed check ids a cell keeps (the summary shows the first; a large run fails thousands). */
const FAILED_KEPT = 5;
function coverageMatrix(all, requirements = {}) {
    const declared = new Map(Object.entries(requirements).map(([id, r]) => [id, asRequirement(r)]));
    const rows = new Map();
    const row = (id) => {
        let r = rows.get(id);
        if (!r) {
            const d = declared.get(id);
            r = {
                requirement: id,
                declared: d !== undefined,
                ...(d?.title ? { title: d.title } : {}),
                ...(d?.priority ? { priority: d.priority } : {}),
                ...(d?.at ? { at: d.at } : {}),
                cells: {},
                state: "not-covered",
            };
            rows.set(id, r);
        }
        return r;
    };
    for (const id of declared.keys())
        row(id);
    const phases = [];
    for (const results of all) {
        for (const check of results.checks) {
            for (const id of coversOf(check, declared)) {
                const r = row(id);
                r.cells[results.phase] ??= emptyCell();
                const cell = r.cells[results.phase];
                if (!phases.includes(results.phase))
                    phases.push(results.phase);
                if (check.state === "pass")
                    cell.pass++;
                else if (check.state === "skip") {
                    const why = check.reason?.trim() || NO_REASON;
                    const [n, reasons] = isNotRunHere(why)
                        ? ["notRun", cell.notRunReasons]
                        : ["skip", cell.skipReasons];
                    cell[n]++;
                    reasons[why] = (reasons[why] ?? 0) + 1;
                }
                else {
                    cell.fail++; // fail, and error: a check that could not run proves nothing
                    if (cell.failed.length < FAILED_KEPT)
                        cell.failed.push(check.id);
                }
            }
        }
    }
    for (const r of rows.values()) {
        const cells = Object.values(r.cells);
        for (const c of cells)
            c.state = c.fail ? "fail" : c.pass ? "pass" : c.notRun ? "not-run" : "skip";
        const any = (s) => cells.some((c) => c.state === s);
        r.state = !cells.length
            ? "not-covered"
            : any("fail")
                ? "fail"
                : any("pass")
                    ? "pass"
                    : any("not-run")
                        ? "not-run"
                        : "skip";
    }
    const notVerified = all.flatMap((r) => r.outputs?.["not-verified"] ? [{ phase: r.phase, what: r.outputs["not-verified"] }] : []);
    return { phases, rows: [...rows.values()].sort(rowOrder), notVerified };
}
const COVERAGE_RULE = "coverage";
/** The verdict: one error finding per declared requirement whose priority is in `failOn` and that failed
 * or that no check covers, at its line in floe-gate.yaml (object `Requirement/<id>`, so severity and
 * waivers of floe-gate.yaml apply to it like to any finding). Skipped and not run here never fail. */
function coverageFindings(m, failOn) {
    return m.rows.flatMap((r) => {
        if (!r.declared || !r.priority || !failOn.includes(r.priority))
            return [];
        if (r.state !== "fail" && r.state !== "not-covered")
            return [];
        const what = `${r.priority} requirement ${r.requirement}${r.title ? ` (${r.title})` : ""}`;
        const why = r.state === "not-covered"
            ? "is not covered: no check of any phase proves it"
            : `failed: ${Object.entries(r.cells)
                .filter(([, c]) => c.fail)
                .map(([p, c]) => `${c.fail} of ${c.pass + c.fail + c.skip + c.notRun} check(s) in ${p}`)
                .join(", ")}`;
        return [
            {
                rule: COVERAGE_RULE,
                severity: "error",
                message: `${what} ${why} (coverage.failOn: ${failOn.join(", ")})`,
                ...(r.at ? { file: r.at.file, line: r.at.line, ...(r.at.col ? { col: r.at.col } : {}) } : {}),
                object: `Requirement/${r.requirement}`,
            },
        ];
    });
}
/** Requirements listed in floe-gate.yaml that no check of any phase covers. */
function notCovered(m) {
    return m.rows.filter((r) => r.state === "not-covered").map((r) => r.requirement);
}
/** `pass 12`, `FAIL 1/13`, `pass 4 (+2 skipped)`, `skipped 7`, `not run here 3`: the checks behind one cell. */
function cellText(c) {
    if (!c)
        return "-";
    const total = c.pass + c.fail + c.skip + c.notRun;
    if (c.state === "skip")
        return c.notRun ? `skipped ${c.skip} (+${c.notRun} not run here)` : `skipped ${c.skip}`;
    if (c.state === "not-run")
        return c.skip ? `not run here ${c.notRun} (+${c.skip} skipped)` : `not run here ${c.notRun}`;
    const head = c.state === "fail" ? `FAIL ${c.fail}/${total}` : `pass ${c.pass}`;
    if (c.state !== "pass")
        return head;
    const extra = [c.skip ? `+${c.skip} skipped` : "", c.notRun ? `+${c.notRun} not run here` : ""].filter(Boolean);
    return extra.length ? `${head} (${extra.join(", ")})` : head;
}
/** At most `max` characters, cut at a word with "…": a reason as short as a table cell can hold. */
function shorten(s, max = 60) {
    const t = s.replace(/\s+/g, " ").trim();
    if (t.length <= max)
        return t;
    const cut = t.slice(0, max - 1);
    const sp = cut.lastIndexOf(" ");
    return `${(sp > max / 2 ? cut.slice(0, sp) : cut).replace(/[\s,;:(]+$/, "")}…`;
}
/** A cell's short reason, beside its symbol and counts: the first failed check, the most frequent skip or
 * not-run reason ("not run here:" said once), nothing for a pass. The full reasons follow the table. */
function cellReason(c) {
    const top = (r) => Object.entries(r).sort((a, b) => b[1] - a[1])[0]?.[0];
    if (c.state === "fail")
        return c.failed[0] ? shorten(c.failed[0]) : "";
    if (c.state === "skip")
        return shorten(top(c.skipReasons) ?? "");
    if (c.state === "not-run")
        return shorten((top(c.notRunReasons) ?? "").replace(/^not run here:?\s*/i, ""));
    return "";
}
const rowWord = {
    pass: "pass",
    fail: "FAIL",
    skip: "skipped",
    "not-run": "not run here",
    "not-covered": "NOT COVERED",
};
function reasonsOf(m, key) {
    return m.rows.flatMap((r) => Object.entries(r.cells).flatMap(([phase, c]) => Object.entries(c[key]).map(([reason, checks]) => ({
        requirement: r.requirement,
        phase,
        reason,
        checks,
    }))));
}
/** Every distinct skip reason of the matrix: requirement, phase, reason, number of checks. */
const skipReasons = (m) => reasonsOf(m, "skipReasons");
/** Every distinct "not run here" reason: what could not run where this run ran, and why. */
const notRunReasons = (m) => reasonsOf(m, "notRunReasons");
/** Whether floe-gate.yaml gives titles or priorities (the `{ title, priority, covers }` form): then both
 * outputs show them; a config of bare pattern lists renders as before. */
const described = (m) => m.rows.some((r) => r.title || r.priority);
/** A short fixed-width table for `floe-helm report`, then each skip and not-run reason once per phase. */
function coverageTerminal(m) {
    if (!m.rows.length)
        return [];
    const rich = described(m);
    const head = ["requirement", ...(rich ? ["prio"] : []), ...m.phases, "result", ...(rich ? ["title"] : [])];
    const body = m.rows.map((r) => [
        r.requirement,
        ...(rich ? [r.priority ?? "-"] : []),
        ...m.phases.map((p) => cellText(r.cells[p])),
        rowWord[r.state],
        ...(rich ? [r.title ?? ""] : []),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const line = (cols) => cols
        .map((c, i) => c.padEnd(widths[i]))
        .join("  ")
        .trimEnd();
    const out = ["coverage:", line(head), ...body.map(line)];
    // Reasons are shared by many requirements (e.g. "runs only in a cluster"): print each once per phase.
    const once = (rows, word) => {
        const seen = new Map();
        for (const s of rows) {
            // "not run here in test: not run here: <why>" says it twice.
            const key = `${s.phase}: ${word === NOT_RUN_HERE ? s.reason.replace(/^not run here:?\s*/i, "") : s.reason}`;
            if (!seen.has(key))
                seen.set(key, new Set());
            seen.get(key).add(s.requirement);
        }
        for (const [key, reqs] of seen)
            out.push(`${word} in ${key} (${[...reqs].sort(byId).join(", ")})`);
    };
    once(skipReasons(m), "skipped");
    once(notRunReasons(m), NOT_RUN_HERE);
    const missing = notCovered(m);
    if (missing.length)
        out.push(`not covered: ${missing.join(", ")}: declared in floe-gate.yaml requirements but no check of any phase covers them`);
    for (const n of m.notVerified)
        out.push(`not verified here (${n.phase}): ${n.what}`);
    return out;
}
/** `coverage: FAIL: ...` / `coverage: PASS: ...`: the verdict on the matrix after floe-gate.yaml's severity
 * and waivers (findings as coverageFindings made them, policy applied). */
function coverageVerdictLine(findings, failOn) {
    const ids = (fs) => fs.map((f) => (f.object ?? "").replace(/^Requirement\//, "")).join(", ");
    const failing = findings.filter((f) => f.severity === "error" && !f.waived);
    const waived = findings.filter((f) => f.waived);
    const of = failOn.length ? failOn.join("/") : "none (coverage.failOn: [])";
    const w = waived.length ? `; waived: ${ids(waived)}` : "";
    return failing.length
        ? `coverage: FAIL: ${failing.length} requirement(s) of priority ${of} failed or not covered: ${ids(failing)}${w}`
        : `coverage: PASS: no requirement of priority ${of} failed or uncovered${w}`;
}
const mdIcon = { pass: "✅", fail: "❌", skip: "⏭️", "not-run": "🚫", "not-covered": "⚠️" };
/** The job summary's "Requirement coverage" section (empty when no requirement is known): the verdict
 * first when there is one, then a row per requirement (failed and uncovered P0 first) with its priority
 * and title, a column per phase, then every skip and not-run reason. */
function coverageMarkdown(m, verdict) {
    if (!m.rows.length)
        return [];
    const rich = described(m);
    const lines = ["### Requirement coverage", ""];
    if (verdict) {
        const line = coverageVerdictLine(verdict.findings, verdict.failOn);
        lines.push(`${line.startsWith("coverage: FAIL") ? "❌" : "✅"} **${(0,_summary_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .k)(line)}**`, "");
        for (const f of verdict.findings) {
            const where = f.file ? ` (\`${f.file}${f.line ? `:${f.line}` : ""}\`)` : "";
            const w = f.waived ? ` — waived until ${f.waived.expires ?? "?"}: ${f.waived.reason}` : "";
            lines.push(`- ${f.waived ? "waived" : f.severity}: ${(0,_summary_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .k)(f.message)}${where}${(0,_summary_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .k)(w)}`);
        }
        if (verdict.findings.length)
            lines.push("");
    }
    const pre = rich ? ["Requirement", "Priority", "Title"] : ["Requirement"];
    lines.push(`| ${[...pre, ...m.phases, "Result"].join(" | ")} |`, `|${[...pre, ...m.phases, "Result"].map(() => "---|").join("")}`);
    for (const r of m.rows) {
        const cells = m.phases.map((p) => {
            const c = r.cells[p];
            if (!c)
                return "–";
            const why = cellReason(c);
            return `${mdIcon[c.state]} ${cellText(c)}${why ? `: ${(0,_summary_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .k)(why)}` : ""}`;
        });
        const name = r.declared ? `\`${r.requirement}\`` : `\`${r.requirement}\`*`;
        const desc = rich ? [r.priority ?? "–", (0,_summary_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .k)(r.title ?? "")] : [];
        lines.push(`| ${[name, ...desc, ...cells, `${mdIcon[r.state]} ${rowWord[r.state]}`].join(" | ")} |`);
    }
    if (m.rows.some((r) => !r.declared))
        lines.push("", "\\* not in floe-gate.yaml `requirements:`: named by a check's `covers` (e.g. a helm test pod's `floe.dev/covers`).");
    for (const [title, rows] of [
        ["Not run here", notRunReasons(m)],
        ["Skipped", skipReasons(m)],
    ]) {
        if (!rows.length)
            continue;
        // Every reason in full, collapsed: the cells above say the gist.
        lines.push("", `<details><summary>${title}: every reason (${rows.length})</summary>`, "", "| Requirement | Phase | Checks | Reason |", "|---|---|---|---|");
        for (const s of rows)
            lines.push(`| \`${s.requirement}\` | ${s.phase} | ${s.checks} | ${(0,_summary_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .k)(s.reason)} |`);
        lines.push("", "</details>");
    }
    const missing = notCovered(m);
    if (missing.length)
        lines.push("", `**Not covered:** ${missing.map((id) => `\`${id}\``).join(", ")}: declared in floe-gate.yaml \`requirements:\` but no check of any phase covers them.`);
    for (const n of m.notVerified)
        lines.push("", `**Not verified here** (${n.phase}): ${(0,_summary_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .k)(n.what)}.`);
    return lines;
}


/***/ }),

/***/ 996:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ escapeCell)
/* harmony export */ });
// Text inside a Markdown table cell: a `|` would end the cell, a newline the row, and `<` would start what
// GitHub takes for HTML (it drops unknown tags, so `<none>` would vanish). `>` alone starts nothing.
function escapeCell(s) {
    return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ").replace(/</g, "&lt;");
}


/***/ })

};
