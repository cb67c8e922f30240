// Pure parts of the T118 lineage check (./lineage.ts): Marquez's HTTP API paths and what its answer about one
// run says (GET /api/v1/jobs/runs/{id}: the run Marquez built from the OpenLineage events it received, with the
// job version and the input and output dataset versions those events named). Tests: tests/e2e/marquez.test.ts,
// against a stand-in serving the documented response shapes (named as such).

/** Marquez's run states (marquez.common.models.RunState). */
export type MarquezRunState = "NEW" | "RUNNING" | "COMPLETED" | "ABORTED" | "FAILED";

interface DatasetVersionRef {
  datasetVersionId: { namespace: string; name: string; version?: string };
  facets?: Record<string, unknown>;
}
export interface MarquezRun {
  id: string;
  state: MarquezRunState;
  jobVersion?: { namespace: string; name: string; version?: string } | null;
  inputDatasetVersions?: DatasetVersionRef[];
  outputDatasetVersions?: DatasetVersionRef[];
}

export const runPath = (runId: string) => `/api/v1/jobs/runs/${encodeURIComponent(runId)}`;
export const jobPath = (namespace: string, job: string) =>
  `/api/v1/namespaces/${encodeURIComponent(namespace)}/jobs/${encodeURIComponent(job)}`;

/** What one run's lineage holds, as the check reports it. */
export interface RunLineage {
  state: string;
  /** `<namespace>/<name>`, "" when Marquez has no job version for the run yet. */
  job: string;
  inputs: string[];
  outputs: string[];
}

const datasets = (list: DatasetVersionRef[] | undefined) =>
  [...new Set((list ?? []).map((d) => `${d.datasetVersionId.namespace}/${d.datasetVersionId.name}`))].sort();

export function lineageOf(run: MarquezRun): RunLineage {
  return {
    state: run.state,
    job: run.jobVersion ? `${run.jobVersion.namespace}/${run.jobVersion.name}` : "",
    inputs: datasets(run.inputDatasetVersions),
    outputs: datasets(run.outputDatasetVersions),
  };
}

/** What is missing from a run's lineage for T118 (empty: it is all there): the run ended as Dagster says it
 * did (COMPLETED for SUCCESS, FAILED for FAILURE), it belongs to a job, and it names its input and output
 * datasets. */
export function missing(l: RunLineage, dagsterStatus: string | undefined): string[] {
  const want: MarquezRunState = dagsterStatus === "FAILURE" ? "FAILED" : "COMPLETED";
  const out: string[] = [];
  if (l.state !== want) out.push(`state ${l.state}, not ${want}`);
  if (!l.job) out.push("no job version");
  if (!l.inputs.length) out.push("no input dataset");
  if (!l.outputs.length) out.push("no output dataset");
  return out;
}

export const describeLineage = (l: RunLineage) =>
  `${l.state}, job ${l.job || "(none)"}, inputs ${l.inputs.join(", ") || "(none)"}, outputs ${l.outputs.join(", ") || "(none)"}`;
