// The T118 lineage check (src/e2e/checks/lineage.ts, marquez.ts) against a STAND-IN for Marquez's HTTP API: no
// registry here serves Marquez's image, so the check's questions are answered by tests/e2e/standin.ts with the
// run and job shapes Marquez's API documents (GET /api/v1/jobs/runs/{id}, GET /api/v1/namespaces/{ns}/jobs/{job}).
// On the kind-local lane the runner records T118 "not run here" (tests/cluster/kind-e2e.test.ts); on a lane
// with Marquez the same code asks the real one.
import { afterEach, describe, expect, it } from "vitest";
import { askMarquez, check, lineageOutcome } from "../../src/e2e/checks/lineage.js";
import {
  describeLineage,
  jobPath,
  lineageOf,
  type MarquezRun,
  missing,
  runPath,
} from "../../src/e2e/checks/marquez.js";
import type { E2eEnv } from "../../src/e2e/types.js";
import { standIn } from "./standin.js";

const RUN = "0b4d1a8c-7f3e-4a55-9c1e-2f6d1e7a9b10";
/** A run as Marquez's API documents it (marquez.service.models.Run), for the example's job. */
const run = (state: string, io = true): MarquezRun & Record<string, unknown> => ({
  id: RUN,
  createdAt: "2026-12-02T10:00:00.000Z",
  updatedAt: "2026-12-02T10:01:00.000Z",
  nominalStartTime: null,
  nominalEndTime: null,
  state: state as MarquezRun["state"],
  startedAt: "2026-12-02T10:00:01.000Z",
  endedAt: state === "RUNNING" ? null : "2026-12-02T10:01:00.000Z",
  durationMs: 59_000,
  args: {},
  jobVersion: {
    namespace: "orders",
    name: "orders_dbt_build",
    version: "5f8c0e5e-0000-4000-8000-000000000001",
  },
  inputDatasetVersions: io
    ? [
        {
          datasetVersionId: { namespace: "file", name: "orders/seeds/raw_orders.csv", version: "v1" },
          facets: {},
        },
      ]
    : [],
  outputDatasetVersions: io
    ? [
        {
          datasetVersionId: {
            namespace: "postgres://floe-platform-postgresql:5432",
            name: "dagster.orders.customer_orders",
            version: "v1",
          },
          facets: {},
        },
        {
          datasetVersionId: {
            namespace: "postgres://floe-platform-postgresql:5432",
            name: "dagster.orders.stg_orders",
            version: "v1",
          },
          facets: {},
        },
      ]
    : [],
  context: {},
  facets: {},
});
const job = {
  id: { namespace: "orders", name: "orders_dbt_build" },
  type: "BATCH",
  name: "orders_dbt_build",
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("Marquez API paths and a run's lineage (pure)", () => {
  it("paths are encoded", () => {
    expect(runPath(RUN)).toBe(`/api/v1/jobs/runs/${RUN}`);
    expect(jobPath("postgres://db", "a job")).toBe("/api/v1/namespaces/postgres%3A%2F%2Fdb/jobs/a%20job");
  });
  it("a completed run names its job, inputs and outputs; what is missing is said", () => {
    const l = lineageOf(run("COMPLETED"));
    expect(l).toEqual({
      state: "COMPLETED",
      job: "orders/orders_dbt_build",
      inputs: ["file/orders/seeds/raw_orders.csv"],
      outputs: [
        "postgres://floe-platform-postgresql:5432/dagster.orders.customer_orders",
        "postgres://floe-platform-postgresql:5432/dagster.orders.stg_orders",
      ],
    });
    expect(missing(l, "SUCCESS")).toEqual([]);
    expect(missing(l, "FAILURE")).toEqual(["state COMPLETED, not FAILED"]);
    expect(missing(lineageOf({ ...run("RUNNING", false), jobVersion: null }), "SUCCESS")).toEqual([
      "state RUNNING, not COMPLETED",
      "no job version",
      "no input dataset",
      "no output dataset",
    ]);
    expect(describeLineage(lineageOf(run("COMPLETED", false)))).toBe(
      "COMPLETED, job orders/orders_dbt_build, inputs (none), outputs (none)",
    );
  });
});

describe("T118 against a stand-in Marquez API (mock: Marquez cannot run here)", () => {
  it("passes once the run's COMPLETE event has arrived: 404, then RUNNING, then COMPLETED with its datasets", async () => {
    let n = 0;
    const s = await standIn((q) => {
      if (q.url === runPath(RUN)) {
        n++;
        return n === 1
          ? { status: 404, body: { code: 404, message: `Run '${RUN}' not found` } }
          : { status: 200, body: run(n === 2 ? "RUNNING" : "COMPLETED") };
      }
      if (q.url === jobPath("orders", "orders_dbt_build")) return { status: 200, body: job };
      return undefined;
    });
    close = s.close;
    const progress: string[] = [];
    const seen = await askMarquez(s.url, RUN, "SUCCESS", {
      waitMs: 10_000,
      intervalMs: 10,
      progress: (l) => progress.push(l),
    });
    expect(s.asked.map((a) => a.url)).toEqual([
      runPath(RUN),
      runPath(RUN),
      runPath(RUN),
      jobPath("orders", "orders_dbt_build"),
    ]);
    expect(progress[0]).toMatch(
      /^waiting for run .* lineage in Marquez \(Marquez has no such run \(HTTP 404\)\)/,
    );
    expect(lineageOutcome(RUN, "SUCCESS", seen, { where: "w" })).toEqual({
      state: "pass",
      detail: `Marquez lists run ${RUN}: COMPLETED, job orders/orders_dbt_build, inputs file/orders/seeds/raw_orders.csv, outputs postgres://floe-platform-postgresql:5432/dagster.orders.customer_orders, postgres://floe-platform-postgresql:5432/dagster.orders.stg_orders`,
    });
  });

  it("fails, saying Marquez never heard of the run, when no event arrived", async () => {
    const s = await standIn(() => ({ status: 404, body: { code: 404, message: "not found" } }));
    close = s.close;
    const seen = await askMarquez(s.url, RUN, "SUCCESS", { waitMs: 50, intervalMs: 10 });
    const out = lineageOutcome(RUN, "SUCCESS", seen, {
      where: "OPENLINEAGE_URL of the run's pod: http://m:5000",
    });
    expect(out.state).toBe("fail");
    expect(out).toMatchObject({
      expected: `Marquez lists run ${RUN} (the OpenLineage run id of Dagster run ${RUN}) under its job, COMPLETED, with its input and output datasets`,
    });
    expect((out as { seen: string }).seen).toMatch(
      /^Marquez has no such run \(HTTP 404\) after \d+ s \(OPENLINEAGE_URL of the run's pod: http:\/\/m:5000\)$/,
    );
  });

  it("fails naming what is missing when the events named no datasets", async () => {
    const s = await standIn((q) =>
      q.url === runPath(RUN) ? { status: 200, body: run("COMPLETED", false) } : undefined,
    );
    close = s.close;
    const out = lineageOutcome(
      RUN,
      "SUCCESS",
      await askMarquez(s.url, RUN, "SUCCESS", { waitMs: 30, intervalMs: 10 }),
      { where: "w" },
    );
    expect((out as { seen: string }).seen).toMatch(
      /^COMPLETED, job orders\/orders_dbt_build, inputs \(none\), outputs \(none\): no input dataset; no output dataset after \d+ s \(w\)$/,
    );
  });

  it("fails when Marquez does not list the run's job", async () => {
    const s = await standIn((q) =>
      q.url === runPath(RUN) ? { status: 200, body: run("COMPLETED") } : undefined,
    );
    close = s.close;
    const out = lineageOutcome(RUN, "SUCCESS", await askMarquez(s.url, RUN, "SUCCESS", { waitMs: 30 }), {
      where: "w",
    });
    expect(out).toMatchObject({
      state: "fail",
      expected: `Marquez lists job orders/orders_dbt_build, the job of run ${RUN}`,
    });
  });

  it("an answer other than 200 or 404 is an error naming the request", async () => {
    const s = await standIn(() => ({ status: 500, body: "boom" }));
    close = s.close;
    await expect(askMarquez(s.url, RUN, "SUCCESS", { waitMs: 30 })).rejects.toThrow(
      `Marquez ${runPath(RUN)} answered HTTP 500: boom`,
    );
  });
});

describe("the T118 check", () => {
  it("covers T118 and needs Marquez; skipped, with the reason, when T116 left no run (a stub env: nothing is asked)", async () => {
    expect([check.id, check.covers, check.needs]).toEqual(["T118 lineage", ["T118"], ["marquez"]]);
    expect(await check.run({ facts: {} } as unknown as E2eEnv)).toEqual({
      state: "skip",
      reason: "no Dagster run to look for: T116 did not complete a run",
    });
  });
});
