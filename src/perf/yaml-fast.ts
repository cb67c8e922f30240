// The fast path for YAML the gate reads: rendered documents (fastParseDocument) and values, Chart.yaml,
// floe-gate.yaml and schema files (fastParseValues). The reference parser is `yaml` (errors, duplicate keys
// and positions come from its syntax tree), but in a fresh process it parses several times slower than
// js-yaml 4, and those parses were the largest part of the gate's fixed start-up cost (js-yaml 5, used
// before, was itself 2-3x slower than js-yaml 4 here). js-yaml is used only where its value is the same as
// yaml's `doc.toJS()` by construction; anything else returns undefined and the caller parses with yaml:
// - any js-yaml error (a syntax error, a duplicate key, nesting deeper than 100): yaml then reports it;
// - more or fewer than one document, or a document that is not a mapping;
// - anchors, aliases and explicit tags (yaml and js-yaml differ on unknown tags and alias limits);
// - a key that is not a string (`1:`, `true:`, `~:`, `[a]:`, an empty key, any `?` explicit key): the two
//   turn such keys into object keys differently; a `__proto__` key; a `%` directive;
// - a `<<` plain scalar (YAML 1.1 merges such keys).
// Every plain scalar is resolved by yaml's own tags for the file's version (the same test, the same resolve
// function, in yaml's order): YAML 1.2 core for rendered documents (as `parseAllDocuments` reads them),
// YAML 1.1 for values (as helm reads them), and the version floe-helm's own files declare.
// js-yaml reports each node it reads to a listener (its `listener` option): that is where anchors, tags
// and non-string keys are seen (a key is the node its line continues with `:` after).
// tests/yaml/fast.test.ts holds the proof: over the whole YAML test suite (as 1.2 and as 1.1), every
// rendered output and every values file of the test charts, each text is refused here or equal to yaml's.
import { FAILSAFE_SCHEMA, load, type Schema, type State, Type } from "js-yaml";
import { Document, isScalar, type ScalarTag, type Tags } from "yaml";
import { perfOn } from "./switches.js";

/** Why a text left the fast path (thrown inside js-yaml's load, caught below). */
class Refused extends Error {}

const refuse = (why: string): never => {
  throw new Refused(`fast path refused: ${why}`);
};

/** The tag js-yaml gives a plain scalar that yaml's tags resolve to something other than a string. */
const RESOLVED_TAG = "tag:floe-helm.dev,2026:yaml-resolved";

export interface FastDocument {
  /** The document's value, as yaml's `doc.toJS()` would give it. */
  value: Record<string, unknown>;
  /** Offset in the text where the mapping starts (yaml's `doc.contents.range[0]`). */
  start: number;
}

/** What `customTags` the caller gives yaml; the same function must be given here. */
export type CustomTags = (tags: Tags) => Tags;

/** The one mapping document in `text` when the fast path gives exactly yaml's value (YAML 1.2 core, as
 * `parseAllDocuments` reads rendered output), else undefined. */
export function fastParseDocument(text: string): FastDocument | undefined {
  if (!perfOn("yaml-fast")) return undefined;
  return fastParse(text, yamlResolvedSchema("1.2", undefined));
}

/** A values file, Chart.yaml, floe-gate.yaml or JSON schema as yaml's `parseDocument(text, { version,
 * customTags }).toJS()` gives it, when it is one mapping the fast path reads exactly; else undefined. */
export function fastParseValues(
  text: string,
  version: "1.1" | "1.2",
  customTags?: CustomTags,
): FastDocument | undefined {
  if (!perfOn("yaml-fast")) return undefined;
  return fastParse(text, yamlResolvedSchema(version, customTags));
}

// Built once per (customTags function, version) pair.
const yamlResolved = new Map<CustomTags | undefined, Map<string, Schema>>();

/** A js-yaml schema whose plain scalars resolve through yaml's own tags for `version` + `customTags`:
 * strings, sequences and mappings as js-yaml reads them, every other plain scalar as yaml resolves it. */
function yamlResolvedSchema(version: "1.1" | "1.2", customTags: CustomTags | undefined): Schema {
  const byVersion = yamlResolved.get(customTags) ?? new Map<string, Schema>();
  yamlResolved.set(customTags, byVersion);
  let schema = byVersion.get(version);
  if (schema) return schema;
  const doc = new Document(null, { version, ...(customTags ? { customTags } : {}) });
  const tags = doc.schema.tags.filter(
    (t): t is ScalarTag => t.default === true && !t.collection && t.test !== undefined,
  );
  // js-yaml calls resolve and, when it returns true, construct with the same text: the value is kept between.
  let resolved: unknown;
  const plain = new Type(RESOLVED_TAG, {
    kind: "scalar",
    resolve: (source: string) => {
      if (source === "<<") refuse("a merge key");
      const tag = tags.find((t) => t.test!.test(source));
      if (!tag?.resolve) return false; // a string
      let failed = false;
      const res = tag.resolve(
        source,
        () => {
          failed = true;
        },
        doc.options,
      );
      if (failed) refuse(`yaml could not resolve '${source}'`);
      resolved = isScalar(res) ? res.value : res;
      return true;
    },
    construct: () => resolved,
  });
  schema = FAILSAFE_SCHEMA.extend({ implicit: [plain] });
  byVersion.set(version, schema);
  return schema;
}

// Texts the fast path leaves to yaml before reading them. Over-matching (inside a block scalar, say) only
// sends a text to yaml, so these are written to be simple rather than exact.
// - a `?` explicit key or an empty key (`: x`): a `?` or `:` indicator where a node may start (after the
//   start, a line break, a flow indicator or another indicator);
// - a `%` directive, and a `__proto__` key;
// Then what js-yaml 4 reads without the error the YAML spec (and yaml) gives, as the YAML test suite shows:
// - a tab in a line's indentation (DK95, Y79Y);
// - a comment right after a quoted scalar or a flow collection, with no space before `#` (SU5Z);
// - content on a `---` line (9KBC).
const LEFT_TO_YAML = [
  /(?:^|[\r\n[{,?:-])[ \t]*[?:](?:[ \t\r\n,\]}]|$)/,
  /(?:^|[\r\n])%/,
  /__proto__/,
  /(?:^|[\r\n]) *\t/,
  /["'\]}]#/,
  /(?:^|[\r\n])---[ \t]+[^\s#]/,
];

/** js-yaml's loader state as its listener sees it: the fields read here beside the typed ones. */
type NodeState = State & { depth: number; tag: string | null; anchor: string | null };

/** Offset of the first character at or after `p` that is not white space, a line break or a comment. */
function skipBlank(input: string, p: number): number {
  for (;;) {
    const c = input.charCodeAt(p);
    if (c === 32 || c === 9 || c === 10 || c === 13) p++;
    else if (c === 35 /* # */) {
      while (p < input.length && input.charCodeAt(p) !== 10) p++;
    } else return p;
  }
}

/** For the block scalar whose header is at `header`: whether a line of spaces before its first line with
 * text has more spaces than that line is indented (or the header sets the indentation itself). */
function overIndentedLeadingLines(input: string, header: number): boolean {
  let nl = input.indexOf("\n", header);
  const explicit = /^[|>][+-]?[1-9]|^[|>][1-9]/.test(input.slice(header, header + 3));
  let most = 0;
  while (nl !== -1) {
    let p = nl + 1;
    while (input.charCodeAt(p) === 32) p++;
    const c = input.charCodeAt(p);
    if (c === 10 || c === 13 || p >= input.length) {
      most = Math.max(most, p - nl - 1);
      nl = c === 13 ? input.indexOf("\n", p) : p < input.length ? p : -1;
      continue;
    }
    return most > 0 && (explicit || most > p - nl - 1);
  }
  return most > 0;
}

function fastParse(text: string, schema: Schema): FastDocument | undefined {
  if (LEFT_TO_YAML.some((re) => re.test(text))) return undefined;
  let start = -1;
  let flowRoot = false;
  // Where each open node's text starts, by depth.
  const opened: number[] = [];
  let value: unknown;
  try {
    value = load(text, {
      schema,
      listener(event, s) {
        const state = s as NodeState;
        const input = state.input;
        if (event === "open") {
          const at = skipBlank(input, state.position);
          opened[state.depth] = at;
          if (state.depth === 1 && start === -1) {
            start = at;
            flowRoot = input[at] === "{" || input[at] === "[";
          }
          return;
        }
        if (state.anchor !== null) refuse("an anchor");
        const tag = state.tag;
        if (tag !== null && tag !== "?" && tag !== RESOLVED_TAG) refuse(`an explicit tag (${tag})`);
        const end = state.position;
        // Any node but a string: refused when it is a key, i.e. its line goes on with `:`.
        if (tag === RESOLVED_TAG || state.kind !== "scalar" || typeof state.result !== "string") {
          let p = end;
          while (input.charCodeAt(p) === 32 || input.charCodeAt(p) === 9) p++;
          if (input.charCodeAt(p) === 58 /* : */) refuse("a key that is not a string");
        }
        const from = opened[state.depth] ?? 0;
        const first = input[from];
        // A flow collection or quoted scalar over several lines inside block content: yaml checks the
        // indentation of its lines, js-yaml 4 does not (9C9N, QB6E). JSON-like documents (a flow root) are
        // not concerned: their lines may be indented as they like.
        if (
          !flowRoot &&
          (state.kind === "scalar" ? first === '"' || first === "'" : first === "[" || first === "{") &&
          input.slice(from, end).includes("\n")
        )
          refuse("a flow collection or quoted scalar over several lines");
        // A block scalar's leading lines of spaces may not hold more of them than the first line with text
        // is indented: yaml refuses that, js-yaml 4 does not (S98Z).
        if ((first === "|" || first === ">") && overIndentedLeadingLines(input, from))
          refuse("a block scalar whose leading empty lines are indented more than its text");
      },
    });
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value) || start === -1) return undefined;
  return { value: value as Record<string, unknown>, start };
}
