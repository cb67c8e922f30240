// T118: the OpenLineage events of T116's Dagster run reached Marquez: its API lists the run (the run id is the
// OpenLineage run id: the example data product emits START and COMPLETE/FAIL events under its Dagster run id to
// the OPENLINEAGE_URL the platform hands run pods), under its job, with the input and output datasets the events
// named. Marquez is reached by `kubectl port-forward` to the platform's marquez Service (port "http"). Needs
// Marquez running: where the platform scenario declares it not run here, the runner records that instead.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CheckOutcome, E2eCheck, E2eEnv } from "../types.js";
import { type Answer, jsonOf, request } from "./http.js";
import { portForward, sleep } from "./kube.js";
import {
  describeLineage,
  jobPath,
  lineageOf,
  type MarquezRun,
  missing,
  type RunLineage,
  runPath,
} from "./marquez.js";
import { componentService, runPods } from "./run-pod.js";

/** How long Marquez may take to have the run's COMPLETE event after Dagster says the run ended. */
const POLL_MS = 60_000;

export const check: E2eCheck = {
  id: "T118 lineage",
  covers: ["T118"],
  timeoutMs: 120_000,
  needs: ["marquez"],
  run: (e) => run(e),
};

async function run(e: E2eEnv): Promise<CheckOutcome> {
  const runId = e.facts.dagsterRunId;
  if (!runId) return { state: "skip", reason: "no Dagster run to look for: T116 did not complete a run" };
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
  if ("state" in svc) return svc;

  await mkdir(e.dir, { recursive: true });
  const answersFile = path.join(e.dir, "t118-marquez.json");
  const answers: Record<string, unknown> = {};
  const pf = await portForward(k, svc.service, svc.port);
  try {
    const seen = await askMarquez(pf.url, runId, e.facts.dagsterRunStatus, {
      waitMs: Math.min(e.timeoutMs, POLL_MS),
      keep: async (p, a) => {
        answers[p] = { status: a.status, body: safeJson(a.body) };
        await writeFile(answersFile, `${JSON.stringify(answers, null, 2)}\n`);
      },
      progress: (l) => e.ctx.progress(`e2e T118: ${l}`),
    });
    return lineageOutcome(runId, e.facts.dagsterRunStatus, seen, {
      where: `OPENLINEAGE_URL of the run's pod: ${told ?? "(no run pod found)"}; answers: ${answersFile}`,
    });
  } finally {
    pf.close();
  }
}

/** What Marquez said about one run: its lineage once complete (or as last seen), and its job's answer. */
export interface MarquezSeen {
  lineage?: RunLineage;
  /** The last state seen while waiting, for the failure (e.g. "Marquez has no such run (HTTP 404)"). */
  last: string;
  /** GET of the run's job, once the run's lineage was complete. */
  job?: { path: string; answer: Answer };
  waitedMs: number;
}

/** Asks Marquez at `base` for the run (every 5 s for up to waitMs, until its lineage is complete), then for its
 * job. Throws when Marquez answers other than 200 or 404 for the run. */
export async function askMarquez(
  base: string,
  runId: string,
  dagsterStatus: string | undefined,
  o: {
    waitMs: number;
    intervalMs?: number;
    keep?: (path: string, a: Answer) => Promise<void>;
    progress?: (line: string) => void;
  },
): Promise<MarquezSeen> {
  const started = Date.now();
  const until = started + o.waitMs;
  const p = runPath(runId);
  let lineage: RunLineage | undefined;
  let last = "";
  for (;;) {
    const a = await request(base + p);
    await o.keep?.(p, a);
    if (a.status === 200) {
      lineage = lineageOf(jsonOf<MarquezRun>(a, `Marquez ${p}`));
      last = describeLineage(lineage);
      if (!missing(lineage, dagsterStatus).length) break;
    } else if (a.status === 404) last = "Marquez has no such run (HTTP 404)";
    else throw new Error(`Marquez ${p} answered HTTP ${a.status}: ${a.body.slice(0, 200)}`);
    if (Date.now() >= until) return { ...(lineage ? { lineage } : {}), last, waitedMs: Date.now() - started };
    o.progress?.(
      `waiting for run ${runId}'s lineage in Marquez (${last}), ${Math.round((until - Date.now()) / 1000)} s left`,
    );
    await sleep(o.intervalMs ?? 5_000);
  }
  const [ns, ...name] = lineage.job.split("/");
  const jp = jobPath(ns ?? "", name.join("/"));
  const answer = await request(base + jp);
  await o.keep?.(jp, answer);
  return { lineage, last, job: { path: jp, answer }, waitedMs: Date.now() - started };
}

/** T118's outcome from what Marquez said (pure). */
export function lineageOutcome(
  runId: string,
  dagsterStatus: string | undefined,
  seen: MarquezSeen,
  o: { where: string },
): CheckOutcome {
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

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
