// `floe-helm cluster up|down`: bring the install-test cluster up (printing the kubeconfig path on stdout)
// and tear it down again, possibly from another process: what `up` started is in the work dir.
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { type Command, Option } from "commander";
import type { Bind, Io } from "../cli/options.js";
import { withCommonOptions } from "../cli/options.js";
import type { Inputs } from "../config/inputs.js";
import { ExitCode, UserError } from "../core/errors.js";
import { requireLocalTool } from "../tools/local.js";
import { pins } from "../tools/pins.js";
import { ESO_IMAGE, KIND_CLUSTER_NAME, kindClusterName } from "./kind/names.js";
import { onPath, resolveDocker } from "./on-path.js";
import type { ClusterOptions } from "./provider.js";

/** Binaries from --tools-dir; else kind and kubectl from the installer (src/tools/resolve.ts: tool cache
 * first, pinned and sha256-verified downloads when missing); else, for the kwok control plane (etcd,
 * kube-apiserver, kwok, ...), which the installer does not carry, the binaries on PATH. */
export function clusterTools(
  inputs: Inputs,
  err: (l: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): ClusterOptions["tool"] {
  return async (name) => {
    if (inputs.toolsDir) return requireLocalTool(inputs.toolsDir, name);
    if (name === "kind" || name === "kubectl") {
      // The installer (and the HTTP client under it) is loaded only when it is used.
      const { resolveTools } = await import("../tools/resolve.js");
      return (await resolveTools(inputs, [name], { warn: err, progress: err }))[name];
    }
    const found = onPath(name, env.PATH);
    if (found) return found;
    throw new UserError(
      `the ${inputs.cluster} cluster needs ${name}, which floe-helm does not install: put it on PATH, or pass --tools-dir (FLOE_HELM_TOOLS_DIR) with the binaries scripts/tools.sh builds (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok), e.g. --tools-dir .tools/bin`,
    );
  };
}

/** The providers (and what they load: kwok's HTTPS health checks) only for `cluster up|down`. */
const providers = () => import("./providers.js");

/** The provider's options; binaries not from --tools-dir are looked up on the PATH of the CLI's env (io.env),
 * the same env every other input comes from. */
function options(inputs: Inputs, io: Pick<Io, "err" | "env" | "cwd">, kind: KindFlags = {}): ClusterOptions {
  let docker: string | undefined;
  return {
    workDir: inputs.workDir,
    tool: clusterTools(inputs, io.err, io.env),
    docker: () => (docker ??= resolveDocker(io.env.PATH)),
    kubeconfig: inputs.kubeconfig,
    ...(kind.nodeImage?.trim() ? { nodeImage: kind.nodeImage.trim() } : {}),
    ...(kind.imageCache?.trim() ? { imageCache: path.resolve(io.cwd, kind.imageCache.trim()) } : {}),
    ...(kind.kindCluster?.trim() ? { kindCluster: kindClusterName(kind.kindCluster.trim()) } : {}),
    ...(kind.metricsServer
      ? { metricsServer: { image: kind.metricsServerImage?.trim() || pins.metricsServerImage } }
      : {}),
    ...(kind.externalSecrets
      ? { externalSecrets: { image: kind.externalSecretsImage?.trim() || ESO_IMAGE } }
      : {}),
    log: io.err,
  };
}

/** A true/false environment variable: unset or empty is false; anything but true/false is a usage error. */
function envSwitch(env: NodeJS.ProcessEnv, name: string): boolean {
  const v = env[name]?.trim() ?? "";
  if (v === "" || v === "false") return false;
  if (v === "true") return true;
  throw new UserError(`${name}: expected true or false, got '${v}'`);
}

interface KindFlags {
  nodeImage?: string;
  imageCache?: string;
  kindCluster?: string;
  metricsServer?: boolean;
  metricsServerImage?: string;
  externalSecrets?: boolean;
  externalSecretsImage?: string;
}

/** --image-cache: on `cluster up` (the node image, metrics-server's), `test`, `upgrade` and `e2e` (the charts'
 * images) and `cluster down` (prunes it, prints its key). */
export const imageCacheOption = () =>
  new Option(
    "--image-cache <dir>",
    "kind: keep the images pulled from registries as tars in this folder and load them from there on later runs (pr-gate.yml caches it with actions/cache); `cluster down` prunes what the job did not use and prints the key to save it under",
  ).env("FLOE_HELM_IMAGE_CACHE");

const providerOption = () =>
  new Option("--provider <name>", "kind (Docker), kwok (no Docker) or existing; default kwok").env(
    "FLOE_HELM_CLUSTER",
  );

export function registerCluster(program: Command, bind: Bind): void {
  const cluster = program.command("cluster").description("the cluster install tests run against");

  withCommonOptions(
    cluster
      .command("up")
      .description("start a cluster and write its kubeconfig (path printed on stdout)")
      .addOption(providerOption())
      .addOption(
        new Option("--kubeconfig <path>", "where to write the kubeconfig").env("FLOE_HELM_KUBECONFIG"),
      )
      .addOption(
        new Option(
          "--node-image <image>",
          "kind: the node image (default: the pinned kindest/node; scripts/kind-node.sh builds one offline)",
        ).env("FLOE_HELM_KIND_NODE_IMAGE"),
      )
      .addOption(imageCacheOption())
      .addOption(
        new Option(
          "--kind-cluster <name>",
          `kind: the cluster's name (default ${KIND_CLUSTER_NAME}); \`cluster down\` and \`test\` find it in the work dir`,
        ).env("FLOE_HELM_KIND_CLUSTER"),
      )
      .addOption(
        new Option(
          "--metrics-server",
          "kind: also run metrics-server (the resource metrics API HorizontalPodAutoscalers read; e2e's GAP-004 check needs it); FLOE_HELM_METRICS_SERVER=true does the same",
        ),
      )
      .addOption(
        new Option(
          "--metrics-server-image <image>",
          `kind: metrics-server's image (default ${pins.metricsServerImage}; one in the local Docker, e.g. floe.local/metrics-server:v0.8.0 of scripts/images.sh, is loaded into the nodes)`,
        ).env("FLOE_HELM_METRICS_SERVER_IMAGE"),
      )
      .addOption(
        new Option(
          "--external-secrets",
          "kind: also run the External Secrets Operator (its CRDs and controller, for the platform's ExternalSecrets; e2e's GAP-006 check needs it); FLOE_HELM_EXTERNAL_SECRETS=true does the same",
        ),
      )
      .addOption(
        new Option(
          "--external-secrets-image <image>",
          `kind: the External Secrets Operator's image, in the local Docker with its CRDs in /crds (default ${ESO_IMAGE}, built by scripts/images.sh external-secrets)`,
        ).env("FLOE_HELM_EXTERNAL_SECRETS_IMAGE"),
      ),
  ).action(
    bind<KindFlags>(async ({ inputs, io, flags: given }) => {
      // The action's `metrics-server` input arrives as FLOE_HELM_METRICS_SERVER=true|false.
      const flags = {
        ...given,
        metricsServer: given.metricsServer || envSwitch(io.env, "FLOE_HELM_METRICS_SERVER"),
        externalSecrets: given.externalSecrets || envSwitch(io.env, "FLOE_HELM_EXTERNAL_SECRETS"),
      };
      if (flags.metricsServer && inputs.cluster !== "kind")
        throw new UserError(
          `--metrics-server is for --provider kind (a ${inputs.cluster} cluster ${inputs.cluster === "kwok" ? "runs no pods" : "brings its own metrics-server"})`,
        );
      if (flags.externalSecrets && inputs.cluster !== "kind")
        throw new UserError(
          `--external-secrets is for --provider kind (a ${inputs.cluster} cluster ${inputs.cluster === "kwok" ? "runs no pods" : "brings its own External Secrets Operator"})`,
        );
      const info = await (await providers()).provider(inputs.cluster).up(options(inputs, io, flags));
      io.out(info.kubeconfig);
      return ExitCode.Pass;
    }),
  );

  withCommonOptions(
    cluster
      .command("down")
      .description("stop the cluster that `cluster up` started from this work dir and clean up")
      .addOption(providerOption())
      .addOption(imageCacheOption()),
  ).action(
    bind<{ imageCache?: string }>(async ({ inputs, io, flags }) => {
      try {
        await (await providers()).provider(inputs.cluster).down(options(inputs, io));
      } finally {
        // Whatever happened to the cluster, the cache is left consistent and its key said.
        if (inputs.cluster === "kind" && flags.imageCache?.trim())
          await finishImageCache(path.resolve(io.cwd, flags.imageCache.trim()), inputs, io);
      }
      return ExitCode.Pass;
    }),
  );
}

/** Prunes the image cache to what this job used and says the key to save it under (a step output in Actions). */
async function finishImageCache(dir: string, inputs: Inputs, io: Pick<Io, "err" | "env">): Promise<void> {
  const { ImageCache } = await import("./kind/image-cache.js");
  const done = await new ImageCache(dir, () => resolveDocker(io.env.PATH), inputs.workDir).finish();
  if (done.pruned.length) io.err(`image cache: pruned what this job did not use: ${done.pruned.join(", ")}`);
  io.err(
    done.key
      ? `image cache: ${done.kept.length} image(s) in ${dir}, key ${done.key}`
      : `image cache: this job used no cached image: nothing to save from ${dir}`,
  );
  const file = io.env.GITHUB_OUTPUT;
  if (inputs.githubActions && file) await appendFile(file, `image-cache-key=${done.key ?? ""}\n`);
}
