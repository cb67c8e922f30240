// Listening ports of the kwok cluster: picked below the kernel's ephemeral range (where other processes'
// outgoing connections take theirs), never twice; and a start that loses a port race starts again.
import net from "node:net";
import { expect, it } from "vitest";
import { KwokProvider, StartError } from "../../src/cluster/kwok/provider.js";
import { freePort, LOOPBACK } from "../../src/cluster/loopback.js";
import type { ClusterInfo, ClusterOptions } from "../../src/cluster/provider.js";

it("free ports are below the ephemeral range, distinct, and really free", async () => {
  const ports = await Promise.all(Array.from({ length: 30 }, () => freePort()));
  expect(new Set(ports).size).toBe(30);
  for (const p of ports) {
    expect(p).toBeGreaterThanOrEqual(20000);
    expect(p).toBeLessThan(32000);
  }
  // Each one can be bound right away.
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(ports[0], LOOPBACK, resolve));
  await new Promise((resolve) => srv.close(resolve));
});

class RacingProvider extends KwokProvider {
  calls = 0;
  constructor(private readonly failures: string[]) {
    super();
  }
  protected override async upOnce(): Promise<ClusterInfo> {
    const f = this.failures[this.calls++];
    if (f) throw new StartError(f);
    return { provider: "kwok", kubeconfig: "/kc", server: "https://127.0.0.1:1" };
  }
}
const taken =
  "kube-scheduler stopped (exit 1) while waiting for node kwok-node-0 Ready: failed to listen on 127.0.0.1:39803: bind: address already in use";

it("a start that loses a port race starts again on other ports, saying so (up to three attempts) (stand-in: RacingProvider, a KwokProvider whose starts fail with the given messages)", async () => {
  const lines: string[] = [];
  const opts = {
    workDir: "/w",
    tool: async (n: string) => n,
    docker: () => "docker",
    log: (l: string) => lines.push(l),
  } as ClusterOptions;
  const p = new RacingProvider([taken, taken]);
  expect(await p.up(opts)).toMatchObject({ provider: "kwok" });
  expect(p.calls).toBe(3);
  expect(lines).toEqual([
    "kwok: a port was taken while starting (kube-scheduler stopped (exit 1) while waiting for node kwok-node-0 Ready); starting again on other ports",
    "kwok: a port was taken while starting (kube-scheduler stopped (exit 1) while waiting for node kwok-node-0 Ready); starting again on other ports",
  ]);
  await expect(new RacingProvider([taken, taken, taken]).up(opts)).rejects.toThrow(/address already in use/);
  // Any other failure is reported at once.
  const other = new RacingProvider(["etcd stopped (exit 1) while waiting for etcd health: corrupt data dir"]);
  await expect(other.up(opts)).rejects.toThrow(/corrupt data dir/);
  expect(other.calls).toBe(1);
});
