// Static checks of the composite action: inputs only through env:, every phase a step, report always runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/tools.js";
import { action } from "./action-yml.js";

const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");

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

  it("runs phases through the bundled program and always runs the report", () => {
    const phases = action.runs.steps.filter((s) => s.run?.includes('dist/index.js"'));
    expect(phases.length).toBeGreaterThan(0);
    // The program is the step's last command, so its exit status is the step's.
    for (const s of phases)
      expect(s.run?.trim().split("\n").at(-1)).toMatch(
        /^node "\$GITHUB_ACTION_PATH\/dist\/index\.js" [a-z-]+( [a-z-]+)?$/,
      );
    const report = action.runs.steps.find((s) => s.id === "report");
    expect(report?.if).toBe("always()");
    expect(action.runs.steps.at(-1)).toBe(report);
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

  it("pins every third-party action by commit SHA", () => {
    for (const s of action.runs.steps.filter((s) => s.uses)) expect(s.uses).toMatch(/@[0-9a-f]{40}$/);
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
