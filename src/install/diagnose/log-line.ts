// The one log line that says why a container failed, for its cause's summary (and so the results file and
// the report, which show the summary but not the log tail): the program's own error, e.g. PostgreSQL's
// `FATAL: password authentication failed for user "dagster"` from a job's dbt, which is neither the last
// line (dbt's hint follows it) nor always within the tail. Pure.
import type { NamespaceState } from "./types.js";

/** Most telling first: the first pattern any line matches wins, and of its lines the last (most recent). */
export const TELLING: readonly RegExp[] = [
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
export function tellingLine(log: string | undefined): string | undefined {
  if (!log) return undefined;
  const lines = log
    .replace(ANSI, "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  for (const re of TELLING) {
    const hit = lines.findLast((l) => re.test(l));
    if (hit) return hit.length > MAX ? `${hit.slice(0, MAX - 1)}…` : hit;
  }
  return undefined;
}

/** The telling line of one container: of its crashed run (`--previous`) when there is one. */
export function containerLogLine(state: NamespaceState, pod: string, container: string): string | undefined {
  const l = state.logs?.[`${pod}/${container}`];
  return tellingLine(l?.previous) ?? tellingLine(l?.current);
}

/** `; log: "<line>"` for a summary, and the evidence entry, when the log has a telling line. */
export function withLogLine(line: string | undefined): { suffix: string; evidence: { logLine?: string } } {
  return line ? { suffix: `; log: ${line}`, evidence: { logLine: line } } : { suffix: "", evidence: {} };
}
