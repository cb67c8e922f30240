// What the act tests share when they run this repository's workflows and action.yml under a real runner: the
// tools the test mirror serves (and the action's `with:` that asks for them), the shapes of a workflow's jobs
// and steps, and the stand-ins for the remote actions every workflow starts with (GitHub is unreachable here).
import type { InstallTool } from "../../src/tools/assets.js";
import { detectPlatform } from "../../src/tools/platform.js";
import { type TestTool, tool } from "../helpers/tools.js";
import { buildAsset, type Mirror, serveAsset } from "../tools/mirror.js";

export interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  run?: string;
}

export interface Job {
  name?: string;
  strategy?: Record<string, unknown>;
  needs?: string | string[];
  if?: string;
  "runs-on": string;
  "timeout-minutes"?: number;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}

/** A workflow expression (`${{ x }}`), which the runner evaluates. */
export const expr = (x: string) => `\${{ ${x} }}`;

/** The versions the workflows ask for, each served from the real pinned binary under a version the checksum
 * table does not pin (so each is verified against the mirror's checksum file, with a warning). */
export const servedTools: ReadonlyArray<readonly [TestTool, InstallTool, string]> = [
  ["helm3", "helm", "v3.21.9"],
  ["helm4", "helm", "v4.2.9"],
  ["kind", "kind", "v0.32.9"],
  ["kubectl", "kubectl", "v1.36.9"],
  ["kubesec", "kubesec", "v2.14.9"],
];

/** The action's outputs for those versions (`helm3-version: v3.21.9`, ...). */
export const servedVersionOutputs: Readonly<Record<string, string>> = Object.fromEntries(
  servedTools.map(([n, , v]) => [`${n}-version`, v]),
);

/** The action's `with:` that takes every tool from the mirror in the `FLOE_TEST_MIRROR` variable. */
export const toolsFromMirror: Readonly<Record<string, string>> = {
  mirror: expr("vars.FLOE_TEST_MIRROR"),
  "helm-version": "3.21.9,4.2.9",
  "kind-version": "0.32.9",
  "kubectl-version": "1.36.9",
  "kubesec-version": "2.14.9",
};

/** Serves the tools above (all but those in `except`) from `mirror`. */
export async function serveTools(mirror: Mirror, except: readonly TestTool[] = []): Promise<void> {
  for (const [bin, t, v] of servedTools)
    if (!except.includes(bin))
      serveAsset(mirror, await buildAsset(t, v, detectPlatform(), tool(bin), mirror.url));
}

/** actions/checkout of this repository (the workflow's own, or the action's: `repository:` + `ref:`) as the
 * test's prepared copy in `FLOE_TEST_CHECKOUT`, and actions/setup-node (the runner's own Node); undefined for
 * any other step (another branch of the repository: `ref:` alone, is each test's own). */
export function commonStandIn(step: Step): Step | undefined {
  const uses = step.uses?.split("@")[0];
  if (uses === "actions/checkout" && !(step.with?.ref && !step.with.repository)) {
    const into = step.with?.path ? `$GITHUB_WORKSPACE/${step.with.path}` : "$GITHUB_WORKSPACE";
    return {
      name: `Check out${step.with?.path ? ` into ${step.with.path}` : ""} (stands in for actions/checkout: the test's prepared repository)`,
      env: { CHECKOUT: expr("vars.FLOE_TEST_CHECKOUT") },
      run: `mkdir -p "${into}" && cp -a "$CHECKOUT/." "${into}/"`,
    };
  }
  if (uses === "actions/setup-node")
    return { name: "Node (stands in for actions/setup-node: the runner's own)", run: "node --version" };
  return undefined;
}
