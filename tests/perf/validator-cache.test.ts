import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { KubeValidator, loadKubeSchemas } from "../../src/k8s/schemas.js";
import {
  cacheableCode,
  cachedValidator,
  codeCacheStats,
  compileCached,
  pruneValidatorCache,
  UNUSED_DAYS,
  useValidatorCache,
  writeCodeCaches,
} from "../../src/perf/validator-cache.js";
import { createAjv } from "../../src/values/ajv.js";
import { compileValuesSchema, validateFile } from "../../src/values/schema.js";
import { parseYamlText } from "../../src/values/yaml.js";
import { tempDir } from "../helpers/tmp.js";

const fresh = () => tempDir("floe-ajv-cache-");
afterEach(() => useValidatorCache(undefined));

const schema = {
  type: "object",
  properties: {
    name: { type: "string", minLength: 2, pattern: "^[a-z]+$" },
    port: { type: "integer", minimum: 1 },
    tags: { type: "array", uniqueItems: true, items: { enum: ["a", "b", { x: 1 }] } },
    when: { type: "string", format: "date-time" },
  },
  additionalProperties: false,
  required: ["name"],
};
const samples: unknown[] = [
  { name: "ok", port: 80, tags: ["a", { x: 1 }], when: "2026-01-02T03:04:05Z" },
  { name: "x", port: 0, tags: ["a", "a"], when: "yesterday", extra: true },
  { port: "80" },
  "not an object",
];

function counting() {
  let compiles = 0;
  const compile = () => {
    compiles++;
    const ajv = createAjv({ code: { ...cacheableCode } });
    return { ajv, validate: ajv.compile(schema) };
  };
  return { compile, count: () => compiles };
}

const verdicts = (v: ReturnType<typeof compileCached>) =>
  samples.map((s) => (v(s) ? [] : structuredClone(v.errors)));

describe("compiled validators cached on disk as ajv standalone code", () => {
  test("a second run loads the cached code instead of compiling, with identical verdicts and errors", () => {
    const dir = fresh();
    const c = counting();
    const first = compileCached(["test", JSON.stringify(schema)], c.compile, dir);
    const second = compileCached(["test", JSON.stringify(schema)], c.compile, dir);
    expect(c.count()).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith(".cjs"))).toHaveLength(1);
    expect(verdicts(second)).toEqual(verdicts(first));
    // ucs2length, equal, formats and patterns all come from the bundle's own runtime.
    expect(
      verdicts(second)[1]!
        .map((e) => e.keyword)
        .sort(),
    ).toEqual(["additionalProperties", "format", "minimum", "minLength", "uniqueItems"].sort());
  });

  test("V8's code cache of an entry is written once it has run, used by the next load, and bound to its body", () => {
    const dir = fresh();
    const c = counting();
    const first = compileCached(["test", "v8"], c.compile, dir);
    const loaded = cachedValidator(["test", "v8"], dir)!; // from the .cjs, no code cache yet
    expect(verdicts(loaded)).toEqual(verdicts(first));
    writeCodeCaches();
    const [cjs] = readdirSync(dir).filter((f) => f.endsWith(".cjs"));
    const v8 = path.join(dir, `${cjs}.v8`);
    const sum = / ([0-9a-f]{64})\n/.exec(readFileSync(path.join(dir, cjs!), "utf8"))![1]!;
    expect(readFileSync(v8).subarray(0, 65).toString("latin1")).toBe(`${sum}\n`);
    const used = codeCacheStats.used;
    const cached = cachedValidator(["test", "v8"], dir)!;
    expect(codeCacheStats.used).toBe(used + 1);
    expect(verdicts(cached)).toEqual(verdicts(first));
    // A code cache made from another body is never used (V8 itself would run it: it checks only the
    // source's length); the entry then loads from its source and the cache is made again.
    writeFileSync(v8, Buffer.concat([Buffer.from(`${"0".repeat(64)}\n`), readFileSync(v8).subarray(65)]));
    expect(verdicts(cachedValidator(["test", "v8"], dir)!)).toEqual(verdicts(first));
    expect(codeCacheStats.used).toBe(used + 1);
    writeCodeCaches();
    expect(readFileSync(v8).subarray(0, 65).toString("latin1")).toBe(`${sum}\n`);
    expect(verdicts(cachedValidator(["test", "v8"], dir)!)).toEqual(verdicts(first));
    expect(codeCacheStats.used).toBe(used + 2);
    // Garbage after a right header: V8 compiles the source instead; verdicts are the same.
    writeFileSync(v8, `${sum}\ngarbage`);
    expect(verdicts(cachedValidator(["test", "v8"], dir)!)).toEqual(verdicts(first));
  });

  test(`entries no run used for ${UNUSED_DAYS} days are pruned with their code caches; a used one is kept`, () => {
    const dir = fresh();
    const c = counting();
    const daysAgo = (n: number) => (Date.now() - n * 24 * 3600 * 1000) / 1000;
    compileCached(["test", "used"], c.compile, dir);
    const [used] = readdirSync(dir);
    compileCached(["test", "unused"], c.compile, dir);
    const unused = readdirSync(dir).find((f) => f !== used)!;
    for (const f of [used!, unused]) writeFileSync(path.join(dir, `${f}.v8`), "code cache");
    writeFileSync(path.join(dir, "gone.cjs.v8"), "a code cache whose entry is gone");
    writeFileSync(path.join(dir, "a.cjs.123.tmp"), "left by a killed run");
    writeFileSync(path.join(dir, "b.cjs.456.tmp"), "being written now");
    // Everything but the fresh temporary file was written 40 days ago.
    for (const f of readdirSync(dir).filter((f) => f !== "b.cjs.456.tmp"))
      utimesSync(path.join(dir, f), daysAgo(40), daysAgo(40));
    // This run uses one entry: loading it marks it as used.
    expect(cachedValidator(["test", "used"], dir)).toBeDefined();
    expect(Date.now() - statSync(path.join(dir, used!)).mtimeMs).toBeLessThan(60_000);
    expect(pruneValidatorCache(dir).sort()).toEqual(
      [unused, `${unused}.v8`, "a.cjs.123.tmp", "gone.cjs.v8"].sort(),
    );
    expect(readdirSync(dir).sort()).toEqual([used!, `${used}.v8`, "b.cjs.456.tmp"].sort());
    expect(cachedValidator(["test", "used"], dir)).toBeDefined();
    expect(c.count()).toBe(2);
  });

  test("a different identity is a different entry", () => {
    const dir = fresh();
    const c = counting();
    compileCached(["test", "one"], c.compile, dir);
    compileCached(["test", "two"], c.compile, dir);
    expect(c.count()).toBe(2);
  });

  test.each([
    ["truncated", (s: string) => s.slice(0, s.length / 2)],
    ["edited body", (s: string) => s.replace("minLength", "maxLength")],
    ["edited body and header hash", (s: string) => s.replace(/ [0-9a-f]{64}\n/, ` ${"0".repeat(64)}\n`)],
    ["empty", () => ""],
    ["another entry's header", (s: string) => s.replace(/ ([0-9a-f]{64}) /, ` ${"1".repeat(64)} `)],
  ])("a corrupted entry (%s) is ignored and rewritten", (_, corrupt) => {
    const dir = fresh();
    const c = counting();
    const first = compileCached(["test", "x"], c.compile, dir);
    const [file] = readdirSync(dir)
      .filter((f) => f.endsWith(".cjs"))
      .map((f) => path.join(dir, f));
    const sound = readFileSync(file!, "utf8");
    writeFileSync(file!, corrupt(sound));
    expect(cachedValidator(["test", "x"], dir)).toBeUndefined();
    const again = compileCached(["test", "x"], c.compile, dir);
    expect(c.count()).toBe(2);
    expect(verdicts(again)).toEqual(verdicts(first));
    expect(readFileSync(file!, "utf8")).toBe(sound);
    expect(cachedValidator(["test", "x"], dir)).toBeDefined();
  });

  test("no cache folder: compiled every time, nothing written", () => {
    const c = counting();
    compileCached(["test"], c.compile, undefined);
    compileCached(["test"], c.compile, undefined);
    expect(c.count()).toBe(2);
  });

  test("an unwritable cache folder costs only speed", () => {
    const dir = fresh();
    const file = path.join(dir, "not-a-dir");
    writeFileSync(file, "");
    const c = counting();
    const v = compileCached(["test"], c.compile, file);
    expect(v({ name: "ok" })).toBe(true);
  });

  test("values schema: a cache hit gives the same findings; an invalid schema is never cached", () => {
    const dir = fresh();
    useValidatorCache(dir);
    const text = JSON.stringify(schema);
    const values = parseYamlText("name: X\nport: 0\nextra: 1\n", "values-bad.yaml");
    const a = compileValuesSchema(text, "values.schema.json");
    const b = compileValuesSchema(text, "values.schema.json");
    if (!("validate" in a) || !("validate" in b)) throw new Error("schema should compile");
    expect(readdirSync(dir)).toHaveLength(1);
    expect(validateFile(b.validate, values)).toEqual(validateFile(a.validate, values));
    expect(
      validateFile(b.validate, values)
        .map((p) => p.keyword)
        .sort(),
    ).toEqual(["additionalProperties", "minLength", "minimum", "pattern"].sort());

    const bad = '{"type": "object", "properties": {"a": {"type": "strin"}}}';
    const p1 = compileValuesSchema(bad, "values.schema.json");
    const p2 = compileValuesSchema(bad, "values.schema.json");
    expect("problem" in p1 && p1.problem.message).toMatch(/not a valid JSON Schema/);
    expect(p2).toEqual(p1);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  test("Kubernetes schemas: a cached kind reports exactly what a freshly compiled one does", () => {
    const dir = fresh();
    const schemas = loadKubeSchemas("1.37");
    const bad = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "x", labelz: {} },
      spec: {
        replicas: "two",
        selector: {},
        template: { spec: { containers: [{ name: "c", ports: [{ containerPort: "http" }] }] } },
      },
    };
    const plain = new KubeValidator(schemas).validate(bad);
    useValidatorCache(dir);
    const cold = new KubeValidator(schemas).validate(bad);
    const warm = new KubeValidator(schemas).validate(bad);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(plain!.length).toBeGreaterThan(2);
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
    expect(new KubeValidator(schemas).validate({ ...bad, kind: "Nope" })).toBeUndefined();
  });
});
