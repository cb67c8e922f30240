import { describe, expect, it } from "vitest";
import { decodeText, parseYamlText } from "../../src/values/yaml.js";

describe("parseYamlText (values files, YAML 1.1 like helm)", () => {
  it("keeps positions and reads YAML 1.1 scalars as helm does", () => {
    const r = parseYamlText("a:\n  b: 1\n  c: yes\nd: 0755\nlist:\n  - x\n  - z\n", "v.yaml");
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({ a: { b: 1, c: true }, d: 493, list: ["x", "z"] });
    expect(r.positionOf(["a", "c"])).toEqual({ file: "v.yaml", line: 3, col: 3 });
    expect(r.positionOf(["list", 1])).toEqual({ file: "v.yaml", line: 7, col: 5 });
    expect(r.positionOf(["nope"])).toBeUndefined();
  });

  it.each([
    {
      text: "a:\n  b: 1\n  c: 2\n  b: 3\n",
      rule: "duplicate-key",
      at: { line: 4, col: 3 },
      msg: "key 'a.b' is set twice in this mapping (YAML keeps only the last one)",
    },
    { text: "a: [1, 2\nb: 3\n", rule: "yaml-parse", at: { line: 2, col: 1 }, msg: /^not valid YAML: / },
    { text: "a: 1\n b: 2\n", rule: "yaml-parse", at: { line: 1, col: 4 }, msg: /^not valid YAML: / },
  ])("$rule at $at.line:$at.col", ({ text, rule, at, msg }) => {
    const [p] = parseYamlText(text, "v.yaml").problems;
    expect(p?.rule).toBe(rule);
    expect(p?.at).toEqual({ file: "v.yaml", ...at });
    if (typeof msg === "string") expect(p?.message).toBe(msg);
    else expect(p?.message).toMatch(msg);
  });
});

describe("parseYamlText on large mappings", () => {
  // yaml's own duplicate check is quadratic; the gate's is one walk (src/yaml/unique-keys.ts).
  it.each([5_000, 50_000])("%i keys each written twice: one duplicate-key each, at its second line", (n) => {
    const keys = Array.from({ length: n }, (_, i) => `  k${i}: ${i}`);
    const r = parseYamlText(`m:\n${[...keys, ...keys].join("\n")}\n`, "v.yaml");
    expect(r.problems).toHaveLength(n);
    expect(r.problems[n - 1]).toEqual({
      rule: "duplicate-key",
      message: `key 'm.k${n - 1}' is set twice in this mapping (YAML keeps only the last one)`,
      at: { file: "v.yaml", line: 2 * n + 1, col: 3 },
    });
    expect(r.positionOf(["m", `k${n - 1}`])).toEqual({ file: "v.yaml", line: n + 1, col: 3 });
  });

  it("lists duplicate keys and YAML faults in the order of the file", () => {
    const r = parseYamlText("a: 1\na: 2\nb: [1\nc: 1\n", "v.yaml");
    expect(r.problems.map((p) => `${p.rule}@${p.at.line}`)).toEqual(["duplicate-key@2", "yaml-parse@4"]);
  });
});

describe("decodeText", () => {
  it.each([
    ["plain", Buffer.from("a: 1\n"), undefined],
    ["utf-8 text", Buffer.from("name: café ✓\n"), undefined],
    ["a NUL byte", Buffer.from([0x61, 0x3a, 0x00, 0x62]), 2],
    ["invalid UTF-8", Buffer.concat([Buffer.from("ok: é\n"), Buffer.from([0xff, 0xfe])]), 7],
  ])("%s", (_n, buf, bad) => {
    const r = decodeText(buf);
    if (bad === undefined) expect(r).toEqual({ text: buf.toString("utf8") });
    else expect(r).toEqual({ badByte: bad });
  });
});
