// The diagnosis against a real API server, scheduler and controllers (the kwok control plane of `cluster
// up`; its kubelet is simulated, so only causes the control plane itself produces are real here: a pod no
// node can take, a claim whose StorageClass does not exist, a Job whose pod fails (kwok-simulated exit 1 of
// a pod annotated floe-helm.dev/simulate: fail; the Job controller's backoff verdict is real).
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import resultsSchema from "../../schemas/results.schema.json" with { type: "json" };
import { diagnoseNamespace, keepNamespace } from "../../src/install/diagnose/collect.js";
import type { PhaseResults } from "../../src/report/results.js";
import { createAjv } from "../../src/values/ajv.js";
import { cli } from "../helpers/cli.js";
import { clusterDown, clusterUp, type TestCluster } from "../helpers/cluster.js";
import { tempDir } from "../helpers/tmp.js";
import { tool, toolsDir } from "../helpers/tools.js";

let c: TestCluster | undefined;
beforeAll(async () => {
  c = await clusterUp();
}, 300_000);
afterAll(async () => {
  await clusterDown(c);
});
const k = () => {
  if (!c) throw new Error("cluster did not start (see beforeAll)");
  return c;
};

const NS = "diag";
const objects = `
apiVersion: v1
kind: Namespace
metadata: {name: ${NS}}
---
apiVersion: v1
kind: Pod
metadata: {name: lonely, namespace: ${NS}}
spec:
  nodeSelector: {floe.dev/no-such-node: "yes"}
  containers: [{name: app, image: registry.example.invalid/app:1}]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: ${NS}}
spec:
  storageClassName: no-such-class
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate, namespace: ${NS}}
spec:
  backoffLimit: 0
  template:
    metadata:
      annotations: {floe-helm.dev/simulate: fail}
    spec:
      restartPolicy: Never
      containers: [{name: migrate, image: registry.example.invalid/migrate:1}]
`;

async function until(what: string, ok: () => Promise<boolean>, ms = 90_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("diagnosis on the kwok control plane", () => {
  it("kwok-simulated: unschedulable pod (real scheduler), Pending claim of a missing StorageClass (real PV controller), Job past its backoff limit (real Job controller, simulated pod failure)", async () => {
    const apply = await k().kubectlIn(objects, "apply", "-f", "-");
    expect(apply.code, apply.stderr).toBe(0);
    const jsonpath = (...a: string[]) => k().kubectl("--namespace", NS, "get", ...a);
    await until("the Job to fail", async () =>
      /True/.test(
        (await jsonpath("job/migrate", "-o", 'jsonpath={.status.conditions[?(@.type=="Failed")].status}'))
          .stdout,
      ),
    );
    await until("the scheduler's verdict", async () =>
      /Unschedulable/.test(
        (await jsonpath("pod/lonely", "-o", "jsonpath={.status.conditions[*].reason}")).stdout,
      ),
    );
    await until("the PV controller's event", async () =>
      /no-such-class/.test(
        (
          await jsonpath(
            "events",
            "--field-selector",
            "involvedObject.name=data",
            "-o",
            "jsonpath={.items[*].message}",
          )
        ).stdout,
      ),
    );

    const dir = tempDir("floe-diag-");
    const d = await diagnoseNamespace(
      {
        kubectl: tool("kubectl"),
        kubeconfig: k().kubeconfig,
        namespace: NS,
        env: { PATH: process.env.PATH },
        cwd: dir,
      },
      dir,
    );
    const byObject = Object.fromEntries(d.diagnoses.map((x) => [x.object, x]));
    expect(Object.keys(byObject).sort()).toEqual(["Job/migrate", "PersistentVolumeClaim/data", "Pod/lonely"]);
    expect(byObject["Pod/lonely"]!.cause).toMatchObject({
      kind: "unschedulable",
      evidence: { nodeSelector: '{"floe.dev/no-such-node":"yes"}' },
    });
    expect(byObject["Pod/lonely"]!.cause.summary).toMatch(
      /^no node for the pod: 0\/\d+ nodes are available: .*node affinity\/selector/,
    );
    expect(byObject["Pod/lonely"]!.events.join("\n")).toMatch(/Warning FailedScheduling: /);
    expect(byObject["PersistentVolumeClaim/data"]!.cause).toMatchObject({
      kind: "pending-pvc",
      evidence: { claim: "data", storageClass: "no-such-class" },
    });
    expect(byObject["PersistentVolumeClaim/data"]!.cause.summary).toMatch(
      /^claim data \(storage class no-such-class\) is Pending: storageclass\.storage\.k8s\.io "no-such-class" not found$/,
    );
    expect(byObject["Job/migrate"]!.cause).toMatchObject({
      kind: "job-backoff",
      evidence: { job: "migrate", reason: "BackoffLimitExceeded", backoffLimit: "0" },
    });
    expect(byObject["Job/migrate"]!.cause.summary).toMatch(
      / 1 failed pod\(s\): migrate-\S+\/migrate exit 1$/,
    );
    // kwok runs no container, so it serves no logs: said as a note, the diagnosis goes on.
    expect(d.notes.join("\n")).toMatch(/^no logs of migrate-\S+\/migrate: /m);
    const txt = await readFile(path.join(dir, "diagnosis.txt"), "utf8");
    expect(txt).toMatch(/^Job\/migrate \(0 succeeded, 1 failed, 0 active\)\n {2}cause: job-backoff: /m);
    expect(JSON.parse(await readFile(path.join(dir, "diagnosis.json"), "utf8")).diagnoses).toHaveLength(3);
    expect(JSON.parse(await readFile(path.join(dir, "state.json"), "utf8")).kind).toBe("List");
  });

  it("kubectl failing during the diagnosis is a note, never a failure", async () => {
    const dir = tempDir("floe-diag-bad-");
    const bad = path.join(dir, "kubeconfig.yaml");
    await writeFile(bad, "apiVersion: v1\nkind: Config\nclusters: []\n");
    const d = await diagnoseNamespace(
      { kubectl: tool("kubectl"), kubeconfig: bad, namespace: NS, env: { PATH: process.env.PATH }, cwd: dir },
      dir,
    );
    expect(d.diagnoses).toEqual([]);
    expect(d.notes).toHaveLength(1);
    expect(d.notes[0]).toMatch(/^kubectl get failed \(exit 1\): /);
    expect(await readFile(path.join(dir, "diagnosis.txt"), "utf8")).toMatch(/^note: kubectl get failed/);
  });

  it("keepNamespace keeps objects, events, described pods and each pod's logs; a kubectl that fails or cannot run leaves its error in its file, never a throw", async () => {
    const t = (kubectl: string, kubeconfig: string, dir: string) => ({
      kubectl,
      kubeconfig,
      namespace: NS,
      env: { PATH: process.env.PATH },
      cwd: dir,
    });
    const ok = tempDir("floe-keep-");
    const files = await keepNamespace(t(tool("kubectl"), k().kubeconfig, ok), path.join(ok, "d"));
    const names = files.map((f) => path.basename(f));
    expect(names).toEqual(
      expect.arrayContaining(["objects.txt", "events.txt", "pods.txt", "logs-lonely.txt"]),
    );
    expect(await readFile(path.join(ok, "d", "pods.txt"), "utf8")).toMatch(/^Name:\s+lonely$/m);

    const bad = tempDir("floe-keep-bad-");
    const kc = path.join(bad, "kubeconfig.yaml");
    await writeFile(kc, "apiVersion: v1\nkind: Config\nclusters: []\n");
    const failed = await keepNamespace(t(tool("kubectl"), kc, bad), path.join(bad, "d"));
    expect(failed.map((f) => path.basename(f))).toEqual([
      "objects.txt",
      "events.txt",
      "pods.txt",
      "logs.txt",
    ]);
    expect(await readFile(path.join(bad, "d", "events.txt"), "utf8")).toMatch(
      /^# kubectl --namespace diag get events --sort-by \.lastTimestamp failed \(exit 1\):\n/,
    );

    const none = tempDir("floe-keep-none-");
    const gone = await keepNamespace(t(path.join(none, "no-kubectl"), kc, none), path.join(none, "d"));
    expect(gone).toHaveLength(4);
    expect(await readdir(path.join(none, "d"))).toHaveLength(4);
    expect(await readFile(path.join(none, "d", "objects.txt"), "utf8")).toMatch(
      /failed \(exit -1\):\ncould not run: /,
    );
  });

  it("kwok-simulated: floe-helm test on a chart whose pod no node takes: ticker lines while helm waits, then the classified cause in the log, the results and the diagnostics folder", async () => {
    const cwd = tempDir("floe-diag-chart-");
    const chart = path.join(cwd, "charts", "stuck");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.join(chart, "templates"), { recursive: true });
    await writeFile(path.join(chart, "Chart.yaml"), "apiVersion: v2\nname: stuck\nversion: 0.1.0\n");
    await writeFile(path.join(chart, "values.yaml"), "{}\n");
    await writeFile(
      path.join(chart, "templates", "deployment.yaml"),
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-stuck
spec:
  replicas: 1
  selector: {matchLabels: {app: stuck}}
  template:
    metadata: {labels: {app: stuck}}
    spec:
      nodeSelector: {floe.dev/no-such-node: "yes"}
      containers: [{name: app, image: registry.example.invalid/stuck:1}]
`,
    );
    const work = k().workDir;
    const r = await cli(
      [
        "test",
        "--tools-dir",
        toolsDir,
        "--work-dir",
        work,
        "--chart",
        "charts/stuck",
        "--helm",
        "4",
        "--timeout",
        "25s",
      ],
      { cwd },
    );
    expect(r.code, `${r.out}\n${r.err}`).toBe(1);
    // At least every 10 s while helm waits: what it waits for and the time left.
    expect(r.err).toMatch(
      /^test: \[1\/1\] stuck\/default helm4: helm install --wait: waiting for Deployment\/floe-test-stuck \(0\/1 ready\); 1\ds left$/m,
    );
    const diag = r.err.split("\n");
    const at = diag.indexOf("test: [1/1] stuck/default helm4: diagnosis:");
    expect(at, r.err).toBeGreaterThan(0);
    expect(diag[at + 1]).toBe("  Deployment/floe-test-stuck (0/1 ready)");
    expect(diag[at + 2]).toMatch(
      /^ {4}cause: unschedulable: pod floe-test-stuck-\S+: no node for the pod: 0\/\d+ nodes are available/,
    );
    expect(diag.slice(at)).toContainEqual(
      expect.stringMatching(
        /^ {4}event: Pod\/floe-test-stuck-\S+: Warning FailedScheduling: 0\/\d+ nodes are available/,
      ),
    );
    expect(r.out).toMatch(
      /^stuck: info diagnosis: Deployment\/floe-test-stuck: unschedulable: pod floe-test-stuck-/m,
    );

    const res = JSON.parse(await readFile(path.join(work, "test.results.json"), "utf8")) as PhaseResults;
    expect(createAjv().compile(resultsSchema)(res)).toBe(true);
    const f = res.findings.filter((x) => x.rule === "diagnosis");
    expect(f.map((x) => [x.object, x.cause, x.severity])).toEqual([
      ["Deployment/floe-test-stuck", "unschedulable", "info"],
    ]);
    expect(res.findings.find((x) => x.rule === "install" && x.severity === "error")?.message).toMatch(
      /^helm install failed: /,
    );
    const folder = path.join(work, "diagnostics", "test", "stuck-default-helm4");
    expect(await readFile(path.join(folder, "diagnosis.txt"), "utf8")).toMatch(/cause: unschedulable: /);

    const rep = await cli(["report", "--work-dir", work, "--summary", path.join(cwd, "summary.md")], { cwd });
    expect(rep.code).toBe(1);
    expect(await readFile(path.join(cwd, "summary.md"), "utf8")).toMatch(
      /^\| info \| `diagnosis` \| stuck \| Deployment\/floe-test-stuck: unschedulable: pod floe-test-stuck-\S+: no node for the pod: .*\(scenario: default; helm 4\) \|$/m,
    );
  });

  it("--timeout that is not a duration is one clear error", async () => {
    const r = await cli(["test", "--tools-dir", toolsDir, "--work-dir", k().workDir, "--timeout", "soon"], {
      cwd: tempDir("floe-diag-t-"),
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--timeout: expected a duration such as 90s, 5m or 1m30s, got 'soon'/);
  });
});
