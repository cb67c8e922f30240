// Dagster's GraphQL API as T116 uses it (dagster-webserver 1.9): the queries, and pure readers of their
// responses. Every reader returns what it found or a sentence saying what the response held instead, so a
// failed check can show the API's own words (tests/e2e/dagster-graphql.test.ts: recorded responses).

export const WORKSPACE_QUERY = `query Workspace {
  workspaceOrError {
    __typename
    ... on Workspace {
      locationEntries {
        name
        loadStatus
        locationOrLoadError {
          __typename
          ... on RepositoryLocation { name repositories { name jobs { name } } }
          ... on PythonError { message }
        }
      }
    }
    ... on PythonError { message }
  }
}`;

export const LAUNCH_RUN_MUTATION = `mutation LaunchRun($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) {
    __typename
    ... on LaunchRunSuccess { run { runId status } }
    ... on PythonError { message }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on Error { message }
  }
}`;

export const RUN_QUERY = `query Run($runId: ID!) {
  runOrError(runId: $runId) {
    __typename
    ... on Run { runId status jobName }
    ... on Error { message }
    ... on PythonError { message }
  }
}`;

export const RUN_EVENTS_QUERY = `query RunEvents($runId: ID!, $afterCursor: String) {
  logsForRun(runId: $runId, afterCursor: $afterCursor, limit: 1000) {
    __typename
    ... on EventConnection { cursor hasMore events { __typename ... on MessageEvent { message level } } }
    ... on Error { message }
    ... on PythonError { message }
  }
}`;

/** What the UI's "Reload" does: the webserver connects to the location's server again and reloads it. */
export const RELOAD_LOCATION_MUTATION = `mutation Reload($name: String!) {
  reloadRepositoryLocation(repositoryLocationName: $name) { __typename }
}`;

/** A run status Dagster never leaves. */
export const TERMINAL = new Set(["SUCCESS", "FAILURE", "CANCELED"]);

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The `data` of a GraphQL answer, or the reason there is none (GraphQL errors, not JSON). */
export function dataOf(body: string): { data: Json } | { error: string } {
  let parsed: Json | undefined;
  try {
    parsed = obj(JSON.parse(body));
  } catch {
    return { error: `not JSON: ${body.slice(0, 300)}` };
  }
  const errors = arr(parsed?.errors)
    .map((e) => str(obj(e)?.message))
    .filter(Boolean);
  if (errors.length) return { error: `GraphQL errors: ${errors.join("; ")}` };
  const data = obj(parsed?.data);
  return data ? { data } : { error: `no data in the answer: ${body.slice(0, 300)}` };
}

export interface LocationEntry {
  name: string;
  loadStatus: string;
  /** The location's load error (PythonError), when it did not load. */
  error?: string;
  /** repository name -> its jobs, when it loaded. */
  repositories: Array<{ name: string; jobs: string[] }>;
}

/** The workspace's code locations. */
export function workspaceLocations(body: string): { locations: LocationEntry[] } | { error: string } {
  const d = dataOf(body);
  if ("error" in d) return d;
  const ws = obj(d.data.workspaceOrError);
  if (ws?.__typename !== "Workspace")
    return { error: `workspaceOrError is ${ws?.__typename}: ${str(ws?.message) ?? JSON.stringify(ws)}` };
  return {
    locations: arr(ws.locationEntries).map((e) => {
      const entry = obj(e) ?? {};
      const loc = obj(entry.locationOrLoadError);
      const loaded = loc?.__typename === "RepositoryLocation";
      return {
        name: str(entry.name) ?? "",
        loadStatus: str(entry.loadStatus) ?? "",
        ...(loc && !loaded ? { error: str(loc.message) ?? String(loc.__typename) } : {}),
        repositories: loaded
          ? arr(loc.repositories).map((r) => ({
              name: str(obj(r)?.name) ?? "",
              jobs: arr(obj(r)?.jobs).map((j) => str(obj(j)?.name) ?? ""),
            }))
          : [],
      };
    }),
  };
}

/** Where `job` is: its location and repository (the launchRun selector), or why it is not listed. */
export function findJob(
  locations: readonly LocationEntry[],
  job: string,
): { location: string; repository: string } | { missing: string; failed?: LocationEntry } {
  for (const l of locations)
    for (const r of l.repositories) if (r.jobs.includes(job)) return { location: l.name, repository: r.name };
  const failed = locations.find((l) => l.error);
  const seen = locations.length
    ? locations
        .map(
          (l) =>
            `${l.name} (${l.loadStatus}${l.error ? `, error: ${l.error}` : `, jobs: ${l.repositories.flatMap((r) => r.jobs).join(", ") || "none"}`})`,
        )
        .join("; ")
    : "no code location at all";
  return { missing: `job ${job} is in no loaded code location: ${seen}`, ...(failed ? { failed } : {}) };
}

/** launchRun's variables for a job with no run config. */
export function launchVariables(sel: { location: string; repository: string; job: string }) {
  return {
    executionParams: {
      selector: {
        repositoryLocationName: sel.location,
        repositoryName: sel.repository,
        jobName: sel.job,
      },
      runConfigData: {},
    },
  };
}

/** The launched run's id, or what launchRun answered instead. */
export function launchedRun(body: string): { runId: string; status: string } | { error: string } {
  const d = dataOf(body);
  if ("error" in d) return d;
  const r = obj(d.data.launchRun);
  if (r?.__typename === "LaunchRunSuccess") {
    const run = obj(r.run);
    const runId = str(run?.runId);
    if (runId) return { runId, status: str(run?.status) ?? "" };
  }
  const detail =
    str(r?.message) ??
    arr(r?.errors)
      .map((e) => str(obj(e)?.message))
      .join("; ");
  return { error: `launchRun answered ${r?.__typename}: ${detail || JSON.stringify(r)}` };
}

/** A run's status, or why the API gave none. */
export function runStatus(body: string): { status: string } | { error: string } {
  const d = dataOf(body);
  if ("error" in d) return d;
  const r = obj(d.data.runOrError);
  if (r?.__typename === "Run" && str(r.status)) return { status: str(r.status)! };
  return { error: `runOrError is ${r?.__typename}: ${str(r?.message) ?? JSON.stringify(r)}` };
}

/** The run's event messages (level and text), its cursor and whether more follow. */
export function runEvents(
  body: string,
):
  | { events: Array<{ level: string; message: string }>; cursor?: string; hasMore: boolean }
  | { error: string } {
  const d = dataOf(body);
  if ("error" in d) return d;
  const c = obj(d.data.logsForRun);
  if (c?.__typename !== "EventConnection")
    return { error: `logsForRun is ${c?.__typename}: ${str(c?.message) ?? JSON.stringify(c)}` };
  const cursor = str(c.cursor);
  return {
    events: arr(c.events)
      .map((e) => obj(e) ?? {})
      .filter((e) => str(e.message) !== undefined)
      .map((e) => ({ level: str(e.level) ?? "", message: str(e.message)! })),
    ...(cursor ? { cursor } : {}),
    hasMore: c.hasMore === true,
  };
}
