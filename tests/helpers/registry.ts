// The test OCI registry: go-containerregistry's in-memory `registry` (scripts/tools.sh builds it) on a free
// loopback port, up once it answers /v2/ (not after a fixed wait). Its request log (stderr) is read all the
// time and only the last part kept: a pipe nobody reads fills after ~64 KiB and then blocks the registry
// mid-request, which a file with many cosign calls reached.
import { spawn } from "node:child_process";
import { freePort } from "../../src/cluster/loopback.js";
import { tool } from "./tools.js";

export interface TestRegistry {
  port: number;
  /** host:port, as image and chart references name it. */
  host: string;
  /** The last lines the registry logged (for a failing test's message). */
  log(): string;
  stop(): void;
}

const KEEP = 64 * 1024;

export async function startRegistry(): Promise<TestRegistry> {
  const port = await freePort();
  const child = spawn(tool("registry"), ["-port", String(port)], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr?.on("data", (d: Buffer) => {
    log = (log + d.toString()).slice(-KEEP);
  });
  let exit: string | undefined;
  child.on("exit", (code, signal) => {
    exit = `exit ${code ?? signal}`;
  });
  for (;;) {
    if (exit) throw new Error(`the test registry stopped (${exit}) before answering:\n${log}`);
    const up = await fetch(`http://127.0.0.1:${port}/v2/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, host: `127.0.0.1:${port}`, log: () => log, stop: () => child.kill() };
}
