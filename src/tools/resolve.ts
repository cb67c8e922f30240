// How every phase finds its tools, so a local run and a CI run resolve them the same way: an explicit
// --tools-dir first (binaries named helm3, helm4, kind, kubectl, kubesec), else the installer (tool cache
// first, download + verify only when missing). The installer (and the HTTP client under it) is loaded only
// when it is used: a run with --tools-dir never loads it.
import { existsSync } from "node:fs";
import path from "node:path";
import { envNames, type Inputs } from "../config/inputs.js";
import { UserError } from "../core/errors.js";
import type { InstallTool } from "./assets.js";
import { checksumTable } from "./checksums.js";
import type { Installed, InstallOptions, InstallRequest } from "./install.js";
import { requireLocalTool } from "./local.js";
import { withUserChecksums } from "./user-checksums.js";
import { resolveHelmVersions, resolveVersion } from "./version-input.js";

export type ToolSlot = "helm3" | "helm4" | "kind" | "kubectl" | "kubesec";

const label = (flag: string, env: string) => `--${flag} (${env})`;

/** The exact versions to install for `tools` from the Inputs: version inputs, else the pinned defaults
 * (helm: one per major in --helm). Throws one UserError for the first bad input. */
export function planInstall(inputs: Inputs, tools: readonly InstallTool[]): InstallRequest[] {
  const out: InstallRequest[] = [];
  const v = inputs.toolVersions;
  for (const tool of tools) {
    if (tool === "helm") {
      const src = label("helm-version", envNames.helmVersion);
      for (const h of resolveHelmVersions(v.helm ?? inputs.helmMajors.join(","), src)) {
        out.push({ tool, version: h.version });
      }
    } else {
      const defaults = { kind: "0", kubectl: "1", kubesec: "2" } as const;
      const src = label(`${tool}-version`, envNames[`${tool}Version`]);
      out.push({ tool, version: resolveVersion(tool, v[tool] ?? defaults[tool], src) });
    }
  }
  return out;
}

export async function installOptions(
  inputs: Inputs,
  cwd: string,
  hooks: Pick<InstallOptions, "warn" | "progress"> = {},
): Promise<InstallOptions> {
  const { parseMirror } = await import("./install.js");
  const mirror = parseMirror(inputs.mirror, label("mirror", envNames.mirror));
  return {
    toolCache: inputs.toolCache,
    mirror,
    quiet: !inputs.githubActions,
    ...(inputs.checksums ? { table: await withUserChecksums(checksumTable, inputs.checksums, cwd) } : {}),
    ...hooks,
  };
}

/** Installs (or finds in the cache) every planned tool, in order. */
export async function installPlanned(
  plan: readonly InstallRequest[],
  opts: InstallOptions,
): Promise<Installed[]> {
  const { installTool } = await import("./install.js");
  const done: Installed[] = [];
  for (const req of plan) done.push(await installTool(req, opts));
  return done;
}

/**
 * The resolver every phase calls (gate, upgrade-check, test, cluster, release): absolute paths of the tools they need.
 * With --tools-dir (FLOE_HELM_TOOLS_DIR) the binaries come from that folder and nothing is downloaded;
 * otherwise from the installer, at the versions of the version inputs or the pinned defaults. A second
 * call with the same versions is served from the tool cache without any network request.
 */
export async function resolveTools<N extends ToolSlot>(
  inputs: Inputs,
  need: readonly N[],
  hooks: Pick<InstallOptions, "warn" | "progress"> = {},
): Promise<Record<N, string>> {
  const out = {} as Record<N, string>;
  if (inputs.toolsDir) {
    for (const n of need) out[n] = await requireLocalTool(inputs.toolsDir, n);
    return out;
  }
  const plan: InstallRequest[] = [];
  for (const n of need) {
    if (n === "helm3" || n === "helm4") {
      const major = n === "helm3" ? "3" : "4";
      const listed = inputs.toolVersions.helm
        ? resolveHelmVersions(inputs.toolVersions.helm, label("helm-version", envNames.helmVersion))
        : [];
      const version =
        listed.find((h) => String(h.major) === major)?.version ?? resolveVersion("helm", major, n);
      plan.push({ tool: "helm", version });
    } else {
      plan.push(...planInstall(inputs, [n]));
    }
  }
  const installed = await installPlanned(plan, await installOptions(inputs, process.cwd(), hooks));
  need.forEach((n, i) => {
    const t = installed[i];
    if (!t) throw new UserError(`internal: ${n} was not installed`);
    out[n] = path.resolve(t.path);
  });
  return out;
}

/** A tool a phase can do without: its path, or why it is unavailable (absent from --tools-dir, or this
 * platform has no verified checksum for it); the phase then reports the checks it feeds as not run. Every
 * other failure throws. */
export async function resolveOptionalTool<N extends ToolSlot>(
  inputs: Inputs,
  name: N,
  hooks: Pick<InstallOptions, "warn" | "progress"> = {},
): Promise<{ path: string } | { unavailable: string }> {
  if (inputs.toolsDir && !existsSync(path.join(inputs.toolsDir, name)))
    return { unavailable: `${name} not found in ${inputs.toolsDir} (--tools-dir): run scripts/tools.sh` };
  try {
    return { path: (await resolveTools(inputs, [name], hooks))[name] };
  } catch (e) {
    const { NoVerifiedChecksum } = await import("./install.js");
    if (e instanceof NoVerifiedChecksum) return { unavailable: e.message };
    throw e;
  }
}
