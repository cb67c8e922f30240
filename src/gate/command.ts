// `floe-helm gate`: every static check over every chart x scenario x helm major, in seconds.
import { type Command, Option } from "commander";
import type { Bind } from "../cli/commands.js";
import { withCommonOptions } from "../cli/main.js";
import { runPhase } from "../report/phase.js";

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function registerGate(program: Command, bind: Bind): void {
  withCommonOptions(
    program
      .command("gate")
      .description("lint, render and check every chart x scenario x helm major without a cluster")
      .addOption(new Option("--config <file>", "gate configuration (default: ./floe-gate.yaml when present)"))
      .addOption(
        new Option(
          "--chart <dir>",
          "check this chart (repeatable; default: every chart under charts/)",
        ).argParser(collect),
      )
      .addOption(
        new Option(
          "--values <file>",
          "one scenario of these values files for every chart (repeatable)",
        ).argParser(collect),
      )
      .addOption(new Option("--helm <majors>", "helm majors: 3, 4 or both (default: config, else both)"))
      .addOption(
        new Option("--results <file>", "also write the results JSON here (schemas/results.schema.json)"),
      )
      .addOption(
        new Option(
          "--kube-version <X.Y>",
          "Kubernetes version to check for (default: the pinned kind node's)",
        ),
      ),
  ).action(
    bind(async ({ inputs, io }) =>
      runPhase(
        "gate",
        inputs,
        async (ctx) =>
          (await import(/* webpackMode: "eager" */ "./run.js")).runGate(ctx, inputs, { cwd: io.cwd }),
        {
          out: io.out,
          err: io.err,
          ...(inputs.resultsFile ? { resultsFile: inputs.resultsFile } : {}),
        },
      ),
    ),
  );
}
