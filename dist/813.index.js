export const id = 813;
export const ids = [813];
export const modules = {

/***/ 8813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   detectChanges: () => (/* binding */ detectChanges)
/* harmony export */ });
/* unused harmony exports DEFAULT_ALL_WHEN, classify */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6107);
/* harmony import */ var _core_wildcard_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2829);
/* harmony import */ var _exec_runner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7507);
/* harmony import */ var _plan_config_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5187);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8720);
/* harmony import */ var _upgrade_git_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9484);
// Which charts a change touches, against a base revision (the pull request's merge base): the files git
// says differ, mapped onto the charts of the plan (src/plan: --chart, else floe-gate.yaml's, else every
// chart under charts/). A chart is changed when a file under its folder or one of its scenarios' values
// files (wherever floe-gate.yaml puts them) changed; a chart that depends on a changed chart (Chart.yaml
// `file://` dependencies, transitively, e.g. on a library) is changed too; every chart is when floe-gate.yaml,
// a values file every chart uses, the action itself or a workflow (which pins the action's ref) changed.
// Pure over its inputs (the changed files and the charts read from disk): tests/changed/ drives it through
// real git repositories.









/** Files whose change makes every chart changed, besides floe-gate.yaml and the shared values files:
 * patterns (`*` matches any run of characters, `/` too) relative to the working directory. */
const DEFAULT_ALL_WHEN = [
    // The action itself, when the repository is floe helm-action (its own charts).
    "action.yml",
    "action.yaml",
    // A caller's workflows: where the floe helm-action ref is pinned (a new pin re-checks every chart).
    ".github/workflows/*",
];
const firstLine = (s) => s.trim().split("\n")[0] ?? "";
/** The top folder of the git work tree holding `cwd`; one usage error when there is none. */
async function toplevel(cwd) {
    const r = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .q)(_upgrade_git_js__WEBPACK_IMPORTED_MODULE_8__/* .gitArgv */ .bb.toplevel(), { cwd });
    if (r.code !== 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`change detection needs a git repository, and ${cwd} is not inside one (git: ${firstLine(r.stderr)}); pass --all to check every chart`);
    }
    return r.stdout.trim();
}
/** --base as given, else the merge base with origin/$GITHUB_BASE_REF, else a usage error. */
async function baseOf(top, base, githubBaseRef) {
    if (base !== undefined) {
        const commit = await (0,_upgrade_git_js__WEBPACK_IMPORTED_MODULE_8__/* .resolveCommit */ .WL)(top, (0,_upgrade_git_js__WEBPACK_IMPORTED_MODULE_8__/* .checkRef */ .__)(base, "--base"), "--base (FLOE_HELM_CHANGED_BASE)");
        return { commit, label: `${base} ${commit.slice(0, 7)}` };
    }
    if (githubBaseRef)
        return (0,_upgrade_git_js__WEBPACK_IMPORTED_MODULE_8__/* .resolveBase */ .gU)(top, undefined, githubBaseRef);
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo("changed needs a base to compare with: pass --base REF (e.g. origin/main; env FLOE_HELM_CHANGED_BASE), run in a pull_request workflow (the merge base with GITHUB_BASE_REF), or pass --all for every chart");
}
/** Files that differ between `commit` and the work tree (tracked files), relative to `cwd`. */
async function changedFiles(top, commit, cwd) {
    const r = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .q)(_upgrade_git_js__WEBPACK_IMPORTED_MODULE_8__/* .gitArgv */ .bb.changedSince(commit, ["."]), { cwd: top });
    if (r.code !== 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`git diff ${commit.slice(0, 7)} failed: ${firstLine(r.stderr)}`);
    return r.stdout
        .split("\0")
        .filter(Boolean)
        .map((f) => (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .relPosix */ .f)(cwd, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(top, f)))
        .sort();
}
/** The charts of the run, as the plan finds them: --chart, else floe-gate.yaml's, else charts/<name>/. */
async function knownCharts(config, inputs, cwd) {
    const dirs = inputs.charts.length
        ? inputs.charts
        : config.charts.length
            ? config.charts.map((c) => node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, c.dir))
            : await (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_7__/* .chartFoldersUnder */ .WH)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cwd, "charts"));
    const out = [];
    for (const abs of dirs) {
        const meta = await (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_7__/* .readChartMeta */ .Au)(abs, cwd);
        const localDeps = meta.dependencies
            .map((d) => d.repository)
            .filter((r) => typeof r === "string" && r.startsWith("file://"))
            .map((r) => node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(abs, r.slice("file://".length)));
        out.push({ abs, dir: (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .relPosix */ .f)(cwd, abs), meta, localDeps });
    }
    return out;
}
const under = (file, dir) => file === dir || file.startsWith(`${dir}/`);
/** At most three names, then how many more. */
function some(files) {
    const shown = files.slice(0, 3).join(", ");
    return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}
/** The changed charts; `files` relative to `cwd`. Exported for the table tests. */
function classify(files, charts, config, inputs, opts) {
    const { cwd } = opts;
    const changed = new Set(files);
    const reasons = new Map(charts.map((c) => [c.abs, []]));
    const add = (abs, why) => reasons.get(abs)?.push(why);
    // Every chart: floe-gate.yaml, values every chart shares, the action, a workflow, --all-when.
    const allWhy = [];
    if (opts.all)
        allWhy.push("--all");
    if (config.file && changed.has((0,_core_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .relPosix */ .f)(cwd, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, config.file))))
        allWhy.push(`${config.file} changed`);
    const shared = inputs.valuesFiles.map((f) => (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .relPosix */ .f)(cwd, f)).filter((f) => changed.has(f));
    if (shared.length)
        allWhy.push(`values for every chart changed: ${some(shared)}`);
    const builtIn = [...DEFAULT_ALL_WHEN];
    // dist/ is the action's code only in the action's own repository.
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cwd, "action.yml")))
        builtIn.push("dist/*");
    const matching = (patterns) => files.filter((f) => patterns.some((p) => (0,_core_wildcard_js__WEBPACK_IMPORTED_MODULE_4__/* .matchesWildcard */ ._)(p, f)));
    const action = matching(builtIn);
    if (action.length)
        allWhy.push(`${some(action)} changed (the action, or a workflow that pins its ref)`);
    const asked = matching(opts.allWhen ?? []).filter((f) => !action.includes(f));
    if (asked.length)
        allWhy.push(`${some(asked)} changed (--all-when)`);
    const all = allWhy.length ? allWhy.join("; ") : undefined;
    // Files under a chart's folder.
    for (const c of charts) {
        const own = files.filter((f) => under(f, c.dir));
        if (own.length)
            add(c.abs, `changed: ${some(own)}`);
    }
    // Values files of its declared scenarios, wherever they live (scenarios/kind-local/...).
    for (const cc of config.charts) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, cc.dir);
        for (const s of cc.scenarios ?? []) {
            const hit = s.values
                .map((f) => (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .relPosix */ .f)(cwd, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, f)))
                .filter((f) => changed.has(f) && !under(f, (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .relPosix */ .f)(cwd, abs)));
            if (hit.length)
                add(abs, `values of scenario '${s.name}' changed: ${some(hit)}`);
        }
    }
    // Dependents, transitively: a file:// dependency that is a changed chart, or any folder with a changed file.
    const direct = new Set(charts.filter((c) => reasons.get(c.abs).length).map((c) => c.abs));
    const isChanged = (abs) => direct.has(abs) || files.some((f) => under(f, (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .relPosix */ .f)(cwd, abs)));
    for (let grew = true; grew;) {
        grew = false;
        for (const c of charts) {
            if (direct.has(c.abs))
                continue;
            const dep = c.localDeps.find(isChanged);
            if (dep) {
                const name = charts.find((k) => k.abs === dep)?.dir ?? (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .relPosix */ .f)(cwd, dep);
                add(c.abs, `depends on ${name} (file://), which changed`);
                direct.add(c.abs);
                grew = true;
            }
        }
    }
    const wanted = opts.clusterCharts ?? [];
    for (const a of wanted) {
        if (!charts.some((c) => c.abs === a)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--cluster-chart ${(0,_core_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .relPosix */ .f)(cwd, a)} is not one of the charts (${charts.map((c) => c.dir).join(", ")})`);
        }
    }
    const out = [];
    for (const c of charts) {
        const why = reasons.get(c.abs);
        if (all)
            why.unshift(`every chart: ${all}`);
        if (!why.length)
            continue;
        const library = c.meta.type === "library";
        out.push({
            dir: c.dir,
            name: c.meta.name,
            id: c.dir.replace(/^(\.\.\/)+/, "").replace(/[^A-Za-z0-9._-]+/g, "-"),
            library,
            cluster: !library && (!wanted.length || wanted.includes(c.abs)),
            reasons: why,
        });
    }
    const e2e = config.e2e;
    const e2eFiles = e2e
        ? [...e2e.platform.values, ...e2e.platform.objects, ...e2e.product.values].map((f) => (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .relPosix */ .f)(cwd, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, f)))
        : [];
    const e2eCharts = e2e ? [e2e.platform.chart, e2e.product.chart].map((d) => node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, d)) : [];
    const e2eTouched = !!e2e &&
        (all !== undefined ||
            e2eFiles.some((f) => changed.has(f)) ||
            out.some((c) => e2eCharts.includes(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, c.dir))));
    return { ...(all ? { all } : {}), charts: out, e2e: e2eTouched };
}
async function detectChanges(inputs, opts) {
    const { cwd } = opts;
    const config = await (0,_plan_config_js__WEBPACK_IMPORTED_MODULE_6__.resolveConfig)(inputs, cwd);
    const charts = await knownCharts(config, inputs, cwd);
    let base;
    let files = [];
    if (!opts.all) {
        const top = await toplevel(cwd);
        base = await baseOf(top, opts.base, inputs.githubBaseRef);
        files = await changedFiles(top, base.commit, cwd);
    }
    const got = classify(files, charts, config, inputs, opts);
    return { ...(base ? { base } : {}), files, helm: config.helmMajors, ...got };
}


/***/ }),

/***/ 9484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WL: () => (/* binding */ resolveCommit),
/* harmony export */   __: () => (/* binding */ checkRef),
/* harmony export */   bb: () => (/* binding */ gitArgv),
/* harmony export */   gU: () => (/* binding */ resolveBase),
/* harmony export */   lf: () => (/* binding */ exportAtCommit),
/* harmony export */   w$: () => (/* binding */ gitToplevel)
/* harmony export */ });
/* unused harmony exports GIT, presentPaths */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6107);
/* harmony import */ var _exec_runner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7507);
/* harmony import */ var _values_yaml_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3319);
// The base revision, read from git without touching the user's checkout: the ref is resolved to a commit,
// the files the comparison needs (chart folders, scenario values files, file:// dependencies) are listed
// at that commit and exported with `git archive` into a temporary folder under the work dir. Nothing is
// checked out, no index or worktree metadata is written. argv builders are pure (tests/upgrade/git.test.ts).







const GIT = "git";
const gitArgv = {
    toplevel: () => [GIT, "rev-parse", "--show-toplevel"],
    /** `^{commit}` peels a tag to its commit; --verify --quiet: one line or nothing. */
    resolve: (ref) => [GIT, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`],
    mergeBase: (a, b) => [GIT, "merge-base", a, b],
    isShallow: () => [GIT, "rev-parse", "--is-shallow-repository"],
    /** Every file under `paths` at `commit` (NUL-separated), to know which of them exist there. */
    listFiles: (commit, paths) => [
        GIT,
        "ls-tree",
        "-r",
        "-z",
        "--name-only",
        commit,
        "--",
        ...paths,
    ],
    /** Files under `paths` that differ between `commit` and the work tree (tracked files, NUL-separated). */
    changedSince: (commit, paths) => [
        GIT,
        "diff",
        "-z",
        "--name-only",
        "--no-renames",
        commit,
        "--",
        ...paths,
    ],
    archive: (commit, tarFile, paths) => [
        GIT,
        "archive",
        "--format=tar",
        `--output=${tarFile}`,
        commit,
        "--",
        ...paths,
    ],
};
/** A ref that git would read as an option is refused rather than passed on. */
function checkRef(ref, source) {
    if (ref === "" || ref.startsWith("-") || /[\s\0]/.test(ref)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${source}: '${ref}' is not a git ref (e.g. origin/main, v1.2.0, HEAD~1)`);
    }
    return ref;
}
const firstLine = (s) => s.trim().split("\n")[0] ?? "";
/** The repository's top folder; a usage error when `cwd` is not inside a git work tree. */
async function gitToplevel(cwd) {
    const r = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .q)(gitArgv.toplevel(), { cwd });
    if (r.code !== 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`--base needs a git repository, and ${cwd} is not inside one (git: ${firstLine(r.stderr)}); compare with a published chart instead: --base-chart DIR|FILE.tgz`);
    }
    return r.stdout.trim();
}
async function shallowHint(top) {
    const r = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .q)(gitArgv.isShallow(), { cwd: top });
    return r.stdout.trim() === "true" ? " (this clone is shallow)" : "";
}
/** The commit a ref names, or one error naming the ref and how to get it. */
async function resolveCommit(top, ref, source) {
    checkRef(ref, source);
    const r = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .q)(gitArgv.resolve(ref), { cwd: top });
    if (r.code === 0 && r.stdout.trim())
        return r.stdout.trim();
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${source}: git ref '${ref}' is not in this clone${await shallowHint(top)}: ${/[~^@]/.test(ref)
        ? "fetch more history (git fetch --unshallow)"
        : `fetch it (git fetch origin ${ref.replace(/^origin\//, "")})`}, or in GitHub Actions check out with actions/checkout fetch-depth: 0`);
}
/** --base as given, else the merge base of HEAD with origin/$GITHUB_BASE_REF (a pull request in Actions),
 * else a usage error saying what to pass. */
async function resolveBase(top, base, githubBaseRef) {
    if (base) {
        const commit = await resolveCommit(top, base, "--base (FLOE_HELM_UPGRADE_BASE)");
        return { commit, label: commit.startsWith(base) ? commit.slice(0, 7) : `${base} ${commit.slice(0, 7)}` };
    }
    if (githubBaseRef) {
        const target = `origin/${githubBaseRef}`;
        const tip = await resolveCommit(top, target, "GITHUB_BASE_REF");
        const r = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .q)(gitArgv.mergeBase("HEAD", tip), { cwd: top });
        if (r.code !== 0 || !r.stdout.trim()) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`GITHUB_BASE_REF: HEAD and ${target} have no merge base in this clone${await shallowHint(top)}: check out with actions/checkout fetch-depth: 0, or pass --base REF`);
        }
        const commit = r.stdout.trim();
        return { commit, label: `merge base with ${target} ${commit.slice(0, 7)}` };
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo("upgrade-check needs a base to compare with: pass --base REF (a git ref such as origin/main or v1.2.0; env FLOE_HELM_UPGRADE_BASE) or --base-chart DIR|FILE.tgz (a published chart); in a pull_request workflow the merge base with GITHUB_BASE_REF is used");
}
/** `paths` (relative to `top`) that exist at `commit`: a file itself, or a folder holding files. */
function presentPaths(listed, paths) {
    return paths.filter((p) => listed.some((f) => f === p || f.startsWith(`${p}/`)));
}
/** Relative `file://` dependency folders of the chart at `chartAbs`, relative to `top`. */
function localDependencies(chartAbs, top) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(chartAbs, "Chart.yaml");
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return [];
    const v = (0,_values_yaml_js__WEBPACK_IMPORTED_MODULE_6__/* .parseYamlText */ .cd)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, "utf8"), "Chart.yaml").value;
    const deps = Array.isArray(v?.dependencies) ? v.dependencies : [];
    return deps
        .map((d) => d?.repository)
        .filter((r) => typeof r === "string" && r.startsWith("file://"))
        .map((r) => r.slice("file://".length))
        .filter((r) => !node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(r))
        .map((r) => (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .toPosix */ .d)(node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(top, node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(chartAbs, r))))
        .filter((r) => r !== "" && !r.startsWith(".."));
}
/**
 * Exports `paths` (relative to `top`) as they are at `commit` into `dest`, plus the file:// dependencies
 * of the charts among them. Returns the paths that exist at the commit (the others are new in the change).
 */
async function exportAtCommit(top, commit, paths, dest) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dest, { recursive: true });
    const present = new Set();
    let todo = [...new Set(paths)];
    // Dependencies may name further folders: a few rounds at most (a chain of local charts).
    for (let round = 0; round < 5 && todo.length; round++) {
        const ls = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .q)(gitArgv.listFiles(commit, todo), { cwd: top });
        if (ls.code !== 0)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ToolError */ .v4(`git ls-tree ${commit.slice(0, 7)} failed: ${firstLine(ls.stderr)}`);
        const found = presentPaths(ls.stdout.split("\0").filter(Boolean), todo);
        if (!found.length)
            break;
        const tarFile = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dest, `.base-${round}.tar`);
        const ar = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .q)(gitArgv.archive(commit, tarFile, found), { cwd: top });
        if (ar.code !== 0)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ToolError */ .v4(`git archive ${commit.slice(0, 7)} failed: ${firstLine(ar.stderr)}`);
        const tar = await __webpack_require__.e(/* import() */ 697).then(__webpack_require__.bind(__webpack_require__, 8697));
        await tar.x({ file: tarFile, cwd: dest });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tarFile, { force: true });
        for (const p of found)
            present.add(p);
        const covered = (p) => [...present].some((q) => p === q || p.startsWith(`${q}/`));
        todo = found
            .flatMap((p) => localDependencies(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dest, p), dest))
            .filter((p) => !covered(p) && !todo.includes(p));
    }
    return present;
}


/***/ })

};
