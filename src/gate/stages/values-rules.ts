// The values stage's two warning rules (src/checks/values-files/): plain-secret over every values file the
// gate reads (each chart's values.yaml and every scenario file, each once), schema-drift per chart between
// values.yaml, values.schema.json and what the templates read. Warnings unless floe-gate.yaml raises them
// (finalize settles their checks then, like every check: settle.ts).
import { findPlainSecrets, secretKindText } from "../../checks/values-files/plain-secret.js";
import { openLevels, undeclaredKeys, unusedProperties } from "../../checks/values-files/schema-drift.js";
import type { CheckStatus, Finding } from "../../core/findings.js";
import type { DocPath } from "../../core/rendered.js";
import type { PlannedChartMeta } from "../../plan/plan.js";
import type { ReadPath } from "../../values/dead.js";
import { type LoadedYaml, parseYamlText } from "../../values/yaml.js";
import { checkStatus, type GateRun, gateRules, type StageResult, stateOf } from "./types.js";

const SECRET_FORMS =
  "keep it in a Secret and reference it (the chart's existingSecret, or an ExternalSecret that External Secrets Operator syncs)";

/** plain-secret over `files` (those not in `seen`, which it extends): one status for the chart. */
export function plainSecretFindings(
  run: GateRun,
  chart: PlannedChartMeta,
  files: readonly LoadedYaml[],
  seen: Set<string>,
): StageResult {
  const t0 = Date.now();
  const id = `plain-secret ${chart.info.name}`;
  const findings: Finding[] = [];
  for (const y of files) {
    if (seen.has(y.file)) continue;
    seen.add(y.file);
    for (const s of findPlainSecrets(y)) {
      const key = s.path.join(".");
      findings.push({
        rule: gateRules.plainSecret,
        severity: "warning",
        message: `${key}: ${secretKindText[s.kind]} where a reference is expected; ${SECRET_FORMS}`,
        ...s.at,
        chart: chart.info.name,
        object: `Value/${y.file}:${key}`,
        check: id,
      });
    }
  }
  const status: CheckStatus = checkStatus(run.config, {
    rule: gateRules.plainSecret,
    id,
    state: stateOf(findings),
    ms: Date.now() - t0,
  });
  return { findings, statuses: [status] };
}

export interface DriftInput {
  /** The parsed values.schema.json (undefined: none, or it does not compile). */
  schema?: unknown;
  schemaText?: string;
  /** Why there is no schema to compare (for the status). */
  noSchema?: string;
  defaults?: LoadedYaml;
  reads: readonly ReadPath[];
}

/** schema-drift of one chart: both ways where its schema is open; a status saying why it did not look. */
export function schemaDriftFindings(run: GateRun, chart: PlannedChartMeta, d: DriftInput): StageResult {
  const t0 = Date.now();
  const id = `schema-drift ${chart.info.name}`;
  const status = (s: Omit<Parameters<typeof checkStatus>[1], "rule" | "id">) =>
    checkStatus(run.config, { rule: gateRules.schemaDrift, id, ...s, ms: Date.now() - t0 });
  if (d.schema === undefined || d.schemaText === undefined || !chart.schemaFile)
    return {
      findings: [],
      statuses: [status({ state: "skip", reason: d.noSchema ?? "the chart has no values.schema.json" })],
    };
  const open = openLevels(d.schema);
  if (!open.length)
    return {
      findings: [],
      statuses: [
        status({
          state: "pass",
          reason:
            "values.schema.json closes every level (additionalProperties: false): values-schema reports undeclared keys",
        }),
      ],
    };
  const schemaFile = chart.schemaFile;
  const valuesFile = d.defaults?.file ?? "values.yaml";
  const base = {
    rule: gateRules.schemaDrift,
    severity: "warning" as const,
    chart: chart.info.name,
    check: id,
  };
  const findings: Finding[] = [];
  for (const u of d.defaults ? undeclaredKeys(d.schema, d.defaults) : []) {
    const key = u.path.join(".");
    findings.push({
      ...base,
      message: `'${key}' is set in values.yaml but values.schema.json does not declare it; the schema is open there (no additionalProperties: false), so helm accepts it unchecked: declare it in the schema, or remove it from values.yaml`,
      ...u.at,
      object: `Value/${valuesFile}:${key}`,
    });
  }
  // values.schema.json parsed for positions only when a finding needs one (most runs find none, and a full
  // parse of a large schema is most of this check's time).
  const schemaText = d.schemaText;
  let parsed: LoadedYaml | undefined;
  const positions = {
    file: schemaFile,
    positionOf: (p: DocPath) => {
      parsed ??= parseYamlText(schemaText, schemaFile);
      return parsed.positionOf(p);
    },
  };
  for (const u of unusedProperties(d.schema, positions, d.defaults?.value ?? {}, d.reads)) {
    const key = u.path.join(".");
    const also = u.alsoAt?.length
      ? ` (a shared definition, also at ${u.alsoAt.map((p) => `'${p.join(".")}'`).join(", ")})`
      : "";
    findings.push({
      ...base,
      message: `'${key}' is declared in values.schema.json${also} but values.yaml does not set it and no template reads it (.Values.${key} or a map above it): remove it from the schema, or use it`,
      ...u.at,
      object: `SchemaProperty/${schemaFile}:${key}`,
    });
  }
  return { findings, statuses: [status({ state: stateOf(findings) })] };
}
