// Before `floe-helm test` installs anything on a kind cluster: every image the rendered charts use is put
// where the node finds it (./images.ts decides; this file asks helm, Docker, the node and kind). An image
// that cannot be had is reported by name, with the objects that use it, and nothing is installed.
import path from "node:path";
import {
  dockerImageInspectArgv,
  kindGetNodesArgv,
  kindLoadArgv,
  kindNodeContainer,
  nodeImagesArgv,
} from "../cluster/kind/config.js";
import { ImageCache, pinnedByDigest } from "../cluster/kind/image-cache.js";
import { resolveDocker } from "../cluster/on-path.js";
import type { HelmMajor } from "../config/inputs.js";
import { ToolError } from "../core/errors.js";
import type { Scenario } from "../core/rendered.js";
import { runTool } from "../exec/runner.js";
import { helmTemplateArgv } from "../helm/argv.js";
import { parseManifest } from "../helm/manifest.js";
import type { PhaseContext } from "../report/phase.js";
import {
  describeUses,
  type ImageSource,
  type ImageUse,
  imageUses,
  nodeImageNames,
  planImages,
} from "./images.js";

export const IMAGES_RULE = "images";

/** Every cell's check skipped because images are missing from the kind cluster: nothing was installed. */
export function skipForMissingImages(
  ctx: PhaseContext,
  cells: readonly { scenario: Scenario; helm: HelmMajor }[],
  what: string,
  rule: string,
): void {
  for (const c of cells)
    ctx.check({
      id: `${what} ${c.scenario.chart.name}/${c.scenario.name} helm${c.helm}`,
      rule,
      state: "skip",
      reason: "images missing from the kind cluster (see images): nothing was installed",
    });
}

export interface KindTarget {
  /** The kind cluster's name and the docker shim `cluster up` used (src/cluster/kind/provider.ts). */
  name: string;
  dockerShim?: string;
  /** The node image `cluster up` created it from. */
  nodeImage?: string;
}

export interface ImageCells {
  scenarios: readonly Scenario[];
  /** The prepared chart folder (dependencies built) of each chart dir. */
  chartDir: ReadonlyMap<string, string>;
  helm: { bin: string; major: HelmMajor };
  release: string;
  /** The phase its progress lines name (default "test"). */
  phase?: string;
}

const lastLine = (s: string) => s.trim().split("\n").pop() ?? "";

/** Renders each chart x scenario once, collects its images and brings them into the kind nodes. Returns
 * false (with error findings) when an image is missing or cannot be loaded: no install may start then. */
export async function prepareKindImages(
  ctx: PhaseContext,
  cells: ImageCells,
  kind: KindTarget & { bin: string },
  source: ImageSource,
  opts: { env: NodeJS.ProcessEnv; cwd: string; workDir: string },
): Promise<boolean> {
  const { pull } = source;
  const phase = cells.phase ?? "test";
  const uses: ImageUse[] = [];
  for (const s of cells.scenarios) {
    const dir = cells.chartDir.get(s.chart.dir);
    if (!dir) continue; // dependencies missing: reported, never installed
    const r = await runTool(
      helmTemplateArgv({
        ...cells.helm,
        chartDir: dir,
        valuesFiles: s.valuesFiles.map((f) => path.resolve(opts.cwd, f)),
        release: cells.release,
      }),
      { ...opts, timeoutMs: 120_000 },
    );
    // A chart that does not render fails at helm install, which reports it in full.
    if (r.code !== 0) continue;
    uses.push(
      ...imageUses(parseManifest(r.stdout, { chartDir: dir, cwd: opts.cwd }), {
        chart: s.chart.name,
        scenario: s.name,
      }),
    );
  }
  const images = [...new Set(uses.map((u) => u.image))];
  if (!images.length) return true;

  const docker = resolveDocker(opts.env.PATH);
  const listed = await runTool(kindGetNodesArgv(kind.bin, { name: kind.name }), {
    ...opts,
    timeoutMs: 60_000,
  });
  const nodes =
    listed.code === 0
      ? listed.stdout
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean)
      : [];
  if (!nodes.length) nodes.push(kindNodeContainer(kind.name));
  const nodeImages: Array<Set<string>> = [];
  for (const node of nodes) {
    const r = await runTool(nodeImagesArgv(docker, node), { ...opts, timeoutMs: 60_000 });
    if (r.code !== 0)
      throw new ToolError(
        `cannot list the images of kind node ${node} (exit ${r.code}): ${lastLine(r.stderr)}; is the cluster of 'floe-helm cluster up' still running?`,
      );
    nodeImages.push(nodeImageNames(r.stdout));
  }
  const local = new Set<string>();
  const firstPlan = planImages(images, { nodes: nodeImages, local }, pull);
  for (const image of [...firstPlan.pull, ...firstPlan.missing]) {
    const r = await runTool(dockerImageInspectArgv(docker, image), { ...opts, timeoutMs: 60_000 });
    if (r.code === 0) local.add(image);
  }
  // --image-cache: what the node would pull (or, offline, is missing) comes from the cache, else the runner's
  // Docker pulls it once and keeps it; then it is loaded like any local image.
  if (source.cache) {
    const cache = new ImageCache(source.cache, () => docker, opts.workDir);
    for (const image of [...firstPlan.pull, ...firstPlan.missing]) {
      if (local.has(image)) continue;
      if (pinnedByDigest(image)) {
        ctx.progress(
          `${phase}: images: ${image} is pinned by digest: not cached (kind load keeps tags, not registry digests)`,
        );
        continue;
      }
      const got = await cache.bring(image, { pull: pull === "node", absent: true }, (l) =>
        ctx.progress(`${phase}: ${l}`),
      );
      if (got === image) local.add(image);
    }
  }
  const plan = planImages(images, { nodes: nodeImages, local }, pull);
  ctx.progress(
    `${phase}: images: ${images.length} used by the charts: ${plan.inNode.length} in the kind node, ${plan.load.length} to load from the local Docker daemon, ${plan.pull.length} left for the node to pull, ${plan.missing.length} missing`,
  );

  for (const image of plan.missing) {
    const byCell = new Map<string, ImageUse[]>();
    for (const u of uses.filter((x) => x.image === image)) {
      const key = `${u.chart}\0${u.scenario}`;
      byCell.set(key, [...(byCell.get(key) ?? []), u]);
    }
    for (const list of byCell.values()) {
      const u = list[0]!;
      ctx.add({
        rule: IMAGES_RULE,
        severity: "error",
        message: `image ${image} is neither in the kind node nor in the local Docker daemon, and the node may not pull (--image-pull never): used by ${describeUses(list)}; build or pull it into Docker first`,
        file: u.at.file,
        line: u.at.line,
        ...(u.at.col ? { col: u.at.col } : {}),
        chart: u.chart,
        scenario: u.scenario,
        object: u.object,
      });
    }
  }
  if (plan.missing.length) return false;

  for (const image of plan.pull)
    ctx.progress(
      `${phase}: images: ${image} is not here: the kind node pulls it at install (--image-pull node)`,
    );
  if (plan.load.length) {
    ctx.progress(`${phase}: images: kind load docker-image ${plan.load.join(" ")}`);
    // kind runs `docker exec --privileged` into the node: through the shim where `cluster up` needed it.
    const env = kind.dockerShim
      ? { ...opts.env, PATH: `${kind.dockerShim}${path.delimiter}${opts.env.PATH ?? ""}` }
      : opts.env;
    const r = await runTool(kindLoadArgv(kind.bin, { name: kind.name, images: plan.load }), {
      ...opts,
      env,
      timeoutMs: 600_000,
    });
    if (r.code !== 0) {
      ctx.add({
        rule: IMAGES_RULE,
        severity: "error",
        message: `kind load docker-image ${plan.load.join(" ")} failed (exit ${r.code}): ${lastLine(r.stderr || r.stdout)}`,
      });
      return false;
    }
    ctx.add({
      rule: IMAGES_RULE,
      severity: "info",
      message: `loaded into the kind node from the local Docker daemon: ${plan.load.join(", ")}`,
    });
  }
  return true;
}
