// The checks `floe-helm e2e` runs, in this order (a check may use the facts of those before it): the run T116
// launches is what T117 (its models), T118 (its lineage), E2E-003 (its table) and T119 (its traces) look at;
// T120 takes the platform's NetworkPolicies away for a moment (and puts them back); GAP-006 (the Secrets ESO
// wrote and the pods reading them) before GAP-004, which comes last, as its load slows everything else down. T118 and E2E-003 need Marquez and Polaris: where the platform scenario declares
// them not run here, the runner records that with its reason.
import type { E2eCheck } from "../types.js";
import { check as autoscaling } from "./autoscaling.js";
import { dagsterLaunch } from "./dagster-launch.js";
import { dbtModels } from "./dbt-models.js";
import { check as externalSecrets } from "./external-secrets.js";
import { check as icebergTable } from "./iceberg-table.js";
import { check as lineage } from "./lineage.js";
import { check as networkPolicy } from "./network-policy.js";
import { check as traces } from "./traces.js";

export const checks: E2eCheck[] = [
  dagsterLaunch,
  dbtModels,
  lineage,
  icebergTable,
  traces,
  networkPolicy,
  externalSecrets,
  autoscaling,
];
