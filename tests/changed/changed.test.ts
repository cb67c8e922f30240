// floe-helm changed: real git repositories built in temp folders (a base commit, then one change per case),
// the CLI run in-process; the JSON matrix on stdout, the reasons on stderr, the step outputs in Actions.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot } from "../helpers/tools.js";

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=floe", "-c", "user.email=floe@example.com", "-c", "commit.gpgsign=false", ...args],
    { cwd, encoding: "utf8" },
  ).trim();

type Files = Record<string, string | null>;

function write(root: string, files: Files): void {
  for (const [f, text] of Object.entries(files)) {
    const abs = path.join(root, f);
    if (text === null) rmSync(abs, { recursive: true, force: true });
    else {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
}

/** A repository with `files` committed on main; returns its folder. */
function repo(files: Files): string {
  const root = tempDir("floe-changed-");
  git(root, "init", "-q", "-b", "main");
  write(root, files);
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "base");
  return root;
}

/** One more commit on a branch `change` (empty when `files` is). */
function change(root: string, files: Files): void {
  git(root, "checkout", "-q", "-b", "change");
  write(root, files);
  git(root, "add", "-A");
  git(root, "commit", "-q", "--allow-empty", "-m", "change");
}

const chart = (name: string, deps: string[] = [], type = "application") =>
  `apiVersion: v2\nname: ${name}\ntype: ${type}\nversion: 0.1.0\n${
    deps.length
      ? `dependencies:\n${deps.map((d) => `  - name: ${d}\n    version: 0.1.0\n    repository: file://../${d}\n`).join("")}`
      : ""
  }`;

// lib <- a <- c (transitively), b on its own with a scenario whose values live outside its folder.
const fixture: Files = {
  "charts/lib/Chart.yaml": chart("lib", [], "library"),
  "charts/lib/templates/_helpers.tpl": '{{- define "lib.name" -}}x{{- end -}}\n',
  "charts/a/Chart.yaml": chart("a", ["lib"]),
  "charts/a/values.yaml": "x: 1\n",
  "charts/b/Chart.yaml": chart("b"),
  "charts/b/values.yaml": "x: 1\n",
  "charts/c/Chart.yaml": chart("c", ["a"]),
  "charts/c/values.yaml": "x: 1\n",
  "scenarios/b-extra.yaml": "x: 2\n",
  "floe-gate.yaml": [
    "charts:",
    "  - dir: charts/lib",
    "  - dir: charts/a",
    "  - dir: charts/b",
    "    discover: true",
    "    scenarios:",
    "      - name: extra",
    "        values: [charts/b/values.yaml, scenarios/b-extra.yaml]",
    "  - dir: charts/c",
    "helm: both",
    "",
  ].join("\n"),
  "README.md": "# charts\n",
};

interface Matrix {
  any: boolean;
  base: string;
  all?: string;
  helm: number[];
  charts: Array<{
    dir: string;
    name: string;
    id: string;
    library: boolean;
    cluster: boolean;
    reasons: string[];
  }>;
  cluster: Array<{ dir: string }>;
  e2e: boolean;
}

async function changed(root: string, args: string[] = ["--base", "main"], env: NodeJS.ProcessEnv = {}) {
  const r = await cli(["changed", ...args], { cwd: root, env: { PATH: process.env.PATH, ...env } });
  return { ...r, matrix: r.code === 0 ? (JSON.parse(r.out) as Matrix) : undefined };
}

describe("floe-helm changed: one commit against main", () => {
  it.each<{ name: string; files: Files; want: string[] }>([
    {
      name: "a file of one chart: only that chart",
      files: { "charts/b/values.yaml": "x: 3\n" },
      want: ["charts/b"],
    },
    {
      name: "a library: it and its dependents, transitively",
      files: { "charts/lib/templates/_helpers.tpl": '{{- define "lib.name" -}}y{{- end -}}\n' },
      want: ["charts/lib", "charts/a", "charts/c"],
    },
    {
      name: "a chart others depend on: it and its dependents",
      files: { "charts/a/values.yaml": "x: 2\n" },
      want: ["charts/a", "charts/c"],
    },
    {
      name: "a scenario's values file outside the chart: that chart",
      files: { "scenarios/b-extra.yaml": "x: 4\n" },
      want: ["charts/b"],
    },
    {
      name: "floe-gate.yaml: every chart",
      files: { "floe-gate.yaml": `${fixture["floe-gate.yaml"]}# touched\n` },
      want: ["charts/lib", "charts/a", "charts/b", "charts/c"],
    },
    {
      name: "a workflow (where the action's ref is pinned): every chart",
      files: { ".github/workflows/pr.yml": "on: pull_request\n" },
      want: ["charts/lib", "charts/a", "charts/b", "charts/c"],
    },
    { name: "a file of no chart: nothing", files: { "README.md": "# other\n" }, want: [] },
    { name: "nothing changed: nothing", files: {}, want: [] },
  ])("$name", async ({ files, want }) => {
    const root = repo(fixture);
    change(root, files);
    const r = await changed(root);
    expect(r.code, r.err).toBe(0);
    expect(r.matrix!.charts.map((c) => c.dir)).toEqual(want);
    expect(r.matrix!.any).toBe(want.length > 0);
    expect(r.matrix!.helm).toEqual([3, 4]);
    expect(r.matrix!.base).toBe(git(root, "rev-parse", "main"));
    // One stderr line per chart, after the summary line.
    expect(r.err.split("\n").slice(1)).toHaveLength(want.length || 1);
  });

  it("says why each chart is in the set; a library is marked and asks for no cluster job", async () => {
    const root = repo(fixture);
    change(root, { "charts/lib/templates/_helpers.tpl": "{{/* changed */}}\n" });
    const r = await changed(root);
    expect(r.matrix!.charts).toEqual([
      {
        dir: "charts/lib",
        name: "lib",
        id: "charts-lib",
        library: true,
        cluster: false,
        reasons: ["changed: charts/lib/templates/_helpers.tpl"],
      },
      {
        dir: "charts/a",
        name: "a",
        id: "charts-a",
        library: false,
        cluster: true,
        reasons: ["depends on charts/lib (file://), which changed"],
      },
      {
        dir: "charts/c",
        name: "c",
        id: "charts-c",
        library: false,
        cluster: true,
        reasons: ["depends on charts/a (file://), which changed"],
      },
    ]);
    expect(r.matrix!.cluster.map((c) => c.dir)).toEqual(["charts/a", "charts/c"]);
    expect(r.err.split("\n")).toEqual([
      `changed: 1 file differs from main ${git(root, "rev-parse", "--short=7", "main")}`,
      "charts/lib (library: gate only): changed: charts/lib/templates/_helpers.tpl",
      "charts/a: depends on charts/lib (file://), which changed",
      "charts/c: depends on charts/a (file://), which changed",
    ]);
  });

  it("floe-gate.yaml changed: the reason names it on every chart", async () => {
    const root = repo(fixture);
    change(root, { "floe-gate.yaml": `${fixture["floe-gate.yaml"]}# touched\n` });
    const r = await changed(root);
    expect(r.matrix!.all).toBe("floe-gate.yaml changed");
    expect(r.matrix!.charts.every((c) => c.reasons[0] === "every chart: floe-gate.yaml changed")).toBe(true);
  });

  it("in a pull_request workflow: the merge base with origin/$GITHUB_BASE_REF, not main's newer commits", async () => {
    const root = repo(fixture);
    change(root, { "charts/b/values.yaml": "x: 3\n" });
    // main moves on after the branch point (a change of chart a the pull request does not hold).
    git(root, "checkout", "-q", "main");
    write(root, { "charts/a/values.yaml": "x: 9\n" });
    git(root, "commit", "-q", "-am", "main moves on");
    git(root, "update-ref", "refs/remotes/origin/main", "main");
    git(root, "checkout", "-q", "change");
    const r = await changed(root, [], { GITHUB_BASE_REF: "main" });
    expect(r.code, r.err).toBe(0);
    expect(r.matrix!.charts.map((c) => c.dir)).toEqual(["charts/b"]);
    expect(r.matrix!.base).toBe(git(root, "merge-base", "HEAD", "main"));
    expect(r.err.split("\n")[0]).toMatch(
      /^changed: 1 file differs from merge base with origin\/main [0-9a-f]{7}$/,
    );
  });

  it("in GitHub Actions: step outputs, one line each, ready for fromJSON", async () => {
    const root = repo(fixture);
    change(root, { "charts/b/values.yaml": "x: 3\n" });
    const out = path.join(tempDir("floe-changed-out-"), "output");
    writeFileSync(out, "");
    const r = await changed(root, ["--base", "main", "--cluster-chart", "charts/a"], {
      GITHUB_ACTIONS: "true",
      GITHUB_OUTPUT: out,
    });
    expect(r.code, r.err).toBe(0);
    const lines = readFileSync(out, "utf8").trimEnd().split("\n");
    const outputs = Object.fromEntries(
      lines.map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    expect(Object.keys(outputs)).toEqual(["any", "base", "charts", "helm", "cluster", "cluster-any", "e2e"]);
    expect(outputs.any).toBe("true");
    expect(JSON.parse(outputs.charts!).map((c: { dir: string }) => c.dir)).toEqual(["charts/b"]);
    expect(outputs.helm).toBe("[3,4]");
    // b does not ask for cluster jobs (only charts/a does).
    expect(outputs.cluster).toBe("[]");
    expect(outputs["cluster-any"]).toBe("false");
    expect(outputs.e2e).toBe("false");
  });

  it("--all-when (or FLOE_HELM_ALL_WHEN): a matching file makes every chart changed; dist/ only beside an action.yml", async () => {
    const root = repo({ ...fixture, "docs/guide.md": "x\n", "dist/index.js": "1\n" });
    change(root, { "docs/guide.md": "y\n", "dist/index.js": "2\n" });
    const plain = await changed(root);
    expect(plain.matrix!.charts).toEqual([]);
    const flag = await changed(root, ["--base", "main", "--all-when", "docs/*"]);
    expect(flag.matrix!.all).toBe("docs/guide.md changed (--all-when)");
    expect(flag.matrix!.charts).toHaveLength(4);
    const env = await changed(root, ["--base", "main"], { FLOE_HELM_ALL_WHEN: "nothing/*, docs/*.md" });
    expect(env.matrix!.charts).toHaveLength(4);
    // The repository of an action: its dist/ is the action's code.
    const action = repo({ ...fixture, "action.yml": "name: x\n", "dist/index.js": "1\n" });
    change(action, { "dist/index.js": "2\n" });
    const a = await changed(action);
    expect(a.matrix!.all).toBe("dist/index.js changed (the action, or a workflow that pins its ref)");
    expect(a.matrix!.charts).toHaveLength(4);
  });

  it("the helm majors: floe-gate.yaml's helm when neither --helm nor FLOE_HELM_HELM is given", async () => {
    const root = tempDir("floe-changed-nogit-");
    write(root, {
      ...fixture,
      "floe-gate.yaml": fixture["floe-gate.yaml"]!.replace("helm: both", "helm: 4"),
    });
    expect((await changed(root, ["--all"])).matrix!.helm).toEqual([4]);
    expect((await changed(root, ["--all"], { FLOE_HELM_HELM: "both" })).matrix!.helm).toEqual([3, 4]);
    // An empty FLOE_HELM_HELM (the workflow's default input) is no choice: the config's.
    expect((await changed(root, ["--all"], { FLOE_HELM_HELM: "" })).matrix!.helm).toEqual([4]);
  });

  it("--all: every chart, no git needed; --helm narrows the majors", async () => {
    const root = tempDir("floe-changed-nogit-");
    write(root, fixture);
    const r = await changed(root, ["--all", "--helm", "4"]);
    expect(r.code, r.err).toBe(0);
    expect(r.matrix!.charts.map((c) => c.dir)).toEqual(["charts/lib", "charts/a", "charts/b", "charts/c"]);
    expect(r.matrix!.helm).toEqual([4]);
    expect(r.matrix!.base).toBe("");
  });
});

describe("floe-helm changed: bad input is one clear error, exit 2", () => {
  it.each([
    {
      name: "a base ref that is not in the clone",
      args: ["--base", "origin/nosuch"],
      env: {},
      want: "floe-helm: error: --base (FLOE_HELM_CHANGED_BASE): git ref 'origin/nosuch' is not in this clone: fetch it (git fetch origin nosuch), or in GitHub Actions check out with actions/checkout fetch-depth: 0",
    },
    {
      name: "a base ref git would read as an option",
      args: ["--base=--output=x"],
      env: {},
      want: "floe-helm: error: --base: '--output=x' is not a git ref (e.g. origin/main, v1.2.0, HEAD~1)",
    },
    {
      name: "no base at all",
      args: [],
      env: {},
      want: "floe-helm: error: changed needs a base to compare with: pass --base REF (e.g. origin/main; env FLOE_HELM_CHANGED_BASE), run in a pull_request workflow (the merge base with GITHUB_BASE_REF), or pass --all for every chart",
    },
    {
      name: "a cluster chart that is not a chart",
      args: ["--base", "main", "--cluster-chart", "charts/nosuch"],
      env: {},
      want: "floe-helm: error: --cluster-chart charts/nosuch is not one of the charts (charts/lib, charts/a, charts/b, charts/c)",
    },
  ])("$name", async ({ args, env, want }) => {
    const root = repo(fixture);
    change(root, { "charts/b/values.yaml": "x: 3\n" });
    const r = await changed(root, args, env);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(want);
  });

  it("outside a git repository", async () => {
    const root = tempDir("floe-changed-nogit-");
    write(root, fixture);
    const r = await changed(root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^floe-helm: error: change detection needs a git repository, and .* is not inside one \(git: fatal: not a git repository.*\); pass --all to check every chart$/,
    );
  });
});

describe("floe-helm changed: this repository's charts", () => {
  /** This repository's charts, floe-gate.yaml and the values files it names, committed in a fresh repository. */
  function thisRepo(): string {
    const root = tempDir("floe-changed-self-");
    for (const p of ["charts", "scenarios", "examples", "floe-gate.yaml"])
      cpSync(path.join(repoRoot, p), path.join(root, p), { recursive: true });
    git(root, "init", "-q", "-b", "main");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "base");
    return root;
  }

  it.each<{ name: string; files: Files; edit: boolean; want: string[]; e2e: boolean }>([
    {
      name: "floe-jobs' values: floe-jobs only",
      files: { "charts/floe-jobs/values.yaml": null },
      edit: true,
      want: ["charts/floe-jobs"],
      e2e: true,
    },
    {
      name: "the library floe-common: it, floe-jobs and floe-platform",
      files: { "charts/floe-common/templates/_touched.tpl": "{{/* x */}}\n" },
      edit: false,
      want: ["charts/floe-common", "charts/floe-jobs", "charts/floe-platform"],
      e2e: true,
    },
    {
      name: "floe-platform's kind-local values outside its folder: floe-platform only",
      files: { "scenarios/kind-local/floe-platform.yaml": null },
      edit: true,
      want: ["charts/floe-platform"],
      e2e: true,
    },
    {
      name: "an e2e values file: no chart, but the e2e job",
      files: { "examples/orders/floe-jobs.e2e.values.yaml": null },
      edit: true,
      want: [],
      e2e: true,
    },
    {
      name: "the e2e platform's objects (the fake provider's SecretStore): no chart, but the e2e job",
      files: { "scenarios/kind-local/e2e-secret-store.yaml": null },
      edit: true,
      want: [],
      e2e: true,
    },
    {
      name: "kind-upstream's values (the GitHub lane's e2e platform): floe-platform, and the e2e job",
      files: { "scenarios/kind-upstream/floe-platform.yaml": null },
      edit: true,
      want: ["charts/floe-platform"],
      e2e: true,
    },
  ])("$name", async ({ files, edit, want, e2e }) => {
    const root = thisRepo();
    const touched = edit
      ? Object.fromEntries(
          Object.keys(files).map((f) => [f, `${readFileSync(path.join(root, f), "utf8")}# touched\n`]),
        )
      : files;
    change(root, touched);
    const r = await changed(root);
    expect(r.code, r.err).toBe(0);
    expect(r.matrix!.charts.map((c) => c.dir)).toEqual(want);
    expect(r.matrix!.charts.filter((c) => c.library).map((c) => c.dir)).toEqual(
      want.filter((d) => d === "charts/floe-common"),
    );
    expect(r.matrix!.e2e).toBe(e2e);
  });
});
