// Pure builders for kind: its cluster config, argv, and the docker shim used only on hosts where
// `docker run --privileged` fails (src/cluster/kind/host.ts decides; README: "kind on a VM without CAP_SYS_RESOURCE").
import { stringify } from "yaml";
import { LOOPBACK } from "../loopback.js";

export { KIND_CLUSTER_NAME, kindClusterName } from "./names.js";

/** kind names the single node's container `<cluster>-control-plane`. */
export const kindNodeContainer = (name: string) => `${name}-control-plane`;

export interface KindConfigOptions {
  /** The Docker host uses cgroup v1: kubelet >= 1.35 refuses it unless told `failCgroupV1: false`. */
  cgroupV1?: boolean;
}

/** The API server is published on loopback only, like every kwok component. */
export function kindConfig(o: KindConfigOptions = {}): string {
  return stringify({
    kind: "Cluster",
    apiVersion: "kind.x-k8s.io/v1alpha4",
    networking: { apiServerAddress: LOOPBACK },
    nodes: [{ role: "control-plane" }],
    ...(o.cgroupV1
      ? {
          kubeadmConfigPatches: [
            stringify({
              kind: "KubeletConfiguration",
              apiVersion: "kubelet.config.k8s.io/v1beta1",
              failCgroupV1: false,
            }),
          ],
        }
      : {}),
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
    // Keep a failed node so its logs can be exported; `up` deletes it afterwards.
    "--retain",
  ];
}

export function kindDeleteArgv(kind: string, o: { name: string; kubeconfig: string }): string[] {
  return [kind, "delete", "cluster", "--name", o.name, "--kubeconfig", o.kubeconfig];
}

export function kindGetClustersArgv(kind: string): string[] {
  return [kind, "get", "clusters"];
}

export function kindExportKubeconfigArgv(kind: string, o: { name: string; kubeconfig: string }): string[] {
  return [kind, "export", "kubeconfig", "--name", o.name, "--kubeconfig", o.kubeconfig];
}

export function kindGetNodesArgv(kind: string, o: { name: string }): string[] {
  return [kind, "get", "nodes", "--name", o.name];
}

/** Loads images of the local Docker daemon into every node of the cluster (`docker save` + import). */
export function kindLoadArgv(kind: string, o: { name: string; images: readonly string[] }): string[] {
  if (!o.images.length) throw new Error("kind load docker-image needs at least one image");
  return [kind, "load", "docker-image", "--name", o.name, ...o.images];
}

/** The image names in a node's containerd (kind's images live in its k8s.io namespace). */
export function nodeImagesArgv(docker: string, node: string): string[] {
  return [docker, "exec", node, "ctr", "--namespace=k8s.io", "images", "list", "--quiet"];
}

/** Exit 0 when the local Docker daemon has the image (by the reference as written). */
export function dockerImageInspectArgv(docker: string, image: string): string[] {
  return [docker, "image", "inspect", "--format", "{{.Id}}", image];
}

export function kindExportLogsArgv(kind: string, o: { name: string; dir: string }): string[] {
  return [kind, "export", "logs", o.dir, "--name", o.name];
}

/** What replaces `--privileged` on `docker run|create` in the shim: every capability but CAP_SYS_RESOURCE
 * (the one the VM's bounding set lacks), writable /proc and /sys paths, all devices; and the variable that
 * tells floe's node image (scripts/kind-node.sh) to make its cgroup mounts writable itself. */
export const UNPRIVILEGED_RUN_FLAGS = [
  "--cap-add=ALL",
  "--cap-drop=SYS_RESOURCE",
  "--security-opt=systempaths=unconfined",
  "--device-cgroup-rule=a *:* rwm",
  "--env=FLOE_KIND_UNPRIVILEGED=1",
];

const shq = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** A `docker` program for kind's PATH: `--privileged` on run/create becomes UNPRIVILEGED_RUN_FLAGS, on exec
 * it is dropped; everything else goes to the real docker unchanged. */
export function dockerShim(realDocker: string): string {
  return [
    "#!/bin/sh",
    "# Written by floe-helm `cluster up --provider kind`: `docker run --privileged` fails on this host, so kind's",
    "# --privileged is replaced (README: kind on a VM without CAP_SYS_RESOURCE). Used only by that kind process.",
    "sub=$1; first=1",
    "for a do",
    '  if [ "$first" = 1 ]; then set --; first=0; fi',
    '  case "$sub:$a" in',
    `    run:--privileged|create:--privileged) set -- "$@" ${UNPRIVILEGED_RUN_FLAGS.map(shq).join(" ")} ;;`,
    "    exec:--privileged) ;;",
    '    *) set -- "$@" "$a" ;;',
    "  esac",
    "done",
    `exec ${shq(realDocker)} "$@"`,
    "",
  ].join("\n");
}
