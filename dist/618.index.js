export const id = 618;
export const ids = [618];
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
/* harmony import */ var _load_images_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7677);
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


/***/ })

};
