// `floe-helm gate`: every static check over every chart x scenario x helm major, in seconds.
import type { Command } from "commander";
import type { Bind } from "../cli/options.js";
import { withCommonOptions } from "../cli/options.js";
import { withPlanOptions, withRenderOptions } from "../cli/plan-options.js";
import { runPhase } from "../report/phase.js";

export function registerGate(program: Command, bind: Bind): void {
  withCommonOptions(
    withRenderOptions(
      withPlanOptions(
        program
          .command("gate")
          .description("lint, render and check every chart x scenario x helm major without a cluster"),
        "check",
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
          cwd: io.cwd,
          out: io.out,
          err: io.err,
          ...(inputs.resultsFile ? { resultsFile: inputs.resultsFile } : {}),
        },
      ),
    ),
  );
}
