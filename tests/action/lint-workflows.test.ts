// actionlint and zizmor (both pinned, built/installed by scripts/tools.sh) over action.yml, the repository's
// workflows and the workflows the act tests run. Any actionlint finding fails; zizmor fails at medium
// severity and above (the low findings that remain are listed, and explained in the README).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tool } from "../helpers/tools.js";

const inDir = (dir: string) =>
  readdirSync(path.join(repoRoot, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));
const workflows = [...inDir(".github/workflows"), ...inDir("tests/fixtures/act")];

// The environment the linters see: no GitHub token (zizmor stays offline), no config from the user's HOME.
const env = { PATH: process.env.PATH ?? "", HOME: repoRoot, NO_COLOR: "1" };

describe("actionlint", () => {
  it("finds nothing in the workflows (checking each `uses: ./` against action.yml)", () => {
    const r = spawnSync(tool("actionlint"), ["-no-color", "-oneline", ...workflows], {
      cwd: repoRoot,
      env,
      encoding: "utf8",
    });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("reports a spliced input, so a clean run means something", () => {
    const bad =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.head_commit.message }}\n";
    const r = spawnSync(tool("actionlint"), ["-no-color", "-oneline", "-"], {
      cwd: repoRoot,
      env,
      input: bad,
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/potentially untrusted/);
  });
});

interface ZizmorFinding {
  ident: string;
  determinations: { severity: string; confidence: string };
  locations: Array<{
    symbolic: { key: { Local?: { verbatim_path?: string } } };
    concrete: { location: { start_point: { row: number } } };
  }>;
}

function zizmor(
  files: string[],
  extra: string[] = [],
): { status: number | null; findings: ZizmorFinding[]; err: string } {
  const r = spawnSync(
    tool("zizmor"),
    ["--offline", "--no-progress", "--format", "json", "--no-exit-codes", ...extra, ...files],
    { cwd: repoRoot, env, encoding: "utf8" },
  );
  return {
    status: r.status,
    findings: r.status === 0 ? (JSON.parse(r.stdout) as ZizmorFinding[]) : [],
    err: r.stderr,
  };
}

const where = (f: ZizmorFinding) =>
  `${f.ident} ${f.locations[0]?.symbolic.key.Local?.verbatim_path}:${(f.locations[0]?.concrete.location.start_point.row ?? 0) + 1}`;

describe("zizmor", () => {
  const files = ["action.yml", ...workflows];

  it("finds nothing of medium severity or above", () => {
    const r = zizmor(files, ["--min-severity", "medium"]);
    expect(r.status, r.err).toBe(0);
    expect(r.findings.map(where)).toEqual([]);
  });

  it("the low findings left are only self-repository (`uses: ./`), which the README explains", () => {
    const r = zizmor(files);
    expect(r.status, r.err).toBe(0);
    const low = r.findings.filter((f) => f.determinations.severity === "Low");
    expect([...new Set(low.map((f) => f.ident))]).toEqual(["self-repository"]);
    expect(r.findings.filter((f) => f.determinations.severity !== "Low").map(where)).toEqual([]);
  });
});
