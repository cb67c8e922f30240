// examples/generate: the values files floe-helm generate writes from the example's manifest and data
// products are the ones checked in (examples/generate/values), byte for byte. After a deliberate change,
// regenerate them with the command in examples/generate/README.md.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";
import { example, exampleInputs } from "./example-inputs.js";

const exec = promisify(execFile);
const golden = path.join(repoRoot, example, "values");

describe("examples/generate: golden values files", () => {
  const out = path.join(tempDir("floe-generate-example-"), "values");
  let run: { stdout: string; stderr: string };
  beforeAll(async () => {
    run = await exec(
      process.execPath,
      [
        path.join(repoRoot, "dist", "index.js"),
        "generate",
        "--tools-dir",
        toolsDir,
        "--work-dir",
        path.join(out, "..", "work"),
        ...exampleInputs,
        "--env",
        "dev",
        "--env",
        "prod",
        "--values",
        `floe-jobs=${example}/floe-jobs.overrides.yaml`,
        "--set",
        "floe-platform.dagster.webserver.replicaCount=2",
        "--output-dir",
        out,
      ],
      { cwd: repoRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME } },
    );
  }, 300_000);

  test("the same files as checked in", () => {
    expect(readdirSync(out).sort()).toEqual(readdirSync(golden).sort());
  });

  test.each(readdirSync(golden).sort())("%s is byte for byte the checked-in one", (f) => {
    expect(readFileSync(path.join(out, f), "utf8")).toBe(readFileSync(path.join(golden, f), "utf8"));
  });

  test("presets: the manifest's large in prod, inventory's label medium everywhere; orders' time zone", () => {
    const yaml = (f: string) => parse(readFileSync(path.join(out, f), "utf8"));
    const large = { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "4", memory: "4Gi" } };
    const medium = { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "1000m", memory: "1Gi" } };
    expect(yaml("floe-platform.values-prod.yaml").dagster.runLauncher.runResources).toEqual(large);
    expect(yaml("floe-jobs.orders.values-prod.yaml").jobDefaults.resources).toEqual(large);
    for (const env of ["dev", "prod"])
      expect(yaml(`floe-jobs.inventory.values-${env}.yaml`).jobDefaults.resources).toEqual(medium);
    expect(yaml("floe-jobs.orders.values-dev.yaml").jobs["dbt-build"].timeZone).toBe("UTC");
  });

  test("warnings: the literal secret, the Marquez URL, prod on the bundled stores", () => {
    expect(run.stdout).toContain(`${example}/manifest.yaml:25:9: warning plain-secret:`);
    expect(run.stdout).toContain(`${example}/manifest.yaml:38:7: warning generate/derived-endpoint:`);
    expect(run.stdout).toContain(
      `${example}/manifest.yaml:28:5: warning generate/prod-bundled: prod on floe-platform's bundled MinIO`,
    );
    expect(run.stdout).toMatch(
      /charts\/floe-platform\/values\.yaml:\d+:\d+: warning generate\/prod-bundled: prod on floe-platform's single PostgreSQL/,
    );
    expect(run.stdout).toMatch(/PASS: 0 error\(s\), 4 warning\(s\)/);
    for (const f of readdirSync(golden))
      expect(readFileSync(path.join(golden, f), "utf8")).not.toContain("demo-secret");
  });
});
