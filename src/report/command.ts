// `floe-helm report`: merges every phase's results into one verdict, and in Actions the job summary.
// It runs even when earlier phases failed, so their findings are never lost.
import { type Command, Option } from "commander";
import type { Bind } from "../cli/options.js";
import { withCommonOptions } from "../cli/options.js";
import { describeError, ExitCode, UserError } from "../core/errors.js";
import { coverageMatrix, coverageTerminal } from "./coverage.js";
import { readAllResults } from "./results.js";
import { verdictLine } from "./terminal.js";

export function registerReport(program: Command, bind: Bind): void {
  withCommonOptions(
    program
      .command("report")
      .description("merge the results of every phase in --work-dir; write the job summary in GitHub Actions")
      .option("--summary <file>", "also write the Markdown summary to this file")
      .addOption(
        new Option(
          "--config <file>",
          "gate configuration whose requirements: the coverage matrix lists (default: ./floe-gate.yaml when present)",
        ),
      ),
  ).action(
    bind<{ summary?: string }>(async ({ inputs, io, flags }) => {
      const all = await readAllResults(inputs.workDir);
      // The Actions toolkit (and its HTTP client) loads only for the commands that use it.
      const { setOutputs, summaryMarkdown, writeJobSummary } = await import("./github.js");
      // The report runs even after the gate failed on a bad floe-gate.yaml: the matrix then lists only what
      // the results files name, and says why.
      let requirements: Record<string, string[]> = {};
      try {
        const { resolveConfig } = await import(/* webpackMode: "eager" */ "../plan/config.js");
        requirements = (await resolveConfig(inputs, io.cwd)).requirements;
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        io.err(`floe-helm: warning: coverage without floe-gate.yaml requirements: ${describeError(e)}`);
      }
      const coverage = coverageMatrix(all, requirements);
      const md = summaryMarkdown(all, coverage);
      if (inputs.githubActions) {
        setOutputs({ "results-dir": inputs.workDir });
        if (io.env.GITHUB_STEP_SUMMARY) await writeJobSummary(md);
      }
      if (flags.summary) {
        const { writeFile } = await import("node:fs/promises");
        await writeFile(flags.summary, md);
      }
      if (all.length === 0) {
        io.err(`floe-helm: error: no results in ${inputs.workDir}: run a phase first (e.g. floe-helm gate)`);
        return ExitCode.BadInput;
      }
      for (const r of all) {
        const ms = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
        io.out(verdictLine(r, Number.isFinite(ms) ? ms : 0));
      }
      for (const l of coverageTerminal(coverage)) io.out(l);
      if (all.some((r) => r.status === "error")) return ExitCode.BadInput;
      return all.some((r) => r.status === "fail") ? ExitCode.GateFailed : ExitCode.Pass;
    }),
  );
}
