// `floe-helm changed`: the charts a change touches (src/changed/detect.ts), as a JSON matrix on stdout (and
// as step outputs in GitHub Actions), with one line per chart and its reasons on stderr.
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { type Command, Option } from "commander";
import type { Bind } from "../cli/options.js";
import { withCommonOptions } from "../cli/options.js";
import { collect } from "../cli/plan-options.js";
import { ExitCode } from "../core/errors.js";
import type { ChangeSet } from "./detect.js";

interface ChangedFlags {
  base?: string;
  all?: boolean;
  clusterChart?: string[];
  allWhen?: string[];
}

/** Entries of a comma/newline list from the environment (as the action passes its inputs). */
const listOf = (v: string | undefined) =>
  (v ?? "")
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The JSON on stdout and the step outputs: every value one line, usable by fromJSON in a workflow. */
export function changeOutputs(set: ChangeSet): Record<string, string> {
  const cluster = set.charts.filter((c) => c.cluster);
  return {
    any: String(set.charts.length > 0),
    base: set.base?.commit ?? "",
    charts: JSON.stringify(set.charts),
    helm: JSON.stringify(set.helm),
    cluster: JSON.stringify(cluster),
    "cluster-any": String(cluster.length > 0),
    e2e: String(set.e2e),
  };
}

/** stderr: what was compared, then each changed chart with its reasons. */
export function changeLines(set: ChangeSet): string[] {
  const lines = [
    set.base
      ? `changed: ${set.files.length} ${set.files.length === 1 ? "file differs" : "files differ"} from ${set.base.label}`
      : "changed: every chart (--all)",
  ];
  for (const c of set.charts) {
    const tags = [c.library ? "library: gate only" : "", c.cluster ? "" : c.library ? "" : "no cluster jobs"]
      .filter(Boolean)
      .join(", ");
    lines.push(`${c.dir}${tags ? ` (${tags})` : ""}: ${c.reasons.join("; ")}`);
  }
  if (!set.charts.length) lines.push("changed: no chart changed");
  return lines;
}

export function registerChanged(program: Command, bind: Bind): void {
  withCommonOptions(
    program
      .command("changed")
      .description(
        "the charts a change touches against its base (the pull request's merge base), with charts that depend on them: a JSON matrix on stdout",
      )
      .addOption(
        new Option(
          "--base <ref>",
          "git ref to compare with (default in a pull_request workflow: the merge base with origin/$GITHUB_BASE_REF)",
        ).env("FLOE_HELM_CHANGED_BASE"),
      )
      .addOption(new Option("--all", "every chart, without git (a push or a scheduled run)"))
      .addOption(new Option("--config <file>", "gate configuration (default: ./floe-gate.yaml when present)"))
      .addOption(
        new Option(
          "--chart <dir>",
          "only these charts (repeatable; default: the config's charts, else every chart under charts/)",
        ).argParser(collect),
      )
      .addOption(new Option("--helm <majors>", "helm majors: 3, 4 or both (default: config, else both)"))
      .addOption(
        new Option(
          "--cluster-chart <dir>",
          "a chart that asks for cluster jobs (install tests, live upgrade; repeatable; env FLOE_HELM_CLUSTER_CHARTS; default: every application chart)",
        ).argParser(collect),
      )
      .addOption(
        new Option(
          "--all-when <pattern>",
          "a file pattern (`*` matches anything) whose change makes every chart changed (repeatable; env FLOE_HELM_ALL_WHEN)",
        ).argParser(collect),
      ),
  ).action(
    bind<ChangedFlags>(async ({ flags, inputs, io }) => {
      const { detectChanges } = await import("./detect.js");
      const clusterCharts = (
        flags.clusterChart?.length ? flags.clusterChart : listOf(io.env.FLOE_HELM_CLUSTER_CHARTS)
      ).map((c) => path.resolve(io.cwd, c));
      const set = await detectChanges(inputs, {
        cwd: io.cwd,
        ...(flags.base !== undefined && flags.base.trim() !== "" ? { base: flags.base.trim() } : {}),
        all: flags.all === true || io.env.FLOE_HELM_CHANGED_ALL === "true",
        clusterCharts,
        allWhen: flags.allWhen?.length ? flags.allWhen : listOf(io.env.FLOE_HELM_ALL_WHEN),
      });
      for (const l of changeLines(set)) io.err(l);
      const outputs = changeOutputs(set);
      io.out(
        JSON.stringify({
          any: set.charts.length > 0,
          base: outputs.base,
          ...(set.all ? { all: set.all } : {}),
          helm: set.helm,
          charts: set.charts,
          cluster: set.charts.filter((c) => c.cluster),
          e2e: set.e2e,
        }),
      );
      // In Actions: step outputs (one line each, so `name=value` is exact).
      const file = io.env.GITHUB_OUTPUT;
      if (inputs.githubActions && file) {
        await appendFile(
          file,
          Object.entries(outputs)
            .map(([k, v]) => `${k}=${v}\n`)
            .join(""),
        );
      }
      return ExitCode.Pass;
    }),
  );
}
