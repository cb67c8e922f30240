// What generate writes passes the gate (issue 16: "values that pass the gate for both charts"): the example's
// manifest and two data products, for dev, the manifest's own qa (promotion path) and prod, with the platform's
// production overrides (charts/floe-platform/values-prod.yaml: external PostgreSQL and S3, so the prod policy's
// PodDisruptionBudgets hold) given to generate as a user would. Each written file is then one `floe-helm gate`
// run on its chart from the repository root (floe-gate.yaml's rules and helm majors), the bundled CLI both times.
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";
import { example, exampleInputs } from "./example-inputs.js";

const exec = promisify(execFile);
type Run = { code: number; stdout: string; stderr: string };
const floeHelm = (args: string[]): Promise<Run> =>
  exec(process.execPath, [path.join(repoRoot, "dist", "index.js"), ...args, "--tools-dir", toolsDir], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: Run) => e,
  );

describe("generate's values pass the gate, for both charts and every environment", () => {
  const scratch = tempDir("floe-generate-gate-");
  const out = path.join(scratch, "values");
  let generated: Run;
  beforeAll(async () => {
    generated = await floeHelm([
      "generate",
      "--work-dir",
      path.join(scratch, "work"),
      ...exampleInputs,
      "--env",
      "dev,qa,prod",
      "--values",
      `floe-jobs=${example}/floe-jobs.overrides.yaml`,
      "--values",
      "floe-platform=charts/floe-platform/values-prod.yaml",
      "--output-dir",
      out,
    ]);
  }, 300_000);

  test("generate: exit 0, the literal secret reported and not copied, 9 files", () => {
    expect(generated.code, generated.stderr + generated.stdout).toBe(0);
    expect(generated.stdout).toMatch(/manifest\.yaml:\d+:\d+: warning plain-secret: /);
    expect(readdirSync(out)).toHaveLength(9);
  });

  test("every file passes the gate on its chart", async () => {
    const files = readdirSync(out).sort();
    const runs = await Promise.all(
      files.map((f) => {
        const chart = `charts/${f.startsWith("floe-platform.") ? "floe-platform" : "floe-jobs"}`;
        return floeHelm([
          "gate",
          "--chart",
          chart,
          "--values",
          `${chart}=${path.join(out, f)}`,
          "--work-dir",
          path.join(scratch, `gate-${f}`),
        ]).then((r) => [f, r] as const);
      }),
    );
    for (const [f, r] of runs) {
      expect(r.code, `${f}\n${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout, f).toMatch(/^gate: PASS: 0 error\(s\)/m);
    }
  }, 600_000);
});
