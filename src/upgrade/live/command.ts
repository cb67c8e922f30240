// `floe-helm upgrade`: the live upgrade and rollback of every chart x scenario x helm major on the cluster of
// `cluster up` (./run.ts); results in <work-dir>/upgrade.results.json.
import { type Command, Option } from "commander";
import type { Bind } from "../../cli/options.js";
import { withCommonOptions } from "../../cli/options.js";
import { withPlanOptions } from "../../cli/plan-options.js";
import type { HelmMajor } from "../../config/inputs.js";
import { UserError } from "../../core/errors.js";
import { parseHelmTimeout, withClusterTargetOptions } from "../../install/command.js";
import { parseImageSource } from "../../install/image-source.js";
import { runPhase } from "../../report/phase.js";

export function registerUpgrade(program: Command, bind: Bind): void {
  withCommonOptions(
    withPlanOptions(
      withClusterTargetOptions(
        program
          .command("upgrade")
          .description(
            "install the base of every chart x scenario x helm major on the cluster of `cluster up`, probe its Services, helm upgrade to this change, helm test, helm rollback, helm test",
          )
          .addOption(
            new Option(
              "--base <ref>",
              "git ref of the base revision (default in a pull_request workflow: the merge base with origin/$GITHUB_BASE_REF)",
            ),
          )
          .addOption(
            new Option(
              "--base-chart <dir|tgz>",
              "install this published chart as the base instead of a git ref",
            ),
          )
          .addOption(
            new Option(
              "--base-helm <major>",
              "install the base with this helm major (3 or 4; default: the cell's own), e.g. 3 to upgrade a helm 3 release with helm 4",
            ).env("FLOE_HELM_UPGRADE_BASE_HELM"),
          )
          .addOption(
            new Option(
              "--prober-image <image>",
              "the availability prober's image, with sh and curl (default: the chart's helm test pods' image)",
            ).env("FLOE_HELM_PROBER_IMAGE"),
          ),
        "install, upgrade, test, rollback and uninstall",
      ),
      "upgrade",
    ),
  ).action(
    bind<{
      imagePull?: string;
      imageCache?: string;
      timeout?: string;
      baseHelm?: string;
      proberImage?: string;
    }>(async ({ inputs, io, flags }) => {
      // Bad values are refused before anything runs (exit 2), not inside the phase.
      const images = parseImageSource(flags, io.cwd);
      const timeout = parseHelmTimeout(flags.timeout);
      const baseHelm = parseBaseHelm(flags.baseHelm);
      const proberImage = flags.proberImage?.trim();
      return runPhase(
        "upgrade",
        inputs,
        async (ctx) =>
          (await import("./run.js")).runLiveUpgrade(ctx, inputs, {
            cwd: io.cwd,
            images,
            ...(timeout ? { timeout } : {}),
            ...(baseHelm ? { baseHelm } : {}),
            ...(proberImage ? { proberImage } : {}),
          }),
        { cwd: io.cwd, out: io.out, err: io.err },
      );
    }),
  );
}

export function parseBaseHelm(value: string | undefined): HelmMajor | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (v === "3" || v === "4") return Number(v) as HelmMajor;
  throw new UserError(`--base-helm: expected 3 or 4, got '${value}'`);
}
