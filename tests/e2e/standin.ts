// A local HTTP stand-in for a service no registry here serves (Marquez, Polaris): it answers the requests a
// check makes with responses written in the test from the service's documented API, and records what it was
// asked. On 127.0.0.1 only; closed by the test.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Asked {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
export type Route = (req: Asked) => { status: number; body: unknown } | undefined;

export async function standIn(
  route: Route,
): Promise<{ url: string; asked: Asked[]; close(): Promise<void> }> {
  const asked: Asked[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString("utf8");
    });
    req.on("end", () => {
      const a = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body };
      asked.push(a);
      const r = route(a) ?? {
        status: 404,
        body: { error: { message: `no route for ${a.method} ${a.url}` } },
      };
      res.writeHead(r.status, { "content-type": "application/json" });
      res.end(typeof r.body === "string" ? r.body : JSON.stringify(r.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
