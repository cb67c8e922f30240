// The plan every phase starts from: every chart x scenario x helm major is one cell (the gate renders it
// once and checks it with every rule). Config (floe-gate.yaml or defaults) is validated once into
// GateConfig; the plan is derived from it.
import type { ChartInfo, CheckSettings, Scenario, SourcePosition } from "../checks/types.js";
import type { HelmMajor } from "../config/inputs.js";
import type { Severity } from "../core/findings.js";
import type { CoverageSettings } from "../report/requirements.js";

export interface Waiver {
  /** Rule id the waiver applies to, e.g. `kubesec` or `policy/resources`. */
  rule: string;
  /** `Kind/name` of the object; `*` matches any run of characters. */
  object: string;
  reason: string;
  /** Last day the waiver holds (YYYY-MM-DD); after it the finding fails the gate again. */
  expiry: string;
  /** Where floe-gate.yaml writes it (waiver-unused points there). */
  at?: SourcePosition;
}

export interface ScenarioConfig {
  name: string;
  /** Values files, relative to the working directory, in the order helm receives them. */
  values: string[];
  environment?: string;
  /** Components the scenario turns off because they cannot run here (src/install/not-run.ts). */
  notRun?: NotRunComponent[];
  /** floe-gate.yaml `platform`: another chart's scenario `floe-helm test` installs first, as `release`. */
  platform?: { chart: string; scenario: string; release: string; at?: SourcePosition };
}

export interface NotRunComponent {
  /** Top-level values key whose `enabled` switch is off in the scenario. */
  component: string;
  reason: string;
}

export interface ChartConfig {
  /** Chart folder relative to the working directory. */
  dir: string;
  /** Explicit scenarios; when absent, `values-*.yaml` and `ci/*-values.yaml` are found automatically. */
  scenarios?: ScenarioConfig[];
  /** With `scenarios`: also the scenarios found automatically (a declared one replaces a found one of its name). */
  discover?: boolean;
}

/** floe-gate.yaml `e2e` (`floe-helm e2e`): the platform and the data product it installs together. Each
 * part keeps where the file writes it, for errors at file:line:col. */
export interface E2eConfig {
  platform: {
    chart: string;
    scenario: string;
    values: string[];
    /** Manifest files applied into the e2e namespace before the platform's install. */
    objects: string[];
    release: string;
    at?: SourcePosition;
  };
  product: { chart: string; values: string[]; release: string; at?: SourcePosition };
}

export interface GateConfig {
  /** The config file it came from (undefined: defaults). */
  file?: string;
  charts: ChartConfig[];
  helmMajors: HelmMajor[];
  settings: CheckSettings;
  waivers: Waiver[];
  /** Per-rule severity overrides; `off` disables the rule. */
  severity: Record<string, Severity | "off">;
  /** Requirement id -> rule ids that prove it (the report's coverage matrix). */
  requirements: Record<string, string[]>;
  /** The requirements with title, priority and position, and the priorities that fail the report. */
  coverage: CoverageSettings;
  /** `floe-helm e2e`'s platform and data product (absent: the file has no `e2e`). */
  e2e?: E2eConfig;
}

export interface PlannedChart {
  info: ChartInfo;
  /** Absolute chart folder. */
  abs: string;
  scenarios: Scenario[];
}

/** One unit of work: render once, then run every check on the result. */
export interface PlanCell {
  scenario: Scenario;
  helm: HelmMajor;
}

export interface Plan {
  charts: PlannedChart[];
  cells: PlanCell[];
}
