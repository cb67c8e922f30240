// kind's names and images the commands need when they register (`cluster up`'s option help, --kind-cluster's
// check): free of what the provider loads (yaml, Docker calls), so the CLI starts without them.
import { UserError } from "../../core/errors.js";

export const KIND_CLUSTER_NAME = "floe-helm";

/** A kind cluster name as given (`--kind-cluster`), or one clear error: kind names Docker containers and
 * a network after it, so lowercase letters, digits and inner dashes only, at most 50 characters. */
export function kindClusterName(name: string): string {
  if (!/^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$/.test(name))
    throw new UserError(
      `--kind-cluster: expected lowercase letters, digits and inner dashes (at most 50 characters), got '${name}'`,
    );
  return name;
}

export const ESO_IMAGE = "floe.local/external-secrets:v0.16.2";
