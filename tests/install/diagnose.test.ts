// The diagnosis of a failed install, pure: namespace states written by hand in the shape `kubectl get -o
// json` returns them (trimmed to what matters, as the API server fills them), one row per cause.
import { describe, expect, it } from "vitest";
import { kubectlContainerLogArgv, kubectlStateArgv } from "../../src/install/argv.js";
import { stateFromList } from "../../src/install/diagnose/collect.js";
import {
  type CauseKind,
  diagnose,
  failingContainers,
  type NamespaceState,
  notReady,
  renderDiagnoses,
} from "../../src/install/diagnose/index.js";
import { tellingLine } from "../../src/install/diagnose/log-line.js";
import type { KEvent, Pod, Workload } from "../../src/install/diagnose/types.js";
import { formatLeft, startWaitTicker } from "../../src/install/wait-ticker.js";

const T = "2026-12-02T01:00:00Z";
const labels = { "app.kubernetes.io/name": "web", "app.kubernetes.io/instance": "floe-test" };

const deployment = (over: Partial<Workload["status"]> = {}): Workload => ({
  kind: "Deployment",
  metadata: { name: "floe-test-web", namespace: "ns", uid: "d-1", labels },
  spec: { replicas: 1, selector: { matchLabels: labels } },
  status: {
    replicas: 1,
    conditions: [
      {
        type: "Available",
        status: "False",
        reason: "MinimumReplicasUnavailable",
        message: "Deployment does not have minimum availability.",
      },
      {
        type: "Progressing",
        status: "True",
        reason: "ReplicaSetUpdated",
        message: 'ReplicaSet "floe-test-web-7d9c" is progressing.',
      },
    ],
    ...over,
  },
});

const pod = (status: Pod["status"], spec: Pod["spec"] = {}, name = "floe-test-web-7d9c-x2k4p"): Pod => ({
  kind: "Pod",
  metadata: {
    name,
    namespace: "ns",
    uid: `p-${name}`,
    labels: { ...labels, "pod-template-hash": "7d9c" },
    ownerReferences: [{ kind: "ReplicaSet", name: "floe-test-web-7d9c", uid: "rs-1" }],
  },
  spec: { containers: [{ name: "web", image: "registry.example.invalid/web:1.0" }], ...spec },
  status,
});

const ev = (name: string, reason: string, message: string, extra: Partial<KEvent> = {}): KEvent => ({
  kind: "Event",
  metadata: { name: `${name}.1`, namespace: "ns" },
  involvedObject: { kind: "Pod", name, uid: `p-${name}` },
  type: "Warning",
  reason,
  message,
  count: 1,
  lastTimestamp: T,
  ...extra,
});

const P = "floe-test-web-7d9c-x2k4p";
const notReadyConds = [
  { type: "Initialized", status: "True" },
  {
    type: "Ready",
    status: "False",
    reason: "ContainersNotReady",
    message: "containers with unready status: [web]",
  },
  {
    type: "ContainersReady",
    status: "False",
    reason: "ContainersNotReady",
    message: "containers with unready status: [web]",
  },
  { type: "PodScheduled", status: "True" },
];
const empty = (): NamespaceState => ({
  pods: [],
  deployments: [],
  statefulsets: [],
  jobs: [],
  pvcs: [],
  events: [],
});

const cases: Array<{
  name: string;
  state: NamespaceState;
  object: string;
  kind: CauseKind;
  summary: RegExp;
  evidence?: Record<string, string>;
  logs?: string[];
}> = [
  {
    name: "ImagePullBackOff names the image",
    state: {
      ...empty(),
      deployments: [deployment()],
      pods: [
        pod({
          phase: "Pending",
          conditions: notReadyConds,
          containerStatuses: [
            {
              name: "web",
              image: "registry.example.invalid/web:1.0",
              ready: false,
              restartCount: 0,
              state: {
                waiting: {
                  reason: "ImagePullBackOff",
                  message: 'Back-off pulling image "registry.example.invalid/web:1.0"',
                },
              },
            },
          ],
        }),
      ],
      events: [ev(P, "Failed", 'Failed to pull image "registry.example.invalid/web:1.0": not found')],
    },
    object: "Deployment/floe-test-web",
    kind: "image-pull",
    summary:
      /^pod floe-test-web-7d9c-x2k4p: container web: image registry\.example\.invalid\/web:1\.0 cannot be pulled \(ImagePullBackOff\): Back-off pulling/,
    evidence: { pod: P, image: "registry.example.invalid/web:1.0", reason: "ImagePullBackOff" },
  },
  {
    name: "CrashLoopBackOff: container, exit code, the crashed run's last lines",
    state: {
      ...empty(),
      deployments: [deployment()],
      pods: [
        pod({
          phase: "Running",
          conditions: notReadyConds,
          containerStatuses: [
            {
              name: "web",
              ready: false,
              restartCount: 4,
              state: {
                waiting: {
                  reason: "CrashLoopBackOff",
                  message: "back-off 1m20s restarting failed container=web",
                },
              },
              lastState: { terminated: { exitCode: 3, reason: "Error", message: "" } },
            },
          ],
        }),
      ],
      logs: {
        [`${P}/web`]: {
          current: "",
          previous: 'starting\nFATAL: password authentication failed for user "floe"\n',
        },
      },
    },
    object: "Deployment/floe-test-web",
    kind: "crash-loop",
    // The summary (what the results file and the report show) ends with the log's telling line.
    summary:
      /^pod \S+: container web keeps exiting with exit code 3 \(Error\), restarted 4 times; log: FATAL: password authentication failed for user "floe"$/,
    evidence: {
      container: "web",
      exitCode: "3",
      restarts: "4",
      logLine: 'FATAL: password authentication failed for user "floe"',
    },
    logs: [
      `${P}/web (previous): starting`,
      `${P}/web (previous): FATAL: password authentication failed for user "floe"`,
    ],
  },
  {
    name: "a pod whose claim is Pending: claim, storage class, the provisioner's event",
    state: {
      ...empty(),
      deployments: [deployment()],
      pods: [
        pod(
          {
            phase: "Pending",
            conditions: [
              {
                type: "PodScheduled",
                status: "False",
                reason: "Unschedulable",
                message: "0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims.",
              },
            ],
          },
          { volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data-web" } }] },
        ),
      ],
      pvcs: [
        {
          kind: "PersistentVolumeClaim",
          metadata: { name: "data-web", uid: "c-1" },
          spec: { storageClassName: "fast-ssd" },
          status: { phase: "Pending" },
        },
      ],
      events: [
        {
          involvedObject: { kind: "PersistentVolumeClaim", name: "data-web", uid: "c-1" },
          type: "Warning",
          reason: "ProvisioningFailed",
          message: 'storageclass.storage.k8s.io "fast-ssd" not found',
          count: 3,
          lastTimestamp: T,
        },
      ],
    },
    object: "Deployment/floe-test-web",
    kind: "pending-pvc",
    summary:
      /claim data-web \(storage class fast-ssd\) is Pending: storageclass\.storage\.k8s\.io "fast-ssd" not found$/,
    evidence: { claim: "data-web", storageClass: "fast-ssd" },
  },
  {
    name: "unschedulable: the scheduler's message",
    state: {
      ...empty(),
      pods: [
        {
          ...pod(
            {
              phase: "Pending",
              conditions: [
                {
                  type: "PodScheduled",
                  status: "False",
                  reason: "Unschedulable",
                  message:
                    "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
                },
              ],
            },
            { nodeSelector: { disk: "ssd" } },
            "lonely",
          ),
          metadata: { name: "lonely", uid: "p-lonely" },
        },
      ],
      events: [
        ev(
          "lonely",
          "FailedScheduling",
          "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.",
        ),
      ],
    },
    object: "Pod/lonely",
    kind: "unschedulable",
    summary:
      /^no node for the pod: 0\/1 nodes are available: 1 node\(s\) didn't match Pod's node affinity\/selector\./,
    evidence: { nodeSelector: '{"disk":"ssd"}' },
  },
  {
    name: "failing readiness probe: which probe, the kubelet's message",
    state: {
      ...empty(),
      statefulsets: [
        {
          kind: "StatefulSet",
          metadata: { name: "db", uid: "s-1" },
          spec: { replicas: 1, selector: { matchLabels: { app: "db" } } },
          status: { replicas: 1, readyReplicas: 0 },
        },
      ],
      pods: [
        {
          kind: "Pod",
          metadata: {
            name: "db-0",
            uid: "p-db-0",
            labels: { app: "db" },
            ownerReferences: [{ kind: "StatefulSet", name: "db" }],
          },
          status: {
            phase: "Running",
            conditions: notReadyConds,
            containerStatuses: [
              { name: "postgres", ready: false, restartCount: 0, state: { running: { startedAt: T } } },
            ],
          },
        },
      ],
      events: [
        ev("db-0", "Unhealthy", "Readiness probe failed: /tmp:5432 - no response", {
          involvedObject: {
            kind: "Pod",
            name: "db-0",
            uid: "p-db-0",
            fieldPath: "spec.containers{postgres}",
          },
          count: 12,
        }),
      ],
    },
    object: "StatefulSet/db",
    kind: "failing-probe",
    summary: /^pod db-0: readiness probe of container postgres fails: \/tmp:5432 - no response \(x12\)$/,
    evidence: { probe: "readiness", container: "postgres", pod: "db-0" },
  },
  {
    name: "Job backoff limit exceeded: the job, its failed pods and their last lines",
    state: {
      ...empty(),
      jobs: [
        {
          kind: "Job",
          metadata: { name: "migrate", uid: "j-1" },
          spec: {
            backoffLimit: 0,
            selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "j-1" } },
          },
          status: {
            failed: 1,
            conditions: [
              {
                type: "FailureTarget",
                status: "True",
                reason: "BackoffLimitExceeded",
                message: "Job has reached the specified backoff limit",
              },
              {
                type: "Failed",
                status: "True",
                reason: "BackoffLimitExceeded",
                message: "Job has reached the specified backoff limit",
              },
            ],
          },
        },
      ],
      pods: [
        {
          kind: "Pod",
          metadata: {
            name: "migrate-abcde",
            uid: "p-m",
            labels: { "batch.kubernetes.io/controller-uid": "j-1" },
            ownerReferences: [{ kind: "Job", name: "migrate", uid: "j-1" }],
          },
          status: {
            phase: "Failed",
            containerStatuses: [
              {
                name: "migrate",
                ready: false,
                restartCount: 0,
                state: { terminated: { exitCode: 1, reason: "Error" } },
              },
            ],
          },
        },
      ],
      logs: { "migrate-abcde/migrate": { current: 'applying 001\nERROR: relation "runs" already exists\n' } },
    },
    object: "Job/migrate",
    kind: "job-backoff",
    summary:
      /^job migrate failed \(BackoffLimitExceeded\): Job has reached the specified backoff limit; 1 failed pod\(s\): migrate-abcde\/migrate exit 1; log: ERROR: relation "runs" already exists$/,
    evidence: {
      job: "migrate",
      backoffLimit: "0",
      failedPods: "migrate-abcde",
      logLine: 'ERROR: relation "runs" already exists',
    },
    logs: [
      "migrate-abcde/migrate: applying 001",
      'migrate-abcde/migrate: ERROR: relation "runs" already exists',
    ],
  },
  {
    name: "a failed helm test pod (restartPolicy Never): the container's exit code",
    state: {
      ...empty(),
      pods: [
        {
          kind: "Pod",
          metadata: { name: "floe-test-demo-test-fail", uid: "p-t", annotations: { "helm.sh/hook": "test" } },
          status: {
            phase: "Failed",
            containerStatuses: [
              { name: "test", ready: false, state: { terminated: { exitCode: 1, reason: "Error" } } },
            ],
          },
        },
      ],
    },
    object: "Pod/floe-test-demo-test-fail",
    kind: "container-failed",
    summary: /^container test exited with exit code 1 \(Error\)$/,
  },
  {
    name: "unknown: none applies, the raw condition is said",
    state: {
      ...empty(),
      deployments: [
        deployment({
          conditions: [
            {
              type: "ReplicaFailure",
              status: "True",
              reason: "FailedCreate",
              message: 'pods "floe-test-web-7d9c-" is forbidden: exceeded quota: compute',
            },
          ],
        }),
      ],
    },
    object: "Deployment/floe-test-web",
    kind: "unknown",
    summary:
      /^no known cause applies; ReplicaFailure=True \(FailedCreate\): pods "floe-test-web-7d9c-" is forbidden: exceeded quota: compute$/,
  },
];

describe("diagnose: one cause per object that is not ready", () => {
  it.each(cases)("$name", (c) => {
    const ds = diagnose(c.state);
    expect(ds.map((d) => d.object)).toEqual([c.object]);
    const d = ds[0]!;
    expect(d.cause.kind).toBe(c.kind);
    expect(d.cause.summary).toMatch(c.summary);
    if (c.evidence) expect(d.cause.evidence).toMatchObject(c.evidence);
    if (c.logs) expect(d.cause.logs).toEqual(c.logs);
  });

  it("a Deployment's conditions and events, and its pods folded into it (not listed twice)", () => {
    const s = cases[0]!.state;
    const [d] = diagnose({
      ...s,
      events: [
        ...s.events,
        {
          involvedObject: { kind: "Deployment", name: "floe-test-web", uid: "d-1" },
          type: "Normal",
          reason: "ScalingReplicaSet",
          message: "Scaled up replica set floe-test-web-7d9c to 1",
          lastTimestamp: T,
        },
      ],
    });
    expect(d).toMatchObject({
      object: "Deployment/floe-test-web",
      state: "0/1 ready",
      conditions: [
        "Available=False (MinimumReplicasUnavailable): Deployment does not have minimum availability.",
      ],
      events: [
        "Normal ScalingReplicaSet: Scaled up replica set floe-test-web-7d9c to 1",
        `Pod/${P}: Warning Failed: Failed to pull image "registry.example.invalid/web:1.0": not found`,
      ],
    });
    expect(renderDiagnoses([d!])).toEqual([
      "Deployment/floe-test-web (0/1 ready)",
      `  cause: image-pull: ${d!.cause.summary}`,
      "  condition: Available=False (MinimumReplicasUnavailable): Deployment does not have minimum availability.",
      "  event: Normal ScalingReplicaSet: Scaled up replica set floe-test-web-7d9c to 1",
      `  event: Pod/${P}: Warning Failed: Failed to pull image "registry.example.invalid/web:1.0": not found`,
    ]);
  });

  it("a Pending claim no pod mounts is its own object; ready and completed objects are not listed", () => {
    const ds = diagnose({
      ...empty(),
      pvcs: [
        { metadata: { name: "orphan" }, spec: {}, status: { phase: "Pending" } },
        { metadata: { name: "bound" }, spec: { storageClassName: "standard" }, status: { phase: "Bound" } },
      ],
      deployments: [deployment({ readyReplicas: 1, conditions: [{ type: "Available", status: "True" }] })],
      jobs: [
        {
          metadata: { name: "done" },
          status: { succeeded: 1, conditions: [{ type: "Complete", status: "True" }] },
        },
      ],
      pods: [pod({ phase: "Succeeded" }, {}, "done-x")],
    });
    expect(ds.map((d) => `${d.object} ${d.cause.kind} ${d.cause.summary}`)).toEqual([
      "PersistentVolumeClaim/orphan pending-pvc claim orphan (storage class (cluster default)) is Pending: no event says why",
    ]);
  });

  it("a helm test pod carrying the chart's labels is its own object, not a pod of the ready Deployment", () => {
    const ds = diagnose({
      ...empty(),
      deployments: [deployment({ readyReplicas: 1, conditions: [{ type: "Available", status: "True" }] })],
      pods: [
        {
          kind: "Pod",
          metadata: { name: "floe-test-web-test", labels, annotations: { "helm.sh/hook": "test" } },
          status: {
            phase: "Failed",
            containerStatuses: [{ name: "test", state: { terminated: { exitCode: 2, reason: "Error" } } }],
          },
        },
      ],
    });
    expect(ds.map((d) => `${d.object} ${d.state} ${d.cause.kind}`)).toEqual([
      "Pod/floe-test-web-test Failed container-failed",
    ]);
  });

  it("a pod mounting a claim that does not exist", () => {
    const [d] = diagnose({
      ...empty(),
      pods: [
        {
          ...pod(
            { phase: "Pending" },
            { volumes: [{ name: "v", persistentVolumeClaim: { claimName: "gone" } }] },
            "p",
          ),
          metadata: { name: "p" },
        },
      ],
    });
    expect(d!.cause).toMatchObject({ kind: "pending-pvc", summary: "claim gone (volume v) does not exist" });
  });

  it("notReady lists what a wait waits for; failingContainers which logs to read", () => {
    const s = cases[1]!.state;
    expect(notReady({ ...s, pvcs: cases[2]!.state.pvcs, jobs: cases[5]!.state.jobs })).toEqual([
      "Deployment/floe-test-web (0/1 ready)",
      "Job/migrate (0 succeeded)",
      "PersistentVolumeClaim/data-web (Pending)",
    ]);
    expect(notReady(cases[3]!.state)).toEqual(["Pod/lonely (Pending (Unschedulable))"]);
    expect(failingContainers(s)).toEqual([{ pod: P, container: "web", previous: true }]);
    expect(failingContainers(cases[5]!.state)).toEqual([
      { pod: "migrate-abcde", container: "migrate", previous: false },
    ]);
    expect(failingContainers(cases[0]!.state)).toEqual([]);
  });
});

describe("the telling log line of a failed container (its cause's summary)", () => {
  // dbt's real output for a refused password (scenarios/kind-local/broken-db-password.yaml): the server's
  // words are neither the last line nor the first "Error".
  const dbt = [
    "\u001b[0m04:21:30  Finished running  in 0 hours 0 minutes and 0.05 seconds (0.05s).",
    "\u001b[0m04:21:30  Encountered an error:",
    "Database Error",
    '  connection to server at "floe-platform-postgresql" (10.96.1.2), port 5432 failed: FATAL:  password authentication failed for user "dagster"',
    "  ",
  ].join("\n");
  it.each([
    [
      "a refused password beats the error lines around it",
      dbt,
      'connection to server at "floe-platform-postgresql" (10.96.1.2), port 5432 failed: FATAL:  password authentication failed for user "dagster"',
    ],
    [
      "an unreachable peer",
      "starting\nretrying\ndial tcp 10.0.0.1:5432: connect: connection refused\nbye",
      "dial tcp 10.0.0.1:5432: connect: connection refused",
    ],
    [
      "a Go panic",
      "ok\npanic: runtime error: index out of range\ngoroutine 1",
      "panic: runtime error: index out of range",
    ],
    [
      "a Python traceback: its last line names the exception",
      'Traceback (most recent call last):\n  File "x.py", line 1\nValueError: bad',
      "ValueError: bad",
    ],
    ["the last of several error lines", "error: one\nerror: two\ndone", "error: two"],
    ["nothing telling", "starting\nlistening on :8080\n", undefined],
    ["no log", "", undefined],
  ])("%s", (_name, log, want) => {
    expect(tellingLine(log)).toBe(want);
  });

  it("a very long line is cut to 300 characters", () => {
    expect(tellingLine(`FATAL: ${"x".repeat(400)}`)).toHaveLength(300);
  });
});

describe("kubectl for the diagnosis", () => {
  it("argv", () => {
    expect(kubectlStateArgv("/t/kubectl", "/k", "ns")).toEqual([
      "/t/kubectl",
      "--kubeconfig",
      "/k",
      "--namespace",
      "ns",
      "get",
      "pods,deployments.apps,statefulsets.apps,jobs.batch,persistentvolumeclaims,events",
      "--output",
      "json",
    ]);
    expect(kubectlContainerLogArgv("/t/kubectl", "/k", "ns", "p", "c", true)).toEqual([
      "/t/kubectl",
      "--kubeconfig",
      "/k",
      "--namespace",
      "ns",
      "logs",
      "p",
      "--container",
      "c",
      "--tail",
      "50",
      "--previous",
    ]);
  });

  it("a List is sorted by kind; anything else is one clear error", () => {
    const s = stateFromList(
      JSON.stringify({
        kind: "List",
        items: [
          { kind: "Pod", metadata: { name: "a" } },
          { kind: "Event", involvedObject: {} },
          { kind: "Service", metadata: { name: "s" } },
        ],
      }),
    );
    expect([s.pods.length, s.events.length, s.deployments.length]).toEqual([1, 1, 0]);
    expect(() => stateFromList("{}")).toThrow("kubectl did not return a List");
    expect(() => stateFromList("error: the server doesn't have a resource type")).toThrow(SyntaxError);
  });
});

describe("the wait ticker", () => {
  it("formats the time left", () => {
    expect([formatLeft(125_000), formatLeft(9_400), formatLeft(-1)]).toEqual(["2m05s", "9s", "0s"]);
  });

  it("prints what is waited for and the time left every interval, nothing after stop", async () => {
    const lines: string[] = [];
    let polls = 0;
    let clock = 0;
    const stop = startWaitTicker({
      what: "install",
      timeoutMs: 60_000,
      poll: async () => `Deployment/web (0/1 ready) #${++polls}`,
      print: (l) => lines.push(l),
      intervalMs: 40,
      // Each reading of the clock is 10 s later: the time left counts down by the interval helm waits.
      now: () => {
        const t = clock;
        clock += 10_000;
        return t;
      },
    });
    await new Promise((r) => setTimeout(r, 150));
    stop();
    const n = lines.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(lines.length).toBe(n);
    expect(lines.slice(0, 2)).toEqual([
      "install: waiting for Deployment/web (0/1 ready) #1; 50s left",
      "install: waiting for Deployment/web (0/1 ready) #2; 40s left",
    ]);
  });
});
