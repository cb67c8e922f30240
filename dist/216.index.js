export const id = 216;
export const ids = [216];
export const modules = {

/***/ 6216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runRelease: () => (/* binding */ runRelease)
/* harmony export */ });
/* unused harmony exports RELEASE_RULE, chartIdentity */
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
