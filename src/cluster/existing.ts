// An existing cluster: nothing to start or stop, only a kubeconfig to hand on.
import { access } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../core/errors.js";
import type { ClusterInfo, ClusterOptions, ClusterProvider } from "./provider.js";

export class ExistingProvider implements ClusterProvider {
  readonly name = "existing" as const;

  async up(opts: ClusterOptions): Promise<ClusterInfo> {
    if (!opts.kubeconfig)
      throw new UserError("cluster 'existing' needs --kubeconfig PATH (or FLOE_HELM_KUBECONFIG)");
    const kubeconfig = path.resolve(opts.kubeconfig);
    try {
      await access(kubeconfig);
    } catch {
      throw new UserError(`kubeconfig not found: ${kubeconfig}`);
    }
    return { provider: "existing", kubeconfig, server: "" };
  }

  async down(): Promise<void> {}
}
