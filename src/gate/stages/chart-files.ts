// The chart's own files as chart-testing's `ct lint` checks them besides `helm lint`: Chart.yaml against the
// fields ct requires (chart-schema) and the YAML style of Chart.yaml and of every values file the plan uses
// (yaml-style/<yamllint rule>). Once per file, not per cell: a style problem is the file's, whatever renders it.
// Both are warnings unless floe-gate.yaml raises them (`severity: { chart-schema: error, "yaml-style/*":
// error }` is ct's behaviour): a chart that helm accepts keeps passing the gate by default.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkChartYaml } from "../../checks/chart-files/chart-schema.js";
import { lintYamlStyle } from "../../checks/chart-files/yaml-style.js";
import type { CheckStatus, Finding } from "../../core/findings.js";
import { toPosix as posix } from "../../core/paths.js";
import { checkStatus, type GateRun, gateRules, type StageResult, stateOf } from "./types.js";

export async function checkChartFiles(run: GateRun): Promise<StageResult> {
  const findings: Finding[] = [];
  const statuses: CheckStatus[] = [];
  const seen = new Set<string>();
  const charts = [
    ...run.plan.charts.map((c) => ({ info: c.info, files: c.scenarios.flatMap((s) => s.valuesFiles) })),
    ...run.plan.skipped.filter((s) => s.library).map((s) => ({ info: s.info, files: [] as string[] })),
  ];
  for (const { info, files } of charts) {
    const t0 = Date.now();
    const schemaId = `chart-schema ${info.name}`;
    const styleId = `yaml-style ${info.name}`;
    const chartYaml = posix(path.join(info.dir, "Chart.yaml"));
    const read = async (f: string) => readFile(path.resolve(run.cwd, f), "utf8").catch(() => undefined);
    const own: Finding[] = [];
    const text = await read(chartYaml);
    if (text !== undefined)
      for (const p of checkChartYaml(text, chartYaml))
        own.push({
          rule: gateRules.chartSchema,
          severity: "warning",
          message: p.message,
          file: p.at.file,
          line: p.at.line,
          col: p.at.col,
          chart: info.name,
          check: schemaId,
        });
    const schemaDone = Date.now() - t0;
    const style: Finding[] = [];
    const valuesYaml = posix(path.join(info.dir, "values.yaml"));
    for (const f of [chartYaml, valuesYaml, ...files.map(posix)]) {
      if (seen.has(f)) continue;
      seen.add(f);
      const t = f === chartYaml ? text : await read(f);
      if (t === undefined) continue; // a missing values file is the values stage's finding
      for (const p of lintYamlStyle(t))
        style.push({
          rule: `${gateRules.yamlStyle}/${p.rule}`,
          severity: "warning",
          message: `${p.message} (yamllint ${p.rule}, as ct lint runs it)`,
          file: f,
          line: p.line,
          col: p.col,
          chart: info.name,
          check: styleId,
        });
    }
    findings.push(...own, ...style);
    statuses.push(
      checkStatus(run.config, {
        rule: gateRules.chartSchema,
        id: schemaId,
        state: stateOf(own),
        ms: schemaDone,
      }),
      checkStatus(run.config, {
        rule: gateRules.yamlStyle,
        id: styleId,
        state: stateOf(style),
        ms: Date.now() - t0 - schemaDone,
      }),
    );
  }
  return { findings, statuses };
}
