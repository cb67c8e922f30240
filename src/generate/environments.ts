// The environments generate knows and the defaults each adds over the charts' own: the namespace the values
// are rendered for, the resource preset of the run pods and jobs (src/generate/presets.ts),
// HorizontalPodAutoscalers and PodDisruptionBudgets in prod, NetworkPolicies in staging and prod. Four are
// built in (dev, test, staging, prod); any other name must be in the manifest's promotion path
// (artifacts.promotion.environments, the only list of environments a floe manifest has) and takes the
// defaults of a built-in one. Only keys the charts declare in values.schema.json (generate checks every output
// against them).
import { UserError } from "../core/errors.js";
import { environmentPresets } from "./presets.js";

export const environmentNames = ["dev", "test", "staging", "prod"] as const;
export type EnvironmentName = (typeof environmentNames)[number];

export interface Environment {
  /** As given: a built-in name, or one of the manifest's promotion path. */
  name: string;
  /** The built-in environment whose defaults it takes (itself for a built-in). */
  base: EnvironmentName;
  /** Why that one, for a name that is not built in (said in the files' headers). */
  baseReason?: string;
  /** Namespace both releases are rendered for (`helm template --namespace`); said in each file's header. */
  namespace: string;
  /** Resource preset of floe-platform's run pods and floe-jobs' jobs. */
  preset: string;
  platform: Record<string, unknown>;
  jobs: Record<string, unknown>;
}

// The charts refuse NetworkPolicies without the API server's addresses (the Dagster run launcher talks to
// it); the charts' own staging and prod files use the private range, to be narrowed per cluster.
const networkPolicy = { enabled: true, apiServer: { cidrs: ["10.0.0.0/8"] } };

const scaled = (min: number, max: number) => ({
  autoscaling: { enabled: true, minReplicas: min, maxReplicas: max, targetCPUUtilizationPercentage: 70 },
  pdb: { enabled: true, minAvailable: 1 },
});

const defaults: Record<EnvironmentName, Pick<Environment, "namespace" | "platform" | "jobs">> = {
  // Laptops and CI: everything but the preset as the charts ship it.
  dev: { namespace: "floe-dev", platform: {}, jobs: {} },
  test: { namespace: "floe-test", platform: {}, jobs: {} },
  // Production topology without autoscaling: NetworkPolicies on (egress of the jobs only to the platform).
  staging: {
    namespace: "floe-staging",
    platform: { networkPolicy },
    jobs: { networkPolicy: { enabled: true } },
  },
  // NetworkPolicies, HPAs and PDBs of the stateless services, Marquez's too (the charts' defaults size the
  // pods; the gate's prod policy wants both on every Deployment).
  prod: {
    namespace: "floe-prod",
    platform: {
      networkPolicy,
      dagster: { webserver: scaled(2, 6) },
      polaris: scaled(2, 6),
      otelCollector: scaled(2, 4),
      marquez: { ...scaled(2, 4), web: scaled(2, 4) },
    },
    jobs: { networkPolicy: { enabled: true } },
  },
};

const isBuiltIn = (n: string): n is EnvironmentName => (environmentNames as readonly string[]).includes(n);
const builtInList = environmentNames.join(", ");

/** The built-in environment of that name; any other name is one usage error listing them. */
export function environment(name: string): Environment {
  const n = name.trim();
  if (!isBuiltIn(n)) {
    throw new UserError(`--env ${JSON.stringify(name)}: unknown environment (built in: ${builtInList})`);
  }
  return { name: n, base: n, preset: environmentPresets[n], ...structuredClone(defaults[n]) };
}

/** Where the manifest's promotion path is, for messages. */
export interface PromotionPath {
  names: readonly string[];
  /** `manifest.yaml:12:5` of `artifacts.promotion.environments`, or the manifest's name when it has none. */
  at: string;
}

/** The built-in a name of the promotion path takes its defaults from: the nearest built-in before it in the
 * path (qa after dev is dev-like, preprod after staging is staging-like, dr after prod is prod-like), else the
 * nearest after it (sandbox before dev is dev-like). floe groups every environment but prod as non-prod, and
 * a name never gets stricter defaults than the built-in environment promoted into it. */
export function inferredBase(name: string, path: readonly string[]): EnvironmentName | undefined {
  const i = path.indexOf(name);
  if (i < 0) return undefined;
  if (isBuiltIn(name)) return name;
  for (let j = i - 1; j >= 0; j--) if (isBuiltIn(path[j]!)) return path[j] as EnvironmentName;
  for (let j = i + 1; j < path.length; j++) if (isBuiltIn(path[j]!)) return path[j] as EnvironmentName;
  return undefined;
}

/** One `--env NAME[=BASE]`: a built-in environment, or a name of the manifest's promotion path with the
 * defaults of a built-in (inferred from its place in the path, or BASE). Anything else is one usage error. */
export function resolveEnvironment(arg: string, promotion: PromotionPath): Environment {
  const [rawName, rawBase, ...rest] = arg.split("=");
  const name = rawName!.trim();
  const base = rawBase?.trim();
  const flag = `--env ${JSON.stringify(arg)}`;
  if (rest.length > 0 || base === "")
    throw new UserError(`${flag}: expected NAME or NAME=BASE (BASE one of ${builtInList})`);
  if (isBuiltIn(name)) {
    if (base !== undefined && base !== name)
      throw new UserError(`${flag}: ${name} is built in and takes its own defaults; drop =${base}`);
    return environment(name);
  }
  if (!promotion.names.includes(name)) {
    const mapped =
      promotion.names.length > 0
        ? `nor in the manifest's promotion path (${promotion.at}: ${promotion.names.join(", ")})`
        : `and ${promotion.at} declares no promotion path (artifacts.promotion.environments) that maps others`;
    throw new UserError(`${flag}: unknown environment: not built in (${builtInList}) ${mapped}`);
  }
  if (base !== undefined && !isBuiltIn(base))
    throw new UserError(`${flag}: ${JSON.stringify(base)} is not a built-in environment (${builtInList})`);
  const from = (base as EnvironmentName | undefined) ?? inferredBase(name, promotion.names);
  if (from === undefined)
    throw new UserError(
      `${flag}: the promotion path (${promotion.at}: ${promotion.names.join(", ")}) has no built-in environment to take defaults from: write --env ${name}=BASE (BASE one of ${builtInList})`,
    );
  const d = structuredClone(defaults[from]);
  return {
    name,
    base: from,
    baseReason:
      base !== undefined
        ? `--env ${name}=${from}`
        : `its place in the promotion path, ${promotion.names.indexOf(from) < promotion.names.indexOf(name) ? "after" : "before"} ${from}`,
    preset: environmentPresets[from],
    // Namespaces are DNS labels: floe's environment names may have underscores.
    namespace: `floe-${name.replaceAll("_", "-")}`,
    platform: d.platform,
    jobs: d.jobs,
  };
}
