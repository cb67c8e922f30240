export const id = 303;
export const ids = [303];
export const modules = {

/***/ 7950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ quantityValue),
/* harmony export */   E: () => (/* binding */ isQuantity)
/* harmony export */ });
// Kubernetes resource quantities (k8s.io/apimachinery resource.Quantity): a decimal number and a suffix,
// binary (Ki..Ei), decimal (n, u, m, k..E) or an exponent (1e3). One parser for every layer: generate's
// preset checks, upgrade's storage-size comparisons.
const QUANTITY = /^\+?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$/;
const FACTOR = {
    n: 1e-9,
    u: 1e-6,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
};
/** Whether Kubernetes accepts `q` as a quantity. */
const isQuantity = (q) => QUANTITY.test(q);
/** The quantity's value (`500m` 0.5, `4Gi` 4294967296); undefined when it is not a quantity. */
function quantityValue(q) {
    const m = QUANTITY.exec(String(q ?? "").trim());
    if (!m)
        return undefined;
    const suffix = m[3] ?? "";
    return /^[eE]/.test(suffix) ? Number(`${m[1]}${suffix}`) : Number(m[1]) * (FACTOR[suffix] ?? 1);
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


/***/ }),

/***/ 9303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exportGitBases: () => (/* binding */ exportGitBases),
  helmShowChartArgv: () => (/* binding */ helmShowChartArgv),
  publishedBase: () => (/* binding */ publishedBase),
  runUpgradeCheck: () => (/* binding */ runUpgradeCheck),
  upgradeCheckRules: () => (/* binding */ upgradeCheckRules)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/exec/limiter.ts
var limiter = __webpack_require__(1073);
// EXTERNAL MODULE: ./src/exec/runner.ts
var runner = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/helm/argv.ts
var argv = __webpack_require__(956);
// EXTERNAL MODULE: ./src/helm/deps.ts
var deps = __webpack_require__(9264);
// EXTERNAL MODULE: ./src/helm/manifest.ts + 1 modules
var manifest = __webpack_require__(3763);
// EXTERNAL MODULE: ./src/plan/config.ts + 1 modules
var plan_config = __webpack_require__(5187);
// EXTERNAL MODULE: ./src/plan/plan.ts
var plan_plan = __webpack_require__(8720);
// EXTERNAL MODULE: ./src/policy/apply.ts
var apply = __webpack_require__(2798);
// EXTERNAL MODULE: ./src/report/phase.ts
var phase = __webpack_require__(6169);
// EXTERNAL MODULE: ./src/tools/resolve.ts + 2 modules
var resolve = __webpack_require__(5084);
// EXTERNAL MODULE: ./src/values/yaml.ts
var yaml = __webpack_require__(3319);
// EXTERNAL MODULE: ./src/upgrade/git.ts
var git = __webpack_require__(9484);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/core/quantity.ts
var quantity = __webpack_require__(7950);
;// CONCATENATED MODULE: ./src/upgrade/immutable.ts
// Static upgrade safety: compare the objects a release has now with the objects an upgrade would apply and
// predict the changes the API server refuses as "field is immutable" — before any cluster exists. The rules
// are the fields users hit in practice (ANCHORS: selectors, StatefulSet claim templates and service name,
// Job templates, RoleBinding roleRef); each prediction names the field path the API server's error will
// name, and the first place inside it that differs (where the template line is looked up).


/** Fields that cannot change once an object exists, per kind. */
const immutableFields = {
    Deployment: ["spec.selector"],
    ReplicaSet: ["spec.selector"],
    DaemonSet: ["spec.selector"],
    StatefulSet: ["spec.selector", "spec.serviceName", "spec.volumeClaimTemplates", "spec.podManagementPolicy"],
    Job: ["spec.selector", "spec.template", "spec.completionMode"],
    PersistentVolumeClaim: [
        "spec.storageClassName",
        "spec.accessModes",
        "spec.volumeName",
        "spec.selector",
        "spec.volumeMode",
        "spec.dataSource",
        "spec.dataSourceRef",
    ],
    Service: ["spec.clusterIP"],
    RoleBinding: ["roleRef"],
    ClusterRoleBinding: ["roleRef"],
    StorageClass: ["provisioner", "parameters", "reclaimPolicy", "volumeBindingMode"],
};
/** What an unset field means, where the API server fills in a fixed default: unset and the default are
 * the same, unset and anything else is a change (adding claim templates to a StatefulSet is refused too).
 * Fields without an entry may be generated (a Job's selector, a Service's clusterIP): unset is no change. */
const absentMeans = {
    "StatefulSet spec.serviceName": "",
    "StatefulSet spec.volumeClaimTemplates": [],
    "StatefulSet spec.podManagementPolicy": "OrderedReady",
    "PersistentVolumeClaim spec.volumeMode": "Filesystem",
    "StorageClass reclaimPolicy": "Delete",
    "StorageClass volumeBindingMode": "Immediate",
    "StorageClass parameters": {},
};
/** A ConfigMap or Secret created with `immutable: true` keeps its data for life. */
const immutableData = {
    ConfigMap: ["data", "binaryData", "immutable"],
    Secret: ["data", "stringData", "immutable"],
};
/** The object's annotations ({} when it has none). */
function annotationsOf(o) {
    return o.doc.metadata?.annotations ?? {};
}
/** One object across two renders: kind, namespace and name. */
const objectKey = (o) => `${o.kind}/${o.namespace ?? ""}/${o.name}`;
/** Helm deletes and recreates hook objects (helm.sh/hook) on every upgrade instead of patching them, so
 * their immutable fields never block one. */
function isHelmHook(o) {
    return typeof annotationsOf(o)["helm.sh/hook"] === "string";
}
function at(doc, field) {
    let cur = doc;
    for (const key of field.split(".")) {
        if (cur === null || typeof cur !== "object")
            return undefined;
        cur = cur[key];
    }
    return cur;
}
const isPlain = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
/** The first path (keys in sorted order, list items by index) where `a` and `b` differ. */
function firstDifference(a, b) {
    if (isPlain(a) && isPlain(b)) {
        for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
            if (!(0,external_node_util_.isDeepStrictEqual)(a[k], b[k]))
                return [k, ...firstDifference(a[k], b[k])];
        }
        return [];
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        for (let i = 0; i < Math.max(a.length, b.length); i++) {
            if (!(0,external_node_util_.isDeepStrictEqual)(a[i], b[i]))
                return [i, ...firstDifference(a[i], b[i])];
        }
    }
    return [];
}
/** `spec.volumeClaimTemplates[0].metadata.labels.chart`, as kubectl prints paths. */
function formatPath(p) {
    return p
        .map((s, i) => typeof s === "number"
        ? `[${s}]`
        : /^[A-Za-z_][\w-]*$/.test(s)
            ? i === 0
                ? s
                : `.${s}`
            : `[${JSON.stringify(s)}]`)
        .join("");
}
const refused = 'the API server will refuse the upgrade ("field is immutable")';
/** What to do instead, for the fields charts break most often. */
const advice = {
    "spec.selector": `${refused}; keep selectors to labels that never change (name, instance: not the chart version), or rename the object or delete it first`,
    "spec.volumeClaimTemplates": `${refused}; keep changing labels (the chart version) out of claim templates, or delete the StatefulSet with --cascade=orphan first (its pods and volumes stay)`,
};
const show = (v) => (v === undefined ? "(unset)" : JSON.stringify(v));
/** Kubernetes quantities (`10Gi`, `500M`, `1.5Ti`) in bytes; undefined when it is not one. */
const quantityBytes = quantity/* quantityValue */.$;
function change(next, field, a, b, why = advice[field] ?? `${refused}; rename the object or delete it first`) {
    const inner = firstDifference(a, b);
    const path = [...field.split("."), ...inner];
    const what = show(a).length <= 200 && show(b).length <= 200
        ? `would change from ${show(a)} to ${show(b)}`
        : `would change at ${formatPath(path)} from ${show(valueAt(a, inner))} to ${show(valueAt(b, inner))}`;
    return {
        object: `${next.kind}/${next.name}`,
        field,
        path,
        before: a,
        after: b,
        message: `${next.kind}/${next.name}: ${field} is immutable and ${what}: ${why}`,
    };
}
function valueAt(v, p) {
    let cur = v;
    for (const k of p) {
        if (cur === null || typeof cur !== "object")
            return undefined;
        cur = cur[k];
    }
    return cur;
}
function predictImmutableChanges(before, after) {
    const old = new Map(before.filter((o) => !isHelmHook(o)).map((o) => [objectKey(o), o]));
    const out = [];
    for (const next of after) {
        const prev = old.get(objectKey(next));
        if (!prev || isHelmHook(next))
            continue; // a new object (created, not updated) or a recreated hook
        for (const field of immutableFields[next.kind] ?? []) {
            const dflt = absentMeans[`${next.kind} ${field}`];
            const a = at(prev.doc, field) ?? dflt;
            const b = at(next.doc, field) ?? dflt;
            // An unset field (e.g. a Service's clusterIP left to the API server) is not a change.
            if (a === undefined || b === undefined || (0,external_node_util_.isDeepStrictEqual)(a, b))
                continue;
            out.push(change(next, field, a, b));
        }
        if (prev.doc.immutable === true) {
            for (const field of immutableData[next.kind] ?? []) {
                const a = at(prev.doc, field) ?? (field === "immutable" ? false : {});
                const b = at(next.doc, field) ?? (field === "immutable" ? false : {});
                if ((0,external_node_util_.isDeepStrictEqual)(a, b))
                    continue;
                out.push(change(next, field, a, b, `the ${next.kind} was created with immutable: true, so the API server will refuse the upgrade; give the changed ${next.kind} a new name (e.g. a content hash suffix)`));
            }
        }
        if (next.kind === "PersistentVolumeClaim") {
            const field = "spec.resources.requests.storage";
            const a = at(prev.doc, field);
            const b = at(next.doc, field);
            const [qa, qb] = [quantityBytes(a), quantityBytes(b)];
            if (qa !== undefined && qb !== undefined && qb < qa) {
                out.push({
                    ...change(next, field, a, b),
                    message: `${next.kind}/${next.name}: ${field} would shrink from ${show(a)} to ${show(b)}: the API server refuses ("field can not be less than previous value"); a volume can only grow`,
                });
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/upgrade/hooks.ts
// An object that changes between a helm hook and a release object of the same kind and name. Helm keeps the
// two apart: a hook is not part of the release, so
//  - a hook the base leaves in the cluster (its delete policy has no `hook-succeeded`; the default is
//    `before-hook-creation`) blocks the change that renders it as a release object: `helm upgrade` refuses to
//    adopt an object without the release's ownership metadata ("exists and cannot be imported into the current
//    release"), helm 3 and 4 alike;
//  - a release object the change turns into a `pre-upgrade` hook (and not also `post-upgrade`) is gone after the
//    upgrade: helm replaces it with the hook, then deletes the release's object of that name as no longer
//    rendered, which is the hook's. Meant for a plain Job that becomes a migration hook; anything pods read
//    (a ConfigMap, a Secret) disappears.
// Both were seen on a real API server with helm 3 and 4 (kwok); tests/upgrade/hooks.test.ts holds the rules.

const hookRules = {
    hookToObject: "upgrade/hook-to-object",
    objectToHook: "upgrade/object-to-hook",
};
const list = (v) => typeof v === "string"
    ? v
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
/** The hook's events (`post-install`, `pre-upgrade`, `test`, ...), or undefined for a release object. */
function hookEvents(o) {
    const h = annotationsOf(o)["helm.sh/hook"];
    return typeof h === "string" ? list(h) : undefined;
}
/** Helm's delete policy of a hook (default `before-hook-creation`). */
function deletePolicy(o) {
    const p = list(annotationsOf(o)["helm.sh/hook-delete-policy"]);
    return p.length ? p : ["before-hook-creation"];
}
function predictHookHazards(before, after) {
    const base = new Map(before.map((o) => [objectKey(o), o]));
    const out = [];
    for (const next of after) {
        const prev = base.get(objectKey(next));
        if (!prev)
            continue;
        const object = `${next.kind}/${next.name}`;
        const was = hookEvents(prev);
        const is = hookEvents(next);
        if (was && !is && !deletePolicy(prev).includes("hook-succeeded")) {
            out.push({
                rule: hookRules.hookToObject,
                severity: "error",
                object,
                next,
                message: `${object} is a helm hook at the base (${was.join(",")}, delete policy ${deletePolicy(prev).join(",")}: it stays in the cluster once it ran) and a release object in this change: helm upgrade fails with "${object} exists and cannot be imported into the current release: invalid ownership metadata" (helm 3 and 4); give the object another name, or delete it before the upgrade`,
            });
        }
        else if (!was && is?.includes("pre-upgrade") && !is.includes("post-upgrade")) {
            out.push({
                rule: hookRules.objectToHook,
                severity: "warning",
                object,
                next,
                message: `${object} is a release object at the base and a pre-upgrade hook in this change: on upgrade helm replaces it with the hook, then deletes the release's ${object} as no longer rendered, so it is gone afterwards (fine for a Job that became a migration hook; anything pods read is lost): add post-upgrade to its events, or give the hook another name`,
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/upgrade/removals.ts
// Objects an upgrade deletes or renames in ways that lose data or break clients, although the API server
// accepts it: helm deletes every object of the old revision the new one no longer renders. A removed
// PersistentVolumeClaim takes its data with it; a removed (or renamed) StatefulSet leaves its claims
// behind and its successor starts on new, empty volumes; a renamed Service breaks everything that
// reaches it by name (ANCHORS §4: test pods and Ingresses pointed at Service names that no longer existed).


const upgradeRules = {
    removedStateful: "upgrade/removed-stateful",
    renamedService: "upgrade/renamed-service",
};
function claimTemplates(o) {
    const t = o.doc.spec?.volumeClaimTemplates;
    return Array.isArray(t)
        ? t.map((c) => String(c?.metadata?.name ?? "?"))
        : [];
}
function selectorOf(o) {
    const s = o.doc.spec?.selector;
    return s && typeof s === "object" && Object.keys(s).length ? s : undefined;
}
const keeps = (o) => annotationsOf(o)["helm.sh/resource-policy"] === "keep";
function predictRemovals(before, after) {
    const now = new Set(after.map(objectKey));
    const then = new Set(before.map(objectKey));
    const gone = before.filter((o) => !now.has(objectKey(o)) && !isHelmHook(o));
    const added = after.filter((o) => !then.has(objectKey(o)) && !isHelmHook(o));
    const out = [];
    for (const o of gone) {
        const object = `${o.kind}/${o.name}`;
        if (o.kind === "PersistentVolumeClaim") {
            out.push({
                rule: upgradeRules.removedStateful,
                object,
                base: o,
                message: keeps(o)
                    ? `${object} is rendered at the base but not by this change: helm.sh/resource-policy: keep leaves it behind on upgrade, unused, with its data`
                    : `${object} is rendered at the base but not by this change: helm deletes it on upgrade, and the data on its volume with it (annotate it helm.sh/resource-policy: keep, or keep rendering it)`,
            });
        }
        else if (o.kind === "StatefulSet" && claimTemplates(o).length) {
            const successor = added.find((n) => n.kind === "StatefulSet" &&
                claimTemplates(n).length > 0 &&
                (n.namespace ?? "") === (o.namespace ?? "") &&
                (0,external_node_util_.isDeepStrictEqual)(selectorOf(n), selectorOf(o)));
            const claims = claimTemplates(o)
                .map((c) => `${c}-${o.name}-0`)
                .join(", ");
            out.push({
                rule: upgradeRules.removedStateful,
                object,
                base: o,
                ...(successor ? { next: successor } : {}),
                message: successor
                    ? `${object} is renamed to StatefulSet/${successor.name} by this change: helm deletes ${object} on upgrade, its PersistentVolumeClaims (${claims}, ...) stay behind with the data, and StatefulSet/${successor.name} starts on new, empty volumes`
                    : `${object} (with volumeClaimTemplates) is rendered at the base but not by this change: helm deletes it on upgrade and its PersistentVolumeClaims (${claims}, ...) stay behind with the data, which nothing uses any more`,
            });
        }
        else if (o.kind === "Service" && selectorOf(o)) {
            const successor = added.find((n) => n.kind === "Service" &&
                (n.namespace ?? "") === (o.namespace ?? "") &&
                (0,external_node_util_.isDeepStrictEqual)(selectorOf(n), selectorOf(o)));
            if (!successor)
                continue;
            out.push({
                rule: upgradeRules.renamedService,
                object,
                base: o,
                next: successor,
                message: `${object} is renamed to Service/${successor.name} by this change (same selector ${JSON.stringify(selectorOf(o))}): everything that reaches '${o.name}' by name (other releases, Ingresses, clients' configuration) loses it on upgrade; keep a Service named '${o.name}' until every client has moved`,
            });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/upgrade/version.ts
// upgrade/version-increment: a chart whose files changed since the base must carry a higher version, as
// chart-testing's `ct lint` checks (its check-version-increment). A chart repository publishes by version: an
// unchanged version means the change is never published (a release re-run skips versions already there), or
// worse, two different charts under one version.

const VERSION_RULE = "upgrade/version-increment";
/** What is wrong, or undefined when the version moves up or nothing changed. Pure. */
function versionProblem(c) {
    if (!c.changed.length)
        return undefined;
    const now = semver_default().valid(c.version);
    const before = semver_default().valid(c.baseVersion);
    const some = `${c.changed.length} file(s) changed, e.g. ${c.changed.slice(0, 3).join(", ")}`;
    if (!now)
        return `version '${c.version}' of ${c.chart} is not SemVer, so it cannot be compared with the base's '${c.baseVersion}' (${some})`;
    if (!before)
        return undefined; // the base's own version was not comparable: nothing to hold this one to
    if (semver_default().gt(now, before))
        return undefined;
    return `${c.chart} changed since ${c.baseLabel} (${some}) but its version ${c.version} is not higher than the base's ${c.baseVersion}: raise version in Chart.yaml (ct lint's version check)`;
}

;// CONCATENATED MODULE: ./src/upgrade/run.ts
// `floe-helm upgrade-check`: for every chart x scenario x helm major of the gate's plan, render the base
// revision (a git ref, exported without touching the checkout, or a published chart) and this change with
// the same release name, namespace and values, and report what an upgrade between them would break:
// immutable fields the API server refuses, stateful objects deleted or renamed, Services renamed. Static:
// no cluster. ct's --upgrade needs one and skips when the old revision does not install; here a base that
// does not render is a warning naming the cell, never silence.






















/** Rule ids of this phase (README rule table). */
const upgradeCheckRules = {
    immutableField: "upgrade/immutable-field",
    removedStateful: upgradeRules.removedStateful,
    renamedService: upgradeRules.renamedService,
    hookToObject: hookRules.hookToObject,
    objectToHook: hookRules.objectToHook,
    newChart: "upgrade/new-chart",
    baseValues: "upgrade/base-values",
    notChecked: "upgrade/not-checked",
    versionIncrement: VERSION_RULE,
};
/** `helm show chart` of a packaged chart: its Chart.yaml (name and version of a --base-chart .tgz). */
function helmShowChartArgv(bin, chart) {
    return [bin, "show", "chart", chart];
}
const rel = paths/* relPosix */.f;
/** The charts (and the values files of their scenarios) as they were at the base commit, exported under
 * `tmp`: each chart present there with its base, the rest (new in this change) in `missing`. `inTop` names a
 * path relative to the repository's top (git's realpath), as git does. Shared by upgrade-check and upgrade. */
async function exportGitBases(top, rev, charts, cwd, tmp) {
    const inTop = (abs) => rel(top, (0,external_node_fs_.existsSync)(abs) ? (0,external_node_fs_.realpathSync)(abs) : abs);
    const inRepo = (abs) => !inTop(abs).startsWith("..");
    const valuesAbs = charts.flatMap((c) => c.scenarios.flatMap((s) => s.valuesFiles.map((f) => external_node_path_default().resolve(cwd, f))));
    const wanted = [...charts.map((c) => c.abs), ...valuesAbs].filter(inRepo).map(inTop);
    const dest = external_node_path_default().join(tmp, "base");
    const present = await (0,git/* exportAtCommit */.lf)(top, rev.commit, wanted, dest);
    const bases = new Map();
    const missing = [];
    for (const chart of charts) {
        const dir = external_node_path_default().join(dest, inTop(chart.abs));
        if (!present.has(inTop(chart.abs)) || !(0,external_node_fs_.existsSync)(external_node_path_default().join(dir, "Chart.yaml"))) {
            missing.push(chart);
            continue;
        }
        bases.set(chart, {
            chart: dir,
            cwd: dest,
            chartDir: dir,
            values: (f) => {
                const abs = external_node_path_default().resolve(cwd, f);
                return inRepo(abs) && present.has(inTop(abs)) ? external_node_path_default().join(dest, inTop(abs)) : undefined;
            },
            label: rev.label,
        });
    }
    return { bases, missing, inTop };
}
/** Objects without metadata.namespace live in the release namespace: one key for both spellings. */
const inRelease = (o) => ({ ...o, namespace: o.namespace ?? argv/* NAMESPACE */.CU });
const firstError = (s) => (s
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l.startsWith("Error:")) ??
    s.trim().split("\n")[0] ??
    "") ||
    "no output";
async function publishedBase(file, plan, helmBin, cwd) {
    const shown = rel(cwd, file);
    if (!(0,external_node_fs_.existsSync)(file))
        throw new errors/* UserError */.yo(`--base-chart not found: ${shown} (expected a chart folder or a .tgz)`);
    let name;
    let version;
    if ((0,external_node_fs_.statSync)(file).isDirectory()) {
        ({ name, version } = await (0,plan_plan/* readChartMeta */.Au)(file, cwd));
    }
    else if (/\.tgz$/.test(file)) {
        const r = await (0,runner/* runTool */.q)(helmShowChartArgv(helmBin, file), { cwd });
        if (r.code !== 0) {
            throw new errors/* UserError */.yo(`--base-chart ${shown} is not a packaged chart: ${firstError(r.stderr)}`);
        }
        const v = (0,yaml/* parseYamlText */.cd)(r.stdout, shown).value;
        name = String(v?.name ?? "");
        version = String(v?.version ?? "");
    }
    else {
        throw new errors/* UserError */.yo(`--base-chart ${shown}: expected a chart folder or a packaged chart .tgz`);
    }
    const chart = plan.find((c) => c.meta.name === name);
    if (!chart) {
        throw new errors/* UserError */.yo(`--base-chart ${shown} is chart '${name}' ${version}, but the charts checked are ${plan.map((c) => `'${c.meta.name}'`).join(", ")}: pass --chart DIR for the chart it is a published version of`);
    }
    return {
        chart,
        base: {
            chart: file,
            cwd,
            chartDir: file,
            values: () => undefined,
            label: `${name} ${version} (${shown})`,
        },
    };
}
async function runUpgradeCheck(ctx, inputs, opts) {
    const { cwd } = opts;
    const today = (opts.now ?? new Date()).toISOString().slice(0, 10);
    if (inputs.upgradeBase && inputs.upgradeBaseChart) {
        throw new errors/* UserError */.yo("pass either --base (a git ref) or --base-chart (a published chart), not both");
    }
    const config = await (0,plan_config.resolveConfig)(inputs, cwd);
    const plan = await (0,plan_plan/* buildPlan */.Gg)(config, inputs, cwd);
    (0,phase/* reportSkippedCharts */.k)(ctx, plan.skipped);
    const tools = await (0,resolve.resolveTools)(inputs, config.helmMajors.map((m) => `helm${m}`));
    const helmBin = (m) => tools[`helm${m}`];
    const first = config.helmMajors[0];
    const all = [];
    const add = (f) => all.push(f);
    // Requirements of floe-gate.yaml proved by any upgrade rule (the report's coverage matrix).
    const covers = (0,apply/* requirementsCoveredBy */.s)(config, Object.values(upgradeCheckRules));
    const status = (id, state, reason) => ctx.check({
        id,
        rule: upgradeCheckRules.immutableField,
        state,
        ...(reason ? { reason } : {}),
        ...(covers.length ? { covers } : {}),
    });
    const chartYaml = (c) => ({ file: external_node_path_default().posix.join(c.info.dir, "Chart.yaml"), line: 1 });
    await (0,promises_.mkdir)(inputs.workDir, { recursive: true });
    const tmp = await (0,promises_.mkdtemp)(external_node_path_default().join(inputs.workDir, "upgrade-base-"));
    try {
        const bases = new Map();
        if (inputs.upgradeBaseChart) {
            const { chart, base } = await publishedBase(inputs.upgradeBaseChart, plan.charts, helmBin(first), cwd);
            bases.set(chart, base);
            add({
                rule: upgradeCheckRules.baseValues,
                severity: "info",
                message: `the base is the published chart ${base.label}: it is rendered with this change's values files (as ct renders the old chart with the current ci values)`,
                ...chartYaml(chart),
                chart: chart.info.name,
            });
            for (const c of plan.charts.filter((c) => c !== chart))
                status(`upgrade ${c.info.name}`, "skip", `--base-chart is a version of ${chart.info.name}`);
        }
        else {
            const top = await (0,git/* gitToplevel */.w$)(cwd);
            const rev = await (0,git/* resolveBase */.gU)(top, inputs.upgradeBase, inputs.githubBaseRef);
            ctx.progress(`upgrade-check: base ${rev.label}`);
            ctx.output("base", rev.commit);
            const exported = await exportGitBases(top, rev, plan.charts, cwd, tmp);
            for (const chart of exported.missing) {
                add({
                    rule: upgradeCheckRules.newChart,
                    severity: "info",
                    message: `chart ${chart.info.name} does not exist at the base (${rev.label}): it is installed fresh, there is nothing to upgrade from`,
                    ...chartYaml(chart),
                    chart: chart.info.name,
                });
                status(`upgrade ${chart.info.name}`, "skip", `new chart: not at ${rev.label}`);
            }
            for (const [chart, base] of exported.bases) {
                bases.set(chart, base);
                await checkVersionIncrement(ctx, add, config, {
                    chart,
                    baseDir: base.chartDir,
                    commit: rev.commit,
                    label: rev.label,
                    top,
                    inTop: exported.inTop(chart.abs),
                    cwd,
                });
                // ct renders the old chart with the old ci values; a scenario new in this change has none.
                for (const f of new Set(chart.scenarios.flatMap((s) => s.valuesFiles))) {
                    if (bases.get(chart).values(f))
                        continue;
                    add({
                        rule: upgradeCheckRules.baseValues,
                        severity: "info",
                        message: `${f} does not exist at the base (${rev.label}): the base chart is rendered with this change's ${external_node_path_default().basename(f)} instead (as ct renders the old chart with the current ci values)`,
                        file: f,
                        line: 1,
                        chart: chart.info.name,
                    });
                }
            }
        }
        // Dependencies of both sides, once per chart (src/helm/deps.ts builds into copies under the work dir).
        const renderDirs = new Map();
        for (const [chart, base] of bases) {
            const helm = { bin: helmBin(first), major: first };
            const pr = await (0,deps/* prepareDependencies */.d)(chart.abs, cwd, helm, inputs.workDir);
            const b = (0,external_node_fs_.statSync)(base.chart).isDirectory()
                ? await (0,deps/* prepareDependencies */.d)(base.chart, base.cwd, helm, inputs.workDir)
                : { dirAbs: base.chart, problems: [] };
            const problem = pr.problems[0] ?? b.problems[0];
            if (problem) {
                const side = pr.problems.length ? "this change" : `the base (${base.label})`;
                add({
                    rule: upgradeCheckRules.notChecked,
                    severity: "warning",
                    message: `the dependencies of ${chart.info.name} at ${side} cannot be built (${problem.message}): the upgrade is not checked`,
                    ...chartYaml(chart),
                    chart: chart.info.name,
                });
                status(`upgrade ${chart.info.name}`, "skip", `dependencies of ${side} cannot be built`);
                continue;
            }
            renderDirs.set(chart, { pr: pr.dirAbs, base: b.dirAbs });
        }
        const cells = [...renderDirs.keys()].flatMap((chart) => chart.scenarios.flatMap((scenario) => config.helmMajors.map((helm) => ({ chart, scenario, helm }))));
        await (0,limiter/* forEachLimited */.v)(cells, opts.parallelism ?? external_node_os_default().availableParallelism(), async ({ chart, scenario: s, helm }) => {
            const base = bases.get(chart);
            const dirs = renderDirs.get(chart);
            const id = `upgrade ${chart.info.name}/${s.name} helm${helm}`;
            const where = { chart: chart.info.name, scenario: s.name, helm };
            const common = { bin: helmBin(helm), major: helm, kubeVersion: config.settings.kubeVersion };
            const [b, p] = await Promise.all([
                (0,runner/* runTool */.q)((0,argv/* helmTemplateArgv */.fn)({
                    ...common,
                    chartDir: dirs.base,
                    valuesFiles: s.valuesFiles.map((f) => base.values(f) ?? external_node_path_default().resolve(cwd, f)),
                }), { cwd }),
                (0,runner/* runTool */.q)((0,argv/* helmTemplateArgv */.fn)({ ...common, chartDir: dirs.pr, valuesFiles: s.valuesFiles }), { cwd }),
            ]);
            if (p.code !== 0 || b.code !== 0) {
                const message = p.code !== 0
                    ? `helm ${helm} cannot render this change of ${chart.info.name} with scenario ${s.name} (the gate reports why: ${firstError(p.stderr)}): the upgrade is not checked`
                    : `helm ${helm} cannot render the base (${base.label}) of ${chart.info.name} with scenario ${s.name} (${firstError(b.stderr)}): the upgrade from it is not checked`;
                add({
                    rule: upgradeCheckRules.notChecked,
                    severity: "warning",
                    message,
                    ...chartYaml(chart),
                    ...where,
                });
                status(id, "skip", p.code !== 0 ? "this change does not render" : "the base does not render");
                return;
            }
            const before = (0,manifest/* parseManifest */.Ng)(b.stdout, { chartDir: base.chartDir, cwd: base.cwd }).map(inRelease);
            const after = (0,manifest/* parseManifest */.Ng)(p.stdout, { chartDir: chart.abs, cwd }).map(inRelease);
            const found = [];
            const prObject = (object) => after.find((o) => `${o.kind}/${o.name}` === object);
            for (const c of predictImmutableChanges(before, after)) {
                const at = prObject(c.object)?.locate(c.path) ?? chartYaml(chart);
                found.push({
                    rule: upgradeCheckRules.immutableField,
                    severity: "error",
                    message: `${c.message} [upgrade from ${base.label}${c.message.includes(formatPath(c.path)) ? "" : `; first difference at ${formatPath(c.path)}`}]`,
                    ...at,
                    object: c.object,
                    ...where,
                });
            }
            for (const h of predictRemovals(before, after)) {
                const at = h.next ? h.next.locate(["metadata", "name"]) : await removedAt(h.base, base, chart, cwd);
                found.push({
                    rule: h.rule,
                    severity: "warning",
                    message: `${h.message} [upgrade from ${base.label}]`,
                    ...at,
                    object: h.object,
                    ...where,
                });
            }
            for (const h of predictHookHazards(before, after)) {
                found.push({
                    rule: h.rule,
                    severity: h.severity,
                    message: `${h.message} [upgrade from ${base.label}]`,
                    ...h.next.locate(["metadata", "name"]),
                    object: h.object,
                    ...where,
                });
            }
            all.push(...found);
            status(id, found.some((f) => f.severity === "error") ? "fail" : "pass");
        });
    }
    finally {
        await (0,promises_.rm)(tmp, { recursive: true, force: true });
    }
    // Severity overrides and waivers of floe-gate.yaml, as the gate applies them; the same finding from
    // several scenarios or both majors is one finding (scenario / helm named only when one reports it).
    const seen = new Map();
    for (const f of all) {
        if ((0,apply/* severityFor */.v)(config, f.rule) === "off")
            continue;
        const p = (0,apply.applyPolicy)(f, config, today);
        if (!p)
            continue;
        const key = JSON.stringify([p.rule, p.file, p.line, p.col, p.message, p.chart, p.object]);
        const prev = seen.get(key);
        if (!prev) {
            seen.set(key, p);
            continue;
        }
        if (prev.helm !== p.helm)
            delete prev.helm;
        if (prev.scenario !== p.scenario)
            delete prev.scenario;
    }
    for (const f of seen.values())
        ctx.add(f);
    ctx.output("charts", String(plan.charts.length));
}
/** upgrade/version-increment of one chart against its base at a git commit (a check of its own). */
async function checkVersionIncrement(ctx, add, config, c) {
    const id = `version ${c.chart.info.name}`;
    const covers = (0,apply/* requirementsCoveredBy */.s)(config, [VERSION_RULE]);
    const base = await (0,plan_plan/* readChartMeta */.Au)(c.baseDir, c.cwd);
    const diff = await (0,runner/* runTool */.q)(git/* gitArgv */.bb.changedSince(c.commit, [c.inTop]), { cwd: c.top });
    if (diff.code !== 0) {
        ctx.check({
            id,
            rule: VERSION_RULE,
            state: "skip",
            reason: `git diff failed: ${firstError(diff.stderr)}`,
        });
        return;
    }
    const changed = diff.stdout.split("\0").filter(Boolean);
    const problem = versionProblem({
        chart: c.chart.info.name,
        version: c.chart.meta.version,
        baseVersion: base.version,
        changed,
        baseLabel: c.label,
    });
    if (problem) {
        const file = external_node_path_default().posix.join(c.chart.info.dir, "Chart.yaml");
        const text = await (0,promises_.readFile)(external_node_path_default().resolve(c.cwd, file), "utf8");
        const at = (0,yaml/* parseYamlText */.cd)(text, file).positionOf(["version"]) ?? { file, line: 1 };
        add({ rule: VERSION_RULE, severity: "error", message: problem, ...at, chart: c.chart.info.name });
    }
    ctx.check({
        id,
        rule: VERSION_RULE,
        state: problem ? "fail" : changed.length ? "pass" : "skip",
        ...(problem || changed.length ? {} : { reason: `no file of the chart changed since ${c.label}` }),
        ...(covers.length ? { covers } : {}),
    });
}
/** Where a removed object is reported: its template in this change when the file is still there (at its
 * `kind:` line), else the chart's Chart.yaml, naming the base template. */
async function removedAt(o, base, chart, cwd) {
    const inChart = external_node_path_default().relative(base.chartDir, external_node_path_default().resolve(base.cwd, o.template));
    const pr = external_node_path_default().join(chart.abs, inChart);
    if (!inChart.startsWith("..") && (0,external_node_fs_.existsSync)(pr) && (0,external_node_fs_.statSync)(pr).isFile()) {
        const lines = (await (0,promises_.readFile)(pr, "utf8")).split(/\r?\n/);
        const i = lines.findIndex((l) => new RegExp(`^kind:\\s*["']?${o.kind}["']?\\s*$`).test(l));
        return { file: rel(cwd, pr), line: i >= 0 ? i + 1 : 1 };
    }
    return { file: external_node_path_default().posix.join(chart.info.dir, "Chart.yaml"), line: 1 };
}


/***/ })

};
