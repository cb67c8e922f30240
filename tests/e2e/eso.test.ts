// The GAP-006 check's pure parts (src/e2e/checks/eso.ts): an ExternalSecret's status and whether the Secret it
// targets was written by the External Secrets Operator (objects shaped as the API server returns them for ESO
// v0.16.2), which pods read a Secret and are Ready, and the check's own outcomes against a stand-in kubectl (a
// shell script answering with fixed JSON: no cluster, named so). It runs on real kind, with ESO, in
// tests/cluster/kind-e2e.test.ts.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  describeEs,
  type ExternalSecret,
  esState,
  notWrittenBy,
  type Pod,
  podReady,
  readers,
  type Secret,
  secretsReadBy,
  synced,
} from "../../src/e2e/checks/eso.js";
import { check } from "../../src/e2e/checks/external-secrets.js";
import { objectsError } from "../../src/e2e/run.js";
import type { E2eEnv } from "../../src/e2e/types.js";
import { tempDir } from "../helpers/tmp.js";

const UID = "0b7c2a9e-1111-4c1e-9f00-000000000001";
const es = (status?: ExternalSecret["status"]): ExternalSecret => ({
  metadata: { name: "floe-platform-postgresql", uid: UID },
  spec: {
    secretStoreRef: { name: "floe-e2e-fake", kind: "SecretStore" },
    target: { name: "floe-platform-postgresql", creationPolicy: "Owner" },
    data: [{ secretKey: "postgres-password" }, { secretKey: "dagster-password" }],
  },
  ...(status ? { status } : {}),
});
const READY = {
  conditions: [{ type: "Ready", status: "True", reason: "SecretSynced", message: "secret synced" }],
};
const secret = (
  over: Partial<Secret["metadata"]> = {},
  data: Record<string, string> = { "postgres-password": "eA==", "dagster-password": "eQ==" },
): Secret => ({
  metadata: {
    name: "floe-platform-postgresql",
    labels: { "reconcile.external-secrets.io/managed": "true" },
    ownerReferences: [
      {
        apiVersion: "external-secrets.io/v1",
        kind: "ExternalSecret",
        name: "floe-platform-postgresql",
        uid: UID,
        controller: true,
      },
    ],
    ...over,
  },
  data,
});

describe("a Secret written by ESO for an ExternalSecret", () => {
  it.each([
    ["ESO's own: controller ownerReference, managed label, every key", secret(), undefined],
    ["missing", undefined, "Secret floe-platform-postgresql does not exist"],
    [
      "made by someone else (no ownerReference)",
      secret({ ownerReferences: [] }),
      "Secret floe-platform-postgresql has no ownerReference to ExternalSecret floe-platform-postgresql",
    ],
    [
      "owned by an older ExternalSecret of that name (another uid)",
      secret({
        ownerReferences: [
          {
            apiVersion: "external-secrets.io/v1",
            kind: "ExternalSecret",
            name: "floe-platform-postgresql",
            uid: "old",
            controller: true,
          },
        ],
      }),
      `Secret floe-platform-postgresql's ownerReference is to another ExternalSecret floe-platform-postgresql (uid old, not ${UID})`,
    ],
    [
      "owned, but not by its controller",
      secret({
        ownerReferences: [
          {
            apiVersion: "external-secrets.io/v1",
            kind: "ExternalSecret",
            name: "floe-platform-postgresql",
            uid: UID,
          },
        ],
      }),
      "Secret floe-platform-postgresql's ownerReference to ExternalSecret floe-platform-postgresql is not its controller",
    ],
    [
      "without ESO's managed label",
      secret({ labels: {} }),
      "Secret floe-platform-postgresql lacks ESO's label reconcile.external-secrets.io/managed=true",
    ],
    [
      "without a key the ExternalSecret asks for",
      secret({}, { "postgres-password": "eA==" }),
      "Secret floe-platform-postgresql lacks the keys dagster-password",
    ],
  ])("%s", (_name, s, want) => {
    expect(notWrittenBy(es(READY), s)).toBe(want);
  });
});

describe("an ExternalSecret's state", () => {
  it.each([
    [
      "synced: Ready=True and its Secret ESO's",
      es(READY),
      [secret()],
      true,
      "ExternalSecret floe-platform-postgresql (store SecretStore/floe-e2e-fake) -> Secret floe-platform-postgresql: Ready=True SecretSynced: secret synced",
    ],
    [
      "not reconciled yet (no status)",
      es(),
      [],
      false,
      "ExternalSecret floe-platform-postgresql (store SecretStore/floe-e2e-fake) -> Secret floe-platform-postgresql: no Ready condition yet; Secret floe-platform-postgresql does not exist",
    ],
    [
      "the store lacks the remote key (ESO's SecretSyncedError)",
      es({
        conditions: [
          {
            type: "Ready",
            status: "False",
            reason: "SecretSyncedError",
            message: "could not get secret data from provider",
          },
        ],
      }),
      [],
      false,
      "ExternalSecret floe-platform-postgresql (store SecretStore/floe-e2e-fake) -> Secret floe-platform-postgresql: Ready=False SecretSyncedError: could not get secret data from provider; Secret floe-platform-postgresql does not exist",
    ],
    [
      "Ready=True, yet its Secret is not ESO's (a Secret of that name made before)",
      es(READY),
      [secret({ labels: {} })],
      false,
      "ExternalSecret floe-platform-postgresql (store SecretStore/floe-e2e-fake) -> Secret floe-platform-postgresql: Ready=True SecretSynced: secret synced; Secret floe-platform-postgresql lacks ESO's label reconcile.external-secrets.io/managed=true",
    ],
  ])("%s", (_name, e, secrets, ok, described) => {
    const s = esState(e, secrets);
    expect(synced(s)).toBe(ok);
    expect(describeEs(s)).toBe(described);
  });

  it("targets its own name when spec.target.name is unset", () => {
    const e: ExternalSecret = { metadata: { name: "x" }, spec: {} };
    expect(esState(e, []).target).toBe("x");
    expect(esState(e, []).store).toBe("SecretStore/?");
  });
});

const pod = (name: string, ready: boolean, spec: Partial<Pod["spec"]>): Pod => ({
  metadata: { name },
  spec: { containers: [], ...spec },
  status: {
    phase: ready ? "Running" : "Pending",
    conditions: [{ type: "Ready", status: ready ? "True" : "False" }],
  },
});

describe("the pods reading a Secret", () => {
  it.each([
    [
      "env secretKeyRef (PostgreSQL, Dagster)",
      pod("pg", true, {
        containers: [{ env: [{ valueFrom: { secretKeyRef: { name: "pg-secret" } } }, {}] }],
      }),
      ["pg-secret"],
    ],
    [
      "envFrom secretRef",
      pod("p", true, { containers: [{ envFrom: [{ secretRef: { name: "a" } }, {}] }] }),
      ["a"],
    ],
    [
      "init containers, secret and projected volumes, each name once, sorted",
      pod("p", true, {
        containers: [{ env: [{ valueFrom: { secretKeyRef: { name: "c" } } }] }],
        initContainers: [{ env: [{ valueFrom: { secretKeyRef: { name: "c" } } }] }],
        volumes: [
          { secret: { secretName: "b" } },
          { projected: { sources: [{ secret: { name: "a" } }, {}] } },
          {},
        ],
      }),
      ["a", "b", "c"],
    ],
    ["none", pod("p", true, { containers: [{}] }), []],
  ])("%s", (_name, p, want) => {
    expect(secretsReadBy(p)).toEqual(want);
  });

  it("counts only Running pods whose Ready condition is True; says which Secret no Ready pod reads", () => {
    const reads = { containers: [{ envFrom: [{ secretRef: { name: "pg" } }] }] };
    const pods = [pod("b-ready", true, reads), pod("a-ready", true, reads), pod("c-pending", false, reads)];
    expect(podReady(pods[2]!)).toBe(false);
    expect(
      podReady({ metadata: { name: "done" }, spec: { containers: [] }, status: { phase: "Succeeded" } }),
    ).toBe(false);
    expect(readers(["pg", "minio"], pods)).toEqual({
      by: { pg: ["a-ready", "b-ready"], minio: [] },
      unread: ["minio"],
    });
  });
});

/** A stand-in kubectl (no cluster): prints ANSWER for `get externalsecrets...`, exits 1 with ERR when set. */
function standIn(answer: string, err = "") {
  const dir = tempDir("floe-eso-check-");
  const kubectl = path.join(dir, "kubectl");
  writeFileSync(
    kubectl,
    err ? `#!/bin/sh\ncat >&2 <<'EOF'\n${err}\nEOF\nexit 1\n` : `#!/bin/sh\necho '${answer}'\n`,
    {
      mode: 0o755,
    },
  );
  return {
    ctx: { progress: () => {} },
    kube: { kubectl, kubeconfig: "k", namespace: "ns", env: process.env, cwd: dir },
    platformRelease: "floe-platform",
    timeoutMs: 1_000,
    dir,
    facts: {},
  } as unknown as E2eEnv;
}

describe("the GAP-006 check (stand-in kubectl, no cluster)", () => {
  it("covers GAP-006; skipped, with the reason, when the platform renders no ExternalSecret", async () => {
    expect(check.covers).toEqual(["GAP-006"]);
    expect(await check.run(standIn('{"items": []}'))).toEqual({
      state: "skip",
      reason:
        "the platform (release floe-platform) has no ExternalSecret: its scenario leaves externalSecrets.enabled off (ci/externalsecrets-values.yaml turns it on)",
    });
  });

  it("fails saying ESO's API is missing when the cluster does not serve ExternalSecrets", async () => {
    const out = await check.run(
      standIn("", 'error: the server doesn\'t have a resource type "externalsecrets"'),
    );
    expect(out).toEqual({
      state: "fail",
      expected:
        "the External Secrets Operator's API (external-secrets.io/v1 ExternalSecret) served by the cluster (`floe-helm cluster up --provider kind --external-secrets`)",
      seen: 'error: the server doesn\'t have a resource type "externalsecrets"',
    });
  });
});

describe("e2e.platform.objects: a failed kubectl apply", () => {
  it.each([
    [
      "a kind the cluster does not serve (no ESO): kubectl's words and the operator to install",
      'error: resource mapping not found for name: "floe-e2e-fake" namespace: "" from "s.yaml": no matches for kind "SecretStore" in version "external-secrets.io/v1"\nensure CRDs are installed first\n',
      'kubectl apply -f s.yaml failed: error: resource mapping not found for name: "floe-e2e-fake" namespace: "" from "s.yaml": no matches for kind "SecretStore" in version "external-secrets.io/v1"\nensure CRDs are installed first (the cluster does not serve external-secrets.io/v1 SecretStore: install the operator that does first, e.g. `floe-helm cluster up --provider kind --external-secrets`)',
    ],
    [
      "another kind of another operator: no ESO hint",
      'no matches for kind "Cluster" in version "postgresql.cnpg.io/v1"',
      'kubectl apply -f s.yaml failed: no matches for kind "Cluster" in version "postgresql.cnpg.io/v1" (the cluster does not serve postgresql.cnpg.io/v1 Cluster: install the operator that does first)',
    ],
    [
      "anything else: kubectl's words",
      "error: error parsing s.yaml: line 3",
      "kubectl apply -f s.yaml failed: error: error parsing s.yaml: line 3",
    ],
  ])("%s", (_name, stderr, want) => {
    expect(objectsError("s.yaml", stderr)).toBe(want);
  });
});
