// GAP-006: the External Secrets Operator creates the Secrets the platform reads, and the platform uses them.
// The platform scenario renders ExternalSecrets (externalSecrets.enabled, as ci/externalsecrets-values.yaml)
// pointing at a store of ESO's fake provider (floe-gate.yaml e2e.platform.objects applies it before the
// install); ESO runs in the cluster (`floe-helm cluster up --provider kind --external-secrets`). The check
// passes when every ExternalSecret of the platform's release is Ready=True, the Secret it targets was written
// by ESO (a controller ownerReference to that ExternalSecret, ESO's managed label, every key asked for), and
// each of those Secrets is read by a Ready pod of the namespace (the platform's PostgreSQL, Dagster, MinIO...).
// On failure it says what it expected and saw: each ExternalSecret's Ready condition, and ESO's own log.
import { ESO_NAME, ESO_NAMESPACE } from "../../cluster/kind/external-secrets.js";
import type { CheckOutcome, E2eCheck, E2eEnv } from "../types.js";
import {
  describeEs,
  type EsState,
  type ExternalSecret,
  esState,
  type Pod,
  readers,
  type Secret,
  synced,
} from "./eso.js";
import { kubectl, kubectlJson, sleep } from "./kube.js";

const SYNC_MS = 120_000;
const PODS_MS = 120_000;

export const check: E2eCheck = {
  id: "GAP-006 external-secrets",
  covers: ["GAP-006"],
  timeoutMs: 300_000,
  run: (e) => run(e),
};

/** The last lines of ESO's controller log (its namespace, not the e2e one). */
async function esoLog(e: E2eEnv): Promise<string> {
  const r = await kubectl({ ...e.kube, namespace: ESO_NAMESPACE }, [
    "logs",
    `deployment/${ESO_NAME}`,
    "--tail",
    "15",
  ]);
  const text = (r.stdout + r.stderr).trim();
  return text ? text.split("\n").slice(-15).join(" | ") : "(none)";
}

async function run(e: E2eEnv): Promise<CheckOutcome> {
  const k = e.kube;
  const rel = e.platformRelease;
  const list = await kubectl(k, [
    "get",
    "externalsecrets.external-secrets.io",
    "--selector",
    `app.kubernetes.io/instance=${rel}`,
    "--output",
    "json",
  ]);
  if (list.code !== 0)
    return {
      state: "fail",
      expected:
        "the External Secrets Operator's API (external-secrets.io/v1 ExternalSecret) served by the cluster (`floe-helm cluster up --provider kind --external-secrets`)",
      seen: list.stderr.trim() || list.stdout.trim(),
    };
  const items = (JSON.parse(list.stdout) as { items: ExternalSecret[] }).items;
  if (!items.length)
    return {
      state: "skip",
      reason: `the platform (release ${rel}) has no ExternalSecret: its scenario leaves externalSecrets.enabled off (ci/externalsecrets-values.yaml turns it on)`,
    };

  // 1. Every ExternalSecret synced: Ready=True and its Secret written by ESO.
  const read = async (): Promise<EsState[]> => {
    const ess = (
      await kubectlJson<{ items: ExternalSecret[] }>(k, [
        "get",
        "externalsecrets.external-secrets.io",
        "--selector",
        `app.kubernetes.io/instance=${rel}`,
      ])
    ).items;
    const secrets = (await kubectlJson<{ items: Secret[] }>(k, ["get", "secrets"])).items;
    return ess.map((x) => esState(x, secrets)).sort((a, b) => a.name.localeCompare(b.name));
  };
  let states = await read();
  const until = Date.now() + Math.min(SYNC_MS, e.timeoutMs);
  while (!states.every(synced) && Date.now() < until) {
    e.ctx.progress(
      `e2e GAP-006: waiting for ${states
        .filter((s) => !synced(s))
        .map((s) => s.name)
        .join(", ")} to be synced by ESO`,
    );
    await sleep(5_000);
    states = await read();
  }
  if (!states.every(synced))
    return {
      state: "fail",
      expected: `every ExternalSecret of release ${rel} Ready=True with its Secret written by the External Secrets Operator (a controller ownerReference to it, label reconcile.external-secrets.io/managed=true, every key) within ${SYNC_MS / 1000} s`,
      seen: `${states
        .filter((s) => !synced(s))
        .map(describeEs)
        .join("; ")}; ESO's log (${ESO_NAMESPACE}/deployment/${ESO_NAME}): ${await esoLog(e)}`,
    };

  // 2. The platform uses them: each written Secret read by a Ready pod.
  const targets = states.map((s) => s.target);
  let seen = readers(targets, []);
  const podsUntil = Date.now() + PODS_MS;
  for (;;) {
    const pods = (await kubectlJson<{ items: Pod[] }>(k, ["get", "pods"])).items;
    seen = readers(targets, pods);
    if (!seen.unread.length || Date.now() >= podsUntil) break;
    e.ctx.progress(`e2e GAP-006: waiting for a Ready pod reading ${seen.unread.join(", ")}`);
    await sleep(5_000);
  }
  if (seen.unread.length)
    return {
      state: "fail",
      expected: `each Secret the External Secrets Operator wrote (${targets.join(", ")}) read by a Ready pod of namespace ${k.namespace} (env, envFrom or a volume)`,
      seen: `no Ready pod reads ${seen.unread.join(", ")} after ${PODS_MS / 1000} s`,
    };
  return {
    state: "pass",
    detail: states
      .map(
        (s) =>
          `Secret ${s.target} written by ESO for ExternalSecret ${s.name} (${s.store}, Ready=True), read by ${seen.by[s.target]!.join(", ")}`,
      )
      .join("; "),
  };
}
