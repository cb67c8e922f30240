// floe-gate.yaml `requirements:` (both forms) and `coverage:` as resolveConfig reads them from a real file:
// what each form gives the coverage matrix, and every bad entry as one usage error at its file:line:col.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import schema from "../../schemas/floe-gate.schema.json" with { type: "json" };
import { buildInputs } from "../../src/config/inputs.js";
import { describeError, UserError } from "../../src/core/errors.js";
import { resolveConfig } from "../../src/plan/config.js";
import { createAjv } from "../../src/values/ajv.js";
import { tempDir } from "../helpers/tmp.js";

async function load(yaml: string) {
  const cwd = tempDir("floe-requirements-");
  await writeFile(path.join(cwd, "floe-gate.yaml"), yaml);
  return resolveConfig(buildInputs({}, {}, cwd), cwd);
}

async function errorOf(yaml: string): Promise<string> {
  try {
    await load(yaml);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return describeError(e);
  }
  throw new Error("expected a usage error");
}

describe("requirements: both forms", () => {
  it.each<[string, string, Record<string, unknown>, Record<string, string[]>, string[]]>([
    ["no requirements: nothing declared, failOn P0", "helm: 4\n", {}, {}, ["P0"]],
    [
      "the list form: patterns only, no title or priority",
      "requirements:\n  R-1: [lint, policy/*]\n  R-2: []\n",
      {
        "R-1": { covers: ["lint", "policy/*"], at: { file: "floe-gate.yaml", line: 2, col: 3 } },
        "R-2": { covers: [], at: { file: "floe-gate.yaml", line: 3, col: 3 } },
      },
      { "R-1": ["lint", "policy/*"], "R-2": [] },
      ["P0"],
    ],
    [
      "the rich form, block style; covers defaults to [] (only checks naming it)",
      "requirements:\n  T020:\n    title: '  Platform install test '\n    priority: P0\n    covers: [install, 'helm-test*floe-platform/*']\n  E2E-003:\n    title: Table discovery\n    priority: P2\n",
      {
        T020: {
          title: "Platform install test",
          priority: "P0",
          covers: ["install", "helm-test*floe-platform/*"],
          at: { file: "floe-gate.yaml", line: 2, col: 3 },
        },
        "E2E-003": {
          title: "Table discovery",
          priority: "P2",
          covers: [],
          at: { file: "floe-gate.yaml", line: 6, col: 3 },
        },
      },
      { T020: ["install", "helm-test*floe-platform/*"], "E2E-003": [] },
      ["P0"],
    ],
    [
      "both forms mixed, coverage.failOn set",
      "coverage: { failOn: [P1, P0, P1] }\nrequirements:\n  A: { title: a, priority: P1, covers: [kubesec] }\n  B: [lint]\n",
      {
        A: {
          title: "a",
          priority: "P1",
          covers: ["kubesec"],
          at: { file: "floe-gate.yaml", line: 3, col: 3 },
        },
        B: { covers: ["lint"], at: { file: "floe-gate.yaml", line: 4, col: 3 } },
      },
      { A: ["kubesec"], B: ["lint"] },
      ["P1", "P0"],
    ],
    ["failOn: [] never fails", "coverage:\n  failOn: []\n", {}, {}, []],
  ])("%s", async (_name, yaml, requirements, patterns, failOn) => {
    const c = await load(yaml);
    expect(c.coverage.requirements).toEqual(requirements);
    // What the gate and upgrade-check fill a check's covers from (src/policy/apply.ts).
    expect(c.requirements).toEqual(patterns);
    expect(c.coverage.failOn).toEqual(failOn);
  });

  it("integrations: the graph's edges, each with its requirements and its place", async () => {
    const c = await load(
      "requirements:\n  INT-001: { title: a, priority: P1 }\n  T116: [e2e*]\nintegrations:\n  - { from: ' Dagster', to: PostgreSQL, requirements: [INT-001] }\n  - from: Dagster\n    to: K8s Jobs\n    requirements: [T116, INT-001]\n",
    );
    expect(c.coverage.integrations).toEqual([
      {
        from: "Dagster",
        to: "PostgreSQL",
        requirements: ["INT-001"],
        at: { file: "floe-gate.yaml", line: 5, col: 5 },
      },
      {
        from: "Dagster",
        to: "K8s Jobs",
        requirements: ["T116", "INT-001"],
        at: { file: "floe-gate.yaml", line: 6, col: 5 },
      },
    ]);
  });

  it("with no floe-gate.yaml: no requirement, failOn P0", async () => {
    const cwd = tempDir("floe-requirements-none-");
    const c = await resolveConfig(buildInputs({}, {}, cwd), cwd);
    expect(c.coverage).toEqual({ requirements: {}, failOn: ["P0"] });
  });
});

describe("requirements: every bad entry is one error at its file:line:col", () => {
  it.each<[string, string, string]>([
    [
      "unknown priority",
      "requirements:\n  T018:\n    title: lint\n    priority: P9\n",
      'floe-gate.yaml:4:5: requirements.T018.priority: unknown priority "P9" (one of P0, P1, P2, P3)',
    ],
    [
      "priority as a number",
      "requirements:\n  T018: { title: lint, priority: 0 }\n",
      "floe-gate.yaml:2:24: requirements.T018.priority: unknown priority 0 (one of P0, P1, P2, P3)",
    ],
    [
      "empty title",
      "requirements:\n  T018:\n    title: ''\n    priority: P0\n",
      "floe-gate.yaml:3:5: requirements.T018.title: empty title (say what the requirement is, shown in the report)",
    ],
    [
      "a title of blanks",
      "requirements:\n  T018: { title: '   ', priority: P0 }\n",
      "floe-gate.yaml:2:11: requirements.T018.title: empty title (say what the requirement is, shown in the report)",
    ],
    [
      "title missing",
      "requirements:\n  T018: { priority: P0, covers: [lint] }\n",
      "floe-gate.yaml:2:3: requirements.T018: title is missing (what the requirement says, shown in the report)",
    ],
    [
      "priority missing",
      "requirements:\n  T018: { title: lint }\n",
      "floe-gate.yaml:2:3: requirements.T018: priority is missing (one of P0, P1, P2, P3)",
    ],
    [
      "a misspelt key",
      "requirements:\n  T018:\n    title: lint\n    priority: P0\n    cover: [lint]\n",
      "floe-gate.yaml:5:5: requirements.T018: unknown key 'cover' (a requirement has title, priority, covers)",
    ],
    [
      "covers not a list",
      "requirements:\n  T018: { title: lint, priority: P0, covers: lint }\n",
      "floe-gate.yaml:2:38: requirements.T018.covers: expected a list of rule or check patterns, e.g. [lint, policy/*]",
    ],
    [
      "an empty pattern in the list form",
      "requirements:\n  T018: [lint, '']\n",
      'floe-gate.yaml:2:16: requirements.T018[1]: expected a rule or check pattern (a non-empty string), got ""',
    ],
    [
      "a requirement with nothing",
      "requirements:\n  T018:\n",
      "floe-gate.yaml:2:3: requirements.T018: expected a list of patterns ([lint, render]) or { title, priority, covers }, got nothing",
    ],
    [
      "unknown priority in failOn",
      "coverage:\n  failOn: [P0, high]\n",
      'floe-gate.yaml:2:16: coverage.failOn[1]: unknown priority "high" (one of P0, P1, P2, P3)',
    ],
    [
      "failOn not a list",
      "coverage:\n  failOn: P0\n",
      "floe-gate.yaml:2:3: coverage.failOn: expected a list of priorities, e.g. [P0] ([] never fails)",
    ],
    [
      "an integration point naming an undeclared requirement",
      "requirements:\n  INT-001: { title: a, priority: P1 }\nintegrations:\n  - { from: Dagster, to: PostgreSQL, requirements: [INT-001, INT-099] }\n",
      'floe-gate.yaml:4:62: integrations[0].requirements[1]: INT-099 is not declared under requirements: (declare it with its title and priority, e.g. INT-099: { title: "Dagster -> PostgreSQL", priority: P1 })',
    ],
    [
      "an integration point without its target (the schema's error)",
      "requirements:\n  INT-001: { title: a, priority: P1 }\nintegrations:\n  - { from: Dagster, requirements: [INT-001] }\n",
      "floe-gate.yaml:4:5: integrations.0: must have required property 'to'",
    ],
    [
      "an unknown key under coverage (the schema's error)",
      "coverage:\n  failon: [P0]\n",
      "floe-gate.yaml:2:3: unknown key 'failon' at coverage of floe-gate.yaml (see schemas/floe-gate.schema.json)",
    ],
  ])("%s", async (_name, yaml, want) => {
    expect(await errorOf(yaml)).toBe(want);
  });
});

describe("schemas/floe-gate.schema.json alone (what an editor checks) agrees", () => {
  const validate = createAjv().compile(schema);
  it.each<[string, unknown, boolean]>([
    ["the list form", { requirements: { A: ["lint"] } }, true],
    ["the rich form", { requirements: { A: { title: "t", priority: "P1", covers: ["lint"] } } }, true],
    ["the rich form without covers", { requirements: { A: { title: "t", priority: "P0" } } }, true],
    ["coverage.failOn", { coverage: { failOn: ["P0", "P2"] } }, true],
    ["an unknown priority", { requirements: { A: { title: "t", priority: "P9" } } }, false],
    ["an empty title", { requirements: { A: { title: "", priority: "P0" } } }, false],
    ["a title of blanks", { requirements: { A: { title: "  ", priority: "P0" } } }, false],
    ["no title", { requirements: { A: { priority: "P0" } } }, false],
    ["a misspelt key", { requirements: { A: { title: "t", priority: "P0", cover: [] } } }, false],
    ["an unknown failOn priority", { coverage: { failOn: ["high"] } }, false],
    ["an integration point", { integrations: [{ from: "A", to: "B", requirements: ["R"] }] }, true],
    [
      "an integration point proved by nothing",
      { integrations: [{ from: "A", to: "B", requirements: [] }] },
      false,
    ],
    [
      "an integration point with a blank end",
      { integrations: [{ from: " ", to: "B", requirements: ["R"] }] },
      false,
    ],
  ])("%s", (_name, doc, ok) => {
    expect(validate(doc)).toBe(ok);
  });
});
