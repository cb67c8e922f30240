// The checks `floe-helm e2e` runs, in this order (a check may use the facts of those before it): the run
// T116 launches is what T117 (its models) and T119 (its traces) look at; T120 last, as it takes the
// platform's NetworkPolicies away for a moment (and puts them back).
import type { E2eCheck } from "../types.js";
import { dagsterLaunch } from "./dagster-launch.js";
import { dbtModels } from "./dbt-models.js";
import { check as networkPolicy } from "./network-policy.js";
import { check as traces } from "./traces.js";

export const checks: E2eCheck[] = [dagsterLaunch, dbtModels, traces, networkPolicy];
