// The chart README's values table is generated from values.schema.json + values.yaml; drift fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chartTable, END, START, valuesTable, withTable } from "../../scripts/values-table.mjs";
import { repoRoot } from "../helpers/tools.js";
import { chartDir } from "./chart.js";

describe("values table (scripts/values-table.mjs)", () => {
  it("charts/floe-platform/README.md holds the table generated from the schema (no drift)", () => {
    const readme = readFileSync(path.join(chartDir, "README.md"), "utf8");
    expect(withTable(readme, chartTable(chartDir))).toBe(readme);
  });

  it("charts/floe-jobs/README.md holds the table generated from the schema (no drift)", () => {
    const jobs = path.join(repoRoot, "charts", "floe-jobs");
    const readme = readFileSync(path.join(jobs, "README.md"), "utf8");
    expect(withTable(readme, chartTable(jobs))).toBe(readme);
  });

  it("one row per leaf with type, enum, default and description; nested objects flattened", () => {
    const schema = {
      type: "object",
      properties: {
        a: {
          type: "object",
          description: "A.",
          properties: { mode: { type: "string", enum: ["x", "y"], description: "Mode | pipe." } },
        },
        r: { $ref: "#/definitions/n", description: "Ref'd." },
      },
      definitions: { n: { type: "integer" } },
    };
    expect(valuesTable(schema, { a: { mode: "x" }, r: 3 }).split("\n")).toEqual([
      "| Key | Type | Default | Description |",
      "| --- | --- | --- | --- |",
      '| `a.mode` | string (`x`, `y`) | `"x"` | Mode \\| pipe. |',
      "| `r` | integer | `3` | Ref'd. |",
    ]);
  });

  it("refuses a README without markers, clearly", () => {
    expect(() => withTable("# no markers\n", "t")).toThrow(/markers/);
    expect(withTable(`x\n${START}\nold\n${END}\ny`, "NEW")).toBe(`x\n${START}\nNEW\n${END}\ny`);
  });

  it("the root README points to the chart README", () => {
    const root = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    expect(root).toMatch(/## Charts[\s\S]*charts\/floe-platform\/README\.md/);
  });
});
