// Long-running programs (the kwok control plane's components). runTool waits for a program to finish;
// these must outlive the command that starts them (`cluster up` returns, `cluster down` stops them later,
// possibly from another process), so they run detached with output in a log file and are tracked by pid.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { UserError } from "../core/errors.js";

export interface Daemon {
  pid: number;
  child: ChildProcess;
  /** Set once the process has exited (while this process is still watching it). */
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
}

/** Starts argv detached (own process group, so a Ctrl-C meant for the CLI does not reach it after `up`). */
export function startDaemon(argv: readonly string[], logFile: string, cwd?: string): Daemon {
  const [cmd, ...args] = argv;
  if (!cmd) throw new UserError("internal: empty argv");
  const fd = openSync(logFile, "a");
  try {
    const child = spawn(cmd, args, { cwd, detached: true, stdio: ["ignore", fd, fd] });
    if (child.pid === undefined) throw new UserError(`cannot run '${cmd}'`);
    const d: Daemon = { pid: child.pid, child, exit: undefined };
    child.on("exit", (code, signal) => {
      d.exit = { code, signal };
    });
    child.on("error", () => {
      d.exit ??= { code: 127, signal: null };
    });
    child.unref();
    return d;
  } finally {
    closeSync(fd);
  }
}

/** True while pid is a live (not zombie) process whose command line starts with `binary`. Checking the
 * binary means a recycled pid never gets a signal from us. */
export function isRunning(pid: number, binary: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    if (cmdline[0] !== binary) return false;
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM, then SIGKILL after graceMs; resolves once the process is gone. */
export async function stopDaemon(pid: number, binary: string, graceMs = 10_000): Promise<void> {
  if (!isRunning(pid, binary)) return;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return;
  }
  const until = Date.now() + graceMs;
  while (Date.now() < until) {
    if (!isRunning(pid, binary)) return;
    await sleep(100);
  }
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    return;
  }
  while (isRunning(pid, binary)) await sleep(100);
}
