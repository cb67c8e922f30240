// kubectl as the E2E checks use it: against the namespace of both releases (E2eEnv.kube), never throwing for
// a non-zero exit, and `kubectl port-forward` to reach a Service from the runner the way a user would.
import { spawn } from "node:child_process";
import type { RunResult } from "../../exec/runner.js";
import { runTool } from "../../exec/runner.js";
import type { KubeTarget } from "../../install/diagnose/collect.js";

/** kubectl argv against the target's kubeconfig and namespace (pure). */
export function kubectlArgv(k: Pick<KubeTarget, "kubectl" | "kubeconfig" | "namespace">, ...args: string[]) {
  return [k.kubectl, "--kubeconfig", k.kubeconfig, "--namespace", k.namespace, ...args];
}

export function kubectl(
  k: KubeTarget,
  args: string[],
  opts: { timeoutMs?: number; input?: string } = {},
): Promise<RunResult> {
  return runTool(kubectlArgv(k, ...args), {
    env: k.env,
    cwd: k.cwd,
    timeoutMs: opts.timeoutMs ?? 60_000,
    input: opts.input,
  });
}

/** A kubectl call whose JSON output is wanted: throws with kubectl's own words when it fails. */
export async function kubectlJson<T>(k: KubeTarget, args: string[], timeoutMs = 60_000): Promise<T> {
  const r = await kubectl(k, [...args, "--output", "json"], { timeoutMs });
  if (r.code !== 0)
    throw new Error(
      `kubectl ${args.join(" ")} failed (exit ${r.code}): ${r.stderr.trim() || r.stdout.trim()}`,
    );
  return JSON.parse(r.stdout) as T;
}

/** `kubectl port-forward` argv to a Service port, on a free local port chosen by kubectl (pure). */
export function portForwardArgv(k: KubeTarget, service: string, port: number): string[] {
  return kubectlArgv(k, "port-forward", `service/${service}`, `:${port}`, "--address", "127.0.0.1");
}

/** The local port of kubectl port-forward's "Forwarding from 127.0.0.1:PORT -> N" line, if printed. */
export function forwardedPort(stdout: string): number | undefined {
  const m = /Forwarding from 127\.0\.0\.1:(\d+) ->/.exec(stdout);
  return m ? Number(m[1]) : undefined;
}

export interface PortForward {
  /** http://127.0.0.1:<local port> */
  url: string;
  close(): void;
}

/** Starts `kubectl port-forward` to service:port and resolves once it listens; rejects with kubectl's output
 * when it exits or does not listen within timeoutMs. close() stops that one process. */
export function portForward(k: KubeTarget, service: string, port: number, timeoutMs = 30_000) {
  const [cmd, ...args] = portForwardArgv(k, service, port) as [string, ...string[]];
  return new Promise<PortForward>((resolve, reject) => {
    const child = spawn(cmd, args, { env: k.env, cwd: k.cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let done = false;
    const fail = (why: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(
        new Error(`kubectl port-forward service/${service} :${port} ${why}: ${out.trim() || "no output"}`),
      );
    };
    const timer = setTimeout(() => fail(`did not listen within ${timeoutMs / 1000} s`), timeoutMs);
    const onData = (c: Buffer) => {
      out += c.toString("utf8");
      const local = forwardedPort(out);
      if (local !== undefined && !done) {
        done = true;
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${local}`, close: () => child.kill("SIGTERM") });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    child.on("error", (e) => fail(`could not start (${e.message})`));
    child.on("exit", (code) => fail(`exited (${code})`));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `kubectl wait --for=<condition> <objects>` for up to ms, in 10 s rounds with progress between them (what is
 * waited for, time left). Returns the last kubectl result (exit 0: the condition holds). */
export async function waitFor(
  k: KubeTarget,
  condition: string,
  objects: string[],
  ms: number,
  progress: (line: string) => void,
): Promise<RunResult> {
  const until = Date.now() + ms;
  for (;;) {
    const round = Math.max(1, Math.min(10, Math.ceil((until - Date.now()) / 1000)));
    const r = await kubectl(k, ["wait", `--for=${condition}`, ...objects, `--timeout=${round}s`], {
      timeoutMs: (round + 20) * 1000,
    });
    if (r.code === 0 || Date.now() >= until) return r;
    progress(
      `waiting for ${objects.join(", ")} (${condition}): ${Math.round((until - Date.now()) / 1000)} s left`,
    );
  }
}
