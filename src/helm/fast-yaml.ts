// The fast path for one document of `helm template` output. The gate's reference YAML parser is `yaml`
// (errors, duplicate keys and positions in src/helm/manifest.ts come from its syntax tree), but in a fresh
// process it parses a rendered chart about four times slower than js-yaml 5, and that parse was the largest
// part of the gate's fixed start-up cost. js-yaml is used only where its value is the same as yaml's
// `doc.toJS()` by construction; anything else returns undefined and the caller parses with yaml:
// - any js-yaml error (a syntax error, a duplicate key, nesting deeper than 100): yaml then reports it;
// - more or fewer than one document, or a document that is not a mapping;
// - anchors, aliases and explicit tags (yaml and js-yaml differ on unknown tags and alias limits);
// - a key that is not a string after YAML 1.2 core resolution (`1:`, `true:`, `null:`, `[a]:`): the two
//   turn such keys into object keys differently;
// Both resolve plain scalars with the YAML 1.2 core schema (yaml's default, js-yaml's CORE_SCHEMA) and
// neither merges `<<` keys. tests/helm/fast-yaml.test.ts holds the proof: over the whole YAML test suite
// and every rendered output of the test charts, each document is either refused here or equal to yaml's.
import {
  CORE_SCHEMA,
  constructFromEvents,
  defineMappingTag,
  EVENT_ALIAS,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  type Event,
  parseEvents,
} from "js-yaml";

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

/** The one mapping document in `text` when the fast path gives exactly yaml's value, else undefined. */
export function fastParseDocument(text: string): FastDocument | undefined {
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
    docs = constructFromEvents(events, { source: text, schema: SCHEMA, maxAliases: 0 });
  } catch {
    return undefined;
  }
  const value = docs[0];
  if (docs.length !== 1 || value === null || typeof value !== "object" || Array.isArray(value))
    return undefined;
  return { value: value as Record<string, unknown>, start };
}
