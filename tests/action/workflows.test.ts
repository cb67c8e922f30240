// Static checks of the reusable workflows: no expression spliced into a script, third-party actions pinned.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../helpers/tools.js";

interface Step {
  run?: string;
  uses?: string;
}
interface Workflow {
  on: Record<string, { inputs?: Record<string, { description?: string }> } | null>;
  jobs: Record<string, { steps?: Step[]; uses?: string }>;
}

const dir = path.join(repoRoot, ".github", "workflows");
const workflows = readdirSync(dir)
  .filter((f) => f.endsWith(".yml"))
  .map((f) => [f, parse(readFileSync(path.join(dir, f), "utf8")) as Workflow] as const);

describe.each(workflows)("workflow %s", (_name, wf) => {
  const steps = Object.values(wf.jobs).flatMap((j) => j.steps ?? []);

  it("never splices expressions into run: scripts (inputs go through env:)", () => {
    for (const s of steps) if (s.run) expect(s.run).not.toMatch(/\$\{\{/);
  });

  it("pins every third-party action by commit SHA", () => {
    for (const s of steps.filter((s) => s.uses && !s.uses.startsWith("./"))) {
      expect(s.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    }
  });

  it("describes every workflow_call input", () => {
    for (const [name, input] of Object.entries(wf.on.workflow_call?.inputs ?? {})) {
      expect(input.description, name).toMatch(/\w{3,}/);
    }
  });
});

it("the reusable workflows exist", () => {
  expect(workflows.map(([n]) => n)).toEqual(expect.arrayContaining(["pr-gate.yml", "release.yml"]));
});
