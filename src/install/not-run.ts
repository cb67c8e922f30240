// Components a scenario turns off because they cannot run where it runs (floe-gate.yaml
// `scenarios[].notRun`: kind-local has no Polaris and no Marquez, no registry reachable here serves them).
// floe-gate.yaml names only the component and why; the helm test pods it would bring, and so the requirement
// ids, come from the chart itself: the scenario rendered with `<component>.enabled=true` against its own
// render, each test pod only the first has is the component's. `floe-helm test` records each as a skipped
// helm-test check "not run here: <reason>" with the pod's floe.dev/covers, so the coverage matrix shows
// those requirements as not run here, never as passed and never silently missing.
import path from "node:path";
import type { HelmMajor } from "../config/inputs.js";
import type { CheckStatus } from "../core/findings.js";
import type { Scenario } from "../core/rendered.js";
import { runTool } from "../exec/runner.js";
import { helmTemplateArgv } from "../helm/argv.js";
import { parseManifest } from "../helm/manifest.js";
import { parseRenderError } from "../helm/output.js";
import type { GateConfig, NotRunComponent } from "../plan/types.js";
import { NOT_RUN_HERE } from "../report/coverage.js";
import type { PhaseContext } from "../report/phase.js";
import { HELM_TEST_RULE, type TestPod, testPods } from "../report/test-pods.js";

export const NOT_RUN_RULE = "not-run";

/** A component a scenario leaves off, with the helm test pods it would have brought. */
export interface NotRunPods extends NotRunComponent {
  pods: TestPod[];
}

/** The `--set` that switches a component on for the comparison render. */
export const enableArg = (component: string) => `${component}.enabled=true`;

/** The test pods of `on` (a render with the component switched on) that `base` (the scenario's own
 * render) lacks, by name, in `on`'s order. */
export function podsOnlyIn(on: readonly TestPod[], base: readonly TestPod[]): TestPod[] {
  const have = new Set(base.map((p) => p.name));
  return on.filter((p) => !have.has(p.name));
}

/** The skipped checks of one plan cell (`<chart>/<scenario> helm<N>`): one per pod a component would bring,
 * with the id a real run of that pod has, so the report lines up with a run where the component is on. */
export function notRunChecks(entries: readonly NotRunPods[], scenario: string, cell: string): CheckStatus[] {
  return entries.flatMap((e) =>
    e.pods.map((p) => ({
      id: `${HELM_TEST_RULE} ${p.name} ${cell}`,
      rule: HELM_TEST_RULE,
      state: "skip" as const,
      reason: `${NOT_RUN_HERE}: ${e.reason} (${e.component} is off in scenario ${scenario})`,
      ...(p.covers.length ? { covers: p.covers } : {}),
    })),
  );
}

/** What floe-gate.yaml declares as not run for a planned scenario (none for scenarios it does not declare). */
export function declaredNotRun(config: GateConfig, s: Scenario, cwd: string): NotRunComponent[] {
  const chart = config.charts.find((c) => path.resolve(cwd, c.dir) === path.resolve(cwd, s.chart.dir));
  return chart?.scenarios?.find((d) => d.name === s.name)?.notRun ?? [];
}

const key = (s: Scenario) => `${s.chart.dir}\0${s.name}`;

/** Renders each scenario that declares components not run, once as it is and once per component switched
 * on, and records the not-run pods of every cell as skipped checks. A render that fails, or a component
 * whose switch brings no test pod (a stale declaration), is a finding. */
export async function recordNotRun(
  ctx: PhaseContext,
  a: {
    config: GateConfig;
    cells: ReadonlyArray<{ scenario: Scenario; helm: HelmMajor }>;
    chartDir: ReadonlyMap<string, string>;
    helm: { bin: string; major: HelmMajor };
    release: string;
  },
  opts: { env: NodeJS.ProcessEnv; cwd: string },
): Promise<void> {
  const out = new Map<string, NotRunPods[]>();
  const scenarios = new Map(a.cells.map((c) => [key(c.scenario), c.scenario]));
  for (const s of scenarios.values()) {
    const declared = declaredNotRun(a.config, s, opts.cwd);
    const dir = a.chartDir.get(s.chart.dir);
    if (!declared.length || !dir) continue;
    const where = { chart: s.chart.name, scenario: s.name };
    const render = async (set: string[]) => {
      const r = await runTool(
        helmTemplateArgv({
          ...a.helm,
          chartDir: dir,
          valuesFiles: s.valuesFiles.map((f) => path.resolve(opts.cwd, f)),
          release: a.release,
          set,
        }),
        { ...opts, timeoutMs: 120_000 },
      );
      if (r.code !== 0) {
        ctx.add({
          rule: NOT_RUN_RULE,
          severity: "error",
          message: `helm template${set.length ? ` --set ${set.join(" --set ")}` : ""} failed, so the helm test pods of ${declared.map((d) => d.component).join(", ")} (not run in this scenario) are unknown: ${parseRenderError(r.stderr || r.stdout, dir, opts.cwd).message}`,
          ...where,
        });
        return undefined;
      }
      return testPods(parseManifest(r.stdout, { chartDir: dir, cwd: opts.cwd }));
    };
    const base = await render([]);
    if (!base) continue;
    const entries: NotRunPods[] = [];
    for (const d of declared) {
      const on = await render([enableArg(d.component)]);
      if (!on) continue;
      const pods = podsOnlyIn(on, base);
      if (!pods.length)
        ctx.add({
          rule: NOT_RUN_RULE,
          severity: "warning",
          message: `${a.config.file ?? "floe-gate.yaml"}: scenario ${s.name} declares ${d.component} not run, but ${enableArg(d.component)} adds no helm test pod (is it on in this scenario, or has no test pod?)`,
          ...where,
        });
      entries.push({ ...d, pods });
    }
    out.set(key(s), entries);
  }
  for (const { scenario: s, helm } of a.cells)
    for (const c of notRunChecks(out.get(key(s)) ?? [], s.name, `${s.chart.name}/${s.name} helm${helm}`))
      ctx.check(c);
}
