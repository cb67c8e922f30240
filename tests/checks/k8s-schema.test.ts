import { beforeAll, describe, expect, test } from "vitest";
import { k8sSchemaCheck } from "../../src/checks/k8s-schema.js";
import type { RenderCell } from "../../src/checks/types.js";
import { UserError } from "../../src/core/errors.js";
import { context, FIXTURES, renderFixture, withSeverity } from "./render.js";

const T = `${FIXTURES}/broken/templates`;

describe.each([3, 4] as const)("k8s-schema on the broken fixture, rendered by helm %i", (major) => {
  let cell: RenderCell;
  beforeAll(async () => {
    cell = await renderFixture("broken", { major });
  });

  test.each([
    // [severity, file:line, message fragment]
    ["error", `${T}/schema.yaml:6`, "Deployment/typo: spec.replicas: must be integer"],
    ["error", `${T}/schema.yaml:16`, "unknown field 'spec.template.spec.containers.0.imagePullPolcy'"],
    ["error", `${T}/schema.yaml:18`, "containers.0.ports.0.containerPort: must be integer"],
    ["info", `${T}/schema.yaml:21`, "no schema known for postgresql.cnpg.io/v1 Cluster in Kubernetes v1.37"],
  ])("%s at %s: %s", async (severity, at, fragment) => {
    const findings = await k8sSchemaCheck.run(cell, context());
    const hit = findings.find((f) => `${f.file}:${f.line}` === at && f.message.includes(fragment));
    expect(hit, JSON.stringify(findings, null, 1)).toBeDefined();
    expect(hit!.severity).toBe(severity);
    expect(hit!.rule).toBe("k8s-schema");
  });

  test("reports nothing else: one finding per real problem (no oneOf branch noise)", async () => {
    const findings = await k8sSchemaCheck.run(cell, context());
    expect(findings).toHaveLength(4);
  });
});

describe("k8s-schema settings", () => {
  let good: RenderCell;
  let broken: RenderCell;
  beforeAll(async () => {
    [good, broken] = await Promise.all([renderFixture("good"), renderFixture("broken")]);
  });

  test("a valid chart passes; its custom resources (ExternalSecret, CNPG Cluster) are info findings, not failures", async () => {
    const findings = await k8sSchemaCheck.run(good, context());
    expect(findings.map((f) => [f.severity, f.object])).toEqual([
      ["info", "Cluster/pg"],
      ["info", "ExternalSecret/vault-token"],
    ]);
  });

  test("a kind declared in the config is not reported", async () => {
    const findings = await k8sSchemaCheck.run(
      good,
      context({
        kinds: [
          { apiVersion: "external-secrets.io/v1", kind: "ExternalSecret" },
          { apiVersion: "postgresql.cnpg.io/v1", kind: "Cluster" },
        ],
      }),
    );
    expect(findings).toEqual([]);
  });

  test.each([
    ["warning", 3],
    ["off", 0],
  ] as const)("severity %s from the config applies to schema errors", async (severity, errors) => {
    const findings = withSeverity(await k8sSchemaCheck.run(broken, context()), { "k8s-schema": severity });
    expect(findings.filter((f) => f.severity === severity)).toHaveLength(errors === 0 ? 0 : errors);
    if (severity === "off") expect(findings).toEqual([]);
  });

  test("a --kube-version without committed schemas is a usage error naming the available ones", () => {
    expect(() => k8sSchemaCheck.run(good, context({ kubeVersion: "1.12" }))).toThrow(UserError);
    expect(() => k8sSchemaCheck.run(good, context({ kubeVersion: "1.12" }))).toThrow(
      /no Kubernetes schemas for 1\.12 \(available: .*1\.37.*\); generate them with 'node scripts\/k8s-schemas\.mjs 1\.12'/,
    );
  });
});
