// generate's merge (src/generate/merge.ts): chart defaults < environment defaults < manifest < data product
// < --values < --set; maps merge deeply, lists replace; and where a refused value came from.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  environment,
  environmentNames,
  inferredBase,
  resolveEnvironment,
} from "../../src/generate/environments.js";
import { parseSetArg, parseValuesArg, setValue } from "../../src/generate/inputs.js";
import { type Layer, labelLayer, mergeOverlay, nest, overlayOf } from "../../src/generate/merge.js";
import { checkLayers } from "../../src/generate/run.js";
import { compileValuesSchema, mergeValues } from "../../src/values/schema.js";
import { parseYamlText } from "../../src/values/yaml.js";
import { repoRoot } from "../helpers/tools.js";

const order = ["environment", "manifest", "product", "values", "set"] as const;
type Name = (typeof order)[number];

describe("merge order: the highest layer that sets a key wins", () => {
  const defaults = { k: "chart", keep: "chart" };
  test.each<[string, Name[], string]>([
    ["nothing over the chart", [], "chart"],
    ["environment over chart", ["environment"], "environment"],
    ["manifest over environment", ["environment", "manifest"], "manifest"],
    ["product over manifest", ["manifest", "product"], "product"],
    ["--values over product", ["environment", "product", "values"], "values"],
    ["--set over everything", ["environment", "manifest", "product", "values", "set"], "set"],
    ["--set over environment alone", ["environment", "set"], "set"],
  ])("%s", (_name, setting, winner) => {
    const layers: Layer[] = order.map((n) => labelLayer(n, setting.includes(n) ? { k: n } : {}));
    const merged = mergeValues(defaults, overlayOf(layers)) as Record<string, unknown>;
    expect(merged.k).toBe(winner);
    expect(merged.keep).toBe("chart");
  });
});

describe("maps merge deeply, lists and scalars are replaced, null is kept for helm to delete", () => {
  test.each<[string, unknown, unknown, unknown]>([
    ["maps merge", { a: { b: 1, c: 2 } }, { a: { c: 3, d: 4 } }, { a: { b: 1, c: 3, d: 4 } }],
    ["lists replace", { a: [1, 2, 3] }, { a: [9] }, { a: [9] }],
    ["a map replaces a list", { a: [1] }, { a: { b: 1 } }, { a: { b: 1 } }],
    ["a scalar replaces a map", { a: { b: 1 } }, { a: "x" }, { a: "x" }],
    ["null kept in the overlay", { a: { b: 1 } }, { a: { b: null } }, { a: { b: null } }],
    ["undefined keeps the base", { a: 1 }, undefined, { a: 1 }],
  ])("%s", (_name, base, over, want) => {
    expect(mergeOverlay(base, over)).toEqual(want);
  });
});

describe("--set and --values arguments", () => {
  test.each<[string, unknown]>([
    ["true", true],
    ["false", false],
    ["null", null],
    ["42", 42],
    ["-3", -3],
    ["007", "007"],
    ["1.5", "1.5"],
    ["{a,b}", ["a", "b"]],
    ["{}", []],
    ["0 2 * * *", "0 2 * * *"],
  ])("setValue(%j)", (text, want) => {
    expect(setValue(text)).toEqual(want);
  });

  test.each<[string, { chart: string; path: string[]; value: unknown }]>([
    [
      "floe-jobs.jobDefaults.backoffLimit=1",
      { chart: "floe-jobs", path: ["jobDefaults", "backoffLimit"], value: 1 },
    ],
    [
      "floe-platform.commonLabels.floe\\.dev/team=data",
      { chart: "floe-platform", path: ["commonLabels", "floe.dev/team"], value: "data" },
    ],
    [
      "floe-jobs.jobs.dbt-build.schedule=0 1 * * *",
      { chart: "floe-jobs", path: ["jobs", "dbt-build", "schedule"], value: "0 1 * * *" },
    ],
  ])("parseSetArg(%j)", (raw, want) => {
    expect(parseSetArg(raw)).toMatchObject(want);
  });

  test.each<[string, RegExp]>([
    ["floe-jobs.backoffLimit", /no '='/],
    ["jobDefaults.backoffLimit=1", /'jobDefaults' is not one of the charts/],
    ["floe-jobs=1", /empty key path/],
    ["floe-jobs.a..b=1", /empty key path/],
    ["floe-jobs.global.imagePullSecrets[0]=x", /list indexes/],
  ])("parseSetArg(%j) is one usage error", (raw, message) => {
    expect(() => parseSetArg(raw)).toThrow(message);
  });

  test.each<[string, unknown]>([
    ["floe-platform=a.yaml", { chart: "floe-platform", file: "a.yaml" }],
    ["floe-jobs=dir/b.yaml", { chart: "floe-jobs", file: "dir/b.yaml" }],
  ])("parseValuesArg(%j)", (raw, want) => {
    expect(parseValuesArg(raw)).toEqual(want);
  });
  test.each(["a.yaml", "floe-other=a.yaml", "floe-jobs="])("parseValuesArg(%j) is one usage error", (raw) => {
    expect(() => parseValuesArg(raw)).toThrow(/expected floe-platform=FILE or floe-jobs=FILE/);
  });
});

function chart(name: "floe-platform" | "floe-jobs") {
  const dir = path.join(repoRoot, "charts", name);
  const compiled = compileValuesSchema(
    readFileSync(path.join(dir, "values.schema.json"), "utf8"),
    `${name}/values.schema.json`,
  );
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

describe("environment defaults: only keys the charts declare", () => {
  test.each(environmentNames.flatMap((e) => [[e, "floe-platform"] as const, [e, "floe-jobs"] as const]))(
    "%s on %s",
    (env, name) => {
      const e = environment(env);
      const r = checkLayers(chart(name), [
        labelLayer(`environment defaults (${env})`, name === "floe-platform" ? e.platform : e.jobs),
      ]);
      expect(r.findings).toEqual([]);
    },
  );

  test.each<[string, Record<string, unknown>]>([
    ["prod", { networkPolicy: true, hpa: true }],
    ["staging", { networkPolicy: true, hpa: false }],
    ["test", { networkPolicy: false, hpa: false }],
    ["dev", { networkPolicy: false, hpa: false }],
  ])("%s: NetworkPolicy and HPA/PDB", (env, want) => {
    const e = environment(env);
    const p = e.platform as {
      networkPolicy?: { enabled?: boolean };
      polaris?: { autoscaling?: { enabled?: boolean }; pdb?: { enabled?: boolean } };
    };
    expect(p.networkPolicy?.enabled === true).toBe(want.networkPolicy);
    expect((e.jobs as { networkPolicy?: { enabled?: boolean } }).networkPolicy?.enabled === true).toBe(
      want.networkPolicy,
    );
    expect(p.polaris?.autoscaling?.enabled === true).toBe(want.hpa);
    expect(p.polaris?.pdb?.enabled === true).toBe(want.hpa);
    expect(e.namespace).toBe(`floe-${env}`);
  });

  test.each(["qa", "production", ""])(
    "unknown environment %j is one usage error listing the built-in ones",
    (name) => {
      expect(() => environment(name)).toThrow(/unknown environment \(built in: dev, test, staging, prod\)/);
    },
  );
});

describe("environments of the manifest's promotion path take a built-in's defaults", () => {
  const path = ["sandbox", "dev", "qa", "staging", "pre_prod", "prod", "dr"];
  const promotion = { names: path, at: "manifest.yaml:90:7" };
  test.each<[string, string, string | undefined]>([
    ["sandbox", "before any built-in: the first after it", "dev"],
    ["qa", "after dev", "dev"],
    ["pre_prod", "after staging", "staging"],
    ["dr", "after prod", "prod"],
    ["dev", "a built-in: itself", "dev"],
    ["uat", "not in the path", undefined],
  ])("%s (%s): %s", (name, _why, base) => {
    expect(inferredBase(name, path)).toBe(base);
  });

  test("a path with no built-in name infers nothing", () => {
    expect(inferredBase("beta", ["alpha", "beta", "live"])).toBeUndefined();
  });

  test("qa is dev-like, in its own namespace, and says why", () => {
    const qa = resolveEnvironment("qa", promotion);
    const dev = environment("dev");
    expect(qa).toMatchObject({
      name: "qa",
      base: "dev",
      namespace: "floe-qa",
      preset: dev.preset,
      baseReason: "its place in the promotion path, after dev",
    });
    expect([qa.platform, qa.jobs]).toEqual([dev.platform, dev.jobs]);
  });

  test("NAME=BASE picks the built-in; an underscore becomes a hyphen in the namespace", () => {
    const e = resolveEnvironment("pre_prod=prod", promotion);
    expect(e).toMatchObject({ name: "pre_prod", base: "prod", namespace: "floe-pre-prod", preset: "large" });
    expect(e.baseReason).toBe("--env pre_prod=prod");
    expect(e.platform).toEqual(environment("prod").platform);
  });

  test("sandbox, before dev, is dev-like", () => {
    expect(resolveEnvironment("sandbox", promotion).baseReason).toBe(
      "its place in the promotion path, before dev",
    );
  });

  test.each<[string, { names: string[]; at: string }, RegExp]>([
    [
      "uat",
      promotion,
      /^--env "uat": unknown environment: not built in \(dev, test, staging, prod\) nor in the manifest's promotion path \(manifest\.yaml:90:7: sandbox, dev/,
    ],
    [
      "qa",
      { names: [], at: "m.yaml" },
      /^--env "qa": unknown environment: not built in \(dev, test, staging, prod\) and m\.yaml declares no promotion path \(artifacts\.promotion\.environments\) that maps others$/,
    ],
    [
      "beta",
      { names: ["alpha", "beta"], at: "m.yaml:3:5" },
      /has no built-in environment to take defaults from: write --env beta=BASE \(BASE one of dev, test, staging, prod\)$/,
    ],
    ["qa=huge", promotion, /^--env "qa=huge": "huge" is not a built-in environment/],
    ["qa=", promotion, /^--env "qa=": expected NAME or NAME=BASE/],
    ["qa=dev=prod", promotion, /^--env "qa=dev=prod": expected NAME or NAME=BASE/],
    ["prod=dev", promotion, /^--env "prod=dev": prod is built in and takes its own defaults; drop =dev$/],
  ])("%s: one usage error", (arg, p, message) => {
    expect(() => resolveEnvironment(arg, p)).toThrow(message);
  });
});

describe("a value on a key the chart does not declare is an error in the input that set it", () => {
  const values = parseYamlText("polaris:\n  replicas: 2\n", "my-values.yaml");
  test.each<[string, Layer, { file: string; line?: number; col?: number }, RegExp]>([
    [
      "--values file: its line",
      {
        source: "my-values.yaml",
        values: values.value as Record<string, unknown>,
        positionOf: values.positionOf,
      },
      { file: "my-values.yaml", line: 2, col: 3 },
      /polaris: 'replicas' is not allowed/,
    ],
    [
      "--set: the flag, no line",
      labelLayer("--set floe-platform.nope=1", nest(["nope"], 1)),
      { file: "--set floe-platform.nope=1" },
      /values: 'nope' is not allowed/,
    ],
    [
      "a wrong type from --set",
      labelLayer("--set floe-platform.polaris.replicaCount=x", nest(["polaris", "replicaCount"], "x")),
      { file: "--set floe-platform.polaris.replicaCount=x" },
      /polaris.replicaCount: must be integer/,
    ],
  ])("%s", (_name, layer, at, message) => {
    const r = checkLayers(chart("floe-platform"), [labelLayer("environment defaults (dev)", {}), layer]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: "values-schema", severity: "error", ...at });
    expect(r.findings[0]!.line).toBe(at.line);
    expect(r.findings[0]!.message).toMatch(message);
  });
});
