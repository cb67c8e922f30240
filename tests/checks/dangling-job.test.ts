// dangling-reference and the names a Job of the release creates at run time (tests/fixtures/checks/job-created):
// ingress-nginx's pre-install hook Job runs kube-webhook-certgen `create --secret-name=<release>-admission` and
// the controller mounts that Secret. Rendered with the real helm 3 and 4.
import { describe, expect, test } from "vitest";
import { danglingReferenceCheck } from "../../src/checks/dangling-reference.js";
import type { GateConfig } from "../../src/plan/types.js";
import { applyPolicy } from "../../src/policy/apply.js";
import { context, FIXTURES, renderFixture } from "./render.js";

const D = `${FIXTURES}/job-created/templates/deployment.yaml`;
const via = "Deployment/floe-gate-controller";

describe.each([3, 4] as const)("rendered by helm %i", (major) => {
  test("a Secret or ConfigMap a Job or CronJob is passed by name is info naming it; the others stay errors (a cert-manager Certificate's Secret is provided)", async () => {
    const cell = await renderFixture("job-created", { major });
    const findings = await danglingReferenceCheck.run(cell, context());
    expect(findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.object}: ${f.message}`)).toEqual([
      // `--name seed-token`: the argument after a bare flag (an init container's).
      `${D}:19 info ${via}: ${via} env TOKEN of container 'controller': Secret 'seed-token' is not rendered: Job/floe-gate-seed creates it at run time (it is passed the name: arguments '--name seed-token')`,
      `${D}:24 error ${via}: ${via} env PASSWORD of container 'controller': Secret 'nobody-creates' is not rendered by this chart; declare it in externalReferences (kind Secret) if something else creates it`,
      // An env value of a CronJob's container.
      `${D}:28 info ${via}: ${via} envFrom of container 'controller': ConfigMap 'rotated-settings' is not rendered: CronJob/floe-gate-rotate creates it at run time (it is passed the name: env TARGET_CONFIGMAP of container 'rotate')`,
      // Passed to a Job in another namespace: it would create the Secret there.
      `${D}:30 error ${via}: ${via} envFrom of container 'controller': Secret 'elsewhere-secret' is not rendered by this chart; declare it in externalReferences (kind Secret) if something else creates it`,
      // kube-webhook-certgen's `--secret-name=<name>` in a helm hook Job.
      `${D}:34 info ${via}: ${via} volume webhook-cert: Secret 'floe-gate-admission' is not rendered: Job/floe-gate-admission-create (helm hook pre-install,pre-upgrade) creates it at run time (it is passed the name: argument '--secret-name=floe-gate-admission')`,
      // A whole argument (of the command).
      `${D}:37 info ${via}: ${via} volume ca: Secret 'seed-ca' is not rendered: Job/floe-gate-seed creates it at run time (it is passed the name: argument 'seed-ca')`,
    ]);
  });
});

test("a severity override of the rule changes its errors, not its notes (info stays info)", async () => {
  const cell = await renderFixture("job-created");
  const findings = await danglingReferenceCheck.run(cell, context());
  const config = { severity: { "dangling-reference": "warning" }, waivers: [] } as unknown as GateConfig;
  expect(findings.map((f) => applyPolicy(f, config, "2026-01-01")?.severity)).toEqual([
    "info",
    "warning",
    "info",
    "warning",
    "info",
    "info",
  ]);
});
