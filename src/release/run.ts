// `floe-helm release`: publish every chart to an OCI registry and/or a Helm repository folder (gh-pages),
// idempotently. Per chart (sorted by folder): read name and version from Chart.yaml -> ask the registry
// whether that version is there (`helm show chart`) and look it up in the folder's index.yaml: where it is,
// it is left alone; where it is not, `helm package` (repacked reproducibly) + `helm push` / copy and index
// entry; a chart both targets have is skipped. Any other registry answer (unauthorized, unreachable) -> an
// error finding and nothing published, since pushing blind could only fail the same way or worse.
// With a username and FLOE_HELM_REGISTRY_PASSWORD, `helm registry login` runs first, the password on its
// stdin (never on a command line); without them, helm uses the logins it already has.
//
// Library charts (`type: library`, e.g. charts/floe-common) are published too, before the charts (a
// library is a versioned chart others may depend on from the registry; the charts that depend on it here
// carry it packed inside their own package anyway). Dependencies charts/ already holds as Chart.lock pins
// them (vendored) are packaged as they are: `--dependency-update` only runs when something is missing, so
// a release does not rewrite the checkout's charts/*.tgz and Chart.lock.
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import semver from "semver";
import type { HelmMajor, Inputs } from "../config/inputs.js";
import { ToolError, UserError } from "../core/errors.js";
import type { Finding } from "../core/findings.js";
import { relPosix } from "../core/paths.js";
import { runTool } from "../exec/runner.js";
import { dependencyNeeds } from "../helm/deps.js";
import { helmRunEnv } from "../helm/env.js";
import { chartFoldersUnder } from "../plan/plan.js";
import type { PhaseContext } from "../report/phase.js";
import { sourceCommit } from "../report/source.js";
import { parseYamlText } from "../values/yaml.js";
import {
  helmPackageArgv,
  helmPushArgv,
  helmRegistryLoginArgv,
  helmRepoIndexArgv,
  helmShowPublishedArgv,
  isNotFound,
  ociTag,
  pushedDigest,
  type RegistryRef,
  registryHost,
} from "./argv.js";
import { provenancePredicate } from "./provenance.js";
import { addEntry, INDEX_FILE, indexHas, loadIndex, saveIndex } from "./repo-index.js";
import { normalizePackage, packageMtime } from "./reproducible.js";
import { ensureSigned, prepareSigning, type SignSettings, signAndVerify } from "./signing.js";

export const RELEASE_RULE = "release";

export interface ReleaseOptions {
  cwd: string;
  /** The environment helm runs with (the CLI's: helm's config, cache and registry logins follow it). */
  env: NodeJS.ProcessEnv;
  /** Folder whose sub-folders holding a Chart.yaml are published (when no --chart is given). */
  chartsDir: string;
  major: HelmMajor;
  /** Package and report, push nothing. */
  dryRun: boolean;
  /** The OCI registry to push to, if any. */
  oci?: RegistryRef;
  /** A Helm repository folder (a gh-pages checkout) to add packages and index.yaml entries to, if any. */
  index?: { dir: string; url?: string };
  /** Log in first with these (the password from FLOE_HELM_REGISTRY_PASSWORD only). */
  login?: { username: string; password: string };
  /** Sign each pushed chart's digest with cosign, then verify it (see signing.ts). */
  sign?: SignSettings;
  /** `created` of new index entries and the index's `generated` (tests pin it). */
  now?: () => Date;
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
  const indexDir = opts.index ? path.resolve(cwd, opts.index.dir) : undefined;
  if (indexDir && !existsSync(indexDir))
    throw new UserError(
      `--index-dir: ${indexDir} does not exist (check out the gh-pages branch there first)`,
    );
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
  const { oci } = opts;
  if (opts.login && oci) {
    const login = await runTool(helmRegistryLoginArgv(helm, oci, opts.login.username), {
      cwd,
      env,
      input: opts.login.password,
      timeoutMs: 120_000,
    });
    // The registry is unreachable or refused the login: helm's own line says which (exit 3, not bad input).
    if (login.code !== 0)
      throw new ToolError(
        `helm registry login ${registryHost(oci.registry)} as ${opts.login.username} failed: ${firstLine(login.stderr || login.stdout)}`,
      );
    ctx.progress(`release: logged in to ${registryHost(oci.registry)} as ${opts.login.username}`);
  }
  // Before any push: a key that cannot be read (or a wrong password) must not leave charts pushed unsigned.
  const signer =
    opts.sign && oci && !opts.dryRun
      ? await prepareSigning(opts.sign, {
          cwd,
          env: opts.env,
          workDir: path.join(inputs.workDir, "release"),
          plainHttp: oci.plainHttp,
          toolsDir: inputs.toolsDir,
          loggedIn: opts.login !== undefined,
        })
      : undefined;
  const index = opts.index ? await loadIndex(indexDir!, opts.index.dir) : undefined;
  const indexShown = opts.index ? path.join(opts.index.dir, INDEX_FILE) : "";
  const packages = path.join(inputs.workDir, "release", "packages");
  await rm(packages, { recursive: true, force: true });
  await mkdir(packages, { recursive: true });
  const published: string[] = [];
  // `<name>-<version>.tgz sha256:<hex>` per chart packaged: reproducible (see reproducible.ts).
  const packaged: string[] = [];
  // `<name> <version>` per chart this run published somewhere (pushed, indexed or signed).
  const versions: string[] = [];
  // `<reference>@<digest> <signature reference>` per chart signed and verified.
  const signatures: string[] = [];
  // `<reference>@<digest> <attestation reference>` per chart whose SLSA provenance was attached and verified.
  const attestations: string[] = [];
  // `<name> <version> <url>` per entry added to the Helm repository index.
  const indexed: string[] = [];
  const source = signer ? await sourceCommit(cwd) : undefined;
  const startedOn = new Date();

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
    const ref = oci ? `${oci.registry}/${name}:${ociTag(version)}` : "";
    const fail = (message: string, t0: number) => {
      ctx.add({ rule: RELEASE_RULE, severity: "error", message, file: chartFile, line: 1, chart: name });
      ctx.check({ id: checkId, rule: RELEASE_RULE, state: "fail", durationMs: Date.now() - t0 });
    };
    const t0 = Date.now();
    const predicate = () =>
      provenancePredicate({
        chart: { name, version, path: relPosix(cwd, dir) },
        registry: oci?.registry ?? "",
        helmMajor: opts.major,
        ...(opts.env.SOURCE_DATE_EPOCH ? { sourceDateEpoch: mtime.getTime() / 1000 } : {}),
        ...(source ? { source } : {}),
        env: opts.env,
        startedOn,
      });
    // Where this version is already: each target that has it is left alone.
    const there: string[] = [];
    let push = false;
    let signedNow = false;
    if (oci) {
      ctx.progress(`release: ${name} ${version}: is it in ${oci.registry}?`);
      const show = await runTool(helmShowPublishedArgv(helm, oci, name, version), {
        cwd,
        env,
        timeoutMs: 120_000,
      });
      if (show.code === 0) {
        if (signer) {
          // Published: signed already (left alone), or pushed by a run that failed to sign it (signed now).
          const signed = await ensureSigned(signer, oci.registry, name, ociTag(version), predicate());
          if ("error" in signed) {
            fail(signed.error, t0);
            continue;
          }
          if (signed.signedNow) {
            signedNow = true;
            signatures.push(`${signed.target} ${signed.signature}`);
            attestations.push(`${signed.target} ${signed.attestation}`);
            ctx.progress(
              `release: ${ref} was published without a signature or provenance: signed, attested and verified ${signed.target}`,
            );
          }
          there.push(`${ref} is already published${signed.signedNow ? "" : ", signed and attested"}`);
        } else there.push(`${ref} is already published`);
      } else if (isNotFound(show.stderr)) push = true;
      else {
        fail(
          `cannot tell whether ${name} ${version} is in ${oci.registry} (nothing pushed): ${firstLine(show.stderr || show.stdout)}`,
          t0,
        );
        continue;
      }
    }
    const addToIndex = index !== undefined && !indexHas(index, name, version);
    if (index && !addToIndex) there.push(`${indexShown} already lists ${name} ${version}`);
    if (!push && !addToIndex && signedNow) {
      versions.push(`${name} ${version}`);
      ctx.check({ id: checkId, rule: RELEASE_RULE, state: "pass", durationMs: Date.now() - t0 });
      continue;
    }
    if (!push && !addToIndex) {
      ctx.progress(`release: ${there.join("; ")}: skipped`);
      ctx.check({
        id: checkId,
        rule: RELEASE_RULE,
        state: "skip",
        reason: `${there.join(" and ")} (bump version in Chart.yaml to publish a change)`,
        durationMs: Date.now() - t0,
      });
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
      ctx.progress(
        `release: ${name} ${version}: packaged (${path.relative(cwd, tgz)}), not published (--dry-run)`,
      );
      ctx.check({
        id: checkId,
        rule: RELEASE_RULE,
        state: "skip",
        reason: `dry run: ${path.basename(tgz)} packaged (${sha}), not pushed`,
        durationMs: Date.now() - t0,
      });
      continue;
    }
    if (push && oci) {
      const pushed = await runTool(helmPushArgv(helm, oci, tgz), { cwd, env, timeoutMs: 300_000 });
      const digest = pushedDigest(`${pushed.stdout}\n${pushed.stderr}`);
      if (pushed.code !== 0 || !digest) {
        fail(
          `helm push ${path.basename(tgz)} to ${oci.registry} failed: ${firstLine(pushed.stderr || pushed.stdout)}`,
          t0,
        );
        continue;
      }
      published.push(`${ref}@${digest}`);
      ctx.progress(`release: published ${ref}@${digest}`);
      if (signer) {
        const signed = await signAndVerify(signer, oci.registry, name, digest, predicate());
        if ("error" in signed) {
          fail(signed.error, t0);
          continue;
        }
        signatures.push(`${signed.target} ${signed.signature}`);
        attestations.push(`${signed.target} ${signed.attestation}`);
        ctx.progress(
          `release: signed and verified ${signed.target} (${signed.signature}), with its provenance (${signed.attestation})`,
        );
      }
    }
    if (addToIndex && index && opts.index) {
      // helm indexes the package alone, in a folder of its own (see repo-index.ts).
      const alone = path.join(packages, `.index-${name}`);
      await rm(alone, { recursive: true, force: true });
      await mkdir(alone);
      await copyFile(tgz, path.join(alone, path.basename(tgz)));
      const ix = await runTool(helmRepoIndexArgv(helm, alone, opts.index.url), {
        cwd,
        env,
        timeoutMs: 120_000,
      });
      if (ix.code !== 0) {
        fail(`helm repo index for ${path.basename(tgz)} failed: ${firstLine(ix.stderr || ix.stdout)}`, t0);
        continue;
      }
      addEntry(index, await readFile(path.join(alone, INDEX_FILE), "utf8"), name, version);
      await copyFile(tgz, path.join(indexDir!, path.basename(tgz)));
      await rm(alone, { recursive: true, force: true });
      const url = opts.index.url
        ? `${opts.index.url.replace(/\/+$/, "")}/${path.basename(tgz)}`
        : path.basename(tgz);
      indexed.push(`${name} ${version} ${url}`);
      ctx.progress(`release: added ${name} ${version} to ${indexShown}`);
    }
    versions.push(`${name} ${version}`);
    ctx.check({ id: checkId, rule: RELEASE_RULE, state: "pass", durationMs: Date.now() - t0 });
  }
  // Written once, after every chart, and only when something was added: a re-run leaves it byte-identical.
  if (index && (await saveIndex(index, (opts.now ?? (() => new Date()))())))
    ctx.progress(`release: wrote ${indexShown} (${index.added.length} added)`);
  ctx.output("versions", versions.join("\n"));
  ctx.output("published", published.join("\n"));
  ctx.output("packages", packaged.join("\n"));
  if (opts.index) ctx.output("indexed", indexed.join("\n"));
  if (opts.sign) ctx.output("signatures", signatures.join("\n"));
  if (opts.sign) ctx.output("attestations", attestations.join("\n"));
}

/** helm from --tools-dir, else from the installer (pinned, checksum-verified, cached). */
async function helmFor(inputs: Inputs, major: HelmMajor, ctx: PhaseContext): Promise<string> {
  // The installer (and the HTTP client under it) is loaded only when it is used.
  const { resolveTools } = await import("../tools/resolve.js");
  const slot = major === 3 ? "helm3" : "helm4";
  return (await resolveTools(inputs, [slot], { warn: ctx.progress, progress: ctx.progress }))[slot];
}
