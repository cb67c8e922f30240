// `helm dependency build` before render, once per chart (not per cell). A chart whose Chart.yaml lists a
// dependency that charts/ does not hold (or holds at another version than Chart.lock pins) makes helm
// template/lint fail with "found in Chart.yaml, but missing in charts/ directory"; the gate builds it
// first, and when that cannot work says which dependency, from which repository, at which Chart.yaml line.
//
// Where: into a temporary copy of the chart under the work dir, never in place. In place would write
// charts/*.tgz and Chart.lock into the user's checkout (a dirty tree in CI, files a local run leaves behind
// to be committed by accident, and a race with anything else reading the chart). The copy keeps the
// chart's folder name and Chart.yaml byte for byte (so Chart.lock's digest still matches and helm's
// messages name the same files); relative `file://` repositories still resolve because their targets are
// symlinked at the same relative place beside the copy.
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, symlink } from "node:fs/promises";
import path from "node:path";
import semver from "semver";
import type { HelmMajor } from "../config/inputs.js";
import { relPosix } from "../core/paths.js";
import type { SourcePosition } from "../core/rendered.js";
import { runTool } from "../exec/runner.js";
import { loadChart } from "../values/subcharts.js";
import { parseYamlText } from "../values/yaml.js";
import { helmDependencyBuildArgv } from "./argv.js";

export interface DeclaredDependency {
  name: string;
  version?: string;
  repository?: string;
  /** The Chart.yaml line of its `repository:` (else of the list item). */
  at: SourcePosition;
}

export interface DependencyNeed {
  dep: DeclaredDependency;
  /** Why charts/ does not do as it is. */
  reason: string;
}

export interface DependencyProblem {
  message: string;
  at: SourcePosition;
}

export interface PreparedChart {
  /** The folder helm should render: the chart's own, or the copy with its dependencies built. */
  dirAbs: string;
  built: boolean;
  problems: DependencyProblem[];
}

const rel = relPosix;
const isLocal = (repo: string | undefined) => typeof repo === "string" && repo.startsWith("file://");

function declared(chartAbs: string, cwd: string): DeclaredDependency[] {
  const file = rel(cwd, path.join(chartAbs, "Chart.yaml"));
  const y = parseYamlText(readFileSync(path.join(chartAbs, "Chart.yaml"), "utf8"), file);
  const deps = (y.value as { dependencies?: unknown } | null)?.dependencies;
  if (!Array.isArray(deps)) return [];
  return deps.flatMap((d, i) => {
    if (!d || typeof d.name !== "string") return [];
    const at = y.positionOf(["dependencies", i, "repository"]) ??
      y.positionOf(["dependencies", i]) ?? { file, line: 1 };
    return [
      {
        name: d.name,
        ...(d.version !== undefined ? { version: String(d.version) } : {}),
        ...(typeof d.repository === "string" && d.repository ? { repository: d.repository } : {}),
        at,
      },
    ];
  });
}

function lockedVersions(chartAbs: string): Map<string, string> {
  const out = new Map<string, string>();
  const lock = path.join(chartAbs, "Chart.lock");
  if (!existsSync(lock)) return out;
  const v = parseYamlText(readFileSync(lock, "utf8"), "Chart.lock").value as { dependencies?: unknown };
  for (const d of Array.isArray(v?.dependencies) ? v.dependencies : [])
    if (d && typeof d.name === "string") out.set(d.name, String(d.version ?? ""));
  return out;
}

/** The dependencies charts/ does not satisfy: missing, or not at Chart.lock's version (else not in
 * Chart.yaml's range). Empty when everything is vendored as pinned: then nothing runs, no network. */
export async function dependencyNeeds(chartAbs: string, cwd: string): Promise<DependencyNeed[]> {
  const deps = declared(chartAbs, cwd);
  if (!deps.length) return [];
  const children = (await loadChart(chartAbs, cwd))?.children ?? [];
  const locked = lockedVersions(chartAbs);
  const out: DependencyNeed[] = [];
  for (const dep of deps) {
    const have = children.filter((c) => c.name === dep.name).map((c) => c.version);
    const pinned = locked.get(dep.name);
    if (!have.length) out.push({ dep, reason: "not in charts/" });
    else if (pinned && !have.includes(pinned))
      out.push({ dep, reason: `charts/ has ${have.join(", ")}, Chart.lock pins ${pinned}` });
    else if (
      !pinned &&
      dep.version &&
      semver.validRange(dep.version) &&
      !have.some((v) => semver.valid(v) && semver.satisfies(v, dep.version!))
    )
      out.push({ dep, reason: `charts/ has ${have.join(", ")}, Chart.yaml wants ${dep.version}` });
  }
  return out;
}

/** Copies the chart into `root` so that its relative file:// repositories resolve (see the header). */
async function copyWithLocalRepos(chartAbs: string, root: string, deps: DeclaredDependency[]) {
  const relPaths = deps
    .filter((d) => isLocal(d.repository) && !path.isAbsolute(d.repository!.slice("file://".length)))
    .map((d) => d.repository!.slice("file://".length));
  const ups = Math.max(
    0,
    ...relPaths.map(
      (p) =>
        path
          .normalize(p)
          .split(/[\\/]/)
          .filter((s) => s === "..").length,
    ),
  );
  const copy = path.join(
    root,
    ...Array.from({ length: ups }, (_, i) => `up${i + 1}`),
    path.basename(chartAbs),
  );
  await mkdir(path.dirname(copy), { recursive: true });
  await cp(chartAbs, copy, { recursive: true });
  for (const p of relPaths) {
    const target = path.resolve(chartAbs, p);
    const link = path.resolve(copy, p);
    const inCopy = !path.relative(copy, link).startsWith("..");
    if (inCopy || existsSync(link)) continue; // inside the chart: copied along
    await mkdir(path.dirname(link), { recursive: true });
    await symlink(target, link, "dir");
  }
  return copy;
}

/** Helm's reason in one line: the repository's own error when it could not be reached (helm's final
 * "no cached repository for helm-manager-<hash>" says nothing useful), else its last `Error:` line. */
function helmError(out: string): string {
  const lines = out.split("\n").map((l) => l.trim());
  const unreachable = lines.findIndex((l) => /Unable to get an update from/.test(l));
  if (unreachable >= 0 && lines[unreachable + 1]) return lines[unreachable + 1]!;
  const err = lines.filter((l) => l.startsWith("Error:")).pop() ?? lines.filter(Boolean).pop() ?? "";
  return err.replace(/^Error:\s*/, "");
}

/**
 * Makes the chart's dependencies present for helm: nothing when charts/ already satisfies Chart.yaml and
 * Chart.lock; else `helm dependency build` into a copy under `workDir` (offline unless a missing
 * dependency is remote). A build that fails becomes one problem per unsatisfied dependency at its
 * Chart.yaml line (or one for a Chart.lock out of sync), never an exception.
 */
export async function prepareDependencies(
  chartAbs: string,
  cwd: string,
  helm: { bin: string; major: HelmMajor },
  workDir: string,
): Promise<PreparedChart> {
  const needs = await dependencyNeeds(chartAbs, cwd);
  if (!needs.length) return { dirAbs: chartAbs, built: false, problems: [] };
  const shown = rel(cwd, chartAbs);
  await mkdir(workDir, { recursive: true });
  const root = await mkdtemp(path.join(workDir, "gate-deps-"));
  const copy = await copyWithLocalRepos(chartAbs, root, declared(chartAbs, cwd));
  const remote = needs.some((n) => !isLocal(n.dep.repository));
  const r = await runTool(
    helmDependencyBuildArgv({ bin: helm.bin, major: helm.major, chartDir: copy, refresh: remote }),
    { cwd },
  );
  if (r.code === 0) return { dirAbs: copy, built: true, problems: [] };
  const says = helmError(`${r.stderr}\n${r.stdout}`).replaceAll(copy, shown);
  if (/out of sync/i.test(says)) {
    return {
      dirAbs: chartAbs,
      built: false,
      problems: [
        {
          message: `Chart.lock is out of sync with the dependencies in Chart.yaml, so helm dependency build refuses to fetch ${needs.map((n) => `'${n.dep.name}'`).join(", ")} (${needs[0]!.reason}): run 'helm dependency update ${shown}' and commit Chart.lock and charts/`,
          at: needs[0]!.dep.at,
        },
      ],
    };
  }
  return {
    dirAbs: chartAbs,
    built: false,
    problems: needs.map(({ dep, reason }) => {
      const what = `dependency '${dep.name}'${dep.version ? ` ${dep.version}` : ""}`;
      const message = !dep.repository
        ? `${what} is ${reason} and Chart.yaml names no repository to build it from: vendor it under ${shown}/charts/ or add its repository`
        : isLocal(dep.repository)
          ? `${what} from ${dep.repository} is ${reason} and helm dependency build failed: ${says}`
          : `${what} from ${dep.repository} is ${reason} and cannot be downloaded (no network, or the repository is unreachable): vendor it with 'helm dependency build ${shown}' and commit charts/ and Chart.lock, or run the gate with network access (helm: ${says})`;
      return { message, at: dep.at };
    }),
  };
}
