// The E2E-003 table check (src/e2e/checks/iceberg-table.ts, polaris.ts) against a STAND-IN for Polaris' Iceberg
// REST catalog API: no registry here serves Polaris' image, so the check's questions are answered by
// tests/e2e/standin.ts with the responses the Iceberg REST catalog spec documents (OAuth2 token, /v1/config,
// ListNamespaces, ListTables, LoadTable). On the kind-local lane the runner records E2E-003 "not run here"
// (tests/cluster/kind-e2e.test.ts); on a lane with Polaris the same code asks the real one.
import { afterEach, describe, expect, it } from "vitest";
import { askPolaris, check, tableOutcome } from "../../src/e2e/checks/iceberg-table.js";
import {
  catalogPaths,
  configPath,
  namespacesPath,
  prefixOf,
  tablePath,
  tablesPath,
  tokenForm,
  tokenPath,
} from "../../src/e2e/checks/polaris.js";
import type { E2eEnv } from "../../src/e2e/types.js";
import { type Asked, standIn } from "./standin.js";

const RUN = "0b4d1a8c-7f3e-4a55-9c1e-2f6d1e7a9b10";
const cred = { clientId: "root", clientSecret: "s3cret" };
/** A LoadTableResult (Iceberg REST spec) whose snapshots name these run ids in their summaries. */
const table = (runIds: string[]) => ({
  "metadata-location": "s3://floe/orders/customer_orders/metadata/00001.metadata.json",
  metadata: {
    "format-version": 2,
    "table-uuid": "5b8b7a5e-0000-4000-8000-000000000002",
    location: "s3://floe/orders/customer_orders",
    "current-snapshot-id": runIds.length ? 2 : null,
    snapshots: runIds.map((r, i) => ({
      "snapshot-id": i + 1,
      "timestamp-ms": 1_764_669_600_000 + i,
      summary: { operation: "append", "dagster.run_id": r },
    })),
  },
});

/** A catalog "floe" with namespace orders (and orders.marts) holding the given tables. */
function catalog(tables: Record<string, ReturnType<typeof table>>) {
  return (q: Asked) => {
    if (q.method === "POST" && q.url === tokenPath())
      return q.body === tokenForm(cred.clientId, cred.clientSecret)
        ? { status: 200, body: { access_token: "tok", token_type: "bearer", expires_in: 3600 } }
        : { status: 401, body: { error: "invalid_client" } };
    if (q.headers.authorization !== "Bearer tok")
      return {
        status: 401,
        body: { error: { message: "not authorized", type: "NotAuthorizedException", code: 401 } },
      };
    if (q.url === configPath("floe"))
      return { status: 200, body: { defaults: {}, overrides: { prefix: "floe" } } };
    if (q.url === namespacesPath("floe")) return { status: 200, body: { namespaces: [["orders"]] } };
    if (q.url === namespacesPath("floe", ["orders"]))
      return { status: 200, body: { namespaces: [["orders", "marts"]] } };
    if (q.url === tablesPath("floe", ["orders"]))
      return {
        status: 200,
        body: { identifiers: Object.keys(tables).map((name) => ({ namespace: ["orders"], name })) },
      };
    if (q.url === tablesPath("floe", ["orders", "marts"])) return { status: 200, body: { identifiers: [] } };
    for (const [name, t] of Object.entries(tables))
      if (q.url === tablePath("floe", ["orders"], name)) return { status: 200, body: t };
    return undefined;
  };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("Iceberg REST paths (pure)", () => {
  it("namespaces of several levels are joined by 0x1F and encoded; the catalog's prefix comes from /v1/config", () => {
    expect(tokenPath()).toBe("/api/catalog/v1/oauth/tokens");
    expect(configPath("floe")).toBe("/api/catalog/v1/config?warehouse=floe");
    expect(namespacesPath("floe", ["a", "b"])).toBe("/api/catalog/v1/floe/namespaces?parent=a%1Fb");
    expect(tablePath("floe", ["a", "b"], "t 1")).toBe("/api/catalog/v1/floe/namespaces/a%1Fb/tables/t%201");
    expect(tokenForm("id", "s&t")).toBe(
      "grant_type=client_credentials&client_id=id&client_secret=s%26t&scope=PRINCIPAL_ROLE%3AALL",
    );
    expect(prefixOf({ overrides: { prefix: "p" } })).toBe("p");
    expect(prefixOf({ defaults: { prefix: "d" } })).toBe("d");
    // No prefix told (the Iceberg project's own REST catalog): the spec's paths without one.
    expect(prefixOf({})).toBeUndefined();
    expect(namespacesPath(undefined, ["a"])).toBe("/api/catalog/v1/namespaces?parent=a");
    expect(catalogPaths("").tablePath(undefined, ["a"], "t")).toBe("/v1/namespaces/a/tables/t");
  });
});

describe("E2E-003 against a stand-in Polaris catalog (mock: Polaris cannot run here)", () => {
  it("passes when a table has a snapshot of the run, asking with the token it was given", async () => {
    const s = await standIn(
      catalog({ stg_orders: table(["another-run"]), customer_orders: table(["another-run", RUN]) }),
    );
    close = s.close;
    const seen = await askPolaris(s.url, cred, "floe", RUN);
    expect(tableOutcome(RUN, "floe", seen, "a.json")).toEqual({
      state: "pass",
      detail: `table orders.customer_orders of catalog floe has snapshot 2 of run ${RUN} (s3://floe/orders/customer_orders/metadata/00001.metadata.json), found through Polaris' Iceberg REST API`,
    });
    expect(s.asked.slice(1).every((a) => a.headers.authorization === "Bearer tok")).toBe(true);
  });

  it("fails listing the tables it saw and whose runs they hold when none is the run's", async () => {
    const s = await standIn(catalog({ customer_orders: table(["another-run"]), raw: table([]) }));
    close = s.close;
    expect(tableOutcome(RUN, "floe", await askPolaris(s.url, cred, "floe", RUN), "a.json")).toEqual({
      state: "fail",
      expected: `a table in Polaris catalog floe with a snapshot of run ${RUN} (snapshot summary dagster.run_id)`,
      seen: "tables: orders.customer_orders (runs another-run); orders.raw (no run id) (answers: a.json)",
    });
  });

  it("an empty catalog is said so; refused credentials are an error naming the request", async () => {
    const s = await standIn(catalog({}));
    close = s.close;
    expect(tableOutcome(RUN, "floe", await askPolaris(s.url, cred, "floe", RUN), "a.json")).toMatchObject({
      seen: "no table in the catalog (answers: a.json)",
    });
    await expect(askPolaris(s.url, { ...cred, clientSecret: "wrong" }, "floe", RUN)).rejects.toThrow(
      'Polaris /api/catalog/v1/oauth/tokens answered HTTP 401: {"error":"invalid_client"}',
    );
  });
});

describe("the E2E-003 check", () => {
  it("covers E2E-003 and needs Polaris; skipped, with the reason, when T116 left no run (a stub env)", async () => {
    expect([check.id, check.covers, check.needs]).toEqual([
      "E2E-003 iceberg-table",
      ["E2E-003"],
      ["polaris"],
    ]);
    expect(await check.run({ facts: {} } as unknown as E2eEnv)).toEqual({
      state: "skip",
      reason: "no Dagster run to look for: T116 did not complete a run",
    });
  });
});
