// Pure parts of the GAP-006 check (./external-secrets.ts): what an ExternalSecret's status says, whether the
// Secret it targets was written by the External Secrets Operator (its controller ownerReference to that very
// ExternalSecret, ESO's managed label, every key the ExternalSecret asks for), and which pods read a Secret
// (env, envFrom, volumes, projected volumes) and are Ready. Tests: tests/e2e/eso.test.ts.

export const LABEL_MANAGED = "reconcile.external-secrets.io/managed";

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface ExternalSecret {
  metadata: { name: string; uid?: string };
  spec: {
    secretStoreRef?: { name?: string; kind?: string };
    target?: { name?: string; creationPolicy?: string };
    data?: Array<{ secretKey: string }>;
  };
  status?: { conditions?: Condition[]; refreshTime?: string };
}

export interface Secret {
  metadata: {
    name: string;
    labels?: Record<string, string>;
    ownerReferences?: Array<{
      apiVersion: string;
      kind: string;
      name: string;
      uid: string;
      controller?: boolean;
    }>;
  };
  data?: Record<string, string>;
}

interface SecretRefs {
  env?: Array<{ valueFrom?: { secretKeyRef?: { name?: string } } }>;
  envFrom?: Array<{ secretRef?: { name?: string } }>;
}
export interface Pod {
  metadata: { name: string };
  spec: {
    containers: SecretRefs[];
    initContainers?: SecretRefs[];
    volumes?: Array<{
      secret?: { secretName?: string };
      projected?: { sources?: Array<{ secret?: { name?: string } }> };
    }>;
  };
  status?: { phase?: string; conditions?: Condition[] };
}

/** One ExternalSecret and the Secret it targets, as the check judges them. */
export interface EsState {
  name: string;
  /** The Secret it writes (spec.target.name, else its own name). */
  target: string;
  store: string;
  ready: boolean;
  /** Its Ready condition as "Ready=True SecretSynced: message", or "no Ready condition yet". */
  condition: string;
  /** Why the target Secret does not count as written by ESO; undefined when it does. */
  notWritten?: string;
}

const describeCondition = (c: Condition | undefined) =>
  c
    ? `${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ""}${c.message ? `: ${c.message}` : ""}`
    : "no Ready condition yet";

/** Why `secret` is not the one ESO wrote for `es` (undefined: it is): missing, no controller ownerReference to
 * that ExternalSecret (by name and uid), without ESO's managed label, or missing a key the ExternalSecret asks for. */
export function notWrittenBy(es: ExternalSecret, secret: Secret | undefined): string | undefined {
  const target = es.spec.target?.name ?? es.metadata.name;
  if (!secret) return `Secret ${target} does not exist`;
  const owner = secret.metadata.ownerReferences?.find(
    (o) =>
      o.kind === "ExternalSecret" &&
      o.name === es.metadata.name &&
      o.apiVersion.startsWith("external-secrets.io/"),
  );
  if (!owner) return `Secret ${target} has no ownerReference to ExternalSecret ${es.metadata.name}`;
  if (es.metadata.uid && owner.uid !== es.metadata.uid)
    return `Secret ${target}'s ownerReference is to another ExternalSecret ${es.metadata.name} (uid ${owner.uid}, not ${es.metadata.uid})`;
  if (!owner.controller)
    return `Secret ${target}'s ownerReference to ExternalSecret ${es.metadata.name} is not its controller`;
  if (secret.metadata.labels?.[LABEL_MANAGED] !== "true")
    return `Secret ${target} lacks ESO's label ${LABEL_MANAGED}=true`;
  const missing = (es.spec.data ?? []).map((d) => d.secretKey).filter((k) => !(k in (secret.data ?? {})));
  if (missing.length) return `Secret ${target} lacks the keys ${missing.join(", ")}`;
  return undefined;
}

export function esState(es: ExternalSecret, secrets: readonly Secret[]): EsState {
  const target = es.spec.target?.name ?? es.metadata.name;
  const ready = es.status?.conditions?.find((c) => c.type === "Ready");
  const notWritten = notWrittenBy(
    es,
    secrets.find((s) => s.metadata.name === target),
  );
  return {
    name: es.metadata.name,
    target,
    store: `${es.spec.secretStoreRef?.kind ?? "SecretStore"}/${es.spec.secretStoreRef?.name ?? "?"}`,
    ready: ready?.status === "True",
    condition: describeCondition(ready),
    ...(notWritten ? { notWritten } : {}),
  };
}

/** Synced: Ready=True and its Secret written by ESO. */
export const synced = (s: EsState) => s.ready && !s.notWritten;

export const describeEs = (s: EsState) =>
  `ExternalSecret ${s.name} (store ${s.store}) -> Secret ${s.target}: ${s.condition}${s.notWritten ? `; ${s.notWritten}` : ""}`;

/** The Secrets a pod reads: env secretKeyRef and envFrom secretRef of every container and init container,
 * secret and projected volumes. */
export function secretsReadBy(p: Pod): string[] {
  const names = new Set<string>();
  for (const c of [...p.spec.containers, ...(p.spec.initContainers ?? [])]) {
    for (const e of c.env ?? [])
      if (e.valueFrom?.secretKeyRef?.name) names.add(e.valueFrom.secretKeyRef.name);
    for (const e of c.envFrom ?? []) if (e.secretRef?.name) names.add(e.secretRef.name);
  }
  for (const v of p.spec.volumes ?? []) {
    if (v.secret?.secretName) names.add(v.secret.secretName);
    for (const s of v.projected?.sources ?? []) if (s.secret?.name) names.add(s.secret.name);
  }
  return [...names].sort();
}

export const podReady = (p: Pod) =>
  p.status?.phase === "Running" &&
  p.status.conditions?.some((c) => c.type === "Ready" && c.status === "True") === true;

/** For each Secret, the Ready pods reading it (sorted), and the Secrets no Ready pod reads. */
export function readers(
  secrets: readonly string[],
  pods: readonly Pod[],
): { by: Record<string, string[]>; unread: string[] } {
  const by: Record<string, string[]> = {};
  for (const s of secrets)
    by[s] = pods
      .filter((p) => podReady(p) && secretsReadBy(p).includes(s))
      .map((p) => p.metadata.name)
      .sort();
  return { by, unread: secrets.filter((s) => !by[s]!.length) };
}
