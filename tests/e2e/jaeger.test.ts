// The T119 traces check's pure parts (src/e2e/checks/jaeger.ts) against Jaeger query API answers recorded from
// Jaeger 1.64.0 (floe.local/jaeger, tests/fixtures/e2e/jaeger-1.64.0-*.json: the example data product's span
// exported by floe.local/example-orders with HOSTNAME=dagster-run-abc-xyz, run id run-123); kubectl
// port-forward's output and argv (src/e2e/checks/kube.ts); and the check's skip without a run. The check itself
// runs on real kind in tests/cluster/kind-e2e.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  describeSpan,
  type JaegerTrace,
  ownSpans,
  runSpans,
  servicesOf,
  tracesOf,
  tracesPath,
  viaCollector,
} from "../../src/e2e/checks/jaeger.js";
import { forwardedPort, kubectlArgv, portForwardArgv } from "../../src/e2e/checks/kube.js";
import { RUN_ID_LABEL } from "../../src/e2e/checks/run-pod.js";
import { check } from "../../src/e2e/checks/traces.js";
import type { E2eEnv } from "../../src/e2e/types.js";
import { repoRoot } from "../helpers/tools.js";

const recorded = (name: string) =>
  readFileSync(path.join(repoRoot, "tests", "fixtures", "e2e", name), "utf8");
const RUN = "run-123";
const POD = "dagster-run-abc-xyz";

describe("Jaeger query API paths", () => {
  it("traces of one service tagged with the run id (tags as JSON, URL-encoded)", () => {
    expect(tracesPath("orders", RUN)).toBe(
      "/api/traces?service=orders&tags=%7B%22dagster.run_id%22%3A%22run-123%22%7D&lookback=1h&limit=20",
    );
  });
});

describe("Jaeger answers (recorded from Jaeger 1.64.0)", () => {
  it("services: Jaeger's own left out", () => {
    expect(servicesOf('{"data":["orders"],"total":1,"limit":0,"offset":0,"errors":null}')).toEqual([
      "orders",
    ]);
    expect(servicesOf('{"data":["jaeger-all-in-one","orders","floe-test"],"errors":null}')).toEqual([
      "floe-test",
      "orders",
    ]);
  });

  it("the run's span, with the pod of its resource (k8s.pod.name)", () => {
    const traces = tracesOf(recorded("jaeger-1.64.0-traces-run-123.json"));
    const spans = runSpans(traces, RUN);
    expect(spans).toEqual([
      { traceID: "1cc8510d9e0b9f52589d6a59b2af3e9f", operation: "dbt build", service: "orders", pod: POD },
    ]);
    expect(ownSpans(spans, [POD])).toEqual(spans);
    expect(describeSpan(spans[0]!)).toBe(
      `trace 1cc8510d9e0b9f52589d6a59b2af3e9f span "dbt build" of service orders from pod ${POD}`,
    );
    // Another run's id finds nothing in it.
    expect(runSpans(traces, "run-456")).toEqual([]);
  });

  it("a span with the run id from another pod (a probe through the collector) does not count", () => {
    // The recorded trace with its process changed to a probe pod's resource: the same tags, another emitter.
    const [t] = tracesOf(recorded("jaeger-1.64.0-traces-run-123.json")) as [JaegerTrace];
    const probe: JaegerTrace = {
      ...t,
      processes: {
        p1: {
          serviceName: "orders",
          tags: [{ key: "k8s.pod.name", type: "string", value: "floe-e2e-t119-probe" }],
        },
      },
    };
    const spans = runSpans([probe], RUN);
    expect(spans.map((s) => s.pod)).toEqual(["floe-e2e-t119-probe"]);
    expect(ownSpans(spans, [POD])).toEqual([]);
    // A resource that names no pod cannot be the run's either.
    const anonymous: JaegerTrace = { ...t, processes: { p1: { serviceName: "orders", tags: [] } } };
    expect(ownSpans(runSpans([anonymous], RUN), [POD])).toEqual([]);
  });

  it.each([
    ["an empty answer", '{"data":[],"total":0,"limit":0,"offset":0,"errors":null}', []],
    ["data null", '{"data":null,"errors":null}', []],
  ])("no trace: %s", (_name, body, want) => {
    expect(tracesOf(body)).toEqual(want);
  });

  it.each([
    ["not JSON", "<html>502</html>", "Jaeger's /api/traces did not answer JSON: <html>502</html>"],
    ["no data", '{"message":"x"}', 'Jaeger\'s /api/traces answered without data: {"message":"x"}'],
    [
      "errors",
      '{"data":null,"errors":[{"code":400,"msg":"malformed tags"}]}',
      "Jaeger's /api/traces answered errors: malformed tags",
    ],
  ])("a bad answer is one clear error: %s", (_name, body, message) => {
    expect(() => tracesOf(body)).toThrow(message);
  });
});

describe("through the collector: the run pod's OTLP endpoint is the collector's Service", () => {
  it.each([
    ["http://floe-platform-otel-collector:4318", true],
    ["http://floe-platform-otel-collector.floe-e2e.svc:4318", true],
    ["http://floe-platform-otel-collector.floe-e2e.svc.cluster.local:4318/", true],
    ["http://floe-platform-otel-collector.other:4318", false],
    ["http://floe-platform-jaeger:4318", false],
    ["http://nowhere.invalid:4318", false],
    ["not a url", false],
  ])("%s: %s", (endpoint, want) => {
    expect(viaCollector(endpoint, "floe-platform-otel-collector", "floe-e2e")).toBe(want);
  });
});

describe("kubectl for the checks", () => {
  const k = { kubectl: "/t/kubectl", kubeconfig: "/k", namespace: "ns", env: {}, cwd: "/" };
  it("argv against the namespace; port-forward to a Service on a local port kubectl picks", () => {
    expect(kubectlArgv(k, "get", "pods")).toEqual([
      "/t/kubectl",
      "--kubeconfig",
      "/k",
      "--namespace",
      "ns",
      "get",
      "pods",
    ]);
    expect(portForwardArgv(k, "floe-platform-jaeger", 16686)).toEqual([
      ...["/t/kubectl", "--kubeconfig", "/k", "--namespace", "ns"],
      ...["port-forward", "service/floe-platform-jaeger", ":16686", "--address", "127.0.0.1"],
    ]);
  });
  it.each([
    ["Forwarding from 127.0.0.1:40123 -> 16686\n", 40123],
    ["Forwarding from 127.0.0.1:40123 -> 16686\nForwarding from [::1]:40123 -> 16686\n", 40123],
    ["error: unable to forward port", undefined],
  ])("the local port of %j", (out, want) => {
    expect(forwardedPort(out)).toBe(want);
  });
});

describe("the T119 check", () => {
  it("covers T119; the run's pods are found by the run launcher's label", () => {
    expect([check.id, check.covers, RUN_ID_LABEL]).toEqual(["T119 traces", ["T119"], "dagster/run-id"]);
  });
  it("is skipped, with the reason, when T116 left no run id (a stub env: nothing is asked of the cluster)", async () => {
    const e = { facts: {}, timeoutMs: 1000 } as unknown as E2eEnv; // mock: no cluster is reached before the skip
    expect(await check.run(e)).toEqual({
      state: "skip",
      reason: "no Dagster run to look for: T116 did not complete a run",
    });
  });
});
