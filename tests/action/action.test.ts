// Static checks of the composite action: inputs only through env:, every phase a step, report always runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/tools.js";
import { action } from "./action-yml.js";

const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");

const installer = [
  "HELM_VERSION",
  "KIND_VERSION",
  "KUBECTL_VERSION",
  "KUBESEC_VERSION",
  "MIRROR",
  "CHECKSUMS",
];
const selection = ["CONFIG", "CHARTS", "SCENARIO", "VALUES", "KUBE_VERSION"];

describe("action.yml", () => {
  it("is a composite action", () => {
    expect(action.runs.using).toBe("composite");
  });

  it.each(action.runs.steps.map((s) => [s.name ?? s.id ?? "?", s] as const))(
    "step %s never splices expressions into its script",
    (_n, step) => {
      if (step.run) expect(step.run).not.toMatch(/\$\{\{/);
    },
  );

  // The action's contract, step by step: what runs, when (its `if:`, evaluated for real by a runner in
  // act.test.ts), with which command and which inputs. A step dropped, renamed, given another command or
  // argument, another condition, or one input less fails here (tests/plants checks that it does).
  const spec: Array<{ name: string; id?: string; if?: string; command?: string; env: string[] }> = [
    { name: "check Node.js", env: ["FLOE_HELM_NODE_MIN"] },
    {
      name: "tools",
      id: "tools",
      if: "inputs.tools-dir == ''",
      command: "tools install",
      env: ["WORK_DIR", "HELM", ...installer],
    },
    {
      name: "gate",
      if: "inputs.gate == 'true'",
      command: "gate",
      env: ["WORK_DIR", "TOOLS_DIR", "HELM", ...selection, ...installer],
    },
    {
      name: "upgrade-check",
      if: "!cancelled() && inputs.upgrade-check == 'true' && steps.tools.outcome != 'failure' && (inputs.upgrade-base != '' || github.base_ref != '')",
      command: "upgrade-check",
      env: ["WORK_DIR", "TOOLS_DIR", "HELM", ...selection, "UPGRADE_BASE", ...installer],
    },
    {
      name: "cluster up",
      id: "cluster",
      if: "!cancelled() && (inputs.install-test == 'true' || inputs.live-upgrade == 'true' || inputs.e2e == 'true') && steps.tools.outcome != 'failure'",
      command: "cluster up",
      env: [
        "WORK_DIR",
        "TOOLS_DIR",
        "CLUSTER",
        "KUBECONFIG",
        "KIND_NODE_IMAGE",
        "IMAGE_CACHE",
        "KIND_VERSION",
        "MIRROR",
        "CHECKSUMS",
        "METRICS_SERVER",
        "EXTERNAL_SECRETS",
      ],
    },
    {
      name: "install test",
      if: "!cancelled() && steps.cluster.outcome == 'success' && inputs.install-test == 'true'",
      command: "test",
      env: [
        "WORK_DIR",
        "TOOLS_DIR",
        "CLUSTER",
        "KUBECONFIG",
        "HELM",
        "CONFIG",
        "CHARTS",
        "SCENARIO",
        "VALUES",
        "TEST_SCENARIO",
        "TEST_VALUES",
        "IMAGE_PULL",
        "IMAGE_CACHE",
        "HELM_VERSION",
        "KIND_VERSION",
        "KUBECTL_VERSION",
        "MIRROR",
        "CHECKSUMS",
      ],
    },
    {
      name: "live upgrade",
      if: "!cancelled() && steps.cluster.outcome == 'success' && inputs.live-upgrade == 'true' && (inputs.upgrade-base != '' || github.base_ref != '')",
      command: "upgrade",
      env: [
        "WORK_DIR",
        "TOOLS_DIR",
        "CLUSTER",
        "KUBECONFIG",
        "HELM",
        "CONFIG",
        "CHARTS",
        "SCENARIO",
        "VALUES",
        "TEST_SCENARIO",
        "TEST_VALUES",
        "IMAGE_PULL",
        "IMAGE_CACHE",
        "UPGRADE_BASE",
        "UPGRADE_BASE_HELM",
        "HELM_VERSION",
        "KIND_VERSION",
        "KUBECTL_VERSION",
        "MIRROR",
        "CHECKSUMS",
      ],
    },
    {
      name: "e2e",
      if: "!cancelled() && steps.cluster.outcome == 'success' && inputs.e2e == 'true'",
      command: "e2e",
      env: [
        "WORK_DIR",
        "TOOLS_DIR",
        "CLUSTER",
        "KUBECONFIG",
        "CONFIG",
        "E2E_SCENARIO",
        "IMAGE_PULL",
        "IMAGE_CACHE",
        "HELM_VERSION",
        "KIND_VERSION",
        "KUBECTL_VERSION",
        "MIRROR",
        "CHECKSUMS",
      ],
    },
    {
      name: "cluster down",
      id: "down",
      if: "always() && steps.cluster.outcome != 'skipped'",
      command: "cluster down",
      env: ["WORK_DIR", "TOOLS_DIR", "CLUSTER", "IMAGE_CACHE", "KIND_VERSION", "MIRROR", "CHECKSUMS"],
    },
    {
      name: "report",
      id: "report",
      if: "always()",
      command: "report",
      env: ["WORK_DIR", "TOOLS_DIR", "CONFIG", "SARIF", "MERGE", "COVERAGE_FAIL_ON"],
    },
  ];

  it("has exactly these steps, in this order", () => {
    expect(action.runs.steps.map((s) => s.name)).toEqual(spec.map((s) => `floe-helm · ${s.name}`));
  });

  describe.each(spec)("step $name", (want) => {
    const s = () => {
      const found = action.runs.steps.find((x) => x.name === `floe-helm · ${want.name}`);
      if (!found) throw new Error(`action.yml has no step 'floe-helm · ${want.name}'`);
      return found;
    };

    it("runs when it should (its id and if: as specified)", () => {
      expect({ id: s().id, if: s().if }).toEqual({ id: want.id, if: want.if });
    });

    it("passes exactly these inputs through env:, each from the input of its name", () => {
      const env = s().env ?? {};
      const keys = want.env.map((k) => (k.startsWith("FLOE_HELM_") ? k : `FLOE_HELM_${k}`));
      expect(Object.keys(env).sort()).toEqual(keys.sort());
      for (const k of keys.filter((x) => x !== "FLOE_HELM_NODE_MIN")) {
        const input = k
          .replace(/^FLOE_HELM_/, "")
          .toLowerCase()
          .replaceAll("_", "-");
        expect(action.inputs[input], `${k}: no input ${input}`).toBeDefined();
        expect(env[k], k).toBe(`\${{ inputs.${input} }}`);
      }
    });

    if (want.command) {
      it(`ends by running the bundled program's \`${want.command}\`, with no arguments (inputs go through env:)`, () => {
        // The program is the step's last command, so its exit status is the step's.
        expect(s().run?.trim().split("\n").at(-1)).toBe(
          `node "$GITHUB_ACTION_PATH/dist/index.js" ${want.command}`,
        );
        expect(s().shell).toBe("bash");
      });
    }
  });

  it("the gate step resolves tools with the same installer inputs as the tools step (so it hits the tool cache)", () => {
    const tools = action.runs.steps.find((s) => s.id === "tools");
    const gate = action.runs.steps.find((s) => s.name?.endsWith("gate"));
    const installerEnv = Object.entries(tools?.env ?? {}).filter(([k]) => k !== "FLOE_HELM_WORK_DIR");
    expect(installerEnv.map(([k]) => k)).toEqual(
      expect.arrayContaining(["FLOE_HELM_HELM_VERSION", "FLOE_HELM_MIRROR", "FLOE_HELM_CHECKSUMS"]),
    );
    for (const [k, v] of installerEnv) expect(gate?.env?.[k], k).toBe(v);
  });

  it("the upgrade-check step runs before the report, on pull requests or with upgrade-base, inputs through env:", () => {
    const steps = action.runs.steps;
    const i = steps.findIndex((s) => s.name === "floe-helm · upgrade-check");
    const step = steps[i]!;
    expect(i).toBeGreaterThan(steps.findIndex((s) => s.name?.endsWith("gate")));
    expect(i).toBeLessThan(steps.findIndex((s) => s.id === "report"));
    expect(step.run).toBe('node "$GITHUB_ACTION_PATH/dist/index.js" upgrade-check');
    expect(step.if).toContain("inputs.upgrade-base != ''");
    expect(step.if).toContain("github.base_ref != ''");
    // Not skipped because the gate found errors; skipped when the tools could not be installed, or when the
    // caller turns it off (upgrade-check: false).
    expect(step.if).toMatch(
      /^!cancelled\(\) && inputs\.upgrade-check == 'true' && steps\.tools\.outcome != 'failure'/,
    );
    expect(step.env?.FLOE_HELM_UPGRADE_BASE).toMatch(/^\$\{\{ inputs\.upgrade-base \}\}$/);
    const gate = steps.find((s) => s.name?.endsWith("gate"));
    for (const [k, v] of Object.entries(gate?.env ?? {})) expect(step.env?.[k], k).toBe(v);
  });

  it("the report step reads the same floe-gate.yaml as the gate (its requirements: make the coverage matrix)", () => {
    const report = action.runs.steps.find((s) => s.id === "report");
    const gate = action.runs.steps.find((s) => s.name?.endsWith("gate"));
    expect(report?.env?.FLOE_HELM_CONFIG).toBe(gate?.env?.FLOE_HELM_CONFIG);
    expect(report?.env?.FLOE_HELM_CONFIG).toMatch(/^\$\{\{ inputs\.config \}\}$/);
  });

  it("every step is a bash script: the action uses no other action (so there is nothing to pin)", () => {
    for (const st of action.runs.steps) {
      expect(st.uses, st.name).toBeUndefined();
      expect(st.shell, st.name).toBe("bash");
      expect(st.run?.trim().length, st.name).toBeGreaterThan(0);
    }
  });

  it.each(Object.entries(action.inputs))(
    "input %s is described in action.yml and the README",
    (name, input) => {
      expect(input.description?.length ?? 0).toBeGreaterThan(10);
      expect(readme).toContain(`\`${name}\``);
    },
  );

  it.each(Object.entries(action.outputs))(
    "output %s is described in action.yml and the README",
    (name, output) => {
      expect(output.description?.length ?? 0).toBeGreaterThan(10);
      expect(readme).toContain(`\`${name}\``);
    },
  );
});
