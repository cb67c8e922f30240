// `floe-helm upgrade`: the live upgrade and rollback, for every chart x scenario x helm major of the plan,
// against the cluster of `floe-helm cluster up` (the static counterpart is `upgrade-check`). Per cell, in a
// namespace of its own: install the base (the git base upgrade-check uses, or --base-chart) with the
// scenario's values, start the availability prober (./prober.ts) on every Service whose workload runs 2+
// replicas, `helm upgrade --wait` to this change's chart, helm test, `helm rollback --wait` to the base,
// helm test again, then stop the prober and report what it counted per Service. On kwok the same calls run
// at the API level (hooks, immutable-field refusals, rollback); kwok runs no pods, so nothing is probed.
import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { dockerImageInspectArgv, kindLoadArgv } from "../../cluster/kind/config.js";
import { resolveDocker } from "../../cluster/on-path.js";
import type { HelmMajor, Inputs } from "../../config/inputs.js";
import { durationMs } from "../../core/duration.js";
import { UserError } from "../../core/errors.js";
import type { Scenario } from "../../core/rendered.js";
import { type RunResult, runTool } from "../../exec/runner.js";
import { helmTemplateArgv } from "../../helm/argv.js";
import { prepareDependencies } from "../../helm/deps.js";
import { parseManifest } from "../../helm/manifest.js";
import { parseRenderError } from "../../helm/output.js";
import {
  helmInstallArgv,
  helmStatusArgv,
  helmTestArgv,
  helmUninstallArgv,
  kubectlDeleteNamespaceArgv,
  kubectlPodPhasesArgv,
  type ReleaseArgs,
} from "../../install/argv.js";
import { keepDiagnostics, watchWait } from "../../install/diagnose/cell.js";
import { testHookChecks } from "../../install/hooks.js";
import type { ImageSource } from "../../install/images.js";
import { prepareKindImages, skipForMissingImages } from "../../install/load-images.js";
import { RELEASE } from "../../install/run.js";
import { connectCluster } from "../../install/setup.js";
import { resolveConfig } from "../../plan/config.js";
import { buildPlan, type PlannedChartMeta } from "../../plan/plan.js";
import { type PhaseContext, reportSkippedCharts } from "../../report/phase.js";
import { gitToplevel, resolveBase } from "../git.js";
import { type ChartBase, exportGitBases, publishedBase } from "../run.js";
import {
  helmRollbackArgv,
  helmUpgradeArgv,
  kubectlCreateStdinArgv,
  kubectlDeletePodArgv,
  kubectlProberLogArgv,
  kubectlServingObjectsArgv,
  kubectlStopProberArgv,
  kubectlWaitEndedArgv,
  kubectlWaitReadyArgv,
} from "./argv.js";
import {
  attributeFailures,
  type ProbeTarget,
  parseProberLog,
  proberPod,
  probeTargets,
  type StepWindow,
} from "./prober.js";

/** Rule ids of this phase (README rule table); floe-gate.yaml maps SC-008, GAP-003 and T115 to them. */
export const liveRules = {
  install: "upgrade/live-install",
  upgrade: "upgrade/live-upgrade",
  helmTest: "upgrade/live-helm-test",
  rollback: "upgrade/live-rollback",
  availability: "upgrade/availability",
} as const;

export const KWOK_NO_PODS =
  "kwok runs no pods: no traffic to probe (the upgrade is proved at the API level only)";

export interface LiveUpgradeOptions {
  cwd: string;
  timeout?: string;
  images?: ImageSource;
  /** The helm major that installs the base (default: the cell's own). */
  baseHelm?: HelmMajor;
  /** The prober's image (default: the image of the chart's first helm test pod). */
  proberImage?: string;
  /** Pause between the prober's rounds (ms). */
  probeIntervalMs?: number;
}

/** helm's Error: line, with the API server's dump of a refused object (often kilobytes of Go structs) cut. */
const errorLine = (s: string) => firstErrorLine(s).replace(/Invalid value: \{.*\}: /, "Invalid value: {…}: ");

const firstErrorLine = (s: string) =>
  s
    .split("\n")
    .find((l) => l.startsWith("Error: "))
    ?.replace(/^Error: /, "") ??
  s
    .trim()
    .split("\n")
    .find((l) => l.trim()) ??
  "";

const isTestHook = (doc: Record<string, unknown>) => {
  const ann = (doc.metadata as { annotations?: Record<string, string> } | undefined)?.annotations ?? {};
  return (ann["helm.sh/hook"] ?? "").split(",").includes("test");
};

/** The image and labels of the chart's first rendered helm test pod: the prober runs as one of them. */
async function testPodIdentity(
  bin: string,
  major: HelmMajor,
  chartDir: string,
  valuesFiles: string[],
  opts: { env: NodeJS.ProcessEnv; cwd: string },
): Promise<{ image?: string; labels: Record<string, string> }> {
  const r = await runTool(helmTemplateArgv({ bin, major, chartDir, valuesFiles, release: RELEASE }), {
    ...opts,
    timeoutMs: 120_000,
  });
  if (r.code !== 0) return { labels: {} };
  const pod = parseManifest(r.stdout, { chartDir, cwd: opts.cwd }).find(
    (o) => o.kind === "Pod" && isTestHook(o.doc as Record<string, unknown>),
  );
  const doc = (pod?.doc ?? {}) as {
    metadata?: { labels?: Record<string, string> };
    spec?: { containers?: Array<{ image?: string }> };
  };
  const image = doc.spec?.containers?.[0]?.image;
  return { ...(image ? { image } : {}), labels: doc.metadata?.labels ?? {} };
}

/** The base of each chart: a git ref exported under `tmp` (upgrade-check's --base and default), or the
 * published chart of --base-chart. Charts without a base are reported and left out. */
async function resolveBases(
  ctx: PhaseContext,
  inputs: Inputs,
  charts: readonly PlannedChartMeta[],
  helmBin: string,
  cwd: string,
  tmp: string,
): Promise<Map<PlannedChartMeta, ChartBase>> {
  const bases = new Map<PlannedChartMeta, ChartBase>();
  if (inputs.upgradeBaseChart) {
    const { chart, base } = await publishedBase(inputs.upgradeBaseChart, [...charts], helmBin, cwd);
    bases.set(chart, base);
    for (const c of charts.filter((c) => c !== chart))
      ctx.check({
        id: `upgrade ${c.info.name}`,
        rule: liveRules.upgrade,
        state: "skip",
        reason: `--base-chart is a version of ${chart.info.name}`,
      });
    return bases;
  }
  const top = await gitToplevel(cwd);
  const rev = await resolveBase(top, inputs.upgradeBase, inputs.githubBaseRef).catch((e: unknown) => {
    throw e instanceof UserError
      ? new UserError(e.message.replace(/^upgrade-check needs/, "upgrade needs"))
      : e;
  });
  ctx.progress(`upgrade: base ${rev.label}`);
  ctx.output("base", rev.commit);
  const exported = await exportGitBases(top, rev, charts, cwd, tmp);
  for (const chart of exported.missing)
    ctx.check({
      id: `upgrade ${chart.info.name}`,
      rule: liveRules.upgrade,
      state: "skip",
      reason: `new chart: not at the base ${rev.label}, there is nothing to upgrade from`,
    });
  for (const [chart, base] of exported.bases) bases.set(chart, base);
  return bases;
}

export async function runLiveUpgrade(
  ctx: PhaseContext,
  inputs: Inputs,
  opts: LiveUpgradeOptions,
): Promise<void> {
  const { cwd } = opts;
  const timeout = opts.timeout ?? "300s";
  if (inputs.upgradeBase && inputs.upgradeBaseChart)
    throw new UserError("pass either --base (a git ref) or --base-chart (a published chart), not both");
  const config = await resolveConfig(inputs, cwd);
  const plan = await buildPlan(config, inputs, cwd);
  reportSkippedCharts(ctx, plan.skipped);
  const majors = [...new Set([...config.helmMajors, ...(opts.baseHelm ? [opts.baseHelm] : [])])];
  const { kubeconfig, simulated, kind, tools, env, bin } = await connectCluster(ctx, inputs, {
    phase: "upgrade",
    helmMajors: majors,
    ...(opts.images ? { images: opts.images } : {}),
  });
  const first = config.helmMajors[0]!;
  await mkdir(inputs.workDir, { recursive: true });
  const tmp = await mkdtemp(path.join(inputs.workDir, "upgrade-live-"));
  try {
    const bases = await resolveBases(ctx, inputs, plan.charts, bin(first), cwd, tmp);
    // Both sides with their dependencies built (copies under the work dir).
    const dirs = new Map<PlannedChartMeta, { head: string; base: string }>();
    for (const [chart, base] of bases) {
      const helm = { bin: bin(first), major: first };
      const head = await prepareDependencies(chart.abs, cwd, helm, inputs.workDir);
      const b = statSync(base.chart).isDirectory()
        ? await prepareDependencies(base.chart, base.cwd, helm, inputs.workDir)
        : { dirAbs: base.chart, problems: [] };
      const problem = head.problems[0] ?? b.problems[0];
      if (problem) {
        ctx.add({
          rule: liveRules.install,
          severity: "error",
          message: `the dependencies of ${chart.info.name} (${head.problems.length ? "this change" : `base ${base.label}`}) cannot be built: ${problem.message}`,
          ...problem.at,
          chart: chart.info.name,
        });
        continue;
      }
      dirs.set(chart, { head: head.dirAbs, base: b.dirAbs });
    }
    const baseValues = (chart: PlannedChartMeta, s: Scenario) =>
      s.valuesFiles.map((f) => bases.get(chart)?.values(f) ?? path.resolve(cwd, f));
    for (const [chart, base] of bases) {
      for (const f of new Set(chart.scenarios.flatMap((s) => s.valuesFiles))) {
        if (base.values(f) || !statSync(base.chart).isDirectory()) continue;
        ctx.add({
          rule: liveRules.install,
          severity: "info",
          message: `${f} does not exist at the base (${base.label}): the base is installed with this change's ${path.basename(f)} instead`,
          file: f,
          line: 1,
          chart: chart.info.name,
        });
      }
      if (!statSync(base.chart).isDirectory())
        ctx.add({
          rule: liveRules.install,
          severity: "info",
          message: `the base is the published chart ${base.label}: it is installed with this change's values files`,
          chart: chart.info.name,
        });
    }
    const cells = plan.cells.filter((c) =>
      [...dirs.keys()].some((ch) => ch.info.dir === c.scenario.chart.dir),
    );
    const chartOf = (s: Scenario) => [...dirs.keys()].find((ch) => ch.info.dir === s.chart.dir)!;

    // Prober identity per chart x scenario (this change's test pods; the base's labels are the same keys).
    const probers = new Map<Scenario, { image?: string; labels: Record<string, string> }>();
    for (const c of cells) {
      if (probers.has(c.scenario)) continue;
      const id = await testPodIdentity(
        bin(first),
        first,
        dirs.get(chartOf(c.scenario))!.head,
        c.scenario.valuesFiles.map((f) => path.resolve(cwd, f)),
        { env, cwd },
      );
      probers.set(c.scenario, { ...id, ...(opts.proberImage ? { image: opts.proberImage } : {}) });
    }

    // kind: the images of both sides (and --prober-image) in the node before the first install.
    if (kind && cells.length) {
      const scenarios = [...new Set(cells.map((c) => c.scenario))];
      const chartDir = new Map<string, string>();
      const sides: Scenario[] = [];
      for (const s of scenarios) {
        const d = dirs.get(chartOf(s))!;
        chartDir.set(s.chart.dir, d.head);
        chartDir.set(`base:${s.chart.dir}`, d.base);
        sides.push(s, {
          ...s,
          chart: { ...s.chart, dir: `base:${s.chart.dir}` },
          valuesFiles: baseValues(chartOf(s), s),
        });
      }
      const ok = await prepareKindImages(
        ctx,
        { scenarios: sides, chartDir, helm: { bin: bin(first), major: first }, release: RELEASE },
        { ...kind, bin: tools.kind! },
        opts.images ?? { pull: "node" },
        { env, cwd, workDir: inputs.workDir },
      );
      if (ok && opts.proberImage)
        await loadImage(ctx, opts.proberImage, { ...kind, bin: tools.kind! }, { env, cwd });
      if (!ok) {
        skipForMissingImages(ctx, cells, "upgrade", liveRules.upgrade);
        return;
      }
    }

    const run = randomBytes(3).toString("hex");
    let n = 0;
    for (const cell of cells) {
      n++;
      const s = cell.scenario;
      const chart = chartOf(s);
      const d = dirs.get(chart)!;
      const base = bases.get(chart)!;
      const baseHelm = opts.baseHelm ?? cell.helm;
      const label = `${s.chart.name}/${s.name} helm${cell.helm}${baseHelm !== cell.helm ? ` (base by helm${baseHelm})` : ""}`;
      const where = { chart: s.chart.name, scenario: s.name, helm: cell.helm };
      const step = `upgrade: [${n}/${cells.length}] ${label}`;
      const namespace = `floe-upgrade-${run}-${n}`;
      const a = (m: HelmMajor): ReleaseArgs => ({
        bin: bin(m),
        major: m,
        kubeconfig,
        release: RELEASE,
        namespace,
        timeout,
      });
      const kube = { kubectl: tools.kubectl, kubeconfig, namespace, env, cwd };
      const ko = { bin: tools.kubectl, kubeconfig, namespace };
      // helm's own --timeout bounds its calls (0: no second bound); kubectl calls get two minutes.
      const sh: Sh = (argv, input, timeoutMs = 120_000) =>
        runTool(argv, {
          env,
          cwd,
          ...(timeoutMs > 0 ? { timeoutMs } : {}),
          ...(input !== undefined ? { input } : {}),
        });
      let failed = false;

      // 1. The base, as a user had it installed.
      const t0 = Date.now();
      const inst = await watchWait(
        ctx,
        kube,
        `${step}: helm${baseHelm} install --wait (base ${base.label})`,
        timeout,
        () =>
          sh(
            helmInstallArgv({ ...a(baseHelm), chartDir: d.base, valuesFiles: baseValues(chart, s) }),
            undefined,
            0,
          ),
      );
      const installed = inst.code === 0;
      ctx.check({
        id: `base install ${label}`,
        rule: liveRules.install,
        state: installed ? "pass" : "fail",
        durationMs: Date.now() - t0,
      });
      if (!installed) {
        failed = true;
        const m = parseRenderError(inst.stderr || inst.stdout, d.base, cwd);
        ctx.add({
          rule: liveRules.install,
          severity: "error",
          message: `helm${baseHelm} install of the base (${base.label}) failed: ${m.message}`,
          ...where,
        });
        for (const [rule, what] of [
          [liveRules.upgrade, "upgrade"],
          [liveRules.rollback, "rollback"],
          [liveRules.availability, "availability"],
        ] as const)
          ctx.check({ id: `${what} ${label}`, rule, state: "skip", reason: "the base did not install" });
      } else {
        // 2. The prober, on every Service of a 2+ replica workload.
        const prober = await startProber(ctx, {
          step,
          label,
          where,
          simulated,
          sh,
          ko,
          kube,
          image: probers.get(s)?.image,
          labels: probers.get(s)?.labels ?? {},
          namespace,
          timeout,
          intervalMs: opts.probeIntervalMs ?? 250,
        });
        if (prober.failed) failed = true;

        // 3 and 4: a helm step (upgrade to this change, then rollback to the base), each followed by its tests.
        // Each one's wall-clock window, so a failed request can be told by the step it fell in.
        const windows: StepWindow[] = [];
        const timed = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
          const from = Date.now();
          try {
            return await fn();
          } finally {
            windows.push({ what, from, to: Date.now() });
          }
        };
        const stepThenTests = async (o: {
          what: "upgrade" | "rollback";
          rule: string;
          wait: string;
          argv: string[];
          failed: string;
        }) => {
          const t0 = Date.now();
          const r = await timed(o.what, () =>
            watchWait(ctx, kube, `${step}: helm${cell.helm} ${o.wait}`, timeout, () =>
              sh(o.argv, undefined, 0),
            ),
          );
          ctx.check({
            id: `${o.what} ${label}`,
            rule: o.rule,
            state: r.code === 0 ? "pass" : "fail",
            durationMs: Date.now() - t0,
          });
          if (r.code !== 0) {
            ctx.add({
              rule: o.rule,
              severity: "error",
              message: `${o.failed} failed: ${errorLine(r.stderr || r.stdout)}`,
              ...where,
            });
            ctx.check({
              id: `helm test after ${o.what} ${label}`,
              rule: liveRules.helmTest,
              state: "skip",
              reason: `the ${o.what} failed`,
            });
            return false;
          }
          return timed(`helm test after ${o.what}`, () =>
            helmTest(ctx, `${label} after ${o.what}`, a(cell.helm), {
              step,
              kube,
              sh,
              simulated,
              timeout,
              where,
            }),
          );
        };
        const upgraded = await stepThenTests({
          what: "upgrade",
          rule: liveRules.upgrade,
          wait: "upgrade --wait",
          argv: helmUpgradeArgv({
            ...a(cell.helm),
            chartDir: d.head,
            valuesFiles: s.valuesFiles.map((f) => path.resolve(cwd, f)),
          }),
          failed: `helm${cell.helm} upgrade from ${base.label} to this change`,
        });
        const rolledBack = await stepThenTests({
          what: "rollback",
          rule: liveRules.rollback,
          wait: "rollback --wait",
          argv: helmRollbackArgv({ ...a(cell.helm), revision: 1 }),
          failed: `helm${cell.helm} rollback to revision 1 (the base ${base.label})`,
        });
        if (!upgraded || !rolledBack) failed = true;

        // 5. What the prober counted during all of it.
        if (
          prober.pod &&
          !(await stopProber(ctx, {
            step,
            label,
            where,
            sh,
            ko,
            kube,
            pod: prober.pod,
            targets: prober.targets,
            windows,
          }))
        )
          failed = true;
      }

      if (failed) {
        const dir = path.join(
          inputs.workDir,
          "diagnostics",
          "upgrade",
          `${s.chart.name}-${s.name}-helm${cell.helm}`,
        );
        await keepDiagnostics(ctx, kube, { dir, subject: label, rule: liveRules.upgrade, step, where });
      }
      const un = await sh(helmUninstallArgv(a(cell.helm)), undefined, 0);
      if (un.code !== 0 && installed)
        ctx.add({
          rule: liveRules.upgrade,
          severity: "warning",
          message: `helm uninstall failed: ${errorLine(un.stderr)}`,
          ...where,
        });
      await sh(kubectlDeleteNamespaceArgv(tools.kubectl, kubeconfig, namespace));
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

type Sh = (argv: string[], input?: string, timeoutMs?: number) => Promise<RunResult>;
type Where = { chart: string; scenario: string; helm: HelmMajor };

/** helm test and one check per test pod (the coverage matrix's), plus this phase's own check. */
async function helmTest(
  ctx: PhaseContext,
  cell: string,
  a: ReleaseArgs,
  o: {
    step: string;
    kube: Parameters<typeof watchWait>[1];
    sh: Sh;
    simulated: boolean;
    timeout: string;
    where: Where;
  },
): Promise<boolean> {
  const when = cell.endsWith("after upgrade") ? "after upgrade" : "after rollback";
  const t0 = Date.now();
  const test = await watchWait(ctx, o.kube, `${o.step}: helm test ${when}`, o.timeout, () =>
    o.sh(helmTestArgv(a), undefined, 0),
  );
  const st = await o.sh(helmStatusArgv(a));
  const live: Record<string, string> = {};
  if (test.code !== 0 && !o.simulated) {
    const ph = await o.sh(kubectlPodPhasesArgv(o.kube.kubectl, a.kubeconfig, a.namespace));
    for (const l of ph.stdout.split("\n")) {
      const [pod, phase] = l.trim().split(" ");
      if (pod && phase) live[pod] = phase;
    }
  }
  const pods =
    st.code === 0
      ? testHookChecks(st.stdout, { cell, simulated: o.simulated, livePhases: live, timeout: o.timeout })
      : [];
  for (const c of pods) ctx.check(c);
  const id = `helm test ${when} ${cell.replace(/ after (upgrade|rollback)$/, "")}`;
  const took = Date.now() - t0;
  if (test.code !== 0 || pods.some((p) => p.state === "fail")) {
    ctx.add({
      rule: liveRules.helmTest,
      severity: "error",
      message: `helm test ${when} failed: ${errorLine(test.stderr || test.stdout) || "a test pod failed"}`,
      ...o.where,
    });
    ctx.check({ id, rule: liveRules.helmTest, state: "fail", durationMs: took });
    return false;
  }
  if (!pods.length || pods.every((p) => p.state === "skip"))
    ctx.check({
      id,
      rule: liveRules.helmTest,
      state: "skip",
      reason: pods.length
        ? (pods[0]!.reason ?? "simulated")
        : "the chart renders no helm test pod in this scenario",
      durationMs: took,
    });
  else ctx.check({ id, rule: liveRules.helmTest, state: "pass", durationMs: took });
  return true;
}

interface ProberRun {
  pod?: string;
  targets: ProbeTarget[];
  failed: boolean;
}

async function startProber(
  ctx: PhaseContext,
  o: {
    step: string;
    label: string;
    where: Where;
    simulated: boolean;
    sh: Sh;
    ko: { bin: string; kubeconfig: string; namespace: string };
    kube: Parameters<typeof watchWait>[1];
    image: string | undefined;
    labels: Record<string, string>;
    namespace: string;
    timeout: string;
    intervalMs: number;
  },
): Promise<ProberRun> {
  const fail = (reason: string, message = reason): ProberRun => {
    ctx.add({ rule: liveRules.availability, severity: "error", message, ...o.where });
    ctx.check({ id: `availability ${o.label}`, rule: liveRules.availability, state: "fail", reason });
    return { targets: [], failed: true };
  };
  if (o.simulated) {
    ctx.check({
      id: `availability ${o.label}`,
      rule: liveRules.availability,
      state: "skip",
      reason: KWOK_NO_PODS,
    });
    return { targets: [], failed: false };
  }
  const objs = await o.sh(kubectlServingObjectsArgv(o.ko));
  if (objs.code !== 0)
    return fail(`cannot list the release's Services and workloads: ${errorLine(objs.stderr)}`);
  const sel = probeTargets(objs.stdout, o.namespace);
  for (const u of sel.unprobed)
    ctx.add({
      rule: liveRules.availability,
      severity: "warning",
      message: `${u.reason}: its availability is not measured`,
      ...o.where,
    });
  if (!sel.serving) {
    // A release of batch jobs only (e.g. charts/floe-jobs): no request could fail, so none is asked for; its
    // upgrade, rollback and helm tests are still checked.
    ctx.check({
      id: `availability ${o.label}`,
      rule: liveRules.availability,
      state: "skip",
      reason: "the release serves no Service (no Deployment or StatefulSet behind one): nothing to probe",
    });
    return { targets: [], failed: false };
  }
  if (!sel.targets.length)
    return fail(
      "no Service of a workload with 2+ replicas: nothing to probe",
      `scenario ${o.where.scenario} runs no Service whose Deployment or StatefulSet has 2 or more replicas: the upgrade's availability cannot be measured; the scenario must run at least one (with a PodDisruptionBudget)`,
    );
  if (!o.image)
    return fail(
      "no image for the prober",
      "the chart renders no helm test pod to take the prober's image from: pass --prober-image (an image with sh and curl)",
    );
  // Bounded: every step's timeout (upgrade, two helm tests, rollback) plus two minutes, and as many rounds.
  const maxSeconds = Math.ceil((4 * durationMs(o.timeout)) / 1000) + 120;
  const name = `floe-upgrade-prober-${randomBytes(3).toString("hex")}`;
  const manifest = proberPod({
    name,
    namespace: o.namespace,
    image: o.image,
    labels: o.labels,
    targets: sel.targets,
    maxSeconds,
    maxRequests: Math.ceil((maxSeconds * 1000) / o.intervalMs),
    intervalMs: o.intervalMs,
  });
  ctx.progress(
    `${o.step}: availability prober ${name} (${o.image}) on ${sel.targets.map((t) => `${t.service}:${t.port} (${t.workload}, ${t.replicas} replicas${t.pdb ? `, PDB ${t.pdb}` : ", no PDB"})`).join(", ")}; at most ${maxSeconds}s`,
  );
  const created = await o.sh(kubectlCreateStdinArgv(o.ko), stringify(manifest));
  if (created.code !== 0) return fail(`the prober pod was refused: ${errorLine(created.stderr)}`);
  const ready = await watchWait(
    ctx,
    o.kube,
    `${o.step}: prober warm-up (every target answers once)`,
    "120s",
    () => o.sh(kubectlWaitReadyArgv(o.ko, name, "120s"), undefined, 150_000),
  );
  if (ready.code !== 0) {
    const log = await o.sh(kubectlProberLogArgv(o.ko, name));
    await o.sh(kubectlDeletePodArgv(o.ko, name));
    return fail(
      `the prober did not become ready within 120s: ${errorLine(ready.stderr)}${log.stdout.trim() ? `; its log: ${log.stdout.trim().split("\n").slice(-3).join(" | ")}` : ""}`,
    );
  }
  return { pod: name, targets: sel.targets, failed: false };
}

/** Stops the prober and reports its counts; false when a check failed. */
async function stopProber(
  ctx: PhaseContext,
  o: {
    step: string;
    label: string;
    where: Where;
    sh: Sh;
    ko: { bin: string; kubeconfig: string; namespace: string };
    kube: Parameters<typeof watchWait>[1];
    pod: string;
    targets: ProbeTarget[];
    /** The steps while it probed, to tell each failed request by its step. */
    windows: StepWindow[];
  },
): Promise<boolean> {
  ctx.progress(`${o.step}: stopping the prober, reading its counts`);
  await o.sh(kubectlStopProberArgv(o.ko, o.pod));
  await watchWait(ctx, o.kube, `${o.step}: the prober's end`, "60s", () =>
    o.sh(kubectlWaitEndedArgv(o.ko, o.pod, "60s"), undefined, 90_000),
  );
  const log = await o.sh(kubectlProberLogArgv(o.ko, o.pod));
  await o.sh(kubectlDeletePodArgv(o.ko, o.pod));
  const parsed = parseProberLog(log.stdout);
  let ok = true;
  for (const t of o.targets) {
    const id = `availability ${t.service} ${o.label}`;
    const c = parsed.counts.get(t.service);
    const at = { ...o.where, object: `Service/${t.service}` };
    if (!c || c.sent === 0) {
      ok = false;
      const why = !parsed.end
        ? "the prober ended without its counts (see its log in the diagnostics)"
        : "no request was sent";
      ctx.add({
        rule: liveRules.availability,
        severity: "error",
        message: `Service ${t.service}: ${why}: its availability during the upgrade is unknown, not proved`,
        ...at,
      });
      ctx.check({ id, rule: liveRules.availability, state: "fail", reason: why });
      continue;
    }
    const summary = `Service ${t.service} (${t.workload}, ${t.replicas} replicas, ${t.pdb ? `PDB ${t.pdb}` : "no PDB"}): ${c.sent} requests sent, ${c.failed} failed during upgrade, helm tests and rollback`;
    if (c.failed === 0) {
      ctx.add({ rule: liveRules.availability, severity: "info", message: summary, ...at });
      ctx.check({ id, rule: liveRules.availability, state: "pass" });
    } else {
      const first = attributeFailures(c.failures.slice(0, 3), o.windows).join("; ");
      ctx.add({
        rule: liveRules.availability,
        severity: t.pdb ? "error" : "warning",
        message: `${summary}${first ? ` (first: ${first})` : ""}${t.pdb ? "" : "; without a PodDisruptionBudget this is a warning"}`,
        ...at,
      });
      ctx.check({ id, rule: liveRules.availability, state: t.pdb ? "fail" : "pass" });
      if (t.pdb) ok = false;
    }
  }
  if (parsed.end === "bound")
    ctx.add({
      rule: liveRules.availability,
      severity: "warning",
      message:
        "the prober reached its bound (count or time) before it was stopped: the last steps were not probed",
      ...o.where,
    });
  return ok;
}

/** --prober-image on kind: loaded from the local Docker daemon when it is there (else the node pulls it). */
async function loadImage(
  ctx: PhaseContext,
  image: string,
  kind: { name: string; dockerShim?: string; bin: string },
  opts: { env: NodeJS.ProcessEnv; cwd: string },
): Promise<void> {
  const docker = resolveDocker(opts.env.PATH);
  const has = await runTool(dockerImageInspectArgv(docker, image), { ...opts, timeoutMs: 60_000 });
  if (has.code !== 0) return;
  const env = kind.dockerShim
    ? { ...opts.env, PATH: `${kind.dockerShim}${path.delimiter}${opts.env.PATH ?? ""}` }
    : opts.env;
  const r = await runTool(kindLoadArgv(kind.bin, { name: kind.name, images: [image] }), {
    ...opts,
    env,
    timeoutMs: 600_000,
  });
  if (r.code !== 0)
    ctx.add({
      rule: liveRules.availability,
      severity: "warning",
      message: `kind load docker-image ${image} failed: ${errorLine(r.stderr)}`,
    });
}
