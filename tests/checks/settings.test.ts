// The object checks' settings as floe-gate.yaml sets them (resolveConfig -> CheckSettings).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { buildInputs } from "../../src/config/inputs.js";
import { NAMESPACE } from "../../src/helm/argv.js";
import { resolveConfig } from "../../src/plan/config.js";
import { tempDir } from "../helpers/tmp.js";

async function settingsOf(yaml: string | undefined) {
  const dir = tempDir("floe-settings-");
  if (yaml !== undefined) writeFileSync(path.join(dir, "floe-gate.yaml"), yaml);
  return (await resolveConfig(buildInputs({}, {}, dir), dir)).settings;
}

test.each([
  ["defaults", undefined, { kubesecThreshold: 9, externalReferences: [], releaseNamespace: NAMESPACE }],
  [
    "kinds, policy environments, external pods, threshold",
    [
      "kubesec: {threshold: 10}",
      "kinds: [{apiVersion: external-secrets.io/v1, kind: ExternalSecret}]",
      "policy: {networkPolicyEnvironments: [test], prodEnvironments: [live]}",
      "externalReferences: [{kind: Pod, name: 'app=ingress-nginx'}, {kind: Secret, name: 'vault-*'}]",
    ].join("\n"),
    {
      kubesecThreshold: 10,
      kinds: [{ apiVersion: "external-secrets.io/v1", kind: "ExternalSecret" }],
      networkPolicyEnvironments: ["test"],
      prodEnvironments: ["live"],
      externalReferences: [
        { kind: "Pod", name: "app=ingress-nginx" },
        { kind: "Secret", name: "vault-*" },
      ],
      releaseNamespace: NAMESPACE,
    },
  ],
])("%s", async (_name, yaml, expected) => {
  expect(await settingsOf(yaml)).toMatchObject(expected);
});

test.each([
  ["policy: {prodEnv: [prod]}", /unknown key .prodEnv. at policy/],
  ["kinds: [{kind: Cluster}]", /apiVersion/],
])("bad object-check settings are usage errors: %s", async (yaml, message) => {
  await expect(settingsOf(yaml)).rejects.toThrow(message);
});
