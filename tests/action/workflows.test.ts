// Static checks of the workflows: no expression spliced into a script, third-party actions pinned, every
// workflow_call input described. Each check is a test only where there is something to check (a workflow
// without run: steps gets no "run:" test), so no test passes by looping over nothing.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../helpers/tools.js";
import { action } from "./action-yml.js";

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, { inputs?: Record<string, { description?: string }> } | null>;
  jobs: Record<string, { steps?: Step[]; uses?: string }>;
}

const dir = path.join(repoRoot, ".github", "workflows");
const workflows = readdirSync(dir)
  .filter((f) => f.endsWith(".yml"))
  .map((f) => [f, parse(readFileSync(path.join(dir, f), "utf8")) as Workflow] as const);

for (const [name, wf] of workflows) {
  describe(`workflow ${name}`, () => {
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps ?? []);
    const label = (s: Step, i: number) => s.name ?? s.uses ?? `#${i + 1}`;

    it("has jobs that do something (steps, or a called workflow)", () => {
      expect(Object.keys(wf.jobs).length).toBeGreaterThan(0);
      for (const [id, job] of Object.entries(wf.jobs)) {
        expect(Boolean(job.uses) || (job.steps?.length ?? 0) > 0, `job ${id}`).toBe(true);
      }
    });

    for (const [i, s] of steps.entries()) {
      if (s.run) {
        it(`step ${label(s, i)}: never splices expressions into its run: script (inputs go through env:)`, () => {
          expect(s.run).not.toMatch(/\$\{\{/);
        });
      }
      if (s.uses && !s.uses.startsWith("./")) {
        it(`step ${label(s, i)}: pins its third-party action by commit SHA`, () => {
          expect(s.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        });
      }
    }

    for (const [input, spec] of Object.entries(wf.on.workflow_call?.inputs ?? {})) {
      it(`describes its workflow_call input ${input}`, () => {
        expect(spec.description, input).toMatch(/\w{3,}/);
      });
    }
  });
}

it("the reusable workflows exist and take inputs; ci.yml runs the suite and the action", () => {
  const byName = new Map(workflows);
  expect([...byName.keys()]).toEqual(expect.arrayContaining(["ci.yml", "pr-gate.yml", "release.yml"]));
  for (const n of ["pr-gate.yml", "release.yml"]) {
    expect(Object.keys(byName.get(n)?.on.workflow_call?.inputs ?? {}).length, n).toBeGreaterThan(0);
  }
  const ciSteps = Object.values(byName.get("ci.yml")?.jobs ?? {}).flatMap((j) => j.steps ?? []);
  expect(ciSteps.some((s) => s.uses === "./")).toBe(true);
  expect(ciSteps.some((s) => s.run)).toBe(true);
});

it("pr-gate.yml hands each of its inputs that the action also has to the action, unchanged", () => {
  const wf = new Map(workflows).get("pr-gate.yml")!;
  const shared = Object.keys(wf.on.workflow_call?.inputs ?? {}).filter((i) => i in action.inputs);
  expect(shared).toEqual(expect.arrayContaining(["helm", "install-test", "kind-node-image"]));
  const floe = Object.values(wf.jobs)
    .flatMap((j) => j.steps ?? [])
    .find((s) => s.uses === "./.floe-helm-action");
  expect(floe, "the step running the action").toBeDefined();
  for (const i of shared) expect(floe?.with?.[i], i).toBe(`\${{ inputs.${i} }}`);
});
