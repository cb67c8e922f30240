// The proof each generated file works before it is written: helm template of its chart with it (in a
// temporary folder, removed afterwards). The argv builder is pure (src/helm/argv.ts).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ToolError } from "../core/errors.js";
import type { HelmMajor } from "../core/rendered.js";
import { runTool } from "../exec/runner.js";
import { helmTemplateArgv } from "../helm/argv.js";

export interface RenderJob {
  /** Label in messages, e.g. `floe-jobs.shipments.values-prod.yaml`. */
  name: string;
  chartDir: string;
  release: string;
  namespace: string;
  text: string;
}

export interface RenderFailure {
  name: string;
  message: string;
}

/** Renders every job; the failures (helm's first error line each), empty when all rendered. */
export async function renderAll(
  helm: { bin: string; major: HelmMajor },
  jobs: readonly RenderJob[],
): Promise<RenderFailure[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "floe-helm-generate-"));
  const failures: RenderFailure[] = [];
  try {
    for (const [i, j] of jobs.entries()) {
      const file = path.join(dir, `${i}.yaml`);
      await writeFile(file, j.text);
      const argv = helmTemplateArgv({
        bin: helm.bin,
        major: helm.major,
        chartDir: j.chartDir,
        valuesFiles: [file],
        release: j.release,
        namespace: j.namespace,
      });
      const r = await runTool(argv, { timeoutMs: 120_000 });
      if (r.timedOut) throw new ToolError(`helm template ${j.name}: timed out after 120s`);
      if (r.code !== 0) {
        const line =
          r.stderr
            .split("\n")
            .map((l) => l.trim())
            .filter((l) => l !== "" && !l.startsWith("Use --debug"))
            .join(" ") || `exit ${r.code}`;
        failures.push({ name: j.name, message: line.replaceAll(file, j.name) });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return failures;
}
