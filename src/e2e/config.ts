// floe-gate.yaml `e2e` -> what `floe-helm e2e` installs: the platform (a scenario of one of the charts listed,
// plus extra values) and the data product (a chart and its values), each with its release name. A chart,
// scenario or values file that does not exist is a usage error at the `e2e.platform` / `e2e.product` entry.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Inputs } from "../config/inputs.js";
import { UserError } from "../core/errors.js";
import { relPosix } from "../core/paths.js";
import type { Scenario, SourcePosition } from "../core/rendered.js";
import { declaredNotRun } from "../install/not-run.js";
import { buildPlan, readChartMeta } from "../plan/plan.js";
import type { GateConfig, NotRunComponent } from "../plan/types.js";

export interface E2ePlan {
  platform: Scenario;
  platformRelease: string;
  /** Manifest files (relative to cwd) applied into the namespace before the platform is installed. */
  platformObjects: string[];
  product: Scenario;
  productRelease: string;
  /** What the platform scenario declares not run here (floe-gate.yaml `notRun`): checks that need one of them
   * are recorded "not run here" with its reason instead of failing on a component that is not there. */
  platformNotRun: NotRunComponent[];
}

/** `scenario`: the platform scenario to install instead of `e2e.platform.scenario` (--platform-scenario, the
 * action's e2e-scenario), e.g. one with upstream images on a runner that can pull them. */
export async function resolveE2e(
  config: GateConfig,
  inputs: Inputs,
  cwd: string,
  scenarioOverride?: string,
): Promise<E2ePlan> {
  const file = config.file ?? "floe-gate.yaml";
  const e = config.e2e;
  if (!e)
    throw new UserError(
      `${file} has no 'e2e' section: name the platform (chart, scenario, release) and the data product (chart, values, release) it installs`,
    );
  const p = e.platform;
  const at = (x: { at?: SourcePosition }) => x.at;
  const files = (list: string[], where: string, pos: SourcePosition | undefined) =>
    list.map((f) => {
      const abs = path.resolve(cwd, f);
      if (!existsSync(abs) || !statSync(abs).isFile())
        throw new UserError(
          `${where}: ${where.endsWith(".objects") ? "manifest" : "values"} file not found: ${relPosix(cwd, abs)}`,
          pos,
        );
      return relPosix(cwd, abs);
    });

  const platAbs = path.resolve(cwd, p.chart);
  if (!config.charts.some((c) => path.resolve(cwd, c.dir) === platAbs))
    throw new UserError(
      `e2e.platform: chart ${p.chart} is not one of the charts listed (${config.charts.map((c) => c.dir).join(", ") || "none"})`,
      at(p),
    );
  // The chart's scenarios as `floe-helm test` sees them (declared and found), whatever --scenario says.
  const whole = { ...inputs, charts: [platAbs], scenarios: [], valuesFiles: [], chartValues: [] };
  const plan = await buildPlan(config, whole, cwd);
  const all = [...new Map(plan.cells.map((c) => [c.scenario.name, c.scenario])).values()];
  const wanted = scenarioOverride?.trim() || p.scenario;
  const scenario = all.find((s) => s.name === wanted);
  const names = all.map((s) => s.name).join(", ");
  if (!scenario && wanted !== p.scenario)
    throw new UserError(
      `--platform-scenario: '${wanted}' is not a scenario of ${p.chart}, the e2e platform's chart in ${file} (it has: ${names})`,
    );
  if (!scenario)
    throw new UserError(
      `e2e.platform: scenario '${p.scenario}' is not a scenario of ${p.chart} (it has: ${names})`,
      at(p),
    );
  const platform: Scenario = {
    ...scenario,
    valuesFiles: [...scenario.valuesFiles, ...files(p.values, "e2e.platform", at(p))],
  };

  const d = e.product;
  const prodAbs = path.resolve(cwd, d.chart);
  let meta: Awaited<ReturnType<typeof readChartMeta>>;
  try {
    meta = await readChartMeta(prodAbs, cwd);
  } catch (err) {
    throw new UserError(`e2e.product: ${(err as Error).message}`, at(d));
  }
  const product: Scenario = {
    chart: { name: meta.name, version: meta.version, dir: relPosix(cwd, prodAbs) },
    name: "e2e",
    valuesFiles: files(d.values, "e2e.product", at(d)),
  };
  if (d.release === p.release)
    throw new UserError(`e2e.product: release ${d.release} is the platform's release name too`, at(d));
  return {
    platform,
    platformRelease: p.release,
    platformObjects: files(p.objects, "e2e.platform.objects", at(p)),
    product,
    productRelease: d.release,
    platformNotRun: declaredNotRun(config, scenario, cwd),
  };
}
