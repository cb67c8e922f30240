// The fast path for YAML the gate reads: rendered documents (fastParseDocument) and values, Chart.yaml,
// floe-gate.yaml and schema files (fastParseValues). The reference parser is `yaml` (errors, duplicate keys
// and positions come from its syntax tree), but in a fresh process it parses about four times slower than
// js-yaml 5, and those parses were the largest part of the gate's fixed start-up cost. js-yaml is used only
// where its value is the same as yaml's `doc.toJS()` by construction; anything else returns undefined and
// the caller parses with yaml:
// - any js-yaml error (a syntax error, a duplicate key, nesting deeper than 100): yaml then reports it;
// - more or fewer than one document, or a document that is not a mapping;
// - anchors, aliases and explicit tags (yaml and js-yaml differ on unknown tags and alias limits);
// - a key that is not a string after YAML 1.2 core resolution (`1:`, `true:`, `null:`, `[a]:`): the two
//   turn such keys into object keys differently;
// Rendered documents: both resolve plain scalars with the YAML 1.2 core schema (yaml's default, js-yaml's
// CORE_SCHEMA) and neither merges `<<` keys. Values (YAML 1.1, as helm reads them) and floe-helm's own
// files: every plain scalar is resolved by yaml's own tags for that version (the same test, the same
// resolve function, in yaml's order), and a `<<` scalar is refused (yaml 1.1 merges such keys).
// tests/yaml/fast.test.ts holds the proof: over the whole YAML test suite (as 1.2 and as 1.1), every
// rendered output and every values file of the test charts, each text is refused here or equal to yaml's.
import {
  CORE_SCHEMA,
  constructFromEvents,
  defineMappingTag,
  defineScalarTag,
  EVENT_ALIAS,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  type Event,
  FAILSAFE_SCHEMA,
  NOT_RESOLVED,
  parseEvents,
  type Schema,
} from "js-yaml";
import { Document, isScalar, type ScalarTag, type Tags } from "yaml";

/** A plain-object mapping that refuses (makes the load fail) any key that is not a string. */
const stringKeyMap = defineMappingTag<Record<string, unknown>>("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: () => false,
  addPair: (carrier, key, value) => {
    if (typeof key !== "string") return "not a string key";
    // yaml defines `__proto__` as an own property too; refusing it keeps this path trivially equal.
    if (key === "__proto__") return "__proto__ key";
    carrier[key] = value;
    return "";
  },
  has: (carrier, key) => typeof key === "string" && Object.hasOwn(carrier, key),
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => (typeof key === "string" && Object.hasOwn(carrier, key) ? carrier[key] : null),
});

const SCHEMA = CORE_SCHEMA.withTags(stringKeyMap);

export interface FastDocument {
  /** The document's value, as yaml's `doc.toJS()` would give it. */
  value: Record<string, unknown>;
  /** Offset in the text where the mapping starts (yaml's `doc.contents.range[0]`). */
  start: number;
}

/** Events that may carry an anchor or a tag. */
type NodeEvent = Extract<Event, { tagStart: number }>;

/** The one mapping document in `text` when the fast path gives exactly yaml's value (YAML 1.2 core, as
 * `parseAllDocuments` reads rendered output), else undefined. */
export function fastParseDocument(text: string): FastDocument | undefined {
  return fastParse(text, SCHEMA);
}

/** What `customTags` the caller gives yaml; the same function must be given here. */
export type CustomTags = (tags: Tags) => Tags;

// Built once per (customTags function, version) pair.
const yamlResolved = new Map<CustomTags | undefined, Map<string, Schema>>();

/** A js-yaml schema whose plain scalars resolve through yaml's own tags for `version` + `customTags`. */
function yamlResolvedSchema(version: "1.1" | "1.2", customTags: CustomTags | undefined): Schema {
  const byVersion = yamlResolved.get(customTags) ?? new Map<string, Schema>();
  yamlResolved.set(customTags, byVersion);
  let schema = byVersion.get(version);
  if (schema) return schema;
  const doc = new Document(null, { version, ...(customTags ? { customTags } : {}) });
  const tags = doc.schema.tags.filter(
    (t): t is ScalarTag => t.default === true && !t.collection && t.test !== undefined,
  );
  const refuse = (why: string) => {
    throw new Error(`fast path refused: ${why}`);
  };
  const plain = defineScalarTag<unknown>("tag:floe-helm.dev,2026:yaml-resolved", {
    implicit: true,
    implicitFirstChars: null,
    identify: () => false,
    resolve: (source) => {
      if (source === "<<") refuse("a merge key");
      const tag = tags.find((t) => t.test!.test(source));
      if (!tag?.resolve) return NOT_RESOLVED; // a string
      let failed = false;
      const res = tag.resolve(
        source,
        () => {
          failed = true;
        },
        doc.options,
      );
      if (failed) refuse(`yaml could not resolve '${source}'`);
      return isScalar(res) ? res.value : res;
    },
  });
  schema = FAILSAFE_SCHEMA.withTags(stringKeyMap, plain);
  byVersion.set(version, schema);
  return schema;
}

/** A values file, Chart.yaml, floe-gate.yaml or JSON schema as yaml's `parseDocument(text, { version,
 * customTags }).toJS()` gives it, when it is one mapping the fast path reads exactly; else undefined. */
export function fastParseValues(
  text: string,
  version: "1.1" | "1.2",
  customTags?: CustomTags,
): FastDocument | undefined {
  return fastParse(text, yamlResolvedSchema(version, customTags));
}

function fastParse(text: string, schema: Schema): FastDocument | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  let documents = 0;
  let start = -1;
  for (const e of events) {
    if (e.type === EVENT_DOCUMENT) documents++;
    else if (e.type === EVENT_ALIAS) return undefined;
    else if (e.type === EVENT_MAPPING || e.type === EVENT_SEQUENCE || e.type === EVENT_SCALAR) {
      const n = e as NodeEvent;
      if (n.anchorStart !== -1 || n.tagStart !== -1) return undefined;
      if (start === -1) {
        // The document's root node: it must be a mapping.
        if (e.type !== EVENT_MAPPING) return undefined;
        start = (e as Extract<Event, { type: typeof EVENT_MAPPING }>).start;
      }
    }
  }
  if (documents !== 1 || start === -1) return undefined;
  let docs: unknown[];
  try {
    docs = constructFromEvents(events, { source: text, schema, maxAliases: 0 });
  } catch {
    return undefined;
  }
  const value = docs[0];
  if (docs.length !== 1 || value === null || typeof value !== "object" || Array.isArray(value))
    return undefined;
  return { value: value as Record<string, unknown>, start };
}
