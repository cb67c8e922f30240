// `floe-helm report`: merges every phase's results into one verdict, and in Actions the job summary.
// It runs even when earlier phases failed, so their findings are never lost. The work is in src/cli/report.ts,
// loaded only when this command runs.
import { type Command, Option } from "commander";
import type { Bind } from "../cli/options.js";
import { withCommonOptions } from "../cli/options.js";
import type { ReportFlags } from "../cli/report.js";

export function registerReport(program: Command, bind: Bind): void {
  withCommonOptions(
    program
      .command("report")
      .description("merge the results of every phase in --work-dir; write the job summary in GitHub Actions")
      .option("--summary <file>", "also write the Markdown summary to this file")
      .option(
        "--sarif <file>",
        "also write every finding as SARIF 2.1.0 to this file, for GitHub code scanning (env: FLOE_HELM_SARIF)",
      )
      .option(
        "--coverage-fail-on <priorities>",
        "requirement priorities whose failed or uncovered requirements fail the report, e.g. P0,P1, or none (a matrix job whose coverage only the merged report judges); default: floe-gate.yaml coverage.failOn (env: FLOE_HELM_COVERAGE_FAIL_ON)",
      )
      .option(
        "--merge <dir...>",
        "merge the results of several jobs (each DIR one job's --work-dir) instead of reading --work-dir (env: FLOE_HELM_MERGE, a newline/comma list)",
      )
      .addOption(
        new Option(
          "--config <file>",
          "gate configuration whose requirements: the coverage matrix lists (default: ./floe-gate.yaml when present)",
        ),
      ),
  ).action(
    bind<ReportFlags>(async ({ inputs, io, flags }) =>
      (await import("../cli/report.js")).runReport(inputs, io, flags),
    ),
  );
}
