// Resource presets (floe's `resource_presets`: small, medium, large, or any name the manifest gives) and the
// `resources` they become in the charts' values. floe's own presets are built in; the manifest's replace
// those of the same name and add others, in either of floe's two shapes. Each environment picks one by name;
// a data product may pick another for its jobs through a label, because floe's FloeSpec has no other key for
// it (transforms are closed).
import { isObj } from "../core/objects.js";
import { isQuantity, quantityValue } from "../core/quantity.js";
import type { DocPath } from "../core/rendered.js";
import type { EnvironmentName } from "./environments.js";

export interface Resources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

export interface Preset {
  name: string;
  resources: Resources;
  /** Where each leaf of `resources` is written in the manifest (`requests.cpu` -> its path); none: built in. */
  from?: Array<readonly [DocPath, DocPath]>;
}

/** The product label naming its jobs' preset. */
export const PRESET_LABEL = "floe.dev/resource-preset";

const preset = (cpu: string, memory: string, cpuLimit: string, memoryLimit: string): Resources => ({
  requests: { cpu, memory },
  limits: { cpu: cpuLimit, memory: memoryLimit },
});

/** floe's built-in presets (floe-core helm ResourcePreset.small/medium/large, also its demo manifest's). */
export const builtInPresets: Readonly<Record<string, Resources>> = {
  small: preset("100m", "256Mi", "500m", "512Mi"),
  medium: preset("250m", "512Mi", "1000m", "1Gi"),
  large: preset("500m", "1Gi", "2000m", "2Gi"),
};

/** The preset each environment's run pods and jobs get: floe's non-prod/prod split, staging in between. */
export const environmentPresets: Readonly<Record<EnvironmentName, string>> = {
  dev: "small",
  test: "small",
  staging: "medium",
  prod: "large",
};

const leaves = [
  ["requests", "cpu", "cpu_request"],
  ["requests", "memory", "memory_request"],
  ["limits", "cpu", "cpu_limit"],
  ["limits", "memory", "memory_limit"],
] as const;

/** The built-in presets and the manifest's (already valid against floe-manifest.schema.json), by name. */
export function presetsOf(manifest: unknown): Map<string, Preset> {
  const out = new Map<string, Preset>();
  for (const [name, resources] of Object.entries(builtInPresets))
    out.set(name, { name, resources: structuredClone(resources) });
  const declared = isObj(manifest) && isObj(manifest.resource_presets) ? manifest.resource_presets : {};
  for (const [name, p] of Object.entries(declared)) {
    if (!isObj(p)) continue;
    const nested = isObj(p.requests) && isObj(p.limits);
    const resources = preset("", "", "", "");
    const from: Array<readonly [DocPath, DocPath]> = [];
    for (const [kind, what, flat] of leaves) {
      const path: DocPath = nested
        ? ["resource_presets", name, kind, what]
        : ["resource_presets", name, flat];
      const v = nested ? (p[kind] as Record<string, unknown>)[what] : p[flat];
      resources[kind][what] = String(v);
      from.push([[kind, what], path]);
    }
    out.set(name, { name, resources, from });
  }
  return out;
}

/** What Kubernetes would refuse in the manifest's presets: a value that is not a quantity, a request above
 * its limit. Each at the manifest path of the value. */
export function presetProblems(presets: Map<string, Preset>): Array<{ path: DocPath; message: string }> {
  const out: Array<{ path: DocPath; message: string }> = [];
  for (const p of presets.values()) {
    if (!p.from) continue;
    const at = (kind: string, what: string) => p.from!.find(([to]) => to[0] === kind && to[1] === what)![1];
    for (const [kind, what] of leaves) {
      const v = p.resources[kind][what];
      const path = at(kind, what);
      if (!isQuantity(v))
        out.push({
          path,
          message: `resource preset ${p.name}: ${path.slice(2).join(".")} ${JSON.stringify(v)} is not a Kubernetes quantity (e.g. 500m, 2, 512Mi, 4Gi)`,
        });
    }
    for (const what of ["cpu", "memory"] as const) {
      const req = quantityValue(p.resources.requests[what]) ?? Number.NaN;
      const lim = quantityValue(p.resources.limits[what]) ?? Number.NaN;
      if (req > lim)
        out.push({
          path: at("requests", what),
          message: `resource preset ${p.name}: the ${what} request ${p.resources.requests[what]} is above its limit ${p.resources.limits[what]} (Kubernetes refuses the pod)`,
        });
    }
  }
  return out;
}

/** Names for a message: the built-in ones first, then the manifest's. */
export function presetNames(presets: Map<string, Preset>): string {
  return [...presets.keys()].join(", ");
}

/** Where a preset's resources go in each chart's values: the pods that run the data products' work (the
 * platform's own services keep the chart's sizing, each made for its component). */
export const presetTargets = {
  "floe-platform": ["dagster", "runLauncher", "runResources"],
  "floe-jobs": ["jobDefaults", "resources"],
} as const;

/** The values a preset gives a chart, and for each values path the manifest path it came from (none for a
 * built-in preset). */
export function presetValues(
  chart: keyof typeof presetTargets,
  p: Preset,
): { values: Record<string, unknown>; from: Array<readonly [DocPath, DocPath]> } {
  const target = presetTargets[chart];
  let values: unknown = structuredClone(p.resources);
  for (let i = target.length - 1; i >= 0; i--) values = { [target[i]!]: values };
  const from = (p.from ?? []).map(([to, at]) => [[...target, ...to], at] as const);
  return { values: values as Record<string, unknown>, from };
}
