export const id = 698;
export const ids = [698];
export const modules = {

/***/ 4299:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jq: () => (/* binding */ writeState),
/* harmony export */   _O: () => (/* binding */ clusterDir),
/* harmony export */   aF: () => (/* binding */ removeState),
/* harmony export */   un: () => (/* binding */ readState)
/* harmony export */ });
/* unused harmony export statePath */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// What `cluster up` started, kept in <workDir>/cluster/<provider>/state.json so `cluster down` (often a
// separate process) stops exactly those processes and nothing else.


function clusterDir(workDir, provider) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workDir, "cluster", provider);
}
function statePath(workDir, provider) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(clusterDir(workDir, provider), "state.json");
}
async function writeState(workDir, state) {
    const file = statePath(workDir, state.provider);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, `${JSON.stringify(state, null, 2)}\n`);
}
async function readState(workDir, provider) {
    try {
        return JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(statePath(workDir, provider), "utf8"));
    }
    catch {
        return undefined;
    }
}
async function removeState(workDir, provider) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(statePath(workDir, provider), { force: true });
}


/***/ }),

/***/ 1698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RELEASE: () => (/* binding */ RELEASE),
  collectDiagnostics: () => (/* binding */ collectDiagnostics),
  rules: () => (/* binding */ rules),
  runTest: () => (/* binding */ runTest)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/cluster/state.ts
var cluster_state = __webpack_require__(4299);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/exec/runner.ts
var runner = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/gate/config.ts + 1 modules
var gate_config = __webpack_require__(8823);
// EXTERNAL MODULE: ./src/gate/plan.ts
var gate_plan = __webpack_require__(6132);
// EXTERNAL MODULE: ./src/helm/deps.ts
var deps = __webpack_require__(9264);
// EXTERNAL MODULE: ./src/helm/output.ts
var output = __webpack_require__(583);
// EXTERNAL MODULE: ./src/report/phase.ts
var phase = __webpack_require__(6169);
// EXTERNAL MODULE: ./src/tools/resolve.ts + 2 modules
var resolve = __webpack_require__(5084);
;// CONCATENATED MODULE: ./src/install/argv.ts
const target = (a) => ["--kubeconfig", a.kubeconfig, "--namespace", a.namespace];
function helmInstallArgv(a) {
    if (a.chartDir === "")
        throw new Error("helm install needs an explicit chart path");
    return [
        a.bin,
        "install",
        a.release,
        a.chartDir,
        ...target(a),
        "--create-namespace",
        ...a.valuesFiles.flatMap((f) => ["--values", f]),
        "--wait",
        "--wait-for-jobs",
        "--timeout",
        a.timeout,
    ];
}
function helmTestArgv(a) {
    return [a.bin, "test", a.release, ...target(a), "--timeout", a.timeout];
}
/** The release with its hooks and each hook's last run (the test pods' phases), as JSON. */
function helmStatusArgv(a) {
    return [a.bin, "status", a.release, ...target({ ...a, timeout: "" }), "--output", "json"];
}
function helmUninstallArgv(a) {
    return [a.bin, "uninstall", a.release, ...target(a), "--wait", "--timeout", a.timeout];
}
/** Deletes a cell's namespace after uninstall: helm leaves test pods without a hook-succeeded delete policy
 * behind (floe-platform keeps them for `kubectl logs`). Not waited for: the next cell uses another one. */
function kubectlDeleteNamespaceArgv(bin, kubeconfig, namespace) {
    return [
        bin,
        "--kubeconfig",
        kubeconfig,
        "delete",
        "namespace",
        namespace,
        "--ignore-not-found",
        "--wait=false",
    ];
}
/** What is kept of a cell whose install or tests failed, before its namespace goes: one file per kubectl
 * call. Secrets are listed by name only (`get` never prints their data). */
function kubectlDiagnosticsArgv(bin, kubeconfig, namespace) {
    const k = (...args) => [bin, "--kubeconfig", kubeconfig, "--namespace", namespace, ...args];
    return [
        {
            file: "objects.txt",
            argv: k("get", "all,configmaps,secrets,persistentvolumeclaims,networkpolicies", "--output", "wide"),
        },
        { file: "events.txt", argv: k("get", "events", "--sort-by", ".lastTimestamp") },
        { file: "pods.txt", argv: k("describe", "pods") },
    ];
}
/** The logs of every container of one pod (the last 300 lines each, container names as prefixes). */
function kubectlLogsArgv(bin, kubeconfig, namespace, pod) {
    return [
        bin,
        "--kubeconfig",
        kubeconfig,
        "--namespace",
        namespace,
        "logs",
        pod,
        "--all-containers",
        "--prefix",
        "--tail",
        "300",
    ];
}
/** The pod names of a namespace, one per line (`pod/<name>`). */
function kubectlPodNamesArgv(bin, kubeconfig, namespace) {
    return [bin, "--kubeconfig", kubeconfig, "--namespace", namespace, "get", "pods", "--output", "name"];
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/report/test-pods.ts
var test_pods = __webpack_require__(1777);
;// CONCATENATED MODULE: ./src/install/hooks.ts
// `helm status -o json` -> one check per helm test pod, with the requirements its `floe.dev/covers`
// annotation names, so the coverage matrix shows what a real `helm test` proved. Helm 3 and 4 print the
// same `hooks[]` (name, kind, manifest, events, last_run.phase).


const SIMULATED = "kwok simulates the kubelet: the test pod completed without running its container (a real result needs --provider kind or existing)";
/** Checks for the test hooks of a release status (the JSON text of `helm status -o json`). */
function testHookChecks(statusJson, ctx) {
    const status = JSON.parse(statusJson);
    const out = [];
    for (const h of status.hooks ?? []) {
        if (h.kind !== "Pod" || !(h.events ?? []).includes("test"))
            continue;
        let doc = {};
        try {
            doc = (0,dist.parse)(h.manifest ?? "") ?? {};
        }
        catch {
            // helm applied it, so it is YAML; a hook we cannot read simply names no requirement.
        }
        const pod = (0,test_pods/* testPods */.Jw)([{ kind: "Pod", name: h.name ?? "?", doc }])[0];
        const covers = pod?.covers ?? [];
        const phase = h.last_run?.phase ?? "";
        const base = { id: `${test_pods/* HELM_TEST_RULE */.nL} ${h.name} ${ctx.cell}`, rule: test_pods/* HELM_TEST_RULE */.nL };
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
            out.push({ ...base, state: "fail", reason: `test pod phase ${phase}`, ...cov });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/install/run.ts
// `floe-helm test`: for every chart x scenario x helm major of the gate's plan (same floe-gate.yaml,
// --chart, --values, --helm), against the cluster of `floe-helm cluster up`: helm install (waiting for
// workloads and Jobs), helm test, then the test pods' outcomes from `helm status -o json` (each with its
// floe.dev/covers, for the coverage matrix), then helm uninstall. One namespace per cell, so cells never
// see each other's objects.














const RELEASE = "floe-test";
const rules = { install: "install", helmTest: "helm-test", uninstall: "uninstall" };
const firstLine = (s) => s
    .trim()
    .split("\n")
    .find((l) => l.trim())
    ?.replace(/^Error: /, "") ?? "";
/** Keeps what the cluster says about a failed cell before its namespace is deleted: objects, events,
 * described pods and every pod's logs, one file each under `dir`. A kubectl call that fails leaves its
 * error in its file: what could not be collected is said, never silently missing. */
async function collectDiagnostics(kubectl, kubeconfig, namespace, dir, opts) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const files = [];
    const keep = async (file, argv) => {
        const r = await (0,runner/* runTool */.q)(argv, { ...opts, timeoutMs: 60_000 });
        const body = r.code === 0
            ? r.stdout
            : `# kubectl ${argv.slice(3).join(" ")} failed (exit ${r.code}):\n${r.stderr}${r.stdout}`;
        await (0,promises_.writeFile)(external_node_path_default().join(dir, file), body);
        files.push(external_node_path_default().join(dir, file));
        return r;
    };
    for (const d of kubectlDiagnosticsArgv(kubectl, kubeconfig, namespace))
        await keep(d.file, d.argv);
    const pods = await (0,runner/* runTool */.q)(kubectlPodNamesArgv(kubectl, kubeconfig, namespace), {
        ...opts,
        timeoutMs: 60_000,
    });
    for (const pod of pods.stdout
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)) {
        const name = pod.replace(/^pod\//, "");
        await keep(`logs-${name}.txt`, kubectlLogsArgv(kubectl, kubeconfig, namespace, name));
    }
    return files;
}
/** The kubeconfig to use and whether its cluster is kwok's simulated kubelet. */
async function run_target(inputs) {
    const state = await (0,cluster_state/* readState */.un)(inputs.workDir, inputs.cluster);
    const kubeconfig = inputs.kubeconfig ?? state?.kubeconfig;
    if (!kubeconfig) {
        throw new errors/* InputError */.dz(`no cluster: run 'floe-helm cluster up --provider ${inputs.cluster}' with the same --work-dir first, or pass --kubeconfig`);
    }
    const simulated = state?.provider === "kwok" && external_node_path_default().resolve(state.kubeconfig) === external_node_path_default().resolve(kubeconfig);
    return { kubeconfig, simulated };
}
async function runTest(ctx, inputs, opts) {
    const { cwd } = opts;
    const timeout = opts.timeout ?? "300s";
    const config = await (0,gate_config.resolveConfig)(inputs, cwd);
    const plan = await (0,gate_plan/* buildPlan */.Gg)(config, inputs, cwd);
    (0,phase/* reportSkippedCharts */.k)(ctx, plan.skipped);
    const { kubeconfig, simulated } = await run_target(inputs);
    const tools = await (0,resolve.resolveTools)(inputs, [
        ...config.helmMajors.map((m) => `helm${m}`),
        "kubectl",
    ]);
    const bin = (m) => tools[`helm${m}`];
    // helm keeps its repository config and cache under HOME: one per run, so nothing on the runner leaks in.
    const home = external_node_path_default().join(inputs.workDir, "test-helm-home");
    const env = {
        PATH: process.env.PATH,
        HOME: home,
        HELM_CACHE_HOME: external_node_path_default().join(home, "cache"),
        HELM_CONFIG_HOME: external_node_path_default().join(home, "config"),
        HELM_DATA_HOME: external_node_path_default().join(home, "data"),
    };
    const chartDir = new Map();
    for (const chart of plan.charts) {
        const first = config.helmMajors[0];
        const prep = await (0,deps/* prepareDependencies */.d)(chart.abs, cwd, { bin: bin(first), major: first }, inputs.workDir);
        chartDir.set(chart.info.dir, prep.dirAbs);
        for (const p of prep.problems)
            ctx.add({ rule: "dependency", severity: "error", message: p.message, ...p.at, chart: chart.info.name });
    }
    // One namespace per cell and per run: a namespace deleted by an earlier run may still be terminating.
    const run = (0,external_node_crypto_.randomBytes)(3).toString("hex");
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
        const t0 = Date.now();
        let failed = false;
        const inst = await (0,runner/* runTool */.q)(helmInstallArgv({ ...a, chartDir: dir, valuesFiles: s.valuesFiles.map((f) => external_node_path_default().resolve(cwd, f)) }), { env, cwd });
        if (inst.code !== 0) {
            failed = true;
            // helm's whole message: a schema refusal names the wrong values only after its first line.
            const m = (0,output/* parseRenderError */.G)(inst.stderr || inst.stdout, external_node_path_default().resolve(cwd, s.chart.dir), cwd);
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
            const test = await (0,runner/* runTool */.q)(helmTestArgv(a), { env, cwd });
            if (test.code !== 0)
                failed = true;
            if (test.code !== 0)
                ctx.add({
                    rule: rules.helmTest,
                    severity: "error",
                    message: `helm test failed: ${firstLine(test.stderr || test.stdout)}`,
                    ...where,
                });
            const st = await (0,runner/* runTool */.q)(helmStatusArgv(a), { env, cwd });
            if (st.code === 0) {
                const checks = testHookChecks(st.stdout, { cell: label, simulated });
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
            const dir = external_node_path_default().join(inputs.workDir, "diagnostics", "test", `${s.chart.name}-${s.name}-helm${cell.helm}`);
            ctx.progress(`test: [${n}/${plan.cells.length}] ${label}: keeping diagnostics in ${dir}`);
            const files = await collectDiagnostics(tools.kubectl, kubeconfig, a.namespace, dir, { env, cwd });
            ctx.add({
                rule: rules.install,
                severity: "info",
                message: `diagnostics of ${label} (objects, events, pods, logs: ${files.length} files) in ${external_node_path_default().relative(cwd, dir) || dir}`,
                ...where,
            });
        }
        // Uninstall even after a failed install (helm 3 keeps a failed release), so the next run starts clean.
        const un = await (0,runner/* runTool */.q)(helmUninstallArgv(a), { env, cwd });
        if (un.code !== 0 && inst.code === 0)
            ctx.add({
                rule: rules.uninstall,
                severity: "warning",
                message: `helm uninstall failed: ${firstLine(un.stderr)}`,
                ...where,
            });
        const ns = await (0,runner/* runTool */.q)(kubectlDeleteNamespaceArgv(tools.kubectl, kubeconfig, a.namespace), {
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
