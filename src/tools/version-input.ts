// Version inputs: an exact version (`3.17.2` or `v3.17.2`) or a major (`3`), which resolves to the pinned
// default of that major without any network look-up. `latest` and ranges are refused: they change under
// users (Helm 4 broke pipelines through `latest`), and a gate must run the same tools on every re-run.
import semver from "semver";
import { UserError } from "../core/errors.js";
import type { InstallTool } from "./assets.js";
import versions from "./versions.json" with { type: "json" };

/** Pinned default per major, from versions.json (shared with scripts/tools.sh). */
export function pinnedMajors(tool: InstallTool): Record<string, string> {
  const entry = versions[tool] as Record<string, string>;
  return Object.fromEntries(Object.entries(entry).filter(([k]) => /^\d+$/.test(k)));
}

function examples(tool: InstallTool): string {
  const pins = Object.entries(pinnedMajors(tool));
  const [major, exact] = pins[pins.length - 1] ?? ["1", "v1.0.0"];
  return `an exact version such as ${exact} or ${exact.slice(1)}, or a major such as ${major} (pinned: ${pins
    .map(([m, v]) => `${m} -> ${v}`)
    .join(", ")})`;
}

/** Resolves one version input to `vX.Y.Z`; `source` names where it came from (flag or env) for the error. */
export function resolveVersion(tool: InstallTool, input: string, source: string): string {
  const raw = input.trim();
  const want = `write ${examples(tool)}`;
  if (raw === "") throw new UserError(`${source}: empty version: ${want}`);
  if (/^(latest|stable|current|\*|x)$/i.test(raw)) {
    throw new UserError(
      `${source}: '${raw}' is refused: it changes under you between runs (Helm 4 broke pipelines that way), so results would not be reproducible; ${want}`,
    );
  }
  if (/^v?\d+$/.test(raw)) {
    const major = raw.replace(/^v/, "");
    const pinned = pinnedMajors(tool)[major];
    if (!pinned) throw new UserError(`${source}: ${tool} has no pinned default for major ${major}; ${want}`);
    return pinned;
  }
  const exact = semver.valid(raw.replace(/^v/, ""));
  if (exact && /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(raw)) return `v${exact}`;
  if (semver.validRange(raw)) {
    throw new UserError(
      `${source}: the range '${raw}' is refused: a range resolves to whatever is newest on the day, so re-runs could install different tools; ${want}`,
    );
  }
  throw new UserError(`${source}: malformed version '${raw}'; ${want}`);
}

export interface HelmVersion {
  major: 3 | 4;
  version: string;
}

/** Helm takes a comma-separated list (at most one version per major), e.g. `3,4` or `v3.17.2,4`. */
export function resolveHelmVersions(input: string, source: string): HelmVersion[] {
  const out: HelmVersion[] = [];
  for (const part of input.split(",")) {
    const version = resolveVersion("helm", part, source);
    const major = semver.major(version);
    if (major !== 3 && major !== 4) {
      throw new UserError(`${source}: helm ${version} is not supported: floe-helm runs helm 3 and helm 4`);
    }
    if (out.some((h) => h.major === major)) {
      throw new UserError(`${source}: two helm ${major} versions in '${input}': give at most one per major`);
    }
    out.push({ major, version });
  }
  return out;
}
