// Downloads through @actions/tool-cache, which retries with back-off (3 attempts, 10-20 s apart) on 5xx,
// 408, 429 and connection errors (including its 3-minute idle-socket timeout), and fails at once on other
// 4xx. This wrapper only turns its errors into one line that says what failed and what to do, and keeps
// the toolkit's chatter off our stdout.
import * as tc from "@actions/tool-cache";
import { ToolError, UserError } from "../core/errors.js";

/** tool-cache's fixed attempt count (see downloadTool in @actions/tool-cache). */
export const downloadAttempts = 3;

export async function download(url: string, dest: string, what: string, quiet: boolean): Promise<void> {
  try {
    await withQuietToolkit(quiet, () => tc.downloadTool(url, dest));
  } catch (e) {
    // A 404 or other 4xx: the address is wrong (version, platform, --mirror), which the user can fix.
    // A server that kept failing or a connection that dropped: the source failed, the input may be fine.
    const message = describeDownloadError(e, url, what);
    const code = e instanceof tc.HTTPError ? (e.httpStatusCode ?? 0) : 0;
    const source = code === 0 || code >= 500 || code === 408 || code === 429;
    throw source ? new ToolError(message) : new UserError(message);
  }
}

export function describeDownloadError(e: unknown, url: string, what: string): string {
  if (e instanceof tc.HTTPError) {
    const code = e.httpStatusCode ?? 0;
    if (code === 404) {
      return `${what} not found (HTTP 404) at ${url}: check the version exists for this platform (and, with a mirror, that it follows <base>/<tool>/<version>/<os>-<arch>/<asset>)`;
    }
    if (code >= 500 || code === 408 || code === 429) {
      return `${what}: the server kept failing (HTTP ${code}) for ${url} after ${downloadAttempts} attempts; retry later or use a mirror`;
    }
    return `${what}: HTTP ${code} for ${url}`;
  }
  const msg = e instanceof Error ? e.message : String(e);
  if (/aborted|premature close|ECONNRESET|socket hang up/i.test(msg)) {
    return `${what}: the download of ${url} was cut off before the end (truncated: ${msg}) in all ${downloadAttempts} attempts`;
  }
  return `${what}: cannot download ${url}: ${msg} (after ${downloadAttempts} attempts)`;
}

/** tool-cache reports through @actions/core, which writes `::debug::` workflow commands to stdout. In
 * Actions that is right; in a terminal it would break "one line per tool", so there it goes to stderr
 * and the debug lines are dropped. */
export async function withQuietToolkit<T>(quiet: boolean, fn: () => Promise<T>): Promise<T> {
  if (!quiet) return fn();
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    const kept = text
      .split(/(?<=\n)/)
      .filter((l) => !l.startsWith("::debug::"))
      .join("");
    if (kept) process.stderr.write(kept);
    const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
  }
}

/** tool-cache reads its folders from the environment; set them only for the duration of one call. */
export async function withToolCacheEnv<T>(
  toolCache: string,
  tempDir: string,
  fn: () => Promise<T>,
): Promise<T> {
  const saved = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP };
  process.env.RUNNER_TOOL_CACHE = toolCache;
  process.env.RUNNER_TEMP = tempDir;
  try {
    return await fn();
  } finally {
    restore("RUNNER_TOOL_CACHE", saved.cache);
    restore("RUNNER_TEMP", saved.temp);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
