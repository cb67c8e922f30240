// integration-point: table-driven over hand-made test pods (the annotations as the charts write them) and the
// floe-gate.yaml `integrations:` the gate hands the check; then this repository's own charts and config agree.
import { describe, expect, it } from "vitest";
import { integrationPointCheck, parseEdge } from "../../src/checks/integration-point.js";
import type { CheckContext, RenderCell, RenderedObject } from "../../src/checks/types.js";
import type { Finding } from "../../src/core/findings.js";

const pod = (name: string, annotations: Record<string, string>): RenderedObject => ({
  apiVersion: "v1",
  kind: "Pod",
  name,
  doc: { apiVersion: "v1", kind: "Pod", metadata: { name, annotations } },
  template: "charts/x/templates/tests/pods.yaml",
  locate: (p) => ({ file: "charts/x/templates/tests/pods.yaml", line: p.length }),
});
const testPod = (name: string, point: string, covers: string) =>
  pod(name, { "helm.sh/hook": "test", "floe.dev/integration-point": point, "floe.dev/covers": covers });
const cell = (objects: RenderedObject[]): RenderCell =>
  ({ scenario: { name: "dev" }, helm: 4, objects, manifest: "" }) as unknown as RenderCell;
const ctx = (integrations?: CheckContext["settings"]["integrations"]): CheckContext => ({
  settings: {
    kubeVersion: "1.37",
    kubesecThreshold: 0,
    externalReferences: [],
    ...(integrations ? { integrations } : {}),
  },
  tools: {},
  cwd: "/",
});
const GRAPH = [
  { from: "Dagster", to: "PostgreSQL", requirements: ["INT-001"] },
  { from: "Polaris", to: "MinIO/S3", requirements: ["INT-003"] },
];
const messages = async (objects: RenderedObject[], integrations = GRAPH) =>
  (await integrationPointCheck.run(cell(objects), ctx(integrations))).map(
    (f: Finding) => `${f.severity}@${f.line}: ${f.message}`,
  );

describe("integration-point", () => {
  it.each([
    ["Dagster -> PostgreSQL", { from: "Dagster", to: "PostgreSQL" }],
    ["  OTel Collector->Jaeger ", { from: "OTel Collector", to: "Jaeger" }],
    ["PostgreSQL", undefined],
    ["A -> B -> C", undefined],
    [" -> B", undefined],
  ])("parseEdge(%j)", (point, want) => {
    expect(parseEdge(point)).toEqual(want);
  });

  it.each<[string, RenderedObject[], string[]]>([
    [
      "an edge drawn under a requirement the pod covers",
      [testPod("a", "Dagster -> PostgreSQL", "E2E-002,INT-001")],
      [],
    ],
    [
      "a pod covering one of several ids of the edge",
      [testPod("a", "Polaris -> MinIO/S3", "E2E-003, INT-003")],
      [],
    ],
    ["a point naming one component (not an edge)", [testPod("a", "PostgreSQL", "INT-008")], []],
    [
      "a pod without the annotation",
      [pod("a", { "helm.sh/hook": "test", "floe.dev/covers": "INT-001" })],
      [],
    ],
    ["a workload's pod (not a helm test pod)", [pod("a", { "floe.dev/integration-point": "X -> Y" })], []],
    [
      "an edge the graph does not draw",
      [testPod("a", "Dagster -> Polaris", "INT-004")],
      [
        "warning@3: names integration point 'Dagster -> Polaris', which floe-gate.yaml's integrations: does not draw: the report's graph will not show what this pod proves (add { from: Dagster, to: Polaris, requirements: [INT-004] })",
      ],
    ],
    [
      "an edge drawn under requirements the pod does not cover",
      [testPod("a", "Dagster -> PostgreSQL", "E2E-002,INT-009")],
      [
        "warning@3: names integration point 'Dagster -> PostgreSQL', which floe-gate.yaml draws with requirements INT-001, none of which this pod covers (floe.dev/covers: E2E-002,INT-009): the edge is not proved by it in the report",
      ],
    ],
  ])("%s", async (_, objects, want) => {
    expect(await messages(objects)).toEqual(want);
  });

  it("says nothing where floe-gate.yaml draws no graph (a chart of another repository)", async () => {
    expect(await messages([testPod("a", "Dagster -> Polaris", "INT-004")], [])).toEqual([]);
    expect(integrationPointCheck.run(cell([testPod("a", "A -> B", "X")]), ctx())).toEqual([]);
  });
});
