// The GAP-004 autoscaling check's pure parts (src/e2e/checks/hpa.ts): an HPA's status as the check reads it
// (autoscaling/v2 objects as the API server returns them), the bounded load pod's command, and the check's
// skip when the platform has no HPA. It runs on real kind, with metrics-server, in tests/cluster/kind-e2e.test.ts.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/e2e/checks/autoscaling.js";
import { describeHpa, type Hpa, hpaState, LOADS, loadCommand } from "../../src/e2e/checks/hpa.js";
import { probePodManifest } from "../../src/e2e/checks/netpol-probe.js";
import type { E2eEnv } from "../../src/e2e/types.js";
import { tempDir } from "../helpers/tmp.js";

const hpa = (status: Hpa["status"]): Hpa => ({
  metadata: {
    name: "floe-platform-dagster-webserver",
    labels: { "app.kubernetes.io/component": "dagster-webserver" },
  },
  spec: {
    scaleTargetRef: { kind: "Deployment", name: "floe-platform-dagster-webserver" },
    minReplicas: 1,
    maxReplicas: 2,
    metrics: [{ type: "Resource", resource: { name: "cpu", target: { averageUtilization: 50 } } }],
  },
  ...(status ? { status } : {}),
});

describe("an HPA's status", () => {
  it("before metrics-server answered: no CPU yet, and the condition that says why", () => {
    const s = hpaState(
      hpa({
        currentReplicas: 1,
        desiredReplicas: 1,
        currentMetrics: null,
        conditions: [
          { type: "AbleToScale", status: "True", reason: "SucceededGetScale" },
          {
            type: "ScalingActive",
            status: "False",
            reason: "FailedGetResourceMetric",
            message: "the HPA was unable to compute the replica count: failed to get cpu utilization",
          },
        ],
      }),
    );
    expect(s).toEqual({
      name: "floe-platform-dagster-webserver",
      target: "Deployment/floe-platform-dagster-webserver",
      min: 1,
      max: 2,
      current: 1,
      desired: 1,
      targetCpu: 50,
      blocked:
        "ScalingActive=False FailedGetResourceMetric: the HPA was unable to compute the replica count: failed to get cpu utilization",
    });
    expect(describeHpa(s)).toBe(
      "HPA floe-platform-dagster-webserver (Deployment/floe-platform-dagster-webserver, 1..2 replicas): 1 current, 1 desired, CPU not read yet of 50% target; ScalingActive=False FailedGetResourceMetric: the HPA was unable to compute the replica count: failed to get cpu utilization",
    );
  });

  it("under load: the CPU it read and the replicas it wants", () => {
    const s = hpaState(
      hpa({
        currentReplicas: 1,
        desiredReplicas: 2,
        currentMetrics: [
          { type: "Resource", resource: { name: "cpu", current: { averageUtilization: 412 } } },
        ],
      }),
    );
    expect([s.cpu, s.desired, s.blocked]).toEqual([412, 2, undefined]);
    expect(describeHpa(s)).toMatch(/: 1 current, 2 desired, CPU 412% of 50% target$/);
  });
});

describe("the load", () => {
  it("is bounded: curl posts the recipe in parallel until `timeout` ends it, from a restricted pod with a CPU limit", () => {
    const cmd = loadCommand("http://floe-platform-dagster-webserver:80", LOADS["dagster-webserver"]!, 240);
    expect(cmd).toEqual([
      "timeout",
      "240",
      "curl",
      "-s",
      "-o",
      "/dev/null",
      "--parallel",
      "--parallel-max",
      "8",
      "-X",
      "POST",
      "-H",
      "content-type: application/json",
      "--data-binary",
      '{"query":"{ version }"}',
      "http://floe-platform-dagster-webserver:80/graphql?load=[1-10000000]",
    ]);
    const pod = probePodManifest({
      name: "floe-e2e-load-abc",
      namespace: "ns",
      labels: { "app.kubernetes.io/name": "floe-jobs" },
      image: { image: "floe.local/curl:7.88.1", pullPolicy: "Never" },
      lifetimeSeconds: 270,
      command: cmd,
      cpuLimit: "500m",
    });
    const c = pod.spec.containers[0]!;
    expect([c.command, c.resources.limits.cpu, pod.spec.activeDeadlineSeconds]).toEqual([cmd, "500m", 270]);
    expect(c.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ["ALL"] },
    });
  });
});

describe("the GAP-004 check", () => {
  it("covers GAP-004; skipped, with the reason, when the platform has no HPA (a stand-in kubectl that lists none)", async () => {
    expect([check.id, check.covers]).toEqual(["GAP-004 autoscaling", ["GAP-004"]]);
    const dir = tempDir("floe-hpa-stand-in-");
    const kubectl = path.join(dir, "kubectl");
    writeFileSync(kubectl, `#!/bin/sh\necho '{"items": []}'\n`, { mode: 0o755 });
    const kube = { kubectl, kubeconfig: "k", namespace: "ns", env: process.env, cwd: dir };
    const out = await check.run({
      kube,
      platformRelease: "floe-platform",
      facts: {},
      dir: "",
    } as unknown as E2eEnv);
    expect(out).toEqual({
      state: "skip",
      reason:
        "the platform (release floe-platform) has no HorizontalPodAutoscaler: its scenario enables no <component>.autoscaling",
    });
  });
});
