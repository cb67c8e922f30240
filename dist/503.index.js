export const id = 503;
export const ids = [503,283];
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

/***/ 3206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ak: () => (/* binding */ waitCrdsArgv),
/* harmony export */   IZ: () => (/* binding */ crdNames),
/* harmony export */   K9: () => (/* binding */ waitControllerArgv),
/* harmony export */   Lj: () => (/* binding */ applyCrdsArgv),
/* harmony export */   S0: () => (/* binding */ crdsFromImageArgv),
/* harmony export */   TQ: () => (/* binding */ ESO_CRDS_DIR),
/* harmony export */   ZT: () => (/* binding */ ESO_CRDS),
/* harmony export */   c$: () => (/* binding */ ESO_NAME),
/* harmony export */   cs: () => (/* binding */ ESO_NAMESPACE),
/* harmony export */   yR: () => (/* binding */ externalSecretsManifest)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6577);
// `cluster up --provider kind --external-secrets`: the External Secrets Operator's controller in its own
// namespace (external-secrets, Pod Security Standard "restricted" enforced), so the platform's ExternalSecrets
// (charts/floe-platform externalSecrets.enabled) are synced into the Secrets its workloads read (the E2E phase's
// GAP-006 check proves it). The objects are those of ESO v0.16.2's own Helm chart (deploy/charts/external-secrets:
// the controller's ClusterRole, its binding, the Deployment with the chart's security context) for the three
// kinds the controller reconciles (SecretStore, ClusterSecretStore, ExternalSecret): no webhook, no cert
// controller, no leader election (one replica). The CustomResourceDefinitions are the module's own
// (config/crds/bases), which the image built here carries in /crds (scripts/images.sh external-secrets).

/** The default image: the one scripts/images.sh builds (ESO v0.16.2 with the fake provider, its CRDs in
 * /crds); upstream's image carries no CRDs. */

const ESO_NAMESPACE = "external-secrets";
const ESO_NAME = "external-secrets";
/** Where floe.local/external-secrets keeps the module's CRD files. */
const ESO_CRDS_DIR = "/crds";
/** The CRDs the controller needs (one per kind it reconciles). */
const ESO_CRDS = [
    "externalsecrets.external-secrets.io",
    "secretstores.external-secrets.io",
    "clustersecretstores.external-secrets.io",
];
/** The controller's objects (pure), as one multi-document YAML for `kubectl apply -f -`. */
function externalSecretsManifest(image, pullPolicy = "IfNotPresent") {
    const labels = { "app.kubernetes.io/name": ESO_NAME, "app.kubernetes.io/managed-by": "floe-helm" };
    const ns = ESO_NAMESPACE;
    const rule = (apiGroups, resources, verbs) => ({
        apiGroups,
        resources,
        verbs,
    });
    const objects = [
        {
            apiVersion: "v1",
            kind: "Namespace",
            metadata: {
                name: ns,
                labels: {
                    ...labels,
                    "pod-security.kubernetes.io/enforce": "restricted",
                    "pod-security.kubernetes.io/audit": "restricted",
                    "pod-security.kubernetes.io/warn": "restricted",
                },
            },
        },
        { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: ESO_NAME, namespace: ns, labels } },
        {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "ClusterRole",
            metadata: { name: `${ESO_NAME}-controller`, labels },
            // The upstream chart's controller rules for these three kinds (no push secrets, no cluster external
            // secrets, no generators).
            rules: [
                rule(["external-secrets.io"], ["secretstores", "clustersecretstores", "externalsecrets"], ["get", "list", "watch"]),
                rule(["external-secrets.io"], [
                    "externalsecrets",
                    "externalsecrets/status",
                    "secretstores",
                    "secretstores/status",
                    "clustersecretstores",
                    "clustersecretstores/status",
                ], ["get", "update", "patch"]),
                rule([""], ["serviceaccounts", "namespaces", "configmaps"], ["get", "list", "watch"]),
                rule([""], ["secrets"], ["get", "list", "watch", "create", "update", "delete", "patch"]),
                rule([""], ["serviceaccounts/token"], ["create"]),
                rule([""], ["events"], ["create", "patch"]),
            ],
        },
        {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "ClusterRoleBinding",
            metadata: { name: `${ESO_NAME}-controller`, labels },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: `${ESO_NAME}-controller` },
            subjects: [{ kind: "ServiceAccount", name: ESO_NAME, namespace: ns }],
        },
        {
            apiVersion: "apps/v1",
            kind: "Deployment",
            metadata: { name: ESO_NAME, namespace: ns, labels },
            spec: {
                replicas: 1,
                selector: { matchLabels: { "app.kubernetes.io/name": ESO_NAME } },
                template: {
                    metadata: { labels },
                    spec: {
                        serviceAccountName: ESO_NAME,
                        automountServiceAccountToken: true,
                        securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
                        containers: [
                            {
                                name: ESO_NAME,
                                image,
                                imagePullPolicy: pullPolicy,
                                args: ["--concurrent=1", "--loglevel=info", "--metrics-addr=:8080", "--healthz-addr=:8081"],
                                ports: [
                                    { name: "metrics", containerPort: 8080, protocol: "TCP" },
                                    { name: "healthz", containerPort: 8081, protocol: "TCP" },
                                ],
                                readinessProbe: { httpGet: { path: "/readyz", port: "healthz" }, periodSeconds: 5 },
                                livenessProbe: { httpGet: { path: "/healthz", port: "healthz" }, periodSeconds: 10 },
                                resources: { requests: { cpu: "10m", memory: "64Mi" }, limits: { memory: "256Mi" } },
                                // The upstream chart's securityContext (values.yaml), which the restricted standard admits.
                                securityContext: {
                                    allowPrivilegeEscalation: false,
                                    capabilities: { drop: ["ALL"] },
                                    readOnlyRootFilesystem: true,
                                    runAsNonRoot: true,
                                    runAsUser: 1000,
                                    seccompProfile: { type: "RuntimeDefault" },
                                },
                            },
                        ],
                    },
                },
            },
        },
    ];
    return objects.map((o) => `---\n${(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(o)}`).join("");
}
/** The CRD files of an image's /crds, as one multi-document YAML on stdout (pure): `docker run` of the image
 * with a shell listing them (no network, removed afterwards). */
function crdsFromImageArgv(docker, image) {
    return [
        docker,
        "run",
        "--rm",
        "--network",
        "none",
        "--entrypoint",
        "/bin/sh",
        image,
        "-c",
        `set -e; ls ${ESO_CRDS_DIR}/*.yaml >/dev/null; for f in ${ESO_CRDS_DIR}/*.yaml; do echo ---; cat "$f"; done`,
    ];
}
/** The names of the CustomResourceDefinitions in a multi-document YAML (pure): what `crdsFromImageArgv`
 * printed, checked before it is applied. */
function crdNames(yamlText) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(yamlText)
        .map((d) => d.toJS())
        .filter((o) => o?.kind === "CustomResourceDefinition" && o.metadata?.name)
        .map((o) => o.metadata.name);
}
/** `kubectl apply --server-side` of CRDs from stdin (pure): SecretStore's CRD (500 kB) is larger than the
 * annotation a client-side apply keeps. */
function applyCrdsArgv(kubectl, kubeconfig) {
    return [kubectl, "--kubeconfig", kubeconfig, "apply", "--server-side", "--force-conflicts", "-f", "-"];
}
/** `kubectl wait` until the CRDs are established, then until the controller is available (pure). */
function waitCrdsArgv(kubectl, kubeconfig, seconds) {
    return [
        kubectl,
        "--kubeconfig",
        kubeconfig,
        "wait",
        "--for=condition=Established",
        ...ESO_CRDS.map((c) => `crd/${c}`),
        `--timeout=${seconds}s`,
    ];
}
function waitControllerArgv(kubectl, kubeconfig, seconds) {
    return [
        kubectl,
        "--kubeconfig",
        kubeconfig,
        "--namespace",
        ESO_NAMESPACE,
        "wait",
        "--for=condition=Available",
        `deployment/${ESO_NAME}`,
        `--timeout=${seconds}s`,
    ];
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

/***/ 3503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  provider: () => (/* binding */ provider)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/cluster/existing.ts
// An existing cluster: nothing to start or stop, only a kubeconfig to hand on.



class ExistingProvider {
    name = "existing";
    async up(opts) {
        if (!opts.kubeconfig)
            throw new errors/* UserError */.yo("cluster 'existing' needs --kubeconfig PATH (or FLOE_HELM_KUBECONFIG)");
        const kubeconfig = external_node_path_default().resolve(opts.kubeconfig);
        try {
            await (0,promises_.access)(kubeconfig);
        }
        catch {
            throw new errors/* UserError */.yo(`kubeconfig not found: ${kubeconfig}`);
        }
        return { provider: "existing", kubeconfig, server: "" };
    }
    async down() { }
}

// EXTERNAL MODULE: ./src/exec/runner.ts
var runner = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/tools/pins.ts
var pins = __webpack_require__(9888);
// EXTERNAL MODULE: ./src/cluster/state.ts
var cluster_state = __webpack_require__(4299);
// EXTERNAL MODULE: ./src/cluster/kind/config.ts
var kind_config = __webpack_require__(8231);
// EXTERNAL MODULE: ./src/cluster/kind/external-secrets.ts
var external_secrets = __webpack_require__(3206);
;// CONCATENATED MODULE: ./src/cluster/kind/host.ts
// What the Docker host of a kind cluster can do, found out by asking it, never assumed: its cgroup version
// (kubelet >= 1.35 needs `failCgroupV1: false` on v1) and whether `docker run --privileged` works (it does
// not on a VM whose capability bounding set lacks CAP_SYS_RESOURCE: then kind gets the docker shim).

/** The runc error of a privileged container on a host that cannot grant every capability. */
const PRIVILEGED_CAPS_ERROR = /unable to apply caps|apply caps: operation not permitted/;
async function probeDockerHost(docker, image) {
    const info = await (0,runner/* runTool */.q)([docker, "info", "--format", "{{.CgroupVersion}}"], { timeoutMs: 30_000 });
    const cgroupVersion = info.code === 0 ? info.stdout.trim() || undefined : undefined;
    if (!cgroupVersion)
        return { cgroupVersion, privilegedError: undefined };
    // Only with an image that is already here: a pull belongs to kind (which pulls the pinned image itself).
    const local = await (0,runner/* runTool */.q)([docker, "image", "inspect", "--format", "{{.Id}}", image], {
        timeoutMs: 30_000,
    });
    if (local.code !== 0)
        return { cgroupVersion, privilegedError: undefined };
    const run = await (0,runner/* runTool */.q)([docker, "run", "--rm", "--privileged", "--network=none", "--entrypoint", "/bin/true", image], { timeoutMs: 60_000 });
    const text = `${run.stderr}${run.stdout}`.trim();
    return {
        cgroupVersion,
        privilegedError: run.code !== 0
            ? text
                .split("\n")
                .find((l) => PRIVILEGED_CAPS_ERROR.test(l))
                ?.trim()
            : undefined,
    };
}

// EXTERNAL MODULE: ./src/cluster/kind/image-cache.ts
var image_cache = __webpack_require__(5283);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/cluster/kind/metrics-server.ts
// `cluster up --provider kind --metrics-server`: metrics-server v0.8.0 in kube-system, so HorizontalPodAutoscalers
// can read CPU (the E2E phase's GAP-004 check scales one). The objects are metrics-server's own
// (manifests/base of its v0.8.0 module: RBAC, Service, Deployment, APIService) plus kind's one change: the
// kubelets' serving certificates are self-signed there, so it is told --kubelet-insecure-tls. The image is the
// pinned upstream one, or one built here (scripts/images.sh metrics-server) that is loaded into the nodes.

const METRICS_API = "v1beta1.metrics.k8s.io";
const NS = "kube-system";
const NAME = "metrics-server";
/** The objects of metrics-server (pure), as one multi-document YAML for `kubectl apply -f -`. */
function metricsServerManifest(image, pullPolicy = "IfNotPresent") {
    const sa = { kind: "ServiceAccount", name: NAME, namespace: NS };
    const labels = { "k8s-app": NAME };
    const objects = [
        { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: NAME, namespace: NS, labels } },
        {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "ClusterRole",
            metadata: {
                name: "system:aggregated-metrics-reader",
                labels: {
                    ...labels,
                    "rbac.authorization.k8s.io/aggregate-to-view": "true",
                    "rbac.authorization.k8s.io/aggregate-to-edit": "true",
                    "rbac.authorization.k8s.io/aggregate-to-admin": "true",
                },
            },
            rules: [
                { apiGroups: ["metrics.k8s.io"], resources: ["pods", "nodes"], verbs: ["get", "list", "watch"] },
            ],
        },
        {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "ClusterRole",
            metadata: { name: "system:metrics-server", labels },
            rules: [
                { apiGroups: [""], resources: ["nodes/metrics"], verbs: ["get"] },
                { apiGroups: [""], resources: ["pods", "nodes"], verbs: ["get", "list", "watch"] },
            ],
        },
        {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "RoleBinding",
            metadata: { name: "metrics-server-auth-reader", namespace: NS, labels },
            roleRef: {
                apiGroup: "rbac.authorization.k8s.io",
                kind: "Role",
                name: "extension-apiserver-authentication-reader",
            },
            subjects: [sa],
        },
        {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "ClusterRoleBinding",
            metadata: { name: "metrics-server:system:auth-delegator", labels },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "system:auth-delegator" },
            subjects: [sa],
        },
        {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "ClusterRoleBinding",
            metadata: { name: "system:metrics-server", labels },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "system:metrics-server" },
            subjects: [sa],
        },
        {
            apiVersion: "v1",
            kind: "Service",
            metadata: { name: NAME, namespace: NS, labels },
            spec: {
                selector: labels,
                ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: "https", appProtocol: "https" }],
            },
        },
        {
            apiVersion: "apps/v1",
            kind: "Deployment",
            metadata: { name: NAME, namespace: NS, labels },
            spec: {
                selector: { matchLabels: labels },
                strategy: { rollingUpdate: { maxUnavailable: 0 } },
                template: {
                    metadata: { labels },
                    spec: {
                        serviceAccountName: NAME,
                        priorityClassName: "system-cluster-critical",
                        nodeSelector: { "kubernetes.io/os": "linux" },
                        volumes: [{ name: "tmp-dir", emptyDir: {} }],
                        containers: [
                            {
                                name: NAME,
                                image,
                                imagePullPolicy: pullPolicy,
                                args: [
                                    "--cert-dir=/tmp",
                                    "--secure-port=10250",
                                    "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
                                    "--kubelet-use-node-status-port",
                                    "--metric-resolution=15s",
                                    // kind's kubelets serve self-signed certificates.
                                    "--kubelet-insecure-tls",
                                ],
                                ports: [{ name: "https", containerPort: 10250, protocol: "TCP" }],
                                resources: { requests: { cpu: "100m", memory: "200Mi" } },
                                readinessProbe: {
                                    httpGet: { path: "/readyz", port: "https", scheme: "HTTPS" },
                                    periodSeconds: 10,
                                    failureThreshold: 3,
                                    initialDelaySeconds: 20,
                                },
                                livenessProbe: {
                                    httpGet: { path: "/livez", port: "https", scheme: "HTTPS" },
                                    periodSeconds: 10,
                                    failureThreshold: 3,
                                },
                                securityContext: {
                                    readOnlyRootFilesystem: true,
                                    runAsNonRoot: true,
                                    runAsUser: 1000,
                                    allowPrivilegeEscalation: false,
                                    seccompProfile: { type: "RuntimeDefault" },
                                    capabilities: { drop: ["ALL"] },
                                },
                                volumeMounts: [{ name: "tmp-dir", mountPath: "/tmp" }],
                            },
                        ],
                    },
                },
            },
        },
        {
            apiVersion: "apiregistration.k8s.io/v1",
            kind: "APIService",
            metadata: { name: METRICS_API, labels },
            spec: {
                service: { name: NAME, namespace: NS },
                group: "metrics.k8s.io",
                version: "v1beta1",
                insecureSkipTLSVerify: true,
                groupPriorityMinimum: 100,
                versionPriority: 100,
            },
        },
    ];
    return objects.map((o) => `---\n${(0,dist/* stringify */.As)(o)}`).join("");
}
/** `kubectl apply` of the manifest from stdin (pure). */
function applyArgv(kubectl, kubeconfig) {
    return [kubectl, "--kubeconfig", kubeconfig, "apply", "-f", "-"];
}
/** `kubectl wait` until the metrics API is served (its APIService Available) (pure). */
function waitMetricsApiArgv(kubectl, kubeconfig, seconds) {
    return [
        kubectl,
        "--kubeconfig",
        kubeconfig,
        "wait",
        "--for=condition=Available",
        `apiservice/${METRICS_API}`,
        `--timeout=${seconds}s`,
    ];
}

;// CONCATENATED MODULE: ./src/cluster/kind/provider.ts
// The kind provider: a real cluster in Docker. On GitHub's hosted runners it uses the pinned kindest/node
// image; `--node-image` (FLOE_HELM_KIND_NODE_IMAGE) names another, e.g. floe.local/kind-node built offline by
// scripts/kind-node.sh. What the Docker host needs is probed, not assumed (./host.ts): on cgroup v1 the kubelet
// is told `failCgroupV1: false`; where `docker run --privileged` fails, kind runs with a docker shim first on
// its PATH (./config.ts dockerShim). `up` is idempotent: a healthy cluster left from an earlier run is reused,
// an unhealthy one deleted and recreated. When `up` fails, kind's output and `kind export logs` stay in the
// work dir.











const WAIT_SECONDS = 180;
const METRICS_WAIT_SECONDS = 180;
const ESO_WAIT_SECONDS = 180;
/** kind's own `ERROR:` line when it printed one (the docker output it quotes follows it), else its last line. */
function kindError(stderr) {
    const lines = stderr.trim().split("\n");
    return (lines.find((l) => l.startsWith("ERROR: ")) ?? lines.pop() ?? "").trim();
}
class KindProvider {
    name = "kind";
    async up(opts) {
        // kind drives Docker: without it nothing below can work, so that is said first.
        const docker = opts.docker();
        const kind = await opts.tool("kind");
        const name = opts.kindCluster ?? kind_config/* KIND_CLUSTER_NAME */.aC;
        const pinned = opts.nodeImage ?? pins/* pins */.h.kindNodeImage;
        const dir = (0,cluster_state/* clusterDir */._O)(opts.workDir, "kind");
        await (0,promises_.mkdir)(dir, { recursive: true });
        // With an image cache the runner's Docker pulls the node image (and keeps it) instead of kind; restored
        // from the cache, an image pinned by digest is known by its id (a load keeps no registry digest).
        const cache = opts.imageCache ? new image_cache.ImageCache(opts.imageCache, () => docker, opts.workDir) : undefined;
        const image = (await cache?.bring(pinned, { pull: true }, (l) => opts.log(`kind: ${l}`))) ?? pinned;
        const kubeconfig = external_node_path_default().resolve(opts.kubeconfig ?? external_node_path_default().join(dir, "kubeconfig"));
        let shimDir;
        const host = await probeDockerHost(docker, image);
        const env = { ...process.env };
        if (host.privilegedError) {
            shimDir = external_node_path_default().join(dir, "docker-shim");
            await (0,promises_.mkdir)(shimDir, { recursive: true });
            await (0,promises_.writeFile)(external_node_path_default().join(shimDir, "docker"), (0,kind_config/* dockerShim */.uA)(docker));
            await (0,promises_.chmod)(external_node_path_default().join(shimDir, "docker"), 0o755);
            env.PATH = `${shimDir}${(external_node_path_default()).delimiter}${process.env.PATH ?? ""}`;
            opts.log(`kind: 'docker run --privileged' fails on this host (${host.privilegedError}): kind runs with a docker shim that grants every other capability instead (${external_node_path_default().join(shimDir, "docker")})`);
        }
        if (host.cgroupVersion === "1")
            opts.log("kind: the Docker host uses cgroup v1: kubelet gets failCgroupV1: false");
        const config = external_node_path_default().join(dir, "kind.yaml");
        await (0,promises_.writeFile)(config, (0,kind_config/* kindConfig */.po)({ cgroupV1: host.cgroupVersion === "1" }));
        const info = { provider: "kind", kubeconfig, server: "" };
        const record = () => (0,cluster_state/* writeState */.Jq)(opts.workDir, {
            provider: "kind",
            dir,
            kubeconfig,
            server: "",
            processes: [],
            // The shim's folder, for later kind calls of this cluster (`floe-helm test`'s kind load).
            extra: { name, image: pinned, ...(shimDir ? { dockerShim: shimDir } : {}) },
        });
        // A cluster of this name left over from an earlier run (e.g. a crashed job): reuse it when it answers,
        // else delete it so the create below starts clean.
        const existing = await (0,runner/* runTool */.q)((0,kind_config/* kindGetClustersArgv */.CK)(kind), { env, timeoutMs: 60_000 });
        if (existing.code === 0 && existing.stdout.split("\n").some((l) => l.trim() === name)) {
            if (await this.healthy(kind, name, kubeconfig, opts, env)) {
                opts.log(`kind: cluster ${name} from an earlier run answers: reusing it`);
                await record();
                await this.addons(opts, { kind, name, kubeconfig, env });
                return info;
            }
            opts.log(`kind: cluster ${name} from an earlier run does not answer: deleting and recreating it`);
            const del = await (0,runner/* runTool */.q)((0,kind_config/* kindDeleteArgv */.Ec)(kind, { name, kubeconfig }), { env, timeoutMs: 120_000 });
            if (del.code !== 0)
                throw new errors/* ToolError */.v4(`kind delete cluster (left-over ${name}) failed (exit ${del.code}): ${del.stderr.trim()}`);
        }
        const r = await (0,runner/* runTool */.q)((0,kind_config/* kindCreateArgv */.h8)(kind, { name, image, config, kubeconfig, waitSeconds: WAIT_SECONDS }), { env, onStderr: (c) => opts.log(c.trimEnd()) });
        if (r.code !== 0) {
            // kind's whole output and its logs of the node (journal, containerd, kubelet, pods) stay in the work dir.
            const out = external_node_path_default().join(dir, "kind-create.log");
            await (0,promises_.writeFile)(out, `$ ${r.argv.join(" ")}\n${r.stdout}${r.stderr}`);
            const logs = external_node_path_default().join(dir, "kind-logs");
            const ex = await (0,runner/* runTool */.q)((0,kind_config/* kindExportLogsArgv */.Gg)(kind, { name, dir: logs }), { env, timeoutMs: 180_000 });
            await (0,runner/* runTool */.q)((0,kind_config/* kindDeleteArgv */.Ec)(kind, { name, kubeconfig }), { env, timeoutMs: 120_000 });
            // `kind export logs` exits non-zero when one of its collectors fails (e.g. a node image without
            // crictl) after writing the others: what it wrote is kept and named, and so is what it said.
            const wrote = await (0,promises_.readdir)(logs).then((l) => l.length > 0, () => false);
            const exErr = kindError(ex.stderr);
            const kept = ex.code === 0
                ? `${out}, ${logs}`
                : wrote
                    ? `${out}, ${logs} (kind export logs incomplete: ${exErr})`
                    : `${out} (kind export logs failed: ${exErr})`;
            throw new errors/* ToolError */.v4(`kind create cluster failed (exit ${r.code}): ${kindError(r.stderr)} (kept: ${kept})`);
        }
        await record();
        await this.addons(opts, { kind, name, kubeconfig, env });
        return info;
    }
    /** What `up` adds to the cluster when asked: metrics-server (--metrics-server), the External Secrets
     * Operator (--external-secrets). */
    async addons(opts, k) {
        if (opts.metricsServer)
            await this.metricsServer(opts, opts.metricsServer.image, k);
        if (opts.externalSecrets)
            await this.externalSecrets(opts, opts.externalSecrets.image, k);
    }
    /** An image in the local Docker (built here: scripts/images.sh) goes into the nodes (true); any other is
     * pulled by them (false). */
    async loadLocal(opts, image, what, k) {
        const cache = opts.imageCache ? new image_cache.ImageCache(opts.imageCache, opts.docker, opts.workDir) : undefined;
        const local = cache
            ? // a digest reference restored from the cache has no name kind load could keep: pulled by the node
                (await cache.bring(image, { pull: true }, (l) => opts.log(`kind: ${l}`))) === image
            : (await (0,runner/* runTool */.q)((0,kind_config/* dockerImageInspectArgv */.eI)(opts.docker(), image), { timeoutMs: 30_000 })).code === 0;
        if (!local)
            return false;
        opts.log(`kind: loading ${image} into the nodes (${what})`);
        const load = await (0,runner/* runTool */.q)((0,kind_config/* kindLoadArgv */.fh)(k.kind, { name: k.name, images: [image] }), {
            env: k.env,
            timeoutMs: 300_000,
        });
        if (load.code !== 0)
            throw new errors/* ToolError */.v4(`kind load docker-image ${image} failed (exit ${load.code}): ${kindError(load.stderr)}`);
        return true;
    }
    async logTail(kubectl, kubeconfig, namespace, deployment) {
        const logs = await (0,runner/* runTool */.q)([
            kubectl,
            "--kubeconfig",
            kubeconfig,
            "--namespace",
            namespace,
            "logs",
            `deployment/${deployment}`,
            "--tail",
            "20",
        ], { timeoutMs: 60_000 });
        return (logs.stdout + logs.stderr).trim().split("\n").slice(-10).join(" | ") || "(none)";
    }
    async metricsServer(opts, image, k) {
        const kubectl = await opts.tool("kubectl");
        const local = await this.loadLocal(opts, image, "metrics-server", k);
        opts.log(`kind: metrics-server (${image}) into kube-system; waiting for the metrics API ${METRICS_API}`);
        const apply = await (0,runner/* runTool */.q)(applyArgv(kubectl, k.kubeconfig), {
            input: metricsServerManifest(image, local ? "Never" : "IfNotPresent"),
            timeoutMs: 120_000,
        });
        if (apply.code !== 0)
            throw new errors/* ToolError */.v4(`kubectl apply of metrics-server failed (exit ${apply.code}): ${apply.stderr.trim()}`);
        const wait = await (0,runner/* runTool */.q)(waitMetricsApiArgv(kubectl, k.kubeconfig, METRICS_WAIT_SECONDS), {
            timeoutMs: (METRICS_WAIT_SECONDS + 30) * 1000,
        });
        if (wait.code !== 0)
            throw new errors/* ToolError */.v4(`metrics-server did not serve ${METRICS_API} within ${METRICS_WAIT_SECONDS} s: ${wait.stderr.trim() || wait.stdout.trim()}; its log: ${await this.logTail(kubectl, k.kubeconfig, "kube-system", "metrics-server")}`);
        opts.log(`kind: the metrics API ${METRICS_API} is served`);
    }
    /** ESO's CRDs (from the image's /crds: the module's own files), then its controller, waited for. */
    async externalSecrets(opts, image, k) {
        const kubectl = await opts.tool("kubectl");
        const t0 = Date.now();
        const local = await this.loadLocal(opts, image, "External Secrets Operator", k);
        if (!local)
            throw new errors/* UserError */.yo(`--external-secrets-image ${image} is not in the local Docker: its CustomResourceDefinitions are read from the image's ${external_secrets/* ESO_CRDS_DIR */.TQ} (scripts/images.sh external-secrets builds floe.local/external-secrets with them)`);
        const crds = await (0,runner/* runTool */.q)((0,external_secrets/* crdsFromImageArgv */.S0)(opts.docker(), image), { timeoutMs: 120_000 });
        const names = crds.code === 0 ? (0,external_secrets/* crdNames */.IZ)(crds.stdout) : [];
        const missing = external_secrets/* ESO_CRDS */.ZT.filter((c) => !names.includes(c));
        if (missing.length)
            throw new errors/* UserError */.yo(`the External Secrets Operator image ${image} does not carry the CustomResourceDefinitions ${missing.join(", ")} in ${external_secrets/* ESO_CRDS_DIR */.TQ} (found: ${names.join(", ") || crds.stderr.trim() || "none"}); build it with scripts/images.sh external-secrets`);
        opts.log(`kind: the External Secrets Operator's CRDs (${names.join(", ")}) from ${image}:${external_secrets/* ESO_CRDS_DIR */.TQ}`);
        const applied = await (0,runner/* runTool */.q)((0,external_secrets/* applyCrdsArgv */.Lj)(kubectl, k.kubeconfig), {
            input: crds.stdout,
            timeoutMs: 120_000,
        });
        if (applied.code !== 0)
            throw new errors/* ToolError */.v4(`kubectl apply of ESO's CRDs failed (exit ${applied.code}): ${applied.stderr.trim()}`);
        const est = await (0,runner/* runTool */.q)((0,external_secrets/* waitCrdsArgv */.Ak)(kubectl, k.kubeconfig, 60), { timeoutMs: 90_000 });
        if (est.code !== 0)
            throw new errors/* ToolError */.v4(`ESO's CRDs were not established within 60 s: ${est.stderr.trim() || est.stdout.trim()}`);
        opts.log(`kind: the External Secrets Operator (${image}) into ${external_secrets/* ESO_NAMESPACE */.cs}; waiting for its controller`);
        const apply = await (0,runner/* runTool */.q)(applyArgv(kubectl, k.kubeconfig), {
            input: (0,external_secrets/* externalSecretsManifest */.yR)(image, local ? "Never" : "IfNotPresent"),
            timeoutMs: 120_000,
        });
        if (apply.code !== 0)
            throw new errors/* ToolError */.v4(`kubectl apply of the External Secrets Operator failed (exit ${apply.code}): ${apply.stderr.trim()}`);
        const wait = await (0,runner/* runTool */.q)((0,external_secrets/* waitControllerArgv */.K9)(kubectl, k.kubeconfig, ESO_WAIT_SECONDS), {
            timeoutMs: (ESO_WAIT_SECONDS + 30) * 1000,
        });
        if (wait.code !== 0)
            throw new errors/* ToolError */.v4(`the External Secrets Operator (deployment/${external_secrets/* ESO_NAME */.c$} in ${external_secrets/* ESO_NAMESPACE */.cs}) was not available within ${ESO_WAIT_SECONDS} s: ${wait.stderr.trim() || wait.stdout.trim()}; its log: ${await this.logTail(kubectl, k.kubeconfig, external_secrets/* ESO_NAMESPACE */.cs, external_secrets/* ESO_NAME */.c$)}`);
        opts.log(`kind: the External Secrets Operator runs (deployment/${external_secrets/* ESO_NAME */.c$} in ${external_secrets/* ESO_NAMESPACE */.cs}; ${Math.round((Date.now() - t0) / 1000)} s with its image load and CRDs)`);
    }
    /** The left-over cluster's node answers: its kubeconfig exported again and its API server ready. */
    async healthy(kind, name, kubeconfig, opts, env) {
        const exp = await (0,runner/* runTool */.q)((0,kind_config/* kindExportKubeconfigArgv */.gz)(kind, { name, kubeconfig }), {
            env,
            timeoutMs: 60_000,
        });
        if (exp.code !== 0)
            return false;
        const kubectl = await opts.tool("kubectl");
        const ready = await (0,runner/* runTool */.q)([kubectl, "--kubeconfig", kubeconfig, "get", "--raw", "/readyz"], {
            timeoutMs: 30_000,
        });
        return ready.code === 0 && ready.stdout.trim() === "ok";
    }
    async down(opts) {
        const st = await (0,cluster_state/* readState */.un)(opts.workDir, "kind");
        if (!st)
            return;
        opts.docker();
        const kind = await opts.tool("kind");
        const r = await (0,runner/* runTool */.q)((0,kind_config/* kindDeleteArgv */.Ec)(kind, { name: st.extra?.name ?? kind_config/* KIND_CLUSTER_NAME */.aC, kubeconfig: st.kubeconfig }));
        if (r.code !== 0)
            throw new errors/* ToolError */.v4(`kind delete cluster failed (exit ${r.code}): ${r.stderr.trim()}`);
        await (0,cluster_state/* removeState */.aF)(opts.workDir, "kind");
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/exec/daemon.ts
// Long-running programs (the kwok control plane's components). runTool waits for a program to finish;
// these must outlive the command that starts them (`cluster up` returns, `cluster down` stops them later,
// possibly from another process), so they run detached with output in a log file and are tracked by pid.



/** Starts argv detached (own process group, so a Ctrl-C meant for the CLI does not reach it after `up`). */
function startDaemon(argv, logFile, cwd) {
    const [cmd, ...args] = argv;
    if (!cmd)
        throw new errors/* UserError */.yo("internal: empty argv");
    const fd = (0,external_node_fs_.openSync)(logFile, "a");
    try {
        const child = (0,external_node_child_process_.spawn)(cmd, args, { cwd, detached: true, stdio: ["ignore", fd, fd] });
        if (child.pid === undefined)
            throw new errors/* UserError */.yo(`cannot run '${cmd}'`);
        const d = { pid: child.pid, child, exit: undefined };
        child.on("exit", (code, signal) => {
            d.exit = { code, signal };
        });
        child.on("error", () => {
            d.exit ??= { code: 127, signal: null };
        });
        child.unref();
        return d;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** True while pid is a live (not zombie) process whose command line starts with `binary`. Checking the
 * binary means a recycled pid never gets a signal from us. */
function isRunning(pid, binary) {
    try {
        const cmdline = (0,external_node_fs_.readFileSync)(`/proc/${pid}/cmdline`, "utf8").split("\0");
        if (cmdline[0] !== binary)
            return false;
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, "utf8");
        const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
        return state !== "Z" && state !== "X";
    }
    catch {
        return false;
    }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** SIGTERM, then SIGKILL after graceMs; resolves once the process is gone. */
async function stopDaemon(pid, binary, graceMs = 10_000) {
    if (!isRunning(pid, binary))
        return;
    try {
        process.kill(pid, "SIGTERM");
    }
    catch {
        return;
    }
    const until = Date.now() + graceMs;
    while (Date.now() < until) {
        if (!isRunning(pid, binary))
            return;
        await sleep(100);
    }
    try {
        process.kill(pid, "SIGKILL");
    }
    catch {
        return;
    }
    while (isRunning(pid, binary))
        await sleep(100);
}

// EXTERNAL MODULE: ./src/cluster/loopback.ts
var loopback = __webpack_require__(5577);
;// CONCATENATED MODULE: ./src/cluster/kwok/stages.ts
// What the simulated kubelet (kwok) does with nodes and pods. Adapted from kwok's own "fast" stages, plus:
//   - pods of a Job AND helm test pods (annotation helm.sh/hook: test) run, then complete with exit 0;
//   - any pod annotated `floe-helm.dev/simulate: fail` runs, then fails with exit 1 (so failing
//     `helm test` paths are testable). Pods without either simply become Running and Ready.
/** Put this annotation (value "fail") on a pod to make the simulated kubelet fail it with exit code 1. */
const FAIL_ANNOTATION = "floe-helm.dev/simulate";
const FAIL_VALUE = "fail";
const notDeleting = { key: ".metadata.deletionTimestamp", operator: "DoesNotExist" };
const running = { key: ".status.phase", operator: "In", values: ["Running"] };
const notFailing = {
    key: `.metadata.annotations["${FAIL_ANNOTATION}"]`,
    operator: "NotIn",
    values: [FAIL_VALUE],
};
function stage(name, kind, matchExpressions, next, delayMs) {
    return {
        apiVersion: "kwok.x-k8s.io/v1alpha1",
        kind: "Stage",
        metadata: { name },
        spec: {
            resourceRef: { apiGroup: "v1", kind },
            selector: { matchExpressions },
            ...(delayMs === undefined
                ? {}
                : { delay: { durationMilliseconds: delayMs, jitterDurationMilliseconds: delayMs } }),
            next,
        },
    };
}
const nodeConditions = `{{ $now := Now }}
{{ $lastTransitionTime := or .metadata.creationTimestamp $now }}
conditions:
{{ range NodeConditions }}
- lastHeartbeatTime: {{ $now | Quote }}
  lastTransitionTime: {{ $lastTransitionTime | Quote }}
  message: {{ .message | Quote }}
  reason: {{ .reason | Quote }}
  status: {{ .status | Quote }}
  type: {{ .type | Quote }}
{{ end }}
addresses:
{{ with NodeIP }}
- address: {{ . | Quote }}
  type: InternalIP
{{ end }}
{{ with NodeName }}
- address: {{ . | Quote }}
  type: Hostname
{{ end }}
{{ with NodePort }}
daemonEndpoints:
  kubeletEndpoint:
    Port: {{ . }}
{{ end }}
`;
const nodeInitialize = `${nodeConditions}
allocatable:
{{ with .status.allocatable }}
{{ YAML . 1 }}
{{ else }}
  cpu: 1k
  memory: 1Ti
  pods: 1M
{{ end }}
capacity:
{{ with .status.capacity }}
{{ YAML . 1 }}
{{ else }}
  cpu: 1k
  memory: 1Ti
  pods: 1M
{{ end }}
{{ $nodeInfo := .status.nodeInfo }}
{{ $kwokVersion := printf "kwok-%s" Version }}
nodeInfo:
  architecture: {{ or $nodeInfo.architecture "amd64" }}
  bootID: {{ or $nodeInfo.bootID \`""\` }}
  containerRuntimeVersion: {{ or $nodeInfo.containerRuntimeVersion $kwokVersion }}
  kernelVersion: {{ or $nodeInfo.kernelVersion $kwokVersion }}
  kubeProxyVersion: {{ or $nodeInfo.kubeProxyVersion $kwokVersion }}
  kubeletVersion: {{ or $nodeInfo.kubeletVersion $kwokVersion }}
  machineID: {{ or $nodeInfo.machineID \`""\` }}
  operatingSystem: {{ or $nodeInfo.operatingSystem "linux" }}
  osImage: {{ or $nodeInfo.osImage \`""\` }}
  systemUUID: {{ or $nodeInfo.systemUUID \`""\` }}
phase: Running
`;
const podReady = `{{ $now := Now }}
conditions:
- lastTransitionTime: {{ $now | Quote }}
  status: "True"
  type: Initialized
- lastTransitionTime: {{ $now | Quote }}
  status: "True"
  type: Ready
- lastTransitionTime: {{ $now | Quote }}
  status: "True"
  type: ContainersReady
{{ range .spec.readinessGates }}
- lastTransitionTime: {{ $now | Quote }}
  status: "True"
  type: {{ .conditionType | Quote }}
{{ end }}
containerStatuses:
{{ range .spec.containers }}
- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: true
  restartCount: 0
  started: true
  state:
    running:
      startedAt: {{ $now | Quote }}
{{ end }}
initContainerStatuses:
{{ range .spec.initContainers }}
- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: true
  restartCount: 0
  {{ if eq .restartPolicy "Always" }}
  started: true
  state:
    running:
      startedAt: {{ $now | Quote }}
  {{ else }}
  state:
    terminated:
      exitCode: 0
      finishedAt: {{ $now | Quote }}
      reason: Completed
      startedAt: {{ $now | Quote }}
  {{ end }}
{{ end }}
{{ $hostIPs := NodeIPsWith .spec.nodeName }}
{{ with $hostIPs }}
hostIP: {{ index . 0 | Quote }}
hostIPs:
{{ range . }}
- ip: {{ . | Quote }}
{{ end }}
{{ end }}
{{ $podIPs := PodIPsWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) }}
{{ with $podIPs }}
podIP: {{ index . 0 | Quote }}
podIPs:
{{ range . }}
- ip: {{ . | Quote }}
{{ end }}
{{ end }}
phase: Running
startTime: {{ $now | Quote }}
`;
function podTerminated(exitCode, reason, phase) {
    return `{{ $now := Now }}
conditions:
- lastTransitionTime: {{ $now | Quote }}
  status: "False"
  type: Ready
  reason: PodCompleted
- lastTransitionTime: {{ $now | Quote }}
  status: "False"
  type: ContainersReady
  reason: PodCompleted
containerStatuses:
{{ range .spec.containers }}
- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: false
  restartCount: 0
  started: false
  state:
    terminated:
      exitCode: ${exitCode}
      finishedAt: {{ $now | Quote }}
      reason: ${reason}
      startedAt: {{ $now | Quote }}
{{ end }}
phase: ${phase}
`;
}
const stages = [
    stage("node-initialize", "Node", [
        {
            key: '.status.conditions.[] | select( .type == "Ready" ) | .status',
            operator: "NotIn",
            values: ["True"],
        },
    ], { statusTemplate: nodeInitialize }),
    stage("node-heartbeat", "Node", [
        { key: ".status.phase", operator: "In", values: ["Running"] },
        {
            key: '.status.conditions.[] | select( .type == "Ready" ) | .status',
            operator: "In",
            values: ["True"],
        },
    ], { statusTemplate: nodeConditions }, 20_000),
    stage("pod-ready", "Pod", [
        notDeleting,
        { key: ".status.phase", operator: "In", values: ["Pending"] },
        {
            key: '.status.conditions.[] | select( .type == "Ready" ) | .status',
            operator: "NotIn",
            values: ["True"],
        },
    ], { statusTemplate: podReady }),
    stage("pod-complete-job", "Pod", [
        notDeleting,
        running,
        notFailing,
        { key: ".metadata.ownerReferences.[].kind", operator: "In", values: ["Job"] },
    ], { statusTemplate: podTerminated(0, "Completed", "Succeeded") }),
    stage("pod-complete-helm-test", "Pod", [
        notDeleting,
        running,
        notFailing,
        { key: '.metadata.annotations["helm.sh/hook"]', operator: "In", values: ["test", "test-success"] },
    ], { statusTemplate: podTerminated(0, "Completed", "Succeeded") }),
    stage("pod-fail", "Pod", [
        notDeleting,
        running,
        { key: `.metadata.annotations["${FAIL_ANNOTATION}"]`, operator: "In", values: [FAIL_VALUE] },
    ], { statusTemplate: podTerminated(1, "Error", "Failed") }),
    stage("pod-delete", "Pod", [{ key: ".metadata.deletionTimestamp", operator: "Exists" }], { delete: true }),
];

;// CONCATENATED MODULE: ./src/cluster/kwok/config.ts
// Pure builders for the kwok control plane: the argv of every component, the kubeconfig, the simulated node
// and kwok's configuration. Nothing here starts a process, so tests assert these tables directly, including
// that every address is loopback.



const NODE_NAME = "kwok-node-0";
/** Pod IPs come from loopback too, so nothing that follows a pod IP leaves the machine. */
const POD_CIDR = "127.1.0.0/16";
/** Service IPs too: nothing proxies them here, and anything that tried would stay on this machine. */
const SERVICE_CIDR = "127.2.0.0/16";
function etcdArgv(l, p) {
    const client = `http://${loopback/* LOOPBACK */.Ws}:${p.etcdClient}`;
    const peer = `http://${loopback/* LOOPBACK */.Ws}:${p.etcdPeer}`;
    return [
        l.bin.etcd,
        "--name=node0",
        `--data-dir=${l.etcdData}`,
        `--listen-client-urls=${client}`,
        `--advertise-client-urls=${client}`,
        `--listen-peer-urls=${peer}`,
        `--initial-advertise-peer-urls=${peer}`,
        `--initial-cluster=node0=${peer}`,
        "--initial-cluster-state=new",
        // A throwaway test store: durability buys nothing and fsync is the slowest part on shared disks.
        "--unsafe-no-fsync=true",
        "--log-level=warn",
    ];
}
function apiserverArgv(l, p) {
    return [
        l.bin.apiserver,
        `--bind-address=${loopback/* LOOPBACK */.Ws}`,
        `--advertise-address=${loopback/* LOOPBACK */.Ws}`,
        `--secure-port=${p.apiserver}`,
        `--etcd-servers=http://${loopback/* LOOPBACK */.Ws}:${p.etcdClient}`,
        // No --tls-cert-file: the API server writes a self-signed serving cert for its bind address here.
        `--cert-dir=${l.certDir}`,
        `--token-auth-file=${l.tokenFile}`,
        "--authorization-mode=Node,RBAC",
        "--anonymous-auth=false",
        `--service-account-issuer=https://kubernetes.default.svc.cluster.local`,
        `--service-account-key-file=${l.saPublicKey}`,
        `--service-account-signing-key-file=${l.saPrivateKey}`,
        `--service-cluster-ip-range=${SERVICE_CIDR}`,
        // The `kubernetes` Service's endpoints would be 127.0.0.1, which Endpoints validation refuses; nothing
        // in a simulated cluster reaches the API server through that Service.
        "--endpoint-reconciler-type=none",
        "--allow-privileged=true",
        "--profiling=false",
    ];
}
function controllerManagerArgv(l, p) {
    return [
        l.bin.controllerManager,
        `--kubeconfig=${l.componentKubeconfig}`,
        `--authentication-kubeconfig=${l.componentKubeconfig}`,
        `--authorization-kubeconfig=${l.componentKubeconfig}`,
        `--bind-address=${loopback/* LOOPBACK */.Ws}`,
        `--secure-port=${p.controllerManager}`,
        `--cert-dir=${l.certDir}`,
        `--service-account-private-key-file=${l.saPrivateKey}`,
        "--use-service-account-credentials=false",
        "--leader-elect=false",
        "--profiling=false",
    ];
}
function schedulerArgv(l, p) {
    return [
        l.bin.scheduler,
        `--kubeconfig=${l.componentKubeconfig}`,
        `--authentication-kubeconfig=${l.componentKubeconfig}`,
        `--authorization-kubeconfig=${l.componentKubeconfig}`,
        `--bind-address=${loopback/* LOOPBACK */.Ws}`,
        `--secure-port=${p.scheduler}`,
        `--cert-dir=${l.certDir}`,
        "--leader-elect=false",
        "--profiling=false",
    ];
}
function kwokArgv(l, p) {
    return [
        l.bin.kwok,
        `--kubeconfig=${l.componentKubeconfig}`,
        `--config=${l.kwokConfig}`,
        "--manage-all-nodes=false",
        "--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
        `--node-ip=${loopback/* LOOPBACK */.Ws}`,
        `--node-name=${NODE_NAME}`,
        `--node-port=${p.kwok}`,
        `--server-address=${loopback/* LOOPBACK */.Ws}:${p.kwok}`,
        `--cidr=${POD_CIDR}`,
        "--node-lease-duration-seconds=40",
    ];
}
/** Start order; `down` stops them in reverse. */
function components(l, p) {
    return [
        { name: "etcd", argv: etcdArgv(l, p) },
        { name: "kube-apiserver", argv: apiserverArgv(l, p) },
        { name: "kube-controller-manager", argv: controllerManagerArgv(l, p) },
        { name: "kube-scheduler", argv: schedulerArgv(l, p) },
        { name: "kwok", argv: kwokArgv(l, p) },
    ];
}
/** Every host:port or IP a component is told to listen on or announce, for the loopback assertion. */
function addressesIn(argv) {
    const out = [];
    for (const a of argv) {
        for (const m of a.matchAll(/(?:https?:\/\/)?(\d{1,3}(?:\.\d{1,3}){3}|localhost|\[[0-9a-f:]+\])(?::\d+)?/gi)) {
            if (m[1])
                out.push(m[1].replace(/^\[|\]$/g, ""));
        }
    }
    return out;
}
const ADMIN_USER = "floe-admin";
/** Static token auth: one admin in system:masters, used by the components and the user's kubeconfig. */
function tokenFile(token) {
    return `${token},${ADMIN_USER},${ADMIN_USER},"system:masters"\n`;
}
function kubeconfig(server, token) {
    return (0,dist/* stringify */.As)({
        apiVersion: "v1",
        kind: "Config",
        clusters: [
            // The API server's serving cert is self-signed for this run; the connection never leaves loopback.
            { name: "kwok", cluster: { server, "insecure-skip-tls-verify": true } },
        ],
        users: [{ name: ADMIN_USER, user: { token } }],
        contexts: [{ name: "kwok", context: { cluster: "kwok", user: ADMIN_USER } }],
        "current-context": "kwok",
        preferences: {},
    });
}
function nodeManifest() {
    const resources = { cpu: "32", memory: "256Gi", pods: "250", "ephemeral-storage": "1Ti" };
    return (0,dist/* stringify */.As)({
        apiVersion: "v1",
        kind: "Node",
        metadata: {
            name: NODE_NAME,
            annotations: { "kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0" },
            labels: {
                "kubernetes.io/arch": "amd64",
                "kubernetes.io/hostname": NODE_NAME,
                "kubernetes.io/os": "linux",
                "node-role.kubernetes.io/agent": "",
                type: "kwok",
            },
        },
        spec: {},
        status: { allocatable: resources, capacity: resources },
    });
}
/** kwok's config: only the stages below, so the simulated behaviour is exactly what this project documents. */
function kwokConfig() {
    return stages.map((s) => (0,dist/* stringify */.As)(s, { blockQuote: "literal", lineWidth: 0 })).join("---\n");
}

;// CONCATENATED MODULE: ./src/cluster/kwok/provider.ts
// The kwok provider: a real etcd + kube-apiserver + controller-manager + scheduler built from source
// (scripts/tools.sh), with kwok simulating the node's kubelet. No Docker, no network beyond 127.0.0.0/8.











const START_TIMEOUT_MS = 180_000;
const provider_sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const kwokBinaries = {
    etcd: "etcd",
    apiserver: "kube-apiserver",
    controllerManager: "kube-controller-manager",
    scheduler: "kube-scheduler",
    kwok: "kwok",
};
async function layoutFor(tool, dir) {
    const bin = {};
    for (const [key, name] of Object.entries(kwokBinaries)) {
        bin[key] = await tool(name);
    }
    return {
        bin,
        dir,
        etcdData: external_node_path_default().join(dir, "etcd"),
        certDir: external_node_path_default().join(dir, "pki"),
        tokenFile: external_node_path_default().join(dir, "tokens.csv"),
        saPublicKey: external_node_path_default().join(dir, "pki", "sa.pub"),
        saPrivateKey: external_node_path_default().join(dir, "pki", "sa.key"),
        componentKubeconfig: external_node_path_default().join(dir, "kubeconfig"),
        kwokConfig: external_node_path_default().join(dir, "kwok.yaml"),
    };
}
function lastLogLine(file) {
    try {
        const lines = (0,external_node_fs_.readFileSync)(file, "utf8").trim().split("\n");
        return (lines[lines.length - 1] ?? "").slice(0, 300);
    }
    catch {
        return "";
    }
}
/** A control-plane component that died or did not become ready while starting: a tool failure (exit 3). */
class StartError extends errors/* ToolError */.v4 {
}
/** Polls `ready` until it returns true, failing early (with the log's last line) if a component died. */
async function waitFor(what, ready, started) {
    const until = Date.now() + START_TIMEOUT_MS;
    for (;;) {
        for (const s of started) {
            if (s.daemon.exit) {
                const how = s.daemon.exit.signal ?? `exit ${s.daemon.exit.code}`;
                throw new StartError(`${s.name} stopped (${how}) while waiting for ${what}: ${lastLogLine(s.log)} (log: ${s.log})`);
            }
        }
        if (await ready().catch(() => false))
            return;
        if (Date.now() > until)
            throw new StartError(`timed out after ${START_TIMEOUT_MS / 1000}s waiting for ${what}`);
        await provider_sleep(250);
    }
}
function httpGet(url, token) {
    return new Promise((resolve, reject) => {
        const req = external_node_https_default().request(url, 
        // The serving cert is self-signed for this run on 127.0.0.1: nothing to verify it against.
        {
            rejectUnauthorized: false,
            headers: token ? { authorization: `Bearer ${token}` } : {},
            timeout: 5000,
        }, (res) => {
            let body = "";
            res.on("data", (c) => {
                body += c;
            });
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        req.on("timeout", () => req.destroy(new Error("timeout")));
        req.end();
    });
}
class KwokProvider {
    name = "kwok";
    /** Starts the cluster; when a component finds its port taken between picking and binding (another
     * process got there first), everything started is stopped and it starts again on other ports. */
    async up(opts) {
        for (let attempt = 1;; attempt++) {
            try {
                return await this.upOnce(opts);
            }
            catch (e) {
                if (!(e instanceof StartError) || !/address already in use/.test(e.message) || attempt >= 3)
                    throw e;
                opts.log(`kwok: a port was taken while starting (${e.message.split(":")[0]}); starting again on other ports`);
            }
        }
    }
    async upOnce(opts) {
        const dir = (0,cluster_state/* clusterDir */._O)(opts.workDir, "kwok");
        const previous = await (0,cluster_state/* readState */.un)(opts.workDir, "kwok");
        if (previous?.processes.some((p) => isRunning(p.pid, p.binary))) {
            throw new errors/* UserError */.yo(`a kwok cluster from this work dir is still running (${previous.server}): run 'floe-helm cluster down --provider kwok' first`);
        }
        // The control plane first: it has no installer, so a missing binary is said before any download.
        const layout = await layoutFor(opts.tool, dir);
        const kubectl = await opts.tool("kubectl");
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        await (0,promises_.mkdir)(layout.certDir, { recursive: true });
        const ports = {
            etcdClient: await (0,loopback/* freePort */.ov)(),
            etcdPeer: await (0,loopback/* freePort */.ov)(),
            apiserver: await (0,loopback/* freePort */.ov)(),
            controllerManager: await (0,loopback/* freePort */.ov)(),
            scheduler: await (0,loopback/* freePort */.ov)(),
            kwok: await (0,loopback/* freePort */.ov)(),
        };
        const server = `https://${loopback/* LOOPBACK */.Ws}:${ports.apiserver}`;
        const token = (0,external_node_crypto_.randomBytes)(24).toString("hex");
        const { publicKey, privateKey } = (0,external_node_crypto_.generateKeyPairSync)("rsa", {
            modulusLength: 2048,
            publicKeyEncoding: { type: "spki", format: "pem" },
            privateKeyEncoding: { type: "pkcs8", format: "pem" },
        });
        await (0,promises_.writeFile)(layout.saPublicKey, publicKey);
        await (0,promises_.writeFile)(layout.saPrivateKey, privateKey, { mode: 0o600 });
        await (0,promises_.writeFile)(layout.tokenFile, tokenFile(token), { mode: 0o600 });
        await (0,promises_.writeFile)(layout.componentKubeconfig, kubeconfig(server, token), { mode: 0o600 });
        await (0,promises_.writeFile)(layout.kwokConfig, kwokConfig());
        const userKubeconfig = external_node_path_default().resolve(opts.kubeconfig ?? layout.componentKubeconfig);
        const started = [];
        const records = () => started.map((s) => ({ name: s.name, pid: s.daemon.pid, binary: s.binary, log: s.log }));
        const state = () => ({
            provider: "kwok",
            dir,
            kubeconfig: userKubeconfig,
            server,
            processes: records(),
        });
        // Ctrl-C or a kill while starting: stop what already runs, then leave with the usual 130/143.
        const onSignal = (sig) => {
            void this.stopAll(records())
                .then(() => (0,cluster_state/* removeState */.aF)(opts.workDir, "kwok"))
                .finally(() => process.exit(sig === "SIGINT" ? 130 : 143));
        };
        process.once("SIGINT", onSignal);
        process.once("SIGTERM", onSignal);
        const kc = ["--kubeconfig", layout.componentKubeconfig];
        try {
            const byName = new Map(components(layout, ports).map((c) => [c.name, c]));
            const start = async (name) => {
                const c = byName.get(name);
                if (!c)
                    throw new errors/* UserError */.yo(`internal: no component ${name}`);
                const log = external_node_path_default().join(dir, `${name}.log`);
                opts.log(`kwok: starting ${name}`);
                started.push({ name, daemon: startDaemon(c.argv, log, dir), log, binary: c.argv[0] });
                // Written after every start, so even an interrupted `up` leaves `down` a full list to stop.
                await (0,cluster_state/* writeState */.Jq)(opts.workDir, state());
            };
            await start("etcd");
            await waitFor("etcd health", async () => (await fetch(`http://${loopback/* LOOPBACK */.Ws}:${ports.etcdClient}/health`)).ok, started);
            await start("kube-apiserver");
            await waitFor("kube-apiserver /readyz", async () => (await httpGet(`${server}/readyz`, token)).status === 200, started);
            await start("kube-controller-manager");
            await start("kube-scheduler");
            await start("kwok");
            const node = await (0,runner/* runTool */.q)([kubectl, ...kc, "apply", "-f", "-"], {
                input: nodeManifest(),
                timeoutMs: 60_000,
            });
            if (node.code !== 0)
                throw new StartError(`creating the simulated node failed: ${node.stderr.trim()}`);
            await waitFor(`node ${NODE_NAME} Ready`, async () => {
                const r = await (0,runner/* runTool */.q)([
                    kubectl,
                    ...kc,
                    "get",
                    "node",
                    NODE_NAME,
                    "-o",
                    'jsonpath={.status.conditions[?(@.type=="Ready")].status}',
                ], { timeoutMs: 30_000 });
                return r.stdout.trim() === "True";
            }, started);
            // Pods are refused until the controller-manager has created a namespace's default ServiceAccount.
            await waitFor("the default ServiceAccount", async () => (await (0,runner/* runTool */.q)([kubectl, ...kc, "get", "serviceaccount", "default", "-n", "default"])).code === 0, started);
            if (userKubeconfig !== layout.componentKubeconfig) {
                await (0,promises_.mkdir)(external_node_path_default().dirname(userKubeconfig), { recursive: true });
                await (0,promises_.copyFile)(layout.componentKubeconfig, userKubeconfig);
            }
            await (0,cluster_state/* writeState */.Jq)(opts.workDir, state());
            opts.log(`kwok: cluster ready at ${server} (kubeconfig ${userKubeconfig})`);
            return { provider: "kwok", kubeconfig: userKubeconfig, server };
        }
        catch (e) {
            await this.stopAll(records());
            await (0,cluster_state/* removeState */.aF)(opts.workDir, "kwok");
            throw e;
        }
        finally {
            process.off("SIGINT", onSignal);
            process.off("SIGTERM", onSignal);
        }
    }
    async down(opts) {
        const st = await (0,cluster_state/* readState */.un)(opts.workDir, "kwok");
        if (!st) {
            opts.log("kwok: no cluster state in this work dir; nothing to stop");
            return;
        }
        await this.stopAll(st.processes);
        await (0,promises_.rm)(external_node_path_default().join(st.dir, "etcd"), { recursive: true, force: true });
        await (0,cluster_state/* removeState */.aF)(opts.workDir, "kwok");
        opts.log(`kwok: stopped ${st.processes.length} processes (logs kept in ${st.dir})`);
    }
    /** Stops in reverse start order: the simulated kubelet first, etcd last. */
    async stopAll(procs) {
        for (const p of [...procs].reverse())
            await stopDaemon(p.pid, p.binary);
    }
}

;// CONCATENATED MODULE: ./src/cluster/providers.ts
// Provider lookup by name (the `cluster` input).



function provider(name) {
    switch (name) {
        case "kind":
            return new KindProvider();
        case "kwok":
            return new KwokProvider();
        case "existing":
            return new ExistingProvider();
    }
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


/***/ })

};
