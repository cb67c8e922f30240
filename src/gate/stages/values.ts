// Stage 3, check values: once per file and per chart, before any render is checked. YAML syntax and
// duplicate keys of every values file, values.schema.json per file (and each subchart's own schema, as helm
// validates it: src/values/subcharts.ts), and dead values per scenario. What the cells need later (the
// compiled schemas, each scenario's values files) is part of the result.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CheckStatus, Finding } from "../../core/findings.js";
import type { Scenario, SourcePosition } from "../../core/rendered.js";
import type { PlannedChartMeta } from "../../plan/plan.js";
import { chartReads, deadValues } from "../../values/dead.js";
import { type CompiledSchema, compileValuesSchema, validateFile } from "../../values/schema.js";
import { loadSubcharts, SubchartSchemas } from "../../values/subcharts.js";
import type { LoadedYaml } from "../../values/yaml.js";
import { type PreparedCharts, renderDirOf } from "./prepare.js";
import { checkStatus, type GateRun, gateRules, type StageResult, type StatusOf, stateOf } from "./types.js";
import type { ValuesFiles } from "./values-files.js";
import { plainSecretFindings, schemaDriftFindings } from "./values-rules.js";

/** A chart's values schemas: its own values.schema.json (compiled, or why not) and its subcharts'. */
export interface ChartSchemas {
  readonly compiled?: CompiledSchema;
  readonly subs: SubchartSchemas;
}

export interface CheckedValues extends StageResult {
  readonly schemas: ReadonlyMap<PlannedChartMeta, ChartSchemas>;
  /** Each scenario's values as helm merges them: the chart's values.yaml, then its own files in order. */
  readonly scenarioValues: ReadonlyMap<Scenario, readonly LoadedYaml[]>;
  /** values-schema findings of single files (schemaKey), so the merged check does not repeat them. */
  readonly perFileSchema: ReadonlySet<string>;
}

/** Identifies a values-schema problem by place and wording. */
export const schemaKey = (f: { file?: string; line?: number; col?: number; message: string }): string =>
  `${f.file}:${f.line}:${f.col}:${f.message}`;

export async function checkValues(
  run: GateRun,
  prepared: PreparedCharts,
  values: ValuesFiles,
): Promise<CheckedValues> {
  const schemas = new Map<PlannedChartMeta, ChartSchemas>();
  const scenarioValues = new Map<Scenario, readonly LoadedYaml[]>();
  const perFileSchema = new Set<string>();
  const findings: Finding[] = [];
  const statuses: CheckStatus[] = [];
  // plain-secret reads each values file once, whichever charts use it.
  const secretsSeen = new Set<string>();
  for (const chart of run.plan.charts) {
    const r = await checkChartValues(run, prepared, values, chart, secretsSeen);
    schemas.set(chart, r.schemas);
    for (const [s, v] of r.scenarioValues) scenarioValues.set(s, v);
    for (const k of r.perFileSchema) perFileSchema.add(k);
    findings.push(...r.findings);
    statuses.push(...r.statuses);
  }
  for (const lib of run.plan.skipped.filter((s) => s.library))
    statuses.push(
      checkStatus(run.config, {
        rule: gateRules.schemaDrift,
        id: `schema-drift ${lib.info.name}`,
        state: "skip",
        reason: "a library chart: its helpers read the values of the chart that includes them",
      }),
    );
  return { schemas, scenarioValues, perFileSchema, findings, statuses };
}

interface ChartValues extends StageResult {
  schemas: ChartSchemas;
  scenarioValues: Map<Scenario, readonly LoadedYaml[]>;
  perFileSchema: Set<string>;
}

async function checkChartValues(
  run: GateRun,
  prepared: PreparedCharts,
  values: ValuesFiles,
  chart: PlannedChartMeta,
  secretsSeen: Set<string>,
): Promise<ChartValues> {
  const { cwd, config } = run;
  const load = values.load;
  const findings: Finding[] = [];
  const statuses: CheckStatus[] = [];
  const status = (s: StatusOf) => statuses.push(checkStatus(config, s));
  const perFileSchema = new Set<string>();
  const scenarioValues = new Map<Scenario, readonly LoadedYaml[]>();
  const base = { chart: chart.info.name };
  // The schema's own problems and each values file's, once per file (the cells' merged check skips these).
  const schemaId = `${gateRules.valuesSchema} ${chart.info.name} values`;
  const schemaFinding = (p: { message: string; at: SourcePosition }): Finding => ({
    rule: gateRules.valuesSchema,
    severity: "error",
    message: p.message,
    ...p.at,
    ...base,
    check: schemaId,
  });
  const valuesFile = path.join(chart.info.dir, "values.yaml");
  const defaults = existsSync(path.resolve(cwd, valuesFile)) ? await load(valuesFile) : undefined;
  let compiled: (CompiledSchema & { schema?: unknown }) | undefined;
  let schemaText: string | undefined;
  if (chart.schemaFile) {
    schemaText = await readFile(path.resolve(cwd, chart.schemaFile), "utf8");
    compiled = compileValuesSchema(schemaText, chart.schemaFile);
    if ("problem" in compiled) findings.push(schemaFinding(compiled.problem));
  }
  // The parsed values.schema.json that dead-value reads (none when it does not compile).
  const schema = compiled && !("problem" in compiled) ? compiled.schema : undefined;
  const subs = new SubchartSchemas(
    await loadSubcharts(renderDirOf(prepared, chart.info, chart.abs), cwd, chart.abs),
  );
  for (const p of subs.problems) findings.push(schemaFinding(p));
  const files = [
    ...new Set([...(defaults ? [defaults.file] : []), ...chart.scenarios.flatMap((s) => s.valuesFiles)]),
  ];
  const t0 = Date.now();
  const secrets = plainSecretFindings(run, chart, await Promise.all(files.map((f) => load(f))), secretsSeen);
  findings.push(...secrets.findings);
  statuses.push(...secrets.statuses);
  for (const file of files) {
    const y = await load(file);
    for (const p of y.problems)
      findings.push({
        rule: p.rule,
        severity: "error",
        message: p.message,
        ...p.at,
        ...base,
        check: `${p.rule} ${chart.info.name} values`,
      });
    // A subchart's section is checked only where a scenario with this file enables the subchart.
    const withFile = chart.scenarios.filter((s) => file === defaults?.file || s.valuesFiles.includes(file));
    const subProblems = subs.any
      ? subs.checkFile(
          y,
          await Promise.all(
            withFile.map(async (s) => [
              ...(defaults ? [defaults] : []),
              ...(await Promise.all(s.valuesFiles.map((f) => load(f)))),
            ]),
          ),
        )
      : [];
    if ((compiled && "validate" in compiled) || subProblems.length) {
      const own = compiled && "validate" in compiled ? validateFile(compiled.validate, y) : [];
      for (const p of [...own, ...subProblems]) {
        perFileSchema.add(schemaKey({ ...p.at, message: p.message }));
        findings.push(schemaFinding(p));
      }
    }
  }
  const reads = await chartReads(chart.abs, chart.meta.dependencies, subs.subs);
  const drift = schemaDriftFindings(run, chart, {
    ...(schema !== undefined && schemaText !== undefined ? { schema, schemaText } : {}),
    ...(compiled && "problem" in compiled
      ? { noSchema: "values.schema.json does not compile (values-schema)" }
      : {}),
    ...(defaults ? { defaults } : {}),
    reads: reads.reads,
  });
  findings.push(...drift.findings);
  statuses.push(...drift.statuses);
  for (const s of chart.scenarios) {
    const id = `dead-value ${chart.info.name}/${s.name}`;
    const ys = await Promise.all(s.valuesFiles.map((f) => load(f)));
    scenarioValues.set(s, [...(defaults ? [defaults] : []), ...ys]);
    const deadFindings: Finding[] = [];
    for (const y of ys) {
      for (const d of deadValues(y, reads.reads, schema)) {
        deadFindings.push({
          rule: gateRules.deadValue,
          severity: "error",
          message: `'${d.path.join(".")}' is set but no template of ${chart.info.name} reads it and values.schema.json does not declare it (a misspelt key is silently ignored by helm)`,
          ...d.at,
          ...base,
          scenario: s.name,
          check: id,
        });
      }
    }
    findings.push(...deadFindings);
    status({
      rule: gateRules.deadValue,
      id,
      state: stateOf(deadFindings),
      ...(reads.notes.length ? { reason: reads.notes.join("; ") } : {}),
    });
  }
  const own = (id: string) => findings.filter((f) => f.check === id);
  const parseId = `${gateRules.yamlParse} ${chart.info.name} values`;
  const dupId = `${gateRules.duplicateKey} ${chart.info.name} values`;
  status({ rule: gateRules.yamlParse, id: parseId, state: stateOf(own(parseId)), ms: Date.now() - t0 });
  status({ rule: gateRules.duplicateKey, id: dupId, state: stateOf(own(dupId)) });
  if (chart.schemaFile || subs.any)
    status({ rule: gateRules.valuesSchema, id: schemaId, state: stateOf(own(schemaId)) });
  else
    status({
      rule: gateRules.valuesSchema,
      id: `values-schema ${chart.info.name}`,
      state: "skip",
      reason: "the chart has no values.schema.json",
    });
  return {
    schemas: { ...(compiled ? { compiled } : {}), subs },
    scenarioValues,
    perFileSchema,
    findings,
    statuses,
  };
}
