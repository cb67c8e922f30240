// The official SARIF 2.1.0 schema (tests/fixtures/report/sarif-schema-2.1.0.json: OASIS errata01, see
// tests/fixtures/report/README.md), compiled once with ajv (draft-04 and formats, as src/values/ajv.ts does).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { createAjvFor } from "../../src/values/ajv.js";
import { repoRoot } from "./tools.js";

const schema = JSON.parse(
  readFileSync(path.join(repoRoot, "tests", "fixtures", "report", "sarif-schema-2.1.0.json"), "utf8"),
);
const validate = createAjvFor(schema).compile(schema);

export function expectValidSarif(log: unknown): void {
  expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
}
