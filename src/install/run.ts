// `floe-helm test`: for every chart x scenario x helm major of the gate's plan (same floe-gate.yaml,
// --chart, --values, --helm), against the cluster of `floe-helm cluster up`: helm install (waiting for
// workloads and Jobs), helm test, then the test pods' outcomes from `helm status -o json` (each with its
// floe.dev/covers, for the coverage matrix), then helm uninstall. One namespace per cell, so cells never
// see each other's objects. A scenario with a `platform` (floe-gate.yaml) gets that chart's scenario
// installed first in its namespace, under the release name its values expect (its own check), and both
// uninstalled after.
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Inputs } from "../config/inputs.js";
import type { ScenarioPlatform } from "../core/rendered.js";
import { type RunResult, runTool } from "../exec/runner.js";
import { parseRenderError } from "../helm/output.js";
import { resolveConfig } from "../plan/config.js";
import { buildPlan } from "../plan/plan.js";
import { type PhaseContext, reportSkippedCharts } from "../report/phase.js";
import {
  helmInstallArgv,
  helmStatusArgv,
  helmTestArgv,
  helmUninstallArgv,
  kubectlDeleteNamespaceArgv,
  kubectlPodPhasesArgv,
  kubectlReadyzArgv,
  type ReleaseArgs,
} from "./argv.js";
import { keepDiagnostics, watchWait } from "./diagnose/cell.js";
import type { KubeTarget } from "./diagnose/collect.js";
import { testHookChecks } from "./hooks.js";
import type { ImageSource } from "./images.js";
import { skipForMissingImages } from "./load-images.js";
import { recordNotRun } from "./not-run.js";
import { prepareClusterPhase } from "./setup.js";

export { kindPathNote, target } from "./setup.js";

export const RELEASE = "floe-test";
export const rules = {
  install: "install",
  helmTest: "helm-test",
  uninstall: "uninstall",
  cluster: "cluster",
} as const;

export interface TestPhaseOptions {
  cwd: string;
  /** helm --timeout for install, test and uninstall. */
  timeout?: string;
  /** kind: whether the node may pull images that are neither in it nor in local Docker (default node). */
  images?: ImageSource;
}

/** helm's own `Error:` line when it printed one (helm 4 logs INFO lines before it), else the first line. */
const errorLine = (s: string) =>
  s
    .split("\n")
    .find((l) => l.startsWith("Error: "))
    ?.replace(/^Error: /, "") ?? firstLine(s);

const firstLine = (s: string) =>
  s
    .trim()
    .split("\n")
    .find((l) => l.trim())
    ?.replace(/^Error: /, "") ?? "";

/** Installs a cell's platform (its own check, `install platform ...`); a failure is an error naming it, and the
 * cell's own install and helm test are then skipped by the caller. */
async function installPlatform(
  ctx: PhaseContext,
  o: {
    plat: ScenarioPlatform;
    a: ReleaseArgs;
    dir: string | undefined;
    kube: KubeTarget;
    step: string;
    label: string;
    where: { chart: string; scenario: string; helm: number };
    cwd: string;
    env: NodeJS.ProcessEnv;
    timeout: string;
  },
): Promise<RunResult> {
  const ps = o.plat.scenario;
  const id = `install platform ${ps.chart.name}/${ps.name} (release ${o.plat.release}) for ${o.label}`;
  if (!o.dir) {
    ctx.check({
      id,
      rule: rules.install,
      state: "skip",
      reason: "the chart's dependencies are missing (see dependency)",
    });
    return { argv: [], code: 1, stdout: "", stderr: "", durationMs: 0, timedOut: false };
  }
  const dir = o.dir;
  const t0 = Date.now();
  ctx.progress(`${o.step}: helm install ${ps.chart.name}/${ps.name} as ${o.plat.release} (its platform)`);
  const r = await watchWait(
    ctx,
    o.kube,
    `${o.step}: platform ${o.plat.release}: helm install --wait`,
    o.timeout,
    () =>
      runTool(
        helmInstallArgv({
          ...o.a,
          chartDir: dir,
          valuesFiles: ps.valuesFiles.map((f) => path.resolve(o.cwd, f)),
        }),
        { env: o.env, cwd: o.cwd },
      ),
  );
  if (r.code !== 0) {
    const m = parseRenderError(r.stderr || r.stdout, path.resolve(o.cwd, ps.chart.dir), o.cwd);
    ctx.add({
      rule: rules.install,
      severity: "error",
      message: `helm install of the platform ${ps.chart.name}/${ps.name} (release ${o.plat.release}) failed: ${m.message}`,
      ...(m.file ? { file: m.file, line: m.line ?? 1, ...(m.col ? { col: m.col } : {}) } : {}),
      ...o.where,
    });
  }
  ctx.check({ id, rule: rules.install, state: r.code === 0 ? "pass" : "fail", durationMs: Date.now() - t0 });
  return r;
}

export async function runTest(ctx: PhaseContext, inputs: Inputs, opts: TestPhaseOptions): Promise<void> {
  const { cwd } = opts;
  const timeout = opts.timeout ?? "300s";
  const config = await resolveConfig(inputs, cwd);
  const plan = await buildPlan(config, inputs, cwd);
  reportSkippedCharts(ctx, plan.skipped);
  // The platforms' charts too: `--chart charts/floe-jobs` still installs its platform first.
  const platformCharts = plan.cells.flatMap((c) =>
    c.scenario.platform ? [c.scenario.platform.scenario.chart] : [],
  );
  const scenarios = plan.cells.flatMap((c) => [
    c.scenario,
    ...(c.scenario.platform ? [c.scenario.platform.scenario] : []),
  ]);
  const setup = await prepareClusterPhase(ctx, inputs, {
    cwd,
    phase: "test",
    helmMajors: config.helmMajors,
    charts: [...plan.charts.map((c) => c.info), ...platformCharts],
    scenarios,
    release: RELEASE,
    ...(opts.images ? { images: opts.images } : {}),
    // What a scenario turns off here (floe-gate.yaml notRun): its helm test pods are skips saying why.
    beforeImages: async (s) => {
      const h0 = config.helmMajors[0]!;
      const notRun = {
        config,
        cells: plan.cells,
        chartDir: s.chartDir,
        helm: { bin: s.bin(h0), major: h0 },
        release: RELEASE,
      };
      await recordNotRun(ctx, notRun, { env: s.env, cwd });
    },
  });
  const { kubeconfig, simulated, tools, env, chartDir, bin } = setup;
  if (!setup.imagesReady) {
    skipForMissingImages(ctx, plan.cells, "install", rules.install);
    return;
  }

  // One namespace per cell and per run: a namespace deleted by an earlier run may still be terminating.
  const run = randomBytes(3).toString("hex");
  let n = 0;
  for (const cell of plan.cells) {
    n++;
    const s = cell.scenario;
    const label = `${s.chart.name}/${s.name} helm${cell.helm}`;
    const where = { chart: s.chart.name, scenario: s.name, helm: cell.helm };
    const a = {
      bin: bin(cell.helm),
      major: cell.helm,
      kubeconfig,
      release: RELEASE,
      namespace: `floe-test-${run}-${n}`,
      timeout,
    };
    ctx.progress(`test: [${n}/${plan.cells.length}] ${label}: helm install`);
    const dir = chartDir.get(s.chart.dir);
    if (!dir) {
      ctx.check({
        id: `install ${label}`,
        rule: rules.install,
        state: "skip",
        reason: "the chart's dependencies are missing (see dependency)",
      });
      continue;
    }
    let failed = false;
    const kube = { kubectl: tools.kubectl, kubeconfig, namespace: a.namespace, env, cwd };
    const step = `test: [${n}/${plan.cells.length}] ${label}`;
    // The platform this scenario runs against, first and waited for: without it the chart's install
    // would only wait for what it cannot reach.
    const plat = s.platform;
    const pa = plat && { ...a, release: plat.release };
    const pinst =
      plat && pa
        ? await installPlatform(ctx, {
            plat,
            a: pa,
            dir: chartDir.get(plat.scenario.chart.dir),
            kube,
            step,
            label,
            where,
            cwd,
            env,
            timeout,
          })
        : undefined;
    if (pinst && pinst.code !== 0) failed = true;
    const t0 = Date.now();
    const inst = failed
      ? undefined
      : await watchWait(ctx, kube, `${step}: helm install --wait`, timeout, () =>
          runTool(
            helmInstallArgv({
              ...a,
              chartDir: dir,
              valuesFiles: s.valuesFiles.map((f) => path.resolve(cwd, f)),
            }),
            { env, cwd },
          ),
        );
    if (!inst) {
      ctx.check({
        id: `install ${label}`,
        rule: rules.install,
        state: "skip",
        reason: `its platform ${plat?.scenario.chart.name}/${plat?.scenario.name} (release ${plat?.release}) did not install`,
      });
      ctx.check({
        id: `${rules.helmTest} ${label}`,
        rule: rules.helmTest,
        state: "skip",
        reason: "the release did not install",
      });
    } else if (inst.code !== 0) {
      failed = true;
      // helm's whole message: a schema refusal names the wrong values only after its first line.
      const m = parseRenderError(inst.stderr || inst.stdout, path.resolve(cwd, s.chart.dir), cwd);
      ctx.add({
        rule: rules.install,
        severity: "error",
        message: `helm install failed: ${m.message}`,
        ...(m.file ? { file: m.file, line: m.line ?? 1, ...(m.col ? { col: m.col } : {}) } : {}),
        ...where,
      });
      ctx.check({ id: `install ${label}`, rule: rules.install, state: "fail", durationMs: Date.now() - t0 });
      ctx.check({
        id: `${rules.helmTest} ${label}`,
        rule: rules.helmTest,
        state: "skip",
        reason: "the release did not install",
      });
    } else {
      ctx.check({ id: `install ${label}`, rule: rules.install, state: "pass", durationMs: Date.now() - t0 });
      ctx.progress(`test: [${n}/${plan.cells.length}] ${label}: helm test`);
      const test = await watchWait(ctx, kube, `${step}: helm test`, timeout, () =>
        runTool(helmTestArgv(a), { env, cwd }),
      );
      if (test.code !== 0) failed = true;
      if (test.code !== 0)
        ctx.add({
          rule: rules.helmTest,
          severity: "error",
          message: `helm test failed: ${errorLine(test.stderr || test.stdout)}`,
          ...where,
        });
      const st = await runTool(helmStatusArgv(a), { env, cwd });
      // A real cluster's own view of the test pods after a failed helm test: a pod that outlived --timeout
      // is still Running there, though helm records it as Failed.
      const livePhases: Record<string, string> = {};
      if (test.code !== 0 && !simulated) {
        const ph = await runTool(kubectlPodPhasesArgv(tools.kubectl, kubeconfig, a.namespace), {
          env,
          cwd,
          timeoutMs: 60_000,
        });
        for (const l of ph.stdout.split("\n")) {
          const [pod, phase] = l.trim().split(" ");
          if (pod && phase) livePhases[pod] = phase;
        }
      }
      if (st.code === 0) {
        const checks = testHookChecks(st.stdout, { cell: label, simulated, livePhases, timeout });
        for (const c of checks) ctx.check(c);
        if (!checks.length)
          ctx.check({
            id: `${rules.helmTest} ${label}`,
            rule: rules.helmTest,
            state: "skip",
            reason: "the chart renders no helm test pod in this scenario",
          });
      } else {
        ctx.add({
          rule: rules.helmTest,
          severity: "error",
          message: `helm status failed: ${firstLine(st.stderr)}`,
          ...where,
        });
      }
    }
    if (failed) {
      // A cluster that went away fails every call after it: said once, as the cluster's failure, and the
      // cells after this one are not run.
      const ready = await runTool(kubectlReadyzArgv(tools.kubectl, kubeconfig), {
        env,
        cwd,
        timeoutMs: 30_000,
      });
      if (ready.code !== 0 || ready.stdout.trim() !== "ok") {
        const rest = plan.cells.slice(n);
        ctx.add({
          rule: rules.cluster,
          severity: "error",
          message: `the cluster's API server stopped answering during ${label} (kubectl get --raw /readyz: ${firstLine(ready.stderr || ready.stdout)}): the failure above is the cluster's, not the chart's${rest.length ? `; ${rest.length} later cell(s) not run` : ""}`,
          ...where,
        });
        for (const later of rest)
          ctx.check({
            id: `install ${later.scenario.chart.name}/${later.scenario.name} helm${later.helm}`,
            rule: rules.install,
            state: "skip",
            reason: "the cluster's API server stopped answering",
          });
        break;
      }
      const dir = path.join(
        inputs.workDir,
        "diagnostics",
        "test",
        `${s.chart.name}-${s.name}-helm${cell.helm}`,
      );
      await keepDiagnostics(ctx, kube, { dir, subject: label, rule: rules.install, step, where });
    }
    // Uninstall even after a failed install (helm 3 keeps a failed release), so the next run starts clean;
    // the chart before its platform.
    for (const [args, r] of [[a, inst], ...(pa ? [[pa, pinst] as const] : [])] as const) {
      if (!r) continue;
      const un = await runTool(helmUninstallArgv(args), { env, cwd });
      if (un.code !== 0 && r.code === 0)
        ctx.add({
          rule: rules.uninstall,
          severity: "warning",
          message: `helm uninstall ${args.release} failed: ${firstLine(un.stderr)}`,
          ...where,
        });
    }
    const ns = await runTool(kubectlDeleteNamespaceArgv(tools.kubectl, kubeconfig, a.namespace), {
      env,
      cwd,
    });
    if (ns.code !== 0)
      ctx.add({
        rule: rules.uninstall,
        severity: "warning",
        message: `namespace ${a.namespace} not deleted: ${firstLine(ns.stderr)}`,
        ...where,
      });
  }
  if (simulated)
    ctx.add({
      rule: rules.helmTest,
      severity: "info",
      message:
        "the cluster is kwok: installs are real API calls, test pods are simulated (recorded as skipped)",
    });
}
