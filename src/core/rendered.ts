// What rendering produces and every later layer reads: positions in files, paths into documents, the chart x
// scenario x helm major a render belongs to, and the rendered objects with their source positions.

/** The helm majors floe-helm runs. */
export type HelmMajor = 3 | 4;

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
}

export interface Scenario {
  chart: ChartInfo;
  /** Short name, e.g. `test` for values-test.yaml, `ci/external-values` for ci/external-values.yaml. */
  name: string;
  /** Values files passed to helm with -f, in order, relative to the working directory. */
  valuesFiles: string[];
  /** Environment the scenario stands for (dev, test, staging, prod), when known: prod-only rules use it. */
  environment?: string;
  /** The release this scenario runs against (floe-gate.yaml `platform`): installed first by `floe-helm
   * test`, in the same namespace; static phases ignore it. */
  platform?: ScenarioPlatform;
}

/** Another chart's scenario installed before a scenario, under the release name its values expect. */
export interface ScenarioPlatform {
  scenario: Scenario;
  release: string;
}

export interface RenderedObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** The parsed object. */
  doc: Record<string, unknown>;
  /** Template that produced it, from helm's `# Source:` comment (relative to the working directory). A
   * subchart packed as a .tgz maps to the archive. */
  template: string;
  /** 1-based line of the object in the raw `helm template` output. */
  manifestLine?: number;
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
