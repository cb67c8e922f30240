// generate's inputs: floe's platform manifest and data products, checked against
// schemas/floe-manifest.schema.json and schemas/floe-spec.schema.json before anything else (one finding per
// violation at file:line:col, as the gate reports values), and the chart overrides of --values and --set.
import type { ValidateFunction } from "ajv";
import manifestSchema from "../../schemas/floe-manifest.schema.json" with { type: "json" };
import specSchema from "../../schemas/floe-spec.schema.json" with { type: "json" };
import { UserError } from "../core/errors.js";
import type { Finding } from "../core/findings.js";
import { isObj } from "../core/objects.js";
import { createAjv } from "../values/ajv.js";
import { problemAt } from "../values/schema.js";
import { type LoadedYaml, loadYamlFile } from "../values/yaml.js";

export type FloeKind = "Manifest" | "FloeSpec";

const flagOf: Record<FloeKind, string> = { Manifest: "--manifest", FloeSpec: "--product" };
const what: Record<FloeKind, string> = {
  Manifest: "a floe platform manifest (kind: Manifest)",
  FloeSpec: "a floe data product (kind: FloeSpec)",
};

let validators: Record<FloeKind, ValidateFunction> | undefined;
function validatorOf(kind: FloeKind): ValidateFunction {
  validators ??= {
    Manifest: createAjv().compile(manifestSchema),
    FloeSpec: createAjv().compile(specSchema),
  };
  return validators[kind];
}

/** The file's findings against its schema: YAML faults first (then nothing else), else one per schema
 * violation. A file of the other floe kind (or no kind) is one finding at its `kind` line. */
export function checkFloeFile(loaded: LoadedYaml, kind: FloeKind): Finding[] {
  const rule = kind === "Manifest" ? "floe-manifest-schema" : "floe-spec-schema";
  if (loaded.problems.length > 0) {
    return loaded.problems.map((p) => ({
      rule: p.rule,
      severity: "error",
      message: p.message,
      file: p.at.file,
      line: p.at.line,
      ...(p.at.col ? { col: p.at.col } : {}),
    }));
  }
  const v = loaded.value;
  const at = (p: readonly string[]) => loaded.positionOf(p) ?? { file: loaded.file, line: 1, col: 1 };
  if (!isObj(v) || v.kind !== kind) {
    const got = isObj(v) && "kind" in v ? `kind is ${JSON.stringify(v.kind)}` : "no kind";
    const pos = at(isObj(v) && "kind" in v ? ["kind"] : []);
    return [
      {
        rule,
        severity: "error",
        message: `${got}: ${flagOf[kind]} takes ${what[kind]}`,
        file: pos.file,
        line: pos.line,
        ...(pos.col ? { col: pos.col } : {}),
      },
    ];
  }
  const validate = validatorOf(kind);
  const semantic = kind === "Manifest" ? promotionProblems(loaded, rule) : [];
  if (validate(v)) return semantic;
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const e of validate.errors ?? []) {
    const p = problemAt(e, v, [loaded]);
    const key = `${p.at.line}:${p.at.col}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      rule,
      severity: "error",
      message:
        e.keyword === "pattern" && e.instancePath.endsWith("/cron")
          ? `${p.message.split(":")[0]}: not a five-field cron expression (minute hour day-of-month month day-of-week), as Dagster schedules it`
          : p.message.replace(/^values([.:])/, "document$1"),
      file: p.at.file,
      line: p.at.line,
      ...(p.at.col ? { col: p.at.col } : {}),
    });
  }
  return [...out, ...semantic];
}

/** What floe refuses in a promotion path and a schema cannot say (or say clearly): two environments of one
 * name, a policy_compliance gate turned off (floe runs it for every environment). */
function promotionProblems(loaded: LoadedYaml, rule: string): Finding[] {
  const out: Finding[] = [];
  const add = (path: Array<string | number>, message: string) => {
    const pos = loaded.positionOf(["artifacts", "promotion", "environments", ...path]);
    out.push({
      rule,
      severity: "error",
      message: `artifacts.promotion.environments.${path.join(".")}: ${message}`,
      file: pos?.file ?? loaded.file,
      line: pos?.line ?? 1,
      ...(pos?.col ? { col: pos.col } : {}),
    });
  };
  const seen = new Set<string>();
  promotionEnvironments(loaded.value).forEach((e, i) => {
    const name = environmentName(e);
    if (seen.has(name))
      add(
        [i, "name"],
        `environment ${JSON.stringify(name)} is already in the promotion path (names must be unique)`,
      );
    seen.add(name);
    if (isObj(e) && isObj(e.gates) && e.gates.policy_compliance === false)
      add(
        [i, "gates", "policy_compliance"],
        "cannot be false: floe runs the policy compliance gate for every environment",
      );
  });
  return out;
}

/** The environment names of a manifest's promotion path, in order (none when it has no promotion). */
export function promotionPath(manifest: unknown): string[] {
  return promotionEnvironments(manifest).map(environmentName);
}

const environmentName = (e: unknown) => (isObj(e) && typeof e.name === "string" ? e.name : "");

function promotionEnvironments(manifest: unknown): unknown[] {
  const a = isObj(manifest) ? manifest.artifacts : undefined;
  const p = isObj(a) ? a.promotion : undefined;
  return isObj(p) && Array.isArray(p.environments) ? p.environments : [];
}

/** Reads one floe file (YAML 1.1, as floe reads it); a missing file is one usage error naming the flag. */
export async function loadFloeFile(file: string, kind: FloeKind, cwd: string): Promise<LoadedYaml> {
  try {
    return await loadYamlFile(file, cwd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`${flagOf[kind]} ${file}: no such file`);
    if (code === "EISDIR") throw new UserError(`${flagOf[kind]} ${file}: is a folder, not a file`);
    throw e;
  }
}

/** The two charts generate writes values for. */
export const chartNames = ["floe-platform", "floe-jobs"] as const;
export type ChartName = (typeof chartNames)[number];

export interface ValuesArg {
  chart: ChartName;
  file: string;
}

/** `--values CHART=FILE`: a values file for one of the two charts (floe-jobs: every data product). */
export function parseValuesArg(arg: string): ValuesArg {
  const eq = arg.indexOf("=");
  const chart = eq > 0 ? arg.slice(0, eq).trim() : "";
  const file = eq > 0 ? arg.slice(eq + 1).trim() : "";
  if (!(chartNames as readonly string[]).includes(chart) || file === "") {
    throw new UserError(
      `--values ${JSON.stringify(arg)}: expected floe-platform=FILE or floe-jobs=FILE (the chart the file is for)`,
    );
  }
  return { chart: chart as ChartName, file };
}

export interface SetArg {
  /** The argument as given, how findings name it. */
  raw: string;
  chart: ChartName;
  path: string[];
  value: unknown;
}

/** A --set value as helm reads one: true/false, null, integers; `{a,b}` a list of strings; else a string. */
export function setValue(text: string): unknown {
  if (text === "true") return true;
  if (text === "false") return false;
  if (text === "null") return null;
  if (/^-?(0|[1-9][0-9]{0,14})$/.test(text)) return Number(text);
  if (text.startsWith("{") && text.endsWith("}")) {
    const inner = text.slice(1, -1);
    return inner === "" ? [] : inner.split(",");
  }
  return text;
}

/** `--set CHART.path.to.key=value` (`\.` for a dot inside a key). The chart comes first because the two
 * charts declare different keys. */
export function parseSetArg(raw: string): SetArg {
  const eq = raw.indexOf("=");
  const bad = (why: string) =>
    new UserError(
      `--set ${JSON.stringify(raw)}: ${why} (expected floe-platform.KEY.PATH=VALUE or floe-jobs.KEY.PATH=VALUE)`,
    );
  if (eq <= 0) throw bad("no '='");
  const segs = raw
    .slice(0, eq)
    .split(/(?<!\\)\./)
    .map((s) => s.replace(/\\\./g, "."));
  const [chart, ...path] = segs;
  if (!(chartNames as readonly string[]).includes(chart ?? ""))
    throw bad(`'${chart}' is not one of the charts`);
  if (path.length === 0 || path.some((s) => s === "")) throw bad("empty key path");
  if (path.some((s) => /[[\]]/.test(s))) throw bad("list indexes are not supported; set the whole list");
  return { raw, chart: chart as ChartName, path, value: setValue(raw.slice(eq + 1)) };
}
