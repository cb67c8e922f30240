// The ajv/helm agreement corpus: each case is a values schema, the chart's values.yaml and (optionally)
// one override file. tests/values/agreement.test.ts renders a tiny chart per case with the real helm 3
// and helm 4 and asserts that ajv's verdict on the merged values equals both helms' verdicts.
// `helmDiffers` documents the cases where helm 3 and helm 4 themselves disagree.

export interface AgreementCase {
  name: string;
  schema: Record<string, unknown>;
  /** The chart's values.yaml. */
  values: string;
  /** An override values file passed with --values. */
  override?: string;
  /** What helm 4 says (and helm 3 too unless `helm3` says otherwise); ajv must say the same per major. */
  valid: boolean;
  /** Set where helm 3 differs from helm 4 (documented in the README). */
  helm3?: boolean;
}

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "object",
  properties,
  ...extra,
});

export const cases: AgreementCase[] = [
  { name: "string ok", schema: obj({ a: { type: "string" } }), values: "a: hello\n", valid: true },
  { name: "string given integer", schema: obj({ a: { type: "string" } }), values: "a: 5\n", valid: false },
  { name: "integer ok", schema: obj({ a: { type: "integer" } }), values: "a: 5\n", valid: true },
  { name: "integer given float", schema: obj({ a: { type: "integer" } }), values: "a: 5.5\n", valid: false },
  { name: "integer given 5.0", schema: obj({ a: { type: "integer" } }), values: "a: 5.0\n", valid: true },
  { name: "number given integer", schema: obj({ a: { type: "number" } }), values: "a: 5\n", valid: true },
  {
    name: "integer given quoted number",
    schema: obj({ a: { type: "integer" } }),
    values: 'a: "5"\n',
    valid: false,
  },
  { name: "boolean ok", schema: obj({ a: { type: "boolean" } }), values: "a: true\n", valid: true },
  {
    name: "boolean given yes (YAML 1.1)",
    schema: obj({ a: { type: "boolean" } }),
    values: "a: yes\n",
    valid: true,
  },
  {
    name: "string given on (YAML 1.1 bool)",
    schema: obj({ a: { type: "string" } }),
    values: "a: on\n",
    valid: false,
  },
  {
    name: "integer given octal 0755",
    schema: obj({ a: { type: "integer", maximum: 500 } }),
    values: "a: 0755\n",
    valid: true,
  },
  {
    name: "string given date",
    schema: obj({ a: { type: "string" } }),
    values: "a: 2024-01-01\n",
    valid: true,
  },
  {
    name: "required present",
    schema: obj({ a: { type: "string" } }, { required: ["a"] }),
    values: "a: x\n",
    valid: true,
  },
  {
    name: "required missing",
    schema: obj({ a: { type: "string" } }, { required: ["a"] }),
    values: "b: x\n",
    valid: false,
  },
  {
    name: "required default deleted by null override",
    schema: obj({ a: { type: "string" } }, { required: ["a"] }),
    values: "a: x\n",
    override: "a: null\n",
    valid: false,
  },
  {
    name: "null override removes a badly typed default",
    schema: obj({ a: { type: "string" } }),
    values: "a: 5\n",
    override: "a: null\n",
    valid: true,
  },
  {
    name: "null default against string",
    schema: obj({ a: { type: "string" } }),
    values: "a: null\n",
    valid: true,
    helm3: false,
  },
  {
    name: "null default against string, other key overridden",
    schema: obj({ a: { type: "string" }, b: { type: "integer" } }),
    values: "a: null\nb: 1\n",
    override: "b: 2\n",
    valid: true,
    helm3: false,
  },
  {
    name: "null default under required",
    schema: obj({ a: { type: "string" } }, { required: ["a"] }),
    values: "a: ~\n",
    valid: false,
  },
  { name: "enum ok", schema: obj({ a: { enum: ["dev", "prod"] } }), values: "a: dev\n", valid: true },
  { name: "enum bad", schema: obj({ a: { enum: ["dev", "prod"] } }), values: "a: qa\n", valid: false },
  {
    name: "additionalProperties false, extra key",
    schema: obj({ a: { type: "string" } }, { additionalProperties: false }),
    values: "a: x\nb: y\n",
    valid: false,
  },
  {
    name: "additionalProperties false, only known",
    schema: obj({ a: { type: "string" } }, { additionalProperties: false }),
    values: "a: x\n",
    valid: true,
  },
  {
    name: "override adds an unknown nested key",
    schema: obj({ img: obj({ tag: { type: "string" } }, { additionalProperties: false }) }),
    values: "img:\n  tag: '1'\n",
    override: "img:\n  tags: '2'\n",
    valid: false,
  },
  {
    name: "override fixes a bad default",
    schema: obj({ a: { type: "string" } }),
    values: "a: 5\n",
    override: "a: five\n",
    valid: true,
  },
  {
    name: "override breaks a good default",
    schema: obj({ a: { type: "integer", minimum: 1 } }),
    values: "a: 3\n",
    override: "a: 0\n",
    valid: false,
  },
  {
    name: "pattern ok",
    schema: obj({ a: { type: "string", pattern: "^[a-z]+$" } }),
    values: "a: abc\n",
    valid: true,
  },
  {
    name: "pattern bad",
    schema: obj({ a: { type: "string", pattern: "^[a-z]+$" } }),
    values: "a: aBc\n",
    valid: false,
  },
  {
    name: "minLength bad",
    schema: obj({ a: { type: "string", minLength: 3 } }),
    values: "a: ab\n",
    valid: false,
  },
  {
    name: "maximum bad",
    schema: obj({ a: { type: "integer", maximum: 10 } }),
    values: "a: 11\n",
    valid: false,
  },
  {
    name: "exclusiveMinimum (draft-07 number) bad",
    schema: obj({ a: { type: "number", exclusiveMinimum: 0 } }),
    values: "a: 0\n",
    valid: false,
  },
  {
    name: "array items ok",
    schema: obj({ a: { type: "array", items: { type: "string" } } }),
    values: "a: [x, z]\n",
    valid: true,
  },
  {
    name: "array item y is a YAML 1.1 boolean",
    schema: obj({ a: { type: "array", items: { type: "string" } } }),
    values: "a: [x, y]\n",
    valid: false,
  },
  {
    name: "array items bad",
    schema: obj({ a: { type: "array", items: { type: "string" } } }),
    values: "a: [x, 1]\n",
    valid: false,
  },
  {
    name: "minItems bad",
    schema: obj({ a: { type: "array", minItems: 2 } }),
    values: "a: [x]\n",
    valid: false,
  },
  {
    name: "uniqueItems bad",
    schema: obj({ a: { type: "array", uniqueItems: true } }),
    values: "a: [x, x]\n",
    valid: false,
  },
  {
    name: "override replaces a list (not merged)",
    schema: obj({ a: { type: "array", maxItems: 2 } }),
    values: "a: [1, 2]\n",
    override: "a: [3]\n",
    valid: true,
  },
  {
    name: "oneOf exactly one",
    schema: obj({ a: { oneOf: [{ type: "string" }, { type: "integer" }] } }),
    values: "a: 3\n",
    valid: true,
  },
  {
    name: "oneOf none",
    schema: obj({ a: { oneOf: [{ type: "string" }, { type: "integer" }] } }),
    values: "a: [1]\n",
    valid: false,
  },
  {
    name: "anyOf ok",
    schema: obj({ a: { anyOf: [{ type: "string" }, { type: "boolean" }] } }),
    values: "a: false\n",
    valid: true,
  },
  { name: "const bad", schema: obj({ a: { const: "fixed" } }), values: "a: other\n", valid: false },
  {
    name: "$ref to definitions bad",
    schema: obj(
      { a: { $ref: "#/definitions/port" } },
      { definitions: { port: { type: "integer", maximum: 65535 } } },
    ),
    values: "a: 70000\n",
    valid: false,
  },
  {
    name: "if/then bad",
    schema: obj(
      { mode: { type: "string" }, url: { type: "string" } },
      // JSON text: a `then` key in an object literal reads like a thenable to linters.
      JSON.parse('{"if": {"properties": {"mode": {"const": "external"}}}, "then": {"required": ["url"]}}'),
    ),
    values: "mode: external\n",
    valid: false,
  },
  {
    name: "propertyNames bad",
    schema: obj({}, { propertyNames: { pattern: "^[a-z]+$" } }),
    values: "Bad: 1\n",
    valid: false,
  },
  {
    name: "deep nested type error",
    schema: obj({ a: obj({ b: obj({ c: { type: "integer" } }) }) }),
    values: "a:\n  b:\n    c: nope\n",
    valid: false,
  },
  {
    name: "object given string",
    schema: obj({ resources: { type: "object" } }),
    values: "resources: big\n",
    valid: false,
  },
  { name: "empty values file", schema: obj({ a: { type: "string" } }), values: "", valid: true },
  {
    name: "format is not asserted by helm",
    schema: obj({ a: { type: "string", format: "email" } }),
    values: "a: not-an-email\n",
    valid: true,
  },
  {
    name: "2020-12 prefixItems bad",
    schema: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      ...obj({ a: { type: "array", prefixItems: [{ type: "string" }] } }),
    },
    values: "a: [1]\n",
    valid: false,
  },
  {
    name: "2020-12 dependentRequired bad",
    schema: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      ...obj({ a: { type: "string" }, b: { type: "string" } }, { dependentRequired: { a: ["b"] } }),
    },
    values: "a: x\n",
    valid: false,
  },
  {
    name: "big integer ok",
    schema: obj({ a: { type: "integer" } }),
    values: "a: 9007199254740993\n",
    valid: true,
  },
];
