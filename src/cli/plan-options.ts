// The options that choose what a phase covers (the gate's plan: charts x scenarios x helm majors), shared by
// gate, upgrade-check and test so the three read and document them the same way.
import { type Command, Option } from "commander";

/** commander argParser of a repeatable option: every value, in order. */
export const collect = (v: string, prev: string[] = []) => [...prev, v];

/** --config, --chart, --values, --helm; `verb` says what the phase does to a chart ("check", "test"). */
export function withPlanOptions(cmd: Command, verb: string): Command {
  return cmd
    .addOption(new Option("--config <file>", "gate configuration (default: ./floe-gate.yaml when present)"))
    .addOption(
      new Option(
        "--chart <dir>",
        `${verb} this chart (repeatable; default: the config's charts, else every chart under charts/)`,
      ).argParser(collect),
    )
    .addOption(
      new Option(
        "--scenario <name>",
        "only the scenario of this name in each chart: values-NAME.yaml, ci/NAME-values.yaml or the config's (repeatable; a chart without it is skipped)",
      ).argParser(collect),
    )
    .addOption(
      new Option(
        "--values <[chart=]file>",
        "one scenario of these values files, for every chart or, as CHART_DIR=FILE, for that chart only (repeatable)",
      ).argParser(collect),
    )
    .addOption(new Option("--helm <majors>", "helm majors: 3, 4 or both (default: config, else both)"));
}

/** --results and --kube-version: the static phases (gate, upgrade-check). */
export function withRenderOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option("--results <file>", "also write the results JSON here (schemas/results.schema.json)"),
    )
    .addOption(
      new Option(
        "--kube-version <X.Y>",
        "Kubernetes version to render and check for (default: the pinned kind node's)",
      ),
    );
}
