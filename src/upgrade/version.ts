// upgrade/version-increment: a chart whose files changed since the base must carry a higher version, as
// chart-testing's `ct lint` checks (its check-version-increment). A chart repository publishes by version: an
// unchanged version means the change is never published (a release re-run skips versions already there), or
// worse, two different charts under one version.
import semver from "semver";

export const VERSION_RULE = "upgrade/version-increment";

export interface VersionCheck {
  chart: string;
  /** Chart.yaml's version now and at the base. */
  version: string;
  baseVersion: string;
  /** Files under the chart folder that differ from the base (git's names, repository-relative). */
  changed: readonly string[];
  baseLabel: string;
}

/** What is wrong, or undefined when the version moves up or nothing changed. Pure. */
export function versionProblem(c: VersionCheck): string | undefined {
  if (!c.changed.length) return undefined;
  const now = semver.valid(c.version);
  const before = semver.valid(c.baseVersion);
  const some = `${c.changed.length} file(s) changed, e.g. ${c.changed.slice(0, 3).join(", ")}`;
  if (!now)
    return `version '${c.version}' of ${c.chart} is not SemVer, so it cannot be compared with the base's '${c.baseVersion}' (${some})`;
  if (!before) return undefined; // the base's own version was not comparable: nothing to hold this one to
  if (semver.gt(now, before)) return undefined;
  return `${c.chart} changed since ${c.baseLabel} (${some}) but its version ${c.version} is not higher than the base's ${c.baseVersion}: raise version in Chart.yaml (ct lint's version check)`;
}
