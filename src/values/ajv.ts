// One place that builds Ajv instances (draft-07, what Helm 3 applies; Helm 4 accepts it too), so every
// schema in floe-helm is checked the same way.
import { Ajv, type Options } from "ajv";
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
