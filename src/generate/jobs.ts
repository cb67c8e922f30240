// Data product (FloeSpec) -> floe-jobs values, and the endpoints layer every product gets from the
// platform release. Only the keys named here are copied.
import { isObj } from "../core/objects.js";
import type { Endpoints, Mapped } from "./platform.js";
import { put } from "./platform.js";
import { PRESET_LABEL, type Preset, presetNames, presetsOf, presetTargets } from "./presets.js";
import { timeZoneProblem } from "./timezone.js";

const obj = (v: unknown): Record<string, unknown> => (isObj(v) ? v : {});

/** The job floe-jobs runs by default (values.yaml `jobs.dbt-build`): the product's schedule goes there. */
export const BUILD_JOB = "dbt-build";

/** The product's name (metadata.name): its release name and the middle of its output file's name. */
export function productName(spec: unknown): string {
  return String(obj(obj(spec).metadata).name ?? "");
}

/** floe-jobs values from a data product (already valid against floe-spec.schema.json); `presets`: the
 * manifest's and the built-in ones, which its label may name. */
export function mapProduct(spec: unknown, presets: Map<string, Preset> = presetsOf(undefined)): Mapped {
  const m: Mapped = { values: {}, from: [], findings: [] };
  const doc = obj(spec);
  const metadata = obj(doc.metadata);
  // The product's own labels first, so floe.dev/product always names it.
  for (const [k, v] of Object.entries(obj(metadata.labels))) {
    if (typeof v === "string") put(m, ["commonLabels", k], v, ["metadata", "labels", k]);
  }
  put(m, ["commonLabels", "floe.dev/product"], productName(spec), ["metadata", "name"]);
  if (typeof metadata.version === "string")
    put(m, ["commonLabels", "floe.dev/product-version"], metadata.version, ["metadata", "version"]);

  // floe's FloeSpec has no key for a preset (transforms are closed): the product names one in a label.
  const wanted = obj(metadata.labels)[PRESET_LABEL];
  if (typeof wanted === "string") {
    const p = presets.get(wanted);
    const at = ["metadata", "labels", PRESET_LABEL];
    if (p) put(m, [...presetTargets["floe-jobs"]], structuredClone(p.resources), at);
    else
      m.findings.push({
        severity: "error",
        rule: "generate/unknown-preset",
        path: at,
        message: `${PRESET_LABEL} ${JSON.stringify(wanted)}: no such resource preset (the manifest's resource_presets and floe's built-in ones: ${presetNames(presets)})`,
      });
  }

  const schedule = obj(doc.schedule);
  const timezone = typeof schedule.timezone === "string" ? schedule.timezone : undefined;
  const tzProblem = timezone === undefined ? undefined : timeZoneProblem(timezone);
  if (tzProblem) {
    m.findings.push({
      severity: "error",
      rule: "generate/time-zone",
      path: ["schedule", "timezone"],
      message: `schedule.timezone ${JSON.stringify(timezone)}: ${tzProblem}`,
    });
  }
  if (typeof schedule.cron === "string") {
    if (schedule.enabled === false) {
      m.findings.push({
        severity: "info",
        rule: "generate/schedule-disabled",
        path: ["schedule", "enabled"],
        message: `schedule.enabled is false: ${BUILD_JOB} stays a Job run after every install and upgrade`,
      });
    } else {
      put(m, ["jobs", BUILD_JOB, "schedule"], schedule.cron, ["schedule", "cron"]);
      // floe's default is UTC: said explicitly, so the cluster controller's own time zone does not matter.
      if (!tzProblem)
        put(
          m,
          ["jobs", BUILD_JOB, "timeZone"],
          timezone ?? "UTC",
          timezone === undefined ? ["schedule", "cron"] : ["schedule", "timezone"],
        );
    }
  }
  return m;
}

/** floe-jobs' `platform` values: the platform release's endpoints. */
export function endpointValues(e: Endpoints): Record<string, unknown> {
  return {
    platform: {
      polarisUrl: e.polarisUrl,
      catalog: e.catalog,
      s3Endpoint: e.s3Endpoint,
      otelEndpoint: e.otelEndpoint,
      marquezUrl: e.marquezUrl,
      podSelector: e.podSelector,
    },
  };
}
