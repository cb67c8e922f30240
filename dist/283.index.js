export const id = 283;
export const ids = [283];
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


/***/ })

};
