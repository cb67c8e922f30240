// Data product (FloeSpec) -> floe-jobs values, and the endpoints layer every product gets from the
// platform release. Only the keys named here are copied.
import { isObj } from "../core/objects.js";
import type { Endpoints, Mapped } from "./platform.js";
import { put } from "./platform.js";

const obj = (v: unknown): Record<string, unknown> => (isObj(v) ? v : {});

/** The job floe-jobs runs by default (values.yaml `jobs.dbt-build`): the product's schedule goes there. */
export const BUILD_JOB = "dbt-build";

/** The product's name (metadata.name): its release name and the middle of its output file's name. */
export function productName(spec: unknown): string {
  return String(obj(obj(spec).metadata).name ?? "");
}

/** floe-jobs values from a data product (already valid against floe-spec.schema.json). */
export function mapProduct(spec: unknown): Mapped {
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

  const schedule = obj(doc.schedule);
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
    }
  }
  if (typeof schedule.timezone === "string" && schedule.timezone !== "UTC") {
    m.findings.push({
      severity: "warning",
      rule: "generate/not-mapped",
      path: ["schedule", "timezone"],
      message: `schedule.timezone ${schedule.timezone}: floe-jobs declares no CronJob time zone; the schedule runs in the cluster controller's time zone (UTC on most clusters)`,
    });
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
