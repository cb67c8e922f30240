export const id = 305;
export const ids = [305,122];
export const modules = {

/***/ 8763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ testHookChecks)
/* harmony export */ });
/* unused harmony export SIMULATED */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _report_test_pods_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1777);
// `helm status -o json` -> one check per helm test pod, with the requirements its `floe.dev/covers`
// annotation names, so the coverage matrix shows what a real `helm test` proved. Helm 3 and 4 print the
// same `hooks[]` (name, kind, manifest, events, last_run.phase).


const SIMULATED = "kwok simulates the kubelet: the test pod completed without running its container (a real result needs --provider kind or existing)";
/** Why a test pod that helm recorded as failed failed: its own end, or helm's --timeout running out while
 * the pod still ran (its real phase says which). */
function failReason(phase, live, timeout) {
    if (live === "Running" || live === "Pending")
        return `test pod timed out: still ${live} when helm test's --timeout${timeout ? ` ${timeout}` : ""} ran out`;
    return `test pod phase ${phase}`;
}
/** Checks for the test hooks of a release status (the JSON text of `helm status -o json`). */
function testHookChecks(statusJson, ctx) {
    const status = JSON.parse(statusJson);
    const out = [];
    for (const h of status.hooks ?? []) {
        if (h.kind !== "Pod" || !(h.events ?? []).includes("test"))
            continue;
        let doc = {};
        try {
            doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__.parse)(h.manifest ?? "") ?? {};
        }
        catch {
            // helm applied it, so it is YAML; a hook we cannot read simply names no requirement.
        }
        const pod = (0,_report_test_pods_js__WEBPACK_IMPORTED_MODULE_1__/* .testPods */ .Jw)([{ kind: "Pod", name: h.name ?? "?", doc }])[0];
        const covers = pod?.covers ?? [];
        const phase = h.last_run?.phase ?? "";
        const base = { id: `${_report_test_pods_js__WEBPACK_IMPORTED_MODULE_1__/* .HELM_TEST_RULE */ .nL} ${h.name} ${ctx.cell}`, rule: _report_test_pods_js__WEBPACK_IMPORTED_MODULE_1__/* .HELM_TEST_RULE */ .nL };
        const cov = covers.length ? { covers } : {};
        if (!phase || phase === "Unknown") {
            out.push({ ...base, state: "skip", reason: "helm test did not run this pod", ...cov });
        }
        else if (phase === "Succeeded") {
            out.push(ctx.simulated
                ? { ...base, state: "skip", reason: SIMULATED, ...cov }
                : { ...base, state: "pass", ...cov });
        }
        else {
            const live = ctx.simulated ? undefined : ctx.livePhases?.[h.name ?? ""];
            out.push({ ...base, state: "fail", reason: failReason(phase, live, ctx.timeout), ...cov });
        }
    }
    return out;
}


/***/ }),

/***/ 3618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RELEASE: () => (/* binding */ RELEASE),
/* harmony export */   kindPathNote: () => (/* reexport safe */ _setup_js__WEBPACK_IMPORTED_MODULE_11__._c),
/* harmony export */   rules: () => (/* binding */ rules),
/* harmony export */   runTest: () => (/* binding */ runTest),
/* harmony export */   target: () => (/* reexport safe */ _setup_js__WEBPACK_IMPORTED_MODULE_11__.aC)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _exec_runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7507);
/* harmony import */ var _helm_output_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(583);
/* harmony import */ var _plan_config_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5187);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8720);
/* harmony import */ var _report_phase_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6169);
/* harmony import */ var _argv_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(786);
/* harmony import */ var _diagnose_cell_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2057);
/* harmony import */ var _hooks_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8763);
/* harmony import */ var _load_images_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7152);
/* harmony import */ var _not_run_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1086);
/* harmony import */ var _setup_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6750);
// `floe-helm test`: for every chart x scenario x helm major of the gate's plan (same floe-gate.yaml,
// --chart, --values, --helm), against the cluster of `floe-helm cluster up`: helm install (waiting for
// workloads and Jobs), helm test, then the test pods' outcomes from `helm status -o json` (each with its
// floe.dev/covers, for the coverage matrix), then helm uninstall. One namespace per cell, so cells never
// see each other's objects. A scenario with a `platform` (floe-gate.yaml) gets that chart's scenario
// installed first in its namespace, under the release name its values expect (its own check), and both
// uninstalled after.














const RELEASE = "floe-test";
const rules = {
    install: "install",
    helmTest: "helm-test",
    uninstall: "uninstall",
    cluster: "cluster",
};
/** helm's own `Error:` line when it printed one (helm 4 logs INFO lines before it), else the first line. */
const errorLine = (s) => s
    .split("\n")
    .find((l) => l.startsWith("Error: "))
    ?.replace(/^Error: /, "") ?? firstLine(s);
const firstLine = (s) => s
    .trim()
    .split("\n")
    .find((l) => l.trim())
    ?.replace(/^Error: /, "") ?? "";
/** Installs a cell's platform (its own check, `install platform ...`); a failure is an error naming it, and the
 * cell's own install and helm test are then skipped by the caller. */
async function installPlatform(ctx, o) {
    const ps = o.plat.scenario;
    const id = `install platform ${ps.chart.name}/${ps.name} (release ${o.plat.release}) for ${o.label}`;
    if (!o.dir) {
        ctx.check({
            id,
            rule: rules.install,
            state: "skip",
            reason: "the chart's dependencies are missing (see dependency)",
        });
        return { argv: [], code: 1, stdout: "", stderr: "", durationMs: 0, timedOut: false };
    }
    const dir = o.dir;
    const t0 = Date.now();
    ctx.progress(`${o.step}: helm install ${ps.chart.name}/${ps.name} as ${o.plat.release} (its platform)`);
    const r = await (0,_diagnose_cell_js__WEBPACK_IMPORTED_MODULE_7__/* .watchWait */ .pk)(ctx, o.kube, `${o.step}: platform ${o.plat.release}: helm install --wait`, o.timeout, () => (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .runTool */ .q)((0,_argv_js__WEBPACK_IMPORTED_MODULE_12__/* .helmInstallArgv */ .mt)({
        ...o.a,
        chartDir: dir,
        valuesFiles: ps.valuesFiles.map((f) => node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(o.cwd, f)),
    }), { env: o.env, cwd: o.cwd }));
    if (r.code !== 0) {
        const m = (0,_helm_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRenderError */ .GL)(r.stderr || r.stdout, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(o.cwd, ps.chart.dir), o.cwd);
        ctx.add({
            rule: rules.install,
            severity: "error",
            message: `helm install of the platform ${ps.chart.name}/${ps.name} (release ${o.plat.release}) failed: ${m.message}`,
            ...(m.file ? { file: m.file, line: m.line ?? 1, ...(m.col ? { col: m.col } : {}) } : {}),
            ...o.where,
        });
    }
    ctx.check({ id, rule: rules.install, state: r.code === 0 ? "pass" : "fail", durationMs: Date.now() - t0 });
    return r;
}
async function runTest(ctx, inputs, opts) {
    const { cwd } = opts;
    const timeout = opts.timeout ?? "300s";
    const config = await (0,_plan_config_js__WEBPACK_IMPORTED_MODULE_4__.resolveConfig)(inputs, cwd);
    const plan = await (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .buildPlan */ .Gg)(config, inputs, cwd);
    (0,_report_phase_js__WEBPACK_IMPORTED_MODULE_6__/* .reportSkippedCharts */ .k)(ctx, plan.skipped);
    // The platforms' charts too: `--chart charts/floe-jobs` still installs its platform first.
    const platformCharts = plan.cells.flatMap((c) => c.scenario.platform ? [c.scenario.platform.scenario.chart] : []);
    const scenarios = plan.cells.flatMap((c) => [
        c.scenario,
        ...(c.scenario.platform ? [c.scenario.platform.scenario] : []),
    ]);
    const setup = await (0,_setup_js__WEBPACK_IMPORTED_MODULE_11__/* .prepareClusterPhase */ .LR)(ctx, inputs, {
        cwd,
        phase: "test",
        helmMajors: config.helmMajors,
        charts: [...plan.charts.map((c) => c.info), ...platformCharts],
        scenarios,
        release: RELEASE,
        ...(opts.images ? { images: opts.images } : {}),
        // What a scenario turns off here (floe-gate.yaml notRun): its helm test pods are skips saying why.
        beforeImages: async (s) => {
            const h0 = config.helmMajors[0];
            const notRun = {
                config,
                cells: plan.cells,
                chartDir: s.chartDir,
                helm: { bin: s.bin(h0), major: h0 },
                release: RELEASE,
            };
            await (0,_not_run_js__WEBPACK_IMPORTED_MODULE_10__/* .recordNotRun */ .qr)(ctx, notRun, { env: s.env, cwd });
        },
    });
    const { kubeconfig, simulated, tools, env, chartDir, bin } = setup;
    if (!setup.imagesReady) {
        (0,_load_images_js__WEBPACK_IMPORTED_MODULE_9__/* .skipForMissingImages */ .Pp)(ctx, plan.cells, "install", rules.install);
        return;
    }
    // One namespace per cell and per run: a namespace deleted by an earlier run may still be terminating.
    const run = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString("hex");
    let n = 0;
    for (const cell of plan.cells) {
        n++;
        const s = cell.scenario;
        const label = `${s.chart.name}/${s.name} helm${cell.helm}`;
        const where = { chart: s.chart.name, scenario: s.name, helm: cell.helm };
        const a = {
            bin: bin(cell.helm),
            major: cell.helm,
            kubeconfig,
            release: RELEASE,
            namespace: `floe-test-${run}-${n}`,
            timeout,
        };
        ctx.progress(`test: [${n}/${plan.cells.length}] ${label}: helm install`);
        const dir = chartDir.get(s.chart.dir);
        if (!dir) {
            ctx.check({
                id: `install ${label}`,
                rule: rules.install,
                state: "skip",
                reason: "the chart's dependencies are missing (see dependency)",
            });
            continue;
        }
        let failed = false;
        const kube = { kubectl: tools.kubectl, kubeconfig, namespace: a.namespace, env, cwd };
        const step = `test: [${n}/${plan.cells.length}] ${label}`;
        // The platform this scenario runs against, first and waited for: without it the chart's install
        // would only wait for what it cannot reach.
        const plat = s.platform;
        const pa = plat && { ...a, release: plat.release };
        const pinst = plat && pa
            ? await installPlatform(ctx, {
                plat,
                a: pa,
                dir: chartDir.get(plat.scenario.chart.dir),
                kube,
                step,
                label,
                where,
                cwd,
                env,
                timeout,
            })
            : undefined;
        if (pinst && pinst.code !== 0)
            failed = true;
        const t0 = Date.now();
        const inst = failed
            ? undefined
            : await (0,_diagnose_cell_js__WEBPACK_IMPORTED_MODULE_7__/* .watchWait */ .pk)(ctx, kube, `${step}: helm install --wait`, timeout, () => (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .runTool */ .q)((0,_argv_js__WEBPACK_IMPORTED_MODULE_12__/* .helmInstallArgv */ .mt)({
                ...a,
                chartDir: dir,
                valuesFiles: s.valuesFiles.map((f) => node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, f)),
            }), { env, cwd }));
        if (!inst) {
            ctx.check({
                id: `install ${label}`,
                rule: rules.install,
                state: "skip",
                reason: `its platform ${plat?.scenario.chart.name}/${plat?.scenario.name} (release ${plat?.release}) did not install`,
            });
            ctx.check({
                id: `${rules.helmTest} ${label}`,
                rule: rules.helmTest,
                state: "skip",
                reason: "the release did not install",
            });
        }
        else if (inst.code !== 0) {
            failed = true;
            // helm's whole message: a schema refusal names the wrong values only after its first line.
            const m = (0,_helm_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRenderError */ .GL)(inst.stderr || inst.stdout, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, s.chart.dir), cwd);
            ctx.add({
                rule: rules.install,
                severity: "error",
                message: `helm install failed: ${m.message}`,
                ...(m.file ? { file: m.file, line: m.line ?? 1, ...(m.col ? { col: m.col } : {}) } : {}),
                ...where,
            });
            ctx.check({ id: `install ${label}`, rule: rules.install, state: "fail", durationMs: Date.now() - t0 });
            ctx.check({
                id: `${rules.helmTest} ${label}`,
                rule: rules.helmTest,
                state: "skip",
                reason: "the release did not install",
            });
        }
        else {
            ctx.check({ id: `install ${label}`, rule: rules.install, state: "pass", durationMs: Date.now() - t0 });
            ctx.progress(`test: [${n}/${plan.cells.length}] ${label}: helm test`);
            const test = await (0,_diagnose_cell_js__WEBPACK_IMPORTED_MODULE_7__/* .watchWait */ .pk)(ctx, kube, `${step}: helm test`, timeout, () => (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .runTool */ .q)((0,_argv_js__WEBPACK_IMPORTED_MODULE_12__/* .helmTestArgv */ .v8)(a), { env, cwd }));
            if (test.code !== 0)
                failed = true;
            if (test.code !== 0)
                ctx.add({
                    rule: rules.helmTest,
                    severity: "error",
                    message: `helm test failed: ${errorLine(test.stderr || test.stdout)}`,
                    ...where,
                });
            const st = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .runTool */ .q)((0,_argv_js__WEBPACK_IMPORTED_MODULE_12__/* .helmStatusArgv */ .BY)(a), { env, cwd });
            // A real cluster's own view of the test pods after a failed helm test: a pod that outlived --timeout
            // is still Running there, though helm records it as Failed.
            const livePhases = {};
            if (test.code !== 0 && !simulated) {
                const ph = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .runTool */ .q)((0,_argv_js__WEBPACK_IMPORTED_MODULE_12__/* .kubectlPodPhasesArgv */ .As)(tools.kubectl, kubeconfig, a.namespace), {
                    env,
                    cwd,
                    timeoutMs: 60_000,
                });
                for (const l of ph.stdout.split("\n")) {
                    const [pod, phase] = l.trim().split(" ");
                    if (pod && phase)
                        livePhases[pod] = phase;
                }
            }
            if (st.code === 0) {
                const checks = (0,_hooks_js__WEBPACK_IMPORTED_MODULE_8__/* .testHookChecks */ .R)(st.stdout, { cell: label, simulated, livePhases, timeout });
                for (const c of checks)
                    ctx.check(c);
                if (!checks.length)
                    ctx.check({
                        id: `${rules.helmTest} ${label}`,
                        rule: rules.helmTest,
                        state: "skip",
                        reason: "the chart renders no helm test pod in this scenario",
                    });
            }
            else {
                ctx.add({
                    rule: rules.helmTest,
                    severity: "error",
                    message: `helm status failed: ${firstLine(st.stderr)}`,
                    ...where,
                });
            }
        }
        if (failed) {
            // A cluster that went away fails every call after it: said once, as the cluster's failure, and the
            // cells after this one are not run.
            const ready = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .runTool */ .q)((0,_argv_js__WEBPACK_IMPORTED_MODULE_12__/* .kubectlReadyzArgv */ .WC)(tools.kubectl, kubeconfig), {
                env,
                cwd,
                timeoutMs: 30_000,
            });
            if (ready.code !== 0 || ready.stdout.trim() !== "ok") {
                const rest = plan.cells.slice(n);
                ctx.add({
                    rule: rules.cluster,
                    severity: "error",
                    message: `the cluster's API server stopped answering during ${label} (kubectl get --raw /readyz: ${firstLine(ready.stderr || ready.stdout)}): the failure above is the cluster's, not the chart's${rest.length ? `; ${rest.length} later cell(s) not run` : ""}`,
                    ...where,
                });
                for (const later of rest)
                    ctx.check({
                        id: `install ${later.scenario.chart.name}/${later.scenario.name} helm${later.helm}`,
                        rule: rules.install,
                        state: "skip",
                        reason: "the cluster's API server stopped answering",
                    });
                break;
            }
            const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(inputs.workDir, "diagnostics", "test", `${s.chart.name}-${s.name}-helm${cell.helm}`);
            await (0,_diagnose_cell_js__WEBPACK_IMPORTED_MODULE_7__/* .keepDiagnostics */ .Ah)(ctx, kube, { dir, subject: label, rule: rules.install, step, where });
        }
        // Uninstall even after a failed install (helm 3 keeps a failed release), so the next run starts clean;
        // the chart before its platform.
        for (const [args, r] of [[a, inst], ...(pa ? [[pa, pinst]] : [])]) {
            if (!r)
                continue;
            const un = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .runTool */ .q)((0,_argv_js__WEBPACK_IMPORTED_MODULE_12__/* .helmUninstallArgv */ .rK)(args), { env, cwd });
            if (un.code !== 0 && r.code === 0)
                ctx.add({
                    rule: rules.uninstall,
                    severity: "warning",
                    message: `helm uninstall ${args.release} failed: ${firstLine(un.stderr)}`,
                    ...where,
                });
        }
        const ns = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .runTool */ .q)((0,_argv_js__WEBPACK_IMPORTED_MODULE_12__/* .kubectlDeleteNamespaceArgv */ .Z9)(tools.kubectl, kubeconfig, a.namespace), {
            env,
            cwd,
        });
        if (ns.code !== 0)
            ctx.add({
                rule: rules.uninstall,
                severity: "warning",
                message: `namespace ${a.namespace} not deleted: ${firstLine(ns.stderr)}`,
                ...where,
            });
    }
    if (simulated)
        ctx.add({
            rule: rules.helmTest,
            severity: "info",
            message: "the cluster is kwok: installs are real API calls, test pods are simulated (recorded as skipped)",
        });
}


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
