// `floe-helm upgrade-check`: static upgrade safety between a base revision and this change (src/upgrade).
import { type Command, Option } from "commander";
import type { Bind } from "../cli/options.js";
import { withCommonOptions } from "../cli/options.js";
import { withPlanOptions, withRenderOptions } from "../cli/plan-options.js";
import { runPhase } from "../report/phase.js";

export function registerUpgradeCheck(program: Command, bind: Bind): void {
  withCommonOptions(
    withRenderOptions(
      withPlanOptions(
        program
          .command("upgrade-check")
          .description(
            "render the base revision and this change with the same values and flag what an upgrade breaks (no cluster)",
          )
          .addOption(
            new Option(
              "--base <ref>",
              "git ref of the base revision (default in a pull_request workflow: the merge base with origin/$GITHUB_BASE_REF)",
            ),
          )
          .addOption(
            new Option("--base-chart <dir|tgz>", "compare with this published chart instead of a git ref"),
          ),
        "check",
      ),
    ),
  ).action(
    bind(async ({ inputs, io }) =>
      runPhase(
        "upgrade-check",
        inputs,
        async (ctx) => (await import("./run.js")).runUpgradeCheck(ctx, inputs, { cwd: io.cwd }),
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
