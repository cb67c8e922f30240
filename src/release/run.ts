// `floe-helm release`: publish every chart to an OCI registry, idempotently. Per chart (sorted by folder):
// read name and version from Chart.yaml -> ask the registry whether that version is there (`helm show
// chart`): yes -> skipped; "not found" -> `helm package` + `helm push`; any other answer (unauthorized,
// unreachable) -> an error finding and no push, since pushing blind could only fail the same way or worse.
// With a username and FLOE_HELM_REGISTRY_PASSWORD, `helm registry login` runs first, the password on its
// stdin (never on a command line); without them, helm uses the logins it already has.
//
// Library charts (`type: library`, e.g. charts/floe-common) are published too, before the charts (a
// library is a versioned chart others may depend on from the registry; the charts that depend on it here
// carry it packed inside their own package anyway). Dependencies charts/ already holds as Chart.lock pins
// them (vendored) are packaged as they are: `--dependency-update` only runs when something is missing, so
// a release does not rewrite the checkout's charts/*.tgz and Chart.lock.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import semver from "semver";
import type { HelmMajor, Inputs } from "../config/inputs.js";
import { ToolError, UserError } from "../core/errors.js";
import type { Finding } from "../core/findings.js";
import { runTool } from "../exec/runner.js";
import { dependencyNeeds } from "../helm/deps.js";
import { helmRunEnv } from "../helm/env.js";
import { chartFoldersUnder } from "../plan/plan.js";
import type { PhaseContext } from "../report/phase.js";
import { parseYamlText } from "../values/yaml.js";
import {
  helmPackageArgv,
  helmPushArgv,
  helmRegistryLoginArgv,
  helmShowPublishedArgv,
  isNotFound,
  ociTag,
  pushedDigest,
  type RegistryRef,
  registryHost,
} from "./argv.js";
import { normalizePackage, packageMtime } from "./reproducible.js";

export const RELEASE_RULE = "release";

export interface ReleaseOptions extends RegistryRef {
  cwd: string;
  /** The environment helm runs with (the CLI's: helm's config, cache and registry logins follow it). */
  env: NodeJS.ProcessEnv;
  /** Folder whose sub-folders holding a Chart.yaml are published (when no --chart is given). */
  chartsDir: string;
  major: HelmMajor;
  /** Package and report, push nothing. */
  dryRun: boolean;
  /** Log in first with these (the password from FLOE_HELM_REGISTRY_PASSWORD only). */
  login?: { username: string; password: string };
}

const firstLine = (s: string) => s.trim().split("\n")[0] ?? "";

/** name and version of a Chart.yaml, or findings at the offending lines. */
export async function chartIdentity(
  chartDir: string,
  cwd: string,
): Promise<{ name: string; version: string; dependencies: boolean } | { findings: Finding[] }> {
  const file = path.relative(cwd, path.join(chartDir, "Chart.yaml")) || "Chart.yaml";
  let text: string;
  try {
    text = await readFile(path.join(chartDir, "Chart.yaml"), "utf8");
  } catch {
    return {
      findings: [{ rule: RELEASE_RULE, severity: "error", message: "no Chart.yaml: not a chart", file }],
    };
  }
  const y = parseYamlText(text, file);
  if (y.problems.length)
    return {
      findings: y.problems.map((p) => ({
        rule: RELEASE_RULE,
        severity: "error",
        message: p.message,
        ...p.at,
      })),
    };
  const meta = (y.value ?? {}) as Record<string, unknown>;
  const findings: Finding[] = [];
  const at = (key: string) => y.positionOf([key]) ?? { file, line: 1, col: 1 };
  const { name, version } = meta;
  if (typeof name !== "string" || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name))
    findings.push({
      rule: RELEASE_RULE,
      severity: "error",
      message: `name: expected a chart name of lower-case letters, digits and '-' (it becomes the OCI repository name), got ${JSON.stringify(name ?? null)}`,
      ...at("name"),
    });
  if (typeof version !== "string" || !semver.valid(version))
    findings.push({
      rule: RELEASE_RULE,
      severity: "error",
      message: `version: expected a SemVer 2 string such as "1.2.3" (helm package and the registry tag need one), got ${typeof version === "number" ? `the number ${version}` : JSON.stringify(version ?? null)}`,
      ...at("version"),
    });
  if (findings.length) return { findings };
  const deps = meta.dependencies;
  return {
    name: name as string,
    version: version as string,
    // Only when charts/ does not already hold them as pinned (see the header).
    dependencies: Array.isArray(deps) && deps.length > 0 && (await dependencyNeeds(chartDir, cwd)).length > 0,
  };
}

export async function runRelease(ctx: PhaseContext, inputs: Inputs, opts: ReleaseOptions): Promise<void> {
  const { cwd } = opts;
  const chartsDir = path.resolve(cwd, opts.chartsDir);
  const mtime = packageMtime(opts.env);
  if (!inputs.charts.length && !existsSync(chartsDir))
    throw new UserError(`--charts-dir: ${chartsDir} does not exist`);
  const found = inputs.charts.length ? inputs.charts : await chartFoldersUnder(chartsDir);
  // Library charts first (see the header), each group in folder order.
  const isLibrary = async (d: string) => {
    const text = await readFile(path.join(d, "Chart.yaml"), "utf8").catch(() => "");
    return (parseYamlText(text, "Chart.yaml").value as { type?: unknown } | null)?.type === "library";
  };
  const libraries = new Set<string>();
  for (const d of found) if (await isLibrary(d)) libraries.add(d);
  const charts = [...found.filter((d) => libraries.has(d)), ...found.filter((d) => !libraries.has(d))];
  if (charts.length === 0)
    throw new UserError(`no chart to publish: no folder with a Chart.yaml under ${opts.chartsDir}`);
  const helm = await helmFor(inputs, opts.major, ctx);
  const env = helmRunEnv(opts.env);
  if (opts.login) {
    const login = await runTool(helmRegistryLoginArgv(helm, opts, opts.login.username), {
      cwd,
      env,
      input: opts.login.password,
      timeoutMs: 120_000,
    });
    // The registry is unreachable or refused the login: helm's own line says which (exit 3, not bad input).
    if (login.code !== 0)
      throw new ToolError(
        `helm registry login ${registryHost(opts.registry)} as ${opts.login.username} failed: ${firstLine(login.stderr || login.stdout)}`,
      );
    ctx.progress(`release: logged in to ${registryHost(opts.registry)} as ${opts.login.username}`);
  }
  const packages = path.join(inputs.workDir, "release", "packages");
  await rm(packages, { recursive: true, force: true });
  await mkdir(packages, { recursive: true });
  const published: string[] = [];
  // `<name>-<version>.tgz sha256:<hex>` per chart packaged: reproducible (see reproducible.ts).
  const packaged: string[] = [];

  for (const dir of charts) {
    const rel = path.relative(cwd, dir) || ".";
    const id = await chartIdentity(dir, cwd);
    if ("findings" in id) {
      for (const f of id.findings) ctx.add({ ...f, chart: path.basename(dir) });
      ctx.check({ id: `release ${rel}`, rule: RELEASE_RULE, state: "fail" });
      continue;
    }
    const { name, version } = id;
    const chartFile = path.relative(cwd, path.join(dir, "Chart.yaml"));
    const checkId = `release ${name} ${version}`;
    const ref = `${opts.registry}/${name}:${ociTag(version)}`;
    const fail = (message: string, t0: number) => {
      ctx.add({ rule: RELEASE_RULE, severity: "error", message, file: chartFile, line: 1, chart: name });
      ctx.check({ id: checkId, rule: RELEASE_RULE, state: "fail", durationMs: Date.now() - t0 });
    };
    const t0 = Date.now();
    ctx.progress(`release: ${name} ${version}: is it in ${opts.registry}?`);
    const show = await runTool(helmShowPublishedArgv(helm, opts, name, version), {
      cwd,
      env,
      timeoutMs: 120_000,
    });
    if (show.code === 0) {
      ctx.progress(`release: ${ref} is already published: skipped`);
      ctx.check({
        id: checkId,
        rule: RELEASE_RULE,
        state: "skip",
        reason: `${ref} is already published (bump version in Chart.yaml to publish a change)`,
        durationMs: Date.now() - t0,
      });
      continue;
    }
    if (!isNotFound(show.stderr)) {
      fail(
        `cannot tell whether ${name} ${version} is in ${opts.registry} (nothing pushed): ${firstLine(show.stderr || show.stdout)}`,
        t0,
      );
      continue;
    }
    const pkg = await runTool(helmPackageArgv(helm, dir, packages, id.dependencies), {
      cwd,
      env,
      timeoutMs: 300_000,
    });
    const tgz =
      /saved it to:\s*(\S+\.tgz)/.exec(pkg.stdout)?.[1] ?? path.join(packages, `${name}-${version}.tgz`);
    if (pkg.code !== 0 || !existsSync(tgz)) {
      fail(`helm package ${rel} failed: ${firstLine(pkg.stderr || pkg.stdout)}`, t0);
      continue;
    }
    const sha = await normalizePackage(tgz, mtime);
    packaged.push(`${path.basename(tgz)} ${sha}`);
    ctx.progress(`release: packaged ${path.basename(tgz)} (${sha})`);
    if (opts.dryRun) {
      ctx.progress(`release: ${ref}: packaged (${path.relative(cwd, tgz)}), not pushed (--dry-run)`);
      ctx.check({
        id: checkId,
        rule: RELEASE_RULE,
        state: "skip",
        reason: `dry run: ${path.basename(tgz)} packaged (${sha}), not pushed`,
        durationMs: Date.now() - t0,
      });
      continue;
    }
    const push = await runTool(helmPushArgv(helm, opts, tgz), { cwd, env, timeoutMs: 300_000 });
    const digest = pushedDigest(`${push.stdout}\n${push.stderr}`);
    if (push.code !== 0 || !digest) {
      fail(
        `helm push ${path.basename(tgz)} to ${opts.registry} failed: ${firstLine(push.stderr || push.stdout)}`,
        t0,
      );
      continue;
    }
    published.push(`${ref}@${digest}`);
    ctx.progress(`release: published ${ref}@${digest}`);
    ctx.check({ id: checkId, rule: RELEASE_RULE, state: "pass", durationMs: Date.now() - t0 });
  }
  ctx.output("published", published.join("\n"));
  ctx.output("packages", packaged.join("\n"));
}

/** helm from --tools-dir, else from the installer (pinned, checksum-verified, cached). */
async function helmFor(inputs: Inputs, major: HelmMajor, ctx: PhaseContext): Promise<string> {
  // The installer (and the HTTP client under it) is loaded only when it is used.
  const { resolveTools } = await import("../tools/resolve.js");
  const slot = major === 3 ? "helm3" : "helm4";
  return (await resolveTools(inputs, [slot], { warn: ctx.progress, progress: ctx.progress }))[slot];
}
