// The base revision, read from git without touching the user's checkout: the ref is resolved to a commit,
// the files the comparison needs (chart folders, scenario values files, file:// dependencies) are listed
// at that commit and exported with `git archive` into a temporary folder under the work dir. Nothing is
// checked out, no index or worktree metadata is written. argv builders are pure (tests/upgrade/git.test.ts).
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { ToolError, UserError } from "../core/errors.js";
import { toPosix as posix } from "../core/paths.js";
import { runTool } from "../exec/runner.js";
import { parseYamlText } from "../values/yaml.js";

export const GIT = "git";

export const gitArgv = {
  toplevel: (): string[] => [GIT, "rev-parse", "--show-toplevel"],
  /** `^{commit}` peels a tag to its commit; --verify --quiet: one line or nothing. */
  resolve: (ref: string): string[] => [GIT, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`],
  mergeBase: (a: string, b: string): string[] => [GIT, "merge-base", a, b],
  isShallow: (): string[] => [GIT, "rev-parse", "--is-shallow-repository"],
  /** Every file under `paths` at `commit` (NUL-separated), to know which of them exist there. */
  listFiles: (commit: string, paths: readonly string[]): string[] => [
    GIT,
    "ls-tree",
    "-r",
    "-z",
    "--name-only",
    commit,
    "--",
    ...paths,
  ],
  /** Files under `paths` that differ between `commit` and the work tree (tracked files, NUL-separated). */
  changedSince: (commit: string, paths: readonly string[]): string[] => [
    GIT,
    "diff",
    "-z",
    "--name-only",
    "--no-renames",
    commit,
    "--",
    ...paths,
  ],
  archive: (commit: string, tarFile: string, paths: readonly string[]): string[] => [
    GIT,
    "archive",
    "--format=tar",
    `--output=${tarFile}`,
    commit,
    "--",
    ...paths,
  ],
};

/** A ref that git would read as an option is refused rather than passed on. */
export function checkRef(ref: string, source: string): string {
  if (ref === "" || ref.startsWith("-") || /[\s\0]/.test(ref)) {
    throw new UserError(`${source}: '${ref}' is not a git ref (e.g. origin/main, v1.2.0, HEAD~1)`);
  }
  return ref;
}

const firstLine = (s: string) => s.trim().split("\n")[0] ?? "";

/** The repository's top folder; a usage error when `cwd` is not inside a git work tree. */
export async function gitToplevel(cwd: string): Promise<string> {
  const r = await runTool(gitArgv.toplevel(), { cwd });
  if (r.code !== 0) {
    throw new UserError(
      `--base needs a git repository, and ${cwd} is not inside one (git: ${firstLine(r.stderr)}); compare with a published chart instead: --base-chart DIR|FILE.tgz`,
    );
  }
  return r.stdout.trim();
}

async function shallowHint(top: string): Promise<string> {
  const r = await runTool(gitArgv.isShallow(), { cwd: top });
  return r.stdout.trim() === "true" ? " (this clone is shallow)" : "";
}

/** The commit a ref names, or one error naming the ref and how to get it. */
export async function resolveCommit(top: string, ref: string, source: string): Promise<string> {
  checkRef(ref, source);
  const r = await runTool(gitArgv.resolve(ref), { cwd: top });
  if (r.code === 0 && r.stdout.trim()) return r.stdout.trim();
  throw new UserError(
    `${source}: git ref '${ref}' is not in this clone${await shallowHint(top)}: ${
      /[~^@]/.test(ref)
        ? "fetch more history (git fetch --unshallow)"
        : `fetch it (git fetch origin ${ref.replace(/^origin\//, "")})`
    }, or in GitHub Actions check out with actions/checkout fetch-depth: 0`,
  );
}

export interface BaseRevision {
  /** Full commit id. */
  commit: string;
  /** How the user named it, for messages: `origin/main` (merge base), `HEAD~1`. */
  label: string;
}

/** --base as given, else the merge base of HEAD with origin/$GITHUB_BASE_REF (a pull request in Actions),
 * else a usage error saying what to pass. */
export async function resolveBase(
  top: string,
  base: string | undefined,
  githubBaseRef: string | undefined,
): Promise<BaseRevision> {
  if (base) {
    const commit = await resolveCommit(top, base, "--base (FLOE_HELM_UPGRADE_BASE)");
    return { commit, label: commit.startsWith(base) ? commit.slice(0, 7) : `${base} ${commit.slice(0, 7)}` };
  }
  if (githubBaseRef) {
    const target = `origin/${githubBaseRef}`;
    const tip = await resolveCommit(top, target, "GITHUB_BASE_REF");
    const r = await runTool(gitArgv.mergeBase("HEAD", tip), { cwd: top });
    if (r.code !== 0 || !r.stdout.trim()) {
      throw new UserError(
        `GITHUB_BASE_REF: HEAD and ${target} have no merge base in this clone${await shallowHint(top)}: check out with actions/checkout fetch-depth: 0, or pass --base REF`,
      );
    }
    const commit = r.stdout.trim();
    return { commit, label: `merge base with ${target} ${commit.slice(0, 7)}` };
  }
  throw new UserError(
    "upgrade-check needs a base to compare with: pass --base REF (a git ref such as origin/main or v1.2.0; env FLOE_HELM_UPGRADE_BASE) or --base-chart DIR|FILE.tgz (a published chart); in a pull_request workflow the merge base with GITHUB_BASE_REF is used",
  );
}

/** `paths` (relative to `top`) that exist at `commit`: a file itself, or a folder holding files. */
export function presentPaths(listed: readonly string[], paths: readonly string[]): string[] {
  return paths.filter((p) => listed.some((f) => f === p || f.startsWith(`${p}/`)));
}

/** Relative `file://` dependency folders of the chart at `chartAbs`, relative to `top`. */
function localDependencies(chartAbs: string, top: string): string[] {
  const file = path.join(chartAbs, "Chart.yaml");
  if (!existsSync(file)) return [];
  const v = parseYamlText(readFileSync(file, "utf8"), "Chart.yaml").value as { dependencies?: unknown };
  const deps = Array.isArray(v?.dependencies) ? v.dependencies : [];
  return deps
    .map((d) => (d as { repository?: unknown })?.repository)
    .filter((r): r is string => typeof r === "string" && r.startsWith("file://"))
    .map((r) => r.slice("file://".length))
    .filter((r) => !path.isAbsolute(r))
    .map((r) => posix(path.relative(top, path.resolve(chartAbs, r))))
    .filter((r) => r !== "" && !r.startsWith(".."));
}

/**
 * Exports `paths` (relative to `top`) as they are at `commit` into `dest`, plus the file:// dependencies
 * of the charts among them. Returns the paths that exist at the commit (the others are new in the change).
 */
export async function exportAtCommit(
  top: string,
  commit: string,
  paths: readonly string[],
  dest: string,
): Promise<Set<string>> {
  await mkdir(dest, { recursive: true });
  const present = new Set<string>();
  let todo = [...new Set(paths)];
  // Dependencies may name further folders: a few rounds at most (a chain of local charts).
  for (let round = 0; round < 5 && todo.length; round++) {
    const ls = await runTool(gitArgv.listFiles(commit, todo), { cwd: top });
    if (ls.code !== 0)
      throw new ToolError(`git ls-tree ${commit.slice(0, 7)} failed: ${firstLine(ls.stderr)}`);
    const found = presentPaths(ls.stdout.split("\0").filter(Boolean), todo);
    if (!found.length) break;
    const tarFile = path.join(dest, `.base-${round}.tar`);
    const ar = await runTool(gitArgv.archive(commit, tarFile, found), { cwd: top });
    if (ar.code !== 0)
      throw new ToolError(`git archive ${commit.slice(0, 7)} failed: ${firstLine(ar.stderr)}`);
    const tar = await import("tar");
    await tar.x({ file: tarFile, cwd: dest });
    await rm(tarFile, { force: true });
    for (const p of found) present.add(p);
    const covered = (p: string) => [...present].some((q) => p === q || p.startsWith(`${q}/`));
    todo = found
      .flatMap((p) => localDependencies(path.join(dest, p), dest))
      .filter((p) => !covered(p) && !todo.includes(p));
  }
  return present;
}
