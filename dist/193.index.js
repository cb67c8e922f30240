export const id = 193;
export const ids = [193,283];
export const modules = {

/***/ 8231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CK: () => (/* binding */ kindGetClustersArgv),
/* harmony export */   CL: () => (/* binding */ kindNodeContainer),
/* harmony export */   Ec: () => (/* binding */ kindDeleteArgv),
/* harmony export */   Gg: () => (/* binding */ kindExportLogsArgv),
/* harmony export */   W2: () => (/* binding */ kindGetNodesArgv),
/* harmony export */   aC: () => (/* reexport safe */ _names_js__WEBPACK_IMPORTED_MODULE_2__.aC),
/* harmony export */   eI: () => (/* binding */ dockerImageInspectArgv),
/* harmony export */   fh: () => (/* binding */ kindLoadArgv),
/* harmony export */   gz: () => (/* binding */ kindExportKubeconfigArgv),
/* harmony export */   h8: () => (/* binding */ kindCreateArgv),
/* harmony export */   po: () => (/* binding */ kindConfig),
/* harmony export */   t6: () => (/* binding */ nodeImagesArgv),
/* harmony export */   uA: () => (/* binding */ dockerShim)
/* harmony export */ });
/* unused harmony export UNPRIVILEGED_RUN_FLAGS */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _loopback_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5577);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6577);
// Pure builders for kind: its cluster config, argv, and the docker shim used only on hosts where
// `docker run --privileged` fails (src/cluster/kind/host.ts decides; README: "kind on a VM without CAP_SYS_RESOURCE").



/** kind names the single node's container `<cluster>-control-plane`. */
const kindNodeContainer = (name) => `${name}-control-plane`;
/** The API server is published on loopback only, like every kwok component. */
function kindConfig(o = {}) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)({
        kind: "Cluster",
        apiVersion: "kind.x-k8s.io/v1alpha4",
        networking: { apiServerAddress: _loopback_js__WEBPACK_IMPORTED_MODULE_1__/* .LOOPBACK */ .Ws },
        nodes: [{ role: "control-plane" }],
        ...(o.cgroupV1
            ? {
                kubeadmConfigPatches: [
                    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)({
                        kind: "KubeletConfiguration",
                        apiVersion: "kubelet.config.k8s.io/v1beta1",
                        failCgroupV1: false,
                    }),
                ],
            }
            : {}),
    });
}
function kindCreateArgv(kind, o) {
    return [
        kind,
        "create",
        "cluster",
        "--name",
        o.name,
        "--image",
        o.image,
        "--config",
        o.config,
        "--kubeconfig",
        o.kubeconfig,
        "--wait",
        `${o.waitSeconds}s`,
        // Keep a failed node so its logs can be exported; `up` deletes it afterwards.
        "--retain",
    ];
}
function kindDeleteArgv(kind, o) {
    return [kind, "delete", "cluster", "--name", o.name, "--kubeconfig", o.kubeconfig];
}
function kindGetClustersArgv(kind) {
    return [kind, "get", "clusters"];
}
function kindExportKubeconfigArgv(kind, o) {
    return [kind, "export", "kubeconfig", "--name", o.name, "--kubeconfig", o.kubeconfig];
}
function kindGetNodesArgv(kind, o) {
    return [kind, "get", "nodes", "--name", o.name];
}
/** Loads images of the local Docker daemon into every node of the cluster (`docker save` + import). */
function kindLoadArgv(kind, o) {
    if (!o.images.length)
        throw new Error("kind load docker-image needs at least one image");
    return [kind, "load", "docker-image", "--name", o.name, ...o.images];
}
/** The image names in a node's containerd (kind's images live in its k8s.io namespace). */
function nodeImagesArgv(docker, node) {
    return [docker, "exec", node, "ctr", "--namespace=k8s.io", "images", "list", "--quiet"];
}
/** Exit 0 when the local Docker daemon has the image (by the reference as written). */
function dockerImageInspectArgv(docker, image) {
    return [docker, "image", "inspect", "--format", "{{.Id}}", image];
}
function kindExportLogsArgv(kind, o) {
    return [kind, "export", "logs", o.dir, "--name", o.name];
}
/** What replaces `--privileged` on `docker run|create` in the shim: every capability but CAP_SYS_RESOURCE
 * (the one the VM's bounding set lacks), writable /proc and /sys paths, all devices; and the variable that
 * tells floe's node image (scripts/kind-node.sh) to make its cgroup mounts writable itself. */
const UNPRIVILEGED_RUN_FLAGS = [
    "--cap-add=ALL",
    "--cap-drop=SYS_RESOURCE",
    "--security-opt=systempaths=unconfined",
    "--device-cgroup-rule=a *:* rwm",
    "--env=FLOE_KIND_UNPRIVILEGED=1",
];
const shq = (s) => `'${s.replaceAll("'", `'\\''`)}'`;
/** A `docker` program for kind's PATH: `--privileged` on run/create becomes UNPRIVILEGED_RUN_FLAGS, on exec
 * it is dropped; everything else goes to the real docker unchanged. */
function dockerShim(realDocker) {
    return [
        "#!/bin/sh",
        "# Written by floe-helm `cluster up --provider kind`: `docker run --privileged` fails on this host, so kind's",
        "# --privileged is replaced (README: kind on a VM without CAP_SYS_RESOURCE). Used only by that kind process.",
        "sub=$1; first=1",
        "for a do",
        '  if [ "$first" = 1 ]; then set --; first=0; fi',
        '  case "$sub:$a" in',
        `    run:--privileged|create:--privileged) set -- "$@" ${UNPRIVILEGED_RUN_FLAGS.map(shq).join(" ")} ;;`,
        "    exec:--privileged) ;;",
        '    *) set -- "$@" "$a" ;;',
        "  esac",
        "done",
        `exec ${shq(realDocker)} "$@"`,
        "",
    ].join("\n");
}


/***/ }),

/***/ 5283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ImageCache: () => (/* binding */ ImageCache),
/* harmony export */   MC: () => (/* binding */ pinnedByDigest)
/* harmony export */ });
/* unused harmony exports INDEX_FILE, USED_FILE, cacheFileName, imageCacheKey, dockerSaveArgv, dockerLoadArgv, dockerPullArgv */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _exec_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7507);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8231);
// The kind lane's image cache (--image-cache DIR): a folder the runner keeps between jobs (pr-gate.yml restores
// and saves it with actions/cache). An image the lane would otherwise pull from a registry (the kind node image,
// the images the charts use) is pulled once by the runner's Docker, kept here as a `docker save` tar, and loaded
// from here on later runs: no registry round trip, no rate limit. Each tar is recorded with the image id Docker
// gave it when it was pulled; a tar whose loaded id differs is dropped and pulled again, so a stale or tampered
// cache entry is never used. `<work-dir>/image-cache.used.json` lists what this job used: `cluster down` prunes
// the rest and prints the key the cache is saved under (one hash of the references, so a changed image list is a
// new cache entry).





const INDEX_FILE = "index.json";
const USED_FILE = "image-cache.used.json";
const KEY_PREFIX = "floe-helm-images-";
/** A reference pinned by digest (`name@sha256:...`, `name:tag@sha256:...`). */
const pinnedByDigest = (ref) => ref.includes("@");
/** The tar's file name: readable, and unique per reference (a hash of the whole reference). */
function cacheFileName(ref) {
    const readable = ref
        .replace(/@.*$/, "")
        .replace(/[^A-Za-z0-9._-]+/g, "_")
        .slice(-60);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(ref).digest("hex").slice(0, 12);
    return `${readable}-${hash}.tar`;
}
/** The cache key of a set of references: the same set (in any order, repeated or not) gives the same key. */
function imageCacheKey(refs) {
    const sorted = [...new Set(refs)].sort();
    return KEY_PREFIX + (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(sorted.join("\n")).digest("hex").slice(0, 20);
}
function dockerSaveArgv(docker, o) {
    return [docker, "save", "--output", o.file, o.image];
}
function dockerLoadArgv(docker, file) {
    return [docker, "load", "--input", file];
}
function dockerPullArgv(docker, image) {
    return [docker, "pull", "--quiet", image];
}
const lastLine = (s) => s.trim().split("\n").pop() ?? "";
class ImageCache {
    dir;
    dockerBin;
    workDir;
    constructor(dir, dockerBin, workDir) {
        this.dir = dir;
        this.dockerBin = dockerBin;
        this.workDir = workDir;
    }
    get docker() {
        return this.dockerBin();
    }
    async index() {
        try {
            const parsed = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, INDEX_FILE), "utf8"));
            if (parsed?.version === 1 && parsed.images && typeof parsed.images === "object")
                return parsed;
        }
        catch {
            // missing or unreadable: an empty cache (what was in it is pulled again)
        }
        return { version: 1, images: {} };
    }
    async writeIndex(index) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(this.dir, { recursive: true });
        const tmp = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, `${INDEX_FILE}.${process.pid}`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(tmp, `${JSON.stringify(index, null, 2)}\n`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, INDEX_FILE));
    }
    /** The image id the local Docker has under `ref`, if any. */
    async localId(ref) {
        const r = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .runTool */ .q)((0,_config_js__WEBPACK_IMPORTED_MODULE_4__/* .dockerImageInspectArgv */ .eI)(this.docker, ref), { timeoutMs: 60_000 });
        return r.code === 0 ? r.stdout.trim() : undefined;
    }
    /** Loads `ref` from the cache into the local Docker. Returns the reference Docker knows it by now (the
     * reference itself; for one pinned by digest, the image id: `docker save`/`load` keep tags, not registry
     * digests), or undefined when the cache has no valid tar of it (then it is pulled as usual). */
    async restore(ref, log) {
        const entry = (await this.index()).images[ref];
        if (!entry)
            return undefined;
        const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, entry.file);
        const r = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .runTool */ .q)(dockerLoadArgv(this.docker, file), { timeoutMs: 600_000 });
        if (r.code !== 0) {
            log(`image cache: ${ref}: docker load ${file} failed (${lastLine(r.stderr)}): dropped, pulled again`);
            await this.drop(ref);
            return undefined;
        }
        // The id Docker computed from what it loaded must be the one recorded when the image was pulled.
        const id = (await this.localId(pinnedByDigest(ref) ? entry.id : ref)) ?? "";
        if (id !== entry.id) {
            log(`image cache: ${ref}: the tar holds ${id || "no such image"}, not ${entry.id} as recorded: dropped, pulled again`);
            await this.drop(ref);
            return undefined;
        }
        await this.markUsed([ref]);
        log(`image cache: ${ref} loaded from ${file}`);
        return pinnedByDigest(ref) ? entry.id : ref;
    }
    /** Keeps the local Docker's `ref` in the cache (no-op when it is there already). */
    async store(ref, log) {
        const id = await this.localId(ref);
        if (!id)
            return;
        const index = await this.index();
        if (index.images[ref]?.id === id) {
            await this.markUsed([ref]);
            return;
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(this.dir, { recursive: true });
        const name = cacheFileName(ref);
        const tmp = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, `${name}.${process.pid}.part`);
        // By id for a digest reference: older Docker refuses to save `name@sha256:...`, and a load restores no
        // registry digest anyway.
        const r = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .runTool */ .q)(dockerSaveArgv(this.docker, { file: tmp, image: pinnedByDigest(ref) ? id : ref }), { timeoutMs: 600_000 });
        if (r.code !== 0) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true });
            log(`image cache: docker save ${ref} failed (${lastLine(r.stderr)}): not cached`);
            return;
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, name));
        index.images[ref] = { file: name, id };
        await this.writeIndex(index);
        await this.markUsed([ref]);
        log(`image cache: ${ref} saved to ${node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, name)}`);
    }
    /** Pulls `ref` with the runner's Docker and keeps it; false (with the reason logged) when the pull fails. */
    async pull(ref, log) {
        log(`image cache: docker pull ${ref}`);
        const r = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .runTool */ .q)(dockerPullArgv(this.docker, ref), { timeoutMs: 900_000 });
        if (r.code !== 0) {
            log(`image cache: docker pull ${ref} failed (exit ${r.code}): ${lastLine(r.stderr || r.stdout)}`);
            return false;
        }
        await this.store(ref, log);
        return true;
    }
    /** `ref` made local: already in Docker (used as it is, not cached: it is the runner's own), else from the
     * cache, else (when `pull`) pulled by the runner's Docker and kept. The reference Docker now has it under, or
     * undefined when none of that worked (whoever needs it pulls it then, as without a cache). `absent`: the
     * caller has just seen Docker lack it (no second `docker image inspect`). */
    async bring(ref, o, log) {
        if (!o.absent && (await this.localId(ref)))
            return ref;
        const restored = await this.restore(ref, log);
        if (restored)
            return restored;
        if (o.pull && (await this.pull(ref, log)))
            return ref;
        return undefined;
    }
    async drop(ref) {
        const index = await this.index();
        const entry = index.images[ref];
        if (!entry)
            return;
        delete index.images[ref];
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, entry.file), { force: true });
        await this.writeIndex(index);
    }
    /** Records references this job used (in the work dir: the cache folder is shared between jobs). */
    async markUsed(refs) {
        const used = await usedRefs(this.workDir);
        const all = [...new Set([...used, ...refs])].sort();
        if (all.length === used.length)
            return;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(this.workDir, { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.workDir, USED_FILE), `${JSON.stringify(all, null, 2)}\n`);
    }
    /** At the end of a job: removes tars this job did not use (and stray files), returns the key of what is
     * left, or undefined when the job used no cached image. */
    async finish() {
        const used = new Set(await usedRefs(this.workDir));
        const index = await this.index();
        const pruned = [];
        for (const [ref, entry] of Object.entries(index.images)) {
            if (used.has(ref))
                continue;
            delete index.images[ref];
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, entry.file), { force: true });
            pruned.push(ref);
        }
        const files = new Set(Object.values(index.images).map((e) => e.file));
        for (const f of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(this.dir).catch(() => []))
            if (f !== INDEX_FILE && !files.has(f))
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, f), { force: true, recursive: true });
        if (pruned.length || Object.keys(index.images).length)
            await this.writeIndex(index);
        const kept = Object.keys(index.images).sort();
        return { key: kept.length ? imageCacheKey(kept) : undefined, kept, pruned };
    }
}
async function usedRefs(workDir) {
    try {
        const v = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(workDir, USED_FILE), "utf8"));
        return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
    }
    catch {
        return [];
    }
}


/***/ }),

/***/ 5577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ws: () => (/* binding */ LOOPBACK),
/* harmony export */   ov: () => (/* binding */ freePort)
/* harmony export */ });
/* unused harmony export isLoopback */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
// The network rule of the simulated cluster: every listener and every address a component is told about
// stays in 127.0.0.0/8, so no process ever connects off this machine.

const LOOPBACK = "127.0.0.1";
function isLoopback(address) {
    if (address === "::1" || address === "localhost")
        return true;
    return net.isIPv4(address) && address.startsWith("127.");
}
// Listening ports are picked below the kernel's ephemeral range (Linux: 32768-60999 by default), where the
// outgoing connections of every process on the machine take their local ports: a port found free there can
// be taken by some connection before the component binds it (seen as "address already in use" under load).
const PORT_MIN = 20000;
const PORT_MAX = 32000;
const handedOut = new Set();
function tryListen(port) {
    return new Promise((resolve) => {
        const srv = node_net__WEBPACK_IMPORTED_MODULE_0___default().createServer();
        srv.unref();
        srv.once("error", () => resolve(undefined));
        srv.listen(port, LOOPBACK, () => {
            const addr = srv.address();
            const got = typeof addr === "object" && addr ? addr.port : undefined;
            srv.close(() => resolve(got));
        });
    });
}
/** A free TCP port on 127.0.0.1 below the ephemeral range, never the same twice in this process (falls
 * back to one the kernel picks when that range is full). */
async function freePort() {
    for (let i = 0; i < 200; i++) {
        const port = PORT_MIN + Math.floor(Math.random() * (PORT_MAX - PORT_MIN));
        if (handedOut.has(port))
            continue;
        if ((await tryListen(port)) === port) {
            handedOut.add(port);
            return port;
        }
    }
    const port = await tryListen(0);
    if (port === undefined)
        throw new Error("no free TCP port on 127.0.0.1");
    return port;
}


/***/ }),

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

/***/ 786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ kubectlPodPhasesArgv),
/* harmony export */   BY: () => (/* binding */ helmStatusArgv),
/* harmony export */   Gk: () => (/* binding */ kubectlStateArgv),
/* harmony export */   Qf: () => (/* binding */ kubectlContainerLogArgv),
/* harmony export */   Uj: () => (/* binding */ kubectlLogsArgv),
/* harmony export */   WC: () => (/* binding */ kubectlReadyzArgv),
/* harmony export */   Z9: () => (/* binding */ kubectlDeleteNamespaceArgv),
/* harmony export */   ix: () => (/* binding */ kubectlPodNamesArgv),
/* harmony export */   mt: () => (/* binding */ helmInstallArgv),
/* harmony export */   rK: () => (/* binding */ helmUninstallArgv),
/* harmony export */   v8: () => (/* binding */ helmTestArgv),
/* harmony export */   x: () => (/* binding */ kubectlDiagnosticsArgv)
/* harmony export */ });
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
/** kubectl against one namespace of the cell's cluster. */
const inNamespace = (bin, kubeconfig, namespace, ...args) => [
    bin,
    "--kubeconfig",
    kubeconfig,
    "--namespace",
    namespace,
    ...args,
];
/** What is kept of a cell whose install or tests failed, before its namespace goes: one file per kubectl
 * call. Secrets are listed by name only (`get` never prints their data). */
function kubectlDiagnosticsArgv(bin, kubeconfig, namespace) {
    const k = (...args) => inNamespace(bin, kubeconfig, namespace, ...args);
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
    return inNamespace(bin, kubeconfig, namespace, "logs", pod, "--all-containers", "--prefix", "--tail", "300");
}
/** The pod names of a namespace, one per line (`pod/<name>`). */
function kubectlPodNamesArgv(bin, kubeconfig, namespace) {
    return inNamespace(bin, kubeconfig, namespace, "get", "pods", "--output", "name");
}
/** Each pod of a namespace with its phase, one `name phase` per line. */
function kubectlPodPhasesArgv(bin, kubeconfig, namespace) {
    return inNamespace(bin, kubeconfig, namespace, "get", "pods", "--output", 'jsonpath={range .items[*]}{.metadata.name} {.status.phase}{"\\n"}{end}');
}
/** The diagnosis (src/install/diagnose): one `kubectl get` for every kind it reads (a List whose items
 * carry their kind). */
function kubectlStateArgv(bin, kubeconfig, namespace) {
    return inNamespace(bin, kubeconfig, namespace, "get", "pods,deployments.apps,statefulsets.apps,jobs.batch,persistentvolumeclaims,events", "--output", "json");
}
/** The diagnosis: the last 50 log lines of one container, of its current run or (`previous`) of the run
 * before. */
function kubectlContainerLogArgv(bin, kubeconfig, namespace, pod, container, previous) {
    return inNamespace(bin, kubeconfig, namespace, "logs", pod, "--container", container, "--tail", "50", ...(previous ? ["--previous"] : []));
}
/** The API server's own readiness (`ok` when it serves): asked after a failed cell, to tell a chart's failure
 * from a cluster that went away. */
function kubectlReadyzArgv(bin, kubeconfig) {
    return [bin, "--kubeconfig", kubeconfig, "get", "--raw", "/readyz"];
}


/***/ }),

/***/ 2057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ft: () => (/* binding */ DIAGNOSIS_RULE),
  Ah: () => (/* binding */ keepDiagnostics),
  pk: () => (/* binding */ watchWait)
});

// UNUSED EXPORTS: diagnoseCell

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
;// CONCATENATED MODULE: ./src/install/wait-ticker.ts
// Long waits (helm install --wait, helm test) say what they wait for and the time left, every 10 s, so a
// log never sits silent for minutes.
function formatLeft(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}
/** Starts ticking; the returned function stops it (no line is printed after it returned). Each line comes
 * on time, `intervalMs` after the one before: it shows what the poll started after the previous line found
 * (the poll must finish within the interval; waitingFor's kubectl call is bounded to 9 s). */
function startWaitTicker(o) {
    const now = o.now ?? Date.now;
    const every = o.intervalMs ?? 10_000;
    const t0 = now();
    let stopped = false;
    let latest = "(reading the namespace)";
    const poll = () => {
        o.poll().then((w) => {
            latest = w;
        }, (e) => {
            latest = `(cannot tell: ${e.message})`;
        });
    };
    // The first poll shortly before the first line, not at once: a quick install never calls kubectl.
    const early = setTimeout(poll, Math.max(0, every - 9_000));
    const timer = setInterval(() => {
        if (stopped)
            return;
        o.print(`${o.what}: waiting for ${latest}; ${formatLeft(o.timeoutMs - (now() - t0))} left`);
        poll();
    }, every);
    early.unref?.();
    timer.unref?.();
    return () => {
        stopped = true;
        clearTimeout(early);
        clearInterval(timer);
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/exec/runner.ts
var runner = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/install/argv.ts
var install_argv = __webpack_require__(786);
;// CONCATENATED MODULE: ./src/install/diagnose/common.ts
/** How many log lines a cause keeps per container. */
const LOG_LINES = 10;
/** The events about one object (by uid when both sides have one, else by kind and name), oldest first. */
function eventsOf(state, kind, meta) {
    return state.events
        .filter((e) => {
        const o = e.involvedObject;
        if (o.kind !== kind || o.name !== meta.name)
            return false;
        return !(o.uid && meta.uid && o.uid !== meta.uid);
    })
        .sort((a, b) => when(a).localeCompare(when(b)));
}
const when = (e) => e.lastTimestamp ?? e.eventTime ?? "";
function formatEvent(e) {
    const n = e.count && e.count > 1 ? ` (x${e.count})` : "";
    return `${e.type ?? "Normal"} ${e.reason ?? "?"}: ${oneLine(e.message ?? "")}${n}`;
}
function formatCondition(c) {
    const why = c.reason ? ` (${c.reason})` : "";
    return `${c.type}=${c.status}${why}${c.message ? `: ${oneLine(c.message)}` : ""}`;
}
const oneLine = (s) => s.replace(/\s*\n\s*/g, " ").trim();
/** The last lines of a log, without trailing blank lines. */
function tail(log, n = LOG_LINES) {
    if (!log)
        return [];
    const lines = log.replace(/\s+$/, "").split("\n");
    return lines.filter((l, i) => i >= lines.length - n && (l.trim() || i > 0));
}
/** The last log lines of one container, `--previous` first (the run that crashed), each prefixed. */
function containerLog(state, pod, container) {
    const l = state.logs?.[`${pod}/${container}`];
    if (!l)
        return [];
    const prev = tail(l.previous);
    if (prev.length)
        return prev.map((x) => `${pod}/${container} (previous): ${x}`);
    return tail(l.current).map((x) => `${pod}/${container}: ${x}`);
}
function allStatuses(pod) {
    return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
}
function condition(conds, type) {
    return conds?.find((c) => c.type === type);
}
/** A pod counts as ready when it completed, or runs with its Ready condition true. */
function podReady(pod) {
    const phase = pod.status?.phase;
    if (phase === "Succeeded")
        return true;
    return phase === "Running" && condition(pod.status?.conditions, "Ready")?.status === "True";
}

;// CONCATENATED MODULE: ./src/install/diagnose/log-line.ts
/** Most telling first: the first pattern any line matches wins, and of its lines the last (most recent). */
const TELLING = [
    // Refused credentials: the server's own words.
    /password authentication failed|authentication failed|access denied|permission denied|unauthori[sz]ed|forbidden/i,
    // A peer that cannot be reached.
    /connection refused|could not connect|could not translate host name|no such host|name or service not known|i\/o timeout|connection timed out/i,
    // A fatal error or panic, as servers and runtimes print them.
    /\bFATAL\b|\bpanic:|\bfatal error\b/i,
    // An error line, and an exception as a stack trace's last line names it (`ValueError: ...`).
    /\b(?:error|ERROR|Error)\b|[a-z](?:Error|Exception)\b|\b[Ee]xception\b/,
];
// Colour codes (dbt and others colour their output even without a terminal).
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
const MAX = 300;
/** The most telling line of a log, trimmed (and cut to 300 characters); undefined when none is. */
function tellingLine(log) {
    if (!log)
        return undefined;
    const lines = log
        .replace(ANSI, "")
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    for (const re of TELLING) {
        const hit = lines.findLast((l) => re.test(l));
        if (hit)
            return hit.length > MAX ? `${hit.slice(0, MAX - 1)}…` : hit;
    }
    return undefined;
}
/** The telling line of one container: of its crashed run (`--previous`) when there is one. */
function containerLogLine(state, pod, container) {
    const l = state.logs?.[`${pod}/${container}`];
    return tellingLine(l?.previous) ?? tellingLine(l?.current);
}
/** `; log: "<line>"` for a summary, and the evidence entry, when the log has a telling line. */
function withLogLine(line) {
    return line ? { suffix: `; log: ${line}`, evidence: { logLine: line } } : { suffix: "", evidence: {} };
}

;// CONCATENATED MODULE: ./src/install/diagnose/crash-loop.ts
// CrashLoopBackOff: a container keeps exiting and is restarted; and a container that exited non-zero in a
// pod that does not restart it (restartPolicy Never/OnFailure that gave up: a failed helm test pod). The
// summary ends with the container's most telling log line (log-line.ts).


function crashLoop(pod, state) {
    for (const s of allStatuses(pod)) {
        const looping = s.state?.waiting?.reason === "CrashLoopBackOff";
        const last = s.lastState?.terminated;
        if (!looping && !((s.restartCount ?? 0) > 0 && last && last.exitCode !== 0))
            continue;
        const exit = last?.exitCode;
        const why = last?.reason ? ` (${last.reason})` : "";
        const line = withLogLine(containerLogLine(state, pod.metadata.name, s.name));
        return {
            kind: "crash-loop",
            summary: `container ${s.name} keeps exiting${exit !== undefined ? ` with exit code ${exit}${why}` : ""}, restarted ${s.restartCount ?? 0} times${line.suffix}`,
            evidence: {
                container: s.name,
                ...(exit !== undefined ? { exitCode: String(exit) } : {}),
                ...(last?.reason ? { reason: last.reason } : {}),
                restarts: String(s.restartCount ?? 0),
                ...line.evidence,
            },
            logs: containerLog(state, pod.metadata.name, s.name),
        };
    }
    return undefined;
}
function containerFailed(pod, state) {
    for (const s of allStatuses(pod)) {
        const t = s.state?.terminated;
        if (!t || t.exitCode === 0)
            continue;
        const why = t.reason ? ` (${t.reason})` : "";
        const message = oneLine(t.message ?? "");
        const line = withLogLine(containerLogLine(state, pod.metadata.name, s.name));
        return {
            kind: "container-failed",
            summary: `container ${s.name} exited with exit code ${t.exitCode}${why}${message ? `: ${message}` : ""}${line.suffix}`,
            evidence: {
                container: s.name,
                exitCode: String(t.exitCode),
                ...(t.reason ? { reason: t.reason } : {}),
                ...(message ? { message } : {}),
                ...line.evidence,
            },
            logs: containerLog(state, pod.metadata.name, s.name),
        };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/install/diagnose/failing-probe.ts
// A failing probe: the kubelet's Unhealthy events say which probe (readiness, liveness, startup) of which
// container failed, with the probe's own message.

const PROBE = /^(Readiness|Liveness|Startup) probe (?:failed|errored):?\s*(.*)$/s;
function failingProbe(pod, state) {
    const ev = eventsOf(state, "Pod", pod.metadata).filter((e) => e.reason === "Unhealthy");
    const last = ev.at(-1);
    if (!last)
        return undefined;
    const m = PROBE.exec(last.message ?? "");
    const probe = m ? m[1].toLowerCase() : "unknown";
    const message = oneLine(m ? m[2] : (last.message ?? ""));
    const container = /spec\.(?:init)?[cC]ontainers\{([^}]+)\}/.exec(last.involvedObject.fieldPath ?? "")?.[1];
    return {
        kind: "failing-probe",
        summary: `${probe} probe${container ? ` of container ${container}` : ""} fails: ${message}${last.count && last.count > 1 ? ` (x${last.count})` : ""}`,
        evidence: { probe, message, ...(container ? { container } : {}) },
    };
}

;// CONCATENATED MODULE: ./src/install/diagnose/image-pull.ts
// ImagePullBackOff / ErrImagePull: a container's image cannot be pulled (wrong name or tag, no access).

const REASONS = new Set(["ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull"]);
function imagePull(pod) {
    for (const s of allStatuses(pod)) {
        const w = s.state?.waiting;
        if (!w?.reason || !REASONS.has(w.reason))
            continue;
        const spec = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === s.name);
        const image = spec?.image ?? s.image ?? "?";
        const message = oneLine(w.message ?? "");
        return {
            kind: "image-pull",
            summary: `container ${s.name}: image ${image} cannot be pulled (${w.reason})${message ? `: ${message}` : ""}`,
            evidence: { container: s.name, image, reason: w.reason, ...(message ? { message } : {}) },
        };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/install/diagnose/job-backoff.ts
// A Job that gave up: backoff limit (or deadline) exceeded, with the last log lines of its failed pods and,
// in its summary, the most telling one.


function jobBackoff(job, pods, state) {
    const failed = condition(job.status?.conditions, "Failed");
    if (failed?.status !== "True")
        return undefined;
    const failedPods = pods.filter((p) => p.status?.phase === "Failed");
    const logs = failedPods.flatMap((p) => allStatuses(p).flatMap((s) => containerLog(state, p.metadata.name, s.name)));
    const exits = failedPods.flatMap((p) => allStatuses(p)
        .filter((s) => s.state?.terminated && s.state.terminated.exitCode !== 0)
        .map((s) => `${p.metadata.name}/${s.name} exit ${s.state.terminated.exitCode}`));
    // The newest failed pod's words: the last try is the one that gave up.
    const line = withLogLine(failedPods
        .flatMap((p) => allStatuses(p).map((s) => containerLogLine(state, p.metadata.name, s.name)))
        .filter(Boolean)
        .at(-1));
    const reason = failed.reason ?? "Failed";
    const message = oneLine(failed.message ?? "");
    return {
        kind: "job-backoff",
        summary: `job ${job.metadata.name} failed (${reason})${message ? `: ${message}` : ""}; ${job.status?.failed ?? failedPods.length} failed pod(s)${exits.length ? `: ${exits.join(", ")}` : ""}${line.suffix}`,
        evidence: {
            job: job.metadata.name,
            reason,
            ...(message ? { message } : {}),
            backoffLimit: String(job.spec?.backoffLimit ?? 6),
            failedPods: failedPods.map((p) => p.metadata.name).join(", "),
            ...line.evidence,
        },
        logs,
    };
}

;// CONCATENATED MODULE: ./src/install/diagnose/pending-pvc.ts
// A PersistentVolumeClaim that stays Pending (no such StorageClass, no provisioner, no matching volume):
// for the claim itself and for every pod that mounts it.

function pvcPending(pvc, state) {
    if ((pvc.status?.phase ?? "Pending") !== "Pending")
        return undefined;
    const cls = pvc.spec?.storageClassName;
    const storageClass = cls === undefined ? "(cluster default)" : cls === null || cls === "" ? '""' : cls;
    const ev = eventsOf(state, "PersistentVolumeClaim", pvc.metadata);
    const last = [...ev].reverse().find((e) => e.type === "Warning") ?? ev.at(-1);
    const message = oneLine(last?.message ?? "no event says why");
    return {
        kind: "pending-pvc",
        summary: `claim ${pvc.metadata.name} (storage class ${storageClass}) is Pending: ${message}`,
        evidence: { claim: pvc.metadata.name, storageClass, message },
    };
}
function pendingPvc(pod, state) {
    for (const v of pod.spec?.volumes ?? []) {
        const claim = v.persistentVolumeClaim?.claimName;
        if (!claim)
            continue;
        const pvc = state.pvcs.find((p) => p.metadata.name === claim);
        if (!pvc) {
            return {
                kind: "pending-pvc",
                summary: `claim ${claim} (volume ${v.name}) does not exist`,
                evidence: { claim, message: "no such PersistentVolumeClaim in the namespace" },
            };
        }
        const c = pvcPending(pvc, state);
        if (c)
            return c;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/install/diagnose/unschedulable.ts
// Unschedulable: the scheduler found no node for the pod (node selector, affinity, taints, resources).

function unschedulable(pod, state) {
    const c = condition(pod.status?.conditions, "PodScheduled");
    if (c?.status !== "False" || c.reason !== "Unschedulable")
        return undefined;
    const ev = eventsOf(state, "Pod", pod.metadata).filter((e) => e.reason === "FailedScheduling");
    const message = oneLine(c.message ?? ev.at(-1)?.message ?? "");
    return {
        kind: "unschedulable",
        summary: `no node for the pod: ${message || "(the scheduler gave no message)"}`,
        evidence: {
            message,
            ...(pod.spec?.nodeSelector ? { nodeSelector: JSON.stringify(pod.spec.nodeSelector) } : {}),
        },
    };
}

;// CONCATENATED MODULE: ./src/install/diagnose/index.ts
// Why a cell's install or helm test failed, from the namespace's own state: every object that is not
// ready (Deployments, StatefulSets, Jobs, PVCs, and pods no such workload owns) with its conditions, its
// events, and exactly one cause. One file per cause (like kube-linter's checks); this file only orders
// them. Pure: input is parsed API objects, output typed diagnoses (src/install/diagnose/collect.ts gets
// the objects from kubectl).








/** The pod causes, most specific first: the first that applies is the pod's one cause. */
const podCauses = [
    imagePull,
    pendingPvc,
    unschedulable,
    failingProbe,
    crashLoop,
    containerFailed,
];
/** The condition types that should be True (and the ones that should be False) for each kind. */
const GOOD = {
    Pod: [{ want: "True", types: ["PodScheduled", "Initialized", "ContainersReady", "Ready"] }],
    Deployment: [
        { want: "True", types: ["Available", "Progressing"] },
        { want: "False", types: ["ReplicaFailure"] },
    ],
    StatefulSet: [],
    Job: [{ want: "False", types: ["Failed", "Suspended"] }],
    PersistentVolumeClaim: [],
};
function badConditions(kind, conds) {
    const rules = GOOD[kind] ?? [];
    return (conds ?? []).filter((c) => rules.some((r) => r.types.includes(c.type) && c.status !== r.want));
}
function unknown(kind, conds, fallback) {
    const c = badConditions(kind, conds)[0];
    const raw = c ? formatCondition(c) : fallback;
    return { kind: "unknown", summary: `no known cause applies; ${raw}`, evidence: { condition: raw } };
}
/** The one cause of a pod that is not ready. */
function podCause(pod, state) {
    for (const f of podCauses) {
        const c = f(pod, state);
        if (c)
            return c;
    }
    const s = pod.status;
    const fallback = s?.reason
        ? `${s.phase ?? "?"} (${s.reason})${s.message ? `: ${oneLine(s.message)}` : ""}`
        : `phase ${s?.phase ?? "unknown"}`;
    return unknown("Pod", s?.conditions, fallback);
}
function podState(pod) {
    const s = pod.status;
    const waiting = allStatuses(pod).find((c) => c.state?.waiting?.reason)?.state?.waiting?.reason;
    const sched = condition(s?.conditions, "PodScheduled");
    const why = waiting ?? (sched?.status === "False" ? sched.reason : undefined) ?? s?.reason;
    return `${s?.phase ?? "Unknown"}${why ? ` (${why})` : ""}`;
}
function workloadReady(w, kind) {
    const want = w.spec?.replicas ?? 1;
    const ready = w.status?.readyReplicas ?? 0;
    if (ready < want)
        return false;
    return kind !== "Deployment" || badConditions(kind, w.status?.conditions).length === 0;
}
function jobDone(j) {
    return condition(j.status?.conditions, "Complete")?.status === "True";
}
/** Whether a workload owns a pod, by the pod's owner reference (a Deployment's pods are owned by its
 * ReplicaSets, `<deployment>-<hash>`). Not by label selector: a helm test pod carrying the chart's labels
 * has no owner and is a pod of its own. */
function ownedBy(p, kind, w) {
    const name = w.metadata.name;
    return (p.metadata.ownerReferences ?? []).some((o) => kind === "Deployment"
        ? o.kind === "ReplicaSet" &&
            o.name.startsWith(`${name}-`) &&
            !o.name.slice(name.length + 1).includes("-")
        : o.kind === kind && o.name === name);
}
const byName = (a, b) => a.metadata.name.localeCompare(b.metadata.name);
function withPodCause(owner, pods, state) {
    const bad = pods.filter((p) => !podReady(p)).sort(byName);
    // The pod with a known cause first: one Pending pod beside one crashing says less than the crash.
    const causes = bad.map((p) => ({ p, c: podCause(p, state) }));
    const first = causes.find((x) => x.c.kind !== "unknown") ?? causes[0];
    if (!first)
        return undefined;
    const others = bad.length > 1 ? ` (and ${bad.length - 1} more pod(s) of ${owner})` : "";
    return {
        ...first.c,
        summary: `pod ${first.p.metadata.name}: ${first.c.summary}${others}`,
        evidence: { pod: first.p.metadata.name, ...first.c.evidence },
    };
}
/** A workload's diagnosis also shows the events of the pod its cause names (the scheduler's and the
 * kubelet's words are on the pod), after its own. */
function withPodEvents(d, pods, state) {
    const p = pods.find((x) => x.metadata.name === d.cause.evidence.pod);
    if (p)
        d.events.push(...eventsOf(state, "Pod", p.metadata).map((e) => `Pod/${p.metadata.name}: ${formatEvent(e)}`));
}
/** Every object of the namespace that is not ready, each with its one cause, in a stable order:
 * workloads (Deployments, StatefulSets, Jobs), then pods no workload owns, then claims no cause named. */
function diagnose(state) {
    const out = [];
    const covered = new Set(); // pods folded into their workload's diagnosis
    const add = (kind, meta, st, conds, cause) => out.push({
        object: `${kind}/${meta.name}`,
        state: st,
        conditions: badConditions(kind, conds).map(formatCondition),
        events: eventsOf(state, kind, meta).map(formatEvent),
        cause,
    });
    for (const [kind, list] of [
        ["Deployment", state.deployments],
        ["StatefulSet", state.statefulsets],
    ]) {
        for (const w of [...list].sort(byName)) {
            const pods = state.pods.filter((p) => ownedBy(p, kind, w));
            for (const p of pods)
                covered.add(p.metadata.name);
            if (workloadReady(w, kind))
                continue;
            const st = `${w.status?.readyReplicas ?? 0}/${w.spec?.replicas ?? 1} ready`;
            const cause = withPodCause(`${kind}/${w.metadata.name}`, pods, state) ??
                unknown(kind, w.status?.conditions, `no pod exists (${st})`);
            add(kind, w.metadata, st, w.status?.conditions, cause);
            withPodEvents(out.at(-1), pods, state);
        }
    }
    for (const j of [...state.jobs].sort(byName)) {
        const pods = state.pods.filter((p) => ownedBy(p, "Job", j));
        for (const p of pods)
            covered.add(p.metadata.name);
        if (jobDone(j))
            continue;
        const s = j.status ?? {};
        const st = `${s.succeeded ?? 0} succeeded, ${s.failed ?? 0} failed, ${s.active ?? 0} active`;
        const cause = jobBackoff(j, pods, state) ??
            withPodCause(`Job/${j.metadata.name}`, pods, state) ??
            unknown("Job", s.conditions, `not complete (${st})`);
        add("Job", j.metadata, st, s.conditions, cause);
        withPodEvents(out.at(-1), pods, state);
    }
    for (const p of [...state.pods].sort(byName)) {
        if (covered.has(p.metadata.name) || podReady(p))
            continue;
        add("Pod", p.metadata, podState(p), p.status?.conditions, podCause(p, state));
    }
    const named = new Set(out.map((d) => d.cause.evidence.claim).filter(Boolean));
    for (const c of [...state.pvcs].sort(byName)) {
        if (named.has(c.metadata.name))
            continue;
        const cause = pvcPending(c, state);
        if (cause)
            add("PersistentVolumeClaim", c.metadata, c.status?.phase ?? "Pending", c.status?.conditions, cause);
    }
    return out;
}
/** `Kind/name (state)` of each object not ready yet: what a wait is waiting for. */
function notReady(state) {
    const out = [];
    for (const [kind, list] of [
        ["Deployment", state.deployments],
        ["StatefulSet", state.statefulsets],
    ])
        for (const w of [...list].sort(byName))
            if (!workloadReady(w, kind))
                out.push(`${kind}/${w.metadata.name} (${w.status?.readyReplicas ?? 0}/${w.spec?.replicas ?? 1} ready)`);
    for (const j of [...state.jobs].sort(byName))
        if (!jobDone(j))
            out.push(`Job/${j.metadata.name} (${j.status?.succeeded ?? 0} succeeded)`);
    for (const c of [...state.pvcs].sort(byName))
        if ((c.status?.phase ?? "Pending") === "Pending")
            out.push(`PersistentVolumeClaim/${c.metadata.name} (Pending)`);
    const owned = (p) => (p.metadata.ownerReferences ?? []).length > 0;
    for (const p of [...state.pods].sort(byName))
        if (!owned(p) && !podReady(p) && p.status?.phase !== "Failed")
            out.push(`Pod/${p.metadata.name} (${podState(p)})`);
    return out;
}
/** The containers whose logs a diagnosis wants: restarted, exited non-zero, or not ready in a pod that
 * runs. `previous` when the container restarted (its crashed run is the interesting one). */
function failingContainers(state) {
    const out = [];
    for (const p of state.pods) {
        if (p.status?.phase === "Succeeded")
            continue;
        for (const s of allStatuses(p)) {
            const restarted = (s.restartCount ?? 0) > 0;
            const failed = (s.state?.terminated?.exitCode ?? 0) !== 0;
            const running = s.state?.running !== undefined;
            if (restarted || failed || (running && s.ready === false))
                out.push({ pod: p.metadata.name, container: s.name, previous: restarted });
        }
    }
    return out;
}
/** The log lines of a diagnosis, grouped per object: the object and its state, then its cause (one line
 * with the evidence), its conditions, events and log lines, indented. */
function renderDiagnoses(ds) {
    const lines = [];
    for (const d of ds) {
        lines.push(`${d.object} (${d.state})`);
        lines.push(`  cause: ${d.cause.kind}: ${d.cause.summary}`);
        for (const c of d.conditions)
            lines.push(`  condition: ${c}`);
        for (const e of d.events)
            lines.push(`  event: ${e}`);
        for (const l of d.cause.logs ?? [])
            lines.push(`  log ${l}`);
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/install/diagnose/collect.ts
// The one collector of a failed cell's namespace: what kubectl says of it, kept as files for a reader
// (keepNamespace: objects, events, described pods, every pod's logs), and its state read for the diagnosis
// (objects and events as JSON, then the logs of the failing containers, current and previous), classified
// (./index.ts) and kept as files. Never throws: a kubectl call that fails, or output that is not JSON,
// becomes a note or the content of its file, and the collection goes on with what it has (the cell's own
// error is already recorded; nothing here may hide it).





/** Sorts a `kubectl get -o json` List into the state the diagnosis reads. Items of other kinds are
 * ignored; a body that is not a List is an error. */
function stateFromList(json) {
    const parsed = JSON.parse(json);
    if (!parsed || !Array.isArray(parsed.items))
        throw new Error("kubectl did not return a List");
    const of = (kind) => parsed.items.filter((i) => i.kind === kind);
    return {
        pods: of("Pod"),
        deployments: of("Deployment"),
        statefulsets: of("StatefulSet"),
        jobs: of("Job"),
        pvcs: of("PersistentVolumeClaim"),
        events: of("Event"),
    };
}
const first = (s) => s.trim().split("\n")[0] ?? "";
/** A kubectl call that never throws: one that cannot run is a result with its error (exit -1). */
async function kubectl(t, argv, timeoutMs = 60_000) {
    try {
        return await (0,runner/* runTool */.q)(argv, { env: t.env, cwd: t.cwd, timeoutMs });
    }
    catch (e) {
        const stderr = `could not run: ${e.message}\n`;
        return { argv, code: -1, stdout: "", stderr, durationMs: 0, timedOut: false };
    }
}
/** Keeps what the cluster says about a failed cell before its namespace is deleted: objects.txt,
 * events.txt, pods.txt (described) and logs-<pod>.txt of every pod, under `dir` (created). Returns the files
 * written. A kubectl call that fails leaves its error in its file: what could not be collected is said,
 * never silently missing. */
async function keepNamespace(t, dir) {
    const files = [];
    try {
        await (0,promises_.mkdir)(dir, { recursive: true });
    }
    catch {
        return files; // nowhere to keep anything; the diagnosis says what it cannot write
    }
    const keep = async (file, argv) => {
        const r = await kubectl(t, argv);
        const body = r.code === 0
            ? r.stdout
            : `# kubectl ${argv.slice(3).join(" ")} failed (exit ${r.code}${r.timedOut ? ", timed out" : ""}):\n${r.stderr}${r.stdout}`;
        try {
            await (0,promises_.writeFile)(external_node_path_default().join(dir, file), body);
            files.push(external_node_path_default().join(dir, file));
        }
        catch {
            // an unwritable file is left out of the count the finding reports
        }
    };
    for (const d of (0,install_argv/* kubectlDiagnosticsArgv */.x)(t.kubectl, t.kubeconfig, t.namespace))
        await keep(d.file, d.argv);
    const pods = await kubectl(t, (0,install_argv/* kubectlPodNamesArgv */.ix)(t.kubectl, t.kubeconfig, t.namespace));
    if (pods.code !== 0) {
        await keep("logs.txt", (0,install_argv/* kubectlPodNamesArgv */.ix)(t.kubectl, t.kubeconfig, t.namespace));
        return files;
    }
    for (const pod of pods.stdout
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)) {
        const name = pod.replace(/^pod\//, "");
        await keep(`logs-${name}.txt`, (0,install_argv/* kubectlLogsArgv */.Uj)(t.kubectl, t.kubeconfig, t.namespace, name));
    }
    return files;
}
/** The namespace's state, or a note saying why it could not be read. */
async function readState(t, timeoutMs = 60_000) {
    try {
        const r = await (0,runner/* runTool */.q)((0,install_argv/* kubectlStateArgv */.Gk)(t.kubectl, t.kubeconfig, t.namespace), {
            env: t.env,
            cwd: t.cwd,
            timeoutMs,
        });
        // kubectl prints what it could read even when one kind failed: use it, and say what failed.
        let state;
        try {
            state = stateFromList(r.stdout);
        }
        catch (e) {
            return {
                note: `kubectl get failed (exit ${r.code}${r.timedOut ? ", timed out" : ""}): ${first(r.stderr) || e.message}`,
            };
        }
        return {
            state,
            raw: r.stdout,
            ...(r.code !== 0 ? { note: `kubectl get exited ${r.code}: ${first(r.stderr)}` } : {}),
        };
    }
    catch (e) {
        return { note: `kubectl get could not run: ${e.message}` };
    }
}
/** Reads, classifies and keeps the diagnosis of one namespace in `dir` (which exists): diagnosis.txt
 * (what the log shows), diagnosis.json (the typed causes), state.json (the objects read) and
 * logs-<pod>-<container>[-previous].txt of the failing containers. */
async function diagnoseNamespace(t, dir) {
    const notes = [];
    const files = [];
    const keep = async (name, body) => {
        try {
            await (0,promises_.writeFile)(external_node_path_default().join(dir, name), body);
            files.push(external_node_path_default().join(dir, name));
        }
        catch (e) {
            notes.push(`cannot write ${name}: ${e.message}`);
        }
    };
    const read = await readState(t);
    if (read.note)
        notes.push(read.note);
    let diagnoses = [];
    if (read.state) {
        const state = read.state;
        const logs = {};
        for (const c of failingContainers(state)) {
            const runs = c.previous ? [false, true] : [false];
            for (const previous of runs) {
                const argv = (0,install_argv/* kubectlContainerLogArgv */.Qf)(t.kubectl, t.kubeconfig, t.namespace, c.pod, c.container, previous);
                const name = `logs-${c.pod}-${c.container}${previous ? "-previous" : ""}.txt`;
                try {
                    const r = await (0,runner/* runTool */.q)(argv, { env: t.env, cwd: t.cwd, timeoutMs: 60_000 });
                    if (r.code !== 0) {
                        notes.push(`no ${previous ? "previous " : ""}logs of ${c.pod}/${c.container}: ${first(r.stderr) || `exit ${r.code}`}`);
                        continue;
                    }
                    const key = `${c.pod}/${c.container}`;
                    const l = logs[key] ?? {};
                    logs[key] = l;
                    if (previous)
                        l.previous = r.stdout;
                    else
                        l.current = r.stdout;
                    await keep(name, r.stdout);
                }
                catch (e) {
                    notes.push(`no logs of ${c.pod}/${c.container}: ${e.message}`);
                }
            }
        }
        state.logs = logs;
        try {
            diagnoses = diagnose(state);
        }
        catch (e) {
            notes.push(`the diagnosis failed: ${e.message}`);
        }
        if (read.raw)
            await keep("state.json", read.raw);
    }
    const lines = [
        ...(diagnoses.length || !read.state
            ? renderDiagnoses(diagnoses)
            : [
                "no workload, job, pod or claim is left not ready (pods deleted by their hook-delete-policy are not seen)",
            ]),
        ...notes.map((n) => `note: ${n}`),
    ];
    await keep("diagnosis.json", `${JSON.stringify({ diagnoses, notes }, null, 2)}\n`);
    await keep("diagnosis.txt", `${lines.join("\n")}\n`);
    return { diagnoses, notes, lines, files };
}
/** What a wait is waiting for: the objects not ready yet, or a note when they cannot be read. */
async function waitingFor(t) {
    const r = await readState(t, 9_000);
    if (!r.state)
        return `(cannot tell: ${r.note})`;
    const n = notReady(r.state);
    return n.length ? n.join(", ") : "nothing not ready (helm is finishing)";
}

;// CONCATENATED MODULE: ./src/install/diagnose/cell.ts
// The install-test phase's use of the diagnosis: a ticker while helm waits, and after a failed cell the
// classified causes in the log (grouped per object), in the results (one `diagnosis` finding per object,
// with its `cause`) and in the cell's diagnostics folder. Nothing here can fail the run.




const DIAGNOSIS_RULE = "diagnosis";
/** After a failure, before the namespace goes: its objects, events, pods and logs kept in `dir` (an info
 * finding of `rule` says where), then the classified causes. What test, e2e and live upgrade all do. */
async function keepDiagnostics(ctx, kube, o) {
    ctx.progress(`${o.step}: keeping diagnostics in ${o.dir}`);
    const files = await keepNamespace(kube, o.dir);
    ctx.add({
        rule: o.rule,
        severity: "info",
        message: `diagnostics of ${o.subject} (objects, events, pods, logs: ${files.length} files) in ${external_node_path_default().relative(kube.cwd, o.dir) || o.dir}`,
        ...o.where,
    });
    await diagnoseCell(ctx, kube, o.dir, `${o.step}: diagnosis`, o.where);
}
/** Runs `run` (a helm call that waits up to `timeout`), printing every 10 s what the namespace still
 * waits for and the time left. */
async function watchWait(ctx, kube, what, timeout, run, intervalMs = 10_000) {
    const stop = startWaitTicker({
        what,
        timeoutMs: (0,duration/* durationMs */.p)(timeout),
        poll: () => waitingFor(kube),
        print: (l) => ctx.progress(l),
        intervalMs,
    });
    try {
        return await run();
    }
    finally {
        stop();
    }
}
/** Classifies why a cell failed and reports it; a failure of the diagnosis itself is a note, never an
 * error of the run. */
async function diagnoseCell(ctx, kube, dir, heading, where) {
    try {
        const d = await diagnoseNamespace(kube, dir);
        ctx.progress(`${heading}:`);
        for (const l of d.lines)
            ctx.progress(`  ${l}`);
        for (const x of d.diagnoses)
            ctx.add({
                rule: DIAGNOSIS_RULE,
                severity: "info",
                message: `${x.object}: ${x.cause.kind}: ${x.cause.summary}`,
                object: x.object,
                cause: x.cause.kind,
                ...where,
            });
        for (const n of d.notes)
            ctx.add({ rule: DIAGNOSIS_RULE, severity: "info", message: `note: ${n}`, ...where });
    }
    catch (e) {
        ctx.add({
            rule: DIAGNOSIS_RULE,
            severity: "info",
            message: `note: the diagnosis could not run: ${e.message}`,
            ...where,
        });
    }
}


/***/ }),

/***/ 7152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E0: () => (/* binding */ IMAGES_RULE),
  O8: () => (/* binding */ prepareKindImages),
  Pp: () => (/* binding */ skipForMissingImages)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/cluster/kind/config.ts
var config = __webpack_require__(8231);
// EXTERNAL MODULE: ./src/cluster/kind/image-cache.ts
var image_cache = __webpack_require__(5283);
// EXTERNAL MODULE: ./src/cluster/on-path.ts
var on_path = __webpack_require__(6533);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/exec/runner.ts
var runner = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/helm/argv.ts
var argv = __webpack_require__(956);
// EXTERNAL MODULE: ./src/helm/manifest.ts + 1 modules
var manifest = __webpack_require__(3763);
// EXTERNAL MODULE: ./src/checks/workloads.ts
var workloads = __webpack_require__(2035);
// EXTERNAL MODULE: ./src/install/image-source.ts
var image_source = __webpack_require__(1858);
;// CONCATENATED MODULE: ./src/install/images.ts
// The images a kind cluster needs before `floe-helm test` installs anything: derived from the rendered
// manifests of every chart x scenario it will install (containers, initContainers and ephemeralContainers
// of Pods, workloads, Jobs, CronJobs and helm test pods), then sorted by where each one is: already in the
// node (nothing to do), in the local Docker daemon (`kind load docker-image`), or nowhere here (the node
// pulls it, or, with --image-pull never, an error naming it before any install). Pure: the calls that
// ask Docker and the node are in src/install/run.ts, their argv in src/cluster/kind/config.ts.


const CONTAINER_LISTS = ["initContainers", "containers", "ephemeralContainers"];
/** Every container image of the rendered objects, in document order (a container without one is left
 * out: the API server refuses it at install). */
function imageUses(objects, cell) {
    const out = [];
    for (const obj of objects) {
        const spec = (0,workloads/* podSpecPath */.s5)(obj);
        if (!spec)
            continue;
        for (const list of CONTAINER_LISTS) {
            for (const [i, c] of (0,workloads/* arr */.QL)((0,workloads/* get */.Jt)(obj.doc, [...spec, list])).entries()) {
                const image = (0,workloads/* str */.gx)((0,workloads/* get */.Jt)(c, ["image"]))?.trim();
                if (!image)
                    continue;
                out.push({
                    image,
                    ...cell,
                    object: `${obj.kind}/${obj.name}`,
                    container: (0,workloads/* str */.gx)((0,workloads/* get */.Jt)(c, ["name"])) ?? `#${i}`,
                    at: obj.locate([...spec, list, i, "image"]),
                });
            }
        }
    }
    return out;
}
/** The name containerd keeps for an image reference, as `ctr images list` prints it: the registry made
 * explicit (docker.io, with library/ for official images), `:latest` when neither tag nor digest is given,
 * and only the digest when both are (containerd stores `name@digest` then). */
function canonicalImage(ref) {
    const at = ref.indexOf("@");
    const digest = at >= 0 ? ref.slice(at + 1) : undefined;
    let name = at >= 0 ? ref.slice(0, at) : ref;
    let tag;
    const colon = name.lastIndexOf(":");
    if (colon > name.lastIndexOf("/")) {
        tag = name.slice(colon + 1);
        name = name.slice(0, colon);
    }
    const parts = name.split("/");
    const first = parts[0] ?? "";
    const hasDomain = parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost");
    if (!hasDomain)
        name = parts.length === 1 ? `docker.io/library/${name}` : `docker.io/${name}`;
    if (digest)
        return `${name}@${digest}`;
    return `${name}:${tag ?? "latest"}`;
}
/** The image names in a node's containerd, from `ctr --namespace=k8s.io images list --quiet` (the
 * `sha256:` entries are content ids, not names). */
function nodeImageNames(ctrListOutput) {
    return new Set(ctrListOutput
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("sha256:")));
}
/** Sorts the images (each once, in first-use order) by where they are. `nodes` holds each node's image
 * names (nodeImageNames); `local` the references the local Docker daemon has. */
function planImages(images, where, pull) {
    const plan = { inNode: [], load: [], pull: [], missing: [] };
    for (const image of [...new Set(images)]) {
        const name = canonicalImage(image);
        if (where.nodes.length > 0 && where.nodes.every((n) => n.has(name)))
            plan.inNode.push(image);
        else if (where.local.has(image))
            plan.load.push(image);
        else if (pull === "node")
            plan.pull.push(image);
        else
            plan.missing.push(image);
    }
    return plan;
}
/** "Deployment/x (container c), Job/y (container d)" for the uses of one image in one chart x scenario. */
function describeUses(uses) {
    return uses.map((u) => `${u.object} (container ${u.container})`).join(", ");
}

;// CONCATENATED MODULE: ./src/install/load-images.ts
// Before `floe-helm test` installs anything on a kind cluster: every image the rendered charts use is put
// where the node finds it (./images.ts decides; this file asks helm, Docker, the node and kind). An image
// that cannot be had is reported by name, with the objects that use it, and nothing is installed.









const IMAGES_RULE = "images";
/** Every cell's check skipped because images are missing from the kind cluster: nothing was installed. */
function skipForMissingImages(ctx, cells, what, rule) {
    for (const c of cells)
        ctx.check({
            id: `${what} ${c.scenario.chart.name}/${c.scenario.name} helm${c.helm}`,
            rule,
            state: "skip",
            reason: "images missing from the kind cluster (see images): nothing was installed",
        });
}
const lastLine = (s) => s.trim().split("\n").pop() ?? "";
/** Renders each chart x scenario once, collects its images and brings them into the kind nodes. Returns
 * false (with error findings) when an image is missing or cannot be loaded: no install may start then. */
async function prepareKindImages(ctx, cells, kind, source, opts) {
    const { pull } = source;
    const phase = cells.phase ?? "test";
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
        uses.push(...imageUses((0,manifest/* parseManifest */.Ng)(r.stdout, { chartDir: dir, cwd: opts.cwd }), {
            chart: s.chart.name,
            scenario: s.name,
        }));
    }
    const images = [...new Set(uses.map((u) => u.image))];
    if (!images.length)
        return true;
    const docker = (0,on_path/* resolveDocker */.vw)(opts.env.PATH);
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
            throw new errors/* ToolError */.v4(`cannot list the images of kind node ${node} (exit ${r.code}): ${lastLine(r.stderr)}; is the cluster of 'floe-helm cluster up' still running?`);
        nodeImages.push(nodeImageNames(r.stdout));
    }
    const local = new Set();
    const firstPlan = planImages(images, { nodes: nodeImages, local }, pull);
    for (const image of [...firstPlan.pull, ...firstPlan.missing]) {
        const r = await (0,runner/* runTool */.q)((0,config/* dockerImageInspectArgv */.eI)(docker, image), { ...opts, timeoutMs: 60_000 });
        if (r.code === 0)
            local.add(image);
    }
    // --image-cache: what the node would pull (or, offline, is missing) comes from the cache, else the runner's
    // Docker pulls it once and keeps it; then it is loaded like any local image.
    if (source.cache) {
        const cache = new image_cache.ImageCache(source.cache, () => docker, opts.workDir);
        for (const image of [...firstPlan.pull, ...firstPlan.missing]) {
            if (local.has(image))
                continue;
            if ((0,image_cache/* pinnedByDigest */.MC)(image)) {
                ctx.progress(`${phase}: images: ${image} is pinned by digest: not cached (kind load keeps tags, not registry digests)`);
                continue;
            }
            const got = await cache.bring(image, { pull: pull === "node", absent: true }, (l) => ctx.progress(`${phase}: ${l}`));
            if (got === image)
                local.add(image);
        }
    }
    const plan = planImages(images, { nodes: nodeImages, local }, pull);
    ctx.progress(`${phase}: images: ${images.length} used by the charts: ${plan.inNode.length} in the kind node, ${plan.load.length} to load from the local Docker daemon, ${plan.pull.length} left for the node to pull, ${plan.missing.length} missing`);
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
                message: `image ${image} is neither in the kind node nor in the local Docker daemon, and the node may not pull (--image-pull never): used by ${describeUses(list)}; build or pull it into Docker first`,
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
        ctx.progress(`${phase}: images: ${image} is not here: the kind node pulls it at install (--image-pull node)`);
    if (plan.load.length) {
        ctx.progress(`${phase}: images: kind load docker-image ${plan.load.join(" ")}`);
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


/***/ }),

/***/ 1086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NQ: () => (/* binding */ declaredNotRun),
/* harmony export */   qr: () => (/* binding */ recordNotRun),
/* harmony export */   xB: () => (/* binding */ NOT_RUN_RULE)
/* harmony export */ });
/* unused harmony exports enableArg, podsOnlyIn, notRunChecks */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _exec_runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7507);
/* harmony import */ var _helm_argv_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(956);
/* harmony import */ var _helm_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3763);
/* harmony import */ var _helm_output_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(583);
/* harmony import */ var _report_coverage_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3122);
/* harmony import */ var _report_test_pods_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1777);
// Components a scenario turns off because they cannot run where it runs (floe-gate.yaml
// `scenarios[].notRun`: kind-local has no Polaris and no Marquez, no registry reachable here serves them).
// floe-gate.yaml names only the component and why; the helm test pods it would bring, and so the requirement
// ids, come from the chart itself: the scenario rendered with `<component>.enabled=true` against its own
// render, each test pod only the first has is the component's. `floe-helm test` records each as a skipped
// helm-test check "not run here: <reason>" with the pod's floe.dev/covers, so the coverage matrix shows
// those requirements as not run here, never as passed and never silently missing.







const NOT_RUN_RULE = "not-run";
/** The `--set` that switches a component on for the comparison render. */
const enableArg = (component) => `${component}.enabled=true`;
/** The test pods of `on` (a render with the component switched on) that `base` (the scenario's own
 * render) lacks, by name, in `on`'s order. */
function podsOnlyIn(on, base) {
    const have = new Set(base.map((p) => p.name));
    return on.filter((p) => !have.has(p.name));
}
/** The skipped checks of one plan cell (`<chart>/<scenario> helm<N>`): one per pod a component would bring,
 * with the id a real run of that pod has, so the report lines up with a run where the component is on. */
function notRunChecks(entries, scenario, cell) {
    return entries.flatMap((e) => e.pods.map((p) => ({
        id: `${_report_test_pods_js__WEBPACK_IMPORTED_MODULE_5__/* .HELM_TEST_RULE */ .nL} ${p.name} ${cell}`,
        rule: _report_test_pods_js__WEBPACK_IMPORTED_MODULE_5__/* .HELM_TEST_RULE */ .nL,
        state: "skip",
        reason: `${_report_coverage_js__WEBPACK_IMPORTED_MODULE_4__/* .NOT_RUN_HERE */ .pd}: ${e.reason} (${e.component} is off in scenario ${scenario})`,
        ...(p.covers.length ? { covers: p.covers } : {}),
    })));
}
/** What floe-gate.yaml declares as not run for a planned scenario (none for scenarios it does not declare). */
function declaredNotRun(config, s, cwd) {
    const chart = config.charts.find((c) => node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, c.dir) === node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, s.chart.dir));
    return chart?.scenarios?.find((d) => d.name === s.name)?.notRun ?? [];
}
const key = (s) => `${s.chart.dir}\0${s.name}`;
/** Renders each scenario that declares components not run, once as it is and once per component switched
 * on, and records the not-run pods of every cell as skipped checks. A render that fails, or a component
 * whose switch brings no test pod (a stale declaration), is a finding. */
async function recordNotRun(ctx, a, opts) {
    const out = new Map();
    const scenarios = new Map(a.cells.map((c) => [key(c.scenario), c.scenario]));
    for (const s of scenarios.values()) {
        const declared = declaredNotRun(a.config, s, opts.cwd);
        const dir = a.chartDir.get(s.chart.dir);
        if (!declared.length || !dir)
            continue;
        const where = { chart: s.chart.name, scenario: s.name };
        const render = async (set) => {
            const r = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .runTool */ .q)((0,_helm_argv_js__WEBPACK_IMPORTED_MODULE_6__/* .helmTemplateArgv */ .fn)({
                ...a.helm,
                chartDir: dir,
                valuesFiles: s.valuesFiles.map((f) => node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(opts.cwd, f)),
                release: a.release,
                set,
            }), { ...opts, timeoutMs: 120_000 });
            if (r.code !== 0) {
                ctx.add({
                    rule: NOT_RUN_RULE,
                    severity: "error",
                    message: `helm template${set.length ? ` --set ${set.join(" --set ")}` : ""} failed, so the helm test pods of ${declared.map((d) => d.component).join(", ")} (not run in this scenario) are unknown: ${(0,_helm_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRenderError */ .GL)(r.stderr || r.stdout, dir, opts.cwd).message}`,
                    ...where,
                });
                return undefined;
            }
            return (0,_report_test_pods_js__WEBPACK_IMPORTED_MODULE_5__/* .testPods */ .Jw)((0,_helm_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)(r.stdout, { chartDir: dir, cwd: opts.cwd }));
        };
        const base = await render([]);
        if (!base)
            continue;
        const entries = [];
        for (const d of declared) {
            const on = await render([enableArg(d.component)]);
            if (!on)
                continue;
            const pods = podsOnlyIn(on, base);
            if (!pods.length)
                ctx.add({
                    rule: NOT_RUN_RULE,
                    severity: "warning",
                    message: `${a.config.file ?? "floe-gate.yaml"}: scenario ${s.name} declares ${d.component} not run, but ${enableArg(d.component)} adds no helm test pod (is it on in this scenario, or has no test pod?)`,
                    ...where,
                });
            entries.push({ ...d, pods });
        }
        out.set(key(s), entries);
    }
    for (const { scenario: s, helm } of a.cells)
        for (const c of notRunChecks(out.get(key(s)) ?? [], s.name, `${s.chart.name}/${s.name} helm${helm}`))
            ctx.check(c);
}


/***/ }),

/***/ 6750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LR: () => (/* binding */ prepareClusterPhase),
/* harmony export */   _c: () => (/* binding */ kindPathNote),
/* harmony export */   aC: () => (/* binding */ target),
/* harmony export */   bp: () => (/* binding */ connectCluster)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cluster_state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4299);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _helm_deps_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9264);
/* harmony import */ var _helm_env_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(367);
/* harmony import */ var _tools_pins_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9888);
/* harmony import */ var _tools_resolve_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5084);
/* harmony import */ var _load_images_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7152);
// What every phase that installs charts on the cluster of `cluster up` does before its first install
// (`floe-helm test`, `floe-helm e2e`): find the cluster (and say when it is not GitHub's kind path), resolve
// helm, kubectl and kind, give helm a HOME of its own, build each chart's dependencies once, and on kind bring
// every image the scenarios use into the node. One function, so the phases cannot drift apart.








/** The kubeconfig to use, whether its cluster is kwok's simulated kubelet, and the kind cluster of
 * `cluster up` when that is the one used. */
async function target(inputs) {
    const state = await (0,_cluster_state_js__WEBPACK_IMPORTED_MODULE_1__/* .readState */ .un)(inputs.workDir, inputs.cluster);
    const kubeconfig = inputs.kubeconfig ?? state?.kubeconfig;
    if (!kubeconfig) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`no cluster: run 'floe-helm cluster up --provider ${inputs.cluster}' with the same --work-dir first, or pass --kubeconfig`);
    }
    const ours = state !== undefined && node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(state.kubeconfig) === node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(kubeconfig);
    const simulated = ours && state.provider === "kwok";
    const kind = ours && state.provider === "kind" && state.extra?.name
        ? {
            name: state.extra.name,
            ...(state.extra.dockerShim ? { dockerShim: state.extra.dockerShim } : {}),
            ...(state.extra.image ? { nodeImage: state.extra.image } : {}),
        }
        : undefined;
    return { kubeconfig, simulated, ...(kind ? { kind } : {}) };
}
/** The path GitHub's runners take (kind on the pinned kindest/node, the charts' upstream images pulled by the
 * node) is a different cluster from a kind run on a node image built elsewhere, or with images loaded from
 * local Docker only: such a run proves the charts, not that path. Said as the phase's `not-verified` output,
 * which the coverage matrix prints, so a reader never takes one for the other. */
function kindPathNote(ctx, kind, pull) {
    if (!kind)
        return;
    const otherNode = kind.nodeImage !== undefined && kind.nodeImage !== _tools_pins_js__WEBPACK_IMPORTED_MODULE_5__/* .pins */ .h.kindNodeImage;
    if (!otherNode && pull !== "never")
        return;
    const ran = [
        ...(otherNode ? [`node image ${kind.nodeImage}`] : []),
        ...(pull === "never" ? ["images from local Docker only, never pulled"] : []),
    ];
    ctx.output("not-verified", `GitHub's kind path (node image ${_tools_pins_js__WEBPACK_IMPORTED_MODULE_5__/* .pins */ .h.kindNodeImage}, the charts' upstream images pulled by the node): this run used ${ran.join(", ")}`);
}
/** The cluster of `cluster up` (or --kubeconfig), said when it is not GitHub's kind path; helm of every
 * major, kubectl and (on kind) kind; helm's HOME under the work dir (`<phase>-helm-home`). */
async function connectCluster(ctx, inputs, o) {
    const { kubeconfig, simulated, kind } = await target(inputs);
    kindPathNote(ctx, kind, o.images?.pull ?? "node");
    const tools = await (0,_tools_resolve_js__WEBPACK_IMPORTED_MODULE_6__.resolveTools)(inputs, [
        ...o.helmMajors.map((m) => `helm${m}`),
        "kubectl",
        ...(kind ? ["kind"] : []),
    ]);
    return {
        kubeconfig,
        simulated,
        ...(kind ? { kind } : {}),
        tools,
        // helm keeps its repository config and cache under HOME: one per run, so nothing on the runner leaks in.
        env: (0,_helm_env_js__WEBPACK_IMPORTED_MODULE_4__/* .isolatedHelmEnv */ .r)(inputs.workDir, `${o.phase}-helm-home`),
        bin: (m) => tools[`helm${m}`],
    };
}
async function prepareClusterPhase(ctx, inputs, o) {
    const { cwd } = o;
    const conn = await connectCluster(ctx, inputs, o);
    const { kind, tools, env, bin } = conn;
    const first = o.helmMajors[0];
    const chartDir = new Map();
    for (const info of o.charts) {
        if (chartDir.has(info.dir))
            continue;
        const abs = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, info.dir);
        const prep = await (0,_helm_deps_js__WEBPACK_IMPORTED_MODULE_3__/* .prepareDependencies */ .d)(abs, cwd, { bin: bin(first), major: first }, inputs.workDir);
        chartDir.set(info.dir, prep.dirAbs);
        for (const p of prep.problems)
            ctx.add({ rule: "dependency", severity: "error", message: p.message, ...p.at, chart: info.name });
    }
    const setup = { ...conn, chartDir, imagesReady: true };
    await o.beforeImages?.(setup);
    // kind: every image the charts use is in the node (or loaded into it) before the first install; one
    // that cannot be had is an error naming it, and nothing is installed.
    if (kind) {
        const scenarios = [...new Map(o.scenarios.map((x) => [`${x.chart.dir}\0${x.name}`, x])).values()];
        setup.imagesReady = await (0,_load_images_js__WEBPACK_IMPORTED_MODULE_7__/* .prepareKindImages */ .O8)(ctx, { scenarios, chartDir, helm: { bin: bin(first), major: first }, release: o.release, phase: o.phase }, { ...kind, bin: tools.kind }, o.images ?? { pull: "node" }, { env, cwd, workDir: inputs.workDir });
    }
    return setup;
}


/***/ })

};
