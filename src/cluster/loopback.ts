// The network rule of the simulated cluster: every listener and every address a component is told about
// stays in 127.0.0.0/8, so no process ever connects off this machine.
import net from "node:net";

export const LOOPBACK = "127.0.0.1";

export function isLoopback(address: string): boolean {
  if (address === "::1" || address === "localhost") return true;
  return net.isIPv4(address) && address.startsWith("127.");
}

// Listening ports are picked below the kernel's ephemeral range (Linux: 32768-60999 by default), where the
// outgoing connections of every process on the machine take their local ports: a port found free there can
// be taken by some connection before the component binds it (seen as "address already in use" under load).
const PORT_MIN = 20000;
const PORT_MAX = 32000;
const handedOut = new Set<number>();

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once("error", () => resolve(undefined));
    srv.listen(port, LOOPBACK, () => {
      const addr = srv.address();
      const got = typeof addr === "object" && addr ? addr.port : undefined;
      srv.close(() => resolve(got));
    });
  });
}

/** A free TCP port on 127.0.0.1 below the ephemeral range, never the same twice in this process (falls
 * back to one the kernel picks when that range is full). */
export async function freePort(): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = PORT_MIN + Math.floor(Math.random() * (PORT_MAX - PORT_MIN));
    if (handedOut.has(port)) continue;
    if ((await tryListen(port)) === port) {
      handedOut.add(port);
      return port;
    }
  }
  const port = await tryListen(0);
  if (port === undefined) throw new Error("no free TCP port on 127.0.0.1");
  return port;
}
