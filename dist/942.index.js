export const id = 942;
export const ids = [942];
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

/***/ 9942:
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
/** Each pod of a namespace with its phase, one `name phase` per line. */
function kubectlPodPhasesArgv(bin, kubeconfig, namespace) {
    return [
        bin,
        "--kubeconfig",
        kubeconfig,
        "--namespace",
        namespace,
        "get",
        "pods",
        "--output",
        'jsonpath={range .items[*]}{.metadata.name} {.status.phase}{"\\n"}{end}',
    ];
}
/** The API server's own readiness (`ok` when it serves): asked after a failed cell, to tell a chart's failure
 * from a cluster that went away. */
function kubectlReadyzArgv(bin, kubeconfig) {
    return [bin, "--kubeconfig", kubeconfig, "get", "--raw", "/readyz"];
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
            const live = ctx.simulated ? undefined : ctx.livePhases?.[h.name ?? ""];
            out.push({ ...base, state: "fail", reason: failReason(phase, live, ctx.timeout), ...cov });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/cluster/kind/config.ts
var config = __webpack_require__(8231);
// EXTERNAL MODULE: ./src/cluster/on-path.ts
var on_path = __webpack_require__(6533);
// EXTERNAL MODULE: ./src/helm/argv.ts
var argv = __webpack_require__(956);
// EXTERNAL MODULE: ./src/helm/manifest.ts + 1 modules
var manifest = __webpack_require__(3763);
// EXTERNAL MODULE: ./src/install/images.ts
var install_images = __webpack_require__(7877);
;// CONCATENATED MODULE: ./src/install/load-images.ts
// Before `floe-helm test` installs anything on a kind cluster: every image the rendered charts use is put
// where the node finds it (./images.ts decides; this file asks helm, Docker, the node and kind). An image
// that cannot be had is reported by name, with the objects that use it, and nothing is installed.








const IMAGES_RULE = "images";
const lastLine = (s) => s.trim().split("\n").pop() ?? "";
/** Renders each chart x scenario once, collects its images and brings them into the kind nodes. Returns
 * false (with error findings) when an image is missing or cannot be loaded: no install may start then. */
async function prepareKindImages(ctx, cells, kind, pull, opts) {
    const uses = [];
    for (const s of cells.scenarios) {
        const dir = cells.chartDir.get(s.chart.dir);
        if (!dir)
            continue; // dependencies missing: reported, never installed
        const r = await (0,runner/* runTool */.q)((0,argv/* helmTemplateArgv */.fn)({
            ...cells.helm,
            chartDir: dir,
            valuesFiles: s.valuesFiles.map((f) => external_node_path_default().resolve(opts.cwd, f)),
            release: cells.release,
        }), { ...opts, timeoutMs: 120_000 });
        // A chart that does not render fails at helm install, which reports it in full.
        if (r.code !== 0)
            continue;
        uses.push(...(0,install_images/* imageUses */.YQ)((0,manifest/* parseManifest */.Ng)(r.stdout, { chartDir: dir, cwd: opts.cwd }), {
            chart: s.chart.name,
            scenario: s.name,
        }));
    }
    const images = [...new Set(uses.map((u) => u.image))];
    if (!images.length)
        return true;
    const docker = (0,on_path/* onPath */.L)("docker", opts.env.PATH);
    if (!docker)
        throw new errors/* InputError */.dz("the kind cluster's images are checked with docker, which is not on PATH");
    const listed = await (0,runner/* runTool */.q)((0,config/* kindGetNodesArgv */.W2)(kind.bin, { name: kind.name }), {
        ...opts,
        timeoutMs: 60_000,
    });
    const nodes = listed.code === 0
        ? listed.stdout
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean)
        : [];
    if (!nodes.length)
        nodes.push((0,config/* kindNodeContainer */.CL)(kind.name));
    const nodeImages = [];
    for (const node of nodes) {
        const r = await (0,runner/* runTool */.q)((0,config/* nodeImagesArgv */.t6)(docker, node), { ...opts, timeoutMs: 60_000 });
        if (r.code !== 0)
            throw new errors/* InputError */.dz(`cannot list the images of kind node ${node} (exit ${r.code}): ${lastLine(r.stderr)}; is the cluster of 'floe-helm cluster up' still running?`);
        nodeImages.push((0,install_images/* nodeImageNames */.ur)(r.stdout));
    }
    const local = new Set();
    const firstPlan = (0,install_images/* planImages */.y6)(images, { nodes: nodeImages, local }, pull);
    for (const image of [...firstPlan.pull, ...firstPlan.missing]) {
        const r = await (0,runner/* runTool */.q)((0,config/* dockerImageInspectArgv */.eI)(docker, image), { ...opts, timeoutMs: 60_000 });
        if (r.code === 0)
            local.add(image);
    }
    const plan = (0,install_images/* planImages */.y6)(images, { nodes: nodeImages, local }, pull);
    ctx.progress(`test: images: ${images.length} used by the charts: ${plan.inNode.length} in the kind node, ${plan.load.length} to load from the local Docker daemon, ${plan.pull.length} left for the node to pull, ${plan.missing.length} missing`);
    for (const image of plan.missing) {
        const byCell = new Map();
        for (const u of uses.filter((x) => x.image === image)) {
            const key = `${u.chart}\0${u.scenario}`;
            byCell.set(key, [...(byCell.get(key) ?? []), u]);
        }
        for (const list of byCell.values()) {
            const u = list[0];
            ctx.add({
                rule: IMAGES_RULE,
                severity: "error",
                message: `image ${image} is neither in the kind node nor in the local Docker daemon, and the node may not pull (--image-pull never): used by ${(0,install_images/* describeUses */.eo)(list)}; build or pull it into Docker first`,
                file: u.at.file,
                line: u.at.line,
                ...(u.at.col ? { col: u.at.col } : {}),
                chart: u.chart,
                scenario: u.scenario,
                object: u.object,
            });
        }
    }
    if (plan.missing.length)
        return false;
    for (const image of plan.pull)
        ctx.progress(`test: images: ${image} is not here: the kind node pulls it at install (--image-pull node)`);
    if (plan.load.length) {
        ctx.progress(`test: images: kind load docker-image ${plan.load.join(" ")}`);
        // kind runs `docker exec --privileged` into the node: through the shim where `cluster up` needed it.
        const env = kind.dockerShim
            ? { ...opts.env, PATH: `${kind.dockerShim}${(external_node_path_default()).delimiter}${opts.env.PATH ?? ""}` }
            : opts.env;
        const r = await (0,runner/* runTool */.q)((0,config/* kindLoadArgv */.fh)(kind.bin, { name: kind.name, images: plan.load }), {
            ...opts,
            env,
            timeoutMs: 600_000,
        });
        if (r.code !== 0) {
            ctx.add({
                rule: IMAGES_RULE,
                severity: "error",
                message: `kind load docker-image ${plan.load.join(" ")} failed (exit ${r.code}): ${lastLine(r.stderr || r.stdout)}`,
            });
            return false;
        }
        ctx.add({
            rule: IMAGES_RULE,
            severity: "info",
            message: `loaded into the kind node from the local Docker daemon: ${plan.load.join(", ")}`,
        });
    }
    return true;
}

;// CONCATENATED MODULE: ./src/install/run.ts
// `floe-helm test`: for every chart x scenario x helm major of the gate's plan (same floe-gate.yaml,
// --chart, --values, --helm), against the cluster of `floe-helm cluster up`: helm install (waiting for
// workloads and Jobs), helm test, then the test pods' outcomes from `helm status -o json` (each with its
// floe.dev/covers, for the coverage matrix), then helm uninstall. One namespace per cell, so cells never
// see each other's objects.















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
/** The kubeconfig to use, whether its cluster is kwok's simulated kubelet, and the kind cluster of
 * `cluster up` when that is the one used. */
async function run_target(inputs) {
    const state = await (0,cluster_state/* readState */.un)(inputs.workDir, inputs.cluster);
    const kubeconfig = inputs.kubeconfig ?? state?.kubeconfig;
    if (!kubeconfig) {
        throw new errors/* InputError */.dz(`no cluster: run 'floe-helm cluster up --provider ${inputs.cluster}' with the same --work-dir first, or pass --kubeconfig`);
    }
    const ours = state !== undefined && external_node_path_default().resolve(state.kubeconfig) === external_node_path_default().resolve(kubeconfig);
    const simulated = ours && state.provider === "kwok";
    const kind = ours && state.provider === "kind" && state.extra?.name
        ? { name: state.extra.name, ...(state.extra.dockerShim ? { dockerShim: state.extra.dockerShim } : {}) }
        : undefined;
    return { kubeconfig, simulated, ...(kind ? { kind } : {}) };
}
async function runTest(ctx, inputs, opts) {
    const { cwd } = opts;
    const timeout = opts.timeout ?? "300s";
    const config = await (0,gate_config.resolveConfig)(inputs, cwd);
    const plan = await (0,gate_plan/* buildPlan */.Gg)(config, inputs, cwd);
    (0,phase/* reportSkippedCharts */.k)(ctx, plan.skipped);
    const { kubeconfig, simulated, kind } = await run_target(inputs);
    const tools = await (0,resolve.resolveTools)(inputs, [
        ...config.helmMajors.map((m) => `helm${m}`),
        "kubectl",
        ...(kind ? ["kind"] : []),
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
    // kind: every image the charts use is in the node (or loaded into it) before the first install; one
    // that cannot be had is an error naming it, and nothing is installed.
    if (kind) {
        const first = config.helmMajors[0];
        const scenarios = [
            ...new Map(plan.cells.map((c) => [`${c.scenario.chart.dir}\0${c.scenario.name}`, c.scenario])).values(),
        ];
        const ok = await prepareKindImages(ctx, { scenarios, chartDir, helm: { bin: bin(first), major: first }, release: RELEASE }, { ...kind, bin: tools.kind }, opts.imagePull ?? "node", { env, cwd });
        if (!ok) {
            for (const cell of plan.cells)
                ctx.check({
                    id: `install ${cell.scenario.chart.name}/${cell.scenario.name} helm${cell.helm}`,
                    rule: rules.install,
                    state: "skip",
                    reason: "images missing from the kind cluster (see images): nothing was installed",
                });
            return;
        }
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
                    message: `helm test failed: ${errorLine(test.stderr || test.stdout)}`,
                    ...where,
                });
            const st = await (0,runner/* runTool */.q)(helmStatusArgv(a), { env, cwd });
            // A real cluster's own view of the test pods after a failed helm test: a pod that outlived --timeout
            // is still Running there, though helm records it as Failed.
            const livePhases = {};
            if (test.code !== 0 && !simulated) {
                const ph = await (0,runner/* runTool */.q)(kubectlPodPhasesArgv(tools.kubectl, kubeconfig, a.namespace), {
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
                const checks = testHookChecks(st.stdout, { cell: label, simulated, livePhases, timeout });
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
            const ready = await (0,runner/* runTool */.q)(kubectlReadyzArgv(tools.kubectl, kubeconfig), {
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
