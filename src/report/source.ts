// The commit a phase ran on: `git rev-parse HEAD` of the folder it ran in, and whether tracked files differed
// from it. Recorded in the results file (`source`) so a later step can tell which commit a result is for:
// `floe-helm release --gate-results` publishes only the commit whose gate passed.
import { runTool } from "../exec/runner.js";

export interface SourceCommit {
  /** The full SHA of HEAD. */
  commit: string;
  /** Tracked files differed from that commit: the result is not the commit's alone. */
  dirty?: true;
}

/** HEAD of the git work tree at `cwd`; undefined outside one (or without git). */
export async function sourceCommit(cwd: string): Promise<SourceCommit | undefined> {
  try {
    const head = await runTool(["git", "rev-parse", "--verify", "HEAD"], { cwd, timeoutMs: 15_000 });
    const commit = head.stdout.trim();
    if (head.code !== 0 || !/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
    const st = await runTool(["git", "status", "--porcelain", "--untracked-files=no"], {
      cwd,
      timeoutMs: 60_000,
    });
    return { commit, ...(st.code !== 0 || st.stdout.trim() ? { dirty: true as const } : {}) };
  } catch {
    return undefined;
  }
}
