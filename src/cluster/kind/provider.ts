// The kind provider: a real cluster in Docker. On GitHub's hosted runners it uses the pinned kindest/node
// image; `--node-image` (FLOE_HELM_KIND_NODE_IMAGE) names another, e.g. floe.local/kind-node built offline by
// scripts/kind-node.sh. What the Docker host needs is probed, not assumed (./host.ts): on cgroup v1 the kubelet
// is told `failCgroupV1: false`; where `docker run --privileged` fails, kind runs with a docker shim first on
// its PATH (./config.ts dockerShim). `up` is idempotent: a healthy cluster left from an earlier run is reused,
// an unhealthy one deleted and recreated. When `up` fails, kind's output and `kind export logs` stay in the
// work dir.
import { chmod, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ToolError, UserError } from "../../core/errors.js";
import { runTool } from "../../exec/runner.js";
import { pins } from "../../tools/pins.js";
import type { ClusterInfo, ClusterOptions, ClusterProvider } from "../provider.js";
import { clusterDir, readState, removeState, writeState } from "../state.js";
import {
  dockerImageInspectArgv,
  dockerShim,
  KIND_CLUSTER_NAME,
  kindConfig,
  kindCreateArgv,
  kindDeleteArgv,
  kindExportKubeconfigArgv,
  kindExportLogsArgv,
  kindGetClustersArgv,
  kindLoadArgv,
} from "./config.js";
import {
  applyCrdsArgv,
  crdNames,
  crdsFromImageArgv,
  ESO_CRDS,
  ESO_CRDS_DIR,
  ESO_NAME,
  ESO_NAMESPACE,
  externalSecretsManifest,
  waitControllerArgv,
  waitCrdsArgv,
} from "./external-secrets.js";
import { probeDockerHost } from "./host.js";
import { ImageCache } from "./image-cache.js";
import { applyArgv, METRICS_API, metricsServerManifest, waitMetricsApiArgv } from "./metrics-server.js";

const WAIT_SECONDS = 180;
const METRICS_WAIT_SECONDS = 180;
const ESO_WAIT_SECONDS = 180;

/** kind's own `ERROR:` line when it printed one (the docker output it quotes follows it), else its last line. */
function kindError(stderr: string): string {
  const lines = stderr.trim().split("\n");
  return (lines.find((l) => l.startsWith("ERROR: ")) ?? lines.pop() ?? "").trim();
}

export class KindProvider implements ClusterProvider {
  readonly name = "kind" as const;

  async up(opts: ClusterOptions): Promise<ClusterInfo> {
    // kind drives Docker: without it nothing below can work, so that is said first.
    const docker = opts.docker();
    const kind = await opts.tool("kind");
    const name = opts.kindCluster ?? KIND_CLUSTER_NAME;
    const pinned = opts.nodeImage ?? pins.kindNodeImage;
    const dir = clusterDir(opts.workDir, "kind");
    await mkdir(dir, { recursive: true });
    // With an image cache the runner's Docker pulls the node image (and keeps it) instead of kind; restored
    // from the cache, an image pinned by digest is known by its id (a load keeps no registry digest).
    const cache = opts.imageCache ? new ImageCache(opts.imageCache, () => docker, opts.workDir) : undefined;
    const image = (await cache?.bring(pinned, { pull: true }, (l) => opts.log(`kind: ${l}`))) ?? pinned;
    const kubeconfig = path.resolve(opts.kubeconfig ?? path.join(dir, "kubeconfig"));

    let shimDir: string | undefined;
    const host = await probeDockerHost(docker, image);
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (host.privilegedError) {
      shimDir = path.join(dir, "docker-shim");
      await mkdir(shimDir, { recursive: true });
      await writeFile(path.join(shimDir, "docker"), dockerShim(docker));
      await chmod(path.join(shimDir, "docker"), 0o755);
      env.PATH = `${shimDir}${path.delimiter}${process.env.PATH ?? ""}`;
      opts.log(
        `kind: 'docker run --privileged' fails on this host (${host.privilegedError}): kind runs with a docker shim that grants every other capability instead (${path.join(shimDir, "docker")})`,
      );
    }
    if (host.cgroupVersion === "1")
      opts.log("kind: the Docker host uses cgroup v1: kubelet gets failCgroupV1: false");
    const config = path.join(dir, "kind.yaml");
    await writeFile(config, kindConfig({ cgroupV1: host.cgroupVersion === "1" }));

    const info: ClusterInfo = { provider: "kind", kubeconfig, server: "" };
    const record = () =>
      writeState(opts.workDir, {
        provider: "kind",
        dir,
        kubeconfig,
        server: "",
        processes: [],
        // The shim's folder, for later kind calls of this cluster (`floe-helm test`'s kind load).
        extra: { name, image: pinned, ...(shimDir ? { dockerShim: shimDir } : {}) },
      });

    // A cluster of this name left over from an earlier run (e.g. a crashed job): reuse it when it answers,
    // else delete it so the create below starts clean.
    const existing = await runTool(kindGetClustersArgv(kind), { env, timeoutMs: 60_000 });
    if (existing.code === 0 && existing.stdout.split("\n").some((l) => l.trim() === name)) {
      if (await this.healthy(kind, name, kubeconfig, opts, env)) {
        opts.log(`kind: cluster ${name} from an earlier run answers: reusing it`);
        await record();
        await this.addons(opts, { kind, name, kubeconfig, env });
        return info;
      }
      opts.log(`kind: cluster ${name} from an earlier run does not answer: deleting and recreating it`);
      const del = await runTool(kindDeleteArgv(kind, { name, kubeconfig }), { env, timeoutMs: 120_000 });
      if (del.code !== 0)
        throw new ToolError(
          `kind delete cluster (left-over ${name}) failed (exit ${del.code}): ${del.stderr.trim()}`,
        );
    }

    const r = await runTool(
      kindCreateArgv(kind, { name, image, config, kubeconfig, waitSeconds: WAIT_SECONDS }),
      { env, onStderr: (c) => opts.log(c.trimEnd()) },
    );
    if (r.code !== 0) {
      // kind's whole output and its logs of the node (journal, containerd, kubelet, pods) stay in the work dir.
      const out = path.join(dir, "kind-create.log");
      await writeFile(out, `$ ${r.argv.join(" ")}\n${r.stdout}${r.stderr}`);
      const logs = path.join(dir, "kind-logs");
      const ex = await runTool(kindExportLogsArgv(kind, { name, dir: logs }), { env, timeoutMs: 180_000 });
      await runTool(kindDeleteArgv(kind, { name, kubeconfig }), { env, timeoutMs: 120_000 });
      // `kind export logs` exits non-zero when one of its collectors fails (e.g. a node image without
      // crictl) after writing the others: what it wrote is kept and named, and so is what it said.
      const wrote = await readdir(logs).then(
        (l) => l.length > 0,
        () => false,
      );
      const exErr = kindError(ex.stderr);
      const kept =
        ex.code === 0
          ? `${out}, ${logs}`
          : wrote
            ? `${out}, ${logs} (kind export logs incomplete: ${exErr})`
            : `${out} (kind export logs failed: ${exErr})`;
      throw new ToolError(
        `kind create cluster failed (exit ${r.code}): ${kindError(r.stderr)} (kept: ${kept})`,
      );
    }
    await record();
    await this.addons(opts, { kind, name, kubeconfig, env });
    return info;
  }

  /** What `up` adds to the cluster when asked: metrics-server (--metrics-server), the External Secrets
   * Operator (--external-secrets). */
  private async addons(
    opts: ClusterOptions,
    k: { kind: string; name: string; kubeconfig: string; env: NodeJS.ProcessEnv },
  ): Promise<void> {
    if (opts.metricsServer) await this.metricsServer(opts, opts.metricsServer.image, k);
    if (opts.externalSecrets) await this.externalSecrets(opts, opts.externalSecrets.image, k);
  }

  /** An image in the local Docker (built here: scripts/images.sh) goes into the nodes (true); any other is
   * pulled by them (false). */
  private async loadLocal(
    opts: ClusterOptions,
    image: string,
    what: string,
    k: { kind: string; name: string; env: NodeJS.ProcessEnv },
  ): Promise<boolean> {
    const cache = opts.imageCache ? new ImageCache(opts.imageCache, opts.docker, opts.workDir) : undefined;
    const local = cache
      ? // a digest reference restored from the cache has no name kind load could keep: pulled by the node
        (await cache.bring(image, { pull: true }, (l) => opts.log(`kind: ${l}`))) === image
      : (await runTool(dockerImageInspectArgv(opts.docker(), image), { timeoutMs: 30_000 })).code === 0;
    if (!local) return false;
    opts.log(`kind: loading ${image} into the nodes (${what})`);
    const load = await runTool(kindLoadArgv(k.kind, { name: k.name, images: [image] }), {
      env: k.env,
      timeoutMs: 300_000,
    });
    if (load.code !== 0)
      throw new ToolError(
        `kind load docker-image ${image} failed (exit ${load.code}): ${kindError(load.stderr)}`,
      );
    return true;
  }

  private async logTail(kubectl: string, kubeconfig: string, namespace: string, deployment: string) {
    const logs = await runTool(
      [
        kubectl,
        "--kubeconfig",
        kubeconfig,
        "--namespace",
        namespace,
        "logs",
        `deployment/${deployment}`,
        "--tail",
        "20",
      ],
      { timeoutMs: 60_000 },
    );
    return (logs.stdout + logs.stderr).trim().split("\n").slice(-10).join(" | ") || "(none)";
  }

  private async metricsServer(
    opts: ClusterOptions,
    image: string,
    k: { kind: string; name: string; kubeconfig: string; env: NodeJS.ProcessEnv },
  ): Promise<void> {
    const kubectl = await opts.tool("kubectl");
    const local = await this.loadLocal(opts, image, "metrics-server", k);
    opts.log(`kind: metrics-server (${image}) into kube-system; waiting for the metrics API ${METRICS_API}`);
    const apply = await runTool(applyArgv(kubectl, k.kubeconfig), {
      input: metricsServerManifest(image, local ? "Never" : "IfNotPresent"),
      timeoutMs: 120_000,
    });
    if (apply.code !== 0)
      throw new ToolError(
        `kubectl apply of metrics-server failed (exit ${apply.code}): ${apply.stderr.trim()}`,
      );
    const wait = await runTool(waitMetricsApiArgv(kubectl, k.kubeconfig, METRICS_WAIT_SECONDS), {
      timeoutMs: (METRICS_WAIT_SECONDS + 30) * 1000,
    });
    if (wait.code !== 0)
      throw new ToolError(
        `metrics-server did not serve ${METRICS_API} within ${METRICS_WAIT_SECONDS} s: ${wait.stderr.trim() || wait.stdout.trim()}; its log: ${await this.logTail(kubectl, k.kubeconfig, "kube-system", "metrics-server")}`,
      );
    opts.log(`kind: the metrics API ${METRICS_API} is served`);
  }

  /** ESO's CRDs (from the image's /crds: the module's own files), then its controller, waited for. */
  private async externalSecrets(
    opts: ClusterOptions,
    image: string,
    k: { kind: string; name: string; kubeconfig: string; env: NodeJS.ProcessEnv },
  ): Promise<void> {
    const kubectl = await opts.tool("kubectl");
    const t0 = Date.now();
    const local = await this.loadLocal(opts, image, "External Secrets Operator", k);
    if (!local)
      throw new UserError(
        `--external-secrets-image ${image} is not in the local Docker: its CustomResourceDefinitions are read from the image's ${ESO_CRDS_DIR} (scripts/images.sh external-secrets builds floe.local/external-secrets with them)`,
      );
    const crds = await runTool(crdsFromImageArgv(opts.docker(), image), { timeoutMs: 120_000 });
    const names = crds.code === 0 ? crdNames(crds.stdout) : [];
    const missing = ESO_CRDS.filter((c) => !names.includes(c));
    if (missing.length)
      throw new UserError(
        `the External Secrets Operator image ${image} does not carry the CustomResourceDefinitions ${missing.join(", ")} in ${ESO_CRDS_DIR} (found: ${names.join(", ") || crds.stderr.trim() || "none"}); build it with scripts/images.sh external-secrets`,
      );
    opts.log(
      `kind: the External Secrets Operator's CRDs (${names.join(", ")}) from ${image}:${ESO_CRDS_DIR}`,
    );
    const applied = await runTool(applyCrdsArgv(kubectl, k.kubeconfig), {
      input: crds.stdout,
      timeoutMs: 120_000,
    });
    if (applied.code !== 0)
      throw new ToolError(
        `kubectl apply of ESO's CRDs failed (exit ${applied.code}): ${applied.stderr.trim()}`,
      );
    const est = await runTool(waitCrdsArgv(kubectl, k.kubeconfig, 60), { timeoutMs: 90_000 });
    if (est.code !== 0)
      throw new ToolError(
        `ESO's CRDs were not established within 60 s: ${est.stderr.trim() || est.stdout.trim()}`,
      );
    opts.log(
      `kind: the External Secrets Operator (${image}) into ${ESO_NAMESPACE}; waiting for its controller`,
    );
    const apply = await runTool(applyArgv(kubectl, k.kubeconfig), {
      input: externalSecretsManifest(image, local ? "Never" : "IfNotPresent"),
      timeoutMs: 120_000,
    });
    if (apply.code !== 0)
      throw new ToolError(
        `kubectl apply of the External Secrets Operator failed (exit ${apply.code}): ${apply.stderr.trim()}`,
      );
    const wait = await runTool(waitControllerArgv(kubectl, k.kubeconfig, ESO_WAIT_SECONDS), {
      timeoutMs: (ESO_WAIT_SECONDS + 30) * 1000,
    });
    if (wait.code !== 0)
      throw new ToolError(
        `the External Secrets Operator (deployment/${ESO_NAME} in ${ESO_NAMESPACE}) was not available within ${ESO_WAIT_SECONDS} s: ${wait.stderr.trim() || wait.stdout.trim()}; its log: ${await this.logTail(kubectl, k.kubeconfig, ESO_NAMESPACE, ESO_NAME)}`,
      );
    opts.log(
      `kind: the External Secrets Operator runs (deployment/${ESO_NAME} in ${ESO_NAMESPACE}; ${Math.round((Date.now() - t0) / 1000)} s with its image load and CRDs)`,
    );
  }

  /** The left-over cluster's node answers: its kubeconfig exported again and its API server ready. */
  private async healthy(
    kind: string,
    name: string,
    kubeconfig: string,
    opts: ClusterOptions,
    env: NodeJS.ProcessEnv,
  ): Promise<boolean> {
    const exp = await runTool(kindExportKubeconfigArgv(kind, { name, kubeconfig }), {
      env,
      timeoutMs: 60_000,
    });
    if (exp.code !== 0) return false;
    const kubectl = await opts.tool("kubectl");
    const ready = await runTool([kubectl, "--kubeconfig", kubeconfig, "get", "--raw", "/readyz"], {
      timeoutMs: 30_000,
    });
    return ready.code === 0 && ready.stdout.trim() === "ok";
  }

  async down(opts: ClusterOptions): Promise<void> {
    const st = await readState(opts.workDir, "kind");
    if (!st) return;
    opts.docker();
    const kind = await opts.tool("kind");
    const r = await runTool(
      kindDeleteArgv(kind, { name: st.extra?.name ?? KIND_CLUSTER_NAME, kubeconfig: st.kubeconfig }),
    );
    if (r.code !== 0) throw new ToolError(`kind delete cluster failed (exit ${r.code}): ${r.stderr.trim()}`);
    await removeState(opts.workDir, "kind");
  }
}
