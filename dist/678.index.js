export const id = 678;
export const ids = [678];
export const modules = {

/***/ 6678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseFailOn: () => (/* binding */ parseFailOn),
  runReport: () => (/* binding */ runReport)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/inputs.ts
var config_inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
// EXTERNAL MODULE: ./src/report/coverage.ts
var report_coverage = __webpack_require__(3122);
// EXTERNAL MODULE: ./src/report/findings.ts
var findings = __webpack_require__(9334);
;// CONCATENATED MODULE: ./src/report/outputs.ts
// The report's action outputs, set on every `floe-helm report` run (also one that stops on bad input):
// `verdict` pass or fail (the report's exit code: 0 is pass, anything else fail) and `coverage`
// `<passed>/<total>` requirements of the coverage matrix.

/** `coverage`: of the requirements floe-gate.yaml declares (with none declared: every id a check names),
 * how many passed. Failed, skipped, not run here and not covered ones are not covered. */
function coverageOutput(m) {
    const rows = m?.rows ?? [];
    const counted = rows.some((r) => r.declared) ? rows.filter((r) => r.declared) : rows;
    return `${counted.filter((r) => r.state === "pass").length}/${counted.length}`;
}
function reportOutputs(code, m) {
    return { verdict: code === errors/* ExitCode */.yU.Pass ? "pass" : "fail", coverage: coverageOutput(m) };
}

// EXTERNAL MODULE: ./src/report/requirements.ts
var requirements = __webpack_require__(5816);
// EXTERNAL MODULE: ./src/report/results.ts
var results = __webpack_require__(8940);
// EXTERNAL MODULE: ./src/report/summary/findings.ts
var summary_findings = __webpack_require__(6655);
// EXTERNAL MODULE: ./src/report/summary/index.ts + 4 modules
var report_summary = __webpack_require__(3974);
;// CONCATENATED MODULE: ./src/cli/report.ts
// `floe-helm report` at work (its options: src/report/command.ts): every phase's results (or several jobs' merged) ->
// the coverage matrix and its verdict, the terminal report, the job summary, SARIF and the step outputs.











const linksOf = (env) => {
    const links = (0,summary_findings/* sourceLinks */.$f)(env);
    return links ? { links } : {};
};
async function runReport(inputs, io, flags) {
    // The Actions toolkit (and its HTTP client) loads only for the commands that use it.
    const { annotate, setOutputs, writeJobSummary } = await Promise.all(/* import() */[__webpack_require__.e(58), __webpack_require__.e(992)]).then(__webpack_require__.bind(__webpack_require__, 7611));
    const merge = flags.merge?.length ? flags.merge : (0,config_inputs/* listFromEnv */.EV)(io.env.FLOE_HELM_MERGE);
    const sarif = flags.sarif || io.env.FLOE_HELM_SARIF || undefined;
    const all = await readResults(merge, inputs.workDir, io).catch((e) => {
        if (inputs.githubActions)
            setOutputs(reportOutputs(errors/* ExitCode */.yU.BadInput, undefined));
        throw e;
    });
    // The report runs even after the gate failed on a bad floe-gate.yaml: the matrix then lists only what
    // the results files name, and says why.
    let config;
    try {
        const { resolveConfig } = await Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 5187));
        config = await resolveConfig(inputs, io.cwd);
    }
    catch (e) {
        if (!(e instanceof errors/* UserError */.yo))
            throw e;
        io.err(`floe-helm: warning: coverage without floe-gate.yaml requirements: ${(0,errors/* describeError */.Uc)(e)}`);
    }
    const coverage = (0,report_coverage/* coverageMatrix */.E6)(all, config?.coverage.requirements ?? {});
    const failOn = parseFailOn(flags.coverageFailOn || io.env.FLOE_HELM_COVERAGE_FAIL_ON || undefined) ??
        config?.coverage.failOn ?? [...requirements/* DEFAULT_FAIL_ON */.VQ];
    // A phase that could not run (bad input, a tool that failed) already fails the run with its one error;
    // what it would have covered is not judged on top of it.
    const stopped = all.filter((r) => r.status === "error").map((r) => r.phase);
    const verdict = config && !stopped.length ? await judgeCoverage(config, coverage, failOn) : undefined;
    const summary = {
        all,
        coverage,
        ...(verdict ? { verdict: { findings: verdict, failOn } } : {}),
        integrations: config?.coverage.integrations ?? [],
        stopped,
    };
    const md = (0,report_summary/* summaryMarkdownOf */.z)({ ...summary, ...linksOf(io.env) });
    if (inputs.githubActions) {
        setOutputs({ "results-dir": inputs.workDir });
        if (io.env.GITHUB_STEP_SUMMARY)
            await writeJobSummary(md);
    }
    if (flags.summary) {
        const { writeFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 23));
        await writeFile(flags.summary, md);
    }
    // Every run ends here: the SARIF file and the verdict and coverage outputs.
    const finish = async (code) => {
        if (sarif && all.length)
            await writeSarif(sarif, [...all, ...reportFindings(verdict)], io);
        if (inputs.githubActions)
            setOutputs({
                ...reportOutputs(code, coverage),
                ...(sarif && all.length ? { sarif } : {}),
            });
        return code;
    };
    if (all.length === 0) {
        io.err(`floe-helm: error: no results in ${inputs.workDir}: run a phase first (e.g. floe-helm gate)`);
        return finish(errors/* ExitCode */.yU.BadInput);
    }
    // The same report as plain text (src/report/summary), the coverage verdict's findings annotated.
    for (const l of (0,report_summary/* summaryText */.g)(summary))
        io.out(l);
    if (inputs.githubActions)
        for (const g of (0,findings/* groupFindings */.kG)(verdict ?? []))
            annotate(g);
    if (stopped.length)
        return finish(errors/* ExitCode */.yU.BadInput);
    const coverageFails = (verdict ?? []).some((f) => f.severity === "error" && !f.waived);
    return finish(coverageFails || all.some((r) => r.status === "fail") ? errors/* ExitCode */.yU.GateFailed : errors/* ExitCode */.yU.Pass);
}
/** --coverage-fail-on: a comma list of priorities, or `none`; undefined when not given. */
function parseFailOn(value) {
    if (value === undefined)
        return undefined;
    const v = value.trim();
    if (v === "none")
        return [];
    const list = v.split(",").map((p) => p.trim());
    const bad = list.filter((p) => !requirements/* PRIORITIES */.BE.includes(p));
    if (bad.length || !list.length)
        throw new errors/* UserError */.yo(`--coverage-fail-on (FLOE_HELM_COVERAGE_FAIL_ON) '${value}': expected a comma-separated list of ${requirements/* PRIORITIES */.BE.join(", ")}, or none`);
    return list;
}
/** The results of --work-dir, or with --merge those of every job merged (src/report/merge.ts). */
async function readResults(merge, workDir, io) {
    if (!merge?.length)
        return (0,results/* readAllResults */.C7)(workDir);
    const { mergeJobs, readJobs } = await __webpack_require__.e(/* import() */ 278).then(__webpack_require__.bind(__webpack_require__, 3278));
    const all = mergeJobs(await readJobs(merge.map((d) => external_node_path_default().resolve(io.cwd, d))));
    io.out(`merged ${merge.length} job(s): ${merge.join(", ")}`);
    return all;
}
/** The report's own findings (the coverage verdict, at floe-gate.yaml lines) as a phase of their own. */
function reportFindings(verdict) {
    if (!verdict?.length)
        return [];
    const now = new Date().toISOString();
    return [
        {
            schemaVersion: 1,
            phase: "report",
            startedAt: now,
            finishedAt: now,
            status: (0,results/* statusOf */.c2)(verdict),
            findings: [...verdict],
            checks: [],
        },
    ];
}
/** `--sarif FILE`: every finding as SARIF 2.1.0, paths relative to the repository root. */
async function writeSarif(file, all, io) {
    const [{ toSarif, sourceRoot }, { ruleCatalog }, { writeFile, mkdir }] = await Promise.all([
        __webpack_require__.e(/* import() */ 643).then(__webpack_require__.bind(__webpack_require__, 8262)),
        Promise.all(/* import() */[__webpack_require__.e(697), __webpack_require__.e(193), __webpack_require__.e(303), __webpack_require__.e(270), __webpack_require__.e(231), __webpack_require__.e(76)]).then(__webpack_require__.bind(__webpack_require__, 7076)),
        Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 23)),
    ]);
    const log = toSarif(all, {
        rules: ruleCatalog(),
        version: version/* FLOE_HELM_VERSION */.t,
        cwd: io.cwd,
        root: sourceRoot(io.cwd, io.env),
    });
    const out = external_node_path_default().resolve(io.cwd, file);
    try {
        await mkdir(external_node_path_default().dirname(out), { recursive: true });
        await writeFile(out, `${JSON.stringify(log, null, 2)}\n`);
    }
    catch (e) {
        throw new errors/* UserError */.yo(`--sarif ${file}: cannot write it: ${e.code ?? e.message}`);
    }
    const run = log.runs[0];
    io.err(`sarif: ${run.results.length} result(s), ${run.invocations[0].toolExecutionNotifications.length} finding(s) without a file as notifications: ${file}`);
}
/** The verdict on the matrix: a failed or uncovered requirement of a coverage.failOn priority is an error at
 * its line in floe-gate.yaml, under the same severity overrides and waivers as any finding; a coverage
 * waiver whose requirement is now proved excuses nothing, and is said to be unused so it gets removed. */
async function judgeCoverage(config, coverage, failOn) {
    const { applyPolicy } = await Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 2798));
    const { isReportRule, waiverMatches } = await Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 2827));
    const today = new Date().toISOString().slice(0, 10);
    const raw = (0,report_coverage/* coverageFindings */.PZ)(coverage, failOn);
    const out = raw.flatMap((f) => applyPolicy(f, config, today) ?? []);
    for (const w of config.waivers)
        if (isReportRule(w.rule) && !raw.some((f) => waiverMatches(w, f)))
            out.push({
                rule: "waiver-unused",
                severity: "warning",
                message: `waiver (rule ${w.rule}, object ${w.object}) matched no failed or uncovered requirement: remove it (reason was: ${w.reason})`,
                ...(w.at ?? (config.file ? { file: config.file, line: 1 } : {})),
                object: w.object,
            });
    return out;
}


/***/ })

};
