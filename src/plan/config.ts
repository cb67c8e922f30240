// floe-gate.yaml -> GateConfig: validated once against schemas/floe-gate.schema.json, every problem one
// usage error at file:line:col; no file means defaults (every chart under charts/).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import schema from "../../schemas/floe-gate.schema.json" with { type: "json" };
import { DEFAULT_KUBESEC_THRESHOLD } from "../checks/kubesec.js";
import { assertValidDocument } from "../config/document.js";
import type { HelmMajor, Inputs } from "../config/inputs.js";
import { UserError } from "../core/errors.js";
import type { Severity } from "../core/findings.js";
import type { SourcePosition } from "../core/rendered.js";
import { NAMESPACE } from "../helm/argv.js";
import { defaultKubeVersion } from "../k8s/schemas.js";
import { cacheableCode, compileCached } from "../perf/validator-cache.js";
import {
  type CoverageSettings,
  coveragePatterns,
  DEFAULT_FAIL_ON,
  readCoverageSettings,
} from "../report/requirements.js";
import { createAjv } from "../values/ajv.js";
import { parseYamlText } from "../values/yaml.js";
import type { E2eConfig, GateConfig, Waiver } from "./types.js";

export const DEFAULT_CONFIG_FILE = "floe-gate.yaml";
export { DEFAULT_KUBESEC_THRESHOLD };

/** `1.37`, `v1.37`, `1.37.2` -> `1.37`; anything else is a usage error naming its source. */
export function normalizeKubeVersion(v: string, source: string): string {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(v.trim());
  if (!m) throw new UserError(`${source}: expected a Kubernetes version X.Y (e.g. 1.37), got '${v}'`);
  return `${m[1]}.${m[2]}`;
}

interface RawConfig {
  charts?: Array<{
    dir: string;
    scenarios?: Array<{
      name: string;
      values?: string[];
      environment?: string;
      notRun?: Array<{ component: string; reason: string }>;
      platform?: { chart: string; scenario: string; release: string; at?: SourcePosition };
    }>;
    discover?: boolean;
  }>;
  helm?: string | number | number[];
  kubeVersion?: string;
  kubesec?: { threshold?: number };
  waivers?: Waiver[];
  severity?: Record<string, Severity | "off">;
  requirements?: Record<string, string[] | { title: string; priority: string; covers?: string[] }>;
  coverage?: { failOn?: string[] };
  /** `requirements:` and `coverage:` as read (src/report/requirements.ts), set by loadConfigFile. */
  coverageSettings?: CoverageSettings;
  externalReferences?: Array<{ kind: string; name: string; reason?: string }>;
  kinds?: Array<{ apiVersion: string; kind: string }>;
  policy?: { networkPolicyEnvironments?: string[]; prodEnvironments?: string[] };
  e2e?: {
    platform: Omit<E2eConfig["platform"], "values" | "objects"> & { values?: string[]; objects?: string[] };
    product: E2eConfig["product"];
  };
}

// Compiled on first use (and cached on disk): `floe-helm --help` need not pay for it.
let compiledConfig: ValidateFunction<RawConfig> | undefined;
const configValidator = (): ValidateFunction<RawConfig> =>
  (compiledConfig ??= compileCached(
    [JSON.stringify(schema), String(createAjv), String(configValidator)],
    () => {
      const ajv = createAjv({ code: { ...cacheableCode } });
      return { ajv, validate: ajv.compile(schema) };
    },
  ) as ValidateFunction<RawConfig>);

function helmFromConfig(v: RawConfig["helm"]): HelmMajor[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return [...new Set(v)].sort() as HelmMajor[];
  if (v === "both") return [3, 4];
  return [Number(v) as HelmMajor];
}

/** Reads and validates the config file; throws UserError at file:line:col for any problem. Each waiver
 * keeps its position in the file. */
export async function loadConfigFile(file: string, cwd: string): Promise<RawConfig> {
  const rel = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new UserError(`config file not found: ${rel}`);
    throw e;
  }
  const y = parseYamlText(text, rel, "1.2");
  // Requirements first (YAML problems aside): their errors name the problem, the schema's only its keyword.
  const coverageSettings = y.problems.length ? undefined : readCoverageSettings(y);
  assertValidDocument(configValidator(), y, "floe-gate.yaml", "schemas/floe-gate.schema.json");
  const value = y.value ?? {};
  const raw = value as RawConfig;
  if (coverageSettings) raw.coverageSettings = coverageSettings;
  if (raw.waivers) {
    raw.waivers = raw.waivers.map((w, i) => {
      const at = y.positionOf(["waivers", i]);
      return at ? { ...w, at } : w;
    });
  }
  // A platform that does not exist is found when the plan is built: it needs the charts' scenarios.
  for (const [i, c] of (raw.charts ?? []).entries())
    for (const [j, sc] of (c.scenarios ?? []).entries()) {
      const at = sc.platform && y.positionOf(["charts", i, "scenarios", j, "platform"]);
      if (sc.platform && at) sc.platform = { ...sc.platform, at };
    }
  // `e2e`'s charts and scenario are checked when the e2e phase resolves them (src/e2e/config.ts).
  if (raw.e2e) {
    const at = (k: string) => y.positionOf(["e2e", k]);
    const pa = at("platform");
    const pr = at("product");
    raw.e2e = {
      platform: { ...raw.e2e.platform, ...(pa ? { at: pa } : {}) },
      product: { ...raw.e2e.product, ...(pr ? { at: pr } : {}) },
    };
  }
  return raw;
}

/** The gate's config: the file (given, or ./floe-gate.yaml when present) over defaults, then Inputs. */
export async function resolveConfig(inputs: Inputs, cwd: string): Promise<GateConfig> {
  const file =
    inputs.gateConfig ??
    (existsSync(path.join(cwd, DEFAULT_CONFIG_FILE)) ? path.join(cwd, DEFAULT_CONFIG_FILE) : undefined);
  const raw: RawConfig = file ? await loadConfigFile(file, cwd) : {};
  const kubeVersion = inputs.kubeVersion
    ? normalizeKubeVersion(inputs.kubeVersion, "--kube-version")
    : raw.kubeVersion
      ? normalizeKubeVersion(raw.kubeVersion, "floe-gate.yaml kubeVersion")
      : defaultKubeVersion();
  return {
    ...(file ? { file: path.relative(cwd, file) } : {}),
    charts: (raw.charts ?? []).map((c) => ({
      dir: c.dir,
      ...(c.scenarios
        ? {
            scenarios: c.scenarios.map((s) => ({
              name: s.name,
              values: s.values ?? [],
              ...(s.environment ? { environment: s.environment } : {}),
              ...(s.notRun?.length ? { notRun: s.notRun } : {}),
              ...(s.platform ? { platform: s.platform } : {}),
            })),
          }
        : {}),
      ...(c.discover ? { discover: true } : {}),
    })),
    helmMajors: inputs.helmExplicit ? inputs.helmMajors : (helmFromConfig(raw.helm) ?? inputs.helmMajors),
    settings: {
      kubeVersion,
      kubesecThreshold: raw.kubesec?.threshold ?? DEFAULT_KUBESEC_THRESHOLD,
      externalReferences: raw.externalReferences ?? [],
      // Objects without metadata.namespace are rendered into the gate's release namespace.
      releaseNamespace: NAMESPACE,
      ...(raw.kinds ? { kinds: raw.kinds } : {}),
      ...(raw.policy?.networkPolicyEnvironments
        ? { networkPolicyEnvironments: raw.policy.networkPolicyEnvironments }
        : {}),
      ...(raw.policy?.prodEnvironments ? { prodEnvironments: raw.policy.prodEnvironments } : {}),
    },
    waivers: raw.waivers ?? [],
    severity: raw.severity ?? {},
    requirements: coveragePatterns(raw.coverageSettings?.requirements ?? {}),
    coverage: raw.coverageSettings ?? { requirements: {}, failOn: [...DEFAULT_FAIL_ON] },
    ...(raw.e2e
      ? {
          e2e: {
            platform: {
              ...raw.e2e.platform,
              values: raw.e2e.platform.values ?? [],
              objects: raw.e2e.platform.objects ?? [],
            },
            product: raw.e2e.product,
          },
        }
      : {}),
  };
}
