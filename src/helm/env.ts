// The environments helm runs in. The gate's short renders inherit the caller's environment (with Go's
// collector tuned); the phases that install into a cluster give helm a HOME of its own under the work dir,
// so no repository config, cache or registry login of the runner leaks in.
import path from "node:path";

/** The environment of the gate's short helm runs: Go's garbage collector off until the heap reaches
 * 256 MiB (rendering a chart allocates well below that, and collecting was about a third of `helm lint`'s
 * CPU); a GOGC or GOMEMLIMIT already set wins. */
export function helmRunEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { GOGC: "off", GOMEMLIMIT: "256MiB", ...env };
}

/** helm with its own HOME, config, cache and data under `<workDir>/<name>`, one per phase and run; only
 * PATH is kept from the caller's environment. */
export function isolatedHelmEnv(workDir: string, name: string): NodeJS.ProcessEnv {
  const home = path.join(workDir, name);
  return {
    PATH: process.env.PATH,
    HOME: home,
    HELM_CACHE_HOME: path.join(home, "cache"),
    HELM_CONFIG_HOME: path.join(home, "config"),
    HELM_DATA_HOME: path.join(home, "data"),
  };
}
