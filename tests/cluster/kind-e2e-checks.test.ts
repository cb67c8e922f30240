// Two checks of `floe-helm e2e` (issue 15) for real, on a kind cluster of their own with the kind-local platform
// (charts/floe-platform, values-test.yaml + scenarios/kind-local/floe-platform.yaml, NetworkPolicies on) installed
// by helm 4 from the images scripts/images.sh builds (loaded into the node, never pulled). The checks run as the
// runner runs them (their E2eEnv), without the runner:
// - T120 (src/e2e/checks/network-policy.ts): PostgreSQL's port is reached by a pod the policies let in, not by
//   one without labels, and by that one once the policies are deleted; they are back exactly afterwards. Its
//   restore on its own: a deleted policy is created again as saved; one that differs is reported, not overwritten.
// - T119 (src/e2e/checks/traces.ts): a run of the example data product (floe.local/example-orders), in a pod made
//   the way Dagster's K8s run launcher makes a run's pod (label dagster/run-id, the platform's OTLP endpoint, a
//   client the platform's policies let in), reaches Jaeger through the collector: pass. With the endpoint of
//   scenarios/kind-local/broken-otlp.yaml (nowhere) it fails, and a span with that run id sent through the
//   collector by a probe pod does not make it pass.
//
// Docker, one cluster (~40 s), the platform's install (a few minutes on 2 shared cores) and two dbt runs:
// registered by vitest.config.ts only when FLOE_KIND_REAL=1.
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type NetworkPolicy, restorable, restoreDifferences } from "../../src/e2e/checks/netpol-probe.js";
import { check as networkPolicy, restorePolicies } from "../../src/e2e/checks/network-policy.js";
import { check as traces } from "../../src/e2e/checks/traces.js";
import type { E2eEnv } from "../../src/e2e/types.js";
import { runTool } from "../../src/exec/runner.js";
import type { KubeTarget } from "../../src/install/diagnose/collect.js";
import type { PhaseContext } from "../../src/report/phase.js";
import { tempDir } from "../helpers/tmp.js";
import { helm, repoRoot, tool, toolsDir } from "../helpers/tools.js";

const script = (name: string, ...args: string[]) =>
  execFileSync(path.join(repoRoot, "scripts", name), args, { encoding: "utf8" }).trim();
const nodeImage = script("kind-node.sh", "--image");
const images = script("images.sh", "--list").split("\n").filter(Boolean);
const cliArgv = (...args: string[]) => [process.execPath, path.join(repoRoot, "dist", "index.js"), ...args];
const docker = (...args: string[]) => runTool(["docker", ...args], { timeoutMs: 60_000 });
const NAME = `floe-ke-${randomBytes(3).toString("hex")}`;
const NS = "floe-e2e";
const PLATFORM = "floe-platform"; // the release the data product's values and clientPodLabels expect
const ORDERS = images.find((i) => i.startsWith("floe.local/example-orders:"))!;
const COLLECTOR = `http://${PLATFORM}-otel-collector:4318`; // what the platform hands its run pods

let work: string;
let kube: KubeTarget;
const progress: string[] = [];
const kubectl = (args: string[], input?: string, timeoutMs = 120_000) =>
  runTool([kube.kubectl, "--kubeconfig", kube.kubeconfig, "--namespace", NS, ...args], { timeoutMs, input });

function env(facts: Record<string, string>, timeoutMs: number): E2eEnv {
  const ctx = {
    inputs: {},
    add: () => {},
    check: () => {},
    output: () => {},
    progress: (l: string) => progress.push(l),
  } as unknown as PhaseContext; // only progress is used by the checks
  return {
    ctx,
    kube,
    platformRelease: PLATFORM,
    productRelease: "orders",
    timeoutMs,
    dir: tempDir("floe-e2e-check-"),
    facts,
  };
}

beforeAll(async () => {
  tool("kind");
  tool("kubectl");
  for (const image of [nodeImage, ...images]) {
    const r = await docker("image", "inspect", "--format", "{{.Id}}", image);
    if (r.code !== 0)
      throw new Error(
        `${image} is not in Docker: run scripts/docker.sh, scripts/kind-node.sh and scripts/images.sh`,
      );
  }
  work = tempDir("floe-kind-e2e-");
  const up = await runTool(
    cliArgv(
      ...["cluster", "up", "--provider", "kind", "--node-image", nodeImage, "--kind-cluster", NAME],
      ...["--tools-dir", toolsDir, "--work-dir", work],
    ),
    { timeoutMs: 280_000 },
  );
  if (up.code !== 0) throw new Error(`cluster up failed (exit ${up.code}):\n${up.stderr}`);
  const state = JSON.parse(await readFile(path.join(work, "cluster", "kind", "state.json"), "utf8")) as {
    kubeconfig: string;
    extra?: { dockerShim?: string };
  };
  kube = {
    kubectl: tool("kubectl"),
    kubeconfig: state.kubeconfig,
    namespace: NS,
    env: process.env,
    cwd: repoRoot,
  };
  // The images of the platform, the probes and the data product, into the node (kind runs `docker exec
  // --privileged` through the shim where `cluster up` needed one).
  const shim = state.extra?.dockerShim;
  const load = await runTool([tool("kind"), "load", "docker-image", "--name", NAME, ...images], {
    env: shim ? { ...process.env, PATH: `${shim}${path.delimiter}${process.env.PATH}` } : process.env,
    timeoutMs: 600_000,
  });
  if (load.code !== 0) throw new Error(`kind load docker-image failed: ${load.stderr}`);
  const install = await runTool(
    [
      ...[helm(4), "install", PLATFORM, path.join(repoRoot, "charts", "floe-platform")],
      ...["--kubeconfig", kube.kubeconfig, "--namespace", NS, "--create-namespace"],
      ...["--values", path.join(repoRoot, "charts", "floe-platform", "values-test.yaml")],
      ...["--values", path.join(repoRoot, "scenarios", "kind-local", "floe-platform.yaml")],
      ...["--wait", "--wait-for-jobs", "--timeout", "15m"],
    ],
    { timeoutMs: 960_000 },
  );
  if (install.code !== 0)
    throw new Error(`helm install ${PLATFORM} failed:\n${install.stderr}${install.stdout}`);
}, 1_500_000);

afterAll(async () => {
  if (!work) return;
  const down = await runTool(
    cliArgv("cluster", "down", "--provider", "kind", "--tools-dir", toolsDir, "--work-dir", work),
    { timeoutMs: 120_000 },
  );
  expect(down.code, down.stderr).toBe(0);
}, 180_000);

describe("T120: the platform's NetworkPolicies on real kind", () => {
  it("passes: allowed pod connects, unlabelled pod is turned away, and connects with the policies deleted; they are restored exactly", async () => {
    const before = await kubectl(["get", "networkpolicy", "--output", "json"]);
    const e = env({}, networkPolicy.timeoutMs);
    const outcome = await networkPolicy.run(e);
    console.log(`T120: ${JSON.stringify(outcome)}`);
    expect(outcome, progress.join("\n")).toMatchObject({ state: "pass" });
    // Every probe's curl transcript is kept in the check's dir, in order.
    const transcript = await readFile(path.join(e.dir, "t120-probes.log"), "utf8");
    console.log(transcript);
    const outcomes = [
      ...transcript.matchAll(
        /^## \S+ floe-e2e-t120-(allowed|denied)-\w+ -> floe-platform-postgresql:5432: ([a-z ]+) \(exit \d+\)$/gm,
      ),
    ].map((m) => `${m[1]} ${m[2]}`);
    // The allowed pod first: connected at once, or after a few turned away while its new traffic is admitted.
    expect(outcomes[0]).toMatch(/^allowed /);
    expect(outcomes.filter((o) => o.startsWith("allowed")).at(-1)).toBe("allowed connected");
    const denied = outcomes.filter((o) => o.startsWith("denied"));
    expect(denied[0]).toMatch(/^denied (timed out|refused)$/);
    expect(denied).toContain("denied connected");
    expect(denied.at(-1)).toMatch(/^denied (timed out|refused)$/);
    const detail = (outcome as { detail: string }).detail;
    expect(detail).toMatch(
      /^floe-platform-postgresql:5432: pod with labels app\.kubernetes\.io\/name=floe-jobs connected; pod without labels (timed out|refused) \(.+\); with floe-platform-default-deny, floe-platform-postgresql-np deleted it connected; restored exactly, it is turned away again/,
    );
    // Every policy is there again with the same spec, labels and annotations (new objects: new uids).
    const after = await kubectl(["get", "networkpolicy", "--output", "json"]);
    const specs = (r: { stdout: string }) =>
      (
        JSON.parse(r.stdout) as {
          items: Array<{ metadata: { name: string; labels: unknown; annotations: unknown }; spec: unknown }>;
        }
      ).items
        .map((p) => JSON.stringify([p.metadata.name, p.metadata.labels, p.metadata.annotations, p.spec]))
        .sort();
    expect(specs(after)).toEqual(specs(before));
    // The probe pods are gone or going (deleted without waiting).
    const pods = JSON.parse((await kubectl(["get", "pods", "--output", "json"])).stdout) as {
      items: Array<{ metadata: { name: string; deletionTimestamp?: string } }>;
    };
    for (const p of pods.items.filter((p) => p.metadata.name.startsWith("floe-e2e-t120-")))
      expect(p.metadata.deletionTimestamp, `${p.metadata.name} left behind`).toBeDefined();
    // The policies' deletion and restore are said as progress, with the file they were saved in.
    expect(progress.join("\n")).toMatch(
      /deleting floe-platform-default-deny, floe-platform-postgresql-np \(saved in .*t120-networkpolicies\.json\)/,
    );
  }, 600_000);
});

describe("T120's restore on real kind", () => {
  it("creates a deleted policy again exactly from its saved manifest; reports a live policy that differs from the saved one", async () => {
    const e = env({}, networkPolicy.timeoutMs);
    const name = "floe-platform-minio-np";
    const live = JSON.parse(
      (await kubectl(["get", "networkpolicy", name, "--output", "json"])).stdout,
    ) as NetworkPolicy;
    const saved = [restorable(live)];
    const del = await kubectl(["delete", "networkpolicy", name]);
    expect(del.code, del.stderr).toBe(0);
    expect(await restorePolicies(e, saved, "saved.json")).toBeUndefined();
    const back = JSON.parse(
      (await kubectl(["get", "networkpolicy", name, "--output", "json"])).stdout,
    ) as NetworkPolicy;
    expect(back.metadata.uid).not.toBe(live.metadata.uid); // a new object ...
    expect(restoreDifferences(live, back)).toEqual([]); // ... equal to the saved one
    expect(progress.at(-1)).toBe(`e2e T120: restored ${name}, as saved`);
    // Present but not as saved (here: the saved copy changed): nothing is overwritten, the difference is said.
    const changed = { ...saved[0]!, spec: { ...saved[0]!.spec, ingress: [] } };
    expect(await restorePolicies(e, [changed], "saved.json")).toBe(`${name}: spec differs`);
  }, 120_000);
});

/** A pod made like a Dagster K8s run launcher's run pod of the example data product: label dagster/run-id, the
 * OTLP endpoint in its env, the data product's client label (the platform's policies let it in to PostgreSQL and
 * the collector), restricted PSS; it runs the job in process under that run id. */
function runPod(runId: string, otlpEndpoint: string) {
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
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 1001,
        runAsGroup: 1001,
        seccompProfile: { type: "RuntimeDefault" },
      },
      containers: [
        {
          name: "run",
          image: ORDERS,
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
          securityContext: {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            runAsNonRoot: true,
            capabilities: { drop: ["ALL"] },
          },
          resources: { requests: { cpu: "50m", memory: "256Mi" }, limits: { cpu: "1", memory: "768Mi" } },
          volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
        },
      ],
      volumes: [{ name: "tmp", emptyDir: {} }],
    },
  };
}

async function runToCompletion(runId: string, otlpEndpoint: string): Promise<string> {
  const c = await kubectl(["create", "-f", "-"], JSON.stringify(runPod(runId, otlpEndpoint)));
  expect(c.code, c.stderr).toBe(0);
  const pod = `pod/dagster-run-${runId}`;
  const w = await kubectl(
    ["wait", "--for=jsonpath={.status.phase}=Succeeded", pod, "--timeout=420s"],
    undefined,
    450_000,
  );
  const logs = await kubectl(["logs", pod]);
  expect(w.code, `${w.stderr}\n${logs.stdout}`).toBe(0);
  return logs.stdout;
}

describe("T119: the run's own trace in Jaeger, through the collector, on real kind", () => {
  it("passes for a run of the example data product whose pod exports to the platform's collector", async () => {
    const runId = randomUUID();
    const logs = await runToCompletion(runId, COLLECTOR);
    expect(logs).toContain(`run ${runId} success`);
    expect(logs).toContain(`trace of run ${runId} to ${COLLECTOR}: ok`);
    const outcome = await traces.run(env({ dagsterRunId: runId }, traces.timeoutMs));
    console.log(`T119: ${JSON.stringify(outcome)}`);
    expect(outcome, progress.join("\n")).toMatchObject({ state: "pass" });
    expect((outcome as { detail: string }).detail).toMatch(
      new RegExp(
        `^trace [0-9a-f]+ span "dbt build" of service orders from pod dagster-run-${runId}, exported to ${COLLECTOR}, found in Jaeger by dagster.run_id=${runId}$`,
      ),
    );
  }, 600_000);

  it("fails when the run's OTLP endpoint points nowhere (scenarios/kind-local/broken-otlp.yaml), even with a probe's span of that run id in Jaeger", async () => {
    const broken = parse(
      await readFile(path.join(repoRoot, "scenarios", "kind-local", "broken-otlp.yaml"), "utf8"),
    ) as {
      dagster: { extraEnv: { OTEL_EXPORTER_OTLP_ENDPOINT: string } };
    };
    const nowhere = broken.dagster.extraEnv.OTEL_EXPORTER_OTLP_ENDPOINT;
    const runId = randomUUID();
    const logs = await runToCompletion(runId, nowhere);
    // The run itself completes: a failed export is logged, never a failed run.
    expect(logs).toContain(`run ${runId} success`);
    expect(logs).toMatch(new RegExp(`trace of run ${runId} to ${nowhere}: ConnectionError`));
    // A probe pod sends a span carrying that run id through the collector: it reaches Jaeger, and must not count.
    const probe = `floe-e2e-t119-probe-${randomBytes(3).toString("hex")}`;
    const sent = await kubectl(["create", "-f", "-"], JSON.stringify(probeSpanPod(probe, runId)));
    expect(sent.code, sent.stderr).toBe(0);
    const w = await kubectl(
      ["wait", "--for=jsonpath={.status.phase}=Succeeded", `pod/${probe}`, "--timeout=120s"],
      undefined,
      150_000,
    );
    expect(w.code, `${w.stderr}\n${(await kubectl(["logs", `pod/${probe}`])).stdout}`).toBe(0);

    const outcome = await traces.run(env({ dagsterRunId: runId }, traces.timeoutMs));
    console.log(`T119 (broken-otlp): ${JSON.stringify(outcome)}`);
    expect(outcome).toMatchObject({ state: "fail" });
    const { expected, seen } = outcome as { expected: string; seen: string };
    expect(expected).toBe(
      `a trace in Jaeger with dagster.run_id=${runId} emitted by the run's pod dagster-run-${runId} (its OTLP endpoint: ${nowhere})`,
    );
    const waited =
      /^no trace with that run id from the run's pod reached Jaeger within (\d+) s \(services in Jaeger: orders; its answers: .*t119-jaeger\.json\)/.exec(
        seen,
      );
    expect(waited, seen).not.toBeNull();
    expect(Number(waited![1])).toBeGreaterThanOrEqual(60); // it polled its whole 60 s
    expect(seen).toContain(`spans with the run id from other pods do not count: trace `);
    expect(seen).toContain(`span "dbt build" of service orders from pod ${probe}`);
    expect(seen).toMatch(
      new RegExp(`dagster-run-${runId} logged: .*trace of run ${runId} to ${nowhere}: ConnectionError`),
    );
    await kubectl(["delete", "pod", probe, "--wait=false"]);
  }, 600_000);

  it("is skipped, with the reason, when T116 left no run id", async () => {
    expect(await traces.run(env({}, traces.timeoutMs))).toEqual({
      state: "skip",
      reason: "no Dagster run to look for: T116 did not complete a run",
    });
  });
});

/** A pod that sends one span with the run's id and the data product's service name to the collector over
 * OTLP/HTTP JSON, as any pod the platform lets in could: its resource names the probe pod, not the run's. */
function probeSpanPod(name: string, runId: string) {
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
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels: { "app.kubernetes.io/name": "floe-jobs" } },
    spec: {
      restartPolicy: "Never",
      automountServiceAccountToken: false,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 100,
        runAsGroup: 101,
        seccompProfile: { type: "RuntimeDefault" },
      },
      containers: [
        {
          name: "probe",
          image: images.find((i) => i.startsWith("floe.local/curl:"))!,
          imagePullPolicy: "Never",
          command: ["curl"],
          args: [
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
            ...[
              "-H",
              "Content-Type: application/json",
              "--data",
              JSON.stringify(body),
              `${COLLECTOR}/v1/traces`,
            ],
          ],
          securityContext: {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            runAsNonRoot: true,
            capabilities: { drop: ["ALL"] },
          },
          resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "100m", memory: "64Mi" } },
        },
      ],
    },
  };
}
