// `floe-helm generate`: values files for floe-platform and floe-jobs from floe's platform manifest and data
// products (src/generate/run.ts).
import { type Command, Option } from "commander";
import type { Bind } from "../cli/options.js";
import { withCommonOptions } from "../cli/options.js";
import { runPhase } from "../report/phase.js";

const collect = (v: string, prev: string[] = []) => [...prev, v];

interface GenerateFlags {
  manifest: string;
  product?: string[];
  env?: string[];
  values?: string[];
  set?: string[];
  outputDir: string;
  release: string;
  platformChart: string;
  jobsChart: string;
}

export function registerGenerate(program: Command, bind: Bind): void {
  withCommonOptions(
    program
      .command("generate")
      .description(
        "write floe-platform and floe-jobs values per environment from a floe manifest and data products (validated and rendered first)",
      )
      .requiredOption("--manifest <file>", "floe platform manifest (kind: Manifest)")
      .addOption(
        new Option("--product <file>", "floe data product (kind: FloeSpec); repeat for more").argParser(
          collect,
        ),
      )
      .addOption(
        new Option(
          "--env <name>",
          "environment: dev, test, staging, prod, or a name of the manifest's promotion path (NAME=BASE: the built-in whose defaults it takes); repeat for more",
        ).argParser(collect),
      )
      .addOption(
        new Option(
          "--values <chart=file>",
          "values over the mapped ones for one chart: floe-platform=FILE or floe-jobs=FILE",
        ).argParser(collect),
      )
      .addOption(
        new Option(
          "--set <chart.path=value>",
          "one value for one chart, e.g. floe-jobs.jobDefaults.backoffLimit=1 (highest precedence)",
        ).argParser(collect),
      )
      .requiredOption("--output-dir <dir>", "folder the values files are written to")
      .addOption(
        new Option(
          "--release <name>",
          "floe-platform's release name (the jobs' endpoints derive from it)",
        ).default("floe-platform"),
      )
      .addOption(
        new Option("--platform-chart <dir>", "the floe-platform chart").default("charts/floe-platform"),
      )
      .addOption(new Option("--jobs-chart <dir>", "the floe-jobs chart").default("charts/floe-jobs")),
  ).action(
    bind<GenerateFlags>(async ({ flags, inputs, io }) =>
      runPhase(
        "generate",
        inputs,
        async (ctx) =>
          (await import("./run.js")).runGenerate(ctx, inputs, {
            manifest: flags.manifest,
            products: flags.product ?? [],
            envs: flags.env ?? [],
            values: flags.values ?? [],
            set: flags.set ?? [],
            outputDir: flags.outputDir,
            release: flags.release,
            platformChart: flags.platformChart,
            jobsChart: flags.jobsChart,
            cwd: io.cwd,
          }),
        { cwd: io.cwd, out: io.out, err: io.err },
      ),
    ),
  );
}
