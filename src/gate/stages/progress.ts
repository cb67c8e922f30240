// One progress line per scenario, when the last of its cells (render and lint per helm major) is done,
// counting its findings as the verdict counts them: after severity overrides and waivers, each distinct
// finding once.
import type { Finding } from "../../core/findings.js";
import type { Scenario } from "../../core/rendered.js";
import { countsText } from "../../report/findings.js";
import { type CellResult, keptLint, type LintResult, type TemplateResult } from "./cell.js";
import { settle } from "./settle.js";
import type { GateRun } from "./types.js";

interface ScenarioState {
  pending: number;
  started: number;
  /** What the earlier stages found in the scenario's own files. */
  seeds: readonly Finding[];
  templates: TemplateResult[];
  lints: LintResult[];
}

export class ScenarioProgress {
  readonly #scenarios = new Map<Scenario, ScenarioState>();
  #done = 0;

  /** `earlier`: the findings of the stages before the cells (the scenario's own are counted in its line). */
  constructor(
    private readonly run: GateRun,
    earlier: readonly Finding[],
    private readonly progress: (line: string) => void,
  ) {
    for (const c of run.plan.cells) {
      const st = this.#scenarios.get(c.scenario) ?? {
        pending: 0,
        started: Date.now(),
        seeds: earlier.filter(
          (f) =>
            f.chart === c.scenario.chart.name &&
            (f.scenario === c.scenario.name || c.scenario.valuesFiles.includes(f.file ?? "")),
        ),
        templates: [],
        lints: [],
      };
      st.pending += 2;
      this.#scenarios.set(c.scenario, st);
    }
  }

  /** A cell is done: the scenario's line is written once its last cell is. */
  cellDone(r: CellResult): void {
    const s = r.task.cell.scenario;
    const st = this.#scenarios.get(s)!;
    if (r.kind === "template") st.templates.push(r);
    else st.lints.push(r);
    if (--st.pending > 0) return;
    this.#done++;
    const { config, today } = this.run;
    // In plan order, as the verdict takes them.
    const cells = this.run.plan.cells.filter((c) => c.scenario === s);
    const template = (c: (typeof cells)[number]) => st.templates.find((t) => t.task.cell === c);
    const fs = settle(
      [
        ...st.seeds,
        ...cells.flatMap((c) => template(c)?.findings ?? []),
        ...cells.flatMap((c) =>
          keptLint(
            st.lints.find((l) => l.task.cell === c),
            template(c),
          ),
        ),
      ],
      config,
      today,
    );
    const majors = config.helmMajors.map((m) => `helm${m}`).join("+");
    this.progress(
      `gate: [${this.#done}/${this.#scenarios.size}] ${s.chart.name} ${s.name} (${majors}): ${countsText(fs)} in ${((Date.now() - st.started) / 1000).toFixed(1)}s`,
    );
  }
}
