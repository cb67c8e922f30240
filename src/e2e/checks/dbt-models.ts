// T117 / GAP-002: the Dagster run of T116 executed `dbt build` against the platform's PostgreSQL: afterwards
// the data product's schema holds its seeds (tables), staging models (views) and mart (a table with rows).
// Read through psql inside the platform's own PostgreSQL pod (kubectl exec, a read-only transaction): the
// way an operator would look, nothing in the cluster changed. The e2e product values turn the release's own
// dbt hook Job off, so only the run can have built them.
import type { E2eCheck, E2eEnv } from "../types.js";
import { kubectl, kubectlJson } from "./kube.js";

/** examples/orders: schema (FLOE_DB_SCHEMA), database and what dbt build creates there. */
export const ORDERS = {
  database: "dagster",
  schema: "orders",
  relations: {
    raw_customers: "BASE TABLE",
    raw_orders: "BASE TABLE",
    stg_customers: "VIEW",
    stg_orders: "VIEW",
    customer_orders: "BASE TABLE",
  } as Record<string, string>,
  mart: "customer_orders",
};

/** The SQL of the check (pure): the schema's relations as `name|type` lines. */
export function relationsSql(schema: string): string {
  return `select table_name || '|' || table_type from information_schema.tables where table_schema = '${schema}' order by 1`;
}

/** `name|type` lines -> a map (psql -At output). */
export function parseRelations(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of stdout.split("\n")) {
    const [name, type] = l.trim().split("|");
    if (name && type) out[name] = type;
  }
  return out;
}

/** What is missing or of another kind than expected, one phrase each (empty: all there). */
export function relationProblems(expected: Record<string, string>, seen: Record<string, string>): string[] {
  return Object.entries(expected).flatMap(([name, type]) =>
    seen[name] === undefined
      ? [`${name} missing`]
      : seen[name] !== type
        ? [`${name} is a ${seen[name]}, not a ${type}`]
        : [],
  );
}

/** argv after `kubectl exec POD --`: psql as the PostgreSQL superuser of the pod's own environment, over
 * TCP to itself, in a read-only transaction. */
export function psqlArgv(database: string, sql: string): string[] {
  return [
    "sh",
    "-c",
    'PGPASSWORD="$POSTGRES_PASSWORD" PGOPTIONS="-c default_transaction_read_only=on" exec psql -h 127.0.0.1 -U "$POSTGRES_USER" -d "$1" -v ON_ERROR_STOP=1 -At -c "$2"',
    "psql",
    database,
    sql,
  ];
}

interface Pods {
  items: Array<{ metadata: { name: string }; status: { phase?: string } }>;
}

export const dbtModels: E2eCheck = {
  id: "T117 dbt-models",
  covers: ["T117", "GAP-002"],
  timeoutMs: 120_000,
  async run(e: E2eEnv) {
    const runId = e.facts.dagsterRunId;
    if (!runId) return { state: "skip", reason: "T116's Dagster run did not end (see T116)" };
    if (e.facts.dagsterRunStatus !== "SUCCESS")
      return {
        state: "skip",
        reason: `T116's run ${runId} ended ${e.facts.dagsterRunStatus}: it built no models to look for (see T116)`,
      };
    const pods = await kubectlJson<Pods>(e.kube, [
      "get",
      "pods",
      "--selector",
      `app.kubernetes.io/instance=${e.platformRelease},app.kubernetes.io/component=postgresql`,
    ]);
    const pod = pods.items.find((p) => p.status.phase === "Running");
    if (!pod)
      return {
        state: "fail",
        expected: `a running PostgreSQL pod of release ${e.platformRelease}`,
        seen: pods.items.map((p) => `${p.metadata.name} ${p.status.phase}`).join(", ") || "none",
      };
    const psql = (sql: string) =>
      kubectl(
        e.kube,
        ["exec", pod.metadata.name, "--container", "postgresql", "--", ...psqlArgv(ORDERS.database, sql)],
        {
          timeoutMs: Math.min(60_000, e.timeoutMs),
        },
      );
    const rel = await psql(relationsSql(ORDERS.schema));
    if (rel.code !== 0)
      return {
        state: "fail",
        expected: "psql lists the schema's relations",
        seen: (rel.stderr || rel.stdout).trim(),
      };
    const seen = parseRelations(rel.stdout);
    const problems = relationProblems(ORDERS.relations, seen);
    if (problems.length)
      return {
        state: "fail",
        expected: `after run ${runId}, schema ${ORDERS.schema} of database ${ORDERS.database} holds ${Object.entries(
          ORDERS.relations,
        )
          .map(([n, t]) => `${n} (${t})`)
          .join(", ")}`,
        seen: `${problems.join("; ")} (the schema has: ${
          Object.entries(seen)
            .map(([n, t]) => `${n} (${t})`)
            .join(", ") || "nothing"
        })`,
      };
    const count = await psql(`select count(*) from ${ORDERS.schema}.${ORDERS.mart}`);
    const rows = Number(count.stdout.trim());
    if (count.code !== 0 || !(rows > 0))
      return {
        state: "fail",
        expected: `rows in ${ORDERS.schema}.${ORDERS.mart} after run ${runId}`,
        seen: count.code !== 0 ? (count.stderr || count.stdout).trim() : `${count.stdout.trim()} rows`,
      };
    return {
      state: "pass",
      detail: `run ${runId}: ${Object.keys(ORDERS.relations).join(", ")} in ${ORDERS.database}.${ORDERS.schema}; ${ORDERS.mart}: ${rows} rows`,
    };
  },
};
