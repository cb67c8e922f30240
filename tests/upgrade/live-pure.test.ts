// `floe-helm upgrade`'s pure parts: argv tables, which Services the prober takes, its Pod (restricted), and
// its shell script run for real with sh and curl against a local HTTP server that goes away mid-way (the
// script's counts, stop file and bounds are the ones the pod uses; only the pod around it is left out).
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  helmRollbackArgv,
  helmUpgradeArgv,
  kubectlServingObjectsArgv,
  kubectlStopProberArgv,
} from "../../src/upgrade/live/argv.js";
import { parseBaseHelm } from "../../src/upgrade/live/command.js";
import {
  attributeFailures,
  httpPort,
  parseProberLog,
  proberPod,
  proberScript,
  probeTargets,
} from "../../src/upgrade/live/prober.js";
import { tempDir } from "../helpers/tmp.js";

const a = {
  bin: "helm",
  major: 4 as const,
  kubeconfig: "/k",
  release: "floe-test",
  namespace: "ns",
  timeout: "5m",
};

describe("argv", () => {
  it("helm upgrade and rollback wait for the release, with the scenario's values only", () => {
    expect(helmUpgradeArgv({ ...a, chartDir: "/c", valuesFiles: ["/v1", "/v2"] })).toEqual(
      ["helm", "upgrade", "floe-test", "/c", "--kubeconfig", "/k", "--namespace", "ns"].concat(
        ["--values", "/v1", "--values", "/v2", "--reset-values", "--wait", "--wait-for-jobs"],
        ["--timeout", "5m"],
      ),
    );
    expect(() => helmUpgradeArgv({ ...a, chartDir: "", valuesFiles: [] })).toThrow(/explicit chart/);
    expect(helmRollbackArgv({ ...a, revision: 1 })).toEqual(
      ["helm", "rollback", "floe-test", "1", "--kubeconfig", "/k", "--namespace", "ns"].concat([
        "--wait",
        "--wait-for-jobs",
        "--timeout",
        "5m",
      ]),
    );
    const o = { bin: "kubectl", kubeconfig: "/k", namespace: "ns" };
    expect(kubectlServingObjectsArgv(o)).toEqual(
      ["kubectl", "--kubeconfig", "/k", "--namespace", "ns", "get"].concat([
        "services,deployments,statefulsets,poddisruptionbudgets",
        "--output",
        "json",
      ]),
    );
    expect(kubectlStopProberArgv(o, "p").slice(5)).toEqual([
      "exec",
      "p",
      "--container",
      "prober",
      "--",
      "touch",
      "/tmp/stop",
    ]);
  });

  it("--base-helm takes 3 or 4", () => {
    expect(parseBaseHelm("3")).toBe(3);
    expect(parseBaseHelm(undefined)).toBeUndefined();
    expect(() => parseBaseHelm("2")).toThrow("--base-helm: expected 3 or 4, got '2'");
  });
});

const labels = (component: string) => ({
  "app.kubernetes.io/name": "p",
  "app.kubernetes.io/component": component,
});
const list = (...items: unknown[]) => JSON.stringify({ items });
const deploy = (name: string, component: string, replicas?: number) => ({
  kind: "Deployment",
  metadata: { name },
  spec: { ...(replicas ? { replicas } : {}), template: { metadata: { labels: labels(component) } } },
});
const svc = (name: string, component: string, ports: unknown[]) => ({
  kind: "Service",
  metadata: { name },
  spec: { selector: labels(component), ports },
});

describe("probeTargets", () => {
  it("takes Services of 2+ replica workloads, their HTTP port, and the PDB over their pods", () => {
    const sel = probeTargets(
      list(
        deploy("otel", "otel", 2),
        deploy("web", "web"),
        {
          kind: "StatefulSet",
          metadata: { name: "db" },
          spec: { replicas: 3, template: { metadata: { labels: labels("db") } } },
        },
        svc("otel", "otel", [
          { name: "otlp-grpc", port: 4317, appProtocol: "grpc" },
          { name: "otlp-http", port: 4318 },
        ]),
        svc("web", "web", [{ name: "http", port: 3000 }]),
        svc("db", "db", [{ name: "grpc", port: 9000 }]),
        {
          kind: "PodDisruptionBudget",
          metadata: { name: "otel-pdb" },
          spec: { selector: { matchLabels: labels("otel") } },
        },
      ),
      "ns",
    );
    expect(sel.targets).toEqual([
      {
        service: "otel",
        workload: "Deployment/otel",
        replicas: 2,
        port: 4318,
        url: "http://otel.ns.svc:4318/",
        pdb: "otel-pdb",
      },
    ]);
    expect(sel.unprobed).toEqual([
      { service: "db", reason: "no port of Service db speaks HTTP (only gRPC/UDP)" },
    ]);
    expect(sel.serving).toBe(3);
    expect(
      httpPort([
        { port: 53, protocol: "UDP" },
        { name: "metrics", port: 9090 },
      ]),
    ).toBe(9090);
  });
  it("a release of batch jobs only serves nothing (skipped, not failed); Services of single replicas are serving but not probed", () => {
    expect(probeTargets(list({ kind: "Job", metadata: { name: "dbt" } }), "ns")).toEqual({
      targets: [],
      unprobed: [],
      serving: 0,
    });
    const single = probeTargets(
      list(deploy("web", "web"), svc("web", "web", [{ name: "http", port: 3000 }])),
      "ns",
    );
    expect(single).toEqual({ targets: [], unprobed: [], serving: 1 });
  });
});

describe("attributeFailures: each failed request told by the step it fell in", () => {
  const at = (hms: string, day = "2026-12-03") => Date.parse(`${day}T${hms}Z`);
  const steps = [
    { what: "upgrade", from: at("18:24:00"), to: at("18:24:40") },
    { what: "helm test after upgrade", from: at("18:24:41"), to: at("18:25:10") },
    { what: "rollback", from: at("18:25:12"), to: at("18:25:50") },
  ];
  it.each([
    ["18:24:10 curl-exit=7 http=000", "18:24:10 curl-exit=7 http=000 during upgrade"],
    ["18:25:00 curl-exit=7 http=000", "18:25:00 curl-exit=7 http=000 during helm test after upgrade"],
    // Within a second of a step's end (the clocks differ by that much at most).
    ["18:25:11 curl-exit=28 http=000", "18:25:11 curl-exit=28 http=000 during helm test after upgrade"],
    ["18:26:30 curl-exit=0 http=503", "18:26:30 curl-exit=0 http=503 between steps"],
    ["no time", "no time"],
  ])("%s", (line, want) => {
    expect(attributeFailures([line], steps)).toEqual([want]);
  });

  it("a run across midnight: 00:00:05 is the next day's", () => {
    const night = [{ what: "rollback", from: at("23:59:50"), to: at("00:00:20", "2026-12-04") }];
    expect(attributeFailures(["00:00:05 curl-exit=7 http=000"], night)).toEqual([
      "00:00:05 curl-exit=7 http=000 during rollback",
    ]);
  });

  it("without steps the lines are as they were", () => {
    expect(attributeFailures(["18:25:00 curl-exit=7 http=000"], [])).toEqual([
      "18:25:00 curl-exit=7 http=000",
    ]);
  });
});

describe("the prober pod", () => {
  it("is restricted (PSS), wears the test pods' labels, and is bounded", () => {
    const pod = proberPod({
      name: "p",
      namespace: "ns",
      image: "floe.local/curl:7.88.1",
      labels: labels("test"),
      targets: [],
      maxRequests: 10,
      maxSeconds: 5,
      intervalMs: 100,
    }) as {
      metadata: { labels: object };
      spec: {
        securityContext: object;
        automountServiceAccountToken: boolean;
        containers: Array<{ securityContext: object; resources: object }>;
      };
    };
    expect(pod.metadata.labels).toMatchObject(labels("test"));
    expect(pod.spec.automountServiceAccountToken).toBe(false);
    expect(pod.spec.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(pod.spec.containers[0]!.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ["ALL"] },
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(pod.spec.containers[0]!.resources).toHaveProperty("limits");
  });
});

/** Runs the prober's script with the host's sh and curl; `during` runs once it is ready. */
async function runScript(script: string, dir: string, during: () => Promise<void>): Promise<string> {
  const child = spawn("sh", ["-c", script], { env: { PATH: process.env.PATH, PROBER_DIR: dir, HOME: dir } });
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  const ended = new Promise<void>((r) => child.on("close", () => r()));
  const t0 = Date.now();
  while (!out.includes("READY") && Date.now() - t0 < 20_000) {
    // The ready file appears when every target answered once (or gave up its warm-up).
    if (existsSync(path.join(dir, "ready"))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await during();
  await ended;
  return out;
}

describe("the prober's script, for real (sh + curl, a local server that stops answering)", () => {
  it("counts requests sent and failed per Service, stops on its stop file, and prints each failure", async () => {
    const server = http.createServer((_q, r) => r.end("ok"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as AddressInfo).port;
    const dir = tempDir("floe-prober-");
    // A second target that never answers: its warm-up gives up (reported), then every request fails.
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", () => r()));
    const deadPort = (closed.address() as AddressInfo).port;
    closed.close();
    const script = proberScript({
      targets: [
        { service: "up", workload: "Deployment/up", replicas: 2, port, url: `http://127.0.0.1:${port}/` },
        {
          service: "down",
          workload: "Deployment/down",
          replicas: 2,
          port: deadPort,
          url: `http://127.0.0.1:${deadPort}/`,
        },
      ],
      maxRequests: 1000,
      maxSeconds: 120,
      intervalMs: 50,
    }).replace('[ "$i" -lt 30 ]', '[ "$i" -lt 2 ]'); // a shorter warm-up for the dead target
    const out = await runScript(script, dir, async () => {
      await new Promise((r) => setTimeout(r, 1500));
      server.close();
      server.closeAllConnections();
      await new Promise((r) => setTimeout(r, 1000));
      writeFileSync(path.join(dir, "stop"), "");
    });
    const log = parseProberLog(out);
    expect(log.end).toBe("stopped");
    expect(log.warmupFailed).toEqual(["down"]);
    const up = log.counts.get("up")!;
    const down = log.counts.get("down")!;
    expect(up.sent).toBeGreaterThan(5);
    expect(up.failed).toBeGreaterThan(0); // the requests after the server went away
    expect(up.failed).toBeLessThan(up.sent);
    expect(down.failed).toBe(down.sent);
    // A request in flight when the server dropped its connections ends reset (56) or empty (52), seen in CI;
    // once the server is gone, refused (7).
    expect(up.failures[0]).toMatch(/^\d\d:\d\d:\d\d curl-exit=(7|52|56) http=000$/);
    expect(up.failures.at(-1)).toMatch(/^\d\d:\d\d:\d\d curl-exit=7 http=000$/);
  }, 60_000);

  it("ends by itself at its count bound", async () => {
    const server = http.createServer((_q, r) => r.end("ok"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as AddressInfo).port;
    const dir = tempDir("floe-prober-");
    const out = await runScript(
      proberScript({
        targets: [
          { service: "s", workload: "Deployment/s", replicas: 2, port, url: `http://127.0.0.1:${port}/` },
        ],
        maxRequests: 3,
        maxSeconds: 60,
        intervalMs: 10,
      }),
      dir,
      async () => {},
    );
    server.close();
    expect(parseProberLog(out)).toMatchObject({
      end: "bound",
      counts: new Map([["s", { sent: 3, failed: 0, failures: [] }]]),
    });
  });
});
