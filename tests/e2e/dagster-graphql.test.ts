// How T116 reads Dagster's GraphQL answers, on RECORDED RESPONSES: tests/fixtures/e2e/dagster-graphql/*.json
// are the answers of the platform's dagster-webserver 1.9.6 to the check's own queries, recorded from a real
// `floe-helm e2e` run on kind (the workspace also with the code location's server scaled to 0; launchRun also
// for an unknown job and a bad run config). The live path is tests/cluster/kind-e2e.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  dataOf,
  findJob,
  launchedRun,
  launchVariables,
  runEvents,
  runStatus,
  TERMINAL,
  workspaceLocations,
} from "../../src/e2e/checks/dagster-graphql.js";
import { repoRoot } from "../helpers/tools.js";

const recorded = (name: string) =>
  readFileSync(path.join(repoRoot, "tests", "fixtures", "e2e", "dagster-graphql", name), "utf8");

describe("Dagster GraphQL answers as T116 reads them (recorded responses)", () => {
  it("workspace: the loaded location, its repository and job: the launchRun selector", () => {
    const ws = workspaceLocations(recorded("workspace.json"));
    expect(ws).toEqual({
      locations: [
        {
          name: "orders",
          loadStatus: "LOADED",
          repositories: [{ name: "__repository__", jobs: ["orders_dbt_build"] }],
        },
      ],
    });
    if (!("locations" in ws)) throw new Error("unreachable");
    expect(findJob(ws.locations, "orders_dbt_build")).toEqual({
      location: "orders",
      repository: "__repository__",
    });
    expect(
      launchVariables({ location: "orders", repository: "__repository__", job: "orders_dbt_build" }),
    ).toEqual({
      executionParams: {
        selector: {
          repositoryLocationName: "orders",
          repositoryName: "__repository__",
          jobName: "orders_dbt_build",
        },
        runConfigData: {},
      },
    });
  });

  it("workspace: a location whose server is unreachable is an error entry, shown with its error", () => {
    const ws = workspaceLocations(recorded("workspace-unreachable.json"));
    if (!("locations" in ws)) throw new Error(`expected locations: ${JSON.stringify(ws)}`);
    const found = findJob(ws.locations, "orders_dbt_build");
    expect(found).toMatchObject({
      missing:
        "job orders_dbt_build is in no loaded code location: orders (LOADED, error: dagster._core.errors.DagsterUserCodeUnreachableError: Could not reach user code server. gRPC Error code: UNAVAILABLE\n)",
      failed: { name: "orders" },
    });
  });

  it("workspace: a job no location has names what each location lists", () => {
    const ws = workspaceLocations(recorded("workspace.json"));
    if (!("locations" in ws)) throw new Error("unreachable");
    expect(findJob(ws.locations, "other_job")).toEqual({
      missing: "job other_job is in no loaded code location: orders (LOADED, jobs: orders_dbt_build)",
    });
    expect(findJob([], "other_job")).toEqual({
      missing: "job other_job is in no loaded code location: no code location at all",
    });
  });

  it("launchRun: the run id of LaunchRunSuccess (status QUEUED: the QueuedRunCoordinator)", () => {
    expect(launchedRun(recorded("launch-run.json"))).toEqual({
      runId: "8d579530-c967-4f7e-87a6-c0b18928fa2f",
      status: "QUEUED",
    });
  });

  it.each([
    [
      "launch-run-unknown-job.json",
      "launchRun answered PipelineNotFoundError: Could not find Pipeline orders.__repository__.no_such_job",
    ],
    [
      "launch-run-bad-config.json",
      'launchRun answered RunConfigValidationInvalid: Received unexpected config entry "nope" at path root:ops:dbt_build:config.',
    ],
  ])("launchRun refused (%s): the API's own words", (file, error) => {
    const r = launchedRun(recorded(file));
    expect("error" in r && r.error).toContain(error);
  });

  it("runOrError: the status of a run, and a run that does not exist", () => {
    expect(runStatus(recorded("run-success.json"))).toEqual({ status: "SUCCESS" });
    expect(TERMINAL.has("SUCCESS")).toBe(true);
    expect(runStatus(recorded("run-not-found.json"))).toEqual({
      error:
        "runOrError is RunNotFoundError: Pipeline run 00000000-0000-0000-0000-000000000000 could not be found.",
    });
  });

  it("logsForRun: the run's event messages, last ones included (dbt's summary)", () => {
    const ev = runEvents(recorded("run-events.json"));
    if (!("events" in ev)) throw new Error(JSON.stringify(ev));
    expect(ev.hasMore).toBe(false);
    expect(ev.events.length).toBeGreaterThan(10);
    const text = ev.events.map((e) => e.message).join("\n");
    expect(text).toMatch(/dbt build passed: \{'success': 5, 'pass': 13\}/);
    expect(text).toContain("Finished execution of run");
  });

  it.each([
    ["not JSON", "<html>502</html>", "not JSON: <html>502</html>"],
    [
      "GraphQL errors",
      '{"errors":[{"message":"Cannot query field \\"x\\""}]}',
      'GraphQL errors: Cannot query field "x"',
    ],
    ["no data", "{}", "no data in the answer: {}"],
  ])("an answer that is %s says so", (_, body, error) => {
    expect(dataOf(body)).toEqual({ error });
    expect(runStatus(body)).toEqual({ error });
  });
});
