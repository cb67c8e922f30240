// chart-schema: Chart.yaml against chart-testing's required fields, each problem at its line:column.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkChartYaml } from "../../src/checks/chart-files/chart-schema.js";
import { repoRoot } from "../helpers/tools.js";

const ok = "apiVersion: v2\nname: demo\nversion: 1.2.3\ndescription: A demo\nhome: https://example.org\n";
const show = (text: string) =>
  checkChartYaml(text, "Chart.yaml").map((p) => `${p.at.line}:${p.at.col} ${p.message}`);

describe("chart-schema", () => {
  it.each(["floe-platform", "floe-jobs", "floe-common"])("this repository's %s passes", (c) => {
    const f = path.join(repoRoot, "charts", c, "Chart.yaml");
    expect(checkChartYaml(readFileSync(f, "utf8"), f)).toEqual([]);
  });

  it.each([
    ["a complete Chart.yaml", ok, []],
    ["prerelease and build metadata", ok.replace("1.2.3", "1.2.3-rc.1+build.5"), []],
  ])("%s passes", (_, text, want) => {
    expect(show(text)).toEqual(want);
  });

  it("every problem of a bad Chart.yaml, at its place", () => {
    const bad = [
      "apiVersion: v3",
      "name: Foo_bar",
      "version: v1.0",
      "maintainers:",
      "  - email: a@example.org",
      "extra: 1",
      "",
    ].join("\n");
    expect(show(bad)).toMatchInlineSnapshot(`
      [
        "1:1 Chart.yaml: required property 'description' is missing",
        "6:1 Chart.yaml: 'extra' is not allowed by the schema (no such property)",
        "1:1 apiVersion: must be one of ["v1","v2"], got "v3"",
        "2:1 name: must be lower case letters, digits and dashes (Helm's own naming rule for chart names), got "Foo_bar"",
        "3:1 version: must be a SemVer 2 version, e.g. 1.2.3 or 1.2.3-rc.1 (no leading v), got "v1.0"",
        "5:5 maintainers.0: required property 'name' is missing",
      ]
    `);
  });
});
