// Paths as findings and messages show them: relative to the working directory, with `/` on every OS.
import path from "node:path";

/** `abs` relative to `cwd` with POSIX separators; `.` for `cwd` itself. */
export function relPosix(cwd: string, abs: string): string {
  return path.relative(cwd, abs).split(path.sep).join("/") || ".";
}
