// The one place that starts external programs (helm, kind, kubectl, kubesec, kwok). Callers build argv
// arrays with pure functions; this module only runs them, so tests can assert argv tables without running
// anything and other tests run the real binaries through the same path.
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { UserError } from "../core/errors.js";

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  timeoutMs?: number;
  /** Called with each chunk of stderr, e.g. to stream progress of long work. */
  onStderr?: (chunk: string) => void;
  /** Run at a lower CPU priority (`nice -n 10`, where `nice` exists): for work whose result nothing waits
   * on, so the processes that feed others get the cores first. Same CPU time, earlier results. */
  lowPriority?: boolean;
}

let niceBin: string | null | undefined;
/** The `nice` program (coreutils on Linux and macOS), or null (Windows, minimal images). */
function nice(): string | null {
  niceBin ??= process.platform === "win32" ? null : (["/usr/bin/nice", "/bin/nice"].find(existsSync) ?? null);
  return niceBin;
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** argv as started: behind `nice -n 10` when asked for, possible, and the program is an executable file
 * (so a missing or unusable program is still reported as such, not as nice's exit 126 or 127). */
export function startArgv(argv: readonly string[], lowPriority = false): readonly string[] {
  const n = lowPriority ? nice() : null;
  return n && argv[0] && executable(argv[0]) ? [n, "-n", "10", ...argv] : argv;
}

export interface RunResult {
  argv: readonly string[];
  code: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
}

/** Runs argv[0] with the rest as arguments. Never throws for a non-zero exit; throws UserError when the
 * program cannot be started at all (missing binary, not executable). */
export function runTool(argv: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  if (!argv[0]) throw new UserError("internal: empty argv");
  const [cmd, ...args] = startArgv(argv, opts.lowPriority) as [string, ...string[]];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer =
      opts.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
          }, opts.timeoutMs)
        : undefined;
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => {
      err.push(c);
      opts.onStderr?.(c.toString("utf8"));
    });
    child.on("error", (e: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      if (e.code === "ENOENT") reject(new UserError(`cannot run '${cmd}': no such file`));
      else if (e.code === "EACCES") reject(new UserError(`cannot run '${cmd}': not executable`));
      else reject(new UserError(`cannot run '${cmd}': ${e.message}`));
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({
        argv,
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        durationMs: Date.now() - started,
        timedOut,
      });
    });
    // A program that exits before reading its input must not crash us with EPIPE.
    child.stdin.on("error", () => {});
    child.stdin.end(opts.input ?? "");
  });
}
