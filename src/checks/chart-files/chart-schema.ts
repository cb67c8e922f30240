// chart-schema: Chart.yaml against the fields chart-testing's `ct lint` requires (schemas/chart.schema.json:
// name, home, version as SemVer 2, apiVersion, description; maintainers with a name; no unknown field), every
// problem at the line and column of the offending key or value. helm lint checks less (a version "v1.0" or a
// Chart.yaml without a description passes it); ct users expect these.
import type { ValidateFunction } from "ajv";
import schema from "../../../schemas/chart.schema.json" with { type: "json" };
import type { SourcePosition } from "../../core/rendered.js";
import { cacheableCode, compileCached } from "../../perf/validator-cache.js";
import { createAjvFor } from "../../values/ajv.js";
import { problemAt } from "../../values/schema.js";
import { parseYamlText } from "../../values/yaml.js";

export interface ChartSchemaProblem {
  message: string;
  at: SourcePosition;
}

let validator: ValidateFunction | undefined;

/** The problems of one Chart.yaml's text (`file` is how findings name it). YAML faults are the gate's
 * yaml-parse rule's: none here. */
export function checkChartYaml(text: string, file: string): ChartSchemaProblem[] {
  const y = parseYamlText(text, file);
  if (y.problems.length || y.value === undefined) return [];
  // Compiled once per machine (the validator cache), not per run: ajv's compile is most of this check.
  validator ??= compileCached([JSON.stringify(schema), String(createAjvFor), "verbose"], () => {
    const ajv = createAjvFor(schema, { verbose: true, code: { ...cacheableCode } });
    return { ajv, validate: ajv.compile(schema) };
  });
  if (validator(y.value)) return [];
  const seen = new Set<string>();
  const out: ChartSchemaProblem[] = [];
  for (const e of validator.errors ?? []) {
    const p = problemAt(e, y.value, [y]);
    // A pattern says what it wants in words (the schema's description), not as a regular expression.
    const want =
      e.keyword === "pattern" ? (e.parentSchema as { description?: string })?.description : undefined;
    const field = e.instancePath.slice(1).replaceAll("/", ".");
    p.message = want
      ? `${field}: must be ${want}, got ${JSON.stringify(e.data)}`
      : p.message.replace(/^values: /, "Chart.yaml: ");
    const key = `${p.at.line}:${p.at.col}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ message: p.message, at: p.at });
  }
  return out;
}
