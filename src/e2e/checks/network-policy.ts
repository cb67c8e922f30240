// T120 / GAP-005: the platform's NetworkPolicies isolate its PostgreSQL for real. On the same Service:port:
//   1. a probe pod with the client labels a guarding policy lets in connects;
//   2. a probe pod without labels does not (timed out or refused, as curl said);
//   3. the denial is the policies': with exactly the policies that guard the server pod deleted (saved first),
//      the same unlabelled pod connects; then they are created again from the saved manifests, checked equal,
//      and the unlabelled pod is turned away again.
// Deleting those policies is the one deliberate edit of the cluster the E2E phase makes (issue 15 asks for it);
// they are restored in a finally, whatever happened. The probe pods are the phase's own (a test image: curl's
// telnet://), restricted PSS, deleted at the end.
import { randomBytes } from "node:crypto";
import { appendFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CheckOutcome, E2eCheck, E2eEnv } from "../types.js";
import { kubectl, kubectlJson, sleep, waitFor } from "./kube.js";
import {
  allowedClientLabels,
  type Labels,
  type NetworkPolicy,
  type ProbeImage,
  type ProbeResult,
  podPort,
  policiesGuarding,
  probePodManifest,
  probeResult,
  restorable,
  restoreDifferences,
  tcpProbeArgv,
} from "./netpol-probe.js";

/** The test image of the charts' test pods on the local lane; the runner may name another (facts.probeImage,
 * e.g. the platform's tests.curlImage on GitHub's kind lane). floe.local/ images are never pulled. */
export const DEFAULT_PROBE_IMAGE = "floe.local/curl:7.88.1";
export function probeImage(facts: Record<string, string>): ProbeImage {
  const image = facts.probeImage || DEFAULT_PROBE_IMAGE;
  return { image, pullPolicy: image.startsWith("floe.local/") ? "Never" : "IfNotPresent" };
}

const CONNECT_SECONDS = 5;
/** How long a policy change (a new pod's, a deleted or created policy's) may take to be enforced. */
const SETTLE_MS = 40_000;

interface Service {
  metadata: { name: string };
  spec: { selector?: Labels; ports: Array<{ name?: string; port: number; targetPort?: number | string }> };
}
interface Pod {
  metadata: { name: string; labels?: Labels };
  status?: { phase?: string };
  spec: { containers: Array<{ ports?: Array<{ name?: string; containerPort: number }> }> };
}
interface List<T> {
  items: T[];
}

const fmtLabels = (l: Labels) =>
  Object.entries(l)
    .map(([k, v]) => `${k}=${v}`)
    .join(",") || "(none)";

export const check: E2eCheck = {
  id: "T120 network-policy",
  covers: ["T120", "GAP-005"],
  timeoutMs: 240_000,
  run: (e) => run(e),
};

async function run(e: E2eEnv): Promise<CheckOutcome> {
  const deadline = Date.now() + e.timeoutMs;
  const left = () => Math.max(0, Math.round((deadline - Date.now()) / 1000));
  const k = e.kube;

  // The server: the platform's PostgreSQL Service and a pod behind it.
  const svcs = await kubectlJson<List<Service>>(k, [
    "get",
    "services",
    "--selector",
    `app.kubernetes.io/instance=${e.platformRelease},app.kubernetes.io/component=postgresql`,
  ]);
  const svc = svcs.items.find((s) => s.spec.ports.some((p) => p.port === 5432)) ?? svcs.items[0];
  if (!svc?.spec.selector)
    return {
      state: "fail",
      expected: `a PostgreSQL Service of release ${e.platformRelease} (component postgresql) in namespace ${k.namespace}`,
      seen: svcs.items.length
        ? `Services without a selector: ${svcs.items.map((s) => s.metadata.name).join(", ")}`
        : "none",
    };
  const svcPort = svc.spec.ports.find((p) => p.port === 5432) ?? svc.spec.ports[0]!;
  const host = svc.metadata.name;
  const target = `${host}:${svcPort.port}`;
  const pods = await kubectlJson<List<Pod>>(k, ["get", "pods", "--selector", fmtLabels(svc.spec.selector)]);
  const server = pods.items.find((p) => p.status?.phase === "Running");
  if (!server)
    return {
      state: "fail",
      expected: `a running pod behind Service ${host}`,
      seen: pods.items.map((p) => `${p.metadata.name} ${p.status?.phase}`).join(", ") || "no pod",
    };
  // NetworkPolicies match the pod's port, after the Service translated it.
  const serverPort = podPort(svcPort, server.spec.containers);

  const all = await kubectlJson<List<NetworkPolicy>>(k, ["get", "networkpolicies"]);
  const guarding = policiesGuarding(all.items, server.metadata.labels ?? {});
  if (!guarding.length)
    return {
      state: "fail",
      expected: `NetworkPolicies isolating pod ${server.metadata.name} of ${host} (the platform's networkPolicy.enabled)`,
      seen: `no NetworkPolicy selects it (policies in ${k.namespace}: ${all.items.map((p) => p.metadata.name).join(", ") || "none"})`,
    };
  const allowed = allowedClientLabels(guarding, serverPort);
  if (!allowed)
    return {
      state: "fail",
      expected: `a policy of ${guarding.map((p) => p.metadata.name).join(", ")} letting pods with some labels in to port ${serverPort}`,
      seen: "no ingress rule with a podSelector of labels for that port",
    };
  const names = guarding.map((p) => p.metadata.name);
  e.ctx.progress(
    `e2e T120: ${target} (pod ${server.metadata.name}) is guarded by ${names.join(", ")}; allowed client labels ${fmtLabels(allowed.labels)} (${allowed.policy})`,
  );

  const suffix = randomBytes(3).toString("hex");
  const allowedPod = `floe-e2e-t120-allowed-${suffix}`;
  const deniedPod = `floe-e2e-t120-denied-${suffix}`;
  const image = probeImage(e.facts);
  const lifetimeSeconds = Math.ceil(e.timeoutMs / 1000) + 60;
  await mkdir(e.dir, { recursive: true });

  // Every probe's transcript is kept (curl's verbose output), in the order they ran.
  const transcript = path.join(e.dir, "t120-probes.log");
  const probe = async (pod: string): Promise<ProbeResult> => {
    const r = await kubectl(k, tcpProbeArgv(pod, host, svcPort.port, CONNECT_SECONDS), {
      timeoutMs: (CONNECT_SECONDS + 20) * 1000,
    });
    const result = probeResult(r.code, `${r.stderr}\n${r.stdout}`);
    await appendFile(
      transcript,
      `## ${new Date().toISOString()} ${pod} -> ${target}: ${result.outcome} (exit ${r.code})\n${r.stderr}${r.stdout}\n`,
    );
    return result;
  };
  /** Probes until `want(result)` or `ms` pass (a policy change takes a moment to be enforced). */
  const probeUntil = async (pod: string, want: (r: ProbeResult) => boolean, what: string, ms: number) => {
    const until = Math.min(deadline, Date.now() + ms);
    const seen: string[] = [];
    for (;;) {
      const r = await probe(pod);
      seen.push(`${r.outcome} (${r.said})`);
      if (want(r) || Date.now() >= until) return { ok: want(r), last: r, seen };
      e.ctx.progress(
        `e2e T120: waiting until ${what}: ${r.outcome} so far, ${Math.round((until - Date.now()) / 1000)} s left (check: ${left()} s)`,
      );
      await sleep(2_000);
    }
  };
  const denial = (r: ProbeResult) => r.outcome === "timed out" || r.outcome === "refused";

  try {
    const manifests = [
      probePodManifest({
        name: allowedPod,
        namespace: k.namespace,
        labels: allowed.labels,
        image,
        lifetimeSeconds,
      }),
      probePodManifest({ name: deniedPod, namespace: k.namespace, labels: {}, image, lifetimeSeconds }),
    ];
    const created = await kubectl(k, ["create", "-f", "-"], {
      input: JSON.stringify({ apiVersion: "v1", kind: "List", items: manifests }),
    });
    if (created.code !== 0)
      return {
        state: "fail",
        expected: `probe pods ${allowedPod} and ${deniedPod} (image ${image.image}) created`,
        seen: created.stderr.trim(),
      };
    e.ctx.progress(
      `e2e T120: waiting for probe pods ${allowedPod}, ${deniedPod} to be ready (${left()} s left)`,
    );
    const ready = await waitFor(
      k,
      "condition=Ready",
      [`pod/${allowedPod}`, `pod/${deniedPod}`],
      Math.min(120_000, left() * 1000),
      (l) => e.ctx.progress(`e2e T120: ${l}`),
    );
    if (ready.code !== 0)
      return {
        state: "fail",
        expected: `probe pods ready (image ${image.image}, pull policy ${image.pullPolicy})`,
        seen: `${ready.stderr.trim()}; ${await podStates(e, [allowedPod, deniedPod])}`,
      };

    // 1. The allowed client connects (a new pod's traffic may be admitted a moment after it starts).
    const a = await probeUntil(
      allowedPod,
      (r) => r.outcome === "connected",
      `${allowedPod} connects to ${target}`,
      SETTLE_MS,
    );
    if (!a.ok)
      return {
        state: "fail",
        expected: `pod ${allowedPod} with labels ${fmtLabels(allowed.labels)} (let in by ${allowed.policy}) connects to ${target}`,
        seen: `it did not: ${a.seen.join(" | ")}`,
      };
    // 2. The unlabelled pod is turned away.
    const d = await probe(deniedPod);
    if (!denial(d))
      return {
        state: "fail",
        expected: `pod ${deniedPod} without labels is turned away from ${target} (timed out or refused)`,
        seen: `${d.outcome}: ${d.said}`,
      };

    // 3. The denial is the policies': without them the same pod connects; then they are back, exactly.
    const saved = guarding.map(restorable);
    const savedFile = path.join(e.dir, "t120-networkpolicies.json");
    await writeFile(
      savedFile,
      `${JSON.stringify({ apiVersion: "v1", kind: "List", items: saved }, null, 2)}\n`,
    );
    let without: Awaited<ReturnType<typeof probeUntil>> | undefined;
    let restoreProblem: string | undefined;
    try {
      e.ctx.progress(
        `e2e T120: deleting ${names.join(", ")} (saved in ${savedFile}) to show the denial is theirs`,
      );
      const del = await kubectl(k, ["delete", "networkpolicy", ...names, "--wait=true"]);
      if (del.code !== 0) throw new Error(`kubectl delete networkpolicy failed: ${del.stderr.trim()}`);
      without = await probeUntil(
        deniedPod,
        (r) => r.outcome === "connected",
        `${deniedPod} connects without the policies`,
        SETTLE_MS,
      );
    } finally {
      restoreProblem = await restorePolicies(e, saved, savedFile);
    }
    if (restoreProblem)
      return {
        state: "fail",
        expected: `NetworkPolicies ${names.join(", ")} restored exactly from ${savedFile}`,
        seen: restoreProblem,
      };
    if (!without?.ok)
      return {
        state: "fail",
        expected: `with ${names.join(", ")} deleted, pod ${deniedPod} connects to ${target} (the denial was the policies')`,
        seen: `it still did not: ${without?.seen.join(" | ")} (so ${target} turns it away by itself: a closed port or another cause)`,
      };
    const again = await probeUntil(
      deniedPod,
      denial,
      `${deniedPod} is turned away again by the restored policies`,
      SETTLE_MS,
    );
    if (!again.ok)
      return {
        state: "fail",
        expected: `with ${names.join(", ")} restored, pod ${deniedPod} is turned away from ${target} again`,
        seen: `it still connects: ${again.seen.join(" | ")}`,
      };
    return {
      state: "pass",
      detail:
        `${target}: pod with labels ${fmtLabels(allowed.labels)} connected; pod without labels ${d.outcome} (${d.said}); ` +
        `with ${names.join(", ")} deleted it connected; restored exactly, it is turned away again (${again.last.outcome})`,
    };
  } finally {
    await kubectl(k, [
      "delete",
      "pod",
      allowedPod,
      deniedPod,
      "--ignore-not-found",
      "--wait=false", // their terminationGracePeriodSeconds is 0
    ]);
  }
}

/** Creates the saved policies again (those missing), then compares each with its saved manifest. Returns what
 * is wrong, or undefined when every one is back as saved. Never throws. */
export async function restorePolicies(
  e: E2eEnv,
  saved: NetworkPolicy[],
  savedFile: string,
): Promise<string | undefined> {
  const k = e.kube;
  try {
    const names = saved.map((p) => p.metadata.name);
    const present = await kubectl(k, [
      "get",
      "networkpolicy",
      ...names,
      "--ignore-not-found",
      "--output",
      "name",
    ]);
    const there = new Set(
      present.stdout.split("\n").map((l) => l.trim().replace(/^networkpolicy[^/]*\//, "")),
    );
    const missing = saved.filter((p) => !there.has(p.metadata.name));
    if (missing.length) {
      const c = await kubectl(k, ["create", "-f", "-"], {
        input: JSON.stringify({ apiVersion: "v1", kind: "List", items: missing }),
      });
      if (c.code !== 0) return `kubectl create -f ${savedFile} failed: ${c.stderr.trim()}`;
    }
    // kubectl get of one name answers the object itself, of several a List.
    const got = await kubectlJson<List<NetworkPolicy> | NetworkPolicy>(k, ["get", "networkpolicy", ...names]);
    const found = "items" in got ? got.items : [got];
    const diffs = saved.flatMap((p) =>
      restoreDifferences(
        p,
        found.find((f) => f.metadata.name === p.metadata.name),
      ),
    );
    e.ctx.progress(
      `e2e T120: restored ${names.join(", ")}${diffs.length ? ` with differences: ${diffs.join("; ")}` : ", as saved"}`,
    );
    return diffs.length ? diffs.join("; ") : undefined;
  } catch (err) {
    return `restoring from ${savedFile} failed: ${(err as Error).message}`;
  }
}

async function podStates(e: E2eEnv, pods: string[]): Promise<string> {
  const r = await kubectl(e.kube, [
    "get",
    "pod",
    ...pods,
    "--output",
    'jsonpath={range .items[*]}{.metadata.name}: {.status.phase} {.status.containerStatuses[*].state}{"\\n"}{end}',
  ]);
  return (r.stdout || r.stderr).trim().replace(/\n/g, "; ");
}
