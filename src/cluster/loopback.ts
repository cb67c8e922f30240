// The network rule of the simulated cluster: every listener and every address a component is told about
// stays in 127.0.0.0/8, so no process ever connects off this machine.
import net from "node:net";

export const LOOPBACK = "127.0.0.1";

export function isLoopback(address: string): boolean {
  if (address === "::1" || address === "localhost") return true;
  return net.isIPv4(address) && address.startsWith("127.");
}

/** A free TCP port on 127.0.0.1, found by letting the kernel pick one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, LOOPBACK, () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
