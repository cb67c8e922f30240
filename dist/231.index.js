export const id = 231;
export const ids = [231];
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

/***/ 9231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KWOK_NO_PODS: () => (/* binding */ KWOK_NO_PODS),
  liveRules: () => (/* binding */ liveRules),
  runLiveUpgrade: () => (/* binding */ runLiveUpgrade)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/cluster/kind/config.ts
var config = __webpack_require__(8231);
// EXTERNAL MODULE: ./src/cluster/on-path.ts
var on_path = __webpack_require__(6533);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/exec/runner.ts
var runner = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/helm/argv.ts
var argv = __webpack_require__(956);
// EXTERNAL MODULE: ./src/helm/deps.ts
var deps = __webpack_require__(9264);
// EXTERNAL MODULE: ./src/helm/manifest.ts + 1 modules
var manifest = __webpack_require__(3763);
// EXTERNAL MODULE: ./src/helm/output.ts
var output = __webpack_require__(583);
// EXTERNAL MODULE: ./src/install/argv.ts
var install_argv = __webpack_require__(786);
// EXTERNAL MODULE: ./src/install/diagnose/cell.ts + 11 modules
var diagnose_cell = __webpack_require__(2057);
// EXTERNAL MODULE: ./src/install/hooks.ts
var hooks = __webpack_require__(8763);
// EXTERNAL MODULE: ./src/install/load-images.ts + 1 modules
var load_images = __webpack_require__(7152);
// EXTERNAL MODULE: ./src/install/run.ts
var install_run = __webpack_require__(3618);
// EXTERNAL MODULE: ./src/install/setup.ts
var setup = __webpack_require__(6750);
// EXTERNAL MODULE: ./src/plan/config.ts + 1 modules
var plan_config = __webpack_require__(5187);
// EXTERNAL MODULE: ./src/plan/plan.ts
var plan_plan = __webpack_require__(8720);
// EXTERNAL MODULE: ./src/report/phase.ts
var phase = __webpack_require__(6169);
// EXTERNAL MODULE: ./src/upgrade/git.ts
var git = __webpack_require__(9484);
// EXTERNAL MODULE: ./src/upgrade/run.ts + 4 modules
var run = __webpack_require__(9303);
;// CONCATENATED MODULE: ./src/upgrade/live/argv.ts
const target = (a) => ["--kubeconfig", a.kubeconfig, "--namespace", a.namespace];
/** Upgrades the release to `chartDir` with the scenario's values (only those: --reset-values is helm's
 * default for a chart given values files, said explicitly so helm 3 and 4 agree). */
function helmUpgradeArgv(a) {
    if (a.chartDir === "")
        throw new Error("helm upgrade needs an explicit chart path");
    return [
        a.bin,
        "upgrade",
        a.release,
        a.chartDir,
        ...target(a),
        ...a.valuesFiles.flatMap((f) => ["--values", f]),
        "--reset-values",
        "--wait",
        "--wait-for-jobs",
        "--timeout",
        a.timeout,
    ];
}
/** Rolls the release back to `revision` (the base's install is revision 1). */
function helmRollbackArgv(a) {
    return [
        a.bin,
        "rollback",
        a.release,
        String(a.revision),
        ...target(a),
        "--wait",
        "--wait-for-jobs",
        "--timeout",
        a.timeout,
    ];
}
const k = (o, ...args) => [
    o.bin,
    "--kubeconfig",
    o.kubeconfig,
    "--namespace",
    o.namespace,
    ...args,
];
/** What the prober's targets are chosen from. */
function kubectlServingObjectsArgv(o) {
    return k(o, "get", "services,deployments,statefulsets,poddisruptionbudgets", "--output", "json");
}
/** Creates the prober from its manifest on stdin. */
function kubectlCreateStdinArgv(o) {
    return k(o, "create", "--filename", "-");
}
/** Waits for the prober's readiness (its warm-up done). */
function kubectlWaitReadyArgv(o, pod, timeout) {
    return k(o, "wait", "--for=condition=Ready", `pod/${pod}`, "--timeout", timeout);
}
/** Asks the prober to stop (it prints its counts and exits). */
function kubectlStopProberArgv(o, pod) {
    return k(o, "exec", pod, "--container", "prober", "--", "touch", "/tmp/stop");
}
/** Waits for the prober to end (phase Succeeded). */
function kubectlWaitEndedArgv(o, pod, timeout) {
    return k(o, "wait", "--for=jsonpath={.status.phase}=Succeeded", `pod/${pod}`, "--timeout", timeout);
}
/** The prober's whole log (its counts are at the end). */
function kubectlProberLogArgv(o, pod) {
    return k(o, "logs", pod, "--container", "prober");
}
function kubectlDeletePodArgv(o, pod) {
    return k(o, "delete", "pod", pod, "--ignore-not-found", "--wait=false");
}

// EXTERNAL MODULE: ./src/k8s/restricted.ts
var restricted = __webpack_require__(9579);
;// CONCATENATED MODULE: ./src/upgrade/live/prober.ts
// The availability prober of `floe-helm upgrade`: which Services to probe (those whose Deployment or
// StatefulSet runs 2+ replicas: a single replica is down during any rollout by design), the pod that
// probes them from inside the cluster, and its counts. Pure: the kubectl calls are in ./run.ts.
//
// The pod wears the labels of the chart's own helm test pods, so the chart's NetworkPolicies admit it where
// they admit the tests; it runs the tests' image (curl and a POSIX shell), non-root under the restricted Pod
// Security Standard. Each round requests every target once (a new connection each time, curl's own config
// ignored so nothing is retried); an HTTP answer below 500 counts as served, anything else (refused,
// timed out, reset, 5xx) as failed. It stops on /tmp/stop, after maxRequests rounds or maxSeconds.

const matches = (selector, labels = {}) => !!selector &&
    Object.keys(selector).length > 0 &&
    Object.entries(selector).every(([k, v]) => labels[k] === v);
/** The port to request: an HTTP one by name or appProtocol, else the first that is not gRPC (curl speaks
 * HTTP/1.1; a gRPC-only listener drops it). undefined when no port fits. */
function httpPort(ports) {
    const tcp = (ports ?? []).filter((p) => (p.protocol ?? "TCP") === "TCP" && p.port);
    const grpc = (p) => /grpc/i.test(`${p.name ?? ""} ${p.appProtocol ?? ""}`);
    const http = tcp.find((p) => !grpc(p) && /http/i.test(`${p.name ?? ""} ${p.appProtocol ?? ""}`));
    return (http ?? tcp.find((p) => !grpc(p)))?.port;
}
/** The Services to probe, from `kubectl get services,deployments,statefulsets,poddisruptionbudgets -o json`
 * of the release namespace. */
function probeTargets(listJson, namespace) {
    const items = (JSON.parse(listJson).items ?? []);
    const workloads = items.filter((i) => i.kind === "Deployment" || i.kind === "StatefulSet");
    const pdbs = items.filter((i) => i.kind === "PodDisruptionBudget");
    const out = { targets: [], unprobed: [], serving: 0 };
    for (const svc of items.filter((i) => i.kind === "Service")) {
        const name = svc.metadata?.name ?? "";
        if (svc.spec?.type === "ExternalName" || !svc.spec?.selector)
            continue;
        const w = workloads.find((x) => matches(svc.spec?.selector, x.spec?.template?.metadata?.labels));
        if (!w)
            continue;
        out.serving++;
        const replicas = w.spec?.replicas ?? 1;
        if (replicas < 2)
            continue;
        const podLabels = w.spec?.template?.metadata?.labels;
        const pdb = pdbs.find((p) => matches(p.spec?.selector?.matchLabels, podLabels));
        const workload = `${w.kind}/${w.metadata?.name}`;
        const port = httpPort(svc.spec.ports);
        if (!port) {
            out.unprobed.push({ service: name, reason: `no port of Service ${name} speaks HTTP (only gRPC/UDP)` });
            continue;
        }
        out.targets.push({
            service: name,
            workload,
            replicas,
            port,
            url: `http://${name}.${namespace}.svc:${port}/`,
            ...(pdb?.metadata?.name ? { pdb: pdb.metadata.name } : {}),
        });
    }
    return out;
}
/** The prober's shell script: a warm-up (the NetworkPolicy engine programs a new pod's rules a moment after
 * it starts) in which every target must answer once, then counted rounds; a `RESULT <service> <sent>
 * <failed>` line per target at the end, and a `FAIL` line per failed request as it happens. */
function proberScript(s) {
    const pause = (s.intervalMs / 1000).toFixed(3);
    const list = s.targets.map((t) => `${t.service}=${t.url}`).join(" ");
    return `set -u
dir=\${PROBER_DIR:-/tmp}
targets='${list}'
end=$(( $(date +%s) + ${s.maxSeconds} ))
probe() { curl -q -s -o /dev/null --connect-timeout 2 --max-time 3 -w '%{http_code}' "$1" 2>/dev/null; }
for t in $targets; do
  i=0; until code=$(probe "\${t#*=}") && [ "$code" -gt 0 ] && [ "$code" -lt 500 ]; do
    i=$((i+1)); [ "$i" -lt 30 ] || { echo "WARMUP-FAIL \${t%%=*} $code"; break; }; sleep 1
  done
done
echo READY > "$dir/ready"
n=0
for t in $targets; do eval "sent_\${n}=0 failed_\${n}=0"; n=$((n+1)); done
round=0
while [ ! -f "$dir/stop" ] && [ "$round" -lt ${s.maxRequests} ] && [ "$(date +%s)" -lt "$end" ]; do
  round=$((round+1)); n=0
  for t in $targets; do
    eval "sent_\${n}=$((sent_\${n}+1))"
    code=$(probe "\${t#*=}"); rc=$?
    if [ "$rc" -ne 0 ] || [ "\${code:-0}" -lt 1 ] || [ "\${code:-0}" -ge 500 ]; then
      eval "failed_\${n}=$((failed_\${n}+1))"
      echo "FAIL \${t%%=*} $(date -u +%H:%M:%S) curl-exit=$rc http=\${code:-000}"
    fi
    n=$((n+1))
  done
  [ $((round % 50)) -ne 0 ] || echo "ROUND $round"
  sleep ${pause}
done
n=0
for t in $targets; do eval "echo RESULT \${t%%=*} \\$sent_\${n} \\$failed_\${n}"; n=$((n+1)); done
reason=stopped; [ -f "$dir/stop" ] || reason=bound
echo "END $reason $round"
`;
}
/** The prober Pod: restricted (non-root, read-only root, no capabilities, RuntimeDefault seccomp, no
 * service account token), small resources, never restarted (its counts live in its log). */
function proberPod(s) {
    return {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
            name: s.name,
            namespace: s.namespace,
            labels: { ...s.labels, "floe.dev/role": "availability-prober" },
        },
        spec: {
            restartPolicy: "Never",
            automountServiceAccountToken: false,
            securityContext: (0,restricted/* restrictedPodSecurity */.T)(10001, 10001),
            containers: [
                {
                    name: "prober",
                    image: s.image,
                    imagePullPolicy: "IfNotPresent",
                    command: ["sh", "-c", proberScript(s)],
                    env: [{ name: "HOME", value: "/tmp" }],
                    securityContext: { ...(0,restricted/* restrictedContainerSecurity */.l)(), seccompProfile: { type: "RuntimeDefault" } },
                    resources: {
                        requests: { cpu: "10m", memory: "16Mi" },
                        limits: { cpu: "200m", memory: "64Mi" },
                    },
                    readinessProbe: { exec: { command: ["cat", "/tmp/ready"] }, periodSeconds: 1 },
                    volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                },
            ],
            volumes: [{ name: "tmp", emptyDir: {} }],
        },
    };
}
/** The prober's log -> counts per Service. */
function parseProberLog(log) {
    const out = { counts: new Map(), warmupFailed: [] };
    const failures = new Map();
    for (const line of log.split("\n").map((l) => l.trim())) {
        const [tag, a, b, c] = line.split(/\s+/);
        if (tag === "FAIL" && a)
            failures.set(a, [...(failures.get(a) ?? []), line.slice(5 + a.length + 1)]);
        else if (tag === "RESULT" && a)
            out.counts.set(a, { sent: Number(b) || 0, failed: Number(c) || 0, failures: [] });
        else if (tag === "WARMUP-FAIL" && a)
            out.warmupFailed.push(a);
        else if (tag === "END" && (a === "stopped" || a === "bound"))
            out.end = a;
    }
    for (const [svc, c] of out.counts)
        c.failures = failures.get(svc) ?? [];
    return out;
}
/** Each FAIL line (`HH:MM:SS curl-exit=N http=C`, the prober's UTC clock) with the step it fell in, e.g.
 * `18:25:00 curl-exit=7 http=000 during helm test after upgrade`; `between steps` when it fell in none (within
 * a second of either end counts: the two clocks differ by that much at most on one machine's cluster). */
function attributeFailures(failures, steps) {
    if (steps.length === 0)
        return [...failures];
    const first = Math.min(...steps.map((w) => w.from));
    const last = Math.max(...steps.map((w) => w.to));
    const day = Date.UTC(new Date(first).getUTCFullYear(), new Date(first).getUTCMonth(), new Date(first).getUTCDate());
    return failures.map((f) => {
        const m = /^(\d{2}):(\d{2}):(\d{2})\b/.exec(f);
        if (!m)
            return f;
        const ofDay = ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
        // The run may cross midnight: the candidate day nearest the steps.
        const at = [day - 86_400_000, day, day + 86_400_000]
            .map((d) => d + ofDay)
            .sort((x, y) => Math.abs(x - (first + last) / 2) - Math.abs(y - (first + last) / 2))[0];
        const w = steps.find((x) => at >= x.from - 1000 && at <= x.to + 1000);
        return `${f} ${w ? `during ${w.what}` : "between steps"}`;
    });
}

;// CONCATENATED MODULE: ./src/upgrade/live/run.ts
// `floe-helm upgrade`: the live upgrade and rollback, for every chart x scenario x helm major of the plan,
// against the cluster of `floe-helm cluster up` (the static counterpart is `upgrade-check`). Per cell, in a
// namespace of its own: install the base (the git base upgrade-check uses, or --base-chart) with the
// scenario's values, start the availability prober (./prober.ts) on every Service whose workload runs 2+
// replicas, `helm upgrade --wait` to this change's chart, helm test, `helm rollback --wait` to the base,
// helm test again, then stop the prober and report what it counted per Service. On kwok the same calls run
// at the API level (hooks, immutable-field refusals, rollback); kwok runs no pods, so nothing is probed.



























/** Rule ids of this phase (README rule table); floe-gate.yaml maps SC-008, GAP-003 and T115 to them. */
const liveRules = {
    install: "upgrade/live-install",
    upgrade: "upgrade/live-upgrade",
    helmTest: "upgrade/live-helm-test",
    rollback: "upgrade/live-rollback",
    availability: "upgrade/availability",
};
const KWOK_NO_PODS = "kwok runs no pods: no traffic to probe (the upgrade is proved at the API level only)";
/** helm's Error: line, with the API server's dump of a refused object (often kilobytes of Go structs) cut. */
const errorLine = (s) => firstErrorLine(s).replace(/Invalid value: \{.*\}: /, "Invalid value: {…}: ");
const firstErrorLine = (s) => s
    .split("\n")
    .find((l) => l.startsWith("Error: "))
    ?.replace(/^Error: /, "") ??
    s
        .trim()
        .split("\n")
        .find((l) => l.trim()) ??
    "";
const isTestHook = (doc) => {
    const ann = doc.metadata?.annotations ?? {};
    return (ann["helm.sh/hook"] ?? "").split(",").includes("test");
};
/** The image and labels of the chart's first rendered helm test pod: the prober runs as one of them. */
async function testPodIdentity(bin, major, chartDir, valuesFiles, opts) {
    const r = await (0,runner/* runTool */.q)((0,argv/* helmTemplateArgv */.fn)({ bin, major, chartDir, valuesFiles, release: install_run.RELEASE }), {
        ...opts,
        timeoutMs: 120_000,
    });
    if (r.code !== 0)
        return { labels: {} };
    const pod = (0,manifest/* parseManifest */.Ng)(r.stdout, { chartDir, cwd: opts.cwd }).find((o) => o.kind === "Pod" && isTestHook(o.doc));
    const doc = (pod?.doc ?? {});
    const image = doc.spec?.containers?.[0]?.image;
    return { ...(image ? { image } : {}), labels: doc.metadata?.labels ?? {} };
}
/** The base of each chart: a git ref exported under `tmp` (upgrade-check's --base and default), or the
 * published chart of --base-chart. Charts without a base are reported and left out. */
async function resolveBases(ctx, inputs, charts, helmBin, cwd, tmp) {
    const bases = new Map();
    if (inputs.upgradeBaseChart) {
        const { chart, base } = await (0,run.publishedBase)(inputs.upgradeBaseChart, [...charts], helmBin, cwd);
        bases.set(chart, base);
        for (const c of charts.filter((c) => c !== chart))
            ctx.check({
                id: `upgrade ${c.info.name}`,
                rule: liveRules.upgrade,
                state: "skip",
                reason: `--base-chart is a version of ${chart.info.name}`,
            });
        return bases;
    }
    const top = await (0,git/* gitToplevel */.w$)(cwd);
    const rev = await (0,git/* resolveBase */.gU)(top, inputs.upgradeBase, inputs.githubBaseRef).catch((e) => {
        throw e instanceof errors/* UserError */.yo
            ? new errors/* UserError */.yo(e.message.replace(/^upgrade-check needs/, "upgrade needs"))
            : e;
    });
    ctx.progress(`upgrade: base ${rev.label}`);
    ctx.output("base", rev.commit);
    const exported = await (0,run.exportGitBases)(top, rev, charts, cwd, tmp);
    for (const chart of exported.missing)
        ctx.check({
            id: `upgrade ${chart.info.name}`,
            rule: liveRules.upgrade,
            state: "skip",
            reason: `new chart: not at the base ${rev.label}, there is nothing to upgrade from`,
        });
    for (const [chart, base] of exported.bases)
        bases.set(chart, base);
    return bases;
}
async function runLiveUpgrade(ctx, inputs, opts) {
    const { cwd } = opts;
    const timeout = opts.timeout ?? "300s";
    if (inputs.upgradeBase && inputs.upgradeBaseChart)
        throw new errors/* UserError */.yo("pass either --base (a git ref) or --base-chart (a published chart), not both");
    const config = await (0,plan_config.resolveConfig)(inputs, cwd);
    const plan = await (0,plan_plan/* buildPlan */.Gg)(config, inputs, cwd);
    (0,phase/* reportSkippedCharts */.k)(ctx, plan.skipped);
    const majors = [...new Set([...config.helmMajors, ...(opts.baseHelm ? [opts.baseHelm] : [])])];
    const { kubeconfig, simulated, kind, tools, env, bin } = await (0,setup/* connectCluster */.bp)(ctx, inputs, {
        phase: "upgrade",
        helmMajors: majors,
        ...(opts.images ? { images: opts.images } : {}),
    });
    const first = config.helmMajors[0];
    await (0,promises_.mkdir)(inputs.workDir, { recursive: true });
    const tmp = await (0,promises_.mkdtemp)(external_node_path_default().join(inputs.workDir, "upgrade-live-"));
    try {
        const bases = await resolveBases(ctx, inputs, plan.charts, bin(first), cwd, tmp);
        // Both sides with their dependencies built (copies under the work dir).
        const dirs = new Map();
        for (const [chart, base] of bases) {
            const helm = { bin: bin(first), major: first };
            const head = await (0,deps/* prepareDependencies */.d)(chart.abs, cwd, helm, inputs.workDir);
            const b = (0,external_node_fs_.statSync)(base.chart).isDirectory()
                ? await (0,deps/* prepareDependencies */.d)(base.chart, base.cwd, helm, inputs.workDir)
                : { dirAbs: base.chart, problems: [] };
            const problem = head.problems[0] ?? b.problems[0];
            if (problem) {
                ctx.add({
                    rule: liveRules.install,
                    severity: "error",
                    message: `the dependencies of ${chart.info.name} (${head.problems.length ? "this change" : `base ${base.label}`}) cannot be built: ${problem.message}`,
                    ...problem.at,
                    chart: chart.info.name,
                });
                continue;
            }
            dirs.set(chart, { head: head.dirAbs, base: b.dirAbs });
        }
        const baseValues = (chart, s) => s.valuesFiles.map((f) => bases.get(chart)?.values(f) ?? external_node_path_default().resolve(cwd, f));
        for (const [chart, base] of bases) {
            for (const f of new Set(chart.scenarios.flatMap((s) => s.valuesFiles))) {
                if (base.values(f) || !(0,external_node_fs_.statSync)(base.chart).isDirectory())
                    continue;
                ctx.add({
                    rule: liveRules.install,
                    severity: "info",
                    message: `${f} does not exist at the base (${base.label}): the base is installed with this change's ${external_node_path_default().basename(f)} instead`,
                    file: f,
                    line: 1,
                    chart: chart.info.name,
                });
            }
            if (!(0,external_node_fs_.statSync)(base.chart).isDirectory())
                ctx.add({
                    rule: liveRules.install,
                    severity: "info",
                    message: `the base is the published chart ${base.label}: it is installed with this change's values files`,
                    chart: chart.info.name,
                });
        }
        const cells = plan.cells.filter((c) => [...dirs.keys()].some((ch) => ch.info.dir === c.scenario.chart.dir));
        const chartOf = (s) => [...dirs.keys()].find((ch) => ch.info.dir === s.chart.dir);
        // Prober identity per chart x scenario (this change's test pods; the base's labels are the same keys).
        const probers = new Map();
        for (const c of cells) {
            if (probers.has(c.scenario))
                continue;
            const id = await testPodIdentity(bin(first), first, dirs.get(chartOf(c.scenario)).head, c.scenario.valuesFiles.map((f) => external_node_path_default().resolve(cwd, f)), { env, cwd });
            probers.set(c.scenario, { ...id, ...(opts.proberImage ? { image: opts.proberImage } : {}) });
        }
        // kind: the images of both sides (and --prober-image) in the node before the first install.
        if (kind && cells.length) {
            const scenarios = [...new Set(cells.map((c) => c.scenario))];
            const chartDir = new Map();
            const sides = [];
            for (const s of scenarios) {
                const d = dirs.get(chartOf(s));
                chartDir.set(s.chart.dir, d.head);
                chartDir.set(`base:${s.chart.dir}`, d.base);
                sides.push(s, {
                    ...s,
                    chart: { ...s.chart, dir: `base:${s.chart.dir}` },
                    valuesFiles: baseValues(chartOf(s), s),
                });
            }
            const ok = await (0,load_images/* prepareKindImages */.O8)(ctx, { scenarios: sides, chartDir, helm: { bin: bin(first), major: first }, release: install_run.RELEASE }, { ...kind, bin: tools.kind }, opts.images ?? { pull: "node" }, { env, cwd, workDir: inputs.workDir });
            if (ok && opts.proberImage)
                await loadImage(ctx, opts.proberImage, { ...kind, bin: tools.kind }, { env, cwd });
            if (!ok) {
                (0,load_images/* skipForMissingImages */.Pp)(ctx, cells, "upgrade", liveRules.upgrade);
                return;
            }
        }
        const run = (0,external_node_crypto_.randomBytes)(3).toString("hex");
        let n = 0;
        for (const cell of cells) {
            n++;
            const s = cell.scenario;
            const chart = chartOf(s);
            const d = dirs.get(chart);
            const base = bases.get(chart);
            const baseHelm = opts.baseHelm ?? cell.helm;
            const label = `${s.chart.name}/${s.name} helm${cell.helm}${baseHelm !== cell.helm ? ` (base by helm${baseHelm})` : ""}`;
            const where = { chart: s.chart.name, scenario: s.name, helm: cell.helm };
            const step = `upgrade: [${n}/${cells.length}] ${label}`;
            const namespace = `floe-upgrade-${run}-${n}`;
            const a = (m) => ({
                bin: bin(m),
                major: m,
                kubeconfig,
                release: install_run.RELEASE,
                namespace,
                timeout,
            });
            const kube = { kubectl: tools.kubectl, kubeconfig, namespace, env, cwd };
            const ko = { bin: tools.kubectl, kubeconfig, namespace };
            // helm's own --timeout bounds its calls (0: no second bound); kubectl calls get two minutes.
            const sh = (argv, input, timeoutMs = 120_000) => (0,runner/* runTool */.q)(argv, {
                env,
                cwd,
                ...(timeoutMs > 0 ? { timeoutMs } : {}),
                ...(input !== undefined ? { input } : {}),
            });
            let failed = false;
            // 1. The base, as a user had it installed.
            const t0 = Date.now();
            const inst = await (0,diagnose_cell/* watchWait */.pk)(ctx, kube, `${step}: helm${baseHelm} install --wait (base ${base.label})`, timeout, () => sh((0,install_argv/* helmInstallArgv */.mt)({ ...a(baseHelm), chartDir: d.base, valuesFiles: baseValues(chart, s) }), undefined, 0));
            const installed = inst.code === 0;
            ctx.check({
                id: `base install ${label}`,
                rule: liveRules.install,
                state: installed ? "pass" : "fail",
                durationMs: Date.now() - t0,
            });
            if (!installed) {
                failed = true;
                const m = (0,output/* parseRenderError */.GL)(inst.stderr || inst.stdout, d.base, cwd);
                ctx.add({
                    rule: liveRules.install,
                    severity: "error",
                    message: `helm${baseHelm} install of the base (${base.label}) failed: ${m.message}`,
                    ...where,
                });
                for (const [rule, what] of [
                    [liveRules.upgrade, "upgrade"],
                    [liveRules.rollback, "rollback"],
                    [liveRules.availability, "availability"],
                ])
                    ctx.check({ id: `${what} ${label}`, rule, state: "skip", reason: "the base did not install" });
            }
            else {
                // 2. The prober, on every Service of a 2+ replica workload.
                const prober = await startProber(ctx, {
                    step,
                    label,
                    where,
                    simulated,
                    sh,
                    ko,
                    kube,
                    image: probers.get(s)?.image,
                    labels: probers.get(s)?.labels ?? {},
                    namespace,
                    timeout,
                    intervalMs: opts.probeIntervalMs ?? 250,
                });
                if (prober.failed)
                    failed = true;
                // 3 and 4: a helm step (upgrade to this change, then rollback to the base), each followed by its tests.
                // Each one's wall-clock window, so a failed request can be told by the step it fell in.
                const windows = [];
                const timed = async (what, fn) => {
                    const from = Date.now();
                    try {
                        return await fn();
                    }
                    finally {
                        windows.push({ what, from, to: Date.now() });
                    }
                };
                const stepThenTests = async (o) => {
                    const t0 = Date.now();
                    const r = await timed(o.what, () => (0,diagnose_cell/* watchWait */.pk)(ctx, kube, `${step}: helm${cell.helm} ${o.wait}`, timeout, () => sh(o.argv, undefined, 0)));
                    ctx.check({
                        id: `${o.what} ${label}`,
                        rule: o.rule,
                        state: r.code === 0 ? "pass" : "fail",
                        durationMs: Date.now() - t0,
                    });
                    if (r.code !== 0) {
                        ctx.add({
                            rule: o.rule,
                            severity: "error",
                            message: `${o.failed} failed: ${errorLine(r.stderr || r.stdout)}`,
                            ...where,
                        });
                        ctx.check({
                            id: `helm test after ${o.what} ${label}`,
                            rule: liveRules.helmTest,
                            state: "skip",
                            reason: `the ${o.what} failed`,
                        });
                        return false;
                    }
                    return timed(`helm test after ${o.what}`, () => helmTest(ctx, `${label} after ${o.what}`, a(cell.helm), {
                        step,
                        kube,
                        sh,
                        simulated,
                        timeout,
                        where,
                    }));
                };
                const upgraded = await stepThenTests({
                    what: "upgrade",
                    rule: liveRules.upgrade,
                    wait: "upgrade --wait",
                    argv: helmUpgradeArgv({
                        ...a(cell.helm),
                        chartDir: d.head,
                        valuesFiles: s.valuesFiles.map((f) => external_node_path_default().resolve(cwd, f)),
                    }),
                    failed: `helm${cell.helm} upgrade from ${base.label} to this change`,
                });
                const rolledBack = await stepThenTests({
                    what: "rollback",
                    rule: liveRules.rollback,
                    wait: "rollback --wait",
                    argv: helmRollbackArgv({ ...a(cell.helm), revision: 1 }),
                    failed: `helm${cell.helm} rollback to revision 1 (the base ${base.label})`,
                });
                if (!upgraded || !rolledBack)
                    failed = true;
                // 5. What the prober counted during all of it.
                if (prober.pod &&
                    !(await stopProber(ctx, {
                        step,
                        label,
                        where,
                        sh,
                        ko,
                        kube,
                        pod: prober.pod,
                        targets: prober.targets,
                        windows,
                    })))
                    failed = true;
            }
            if (failed) {
                const dir = external_node_path_default().join(inputs.workDir, "diagnostics", "upgrade", `${s.chart.name}-${s.name}-helm${cell.helm}`);
                await (0,diagnose_cell/* keepDiagnostics */.Ah)(ctx, kube, { dir, subject: label, rule: liveRules.upgrade, step, where });
            }
            const un = await sh((0,install_argv/* helmUninstallArgv */.rK)(a(cell.helm)), undefined, 0);
            if (un.code !== 0 && installed)
                ctx.add({
                    rule: liveRules.upgrade,
                    severity: "warning",
                    message: `helm uninstall failed: ${errorLine(un.stderr)}`,
                    ...where,
                });
            await sh((0,install_argv/* kubectlDeleteNamespaceArgv */.Z9)(tools.kubectl, kubeconfig, namespace));
        }
    }
    finally {
        await (0,promises_.rm)(tmp, { recursive: true, force: true });
    }
}
/** helm test and one check per test pod (the coverage matrix's), plus this phase's own check. */
async function helmTest(ctx, cell, a, o) {
    const when = cell.endsWith("after upgrade") ? "after upgrade" : "after rollback";
    const t0 = Date.now();
    const test = await (0,diagnose_cell/* watchWait */.pk)(ctx, o.kube, `${o.step}: helm test ${when}`, o.timeout, () => o.sh((0,install_argv/* helmTestArgv */.v8)(a), undefined, 0));
    const st = await o.sh((0,install_argv/* helmStatusArgv */.BY)(a));
    const live = {};
    if (test.code !== 0 && !o.simulated) {
        const ph = await o.sh((0,install_argv/* kubectlPodPhasesArgv */.As)(o.kube.kubectl, a.kubeconfig, a.namespace));
        for (const l of ph.stdout.split("\n")) {
            const [pod, phase] = l.trim().split(" ");
            if (pod && phase)
                live[pod] = phase;
        }
    }
    const pods = st.code === 0
        ? (0,hooks/* testHookChecks */.R)(st.stdout, { cell, simulated: o.simulated, livePhases: live, timeout: o.timeout })
        : [];
    for (const c of pods)
        ctx.check(c);
    const id = `helm test ${when} ${cell.replace(/ after (upgrade|rollback)$/, "")}`;
    const took = Date.now() - t0;
    if (test.code !== 0 || pods.some((p) => p.state === "fail")) {
        ctx.add({
            rule: liveRules.helmTest,
            severity: "error",
            message: `helm test ${when} failed: ${errorLine(test.stderr || test.stdout) || "a test pod failed"}`,
            ...o.where,
        });
        ctx.check({ id, rule: liveRules.helmTest, state: "fail", durationMs: took });
        return false;
    }
    if (!pods.length || pods.every((p) => p.state === "skip"))
        ctx.check({
            id,
            rule: liveRules.helmTest,
            state: "skip",
            reason: pods.length
                ? (pods[0].reason ?? "simulated")
                : "the chart renders no helm test pod in this scenario",
            durationMs: took,
        });
    else
        ctx.check({ id, rule: liveRules.helmTest, state: "pass", durationMs: took });
    return true;
}
async function startProber(ctx, o) {
    const fail = (reason, message = reason) => {
        ctx.add({ rule: liveRules.availability, severity: "error", message, ...o.where });
        ctx.check({ id: `availability ${o.label}`, rule: liveRules.availability, state: "fail", reason });
        return { targets: [], failed: true };
    };
    if (o.simulated) {
        ctx.check({
            id: `availability ${o.label}`,
            rule: liveRules.availability,
            state: "skip",
            reason: KWOK_NO_PODS,
        });
        return { targets: [], failed: false };
    }
    const objs = await o.sh(kubectlServingObjectsArgv(o.ko));
    if (objs.code !== 0)
        return fail(`cannot list the release's Services and workloads: ${errorLine(objs.stderr)}`);
    const sel = probeTargets(objs.stdout, o.namespace);
    for (const u of sel.unprobed)
        ctx.add({
            rule: liveRules.availability,
            severity: "warning",
            message: `${u.reason}: its availability is not measured`,
            ...o.where,
        });
    if (!sel.serving) {
        // A release of batch jobs only (e.g. charts/floe-jobs): no request could fail, so none is asked for; its
        // upgrade, rollback and helm tests are still checked.
        ctx.check({
            id: `availability ${o.label}`,
            rule: liveRules.availability,
            state: "skip",
            reason: "the release serves no Service (no Deployment or StatefulSet behind one): nothing to probe",
        });
        return { targets: [], failed: false };
    }
    if (!sel.targets.length)
        return fail("no Service of a workload with 2+ replicas: nothing to probe", `scenario ${o.where.scenario} runs no Service whose Deployment or StatefulSet has 2 or more replicas: the upgrade's availability cannot be measured; the scenario must run at least one (with a PodDisruptionBudget)`);
    if (!o.image)
        return fail("no image for the prober", "the chart renders no helm test pod to take the prober's image from: pass --prober-image (an image with sh and curl)");
    // Bounded: every step's timeout (upgrade, two helm tests, rollback) plus two minutes, and as many rounds.
    const maxSeconds = Math.ceil((4 * (0,duration/* durationMs */.p)(o.timeout)) / 1000) + 120;
    const name = `floe-upgrade-prober-${(0,external_node_crypto_.randomBytes)(3).toString("hex")}`;
    const manifest = proberPod({
        name,
        namespace: o.namespace,
        image: o.image,
        labels: o.labels,
        targets: sel.targets,
        maxSeconds,
        maxRequests: Math.ceil((maxSeconds * 1000) / o.intervalMs),
        intervalMs: o.intervalMs,
    });
    ctx.progress(`${o.step}: availability prober ${name} (${o.image}) on ${sel.targets.map((t) => `${t.service}:${t.port} (${t.workload}, ${t.replicas} replicas${t.pdb ? `, PDB ${t.pdb}` : ", no PDB"})`).join(", ")}; at most ${maxSeconds}s`);
    const created = await o.sh(kubectlCreateStdinArgv(o.ko), (0,dist/* stringify */.As)(manifest));
    if (created.code !== 0)
        return fail(`the prober pod was refused: ${errorLine(created.stderr)}`);
    const ready = await (0,diagnose_cell/* watchWait */.pk)(ctx, o.kube, `${o.step}: prober warm-up (every target answers once)`, "120s", () => o.sh(kubectlWaitReadyArgv(o.ko, name, "120s"), undefined, 150_000));
    if (ready.code !== 0) {
        const log = await o.sh(kubectlProberLogArgv(o.ko, name));
        await o.sh(kubectlDeletePodArgv(o.ko, name));
        return fail(`the prober did not become ready within 120s: ${errorLine(ready.stderr)}${log.stdout.trim() ? `; its log: ${log.stdout.trim().split("\n").slice(-3).join(" | ")}` : ""}`);
    }
    return { pod: name, targets: sel.targets, failed: false };
}
/** Stops the prober and reports its counts; false when a check failed. */
async function stopProber(ctx, o) {
    ctx.progress(`${o.step}: stopping the prober, reading its counts`);
    await o.sh(kubectlStopProberArgv(o.ko, o.pod));
    await (0,diagnose_cell/* watchWait */.pk)(ctx, o.kube, `${o.step}: the prober's end`, "60s", () => o.sh(kubectlWaitEndedArgv(o.ko, o.pod, "60s"), undefined, 90_000));
    const log = await o.sh(kubectlProberLogArgv(o.ko, o.pod));
    await o.sh(kubectlDeletePodArgv(o.ko, o.pod));
    const parsed = parseProberLog(log.stdout);
    let ok = true;
    for (const t of o.targets) {
        const id = `availability ${t.service} ${o.label}`;
        const c = parsed.counts.get(t.service);
        const at = { ...o.where, object: `Service/${t.service}` };
        if (!c || c.sent === 0) {
            ok = false;
            const why = !parsed.end
                ? "the prober ended without its counts (see its log in the diagnostics)"
                : "no request was sent";
            ctx.add({
                rule: liveRules.availability,
                severity: "error",
                message: `Service ${t.service}: ${why}: its availability during the upgrade is unknown, not proved`,
                ...at,
            });
            ctx.check({ id, rule: liveRules.availability, state: "fail", reason: why });
            continue;
        }
        const summary = `Service ${t.service} (${t.workload}, ${t.replicas} replicas, ${t.pdb ? `PDB ${t.pdb}` : "no PDB"}): ${c.sent} requests sent, ${c.failed} failed during upgrade, helm tests and rollback`;
        if (c.failed === 0) {
            ctx.add({ rule: liveRules.availability, severity: "info", message: summary, ...at });
            ctx.check({ id, rule: liveRules.availability, state: "pass" });
        }
        else {
            const first = attributeFailures(c.failures.slice(0, 3), o.windows).join("; ");
            ctx.add({
                rule: liveRules.availability,
                severity: t.pdb ? "error" : "warning",
                message: `${summary}${first ? ` (first: ${first})` : ""}${t.pdb ? "" : "; without a PodDisruptionBudget this is a warning"}`,
                ...at,
            });
            ctx.check({ id, rule: liveRules.availability, state: t.pdb ? "fail" : "pass" });
            if (t.pdb)
                ok = false;
        }
    }
    if (parsed.end === "bound")
        ctx.add({
            rule: liveRules.availability,
            severity: "warning",
            message: "the prober reached its bound (count or time) before it was stopped: the last steps were not probed",
            ...o.where,
        });
    return ok;
}
/** --prober-image on kind: loaded from the local Docker daemon when it is there (else the node pulls it). */
async function loadImage(ctx, image, kind, opts) {
    const docker = (0,on_path/* resolveDocker */.vw)(opts.env.PATH);
    const has = await (0,runner/* runTool */.q)((0,config/* dockerImageInspectArgv */.eI)(docker, image), { ...opts, timeoutMs: 60_000 });
    if (has.code !== 0)
        return;
    const env = kind.dockerShim
        ? { ...opts.env, PATH: `${kind.dockerShim}${(external_node_path_default()).delimiter}${opts.env.PATH ?? ""}` }
        : opts.env;
    const r = await (0,runner/* runTool */.q)((0,config/* kindLoadArgv */.fh)(kind.bin, { name: kind.name, images: [image] }), {
        ...opts,
        env,
        timeoutMs: 600_000,
    });
    if (r.code !== 0)
        ctx.add({
            rule: liveRules.availability,
            severity: "warning",
            message: `kind load docker-image ${image} failed: ${errorLine(r.stderr)}`,
        });
}


/***/ })

};
