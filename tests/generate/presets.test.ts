// Resource presets (src/generate/presets.ts) and schedule time zones (src/generate/timezone.ts): floe's
// built-in presets and the manifest's in both of floe's shapes, what Kubernetes would refuse in them, where
// they land in each chart (keys the charts' schemas declare), and IANA names as a CronJob takes them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { environment, environmentNames } from "../../src/generate/environments.js";
import { labelLayer } from "../../src/generate/merge.js";
import { builtInPresets, presetProblems, presetsOf, presetValues } from "../../src/generate/presets.js";
import { checkLayers } from "../../src/generate/run.js";
import { timeZoneProblem } from "../../src/generate/timezone.js";
import { compileValuesSchema } from "../../src/values/schema.js";
import { parseYamlText } from "../../src/values/yaml.js";
import { repoRoot } from "../helpers/tools.js";

function chart(name: "floe-platform" | "floe-jobs") {
  const dir = path.join(repoRoot, "charts", name);
  const compiled = compileValuesSchema(readFileSync(path.join(dir, "values.schema.json"), "utf8"), name);
  if (!("validate" in compiled)) throw new Error("schema does not compile");
  const validate = compiled.validate;
  return {
    name,
    dir,
    defaults: parseYamlText(
      readFileSync(path.join(dir, "values.yaml"), "utf8"),
      `charts/${name}/values.yaml`,
    ),
    validate: (v: unknown) => validate(v) as boolean,
    errors: () => validate.errors ?? [],
  };
}

const r = (cpu: string, memory: string, cpuLimit: string, memoryLimit: string) => ({
  requests: { cpu, memory },
  limits: { cpu: cpuLimit, memory: memoryLimit },
});

describe("presets: floe's built-in ones, the manifest's over them", () => {
  test("environments pick dev/test small, staging medium, prod large", () => {
    expect(environmentNames.map((e) => [e, environment(e).preset])).toEqual([
      ["dev", "small"],
      ["test", "small"],
      ["staging", "medium"],
      ["prod", "large"],
    ]);
  });

  test("floe's demo shape (flat) and the nested one; a manifest preset replaces the built-in of its name", () => {
    const p = presetsOf({
      resource_presets: {
        large: { cpu_request: "1", cpu_limit: "4", memory_request: "2Gi", memory_limit: "8Gi" },
        gpu: { requests: { cpu: "2", memory: "16Gi" }, limits: { cpu: "8", memory: "32Gi" } },
      },
    });
    expect([...p.keys()]).toEqual(["small", "medium", "large", "gpu"]);
    expect(p.get("small")).toEqual({ name: "small", resources: builtInPresets.small });
    expect(p.get("large")!.resources).toEqual(r("1", "2Gi", "4", "8Gi"));
    expect(p.get("large")!.from).toContainEqual([
      ["requests", "cpu"],
      ["resource_presets", "large", "cpu_request"],
    ]);
    expect(p.get("gpu")!.resources).toEqual(r("2", "16Gi", "8", "32Gi"));
    expect(p.get("gpu")!.from).toContainEqual([
      ["limits", "memory"],
      ["resource_presets", "gpu", "limits", "memory"],
    ]);
  });

  test.each<[string, Record<string, unknown>, RegExp[]]>([
    ["valid", { requests: { cpu: "0.5", memory: "1e9" }, limits: { cpu: "1", memory: "1G" } }, []],
    [
      "not a quantity",
      { requests: { cpu: "1 core", memory: "1Gi" }, limits: { cpu: "2", memory: "1GB" } },
      [
        /requests\.cpu "1 core" is not a Kubernetes quantity/,
        /limits\.memory "1GB" is not a Kubernetes quantity/,
      ],
    ],
    [
      "a request above its limit (units compared)",
      { requests: { cpu: "1500m", memory: "2Gi" }, limits: { cpu: "1", memory: "2048Mi" } },
      [/the cpu request 1500m is above its limit 1/],
    ],
  ])("what Kubernetes would refuse: %s", (_name, preset, messages) => {
    const problems = presetProblems(presetsOf({ resource_presets: { p: preset } }));
    expect(problems.map((x) => x.message)).toHaveLength(messages.length);
    for (const [i, m] of messages.entries()) expect(problems[i]!.message).toMatch(m);
  });

  test.each(["floe-platform", "floe-jobs"] as const)(
    "every built-in preset lands on keys %s declares",
    (name) => {
      for (const p of presetsOf(undefined).values()) {
        const v = presetValues(name, p);
        expect(checkLayers(chart(name), [labelLayer("preset", v.values)]).findings).toEqual([]);
      }
      expect(presetValues(name, presetsOf(undefined).get("small")!).values).toEqual(
        name === "floe-platform"
          ? { dagster: { runLauncher: { runResources: builtInPresets.small } } }
          : { jobDefaults: { resources: builtInPresets.small } },
      );
    },
  );
});

describe("schedule time zones as a CronJob's spec.timeZone takes them", () => {
  test.each([
    "UTC",
    "Etc/UTC",
    "Europe/Amsterdam",
    "America/Argentina/Buenos_Aires",
    "America/Port-au-Prince",
    "Etc/GMT+5",
    "US/Eastern",
    "EST5EDT",
  ])("%s is one", (tz) => {
    expect(timeZoneProblem(tz)).toBeUndefined();
  });

  test.each<[string, RegExp]>([
    ["Mars/Olympus", /^not an IANA time zone \(e\.g\./],
    ["Local", /^not an IANA time zone \(e\.g\./],
    ["+01:00", /no UTC offsets/],
    ["Europe/Amsterdam ", /no UTC offsets/],
    ["europe/amsterdam", /case-sensitive\): did you mean Europe\/Amsterdam\?/],
    ["utc", /did you mean UTC\?/],
    ["us/eastern", /did you mean America\/New_York\?/],
  ])("%j is not", (tz, message) => {
    expect(timeZoneProblem(tz)).toMatch(message);
  });
});
