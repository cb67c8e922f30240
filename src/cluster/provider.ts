// The cluster provider contract shared by kind (Docker), kwok (a real control plane with simulated nodes,
// no Docker) and an existing cluster. Every provider brings a cluster up, hands back a kubeconfig, and tears
// down exactly what it started; `down` may run in another process, so what `up` started is kept in a state
// file under the work dir.

// The names are an input (src/config/inputs.ts parses them); the providers live here.
import type { ProviderName } from "../config/inputs.js";

export { type ProviderName, parseProvider, providerNames } from "../config/inputs.js";

export interface ClusterOptions {
  /** The run's work dir; each provider keeps its files and state in <workDir>/cluster/<provider>/. */
  workDir: string;
  /** The path of a binary the provider runs: from --tools-dir (scripts/tools.sh layout) when given, else
   * kind and kubectl from the installer (tool cache, download + verify when missing). The kwok control
   * plane's binaries (etcd, kube-apiserver, kwok, ...) have no installer: --tools-dir or PATH. */
  tool(name: string): Promise<string>;
  /** Where to write (kind, kwok) or read (existing) the kubeconfig; a default under the work dir when unset. */
  kubeconfig?: string;
  /** kind: the node image (default: the pinned kindest/node); `--node-image` / FLOE_HELM_KIND_NODE_IMAGE. */
  nodeImage?: string;
  /** kind: a folder kept between runs (pr-gate.yml caches it) where images pulled from registries are kept
   * as tars and loaded from on later runs (src/cluster/kind/image-cache.ts); `--image-cache` /
   * FLOE_HELM_IMAGE_CACHE. */
  imageCache?: string;
  /** kind: the cluster's name (default floe-helm); `--kind-cluster` / FLOE_HELM_KIND_CLUSTER. */
  kindCluster?: string;
  /** kind: install metrics-server (this image) once the cluster is up, and wait for its metrics API;
   * `--metrics-server`, its image `--metrics-server-image` / FLOE_HELM_METRICS_SERVER_IMAGE. */
  metricsServer?: { image: string };
  /** kind: install the External Secrets Operator (this image, which carries its CRDs in /crds) once the
   * cluster is up, and wait for its controller; `--external-secrets`, its image `--external-secrets-image` /
   * FLOE_HELM_EXTERNAL_SECRETS_IMAGE. */
  externalSecrets?: { image: string };
  /** kind: the docker program, resolved once from the PATH of the CLI's env (the same env as every other
   * input); throws "docker not found on PATH: ..." when there is none. */
  docker: () => string;
  /** Progress lines for the user. */
  log: (line: string) => void;
}

export interface ClusterInfo {
  provider: ProviderName;
  kubeconfig: string;
  /** The API server URL the kubeconfig points at. */
  server: string;
}

export interface ClusterProvider {
  readonly name: ProviderName;
  up(opts: ClusterOptions): Promise<ClusterInfo>;
  /** Stops and removes what `up` started; a no-op when nothing is running. */
  down(opts: ClusterOptions): Promise<void>;
}
