// One place that builds Ajv instances, so every schema in floe-helm is checked the same way. Draft-07 by
// default (what Helm 3 applies; Helm 4 accepts it too); a schema that declares 2019-09 or 2020-12 in
// `$schema` gets the matching Ajv class, as Helm 4's validator would.
import { Ajv, type Options } from "ajv";
import { Ajv2019 } from "ajv/dist/2019.js";
import { Ajv2020 } from "ajv/dist/2020.js";
import formatsModule from "ajv-formats";

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on .default.
type AddFormats = (ajv: Ajv) => Ajv;
const mod = formatsModule as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = mod.default ?? mod;

export function createAjv(opts: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, ...opts });
  addFormats(ajv);
  return ajv;
}

/** An Ajv for the draft a schema declares in `$schema` (draft-07 when it declares none). */
export function createAjvFor(schema: unknown, opts: Options = {}): Ajv {
  const declared = (schema as { $schema?: unknown } | null)?.$schema;
  const o = { allErrors: true, strict: false, ...opts };
  let ajv: Ajv;
  if (typeof declared === "string" && declared.includes("2020-12")) ajv = new Ajv2020(o) as unknown as Ajv;
  else if (typeof declared === "string" && declared.includes("2019-09"))
    ajv = new Ajv2019(o) as unknown as Ajv;
  else ajv = new Ajv(o);
  addFormats(ajv);
  return ajv;
}
