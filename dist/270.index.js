export const id = 270;
export const ids = [270];
export const modules = {

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

/***/ 3270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E2E_RULES: () => (/* binding */ E2E_RULES),
  checkRule: () => (/* binding */ checkRule),
  notRunHere: () => (/* binding */ notRunHere),
  objectsApplyArgv: () => (/* binding */ objectsApplyArgv),
  objectsError: () => (/* binding */ objectsError),
  runCheck: () => (/* binding */ runCheck),
  runE2e: () => (/* binding */ runE2e)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/exec/runner.ts
var runner = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/helm/output.ts
var output = __webpack_require__(583);
// EXTERNAL MODULE: ./src/install/argv.ts
var argv = __webpack_require__(786);
// EXTERNAL MODULE: ./src/install/diagnose/cell.ts + 11 modules
var cell = __webpack_require__(2057);
// EXTERNAL MODULE: ./src/install/setup.ts
var install_setup = __webpack_require__(6750);
// EXTERNAL MODULE: ./src/plan/config.ts + 1 modules
var plan_config = __webpack_require__(5187);
// EXTERNAL MODULE: ./src/report/coverage.ts
var coverage = __webpack_require__(3122);
;// CONCATENATED MODULE: ./src/e2e/checks/hpa.ts
// Pure parts of the GAP-004 autoscaling check (./autoscaling.ts): what an HPA's status says (replicas, CPU
// against its target, why it cannot scale), the bounded load a component is given (a curl of requests the
// component spends CPU on, in parallel, ended by `timeout`), and how an HPA is described in an outcome.
// Tests: tests/e2e/hpa.test.ts.
function hpaState(h) {
    const cpu = h.status?.currentMetrics?.find((m) => m.type === "Resource" && m.resource?.name === "cpu")
        ?.resource?.current.averageUtilization;
    const targetCpu = h.spec.metrics?.find((m) => m.type === "Resource" && m.resource?.name === "cpu")?.resource
        ?.target.averageUtilization;
    const bad = h.status?.conditions?.find((c) => (c.type === "ScalingActive" || c.type === "AbleToScale") && c.status === "False");
    return {
        name: h.metadata.name,
        target: `${h.spec.scaleTargetRef.kind}/${h.spec.scaleTargetRef.name}`,
        min: h.spec.minReplicas ?? 1,
        max: h.spec.maxReplicas,
        current: h.status?.currentReplicas ?? 0,
        desired: h.status?.desiredReplicas ?? 0,
        ...(cpu !== undefined ? { cpu } : {}),
        ...(targetCpu !== undefined ? { targetCpu } : {}),
        ...(bad ? { blocked: `${bad.type}=False ${bad.reason ?? ""}: ${bad.message ?? ""}`.trim() } : {}),
    };
}
const describeHpa = (s) => `HPA ${s.name} (${s.target}, ${s.min}..${s.max} replicas): ${s.current} current, ${s.desired} desired, CPU ${s.cpu === undefined ? "not read yet" : `${s.cpu}%`} of ${s.targetCpu ?? "?"}% target${s.blocked ? `; ${s.blocked}` : ""}`;
const LOADS = {
    // A GraphQL query Dagster's webserver answers from its own process (no database, no code location).
    "dagster-webserver": { port: "http", path: "/graphql", body: JSON.stringify({ query: "{ version }" }) },
};
/** The load pod's command: `parallel` keep-alive connections posting the recipe's request until `seconds`
 * have passed (curl's URL range numbers the requests; `timeout` ends it). */
function loadCommand(url, r, seconds, parallel = 8) {
    return [
        "timeout",
        String(seconds),
        "curl",
        "-s",
        "-o",
        "/dev/null",
        "--parallel",
        "--parallel-max",
        String(parallel),
        "-X",
        "POST",
        "-H",
        "content-type: application/json",
        "--data-binary",
        r.body,
        `${url}${r.path}?load=[1-10000000]`,
    ];
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/e2e/checks/kube.ts
// kubectl as the E2E checks use it: against the namespace of both releases (E2eEnv.kube), never throwing for
// a non-zero exit, and `kubectl port-forward` to reach a Service from the runner the way a user would.


/** kubectl argv against the target's kubeconfig and namespace (pure). */
function kubectlArgv(k, ...args) {
    return [k.kubectl, "--kubeconfig", k.kubeconfig, "--namespace", k.namespace, ...args];
}
function kubectl(k, args, opts = {}) {
    return (0,runner/* runTool */.q)(kubectlArgv(k, ...args), {
        env: k.env,
        cwd: k.cwd,
        timeoutMs: opts.timeoutMs ?? 60_000,
        input: opts.input,
    });
}
/** A kubectl call whose JSON output is wanted: throws with kubectl's own words when it fails. */
async function kubectlJson(k, args, timeoutMs = 60_000) {
    const r = await kubectl(k, [...args, "--output", "json"], { timeoutMs });
    if (r.code !== 0)
        throw new Error(`kubectl ${args.join(" ")} failed (exit ${r.code}): ${r.stderr.trim() || r.stdout.trim()}`);
    return JSON.parse(r.stdout);
}
/** `kubectl port-forward` argv to a Service port, on a free local port chosen by kubectl (pure). */
function portForwardArgv(k, service, port) {
    return kubectlArgv(k, "port-forward", `service/${service}`, `:${port}`, "--address", "127.0.0.1");
}
/** The local port of kubectl port-forward's "Forwarding from 127.0.0.1:PORT -> N" line, if printed. */
function forwardedPort(stdout) {
    const m = /Forwarding from 127\.0\.0\.1:(\d+) ->/.exec(stdout);
    return m ? Number(m[1]) : undefined;
}
/** Starts `kubectl port-forward` to service:port and resolves once it listens; rejects with kubectl's output
 * when it exits or does not listen within timeoutMs. close() stops that one process. */
function portForward(k, service, port, timeoutMs = 30_000) {
    const [cmd, ...args] = portForwardArgv(k, service, port);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(cmd, args, { env: k.env, cwd: k.cwd, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let done = false;
        const fail = (why) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            child.kill("SIGKILL");
            reject(new Error(`kubectl port-forward service/${service} :${port} ${why}: ${out.trim() || "no output"}`));
        };
        const timer = setTimeout(() => fail(`did not listen within ${timeoutMs / 1000} s`), timeoutMs);
        const onData = (c) => {
            out += c.toString("utf8");
            const local = forwardedPort(out);
            if (local !== undefined && !done) {
                done = true;
                clearTimeout(timer);
                resolve({ url: `http://127.0.0.1:${local}`, close: () => child.kill("SIGTERM") });
            }
        };
        child.stdout.on("data", onData);
        child.stderr.on("data", (c) => {
            out += c.toString("utf8");
        });
        child.on("error", (e) => fail(`could not start (${e.message})`));
        child.on("exit", (code) => fail(`exited (${code})`));
    });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** `kubectl wait --for=<condition> <objects>` for up to ms, in 10 s rounds with progress between them (what is
 * waited for, time left). Returns the last kubectl result (exit 0: the condition holds). */
async function waitFor(k, condition, objects, ms, progress) {
    const until = Date.now() + ms;
    for (;;) {
        const round = Math.max(1, Math.min(10, Math.ceil((until - Date.now()) / 1000)));
        const r = await kubectl(k, ["wait", `--for=${condition}`, ...objects, `--timeout=${round}s`], {
            timeoutMs: (round + 20) * 1000,
        });
        if (r.code === 0 || Date.now() >= until)
            return r;
        progress(`waiting for ${objects.join(", ")} (${condition}): ${Math.round((until - Date.now()) / 1000)} s left`);
    }
}

// EXTERNAL MODULE: ./src/k8s/restricted.ts
var restricted = __webpack_require__(9579);
;// CONCATENATED MODULE: ./src/e2e/checks/netpol-probe.ts
// Pure parts of the T120 NetworkPolicy check (./network-policy.ts): which policies guard a pod, which client
// labels they let in on a port, the probe pods (PSS restricted) and their TCP probe (curl's telnet://), what a
// probe saw, and a policy as it can be created again after it was deleted. Tests: tests/e2e/netpol-probe.test.ts.

/** Whether a label selector selects these labels (Kubernetes semantics; an empty selector selects all). */
function selects(sel, labels) {
    for (const [k, v] of Object.entries(sel.matchLabels ?? {}))
        if (labels[k] !== v)
            return false;
    for (const e of sel.matchExpressions ?? []) {
        const has = Object.hasOwn(labels, e.key);
        const inValues = has && (e.values ?? []).includes(labels[e.key]);
        const ok = e.operator === "In"
            ? inValues
            : e.operator === "NotIn"
                ? !inValues
                : e.operator === "Exists"
                    ? has
                    : e.operator === "DoesNotExist"
                        ? !has
                        : false;
        if (!ok)
            return false;
    }
    return true;
}
const isolatesIngress = (p) => (p.spec.policyTypes ?? ["Ingress"]).includes("Ingress") || (p.spec.ingress?.length ?? 0) > 0;
/** The pod port a Service port sends to, which is the port NetworkPolicies match: its targetPort when a number;
 * a named targetPort resolved against the pod's container ports; no targetPort means the Service port itself
 * (as the API server defaults it); a name no container declares leaves the Service port (the best guess). */
function podPort(svcPort, containers) {
    const tp = svcPort.targetPort ?? svcPort.port;
    if (typeof tp === "number")
        return tp;
    return containers.flatMap((c) => c.ports ?? []).find((p) => p.name === tp)?.containerPort ?? svcPort.port;
}
/** The policies that isolate a pod's ingress: all of them stand between a client and the pod (one left in
 * place keeps every client it does not name out). Sorted by name. */
function policiesGuarding(policies, podLabels) {
    return policies
        .filter((p) => selects(p.spec.podSelector, podLabels) && isolatesIngress(p))
        .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}
/** The client labels some guarding policy lets in to `port` of the pod: a same-namespace podSelector of plain
 * matchLabels (not empty: that would let every pod in). The fewest labels win (a client of the platform, not a
 * pod of it), then the policy's name; undefined when no rule names one. */
function allowedClientLabels(guarding, port) {
    const found = [];
    for (const p of guarding)
        for (const rule of p.spec.ingress ?? []) {
            const ports = rule.ports ?? [];
            if (ports.length && !ports.some((q) => Number(q.port) === port && (q.protocol ?? "TCP") === "TCP"))
                continue;
            for (const peer of rule.from ?? []) {
                const sel = peer.podSelector;
                if (!sel || peer.namespaceSelector || peer.ipBlock || sel.matchExpressions?.length)
                    continue;
                const labels = sel.matchLabels ?? {};
                if (Object.keys(labels).length)
                    found.push({ labels, policy: p.metadata.name });
            }
        }
    found.sort((a, b) => Object.keys(a.labels).length - Object.keys(b.labels).length ||
        a.policy.localeCompare(b.policy) ||
        JSON.stringify(a.labels).localeCompare(JSON.stringify(b.labels)));
    return found[0];
}
/** A policy as `kubectl create` takes it back after it was deleted: its name, labels, annotations and spec
 * (helm's ownership labels and annotations included, so the release still owns it); no server-set fields. */
function restorable(p) {
    const { name, namespace, labels, annotations } = p.metadata;
    return {
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: {
            name,
            ...(namespace ? { namespace } : {}),
            ...(labels ? { labels } : {}),
            ...(annotations ? { annotations } : {}),
        },
        spec: p.spec,
    };
}
/** Differences between a saved policy and the one found after restoring it (empty: restored exactly). */
function restoreDifferences(saved, found) {
    if (!found)
        return [`${saved.metadata.name}: not found`];
    const a = restorable(saved);
    const b = restorable(found);
    const diffs = [];
    for (const key of ["labels", "annotations"])
        if (canonical(a.metadata[key] ?? {}) !== canonical(b.metadata[key] ?? {}))
            diffs.push(`${saved.metadata.name}: metadata.${key} differ`);
    if (canonical(a.spec) !== canonical(b.spec))
        diffs.push(`${saved.metadata.name}: spec differs`);
    return diffs;
}
/** JSON with object keys sorted, to compare objects regardless of key order. */
function canonical(v) {
    return JSON.stringify(v, (_k, x) => x && typeof x === "object" && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => p.localeCompare(q)))
        : x);
}
/** A probe pod: sleeps while probes are exec'd in it, labelled exactly `labels` (none: no policy lets it in),
 * within the restricted Pod Security Standard, with resources (the namespace may have a quota), gone by itself
 * after `lifetimeSeconds` if nobody deletes it. */
function probePodManifest(a) {
    return {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
            name: a.name,
            namespace: a.namespace,
            ...(Object.keys(a.labels).length ? { labels: a.labels } : {}),
        },
        spec: {
            restartPolicy: "Never",
            automountServiceAccountToken: false,
            terminationGracePeriodSeconds: 0,
            activeDeadlineSeconds: a.lifetimeSeconds,
            securityContext: (0,restricted/* restrictedPodSecurity */.T)(100, 101),
            containers: [
                {
                    name: "probe",
                    image: a.image.image,
                    imagePullPolicy: a.image.pullPolicy,
                    command: a.command ?? ["sleep", String(a.lifetimeSeconds)],
                    securityContext: (0,restricted/* restrictedContainerSecurity */.l)(),
                    resources: {
                        requests: { cpu: "10m", memory: "16Mi" },
                        limits: { cpu: a.cpuLimit ?? "100m", memory: "64Mi" },
                    },
                },
            ],
        },
    };
}
/** The probe, exec'd in a probe pod: a TCP connection to host:port by curl's telnet:// (verbose: it says
 * whether it connected), stdin closed, bounded by connectSeconds (+1 s once connected: curl then waits for
 * data until --max-time). */
function tcpProbeArgv(pod, host, port, connectSeconds) {
    return [
        "exec",
        pod,
        "--",
        "curl",
        "-sS",
        "-v",
        "--connect-timeout",
        String(connectSeconds),
        "--max-time",
        String(connectSeconds + 1),
        `telnet://${host}:${port}`,
    ];
}
/** What one probe saw, from curl's exit code and verbose output (kubectl exec's exit is curl's). */
function probeResult(code, output) {
    const lines = output
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => /^\* (Connected to|connect to|Failed to connect|Connection timed out)|^curl: \(|^error:/.test(l));
    const said = (lines.length ? lines : output.trim().split("\n").slice(-3)).join("; ");
    if (/^\* Connected to /m.test(output))
        return { outcome: "connected", said };
    // 7: curl could not connect (refused, or rejected as unreachable): the connection was turned away.
    if (code === 7)
        return { outcome: "refused", said };
    if (code === 28)
        return { outcome: "timed out", said };
    return { outcome: "error", said: `exit ${code}: ${said}` };
}

;// CONCATENATED MODULE: ./src/e2e/checks/network-policy.ts
// T120 / GAP-005: the platform's NetworkPolicies isolate its PostgreSQL for real. On the same Service:port:
//   1. a probe pod with the client labels a guarding policy lets in connects;
//   2. a probe pod without labels does not (timed out or refused, as curl said);
//   3. the denial is the policies': with exactly the policies that guard the server pod deleted (saved first),
//      the same unlabelled pod connects; then they are created again from the saved manifests, checked equal,
//      and the unlabelled pod is turned away again.
// Deleting those policies is the one deliberate edit of the cluster the E2E phase makes (issue 15 asks for it);
// they are restored in a finally, whatever happened. The probe pods are the phase's own (a test image: curl's
// telnet://), restricted PSS, deleted at the end.





/** The test image of the charts' test pods on the local lane; the runner may name another (facts.probeImage,
 * e.g. the platform's tests.curlImage on GitHub's kind lane). floe.local/ images are never pulled. */
const DEFAULT_PROBE_IMAGE = "floe.local/curl:7.88.1";
function probeImage(facts) {
    const image = facts.probeImage || DEFAULT_PROBE_IMAGE;
    return { image, pullPolicy: image.startsWith("floe.local/") ? "Never" : "IfNotPresent" };
}
const CONNECT_SECONDS = 5;
/** How long a policy change (a new pod's, a deleted or created policy's) may take to be enforced. */
const SETTLE_MS = 40_000;
const fmtLabels = (l) => Object.entries(l)
    .map(([k, v]) => `${k}=${v}`)
    .join(",") || "(none)";
const check = {
    id: "T120 network-policy",
    covers: ["T120", "GAP-005"],
    timeoutMs: 240_000,
    run: (e) => run(e),
};
async function run(e) {
    const deadline = Date.now() + e.timeoutMs;
    const left = () => Math.max(0, Math.round((deadline - Date.now()) / 1000));
    const k = e.kube;
    // The server: the platform's PostgreSQL Service and a pod behind it.
    const svcs = await kubectlJson(k, [
        "get",
        "services",
        "--selector",
        `app.kubernetes.io/instance=${e.platformRelease},app.kubernetes.io/component=postgresql`,
    ]);
    const svc = svcs.items.find((s) => s.spec.ports.some((p) => p.port === 5432)) ?? svcs.items[0];
    if (!svc?.spec.selector)
        return {
            state: "fail",
            expected: `a PostgreSQL Service of release ${e.platformRelease} (component postgresql) in namespace ${k.namespace}`,
            seen: svcs.items.length
                ? `Services without a selector: ${svcs.items.map((s) => s.metadata.name).join(", ")}`
                : "none",
        };
    const svcPort = svc.spec.ports.find((p) => p.port === 5432) ?? svc.spec.ports[0];
    const host = svc.metadata.name;
    const target = `${host}:${svcPort.port}`;
    const pods = await kubectlJson(k, ["get", "pods", "--selector", fmtLabels(svc.spec.selector)]);
    const server = pods.items.find((p) => p.status?.phase === "Running");
    if (!server)
        return {
            state: "fail",
            expected: `a running pod behind Service ${host}`,
            seen: pods.items.map((p) => `${p.metadata.name} ${p.status?.phase}`).join(", ") || "no pod",
        };
    // NetworkPolicies match the pod's port, after the Service translated it.
    const serverPort = podPort(svcPort, server.spec.containers);
    const all = await kubectlJson(k, ["get", "networkpolicies"]);
    const guarding = policiesGuarding(all.items, server.metadata.labels ?? {});
    if (!guarding.length)
        return {
            state: "fail",
            expected: `NetworkPolicies isolating pod ${server.metadata.name} of ${host} (the platform's networkPolicy.enabled)`,
            seen: `no NetworkPolicy selects it (policies in ${k.namespace}: ${all.items.map((p) => p.metadata.name).join(", ") || "none"})`,
        };
    const allowed = allowedClientLabels(guarding, serverPort);
    if (!allowed)
        return {
            state: "fail",
            expected: `a policy of ${guarding.map((p) => p.metadata.name).join(", ")} letting pods with some labels in to port ${serverPort}`,
            seen: "no ingress rule with a podSelector of labels for that port",
        };
    const names = guarding.map((p) => p.metadata.name);
    e.ctx.progress(`e2e T120: ${target} (pod ${server.metadata.name}) is guarded by ${names.join(", ")}; allowed client labels ${fmtLabels(allowed.labels)} (${allowed.policy})`);
    const suffix = (0,external_node_crypto_.randomBytes)(3).toString("hex");
    const allowedPod = `floe-e2e-t120-allowed-${suffix}`;
    const deniedPod = `floe-e2e-t120-denied-${suffix}`;
    const image = probeImage(e.facts);
    const lifetimeSeconds = Math.ceil(e.timeoutMs / 1000) + 60;
    await (0,promises_.mkdir)(e.dir, { recursive: true });
    // Every probe's transcript is kept (curl's verbose output), in the order they ran.
    const transcript = external_node_path_default().join(e.dir, "t120-probes.log");
    const probe = async (pod) => {
        const r = await kubectl(k, tcpProbeArgv(pod, host, svcPort.port, CONNECT_SECONDS), {
            timeoutMs: (CONNECT_SECONDS + 20) * 1000,
        });
        const result = probeResult(r.code, `${r.stderr}\n${r.stdout}`);
        await (0,promises_.appendFile)(transcript, `## ${new Date().toISOString()} ${pod} -> ${target}: ${result.outcome} (exit ${r.code})\n${r.stderr}${r.stdout}\n`);
        return result;
    };
    /** Probes until `want(result)` or `ms` pass (a policy change takes a moment to be enforced). */
    const probeUntil = async (pod, want, what, ms) => {
        const until = Math.min(deadline, Date.now() + ms);
        const seen = [];
        for (;;) {
            const r = await probe(pod);
            seen.push(`${r.outcome} (${r.said})`);
            if (want(r) || Date.now() >= until)
                return { ok: want(r), last: r, seen };
            e.ctx.progress(`e2e T120: waiting until ${what}: ${r.outcome} so far, ${Math.round((until - Date.now()) / 1000)} s left (check: ${left()} s)`);
            await sleep(2_000);
        }
    };
    const denial = (r) => r.outcome === "timed out" || r.outcome === "refused";
    try {
        const manifests = [
            probePodManifest({
                name: allowedPod,
                namespace: k.namespace,
                labels: allowed.labels,
                image,
                lifetimeSeconds,
            }),
            probePodManifest({ name: deniedPod, namespace: k.namespace, labels: {}, image, lifetimeSeconds }),
        ];
        const created = await kubectl(k, ["create", "-f", "-"], {
            input: JSON.stringify({ apiVersion: "v1", kind: "List", items: manifests }),
        });
        if (created.code !== 0)
            return {
                state: "fail",
                expected: `probe pods ${allowedPod} and ${deniedPod} (image ${image.image}) created`,
                seen: created.stderr.trim(),
            };
        e.ctx.progress(`e2e T120: waiting for probe pods ${allowedPod}, ${deniedPod} to be ready (${left()} s left)`);
        const ready = await waitFor(k, "condition=Ready", [`pod/${allowedPod}`, `pod/${deniedPod}`], Math.min(120_000, left() * 1000), (l) => e.ctx.progress(`e2e T120: ${l}`));
        if (ready.code !== 0)
            return {
                state: "fail",
                expected: `probe pods ready (image ${image.image}, pull policy ${image.pullPolicy})`,
                seen: `${ready.stderr.trim()}; ${await podStates(e, [allowedPod, deniedPod])}`,
            };
        // 1. The allowed client connects (a new pod's traffic may be admitted a moment after it starts).
        const a = await probeUntil(allowedPod, (r) => r.outcome === "connected", `${allowedPod} connects to ${target}`, SETTLE_MS);
        if (!a.ok)
            return {
                state: "fail",
                expected: `pod ${allowedPod} with labels ${fmtLabels(allowed.labels)} (let in by ${allowed.policy}) connects to ${target}`,
                seen: `it did not: ${a.seen.join(" | ")}`,
            };
        // 2. The unlabelled pod is turned away.
        const d = await probe(deniedPod);
        if (!denial(d))
            return {
                state: "fail",
                expected: `pod ${deniedPod} without labels is turned away from ${target} (timed out or refused)`,
                seen: `${d.outcome}: ${d.said}`,
            };
        // 3. The denial is the policies': without them the same pod connects; then they are back, exactly.
        const saved = guarding.map(restorable);
        const savedFile = external_node_path_default().join(e.dir, "t120-networkpolicies.json");
        await (0,promises_.writeFile)(savedFile, `${JSON.stringify({ apiVersion: "v1", kind: "List", items: saved }, null, 2)}\n`);
        let without;
        let restoreProblem;
        try {
            e.ctx.progress(`e2e T120: deleting ${names.join(", ")} (saved in ${savedFile}) to show the denial is theirs`);
            const del = await kubectl(k, ["delete", "networkpolicy", ...names, "--wait=true"]);
            if (del.code !== 0)
                throw new Error(`kubectl delete networkpolicy failed: ${del.stderr.trim()}`);
            without = await probeUntil(deniedPod, (r) => r.outcome === "connected", `${deniedPod} connects without the policies`, SETTLE_MS);
        }
        finally {
            restoreProblem = await restorePolicies(e, saved, savedFile);
        }
        if (restoreProblem)
            return {
                state: "fail",
                expected: `NetworkPolicies ${names.join(", ")} restored exactly from ${savedFile}`,
                seen: restoreProblem,
            };
        if (!without?.ok)
            return {
                state: "fail",
                expected: `with ${names.join(", ")} deleted, pod ${deniedPod} connects to ${target} (the denial was the policies')`,
                seen: `it still did not: ${without?.seen.join(" | ")} (so ${target} turns it away by itself: a closed port or another cause)`,
            };
        const again = await probeUntil(deniedPod, denial, `${deniedPod} is turned away again by the restored policies`, SETTLE_MS);
        if (!again.ok)
            return {
                state: "fail",
                expected: `with ${names.join(", ")} restored, pod ${deniedPod} is turned away from ${target} again`,
                seen: `it still connects: ${again.seen.join(" | ")}`,
            };
        return {
            state: "pass",
            detail: `${target}: pod with labels ${fmtLabels(allowed.labels)} connected; pod without labels ${d.outcome} (${d.said}); ` +
                `with ${names.join(", ")} deleted it connected; restored exactly, it is turned away again (${again.last.outcome})`,
        };
    }
    finally {
        await kubectl(k, [
            "delete",
            "pod",
            allowedPod,
            deniedPod,
            "--ignore-not-found",
            "--wait=false", // their terminationGracePeriodSeconds is 0
        ]);
    }
}
/** Creates the saved policies again (those missing), then compares each with its saved manifest. Returns what
 * is wrong, or undefined when every one is back as saved. Never throws. */
async function restorePolicies(e, saved, savedFile) {
    const k = e.kube;
    try {
        const names = saved.map((p) => p.metadata.name);
        const present = await kubectl(k, [
            "get",
            "networkpolicy",
            ...names,
            "--ignore-not-found",
            "--output",
            "name",
        ]);
        const there = new Set(present.stdout.split("\n").map((l) => l.trim().replace(/^networkpolicy[^/]*\//, "")));
        const missing = saved.filter((p) => !there.has(p.metadata.name));
        if (missing.length) {
            const c = await kubectl(k, ["create", "-f", "-"], {
                input: JSON.stringify({ apiVersion: "v1", kind: "List", items: missing }),
            });
            if (c.code !== 0)
                return `kubectl create -f ${savedFile} failed: ${c.stderr.trim()}`;
        }
        // kubectl get of one name answers the object itself, of several a List.
        const got = await kubectlJson(k, ["get", "networkpolicy", ...names]);
        const found = "items" in got ? got.items : [got];
        const diffs = saved.flatMap((p) => restoreDifferences(p, found.find((f) => f.metadata.name === p.metadata.name)));
        e.ctx.progress(`e2e T120: restored ${names.join(", ")}${diffs.length ? ` with differences: ${diffs.join("; ")}` : ", as saved"}`);
        return diffs.length ? diffs.join("; ") : undefined;
    }
    catch (err) {
        return `restoring from ${savedFile} failed: ${err.message}`;
    }
}
async function podStates(e, pods) {
    const r = await kubectl(e.kube, [
        "get",
        "pod",
        ...pods,
        "--output",
        'jsonpath={range .items[*]}{.metadata.name}: {.status.phase} {.status.containerStatuses[*].state}{"\\n"}{end}',
    ]);
    return (r.stdout || r.stderr).trim().replace(/\n/g, "; ");
}

;// CONCATENATED MODULE: ./src/e2e/checks/autoscaling.ts
// GAP-004: an HPA of the platform scales its Deployment out under load and back in once the load stops. The
// HPA is one the platform scenario enables (its <component>.autoscaling, e.g. dagster.webserver) for a component
// the check knows how to load (./hpa.ts LOADS). The metrics API must be served (metrics-server: `floe-helm
// cluster up --provider kind --metrics-server`). The load is bounded: one pod of the phase's own (restricted PSS,
// the client labels the component's NetworkPolicy lets in, a CPU limit), posting requests to the component's
// Service inside the cluster for at most LOAD_SECONDS, deleted as soon as the HPA has scaled out. Scaling back
// within the budget needs the HPA's scale-down stabilisation window short (autoscaling.behavior).







const LOAD_SECONDS = 240;
const METRICS_MS = 150_000;
const SCALE_UP_MS = 240_000;
const SCALE_DOWN_MS = 240_000;
const autoscaling_check = {
    id: "GAP-004 autoscaling",
    covers: ["GAP-004"],
    timeoutMs: 720_000,
    run: (e) => autoscaling_run(e),
};
async function autoscaling_run(e) {
    const k = e.kube;
    const rel = e.platformRelease;
    const hpas = (await kubectlJson(k, [
        "get",
        "horizontalpodautoscalers",
        "--selector",
        `app.kubernetes.io/instance=${rel}`,
    ])).items;
    if (!hpas.length)
        return {
            state: "skip",
            reason: `the platform (release ${rel}) has no HorizontalPodAutoscaler: its scenario enables no <component>.autoscaling`,
        };
    const hpa = hpas.find((h) => LOADS[h.metadata.labels?.["app.kubernetes.io/component"] ?? ""]);
    if (!hpa)
        return {
            state: "skip",
            reason: `no HPA of a component this check can load (it loads ${Object.keys(LOADS).join(", ")}; the platform's: ${hpas.map((h) => h.metadata.name).join(", ")})`,
        };
    const component = hpa.metadata.labels["app.kubernetes.io/component"];
    const recipe = LOADS[component];
    const read = async () => hpaState(await kubectlJson(k, ["get", "horizontalpodautoscaler", hpa.metadata.name]));
    const deploymentName = hpa.spec.scaleTargetRef.name;
    const ready = async () => (await kubectlJson(k, ["get", "deployment", deploymentName])).status?.readyReplicas ?? 0;
    await (0,promises_.mkdir)(e.dir, { recursive: true });
    const trail = [];
    const note = async (s, what) => {
        trail.push(`${new Date().toISOString()} ${what}: ${describeHpa(s)}`);
        await (0,promises_.writeFile)(external_node_path_default().join(e.dir, "gap-004-hpa.log"), `${trail.join("\n")}\n`);
    };
    // 1. The metrics API, and the HPA reading CPU from it.
    const api = await kubectl(k, [
        "get",
        "--raw",
        `/apis/metrics.k8s.io/v1beta1/namespaces/${k.namespace}/pods`,
    ]);
    if (api.code !== 0)
        return {
            state: "fail",
            expected: "the resource metrics API (metrics.k8s.io, served by metrics-server) answering, so an HPA can read CPU (`floe-helm cluster up --provider kind --metrics-server`)",
            seen: api.stderr.trim() || api.stdout.trim(),
        };
    // ...and at its minimum (an earlier check's traffic may have scaled it out): the load must be what scales it.
    let s = await read();
    const until = Date.now() + METRICS_MS;
    while ((s.cpu === undefined || s.current > s.min) && Date.now() < until) {
        e.ctx.progress(`e2e GAP-004: waiting for ${s.name} to read CPU at its minimum (${describeHpa(s)})`);
        await sleep(10_000);
        s = await read();
    }
    await note(s, "before the load");
    if (s.cpu === undefined || s.current > s.min)
        return {
            state: "fail",
            expected: `HPA ${s.name} reads the CPU of ${s.target} and runs it at its minimum (${s.min}) within ${METRICS_MS / 1000} s, before the load`,
            seen: describeHpa(s),
        };
    const base = s.current;
    // 2. The load: one pod posting to the component's Service, let in by its NetworkPolicy.
    const dep = await kubectlJson(k, ["get", "deployment", deploymentName]);
    const podLabels = dep.spec.template.metadata.labels ?? {};
    const svc = (await kubectlJson(k, [
        "get",
        "services",
        "--selector",
        `app.kubernetes.io/instance=${rel},app.kubernetes.io/component=${component}`,
    ])).items.find((x) => x.spec.ports.some((p) => p.name === recipe.port));
    if (!svc)
        return {
            state: "fail",
            expected: `a Service of ${component} with a port named ${recipe.port}`,
            seen: "none",
        };
    const port = svc.spec.ports.find((p) => p.name === recipe.port);
    const serverPort = podPort(port, dep.spec.template.spec.containers);
    const policies = (await kubectlJson(k, ["get", "networkpolicies"])).items;
    const guarding = policiesGuarding(policies, podLabels);
    const allowed = guarding.length ? allowedClientLabels(guarding, serverPort) : { labels: {}, policy: "" };
    if (!allowed)
        return {
            state: "fail",
            expected: `a NetworkPolicy of ${guarding.map((p) => p.metadata.name).join(", ")} letting some client labels in to port ${serverPort} of ${component}`,
            seen: "none: no pod inside the cluster may load it",
        };
    const loader = `floe-e2e-load-${(0,external_node_crypto_.randomBytes)(3).toString("hex")}`;
    const url = `http://${svc.metadata.name}:${port.port}`;
    const manifest = probePodManifest({
        name: loader,
        namespace: k.namespace,
        labels: allowed.labels,
        image: probeImage(e.facts),
        lifetimeSeconds: LOAD_SECONDS + 30,
        command: loadCommand(url, recipe, LOAD_SECONDS),
        cpuLimit: "500m",
    });
    const started = Date.now();
    try {
        const made = await kubectl(k, ["create", "-f", "-"], { input: JSON.stringify(manifest) });
        if (made.code !== 0)
            throw new Error(`kubectl create of the load pod ${loader} failed: ${made.stderr.trim()}`);
        e.ctx.progress(`e2e GAP-004: ${loader} loads ${url}${recipe.path} for up to ${LOAD_SECONDS} s; waiting for ${s.name} to scale ${s.target} out from ${base}`);
        // 3. Out: more replicas desired and ready.
        const upUntil = Date.now() + SCALE_UP_MS;
        let readyNow = base;
        for (;;) {
            await sleep(10_000);
            s = await read();
            readyNow = await ready();
            await note(s, `loading (${readyNow} ready)`);
            if (s.desired > base && readyNow > base)
                break;
            if (Date.now() >= upUntil)
                return {
                    state: "fail",
                    expected: `HPA ${s.name} scales ${s.target} out from ${base} replicas under load (requests to ${url}${recipe.path} from pod ${loader})`,
                    seen: `after ${Math.round((Date.now() - started) / 1000)} s: ${describeHpa(s)}; ${readyNow} ready (trail: ${external_node_path_default().join(e.dir, "gap-004-hpa.log")})`,
                };
            e.ctx.progress(`e2e GAP-004: ${describeHpa(s)}; ${readyNow} ready`);
        }
        const outAfter = Math.round((Date.now() - started) / 1000);
        const peak = s;
        await kubectl(k, ["delete", "pod", loader, "--grace-period=0", "--wait=false", "--ignore-not-found"]);
        // 4. Back in once the load is gone.
        const stopped = Date.now();
        const downUntil = stopped + SCALE_DOWN_MS;
        for (;;) {
            await sleep(10_000);
            s = await read();
            await note(s, "after the load");
            if (s.desired <= base && s.current <= base)
                break;
            if (Date.now() >= downUntil)
                return {
                    state: "fail",
                    expected: `HPA ${s.name} scales ${s.target} back to ${base} replicas once the load stopped (within ${SCALE_DOWN_MS / 1000} s: its autoscaling.behavior.scaleDown stabilisation window must be shorter)`,
                    seen: `${describeHpa(s)} (trail: ${external_node_path_default().join(e.dir, "gap-004-hpa.log")})`,
                };
            e.ctx.progress(`e2e GAP-004: load stopped; ${describeHpa(s)}`);
        }
        return {
            state: "pass",
            detail: `HPA ${s.name} scaled ${s.target} out from ${base} to ${peak.desired} replicas at ${peak.cpu}% CPU (target ${peak.targetCpu}%) ${outAfter} s into the load from pod ${loader}, and back to ${s.current} ${Math.round((Date.now() - stopped) / 1000)} s after it stopped`,
        };
    }
    finally {
        await kubectl(k, ["delete", "pod", loader, "--grace-period=0", "--wait=false", "--ignore-not-found"]);
    }
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/e2e/checks/dagster-graphql.ts
// Dagster's GraphQL API as T116 uses it (dagster-webserver 1.9): the queries, and pure readers of their
// responses. Every reader returns what it found or a sentence saying what the response held instead, so a
// failed check can show the API's own words (tests/e2e/dagster-graphql.test.ts: recorded responses).
const WORKSPACE_QUERY = `query Workspace {
  workspaceOrError {
    __typename
    ... on Workspace {
      locationEntries {
        name
        loadStatus
        locationOrLoadError {
          __typename
          ... on RepositoryLocation { name repositories { name jobs { name } } }
          ... on PythonError { message }
        }
      }
    }
    ... on PythonError { message }
  }
}`;
const LAUNCH_RUN_MUTATION = `mutation LaunchRun($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) {
    __typename
    ... on LaunchRunSuccess { run { runId status } }
    ... on PythonError { message }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on Error { message }
  }
}`;
const RUN_QUERY = `query Run($runId: ID!) {
  runOrError(runId: $runId) {
    __typename
    ... on Run { runId status jobName }
    ... on Error { message }
    ... on PythonError { message }
  }
}`;
const RUN_EVENTS_QUERY = `query RunEvents($runId: ID!, $afterCursor: String) {
  logsForRun(runId: $runId, afterCursor: $afterCursor, limit: 1000) {
    __typename
    ... on EventConnection { cursor hasMore events { __typename ... on MessageEvent { message level } } }
    ... on Error { message }
    ... on PythonError { message }
  }
}`;
/** What the UI's "Reload" does: the webserver connects to the location's server again and reloads it. */
const RELOAD_LOCATION_MUTATION = `mutation Reload($name: String!) {
  reloadRepositoryLocation(repositoryLocationName: $name) { __typename }
}`;
/** A run status Dagster never leaves. */
const TERMINAL = new Set(["SUCCESS", "FAILURE", "CANCELED"]);
const obj = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : undefined;
const arr = (v) => (Array.isArray(v) ? v : []);
const str = (v) => (typeof v === "string" ? v : undefined);
/** The `data` of a GraphQL answer, or the reason there is none (GraphQL errors, not JSON). */
function dataOf(body) {
    let parsed;
    try {
        parsed = obj(JSON.parse(body));
    }
    catch {
        return { error: `not JSON: ${body.slice(0, 300)}` };
    }
    const errors = arr(parsed?.errors)
        .map((e) => str(obj(e)?.message))
        .filter(Boolean);
    if (errors.length)
        return { error: `GraphQL errors: ${errors.join("; ")}` };
    const data = obj(parsed?.data);
    return data ? { data } : { error: `no data in the answer: ${body.slice(0, 300)}` };
}
/** The workspace's code locations. */
function workspaceLocations(body) {
    const d = dataOf(body);
    if ("error" in d)
        return d;
    const ws = obj(d.data.workspaceOrError);
    if (ws?.__typename !== "Workspace")
        return { error: `workspaceOrError is ${ws?.__typename}: ${str(ws?.message) ?? JSON.stringify(ws)}` };
    return {
        locations: arr(ws.locationEntries).map((e) => {
            const entry = obj(e) ?? {};
            const loc = obj(entry.locationOrLoadError);
            const loaded = loc?.__typename === "RepositoryLocation";
            return {
                name: str(entry.name) ?? "",
                loadStatus: str(entry.loadStatus) ?? "",
                ...(loc && !loaded ? { error: str(loc.message) ?? String(loc.__typename) } : {}),
                repositories: loaded
                    ? arr(loc.repositories).map((r) => ({
                        name: str(obj(r)?.name) ?? "",
                        jobs: arr(obj(r)?.jobs).map((j) => str(obj(j)?.name) ?? ""),
                    }))
                    : [],
            };
        }),
    };
}
/** Where `job` is: its location and repository (the launchRun selector), or why it is not listed. */
function findJob(locations, job) {
    for (const l of locations)
        for (const r of l.repositories)
            if (r.jobs.includes(job))
                return { location: l.name, repository: r.name };
    const failed = locations.find((l) => l.error);
    const seen = locations.length
        ? locations
            .map((l) => `${l.name} (${l.loadStatus}${l.error ? `, error: ${l.error}` : `, jobs: ${l.repositories.flatMap((r) => r.jobs).join(", ") || "none"}`})`)
            .join("; ")
        : "no code location at all";
    return { missing: `job ${job} is in no loaded code location: ${seen}`, ...(failed ? { failed } : {}) };
}
/** launchRun's variables for a job with no run config. */
function launchVariables(sel) {
    return {
        executionParams: {
            selector: {
                repositoryLocationName: sel.location,
                repositoryName: sel.repository,
                jobName: sel.job,
            },
            runConfigData: {},
        },
    };
}
/** The launched run's id, or what launchRun answered instead. */
function launchedRun(body) {
    const d = dataOf(body);
    if ("error" in d)
        return d;
    const r = obj(d.data.launchRun);
    if (r?.__typename === "LaunchRunSuccess") {
        const run = obj(r.run);
        const runId = str(run?.runId);
        if (runId)
            return { runId, status: str(run?.status) ?? "" };
    }
    const detail = str(r?.message) ??
        arr(r?.errors)
            .map((e) => str(obj(e)?.message))
            .join("; ");
    return { error: `launchRun answered ${r?.__typename}: ${detail || JSON.stringify(r)}` };
}
/** A run's status, or why the API gave none. */
function runStatus(body) {
    const d = dataOf(body);
    if ("error" in d)
        return d;
    const r = obj(d.data.runOrError);
    if (r?.__typename === "Run" && str(r.status))
        return { status: str(r.status) };
    return { error: `runOrError is ${r?.__typename}: ${str(r?.message) ?? JSON.stringify(r)}` };
}
/** The run's event messages (level and text), its cursor and whether more follow. */
function runEvents(body) {
    const d = dataOf(body);
    if ("error" in d)
        return d;
    const c = obj(d.data.logsForRun);
    if (c?.__typename !== "EventConnection")
        return { error: `logsForRun is ${c?.__typename}: ${str(c?.message) ?? JSON.stringify(c)}` };
    const cursor = str(c.cursor);
    return {
        events: arr(c.events)
            .map((e) => obj(e) ?? {})
            .filter((e) => str(e.message) !== undefined)
            .map((e) => ({ level: str(e.level) ?? "", message: str(e.message) })),
        ...(cursor ? { cursor } : {}),
        hasMore: c.hasMore === true,
    };
}

;// CONCATENATED MODULE: ./src/e2e/checks/dagster-launch.ts
// T116 / E2E-001: the data product's code location is registered in the platform's Dagster (its GraphQL API
// lists the job), a run of that job launched through the API completes with SUCCESS, and Dagster's
// K8sRunLauncher ran it in a pod of its own (labelled dagster/run-id). Reached the way a user would: kubectl
// port-forward to the webserver's Service. Sets facts.dagsterRunId and dagsterRunStatus once the run ended.





/** The example data product's job (examples/orders/orders_pipeline/definitions.py). */
const JOB = "orders_dbt_build";
const POLL_MS = 5_000;
/** A location still failing to load this long after the first failure (reloads asked for) fails the check. */
const LOAD_ERROR_GRACE_MS = 120_000;
/** dbt colours its output: escape sequences say nothing in a results file. */
const plain = (s) => (0,external_node_util_.stripVTControlCharacters)(s);
/** A GraphQL call: the answer's body (any HTTP status; the readers say what is wrong with it). */
async function graphql(url, query, variables = {}) {
    const r = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
    });
    const body = await r.text();
    return r.ok ? body : `HTTP ${r.status}: ${body}`;
}
const dagsterLaunch = {
    id: "T116 dagster-launch",
    covers: ["T116", "E2E-001"],
    timeoutMs: 600_000,
    async run(e) {
        const deadline = Date.now() + e.timeoutMs;
        const left = () => Math.max(0, Math.round((deadline - Date.now()) / 1000));
        const keep = (name, body) => (0,promises_.writeFile)(external_node_path_default().join(e.dir, name), body).catch(() => { });
        const svc = await kubectlJson(e.kube, [
            "get",
            "services",
            "--selector",
            `app.kubernetes.io/instance=${e.platformRelease},app.kubernetes.io/component=dagster-webserver`,
        ]);
        const web = svc.items[0];
        if (!web)
            return {
                state: "fail",
                expected: `the Service of release ${e.platformRelease}'s Dagster webserver`,
                seen: "no Service labelled app.kubernetes.io/component=dagster-webserver",
            };
        const pf = await portForward(e.kube, web.metadata.name, web.spec.ports[0].port);
        try {
            // 1. The workspace lists the job (the webserver loads locations in the background: wait for it).
            let sel;
            let last = "";
            let lastBody = "";
            let printed = 0;
            let failingSince;
            let reloaded = 0;
            while (!sel) {
                lastBody = await graphql(pf.url, WORKSPACE_QUERY).catch((err) => `request failed: ${err}`);
                const ws = workspaceLocations(lastBody);
                if ("error" in ws)
                    last = ws.error;
                else {
                    const found = findJob(ws.locations, JOB);
                    if ("location" in found)
                        sel = found;
                    else {
                        last = found.missing;
                        // The webserver may have tried before the server listened (the platform is installed first): ask
                        // for a reload, as the UI's Reload button does; a location still failing after the grace fails.
                        if (found.failed) {
                            failingSince ??= Date.now();
                            if (Date.now() - reloaded >= 20_000) {
                                await graphql(pf.url, RELOAD_LOCATION_MUTATION, { name: found.failed.name }).catch(() => "");
                                reloaded = Date.now();
                            }
                            if (Date.now() - failingSince > LOAD_ERROR_GRACE_MS) {
                                await keep("workspace.json", lastBody);
                                return {
                                    state: "fail",
                                    expected: `the code location serving ${JOB} loaded in Dagster's workspace`,
                                    seen: `location ${found.failed.name} failed to load: ${found.failed.error}`,
                                };
                            }
                        }
                        else
                            failingSince = undefined;
                    }
                }
                if (sel)
                    break;
                if (Date.now() > deadline) {
                    await keep("workspace.json", lastBody);
                    return { state: "fail", expected: `Dagster's workspace lists job ${JOB}`, seen: last };
                }
                if (Date.now() - printed >= 10_000) {
                    e.ctx.progress(`e2e: T116: waiting for Dagster's workspace to list ${JOB} (${left()} s left): ${last}`);
                    printed = Date.now();
                }
                await sleep(POLL_MS);
            }
            await keep("workspace.json", lastBody);
            // 2. Launch the job through the API.
            const launchBody = await graphql(pf.url, LAUNCH_RUN_MUTATION, launchVariables({ ...sel, job: JOB }));
            await keep("launch-run.json", launchBody);
            const launched = launchedRun(launchBody);
            if ("error" in launched)
                return {
                    state: "fail",
                    expected: `launchRun of ${JOB} answers LaunchRunSuccess`,
                    seen: launched.error,
                };
            const { runId } = launched;
            e.ctx.progress(`e2e: T116: launched ${JOB} in location ${sel.location}: run ${runId}`);
            // 3. Poll the run to a terminal status.
            let status = launched.status;
            printed = Date.now();
            while (!TERMINAL.has(status)) {
                if (Date.now() > deadline)
                    break;
                await sleep(POLL_MS);
                const st = runStatus(await graphql(pf.url, RUN_QUERY, { runId }).catch((err) => `request failed: ${err}`));
                if ("status" in st)
                    status = st.status;
                if (Date.now() - printed >= 10_000) {
                    e.ctx.progress(`e2e: T116: run ${runId} is ${status} (${left()} s left)`);
                    printed = Date.now();
                }
            }
            // For the checks after this one: the run, once it ended (T117 reads its models only after a SUCCESS).
            if (TERMINAL.has(status)) {
                e.facts.dagsterRunId = runId;
                e.facts.dagsterRunStatus = status;
            }
            const pods = await kubectlJson(e.kube, [
                "get",
                "pods",
                "--selector",
                `dagster/run-id=${runId}`,
            ]).catch((err) => ({ items: [], error: err.message }));
            if (status !== "SUCCESS") {
                const events = await lastEvents(pf.url, runId, keep);
                const logs = await podLogs(e, runId);
                await keep("run-pod.log", logs);
                return {
                    state: "fail",
                    expected: `run ${runId} of ${JOB} ends with SUCCESS within ${Math.round(e.timeoutMs / 1000)} s`,
                    seen: `status ${status || "unknown"}${TERMINAL.has(status) ? "" : " (timed out)"}; last events:\n${events}\nrun pod (${pods.items.map((p) => `${p.metadata.name} ${p.status.phase}`).join(", ") || "none"}) logs:\n${logs}`,
                };
            }
            // 4. The K8s run launcher ran it: a pod labelled with the run id.
            const pod = pods.items[0];
            if (!pod)
                return {
                    state: "fail",
                    expected: `a pod labelled dagster/run-id=${runId} (Dagster's K8sRunLauncher runs each run in a Job of its own)`,
                    seen: `none in namespace ${e.kube.namespace}${pods.error ? `: ${pods.error}` : ""}`,
                };
            return {
                state: "pass",
                detail: `run ${runId} SUCCESS in pod ${pod.metadata.name} (${pod.spec.containers[0]?.image}, ${pod.status.phase})`,
            };
        }
        finally {
            pf.close();
        }
    },
};
/** The run's last 15 event messages, one per line (all of them kept in run-events.json). */
async function lastEvents(url, runId, keep) {
    const body = await graphql(url, RUN_EVENTS_QUERY, { runId }).catch((err) => `request failed: ${err}`);
    await keep("run-events.json", body);
    const ev = runEvents(body);
    if ("error" in ev)
        return `  (no events: ${ev.error})`;
    return ev.events
        .map((x) => ({ level: x.level, line: plain(x.message.split("\n")[0] ?? "").trim() }))
        .filter((x) => x.line)
        .slice(-15)
        .map((x) => `  ${x.level} ${x.line}`)
        .join("\n");
}
/** The last 30 lines the run's pod(s) logged (a Dagster log record may span several). */
async function podLogs(e, runId) {
    const r = await kubectl(e.kube, [
        "logs",
        "--selector",
        `dagster/run-id=${runId}`,
        "--all-containers",
        "--tail",
        "40",
    ]);
    if (r.code !== 0)
        return `kubectl logs failed: ${r.stderr.trim()}`;
    return plain(r.stdout).trim().split("\n").slice(-30).join("\n") || "(no log lines)";
}

;// CONCATENATED MODULE: ./src/e2e/checks/dbt-models.ts

/** examples/orders: schema (FLOE_DB_SCHEMA), database and what dbt build creates there. */
const ORDERS = {
    database: "dagster",
    schema: "orders",
    relations: {
        raw_customers: "BASE TABLE",
        raw_orders: "BASE TABLE",
        stg_customers: "VIEW",
        stg_orders: "VIEW",
        customer_orders: "BASE TABLE",
    },
    mart: "customer_orders",
};
/** The SQL of the check (pure): the schema's relations as `name|type` lines. */
function relationsSql(schema) {
    return `select table_name || '|' || table_type from information_schema.tables where table_schema = '${schema}' order by 1`;
}
/** `name|type` lines -> a map (psql -At output). */
function parseRelations(stdout) {
    const out = {};
    for (const l of stdout.split("\n")) {
        const [name, type] = l.trim().split("|");
        if (name && type)
            out[name] = type;
    }
    return out;
}
/** What is missing or of another kind than expected, one phrase each (empty: all there). */
function relationProblems(expected, seen) {
    return Object.entries(expected).flatMap(([name, type]) => seen[name] === undefined
        ? [`${name} missing`]
        : seen[name] !== type
            ? [`${name} is a ${seen[name]}, not a ${type}`]
            : []);
}
/** argv after `kubectl exec POD --`: psql as the PostgreSQL superuser of the pod's own environment, over
 * TCP to itself, in a read-only transaction. */
function psqlArgv(database, sql) {
    return [
        "sh",
        "-c",
        'PGPASSWORD="$POSTGRES_PASSWORD" PGOPTIONS="-c default_transaction_read_only=on" exec psql -h 127.0.0.1 -U "$POSTGRES_USER" -d "$1" -v ON_ERROR_STOP=1 -At -c "$2"',
        "psql",
        database,
        sql,
    ];
}
const dbtModels = {
    id: "T117 dbt-models",
    covers: ["T117", "GAP-002"],
    timeoutMs: 120_000,
    async run(e) {
        const runId = e.facts.dagsterRunId;
        if (!runId)
            return { state: "skip", reason: "T116's Dagster run did not end (see T116)" };
        if (e.facts.dagsterRunStatus !== "SUCCESS")
            return {
                state: "skip",
                reason: `T116's run ${runId} ended ${e.facts.dagsterRunStatus}: it built no models to look for (see T116)`,
            };
        const pods = await kubectlJson(e.kube, [
            "get",
            "pods",
            "--selector",
            `app.kubernetes.io/instance=${e.platformRelease},app.kubernetes.io/component=postgresql`,
        ]);
        const pod = pods.items.find((p) => p.status.phase === "Running");
        if (!pod)
            return {
                state: "fail",
                expected: `a running PostgreSQL pod of release ${e.platformRelease}`,
                seen: pods.items.map((p) => `${p.metadata.name} ${p.status.phase}`).join(", ") || "none",
            };
        const psql = (sql) => kubectl(e.kube, ["exec", pod.metadata.name, "--container", "postgresql", "--", ...psqlArgv(ORDERS.database, sql)], {
            timeoutMs: Math.min(60_000, e.timeoutMs),
        });
        const rel = await psql(relationsSql(ORDERS.schema));
        if (rel.code !== 0)
            return {
                state: "fail",
                expected: "psql lists the schema's relations",
                seen: (rel.stderr || rel.stdout).trim(),
            };
        const seen = parseRelations(rel.stdout);
        const problems = relationProblems(ORDERS.relations, seen);
        if (problems.length)
            return {
                state: "fail",
                expected: `after run ${runId}, schema ${ORDERS.schema} of database ${ORDERS.database} holds ${Object.entries(ORDERS.relations)
                    .map(([n, t]) => `${n} (${t})`)
                    .join(", ")}`,
                seen: `${problems.join("; ")} (the schema has: ${Object.entries(seen)
                    .map(([n, t]) => `${n} (${t})`)
                    .join(", ") || "nothing"})`,
            };
        const count = await psql(`select count(*) from ${ORDERS.schema}.${ORDERS.mart}`);
        const rows = Number(count.stdout.trim());
        if (count.code !== 0 || !(rows > 0))
            return {
                state: "fail",
                expected: `rows in ${ORDERS.schema}.${ORDERS.mart} after run ${runId}`,
                seen: count.code !== 0 ? (count.stderr || count.stdout).trim() : `${count.stdout.trim()} rows`,
            };
        return {
            state: "pass",
            detail: `run ${runId}: ${Object.keys(ORDERS.relations).join(", ")} in ${ORDERS.database}.${ORDERS.schema}; ${ORDERS.mart}: ${rows} rows`,
        };
    },
};

// EXTERNAL MODULE: ./src/cluster/kind/external-secrets.ts
var external_secrets = __webpack_require__(3206);
;// CONCATENATED MODULE: ./src/e2e/checks/eso.ts
// Pure parts of the GAP-006 check (./external-secrets.ts): what an ExternalSecret's status says, whether the
// Secret it targets was written by the External Secrets Operator (its controller ownerReference to that very
// ExternalSecret, ESO's managed label, every key the ExternalSecret asks for), and which pods read a Secret
// (env, envFrom, volumes, projected volumes) and are Ready. Tests: tests/e2e/eso.test.ts.
const LABEL_MANAGED = "reconcile.external-secrets.io/managed";
const describeCondition = (c) => c
    ? `${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ""}${c.message ? `: ${c.message}` : ""}`
    : "no Ready condition yet";
/** Why `secret` is not the one ESO wrote for `es` (undefined: it is): missing, no controller ownerReference to
 * that ExternalSecret (by name and uid), without ESO's managed label, or missing a key the ExternalSecret asks for. */
function notWrittenBy(es, secret) {
    const target = es.spec.target?.name ?? es.metadata.name;
    if (!secret)
        return `Secret ${target} does not exist`;
    const owner = secret.metadata.ownerReferences?.find((o) => o.kind === "ExternalSecret" &&
        o.name === es.metadata.name &&
        o.apiVersion.startsWith("external-secrets.io/"));
    if (!owner)
        return `Secret ${target} has no ownerReference to ExternalSecret ${es.metadata.name}`;
    if (es.metadata.uid && owner.uid !== es.metadata.uid)
        return `Secret ${target}'s ownerReference is to another ExternalSecret ${es.metadata.name} (uid ${owner.uid}, not ${es.metadata.uid})`;
    if (!owner.controller)
        return `Secret ${target}'s ownerReference to ExternalSecret ${es.metadata.name} is not its controller`;
    if (secret.metadata.labels?.[LABEL_MANAGED] !== "true")
        return `Secret ${target} lacks ESO's label ${LABEL_MANAGED}=true`;
    const missing = (es.spec.data ?? []).map((d) => d.secretKey).filter((k) => !(k in (secret.data ?? {})));
    if (missing.length)
        return `Secret ${target} lacks the keys ${missing.join(", ")}`;
    return undefined;
}
function esState(es, secrets) {
    const target = es.spec.target?.name ?? es.metadata.name;
    const ready = es.status?.conditions?.find((c) => c.type === "Ready");
    const notWritten = notWrittenBy(es, secrets.find((s) => s.metadata.name === target));
    return {
        name: es.metadata.name,
        target,
        store: `${es.spec.secretStoreRef?.kind ?? "SecretStore"}/${es.spec.secretStoreRef?.name ?? "?"}`,
        ready: ready?.status === "True",
        condition: describeCondition(ready),
        ...(notWritten ? { notWritten } : {}),
    };
}
/** Synced: Ready=True and its Secret written by ESO. */
const synced = (s) => s.ready && !s.notWritten;
const describeEs = (s) => `ExternalSecret ${s.name} (store ${s.store}) -> Secret ${s.target}: ${s.condition}${s.notWritten ? `; ${s.notWritten}` : ""}`;
/** The Secrets a pod reads: env secretKeyRef and envFrom secretRef of every container and init container,
 * secret and projected volumes. */
function secretsReadBy(p) {
    const names = new Set();
    for (const c of [...p.spec.containers, ...(p.spec.initContainers ?? [])]) {
        for (const e of c.env ?? [])
            if (e.valueFrom?.secretKeyRef?.name)
                names.add(e.valueFrom.secretKeyRef.name);
        for (const e of c.envFrom ?? [])
            if (e.secretRef?.name)
                names.add(e.secretRef.name);
    }
    for (const v of p.spec.volumes ?? []) {
        if (v.secret?.secretName)
            names.add(v.secret.secretName);
        for (const s of v.projected?.sources ?? [])
            if (s.secret?.name)
                names.add(s.secret.name);
    }
    return [...names].sort();
}
const podReady = (p) => p.status?.phase === "Running" &&
    p.status.conditions?.some((c) => c.type === "Ready" && c.status === "True") === true;
/** For each Secret, the Ready pods reading it (sorted), and the Secrets no Ready pod reads. */
function readers(secrets, pods) {
    const by = {};
    for (const s of secrets)
        by[s] = pods
            .filter((p) => podReady(p) && secretsReadBy(p).includes(s))
            .map((p) => p.metadata.name)
            .sort();
    return { by, unread: secrets.filter((s) => !by[s].length) };
}

;// CONCATENATED MODULE: ./src/e2e/checks/external-secrets.ts
// GAP-006: the External Secrets Operator creates the Secrets the platform reads, and the platform uses them.
// The platform scenario renders ExternalSecrets (externalSecrets.enabled, as ci/externalsecrets-values.yaml)
// pointing at a store of ESO's fake provider (floe-gate.yaml e2e.platform.objects applies it before the
// install); ESO runs in the cluster (`floe-helm cluster up --provider kind --external-secrets`). The check
// passes when every ExternalSecret of the platform's release is Ready=True, the Secret it targets was written
// by ESO (a controller ownerReference to that ExternalSecret, ESO's managed label, every key asked for), and
// each of those Secrets is read by a Ready pod of the namespace (the platform's PostgreSQL, Dagster, MinIO...).
// On failure it says what it expected and saw: each ExternalSecret's Ready condition, and ESO's own log.



const SYNC_MS = 120_000;
const PODS_MS = 120_000;
const external_secrets_check = {
    id: "GAP-006 external-secrets",
    covers: ["GAP-006"],
    timeoutMs: 300_000,
    run: (e) => external_secrets_run(e),
};
/** The last lines of ESO's controller log (its namespace, not the e2e one). */
async function esoLog(e) {
    const r = await kubectl({ ...e.kube, namespace: external_secrets/* ESO_NAMESPACE */.cs }, [
        "logs",
        `deployment/${external_secrets/* ESO_NAME */.c$}`,
        "--tail",
        "15",
    ]);
    const text = (r.stdout + r.stderr).trim();
    return text ? text.split("\n").slice(-15).join(" | ") : "(none)";
}
async function external_secrets_run(e) {
    const k = e.kube;
    const rel = e.platformRelease;
    const list = await kubectl(k, [
        "get",
        "externalsecrets.external-secrets.io",
        "--selector",
        `app.kubernetes.io/instance=${rel}`,
        "--output",
        "json",
    ]);
    if (list.code !== 0)
        return {
            state: "fail",
            expected: "the External Secrets Operator's API (external-secrets.io/v1 ExternalSecret) served by the cluster (`floe-helm cluster up --provider kind --external-secrets`)",
            seen: list.stderr.trim() || list.stdout.trim(),
        };
    const items = JSON.parse(list.stdout).items;
    if (!items.length)
        return {
            state: "skip",
            reason: `the platform (release ${rel}) has no ExternalSecret: its scenario leaves externalSecrets.enabled off (ci/externalsecrets-values.yaml turns it on)`,
        };
    // 1. Every ExternalSecret synced: Ready=True and its Secret written by ESO.
    const read = async () => {
        const ess = (await kubectlJson(k, [
            "get",
            "externalsecrets.external-secrets.io",
            "--selector",
            `app.kubernetes.io/instance=${rel}`,
        ])).items;
        const secrets = (await kubectlJson(k, ["get", "secrets"])).items;
        return ess.map((x) => esState(x, secrets)).sort((a, b) => a.name.localeCompare(b.name));
    };
    let states = await read();
    const until = Date.now() + Math.min(SYNC_MS, e.timeoutMs);
    while (!states.every(synced) && Date.now() < until) {
        e.ctx.progress(`e2e GAP-006: waiting for ${states
            .filter((s) => !synced(s))
            .map((s) => s.name)
            .join(", ")} to be synced by ESO`);
        await sleep(5_000);
        states = await read();
    }
    if (!states.every(synced))
        return {
            state: "fail",
            expected: `every ExternalSecret of release ${rel} Ready=True with its Secret written by the External Secrets Operator (a controller ownerReference to it, label reconcile.external-secrets.io/managed=true, every key) within ${SYNC_MS / 1000} s`,
            seen: `${states
                .filter((s) => !synced(s))
                .map(describeEs)
                .join("; ")}; ESO's log (${external_secrets/* ESO_NAMESPACE */.cs}/deployment/${external_secrets/* ESO_NAME */.c$}): ${await esoLog(e)}`,
        };
    // 2. The platform uses them: each written Secret read by a Ready pod.
    const targets = states.map((s) => s.target);
    let seen = readers(targets, []);
    const podsUntil = Date.now() + PODS_MS;
    for (;;) {
        const pods = (await kubectlJson(k, ["get", "pods"])).items;
        seen = readers(targets, pods);
        if (!seen.unread.length || Date.now() >= podsUntil)
            break;
        e.ctx.progress(`e2e GAP-006: waiting for a Ready pod reading ${seen.unread.join(", ")}`);
        await sleep(5_000);
    }
    if (seen.unread.length)
        return {
            state: "fail",
            expected: `each Secret the External Secrets Operator wrote (${targets.join(", ")}) read by a Ready pod of namespace ${k.namespace} (env, envFrom or a volume)`,
            seen: `no Ready pod reads ${seen.unread.join(", ")} after ${PODS_MS / 1000} s`,
        };
    return {
        state: "pass",
        detail: states
            .map((s) => `Secret ${s.target} written by ESO for ExternalSecret ${s.name} (${s.store}, Ready=True), read by ${seen.by[s.target].join(", ")}`)
            .join("; "),
    };
}

;// CONCATENATED MODULE: ./src/e2e/checks/http.ts
// HTTP as the E2E checks use it against a port-forwarded Service: every answer kept whole for the outcome's
// evidence, a bounded wait per request, and errors that name the request and the first of the answer.
/** One request; never throws for an HTTP status (the caller decides), throws when nothing answered. */
async function request(url, init = {}, timeoutMs = 15_000) {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: r.status, body: await r.text() };
}
/** The JSON of an answer, or an error naming what answered what. */
function jsonOf(a, what) {
    try {
        return JSON.parse(a.body);
    }
    catch {
        throw new Error(`${what} answered HTTP ${a.status} without JSON: ${a.body.slice(0, 200)}`);
    }
}

;// CONCATENATED MODULE: ./src/e2e/checks/polaris.ts
// Pure parts of the E2E-003 table check (./iceberg-table.ts): the Iceberg REST catalog API as Apache Polaris
// serves it under /api/catalog (OAuth2 client-credentials token, /v1/config for the catalog's prefix, namespaces,
// tables, load table) and which tables' snapshots a Dagster run wrote (the writer puts the run id into the
// snapshot summary, `dagster.run_id`, as Iceberg lets any writer add summary properties). Tests:
// tests/e2e/polaris.test.ts, against a stand-in serving the Iceberg REST spec's documented responses (named so),
// and tests/e2e/iceberg-writer.test.ts, against the Iceberg project's own REST catalog server after the example
// data product's writer wrote its table there.
const CATALOG_API = "/api/catalog";
const RUN_ID_PROPERTY = "dagster.run_id";
/** The token request's form body (client credentials of a Polaris principal, all its roles). */
function tokenForm(clientId, clientSecret) {
    return new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: clientSecret,
        scope: "PRINCIPAL_ROLE:ALL",
    }).toString();
}
/** The catalog API's paths under its root (Polaris: /api/catalog; the Iceberg project's own REST catalog serves
 * the spec's paths at /). `prefix` is what /v1/config tells (none: the spec's paths without one). */
function catalogPaths(root = CATALOG_API) {
    const v1 = (prefix) => `${root}/v1${prefix ? `/${encodeURIComponent(prefix)}` : ""}`;
    const tablesPath = (prefix, namespace) => `${v1(prefix)}/namespaces/${ns(namespace)}/tables`;
    return {
        tokenPath: () => `${root}/v1/oauth/tokens`,
        configPath: (catalog) => `${root}/v1/config?${new URLSearchParams({ warehouse: catalog }).toString()}`,
        namespacesPath: (prefix, parent) => `${v1(prefix)}/namespaces${parent?.length ? `?parent=${ns(parent)}` : ""}`,
        tablesPath,
        tablePath: (prefix, namespace, table) => `${tablesPath(prefix, namespace)}/${encodeURIComponent(table)}`,
    };
}
/** A multi-level namespace in a path: its levels joined by the unit separator (0x1F), then encoded. */
const ns = (levels) => encodeURIComponent(levels.join("\x1f"));
const { tokenPath, configPath, namespacesPath, tablesPath, tablePath } = catalogPaths();
/** The prefix /v1/config tells clients to use for this catalog (Polaris: the catalog's name); none when it tells
 * none (the spec: the paths then have no prefix). */
function prefixOf(config) {
    return config.overrides?.prefix ?? config.defaults?.prefix;
}
const describeTable = (t) => [...t.namespace, t.name].join(".");
/** The snapshots of a loaded table that carry this run id. */
function snapshotsOfRun(t, runId) {
    return (t.metadata.snapshots ?? []).filter((s) => s.summary?.[RUN_ID_PROPERTY] === runId);
}
/** The run ids a loaded table's snapshots name (for what was seen when none is the run's). */
function runIdsOf(t) {
    return [...new Set((t.metadata.snapshots ?? []).flatMap((s) => s.summary?.[RUN_ID_PROPERTY] ?? []))];
}

;// CONCATENATED MODULE: ./src/e2e/checks/run-pod.ts

/** The label Dagster's K8s run launcher puts on a run's Job and pod (dagster_k8s/launcher.py). */
const RUN_ID_LABEL = "dagster/run-id";
/** The environment of these pods (pure; see RunPods.env). */
function envOf(pods) {
    const seen = new Map();
    for (const p of pods)
        for (const c of p.spec.containers)
            for (const v of c.env ?? []) {
                const set = seen.get(v.name) ?? new Set();
                set.add(v.value ?? "(from a reference)");
                seen.set(v.name, set);
            }
    return Object.fromEntries([...seen].map(([k, vals]) => [k, [...vals].join(", ")]));
}
async function runPods(k, runId) {
    const pods = await kubectlJson(k, [
        "get",
        "pods",
        "--selector",
        `${RUN_ID_LABEL}=${runId}`,
    ]);
    return { names: pods.items.map((p) => p.metadata.name).sort(), env: envOf(pods.items) };
}
/** The release's Service of a component with the named port; else the check's failure, naming what it looked
 * for (`what`, e.g. "the Marquez API Service") and what was there instead. */
async function componentService(k, release, component, portName, what) {
    const svcs = await kubectlJson(k, [
        "get",
        "services",
        "--selector",
        `app.kubernetes.io/instance=${release},app.kubernetes.io/component=${component}`,
    ]);
    for (const s of svcs.items) {
        const p = s.spec.ports.find((x) => x.name === portName);
        if (p)
            return { service: s.metadata.name, port: p.port };
    }
    return {
        state: "fail",
        expected: `${what} of release ${release} (component ${component}, port "${portName}")`,
        seen: svcs.items.length
            ? `Services ${svcs.items.map((s) => s.metadata.name).join(", ")} have no port named "${portName}"`
            : `no Service of component ${component} in release ${release} (${component}.enabled is off?)`,
    };
}

;// CONCATENATED MODULE: ./src/e2e/checks/iceberg-table.ts
// E2E-003: a table written by T116's Dagster run is discoverable through Polaris' Iceberg REST API: listed in a
// namespace of the catalog the platform hands run pods (POLARIS_CATALOG), with a snapshot whose summary carries
// the run's id (dagster.run_id). Polaris is reached by `kubectl port-forward` to the platform's polaris Service
// (port "http") with the root principal's client credentials from the platform's Secret (keys root-client-id,
// root-client-secret), as the platform's own helm test pod does. Needs Polaris running: where the platform
// scenario declares it not run here, the runner records that instead.






const iceberg_table_check = {
    id: "E2E-003 iceberg-table",
    covers: ["E2E-003"],
    timeoutMs: 90_000,
    needs: ["polaris"],
    run: (e) => iceberg_table_run(e),
};
/** The Polaris root credentials: the release's polaris Secret, else any Secret of the namespace with both keys. */
async function rootCredentials(k, release) {
    const all = await kubectlJson(k, ["get", "secrets"]);
    const both = all.items.filter((s) => s.data?.["root-client-id"] && s.data["root-client-secret"]);
    const s = both.find((x) => x.metadata.labels?.["app.kubernetes.io/instance"] === release) ?? both[0];
    if (!s)
        return undefined;
    const dec = (v) => Buffer.from(v, "base64").toString("utf8");
    return {
        secret: s.metadata.name,
        clientId: dec(s.data["root-client-id"]),
        clientSecret: dec(s.data["root-client-secret"]),
    };
}
async function iceberg_table_run(e) {
    const runId = e.facts.dagsterRunId;
    if (!runId)
        return { state: "skip", reason: "no Dagster run to look for: T116 did not complete a run" };
    const k = e.kube;
    const pods = await runPods(k, runId);
    const catalog = pods.env.POLARIS_CATALOG;
    if (!catalog)
        return {
            state: "fail",
            expected: `the run's pod ${pods.names.join(", ") || "(none found)"} is given POLARIS_URI and POLARIS_CATALOG (the platform's Polaris)`,
            seen: "POLARIS_CATALOG is not set in its environment: the run had no catalog to write to",
        };
    const svc = await componentService(k, e.platformRelease, "polaris", "http", "the Polaris API Service");
    if ("state" in svc)
        return svc;
    const cred = await rootCredentials(k, e.platformRelease);
    if (!cred)
        return {
            state: "fail",
            expected: `a Secret with Polaris' root-client-id and root-client-secret in namespace ${k.namespace}`,
            seen: "none: the catalog cannot be asked",
        };
    await (0,promises_.mkdir)(e.dir, { recursive: true });
    const answersFile = external_node_path_default().join(e.dir, "e2e-003-polaris.json");
    const answers = {};
    const pf = await portForward(k, svc.service, svc.port);
    try {
        const seen = await askPolaris(pf.url, cred, catalog, runId, async (p, a) => {
            answers[p] = { status: a.status, body: a.body.slice(0, 20_000) };
            await (0,promises_.writeFile)(answersFile, `${JSON.stringify(answers, null, 2)}\n`);
        });
        return tableOutcome(runId, catalog, seen, answersFile);
    }
    finally {
        pf.close();
    }
}
/** Asks the Iceberg REST catalog at `base` (a token for the client credentials, the catalog's prefix, its
 * namespaces two levels deep, their tables, each table loaded) for a table with a snapshot of the run. Throws
 * when the catalog answers other than 200. `root`: where the API is under `base` (Polaris': /api/catalog). */
async function askPolaris(base, cred, catalog, runId, keep, root = CATALOG_API) {
    const { tokenPath, configPath, namespacesPath, tablesPath, tablePath } = catalogPaths(root);
    let headers = {};
    const call = async (p, init = {}) => {
        const a = await request(base + p, { ...init, headers: { ...headers, ...init.headers } });
        await keep?.(p, a);
        if (a.status !== 200)
            throw new Error(`Polaris ${p} answered HTTP ${a.status}: ${a.body.slice(0, 300)}`);
        return jsonOf(a, `Polaris ${p}`);
    };
    const token = await call(tokenPath(), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: tokenForm(cred.clientId, cred.clientSecret),
    });
    if (!token.access_token)
        throw new Error(`Polaris ${tokenPath()} answered no access_token`);
    headers = { authorization: `Bearer ${token.access_token}` };
    const prefix = prefixOf(await call(configPath(catalog)));
    // Namespaces two levels deep (a data product's schema, or its schema under a product namespace).
    const top = (await call(namespacesPath(prefix))).namespaces;
    const nested = [];
    for (const n of top)
        nested.push(...(await call(namespacesPath(prefix, n))).namespaces);
    const tables = [];
    for (const n of [...top, ...nested]) {
        const ids = (await call(tablesPath(prefix, n))).identifiers;
        for (const t of ids) {
            const loaded = await call(tablePath(prefix, t.namespace, t.name));
            const mine = snapshotsOfRun(loaded, runId);
            if (mine.length)
                return {
                    found: {
                        table: t,
                        snapshotId: mine[0]["snapshot-id"],
                        ...(loaded["metadata-location"] ? { metadataLocation: loaded["metadata-location"] } : {}),
                    },
                    tables,
                };
            const others = runIdsOf(loaded);
            tables.push(`${describeTable(t)}${others.length ? ` (runs ${others.join(", ")})` : " (no run id)"}`);
        }
    }
    return { tables };
}
/** E2E-003's outcome from what the catalog held (pure). */
function tableOutcome(runId, catalog, seen, answersFile) {
    const f = seen.found;
    if (f)
        return {
            state: "pass",
            detail: `table ${describeTable(f.table)} of catalog ${catalog} has snapshot ${f.snapshotId} of run ${runId} (${f.metadataLocation ?? "no metadata location"}), found through Polaris' Iceberg REST API`,
        };
    return {
        state: "fail",
        expected: `a table in Polaris catalog ${catalog} with a snapshot of run ${runId} (snapshot summary dagster.run_id)`,
        seen: `${seen.tables.length ? `tables: ${seen.tables.join("; ")}` : "no table in the catalog"} (answers: ${answersFile})`,
    };
}

;// CONCATENATED MODULE: ./src/e2e/checks/marquez.ts
// Pure parts of the T118 lineage check (./lineage.ts): Marquez's HTTP API paths and what its answer about one
// run says (GET /api/v1/jobs/runs/{id}: the run Marquez built from the OpenLineage events it received, with the
// job version and the input and output dataset versions those events named). Tests: tests/e2e/marquez.test.ts,
// against a stand-in serving the documented response shapes (named as such).
const runPath = (runId) => `/api/v1/jobs/runs/${encodeURIComponent(runId)}`;
const jobPath = (namespace, job) => `/api/v1/namespaces/${encodeURIComponent(namespace)}/jobs/${encodeURIComponent(job)}`;
const datasets = (list) => [...new Set((list ?? []).map((d) => `${d.datasetVersionId.namespace}/${d.datasetVersionId.name}`))].sort();
function lineageOf(run) {
    return {
        state: run.state,
        job: run.jobVersion ? `${run.jobVersion.namespace}/${run.jobVersion.name}` : "",
        inputs: datasets(run.inputDatasetVersions),
        outputs: datasets(run.outputDatasetVersions),
    };
}
/** What is missing from a run's lineage for T118 (empty: it is all there): the run ended as Dagster says it
 * did (COMPLETED for SUCCESS, FAILED for FAILURE), it belongs to a job, and it names its input and output
 * datasets. */
function missing(l, dagsterStatus) {
    const want = dagsterStatus === "FAILURE" ? "FAILED" : "COMPLETED";
    const out = [];
    if (l.state !== want)
        out.push(`state ${l.state}, not ${want}`);
    if (!l.job)
        out.push("no job version");
    if (!l.inputs.length)
        out.push("no input dataset");
    if (!l.outputs.length)
        out.push("no output dataset");
    return out;
}
const describeLineage = (l) => `${l.state}, job ${l.job || "(none)"}, inputs ${l.inputs.join(", ") || "(none)"}, outputs ${l.outputs.join(", ") || "(none)"}`;

;// CONCATENATED MODULE: ./src/e2e/checks/lineage.ts
// T118: the OpenLineage events of T116's Dagster run reached Marquez: its API lists the run (the run id is the
// OpenLineage run id: the example data product emits START and COMPLETE/FAIL events under its Dagster run id to
// the OPENLINEAGE_URL the platform hands run pods), under its job, with the input and output datasets the events
// named. Marquez is reached by `kubectl port-forward` to the platform's marquez Service (port "http"). Needs
// Marquez running: where the platform scenario declares it not run here, the runner records that instead.






/** How long Marquez may take to have the run's COMPLETE event after Dagster says the run ended. */
const lineage_POLL_MS = 60_000;
const lineage_check = {
    id: "T118 lineage",
    covers: ["T118"],
    timeoutMs: 120_000,
    needs: ["marquez"],
    run: (e) => lineage_run(e),
};
async function lineage_run(e) {
    const runId = e.facts.dagsterRunId;
    if (!runId)
        return { state: "skip", reason: "no Dagster run to look for: T116 did not complete a run" };
    const k = e.kube;
    const pods = await runPods(k, runId);
    const told = pods.env.OPENLINEAGE_URL;
    if (pods.names.length && !told)
        return {
            state: "fail",
            expected: `the run's pod ${pods.names.join(", ")} is given OPENLINEAGE_URL (the platform's Marquez)`,
            seen: "OPENLINEAGE_URL is not set in its environment: the run had nowhere to send its lineage",
        };
    const svc = await componentService(k, e.platformRelease, "marquez", "http", "the Marquez API Service");
    if ("state" in svc)
        return svc;
    await (0,promises_.mkdir)(e.dir, { recursive: true });
    const answersFile = external_node_path_default().join(e.dir, "t118-marquez.json");
    const answers = {};
    const pf = await portForward(k, svc.service, svc.port);
    try {
        const seen = await askMarquez(pf.url, runId, e.facts.dagsterRunStatus, {
            waitMs: Math.min(e.timeoutMs, lineage_POLL_MS),
            keep: async (p, a) => {
                answers[p] = { status: a.status, body: safeJson(a.body) };
                await (0,promises_.writeFile)(answersFile, `${JSON.stringify(answers, null, 2)}\n`);
            },
            progress: (l) => e.ctx.progress(`e2e T118: ${l}`),
        });
        return lineageOutcome(runId, e.facts.dagsterRunStatus, seen, {
            where: `OPENLINEAGE_URL of the run's pod: ${told ?? "(no run pod found)"}; answers: ${answersFile}`,
        });
    }
    finally {
        pf.close();
    }
}
/** Asks Marquez at `base` for the run (every 5 s for up to waitMs, until its lineage is complete), then for its
 * job. Throws when Marquez answers other than 200 or 404 for the run. */
async function askMarquez(base, runId, dagsterStatus, o) {
    const started = Date.now();
    const until = started + o.waitMs;
    const p = runPath(runId);
    let lineage;
    let last = "";
    for (;;) {
        const a = await request(base + p);
        await o.keep?.(p, a);
        if (a.status === 200) {
            lineage = lineageOf(jsonOf(a, `Marquez ${p}`));
            last = describeLineage(lineage);
            if (!missing(lineage, dagsterStatus).length)
                break;
        }
        else if (a.status === 404)
            last = "Marquez has no such run (HTTP 404)";
        else
            throw new Error(`Marquez ${p} answered HTTP ${a.status}: ${a.body.slice(0, 200)}`);
        if (Date.now() >= until)
            return { ...(lineage ? { lineage } : {}), last, waitedMs: Date.now() - started };
        o.progress?.(`waiting for run ${runId}'s lineage in Marquez (${last}), ${Math.round((until - Date.now()) / 1000)} s left`);
        await sleep(o.intervalMs ?? 5_000);
    }
    const [ns, ...name] = lineage.job.split("/");
    const jp = jobPath(ns ?? "", name.join("/"));
    const answer = await request(base + jp);
    await o.keep?.(jp, answer);
    return { lineage, last, job: { path: jp, answer }, waitedMs: Date.now() - started };
}
/** T118's outcome from what Marquez said (pure). */
function lineageOutcome(runId, dagsterStatus, seen, o) {
    const want = dagsterStatus === "FAILURE" ? "FAILED" : "COMPLETED";
    const { lineage, job } = seen;
    if (lineage && !missing(lineage, dagsterStatus).length) {
        if (job && job.answer.status !== 200)
            return {
                state: "fail",
                expected: `Marquez lists job ${lineage.job}, the job of run ${runId}`,
                seen: `${job.path} answered HTTP ${job.answer.status}: ${job.answer.body.slice(0, 300)} (${o.where})`,
            };
        return { state: "pass", detail: `Marquez lists run ${runId}: ${describeLineage(lineage)}` };
    }
    return {
        state: "fail",
        expected: `Marquez lists run ${runId} (the OpenLineage run id of Dagster run ${runId}) under its job, ${want}, with its input and output datasets`,
        seen: `${lineage ? `${describeLineage(lineage)}: ${missing(lineage, dagsterStatus).join("; ")}` : seen.last} after ${Math.round(seen.waitedMs / 1000)} s (${o.where})`,
    };
}
function safeJson(body) {
    try {
        return JSON.parse(body);
    }
    catch {
        return body;
    }
}

;// CONCATENATED MODULE: ./src/e2e/checks/jaeger.ts
// Pure parts of the T119 traces check (./traces.ts): Jaeger query API paths (the HTTP JSON API of
// jaeger-query, /api/services and /api/traces) and what a /api/traces answer says about one Dagster run's
// spans. Tests: tests/e2e/jaeger.test.ts, against responses recorded from Jaeger 1.64.0 (named as such).
const RUN_ID_TAG = "dagster.run_id";
/** /api/traces of one service whose spans carry the run id (Jaeger matches span and process tags). */
function tracesPath(service, runId, lookback = "1h", limit = 20) {
    const q = new URLSearchParams({
        service,
        tags: JSON.stringify({ [RUN_ID_TAG]: runId }),
        lookback,
        limit: String(limit),
    });
    return `/api/traces?${q.toString()}`;
}
/** The services Jaeger knows (/api/services), Jaeger's own left out. */
function servicesOf(body) {
    const r = parse(body, "/api/services");
    return (r.data ?? []).filter((s) => !/^jaeger/.test(s)).sort();
}
function tracesOf(body) {
    return parse(body, "/api/traces").data ?? [];
}
function parse(body, what) {
    let r;
    try {
        r = JSON.parse(body);
    }
    catch {
        throw new Error(`Jaeger's ${what} did not answer JSON: ${body.slice(0, 200)}`);
    }
    if (!r || typeof r !== "object" || !("data" in r))
        throw new Error(`Jaeger's ${what} answered without data: ${body.slice(0, 200)}`);
    if (r.errors?.length)
        throw new Error(`Jaeger's ${what} answered errors: ${r.errors.map((e) => e.msg ?? e.code).join("; ")}`);
    return r;
}
const tag = (tags, key) => {
    const t = (tags ?? []).find((x) => x.key === key);
    return t === undefined ? undefined : String(t.value);
};
/** Every span of these traces tagged with the run id (in its own or its process's tags). */
function runSpans(traces, runId) {
    const out = [];
    for (const t of traces)
        for (const s of t.spans) {
            const proc = t.processes[s.processID];
            if (tag(s.tags, RUN_ID_TAG) !== runId && tag(proc?.tags, RUN_ID_TAG) !== runId)
                continue;
            out.push({
                traceID: s.traceID,
                operation: s.operationName,
                service: proc?.serviceName ?? "",
                pod: tag(proc?.tags, "k8s.pod.name") ?? tag(proc?.tags, "host.name") ?? "",
            });
        }
    return out;
}
/** The run's own spans: emitted by one of the run's pods. A span that carries the run id from any other pod
 * (a probe sending it through the collector) does not count. */
function ownSpans(spans, runPods) {
    return spans.filter((s) => s.pod !== "" && runPods.includes(s.pod));
}
const describeSpan = (s) => `trace ${s.traceID} span "${s.operation}" of service ${s.service || "(none)"} from pod ${s.pod || "(unnamed)"}`;
/** Whether an OTLP endpoint URL is the collector's Service (its short name, or qualified with the namespace):
 * the run's trace went through the collector, not straight to Jaeger's own OTLP port. */
function viaCollector(endpoint, service, namespace) {
    let host;
    try {
        host = new URL(endpoint).hostname;
    }
    catch {
        return false;
    }
    const q = `${service}.${namespace}`;
    return [service, q, `${q}.svc`, `${q}.svc.cluster.local`].includes(host);
}

;// CONCATENATED MODULE: ./src/e2e/checks/traces.ts
// T119: the Dagster run's own pod emitted a trace that reached Jaeger through the OpenTelemetry Collector. The
// run is T116's (facts.dagsterRunId); its pods are found by the label Dagster's K8s run launcher gives them
// (dagster/run-id). Jaeger's query API, reached by `kubectl port-forward` to the platform's jaeger Service, is
// asked for spans tagged dagster.run_id=<run id> of every service it knows; only a span whose resource names one
// of the run's pods (k8s.pod.name, set by the example data product) counts: the same tag sent by any other pod
// (a probe through the collector) does not. The run pod's OTLP endpoint (the platform hands it the collector's)
// and what it logged of its export are part of the outcome.





/** How long spans may take to be queryable after the run (collector batch, Jaeger's ingest). */
const traces_POLL_MS = 60_000;
const traces_check = {
    id: "T119 traces",
    covers: ["T119"],
    timeoutMs: 150_000,
    run: (e) => traces_run(e),
};
async function traces_run(e) {
    const runId = e.facts.dagsterRunId;
    if (!runId)
        return { state: "skip", reason: "no Dagster run to look for: T116 did not complete a run" };
    const deadline = Date.now() + e.timeoutMs;
    const k = e.kube;
    const pods = await runPods(k, runId);
    const podNames = pods.names;
    if (!podNames.length)
        return {
            state: "fail",
            expected: `the pod of Dagster run ${runId} (label ${RUN_ID_LABEL}=${runId}) in namespace ${k.namespace}`,
            seen: "no such pod: the trace cannot be told to be the run's own",
        };
    const endpoints = pods.env.OTEL_EXPORTER_OTLP_ENDPOINT?.split(", ") ?? [];
    const endpoint = endpoints.join(", ") || "(not set)";
    const svc = await componentService(k, e.platformRelease, "jaeger", "query", "the Jaeger query Service");
    if ("state" in svc)
        return svc;
    await (0,promises_.mkdir)(e.dir, { recursive: true });
    const answersFile = external_node_path_default().join(e.dir, "t119-jaeger.json");
    const pf = await portForward(k, svc.service, svc.port);
    const started = Date.now();
    let spans = [];
    let services = [];
    try {
        const get = async (p) => {
            const r = await fetch(pf.url + p, { signal: AbortSignal.timeout(15_000) });
            const body = await r.text();
            if (!r.ok)
                throw new Error(`Jaeger ${p} answered HTTP ${r.status}: ${body.slice(0, 200)}`);
            return body;
        };
        const until = Math.min(deadline, started + traces_POLL_MS);
        for (;;) {
            const servicesBody = await get("/api/services");
            services = servicesOf(servicesBody);
            spans = [];
            const answers = {};
            for (const service of services) {
                const body = await get(tracesPath(service, runId));
                answers[service] = JSON.parse(body);
                spans.push(...runSpans(tracesOf(body), runId));
            }
            await (0,promises_.writeFile)(answersFile, `${JSON.stringify({ services: JSON.parse(servicesBody), traces: answers }, null, 2)}\n`);
            if (ownSpans(spans, podNames).length || Date.now() >= until)
                break;
            e.ctx.progress(`e2e T119: waiting for a trace of run ${runId} from pod ${podNames.join(", ")} in Jaeger: ${spans.length} span(s) with the run id so far, ${Math.round((until - Date.now()) / 1000)} s left`);
            await sleep(5_000);
        }
    }
    finally {
        pf.close();
    }
    const own = ownSpans(spans, podNames);
    // Through the collector: the pod's endpoint is the platform's collector Service, not Jaeger's own OTLP port.
    const collectors = await kubectlJson(k, [
        "get",
        "services",
        "--selector",
        `app.kubernetes.io/instance=${e.platformRelease},app.kubernetes.io/component=otel-collector`,
    ]);
    const collector = collectors.items.map((s) => s.metadata.name);
    const direct = endpoints.filter((u) => !collector.some((c) => viaCollector(u, c, k.namespace)));
    if (own.length && (direct.length || !endpoints.length))
        return {
            state: "fail",
            expected: `the run's pod ${podNames.join(", ")} exports through the OpenTelemetry Collector (Service ${collector.join(", ") || "none found"})`,
            seen: `its OTLP endpoint is ${endpoint}: ${describeSpan(own[0])} reached Jaeger another way`,
        };
    if (own.length)
        return {
            state: "pass",
            detail: `${describeSpan(own[0])}${own.length > 1 ? ` (+${own.length - 1} more)` : ""}, exported to ${endpoint}, found in Jaeger by ${RUN_ID_TAG}=${runId}`,
        };
    const others = spans.length
        ? `; spans with the run id from other pods do not count: ${spans.map(describeSpan).join("; ")}`
        : "";
    return {
        state: "fail",
        expected: `a trace in Jaeger with ${RUN_ID_TAG}=${runId} emitted by the run's pod ${podNames.join(", ")} (its OTLP endpoint: ${endpoint})`,
        seen: `no trace with that run id from the run's pod reached Jaeger within ${Math.round((Date.now() - started) / 1000)} s (services in Jaeger: ${services.join(", ") || "none"}; its answers: ${answersFile})${others}${await exportLog(e, podNames)}`,
    };
}
/** What the run's pod logged of its trace export (the example data product's "trace of run ..." line). */
async function exportLog(e, pods) {
    const said = [];
    for (const pod of pods) {
        const r = await kubectl(e.kube, ["logs", pod, "--all-containers", "--tail", "500"]);
        const line = `${r.stdout}\n${r.stderr}`.split("\n").find((l) => l.includes("trace of run"));
        if (line)
            said.push(`${pod} logged: ${line.trim().slice(0, 400)}`);
    }
    return said.length ? `; ${said.join("; ")}` : "";
}

;// CONCATENATED MODULE: ./src/e2e/checks/index.ts








const checks = [
    dagsterLaunch,
    dbtModels,
    lineage_check,
    iceberg_table_check,
    traces_check,
    check,
    external_secrets_check,
    autoscaling_check,
];

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/install/not-run.ts
var not_run = __webpack_require__(1086);
// EXTERNAL MODULE: ./src/plan/plan.ts
var plan_plan = __webpack_require__(8720);
;// CONCATENATED MODULE: ./src/e2e/config.ts
// floe-gate.yaml `e2e` -> what `floe-helm e2e` installs: the platform (a scenario of one of the charts listed,
// plus extra values) and the data product (a chart and its values), each with its release name. A chart,
// scenario or values file that does not exist is a usage error at the `e2e.platform` / `e2e.product` entry.






/** `scenario`: the platform scenario to install instead of `e2e.platform.scenario` (--platform-scenario, the
 * action's e2e-scenario), e.g. one with upstream images on a runner that can pull them. */
async function resolveE2e(config, inputs, cwd, scenarioOverride) {
    const file = config.file ?? "floe-gate.yaml";
    const e = config.e2e;
    if (!e)
        throw new errors/* UserError */.yo(`${file} has no 'e2e' section: name the platform (chart, scenario, release) and the data product (chart, values, release) it installs`);
    const p = e.platform;
    const at = (x) => x.at;
    const files = (list, where, pos) => list.map((f) => {
        const abs = external_node_path_default().resolve(cwd, f);
        if (!(0,external_node_fs_.existsSync)(abs) || !(0,external_node_fs_.statSync)(abs).isFile())
            throw new errors/* UserError */.yo(`${where}: ${where.endsWith(".objects") ? "manifest" : "values"} file not found: ${(0,paths/* relPosix */.f)(cwd, abs)}`, pos);
        return (0,paths/* relPosix */.f)(cwd, abs);
    });
    const platAbs = external_node_path_default().resolve(cwd, p.chart);
    if (!config.charts.some((c) => external_node_path_default().resolve(cwd, c.dir) === platAbs))
        throw new errors/* UserError */.yo(`e2e.platform: chart ${p.chart} is not one of the charts listed (${config.charts.map((c) => c.dir).join(", ") || "none"})`, at(p));
    // The chart's scenarios as `floe-helm test` sees them (declared and found), whatever --scenario says.
    const whole = { ...inputs, charts: [platAbs], scenarios: [], valuesFiles: [], chartValues: [] };
    const plan = await (0,plan_plan/* buildPlan */.Gg)(config, whole, cwd);
    const all = [...new Map(plan.cells.map((c) => [c.scenario.name, c.scenario])).values()];
    const wanted = scenarioOverride?.trim() || p.scenario;
    const scenario = all.find((s) => s.name === wanted);
    const names = all.map((s) => s.name).join(", ");
    if (!scenario && wanted !== p.scenario)
        throw new errors/* UserError */.yo(`--platform-scenario: '${wanted}' is not a scenario of ${p.chart}, the e2e platform's chart in ${file} (it has: ${names})`);
    if (!scenario)
        throw new errors/* UserError */.yo(`e2e.platform: scenario '${p.scenario}' is not a scenario of ${p.chart} (it has: ${names})`, at(p));
    const platform = {
        ...scenario,
        valuesFiles: [...scenario.valuesFiles, ...files(p.values, "e2e.platform", at(p))],
    };
    const d = e.product;
    const prodAbs = external_node_path_default().resolve(cwd, d.chart);
    let meta;
    try {
        meta = await (0,plan_plan/* readChartMeta */.Au)(prodAbs, cwd);
    }
    catch (err) {
        throw new errors/* UserError */.yo(`e2e.product: ${err.message}`, at(d));
    }
    const product = {
        chart: { name: meta.name, version: meta.version, dir: (0,paths/* relPosix */.f)(cwd, prodAbs) },
        name: "e2e",
        valuesFiles: files(d.values, "e2e.product", at(d)),
    };
    if (d.release === p.release)
        throw new errors/* UserError */.yo(`e2e.product: release ${d.release} is the platform's release name too`, at(d));
    return {
        platform,
        platformRelease: p.release,
        platformObjects: files(p.objects, "e2e.platform.objects", at(p)),
        product,
        productRelease: d.release,
        platformNotRun: (0,not_run/* declaredNotRun */.NQ)(config, scenario, cwd),
    };
}

;// CONCATENATED MODULE: ./src/e2e/run.ts
// `floe-helm e2e`: the platform and a data product (floe-gate.yaml `e2e`) installed together into one fresh
// namespace of the cluster of `cluster up` (helm 4, `helm install --wait`), then the end-to-end checks
// (./checks) in order, each within its own time budget, each recorded with the requirement ids it covers; a
// failure says what was expected and what was seen. After any failure the namespace's objects, events and
// logs are kept (and classified) before both releases are uninstalled and the namespace deleted (--keep
// leaves everything running). On kwok nothing runs: the checks are skipped, "kwok runs no pods".













const E2E_RULES = { install: "e2e/install", uninstall: "e2e/uninstall" };
/** What a failed `kubectl apply` of a platform.objects file says (pure): kubectl's words, and for a kind the
 * cluster does not serve, that its operator is missing (ESO's SecretStore without `cluster up --external-secrets`). */
function objectsError(file, stderr) {
    const said = stderr.trim();
    const kind = /no matches for kind "([^"]+)" in version "([^"]+)"/.exec(said);
    return `kubectl apply -f ${file} failed: ${said}${kind
        ? ` (the cluster does not serve ${kind[2]} ${kind[1]}: install the operator that does first${kind[2].startsWith("external-secrets.io/") ? ", e.g. `floe-helm cluster up --provider kind --external-secrets`" : ""})`
        : ""}`;
}
/** `kubectl apply` of a manifest file into the e2e namespace (pure; the file is appended). */
const objectsApplyArgv = (kubectl, kubeconfig, namespace) => [
    kubectl,
    "--kubeconfig",
    kubeconfig,
    "--namespace",
    namespace,
    "apply",
    "-f",
];
/** helm 4 only: `--wait` is its watcher, the one the phase's timing was measured with. */
const HELM = 4;
/** A check's rule: `e2e/<id without its requirement>`, e.g. `e2e/dagster-launch` (floe-gate.yaml maps it). */
const checkRule = (c) => `e2e/${c.id.split(" ").slice(1).join("-") || c.id}`;
const firstLine = (s) => s
    .trim()
    .split("\n")
    .find((l) => l.trim()) ?? "";
/** Why a check cannot run here: the first component it needs that the platform scenario declares not run
 * (a reason starting "not run here", which the coverage matrix shows as its own state), else undefined. */
function notRunHere(c, off, scenario) {
    const hit = off.find((o) => c.needs?.includes(o.component));
    return hit && `${coverage/* NOT_RUN_HERE */.pd}: ${hit.reason} (${hit.component} is off in scenario ${scenario})`;
}
/** Runs one check within its budget (plus a minute's grace for its own cleanup): whatever it does, an
 * outcome. A check that throws or outlives its budget fails, saying so. */
async function runCheck(c, env, graceMs = 60_000) {
    let timer;
    const budget = env.timeoutMs + graceMs;
    const late = new Promise((resolve) => {
        timer = setTimeout(() => resolve({
            state: "fail",
            expected: `${c.id} finished within ${Math.round(env.timeoutMs / 1000)} s`,
            seen: `still running after ${Math.round(budget / 1000)} s`,
        }), budget);
    });
    try {
        return await Promise.race([
            c.run(env).catch((e) => ({
                state: "fail",
                expected: `${c.id} ran to its end`,
                seen: (0,errors/* describeError */.Uc)(e),
            })),
            late,
        ]);
    }
    finally {
        clearTimeout(timer);
    }
}
async function runE2e(ctx, inputs, opts) {
    const { cwd } = opts;
    const timeout = opts.timeout ?? "300s";
    const list = opts.checks ?? checks;
    const config = await (0,plan_config.resolveConfig)(inputs, cwd);
    const plan = await resolveE2e(config, inputs, cwd, opts.platformScenario);
    const skipAll = (reason) => {
        for (const c of list)
            ctx.check({ id: `e2e ${c.id}`, rule: checkRule(c), state: "skip", reason, covers: [...c.covers] });
    };
    // kwok's kubelet is simulated: a pod never runs a process, so nothing end to end can be proved there.
    if ((await (0,install_setup/* target */.aC)(inputs)).simulated) {
        ctx.progress("e2e: the cluster is kwok: its pods run nothing; every check skipped");
        skipAll("kwok runs no pods");
        return;
    }
    const { platform, product } = plan;
    const setup = await (0,install_setup/* prepareClusterPhase */.LR)(ctx, inputs, {
        cwd,
        phase: "e2e",
        helmMajors: [HELM],
        charts: [platform.chart, product.chart],
        scenarios: [platform, product],
        release: plan.platformRelease,
        ...(opts.images ? { images: opts.images } : {}),
    });
    if (!setup.imagesReady) {
        skipAll("images missing from the kind cluster (see images): nothing was installed");
        return;
    }
    const { kubeconfig, env, chartDir } = setup;
    const namespace = `floe-e2e-${(0,external_node_crypto_.randomBytes)(3).toString("hex")}`;
    const kube = { kubectl: setup.tools.kubectl, kubeconfig, namespace, env, cwd };
    const base = { bin: setup.bin(HELM), major: HELM, kubeconfig, namespace, timeout };
    const where = { chart: platform.chart.name, scenario: platform.name, helm: HELM };
    ctx.output("e2e-namespace", namespace);
    const t0 = Date.now();
    let failed = false;
    const installed = [];
    // 1. What the platform's values expect to exist (floe-gate.yaml e2e.platform.objects, e.g. the SecretStore
    // its ExternalSecrets read), applied into the namespace first; then the platform and the data product,
    // each waited for.
    if (plan.platformObjects.length) {
        const id = `e2e install objects ${plan.platformObjects.join(", ")}`;
        const started = Date.now();
        const made = await (0,runner/* runTool */.q)([kube.kubectl, "--kubeconfig", kubeconfig, "create", "namespace", namespace], {
            env,
            cwd,
            timeoutMs: 60_000,
        });
        let why = made.code === 0 ? "" : `kubectl create namespace ${namespace}: ${firstLine(made.stderr)}`;
        for (const f of plan.platformObjects) {
            if (why)
                break;
            ctx.progress(`e2e: kubectl apply -f ${f} into ${namespace}`);
            const r = await (0,runner/* runTool */.q)([...objectsApplyArgv(kube.kubectl, kubeconfig, namespace), external_node_path_default().resolve(cwd, f)], { env, cwd, timeoutMs: 120_000 });
            if (r.code !== 0)
                why = objectsError(f, r.stderr || r.stdout);
        }
        if (why) {
            failed = true;
            ctx.add({ rule: E2E_RULES.install, severity: "error", message: why, ...where });
        }
        ctx.check({
            id,
            rule: E2E_RULES.install,
            state: why ? "fail" : "pass",
            durationMs: Date.now() - started,
        });
    }
    for (const [s, release, role] of [
        [platform, plan.platformRelease, "platform"],
        [product, plan.productRelease, "data product"],
    ]) {
        const id = `e2e install ${role} ${s.chart.name}/${s.name} (release ${release})`;
        const dir = chartDir.get(s.chart.dir);
        if (failed || !dir) {
            ctx.check({
                id,
                rule: E2E_RULES.install,
                state: "skip",
                reason: failed
                    ? "an install before it failed"
                    : "the chart's dependencies are missing (see dependency)",
            });
            failed = true;
            continue;
        }
        const started = Date.now();
        ctx.progress(`e2e: helm install ${s.chart.name} as ${release} (${role}) into ${namespace}`);
        const r = await (0,cell/* watchWait */.pk)(ctx, kube, `e2e: ${role} ${release}: helm install --wait`, timeout, () => (0,runner/* runTool */.q)((0,argv/* helmInstallArgv */.mt)({
            ...base,
            release,
            chartDir: dir,
            valuesFiles: s.valuesFiles.map((f) => external_node_path_default().resolve(cwd, f)),
        }), { env, cwd }));
        installed.push(release);
        if (r.code !== 0) {
            failed = true;
            const m = (0,output/* parseRenderError */.GL)(r.stderr || r.stdout, external_node_path_default().resolve(cwd, s.chart.dir), cwd);
            ctx.add({
                rule: E2E_RULES.install,
                severity: "error",
                message: `helm install of the ${role} ${s.chart.name} (release ${release}) failed: ${m.message}`,
                ...(m.file ? { file: m.file, line: m.line ?? 1, ...(m.col ? { col: m.col } : {}) } : {}),
                ...where,
            });
        }
        ctx.check({
            id,
            rule: E2E_RULES.install,
            state: r.code === 0 ? "pass" : "fail",
            durationMs: Date.now() - started,
        });
    }
    const installMs = Date.now() - t0;
    // 2. The checks, in order, each with its budget; facts flow from one to the next.
    const facts = {};
    const t1 = Date.now();
    if (failed)
        skipAll("the platform and data product did not install (see e2e/install)");
    else
        for (const c of list) {
            const off = notRunHere(c, plan.platformNotRun, platform.name);
            if (off) {
                ctx.check({
                    id: `e2e ${c.id}`,
                    rule: checkRule(c),
                    state: "skip",
                    reason: off,
                    covers: [...c.covers],
                });
                ctx.progress(`e2e: ${c.id}: ${off}`);
                continue;
            }
            const dir = external_node_path_default().join(inputs.workDir, "e2e", c.id.replace(/[^A-Za-z0-9._-]+/g, "-"));
            await (0,promises_.mkdir)(dir, { recursive: true });
            const started = Date.now();
            let said = Date.now();
            // At least a line every 10 s while a check runs, whether or not it says something itself.
            const checkCtx = {
                ...ctx,
                progress: (l) => {
                    said = Date.now();
                    ctx.progress(l);
                },
            };
            ctx.progress(`e2e: ${c.id} (covers ${c.covers.join(", ")}; up to ${Math.round(c.timeoutMs / 1000)} s)`);
            const ticker = setInterval(() => {
                if (Date.now() - said < 10_000)
                    return;
                const left = Math.max(0, Math.round((started + c.timeoutMs - Date.now()) / 1000));
                ctx.progress(`e2e: ${c.id}: running (${left} s left)`);
                said = Date.now();
            }, 2_000);
            const out = await runCheck(c, {
                ctx: checkCtx,
                kube,
                platformRelease: plan.platformRelease,
                productRelease: plan.productRelease,
                timeoutMs: c.timeoutMs,
                dir,
                facts,
            }).finally(() => clearInterval(ticker));
            const durationMs = Date.now() - started;
            const rule = checkRule(c);
            const rec = { id: `e2e ${c.id}`, rule, covers: [...c.covers], durationMs };
            if (out.state === "pass") {
                ctx.check({ ...rec, state: "pass" });
                ctx.progress(`e2e: ${c.id}: pass${out.detail ? `: ${out.detail}` : ""}`);
                if (out.detail)
                    ctx.add({ rule, severity: "info", message: `${c.id}: ${out.detail}` });
            }
            else if (out.state === "skip") {
                ctx.check({ ...rec, state: "skip", reason: out.reason });
                ctx.progress(`e2e: ${c.id}: skipped: ${out.reason}`);
            }
            else {
                failed = true;
                ctx.check({ ...rec, state: "fail", reason: `expected ${firstLine(out.expected)}` });
                ctx.add({
                    rule,
                    severity: "error",
                    message: `${c.id} failed: expected ${out.expected}; seen: ${out.seen}`,
                });
                ctx.progress(`e2e: ${c.id}: FAIL: expected ${out.expected}; seen: ${firstLine(out.seen)}`);
            }
        }
    const checksMs = Date.now() - t1;
    // 3. What the namespace looked like when something failed, kept before it goes.
    if (failed) {
        const dir = external_node_path_default().join(inputs.workDir, "diagnostics", "e2e");
        await (0,cell/* keepDiagnostics */.Ah)(ctx, kube, {
            dir,
            subject: `namespace ${namespace}`,
            rule: E2E_RULES.install,
            step: "e2e",
            where,
        });
    }
    ctx.add({
        rule: "e2e",
        severity: "info",
        message: `e2e timing: installs ${Math.round(installMs / 1000)} s, checks ${Math.round(checksMs / 1000)} s`,
    });
    // 4. Both releases and the namespace go, unless --keep.
    if (opts.keep) {
        ctx.add({
            rule: "e2e",
            severity: "info",
            message: `--keep: releases ${installed.join(", ")} left running in namespace ${namespace} (kubeconfig ${kubeconfig}); remove it with: kubectl --kubeconfig ${kubeconfig} delete namespace ${namespace}`,
        });
        return;
    }
    for (const release of [...installed].reverse()) {
        ctx.progress(`e2e: helm uninstall ${release}`);
        const un = await (0,cell/* watchWait */.pk)(ctx, kube, `e2e: helm uninstall ${release}`, timeout, () => (0,runner/* runTool */.q)((0,argv/* helmUninstallArgv */.rK)({ ...base, release }), { env, cwd }));
        if (un.code !== 0)
            ctx.add({
                rule: E2E_RULES.uninstall,
                severity: "warning",
                message: `helm uninstall ${release} failed: ${firstLine(un.stderr)}`,
            });
    }
    const ns = await (0,runner/* runTool */.q)((0,argv/* kubectlDeleteNamespaceArgv */.Z9)(kube.kubectl, kubeconfig, namespace), { env, cwd });
    if (ns.code !== 0)
        ctx.add({
            rule: E2E_RULES.uninstall,
            severity: "warning",
            message: `namespace ${namespace} not deleted: ${firstLine(ns.stderr)}`,
        });
}


/***/ }),

/***/ 9579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ restrictedPodSecurity),
/* harmony export */   l: () => (/* binding */ restrictedContainerSecurity)
/* harmony export */ });
// The restricted Pod Security Standard's settings for the pods floe-helm itself creates (probe pods, the
// upgrade's prober) and the tests' pods: one definition, so a pod of ours is never the one the namespace's
// `enforce: restricted` label refuses.
/** Pod level: non-root as uid:gid, the runtime's default seccomp profile. */
const restrictedPodSecurity = (uid, gid) => ({
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: gid,
    seccompProfile: { type: "RuntimeDefault" },
});
/** Container level: no privilege escalation, read-only root filesystem, non-root, every capability dropped. */
const restrictedContainerSecurity = () => ({
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ["ALL"] },
});


/***/ })

};
