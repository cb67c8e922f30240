// Every rule id floe-helm reports, with one sentence each and the README table that documents it: the
// rule metadata of `floe-helm report --sarif`. Built from the rule registry (src/checks/registry.ts: id,
// description, default severity) and the rule ids each phase exports, so a rule added to the registry is
// described here without an edit, and a phase constant without an entry fails to typecheck (the
// `satisfies` below). It lives with the commands because it is the one place that may import every phase.
import { checks } from "../checks/registry.js";
import { E2E_RULES } from "../e2e/run.js";
import { gateRules } from "../gate/run.js";
import { DIAGNOSIS_RULE } from "../install/diagnose/cell.js";
import { IMAGES_RULE } from "../install/load-images.js";
import { NOT_RUN_RULE } from "../install/not-run.js";
import { rules as installRules } from "../install/run.js";
import { GATE_RECORD_RULE } from "../release/gate-record.js";
import { RELEASE_RULE } from "../release/run.js";
import { COVERAGE_RULE } from "../report/coverage.js";
import type { RuleDoc } from "../report/sarif.js";
import { liveRules } from "../upgrade/live/run.js";
import { upgradeCheckRules } from "../upgrade/run.js";

/** README headings (GitHub anchors) whose tables or text document the rules. */
export const RULE_ANCHORS = {
  gate: "rules-of-the-gate",
  objects: "object-checks-rendered-objects",
  upgradeCheck: "upgrade-safety-upgrade-check",
  test: "install-tests-floe-helm-test",
  live: "live-upgrade-and-rollback-floe-helm-upgrade",
  e2e: "end-to-end-floe-helm-e2e",
  coverage: "coverage-matrix",
  release: "releasing-charts-floe-helm-release",
  generate: "generate-values-from-floes-manifest-and-data-products",
  tools: "toolchain-installer",
} as const;

type Doc = Omit<RuleDoc, "id">;
const A = RULE_ANCHORS;
type Values<T> = T[keyof T];

const gate = {
  [gateRules.yamlParse]: {
    description: "A values file, config or rendered manifest that is not YAML.",
    anchor: A.gate,
  },
  [gateRules.duplicateKey]: {
    description: "A mapping key written twice (YAML keeps only the last one).",
    anchor: A.gate,
  },
  [gateRules.valuesSchema]: {
    description: "A values file that breaks the chart's values.schema.json (or a schema that is not valid).",
    anchor: A.gate,
  },
  [gateRules.lint]: { description: "helm lint --strict reports an error or a warning.", anchor: A.gate },
  [gateRules.render]: {
    description: "helm template fails (template error, required, fail).",
    anchor: A.gate,
  },
  [gateRules.deadValue]: {
    description:
      "A key set in a scenario values file that no template reads and the schema does not declare.",
    anchor: A.gate,
  },
  [gateRules.waiverUnused]: {
    description: "A waiver in floe-gate.yaml that matched no finding: remove it before it hides a new one.",
    anchor: A.gate,
    level: "warning",
  },
  [gateRules.dependency]: {
    description:
      "A Chart.yaml dependency that charts/ does not hold and helm dependency build cannot provide.",
    anchor: A.gate,
  },
  [gateRules.chartSchema]: {
    description: "Chart.yaml as chart-testing's ct lint checks it (apiVersion, name, SemVer version, ...).",
    anchor: A.gate,
    level: "warning",
  },
  [gateRules.yamlStyle]: {
    description: "The YAML style ct lint enforces (yamllint with ct's lintconf), per yamllint rule.",
    anchor: A.gate,
    level: "warning",
  },
  [gateRules.plainSecret]: {
    description: "A credential written as a literal in a values file where a reference is expected.",
    anchor: A.gate,
    level: "warning",
  },
  [gateRules.schemaDrift]: {
    description:
      "values.yaml and an open values.schema.json disagree: an undeclared key, or an unused property.",
    anchor: A.gate,
    level: "warning",
  },
} satisfies Record<Values<typeof gateRules>, Doc>;

const upgradeCheck = {
  [upgradeCheckRules.immutableField]: {
    description:
      "A field the API server refuses to change on an existing object changes between base and head.",
    anchor: A.upgradeCheck,
  },
  [upgradeCheckRules.removedStateful]: {
    description: "A PersistentVolumeClaim (or volume claim template) of the base is no longer rendered.",
    anchor: A.upgradeCheck,
    level: "warning",
  },
  [upgradeCheckRules.renamedService]: {
    description: "A Service is gone while a new one has the same selector: clients of the old name break.",
    anchor: A.upgradeCheck,
    level: "warning",
  },
  [upgradeCheckRules.hookToObject]: {
    description:
      "A helm hook the base leaves in the cluster becomes a release object of the same name: helm upgrade refuses to adopt it.",
    anchor: A.upgradeCheck,
  },
  [upgradeCheckRules.objectToHook]: {
    description:
      "A release object becomes a pre-upgrade hook of the same name: after the upgrade it is gone (helm deletes the release's object, which is the hook's).",
    anchor: A.upgradeCheck,
    level: "warning",
  },
  [upgradeCheckRules.newChart]: {
    description: "The chart does not exist at the base: nothing to upgrade from.",
    anchor: A.upgradeCheck,
    level: "info",
  },
  [upgradeCheckRules.baseValues]: {
    description: "The base is rendered with this change's values file.",
    anchor: A.upgradeCheck,
    level: "info",
  },
  [upgradeCheckRules.notChecked]: {
    description: "One side does not render, so the cell's upgrade is not checked.",
    anchor: A.upgradeCheck,
    level: "warning",
  },
  [upgradeCheckRules.versionIncrement]: {
    description: "A chart whose files changed since the base without a higher version in Chart.yaml.",
    anchor: A.upgradeCheck,
  },
} satisfies Record<Values<typeof upgradeCheckRules>, Doc>;

const live = {
  [liveRules.install]: { description: "The base release does not install.", anchor: A.live },
  [liveRules.upgrade]: { description: "helm upgrade from the base to this change fails.", anchor: A.live },
  [liveRules.helmTest]: { description: "helm test fails after the upgrade or the rollback.", anchor: A.live },
  [liveRules.rollback]: { description: "helm rollback to the base fails.", anchor: A.live },
  [liveRules.availability]: {
    description: "A Service of a workload with 2+ replicas stopped answering during the upgrade.",
    anchor: A.live,
  },
} satisfies Record<Values<typeof liveRules>, Doc>;

const test = {
  [installRules.install]: {
    description: "helm install --wait of a chart x scenario x helm major fails.",
    anchor: A.test,
  },
  [installRules.helmTest]: { description: "A helm test pod fails (or times out).", anchor: A.test },
  [installRules.uninstall]: { description: "helm uninstall of a test release fails.", anchor: A.test },
  [installRules.cluster]: {
    description: "The cluster's API server stopped answering: the failure is the cluster's, not the chart's.",
    anchor: A.test,
  },
  [DIAGNOSIS_RULE]: {
    description: "Why an object of a failed install or helm test is not ready (image-pull, crash-loop, ...).",
    anchor: A.test,
    level: "info",
  },
  [IMAGES_RULE]: {
    description:
      "An image the charts use is neither in the node nor in local Docker (with --image-pull never).",
    anchor: A.test,
  },
  [NOT_RUN_RULE]: {
    description: "A scenario's notRun component whose switch adds no test pod, or does not render.",
    anchor: A.test,
    level: "warning",
  },
} satisfies Record<string, Doc>;

const e2e = {
  e2e: { description: "An end-to-end check of the platform and the data product fails.", anchor: A.e2e },
  [E2E_RULES.install]: { description: "The platform or the data product does not install.", anchor: A.e2e },
  [E2E_RULES.uninstall]: { description: "The end-to-end releases do not uninstall.", anchor: A.e2e },
} satisfies Record<string, Doc>;

const others = {
  [COVERAGE_RULE]: {
    description: "A requirement of a coverage.failOn priority failed or no check covers it.",
    anchor: A.coverage,
  },
  [RELEASE_RULE]: {
    description: "A chart cannot be packaged or pushed to the OCI registry.",
    anchor: A.release,
  },
  [GATE_RECORD_RULE]: {
    description:
      "release --gate-results: the recorded gate result is not a pass on this very commit (another commit, uncommitted changes, failed).",
    anchor: A.release,
  },
  "generate/unsupported-plugin": {
    description:
      "A plugin of floe's manifest that floe-platform cannot run (an orchestrator or storage type).",
    anchor: A.generate,
  },
  "generate/external-plugin": {
    description:
      "A plugin of floe's manifest that floe-platform does not run: the service is off, the jobs get no endpoint.",
    anchor: A.generate,
    level: "info",
  },
  "generate/derived-endpoint": {
    description:
      "An endpoint written in the inputs differs from the one derived from the floe-platform release.",
    anchor: A.generate,
    level: "warning",
  },
  "generate/prod-bundled": {
    description:
      "A prod environment runs a bundled service (database, object store) the gate's prod policy refuses.",
    anchor: A.generate,
    level: "warning",
  },
  "generate/schedule-disabled": {
    description: "A data product whose schedule is off: its job runs after every install and upgrade.",
    anchor: A.generate,
    level: "info",
  },
  "generate/unknown-preset": {
    description:
      "A data product's floe.dev/resource-preset label names a preset neither floe nor the manifest defines.",
    anchor: A.generate,
  },
  "generate/resource-preset": {
    description:
      "A resource preset of the manifest Kubernetes would refuse: not a quantity, or a request above its limit.",
    anchor: A.generate,
  },
  "generate/time-zone": {
    description: "A data product's schedule.timezone is not an IANA time zone a CronJob takes.",
    anchor: A.generate,
  },
  "helm-template": { description: "A generated values file does not render.", anchor: A.generate },
  "tools/unverified-checksum": {
    description: "A tool installed without a checksum floe-helm trusts.",
    anchor: A.tools,
    level: "warning",
  },
  "tools/cache-mismatch": {
    description: "A tool in the cache whose checksum differs from the pinned one: it is installed again.",
    anchor: A.tools,
    level: "warning",
  },
} satisfies Record<string, Doc>;

/** The catalog: the registry's rules first (their own descriptions and default severities), then every
 * phase's. A rule id not listed (e2e/<check>, yaml-style/<yamllint rule>) takes its family's entry
 * (src/report/sarif.ts ruleDoc). */
export function ruleCatalog(): RuleDoc[] {
  const registry: RuleDoc[] = checks.map((c) => ({
    id: c.rule,
    description: c.description,
    anchor: A.objects,
    level: c.defaultSeverity,
  }));
  const rest = Object.entries({ ...gate, ...upgradeCheck, ...live, ...test, ...e2e, ...others }).map(
    ([id, d]): RuleDoc => ({ id, ...(d as Doc) }),
  );
  const seen = new Set(registry.map((r) => r.id));
  return [...registry, ...rest.filter((r) => !seen.has(r.id))];
}
