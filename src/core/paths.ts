// Paths as findings and messages show them: relative to the working directory, with `/` on every OS.
import path from "node:path";

/** A path with `/` separators whatever the OS writes. */
export const toPosix = (p: string): string => p.split(path.sep).join("/");

/** `abs` relative to `cwd` with POSIX separators; `.` for `cwd` itself. */
export function relPosix(cwd: string, abs: string): string {
  return toPosix(path.relative(cwd, abs)) || ".";
}
