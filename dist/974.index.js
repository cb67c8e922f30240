export const id = 974;
export const ids = [974,122];
export const modules = {

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

/***/ 4195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jt: () => (/* binding */ SUMMARY_LIMIT),
/* harmony export */   Mn: () => (/* binding */ lines),
/* harmony export */   U8: () => (/* binding */ fitBlocks)
/* harmony export */ });
// The job summary as blocks of Markdown, so it can be cut to GitHub's size limit without breaking it: a
// table loses rows from its end, anything else is kept or left out whole, and what was left out is said.
/** GitHub refuses a step summary over 1 MiB (the job's summary upload fails and shows nothing). */
const SUMMARY_LIMIT = 1024 * 1024;
const lines = (...l) => ({ kind: "lines", lines: l });
const bytes = (s) => Buffer.byteLength(s, "utf8");
/** The blocks joined (a blank line between blocks), cut to `limit` bytes: each block that fits in what is
 * left, each table row that does (a huge one is left out, not the rows after it), then a note saying what
 * was left out and where the rest is. Never throws. */
function fitBlocks(blocks, limit = SUMMARY_LIMIT, rest = "") {
    const out = [];
    let size = 0;
    const left = [];
    // Room for the note itself (a generous line).
    const budget = limit - 2048;
    const fits = (n) => size + n + 2 <= budget;
    for (const b of blocks) {
        if (b.kind === "lines") {
            const text = b.lines.join("\n");
            if (fits(bytes(text))) {
                out.push(text);
                size += bytes(text) + 2;
            }
            else
                left.push(b.what ?? "a section");
            continue;
        }
        const tail = b.tail?.length ? `\n${b.tail.join("\n")}` : "";
        let body = b.head.join("\n");
        let shown = 0;
        for (const r of b.rows) {
            if (!fits(bytes(body) + bytes(r) + 1 + bytes(tail)))
                continue;
            body += `\n${r}`;
            shown++;
        }
        if (shown === 0 && (b.rows.length || !fits(bytes(body) + bytes(tail)))) {
            left.push(`${b.rows.length} row(s) of ${b.what}`);
            continue;
        }
        out.push(body + tail);
        size += bytes(body + tail) + 2;
        if (shown < b.rows.length)
            left.push(`${b.rows.length - shown} of ${b.rows.length} row(s) of ${b.what}`);
    }
    if (left.length) {
        const list = `${left.slice(0, 5).join(", ")}${left.length > 5 ? ` and ${left.length - 5} more` : ""}`;
        out.push(`> ✂️ **Truncated** to stay under GitHub's 1 MiB job summary limit: left out ${list}.${rest ? ` ${rest}` : ""}`);
    }
    return `${out.join("\n\n")}\n`;
}


/***/ }),

/***/ 6655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ sourceLinks),
/* harmony export */   Tf: () => (/* binding */ findingsBlocks),
/* harmony export */   _g: () => (/* binding */ findingsText)
/* harmony export */ });
/* unused harmony exports FIRST_FINDINGS, fileUrl */
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9334);
/* harmony import */ var _blocks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4195);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(996);



/** How many findings of one failed rule are shown; the rest are counted. */
const FIRST_FINDINGS = 5;
/** Rows of a collapsed table (warnings, waived, diagnostics) before "and N more". */
const COLLAPSED_ROWS = 100;
function sourceLinks(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
    return server && repository && sha ? { server: server.replace(/\/+$/, ""), repository, sha } : undefined;
}
/** `server/repo/blob/sha/file#L12` for a file of the checkout (relative, inside it); else undefined. */
function fileUrl(links, f) {
    if (!links || !f.file)
        return undefined;
    const file = f.file.replace(/\\/g, "/").replace(/^\.\//, "");
    if (file.startsWith("/") || file.startsWith("../") || /^[A-Za-z]:/.test(file))
        return undefined;
    const path = file.split("/").map(encodeURIComponent).join("/");
    return `${links.server}/${links.repository}/blob/${links.sha}/${path}${f.line ? `#L${f.line}` : ""}`;
}
function where(f, links) {
    if (!f.file)
        return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)(f.chart ?? "");
    const text = `\`${f.file}${f.line ? `:${f.line}` : ""}\``;
    const url = fileUrl(links, f);
    return url ? `[${text}](${url})` : text;
}
const row = (g, links) => {
    const f = g.finding;
    const sev = f.waived ? "waived" : f.severity;
    return `| ${sev} | \`${f.rule}\` | ${where(f, links)} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)((0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .messageWithOccurrences */ .ih)(g))} |`;
};
const HEAD = ["| Severity | Rule | Where | Message |", "|---|---|---|---|"];
/** Each distinct finding of every phase, and the unwaived errors by phase and rule (a failed check). */
function sorted(all) {
    const groups = all.flatMap((r) => (0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .groupFindings */ .kG)(r.findings).map((g) => ({ phase: r.phase, g })));
    const byRule = new Map();
    for (const e of groups) {
        if (e.g.finding.severity !== "error" || e.g.finding.waived)
            continue;
        const key = `${e.phase}\u0000${e.g.finding.rule}`;
        byRule.set(key, [...(byRule.get(key) ?? []), e]);
    }
    return { groups, failed: [...byRule.values()] };
}
/** The terminal's form: per failed rule its first findings (compiler-style lines), then how many warnings,
 * waived findings and diagnostics there are (each phase printed them all when it ran). */
function findingsText(all, format) {
    const { groups, failed } = sorted(all);
    const out = [];
    for (const list of failed) {
        const { phase, g } = list[0];
        out.push(`failed: ${g.finding.rule} (${phase}): ${list.length} finding(s)`);
        for (const x of list.slice(0, FIRST_FINDINGS))
            out.push(`  ${format(x.g)}`);
        if (list.length > FIRST_FINDINGS)
            out.push(`  ...and ${list.length - FIRST_FINDINGS} more`);
    }
    const count = (p) => groups.filter(({ g }) => p(g.finding)).length;
    const rest = [
        [count((f) => f.severity === "warning" && !f.waived), "warning(s)"],
        [count((f) => !!f.waived), "waived"],
        [count((f) => f.severity === "info" && !f.waived && f.cause !== undefined), "diagnostic(s)"],
    ].filter(([n]) => n);
    if (rest.length)
        out.push(`also: ${rest.map(([n, w]) => `${n} ${w}`).join(", ")} (printed by their phase; in the job summary)`);
    return out;
}
function findingsBlocks(all, links) {
    const { groups, failed } = sorted(all);
    const blocks = [];
    if (failed.length) {
        blocks.push((0,_blocks_js__WEBPACK_IMPORTED_MODULE_2__/* .lines */ .Mn)("### Failed checks: first findings"));
        for (const list of failed) {
            const { phase, g } = list[0];
            const more = list.length - FIRST_FINDINGS;
            blocks.push({
                kind: "table",
                what: `\`${g.finding.rule}\` findings`,
                head: [`#### ❌ \`${g.finding.rule}\` (${phase}): ${list.length} finding(s)`, "", ...HEAD],
                rows: list.slice(0, FIRST_FINDINGS).map((x) => row(x.g, links)),
                tail: more > 0
                    ? [
                        "",
                        `…and ${more} more: every one is in \`${phase}.results.json\` and the ${phase} step's log.`,
                    ]
                    : [],
            });
        }
    }
    const collapsed = (title, list) => {
        if (!list.length)
            return;
        const more = list.length - COLLAPSED_ROWS;
        blocks.push({
            kind: "table",
            what: title.toLowerCase(),
            head: [`<details><summary>${title} (${list.length})</summary>`, "", ...HEAD],
            rows: list.slice(0, COLLAPSED_ROWS).map((g) => row(g, links)),
            tail: [...(more > 0 ? ["", `…and ${more} more.`] : []), "", "</details>"],
        });
    };
    const only = (p) => groups.map(({ g }) => g).filter((g) => p(g.finding));
    collapsed("Warnings", only((f) => f.severity === "warning" && !f.waived));
    collapsed("Waived", only((f) => !!f.waived));
    // A failed install's or helm test's classified causes (floe-helm test's `diagnosis`), and other info
    // findings that name a cause.
    collapsed("Diagnostics", only((f) => f.severity === "info" && !f.waived && f.cause !== undefined));
    return blocks;
}


/***/ }),

/***/ 3974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z: () => (/* binding */ summaryMarkdownOf),
  g: () => (/* binding */ summaryText)
});

// EXTERNAL MODULE: ./src/report/coverage.ts
var coverage = __webpack_require__(3122);
// EXTERNAL MODULE: ./src/report/findings.ts
var findings = __webpack_require__(9334);
// EXTERNAL MODULE: ./src/report/terminal.ts
var terminal = __webpack_require__(7496);
// EXTERNAL MODULE: ./src/report/summary/blocks.ts
var summary_blocks = __webpack_require__(4195);
// EXTERNAL MODULE: ./src/report/summary/findings.ts
var summary_findings = __webpack_require__(6655);
;// CONCATENATED MODULE: ./src/report/summary/integrations.ts
// The integration points (floe-gate.yaml `integrations:`, the one source: from -> to, proved by the checks
// covering its requirements) as a graph: a Mermaid flowchart in the job summary, one line per edge in the
// terminal. An edge is coloured by the worst state of its requirements' rows in the coverage matrix:
// failed, passed, not run here, skipped, or not covered (no check of any phase proves it).

const rank = { fail: 4, pass: 3, "not-run": 2, skip: 1, "not-covered": 0 };
function integrationEdges(m, integrations) {
    const state = new Map(m.rows.map((r) => [r.requirement, r.state]));
    return integrations.map((i) => {
        const requirements = i.requirements.map((id) => ({ id, state: state.get(id) ?? "not-covered" }));
        // Failed wins; otherwise the best proof any requirement gives (pass > not run here > skipped).
        const s = requirements.map((r) => r.state);
        const worst = s.includes("fail")
            ? "fail"
            : s.reduce((a, b) => (rank[b] > rank[a] ? b : a), "not-covered");
        return { from: i.from, to: i.to, state: worst, requirements };
    });
}
/** GitHub's palette: green passed, red failed, grey not run here or skipped, orange dashed not covered. */
const style = {
    pass: "stroke:#1a7f37,stroke-width:3px",
    fail: "stroke:#cf222e,stroke-width:3px",
    "not-run": "stroke:#8c959f,stroke-width:2px,stroke-dasharray:4 4",
    skip: "stroke:#8c959f,stroke-width:2px,stroke-dasharray:4 4",
    "not-covered": "stroke:#bc4c00,stroke-width:2px,stroke-dasharray:2 6",
};
const label = {
    pass: "passed",
    fail: "FAILED",
    "not-run": "not run here",
    skip: "skipped",
    "not-covered": "not covered",
};
/** Mermaid text is inside `"..."`: no quotes, no Markdown-breaking characters. */
const q = (s) => s.replace(/["`|<>]/g, "'");
function integrationsMermaid(edges) {
    if (!edges.length)
        return [];
    const ids = new Map();
    const node = (name) => {
        if (!ids.has(name))
            ids.set(name, `n${ids.size}`);
        return ids.get(name);
    };
    const out = ["```mermaid", "flowchart LR"];
    for (const e of edges) {
        const from = node(e.from);
        const to = node(e.to);
        const reqs = e.requirements.map((r) => r.id).join(", ");
        out.push(`  ${from}["${q(e.from)}"] -->|"${q(`${reqs}: ${label[e.state]}`)}"| ${to}["${q(e.to)}"]`);
    }
    edges.forEach((e, i) => {
        out.push(`  linkStyle ${i} ${style[e.state]}`);
    });
    out.push("```");
    return out;
}
const counts = (edges) => ["fail", "pass", "not-run", "skip", "not-covered"]
    .map((s) => [s, edges.filter((e) => e.state === s).length])
    .filter(([, n]) => n)
    .map(([s, n]) => `${n} ${label[s]}`)
    .join(", ");
/** Under the graph: what the colours mean, and how many edges are in each state. */
function integrationsLegend(edges) {
    return `${edges.length} integration point(s): ${counts(edges)}. Green: passed; red: failed; grey dashed: not run here or skipped (reasons in the coverage matrix); orange dotted: not covered by any check.`;
}
/** `Dagster -> PostgreSQL: pass (INT-001 pass)`: one line per edge for the terminal. */
function integrationsText(edges) {
    if (!edges.length)
        return [];
    return [
        `integration points (${counts(edges)}):`,
        ...edges.map((e) => `${e.from} -> ${e.to}: ${coverage/* rowWord */.H_[e.state]} (${e.requirements.map((r) => `${r.id} ${coverage/* rowWord */.H_[r.state]}`).join(", ")})`),
    ];
}

// EXTERNAL MODULE: ./src/report/summary/markdown.ts
var markdown = __webpack_require__(996);
;// CONCATENATED MODULE: ./src/report/summary/release.ts

const lines = (v) => (v ?? "").split("\n").filter(Boolean);
function releaseMarkdown(r) {
    const published = lines(r.outputs?.published);
    const packages = lines(r.outputs?.packages);
    const signatures = lines(r.outputs?.signatures);
    const attestations = lines(r.outputs?.attestations);
    const indexed = lines(r.outputs?.indexed);
    const signing = r.outputs?.signatures !== undefined;
    const rows = r.checks
        .filter((c) => c.rule === "release")
        .map((c) => {
        const chart = c.id.replace(/^release /, "");
        const [name, version] = chart.split(" ");
        const ref = published.find((p) => p.includes(`/${name}:`));
        const ix = indexed.find((l) => l.startsWith(`${name} ${version} `));
        const where = [
            ...(ref ? [`published \`${ref}\``] : []),
            ...(ix ? [`added to the index (\`${ix.split(" ")[2]}\`)`] : []),
        ];
        const result = c.state === "pass"
            ? `✅ ${where.join("; ") || "published"}`
            : c.state === "skip"
                ? `⏭️ skipped: ${c.reason ?? ""}`
                : "❌ failed (see the findings)";
        const pkg = packages.find((p) => p.startsWith(`${name}-${version}.tgz `))?.split(" ")[1];
        const sig = signatures.find((s) => s.includes(`/${name}@`))?.split(" ")[1];
        const att = attestations.find((s) => s.includes(`/${name}@`))?.split(" ")[1];
        const cells = [
            chart,
            result,
            pkg ? `\`${pkg}\`` : "",
            ...(signing ? [sig ? `✅ \`${sig}\`` : "", att ? `✅ \`${att}\`` : ""] : []),
        ];
        return `| ${cells.map(markdown/* escapeCell */.k).join(" | ")} |`;
    });
    const head = signing
        ? [
            "| Chart | Result | Package | Signature (verified) | SLSA provenance (verified) |",
            "|---|---|---|---|---|",
        ]
        : ["| Chart | Result | Package |", "|---|---|---|"];
    return rows.length ? ["### Release", "", ...head, ...rows] : [];
}

;// CONCATENATED MODULE: ./src/report/summary/runs.ts
// The run table: charts x scenarios (rows) x phases (columns), each cell the state of that chart and
// scenario's checks in that phase, per helm major when the majors disagree, and their time. Derived from
// the results files only: a check's cell is in its id (`<rule> <chart>/<scenario> helm<N>`, documented in
// the README's Coverage matrix), a finding's in its chart, scenario and helm fields.

const HELM = /^helm(\d+)$/;
const CELL = /^([^/\s]+)\/(\S+)$/;
/** The cell a check id names, or undefined for checks of the whole run (tools, e2e). A check of one chart
 * (`chart-schema app`) names one of `charts` after its rule. */
function cellOfCheck(id, charts = new Set()) {
    const t = id.split(" ");
    // The chart/scenario right before `helm<N>` (an install of the platform for a jobs cell names both).
    for (let i = t.length - 1; i >= 1; i--) {
        const h = HELM.exec(t[i]);
        const c = h ? CELL.exec(t[i - 1] ?? "") : undefined;
        if (h && c && i - 1 >= 1)
            return { chart: c[1], scenario: c[2], helm: Number(h[1]) };
    }
    for (const tok of t.slice(1)) {
        const c = CELL.exec(tok);
        if (c)
            return { chart: c[1], scenario: c[2] };
    }
    for (const tok of t.slice(1))
        if (charts.has(tok))
            return { chart: tok, scenario: "" };
    return undefined;
}
const runs_rank = { fail: 3, pass: 2, "not-run": 1, skip: 0 };
const worse = (a, b) => (a && runs_rank[a] >= runs_rank[b] ? a : b);
function stateOf(c) {
    if (c.state === "pass")
        return "pass";
    if (c.state === "skip")
        return (0,coverage/* isNotRunHere */.l2)(c.reason) ? "not-run" : "skip";
    return "fail";
}
function phaseMs(r) {
    const ms = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
    return Number.isFinite(ms) && ms > 0 ? ms : 0;
}
function runTable(all) {
    // Chart names first (from findings and cell checks), so a check of a whole chart can be placed.
    const charts = new Set();
    for (const r of all) {
        for (const f of r.findings)
            if (f.chart)
                charts.add(f.chart);
        for (const c of r.checks) {
            const cell = cellOfCheck(c.id);
            if (cell)
                charts.add(cell.chart);
        }
    }
    const rows = new Map();
    const helm = new Set();
    const cellFor = (phase, chart, scenario) => {
        const key = `${chart}\u0000${scenario}`;
        let row = rows.get(key);
        if (!row) {
            row = { chart, scenario, cells: {} };
            rows.set(key, row);
        }
        row.cells[phase] ??= { byHelm: new Map(), ms: 0, checks: 0, waived: 0 };
        return row.cells[phase];
    };
    let checks = 0;
    for (const r of all) {
        // A check fails when its rule found errors in its cell; with each of them waived, the gate passes.
        const key = (rule, chart = "", scenario = "", h = 0) => [rule, chart, scenario, h].join("\u0000");
        const unwaived = new Set();
        const waivedOnly = new Set();
        for (const f of r.findings) {
            const k = key(f.rule, f.chart, f.scenario, f.helm);
            if (f.waived)
                waivedOnly.add(k);
            else if (f.severity === "error")
                unwaived.add(k);
        }
        for (const c of r.checks) {
            checks++;
            const where = cellOfCheck(c.id, charts) ?? { chart: "", scenario: "" };
            const cell = cellFor(r.phase, where.chart, where.scenario);
            const h = where.helm ?? 0;
            if (h)
                helm.add(h);
            let state = stateOf(c);
            const k = key(c.rule ?? "", where.chart, where.scenario, h);
            if (state === "fail" && c.state === "fail" && waivedOnly.has(k) && !unwaived.has(k)) {
                state = "pass";
                cell.waived++;
            }
            cell.byHelm.set(h, worse(cell.byHelm.get(h), state));
            cell.ms += c.durationMs ?? 0;
            cell.checks++;
        }
        // An unwaived error about a cell fails it, even when no check of that cell says so.
        for (const f of r.findings) {
            if (f.severity !== "error" || f.waived || !f.chart)
                continue;
            const cell = cellFor(r.phase, f.chart, f.scenario ?? "");
            const h = f.helm ?? 0;
            if (h)
                helm.add(h);
            cell.byHelm.set(h, "fail");
        }
    }
    const order = [...charts];
    const sorted = [...rows.values()].sort((a, b) => 
    // the whole run last, a chart's own row first, then its scenarios in the order they ran
    (a.chart === "" ? 1 : 0) - (b.chart === "" ? 1 : 0) ||
        order.indexOf(a.chart) - order.indexOf(b.chart) ||
        (a.scenario === "" ? 0 : 1) - (b.scenario === "" ? 0 : 1));
    return {
        phases: all.map((r) => ({
            phase: r.phase,
            status: r.status,
            ms: phaseMs(r),
            ...(r.error ? { error: r.error } : {}),
        })),
        rows: sorted,
        charts: order,
        scenarios: sorted.filter((r) => r.scenario !== "").length,
        helm: [...helm].sort(),
        checks,
    };
}
/** The cell's state over its helm majors (the worst). */
function cellState(c) {
    let s;
    for (const v of c.byHelm.values())
        s = worse(s, v);
    return s ?? "skip";
}
/** `1.2s`, `2m 03s`: a check time or a phase's wall time. */
function duration(ms) {
    if (ms < 100)
        return ms > 0 ? "<0.1s" : "0s";
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)}s`;
    const s = Math.round(ms / 1000);
    return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
}
const icon = { pass: "✅", fail: "❌", skip: "⏭️", "not-run": "🚫" };
const word = {
    pass: "pass",
    fail: "FAIL",
    skip: "skipped",
    "not-run": "not run here",
};
const phaseIcon = { pass: "✅", fail: "❌", error: "⚠️" };
/** `✅ 1.2s`; with majors that disagree `❌ helm 4 (helm 3 ✅) 1.2s`. */
function cellWords(c, md) {
    if (!c)
        return md ? "–" : "-";
    const s = cellState(c);
    const sym = (x) => (md ? icon[x] : word[x]);
    const majors = [...c.byHelm.entries()].filter(([h]) => h).sort(([a], [b]) => a - b);
    const differ = new Set(majors.map(([, v]) => v)).size > 1;
    const t = `${c.waived ? ` (${c.waived} waived)` : ""}${c.ms ? ` ${duration(c.ms)}` : ""}`;
    if (!differ)
        return `${sym(s)}${t}`;
    const bad = majors.filter(([, v]) => v === s).map(([h]) => h);
    const others = majors.filter(([, v]) => v !== s).map(([h, v]) => `helm ${h} ${sym(v)}`);
    return `${sym(s)} helm ${bad.join(", ")} (${others.join(", ")})${t}`;
}
const rowName = (r) => r.chart === "" ? ["(whole run)", ""] : [r.chart, r.scenario === "" ? "(chart)" : r.scenario];
/** The phases that have a cell in some row (every phase with a check). */
const columns = (t) => t.phases.filter((p) => t.rows.some((r) => r.cells[p.phase]));
function runsMarkdownTable(t) {
    const cols = columns(t);
    const head = [
        `| Chart | Scenario | ${cols.map((p) => `${p.phase} ${phaseIcon[p.status]} ${duration(p.ms)}`).join(" | ")} |`,
        `|---|---|${cols.map(() => "---|").join("")}`,
    ];
    const rows = t.rows.map((r) => {
        const [chart, scenario] = rowName(r);
        return `| ${chart} | ${scenario} | ${cols.map((p) => cellWords(r.cells[p.phase], true)).join(" | ")} |`;
    });
    return { head, rows };
}
/** The same table for a terminal: fixed-width columns, words instead of symbols. */
function runsText(t) {
    const cols = columns(t);
    if (!t.rows.length)
        return [];
    const head = ["chart", "scenario", ...cols.map((p) => `${p.phase} (${p.status} ${duration(p.ms)})`)];
    const body = t.rows.map((r) => [...rowName(r), ...cols.map((p) => cellWords(r.cells[p.phase], false))]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const line = (c) => c
        .map((x, i) => x.padEnd(widths[i]))
        .join("  ")
        .trimEnd();
    return ["runs (check time per cell):", line(head), ...body.map(line)];
}

;// CONCATENATED MODULE: ./src/report/summary/verdict.ts



function verdictOf(all, table, coverage, matrix) {
    const reasons = [];
    for (const r of all) {
        if (r.status === "error")
            reasons.push(`${r.phase} could not run: ${r.error ?? "no reason given"}`);
        else if (r.status === "fail")
            reasons.push(`${r.phase} found ${(0,findings/* countBySeverity */.Ot)(r.findings).errors} error(s)`);
    }
    const failing = (coverage?.findings ?? []).filter((f) => f.severity === "error" && !f.waived);
    // Requirements whose failure or gap a waiver excuses: the verdict passes, and says what it let through.
    const waived = (coverage?.findings ?? [])
        .filter((f) => f.waived)
        .map((f) => (f.object ?? "").replace(/^Requirement\//, ""));
    if (failing.length)
        reasons.push(`coverage: ${failing.length} requirement(s) failed or not covered: ${failing
            .map((f) => (f.object ?? "").replace(/^Requirement\//, ""))
            .join(", ")}`);
    const overall = all.some((r) => r.status === "error")
        ? "error"
        : reasons.length || !all.length
            ? "fail"
            : "pass";
    if (!all.length)
        reasons.push("no phase wrote results: the run stopped before any check ran");
    const scope = [
        `${table.charts.length} chart(s), ${table.scenarios} scenario(s)${table.helm.length ? ` x helm ${table.helm.join(", ")}` : ""}`,
        `${all.length} phase(s), ${table.checks} check(s)`,
        ...(matrix?.rows.length ? [`requirements: ${requirementCounts(matrix)}`] : []),
        ...(waived.length ? [`waived: ${waived.join(", ")}`] : []),
    ].join("; ");
    return { overall, reasons, scope };
}
const words = { pass: "PASS", fail: "FAIL", error: "ERROR" };
const icons = { pass: "✅", fail: "❌", error: "⚠️" };
function verdictMarkdown(v) {
    const why = v.reasons.length ? `: ${v.reasons.map(markdown/* escapeCell */.k).join("; ")}` : "";
    return `${icons[v.overall]} **${words[v.overall]}**${why} (${v.scope})`;
}
function verdictText(v) {
    return `report: ${words[v.overall]}${v.reasons.length ? `: ${v.reasons.join("; ")}` : ""} (${v.scope})`;
}
/** `12 pass, 1 FAIL, 20 skipped, 9 NOT COVERED` over the matrix's rows. */
function requirementCounts(m) {
    return ["fail", "pass", "not-run", "skip", "not-covered"]
        .map((s) => [s, m.rows.filter((r) => r.state === s).length])
        .filter(([, n]) => n)
        .map(([s, n]) => `${n} ${coverage/* rowWord */.H_[s]}`)
        .join(", ");
}

;// CONCATENATED MODULE: ./src/report/summary/index.ts










const summary_phaseIcon = { pass: "✅", fail: "❌", error: "⚠️" };
function summaryMarkdownOf(s) {
    const blocks = [(0,summary_blocks/* lines */.Mn)("## floe-helm")];
    if (s.all.length === 0) {
        blocks.push((0,summary_blocks/* lines */.Mn)("No phase wrote results: the run stopped before any check ran."));
        return (0,summary_blocks/* fitBlocks */.U8)(blocks, s.limit ?? summary_blocks/* SUMMARY_LIMIT */.Jt);
    }
    const table = runTable(s.all);
    blocks.push((0,summary_blocks/* lines */.Mn)(verdictMarkdown(verdictOf(s.all, table, s.verdict, s.coverage))));
    const runs = runsMarkdownTable(table);
    if (runs.rows.length)
        blocks.push({
            kind: "table",
            what: "the charts x scenarios table",
            head: [
                "### Charts x scenarios x phases",
                "",
                "Per cell: the state of its checks (worst over helm majors, each major named when they differ) and their check time; per phase: its result and wall time.",
                "",
                ...runs.head,
            ],
            rows: runs.rows,
        });
    // Per phase: what it found (each distinct finding once) and why one could not run.
    blocks.push({
        kind: "table",
        what: "the phases table",
        head: [
            "### Phases",
            "",
            "| Phase | Result | Errors | Warnings | Waived | Checks |",
            "|---|---|---|---|---|---|",
        ],
        rows: s.all.map((r) => {
            const c = (0,findings/* countBySeverity */.Ot)(r.findings);
            const res = `${summary_phaseIcon[r.status]} ${r.status}${r.error ? `: ${(0,markdown/* escapeCell */.k)(r.error)}` : ""}`;
            return `| ${r.phase} | ${res} | ${c.errors} | ${c.warnings} | ${c.waived} | ${r.checks.length} |`;
        }),
    });
    const cov = s.coverage ? (0,coverage/* coverageMarkdown */.w6)(s.coverage, s.verdict) : [];
    if (cov.length)
        blocks.push(...splitCoverage(cov));
    const edges = s.coverage ? integrationEdges(s.coverage, s.integrations ?? []) : [];
    if (edges.length)
        blocks.push({
            kind: "lines",
            what: "the integration points graph",
            lines: ["### Integration points", "", ...integrationsMermaid(edges), "", integrationsLegend(edges)],
        });
    for (const r of s.all)
        if (r.phase === "release") {
            const rel = releaseMarkdown(r);
            if (rel.length)
                blocks.push((0,summary_blocks/* lines */.Mn)(...rel));
        }
    blocks.push(...(0,summary_findings/* findingsBlocks */.Tf)(s.all, s.links));
    return (0,summary_blocks/* fitBlocks */.U8)(blocks, s.limit ?? summary_blocks/* SUMMARY_LIMIT */.Jt, "Everything is in the results files (`<work-dir>/*.results.json`, the run's artifact) and each phase's log.");
}
/** The coverage section as blocks: its matrix and reason tables may be cut row by row. */
function splitCoverage(md) {
    const blocks = [];
    let i = 0;
    let pending = [];
    const flush = () => {
        while (pending.length && pending.at(-1) === "")
            pending.pop();
        while (pending.length && pending[0] === "")
            pending.shift();
        if (pending.length)
            blocks.push((0,summary_blocks/* lines */.Mn)(...pending));
        pending = [];
    };
    while (i < md.length) {
        const l = md[i];
        if (l.startsWith("|") && md[i + 1]?.startsWith("|---")) {
            // A table in `<details>`: its opening line goes with the table's head, its closing with the table.
            const intro = [];
            if (pending.at(-1) === "" && pending.at(-2)?.startsWith("<details>")) {
                pending.pop();
                intro.push(pending.pop(), "");
            }
            flush();
            const head = [...intro, l, md[i + 1]];
            const rows = [];
            i += 2;
            while (i < md.length && md[i].startsWith("|"))
                rows.push(md[i++]);
            const tail = [];
            if (md[i] === "" && md[i + 1] === "</details>") {
                tail.push("", "</details>");
                i += 2;
            }
            blocks.push({
                kind: "table",
                what: intro.length ? "the coverage reasons" : "the coverage matrix",
                head,
                rows,
                tail,
            });
            continue;
        }
        pending.push(l);
        i++;
    }
    flush();
    return blocks;
}
/** The terminal's report: the verdict, each phase's line, the same tables as plain text, every distinct
 * finding of the coverage verdict, then the coverage verdict line last. */
function summaryText(s) {
    const table = runTable(s.all);
    const out = [verdictText(verdictOf(s.all, table, s.verdict, s.coverage))];
    for (const r of s.all)
        out.push((0,terminal/* verdictLine */.M)(r, phaseMs(r)));
    out.push(...runsText(table));
    if (s.coverage)
        out.push(...(0,coverage/* coverageTerminal */.XU)(s.coverage));
    const edges = s.coverage ? integrationEdges(s.coverage, s.integrations ?? []) : [];
    out.push(...integrationsText(edges));
    out.push(...(0,summary_findings/* findingsText */._g)(s.all, terminal/* formatFinding */.t));
    for (const g of (0,findings/* groupFindings */.kG)(s.verdict?.findings ?? []))
        out.push((0,terminal/* formatFinding */.t)(g));
    if (s.coverage?.rows.some((r) => r.priority))
        out.push(s.verdict
            ? (0,coverage/* coverageVerdictLine */.oA)(s.verdict.findings, s.verdict.failOn)
            : `coverage: not judged: ${(s.stopped ?? []).join(", ")} could not run (its error above)`);
    return out;
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
