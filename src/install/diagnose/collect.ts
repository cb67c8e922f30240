// The one collector of a failed cell's namespace: what kubectl says of it, kept as files for a reader
// (keepNamespace: objects, events, described pods, every pod's logs), and its state read for the diagnosis
// (objects and events as JSON, then the logs of the failing containers, current and previous), classified
// (./index.ts) and kept as files. Never throws: a kubectl call that fails, or output that is not JSON,
// becomes a note or the content of its file, and the collection goes on with what it has (the cell's own
// error is already recorded; nothing here may hide it).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type RunResult, runTool } from "../../exec/runner.js";
import {
  kubectlContainerLogArgv,
  kubectlDiagnosticsArgv,
  kubectlLogsArgv,
  kubectlPodNamesArgv,
  kubectlStateArgv,
} from "../argv.js";
import { type Diagnosis, diagnose, failingContainers, notReady, renderDiagnoses } from "./index.js";
import type { ContainerLogs, NamespaceState } from "./types.js";

/** Sorts a `kubectl get -o json` List into the state the diagnosis reads. Items of other kinds are
 * ignored; a body that is not a List is an error. */
export function stateFromList(json: string): NamespaceState {
  const parsed = JSON.parse(json) as { kind?: string; items?: Array<{ kind?: string }> };
  if (!parsed || !Array.isArray(parsed.items)) throw new Error("kubectl did not return a List");
  const of = <T>(kind: string) => parsed.items!.filter((i) => i.kind === kind) as T[];
  return {
    pods: of("Pod"),
    deployments: of("Deployment"),
    statefulsets: of("StatefulSet"),
    jobs: of("Job"),
    pvcs: of("PersistentVolumeClaim"),
    events: of("Event"),
  };
}

const first = (s: string) => s.trim().split("\n")[0] ?? "";

export interface KubeTarget {
  kubectl: string;
  kubeconfig: string;
  namespace: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A kubectl call that never throws: one that cannot run is a result with its error (exit -1). */
async function kubectl(t: KubeTarget, argv: string[], timeoutMs = 60_000): Promise<RunResult> {
  try {
    return await runTool(argv, { env: t.env, cwd: t.cwd, timeoutMs });
  } catch (e) {
    const stderr = `could not run: ${(e as Error).message}\n`;
    return { argv, code: -1, stdout: "", stderr, durationMs: 0, timedOut: false };
  }
}

/** Keeps what the cluster says about a failed cell before its namespace is deleted: objects.txt,
 * events.txt, pods.txt (described) and logs-<pod>.txt of every pod, under `dir` (created). Returns the files
 * written. A kubectl call that fails leaves its error in its file: what could not be collected is said,
 * never silently missing. */
export async function keepNamespace(t: KubeTarget, dir: string): Promise<string[]> {
  const files: string[] = [];
  try {
    await mkdir(dir, { recursive: true });
  } catch {
    return files; // nowhere to keep anything; the diagnosis says what it cannot write
  }
  const keep = async (file: string, argv: string[]) => {
    const r = await kubectl(t, argv);
    const body =
      r.code === 0
        ? r.stdout
        : `# kubectl ${argv.slice(3).join(" ")} failed (exit ${r.code}${r.timedOut ? ", timed out" : ""}):\n${r.stderr}${r.stdout}`;
    try {
      await writeFile(path.join(dir, file), body);
      files.push(path.join(dir, file));
    } catch {
      // an unwritable file is left out of the count the finding reports
    }
  };
  for (const d of kubectlDiagnosticsArgv(t.kubectl, t.kubeconfig, t.namespace)) await keep(d.file, d.argv);
  const pods = await kubectl(t, kubectlPodNamesArgv(t.kubectl, t.kubeconfig, t.namespace));
  if (pods.code !== 0) {
    await keep("logs.txt", kubectlPodNamesArgv(t.kubectl, t.kubeconfig, t.namespace));
    return files;
  }
  for (const pod of pods.stdout
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const name = pod.replace(/^pod\//, "");
    await keep(`logs-${name}.txt`, kubectlLogsArgv(t.kubectl, t.kubeconfig, t.namespace, name));
  }
  return files;
}

/** The namespace's state, or a note saying why it could not be read. */
export async function readState(
  t: KubeTarget,
  timeoutMs = 60_000,
): Promise<{ state?: NamespaceState; raw?: string; note?: string }> {
  try {
    const r = await runTool(kubectlStateArgv(t.kubectl, t.kubeconfig, t.namespace), {
      env: t.env,
      cwd: t.cwd,
      timeoutMs,
    });
    // kubectl prints what it could read even when one kind failed: use it, and say what failed.
    let state: NamespaceState | undefined;
    try {
      state = stateFromList(r.stdout);
    } catch (e) {
      return {
        note: `kubectl get failed (exit ${r.code}${r.timedOut ? ", timed out" : ""}): ${first(r.stderr) || (e as Error).message}`,
      };
    }
    return {
      state,
      raw: r.stdout,
      ...(r.code !== 0 ? { note: `kubectl get exited ${r.code}: ${first(r.stderr)}` } : {}),
    };
  } catch (e) {
    return { note: `kubectl get could not run: ${(e as Error).message}` };
  }
}

export interface CellDiagnosis {
  diagnoses: Diagnosis[];
  /** What could not be read (a failed kubectl call), one line each. */
  notes: string[];
  /** The log lines, grouped per object (renderDiagnoses), then the notes. */
  lines: string[];
  files: string[];
}

/** Reads, classifies and keeps the diagnosis of one namespace in `dir` (which exists): diagnosis.txt
 * (what the log shows), diagnosis.json (the typed causes), state.json (the objects read) and
 * logs-<pod>-<container>[-previous].txt of the failing containers. */
export async function diagnoseNamespace(t: KubeTarget, dir: string): Promise<CellDiagnosis> {
  const notes: string[] = [];
  const files: string[] = [];
  const keep = async (name: string, body: string) => {
    try {
      await writeFile(path.join(dir, name), body);
      files.push(path.join(dir, name));
    } catch (e) {
      notes.push(`cannot write ${name}: ${(e as Error).message}`);
    }
  };
  const read = await readState(t);
  if (read.note) notes.push(read.note);
  let diagnoses: Diagnosis[] = [];
  if (read.state) {
    const state = read.state;
    const logs: Record<string, ContainerLogs> = {};
    for (const c of failingContainers(state)) {
      const runs = c.previous ? [false, true] : [false];
      for (const previous of runs) {
        const argv = kubectlContainerLogArgv(
          t.kubectl,
          t.kubeconfig,
          t.namespace,
          c.pod,
          c.container,
          previous,
        );
        const name = `logs-${c.pod}-${c.container}${previous ? "-previous" : ""}.txt`;
        try {
          const r = await runTool(argv, { env: t.env, cwd: t.cwd, timeoutMs: 60_000 });
          if (r.code !== 0) {
            notes.push(
              `no ${previous ? "previous " : ""}logs of ${c.pod}/${c.container}: ${first(r.stderr) || `exit ${r.code}`}`,
            );
            continue;
          }
          const key = `${c.pod}/${c.container}`;
          const l: ContainerLogs = logs[key] ?? {};
          logs[key] = l;
          if (previous) l.previous = r.stdout;
          else l.current = r.stdout;
          await keep(name, r.stdout);
        } catch (e) {
          notes.push(`no logs of ${c.pod}/${c.container}: ${(e as Error).message}`);
        }
      }
    }
    state.logs = logs;
    try {
      diagnoses = diagnose(state);
    } catch (e) {
      notes.push(`the diagnosis failed: ${(e as Error).message}`);
    }
    if (read.raw) await keep("state.json", read.raw);
  }
  const lines = [
    ...(diagnoses.length || !read.state
      ? renderDiagnoses(diagnoses)
      : [
          "no workload, job, pod or claim is left not ready (pods deleted by their hook-delete-policy are not seen)",
        ]),
    ...notes.map((n) => `note: ${n}`),
  ];
  await keep("diagnosis.json", `${JSON.stringify({ diagnoses, notes }, null, 2)}\n`);
  await keep("diagnosis.txt", `${lines.join("\n")}\n`);
  return { diagnoses, notes, lines, files };
}

/** What a wait is waiting for: the objects not ready yet, or a note when they cannot be read. */
export async function waitingFor(t: KubeTarget): Promise<string> {
  const r = await readState(t, 9_000);
  if (!r.state) return `(cannot tell: ${r.note})`;
  const n = notReady(r.state);
  return n.length ? n.join(", ") : "nothing not ready (helm is finishing)";
}
