// Where a kind phase takes the images the charts use from (--image-pull, --image-cache): parsed by the
// commands, so it stays free of what the phases load (src/install/images.ts has the rest).
import path from "node:path";
import { UserError } from "../core/errors.js";

/** Whether the kind node can pull what is neither in it nor in the local Docker daemon. `node` (the
 * default): a machine that reaches registries (GitHub's runners), the node pulls at install. `never`: an
 * offline machine (this repository's CI), such an image is an error before any install starts. */
export type ImagePull = "node" | "never";
export const imagePullModes: readonly ImagePull[] = ["node", "never"];

export function parseImagePull(value: string | undefined): ImagePull {
  const v = (value ?? "").trim() || "node";
  if ((imagePullModes as readonly string[]).includes(v)) return v as ImagePull;
  throw new UserError(`--image-pull: expected one of ${imagePullModes.join(", ")}, got '${value}'`);
}

/** How a kind phase gets the images the charts use: --image-pull, and --image-cache (a folder, absolute). */
export interface ImageSource {
  pull: ImagePull;
  cache?: string;
}

/** --image-pull and --image-cache as a phase takes them (a relative cache folder is the caller's cwd's). */
export function parseImageSource(
  flags: { imagePull?: string; imageCache?: string },
  cwd: string,
): ImageSource {
  const cache = flags.imageCache?.trim();
  return { pull: parseImagePull(flags.imagePull), ...(cache ? { cache: path.resolve(cwd, cache) } : {}) };
}
