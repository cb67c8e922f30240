// A Job that gave up: backoff limit (or deadline) exceeded, with the last log lines of its failed pods and,
// in its summary, the most telling one.
import { allStatuses, condition, containerLog, oneLine } from "./common.js";
import { containerLogLine, withLogLine } from "./log-line.js";
import type { Cause, Job, NamespaceState, Pod } from "./types.js";

export function jobBackoff(job: Job, pods: readonly Pod[], state: NamespaceState): Cause | undefined {
  const failed = condition(job.status?.conditions, "Failed");
  if (failed?.status !== "True") return undefined;
  const failedPods = pods.filter((p) => p.status?.phase === "Failed");
  const logs = failedPods.flatMap((p) =>
    allStatuses(p).flatMap((s) => containerLog(state, p.metadata.name, s.name)),
  );
  const exits = failedPods.flatMap((p) =>
    allStatuses(p)
      .filter((s) => s.state?.terminated && s.state.terminated.exitCode !== 0)
      .map((s) => `${p.metadata.name}/${s.name} exit ${s.state!.terminated!.exitCode}`),
  );
  // The newest failed pod's words: the last try is the one that gave up.
  const line = withLogLine(
    failedPods
      .flatMap((p) => allStatuses(p).map((s) => containerLogLine(state, p.metadata.name, s.name)))
      .filter(Boolean)
      .at(-1),
  );
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
