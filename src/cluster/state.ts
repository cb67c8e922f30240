// What `cluster up` started, kept in <workDir>/cluster/<provider>/state.json so `cluster down` (often a
// separate process) stops exactly those processes and nothing else.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ProviderName } from "./provider.js";

export interface ProcessRecord {
  name: string;
  pid: number;
  /** argv[0], checked against /proc before any signal so a recycled pid is never hit. */
  binary: string;
  log: string;
}

export interface ClusterState {
  provider: ProviderName;
  dir: string;
  kubeconfig: string;
  server: string;
  processes: ProcessRecord[];
  /** Provider-specific extras (e.g. kind's cluster name). */
  extra?: Record<string, string>;
}

export function clusterDir(workDir: string, provider: ProviderName): string {
  return path.join(workDir, "cluster", provider);
}

export function statePath(workDir: string, provider: ProviderName): string {
  return path.join(clusterDir(workDir, provider), "state.json");
}

export async function writeState(workDir: string, state: ClusterState): Promise<void> {
  const file = statePath(workDir, state.provider);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(state, null, 2)}\n`);
}

export async function readState(workDir: string, provider: ProviderName): Promise<ClusterState | undefined> {
  try {
    return JSON.parse(await readFile(statePath(workDir, provider), "utf8")) as ClusterState;
  } catch {
    return undefined;
  }
}

export async function removeState(workDir: string, provider: ProviderName): Promise<void> {
  await rm(statePath(workDir, provider), { force: true });
}
