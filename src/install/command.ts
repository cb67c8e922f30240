// `floe-helm test`: install every chart x scenario x helm major into the cluster of `cluster up` and run
// its helm test pods; results in <work-dir>/test.results.json for the report's coverage matrix.
import { type Command, Option } from "commander";
import type { Bind } from "../cli/options.js";
import { withCommonOptions } from "../cli/options.js";
import { withPlanOptions } from "../cli/plan-options.js";
import { InputError } from "../core/errors.js";
import { runPhase } from "../report/phase.js";
import { durationMs } from "./wait-ticker.js";

export function registerTest(program: Command, bind: Bind): void {
  withCommonOptions(
    withPlanOptions(
      program
        .command("test")
        .description(
          "helm install + helm test of every chart x scenario x helm major on the cluster of `cluster up`",
        )
        .addOption(
          new Option("--provider <name>", "the provider `cluster up` used (default kwok)").env(
            "FLOE_HELM_CLUSTER",
          ),
        )
        .addOption(
          new Option("--kubeconfig <path>", "use this cluster instead of cluster up's").env(
            "FLOE_HELM_KUBECONFIG",
          ),
        )
        .addOption(
          new Option(
            "--timeout <duration>",
            "helm --timeout of each install, test and uninstall, e.g. 300s, 5m (default 300s)",
          ),
        ),
      "test",
    ),
  ).action(
    bind<{ timeout?: string }>(async ({ inputs, io, flags }) => {
      if (flags.timeout !== undefined) {
        try {
          durationMs(flags.timeout);
        } catch (e) {
          throw new InputError(`--timeout: ${(e as Error).message}`);
        }
      }
      return runPhase(
        "test",
        inputs,
        async (ctx) =>
          (await import("./run.js")).runTest(ctx, inputs, {
            cwd: io.cwd,
            ...(flags.timeout !== undefined ? { timeout: flags.timeout } : {}),
          }),
        { out: io.out, err: io.err },
      );
    }),
  );
}
