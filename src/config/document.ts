// A configuration document (YAML or JSON) checked against its JSON Schema, every problem one usage error at
// the file:line:col of the offending key: shared by floe-gate.yaml and the user's checksums file.
import type { ValidateFunction } from "ajv";
import { UserError } from "../core/errors.js";
import { pointerPath } from "../core/pointer.js";
import type { LoadedYaml } from "../values/yaml.js";

/** Throws the first YAML problem, else the first schema error (an unknown key first: the most common and
 * most precise mistake), at its position in the file. `what` names the document, `schema` its schema file. */
export function assertValidDocument(
  validate: ValidateFunction,
  y: LoadedYaml,
  what: string,
  schema: string,
): void {
  const bad = y.problems[0];
  if (bad) throw new UserError(`${bad.rule}: ${bad.message}`, bad.at);
  if (validate(y.value ?? {})) return;
  const errs = validate.errors ?? [];
  // An unknown or misspelt key first: the most common (and most precise) mistake.
  const e =
    errs.find((x) => x.keyword === "additionalProperties" || x.propertyName !== undefined) ?? errs[0]!;
  const segs = pointerPath(e.instancePath);
  const extra = (e.params as { additionalProperty?: string }).additionalProperty ?? e.propertyName;
  const at = y.positionOf(extra !== undefined ? [...segs, extra] : segs) ?? { file: y.file, line: 1, col: 1 };
  const where = segs.length ? segs.join(".") : "top level";
  const allowed = (e.params as { allowedValues?: unknown }).allowedValues;
  const msg =
    e.keyword === "additionalProperties"
      ? `unknown key '${extra}' at ${where} of ${what} (see ${schema})`
      : e.propertyName !== undefined
        ? `key '${extra}' at ${where} of ${what} ${e.message ?? "is invalid"}${allowed ? ` ${JSON.stringify(allowed)}` : ""} (see ${schema})`
        : `${where}: ${e.message ?? "is invalid"}${e.keyword === "enum" ? ` (${JSON.stringify(allowed)})` : ""}`;
  const more = errs.length > 1 ? ` (+${errs.length - 1} more problem(s))` : "";
  throw new UserError(`${msg}${more}`, at);
}
