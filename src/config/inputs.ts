// One typed Inputs object, built once per run from CLI flags, falling back to FLOE_HELM_* environment
// variables (which is how the composite action passes its inputs: through `env:`, never spliced into a
// script), then to defaults. Everything downstream receives this object; nothing else reads the environment.
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { UserError } from "../core/errors.js";

import type { HelmMajor } from "../core/rendered.js";

export type { HelmMajor };

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
  /** Whether helmMajors came from a flag or FLOE_HELM_HELM (then it wins over floe-gate.yaml). */
  helmExplicit: boolean;
  /** gate: floe-gate.yaml to read (default: ./floe-gate.yaml when it exists). */
  gateConfig: string | undefined;
  /** gate: chart folders to check instead of the config's (absolute). */
  charts: string[];
  /** gate: values files forming one scenario for every chart (absolute). */
  valuesFiles: string[];
  /** Values files for one chart only (`--values CHART_DIR=FILE`, absolute): that chart's one scenario. */
  chartValues: ChartValues[];
  /** Scenario names to run, looked up in each chart (`values-NAME.yaml`, `ci/NAME-values.yaml`, the
   * config's); a chart without one of them is skipped with that reason. Empty: every scenario. */
  scenarios: string[];
  /** gate: Kubernetes version X.Y the objects are checked for. */
  kubeVersion: string | undefined;
  /** gate: also write the results here (absolute). */
  resultsFile: string | undefined;
  /** Where the installer caches tools: RUNNER_TOOL_CACHE in Actions, a per-user cache folder elsewhere. */
  toolCache: string;
  /** Where compiled schema validators are cached between runs (FLOE_HELM_VALIDATOR_CACHE; `off`: none). */
  validatorCache: string | undefined;
  /** Installer: base URL of a tool mirror (validated by the installer), or undefined for the official sites. */
  mirror: string | undefined;
  /** Installer: a user's checksums file (absolute) adding trusted sha256 values to floe-helm's table. */
  checksums: string | undefined;
  /** Installer version inputs, raw (exact or major; validated by the installer). Helm takes a list. */
  toolVersions: {
    helm: string | undefined;
    kind: string | undefined;
    kubectl: string | undefined;
    kubesec: string | undefined;
  };
  /** Which cluster install tests run against (kind needs Docker; kwok runs anywhere). */
  cluster: ProviderName;
  /** Kubeconfig to write (kind, kwok) or use (existing); a default under the work dir when unset. */
  kubeconfig: string | undefined;
  /** upgrade-check: the git ref of the base revision (default: the merge base with GITHUB_BASE_REF). */
  upgradeBase: string | undefined;
  /** upgrade-check: a published chart (folder or .tgz, absolute) to compare with instead of a git ref. */
  upgradeBaseChart: string | undefined;
  /** The pull request's target branch in Actions (GITHUB_BASE_REF), when set. */
  githubBaseRef: string | undefined;
}

/** The clusters install tests can run against (src/cluster has a provider for each). */
export const providerNames = ["kind", "kwok", "existing"] as const;
export type ProviderName = (typeof providerNames)[number];

export function parseProvider(value: string, source: string): ProviderName {
  const v = value.trim().toLowerCase();
  if ((providerNames as readonly string[]).includes(v)) return v as ProviderName;
  throw new UserError(`${source}: expected one of ${providerNames.join(", ")}, got '${value}'`);
}

export interface ChartValues {
  /** Absolute chart folder. */
  chart: string;
  /** Absolute values file. */
  file: string;
}

/** The environment variable that carries each input when no flag is given. */
export const envNames = {
  workDir: "FLOE_HELM_WORK_DIR",
  toolsDir: "FLOE_HELM_TOOLS_DIR",
  helm: "FLOE_HELM_HELM",
  debug: "FLOE_HELM_DEBUG",
  gateConfig: "FLOE_HELM_CONFIG",
  charts: "FLOE_HELM_CHARTS",
  valuesFiles: "FLOE_HELM_VALUES",
  scenarios: "FLOE_HELM_SCENARIO",
  kubeVersion: "FLOE_HELM_KUBE_VERSION",
  resultsFile: "FLOE_HELM_RESULTS",
  toolCache: "FLOE_HELM_TOOL_CACHE",
  validatorCache: "FLOE_HELM_VALIDATOR_CACHE",
  mirror: "FLOE_HELM_MIRROR",
  checksums: "FLOE_HELM_CHECKSUMS",
  helmVersion: "FLOE_HELM_HELM_VERSION",
  kindVersion: "FLOE_HELM_KIND_VERSION",
  kubectlVersion: "FLOE_HELM_KUBECTL_VERSION",
  kubesecVersion: "FLOE_HELM_KUBESEC_VERSION",
  cluster: "FLOE_HELM_CLUSTER",
  kubeconfig: "FLOE_HELM_KUBECONFIG",
  upgradeBase: "FLOE_HELM_UPGRADE_BASE",
  upgradeBaseChart: "FLOE_HELM_UPGRADE_BASE_CHART",
} as const;

/** Flags common to every command, as commander parsed them. */
export interface CommonFlags {
  workDir?: string;
  toolsDir?: string;
  helm?: string;
  config?: string;
  chart?: string[];
  values?: string[];
  scenario?: string[];
  kubeVersion?: string;
  results?: string;
  toolCache?: string;
  mirror?: string;
  checksums?: string;
  helmVersion?: string;
  kindVersion?: string;
  kubectlVersion?: string;
  kubesecVersion?: string;
  /** `--provider` of `cluster up/down`. */
  provider?: string;
  kubeconfig?: string;
  /** `--base` / `--base-chart` of upgrade-check. */
  base?: string;
  baseChart?: string;
}

/** A list input from the environment: entries separated by newlines or commas (action inputs are strings). */
export function listFromEnv(v: string | undefined): string[] {
  return (v ?? "")
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** --values entries: `CHART_DIR=FILE` applies FILE to that chart only; anything else (including a file
 * whose own name holds `=`) to every chart. */
function splitValues(entries: readonly string[], cwd: string): Pick<Inputs, "valuesFiles" | "chartValues"> {
  const valuesFiles: string[] = [];
  const chartValues: ChartValues[] = [];
  for (const e of entries) {
    const eq = e.indexOf("=");
    if (eq > 0 && !existsSync(path.resolve(cwd, e))) {
      chartValues.push({
        chart: path.resolve(cwd, e.slice(0, eq).trim()),
        file: path.resolve(cwd, e.slice(eq + 1).trim()),
      });
    } else valuesFiles.push(path.resolve(cwd, e));
  }
  return { valuesFiles, chartValues };
}

export function parseHelmMajors(value: string, source: string): HelmMajor[] {
  const v = value.trim().toLowerCase();
  if (v === "both" || v === "3,4" || v === "4,3") return [3, 4];
  if (v === "3") return [3];
  if (v === "4") return [4];
  throw new UserError(`${source}: expected 3, 4 or both, got '${value}'`);
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

function abs(cwd: string, p: string | undefined): string | undefined {
  return p === undefined ? undefined : path.resolve(cwd, p);
}

/** The work dir (results files): --work-dir, FLOE_HELM_WORK_DIR, $RUNNER_TEMP/floe-helm in Actions, else
 * .floe-helm. Never throws, so a phase stopped by a bad input can still record why there. */
export function workDirOf(flags: Pick<CommonFlags, "workDir">, env: NodeJS.ProcessEnv, cwd: string): string {
  const raw =
    nonEmpty(flags.workDir) ??
    nonEmpty(env[envNames.workDir]) ??
    (env.GITHUB_ACTIONS === "true" && env.RUNNER_TEMP
      ? path.join(env.RUNNER_TEMP, "floe-helm")
      : ".floe-helm");
  return path.resolve(cwd, raw);
}

export function buildInputs(flags: CommonFlags, env: NodeJS.ProcessEnv, cwd: string): Inputs {
  const githubActions = env.GITHUB_ACTIONS === "true";
  const toolsDirRaw = nonEmpty(flags.toolsDir) ?? nonEmpty(env[envNames.toolsDir]);
  const helmFromFlag = nonEmpty(flags.helm);
  const helmRaw = helmFromFlag ?? nonEmpty(env[envNames.helm]) ?? "both";
  const providerFromFlag = nonEmpty(flags.provider);
  const kubeconfigRaw = nonEmpty(flags.kubeconfig) ?? nonEmpty(env[envNames.kubeconfig]);
  return {
    workDir: workDirOf(flags, env, cwd),
    toolsDir: toolsDirRaw === undefined ? undefined : path.resolve(cwd, toolsDirRaw),
    helmMajors: parseHelmMajors(helmRaw, helmFromFlag ? "--helm" : envNames.helm),
    githubActions,
    debug: env[envNames.debug] === "1" || env[envNames.debug] === "true",
    helmExplicit: helmFromFlag !== undefined || nonEmpty(env[envNames.helm]) !== undefined,
    gateConfig: abs(cwd, nonEmpty(flags.config) ?? nonEmpty(env[envNames.gateConfig])),
    charts: (flags.chart?.length ? flags.chart : listFromEnv(env[envNames.charts])).map((c) =>
      path.resolve(cwd, c),
    ),
    ...splitValues(flags.values?.length ? flags.values : listFromEnv(env[envNames.valuesFiles]), cwd),
    scenarios: flags.scenario?.length
      ? flags.scenario.map((n) => n.trim())
      : listFromEnv(env[envNames.scenarios]),
    kubeVersion: nonEmpty(flags.kubeVersion) ?? nonEmpty(env[envNames.kubeVersion]),
    resultsFile: abs(cwd, nonEmpty(flags.results) ?? nonEmpty(env[envNames.resultsFile])),
    toolCache: path.resolve(
      cwd,
      nonEmpty(flags.toolCache) ?? nonEmpty(env[envNames.toolCache]) ?? defaultToolCache(env),
    ),
    validatorCache:
      nonEmpty(env[envNames.validatorCache])?.toLowerCase() === "off"
        ? undefined
        : path.resolve(cwd, nonEmpty(env[envNames.validatorCache]) ?? defaultValidatorCache(env)),
    mirror: nonEmpty(flags.mirror) ?? nonEmpty(env[envNames.mirror]),
    checksums: abs(cwd, nonEmpty(flags.checksums) ?? nonEmpty(env[envNames.checksums])),
    toolVersions: {
      helm: nonEmpty(flags.helmVersion) ?? nonEmpty(env[envNames.helmVersion]),
      kind: nonEmpty(flags.kindVersion) ?? nonEmpty(env[envNames.kindVersion]),
      kubectl: nonEmpty(flags.kubectlVersion) ?? nonEmpty(env[envNames.kubectlVersion]),
      kubesec: nonEmpty(flags.kubesecVersion) ?? nonEmpty(env[envNames.kubesecVersion]),
    },
    cluster: parseProvider(
      providerFromFlag ?? nonEmpty(env[envNames.cluster]) ?? "kwok",
      providerFromFlag ? "--provider" : envNames.cluster,
    ),
    kubeconfig: kubeconfigRaw === undefined ? undefined : path.resolve(cwd, kubeconfigRaw),
    upgradeBase: nonEmpty(flags.base) ?? nonEmpty(env[envNames.upgradeBase]),
    upgradeBaseChart: abs(cwd, nonEmpty(flags.baseChart) ?? nonEmpty(env[envNames.upgradeBaseChart])),
    githubBaseRef: nonEmpty(env.GITHUB_BASE_REF),
  };
}

/** The runner's tool cache in Actions; elsewhere the per-user cache folder of the OS (XDG on Linux). */
export function defaultToolCache(env: NodeJS.ProcessEnv, platform: string = process.platform): string {
  if (env.GITHUB_ACTIONS === "true" && nonEmpty(env.RUNNER_TOOL_CACHE)) return env.RUNNER_TOOL_CACHE!;
  const home = nonEmpty(env.HOME) ?? os.homedir();
  if (platform === "darwin") return path.join(home, "Library", "Caches", "floe-helm", "tools");
  return path.join(nonEmpty(env.XDG_CACHE_HOME) ?? path.join(home, ".cache"), "floe-helm", "tools");
}

/** Compiled validators: beside the tools in the runner's tool cache in Actions, else the per-user cache. */
export function defaultValidatorCache(env: NodeJS.ProcessEnv, platform: string = process.platform): string {
  if (env.GITHUB_ACTIONS === "true" && nonEmpty(env.RUNNER_TOOL_CACHE))
    return path.join(env.RUNNER_TOOL_CACHE!, "floe-helm-validators");
  return path.join(path.dirname(defaultToolCache(env, platform)), "validators");
}
