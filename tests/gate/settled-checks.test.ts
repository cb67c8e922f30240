// The gate in-process (src/cli/main.ts, the real helm 4) on tests/fixtures/gate/values-rules, whose chart-level
// checks (plain-secret, schema-drift: no cell) floe-gate.yaml raises to errors and partly waives: each finding
// names its check (Finding.check), and finalize settles every check from its own judged findings.
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import resultsSchema from "../../schemas/results.schema.json" with { type: "json" };
import type { PhaseResults } from "../../src/core/findings.js";
import { createAjv } from "../../src/values/ajv.js";
import { type CliResult, cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

const fixture = path.join(repoRoot, "tests", "fixtures", "gate", "values-rules");

describe("chart-level checks settled from their own findings (gate in-process, helm 4)", () => {
  let r: CliResult;
  let results: PhaseResults;
  beforeAll(async () => {
    const cwd = tempDir("floe-settled-");
    await cp(fixture, cwd, { recursive: true });
    const config = path.join(cwd, "floe-gate.yaml");
    const extra = [
      "severity:",
      "  plain-secret: error",
      "  schema-drift: error",
      "waivers:",
      "  - rule: plain-secret",
      "    object: Value/charts/drift/values-test.yaml:db.password",
      "    reason: a throwaway database of the test scenario",
      "    expiry: 2999-12-31",
      "  - rule: schema-drift",
      "    object: SchemaProperty/charts/drift/values.schema.json:legacyPort",
      "    reason: kept for one release",
      "    expiry: 2999-12-31",
      "",
    ].join("\n");
    await writeFile(config, (await readFile(config, "utf8")) + extra);
    const work = path.join(cwd, ".work");
    r = await cli(["gate", "--tools-dir", toolsDir, "--work-dir", work], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, FLOE_HELM_VALIDATOR_CACHE: "off" },
    });
    results = JSON.parse(await readFile(path.join(work, "gate.results.json"), "utf8"));
  });

  it("a raised check whose one error is waived passes; one with an unwaived error left fails (exit 1)", () => {
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^gate: FAIL: 1 error\(s\), 0 warning\(s\), 2 waived, /m);
    const byId = new Map(results.checks.map((c) => [c.id, c]));
    // Raised to error and waived: the verdict does not count it, nor does its check.
    expect(byId.get("plain-secret drift")).toMatchObject({ state: "pass" });
    expect(byId.get("schema-drift drift")).toMatchObject({ state: "fail" });
  });

  it("every finding names a check of the results file, which matches schemas/results.schema.json", () => {
    const validate = createAjv().compile(resultsSchema);
    expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
    const ids = new Set(results.checks.map((c) => c.id));
    expect(results.findings.map((f) => [f.rule, f.check, f.check !== undefined && ids.has(f.check)])).toEqual(
      [
        ["plain-secret", "plain-secret drift", true],
        ["schema-drift", "schema-drift drift", true],
        ["schema-drift", "schema-drift drift", true],
      ],
    );
  });
});

describe("a values file breaking the schema fails a check of its own (gate in-process, helm 4)", () => {
  it("values-schema <chart> values fails with the file's finding; the cell's merged check does not repeat it", async () => {
    const cwd = tempDir("floe-settled-schema-");
    await cp(fixture, cwd, { recursive: true });
    await writeFile(path.join(cwd, "charts", "drift", "values-test.yaml"), "legacyPort: eighty\n");
    const work = path.join(cwd, ".work");
    const r = await cli(["gate", "--tools-dir", toolsDir, "--work-dir", work], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, FLOE_HELM_VALIDATOR_CACHE: "off" },
    });
    expect(r.code, r.err).toBe(1);
    const results: PhaseResults = JSON.parse(await readFile(path.join(work, "gate.results.json"), "utf8"));
    const schema = results.findings.filter((f) => f.rule === "values-schema");
    expect(schema.map((f) => [f.file, f.line, f.check])).toEqual([
      ["charts/drift/values-test.yaml", 1, "values-schema drift values"],
    ]);
    const byId = new Map(results.checks.map((c) => [c.id, c.state]));
    expect(byId.get("values-schema drift values")).toBe("fail");
  });
});
