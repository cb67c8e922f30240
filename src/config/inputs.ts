// One typed Inputs object, built once per run from CLI flags, falling back to FLOE_HELM_* environment
// variables (which is how the composite action passes its inputs: through `env:`, never spliced into a
// script), then to defaults. Everything downstream receives this object; nothing else reads the environment.
import path from "node:path";
import { InputError } from "../cli/errors.js";
import { type ProviderName, parseProvider } from "../cluster/provider.js";

export type HelmMajor = 3 | 4;

export interface Inputs {
  /** Where phases write `<phase>.results.json` and diagnostics. */
  workDir: string;
  /** A folder holding tool binaries named helm3, helm4, kubesec, kind (the layout of scripts/tools.sh).
   * When unset, tools come from the installer. */
  toolsDir: string | undefined;
  /** Helm majors every chart is checked with. */
  helmMajors: HelmMajor[];
  /** Running inside GitHub Actions: also write annotations, step outputs and the job summary. */
  githubActions: boolean;
  /** Print stack traces of internal errors (FLOE_HELM_DEBUG=1). */
  debug: boolean;
  /** Which cluster install tests run against (kind needs Docker; kwok runs anywhere). */
  cluster: ProviderName;
  /** Kubeconfig to write (kind, kwok) or use (existing); a default under the work dir when unset. */
  kubeconfig: string | undefined;
}

/** The environment variable that carries each input when no flag is given. */
export const envNames = {
  workDir: "FLOE_HELM_WORK_DIR",
  toolsDir: "FLOE_HELM_TOOLS_DIR",
  helm: "FLOE_HELM_HELM",
  debug: "FLOE_HELM_DEBUG",
  cluster: "FLOE_HELM_CLUSTER",
  kubeconfig: "FLOE_HELM_KUBECONFIG",
} as const;

/** Flags common to every command, as commander parsed them. */
export interface CommonFlags {
  workDir?: string;
  toolsDir?: string;
  helm?: string;
  /** `--provider` of `cluster up/down`. */
  provider?: string;
  kubeconfig?: string;
}

export function parseHelmMajors(value: string, source: string): HelmMajor[] {
  const v = value.trim().toLowerCase();
  if (v === "both" || v === "3,4" || v === "4,3") return [3, 4];
  if (v === "3") return [3];
  if (v === "4") return [4];
  throw new InputError(`${source}: expected 3, 4 or both, got '${value}'`);
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

export function buildInputs(flags: CommonFlags, env: NodeJS.ProcessEnv, cwd: string): Inputs {
  const githubActions = env.GITHUB_ACTIONS === "true";
  const workDirRaw =
    nonEmpty(flags.workDir) ??
    nonEmpty(env[envNames.workDir]) ??
    (githubActions && env.RUNNER_TEMP ? path.join(env.RUNNER_TEMP, "floe-helm") : ".floe-helm");
  const toolsDirRaw = nonEmpty(flags.toolsDir) ?? nonEmpty(env[envNames.toolsDir]);
  const helmFromFlag = nonEmpty(flags.helm);
  const helmRaw = helmFromFlag ?? nonEmpty(env[envNames.helm]) ?? "both";
  const providerFromFlag = nonEmpty(flags.provider);
  const kubeconfigRaw = nonEmpty(flags.kubeconfig) ?? nonEmpty(env[envNames.kubeconfig]);
  return {
    workDir: path.resolve(cwd, workDirRaw),
    toolsDir: toolsDirRaw === undefined ? undefined : path.resolve(cwd, toolsDirRaw),
    helmMajors: parseHelmMajors(helmRaw, helmFromFlag ? "--helm" : envNames.helm),
    githubActions,
    debug: env[envNames.debug] === "1" || env[envNames.debug] === "true",
    cluster: parseProvider(
      providerFromFlag ?? nonEmpty(env[envNames.cluster]) ?? "kwok",
      providerFromFlag ? "--provider" : envNames.cluster,
    ),
    kubeconfig: kubeconfigRaw === undefined ? undefined : path.resolve(cwd, kubeconfigRaw),
  };
}
