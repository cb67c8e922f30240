// Which JSON Schema draft a values.schema.json gets (src/values/ajv.ts), as helm 3.22 and 4.2 decide it
// (the agreement corpus proves each against the real binaries), and the one finding for a `$schema` helm
// cannot resolve.
import { describe, expect, test } from "vitest";
import { draftOf } from "../../src/values/ajv.js";
import { compileValuesSchema } from "../../src/values/schema.js";

describe("draftOf", () => {
  test.each([
    [undefined, "2020-12"],
    ["http://json-schema.org/draft-04/schema#", "draft-04"],
    ["https://json-schema.org/draft-04/schema", "draft-04"],
    ["http://json-schema.org/draft-06/schema#", "draft-06"],
    ["http://json-schema.org/draft-07/schema", "draft-07"],
    ["https://json-schema.org/draft/2019-09/schema", "2019-09"],
    ["https://json-schema.org/draft/2020-12/schema#", "2020-12"],
    ["http://json-schema.org/draft-03/schema#", { unknown: "http://json-schema.org/draft-03/schema#" }],
    ["https://example.com/my-dialect", { unknown: "https://example.com/my-dialect" }],
    [7, { unknown: "7" }],
  ])("$schema %j -> %j", ($schema, draft) => {
    expect(draftOf($schema === undefined ? { type: "object" } : { $schema, type: "object" })).toEqual(draft);
  });
});

describe("a $schema helm does not know", () => {
  test("is one values-schema problem at the $schema line, saying what helm does with it", () => {
    const text = '{\n  "type": "object",\n  "$schema": "http://json-schema.org/draft-03/schema#"\n}\n';
    const c = compileValuesSchema(text, "charts/x/values.schema.json");
    expect("problem" in c && c.problem).toEqual({
      message:
        "$schema http://json-schema.org/draft-03/schema# is not a JSON Schema draft helm knows (draft-04, draft-06, draft-07, 2019-09, 2020-12 at json-schema.org): helm 3 and 4 try to download it and fail the render",
      at: { file: "charts/x/values.schema.json", line: 3, col: 3 },
      pointer: "/$schema",
      keyword: "$schema",
    });
  });

  test("a draft-04 schema that is invalid under draft-04 is reported as such, at its line", () => {
    const text =
      '{\n  "$schema": "http://json-schema.org/draft-04/schema#",\n  "properties": {\n    "a": { "maximum": 5, "exclusiveMaximum": 3 }\n  }\n}\n';
    const c = compileValuesSchema(text, "v.json");
    expect("problem" in c && c.problem.message).toBe(
      "not a valid JSON Schema: properties.a.exclusiveMaximum must be boolean",
    );
    expect("problem" in c && c.problem.at.line).toBe(4);
  });
});
