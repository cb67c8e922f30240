// Renders a fixture chart with the real helm binary and parses it with the gate's parseManifest, so check
// tests see exactly what the gate gives them (template files and lines included).

import type { CheckContext, CheckSettings, RenderCell } from "../../src/checks/types.js";
import { runTool } from "../../src/exec/runner.js";
import { helmTemplateArgv, NAMESPACE } from "../../src/helm/argv.js";
import { parseManifest } from "../../src/helm/manifest.js";
import type { GateConfig } from "../../src/plan/types.js";
import { applyPolicy } from "../../src/policy/apply.js";
import type { Finding, Severity } from "../../src/report/results.js";
import { helm, repoRoot, tool } from "../helpers/tools.js";

export const FIXTURES = "tests/fixtures/checks";

export interface RenderOptions {
  values?: string[];
  major?: 3 | 4;
  environment?: string;
}

export async function renderFixture(chart: string, opts: RenderOptions = {}): Promise<RenderCell> {
  const major = opts.major ?? 4;
  const chartDir = `${FIXTURES}/${chart}`;
  const argv = helmTemplateArgv({ bin: helm(major), major, chartDir, valuesFiles: opts.values ?? [] });
  const res = await runTool(argv, { cwd: repoRoot });
  if (res.code !== 0) throw new Error(`helm template ${chartDir} failed: ${res.stderr}`);
  return {
    scenario: {
      chart: { name: chart, version: "0.1.0", dir: chartDir },
      name: opts.environment ?? "default",
      valuesFiles: opts.values ?? [],
      ...(opts.environment ? { environment: opts.environment } : {}),
    },
    helm: major,
    objects: parseManifest(res.stdout, { chartDir, cwd: repoRoot }),
    manifest: res.stdout,
  };
}

export function context(settings: Partial<CheckSettings> = {}): CheckContext {
  return {
    settings: {
      kubeVersion: "1.37",
      kubesecThreshold: 9,
      externalReferences: [],
      releaseNamespace: NAMESPACE,
      ...settings,
    },
    tools: { kubesec: tool("kubesec") },
    cwd: repoRoot,
  };
}

/** Findings as the gate reports them after floe-gate.yaml's `severity` overrides (the one pipeline,
 * src/policy/apply.ts: checks return raw findings at their default severity). */
export function withSeverity(
  findings: readonly Finding[],
  severity: Record<string, Severity | "off">,
): Finding[] {
  const config = { severity, waivers: [], requirements: {} } as unknown as GateConfig;
  return findings.flatMap((f) => applyPolicy(f, config, "2026-01-01") ?? []);
}

/** `rule file:line` per finding, sorted: what the tables compare. */
export function where(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.file}:${f.line}`).sort();
}
