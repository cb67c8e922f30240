import { beforeAll, describe, expect, test } from "vitest";
import { containerBasicsChecks, imageTag } from "../../src/checks/policy/container-basics.js";
import { environmentChecks } from "../../src/checks/policy/environment.js";
import { securityContextChecks } from "../../src/checks/policy/security-context.js";
import type { Check, RenderCell } from "../../src/checks/types.js";
import { context, FIXTURES, renderFixture, withSeverity } from "./render.js";

const T = `${FIXTURES}/broken/templates`;
const policyChecks: Check[] = [...securityContextChecks, ...containerBasicsChecks, ...environmentChecks];
const byRule = (rule: string): Check => policyChecks.find((c) => c.rule === rule)!;

describe.each([3, 4] as const)(
  "policy/* on the broken fixture (prod scenario), rendered by helm %i",
  (major) => {
    let cell: RenderCell;
    beforeAll(async () => {
      cell = await renderFixture("broken", { major, environment: "prod" });
    });

    test.each([
      ["policy/run-as-non-root", `${T}/insecure.yaml:13`, "container 'app': runs as root (runAsUser: 0)"],
      [
        "policy/run-as-non-root",
        `${T}/schema.yaml:14`,
        "container 'app': securityContext.runAsNonRoot is not true",
      ],
      [
        "policy/read-only-root-fs",
        `${T}/insecure.yaml:17`,
        "container 'app': securityContext.readOnlyRootFilesystem is not true",
      ],
      [
        "policy/drop-all-capabilities",
        `${T}/insecure.yaml:20`,
        "container 'app': securityContext.capabilities.drop does not contain ALL",
      ],
      ["policy/no-privilege-escalation", `${T}/insecure.yaml:18`, "container 'app': is privileged"],
      [
        "policy/no-privilege-escalation",
        `${T}/insecure.yaml:26`,
        "container 'sidecar': securityContext.allowPrivilegeEscalation is not false",
      ],
      [
        "policy/seccomp-runtime-default",
        `${T}/insecure.yaml:21`,
        "container 'app': seccompProfile is 'Unconfined' (expected RuntimeDefault)",
      ],
      [
        "policy/seccomp-runtime-default",
        `${T}/insecure.yaml:26`,
        "container 'sidecar': seccompProfile is not set",
      ],
      [
        "policy/resources",
        `${T}/insecure.yaml:23`,
        "container 'app': resources requests.memory, limits.cpu, limits.memory not set",
      ],
      [
        "policy/resources",
        `${T}/insecure.yaml:26`,
        "container 'sidecar': resources requests.cpu, requests.memory, limits.cpu, limits.memory not set",
      ],
      ["policy/probes", `${T}/insecure.yaml:15`, "container 'app': no readinessProbe and livenessProbe"],
      [
        "policy/image-tag",
        `${T}/insecure.yaml:16`,
        "image 'registry.example/app:latest' uses the 'latest' tag",
      ],
      ["policy/image-tag", `${T}/insecure.yaml:27`, "image 'registry.example/sidecar' has no tag"],
      [
        "policy/network-policy",
        `${T}/insecure.yaml:10`,
        "no NetworkPolicy in namespace floe-gate selects the pods of Deployment/insecure",
      ],
      [
        "policy/network-policy",
        `${T}/insecure.yaml:34`,
        "no NetworkPolicy in namespace floe-gate selects the pods of Job/migrate",
      ],
      [
        "policy/pdb",
        `${T}/insecure.yaml:10`,
        "no PodDisruptionBudget selects the pods of Deployment/insecure",
      ],
      ["policy/hpa", `${T}/insecure.yaml:10`, "no HorizontalPodAutoscaler targets Deployment/insecure"],
    ])("%s at %s: %s", async (rule, at, fragment) => {
      const findings = await byRule(rule).run(cell, context());
      const hit = findings.find((f) => `${f.file}:${f.line}` === at && f.message.includes(fragment));
      expect(hit, findings.map((f) => `${f.file}:${f.line} ${f.message}`).join("\n")).toBeDefined();
      expect(hit!).toMatchObject({ rule, severity: "error", object: expect.stringMatching(/\//) });
    });

    test("probes are not required of Jobs or helm test pods", async () => {
      const objects = (await byRule("policy/probes").run(cell, context())).map((f) => f.object);
      expect(objects).not.toContain("Job/migrate");
      expect(objects).not.toContain("Pod/broken-test");
    });

    test("a NetworkPolicy in another namespace than the workload does not count", async () => {
      // templates/refs.yaml renders NetworkPolicy wrong-namespace (namespace: other, podSelector: {}).
      const objects = (await byRule("policy/network-policy").run(cell, context())).map((f) => f.object);
      expect(objects).toContain("Deployment/consumer");
    });
  },
);

describe("policy/* settings", () => {
  let broken: RenderCell;
  let good: RenderCell;
  beforeAll(async () => {
    [broken, good] = await Promise.all([
      renderFixture("broken", { environment: "dev" }),
      renderFixture("good", { environment: "prod" }),
    ]);
  });

  test.each(policyChecks.map((c) => [c.rule, c]))(
    "%s: the good fixture passes in prod",
    async (_rule, check) => {
      expect(await check.run(good, context())).toEqual([]);
    },
  );

  test.each([["policy/pdb"], ["policy/hpa"]])("%s does not apply in dev", async (rule) => {
    expect(await byRule(rule).run(broken, context())).toEqual([]);
  });

  test("policy/network-policy: not required in dev when the scenario renders no NetworkPolicy", async () => {
    const noPolicies = await renderFixture("kubesec", { environment: "dev" });
    expect(await byRule("policy/network-policy").run(noPolicies, context())).toEqual([]);
    const inStaging = await renderFixture("kubesec", { environment: "staging" });
    expect((await byRule("policy/network-policy").run(inStaging, context())).length).toBe(4);
  });

  test("policy/network-policy: a scenario that renders any NetworkPolicy must cover every workload, even in dev", async () => {
    const objects = (await byRule("policy/network-policy").run(broken, context())).map((f) => f.object);
    expect(objects).toEqual(
      expect.arrayContaining(["Deployment/insecure", "Deployment/consumer", "Job/migrate"]),
    );
  });

  test("the environments are configurable", async () => {
    const noPolicies = await renderFixture("kubesec", { environment: "dev" });
    const np = await byRule("policy/network-policy").run(
      noPolicies,
      context({ networkPolicyEnvironments: ["dev"] }),
    );
    expect(np.length).toBe(4);
    const pdb = await byRule("policy/pdb").run(broken, context({ prodEnvironments: ["dev"] }));
    expect(pdb.length).toBeGreaterThan(0);
  });

  test.each(["warning", "info"] as const)("severity per rule: policy/resources at %s", async (severity) => {
    const findings = withSeverity(await byRule("policy/resources").run(broken, context()), {
      "policy/resources": severity,
    });
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set([severity]));
  });

  test("a rule set to off reports nothing", async () => {
    expect(
      withSeverity(await byRule("policy/image-tag").run(broken, context()), { "policy/image-tag": "off" }),
    ).toEqual([]);
  });
});

test.each([
  ["nginx", {}],
  ["nginx:1.27", { tag: "1.27" }],
  ["registry:5000/org/app", {}],
  ["registry:5000/org/app:2.0", { tag: "2.0" }],
  ["app@sha256:abc", { digest: "sha256:abc" }],
  ["app:1.0@sha256:abc", { tag: "1.0", digest: "sha256:abc" }],
  ["app:latest", { tag: "latest" }],
])("imageTag(%j)", (image, expected) => {
  expect(imageTag(image)).toEqual(expected);
});
