// `floe-helm upgrade-check`: static upgrade safety between a base revision and this change (src/upgrade).
import { type Command, Option } from "commander";
import type { Bind } from "../cli/commands.js";
import { withCommonOptions } from "../cli/main.js";
import { runPhase } from "../report/phase.js";

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function registerUpgradeCheck(program: Command, bind: Bind): void {
  withCommonOptions(
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
      )
      .addOption(new Option("--config <file>", "gate configuration (default: ./floe-gate.yaml when present)"))
      .addOption(
        new Option("--chart <dir>", "check this chart (repeatable; default: the gate's charts)").argParser(
          collect,
        ),
      )
      .addOption(
        new Option(
          "--values <file>",
          "one scenario of these values files for every chart (repeatable)",
        ).argParser(collect),
      )
      .addOption(new Option("--helm <majors>", "helm majors: 3, 4 or both (default: config, else both)"))
      .addOption(new Option("--kube-version <X.Y>", "Kubernetes version to render for"))
      .addOption(new Option("--results <file>", "also write the results JSON here")),
  ).action(
    bind(async ({ inputs, io }) =>
      runPhase(
        "upgrade-check",
        inputs,
        async (ctx) =>
          (await import(/* webpackMode: "eager" */ "./run.js")).runUpgradeCheck(ctx, inputs, { cwd: io.cwd }),
        {
          out: io.out,
          err: io.err,
          ...(inputs.resultsFile ? { resultsFile: inputs.resultsFile } : {}),
        },
      ),
    ),
  );
}
