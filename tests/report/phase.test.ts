import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import resultsSchema from "../../schemas/results.schema.json" with { type: "json" };
import { buildInputs } from "../../src/config/inputs.js";
import { UserError } from "../../src/core/errors.js";
import { groupFindings } from "../../src/report/findings.js";
import { summaryMarkdown } from "../../src/report/github.js";
import { runPhase } from "../../src/report/phase.js";
import { readAllResults } from "../../src/report/results.js";
import { formatFinding } from "../../src/report/terminal.js";
import { createAjv } from "../../src/values/ajv.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

const ajv = createAjv();
const validate = ajv.compile(resultsSchema);

async function tmp(): Promise<string> {
  return tempDir("floe-phase-");
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, opts: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe("runPhase", () => {
  it.each([
    { name: "no findings", findings: [], want: 0, status: "pass" },
    {
      name: "a warning only",
      findings: [{ rule: "r", severity: "warning" as const, message: "m" }],
      want: 0,
      status: "pass",
    },
    {
      name: "an error",
      findings: [{ rule: "r", severity: "error" as const, message: "m" }],
      want: 1,
      status: "fail",
    },
    {
      name: "a waived error",
      findings: [{ rule: "r", severity: "error" as const, message: "m", waived: { reason: "ok" } }],
      want: 0,
      status: "pass",
    },
  ])("$name -> exit $want, status $status, schema-valid results", async ({ findings, want, status }) => {
    const workDir = await tmp();
    const c = capture();
    const code = await runPhase(
      "gate",
      buildInputs({ workDir }, {}, "/"),
      async (ctx) => findings.forEach(ctx.add),
      c.opts,
    );
    expect(code).toBe(want);
    const results = JSON.parse(await readFile(path.join(workDir, "gate.results.json"), "utf8"));
    expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
    expect(results.status).toBe(status);
    expect(c.out.at(-1)).toMatch(new RegExp(`^gate: ${status.toUpperCase()}: `));
  });

  it("a phase that throws still writes its results and findings, exits 2 with one line", async () => {
    const workDir = await tmp();
    const c = capture();
    const code = await runPhase(
      "cluster",
      buildInputs({ workDir }, {}, "/"),
      async (ctx) => {
        ctx.add({ rule: "install", severity: "error", message: "pod crashed", file: "a.yaml", line: 3 });
        throw new UserError("kubeconfig not found", { file: "kube.yaml" });
      },
      c.opts,
    );
    expect(code).toBe(2);
    expect(c.err).toEqual(["floe-helm: error: kube.yaml: kubeconfig not found"]);
    // The verdict does not say it a second time.
    expect(c.out).toEqual([
      "a.yaml:3: error install: pod crashed",
      expect.stringMatching(
        /^cluster: ERROR: 1 error\(s\), 0 warning\(s\), 0 waived, 0 check\(s\) in \d+\.\ds$/,
      ),
    ]);
    const [r] = await readAllResults(workDir);
    expect(r?.status).toBe("error");
    expect(r?.error).toBe("kube.yaml: kubeconfig not found");
    expect(r?.findings).toHaveLength(1);
  });

  it("sorts findings by file, line and column", async () => {
    const workDir = await tmp();
    const c = capture();
    await runPhase(
      "gate",
      buildInputs({ workDir }, {}, "/"),
      async (ctx) => {
        ctx.add({ rule: "b", severity: "error", message: "x", file: "b.yaml", line: 1 });
        ctx.add({ rule: "a", severity: "error", message: "y", file: "a.yaml", line: 9, col: 2 });
        ctx.add({ rule: "a", severity: "error", message: "z", file: "a.yaml", line: 2, col: 5 });
      },
      c.opts,
    );
    expect(c.out.slice(0, 3)).toEqual([
      "a.yaml:2:5: error a: z",
      "a.yaml:9:2: error a: y",
      "b.yaml:1: error b: x",
    ]);
  });
});

describe("formatFinding (one line per distinct finding, src/report/findings.ts)", () => {
  it.each([
    [
      [{ rule: "lint", severity: "error", message: "m", file: "c/values.yaml", line: 4, col: 7 }],
      "c/values.yaml:4:7: error lint: m",
    ],
    [
      [
        {
          rule: "lint",
          severity: "warning",
          message: "m",
          chart: "floe-platform",
          scenario: "test",
          helm: 4,
        },
      ],
      "floe-platform: warning lint: m (scenario: test; helm 4)",
    ],
    [
      [{ rule: "kubesec", severity: "error", message: "m", file: "f", waived: { reason: "known" } }],
      "f: error kubesec: m [waived: known]",
    ],
    [
      [
        {
          rule: "lint",
          severity: "error",
          message: "m",
          file: "t.yaml",
          line: 2,
          chart: "c",
          scenario: "prod",
          helm: 3,
        },
        {
          rule: "lint",
          severity: "error",
          message: "m",
          file: "t.yaml",
          line: 2,
          chart: "c",
          scenario: "prod",
          helm: 4,
        },
        {
          rule: "lint",
          severity: "error",
          message: "m",
          file: "t.yaml",
          line: 2,
          chart: "c",
          scenario: "dev",
          helm: 4,
        },
      ],
      "t.yaml:2: error lint: m (scenarios: prod, dev; helm 3, 4)",
    ],
  ] as const)("%j", (fs, want) => {
    const groups = groupFindings(fs);
    expect(groups.map(formatFinding)).toEqual([want]);
  });
});

describe("floe-helm report", () => {
  it("merges every phase, writes a Markdown summary and exits with the worst verdict", async () => {
    const workDir = await tmp();
    const quiet = capture().opts;
    await runPhase(
      "gate",
      buildInputs({ workDir }, {}, "/"),
      async (ctx) =>
        ctx.add({ rule: "lint", severity: "error", message: "bad | pipe", file: "x.yaml", line: 1 }),
      quiet,
    );
    await runPhase("tools", buildInputs({ workDir }, {}, "/"), async () => {}, quiet);
    const summary = path.join(workDir, "summary.md");
    const r = await cli(["report", "--work-dir", workDir, "--summary", summary]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^gate: FAIL: 1 error/m);
    expect(r.out).toMatch(/^tools: PASS/m);
    const md = await readFile(summary, "utf8");
    expect(md).toContain("| gate | ❌ fail | 1 | 0 | 0 | 0 |");
    expect(md).toContain("bad \\| pipe");
  });

  it("says so when no phase wrote results (exit 2)", async () => {
    const r = await cli(["report", "--work-dir", await tmp()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no results in .*: run a phase first/);
  });

  it("rejects a corrupt results file with its path", async () => {
    const workDir = await tmp();
    await writeFile(path.join(workDir, "gate.results.json"), "{not json");
    const r = await cli(["report", "--work-dir", workDir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/gate\.results\.json: not a valid results file/);
  });

  it("summary of a release: per chart the published reference, or why it was skipped or failed", () => {
    const digest = `sha256:${"b".repeat(64)}`;
    const md = summaryMarkdown([
      {
        schemaVersion: 1,
        phase: "release",
        startedAt: "2026-11-26T00:00:00.000Z",
        finishedAt: "2026-11-26T00:00:01.000Z",
        status: "fail",
        findings: [],
        checks: [
          { id: "release floe-jobs 0.2.0", rule: "release", state: "pass" },
          {
            id: "release floe-platform 0.1.0",
            rule: "release",
            state: "skip",
            reason: "oci://r/c/floe-platform:0.1.0 is already published",
          },
          { id: "release charts/broken", rule: "release", state: "fail" },
        ],
        outputs: { published: `oci://r/c/floe-jobs:0.2.0@${digest}` },
      },
    ]);
    expect(md).toContain("### Release");
    expect(md).toContain(`| floe-jobs 0.2.0 | ✅ published \`oci://r/c/floe-jobs:0.2.0@${digest}\` |  |`);
    expect(md).toContain(
      "| floe-platform 0.1.0 | ⏭️ skipped: oci://r/c/floe-platform:0.1.0 is already published |  |",
    );
    expect(md).toContain("| charts/broken | ❌ failed (see the findings) |  |");
  });

  it("summary of a signed release to a registry and an index: package digest, places, signature, provenance", () => {
    const digest = `sha256:${"b".repeat(64)}`;
    const pkg = `sha256:${"c".repeat(64)}`;
    const md = summaryMarkdown([
      {
        schemaVersion: 1,
        phase: "release",
        startedAt: "2026-11-26T00:00:00.000Z",
        finishedAt: "2026-11-26T00:00:01.000Z",
        status: "pass",
        findings: [],
        checks: [{ id: "release floe-jobs 0.2.0", rule: "release", state: "pass" }],
        outputs: {
          published: `oci://r/c/floe-jobs:0.2.0@${digest}`,
          packages: `floe-jobs-0.2.0.tgz ${pkg}`,
          indexed: "floe-jobs 0.2.0 https://x.example/floe-jobs-0.2.0.tgz",
          signatures: `r/c/floe-jobs@${digest} r/c/floe-jobs:sha256-${"b".repeat(64)}.sig`,
          attestations: `r/c/floe-jobs@${digest} r/c/floe-jobs:sha256-${"b".repeat(64)}.att`,
        },
      },
    ]);
    expect(md).toContain("| Chart | Result | Package | Signature (verified) | SLSA provenance (verified) |");
    expect(md).toContain(
      `| floe-jobs 0.2.0 | ✅ published \`oci://r/c/floe-jobs:0.2.0@${digest}\`; added to the index (\`https://x.example/floe-jobs-0.2.0.tgz\`) | \`${pkg}\` | ✅ \`r/c/floe-jobs:sha256-${"b".repeat(64)}.sig\` | ✅ \`r/c/floe-jobs:sha256-${"b".repeat(64)}.att\` |`,
    );
  });

  it("summary for an empty run explains that nothing ran", () => {
    expect(summaryMarkdown([])).toMatch(/No phase wrote results/);
  });
});
