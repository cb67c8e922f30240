// The gate's yaml-style rules against the real yamllint (scripts/tools.sh builds it, pinned) with
// chart-testing's configuration: the same problems, at the same line:column, with the same messages, on a
// corpus of deliberate violations and on every YAML file of this repository's charts, scenarios and examples.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintYamlStyle } from "../../src/checks/chart-files/yaml-style.js";
import { repoRoot, tool } from "../helpers/tools.js";

const fixtures = path.join(repoRoot, "tests", "fixtures", "yaml-style");
const lintconf = path.join(fixtures, "ct-lintconf.yaml");

/** yamllint's parsable lines of some files, as `file:line:col: [level] message (rule)`. */
function yamllint(files: string[]): string[] {
  const r = spawnSync(tool("yamllint"), ["-c", lintconf, "-f", "parsable", ...files], {
    encoding: "utf8",
    cwd: repoRoot,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`yamllint failed: ${r.stderr}`);
  return r.stdout.split("\n").filter(Boolean).sort();
}

function ours(files: string[]): string[] {
  return files
    .flatMap((f) =>
      lintYamlStyle(readFileSync(path.join(repoRoot, f), "utf8")).map(
        (p) => `${f}:${p.line}:${p.col}: [${p.level}] ${p.message} (${p.rule})`,
      ),
    )
    .sort();
}

const yamlUnder = (dir: string): string[] =>
  (readdirSync(path.join(repoRoot, dir), { recursive: true }) as string[])
    .filter((f) => /\.ya?ml$/.test(f) && !f.includes("templates") && !f.startsWith("charts/"))
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")));

describe("yaml-style = yamllint with chart-testing's lintconf", () => {
  it("the corpus of deliberate violations: every problem, place and message alike", () => {
    const files = readdirSync(fixtures)
      .filter((f) => f.endsWith(".yaml") && f !== "ct-lintconf.yaml")
      .map((f) => path.posix.join("tests/fixtures/yaml-style", f));
    expect(files.length).toBeGreaterThanOrEqual(6);
    const want = yamllint(files);
    // The corpus does exercise every rule (a rule the corpus never trips would compare nothing).
    const rules = new Set(want.map((l) => /\(([a-z-]+)\)$/.exec(l)![1]));
    expect([...rules].sort()).toEqual(
      [
        "braces",
        "brackets",
        "colons",
        "commas",
        "comments",
        "empty-lines",
        "hyphens",
        "new-line-at-end-of-file",
        "new-lines",
        "trailing-spaces",
        "truthy",
      ].sort(),
    );
    expect(ours(files)).toEqual(want);
  });

  it("every YAML file of this repository's charts, scenarios and examples", () => {
    const files = [
      ...readdirSync(path.join(repoRoot, "charts")).flatMap((c) => yamlUnder(`charts/${c}`)),
      ...yamlUnder("scenarios"),
      ...yamlUnder("examples"),
    ];
    expect(files.length).toBeGreaterThan(20);
    expect(ours(files)).toEqual(yamllint(files));
  });

  it("the pinned yamllint is the one compared with", () => {
    expect(execFileSync(tool("yamllint"), ["--version"], { encoding: "utf8" }).trim()).toBe(
      "yamllint 1.37.1",
    );
  });
});
