// floe-helm generate: from floe's platform manifest and data products to one floe-platform values file and
// one floe-jobs values file per product, per environment. Order: inputs checked (schemas, flags, output
// folder), values merged per chart and checked against the chart's schema, rendered with helm, and only
// then written (all or nothing). Bad input: findings and one error, exit 2.

import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Inputs } from "../config/inputs.js";
import { UserError } from "../core/errors.js";
import type { Finding } from "../core/findings.js";
import { relPosix } from "../core/paths.js";
import type { DocPath } from "../core/rendered.js";
import type { PhaseContext } from "../report/phase.js";
import { compileValuesSchema, mergeValues, problemAt, withoutNullKeys } from "../values/schema.js";
import { type LoadedYaml, loadYamlFile } from "../values/yaml.js";
import { type Environment, resolveEnvironment } from "./environments.js";
import {
  type ChartName,
  checkFloeFile,
  loadFloeFile,
  parseSetArg,
  parseValuesArg,
  promotionPath,
  type SetArg,
} from "./inputs.js";
import { endpointValues, mapProduct, productName } from "./jobs.js";
import { asLoaded, fileLayer, type Layer, labelLayer, mappedLayer, nest, overlayOf } from "./merge.js";
import {
  checkOutputDir,
  type HeaderInfo,
  jobsFileName,
  type OutputFile,
  platformFileName,
  valuesText,
  writeOutputs,
} from "./output.js";
import { endpointWarnings, type Mapped, mapManifest, platformEndpoints } from "./platform.js";
import { presetProblems, presetsOf, presetValues } from "./presets.js";
import { type RenderJob, renderAll } from "./render.js";
import { plainSecrets } from "./secrets.js";

export interface GenerateOptions {
  manifest: string;
  products: readonly string[];
  envs: readonly string[];
  values: readonly string[];
  set: readonly string[];
  outputDir: string;
  /** Release name of floe-platform: the endpoints the jobs get derive from it. */
  release: string;
  platformChart: string;
  jobsChart: string;
  cwd: string;
}

interface Chart {
  name: ChartName;
  dir: string;
  defaults: LoadedYaml;
  validate: (v: unknown) => boolean;
  errors: () => import("ajv").ErrorObject[];
}

/** A path as the user reads it: relative to cwd, with / separators. */
const shown = (cwd: string, p: string) => relPosix(cwd, path.resolve(cwd, p));

function finding(
  f: Omit<Finding, "line" | "col">,
  at: { file: string; line: number; col?: number },
): Finding {
  return {
    ...f,
    file: at.file,
    ...(at.line > 0 ? { line: at.line, ...(at.col ? { col: at.col } : {}) } : {}),
  };
}

/** Findings of a mapping, placed in the floe file they came from. */
function mappingFindings(m: Mapped, file: LoadedYaml): Finding[] {
  return m.findings.map((f) =>
    finding(
      { rule: f.rule, severity: f.severity, message: f.message },
      file.positionOf(f.path as DocPath) ?? { file: file.file, line: 1 },
    ),
  );
}

function stop(ctx: PhaseContext, findings: readonly Finding[], what: string): never {
  for (const f of findings) ctx.add(f);
  const n = findings.filter((f) => f.severity === "error").length;
  throw new UserError(`${n} error${n === 1 ? "" : "s"} in ${what}: nothing written`);
}

async function loadChart(name: ChartName, dir: string, cwd: string): Promise<Chart> {
  const abs = path.resolve(cwd, dir);
  const rel = shown(cwd, abs);
  let defaults: LoadedYaml;
  let schemaText: string;
  try {
    defaults = await loadYamlFile(path.join(rel, "values.yaml"), cwd);
    schemaText = await readFile(path.join(abs, "values.schema.json"), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      throw new UserError(
        `${name} chart ${rel}: no values.yaml and values.schema.json there (pass --${name === "floe-platform" ? "platform" : "jobs"}-chart DIR)`,
      );
    throw e;
  }
  const compiled = compileValuesSchema(schemaText, path.join(rel, "values.schema.json"));
  if ("problem" in compiled) throw new UserError(compiled.problem.message, compiled.problem.at);
  const validate = compiled.validate;
  return {
    name,
    dir: abs,
    defaults,
    validate: (v) => validate(v) as boolean,
    errors: () => validate.errors ?? [],
  };
}

/** The chart's complete values under the layers, and its schema's findings placed in the layer that set
 * each refused value (a values file's line, a manifest's line, a --set, environment defaults). */
export function checkLayers(
  chart: Chart,
  layers: readonly Layer[],
): { overlay: Record<string, unknown>; full: Record<string, unknown>; findings: Finding[] } {
  const overlay = overlayOf(layers);
  const full = withoutNullKeys(mergeValues(withoutNullKeys(chart.defaults.value ?? {}), overlay)) as Record<
    string,
    unknown
  >;
  if (chart.validate(full)) return { overlay, full, findings: [] };
  const files = [chart.defaults, ...layers.map(asLoaded)];
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const e of chart.errors()) {
    const p = problemAt(e, full, files);
    const key = `${p.at.file}:${p.at.line}:${p.at.col}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(
      finding(
        {
          rule: "values-schema",
          severity: "error",
          chart: chart.name,
          message: `${chart.name}: ${p.message}`,
        },
        p.at,
      ),
    );
  }
  return { overlay, full, findings };
}

/** prod with the platform's bundled stores: allowed by the chart, refused by the gate's prod policy (their
 * StatefulSets have no PodDisruptionBudget); a warning where the choice was made. */
export function prodWarnings(
  full: Record<string, unknown>,
  manifest: LoadedYaml,
  defaults: LoadedYaml,
): Finding[] {
  const out: Finding[] = [];
  const storage = (full.objectStorage ?? {}) as Record<string, unknown>;
  const postgres = (full.postgresql ?? {}) as Record<string, unknown>;
  if (storage.mode === "minio") {
    const at =
      manifest.positionOf(["plugins", "storage", "type"]) ?? defaults.positionOf(["objectStorage", "mode"]);
    out.push(
      finding(
        {
          rule: "generate/prod-bundled",
          severity: "warning",
          message:
            "prod on floe-platform's bundled MinIO (objectStorage.mode minio, not for production; the gate's prod policy wants a PodDisruptionBudget it has none of): use s3 on an external endpoint",
        },
        at ?? { file: manifest.file, line: 0 },
      ),
    );
  }
  if (postgres.mode === "internal") {
    const at = defaults.positionOf(["postgresql", "mode"]);
    out.push(
      finding(
        {
          rule: "generate/prod-bundled",
          severity: "warning",
          message:
            "prod on floe-platform's single PostgreSQL (postgresql.mode internal; the gate's prod policy wants a PodDisruptionBudget it has none of): set postgresql.mode cnpg or external (--values floe-platform=FILE), as the chart's values-prod.yaml does",
        },
        at ?? { file: defaults.file, line: 0 },
      ),
    );
  }
  return out;
}

function setLayers(sets: readonly SetArg[], chart: ChartName): Layer[] {
  return sets
    .filter((s) => s.chart === chart)
    .map((s) => labelLayer(`--set ${s.raw}`, nest(s.path, s.value)));
}

export async function runGenerate(ctx: PhaseContext, inputs: Inputs, o: GenerateOptions): Promise<void> {
  const cwd = o.cwd;
  // Flags first: each bad one is one error.
  if (o.envs.length === 0)
    throw new UserError(
      "--env: at least one environment (dev, test, staging, prod, or a name of the manifest's promotion path)",
    );
  if (o.products.length === 0) throw new UserError("--product: at least one data product (floe.yaml)");
  const valuesArgs = o.values.map(parseValuesArg);
  const sets = o.set.map(parseSetArg);
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(o.release) || o.release.length > 53)
    throw new UserError(
      `--release ${JSON.stringify(o.release)}: not a helm release name (a DNS label, at most 53 characters)`,
    );
  const outShown = o.outputDir;
  const outDir = path.resolve(cwd, o.outputDir);
  await checkOutputDir(outDir, outShown);

  // The floe files, checked against their schemas: every violation of every file, then stop.
  const manifest = await loadFloeFile(shown(cwd, o.manifest), "Manifest", cwd);
  const products: LoadedYaml[] = [];
  for (const p of o.products) products.push(await loadFloeFile(shown(cwd, p), "FloeSpec", cwd));
  const invalid = [
    checkFloeFile(manifest, "Manifest"),
    ...products.map((p) => checkFloeFile(p, "FloeSpec")),
  ].flat();
  if (invalid.length > 0) stop(ctx, invalid, "the manifest and data products");
  // Environments: built in, or named by the manifest's promotion path.
  const promotion = promotionPath(manifest.value);
  const promotionAt = manifest.positionOf(["artifacts", "promotion", "environments"]);
  const envs: Environment[] = [];
  for (const e of o.envs.flatMap((x) => x.split(",")).filter((x) => x.trim() !== "")) {
    const env = resolveEnvironment(e, {
      names: promotion,
      at: promotionAt ? `${promotionAt.file}:${promotionAt.line}:${promotionAt.col ?? 1}` : manifest.file,
    });
    const same = envs.find((x) => x.name === env.name);
    if (same && same.base !== env.base)
      throw new UserError(
        `--env ${env.name}: given twice with different defaults (those of ${same.base} and of ${env.base})`,
      );
    if (!same) envs.push(env);
  }
  const names = new Map<string, string>();
  for (const p of products) {
    const name = productName(p.value);
    const other = names.get(name);
    if (other !== undefined) {
      throw new UserError(
        `data product '${name}' is given twice (${other} and ${p.file}): one output file per product name`,
        p.positionOf(["metadata", "name"]),
      );
    }
    names.set(name, p.file);
  }

  // Literal credentials: warnings, never copied.
  for (const f of [manifest, ...products].flatMap(plainSecrets)) ctx.add(f);

  // Mappings: what the charts cannot run stops here.
  const platformMap = mapManifest(manifest.value);
  const presets = presetsOf(manifest.value);
  const productMaps = products.map((p) => ({
    file: p,
    map: mapProduct(p.value, presets),
    name: productName(p.value),
  }));
  const mapped = [
    presetProblems(presets).map((p) =>
      finding(
        { rule: "generate/resource-preset", severity: "error", message: p.message },
        manifest.positionOf(p.path) ?? { file: manifest.file, line: 1 },
      ),
    ),
    mappingFindings(platformMap, manifest),
    ...productMaps.map((p) => mappingFindings(p.map, p.file)),
  ].flat();
  for (const f of mapped.filter((f) => f.severity !== "error")) ctx.add(f);
  const unsupported = mapped.filter((f) => f.severity === "error");
  if (unsupported.length > 0) stop(ctx, unsupported, "what the charts can run");

  const platform = await loadChart("floe-platform", o.platformChart, cwd);
  const jobsChart = await loadChart("floe-jobs", o.jobsChart, cwd);
  const valuesLayers: Record<ChartName, Layer[]> = { "floe-platform": [], "floe-jobs": [] };
  const valuesProblems: Finding[] = [];
  for (const v of valuesArgs) {
    let loaded: LoadedYaml;
    try {
      loaded = await loadYamlFile(shown(cwd, v.file), cwd);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT")
        throw new UserError(`--values ${v.chart}=${v.file}: no such file`);
      throw e;
    }
    for (const p of loaded.problems)
      valuesProblems.push(finding({ rule: p.rule, severity: "error", message: p.message }, p.at));
    valuesLayers[v.chart].push(fileLayer(loaded));
  }
  if (valuesProblems.length > 0) stop(ctx, valuesProblems, "the --values files");

  // Merge and check every file against its chart's schema.
  const outputs: Array<OutputFile & { render: RenderJob }> = [];
  const schemaFindings: Finding[] = [];
  const endpointFindings = new Map<string, Finding>();
  const setShown = sets.map((s) => `--set ${s.raw}`);
  /** One output file: its text (header and overlay) and the helm render that must pass before it is written. */
  const emit = (
    name: string,
    chartDir: string,
    overlay: Parameters<typeof valuesText>[1],
    header: HeaderInfo,
  ) => {
    const text = valuesText(header, overlay);
    outputs.push({
      name,
      text,
      render: { name, chartDir, release: header.release, namespace: header.namespace, text },
    });
  };
  for (const env of envs) {
    // The environment's preset is one of its defaults; a preset the manifest defines is placed there.
    const preset = presets.get(env.preset)!;
    const envLabel = `environment defaults (${env.name}${env.baseReason ? `: those of ${env.base}, by ${env.baseReason}` : ""}; resource preset ${env.preset}${preset.from ? ` of ${manifest.file}` : ", built in"})`;
    const presetLayer = (chart: ChartName): Layer => {
      const v = presetValues(chart, preset);
      return preset.from ? mappedLayer(manifest, v.values, v.from) : labelLayer(envLabel, v.values);
    };
    const pLayers = [
      labelLayer(envLabel, env.platform),
      presetLayer("floe-platform"),
      mappedLayer(manifest, platformMap.values, platformMap.from),
      ...valuesLayers["floe-platform"],
      ...setLayers(sets, "floe-platform"),
    ];
    const p = checkLayers(platform, pLayers);
    schemaFindings.push(...p.findings);
    emit(platformFileName(env.name), platform.dir, p.overlay, {
      chart: "floe-platform",
      env: env.name,
      release: o.release,
      namespace: env.namespace,
      layers: [
        envLabel,
        manifest.file,
        ...valuesLayers["floe-platform"].map((l) => l.source),
        ...setShown.filter((s) => s.startsWith("--set floe-platform.")),
      ],
    });

    if (env.base === "prod")
      for (const w of prodWarnings(p.full, manifest, platform.defaults))
        endpointFindings.set(`${w.file}:${w.line}:${w.message}`, w);
    const endpoints = platformEndpoints(o.release, p.full);
    for (const w of endpointWarnings(manifest, endpoints, o.release))
      endpointFindings.set(`${w.line}:${w.message}`, w);
    for (const prod of productMaps) {
      const jLayers = [
        labelLayer(envLabel, env.jobs),
        presetLayer("floe-jobs"),
        mappedLayer(manifest, endpointValues(endpoints), []),
        mappedLayer(prod.file, prod.map.values, prod.map.from),
        ...valuesLayers["floe-jobs"],
        ...setLayers(sets, "floe-jobs"),
      ];
      const j = checkLayers(jobsChart, jLayers);
      schemaFindings.push(...j.findings);
      emit(jobsFileName(prod.name, env.name), jobsChart.dir, j.overlay, {
        chart: "floe-jobs",
        env: env.name,
        release: prod.name,
        namespace: env.namespace,
        layers: [
          envLabel,
          `${manifest.file} (platform endpoints of release ${o.release})`,
          prod.file.file,
          ...valuesLayers["floe-jobs"].map((l) => l.source),
          ...setShown.filter((s) => s.startsWith("--set floe-jobs.")),
        ],
      });
    }
  }
  for (const w of endpointFindings.values()) ctx.add(w);
  const uniqueSchema = [
    ...new Map(schemaFindings.map((f) => [`${f.file}:${f.line}:${f.col}:${f.message}`, f])).values(),
  ];
  if (uniqueSchema.length > 0) stop(ctx, uniqueSchema, "the generated values");

  // Rendered by helm before anything is written.
  const { resolveTools } = await import("../tools/resolve.js");
  const major = Math.max(...inputs.helmMajors) as 3 | 4;
  const slot = major === 3 ? "helm3" : "helm4";
  const bin = (await resolveTools(inputs, [slot], { warn: ctx.progress, progress: ctx.progress }))[slot];
  ctx.progress(`generate: rendering ${outputs.length} values file(s) with helm ${major}`);
  const failures = await renderAll(
    { bin, major },
    outputs.map((x) => x.render),
  );
  ctx.check({ id: `generate render helm${major}`, state: failures.length ? "fail" : "pass" });
  if (failures.length > 0) {
    stop(
      ctx,
      failures.map((f) => ({
        rule: "helm-template",
        severity: "error",
        message: `helm template with ${f.name}: ${f.message}`,
      })),
      "the rendered charts",
    );
  }

  const written = await writeOutputs(
    outDir,
    outShown,
    outputs.map(({ name, text }) => ({ name, text })),
  );
  for (const w of written) ctx.progress(`generate: wrote ${path.join(o.outputDir, path.basename(w))}`);
  ctx.output("files", written.map((w) => shown(cwd, w)).join("\n"));
}
