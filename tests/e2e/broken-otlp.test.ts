// The deliberately broken variant of the kind-local platform for T119 (scenarios/kind-local/broken-otlp.yaml):
// rendered by the real helm after the kind-local values, the OTLP endpoint the platform hands its run pods (the
// K8s run launcher's env_vars) and its Dagster processes is the one that points nowhere; without it, the
// collector's OTLP/HTTP port. Never a scenario of floe-gate.yaml. Its failing T119 on real kind:
// tests/cluster/kind-e2e.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { runTool } from "../../src/exec/runner.js";
import { helm, repoRoot } from "../helpers/tools.js";

interface Obj {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: {
    template?: {
      spec: { containers: Array<{ name: string; env?: Array<{ name: string; value?: string }> }> };
    };
  };
}
async function render(...values: string[]): Promise<Obj[]> {
  const r = await runTool(
    [
      ...[helm(4), "template", "floe-platform", path.join(repoRoot, "charts", "floe-platform")],
      ...[
        "charts/floe-platform/values-test.yaml",
        "scenarios/kind-local/floe-platform.yaml",
        ...values,
      ].flatMap((v) => ["--values", path.join(repoRoot, v)]),
    ],
    { timeoutMs: 60_000 },
  );
  expect(r.code, r.stderr).toBe(0);
  return parseAllDocuments(r.stdout)
    .map((d) => d.toJS() as Obj | null)
    .filter((o): o is Obj => o !== null);
}
const endpoints = (objects: Obj[]) => {
  const instance = objects.find(
    (o) => o.kind === "ConfigMap" && o.metadata.name === "floe-platform-dagster-instance",
  )?.data?.["dagster.yaml"];
  const runPods = [...(instance ?? "").matchAll(/"OTEL_EXPORTER_OTLP_ENDPOINT=([^"]+)"/g)].map((m) => m[1]);
  const daemon = objects
    .find((o) => o.kind === "Deployment" && o.metadata.name === "floe-platform-dagster-daemon")
    ?.spec?.template?.spec.containers.flatMap((c) => c.env ?? [])
    .filter((e) => e.name === "OTEL_EXPORTER_OTLP_ENDPOINT")
    .map((e) => e.value);
  return { runPods, daemon };
};

describe("scenarios/kind-local/broken-otlp.yaml (T119's broken variant)", () => {
  it("points the run pods' and Dagster's OTLP endpoint nowhere; kind-local alone points them at the collector", async () => {
    expect(endpoints(await render())).toEqual({
      runPods: ["http://floe-platform-otel-collector:4318"],
      daemon: ["http://floe-platform-otel-collector:4318"],
    });
    expect(endpoints(await render("scenarios/kind-local/broken-otlp.yaml"))).toEqual({
      runPods: ["http://nowhere.invalid:4318"],
      daemon: ["http://nowhere.invalid:4318"],
    });
  });

  it("is not a scenario of floe-gate.yaml (the gate stays green)", () => {
    expect(readFileSync(path.join(repoRoot, "floe-gate.yaml"), "utf8")).not.toContain("broken-otlp");
  });
});
