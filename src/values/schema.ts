// values-schema: the chart's values.schema.json checked with ajv against each values file on its own
// (every error at the file:line of the offending key or value) and against the merged values, which is
// what helm checks (errors there are placed in the file that last set the value).
import type { ErrorObject, ValidateFunction } from "ajv";
import { isObj } from "../core/objects.js";
import { pointerSegments } from "../core/pointer.js";
import type { DocPath, SourcePosition } from "../core/rendered.js";
import { cacheableCode, cachedValidator, storeValidator } from "../perf/validator-cache.js";
import { createAjvFor, draftOf, withCanonicalDraft } from "./ajv.js";
import { type LoadedYaml, parseYamlText } from "./yaml.js";

export interface SchemaProblem {
  message: string;
  at: SourcePosition;
  /** JSON pointer of the value in the values, e.g. `/image/tag`. */
  pointer: string;
  keyword: string;
}

export type CompiledSchema = { validate: ValidateFunction } | { problem: SchemaProblem };

// Keywords about what must be present: a single override file is partial by design, so these are only
// meaningful on the merged values.
export const presenceKeywords = new Set(["required", "dependentRequired", "dependencies", "minProperties"]);

/** Path segments with list indexes as numbers, as the YAML node lookup wants them. */
function docPath(value: unknown, segs: readonly string[]): DocPath {
  const out: Array<string | number> = [];
  let cur: unknown = value;
  for (const s of segs) {
    if (Array.isArray(cur)) {
      out.push(Number(s));
      cur = cur[Number(s)];
    } else {
      out.push(s);
      cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[s] : undefined;
    }
  }
  return out;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function describe(e: ErrorObject, data: unknown): string {
  const where = e.instancePath === "" ? "values" : pointerSegments(e.instancePath).join(".");
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties":
      return `${where}: '${String(p.additionalProperty)}' is not allowed by the schema (no such property)`;
    case "required":
      return `${where}: required property '${String(p.missingProperty)}' is missing`;
    case "type": {
      const v = valueAt(data, pointerSegments(e.instancePath));
      return `${where}: must be ${String(p.type)}, got ${v === null ? "null" : Array.isArray(v) ? "array" : typeof v} ${show(v)}`;
    }
    case "enum":
      return `${where}: must be one of ${show(p.allowedValues)}, got ${show(valueAt(data, pointerSegments(e.instancePath)))}`;
    default:
      return `${where}: ${e.message ?? e.keyword} (schema ${e.schemaPath})`;
  }
}

function valueAt(data: unknown, segs: readonly string[]): unknown {
  let cur = data;
  for (const s of segs)
    cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[s] : undefined;
  return cur;
}

/** Compiles a chart's values.schema.json; a schema that is not JSON or not valid JSON Schema becomes a
 * problem at its own file:line. */
export function compileValuesSchema(text: string, file: string): CompiledSchema & { schema?: unknown } {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (e) {
    const y = parseYamlText(text, file);
    const at = y.problems[0]?.at ?? { file, line: 1, col: 1 };
    return {
      problem: { message: `not valid JSON: ${(e as Error).message}`, at, pointer: "", keyword: "json" },
    };
  }
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) {
    if (typeof schema !== "boolean") {
      return {
        problem: {
          message: "a values schema must be a JSON object (or true/false)",
          at: { file, line: 1, col: 1 },
          pointer: "",
          keyword: "type",
        },
      };
    }
  }
  const draft = draftOf(schema);
  if (typeof draft === "object") {
    const at = parseYamlText(text, file).positionOf(["$schema"]) ?? { file, line: 1, col: 1 };
    return {
      problem: {
        message: `$schema ${draft.unknown} is not a JSON Schema draft helm knows (draft-04, draft-06, draft-07, 2019-09, 2020-12 at json-schema.org): helm 3 and 4 try to download it and fail the render`,
        at,
        pointer: "/$schema",
        keyword: "$schema",
      },
    };
  }
  // Neither helm asserts `format` (the agreement corpus shows it), so ajv treats formats as annotations.
  // optimize:false: ajv's code optimizer costs more (about half the compile time of a large chart schema)
  // than it saves on a few values files.
  const opts = { validateFormats: false, code: { optimize: false, ...cacheableCode } };
  const canonical = withCanonicalDraft(schema);
  // Only a schema that passed the meta-schema check is ever cached: a cache hit skips that check too.
  // The code that picks the draft, the Ajv class and its options is part of what the cached code depends on.
  const identity = [
    draftOf.toString(),
    withCanonicalDraft.toString(),
    createAjvFor.toString(),
    compileValuesSchema.toString(),
    String(draft),
    JSON.stringify(canonical),
  ];
  const cached = cachedValidator(identity);
  if (cached) return { validate: cached, schema: canonical };
  const ajv = createAjvFor(schema, opts);
  schema = canonical;
  if (!ajv.validateSchema(schema as object)) {
    const err = ajv.errors?.[0];
    const positions = parseYamlText(text, file);
    const segs = pointerSegments(err?.instancePath ?? "");
    const at = positions.positionOf(docPath(schema, segs)) ?? { file, line: 1, col: 1 };
    const where = segs.length ? segs.join(".") : "schema";
    return {
      problem: {
        message: `not a valid JSON Schema: ${where} ${err?.message ?? "is invalid"}`,
        at,
        pointer: err?.instancePath ?? "",
        keyword: "schema",
      },
    };
  }
  try {
    const validate = ajv.compile(schema as object);
    storeValidator(identity, { ajv, validate });
    return { validate, schema };
  } catch (e) {
    return {
      problem: {
        message: `cannot compile the schema: ${(e as Error).message}`,
        at: { file, line: 1, col: 1 },
        pointer: "",
        keyword: "schema",
      },
    };
  }
}

/** Helm drops keys set to null when it merges (that is how a values file deletes a default); lists are
 * values, kept whole (unlike src/k8s/schemas.ts withoutNulls, which cleans rendered objects for the API). */
export function withoutNullKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v;
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = withoutNullKeys(x);
    return out;
  }
  return v;
}

/** Merges values the way helm does: maps merge key by key, anything else (lists too) is replaced, and a
 * null removes the key. */
export function mergeValues(base: unknown, over: unknown): unknown {
  if (!isObj(base) || !isObj(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else out[k] = k in out ? mergeValues(out[k], v) : v;
  }
  return out;
}

function errorPath(e: ErrorObject): string[] {
  const segs = pointerSegments(e.instancePath);
  const p = e.params as Record<string, unknown>;
  if (e.keyword === "additionalProperties" && typeof p.additionalProperty === "string") {
    return [...segs, p.additionalProperty];
  }
  return segs;
}

/** Errors of one values file on its own (presence keywords left to the merged check). */
export function validateFile(validate: ValidateFunction, file: LoadedYaml): SchemaProblem[] {
  if (file.value === undefined) return [];
  const data = withoutNullKeys(file.value ?? {});
  if (validate(data)) return [];
  const out: SchemaProblem[] = [];
  for (const e of validate.errors ?? []) {
    if (presenceKeywords.has(e.keyword)) continue;
    out.push(problemAt(e, data, [file]));
  }
  return dedupe(out);
}

/**
 * Errors of the merged values (chart defaults first, then each scenario file), each placed in the last
 * file that set the offending value (or its nearest parent). `files[0]` is the chart's values.yaml.
 * Helm 3 validates a null that the chart's own values.yaml sets (as null); Helm 4 drops it first, as both
 * do for nulls in override files (see the agreement corpus).
 */
export function validateMerged(
  validate: ValidateFunction,
  files: readonly LoadedYaml[],
  major: 3 | 4 = 4,
): SchemaProblem[] {
  const [defaults, ...overrides] = files;
  let merged: unknown = major === 3 ? (defaults?.value ?? {}) : withoutNullKeys(defaults?.value ?? {});
  for (const f of overrides) if (f.value !== undefined) merged = mergeValues(merged, f.value ?? {});
  merged = major === 3 ? merged : withoutNullKeys(merged);
  if (validate(merged)) return [];
  return dedupe((validate.errors ?? []).map((e) => problemAt(e, merged, files)));
}

export function problemAt(e: ErrorObject, data: unknown, files: readonly LoadedYaml[]): SchemaProblem {
  const segs = errorPath(e);
  const message = describe(e, data);
  for (let n = segs.length; n >= 0; n--) {
    const p = docPath(data, segs.slice(0, n));
    for (let i = files.length - 1; i >= 0; i--) {
      const at = files[i]!.positionOf(p);
      if (at && (n > 0 || files[i]!.value !== undefined)) {
        return {
          message,
          at: n === 0 ? { file: files[i]!.file, line: 1, col: 1 } : at,
          pointer: e.instancePath,
          keyword: e.keyword,
        };
      }
    }
  }
  const last = files[files.length - 1];
  return {
    message,
    at: { file: last?.file ?? "values.yaml", line: 1, col: 1 },
    pointer: e.instancePath,
    keyword: e.keyword,
  };
}

function dedupe(ps: SchemaProblem[]): SchemaProblem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.at.file}:${p.at.line}:${p.at.col}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
