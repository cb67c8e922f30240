// What the release tests share: a workspace holding a copy of this repository's charts, and the results file
// `floe-helm release --work-dir work` writes there.
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./tools.js";

/** `parent/name` holding a copy of charts/ (returned). */
export function chartsWorkspace(parent: string, name: string): string {
  const ws = path.join(parent, name);
  cpSync(path.join(repoRoot, "charts"), path.join(ws, "charts"), { recursive: true });
  return ws;
}

/** work/release.results.json of a workspace, parsed. */
export const releaseResults = (ws: string) =>
  JSON.parse(readFileSync(path.join(ws, "work", "release.results.json"), "utf8"));
