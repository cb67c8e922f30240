// CrashLoopBackOff: a container keeps exiting and is restarted; and a container that exited non-zero in a
// pod that does not restart it (restartPolicy Never/OnFailure that gave up: a failed helm test pod). The
// summary ends with the container's most telling log line (log-line.ts).
import { allStatuses, containerLog, oneLine } from "./common.js";
import { containerLogLine, withLogLine } from "./log-line.js";
import type { Cause, NamespaceState, Pod } from "./types.js";

export function crashLoop(pod: Pod, state: NamespaceState): Cause | undefined {
  for (const s of allStatuses(pod)) {
    const looping = s.state?.waiting?.reason === "CrashLoopBackOff";
    const last = s.lastState?.terminated;
    if (!looping && !((s.restartCount ?? 0) > 0 && last && last.exitCode !== 0)) continue;
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

export function containerFailed(pod: Pod, state: NamespaceState): Cause | undefined {
  for (const s of allStatuses(pod)) {
    const t = s.state?.terminated;
    if (!t || t.exitCode === 0) continue;
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
