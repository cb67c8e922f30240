// E2E-003: a table written by T116's Dagster run is discoverable through Polaris' Iceberg REST API: listed in a
// namespace of the catalog the platform hands run pods (POLARIS_CATALOG), with a snapshot whose summary carries
// the run's id (dagster.run_id). Polaris is reached by `kubectl port-forward` to the platform's polaris Service
// (port "http") with the root principal's client credentials from the platform's Secret (keys root-client-id,
// root-client-secret), as the platform's own helm test pod does. Needs Polaris running: where the platform
// scenario declares it not run here, the runner records that instead.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { KubeTarget } from "../../install/diagnose/collect.js";
import type { CheckOutcome, E2eCheck, E2eEnv } from "../types.js";
import { type Answer, jsonOf, request } from "./http.js";
import { kubectlJson, portForward } from "./kube.js";
import {
  CATALOG_API,
  catalogPaths,
  describeTable,
  type LoadTableResult,
  prefixOf,
  runIdsOf,
  snapshotsOfRun,
  type TableId,
  tokenForm,
} from "./polaris.js";
import { componentService, runPods } from "./run-pod.js";

export const check: E2eCheck = {
  id: "E2E-003 iceberg-table",
  covers: ["E2E-003"],
  timeoutMs: 90_000,
  needs: ["polaris"],
  run: (e) => run(e),
};

interface Secret {
  metadata: { name: string; labels?: Record<string, string> };
  data?: Record<string, string>;
}

/** The Polaris root credentials: the release's polaris Secret, else any Secret of the namespace with both keys. */
export async function rootCredentials(k: KubeTarget, release: string) {
  const all = await kubectlJson<{ items: Secret[] }>(k, ["get", "secrets"]);
  const both = all.items.filter((s) => s.data?.["root-client-id"] && s.data["root-client-secret"]);
  const s = both.find((x) => x.metadata.labels?.["app.kubernetes.io/instance"] === release) ?? both[0];
  if (!s) return undefined;
  const dec = (v: string) => Buffer.from(v, "base64").toString("utf8");
  return {
    secret: s.metadata.name,
    clientId: dec(s.data!["root-client-id"]!),
    clientSecret: dec(s.data!["root-client-secret"]!),
  };
}

async function run(e: E2eEnv): Promise<CheckOutcome> {
  const runId = e.facts.dagsterRunId;
  if (!runId) return { state: "skip", reason: "no Dagster run to look for: T116 did not complete a run" };
  const k = e.kube;
  const pods = await runPods(k, runId);
  const catalog = pods.env.POLARIS_CATALOG;
  if (!catalog)
    return {
      state: "fail",
      expected: `the run's pod ${pods.names.join(", ") || "(none found)"} is given POLARIS_URI and POLARIS_CATALOG (the platform's Polaris)`,
      seen: "POLARIS_CATALOG is not set in its environment: the run had no catalog to write to",
    };
  const svc = await componentService(k, e.platformRelease, "polaris", "http", "the Polaris API Service");
  if ("state" in svc) return svc;
  const cred = await rootCredentials(k, e.platformRelease);
  if (!cred)
    return {
      state: "fail",
      expected: `a Secret with Polaris' root-client-id and root-client-secret in namespace ${k.namespace}`,
      seen: "none: the catalog cannot be asked",
    };

  await mkdir(e.dir, { recursive: true });
  const answersFile = path.join(e.dir, "e2e-003-polaris.json");
  const answers: Record<string, unknown> = {};
  const pf = await portForward(k, svc.service, svc.port);
  try {
    const seen = await askPolaris(pf.url, cred, catalog, runId, async (p, a) => {
      answers[p] = { status: a.status, body: a.body.slice(0, 20_000) };
      await writeFile(answersFile, `${JSON.stringify(answers, null, 2)}\n`);
    });
    return tableOutcome(runId, catalog, seen, answersFile);
  } finally {
    pf.close();
  }
}

/** What the catalog holds: the run's table (the first found), else every table seen with its run ids. */
export interface PolarisSeen {
  found?: { table: TableId; snapshotId: number; metadataLocation?: string };
  tables: string[];
}

/** Asks the Iceberg REST catalog at `base` (a token for the client credentials, the catalog's prefix, its
 * namespaces two levels deep, their tables, each table loaded) for a table with a snapshot of the run. Throws
 * when the catalog answers other than 200. `root`: where the API is under `base` (Polaris': /api/catalog). */
export async function askPolaris(
  base: string,
  cred: { clientId: string; clientSecret: string },
  catalog: string,
  runId: string,
  keep?: (path: string, a: Answer) => Promise<void>,
  root = CATALOG_API,
): Promise<PolarisSeen> {
  const { tokenPath, configPath, namespacesPath, tablesPath, tablePath } = catalogPaths(root);
  let headers: Record<string, string> = {};
  const call = async <T>(p: string, init: Parameters<typeof request>[1] = {}): Promise<T> => {
    const a = await request(base + p, { ...init, headers: { ...headers, ...init.headers } });
    await keep?.(p, a);
    if (a.status !== 200) throw new Error(`Polaris ${p} answered HTTP ${a.status}: ${a.body.slice(0, 300)}`);
    return jsonOf<T>(a, `Polaris ${p}`);
  };
  const token = await call<{ access_token?: string }>(tokenPath(), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: tokenForm(cred.clientId, cred.clientSecret),
  });
  if (!token.access_token) throw new Error(`Polaris ${tokenPath()} answered no access_token`);
  headers = { authorization: `Bearer ${token.access_token}` };
  const prefix = prefixOf(await call(configPath(catalog)));
  // Namespaces two levels deep (a data product's schema, or its schema under a product namespace).
  const top = (await call<{ namespaces: string[][] }>(namespacesPath(prefix))).namespaces;
  const nested: string[][] = [];
  for (const n of top)
    nested.push(...(await call<{ namespaces: string[][] }>(namespacesPath(prefix, n))).namespaces);
  const tables: string[] = [];
  for (const n of [...top, ...nested]) {
    const ids = (await call<{ identifiers: TableId[] }>(tablesPath(prefix, n))).identifiers;
    for (const t of ids) {
      const loaded = await call<LoadTableResult>(tablePath(prefix, t.namespace, t.name));
      const mine = snapshotsOfRun(loaded, runId);
      if (mine.length)
        return {
          found: {
            table: t,
            snapshotId: mine[0]!["snapshot-id"],
            ...(loaded["metadata-location"] ? { metadataLocation: loaded["metadata-location"] } : {}),
          },
          tables,
        };
      const others = runIdsOf(loaded);
      tables.push(`${describeTable(t)}${others.length ? ` (runs ${others.join(", ")})` : " (no run id)"}`);
    }
  }
  return { tables };
}

/** E2E-003's outcome from what the catalog held (pure). */
export function tableOutcome(
  runId: string,
  catalog: string,
  seen: PolarisSeen,
  answersFile: string,
): CheckOutcome {
  const f = seen.found;
  if (f)
    return {
      state: "pass",
      detail: `table ${describeTable(f.table)} of catalog ${catalog} has snapshot ${f.snapshotId} of run ${runId} (${f.metadataLocation ?? "no metadata location"}), found through Polaris' Iceberg REST API`,
    };
  return {
    state: "fail",
    expected: `a table in Polaris catalog ${catalog} with a snapshot of run ${runId} (snapshot summary dagster.run_id)`,
    seen: `${seen.tables.length ? `tables: ${seen.tables.join("; ")}` : "no table in the catalog"} (answers: ${answersFile})`,
  };
}
