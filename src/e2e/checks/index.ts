// The checks `floe-helm e2e` runs, in this order (a check may use the facts of those before it).
import type { E2eCheck } from "../types.js";
import { dagsterLaunch } from "./dagster-launch.js";
import { dbtModels } from "./dbt-models.js";

export const checks: E2eCheck[] = [dagsterLaunch, dbtModels];
