// Pods the kind lane's E2E check tests make (tests/cluster/kind-e2e.test.ts): a run of the example data product
// made like Dagster's run launcher makes one, and a probe that sends a span through the collector.
import { randomBytes } from "node:crypto";
import { probePodManifest } from "../../src/e2e/checks/netpol-probe.js";
import { restrictedContainerSecurity, restrictedPodSecurity } from "../../src/k8s/restricted.js";

/** The release the data product's values and clientPodLabels expect. */
export const PLATFORM = "floe-platform";
/** What the platform hands its run pods. */
export const COLLECTOR = `http://${PLATFORM}-otel-collector:4318`;

/** A pod made like a Dagster K8s run launcher's run pod of the example data product: label dagster/run-id, the
 * OTLP endpoint in its env, the data product's client label (the platform's policies let it in to PostgreSQL and
 * the collector), restricted PSS; it runs the job in process under that run id. */
export function runPod(runId: string, otlpEndpoint: string, image: string) {
  const env = {
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
    DAGSTER_HOME: "/tmp",
    HOME: "/tmp",
    USER: "dagster",
    FLOE_DB_HOST: `${PLATFORM}-postgresql`,
    FLOE_DB_USER: "dagster",
    FLOE_DB_NAME: "dagster",
    FLOE_DB_SCHEMA: "orders",
    DBT_SEND_ANONYMOUS_USAGE_STATS: "false",
  };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `dagster-run-${runId}`,
      labels: { "app.kubernetes.io/name": "floe-jobs", "dagster/run-id": runId },
    },
    spec: {
      restartPolicy: "Never",
      automountServiceAccountToken: false,
      securityContext: restrictedPodSecurity(1001, 1001),
      containers: [
        {
          name: "run",
          image,
          imagePullPolicy: "Never",
          command: ["python", "-c"],
          args: [
            "import sys\nfrom dagster import DagsterInstance\nfrom orders_pipeline.definitions import orders_dbt_build\n" +
              "r = orders_dbt_build.execute_in_process(instance=DagsterInstance.ephemeral(), run_id=sys.argv[1], raise_on_error=False)\n" +
              "print('run', r.run_id, 'success' if r.success else 'failure')\n",
            runId,
          ],
          env: [
            ...Object.entries(env).map(([name, value]) => ({ name, value })),
            {
              name: "FLOE_DB_PASSWORD",
              valueFrom: { secretKeyRef: { name: `${PLATFORM}-postgresql`, key: "dagster-password" } },
            },
          ],
          securityContext: restrictedContainerSecurity(),
          resources: { requests: { cpu: "50m", memory: "256Mi" }, limits: { cpu: "1", memory: "768Mi" } },
          volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
        },
      ],
      volumes: [{ name: "tmp", emptyDir: {} }],
    },
  };
}

/** A pod that sends one span with the run's id and the data product's service name to the collector over
 * OTLP/HTTP JSON, as any pod the platform lets in could: its resource names the probe pod, not the run's. */
export function probeSpanPod(name: string, namespace: string, runId: string, curlImage: string) {
  const now = BigInt(Date.now()) * 1_000_000n;
  const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
  const body = {
    resourceSpans: [
      {
        resource: { attributes: [str("service.name", "orders"), str("k8s.pod.name", name)] },
        scopeSpans: [
          {
            scope: { name: "floe-e2e-probe" },
            spans: [
              {
                traceId: randomBytes(16).toString("hex"),
                spanId: randomBytes(8).toString("hex"),
                name: "dbt build",
                kind: 1,
                startTimeUnixNano: String(now - 1_000_000n),
                endTimeUnixNano: String(now),
                attributes: [str("dagster.run_id", runId)],
              },
            ],
          },
        ],
      },
    ],
  };
  // The platform's probe pod (floe-helm's own builder), running curl instead of sleeping.
  return probePodManifest({
    name,
    namespace,
    labels: { "app.kubernetes.io/name": "floe-jobs" },
    image: { image: curlImage, pullPolicy: "Never" },
    lifetimeSeconds: 120,
    command: [
      "curl",
      ...[
        "-sS",
        "-f",
        "--retry",
        "10",
        "--retry-connrefused",
        "--retry-delay",
        "2",
        "--connect-timeout",
        "5",
      ],
      ...["-H", "Content-Type: application/json", "--data", JSON.stringify(body), `${COLLECTOR}/v1/traces`],
    ],
  });
}
