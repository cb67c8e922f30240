// Manifest -> floe-platform values, and the endpoints between the two charts. The mapping copies only the
// keys it names (so nothing else of the manifest, a literal credential least of all, reaches the values) and
// says for each values path which manifest line it came from. Endpoints are derived from the platform
// release's name and values, as the chart names its Services (floe-common.names.component): a URL written
// in the manifest is replaced by the derived one, with a warning when they differ.
import type { Finding } from "../core/findings.js";
import { isObj } from "../core/objects.js";
import type { DocPath } from "../core/rendered.js";
import type { LoadedYaml } from "../values/yaml.js";

export interface Mapped {
  values: Record<string, unknown>;
  /** values path <- path in the floe file it came from. */
  from: Array<readonly [DocPath, DocPath]>;
  /** Parts of the file the charts cannot run (errors) or do not take (warnings, info). */
  findings: Array<{ severity: Finding["severity"]; rule: string; path: DocPath; message: string }>;
}

const obj = (v: unknown): Record<string, unknown> => (isObj(v) ? v : {});
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** Sets a value in `m.values` at `to`, remembering it came from `from`. */
export function put(m: Mapped, to: readonly string[], value: unknown, from: DocPath): void {
  let cur = m.values;
  for (const k of to.slice(0, -1)) {
    if (!isObj(cur[k])) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[to[to.length - 1]!] = value;
  m.from.push([to, from]);
}

/** Does this S3 endpoint name the platform's bundled MinIO (rather than an external S3)? */
export function isBundledMinio(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  try {
    return /(^|-)minio$/.test(new URL(endpoint).hostname.split(".")[0] ?? "");
  } catch {
    return false;
  }
}

/** floe-platform values from a manifest (already valid against floe-manifest.schema.json). */
export function mapManifest(manifest: unknown): Mapped {
  const m: Mapped = { values: {}, from: [], findings: [] };
  const doc = obj(manifest);
  const plugins = obj(doc.plugins);
  const name = str(obj(doc.metadata).name);
  if (name) put(m, ["commonLabels", "floe.dev/platform"], name, ["metadata", "name"]);

  const orchestrator = obj(plugins.orchestrator);
  if (str(orchestrator.type) && orchestrator.type !== "dagster") {
    m.findings.push({
      severity: "error",
      rule: "generate/unsupported-plugin",
      path: ["plugins", "orchestrator", "type"],
      message: `plugins.orchestrator.type ${JSON.stringify(orchestrator.type)}: floe-platform runs Dagster only`,
    });
  }

  const catalog = obj(plugins.catalog);
  if (str(catalog.type)) {
    const polaris = catalog.type === "polaris";
    put(m, ["polaris", "enabled"], polaris, ["plugins", "catalog", "type"]);
    const warehouse = str(obj(catalog.config).warehouse);
    if (polaris && warehouse)
      put(m, ["polaris", "catalogName"], warehouse, ["plugins", "catalog", "config", "warehouse"]);
    if (!polaris) {
      m.findings.push({
        severity: "info",
        rule: "generate/external-plugin",
        path: ["plugins", "catalog", "type"],
        message: `plugins.catalog.type ${JSON.stringify(catalog.type)}: not run by floe-platform (polaris.enabled false); the jobs get no POLARIS_* variables`,
      });
    }
  }

  const storage = obj(plugins.storage);
  const storageType = str(storage.type);
  if (storageType) {
    const config = obj(storage.config);
    const at = (k: string): DocPath => ["plugins", "storage", "config", k];
    const endpoint = str(config.endpoint);
    if (storageType === "minio" || (storageType === "s3" && isBundledMinio(endpoint))) {
      put(m, ["objectStorage", "mode"], "minio", ["plugins", "storage", "type"]);
    } else if (storageType === "s3") {
      put(m, ["objectStorage", "mode"], "external", ["plugins", "storage", "type"]);
      if (endpoint) put(m, ["objectStorage", "external", "endpoint"], endpoint, at("endpoint"));
      if (typeof config.path_style_access === "boolean")
        put(
          m,
          ["objectStorage", "external", "pathStyleAccess"],
          config.path_style_access,
          at("path_style_access"),
        );
    } else {
      m.findings.push({
        severity: "error",
        rule: "generate/unsupported-plugin",
        path: ["plugins", "storage", "type"],
        message: `plugins.storage.type ${JSON.stringify(storageType)}: floe-platform stores tables in its bundled MinIO or an S3 endpoint (s3, minio)`,
      });
    }
    const bucket = str(config.bucket);
    if (bucket) put(m, ["objectStorage", "bucket"], bucket, at("bucket"));
    const region = str(config.region);
    if (region) put(m, ["objectStorage", "region"], region, at("region"));
  }

  const lineage = obj(plugins.lineage_backend);
  if (str(lineage.type)) {
    const marquez = lineage.type === "marquez";
    put(m, ["marquez", "enabled"], marquez, ["plugins", "lineage_backend", "type"]);
    if (!marquez) {
      m.findings.push({
        severity: "info",
        rule: "generate/external-plugin",
        path: ["plugins", "lineage_backend", "type"],
        message: `plugins.lineage_backend.type ${JSON.stringify(lineage.type)}: not run by floe-platform (marquez.enabled false); the jobs get no OPENLINEAGE_URL`,
      });
    }
  }
  return m;
}

/** What floe-jobs' `platform` values hold: where the platform release's services are. */
export interface Endpoints {
  polarisUrl: string;
  catalog: string;
  s3Endpoint: string;
  otelEndpoint: string;
  marquezUrl: string;
  podSelector: Record<string, string>;
}

const trunc63 = (s: string) => s.slice(0, 63).replace(/-+$/, "");

/** floe-common.names.fullname: fullnameOverride, else the release when it holds the chart name, else
 * "<release>-<chart>"; cut to 63. */
export function fullnameOf(
  release: string,
  values: Record<string, unknown>,
  chart = "floe-platform",
): string {
  const override = str(values.fullnameOverride);
  if (override) return trunc63(override);
  const name = str(values.nameOverride) ?? chart;
  return trunc63(release.includes(name) ? release : `${release}-${name}`);
}

/** The endpoints of a floe-platform release with these (merged, complete) values. */
export function platformEndpoints(release: string, values: Record<string, unknown>): Endpoints {
  const full = fullnameOf(release, values);
  const host = (component: string) => trunc63(`${full}-${component}`);
  const port = (section: string, key = "port") => String(obj(obj(values[section]).service)[key]);
  const polaris = obj(values.polaris);
  const storage = obj(values.objectStorage);
  return {
    polarisUrl: polaris.enabled === false ? "" : `http://${host("polaris")}:${port("polaris")}/api/catalog`,
    catalog: str(polaris.catalogName) ?? "floe",
    s3Endpoint:
      storage.mode === "external"
        ? (str(obj(storage.external).endpoint) ?? "")
        : `http://${host("minio")}:${port("minio")}`,
    otelEndpoint: `http://${host("otel-collector")}:${port("otelCollector", "grpcPort")}`,
    marquezUrl: obj(values.marquez).enabled === true ? `http://${host("marquez")}:${port("marquez")}` : "",
    podSelector: { "app.kubernetes.io/instance": release },
  };
}

/** The URLs a manifest writes and the derived endpoint each is replaced by. */
export function manifestUrls(
  manifest: unknown,
  e: Endpoints,
): Array<{ path: DocPath; written: string; derived: string }> {
  const doc = obj(manifest);
  const plugins = obj(doc.plugins);
  const catalog = obj(obj(plugins.catalog).config);
  const candidates: Array<[DocPath, unknown, string]> = [
    [["plugins", "catalog", "config", "uri"], catalog.uri, e.polarisUrl],
    [
      ["plugins", "catalog", "config", "oauth2", "token_url"],
      obj(catalog.oauth2).token_url,
      e.polarisUrl && `${e.polarisUrl}/v1/oauth/tokens`,
    ],
    [["plugins", "storage", "config", "endpoint"], obj(obj(plugins.storage).config).endpoint, e.s3Endpoint],
    [
      ["plugins", "lineage_backend", "config", "url"],
      obj(obj(plugins.lineage_backend).config).url,
      e.marquezUrl,
    ],
    [["observability", "tracing", "endpoint"], obj(obj(doc.observability).tracing).endpoint, e.otelEndpoint],
    [
      ["observability", "lineage", "endpoint"],
      obj(obj(doc.observability).lineage).endpoint,
      e.marquezUrl && `${e.marquezUrl}/api/v1/lineage`,
    ],
  ];
  const out: Array<{ path: DocPath; written: string; derived: string }> = [];
  for (const [path, written, derived] of candidates) {
    if (typeof written === "string" && written !== "" && derived !== "") out.push({ path, written, derived });
  }
  return out;
}

/** A warning for each URL of the manifest that differs from the endpoint the jobs are given instead. */
export function endpointWarnings(manifest: LoadedYaml, e: Endpoints, release: string): Finding[] {
  const out: Finding[] = [];
  for (const u of manifestUrls(manifest.value, e)) {
    if (u.written.replace(/\/+$/, "") === u.derived) continue;
    const pos = manifest.positionOf(u.path) ?? { file: manifest.file, line: 1 };
    out.push({
      rule: "generate/derived-endpoint",
      severity: "warning",
      message: `${u.path.join(".")}: ${u.written} is replaced by ${u.derived}, the endpoint of the floe-platform release '${release}'`,
      file: pos.file,
      line: pos.line,
      ...(pos.col ? { col: pos.col } : {}),
    });
  }
  return out;
}
