// `floe-helm e2e`: the platform and the data product of floe-gate.yaml `e2e` installed together on the cluster
// of `cluster up`, then the end-to-end checks (./run.ts); results in <work-dir>/e2e.results.json.
import { type Command, Option } from "commander";
import type { Bind } from "../cli/options.js";
import { withCommonOptions } from "../cli/options.js";
import { parseHelmTimeout, withClusterTargetOptions } from "../install/command.js";
import { parseImageSource } from "../install/image-source.js";
import { runPhase } from "../report/phase.js";

export function registerE2e(program: Command, bind: Bind): void {
  withCommonOptions(
    withClusterTargetOptions(
      program
        .command("e2e")
        .description(
          "install the platform and a data product (floe-gate.yaml e2e) into one namespace of the cluster of `cluster up` (helm 4) and run the end-to-end checks",
        )
        .addOption(
          new Option("--config <file>", "gate configuration (default: ./floe-gate.yaml when present)"),
        )
        .addOption(
          new Option(
            "--platform-scenario <name>",
            "install this scenario of the e2e platform's chart instead of floe-gate.yaml's e2e.platform.scenario (e.g. one with upstream images where the node can pull them); its own notRun list applies",
          ).env("FLOE_HELM_E2E_SCENARIO"),
        )
        .addOption(new Option("--keep", "leave both releases and their namespace running after the checks")),
      "install and uninstall",
    ),
  ).action(
    bind<{
      imagePull?: string;
      imageCache?: string;
      timeout?: string;
      keep?: boolean;
      platformScenario?: string;
    }>(async ({ inputs, io, flags }) => {
      // Bad values are refused before anything runs (exit 2), not inside the phase.
      const images = parseImageSource(flags, io.cwd);
      const timeout = parseHelmTimeout(flags.timeout);
      return runPhase(
        "e2e",
        inputs,
        async (ctx) =>
          (await import("./run.js")).runE2e(ctx, inputs, {
            cwd: io.cwd,
            images,
            keep: flags.keep === true,
            ...(flags.platformScenario ? { platformScenario: flags.platformScenario } : {}),
            ...(timeout ? { timeout } : {}),
          }),
        { cwd: io.cwd, out: io.out, err: io.err },
      );
    }),
  );
}
