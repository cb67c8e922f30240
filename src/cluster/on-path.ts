// PATH lookup shared by the cluster command (kwok binaries) and the kind provider (docker).
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

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
