// The ajv/helm agreement corpus: each case is a values schema, the chart's values.yaml and (optionally)
// one override file. tests/values/agreement.test.ts renders a tiny chart per case with the real helm 3
// and helm 4 and asserts that ajv's verdict on the merged values equals both helms' verdicts.
// `helmDiffers` documents the cases where helm 3 and helm 4 themselves disagree.

export interface SubchartSpec {
  name: string;
  alias?: string;
  condition?: string;
  tags?: string[];
  /** Its values.schema.json (none when absent). */
  schema?: Record<string, unknown>;
  /** Its own values.yaml. */
  values?: string;
  /** Packed as charts/<name>-0.1.0.tgz instead of a folder. */
  packed?: boolean;
  /** In charts/ but not listed in the parent's Chart.yaml dependencies. */
  unlisted?: boolean;
  subcharts?: SubchartSpec[];
}

export interface AgreementCase {
  name: string;
  /** The chart's values.schema.json (none when absent). */
  schema?: Record<string, unknown>;
  /** Subcharts under charts/, listed in Chart.yaml's dependencies unless `unlisted`. */
  subcharts?: SubchartSpec[];
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

// --- JSON Schema drafts: helm 3.22 and 4.2 validate with the draft `$schema` declares, 2020-12 when none ---
const d4 = "http://json-schema.org/draft-04/schema#";
const d6 = "http://json-schema.org/draft-06/schema#";

const draftCases: AgreementCase[] = [
  {
    name: "draft-04 exclusiveMaximum: true excludes the maximum",
    schema: { $schema: d4, ...obj({ a: { type: "integer", maximum: 10, exclusiveMaximum: true } }) },
    values: "a: 10\n",
    valid: false,
  },
  {
    name: "draft-04 exclusiveMaximum: true, below the maximum",
    schema: { $schema: d4, ...obj({ a: { type: "integer", maximum: 10, exclusiveMaximum: true } }) },
    values: "a: 9\n",
    valid: true,
  },
  {
    name: "draft-04 numeric exclusiveMaximum is an invalid schema",
    schema: { $schema: d4, ...obj({ a: { type: "integer", exclusiveMaximum: 10 } }) },
    values: "a: 9\n",
    valid: false,
  },
  {
    name: "draft-04 id and $ref to definitions",
    schema: {
      $schema: d4,
      id: "http://example.com/values.json",
      ...obj({ a: { $ref: "#/definitions/port" } }, { definitions: { port: { type: "integer" } } }),
    },
    values: "a: http\n",
    valid: false,
  },
  {
    name: "draft-04 has no const (ignored)",
    schema: { $schema: d4, ...obj({ a: { const: "x" } }) },
    values: "a: y\n",
    valid: true,
  },
  {
    name: "draft-04 has no propertyNames (ignored)",
    schema: { $schema: d4, ...obj({}, { propertyNames: { pattern: "^[a-z]+$" } }) },
    values: "Bad: 1\n",
    valid: true,
  },
  {
    name: "draft-04 https URI without # is draft-04 too",
    schema: {
      $schema: "https://json-schema.org/draft-04/schema",
      ...obj({ a: { type: "integer", maximum: 10, exclusiveMaximum: true } }),
    },
    values: "a: 10\n",
    valid: false,
  },
  {
    name: "draft-06 numeric exclusiveMaximum",
    schema: { $schema: d6, ...obj({ a: { type: "integer", exclusiveMaximum: 10 } }) },
    values: "a: 10\n",
    valid: false,
  },
  {
    name: "draft-06 boolean exclusiveMaximum is an invalid schema",
    schema: { $schema: d6, ...obj({ a: { type: "integer", maximum: 10, exclusiveMaximum: true } }) },
    values: "a: 1\n",
    valid: false,
  },
  {
    name: "draft-06 const",
    schema: { $schema: d6, ...obj({ a: { const: "x" } }) },
    values: "a: y\n",
    valid: false,
  },
  {
    name: "draft-06 contains",
    schema: { $schema: d6, ...obj({ a: { type: "array", contains: { type: "string" } } }) },
    values: "a: [1, 2]\n",
    valid: false,
  },
  {
    name: "draft-06 has no if/then (ignored)",
    schema: {
      $schema: d6,
      ...JSON.parse('{"if": {"properties": {"a": {"const": "x"}}}, "then": {"required": ["b"]}}'),
    },
    values: "a: x\n",
    valid: true,
  },
  {
    name: "no $schema means 2020-12: prefixItems applies",
    schema: obj({ a: { type: "array", prefixItems: [{ type: "string" }] } }),
    values: "a: [1]\n",
    valid: false,
  },
  {
    name: "no $schema means 2020-12: items as a list is an invalid schema",
    schema: obj({ a: { type: "array", items: [{ type: "string" }] } }),
    values: "a: [x]\n",
    valid: false,
  },
  {
    name: "draft-07 declared: items as a list checks each position",
    schema: {
      $schema: "http://json-schema.org/draft-07/schema#",
      ...obj({ a: { type: "array", items: [{ type: "string" }] } }),
    },
    values: "a: [1]\n",
    valid: false,
  },
  {
    name: "draft-07 declared: prefixItems is not a keyword (ignored)",
    schema: {
      $schema: "http://json-schema.org/draft-07/schema#",
      ...obj({ a: { type: "array", prefixItems: [{ type: "string" }] } }),
    },
    values: "a: [1]\n",
    valid: true,
  },
  {
    name: "unknown $schema fails the render (helm tries to download it)",
    schema: { $schema: "http://example.com/my-dialect#", ...obj({ a: { type: "string" } }) },
    values: "a: x\n",
    valid: false,
  },
];

// --- subcharts: helm validates each enabled subchart's values against the subchart's own schema ---
const port = obj({ port: { type: "integer" } });

const subchartCases: AgreementCase[] = [
  {
    name: "subchart: parent section breaks the subchart's schema",
    subcharts: [{ name: "sub", schema: port }],
    values: "sub:\n  port: http\n",
    valid: false,
  },
  {
    name: "subchart: parent section fits the subchart's schema",
    subcharts: [{ name: "sub", schema: port }],
    values: "sub:\n  port: 80\n",
    valid: true,
  },
  {
    name: "subchart: override file breaks the subchart's schema",
    subcharts: [{ name: "sub", schema: port, values: "port: 80\n" }],
    values: "{}\n",
    override: "sub:\n  port: [80]\n",
    valid: false,
  },
  {
    name: "subchart: required met by the subchart's own values.yaml",
    subcharts: [{ name: "sub", schema: { ...port, required: ["port"] }, values: "port: 80\n" }],
    values: "{}\n",
    valid: true,
  },
  {
    name: "subchart: its own values.yaml breaks its schema",
    subcharts: [{ name: "sub", schema: port, values: "port: http\n" }],
    values: "{}\n",
    valid: false,
  },
  {
    name: "subchart: null override deletes its default under required",
    subcharts: [{ name: "sub", schema: { ...port, required: ["port"] }, values: "port: 80\n" }],
    values: "{}\n",
    override: "sub:\n  port: null\n",
    valid: false,
  },
  {
    name: "subchart: null override deletes the parent's and the subchart's default",
    subcharts: [{ name: "sub", schema: { ...port, required: ["port"] }, values: "port: 80\n" }],
    values: "sub:\n  port: 81\n",
    override: "sub:\n  port: null\n",
    valid: false,
  },
  {
    name: "subchart: null in the parent's values.yaml deletes its default (helm 3 only)",
    subcharts: [{ name: "sub", schema: { ...port, required: ["port"] }, values: "port: 80\n" }],
    values: "sub:\n  port: null\n",
    valid: true,
    helm3: false,
  },
  {
    name: "subchart: a null in its own values.yaml is dropped",
    subcharts: [
      {
        name: "sub",
        schema: obj({ port: { type: "integer" }, host: { type: "string" } }),
        values: "host: null\n",
      },
    ],
    values: "{}\n",
    valid: true,
  },
  {
    name: "subchart: alias section checked against the subchart's schema",
    subcharts: [{ name: "sub", alias: "cache", schema: port }],
    values: "cache:\n  port: http\n",
    valid: false,
  },
  {
    name: "subchart: alias, the chart name's section is not its values",
    subcharts: [{ name: "sub", alias: "cache", schema: port }],
    values: "sub:\n  port: http\n",
    valid: true,
  },
  {
    name: "subchart: disabled by condition is not validated",
    subcharts: [{ name: "sub", condition: "sub.enabled", schema: port }],
    values: "sub:\n  enabled: false\n  port: http\n",
    valid: true,
  },
  {
    name: "subchart: enabled by its own values.yaml default",
    subcharts: [{ name: "sub", condition: "sub.enabled", schema: port, values: "enabled: true\n" }],
    values: "sub:\n  port: http\n",
    valid: false,
  },
  {
    name: "subchart: disabled by an override file",
    subcharts: [{ name: "sub", condition: "sub.enabled", schema: port, values: "enabled: true\n" }],
    values: "sub:\n  port: http\n",
    override: "sub:\n  enabled: false\n",
    valid: true,
  },
  {
    name: "subchart: condition path that is not set leaves it enabled",
    subcharts: [{ name: "sub", condition: "sub.enabled", schema: port }],
    values: "sub:\n  port: http\n",
    valid: false,
  },
  {
    name: "subchart: disabled by a false tag",
    subcharts: [{ name: "sub", tags: ["db"], schema: port }],
    values: "tags:\n  db: false\nsub:\n  port: http\n",
    valid: true,
  },
  {
    name: "subchart: condition wins over tags",
    subcharts: [{ name: "sub", tags: ["db"], condition: "sub.enabled", schema: port }],
    values: "tags:\n  db: false\nsub:\n  enabled: true\n  port: http\n",
    valid: false,
  },
  {
    name: "subchart: global is always in its values",
    subcharts: [{ name: "sub", schema: { ...port, additionalProperties: false } }],
    values: "sub:\n  port: 80\n",
    valid: false,
  },
  {
    name: "subchart: the parent's globals are validated in the subchart",
    subcharts: [{ name: "sub", schema: obj({ global: obj({ domain: { type: "string" } }) }) }],
    values: "global:\n  domain: 5\n",
    valid: false,
  },
  {
    name: "subchart: packed as a .tgz",
    subcharts: [{ name: "sub", schema: port, packed: true }],
    values: "sub:\n  port: http\n",
    valid: false,
  },
  {
    name: "subchart: in charts/ but not listed in Chart.yaml",
    subcharts: [{ name: "sub", schema: port, unlisted: true }],
    values: "sub:\n  port: http\n",
    valid: false,
  },
  {
    name: "subchart: sub-subchart section, set from the top",
    subcharts: [{ name: "sub", subcharts: [{ name: "inner", schema: port }] }],
    values: "sub:\n  inner:\n    port: http\n",
    valid: false,
  },
  {
    name: "subchart: parent and subchart schemas both met",
    schema: obj({ sub: { type: "object" } }, { additionalProperties: false }),
    subcharts: [{ name: "sub", schema: port }],
    values: "sub:\n  port: 80\n",
    valid: true,
  },
];

cases.push(...draftCases, ...subchartCases);
