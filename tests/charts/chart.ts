// Shared helpers for the floe-platform chart tests: the scenario list, rendering with the real helm 3/4
// binaries (never PATH), and strict YAML parsing of what helm printed.
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { parseAllDocuments } from "yaml";
import { helm, repoRoot } from "../helpers/tools.js";

const exec = promisify(execFile);

export const chartDir = path.join(repoRoot, "charts", "floe-platform");
export const RELEASE = "floe";
export const NAMESPACE = "floe-ns";
export const majors = [3, 4] as const;
export type Major = (typeof majors)[number];

export interface ChartScenario {
  name: string;
  /** Values files relative to the chart folder (values.yaml itself is always applied by helm). */
  files: string[];
}

/** values.yaml alone, every environment file, every ci/*-values.yaml. */
export const scenarios: ChartScenario[] = [
  { name: "default", files: [] },
  ...["dev", "test", "staging", "prod"].map((e) => ({ name: e, files: [`values-${e}.yaml`] })),
  ...readdirSync(path.join(chartDir, "ci"))
    .filter((f) => f.endsWith("-values.yaml"))
    .sort()
    .map((f) => ({ name: `ci/${f.replace(/-values\.yaml$/, "")}`, files: [`ci/${f}`] })),
];

export const scenarioMatrix = scenarios.flatMap((s) => majors.map((m) => ({ ...s, major: m })));

export interface HelmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** helm with `args` in a chart's folder (floe-platform unless `cwd` names another). */
export async function runHelm(
  major: Major,
  args: string[],
  env?: NodeJS.ProcessEnv,
  cwd: string = chartDir,
): Promise<HelmResult> {
  try {
    const { stdout, stderr } = await exec(helm(major), args, {
      cwd,
      env: env ?? process.env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof err.code === "number" ? err.code : 1,
      stdout: err.stdout ?? "",
      stderr: err.stderr ?? "",
    };
  }
}

export function valuesArgs(files: string[]): string[] {
  return files.flatMap((f) => ["-f", f]);
}

/** A Kubernetes object as rendered (loosely typed: tests index into it). */
// biome-ignore lint/suspicious/noExplicitAny: rendered manifests are arbitrary YAML
export type K8s = Record<string, any>;

export interface Rendered {
  text: string;
  objects: K8s[];
  /** Raw YAML text of each object, exactly as helm printed it (keeps quoting for other tools). */
  sources: string[];
}

/** Parses helm output strictly: a duplicate key or any YAML error fails (YAML would keep the last one). */
export function parseManifests(text: string): Rendered {
  const objects: K8s[] = [];
  const sources: string[] = [];
  for (const doc of parseAllDocuments(text, { uniqueKeys: true })) {
    if (doc.errors.length > 0) throw new Error(`invalid YAML from helm: ${doc.errors[0]?.message}`);
    const obj = doc.toJS() as K8s | null;
    if (!obj) continue;
    objects.push(obj);
    sources.push(doc.toString());
  }
  return { text, objects, sources };
}

/** `helm template` (with --include-crds off, tests included) -> parsed objects; throws with helm's error. */
export async function render(major: Major, args: string[] = []): Promise<Rendered> {
  const r = await runHelm(major, ["template", RELEASE, ".", "--namespace", NAMESPACE, ...args]);
  if (r.code !== 0) throw new Error(`helm${major} template failed: ${r.stderr.trim()}`);
  return parseManifests(r.stdout);
}

/** Renders and returns helm's error text (expects failure). */
export async function renderError(major: Major, args: string[]): Promise<string> {
  const r = await runHelm(major, ["template", RELEASE, ".", "--namespace", NAMESPACE, ...args]);
  if (r.code === 0) throw new Error(`helm${major} template unexpectedly succeeded for ${args.join(" ")}`);
  return r.stderr;
}

export const WORKLOAD_KINDS = ["Deployment", "StatefulSet", "Job", "Pod"] as const;

export function workloads(objects: K8s[]): K8s[] {
  return objects.filter((o) => (WORKLOAD_KINDS as readonly string[]).includes(o.kind));
}

/** Pod spec of a workload. */
export function podSpec(o: K8s): K8s {
  return o.kind === "Pod" ? o.spec : o.spec.template.spec;
}

/** Pod metadata (labels/annotations) of a workload. */
export function podMeta(o: K8s): K8s {
  return o.kind === "Pod" ? o.metadata : o.spec.template.metadata;
}

export function containersOf(o: K8s): K8s[] {
  const s = podSpec(o);
  return [...(s.initContainers ?? []), ...(s.containers ?? [])];
}

export function find(objects: K8s[], kind: string, name: string): K8s | undefined {
  return objects.find((o) => o.kind === kind && o.metadata?.name === name);
}

export function names(objects: K8s[], kind: string): string[] {
  return objects.filter((o) => o.kind === kind).map((o) => o.metadata.name as string);
}

/** Full object name of a component for the release used in tests. */
export function nm(component: string): string {
  return `${RELEASE}-floe-platform-${component}`;
}

/** Components (app.kubernetes.io/component) that have at least one pod-bearing workload. */
export function componentsWithPods(objects: K8s[]): string[] {
  return [
    ...new Set(workloads(objects).map((o) => podMeta(o).labels?.["app.kubernetes.io/component"])),
  ].sort();
}
