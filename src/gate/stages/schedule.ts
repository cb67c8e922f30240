// Stage 2, schedule helm: helm runs are the long pole, so every `helm template` and `helm lint` of the plan
// is queued as soon as its values files are known to be YAML, before the values checks run. Renders run up
// to one per core at a time while this process checks values and then the rendered objects of each cell as
// its render arrives. A render feeds the checks and kubesec; a lint feeds nothing. So lints have their own
// queue, also one per core, at a lower CPU priority (nice 10): they take the CPU that renders, this process
// and kubesec leave, instead of waiting for a render slot and then competing with them.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { limiter } from "../../exec/limiter.js";
import { type RunResult, runTool } from "../../exec/runner.js";
import { helmLintArgv, helmTemplateArgv } from "../../helm/argv.js";
import { helmRunEnv } from "../../helm/env.js";
import { perfOn } from "../../perf/switches.js";
import type { PlanCell } from "../../plan/types.js";
import { missingDeps, type PreparedCharts, renderDirOf } from "./prepare.js";
import { type GateRun, gateRules } from "./types.js";
import type { ValuesFiles } from "./values-files.js";

/** One helm run of the plan: a cell's render or its lint. */
export interface HelmTask {
  readonly cell: PlanCell;
  readonly kind: "template" | "lint";
}

export interface HelmSchedule {
  /** Every render of the plan, then every lint, in plan order. */
  readonly tasks: readonly HelmTask[];
  /** The task's helm run: the queued one, or queued now. */
  result(task: HelmTask): Promise<RunResult>;
}

export async function scheduleHelm(
  run: GateRun,
  prepared: PreparedCharts,
  values: ValuesFiles,
): Promise<HelmSchedule> {
  const { cwd, plan } = run;
  const tasks: HelmTask[] = [
    ...plan.cells.map((cell) => ({ cell, kind: "template" as const })),
    ...plan.cells.map((cell) => ({ cell, kind: "lint" as const })),
  ];
  const renderSlot = limiter(run.parallelism);
  // Without the lint queue, lints share the renders' slots at normal priority.
  const lintQueue = perfOn("lint-queue");
  const lintSlot = lintQueue ? limiter(run.parallelism) : renderSlot;
  const env = helmRunEnv(process.env);
  const started = new Map<HelmTask, Promise<RunResult>>();
  const result = (t: HelmTask): Promise<RunResult> => {
    let p = started.get(t);
    if (!p) {
      const { scenario: s, helm } = t.cell;
      const args = {
        bin: run.helm.get(helm)!,
        major: helm,
        chartDir: renderDirOf(prepared, s.chart, s.chart.dir),
        valuesFiles: s.valuesFiles,
        kubeVersion: run.config.settings.kubeVersion,
      };
      const argv = t.kind === "template" ? helmTemplateArgv(args) : helmLintArgv(args);
      p =
        t.kind === "template"
          ? renderSlot(() => runTool(argv, { cwd, env }))
          : lintSlot(() => runTool(argv, { cwd, env, lowPriority: lintQueue }));
      // Queued early, awaited later by its cell: a failure to start is reported there, not as unhandled.
      p.catch(() => {});
      started.set(t, p);
    }
    return p;
  };
  const prefetchable = async (t: HelmTask): Promise<boolean> => {
    const s = t.cell.scenario;
    if (missingDeps(prepared, s)) return false;
    for (const f of s.valuesFiles) {
      const abs = path.resolve(cwd, f);
      // Large files are left to the values stage (it reports them); so are files that are not YAML.
      if (!existsSync(abs) || statSync(abs).size > 1024 * 1024) return false;
      if ((await values.load(f)).problems.some((p) => p.rule === gateRules.yamlParse)) return false;
    }
    return true;
  };
  if (perfOn("helm-prefetch")) for (const t of tasks) if (await prefetchable(t)) void result(t);
  return { tasks, result };
}
