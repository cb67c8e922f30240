// Tools from an explicit folder (--tools-dir / FLOE_HELM_TOOLS_DIR), laid out as scripts/tools.sh builds
// them: helm3, helm4, kubesec, kind. Used by local runs and the test suite; the action installs instead.
import { access, constants } from "node:fs/promises";
import path from "node:path";
import type { HelmMajor } from "../config/inputs.js";
import { UserError } from "../core/errors.js";
import { runTool } from "../exec/runner.js";
import { parseVersion, versionArgv } from "./argv.js";
import { pins } from "./pins.js";

export interface LocalTool {
  name: string;
  path: string;
  expected: string;
}

export function localTools(toolsDir: string, helmMajors: readonly HelmMajor[]): LocalTool[] {
  const out: LocalTool[] = helmMajors.map((m) => ({
    name: `helm${m}`,
    path: path.join(toolsDir, `helm${m}`),
    expected: pins.helm[m],
  }));
  out.push({ name: "kubesec", path: path.join(toolsDir, "kubesec"), expected: pins.kubesec });
  return out;
}

export interface ToolReport extends LocalTool {
  found: string | undefined;
  ok: boolean;
  problem?: string;
}

export async function checkLocalTool(tool: LocalTool): Promise<ToolReport> {
  try {
    await access(tool.path, constants.X_OK);
  } catch {
    return { ...tool, found: undefined, ok: false, problem: `not found or not executable: ${tool.path}` };
  }
  const kind = tool.name.startsWith("helm") ? "helm" : (tool.name as "kubesec" | "kind");
  const r = await runTool(versionArgv[kind](tool.path), { timeoutMs: 30_000 });
  const found = parseVersion(r.stdout + r.stderr);
  if (r.code !== 0 || !found) {
    return { ...tool, found, ok: false, problem: `'${tool.name} version' failed (exit ${r.code})` };
  }
  return found === tool.expected
    ? { ...tool, found, ok: true }
    : { ...tool, found, ok: false, problem: `version ${found}, expected the pinned ${tool.expected}` };
}

/** The path of a tool in the tools folder, or one clear error saying how to get it. */
export async function requireLocalTool(toolsDir: string, name: string): Promise<string> {
  const p = path.join(toolsDir, name);
  try {
    await access(p, constants.X_OK);
  } catch {
    throw new UserError(`${name} not found in ${toolsDir}: run scripts/tools.sh to build the pinned tools`);
  }
  return p;
}
