// T117's pure parts: the SQL it runs, how psql's answer is read, and what counts as missing; and psql's argv
// run for real by sh (with a stand-in psql that prints its arguments, named so: the real one runs in the
// kind test), so the quoting of the SQL through `sh -c` is proved, not assumed.
import { execFileSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ORDERS,
  parseRelations,
  psqlArgv,
  relationProblems,
  relationsSql,
} from "../../src/e2e/checks/dbt-models.js";
import { tempDir } from "../helpers/tmp.js";

describe("T117 dbt-models: reading the schema", () => {
  it("psql -At lines become relation -> type", () => {
    expect(parseRelations("customer_orders|BASE TABLE\nraw_orders|BASE TABLE\nstg_orders|VIEW\n\n")).toEqual({
      customer_orders: "BASE TABLE",
      raw_orders: "BASE TABLE",
      stg_orders: "VIEW",
    });
  });

  it.each([
    ["everything there", { ...ORDERS.relations }, []],
    ["an empty schema", {}, Object.keys(ORDERS.relations).map((n) => `${n} missing`)],
    [
      "the mart a view",
      { ...ORDERS.relations, customer_orders: "VIEW" },
      ["customer_orders is a VIEW, not a BASE TABLE"],
    ],
  ])("%s", (_, seen, problems) => {
    expect(relationProblems(ORDERS.relations, seen)).toEqual(problems);
  });

  it("the SQL names the schema", () => {
    expect(relationsSql("orders")).toContain("where table_schema = 'orders'");
  });

  it("psql gets the database and the SQL as single arguments through sh -c (stand-in psql)", () => {
    const bin = tempDir("floe-e2e-psql-");
    const fake = path.join(bin, "psql");
    writeFileSync(
      fake,
      '#!/bin/sh\nfor a in "$@"; do printf "[%s]\\n" "$a"; done\necho "PGOPTIONS=$PGOPTIONS"\n',
    );
    chmodSync(fake, 0o755);
    const sql = relationsSql("orders");
    const [sh, ...rest] = psqlArgv("dagster", sql);
    const out = execFileSync(sh!, rest, {
      encoding: "utf8",
      env: { PATH: `${bin}:${process.env.PATH}`, POSTGRES_USER: "postgres", POSTGRES_PASSWORD: "x" },
    });
    expect(out).toContain("[-d]\n[dagster]\n");
    expect(out).toContain(`[-c]\n[${sql}]\n`);
    expect(out).toContain("PGOPTIONS=-c default_transaction_read_only=on");
  });
});
