// The kind provider: a real cluster in Docker (GitHub's hosted runners, where the action's `cluster up`
// step uses it). kind comes from --tools-dir or the installer (pinned and sha256-verified like every tool).
// These machines have no Docker: the tests run this provider against a stand-in kind program and say so.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../../core/errors.js";
import { runTool } from "../../exec/runner.js";
import { pins } from "../../tools/pins.js";
import type { ClusterInfo, ClusterOptions, ClusterProvider } from "../provider.js";
import { clusterDir, readState, removeState, writeState } from "../state.js";
import { KIND_CLUSTER_NAME, kindConfig, kindCreateArgv, kindDeleteArgv } from "./config.js";

export class KindProvider implements ClusterProvider {
  readonly name = "kind" as const;

  async up(opts: ClusterOptions): Promise<ClusterInfo> {
    const kind = await opts.tool("kind");
    const dir = clusterDir(opts.workDir, "kind");
    await mkdir(dir, { recursive: true });
    const config = path.join(dir, "kind.yaml");
    await writeFile(config, kindConfig());
    const kubeconfig = path.resolve(opts.kubeconfig ?? path.join(dir, "kubeconfig"));
    const r = await runTool(
      kindCreateArgv(kind, {
        name: KIND_CLUSTER_NAME,
        image: pins.kindNodeImage,
        config,
        kubeconfig,
        waitSeconds: 180,
      }),
      { onStderr: (c) => opts.log(c.trimEnd()) },
    );
    if (r.code !== 0) {
      throw new InputError(
        `kind create cluster failed (exit ${r.code}): ${r.stderr.trim().split("\n").pop() ?? ""}`,
      );
    }
    await writeState(opts.workDir, {
      provider: "kind",
      dir,
      kubeconfig,
      server: "",
      processes: [],
      extra: { name: KIND_CLUSTER_NAME },
    });
    return { provider: "kind", kubeconfig, server: "" };
  }

  async down(opts: ClusterOptions): Promise<void> {
    const st = await readState(opts.workDir, "kind");
    if (!st) return;
    const kind = await opts.tool("kind");
    const r = await runTool(
      kindDeleteArgv(kind, { name: st.extra?.name ?? KIND_CLUSTER_NAME, kubeconfig: st.kubeconfig }),
    );
    if (r.code !== 0) throw new InputError(`kind delete cluster failed (exit ${r.code}): ${r.stderr.trim()}`);
    await removeState(opts.workDir, "kind");
  }
}
