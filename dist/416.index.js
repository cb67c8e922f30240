export const id = 416;
export const ids = [416];
export const modules = {

/***/ 3416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E2E_RULES: () => (/* binding */ E2E_RULES),
  checkRule: () => (/* binding */ checkRule),
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
            securityContext: {
                runAsNonRoot: true,
                runAsUser: 100,
                runAsGroup: 101,
                seccompProfile: { type: "RuntimeDefault" },
            },
            containers: [
                {
                    name: "probe",
                    image: a.image.image,
                    imagePullPolicy: a.image.pullPolicy,
                    command: ["sleep", String(a.lifetimeSeconds)],
                    securityContext: {
                        allowPrivilegeEscalation: false,
                        readOnlyRootFilesystem: true,
                        runAsNonRoot: true,
                        capabilities: { drop: ["ALL"] },
                    },
                    resources: {
                        requests: { cpu: "10m", memory: "16Mi" },
                        limits: { cpu: "100m", memory: "64Mi" },
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
    const tp = svcPort.targetPort ?? svcPort.port;
    const podPort = typeof tp === "number"
        ? tp
        : (server.spec.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === tp)?.containerPort ??
            svcPort.port);
    const all = await kubectlJson(k, ["get", "networkpolicies"]);
    const guarding = policiesGuarding(all.items, server.metadata.labels ?? {});
    if (!guarding.length)
        return {
            state: "fail",
            expected: `NetworkPolicies isolating pod ${server.metadata.name} of ${host} (the platform's networkPolicy.enabled)`,
            seen: `no NetworkPolicy selects it (policies in ${k.namespace}: ${all.items.map((p) => p.metadata.name).join(", ") || "none"})`,
        };
    const allowed = allowedClientLabels(guarding, podPort);
    if (!allowed)
        return {
            state: "fail",
            expected: `a policy of ${guarding.map((p) => p.metadata.name).join(", ")} letting pods with some labels in to port ${podPort}`,
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




/** The label Dagster's K8s run launcher puts on a run's Job and pod (dagster_k8s/launcher.py). */
const RUN_ID_LABEL = "dagster/run-id";
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
    const pods = await kubectlJson(k, [
        "get",
        "pods",
        "--selector",
        `${RUN_ID_LABEL}=${runId}`,
    ]);
    const runPods = pods.items.map((p) => p.metadata.name).sort();
    if (!runPods.length)
        return {
            state: "fail",
            expected: `the pod of Dagster run ${runId} (label ${RUN_ID_LABEL}=${runId}) in namespace ${k.namespace}`,
            seen: "no such pod: the trace cannot be told to be the run's own",
        };
    const endpoints = [
        ...new Set(pods.items
            .flatMap((p) => p.spec.containers
            .flatMap((c) => c.env ?? [])
            .filter((v) => v.name === "OTEL_EXPORTER_OTLP_ENDPOINT"))
            .map((v) => v.value ?? "(from a reference)")),
    ];
    const endpoint = endpoints.join(", ") || "(not set)";
    const svcs = await kubectlJson(k, [
        "get",
        "services",
        "--selector",
        `app.kubernetes.io/instance=${e.platformRelease},app.kubernetes.io/component=jaeger`,
    ]);
    const svc = svcs.items.find((s) => s.spec.ports.some((p) => p.name === "query"));
    if (!svc)
        return {
            state: "fail",
            expected: `the Jaeger query Service of release ${e.platformRelease} (component jaeger, port "query")`,
            seen: svcs.items.length
                ? svcs.items.map((s) => s.metadata.name).join(", ")
                : "none (jaeger.enabled is off?)",
        };
    const queryPort = svc.spec.ports.find((p) => p.name === "query").port;
    await (0,promises_.mkdir)(e.dir, { recursive: true });
    const answersFile = external_node_path_default().join(e.dir, "t119-jaeger.json");
    const pf = await portForward(k, svc.metadata.name, queryPort);
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
            if (ownSpans(spans, runPods).length || Date.now() >= until)
                break;
            e.ctx.progress(`e2e T119: waiting for a trace of run ${runId} from pod ${runPods.join(", ")} in Jaeger: ${spans.length} span(s) with the run id so far, ${Math.round((until - Date.now()) / 1000)} s left`);
            await sleep(5_000);
        }
    }
    finally {
        pf.close();
    }
    const own = ownSpans(spans, runPods);
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
            expected: `the run's pod ${runPods.join(", ")} exports through the OpenTelemetry Collector (Service ${collector.join(", ") || "none found"})`,
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
        expected: `a trace in Jaeger with ${RUN_ID_TAG}=${runId} emitted by the run's pod ${runPods.join(", ")} (its OTLP endpoint: ${endpoint})`,
        seen: `no trace with that run id from the run's pod reached Jaeger within ${Math.round((Date.now() - started) / 1000)} s (services in Jaeger: ${services.join(", ") || "none"}; its answers: ${answersFile})${others}${await exportLog(e, runPods)}`,
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




const checks = [dagsterLaunch, dbtModels, traces_check, check];

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/plan/plan.ts
var plan_plan = __webpack_require__(8720);
;// CONCATENATED MODULE: ./src/e2e/config.ts
// floe-gate.yaml `e2e` -> what `floe-helm e2e` installs: the platform (a scenario of one of the charts listed,
// plus extra values) and the data product (a chart and its values), each with its release name. A chart,
// scenario or values file that does not exist is a usage error at the `e2e.platform` / `e2e.product` entry.





async function resolveE2e(config, inputs, cwd) {
    const file = config.file ?? "floe-gate.yaml";
    const e = config.e2e;
    if (!e)
        throw new errors/* UserError */.yo(`${file} has no 'e2e' section: name the platform (chart, scenario, release) and the data product (chart, values, release) it installs`);
    const p = e.platform;
    const at = (x) => x.at;
    const files = (list, where, pos) => list.map((f) => {
        const abs = external_node_path_default().resolve(cwd, f);
        if (!(0,external_node_fs_.existsSync)(abs) || !(0,external_node_fs_.statSync)(abs).isFile())
            throw new errors/* UserError */.yo(`${where}: values file not found: ${(0,paths/* relPosix */.f)(cwd, abs)}`, pos);
        return (0,paths/* relPosix */.f)(cwd, abs);
    });
    const platAbs = external_node_path_default().resolve(cwd, p.chart);
    if (!config.charts.some((c) => external_node_path_default().resolve(cwd, c.dir) === platAbs))
        throw new errors/* UserError */.yo(`e2e.platform: chart ${p.chart} is not one of the charts listed (${config.charts.map((c) => c.dir).join(", ") || "none"})`, at(p));
    // The chart's scenarios as `floe-helm test` sees them (declared and found), whatever --scenario says.
    const whole = { ...inputs, charts: [platAbs], scenarios: [], valuesFiles: [], chartValues: [] };
    const plan = await (0,plan_plan/* buildPlan */.Gg)(config, whole, cwd);
    const all = [...new Map(plan.cells.map((c) => [c.scenario.name, c.scenario])).values()];
    const scenario = all.find((s) => s.name === p.scenario);
    if (!scenario)
        throw new errors/* UserError */.yo(`e2e.platform: scenario '${p.scenario}' is not a scenario of ${p.chart} (it has: ${all.map((s) => s.name).join(", ")})`, at(p));
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
    return { platform, platformRelease: p.release, product, productRelease: d.release };
}

;// CONCATENATED MODULE: ./src/e2e/run.ts
// `floe-helm e2e`: the platform and a data product (floe-gate.yaml `e2e`) installed together into one fresh
// namespace of the cluster of `cluster up` (helm 4, `helm install --wait`), then the end-to-end checks
// (./checks) in order, each within its own time budget, each recorded with the requirement ids it covers; a
// failure says what was expected and what was seen. After any failure the namespace's objects, events and
// logs are kept (and classified) before both releases are uninstalled and the namespace deleted (--keep
// leaves everything running). On kwok nothing runs: the checks are skipped, "kwok runs no pods".












const E2E_RULES = { install: "e2e/install", uninstall: "e2e/uninstall" };
/** helm 4 only: `--wait` is its watcher, the one the phase's timing was measured with. */
const HELM = 4;
/** A check's rule: `e2e/<id without its requirement>`, e.g. `e2e/dagster-launch` (floe-gate.yaml maps it). */
const checkRule = (c) => `e2e/${c.id.split(" ").slice(1).join("-") || c.id}`;
const firstLine = (s) => s
    .trim()
    .split("\n")
    .find((l) => l.trim()) ?? "";
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
    const plan = await resolveE2e(config, inputs, cwd);
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
        ...(opts.imagePull ? { imagePull: opts.imagePull } : {}),
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
    // 1. The platform, then the data product, each waited for.
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


/***/ })

};
