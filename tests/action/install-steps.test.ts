// The action's install-test steps (cluster up -> install test -> cluster down -> report) run by a stand-in
// runner, each step's `run:` in bash with its `env:` from action.yml and the inputs substituted: a fast,
// direct check of what these steps do with their inputs (test-scenario, values). The stand-in does not
// evaluate `if:` nor run the other steps: the real runner does that in act.test.ts (nektos/act), and
// action.test.ts specifies each step's `if:`. Real here: bash, dist/, helm, the kwok control plane as
// `cluster: existing` (kind needs Docker; the kind provider is tested in tests/cluster/kind.test.ts).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PhaseResults } from "../../src/report/results.js";
import { clusterDown, clusterUp, type TestCluster } from "../helpers/cluster.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";
import { action } from "./action-yml.js";

const step = (name: string) => {
  const s = action.runs.steps.find((x) => x.name === `floe-helm · ${name}`);
  if (!s) throw new Error(`action.yml has no step 'floe-helm · ${name}'`);
  return s;
};

/** `${{ inputs.a }}` and `${{ inputs.a || inputs.b }}` as the runner evaluates them (defaults applied). */
function substitute(value: string, inputs: Record<string, string>): string {
  const input = (n: string) => inputs[n] ?? action.inputs[n]?.default ?? "";
  return value.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => {
    for (const alt of expr.split("||").map((a) => a.trim())) {
      const m = /^inputs\.([a-z0-9-]+)$/.exec(alt);
      if (!m) throw new Error(`expression not understood by this mock runner: ${expr}`);
      if (input(m[1]!)) return input(m[1]!);
    }
    return "";
  });
}

/** The step outputs a runner reads from GITHUB_OUTPUT: `name=value` or `name<<DELIM`, lines, `DELIM`. */
function outputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (/^[\w-]+=/.test(lines[i]!)) {
      const [k, ...v] = lines[i]!.split("=");
      out[k!] = v.join("=");
    }
  }
  return out;
}

let c: TestCluster | undefined;
let cwd: string;
let runner: string;
beforeAll(async () => {
  c = await clusterUp();
  cwd = tempDir("floe-action-install-");
  runner = tempDir("floe-runner-");
  // The runner creates these files before any step runs.
  for (const f of ["summary.md", "output.txt"]) writeFileSync(path.join(runner, f), "");
  cpSync(path.join(repoRoot, "tests", "fixtures", "cluster", "demo"), path.join(cwd, "charts", "demo"), {
    recursive: true,
  });
  writeFileSync(path.join(cwd, "floe-gate.yaml"), "requirements:\n  T020: [install, helm-test]\n");
}, 300_000);
afterAll(async () => {
  await clusterDown(c);
});

function runStep(name: string, inputs: Record<string, string>) {
  const s = step(name);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_ACTION_PATH: repoRoot,
    RUNNER_TEMP: runner,
    GITHUB_STEP_SUMMARY: path.join(runner, "summary.md"),
    GITHUB_OUTPUT: path.join(runner, "output.txt"),
  };
  for (const [k, v] of Object.entries(s.env ?? {})) env[k] = substitute(v, inputs);
  return spawnSync("bash", ["-e", "-c", s.run!], { cwd, env, encoding: "utf8", timeout: 300_000 });
}

describe("stand-in runner (bash runs each step's script): the action's install-test steps against a real API server", () => {
  it("install, test and report: the coverage matrix shows the install test's requirement", () => {
    const work = path.join(runner, "work");
    const inputs = {
      "install-test": "true",
      cluster: "existing",
      kubeconfig: c!.kubeconfig,
      "tools-dir": toolsDir,
      "work-dir": work,
      charts: "charts/demo",
      "test-values": "",
    };
    for (const name of ["cluster up", "install test", "cluster down", "report"]) {
      const r = runStep(name, inputs);
      expect(r.status, `${name}:\n${r.stdout}\n${r.stderr}`).toBe(0);
    }
    const res = JSON.parse(readFileSync(path.join(work, "test.results.json"), "utf8")) as PhaseResults;
    expect(res.checks.filter((x) => x.rule === "install").map((x) => `${x.id} ${x.state}`)).toEqual([
      "install demo/default helm3 pass",
      "install demo/default helm4 pass",
    ]);
    // The coverage row of the requirement, passed by the install test's checks (not FAIL, not NOT COVERED).
    const summary = readFileSync(path.join(runner, "summary.md"), "utf8");
    expect(summary).toMatch(/^\| `T020` \| ✅ pass [1-9]\d* \| ✅ pass \|$/m);
    // The report step sets the action's results-dir output (GITHUB_OUTPUT's `name<<delimiter` form).
    expect(outputs(readFileSync(path.join(runner, "output.txt"), "utf8"))["results-dir"]).toBe(work);
    // cluster: existing starts nothing, so down leaves the cluster to its owner.
    expect(existsSync(c!.kubeconfig)).toBe(true);
  });

  it("test-scenario, when given, chooses the installed scenario on its own: the gate's values input is not used", () => {
    const base = {
      "install-test": "true",
      cluster: "existing",
      kubeconfig: c!.kubeconfig,
      "tools-dir": toolsDir,
      charts: "charts/demo",
      helm: "4",
      values: "no-such-values.yaml",
    };
    const work = path.join(runner, "work-scenario");
    const chosen = runStep("install test", { ...base, "work-dir": work, "test-scenario": "default" });
    expect(chosen.status, `${chosen.stdout}\n${chosen.stderr}`).toBe(0);
    const res = JSON.parse(readFileSync(path.join(work, "test.results.json"), "utf8")) as PhaseResults;
    expect(res.checks.filter((x) => x.rule === "install").map((x) => `${x.id} ${x.state}`)).toEqual([
      "install demo/default helm4 pass",
    ]);
    // Without test-scenario / test-values the install tests take the values input (here: a missing file).
    const inherited = runStep("install test", { ...base, "work-dir": path.join(runner, "work-inherit") });
    expect(inherited.status).toBe(2);
    // On a runner (GITHUB_ACTIONS=true) the error is an annotation, on stdout where the runner reads it.
    expect(inherited.stdout).toMatch(
      /^::error title=floe-helm::values file not found: no-such-values\.yaml$/m,
    );
  });
});
