// Pure builders for kind (needs Docker, so on this project's machines only these builders are tested).
import { stringify } from "yaml";
import { LOOPBACK } from "../loopback.js";

export const KIND_CLUSTER_NAME = "floe-helm";

/** The API server is published on loopback only, like every kwok component. */
export function kindConfig(): string {
  return stringify({
    kind: "Cluster",
    apiVersion: "kind.x-k8s.io/v1alpha4",
    networking: { apiServerAddress: LOOPBACK },
    nodes: [{ role: "control-plane" }],
  });
}

export function kindCreateArgv(
  kind: string,
  o: { name: string; image: string; config: string; kubeconfig: string; waitSeconds: number },
): string[] {
  return [
    kind,
    "create",
    "cluster",
    "--name",
    o.name,
    "--image",
    o.image,
    "--config",
    o.config,
    "--kubeconfig",
    o.kubeconfig,
    "--wait",
    `${o.waitSeconds}s`,
  ];
}

export function kindDeleteArgv(kind: string, o: { name: string; kubeconfig: string }): string[] {
  return [kind, "delete", "cluster", "--name", o.name, "--kubeconfig", o.kubeconfig];
}
