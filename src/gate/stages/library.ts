// Library charts (type: library, e.g. charts/floe-common) render nothing on their own, so no cell of the plan
// covers them; their dependents render a vendored copy (charts/<dependent>/charts/*.tgz), which hides a broken
// template in the library's own folder until it is vendored again. `helm lint --strict` on the library folder
// reads every template and Chart.yaml: one lint per library chart and helm major, reported like a cell's lint.
import path from "node:path";
import type { CheckStatus, Finding } from "../../core/findings.js";
import { runTool } from "../../exec/runner.js";
import { helmLintArgv } from "../../helm/argv.js";
import { helmRunEnv } from "../../helm/env.js";
import { parseLintOutput, positionOf } from "../../helm/output.js";
import { checkStatus, type GateRun, gateRules, type StageResult } from "./types.js";

export async function lintLibraries(run: GateRun): Promise<StageResult> {
  const findings: Finding[] = [];
  const statuses: CheckStatus[] = [];
  for (const lib of run.plan.skipped.filter((s) => s.library)) {
    const abs = path.resolve(run.cwd, lib.info.dir);
    for (const major of run.config.helmMajors) {
      const argv = helmLintArgv({
        bin: run.helm.get(major)!,
        major,
        chartDir: lib.info.dir,
        valuesFiles: [],
      });
      const r = await runTool(argv, { cwd: run.cwd, env: helmRunEnv(process.env), lowPriority: true });
      const id = `lint ${lib.info.name} (library) helm${major}`;
      const base = { chart: lib.info.name, helm: major, check: id };
      const ms = parseLintOutput(r.stdout, abs, run.cwd);
      for (const m of ms)
        findings.push({
          rule: gateRules.lint,
          severity: m.severity,
          message: m.message,
          ...positionOf(m),
          ...base,
        });
      if (r.code !== 0 && !ms.length)
        findings.push({
          rule: gateRules.lint,
          severity: "error",
          message: `helm lint failed: ${(r.stderr || r.stdout).trim().split("\n")[0]}`,
          ...base,
        });
      statuses.push(
        checkStatus(run.config, {
          rule: gateRules.lint,
          id,
          state: r.code === 0 ? "pass" : "fail",
          ms: r.durationMs,
        }),
      );
    }
  }
  return { findings, statuses };
}
