// The kwok provider: a real etcd + kube-apiserver + controller-manager + scheduler built from source
// (scripts/tools.sh), with kwok simulating the node's kubelet. No Docker, no network beyond 127.0.0.0/8.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import https from "node:https";
import path from "node:path";
import { ToolError, UserError } from "../../core/errors.js";
import { type Daemon, isRunning, startDaemon, stopDaemon } from "../../exec/daemon.js";
import { runTool } from "../../exec/runner.js";
import { freePort, LOOPBACK } from "../loopback.js";
import type { ClusterInfo, ClusterOptions, ClusterProvider } from "../provider.js";
import {
  type ClusterState,
  clusterDir,
  type ProcessRecord,
  readState,
  removeState,
  writeState,
} from "../state.js";
import {
  type ComponentName,
  components,
  kubeconfig,
  kwokConfig,
  type Layout,
  NODE_NAME,
  nodeManifest,
  type Ports,
  tokenFile,
} from "./config.js";

const START_TIMEOUT_MS = 180_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const kwokBinaries = {
  etcd: "etcd",
  apiserver: "kube-apiserver",
  controllerManager: "kube-controller-manager",
  scheduler: "kube-scheduler",
  kwok: "kwok",
} as const;

async function layoutFor(tool: ClusterOptions["tool"], dir: string): Promise<Layout> {
  const bin = {} as Layout["bin"];
  for (const [key, name] of Object.entries(kwokBinaries)) {
    bin[key as keyof Layout["bin"]] = await tool(name);
  }
  return {
    bin,
    dir,
    etcdData: path.join(dir, "etcd"),
    certDir: path.join(dir, "pki"),
    tokenFile: path.join(dir, "tokens.csv"),
    saPublicKey: path.join(dir, "pki", "sa.pub"),
    saPrivateKey: path.join(dir, "pki", "sa.key"),
    componentKubeconfig: path.join(dir, "kubeconfig"),
    kwokConfig: path.join(dir, "kwok.yaml"),
  };
}

function lastLogLine(file: string): string {
  try {
    const lines = readFileSync(file, "utf8").trim().split("\n");
    return (lines[lines.length - 1] ?? "").slice(0, 300);
  } catch {
    return "";
  }
}

/** A control-plane component that died or did not become ready while starting: a tool failure (exit 3). */
export class StartError extends ToolError {}

/** Polls `ready` until it returns true, failing early (with the log's last line) if a component died. */
async function waitFor(
  what: string,
  ready: () => Promise<boolean>,
  started: { name: string; daemon: Daemon; log: string }[],
): Promise<void> {
  const until = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    for (const s of started) {
      if (s.daemon.exit) {
        const how = s.daemon.exit.signal ?? `exit ${s.daemon.exit.code}`;
        throw new StartError(
          `${s.name} stopped (${how}) while waiting for ${what}: ${lastLogLine(s.log)} (log: ${s.log})`,
        );
      }
    }
    if (await ready().catch(() => false)) return;
    if (Date.now() > until)
      throw new StartError(`timed out after ${START_TIMEOUT_MS / 1000}s waiting for ${what}`);
    await sleep(250);
  }
}

function httpGet(url: string, token?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      // The serving cert is self-signed for this run on 127.0.0.1: nothing to verify it against.
      {
        rejectUnauthorized: false,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        timeout: 5000,
      },
      (res) => {
        let body = "";
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.end();
  });
}

export class KwokProvider implements ClusterProvider {
  readonly name = "kwok" as const;

  /** Starts the cluster; when a component finds its port taken between picking and binding (another
   * process got there first), everything started is stopped and it starts again on other ports. */
  async up(opts: ClusterOptions): Promise<ClusterInfo> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.upOnce(opts);
      } catch (e) {
        if (!(e instanceof StartError) || !/address already in use/.test(e.message) || attempt >= 3) throw e;
        opts.log(
          `kwok: a port was taken while starting (${e.message.split(":")[0]}); starting again on other ports`,
        );
      }
    }
  }

  protected async upOnce(opts: ClusterOptions): Promise<ClusterInfo> {
    const dir = clusterDir(opts.workDir, "kwok");
    const previous = await readState(opts.workDir, "kwok");
    if (previous?.processes.some((p) => isRunning(p.pid, p.binary))) {
      throw new UserError(
        `a kwok cluster from this work dir is still running (${previous.server}): run 'floe-helm cluster down --provider kwok' first`,
      );
    }
    // The control plane first: it has no installer, so a missing binary is said before any download.
    const layout = await layoutFor(opts.tool, dir);
    const kubectl = await opts.tool("kubectl");
    await rm(dir, { recursive: true, force: true });
    await mkdir(layout.certDir, { recursive: true });

    const ports: Ports = {
      etcdClient: await freePort(),
      etcdPeer: await freePort(),
      apiserver: await freePort(),
      controllerManager: await freePort(),
      scheduler: await freePort(),
      kwok: await freePort(),
    };
    const server = `https://${LOOPBACK}:${ports.apiserver}`;
    const token = randomBytes(24).toString("hex");
    const { publicKey, privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    await writeFile(layout.saPublicKey, publicKey);
    await writeFile(layout.saPrivateKey, privateKey, { mode: 0o600 });
    await writeFile(layout.tokenFile, tokenFile(token), { mode: 0o600 });
    await writeFile(layout.componentKubeconfig, kubeconfig(server, token), { mode: 0o600 });
    await writeFile(layout.kwokConfig, kwokConfig());
    const userKubeconfig = path.resolve(opts.kubeconfig ?? layout.componentKubeconfig);

    const started: { name: ComponentName; daemon: Daemon; log: string; binary: string }[] = [];
    const records = (): ProcessRecord[] =>
      started.map((s) => ({ name: s.name, pid: s.daemon.pid, binary: s.binary, log: s.log }));
    const state = (): ClusterState => ({
      provider: "kwok",
      dir,
      kubeconfig: userKubeconfig,
      server,
      processes: records(),
    });
    // Ctrl-C or a kill while starting: stop what already runs, then leave with the usual 130/143.
    const onSignal = (sig: NodeJS.Signals) => {
      void this.stopAll(records())
        .then(() => removeState(opts.workDir, "kwok"))
        .finally(() => process.exit(sig === "SIGINT" ? 130 : 143));
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    const kc = ["--kubeconfig", layout.componentKubeconfig];
    try {
      const byName = new Map(components(layout, ports).map((c) => [c.name, c]));
      const start = async (name: ComponentName) => {
        const c = byName.get(name);
        if (!c) throw new UserError(`internal: no component ${name}`);
        const log = path.join(dir, `${name}.log`);
        opts.log(`kwok: starting ${name}`);
        started.push({ name, daemon: startDaemon(c.argv, log, dir), log, binary: c.argv[0] as string });
        // Written after every start, so even an interrupted `up` leaves `down` a full list to stop.
        await writeState(opts.workDir, state());
      };

      await start("etcd");
      await waitFor(
        "etcd health",
        async () => (await fetch(`http://${LOOPBACK}:${ports.etcdClient}/health`)).ok,
        started,
      );
      await start("kube-apiserver");
      await waitFor(
        "kube-apiserver /readyz",
        async () => (await httpGet(`${server}/readyz`, token)).status === 200,
        started,
      );
      await start("kube-controller-manager");
      await start("kube-scheduler");
      await start("kwok");
      const node = await runTool([kubectl, ...kc, "apply", "-f", "-"], {
        input: nodeManifest(),
        timeoutMs: 60_000,
      });
      if (node.code !== 0) throw new StartError(`creating the simulated node failed: ${node.stderr.trim()}`);
      await waitFor(
        `node ${NODE_NAME} Ready`,
        async () => {
          const r = await runTool(
            [
              kubectl,
              ...kc,
              "get",
              "node",
              NODE_NAME,
              "-o",
              'jsonpath={.status.conditions[?(@.type=="Ready")].status}',
            ],
            { timeoutMs: 30_000 },
          );
          return r.stdout.trim() === "True";
        },
        started,
      );
      // Pods are refused until the controller-manager has created a namespace's default ServiceAccount.
      await waitFor(
        "the default ServiceAccount",
        async () =>
          (await runTool([kubectl, ...kc, "get", "serviceaccount", "default", "-n", "default"])).code === 0,
        started,
      );
      if (userKubeconfig !== layout.componentKubeconfig) {
        await mkdir(path.dirname(userKubeconfig), { recursive: true });
        await copyFile(layout.componentKubeconfig, userKubeconfig);
      }
      await writeState(opts.workDir, state());
      opts.log(`kwok: cluster ready at ${server} (kubeconfig ${userKubeconfig})`);
      return { provider: "kwok", kubeconfig: userKubeconfig, server };
    } catch (e) {
      await this.stopAll(records());
      await removeState(opts.workDir, "kwok");
      throw e;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  }

  async down(opts: ClusterOptions): Promise<void> {
    const st = await readState(opts.workDir, "kwok");
    if (!st) {
      opts.log("kwok: no cluster state in this work dir; nothing to stop");
      return;
    }
    await this.stopAll(st.processes);
    await rm(path.join(st.dir, "etcd"), { recursive: true, force: true });
    await removeState(opts.workDir, "kwok");
    opts.log(`kwok: stopped ${st.processes.length} processes (logs kept in ${st.dir})`);
  }

  /** Stops in reverse start order: the simulated kubelet first, etcd last. */
  private async stopAll(procs: readonly ProcessRecord[]): Promise<void> {
    for (const p of [...procs].reverse()) await stopDaemon(p.pid, p.binary);
  }
}
