// The environments generate knows (dev, test, staging, prod) and the defaults each adds over the charts'
// own: the namespace the values are rendered for, the resource preset of the run pods and jobs
// (src/generate/presets.ts), HorizontalPodAutoscalers and PodDisruptionBudgets in prod, NetworkPolicies in
// staging and prod. Only keys the charts declare in values.schema.json (generate checks every output
// against them).
import { UserError } from "../core/errors.js";
import { environmentPresets } from "./presets.js";

export const environmentNames = ["dev", "test", "staging", "prod"] as const;
export type EnvironmentName = (typeof environmentNames)[number];

export interface Environment {
  name: EnvironmentName;
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

const defaults: Record<EnvironmentName, Omit<Environment, "name" | "preset">> = {
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

/** The built-in environment of that name; any other name is one usage error listing them. */
export function environment(name: string): Environment {
  const n = name.trim();
  if (!(environmentNames as readonly string[]).includes(n)) {
    throw new UserError(
      `--env ${JSON.stringify(name)}: unknown environment (built in: ${environmentNames.join(", ")})`,
    );
  }
  const d = defaults[n as EnvironmentName];
  return {
    name: n as EnvironmentName,
    preset: environmentPresets[n as EnvironmentName],
    ...structuredClone(d),
  };
}
