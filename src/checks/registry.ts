// The rule registry: every check over rendered objects, one line each. The gate runs each of them on
// every plan cell (chart x scenario x helm major) with the objects rendered once for that cell.
import { danglingReferenceCheck } from "./dangling-reference/index.js";
import { integrationPointCheck } from "./integration-point.js";
import { k8sSchemaCheck } from "./k8s-schema.js";
import { kubesecCheck } from "./kubesec.js";
import { dollarEscape } from "./policy/command-args.js";
import { containerBasicsChecks } from "./policy/container-basics.js";
import { environmentChecks } from "./policy/environment.js";
import { securityContextChecks } from "./policy/security-context.js";
import type { Check } from "./types.js";

export const checks: Check[] = [
  k8sSchemaCheck,
  danglingReferenceCheck,
  ...securityContextChecks,
  ...containerBasicsChecks,
  dollarEscape,
  ...environmentChecks,
  integrationPointCheck,
  kubesecCheck,
];
