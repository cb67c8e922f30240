// T116 / E2E-001: the data product's code location is registered in the platform's Dagster (its GraphQL API
// lists the job), a run of that job launched through the API completes with SUCCESS, and Dagster's
// K8sRunLauncher ran it in a pod of its own (labelled dagster/run-id). Reached the way a user would: kubectl
// port-forward to the webserver's Service. Sets facts.dagsterRunId and dagsterRunStatus once the run ended.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import type { E2eCheck, E2eEnv } from "../types.js";
import {
  findJob,
  LAUNCH_RUN_MUTATION,
  launchedRun,
  launchVariables,
  RELOAD_LOCATION_MUTATION,
  RUN_EVENTS_QUERY,
  RUN_QUERY,
  runEvents,
  runStatus,
  TERMINAL,
  WORKSPACE_QUERY,
  workspaceLocations,
} from "./dagster-graphql.js";
import { kubectl, kubectlJson, portForward, sleep } from "./kube.js";

/** The example data product's job (examples/orders/orders_pipeline/definitions.py). */
export const JOB = "orders_dbt_build";
const POLL_MS = 5_000;
/** A location still failing to load this long after the first failure (reloads asked for) fails the check. */
const LOAD_ERROR_GRACE_MS = 120_000;

interface Svc {
  items: Array<{ metadata: { name: string }; spec: { ports: Array<{ port: number }> } }>;
}
interface Pods {
  items: Array<{
    metadata: { name: string };
    spec: { containers: Array<{ image: string }> };
    status: { phase?: string };
  }>;
}

/** dbt colours its output: escape sequences say nothing in a results file. */
const plain = (s: string) => stripVTControlCharacters(s);

/** A GraphQL call: the answer's body (any HTTP status; the readers say what is wrong with it). */
async function graphql(url: string, query: string, variables: object = {}): Promise<string> {
  const r = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await r.text();
  return r.ok ? body : `HTTP ${r.status}: ${body}`;
}

export const dagsterLaunch: E2eCheck = {
  id: "T116 dagster-launch",
  covers: ["T116", "E2E-001"],
  timeoutMs: 600_000,
  async run(e: E2eEnv) {
    const deadline = Date.now() + e.timeoutMs;
    const left = () => Math.max(0, Math.round((deadline - Date.now()) / 1000));
    const keep = (name: string, body: string) => writeFile(path.join(e.dir, name), body).catch(() => {});
    const svc = await kubectlJson<Svc>(e.kube, [
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
    const pf = await portForward(e.kube, web.metadata.name, web.spec.ports[0]!.port);
    try {
      // 1. The workspace lists the job (the webserver loads locations in the background: wait for it).
      let sel: { location: string; repository: string } | undefined;
      let last = "";
      let lastBody = "";
      let printed = 0;
      let failingSince: number | undefined;
      let reloaded = 0;
      while (!sel) {
        lastBody = await graphql(pf.url, WORKSPACE_QUERY).catch((err) => `request failed: ${err}`);
        const ws = workspaceLocations(lastBody);
        if ("error" in ws) last = ws.error;
        else {
          const found = findJob(ws.locations, JOB);
          if ("location" in found) sel = found;
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
            } else failingSince = undefined;
          }
        }
        if (sel) break;
        if (Date.now() > deadline) {
          await keep("workspace.json", lastBody);
          return { state: "fail", expected: `Dagster's workspace lists job ${JOB}`, seen: last };
        }
        if (Date.now() - printed >= 10_000) {
          e.ctx.progress(
            `e2e: T116: waiting for Dagster's workspace to list ${JOB} (${left()} s left): ${last}`,
          );
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
        if (Date.now() > deadline) break;
        await sleep(POLL_MS);
        const st = runStatus(
          await graphql(pf.url, RUN_QUERY, { runId }).catch((err) => `request failed: ${err}`),
        );
        if ("status" in st) status = st.status;
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
      const pods = await kubectlJson<Pods>(e.kube, [
        "get",
        "pods",
        "--selector",
        `dagster/run-id=${runId}`,
      ]).catch((err: Error) => ({ items: [], error: err.message }) as Pods & { error?: string });
      if (status !== "SUCCESS") {
        const events = await lastEvents(pf.url, runId, keep);
        const logs = await podLogs(e, runId);
        await keep("run-pod.log", logs);
        return {
          state: "fail",
          expected: `run ${runId} of ${JOB} ends with SUCCESS within ${Math.round(e.timeoutMs / 1000)} s`,
          seen: `status ${status || "unknown"}${TERMINAL.has(status) ? "" : " (timed out)"}; last events:\n${events}\nrun pod (${
            pods.items.map((p) => `${p.metadata.name} ${p.status.phase}`).join(", ") || "none"
          }) logs:\n${logs}`,
        };
      }
      // 4. The K8s run launcher ran it: a pod labelled with the run id.
      const pod = pods.items[0];
      if (!pod)
        return {
          state: "fail",
          expected: `a pod labelled dagster/run-id=${runId} (Dagster's K8sRunLauncher runs each run in a Job of its own)`,
          seen: `none in namespace ${e.kube.namespace}${(pods as { error?: string }).error ? `: ${(pods as { error?: string }).error}` : ""}`,
        };
      return {
        state: "pass",
        detail: `run ${runId} SUCCESS in pod ${pod.metadata.name} (${pod.spec.containers[0]?.image}, ${pod.status.phase})`,
      };
    } finally {
      pf.close();
    }
  },
};

/** The run's last 15 event messages, one per line (all of them kept in run-events.json). */
async function lastEvents(
  url: string,
  runId: string,
  keep: (name: string, body: string) => Promise<void>,
): Promise<string> {
  const body = await graphql(url, RUN_EVENTS_QUERY, { runId }).catch((err) => `request failed: ${err}`);
  await keep("run-events.json", body);
  const ev = runEvents(body);
  if ("error" in ev) return `  (no events: ${ev.error})`;
  return ev.events
    .map((x) => ({ level: x.level, line: plain(x.message.split("\n")[0] ?? "").trim() }))
    .filter((x) => x.line)
    .slice(-15)
    .map((x) => `  ${x.level} ${x.line}`)
    .join("\n");
}

/** The last 30 lines the run's pod(s) logged (a Dagster log record may span several). */
async function podLogs(e: E2eEnv, runId: string): Promise<string> {
  const r = await kubectl(e.kube, [
    "logs",
    "--selector",
    `dagster/run-id=${runId}`,
    "--all-containers",
    "--tail",
    "40",
  ]);
  if (r.code !== 0) return `kubectl logs failed: ${r.stderr.trim()}`;
  return plain(r.stdout).trim().split("\n").slice(-30).join("\n") || "(no log lines)";
}
