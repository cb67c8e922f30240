// One place that builds Ajv instances, so every schema in floe-helm is checked the same way. createAjv()
// is draft-07 (floe-helm's own schemas). createAjvFor() follows what helm 3.22 and 4.2 do with a chart's
// values.schema.json (both validate with santhosh-tekuri/jsonschema; the agreement corpus proves each
// point): the draft a schema declares in `$schema` (04, 06, 07, 2019-09, 2020-12; http or https, with or
// without the trailing `#`), draft 2020-12 when it declares none, and for any other `$schema` helm tries to
// download it and fails, so the caller reports it.
import { Ajv, type Options } from "ajv";
import { Ajv2019 } from "ajv/dist/2019.js";
import { Ajv2020 } from "ajv/dist/2020.js";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };
import draft04Module from "ajv-draft-04";
import formatsModule from "ajv-formats";

// ajv-formats and ajv-draft-04 are CommonJS with a default export; under NodeNext it sits on .default.
type AddFormats = (ajv: Ajv) => Ajv;
const mod = formatsModule as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = mod.default ?? mod;
type AjvClass = new (o: Options) => Ajv;
const d4 = draft04Module as unknown as AjvClass & { default?: AjvClass };
const AjvDraft04: AjvClass = d4.default ?? d4;

export function createAjv(opts: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, ...opts });
  addFormats(ajv);
  return ajv;
}

export type Draft = "draft-04" | "draft-06" | "draft-07" | "2019-09" | "2020-12";

const knownDrafts: ReadonlyArray<[RegExp, Draft]> = [
  [/^https?:\/\/json-schema\.org\/draft-04\/schema#?$/, "draft-04"],
  [/^https?:\/\/json-schema\.org\/draft-06\/schema#?$/, "draft-06"],
  [/^https?:\/\/json-schema\.org\/draft-07\/schema#?$/, "draft-07"],
  [/^https?:\/\/json-schema\.org\/draft\/2019-09\/schema#?$/, "2019-09"],
  [/^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/, "2020-12"],
];

// The meta-schema ids Ajv registers for each draft.
const metaIds: Record<Draft, string> = {
  "draft-04": "http://json-schema.org/draft-04/schema#",
  "draft-06": "http://json-schema.org/draft-06/schema#",
  "draft-07": "http://json-schema.org/draft-07/schema#",
  "2019-09": "https://json-schema.org/draft/2019-09/schema",
  "2020-12": "https://json-schema.org/draft/2020-12/schema",
};

/** The schema with `$schema` spelt as Ajv knows its draft (helm accepts http/https, with or without `#`). */
export function withCanonicalDraft<T>(schema: T): T {
  const d = draftOf(schema);
  const declared = (schema as { $schema?: unknown } | null)?.$schema;
  if (typeof d !== "string" || typeof declared !== "string") return schema;
  return { ...schema, $schema: metaIds[d] };
}

/** The draft helm applies to a values schema; `{ unknown }` for a `$schema` helm cannot resolve offline. */
export function draftOf(schema: unknown): Draft | { unknown: string } {
  const declared = (schema as { $schema?: unknown } | null)?.$schema;
  if (declared === undefined || typeof schema !== "object") return "2020-12";
  if (typeof declared !== "string") return { unknown: JSON.stringify(declared) };
  const hit = knownDrafts.find(([re]) => re.test(declared.trim()));
  return hit ? hit[1] : { unknown: declared };
}

// Keywords that came after a draft (draft-06 added const/contains/propertyNames, draft-07 if/then/else).
const laterKeywords: Partial<Record<Draft, string[]>> = {
  "draft-04": ["const", "contains", "propertyNames", "if", "then", "else"],
  "draft-06": ["if", "then", "else"],
};

/** An Ajv for the draft helm applies to `schema` (see draftOf; an unknown `$schema` gets 2020-12 here,
 * the caller reports it). */
export function createAjvFor(schema: unknown, opts: Options = {}): Ajv {
  const o = { allErrors: true, strict: false, ...opts };
  const draft = draftOf(schema);
  let ajv: Ajv;
  if (draft === "draft-04") ajv = new AjvDraft04(o);
  else if (draft === "draft-06") {
    ajv = new Ajv(o);
    ajv.addMetaSchema(draft06);
  } else if (draft === "draft-07") ajv = new Ajv(o);
  else if (draft === "2019-09") ajv = new Ajv2019(o) as unknown as Ajv;
  else ajv = new Ajv2020(o) as unknown as Ajv;
  // Ajv's draft-04/06 support still applies keywords those drafts do not have; helm ignores them there.
  for (const k of typeof draft === "string" ? (laterKeywords[draft] ?? []) : []) ajv.removeKeyword(k);
  addFormats(ajv);
  return ajv;
}
