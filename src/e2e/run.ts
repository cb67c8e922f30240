// `floe-helm e2e`: the platform and a data product (floe-gate.yaml `e2e`) installed together into one fresh
// namespace of the cluster of `cluster up` (helm 4, `helm install --wait`), then the end-to-end checks
// (./checks) in order, each within its own time budget, each recorded with the requirement ids it covers; a
// failure says what was expected and what was seen. After any failure the namespace's objects, events and
// logs are kept (and classified) before both releases are uninstalled and the namespace deleted (--keep
// leaves everything running). On kwok nothing runs: the checks are skipped, "kwok runs no pods".
import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Inputs } from "../config/inputs.js";
import { describeError } from "../core/errors.js";
import { runTool } from "../exec/runner.js";
import { parseRenderError } from "../helm/output.js";
import { helmInstallArgv, helmUninstallArgv, kubectlDeleteNamespaceArgv } from "../install/argv.js";
import { keepDiagnostics, watchWait } from "../install/diagnose/cell.js";
import type { KubeTarget } from "../install/diagnose/collect.js";
import type { ImageSource } from "../install/images.js";
import { prepareClusterPhase, target } from "../install/setup.js";
import { resolveConfig } from "../plan/config.js";
import type { NotRunComponent } from "../plan/types.js";
import { NOT_RUN_HERE } from "../report/coverage.js";
import type { PhaseContext } from "../report/phase.js";
import { checks as defaultChecks } from "./checks/index.js";
import { type E2ePlan, resolveE2e } from "./config.js";
import type { CheckOutcome, E2eCheck, E2eEnv } from "./types.js";

export const E2E_RULES = { install: "e2e/install", uninstall: "e2e/uninstall" } as const;

/** What a failed `kubectl apply` of a platform.objects file says (pure): kubectl's words, and for a kind the
 * cluster does not serve, that its operator is missing (ESO's SecretStore without `cluster up --external-secrets`). */
export function objectsError(file: string, stderr: string): string {
  const said = stderr.trim();
  const kind = /no matches for kind "([^"]+)" in version "([^"]+)"/.exec(said);
  return `kubectl apply -f ${file} failed: ${said}${
    kind
      ? ` (the cluster does not serve ${kind[2]} ${kind[1]}: install the operator that does first${kind[2]!.startsWith("external-secrets.io/") ? ", e.g. `floe-helm cluster up --provider kind --external-secrets`" : ""})`
      : ""
  }`;
}

/** `kubectl apply` of a manifest file into the e2e namespace (pure; the file is appended). */
export const objectsApplyArgv = (kubectl: string, kubeconfig: string, namespace: string) => [
  kubectl,
  "--kubeconfig",
  kubeconfig,
  "--namespace",
  namespace,
  "apply",
  "-f",
];
/** helm 4 only: `--wait` is its watcher, the one the phase's timing was measured with. */
const HELM = 4 as const;

/** A check's rule: `e2e/<id without its requirement>`, e.g. `e2e/dagster-launch` (floe-gate.yaml maps it). */
export const checkRule = (c: Pick<E2eCheck, "id">) => `e2e/${c.id.split(" ").slice(1).join("-") || c.id}`;

export interface E2ePhaseOptions {
  cwd: string;
  /** helm --timeout of each install and uninstall (default 300s, as `test`). */
  timeout?: string;
  images?: ImageSource;
  /** Leave both releases and the namespace in place after the checks. */
  keep?: boolean;
  /** The platform scenario instead of floe-gate.yaml's `e2e.platform.scenario` (--platform-scenario). */
  platformScenario?: string;
  /** The checks to run (default ./checks). */
  checks?: readonly E2eCheck[];
}

const firstLine = (s: string) =>
  s
    .trim()
    .split("\n")
    .find((l) => l.trim()) ?? "";

/** Why a check cannot run here: the first component it needs that the platform scenario declares not run
 * (a reason starting "not run here", which the coverage matrix shows as its own state), else undefined. */
export function notRunHere(
  c: Pick<E2eCheck, "needs">,
  off: readonly NotRunComponent[],
  scenario: string,
): string | undefined {
  const hit = off.find((o) => c.needs?.includes(o.component));
  return hit && `${NOT_RUN_HERE}: ${hit.reason} (${hit.component} is off in scenario ${scenario})`;
}

/** Runs one check within its budget (plus a minute's grace for its own cleanup): whatever it does, an
 * outcome. A check that throws or outlives its budget fails, saying so. */
export async function runCheck(c: E2eCheck, env: E2eEnv, graceMs = 60_000): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const budget = env.timeoutMs + graceMs;
  const late = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          state: "fail",
          expected: `${c.id} finished within ${Math.round(env.timeoutMs / 1000)} s`,
          seen: `still running after ${Math.round(budget / 1000)} s`,
        }),
      budget,
    );
  });
  try {
    return await Promise.race([
      c.run(env).catch(
        (e): CheckOutcome => ({
          state: "fail",
          expected: `${c.id} ran to its end`,
          seen: describeError(e),
        }),
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runE2e(ctx: PhaseContext, inputs: Inputs, opts: E2ePhaseOptions): Promise<void> {
  const { cwd } = opts;
  const timeout = opts.timeout ?? "300s";
  const list = opts.checks ?? defaultChecks;
  const config = await resolveConfig(inputs, cwd);
  const plan = await resolveE2e(config, inputs, cwd, opts.platformScenario);
  const skipAll = (reason: string) => {
    for (const c of list)
      ctx.check({ id: `e2e ${c.id}`, rule: checkRule(c), state: "skip", reason, covers: [...c.covers] });
  };
  // kwok's kubelet is simulated: a pod never runs a process, so nothing end to end can be proved there.
  if ((await target(inputs)).simulated) {
    ctx.progress("e2e: the cluster is kwok: its pods run nothing; every check skipped");
    skipAll("kwok runs no pods");
    return;
  }
  const { platform, product } = plan;
  const setup = await prepareClusterPhase(ctx, inputs, {
    cwd,
    phase: "e2e",
    helmMajors: [HELM],
    charts: [platform.chart, product.chart],
    scenarios: [platform, product],
    release: plan.platformRelease,
    ...(opts.images ? { images: opts.images } : {}),
  });
  if (!setup.imagesReady) {
    skipAll("images missing from the kind cluster (see images): nothing was installed");
    return;
  }
  const { kubeconfig, env, chartDir } = setup;
  const namespace = `floe-e2e-${randomBytes(3).toString("hex")}`;
  const kube: KubeTarget = { kubectl: setup.tools.kubectl, kubeconfig, namespace, env, cwd };
  const base = { bin: setup.bin(HELM), major: HELM, kubeconfig, namespace, timeout };
  const where = { chart: platform.chart.name, scenario: platform.name, helm: HELM };
  ctx.output("e2e-namespace", namespace);
  const t0 = Date.now();
  let failed = false;
  const installed: string[] = [];

  // 1. What the platform's values expect to exist (floe-gate.yaml e2e.platform.objects, e.g. the SecretStore
  // its ExternalSecrets read), applied into the namespace first; then the platform and the data product,
  // each waited for.
  if (plan.platformObjects.length) {
    const id = `e2e install objects ${plan.platformObjects.join(", ")}`;
    const started = Date.now();
    const made = await runTool([kube.kubectl, "--kubeconfig", kubeconfig, "create", "namespace", namespace], {
      env,
      cwd,
      timeoutMs: 60_000,
    });
    let why = made.code === 0 ? "" : `kubectl create namespace ${namespace}: ${firstLine(made.stderr)}`;
    for (const f of plan.platformObjects) {
      if (why) break;
      ctx.progress(`e2e: kubectl apply -f ${f} into ${namespace}`);
      const r = await runTool(
        [...objectsApplyArgv(kube.kubectl, kubeconfig, namespace), path.resolve(cwd, f)],
        { env, cwd, timeoutMs: 120_000 },
      );
      if (r.code !== 0) why = objectsError(f, r.stderr || r.stdout);
    }
    if (why) {
      failed = true;
      ctx.add({ rule: E2E_RULES.install, severity: "error", message: why, ...where });
    }
    ctx.check({
      id,
      rule: E2E_RULES.install,
      state: why ? "fail" : "pass",
      durationMs: Date.now() - started,
    });
  }
  for (const [s, release, role] of [
    [platform, plan.platformRelease, "platform"],
    [product, plan.productRelease, "data product"],
  ] as const) {
    const id = `e2e install ${role} ${s.chart.name}/${s.name} (release ${release})`;
    const dir = chartDir.get(s.chart.dir);
    if (failed || !dir) {
      ctx.check({
        id,
        rule: E2E_RULES.install,
        state: "skip",
        reason: failed
          ? "an install before it failed"
          : "the chart's dependencies are missing (see dependency)",
      });
      failed = true;
      continue;
    }
    const started = Date.now();
    ctx.progress(`e2e: helm install ${s.chart.name} as ${release} (${role}) into ${namespace}`);
    const r = await watchWait(ctx, kube, `e2e: ${role} ${release}: helm install --wait`, timeout, () =>
      runTool(
        helmInstallArgv({
          ...base,
          release,
          chartDir: dir,
          valuesFiles: s.valuesFiles.map((f) => path.resolve(cwd, f)),
        }),
        { env, cwd },
      ),
    );
    installed.push(release);
    if (r.code !== 0) {
      failed = true;
      const m = parseRenderError(r.stderr || r.stdout, path.resolve(cwd, s.chart.dir), cwd);
      ctx.add({
        rule: E2E_RULES.install,
        severity: "error",
        message: `helm install of the ${role} ${s.chart.name} (release ${release}) failed: ${m.message}`,
        ...(m.file ? { file: m.file, line: m.line ?? 1, ...(m.col ? { col: m.col } : {}) } : {}),
        ...where,
      });
    }
    ctx.check({
      id,
      rule: E2E_RULES.install,
      state: r.code === 0 ? "pass" : "fail",
      durationMs: Date.now() - started,
    });
  }
  const installMs = Date.now() - t0;

  // 2. The checks, in order, each with its budget; facts flow from one to the next.
  const facts: Record<string, string> = {};
  const t1 = Date.now();
  if (failed) skipAll("the platform and data product did not install (see e2e/install)");
  else
    for (const c of list) {
      const off = notRunHere(c, plan.platformNotRun, platform.name);
      if (off) {
        ctx.check({
          id: `e2e ${c.id}`,
          rule: checkRule(c),
          state: "skip",
          reason: off,
          covers: [...c.covers],
        });
        ctx.progress(`e2e: ${c.id}: ${off}`);
        continue;
      }
      const dir = path.join(inputs.workDir, "e2e", c.id.replace(/[^A-Za-z0-9._-]+/g, "-"));
      await mkdir(dir, { recursive: true });
      const started = Date.now();
      let said = Date.now();
      // At least a line every 10 s while a check runs, whether or not it says something itself.
      const checkCtx: PhaseContext = {
        ...ctx,
        progress: (l) => {
          said = Date.now();
          ctx.progress(l);
        },
      };
      ctx.progress(`e2e: ${c.id} (covers ${c.covers.join(", ")}; up to ${Math.round(c.timeoutMs / 1000)} s)`);
      const ticker = setInterval(() => {
        if (Date.now() - said < 10_000) return;
        const left = Math.max(0, Math.round((started + c.timeoutMs - Date.now()) / 1000));
        ctx.progress(`e2e: ${c.id}: running (${left} s left)`);
        said = Date.now();
      }, 2_000);
      const out = await runCheck(c, {
        ctx: checkCtx,
        kube,
        platformRelease: plan.platformRelease,
        productRelease: plan.productRelease,
        timeoutMs: c.timeoutMs,
        dir,
        facts,
      }).finally(() => clearInterval(ticker));
      const durationMs = Date.now() - started;
      const rule = checkRule(c);
      const rec = { id: `e2e ${c.id}`, rule, covers: [...c.covers], durationMs };
      if (out.state === "pass") {
        ctx.check({ ...rec, state: "pass" });
        ctx.progress(`e2e: ${c.id}: pass${out.detail ? `: ${out.detail}` : ""}`);
        if (out.detail) ctx.add({ rule, severity: "info", message: `${c.id}: ${out.detail}` });
      } else if (out.state === "skip") {
        ctx.check({ ...rec, state: "skip", reason: out.reason });
        ctx.progress(`e2e: ${c.id}: skipped: ${out.reason}`);
      } else {
        failed = true;
        ctx.check({ ...rec, state: "fail", reason: `expected ${firstLine(out.expected)}` });
        ctx.add({
          rule,
          severity: "error",
          message: `${c.id} failed: expected ${out.expected}; seen: ${out.seen}`,
        });
        ctx.progress(`e2e: ${c.id}: FAIL: expected ${out.expected}; seen: ${firstLine(out.seen)}`);
      }
    }
  const checksMs = Date.now() - t1;

  // 3. What the namespace looked like when something failed, kept before it goes.
  if (failed) {
    const dir = path.join(inputs.workDir, "diagnostics", "e2e");
    await keepDiagnostics(ctx, kube, {
      dir,
      subject: `namespace ${namespace}`,
      rule: E2E_RULES.install,
      step: "e2e",
      where,
    });
  }
  ctx.add({
    rule: "e2e",
    severity: "info",
    message: `e2e timing: installs ${Math.round(installMs / 1000)} s, checks ${Math.round(checksMs / 1000)} s`,
  });

  // 4. Both releases and the namespace go, unless --keep.
  if (opts.keep) {
    ctx.add({
      rule: "e2e",
      severity: "info",
      message: `--keep: releases ${installed.join(", ")} left running in namespace ${namespace} (kubeconfig ${kubeconfig}); remove it with: kubectl --kubeconfig ${kubeconfig} delete namespace ${namespace}`,
    });
    return;
  }
  for (const release of [...installed].reverse()) {
    ctx.progress(`e2e: helm uninstall ${release}`);
    const un = await watchWait(ctx, kube, `e2e: helm uninstall ${release}`, timeout, () =>
      runTool(helmUninstallArgv({ ...base, release }), { env, cwd }),
    );
    if (un.code !== 0)
      ctx.add({
        rule: E2E_RULES.uninstall,
        severity: "warning",
        message: `helm uninstall ${release} failed: ${firstLine(un.stderr)}`,
      });
  }
  const ns = await runTool(kubectlDeleteNamespaceArgv(kube.kubectl, kubeconfig, namespace), { env, cwd });
  if (ns.code !== 0)
    ctx.add({
      rule: E2E_RULES.uninstall,
      severity: "warning",
      message: `namespace ${namespace} not deleted: ${firstLine(ns.stderr)}`,
    });
}

export type { E2ePlan };
