// What every phase that installs charts on the cluster of `cluster up` does before its first install
// (`floe-helm test`, `floe-helm e2e`): find the cluster (and say when it is not GitHub's kind path), resolve
// helm, kubectl and kind, give helm a HOME of its own, build each chart's dependencies once, and on kind bring
// every image the scenarios use into the node. One function, so the phases cannot drift apart.
import path from "node:path";
import { readState } from "../cluster/state.js";
import type { HelmMajor, Inputs } from "../config/inputs.js";
import { UserError } from "../core/errors.js";
import type { ChartInfo, Scenario } from "../core/rendered.js";
import { prepareDependencies } from "../helm/deps.js";
import { isolatedHelmEnv } from "../helm/env.js";
import type { PhaseContext } from "../report/phase.js";
import { pins } from "../tools/pins.js";
import { resolveTools } from "../tools/resolve.js";
import type { ImagePull, ImageSource } from "./images.js";
import { type KindTarget, prepareKindImages } from "./load-images.js";

/** The kubeconfig to use, whether its cluster is kwok's simulated kubelet, and the kind cluster of
 * `cluster up` when that is the one used. */
export async function target(
  inputs: Inputs,
): Promise<{ kubeconfig: string; simulated: boolean; kind?: KindTarget }> {
  const state = await readState(inputs.workDir, inputs.cluster);
  const kubeconfig = inputs.kubeconfig ?? state?.kubeconfig;
  if (!kubeconfig) {
    throw new UserError(
      `no cluster: run 'floe-helm cluster up --provider ${inputs.cluster}' with the same --work-dir first, or pass --kubeconfig`,
    );
  }
  const ours = state !== undefined && path.resolve(state.kubeconfig) === path.resolve(kubeconfig);
  const simulated = ours && state.provider === "kwok";
  const kind =
    ours && state.provider === "kind" && state.extra?.name
      ? {
          name: state.extra.name,
          ...(state.extra.dockerShim ? { dockerShim: state.extra.dockerShim } : {}),
          ...(state.extra.image ? { nodeImage: state.extra.image } : {}),
        }
      : undefined;
  return { kubeconfig, simulated, ...(kind ? { kind } : {}) };
}

/** The path GitHub's runners take (kind on the pinned kindest/node, the charts' upstream images pulled by the
 * node) is a different cluster from a kind run on a node image built elsewhere, or with images loaded from
 * local Docker only: such a run proves the charts, not that path. Said as the phase's `not-verified` output,
 * which the coverage matrix prints, so a reader never takes one for the other. */
export function kindPathNote(ctx: PhaseContext, kind: KindTarget | undefined, pull: ImagePull): void {
  if (!kind) return;
  const otherNode = kind.nodeImage !== undefined && kind.nodeImage !== pins.kindNodeImage;
  if (!otherNode && pull !== "never") return;
  const ran = [
    ...(otherNode ? [`node image ${kind.nodeImage}`] : []),
    ...(pull === "never" ? ["images from local Docker only, never pulled"] : []),
  ];
  ctx.output(
    "not-verified",
    `GitHub's kind path (node image ${pins.kindNodeImage}, the charts' upstream images pulled by the node): this run used ${ran.join(", ")}`,
  );
}

/** The cluster a phase works on and the tools it runs there with. */
export interface ClusterConnection {
  kubeconfig: string;
  /** The cluster is kwok's: API calls are real, pods are simulated. */
  simulated: boolean;
  kind?: KindTarget;
  tools: { kubectl: string; kind?: string } & Partial<Record<`helm${HelmMajor}`, string>>;
  /** helm (and kubectl) run with this environment: a HOME of the phase's own. */
  env: NodeJS.ProcessEnv;
  /** The helm binary of a major. */
  bin(m: HelmMajor): string;
}

/** The cluster of `cluster up` (or --kubeconfig), said when it is not GitHub's kind path; helm of every
 * major, kubectl and (on kind) kind; helm's HOME under the work dir (`<phase>-helm-home`). */
export async function connectCluster(
  ctx: PhaseContext,
  inputs: Inputs,
  o: { phase: string; helmMajors: readonly HelmMajor[]; images?: ImageSource },
): Promise<ClusterConnection> {
  const { kubeconfig, simulated, kind } = await target(inputs);
  kindPathNote(ctx, kind, o.images?.pull ?? "node");
  const tools = await resolveTools(inputs, [
    ...o.helmMajors.map((m) => `helm${m}` as const),
    "kubectl" as const,
    ...(kind ? ["kind" as const] : []),
  ]);
  return {
    kubeconfig,
    simulated,
    ...(kind ? { kind } : {}),
    tools,
    // helm keeps its repository config and cache under HOME: one per run, so nothing on the runner leaks in.
    env: isolatedHelmEnv(inputs.workDir, `${o.phase}-helm-home`),
    bin: (m) => tools[`helm${m}`],
  };
}

export interface ClusterPhaseSetup extends ClusterConnection {
  /** Chart dir (as the plan names it) -> the prepared folder (dependencies built); absent: they failed. */
  chartDir: Map<string, string>;
  /** false on kind when an image is missing (error findings written): nothing may be installed. */
  imagesReady: boolean;
}

export async function prepareClusterPhase(
  ctx: PhaseContext,
  inputs: Inputs,
  o: {
    cwd: string;
    /** Names helm's HOME under the work dir (`<phase>-helm-home`). */
    phase: string;
    helmMajors: readonly HelmMajor[];
    /** Every chart the phase installs (platforms included). */
    charts: readonly ChartInfo[];
    /** Every chart x scenario it installs: their images are loaded into kind first. */
    scenarios: readonly Scenario[];
    /** The release name the scenarios are rendered with to list their images. */
    release: string;
    images?: ImageSource;
    /** Runs after the dependencies are built, before the images are loaded (test: its not-run records). */
    beforeImages?: (s: ClusterPhaseSetup) => Promise<void>;
  },
): Promise<ClusterPhaseSetup> {
  const { cwd } = o;
  const conn = await connectCluster(ctx, inputs, o);
  const { kind, tools, env, bin } = conn;
  const first = o.helmMajors[0]!;
  const chartDir = new Map<string, string>();
  for (const info of o.charts) {
    if (chartDir.has(info.dir)) continue;
    const abs = path.resolve(cwd, info.dir);
    const prep = await prepareDependencies(abs, cwd, { bin: bin(first), major: first }, inputs.workDir);
    chartDir.set(info.dir, prep.dirAbs);
    for (const p of prep.problems)
      ctx.add({ rule: "dependency", severity: "error", message: p.message, ...p.at, chart: info.name });
  }
  const setup: ClusterPhaseSetup = { ...conn, chartDir, imagesReady: true };
  await o.beforeImages?.(setup);
  // kind: every image the charts use is in the node (or loaded into it) before the first install; one
  // that cannot be had is an error naming it, and nothing is installed.
  if (kind) {
    const scenarios = [...new Map(o.scenarios.map((x) => [`${x.chart.dir}\0${x.name}`, x])).values()];
    setup.imagesReady = await prepareKindImages(
      ctx,
      { scenarios, chartDir, helm: { bin: bin(first), major: first }, release: o.release, phase: o.phase },
      { ...kind, bin: tools.kind! },
      o.images ?? { pull: "node" },
      { env, cwd, workDir: inputs.workDir },
    );
  }
  return setup;
}
