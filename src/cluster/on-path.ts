// PATH lookup shared by the cluster command (kwok binaries), the kind provider and the kind image loading
// (docker).
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { UserError } from "../core/errors.js";

/** The first executable file called `name` in the PATH list, or undefined. */
export function onPath(name: string, pathList: string | undefined): string | undefined {
  for (const dir of (pathList ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      if (statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

export const DOCKER_MISSING = "docker not found on PATH: run scripts/docker.sh or install Docker";

/** The docker program kind runs on (and `floe-helm test` loads images with), from the PATH list; a clear
 * error before anything starts when there is none, instead of kind's own failure halfway. */
export function resolveDocker(pathList: string | undefined): string {
  const docker = onPath("docker", pathList);
  if (!docker) throw new UserError(DOCKER_MISSING);
  return docker;
}
