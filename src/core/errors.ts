// Errors that end a run. Each is printed as one line; none ever shows a stack trace to the user.

/** Exit codes are part of the interface: 0 pass, 1 the gate found errors, 2 bad usage or bad input, 3 a tool
 * the run depends on failed (kind, kubesec, git, a control-plane component): the input may be fine. */
export const ExitCode = { Pass: 0, GateFailed: 1, BadInput: 2, ToolFailed: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface Location {
  file: string;
  line?: number;
  col?: number;
}

/** Bad usage or bad input that stops the run (exit 2). `where` points at the offending file when known. */
export class UserError extends Error {
  override readonly name = "UserError";
  constructor(
    message: string,
    readonly where?: Location,
  ) {
    super(message);
  }
}

/** A tool or process the run depends on failed (non-zero exit, unreadable output, died while starting):
 * not the user's input (exit 3). Its message names the tool and what it said. */
export class ToolError extends Error {
  override readonly name = "ToolError";
}

/** The exit code of an error that stopped a run. */
export function exitCodeOf(err: unknown): ExitCode {
  return err instanceof ToolError ? ExitCode.ToolFailed : ExitCode.BadInput;
}

export function formatLocation(where: Location | undefined): string {
  if (!where) return "";
  let s = where.file;
  if (where.line !== undefined) {
    s += `:${where.line}`;
    if (where.col !== undefined) s += `:${where.col}`;
  }
  return s;
}

/** The single line a user sees for an error that stopped the run. */
export function describeError(err: unknown): string {
  if (err instanceof UserError) {
    const loc = formatLocation(err.where);
    return loc ? `${loc}: ${err.message}` : err.message;
  }
  if (err instanceof ToolError) return err.message;
  if (err instanceof Error) {
    // Node system errors carry a code and path that say more than the message alone.
    const e = err as NodeJS.ErrnoException;
    if (e.code === "ENOENT" && e.path) return `no such file or directory: ${e.path}`;
    if (e.code === "EACCES" && e.path) return `permission denied: ${e.path}`;
    return `internal error: ${err.message} (set FLOE_HELM_DEBUG=1 for details)`;
  }
  return `internal error: ${String(err)}`;
}

/** An error as a GitHub Actions workflow command: an annotation on the run's page (message escaped as the
 * runner expects). */
export function errorCommand(message: string): string {
  const data = message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  return `::error title=floe-helm::${data}`;
}
