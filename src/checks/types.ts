// The contract between rendering and checks. A check never runs helm and never prints: it receives what
// was rendered (once per chart x scenario x helm major) and returns findings. Adding a rule = one file +
// one table-driven test + one line in the registry + one README row.
import type { HelmMajor } from "../config/inputs.js";
import type { Finding, Severity } from "../report/results.js";
import type { CheckOptions } from "./options.js";

/** A position in a file, 1-based, path relative to the working directory. */
export interface SourcePosition {
  file: string;
  line: number;
  col?: number;
}

/** A path into a YAML/JSON document, e.g. ["spec", "template", "spec", "containers", 0, "image"]. */
export type DocPath = ReadonlyArray<string | number>;

export interface ChartInfo {
  /** Chart name from Chart.yaml. */
  name: string;
  version: string;
  /** Chart folder, relative to the working directory. */
  dir: string;
  /** Parsed values.schema.json, when the chart has one. */
  schema?: unknown;
}

export interface Scenario {
  chart: ChartInfo;
  /** Short name, e.g. `test` for values-test.yaml, `ci/external-values` for ci/external-values.yaml. */
  name: string;
  /** Values files passed to helm with -f, in order, relative to the working directory. */
  valuesFiles: string[];
  /** Environment the scenario stands for (dev, test, staging, prod), when known: prod-only rules use it. */
  environment?: string;
}

export interface RenderedObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** The parsed object. */
  doc: Record<string, unknown>;
  /** Template that produced it, from helm's `# Source:` comment (relative to the working directory). */
  template: string;
  /** Best position for a path inside this object: the template line that writes the key when it can be
   * found, else the template file's first line. */
  locate(path: DocPath): SourcePosition;
}

/** Everything rendered for one plan cell, shared by all checks. */
export interface RenderCell {
  scenario: Scenario;
  helm: HelmMajor;
  objects: RenderedObject[];
  /** Raw `helm template` output. */
  manifest: string;
}

export interface CheckContext {
  /** Severity overrides from floe-gate.yaml, by rule id. */
  severity(rule: string, fallback: Severity): Severity | "off";
  /** Settings of the k8s-schema, dangling-reference, policy/* and kubesec checks (floe-gate.yaml). */
  options?: CheckOptions;
}

export interface Check {
  /** Rule id: part of the interface, documented in the README. */
  rule: string;
  defaultSeverity: Severity;
  description: string;
  run(cell: RenderCell, ctx: CheckContext): Finding[] | Promise<Finding[]>;
}
