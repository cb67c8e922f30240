// `floe-helm test`: install every chart x scenario x helm major into the cluster of `cluster up` and run
// its helm test pods; results in <work-dir>/test.results.json for the report's coverage matrix.
import { type Command, Option } from "commander";
import type { Bind } from "../cli/options.js";
import { withCommonOptions } from "../cli/options.js";
import { withPlanOptions } from "../cli/plan-options.js";
import { imageCacheOption } from "../cluster/command.js";
import { parseDuration } from "../core/duration.js";
import { UserError } from "../core/errors.js";
import { runPhase } from "../report/phase.js";
import { parseImageSource } from "./image-source.js";

export function registerTest(program: Command, bind: Bind): void {
  withCommonOptions(
    withPlanOptions(
      withClusterTargetOptions(
        program
          .command("test")
          .description(
            "helm install + helm test of every chart x scenario x helm major on the cluster of `cluster up`",
          ),
        "install, test and uninstall",
      ),
      "test",
    ),
  ).action(
    bind<{ imagePull?: string; imageCache?: string; timeout?: string }>(async ({ inputs, io, flags }) => {
      // Bad values are refused before anything runs (exit 2), not inside the phase.
      const images = parseImageSource(flags, io.cwd);
      const timeout = parseHelmTimeout(flags.timeout);
      return runPhase(
        "test",
        inputs,
        async (ctx) =>
          (await import("./run.js")).runTest(ctx, inputs, {
            cwd: io.cwd,
            images,
            ...(timeout ? { timeout } : {}),
          }),
        { cwd: io.cwd, out: io.out, err: io.err },
      );
    }),
  );
}

/** Where a cluster phase runs and how long helm may take (`floe-helm test`, `floe-helm upgrade`): the cluster
 * of `cluster up` or --kubeconfig, kind's image pulling, helm's --timeout for `steps`. */
export function withClusterTargetOptions(cmd: Command, steps: string): Command {
  return cmd
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
        "--image-pull <mode>",
        "kind: node (default) lets the node pull images that are neither in it nor in local Docker; never (offline) makes such an image an error before any install",
      ).env("FLOE_HELM_IMAGE_PULL"),
    )
    .addOption(imageCacheOption())
    .addOption(
      new Option("--timeout <duration>", `helm's --timeout for each ${steps} (default 300s)`).env(
        "FLOE_HELM_TEST_TIMEOUT",
      ),
    );
}

/** A helm --timeout: a Go duration of whole hours, minutes and seconds (90s, 5m, 1m30s), more than zero.
 * Milliseconds are refused: no install or test is that quick. */
export function parseHelmTimeout(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const ms = parseDuration(v);
  if (ms !== undefined && ms > 0 && !v.endsWith("ms")) return v;
  throw new UserError(`--timeout: expected a duration such as 90s, 5m or 1m30s, got '${value}'`);
}
