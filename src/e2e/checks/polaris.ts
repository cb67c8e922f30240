// Pure parts of the E2E-003 table check (./iceberg-table.ts): the Iceberg REST catalog API as Apache Polaris
// serves it under /api/catalog (OAuth2 client-credentials token, /v1/config for the catalog's prefix, namespaces,
// tables, load table) and which tables' snapshots a Dagster run wrote (the writer puts the run id into the
// snapshot summary, `dagster.run_id`, as Iceberg lets any writer add summary properties). Tests:
// tests/e2e/polaris.test.ts, against a stand-in serving the Iceberg REST spec's documented responses (named so),
// and tests/e2e/iceberg-writer.test.ts, against the Iceberg project's own REST catalog server after the example
// data product's writer wrote its table there.

export const CATALOG_API = "/api/catalog";
export const RUN_ID_PROPERTY = "dagster.run_id";

/** The token request's form body (client credentials of a Polaris principal, all its roles). */
export function tokenForm(clientId: string, clientSecret: string): string {
  return new URLSearchParams({
    grant_type: "client_credentials",
    client_id: clientId,
    client_secret: clientSecret,
    scope: "PRINCIPAL_ROLE:ALL",
  }).toString();
}

/** The catalog API's paths under its root (Polaris: /api/catalog; the Iceberg project's own REST catalog serves
 * the spec's paths at /). `prefix` is what /v1/config tells (none: the spec's paths without one). */
export function catalogPaths(root = CATALOG_API) {
  const v1 = (prefix?: string) => `${root}/v1${prefix ? `/${encodeURIComponent(prefix)}` : ""}`;
  const tablesPath = (prefix: string | undefined, namespace: readonly string[]) =>
    `${v1(prefix)}/namespaces/${ns(namespace)}/tables`;
  return {
    tokenPath: () => `${root}/v1/oauth/tokens`,
    configPath: (catalog: string) =>
      `${root}/v1/config?${new URLSearchParams({ warehouse: catalog }).toString()}`,
    namespacesPath: (prefix: string | undefined, parent?: readonly string[]) =>
      `${v1(prefix)}/namespaces${parent?.length ? `?parent=${ns(parent)}` : ""}`,
    tablesPath,
    tablePath: (prefix: string | undefined, namespace: readonly string[], table: string) =>
      `${tablesPath(prefix, namespace)}/${encodeURIComponent(table)}`,
  };
}
/** A multi-level namespace in a path: its levels joined by the unit separator (0x1F), then encoded. */
const ns = (levels: readonly string[]) => encodeURIComponent(levels.join("\x1f"));
export const { tokenPath, configPath, namespacesPath, tablesPath, tablePath } = catalogPaths();

/** The prefix /v1/config tells clients to use for this catalog (Polaris: the catalog's name); none when it tells
 * none (the spec: the paths then have no prefix). */
export function prefixOf(config: {
  overrides?: Record<string, string>;
  defaults?: Record<string, string>;
}): string | undefined {
  return config.overrides?.prefix ?? config.defaults?.prefix;
}

export interface TableId {
  namespace: string[];
  name: string;
}
export const describeTable = (t: TableId) => [...t.namespace, t.name].join(".");

interface Snapshot {
  "snapshot-id": number;
  "timestamp-ms"?: number;
  summary?: Record<string, string>;
}
export interface LoadTableResult {
  "metadata-location"?: string;
  metadata: { location?: string; "current-snapshot-id"?: number | null; snapshots?: Snapshot[] };
}

/** The snapshots of a loaded table that carry this run id. */
export function snapshotsOfRun(t: LoadTableResult, runId: string): Snapshot[] {
  return (t.metadata.snapshots ?? []).filter((s) => s.summary?.[RUN_ID_PROPERTY] === runId);
}

/** The run ids a loaded table's snapshots name (for what was seen when none is the run's). */
export function runIdsOf(t: LoadTableResult): string[] {
  return [...new Set((t.metadata.snapshots ?? []).flatMap((s) => s.summary?.[RUN_ID_PROPERTY] ?? []))];
}
