export const id = 76;
export const ids = [76,216];
export const modules = {

/***/ 7076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RULE_ANCHORS: () => (/* binding */ RULE_ANCHORS),
/* harmony export */   ruleCatalog: () => (/* binding */ ruleCatalog)
/* harmony export */ });
/* harmony import */ var _checks_registry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2067);
/* harmony import */ var _e2e_run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3270);
/* harmony import */ var _gate_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4957);
/* harmony import */ var _install_diagnose_cell_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2057);
/* harmony import */ var _install_load_images_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7677);
/* harmony import */ var _install_not_run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1086);
/* harmony import */ var _install_run_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3618);
/* harmony import */ var _release_run_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6216);
/* harmony import */ var _report_coverage_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3122);
/* harmony import */ var _upgrade_live_run_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9231);
/* harmony import */ var _upgrade_run_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9081);
// Every rule id floe-helm reports, with one sentence each and the README table that documents it: the
// rule metadata of `floe-helm report --sarif`. Built from the rule registry (src/checks/registry.ts: id,
// description, default severity) and the rule ids each phase exports, so a rule added to the registry is
// described here without an edit, and a phase constant without an entry fails to typecheck (the
// `satisfies` below). It lives with the commands because it is the one place that may import every phase.











/** README headings (GitHub anchors) whose tables or text document the rules. */
const RULE_ANCHORS = {
    gate: "rules-of-the-gate",
    objects: "object-checks-rendered-objects",
    upgradeCheck: "upgrade-safety-upgrade-check",
    test: "install-tests-floe-helm-test",
    live: "live-upgrade-and-rollback-floe-helm-upgrade",
    e2e: "end-to-end-floe-helm-e2e",
    coverage: "coverage-matrix",
    release: "releasing-charts-floe-helm-release",
    generate: "generate-values-from-floes-manifest-and-data-products",
    tools: "toolchain-installer",
};
const A = RULE_ANCHORS;
const gate = {
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.yamlParse]: {
        description: "A values file, config or rendered manifest that is not YAML.",
        anchor: A.gate,
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.duplicateKey]: {
        description: "A mapping key written twice (YAML keeps only the last one).",
        anchor: A.gate,
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.valuesSchema]: {
        description: "A values file that breaks the chart's values.schema.json (or a schema that is not valid).",
        anchor: A.gate,
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.lint]: { description: "helm lint --strict reports an error or a warning.", anchor: A.gate },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.render]: {
        description: "helm template fails (template error, required, fail).",
        anchor: A.gate,
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.deadValue]: {
        description: "A key set in a scenario values file that no template reads and the schema does not declare.",
        anchor: A.gate,
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.waiverUnused]: {
        description: "A waiver in floe-gate.yaml that matched no finding: remove it before it hides a new one.",
        anchor: A.gate,
        level: "warning",
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.dependency]: {
        description: "A Chart.yaml dependency that charts/ does not hold and helm dependency build cannot provide.",
        anchor: A.gate,
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.chartSchema]: {
        description: "Chart.yaml as chart-testing's ct lint checks it (apiVersion, name, SemVer version, ...).",
        anchor: A.gate,
        level: "warning",
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.yamlStyle]: {
        description: "The YAML style ct lint enforces (yamllint with ct's lintconf), per yamllint rule.",
        anchor: A.gate,
        level: "warning",
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.plainSecret]: {
        description: "A credential written as a literal in a values file where a reference is expected.",
        anchor: A.gate,
        level: "warning",
    },
    [_gate_run_js__WEBPACK_IMPORTED_MODULE_2__.gateRules.schemaDrift]: {
        description: "values.yaml and an open values.schema.json disagree: an undeclared key, or an unused property.",
        anchor: A.gate,
        level: "warning",
    },
};
const upgradeCheck = {
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_10__.upgradeCheckRules.immutableField]: {
        description: "A field the API server refuses to change on an existing object changes between base and head.",
        anchor: A.upgradeCheck,
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_10__.upgradeCheckRules.removedStateful]: {
        description: "A PersistentVolumeClaim (or volume claim template) of the base is no longer rendered.",
        anchor: A.upgradeCheck,
        level: "warning",
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_10__.upgradeCheckRules.renamedService]: {
        description: "A Service is gone while a new one has the same selector: clients of the old name break.",
        anchor: A.upgradeCheck,
        level: "warning",
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_10__.upgradeCheckRules.newChart]: {
        description: "The chart does not exist at the base: nothing to upgrade from.",
        anchor: A.upgradeCheck,
        level: "info",
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_10__.upgradeCheckRules.baseValues]: {
        description: "The base is rendered with this change's values file.",
        anchor: A.upgradeCheck,
        level: "info",
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_10__.upgradeCheckRules.notChecked]: {
        description: "One side does not render, so the cell's upgrade is not checked.",
        anchor: A.upgradeCheck,
        level: "warning",
    },
    [_upgrade_run_js__WEBPACK_IMPORTED_MODULE_10__.upgradeCheckRules.versionIncrement]: {
        description: "A chart whose files changed since the base without a higher version in Chart.yaml.",
        anchor: A.upgradeCheck,
    },
};
const live = {
    [_upgrade_live_run_js__WEBPACK_IMPORTED_MODULE_9__.liveRules.install]: { description: "The base release does not install.", anchor: A.live },
    [_upgrade_live_run_js__WEBPACK_IMPORTED_MODULE_9__.liveRules.upgrade]: { description: "helm upgrade from the base to this change fails.", anchor: A.live },
    [_upgrade_live_run_js__WEBPACK_IMPORTED_MODULE_9__.liveRules.helmTest]: { description: "helm test fails after the upgrade or the rollback.", anchor: A.live },
    [_upgrade_live_run_js__WEBPACK_IMPORTED_MODULE_9__.liveRules.rollback]: { description: "helm rollback to the base fails.", anchor: A.live },
    [_upgrade_live_run_js__WEBPACK_IMPORTED_MODULE_9__.liveRules.availability]: {
        description: "A Service of a workload with 2+ replicas stopped answering during the upgrade.",
        anchor: A.live,
    },
};
const test = {
    [_install_run_js__WEBPACK_IMPORTED_MODULE_6__.rules.install]: {
        description: "helm install --wait of a chart x scenario x helm major fails.",
        anchor: A.test,
    },
    [_install_run_js__WEBPACK_IMPORTED_MODULE_6__.rules.helmTest]: { description: "A helm test pod fails (or times out).", anchor: A.test },
    [_install_run_js__WEBPACK_IMPORTED_MODULE_6__.rules.uninstall]: { description: "helm uninstall of a test release fails.", anchor: A.test },
    [_install_run_js__WEBPACK_IMPORTED_MODULE_6__.rules.cluster]: {
        description: "The cluster's API server stopped answering: the failure is the cluster's, not the chart's.",
        anchor: A.test,
    },
    [_install_diagnose_cell_js__WEBPACK_IMPORTED_MODULE_3__/* .DIAGNOSIS_RULE */ .ft]: {
        description: "Why an object of a failed install or helm test is not ready (image-pull, crash-loop, ...).",
        anchor: A.test,
        level: "info",
    },
    [_install_load_images_js__WEBPACK_IMPORTED_MODULE_4__/* .IMAGES_RULE */ .E0]: {
        description: "An image the charts use is neither in the node nor in local Docker (with --image-pull never).",
        anchor: A.test,
    },
    [_install_not_run_js__WEBPACK_IMPORTED_MODULE_5__/* .NOT_RUN_RULE */ .xB]: {
        description: "A scenario's notRun component whose switch adds no test pod, or does not render.",
        anchor: A.test,
        level: "warning",
    },
};
const e2e = {
    e2e: { description: "An end-to-end check of the platform and the data product fails.", anchor: A.e2e },
    [_e2e_run_js__WEBPACK_IMPORTED_MODULE_1__.E2E_RULES.install]: { description: "The platform or the data product does not install.", anchor: A.e2e },
    [_e2e_run_js__WEBPACK_IMPORTED_MODULE_1__.E2E_RULES.uninstall]: { description: "The end-to-end releases do not uninstall.", anchor: A.e2e },
};
const others = {
    [_report_coverage_js__WEBPACK_IMPORTED_MODULE_8__/* .COVERAGE_RULE */ .Ac]: {
        description: "A requirement of a coverage.failOn priority failed or no check covers it.",
        anchor: A.coverage,
    },
    [_release_run_js__WEBPACK_IMPORTED_MODULE_7__/* .RELEASE_RULE */ .b]: {
        description: "A chart cannot be packaged or pushed to the OCI registry.",
        anchor: A.release,
    },
    "generate/unsupported-plugin": {
        description: "A plugin of floe's manifest that floe-platform cannot run (an orchestrator or storage type).",
        anchor: A.generate,
    },
    "generate/external-plugin": {
        description: "A plugin of floe's manifest that floe-platform does not run: the service is off, the jobs get no endpoint.",
        anchor: A.generate,
        level: "info",
    },
    "generate/derived-endpoint": {
        description: "An endpoint written in the inputs differs from the one derived from the floe-platform release.",
        anchor: A.generate,
        level: "warning",
    },
    "generate/prod-bundled": {
        description: "A prod environment runs a bundled service (database, object store) the gate's prod policy refuses.",
        anchor: A.generate,
        level: "warning",
    },
    "generate/schedule-disabled": {
        description: "A data product whose schedule is off: its job runs after every install and upgrade.",
        anchor: A.generate,
        level: "info",
    },
    "generate/unknown-preset": {
        description: "A data product's floe.dev/resource-preset label names a preset neither floe nor the manifest defines.",
        anchor: A.generate,
    },
    "generate/resource-preset": {
        description: "A resource preset of the manifest Kubernetes would refuse: not a quantity, or a request above its limit.",
        anchor: A.generate,
    },
    "generate/time-zone": {
        description: "A data product's schedule.timezone is not an IANA time zone a CronJob takes.",
        anchor: A.generate,
    },
    "helm-template": { description: "A generated values file does not render.", anchor: A.generate },
    "tools/unverified-checksum": {
        description: "A tool installed without a checksum floe-helm trusts.",
        anchor: A.tools,
        level: "warning",
    },
    "tools/cache-mismatch": {
        description: "A tool in the cache whose checksum differs from the pinned one: it is installed again.",
        anchor: A.tools,
        level: "warning",
    },
};
/** The catalog: the registry's rules first (their own descriptions and default severities), then every
 * phase's. A rule id not listed (e2e/<check>, yaml-style/<yamllint rule>) takes its family's entry
 * (src/report/sarif.ts ruleDoc). */
function ruleCatalog() {
    const registry = _checks_registry_js__WEBPACK_IMPORTED_MODULE_0__/* .checks */ .A.map((c) => ({
        id: c.rule,
        description: c.description,
        anchor: A.objects,
        level: c.defaultSeverity,
    }));
    const rest = Object.entries({ ...gate, ...upgradeCheck, ...live, ...test, ...e2e, ...others }).map(([id, d]) => ({ id, ...d }));
    const seen = new Set(registry.map((r) => r.id));
    return [...registry, ...rest.filter((r) => !seen.has(r.id))];
}


/***/ }),

/***/ 6216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ RELEASE_RULE),
/* harmony export */   runRelease: () => (/* binding */ runRelease)
/* harmony export */ });
/* unused harmony export chartIdentity */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _exec_runner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7507);
/* harmony import */ var _helm_deps_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9264);
/* harmony import */ var _helm_env_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(367);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8720);
/* harmony import */ var _values_yaml_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3319);
/* harmony import */ var _argv_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6779);
// `floe-helm release`: publish every chart to an OCI registry, idempotently. Per chart (sorted by folder):
// read name and version from Chart.yaml -> ask the registry whether that version is there (`helm show
// chart`): yes -> skipped; "not found" -> `helm package` + `helm push`; any other answer (unauthorized,
// unreachable) -> an error finding and no push, since pushing blind could only fail the same way or worse.
// With a username and FLOE_HELM_REGISTRY_PASSWORD, `helm registry login` runs first, the password on its
// stdin (never on a command line); without them, helm uses the logins it already has.
//
// Library charts (`type: library`, e.g. charts/floe-common) are published too, before the charts (a
// library is a versioned chart others may depend on from the registry; the charts that depend on it here
// carry it packed inside their own package anyway). Dependencies charts/ already holds as Chart.lock pins
// them (vendored) are packaged as they are: `--dependency-update` only runs when something is missing, so
// a release does not rewrite the checkout's charts/*.tgz and Chart.lock.











const RELEASE_RULE = "release";
const firstLine = (s) => s.trim().split("\n")[0] ?? "";
/** name and version of a Chart.yaml, or findings at the offending lines. */
async function chartIdentity(chartDir, cwd) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(cwd, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(chartDir, "Chart.yaml")) || "Chart.yaml";
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(chartDir, "Chart.yaml"), "utf8");
    }
    catch {
        return {
            findings: [{ rule: RELEASE_RULE, severity: "error", message: "no Chart.yaml: not a chart", file }],
        };
    }
    const y = (0,_values_yaml_js__WEBPACK_IMPORTED_MODULE_9__/* .parseYamlText */ .cd)(text, file);
    if (y.problems.length)
        return {
            findings: y.problems.map((p) => ({
                rule: RELEASE_RULE,
                severity: "error",
                message: p.message,
                ...p.at,
            })),
        };
    const meta = (y.value ?? {});
    const findings = [];
    const at = (key) => y.positionOf([key]) ?? { file, line: 1, col: 1 };
    const { name, version } = meta;
    if (typeof name !== "string" || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name))
        findings.push({
            rule: RELEASE_RULE,
            severity: "error",
            message: `name: expected a chart name of lower-case letters, digits and '-' (it becomes the OCI repository name), got ${JSON.stringify(name ?? null)}`,
            ...at("name"),
        });
    if (typeof version !== "string" || !semver__WEBPACK_IMPORTED_MODULE_3___default().valid(version))
        findings.push({
            rule: RELEASE_RULE,
            severity: "error",
            message: `version: expected a SemVer 2 string such as "1.2.3" (helm package and the registry tag need one), got ${typeof version === "number" ? `the number ${version}` : JSON.stringify(version ?? null)}`,
            ...at("version"),
        });
    if (findings.length)
        return { findings };
    const deps = meta.dependencies;
    return {
        name: name,
        version: version,
        // Only when charts/ does not already hold them as pinned (see the header).
        dependencies: Array.isArray(deps) && deps.length > 0 && (await (0,_helm_deps_js__WEBPACK_IMPORTED_MODULE_6__/* .dependencyNeeds */ .n)(chartDir, cwd)).length > 0,
    };
}
async function runRelease(ctx, inputs, opts) {
    const { cwd } = opts;
    const chartsDir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, opts.chartsDir);
    if (!inputs.charts.length && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(chartsDir))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`--charts-dir: ${chartsDir} does not exist`);
    const found = inputs.charts.length ? inputs.charts : await (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_8__/* .chartFoldersUnder */ .WH)(chartsDir);
    // Library charts first (see the header), each group in folder order.
    const isLibrary = async (d) => {
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(d, "Chart.yaml"), "utf8").catch(() => "");
        return (0,_values_yaml_js__WEBPACK_IMPORTED_MODULE_9__/* .parseYamlText */ .cd)(text, "Chart.yaml").value?.type === "library";
    };
    const libraries = new Set();
    for (const d of found)
        if (await isLibrary(d))
            libraries.add(d);
    const charts = [...found.filter((d) => libraries.has(d)), ...found.filter((d) => !libraries.has(d))];
    if (charts.length === 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`no chart to publish: no folder with a Chart.yaml under ${opts.chartsDir}`);
    const helm = await helmFor(inputs, opts.major, ctx);
    const env = (0,_helm_env_js__WEBPACK_IMPORTED_MODULE_7__/* .helmRunEnv */ .n)(opts.env);
    if (opts.login) {
        const login = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .q)((0,_argv_js__WEBPACK_IMPORTED_MODULE_10__/* .helmRegistryLoginArgv */ .Hd)(helm, opts, opts.login.username), {
            cwd,
            env,
            input: opts.login.password,
            timeoutMs: 120_000,
        });
        // The registry is unreachable or refused the login: helm's own line says which (exit 3, not bad input).
        if (login.code !== 0)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ToolError */ .v4(`helm registry login ${(0,_argv_js__WEBPACK_IMPORTED_MODULE_10__/* .registryHost */ .U$)(opts.registry)} as ${opts.login.username} failed: ${firstLine(login.stderr || login.stdout)}`);
        ctx.progress(`release: logged in to ${(0,_argv_js__WEBPACK_IMPORTED_MODULE_10__/* .registryHost */ .U$)(opts.registry)} as ${opts.login.username}`);
    }
    const packages = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(inputs.workDir, "release", "packages");
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(packages, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(packages, { recursive: true });
    const published = [];
    for (const dir of charts) {
        const rel = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(cwd, dir) || ".";
        const id = await chartIdentity(dir, cwd);
        if ("findings" in id) {
            for (const f of id.findings)
                ctx.add({ ...f, chart: node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(dir) });
            ctx.check({ id: `release ${rel}`, rule: RELEASE_RULE, state: "fail" });
            continue;
        }
        const { name, version } = id;
        const chartFile = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(cwd, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, "Chart.yaml"));
        const checkId = `release ${name} ${version}`;
        const ref = `${opts.registry}/${name}:${(0,_argv_js__WEBPACK_IMPORTED_MODULE_10__/* .ociTag */ .uR)(version)}`;
        const fail = (message, t0) => {
            ctx.add({ rule: RELEASE_RULE, severity: "error", message, file: chartFile, line: 1, chart: name });
            ctx.check({ id: checkId, rule: RELEASE_RULE, state: "fail", durationMs: Date.now() - t0 });
        };
        const t0 = Date.now();
        ctx.progress(`release: ${name} ${version}: is it in ${opts.registry}?`);
        const show = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .q)((0,_argv_js__WEBPACK_IMPORTED_MODULE_10__/* .helmShowPublishedArgv */ .QB)(helm, opts, name, version), {
            cwd,
            env,
            timeoutMs: 120_000,
        });
        if (show.code === 0) {
            ctx.progress(`release: ${ref} is already published: skipped`);
            ctx.check({
                id: checkId,
                rule: RELEASE_RULE,
                state: "skip",
                reason: `${ref} is already published (bump version in Chart.yaml to publish a change)`,
                durationMs: Date.now() - t0,
            });
            continue;
        }
        if (!(0,_argv_js__WEBPACK_IMPORTED_MODULE_10__/* .isNotFound */ .c4)(show.stderr)) {
            fail(`cannot tell whether ${name} ${version} is in ${opts.registry} (nothing pushed): ${firstLine(show.stderr || show.stdout)}`, t0);
            continue;
        }
        const pkg = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .q)((0,_argv_js__WEBPACK_IMPORTED_MODULE_10__/* .helmPackageArgv */ .bV)(helm, dir, packages, id.dependencies), {
            cwd,
            env,
            timeoutMs: 300_000,
        });
        const tgz = /saved it to:\s*(\S+\.tgz)/.exec(pkg.stdout)?.[1] ?? node_path__WEBPACK_IMPORTED_MODULE_2___default().join(packages, `${name}-${version}.tgz`);
        if (pkg.code !== 0 || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(tgz)) {
            fail(`helm package ${rel} failed: ${firstLine(pkg.stderr || pkg.stdout)}`, t0);
            continue;
        }
        if (opts.dryRun) {
            ctx.progress(`release: ${ref}: packaged (${node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(cwd, tgz)}), not pushed (--dry-run)`);
            ctx.check({
                id: checkId,
                rule: RELEASE_RULE,
                state: "skip",
                reason: `dry run: ${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(tgz)} packaged, not pushed`,
                durationMs: Date.now() - t0,
            });
            continue;
        }
        const push = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .q)((0,_argv_js__WEBPACK_IMPORTED_MODULE_10__/* .helmPushArgv */ .bE)(helm, opts, tgz), { cwd, env, timeoutMs: 300_000 });
        const digest = (0,_argv_js__WEBPACK_IMPORTED_MODULE_10__/* .pushedDigest */ .Mn)(`${push.stdout}\n${push.stderr}`);
        if (push.code !== 0 || !digest) {
            fail(`helm push ${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(tgz)} to ${opts.registry} failed: ${firstLine(push.stderr || push.stdout)}`, t0);
            continue;
        }
        published.push(`${ref}@${digest}`);
        ctx.progress(`release: published ${ref}@${digest}`);
        ctx.check({ id: checkId, rule: RELEASE_RULE, state: "pass", durationMs: Date.now() - t0 });
    }
    ctx.output("published", published.join("\n"));
}
/** helm from --tools-dir, else from the installer (pinned, checksum-verified, cached). */
async function helmFor(inputs, major, ctx) {
    // The installer (and the HTTP client under it) is loaded only when it is used.
    const { resolveTools } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 5084));
    const slot = major === 3 ? "helm3" : "helm4";
    return (await resolveTools(inputs, [slot], { warn: ctx.progress, progress: ctx.progress }))[slot];
}


/***/ })

};
