// The images a kind cluster needs before `floe-helm test` installs anything: derived from the rendered
// manifests of every chart x scenario it will install (containers, initContainers and ephemeralContainers
// of Pods, workloads, Jobs, CronJobs and helm test pods), then sorted by where each one is: already in the
// node (nothing to do), in the local Docker daemon (`kind load docker-image`), or nowhere here (the node
// pulls it, or, with --image-pull never, an error naming it before any install). Pure: the calls that
// ask Docker and the node are in src/install/run.ts, their argv in src/cluster/kind/config.ts.
import { arr, get, podSpecPath, str } from "../checks/workloads.js";
import type { RenderedObject, SourcePosition } from "../core/rendered.js";
import type { ImagePull } from "./image-source.js";

export { type ImagePull, type ImageSource, parseImagePull, parseImageSource } from "./image-source.js";

/** One container's image in one rendered object of one chart x scenario. */
export interface ImageUse {
  image: string;
  chart: string;
  scenario: string;
  /** `Kind/name` of the rendered object. */
  object: string;
  container: string;
  /** Where the template writes the image. */
  at: SourcePosition;
}

const CONTAINER_LISTS = ["initContainers", "containers", "ephemeralContainers"] as const;

/** Every container image of the rendered objects, in document order (a container without one is left
 * out: the API server refuses it at install). */
export function imageUses(
  objects: readonly RenderedObject[],
  cell: { chart: string; scenario: string },
): ImageUse[] {
  const out: ImageUse[] = [];
  for (const obj of objects) {
    const spec = podSpecPath(obj);
    if (!spec) continue;
    for (const list of CONTAINER_LISTS) {
      for (const [i, c] of arr(get(obj.doc, [...spec, list])).entries()) {
        const image = str(get(c, ["image"]))?.trim();
        if (!image) continue;
        out.push({
          image,
          ...cell,
          object: `${obj.kind}/${obj.name}`,
          container: str(get(c, ["name"])) ?? `#${i}`,
          at: obj.locate([...spec, list, i, "image"]),
        });
      }
    }
  }
  return out;
}

/** The name containerd keeps for an image reference, as `ctr images list` prints it: the registry made
 * explicit (docker.io, with library/ for official images), `:latest` when neither tag nor digest is given,
 * and only the digest when both are (containerd stores `name@digest` then). */
export function canonicalImage(ref: string): string {
  const at = ref.indexOf("@");
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  let name = at >= 0 ? ref.slice(0, at) : ref;
  let tag: string | undefined;
  const colon = name.lastIndexOf(":");
  if (colon > name.lastIndexOf("/")) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  const parts = name.split("/");
  const first = parts[0] ?? "";
  const hasDomain = parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost");
  if (!hasDomain) name = parts.length === 1 ? `docker.io/library/${name}` : `docker.io/${name}`;
  if (digest) return `${name}@${digest}`;
  return `${name}:${tag ?? "latest"}`;
}

/** The image names in a node's containerd, from `ctr --namespace=k8s.io images list --quiet` (the
 * `sha256:` entries are content ids, not names). */
export function nodeImageNames(ctrListOutput: string): Set<string> {
  return new Set(
    ctrListOutput
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("sha256:")),
  );
}

export interface ImagePlan {
  /** Already in every node: nothing to do. */
  inNode: string[];
  /** In the local Docker daemon and missing from a node: `kind load docker-image`. */
  load: string[];
  /** Nowhere here, left to the node to pull (--image-pull node). */
  pull: string[];
  /** Nowhere here and nothing may be pulled (--image-pull never): an error before any install. */
  missing: string[];
}

/** Sorts the images (each once, in first-use order) by where they are. `nodes` holds each node's image
 * names (nodeImageNames); `local` the references the local Docker daemon has. */
export function planImages(
  images: readonly string[],
  where: { nodes: ReadonlyArray<ReadonlySet<string>>; local: ReadonlySet<string> },
  pull: ImagePull,
): ImagePlan {
  const plan: ImagePlan = { inNode: [], load: [], pull: [], missing: [] };
  for (const image of [...new Set(images)]) {
    const name = canonicalImage(image);
    if (where.nodes.length > 0 && where.nodes.every((n) => n.has(name))) plan.inNode.push(image);
    else if (where.local.has(image)) plan.load.push(image);
    else if (pull === "node") plan.pull.push(image);
    else plan.missing.push(image);
  }
  return plan;
}

/** "Deployment/x (container c), Job/y (container d)" for the uses of one image in one chart x scenario. */
export function describeUses(uses: readonly ImageUse[]): string {
  return uses.map((u) => `${u.object} (container ${u.container})`).join(", ");
}
