import { beforeAll, describe, expect, test } from "vitest";
import { danglingReferenceCheck, inClusterUrls } from "../../src/checks/dangling-reference.js";
import type { RenderCell } from "../../src/checks/types.js";
import { context, FIXTURES, renderFixture } from "./render.js";

const T = `${FIXTURES}/broken/templates`;

describe.each([3, 4] as const)("dangling-reference on the broken fixture, rendered by helm %i", (major) => {
  let cell: RenderCell;
  beforeAll(async () => {
    cell = await renderFixture("broken", { major });
  });

  const table: Array<[string, string]> = [
    [`${T}/refs.yaml:12`, "ServiceAccount 'ghost' is not rendered by this chart"],
    [`${T}/refs.yaml:20`, "env DB_PASSWORD of container 'app': Secret 'db-creds' is not rendered"],
    [
      `${T}/refs.yaml:25`,
      "env COLOR of container 'app': ConfigMap 'settings' has no key 'color' (keys: endpoints.yaml, mode)",
    ],
    [`${T}/refs.yaml:29`, "env TOKEN of container 'app': Secret 'vault-token' is not rendered"],
    [`${T}/refs.yaml:32`, "envFrom of container 'app': ConfigMap 'extra' is not rendered"],
    [`${T}/refs.yaml:36`, "volume data: PersistentVolumeClaim 'missing-claim' is not rendered"],
    [
      `${T}/refs.yaml:55`,
      "address 'web.floe-gate.svc:9090': Service 'web' has no port 9090 (ports: http/8080)",
    ],
    [`${T}/refs.yaml:72`, "Ingress/web rule 0 path /: Service 'web' has no port named 'metrics'"],
    [`${T}/refs.yaml:77`, "Ingress/web rule 0 path /old: Service 'old-web' is not rendered"],
    [`${T}/refs.yaml:86`, "NetworkPolicy/orphan: spec.podSelector selects no rendered pod"],
    [`${T}/refs.yaml:90`, "NetworkPolicy/orphan: ingress[0].from[0].podSelector selects no rendered pod"],
    [
      `${T}/tests/test-connection.yaml:15`,
      "Pod/broken-test address 'old-web:8080': Service 'old-web' is not rendered",
    ],
    // pg-rw is the read-write Service CloudNativePG creates for the rendered Cluster `pg`.
    [
      `${T}/tests/test-connection.yaml:16`,
      "address 'pg-rw:5433': Service 'pg-rw' has no port 5433 (ports: postgres/5432)",
    ],
  ];

  test.each(table)("%s: %s", async (at, fragment) => {
    const findings = await danglingReferenceCheck.run(cell, context());
    const hit = findings.find((f) => `${f.file}:${f.line}` === at && f.message.includes(fragment));
    expect(hit, findings.map((f) => `${f.file}:${f.line} ${f.message}`).join("\n")).toBeDefined();
    expect(hit!).toMatchObject({ rule: "dangling-reference", severity: "error" });
  });

  test("nothing else is reported (the URL that resolves, https://example.com, tls secret...)", async () => {
    const findings = await danglingReferenceCheck.run(cell, context());
    expect(findings).toHaveLength(table.length);
  });

  test("references declared external (globs) are not reported", async () => {
    const findings = await danglingReferenceCheck.run(
      cell,
      context({
        externalReferences: [
          { kind: "Secret", name: "vault-*" },
          { kind: "Secret", name: "db-creds" },
          { kind: "Service", name: "old-web" },
          { kind: "Pod", name: "app=ghost" },
        ],
      }),
    );
    const messages = findings.map((f) => f.message).join("\n");
    expect(messages).not.toMatch(/vault-token|db-creds|old-web|from\[0\]/);
    expect(findings).toHaveLength(table.length - 5);
  });
});

test("a chart whose references all resolve passes (StatefulSet claim templates, projected volumes, FQDNs, ExternalSecret and CloudNativePG outputs)", async () => {
  const cell = await renderFixture("good");
  expect(await danglingReferenceCheck.run(cell, context())).toEqual([]);
});

test.each([
  ["http://web:8080/api", [{ service: "web", port: 8080 }]],
  ["http://web/api", [{ service: "web", port: 80 }]],
  ["https://web", [{ service: "web", port: 443 }]],
  ["postgresql://db.ns.svc.cluster.local:5432/app", [{ service: "db", namespace: "ns", port: 5432 }]],
  ["host=db.ns.svc port=5432", [{ service: "db", namespace: "ns" }]],
  ["minio.ns.svc:9000", [{ service: "minio", namespace: "ns", port: 9000 }]],
  ["https://example.com/docs", []],
  ["http://localhost:8080", []],
  ["http://10.0.0.1:80", []],
  ["s3://bucket/key.svc", [{ service: "bucket" }]],
  ["see docs.example.svc.io", []],
  ["plain text web:8080", []],
])("inClusterUrls(%j)", (text, expected) => {
  expect(inClusterUrls(text).map(({ text: _t, ...u }) => u)).toEqual(expected);
});
