// E2E-003 end to end against the ICEBERG PROJECT'S OWN REST CATALOG SERVER AS A STAND-IN FOR POLARIS (Polaris
// cannot run here; both serve the Iceberg REST catalog spec): the catalog of hack/iceberg-rest (Maven Central,
// scripts/tools.sh iceberg-rest) on 127.0.0.1 with a warehouse in the test's temp folder. The example data
// product's real writer (examples/orders/orders_pipeline/iceberg_table.py, which the Dagster job calls after
// `dbt build`) runs with pyiceberg and pyarrow at the pins of images/example-orders/requirements.lock (a venv of
// scripts/tools.sh pyiceberg), from the environment the platform hands run pods; then the check's own catalog
// reader (askPolaris, tableOutcome of src/e2e/checks/iceberg-table.ts) finds the table with the run's snapshot,
// and not for another run. What differs from Polaris: the server's API is at / (Polaris: /api/catalog), it tells
// no prefix, and it grants any client a token (Polaris checks the credentials).
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askPolaris, tableOutcome } from "../../src/e2e/checks/iceberg-table.js";
import { runTool } from "../../src/exec/runner.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool } from "../helpers/tools.js";

const cred = { clientId: "floe-run", clientSecret: "not-a-secret" };
const RUN = "3f0c5d1e-8a2b-4c6d-9e7f-0a1b2c3d4e5f";
const OTHER_RUN = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
const project = path.join(repoRoot, "examples", "orders");

let server: ChildProcess | undefined;
let url = "";
let warehouse = "";

/** Starts the REST catalog and resolves with its URL once it prints the port it serves on. */
function startCatalog(dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(tool("iceberg-rest"), ["0", dir], { stdio: ["ignore", "pipe", "pipe"] });
    server = p;
    let out = "";
    let err = "";
    const timer = setTimeout(
      () => reject(new Error(`the REST catalog did not start in 90 s: ${err}`)),
      90_000,
    );
    p.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /^listening (\d+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    p.stderr.on("data", (c: Buffer) => {
      err = (err + c.toString()).slice(-4000);
    });
    p.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the REST catalog exited with ${code}: ${err}`));
    });
  });
}

/** Runs the writer's whole step (write_run_table) as the job does, with this environment; its (level, message). */
async function writer(env: Record<string, string>, runId: string) {
  const r = await runTool(
    [
      tool("pyiceberg-python"),
      "-c",
      `import os, sys
from pathlib import Path
from orders_pipeline.iceberg_table import write_run_table
level, message = write_run_table(os.environ, Path(sys.argv[1]), sys.argv[2])
print(level)
print(message)`,
      project,
      runId,
    ],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PYTHONPATH: project,
        PYTHONDONTWRITEBYTECODE: "1",
        ...env,
      },
      timeoutMs: 120_000,
    },
  );
  expect(r.code, r.stderr).toBe(0);
  const [level, ...rest] = r.stdout.trim().split("\n");
  return { level, message: rest.join("\n"), stderr: r.stderr };
}

const runEnv = () => ({
  POLARIS_URI: url,
  POLARIS_CATALOG: "floe",
  POLARIS_CLIENT_ID: cred.clientId,
  POLARIS_CLIENT_SECRET: cred.clientSecret,
});

beforeAll(async () => {
  warehouse = tempDir("iceberg-warehouse-");
  url = await startCatalog(warehouse);
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const gone = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await gone;
  }
});

describe("E2E-003 with the Iceberg project's REST catalog server as a stand-in for Polaris (same REST spec)", () => {
  it("the run's writer puts orders.daily_totals in the catalog; the check's reader finds it for that run only", async () => {
    const w = await writer(runEnv(), RUN);
    expect(w.level, w.message).toBe("info");
    expect(w.message).toMatch(
      new RegExp(
        `^Iceberg table orders\\.daily_totals of run ${RUN} written to ${url} \\(catalog floe\\): 10 rows, snapshot \\d+ \\(file:${warehouse}/orders/daily_totals/metadata/`,
      ),
    );
    expect(w.message).not.toContain(cred.clientSecret);
    expect(w.stderr, "no warning of pyiceberg's (token endpoint guessed, empty delete)").toBe("");

    const seen = await askPolaris(url, cred, "floe", RUN, undefined, "");
    expect(seen.found?.table).toEqual({ namespace: ["orders"], name: "daily_totals" });
    expect(tableOutcome(RUN, "floe", seen, "a.json")).toMatchObject({
      state: "pass",
      detail: expect.stringContaining(
        `table orders.daily_totals of catalog floe has snapshot ${seen.found?.snapshotId} of run ${RUN}`,
      ),
    });

    const other = await askPolaris(url, cred, "floe", OTHER_RUN, undefined, "");
    expect(tableOutcome(OTHER_RUN, "floe", other, "a.json")).toEqual({
      state: "fail",
      expected: `a table in Polaris catalog floe with a snapshot of run ${OTHER_RUN} (snapshot summary dagster.run_id)`,
      seen: `tables: orders.daily_totals (runs ${RUN}) (answers: a.json)`,
    });
  });

  it("a second run overwrites the table and adds its own snapshot; both runs are found", async () => {
    const w = await writer(runEnv(), OTHER_RUN);
    expect(w.level, w.message).toBe("info");
    for (const run of [RUN, OTHER_RUN])
      expect((await askPolaris(url, cred, "floe", run, undefined, "")).found?.table.name).toBe(
        "daily_totals",
      );
  });

  it("no catalog set: nothing written, said so; a catalog that does not answer: a warning, never a failure", async () => {
    expect(await writer({}, RUN)).toEqual({
      level: "info",
      message: "no Iceberg table: POLARIS_URI is not set",
      stderr: "",
    });
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
    });
    const w = await writer({ ...runEnv(), POLARIS_URI: `http://127.0.0.1:${closed}/api/catalog` }, RUN);
    expect(w.level).toBe("warning");
    expect(w.message).toMatch(
      new RegExp(
        `^Iceberg table orders\\.daily_totals of run ${RUN} not written to http://127\\.0\\.0\\.1:${closed}/api/catalog \\(catalog floe\\): ConnectionError: .*Connection refused`,
      ),
    );
    expect(w.message).not.toContain(cred.clientSecret);
  });

  it("the pure parts: the catalog settings from the run pod's environment, the daily totals of the seed", async () => {
    const r = await runTool(
      [
        tool("pyiceberg-python"),
        "-c",
        `import json
from orders_pipeline.iceberg_table import catalog_settings, daily_totals
print(json.dumps(catalog_settings({"POLARIS_URI": " "})))
print(json.dumps(catalog_settings({"POLARIS_URI": "http://p:8181/api/catalog/", "POLARIS_CATALOG": "floe"}), sort_keys=True))
print(json.dumps(catalog_settings({"POLARIS_URI": "http://p:8181/api/catalog", "POLARIS_CLIENT_ID": "i", "POLARIS_CLIENT_SECRET": "s", "S3_ENDPOINT": "http://m:9000"}), sort_keys=True))
print(json.dumps(daily_totals("order_id,customer_id,ordered_at,status,amount_cents\\n1,1,2024-03-02,completed,100\\n2,1,2024-03-01,returned,50\\n3,2,2024-03-01,completed,-5\\n4,2,2024-03-01,completed,20\\n")))`,
      ],
      {
        env: { PATH: process.env.PATH, PYTHONPATH: project, PYTHONDONTWRITEBYTECODE: "1" },
        timeoutMs: 60_000,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const vended = '"header.X-Iceberg-Access-Delegation": "vended-credentials"';
    expect(r.stdout.trim().split("\n")).toEqual([
      "null",
      `{${vended}, "type": "rest", "uri": "http://p:8181/api/catalog", "warehouse": "floe"}`,
      `{"credential": "i:s", ${vended}, "oauth2-server-uri": "http://p:8181/api/catalog/v1/oauth/tokens", "s3.endpoint": "http://m:9000", "s3.region": "us-east-1", "scope": "PRINCIPAL_ROLE:ALL", "type": "rest", "uri": "http://p:8181/api/catalog"}`,
      // Per day: the negative row left out, the returned order counted but not in the revenue.
      '[{"order_date": "2024-03-01", "orders": 2, "returned_orders": 1, "revenue_cents": 20}, {"order_date": "2024-03-02", "orders": 1, "returned_orders": 0, "revenue_cents": 100}]',
    ]);
  });
});
