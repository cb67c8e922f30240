export const id = 523;
export const ids = [523];
export const modules = {

/***/ 7950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ quantityValue),
/* harmony export */   E: () => (/* binding */ isQuantity)
/* harmony export */ });
// Kubernetes resource quantities (k8s.io/apimachinery resource.Quantity): a decimal number and a suffix,
// binary (Ki..Ei), decimal (n, u, m, k..E) or an exponent (1e3). One parser for every layer: generate's
// preset checks, upgrade's storage-size comparisons.
const QUANTITY = /^\+?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$/;
const FACTOR = {
    n: 1e-9,
    u: 1e-6,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
};
/** Whether Kubernetes accepts `q` as a quantity. */
const isQuantity = (q) => QUANTITY.test(q);
/** The quantity's value (`500m` 0.5, `4Gi` 4294967296); undefined when it is not a quantity. */
function quantityValue(q) {
    const m = QUANTITY.exec(String(q ?? "").trim());
    if (!m)
        return undefined;
    const suffix = m[3] ?? "";
    return /^[eE]/.test(suffix) ? Number(`${m[1]}${suffix}`) : Number(m[1]) * (FACTOR[suffix] ?? 1);
}


/***/ }),

/***/ 4523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkLayers: () => (/* binding */ checkLayers),
  prodWarnings: () => (/* binding */ prodWarnings),
  runGenerate: () => (/* binding */ runGenerate)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/values/schema.ts
var schema = __webpack_require__(7439);
// EXTERNAL MODULE: ./src/values/yaml.ts
var yaml = __webpack_require__(3319);
// EXTERNAL MODULE: ./src/core/objects.ts
var objects = __webpack_require__(7459);
// EXTERNAL MODULE: ./src/core/quantity.ts
var quantity = __webpack_require__(7950);
;// CONCATENATED MODULE: ./src/generate/presets.ts
// Resource presets (floe's `resource_presets`: small, medium, large, or any name the manifest gives) and the
// `resources` they become in the charts' values. floe's own presets are built in; the manifest's replace
// those of the same name and add others, in either of floe's two shapes. Each environment picks one by name;
// a data product may pick another for its jobs through a label, because floe's FloeSpec has no other key for
// it (transforms are closed).


/** The product label naming its jobs' preset. */
const PRESET_LABEL = "floe.dev/resource-preset";
const preset = (cpu, memory, cpuLimit, memoryLimit) => ({
    requests: { cpu, memory },
    limits: { cpu: cpuLimit, memory: memoryLimit },
});
/** floe's built-in presets (floe-core helm ResourcePreset.small/medium/large, also its demo manifest's). */
const builtInPresets = {
    small: preset("100m", "256Mi", "500m", "512Mi"),
    medium: preset("250m", "512Mi", "1000m", "1Gi"),
    large: preset("500m", "1Gi", "2000m", "2Gi"),
};
/** The preset each environment's run pods and jobs get: floe's non-prod/prod split, staging in between. */
const environmentPresets = {
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
];
/** The built-in presets and the manifest's (already valid against floe-manifest.schema.json), by name. */
function presetsOf(manifest) {
    const out = new Map();
    for (const [name, resources] of Object.entries(builtInPresets))
        out.set(name, { name, resources: structuredClone(resources) });
    const declared = (0,objects/* isObj */.s)(manifest) && (0,objects/* isObj */.s)(manifest.resource_presets) ? manifest.resource_presets : {};
    for (const [name, p] of Object.entries(declared)) {
        if (!(0,objects/* isObj */.s)(p))
            continue;
        const nested = (0,objects/* isObj */.s)(p.requests) && (0,objects/* isObj */.s)(p.limits);
        const resources = preset("", "", "", "");
        const from = [];
        for (const [kind, what, flat] of leaves) {
            const path = nested
                ? ["resource_presets", name, kind, what]
                : ["resource_presets", name, flat];
            const v = nested ? p[kind][what] : p[flat];
            resources[kind][what] = String(v);
            from.push([[kind, what], path]);
        }
        out.set(name, { name, resources, from });
    }
    return out;
}
/** What Kubernetes would refuse in the manifest's presets: a value that is not a quantity, a request above
 * its limit. Each at the manifest path of the value. */
function presetProblems(presets) {
    const out = [];
    for (const p of presets.values()) {
        if (!p.from)
            continue;
        const at = (kind, what) => p.from.find(([to]) => to[0] === kind && to[1] === what)[1];
        for (const [kind, what] of leaves) {
            const v = p.resources[kind][what];
            const path = at(kind, what);
            if (!(0,quantity/* isQuantity */.E)(v))
                out.push({
                    path,
                    message: `resource preset ${p.name}: ${path.slice(2).join(".")} ${JSON.stringify(v)} is not a Kubernetes quantity (e.g. 500m, 2, 512Mi, 4Gi)`,
                });
        }
        for (const what of ["cpu", "memory"]) {
            const req = (0,quantity/* quantityValue */.$)(p.resources.requests[what]) ?? Number.NaN;
            const lim = (0,quantity/* quantityValue */.$)(p.resources.limits[what]) ?? Number.NaN;
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
function presetNames(presets) {
    return [...presets.keys()].join(", ");
}
/** Where a preset's resources go in each chart's values: the pods that run the data products' work (the
 * platform's own services keep the chart's sizing, each made for its component). */
const presetTargets = {
    "floe-platform": ["dagster", "runLauncher", "runResources"],
    "floe-jobs": ["jobDefaults", "resources"],
};
/** The values a preset gives a chart, and for each values path the manifest path it came from (none for a
 * built-in preset). */
function presetValues(chart, p) {
    const target = presetTargets[chart];
    let values = structuredClone(p.resources);
    for (let i = target.length - 1; i >= 0; i--)
        values = { [target[i]]: values };
    const from = (p.from ?? []).map(([to, at]) => [[...target, ...to], at]);
    return { values: values, from };
}

;// CONCATENATED MODULE: ./src/generate/environments.ts
// The environments generate knows and the defaults each adds over the charts' own: the namespace the values
// are rendered for, the resource preset of the run pods and jobs (src/generate/presets.ts),
// HorizontalPodAutoscalers and PodDisruptionBudgets in prod, NetworkPolicies in staging and prod. Four are
// built in (dev, test, staging, prod); any other name must be in the manifest's promotion path
// (artifacts.promotion.environments, the only list of environments a floe manifest has) and takes the
// defaults of a built-in one. Only keys the charts declare in values.schema.json (generate checks every output
// against them).


const environmentNames = ["dev", "test", "staging", "prod"];
// The charts refuse NetworkPolicies without the API server's addresses (the Dagster run launcher talks to
// it); the charts' own staging and prod files use the private range, to be narrowed per cluster.
const networkPolicy = { enabled: true, apiServer: { cidrs: ["10.0.0.0/8"] } };
const scaled = (min, max) => ({
    autoscaling: { enabled: true, minReplicas: min, maxReplicas: max, targetCPUUtilizationPercentage: 70 },
    pdb: { enabled: true, minAvailable: 1 },
});
const defaults = {
    // Laptops and CI: everything but the preset as the charts ship it.
    dev: { namespace: "floe-dev", platform: {}, jobs: {} },
    test: { namespace: "floe-test", platform: {}, jobs: {} },
    // Production topology without autoscaling: NetworkPolicies on (egress of the jobs only to the platform).
    staging: {
        namespace: "floe-staging",
        platform: { networkPolicy },
        jobs: { networkPolicy: { enabled: true } },
    },
    // NetworkPolicies, HPAs and PDBs of the stateless services, Marquez's too (the charts' defaults size the
    // pods; the gate's prod policy wants both on every Deployment).
    prod: {
        namespace: "floe-prod",
        platform: {
            networkPolicy,
            dagster: { webserver: scaled(2, 6) },
            polaris: scaled(2, 6),
            otelCollector: scaled(2, 4),
            marquez: { ...scaled(2, 4), web: scaled(2, 4) },
        },
        jobs: { networkPolicy: { enabled: true } },
    },
};
const isBuiltIn = (n) => environmentNames.includes(n);
const builtInList = environmentNames.join(", ");
/** The built-in environment of that name; any other name is one usage error listing them. */
function environment(name) {
    const n = name.trim();
    if (!isBuiltIn(n)) {
        throw new errors/* UserError */.yo(`--env ${JSON.stringify(name)}: unknown environment (built in: ${builtInList})`);
    }
    return { name: n, base: n, preset: environmentPresets[n], ...structuredClone(defaults[n]) };
}
/** The built-in a name of the promotion path takes its defaults from: the nearest built-in before it in the
 * path (qa after dev is dev-like, preprod after staging is staging-like, dr after prod is prod-like), else the
 * nearest after it (sandbox before dev is dev-like). floe groups every environment but prod as non-prod, and
 * a name never gets stricter defaults than the built-in environment promoted into it. */
function inferredBase(name, path) {
    const i = path.indexOf(name);
    if (i < 0)
        return undefined;
    if (isBuiltIn(name))
        return name;
    for (let j = i - 1; j >= 0; j--)
        if (isBuiltIn(path[j]))
            return path[j];
    for (let j = i + 1; j < path.length; j++)
        if (isBuiltIn(path[j]))
            return path[j];
    return undefined;
}
/** One `--env NAME[=BASE]`: a built-in environment, or a name of the manifest's promotion path with the
 * defaults of a built-in (inferred from its place in the path, or BASE). Anything else is one usage error. */
function resolveEnvironment(arg, promotion) {
    const [rawName, rawBase, ...rest] = arg.split("=");
    const name = rawName.trim();
    const base = rawBase?.trim();
    const flag = `--env ${JSON.stringify(arg)}`;
    if (rest.length > 0 || base === "")
        throw new errors/* UserError */.yo(`${flag}: expected NAME or NAME=BASE (BASE one of ${builtInList})`);
    if (isBuiltIn(name)) {
        if (base !== undefined && base !== name)
            throw new errors/* UserError */.yo(`${flag}: ${name} is built in and takes its own defaults; drop =${base}`);
        return environment(name);
    }
    if (!promotion.names.includes(name)) {
        const mapped = promotion.names.length > 0
            ? `nor in the manifest's promotion path (${promotion.at}: ${promotion.names.join(", ")})`
            : `and ${promotion.at} declares no promotion path (artifacts.promotion.environments) that maps others`;
        throw new errors/* UserError */.yo(`${flag}: unknown environment: not built in (${builtInList}) ${mapped}`);
    }
    if (base !== undefined && !isBuiltIn(base))
        throw new errors/* UserError */.yo(`${flag}: ${JSON.stringify(base)} is not a built-in environment (${builtInList})`);
    const from = base ?? inferredBase(name, promotion.names);
    if (from === undefined)
        throw new errors/* UserError */.yo(`${flag}: the promotion path (${promotion.at}: ${promotion.names.join(", ")}) has no built-in environment to take defaults from: write --env ${name}=BASE (BASE one of ${builtInList})`);
    const d = structuredClone(defaults[from]);
    return {
        name,
        base: from,
        baseReason: base !== undefined
            ? `--env ${name}=${from}`
            : `its place in the promotion path, ${promotion.names.indexOf(from) < promotion.names.indexOf(name) ? "after" : "before"} ${from}`,
        preset: environmentPresets[from],
        // Namespaces are DNS labels: floe's environment names may have underscores.
        namespace: `floe-${name.replaceAll("_", "-")}`,
        platform: d.platform,
        jobs: d.jobs,
    };
}

;// CONCATENATED MODULE: ./schemas/floe-manifest.schema.json
const floe_manifest_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://floe.dev/schemas/floe-helm/floe-manifest.schema.json","title":"floe platform manifest (manifest.yaml, kind Manifest)","description":"The platform team\'s manifest.yaml as floe (floe-core PlatformManifest, apiVersion floe.dev/v1) reads it. Top-level keys floe does not know are allowed (floe warns and ignores them) except environment-specific ones, which floe rejects: a manifest is environment-agnostic and FLOE_ENV picks the environment at run time. Every nested object floe declares closed is closed here. Plugin types are floe\'s built-in plugin registry per category (floe checks a selection against it, or against installed plugins, when it compiles).","type":"object","required":["apiVersion","kind","metadata","plugins"],"properties":{"apiVersion":{"const":"floe.dev/v1","description":"API version; floe knows only floe.dev/v1."},"kind":{"const":"Manifest","description":"Resource kind; always Manifest for a platform manifest."},"metadata":{"$ref":"#/definitions/metadata"},"scope":{"type":["string","null"],"enum":["enterprise","domain",null],"description":"Configuration scope: absent for a single (2-tier) platform, enterprise or domain for the 3-tier hierarchy."},"parent_manifest":{"type":["string","null"],"description":"OCI URI of the enterprise manifest a domain manifest inherits from; only with scope domain, where it is required."},"plugins":{"$ref":"#/definitions/plugins"},"governance":{"$ref":"#/definitions/governance"},"approved_plugins":{"type":["object","null"],"description":"Enterprise whitelist: plugin category -> plugin types domains may select. Only with scope enterprise.","additionalProperties":{"type":"array","items":{"type":"string"}}},"approved_sinks":{"type":["array","null"],"description":"Enterprise whitelist of reverse-ETL sink types. Only with scope enterprise.","items":{"type":"string"}},"approved_products":{"type":["array","null"],"description":"Data products a domain approves. Only with scope domain.","items":{"type":"string"}},"defaults":{"type":["object","null"],"description":"Default settings as plain strings (e.g. compute: duckdb).","additionalProperties":{"type":"string"}},"artifacts":{"$ref":"#/definitions/artifacts"},"observability":{"$ref":"#/definitions/observability"},"resource_presets":{"type":["object","null"],"description":"Named resource presets (e.g. small, medium, large) for the platform\'s runtime components.","additionalProperties":{"$ref":"#/definitions/resourcePreset"}}},"propertyNames":{"description":"Environment-specific top-level keys floe rejects in a manifest.","not":{"enum":["env_overrides","environments","environment","env","dev","staging","prod","production","target_env","floe_env"]}},"allOf":[{"description":"parent_manifest only with scope domain.","if":{"required":["parent_manifest"],"properties":{"parent_manifest":{"type":"string"}}},"then":{"required":["scope"],"properties":{"scope":{"const":"domain"}}}},{"description":"scope domain requires parent_manifest.","if":{"required":["scope"],"properties":{"scope":{"const":"domain"}}},"then":{"required":["parent_manifest"],"properties":{"parent_manifest":{"type":"string"}}}},{"description":"approved_plugins only with scope enterprise.","if":{"required":["approved_plugins"],"properties":{"approved_plugins":{"type":"object"}}},"then":{"required":["scope"],"properties":{"scope":{"const":"enterprise"}}}},{"description":"approved_sinks only with scope enterprise.","if":{"required":["approved_sinks"],"properties":{"approved_sinks":{"type":"array"}}},"then":{"required":["scope"],"properties":{"scope":{"const":"enterprise"}}}},{"description":"approved_products only with scope domain.","if":{"required":["approved_products"],"properties":{"approved_products":{"type":"array"}}},"then":{"required":["scope"],"properties":{"scope":{"const":"domain"}}}}],"definitions":{"semver":{"type":"string","pattern":"^[0-9]+\\\\.[0-9]+\\\\.[0-9]+$","description":"MAJOR.MINOR.PATCH."},"secretName":{"type":"string","minLength":1,"maxLength":253,"pattern":"^([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$","description":"Name of a Kubernetes Secret (lowercase letters, digits, hyphens; no hyphen at either end)."},"endpoint":{"type":["string","null"],"pattern":"^https?://","not":{"type":"string","pattern":"://(localhost|127\\\\.|10\\\\.|192\\\\.168\\\\.|172\\\\.(1[6-9]|2[0-9]|3[01])\\\\.|169\\\\.254\\\\.|::1)"},"description":"http(s) URL; floe refuses loopback, link-local and private-network addresses here."},"metadata":{"type":"object","additionalProperties":false,"required":["name","version","owner"],"description":"Identity and ownership of the manifest.","properties":{"name":{"type":"string","minLength":1,"maxLength":63,"pattern":"^([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$","not":{"enum":["default","system","floe","admin","root"]},"description":"Manifest name: lowercase letters, digits and hyphens, 1-63 characters, not a reserved word (default, system, floe, admin, root)."},"version":{"$ref":"#/definitions/semver"},"owner":{"type":"string","minLength":1,"description":"Owner: an email address or a team name."},"description":{"type":["string","null"],"maxLength":500,"description":"Human-readable description (at most 500 characters)."}}},"pluginSelection":{"type":["object","null"],"additionalProperties":false,"required":["type"],"description":"One plugin chosen for a platform capability.","properties":{"type":{"type":"string","minLength":1,"description":"Plugin name within its category."},"version":{"type":["string","null"],"pattern":"^[0-9]+\\\\.[0-9]+\\\\.[0-9]+$","description":"Plugin version (MAJOR.MINOR.PATCH) pinned for reproducibility."},"config":{"type":["object","null"],"description":"Plugin-specific settings; free-form, each plugin defines its own keys (endpoints, buckets, inline credentials such as oauth2.client_secret in floe\'s demo)."},"connection_secret_ref":{"anyOf":[{"$ref":"#/definitions/secretName"},{"type":"null"}],"description":"Kubernetes Secret holding the plugin\'s credentials, instead of credentials written in config."}}},"plugins":{"type":"object","additionalProperties":false,"description":"Plugin selection per platform capability (floe\'s 12 plugin categories).","properties":{"compute":{"description":"Compute engine.","allOf":[{"$ref":"#/definitions/pluginSelection"}],"properties":{"type":{"enum":["duckdb","snowflake","spark","bigquery","databricks"],"description":"Compute plugin."}}},"orchestrator":{"description":"Workflow orchestrator.","allOf":[{"$ref":"#/definitions/pluginSelection"}],"properties":{"type":{"enum":["dagster","airflow","prefect"],"description":"Orchestrator plugin."}}},"catalog":{"description":"Iceberg catalog.","allOf":[{"$ref":"#/definitions/pluginSelection"}],"properties":{"type":{"enum":["polaris","glue","hive"],"description":"Catalog plugin."}}},"storage":{"description":"Object storage.","allOf":[{"$ref":"#/definitions/pluginSelection"}],"properties":{"type":{"enum":["s3","gcs","azure-blob","minio"],"description":"Storage plugin."}}},"semantic_layer":{"description":"Semantic layer.","allOf":[{"$ref":"#/definitions/pluginSelection"}],"properties":{"type":{"enum":["cube","dbt-semantic-layer"],"description":"Semantic layer plugin."}}},"ingestion":{"description":"Data ingestion.","allOf":[{"$ref":"#/definitions/pluginSelection"}],"properties":{"type":{"enum":["dlt","airbyte"],"description":"Ingestion plugin."}}},"secrets":{"description":"Secret management.","allOf":[{"$ref":"#/definitions/pluginSelection"}],"properties":{"type":{"enum":["k8s-secrets","eso","vault"],"description":"Secrets plugin."}}},"telemetry_backend":{"description":"OTLP telemetry backend.","allOf":[{"$ref":"#/definitions/pluginSelection"}],"properties":{"type":{"enum":["console","jaeger","datadog","grafana-cloud"],"description":"Telemetry backend plugin."}}},"lineage_backend":{"description":"OpenLineage backend.","allOf":[{"$ref":"#/definitions/pluginSelection"}],"properties":{"type":{"enum":["marquez","atlan","openmetadata"],"description":"Lineage backend plugin."}}},"identity":{"description":"Identity and authorisation.","allOf":[{"$ref":"#/definitions/pluginSelection"}],"properties":{"type":{"enum":["k8s-rbac","custom"],"description":"Identity plugin."}}},"dbt":{"description":"dbt runtime; floe uses core when the key is absent (it may not be null).","type":"object","allOf":[{"$ref":"#/definitions/pluginSelection"}],"properties":{"type":{"enum":["core","fusion"],"description":"dbt runtime plugin."}}},"quality":{"$ref":"#/definitions/qualityConfig"}}},"qualityConfig":{"type":["object","null"],"additionalProperties":false,"required":["provider"],"description":"Data quality configuration (its own shape, not a plugin selection).","properties":{"provider":{"type":"string","enum":["great_expectations","soda","dbt_expectations"],"description":"Quality plugin."},"quality_gates":{"type":"object","additionalProperties":false,"description":"Requirements per medallion tier.","properties":{"bronze":{"$ref":"#/definitions/gateTier"},"silver":{"$ref":"#/definitions/gateTier"},"gold":{"$ref":"#/definitions/gateTier"}}},"dimension_weights":{"type":"object","additionalProperties":false,"description":"Weights (0-1) of the quality dimensions in the score.","properties":{"completeness":{"type":"number","minimum":0,"maximum":1,"description":"Weight of completeness."},"accuracy":{"type":"number","minimum":0,"maximum":1,"description":"Weight of accuracy."},"validity":{"type":"number","minimum":0,"maximum":1,"description":"Weight of validity."},"consistency":{"type":"number","minimum":0,"maximum":1,"description":"Weight of consistency."},"timeliness":{"type":"number","minimum":0,"maximum":1,"description":"Weight of timeliness."}}},"calculation":{"type":"object","additionalProperties":false,"description":"Score calculation parameters.","properties":{"baseline_score":{"type":"integer","minimum":0,"maximum":100,"description":"Starting score."},"max_positive_influence":{"type":"integer","minimum":0,"maximum":100,"description":"Most the checks can raise the score."},"max_negative_influence":{"type":"integer","minimum":0,"maximum":100,"description":"Most the checks can lower the score."},"severity_weights":{"type":"object","description":"Weight per check severity level.","additionalProperties":{"type":"number"}}}},"thresholds":{"type":"object","additionalProperties":false,"description":"Score thresholds.","properties":{"min_score":{"type":"integer","minimum":0,"maximum":100,"description":"Fail below this score."},"warn_score":{"type":"integer","minimum":0,"maximum":100,"description":"Warn below this score."}}},"check_timeout_seconds":{"type":"integer","minimum":1,"maximum":3600,"description":"Timeout of a quality check run, in seconds."},"enabled":{"type":"boolean","description":"Whether quality validation runs."}}},"gateTier":{"type":"object","additionalProperties":false,"description":"Quality requirements of one medallion tier.","properties":{"min_test_coverage":{"type":"number","minimum":0,"maximum":100,"description":"Minimum test coverage (%)."},"required_tests":{"type":"array","items":{"type":"string"},"description":"Tests every model must have."},"min_score":{"type":"integer","minimum":0,"maximum":100,"description":"Minimum quality score."},"overridable":{"type":"boolean","description":"Whether a lower level may change this tier."}}},"enforcement":{"type":"string","enum":["off","warn","strict"],"description":"off, warn or strict (write off quoted: unquoted off is the boolean false in YAML 1.1, which floe reads)."},"governance":{"type":["object","null"],"additionalProperties":false,"description":"Platform-wide security, compliance and data-lifecycle policy; a child manifest may only strengthen it.","properties":{"pii_encryption":{"type":["string","null"],"enum":["required","optional",null],"description":"PII encryption policy."},"audit_logging":{"type":["string","null"],"enum":["enabled","disabled",null],"description":"Audit logging policy."},"policy_enforcement_level":{"anyOf":[{"$ref":"#/definitions/enforcement"},{"type":"null"}],"description":"How policy violations are handled."},"data_retention_days":{"type":["integer","null"],"minimum":1,"description":"Row-level data retention in days."},"default_ttl_hours":{"type":["integer","null"],"minimum":1,"description":"Table-level partition TTL in hours."},"snapshot_keep_last":{"type":["integer","null"],"minimum":1,"description":"Iceberg snapshots kept per table, at least."},"stale_table_recovery_mode":{"type":["string","null"],"enum":["strict","repair",null],"description":"What runtimes do with catalog registrations whose Iceberg metadata is missing (repair is for demos and tests)."},"naming":{"type":["object","null"],"additionalProperties":false,"description":"Model naming convention checks.","properties":{"enforcement":{"$ref":"#/definitions/enforcement"},"pattern":{"type":"string","enum":["medallion","kimball","custom"],"description":"Naming convention; custom needs custom_patterns."},"custom_patterns":{"type":["array","null"],"items":{"type":"string"},"description":"Regular expressions model names must match (pattern custom)."}},"if":{"required":["pattern"],"properties":{"pattern":{"const":"custom"}}},"then":{"required":["custom_patterns"],"properties":{"custom_patterns":{"type":"array","minItems":1}}}},"quality_gates":{"type":["object","null"],"additionalProperties":false,"description":"Compile-time quality gate thresholds.","properties":{"minimum_test_coverage":{"type":"integer","minimum":0,"maximum":100,"description":"Minimum column-level test coverage (%)."},"require_descriptions":{"type":"boolean","description":"Require model descriptions."},"require_column_descriptions":{"type":"boolean","description":"Require column descriptions."},"block_on_failure":{"type":"boolean","description":"Stop compilation when a gate fails."},"layer_thresholds":{"type":["object","null"],"additionalProperties":false,"description":"Coverage threshold (%) per medallion layer, overriding minimum_test_coverage.","properties":{"bronze":{"type":"integer","minimum":0,"maximum":100,"description":"Bronze layer threshold."},"silver":{"type":"integer","minimum":0,"maximum":100,"description":"Silver layer threshold."},"gold":{"type":"integer","minimum":0,"maximum":100,"description":"Gold layer threshold."}}},"zero_column_coverage_behavior":{"type":"string","enum":["report_100_percent","report_na"],"description":"Coverage reported for a model without columns."}}},"custom_rules":{"type":"array","description":"Custom validation rules (require_tags_for_prefix, require_meta_field, require_tests_of_type).","items":{"type":"object","required":["type"],"properties":{"type":{"enum":["require_tags_for_prefix","require_meta_field","require_tests_of_type"],"description":"Rule kind; the other keys depend on it."}}}},"policy_overrides":{"type":"array","description":"Reduced enforcement for matching models (legacy, migration).","items":{"type":"object","additionalProperties":false,"required":["pattern","action","reason"],"properties":{"pattern":{"type":"string","minLength":1,"description":"Glob of model names."},"action":{"enum":["downgrade","exclude"],"description":"Downgrade errors to warnings, or exclude."},"reason":{"type":"string","minLength":1,"description":"Why the override exists."},"expires":{"type":["string","null"],"description":"Date (YYYY-MM-DD) the override stops applying."},"policy_types":{"type":["array","null"],"items":{"type":"string"},"description":"Policy types it applies to (default: all)."}}}},"data_contracts":{"type":["object","null"],"additionalProperties":false,"description":"Data contract validation settings.","properties":{"enforcement":{"$ref":"#/definitions/enforcement"},"auto_generation":{"type":"object","additionalProperties":false,"description":"Contracts generated from a product\'s output ports.","properties":{"enabled":{"type":"boolean","description":"Generate contracts."},"include_descriptions":{"type":"boolean","description":"Copy column descriptions."},"default_classification":{"enum":["public","internal","confidential","pii","phi","sensitive","restricted"],"description":"Classification of generated fields."}}},"drift_detection":{"type":"object","additionalProperties":false,"description":"Contract versus Iceberg table schema comparison.","properties":{"enabled":{"type":"boolean","description":"Detect drift."},"fail_on_type_mismatch":{"type":"boolean","description":"Fail on a column type mismatch."},"fail_on_missing_column":{"type":"boolean","description":"Fail on a contract column missing in the table."},"warn_on_extra_column":{"type":"boolean","description":"Warn on a table column missing in the contract."}}},"inheritance_mode":{"enum":["merge","override","strict"],"description":"How a child contract relates to its parent."}}},"rbac":{"type":["object","null"],"additionalProperties":false,"description":"Compile-time access control.","properties":{"enabled":{"type":"boolean","description":"Check RBAC at compile time."},"required_role":{"type":["string","null"],"description":"Role required to compile."},"allow_principal_fallback":{"type":"boolean","description":"Fall back to the principal when no role is found."}}},"secret_scanning":{"type":["object","null"],"additionalProperties":false,"description":"Scanning of product files for secrets.","properties":{"enabled":{"type":"boolean","description":"Scan for secrets."},"exclude_patterns":{"type":"array","items":{"type":"string"},"description":"Globs not scanned."},"custom_patterns":{"type":["array","null"],"description":"Extra detection patterns.","items":{"type":"object","additionalProperties":false,"required":["name","pattern"],"properties":{"name":{"type":"string","minLength":1,"description":"Pattern name."},"pattern":{"type":"string","minLength":1,"description":"Regular expression."},"severity":{"enum":["error","warning"],"description":"Severity of a match."}}}},"severity":{"enum":["error","warning"],"description":"Default severity of a finding."}}},"network_policies":{"type":["object","null"],"additionalProperties":false,"description":"Generated Kubernetes NetworkPolicies.","properties":{"enabled":{"type":"boolean","description":"Generate NetworkPolicies."},"default_deny":{"type":"boolean","description":"Add a default-deny policy."},"custom_egress_rules":{"type":"array","items":{"type":"object"},"description":"Extra egress rules (free-form)."}}},"policies":{"type":["array","null"],"items":{"type":"object"},"description":"Custom policy-as-code definitions (not modelled here in detail)."}}},"artifacts":{"type":["object","null"],"additionalProperties":false,"required":["registry"],"description":"OCI artifact storage and promotion of compiled artifacts.","properties":{"registry":{"type":"object","required":["uri"],"description":"OCI registry for compiled artifacts (its other keys are not modelled here).","properties":{"uri":{"type":"string","description":"oci:// URI of the registry."}}},"promotion":{"type":["object","null"],"additionalProperties":false,"description":"Promotion lifecycle (floe-core PromotionConfig). Its environments are the manifest\'s only list of logical environments: floe-helm generate accepts --env for each of them.","properties":{"environments":{"type":"array","minItems":1,"description":"The promotion path, in order (floe\'s default: dev, staging, prod). Names must be unique.","items":{"type":"object","additionalProperties":false,"required":["name","gates"],"properties":{"name":{"type":"string","minLength":1,"maxLength":50,"pattern":"^[a-z][a-z0-9_-]*$","description":"Environment name: lowercase letters, digits, hyphens and underscores, starting with a letter."},"gates":{"type":"object","additionalProperties":false,"description":"Gates a promotion to this environment must pass: true/false, or a security gate\'s settings (policy_compliance cannot be false).","properties":{"policy_compliance":{"type":["boolean","object"]},"tests":{"type":["boolean","object"]},"security_scan":{"type":["boolean","object"]},"cost_analysis":{"type":["boolean","object"]},"performance_baseline":{"type":["boolean","object"]}}},"gate_timeout_seconds":{"type":"integer","minimum":30,"maximum":3600},"authorization":{"type":["object","null"],"description":"Who may promote (not modelled here in detail)."},"lock":{"type":["object","null"],"description":"Lock state (not modelled here in detail)."}}}},"audit_backend":{"enum":["oci","s3","database"]},"default_timeout_seconds":{"type":"integer","minimum":30,"maximum":3600},"webhooks":{"type":["array","null"],"items":{"type":"object"}},"gate_commands":{"type":["object","null"]},"signature_enforcement":{"enum":["enforce","warn","off"]},"secondary_registries":{"type":["array","null"],"items":{"type":"string"}},"verify_secondary_digests":{"type":"boolean"}}}}},"observability":{"type":["object","null"],"additionalProperties":false,"description":"Tracing, lineage and logging of the platform.","properties":{"tracing":{"type":"object","additionalProperties":false,"description":"OpenTelemetry tracing.","properties":{"enabled":{"type":"boolean","description":"Enable tracing."},"exporter":{"enum":["otlp","console","none"],"description":"Trace exporter."},"endpoint":{"$ref":"#/definitions/endpoint"}}},"lineage":{"type":"object","additionalProperties":false,"description":"OpenLineage events.","properties":{"enabled":{"type":"boolean","description":"Enable lineage."},"transport":{"enum":["http","console","noop"],"description":"OpenLineage transport."},"endpoint":{"$ref":"#/definitions/endpoint"}}},"logging":{"type":"object","additionalProperties":false,"description":"Structured logging.","properties":{"level":{"enum":["DEBUG","INFO","WARNING","ERROR"],"description":"Log level."},"format":{"enum":["json","text"],"description":"Log format."}}}}},"quantity":{"type":"string","description":"Kubernetes resource quantity (e.g. 500m, 2, 512Mi, 4Gi)."},"resourcePreset":{"description":"A resource preset: either requests/limits each with cpu and memory, or the flat demo shape with all four of cpu_request, cpu_limit, memory_request, memory_limit (floe then ignores any other key).","anyOf":[{"type":"object","required":["cpu_request","cpu_limit","memory_request","memory_limit"],"properties":{"cpu_request":{"$ref":"#/definitions/quantity"},"cpu_limit":{"$ref":"#/definitions/quantity"},"memory_request":{"$ref":"#/definitions/quantity"},"memory_limit":{"$ref":"#/definitions/quantity"}}},{"type":"object","additionalProperties":false,"required":["requests","limits"],"properties":{"requests":{"$ref":"#/definitions/resources"},"limits":{"$ref":"#/definitions/resources"}}}]},"resources":{"type":"object","additionalProperties":false,"required":["cpu","memory"],"description":"CPU and memory quantities.","properties":{"cpu":{"$ref":"#/definitions/quantity"},"memory":{"$ref":"#/definitions/quantity"}}}}}');
;// CONCATENATED MODULE: ./schemas/floe-spec.schema.json
const floe_spec_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://floe.dev/schemas/floe-helm/floe-spec.schema.json","title":"floe data product (floe.yaml, kind FloeSpec)","description":"A data engineer\'s floe.yaml as floe (floe-core FloeSpec, apiVersion floe.dev/v1) reads it. Every object floe declares closed is closed here, so a key floe does not know is an error. A floe.yaml is environment-agnostic: floe rejects, anywhere in the file and in any letter case, the keys database, schema, host, port, username, password, credentials, connection_string, endpoint, access_key, secret_key, token and api_key. Not expressible here and still checked by floe: transform and destination names unique within the file.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","transforms"],"allOf":[{"$ref":"#/definitions/environmentAgnostic"}],"dependencies":{"outputPorts":{"not":{"required":["output_ports"]}}},"properties":{"apiVersion":{"const":"floe.dev/v1","description":"API version; floe knows only floe.dev/v1."},"kind":{"const":"FloeSpec","description":"Resource kind; always FloeSpec for a data product."},"metadata":{"$ref":"#/definitions/metadata"},"platform":{"type":["object","null"],"additionalProperties":false,"required":["manifest"],"description":"The platform manifest that governs this product.","properties":{"manifest":{"type":"string","minLength":1,"description":"oci:// URI or local path (relative to the floe.yaml) of the platform manifest."}}},"transforms":{"type":"array","minItems":1,"description":"The product\'s dbt models, at least one; names unique.","items":{"$ref":"#/definitions/transform"}},"schedule":{"$ref":"#/definitions/schedule"},"output_ports":{"$ref":"#/definitions/outputPorts"},"outputPorts":{"$ref":"#/definitions/outputPorts"},"destinations":{"type":["array","null"],"description":"Reverse-ETL destinations; names unique.","items":{"$ref":"#/definitions/destination"}}},"definitions":{"environmentAgnostic":{"description":"No environment-specific key at any depth (floe compares the key in lower case).","propertyNames":{"not":{"pattern":"^([dD][aA][tT][aA][bB][aA][sS][eE]|[sS][cC][hH][eE][mM][aA]|[hH][oO][sS][tT]|[pP][oO][rR][tT]|[uU][sS][eE][rR][nN][aA][mM][eE]|[pP][aA][sS][sS][wW][oO][rR][dD]|[cC][rR][eE][dD][eE][nN][tT][iI][aA][lL][sS]|[cC][oO][nN][nN][eE][cC][tT][iI][oO][nN]_[sS][tT][rR][iI][nN][gG]|[eE][nN][dD][pP][oO][iI][nN][tT]|[aA][cC][cC][eE][sS][sS]_[kK][eE][yY]|[sS][eE][cC][rR][eE][tT]_[kK][eE][yY]|[tT][oO][kK][eE][nN]|[aA][pP][iI]_[kK][eE][yY])$"}},"additionalProperties":{"$ref":"#/definitions/environmentAgnostic"},"items":{"$ref":"#/definitions/environmentAgnostic"}},"dbtName":{"type":"string","minLength":1,"maxLength":128,"pattern":"^[a-zA-Z_][a-zA-Z0-9_]*$","description":"dbt-style name: letters, digits and underscores, not starting with a digit, at most 128 characters."},"metadata":{"type":"object","additionalProperties":false,"required":["name","version"],"description":"Identity and ownership of the data product.","properties":{"name":{"type":"string","minLength":1,"maxLength":63,"pattern":"^[a-z][a-z0-9-]*$","description":"Product name, DNS-compatible: a lowercase letter, then lowercase letters, digits and hyphens; at most 63 characters."},"version":{"type":"string","pattern":"^[0-9]+\\\\.[0-9]+\\\\.[0-9]+$","description":"Product version, MAJOR.MINOR.PATCH."},"description":{"type":["string","null"],"maxLength":500,"description":"Human-readable description (at most 500 characters)."},"owner":{"type":["string","null"],"minLength":1,"description":"Owner: an email address or a team name."},"labels":{"type":["object","null"],"additionalProperties":{"type":"string"},"description":"Key-value labels (string values: quote \\"true\\" and numbers)."}}},"transform":{"type":"object","additionalProperties":false,"required":["name"],"description":"One dbt model of the product. Each key with two spellings takes one of them: floe treats the second as an unknown key.","dependencies":{"dependsOn":{"not":{"required":["depends_on"]}},"qualityChecks":{"not":{"required":["quality_checks"]}}},"properties":{"name":{"$ref":"#/definitions/dbtName"},"compute":{"type":["string","null"],"description":"Compute plugin for this model instead of the platform default (checked against the platform at compile time)."},"tags":{"type":["array","null"],"items":{"type":"string"},"description":"dbt tags for selection."},"dependsOn":{"type":["array","null"],"items":{"type":"string"},"description":"Models this one depends on explicitly."},"depends_on":{"type":["array","null"],"items":{"type":"string"},"description":"Same as dependsOn (floe accepts both spellings)."},"tier":{"type":["string","null"],"enum":["bronze","silver","gold",null],"description":"Medallion quality tier of the model."},"qualityChecks":{"type":["array","null"],"items":{"type":"object"},"description":"Quality checks run for this model (their shape is not modelled here)."},"quality_checks":{"type":["array","null"],"items":{"type":"object"},"description":"Same as qualityChecks (floe accepts both spellings)."}}},"schedule":{"type":["object","null"],"additionalProperties":false,"description":"When the product\'s pipeline runs.","properties":{"cron":{"type":["string","null"],"pattern":"^\\\\s*(\\\\*|[0-9]+(-[0-9]+)?)(/[0-9]+)?(,(\\\\*|[0-9]+(-[0-9]+)?)(/[0-9]+)?)*(\\\\s+(\\\\*|[0-9]+(-[0-9]+)?)(/[0-9]+)?(,(\\\\*|[0-9]+(-[0-9]+)?)(/[0-9]+)?)*){4}\\\\s*$","description":"Five-field cron expression (minute hour day month weekday) of numbers, *, */N, N-M and N,M lists; floe\'s Dagster orchestrator refuses anything else (names such as MON, @daily, six fields) when it schedules the product. Field ranges are not checked here."},"timezone":{"type":"string","description":"IANA timezone of the cron expression (default UTC)."},"enabled":{"type":"boolean","description":"Whether the schedule is active (default true)."}}},"outputPorts":{"type":["array","null"],"description":"Output ports from which floe generates data contracts. Note: floe\'s column list key is `schema`, which floe\'s environment-agnostic rule also forbids, so floe (and this schema) currently rejects any output port.","items":{"type":"object","additionalProperties":false,"required":["name","schema"],"properties":{"name":{"$ref":"#/definitions/dbtName"},"description":{"type":["string","null"],"maxLength":500,"description":"Port description."},"owner":{"type":["string","null"],"minLength":1,"description":"Owner email or team."},"schema":{"type":"array","minItems":1,"description":"Columns of the port, at least one.","items":{"type":"object","additionalProperties":false,"required":["name","type"],"dependencies":{"primaryKey":{"not":{"required":["primary_key"]}}},"properties":{"name":{"$ref":"#/definitions/dbtName"},"type":{"type":"string","description":"Logical type (ODCS v3), e.g. string, integer, timestamp."},"description":{"type":["string","null"],"maxLength":500,"description":"Column description."},"required":{"type":"boolean","description":"Column is non-nullable."},"primaryKey":{"type":"boolean","description":"Column is (part of) the primary key."},"primary_key":{"type":"boolean","description":"Same as primaryKey (floe accepts both spellings)."},"classification":{"type":["string","null"],"description":"Data classification, e.g. pii, public, confidential."}}}}}}},"destination":{"type":"object","additionalProperties":false,"required":["name","sink_type","connection_secret_ref"],"description":"A reverse-ETL destination.","properties":{"name":{"type":"string","minLength":1,"maxLength":100,"description":"Destination name, unique in the file."},"sink_type":{"type":"string","minLength":1,"description":"Sink connector type, e.g. rest_api, sql_database."},"connection_secret_ref":{"type":"string","maxLength":253,"pattern":"^([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$","description":"Kubernetes Secret holding the destination\'s credentials."},"source_table":{"type":["string","null"],"description":"Iceberg (gold) table read from."},"config":{"type":["object","null"],"maxProperties":50,"description":"Destination-specific settings, free-form (at most 50 keys)."},"field_mapping":{"type":["object","null"],"additionalProperties":{"type":"string"},"description":"Source column -> destination field name."},"batch_size":{"type":["integer","null"],"minimum":1,"maximum":100000,"description":"Rows per write batch (1-100000)."}}}}}');
// EXTERNAL MODULE: ./src/values/ajv.ts + 1 modules
var ajv = __webpack_require__(4052);
;// CONCATENATED MODULE: ./src/generate/inputs.ts







const flagOf = { Manifest: "--manifest", FloeSpec: "--product" };
const what = {
    Manifest: "a floe platform manifest (kind: Manifest)",
    FloeSpec: "a floe data product (kind: FloeSpec)",
};
let validators;
function validatorOf(kind) {
    validators ??= {
        Manifest: (0,ajv/* createAjv */.gr)().compile(floe_manifest_schema_namespaceObject),
        FloeSpec: (0,ajv/* createAjv */.gr)().compile(floe_spec_schema_namespaceObject),
    };
    return validators[kind];
}
/** The file's findings against its schema: YAML faults first (then nothing else), else one per schema
 * violation. A file of the other floe kind (or no kind) is one finding at its `kind` line. */
function checkFloeFile(loaded, kind) {
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
    const at = (p) => loaded.positionOf(p) ?? { file: loaded.file, line: 1, col: 1 };
    if (!(0,objects/* isObj */.s)(v) || v.kind !== kind) {
        const got = (0,objects/* isObj */.s)(v) && "kind" in v ? `kind is ${JSON.stringify(v.kind)}` : "no kind";
        const pos = at((0,objects/* isObj */.s)(v) && "kind" in v ? ["kind"] : []);
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
    if (validate(v))
        return semantic;
    const seen = new Set();
    const out = [];
    for (const e of validate.errors ?? []) {
        const p = (0,schema/* problemAt */.l4)(e, v, [loaded]);
        const key = `${p.at.line}:${p.at.col}:${p.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({
            rule,
            severity: "error",
            message: e.keyword === "pattern" && e.instancePath.endsWith("/cron")
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
function promotionProblems(loaded, rule) {
    const out = [];
    const add = (path, message) => {
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
    const seen = new Set();
    promotionEnvironments(loaded.value).forEach((e, i) => {
        const name = environmentName(e);
        if (seen.has(name))
            add([i, "name"], `environment ${JSON.stringify(name)} is already in the promotion path (names must be unique)`);
        seen.add(name);
        if ((0,objects/* isObj */.s)(e) && (0,objects/* isObj */.s)(e.gates) && e.gates.policy_compliance === false)
            add([i, "gates", "policy_compliance"], "cannot be false: floe runs the policy compliance gate for every environment");
    });
    return out;
}
/** The environment names of a manifest's promotion path, in order (none when it has no promotion). */
function promotionPath(manifest) {
    return promotionEnvironments(manifest).map(environmentName);
}
const environmentName = (e) => ((0,objects/* isObj */.s)(e) && typeof e.name === "string" ? e.name : "");
function promotionEnvironments(manifest) {
    const a = (0,objects/* isObj */.s)(manifest) ? manifest.artifacts : undefined;
    const p = (0,objects/* isObj */.s)(a) ? a.promotion : undefined;
    return (0,objects/* isObj */.s)(p) && Array.isArray(p.environments) ? p.environments : [];
}
/** Reads one floe file (YAML 1.1, as floe reads it); a missing file is one usage error naming the flag. */
async function loadFloeFile(file, kind, cwd) {
    try {
        return await (0,yaml/* loadYamlFile */.Y3)(file, cwd);
    }
    catch (e) {
        const code = e.code;
        if (code === "ENOENT")
            throw new errors/* UserError */.yo(`${flagOf[kind]} ${file}: no such file`);
        if (code === "EISDIR")
            throw new errors/* UserError */.yo(`${flagOf[kind]} ${file}: is a folder, not a file`);
        throw e;
    }
}
/** The two charts generate writes values for. */
const chartNames = ["floe-platform", "floe-jobs"];
/** `--values CHART=FILE`: a values file for one of the two charts (floe-jobs: every data product). */
function parseValuesArg(arg) {
    const eq = arg.indexOf("=");
    const chart = eq > 0 ? arg.slice(0, eq).trim() : "";
    const file = eq > 0 ? arg.slice(eq + 1).trim() : "";
    if (!chartNames.includes(chart) || file === "") {
        throw new errors/* UserError */.yo(`--values ${JSON.stringify(arg)}: expected floe-platform=FILE or floe-jobs=FILE (the chart the file is for)`);
    }
    return { chart: chart, file };
}
/** A --set value as helm reads one: true/false, null, integers; `{a,b}` a list of strings; else a string. */
function setValue(text) {
    if (text === "true")
        return true;
    if (text === "false")
        return false;
    if (text === "null")
        return null;
    if (/^-?(0|[1-9][0-9]{0,14})$/.test(text))
        return Number(text);
    if (text.startsWith("{") && text.endsWith("}")) {
        const inner = text.slice(1, -1);
        return inner === "" ? [] : inner.split(",");
    }
    return text;
}
/** `--set CHART.path.to.key=value` (`\.` for a dot inside a key). The chart comes first because the two
 * charts declare different keys. */
function parseSetArg(raw) {
    const eq = raw.indexOf("=");
    const bad = (why) => new errors/* UserError */.yo(`--set ${JSON.stringify(raw)}: ${why} (expected floe-platform.KEY.PATH=VALUE or floe-jobs.KEY.PATH=VALUE)`);
    if (eq <= 0)
        throw bad("no '='");
    const segs = raw
        .slice(0, eq)
        .split(/(?<!\\)\./)
        .map((s) => s.replace(/\\\./g, "."));
    const [chart, ...path] = segs;
    if (!chartNames.includes(chart ?? ""))
        throw bad(`'${chart}' is not one of the charts`);
    if (path.length === 0 || path.some((s) => s === ""))
        throw bad("empty key path");
    if (path.some((s) => /[[\]]/.test(s)))
        throw bad("list indexes are not supported; set the whole list");
    return { raw, chart: chart, path, value: setValue(raw.slice(eq + 1)) };
}

;// CONCATENATED MODULE: ./src/generate/platform.ts

const obj = (v) => ((0,objects/* isObj */.s)(v) ? v : {});
const str = (v) => (typeof v === "string" && v !== "" ? v : undefined);
/** Sets a value in `m.values` at `to`, remembering it came from `from`. */
function put(m, to, value, from) {
    let cur = m.values;
    for (const k of to.slice(0, -1)) {
        if (!(0,objects/* isObj */.s)(cur[k]))
            cur[k] = {};
        cur = cur[k];
    }
    cur[to[to.length - 1]] = value;
    m.from.push([to, from]);
}
/** Does this S3 endpoint name the platform's bundled MinIO (rather than an external S3)? */
function isBundledMinio(endpoint) {
    if (!endpoint)
        return false;
    try {
        return /(^|-)minio$/.test(new URL(endpoint).hostname.split(".")[0] ?? "");
    }
    catch {
        return false;
    }
}
/** floe-platform values from a manifest (already valid against floe-manifest.schema.json). */
function mapManifest(manifest) {
    const m = { values: {}, from: [], findings: [] };
    const doc = obj(manifest);
    const plugins = obj(doc.plugins);
    const name = str(obj(doc.metadata).name);
    if (name)
        put(m, ["commonLabels", "floe.dev/platform"], name, ["metadata", "name"]);
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
        const at = (k) => ["plugins", "storage", "config", k];
        const endpoint = str(config.endpoint);
        if (storageType === "minio" || (storageType === "s3" && isBundledMinio(endpoint))) {
            put(m, ["objectStorage", "mode"], "minio", ["plugins", "storage", "type"]);
        }
        else if (storageType === "s3") {
            put(m, ["objectStorage", "mode"], "external", ["plugins", "storage", "type"]);
            if (endpoint)
                put(m, ["objectStorage", "external", "endpoint"], endpoint, at("endpoint"));
            if (typeof config.path_style_access === "boolean")
                put(m, ["objectStorage", "external", "pathStyleAccess"], config.path_style_access, at("path_style_access"));
        }
        else {
            m.findings.push({
                severity: "error",
                rule: "generate/unsupported-plugin",
                path: ["plugins", "storage", "type"],
                message: `plugins.storage.type ${JSON.stringify(storageType)}: floe-platform stores tables in its bundled MinIO or an S3 endpoint (s3, minio)`,
            });
        }
        const bucket = str(config.bucket);
        if (bucket)
            put(m, ["objectStorage", "bucket"], bucket, at("bucket"));
        const region = str(config.region);
        if (region)
            put(m, ["objectStorage", "region"], region, at("region"));
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
const trunc63 = (s) => s.slice(0, 63).replace(/-+$/, "");
/** floe-common.names.fullname: fullnameOverride, else the release when it holds the chart name, else
 * "<release>-<chart>"; cut to 63. */
function fullnameOf(release, values, chart = "floe-platform") {
    const override = str(values.fullnameOverride);
    if (override)
        return trunc63(override);
    const name = str(values.nameOverride) ?? chart;
    return trunc63(release.includes(name) ? release : `${release}-${name}`);
}
/** The endpoints of a floe-platform release with these (merged, complete) values. */
function platformEndpoints(release, values) {
    const full = fullnameOf(release, values);
    const host = (component) => trunc63(`${full}-${component}`);
    const port = (section, key = "port") => String(obj(obj(values[section]).service)[key]);
    const polaris = obj(values.polaris);
    const storage = obj(values.objectStorage);
    return {
        polarisUrl: polaris.enabled === false ? "" : `http://${host("polaris")}:${port("polaris")}/api/catalog`,
        catalog: str(polaris.catalogName) ?? "floe",
        s3Endpoint: storage.mode === "external"
            ? (str(obj(storage.external).endpoint) ?? "")
            : `http://${host("minio")}:${port("minio")}`,
        otelEndpoint: `http://${host("otel-collector")}:${port("otelCollector", "grpcPort")}`,
        marquezUrl: obj(values.marquez).enabled === true ? `http://${host("marquez")}:${port("marquez")}` : "",
        podSelector: { "app.kubernetes.io/instance": release },
    };
}
/** The URLs a manifest writes and the derived endpoint each is replaced by. */
function manifestUrls(manifest, e) {
    const doc = obj(manifest);
    const plugins = obj(doc.plugins);
    const catalog = obj(obj(plugins.catalog).config);
    const candidates = [
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
    const out = [];
    for (const [path, written, derived] of candidates) {
        if (typeof written === "string" && written !== "" && derived !== "")
            out.push({ path, written, derived });
    }
    return out;
}
/** A warning for each URL of the manifest that differs from the endpoint the jobs are given instead. */
function endpointWarnings(manifest, e, release) {
    const out = [];
    for (const u of manifestUrls(manifest.value, e)) {
        if (u.written.replace(/\/+$/, "") === u.derived)
            continue;
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

;// CONCATENATED MODULE: ./src/generate/timezone.ts
// IANA time zone names as a CronJob's spec.timeZone takes them. Node's Intl (ICU's time zone data) knows the
// names; Kubernetes loads them with Go's time.LoadLocation, which is case-sensitive and takes no UTC offsets
// ("+01:00") and not "Local", so those are refused here although ICU would take some of them.
const shape = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
let canonical;
/** Lower-cased canonical name -> the name as IANA spells it. */
function canonicalNames() {
    canonical ??= new Map([...Intl.supportedValuesOf("timeZone"), "UTC"].map((n) => [n.toLowerCase(), n]));
    return canonical;
}
/** Why `name` is not a time zone a CronJob takes (with the likely intended name), or undefined when it is. */
function timeZoneProblem(name) {
    const example = "e.g. UTC, Europe/Amsterdam, America/New_York";
    if (!shape.test(name))
        return `not an IANA time zone name (${example}; no UTC offsets)`;
    let resolved;
    try {
        resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    }
    catch {
        return `not an IANA time zone (${example})`;
    }
    const spelt = canonicalNames().get(name.toLowerCase());
    if (spelt === name || resolved === name)
        return undefined;
    if (spelt !== undefined)
        return `not an IANA time zone as spelt (names are case-sensitive): did you mean ${spelt}?`;
    // An alias (a backward link such as US/Eastern): ICU gives its canonical zone, not its spelling. Every
    // part of every IANA name starts with a capital letter.
    if (name.split("/").every((part) => /^[A-Z]/.test(part)))
        return undefined;
    return `not an IANA time zone as spelt (names are case-sensitive): did you mean ${resolved}?`;
}

;// CONCATENATED MODULE: ./src/generate/jobs.ts
// Data product (FloeSpec) -> floe-jobs values, and the endpoints layer every product gets from the
// platform release. Only the keys named here are copied.




const jobs_obj = (v) => ((0,objects/* isObj */.s)(v) ? v : {});
/** The job floe-jobs runs by default (values.yaml `jobs.dbt-build`): the product's schedule goes there. */
const BUILD_JOB = "dbt-build";
/** The product's name (metadata.name): its release name and the middle of its output file's name. */
function productName(spec) {
    return String(jobs_obj(jobs_obj(spec).metadata).name ?? "");
}
/** floe-jobs values from a data product (already valid against floe-spec.schema.json); `presets`: the
 * manifest's and the built-in ones, which its label may name. */
function mapProduct(spec, presets = presetsOf(undefined)) {
    const m = { values: {}, from: [], findings: [] };
    const doc = jobs_obj(spec);
    const metadata = jobs_obj(doc.metadata);
    // The product's own labels first, so floe.dev/product always names it.
    for (const [k, v] of Object.entries(jobs_obj(metadata.labels))) {
        if (typeof v === "string")
            put(m, ["commonLabels", k], v, ["metadata", "labels", k]);
    }
    put(m, ["commonLabels", "floe.dev/product"], productName(spec), ["metadata", "name"]);
    if (typeof metadata.version === "string")
        put(m, ["commonLabels", "floe.dev/product-version"], metadata.version, ["metadata", "version"]);
    // floe's FloeSpec has no key for a preset (transforms are closed): the product names one in a label.
    const wanted = jobs_obj(metadata.labels)[PRESET_LABEL];
    if (typeof wanted === "string") {
        const p = presets.get(wanted);
        const at = ["metadata", "labels", PRESET_LABEL];
        if (p)
            put(m, [...presetTargets["floe-jobs"]], structuredClone(p.resources), at);
        else
            m.findings.push({
                severity: "error",
                rule: "generate/unknown-preset",
                path: at,
                message: `${PRESET_LABEL} ${JSON.stringify(wanted)}: no such resource preset (the manifest's resource_presets and floe's built-in ones: ${presetNames(presets)})`,
            });
    }
    const schedule = jobs_obj(doc.schedule);
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
        }
        else {
            put(m, ["jobs", BUILD_JOB, "schedule"], schedule.cron, ["schedule", "cron"]);
            // floe's default is UTC: said explicitly, so the cluster controller's own time zone does not matter.
            if (!tzProblem)
                put(m, ["jobs", BUILD_JOB, "timeZone"], timezone ?? "UTC", timezone === undefined ? ["schedule", "cron"] : ["schedule", "timezone"]);
        }
    }
    return m;
}
/** floe-jobs' `platform` values: the platform release's endpoints. */
function endpointValues(e) {
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

;// CONCATENATED MODULE: ./src/generate/merge.ts
// The merge of generate's layers (README "Generate values from floe's manifest and data products"): chart
// defaults < environment defaults < manifest < data product < --values < --set. Maps merge key by key, lists
// (and every other value) are replaced whole, as helm merges values files. Each layer keeps where its values
// came from, so a value the chart's schema refuses is reported in the input that set it.

/** Deep merge of two overlays: maps key by key, anything else replaced. A null is kept (helm then removes
 * the key from the chart's defaults), so the overlay can be merged over the defaults later. */
function mergeOverlay(base, over) {
    if (over === undefined)
        return base;
    if (!(0,objects/* isObj */.s)(base) || !(0,objects/* isObj */.s)(over))
        return over;
    const out = { ...base };
    for (const [k, v] of Object.entries(over))
        out[k] = k in out ? mergeOverlay(out[k], v) : v;
    return out;
}
/** The layers above the chart defaults merged into one values overlay (what generate writes). */
function overlayOf(layers) {
    let out = {};
    for (const l of layers)
        out = mergeOverlay(out, l.values);
    return (out ?? {});
}
function has(values, p) {
    let cur = values;
    for (const seg of p) {
        if (Array.isArray(cur) && typeof seg === "number")
            cur = cur[seg];
        else if ((0,objects/* isObj */.s)(cur) && Object.hasOwn(cur, String(seg)))
            cur = cur[String(seg)];
        else
            return false;
    }
    return true;
}
/** A layer with no lines of its own (environment defaults, a --set): positions name the layer only. */
function labelLayer(source, values) {
    return { source, values, positionOf: (p) => (has(values, p) ? { file: source, line: 0 } : undefined) };
}
/** A values file the user passed: positions are its own. */
function fileLayer(loaded) {
    return {
        source: loaded.file,
        values: ((0,objects/* isObj */.s)(loaded.value) ? loaded.value : {}),
        positionOf: (p) => loaded.positionOf(p),
    };
}
/** Values mapped from a floe file: `from` says which path of the floe file each values path came from (the
 * longest registered prefix of a values path wins); positions are the floe file's. */
function mappedLayer(source, values, from) {
    return {
        source: source.file,
        values,
        positionOf: (p) => {
            if (!has(values, p))
                return undefined;
            let best;
            for (const entry of from) {
                const [to] = entry;
                if (to.length <= p.length && to.every((s, i) => s === p[i]) && (!best || to.length > best[0].length))
                    best = entry;
            }
            return (best && source.positionOf(best[1])) ?? { file: source.file, line: 0 };
        },
    };
}
/** A layer as the schema check's LoadedYaml (src/values/schema.ts problemAt). */
function asLoaded(layer) {
    return { file: layer.source, value: layer.values, problems: [], positionOf: layer.positionOf };
}
/** Sets `value` at `path` in a fresh nested object. */
function nest(path, value) {
    let out = value;
    for (let i = path.length - 1; i >= 0; i--)
        out = { [path[i]]: out };
    return out;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/generate/output.ts
// generate's output files: names, the header saying how each was generated, deterministic bytes (same
// inputs, same bytes: no dates, no absolute paths, keys in the order the layers set them), and the write
// itself, all or nothing: every file is written next to its final name first and renamed only when all
// were written.





const platformFileName = (env) => `floe-platform.values-${env}.yaml`;
const jobsFileName = (product, env) => `floe-jobs.${product}.values-${env}.yaml`;
function header(h) {
    return [
        "# Generated by floe-helm generate: do not edit, change the inputs and generate again.",
        `# Chart ${h.chart}, environment ${h.env}: release ${h.release}, namespace ${h.namespace}.`,
        `# Merged, lowest precedence first: chart defaults < ${h.layers.join(" < ")}.`,
        "# Validated against the chart's values.schema.json and rendered with helm template before it was written.",
        "# Literal credentials of the inputs are never copied here: the charts take them from existing Secrets.",
        "",
    ].join("\n");
}
/** The file's bytes: the header, then the values as YAML that reads back the same under YAML 1.1 (helm's). */
function valuesText(h, values) {
    const body = Object.keys(values).length === 0 ? "{}\n" : (0,dist/* stringify */.As)(values, { version: "1.1", lineWidth: 0 });
    return `${header(h)}${body}`;
}
/** Refuses an output folder that cannot be made or written, before any work (and before writing anything). */
async function checkOutputDir(dir, shown) {
    let p = external_node_path_default().resolve(dir);
    for (;;) {
        let st;
        try {
            st = await (0,promises_.stat)(p);
        }
        catch (e) {
            const code = e.code;
            if (code !== "ENOENT" && code !== "ENOTDIR")
                throw new errors/* UserError */.yo(`--output-dir ${shown}: cannot be written (${code})`);
        }
        if (st) {
            if (!st.isDirectory())
                throw new errors/* UserError */.yo(`--output-dir ${shown}: cannot be written (${external_node_path_default().relative(process.cwd(), p) || p} is not a folder)`);
            try {
                await (0,promises_.access)(p, external_node_fs_.constants.W_OK);
            }
            catch {
                throw new errors/* UserError */.yo(`--output-dir ${shown}: cannot be written (no write permission on ${p})`);
            }
            return;
        }
        const up = external_node_path_default().dirname(p);
        if (up === p)
            return;
        p = up;
    }
}
/** Writes every file or none: temporary files first, renamed once all are written. */
async function writeOutputs(dir, shown, files) {
    const temps = [];
    let made;
    try {
        made = await (0,promises_.mkdir)(dir, { recursive: true });
        // A name taken by a folder would fail its rename after others were renamed: refused before any write.
        for (const f of files) {
            const st = await (0,promises_.stat)(external_node_path_default().join(dir, f.name)).catch(() => undefined);
            if (st && !st.isFile())
                throw Object.assign(new Error(`${f.name} exists and is not a file`), { code: undefined });
        }
        for (const f of files) {
            const tmp = external_node_path_default().join(dir, `.${f.name}.${process.pid}.tmp`);
            temps.push(tmp);
            await (0,promises_.writeFile)(tmp, f.text, { flag: "wx" });
        }
    }
    catch (e) {
        await Promise.all(temps.map((t) => (0,promises_.unlink)(t).catch(() => undefined)));
        // Folders this call made are removed again (only while empty).
        if (made) {
            for (let d = dir; d.length >= made.length; d = external_node_path_default().dirname(d))
                await (0,promises_.rmdir)(d).catch(() => undefined);
        }
        throw new errors/* UserError */.yo(`--output-dir ${shown}: cannot be written (${e.code ?? e.message}); nothing written`);
    }
    const written = [];
    for (const [i, f] of files.entries()) {
        const to = external_node_path_default().join(dir, f.name);
        await (0,promises_.rename)(temps[i], to);
        written.push(to);
    }
    return written;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/exec/runner.ts
var runner = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/helm/argv.ts
var helm_argv = __webpack_require__(956);
;// CONCATENATED MODULE: ./src/generate/render.ts
// The proof each generated file works before it is written: helm template of its chart with it (in a
// temporary folder, removed afterwards). The argv builder is pure (src/helm/argv.ts).






/** Renders every job; the failures (helm's first error line each), empty when all rendered. */
async function renderAll(helm, jobs) {
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "floe-helm-generate-"));
    const failures = [];
    try {
        for (const [i, j] of jobs.entries()) {
            const file = external_node_path_default().join(dir, `${i}.yaml`);
            await (0,promises_.writeFile)(file, j.text);
            const argv = (0,helm_argv/* helmTemplateArgv */.fn)({
                bin: helm.bin,
                major: helm.major,
                chartDir: j.chartDir,
                valuesFiles: [file],
                release: j.release,
                namespace: j.namespace,
            });
            const r = await (0,runner/* runTool */.q)(argv, { timeoutMs: 120_000 });
            if (r.timedOut)
                throw new errors/* ToolError */.v4(`helm template ${j.name}: timed out after 120s`);
            if (r.code !== 0) {
                const line = r.stderr
                    .split("\n")
                    .map((l) => l.trim())
                    .filter((l) => l !== "" && !l.startsWith("Use --debug"))
                    .join(" ") || `exit ${r.code}`;
                failures.push({ name: j.name, message: line.replaceAll(file, j.name) });
            }
        }
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
    return failures;
}

// EXTERNAL MODULE: ./src/checks/values-files/plain-secret.ts
var plain_secret = __webpack_require__(3287);
;// CONCATENATED MODULE: ./src/generate/secrets.ts
// Credentials written as literals in a floe manifest or data product (floe's demo has
// plugins.catalog.config.oauth2.client_secret: demo-secret). generate never copies one into values (the
// mappings only copy the keys they name); each is a `plain-secret` warning at its line saying which
// secret-reference form of the charts takes it instead. The detector is the gate's own
// (src/checks/values-files/plain-secret.ts): one notion of a literal credential for every file floe-helm reads.

/** The secret-reference form that takes a credential found at `path` of a floe file. */
function referenceFor(path) {
    const [top, category] = path;
    if (top === "plugins" && category === "catalog") {
        return "floe-platform's polaris.auth.existingSecret (keys root-client-id, root-client-secret) or externalSecrets.enabled (remoteKeys.polaris)";
    }
    if (top === "plugins" && category === "storage") {
        return "floe-platform's objectStorage.external.existingSecret (keys polaris-access-key, polaris-secret-key) or externalSecrets.enabled (remoteKeys.objectStorage)";
    }
    return "floe-jobs' credentials.existingSecret with credentials.secretEnv (an existing Secret, or one External Secrets syncs)";
}
/** Every literal credential of a floe file, in document order. */
function plainSecrets(loaded) {
    return (0,plain_secret/* findPlainSecrets */.Fv)(loaded).map((s) => ({
        rule: "plain-secret",
        severity: "warning",
        message: `${s.path.join(".")}: ${plain_secret/* secretKindText */.u2[s.kind]} is not copied into the values; keep it in a Secret and reference it through ${referenceFor(s.path)}`,
        file: s.at.file,
        line: s.at.line,
        ...(s.at.col ? { col: s.at.col } : {}),
    }));
}

;// CONCATENATED MODULE: ./src/generate/run.ts
// floe-helm generate: from floe's platform manifest and data products to one floe-platform values file and
// one floe-jobs values file per product, per environment. Order: inputs checked (schemas, flags, output
// folder), values merged per chart and checked against the chart's schema, rendered with helm, and only
// then written (all or nothing). Bad input: findings and one error, exit 2.















/** A path as the user reads it: relative to cwd, with / separators. */
const shown = (cwd, p) => (0,paths/* relPosix */.f)(cwd, external_node_path_default().resolve(cwd, p));
function finding(f, at) {
    return {
        ...f,
        file: at.file,
        ...(at.line > 0 ? { line: at.line, ...(at.col ? { col: at.col } : {}) } : {}),
    };
}
/** Findings of a mapping, placed in the floe file they came from. */
function mappingFindings(m, file) {
    return m.findings.map((f) => finding({ rule: f.rule, severity: f.severity, message: f.message }, file.positionOf(f.path) ?? { file: file.file, line: 1 }));
}
function stop(ctx, findings, what) {
    for (const f of findings)
        ctx.add(f);
    const n = findings.filter((f) => f.severity === "error").length;
    throw new errors/* UserError */.yo(`${n} error${n === 1 ? "" : "s"} in ${what}: nothing written`);
}
async function loadChart(name, dir, cwd) {
    const abs = external_node_path_default().resolve(cwd, dir);
    const rel = shown(cwd, abs);
    let defaults;
    let schemaText;
    try {
        defaults = await (0,yaml/* loadYamlFile */.Y3)(external_node_path_default().join(rel, "values.yaml"), cwd);
        schemaText = await (0,promises_.readFile)(external_node_path_default().join(abs, "values.schema.json"), "utf8");
    }
    catch (e) {
        if (e.code === "ENOENT")
            throw new errors/* UserError */.yo(`${name} chart ${rel}: no values.yaml and values.schema.json there (pass --${name === "floe-platform" ? "platform" : "jobs"}-chart DIR)`);
        throw e;
    }
    const compiled = (0,schema/* compileValuesSchema */.tV)(schemaText, external_node_path_default().join(rel, "values.schema.json"));
    if ("problem" in compiled)
        throw new errors/* UserError */.yo(compiled.problem.message, compiled.problem.at);
    const validate = compiled.validate;
    return {
        name,
        dir: abs,
        defaults,
        validate: (v) => validate(v),
        errors: () => validate.errors ?? [],
    };
}
/** The chart's complete values under the layers, and its schema's findings placed in the layer that set
 * each refused value (a values file's line, a manifest's line, a --set, environment defaults). */
function checkLayers(chart, layers) {
    const overlay = overlayOf(layers);
    const full = (0,schema/* withoutNullKeys */.SR)((0,schema/* mergeValues */.D3)((0,schema/* withoutNullKeys */.SR)(chart.defaults.value ?? {}), overlay));
    if (chart.validate(full))
        return { overlay, full, findings: [] };
    const files = [chart.defaults, ...layers.map(asLoaded)];
    const seen = new Set();
    const findings = [];
    for (const e of chart.errors()) {
        const p = (0,schema/* problemAt */.l4)(e, full, files);
        const key = `${p.at.file}:${p.at.line}:${p.at.col}:${p.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        findings.push(finding({
            rule: "values-schema",
            severity: "error",
            chart: chart.name,
            message: `${chart.name}: ${p.message}`,
        }, p.at));
    }
    return { overlay, full, findings };
}
/** prod with the platform's bundled stores: allowed by the chart, refused by the gate's prod policy (their
 * StatefulSets have no PodDisruptionBudget); a warning where the choice was made. */
function prodWarnings(full, manifest, defaults) {
    const out = [];
    const storage = (full.objectStorage ?? {});
    const postgres = (full.postgresql ?? {});
    if (storage.mode === "minio") {
        const at = manifest.positionOf(["plugins", "storage", "type"]) ?? defaults.positionOf(["objectStorage", "mode"]);
        out.push(finding({
            rule: "generate/prod-bundled",
            severity: "warning",
            message: "prod on floe-platform's bundled MinIO (objectStorage.mode minio, not for production; the gate's prod policy wants a PodDisruptionBudget it has none of): use s3 on an external endpoint",
        }, at ?? { file: manifest.file, line: 0 }));
    }
    if (postgres.mode === "internal") {
        const at = defaults.positionOf(["postgresql", "mode"]);
        out.push(finding({
            rule: "generate/prod-bundled",
            severity: "warning",
            message: "prod on floe-platform's single PostgreSQL (postgresql.mode internal; the gate's prod policy wants a PodDisruptionBudget it has none of): set postgresql.mode cnpg or external (--values floe-platform=FILE), as the chart's values-prod.yaml does",
        }, at ?? { file: defaults.file, line: 0 }));
    }
    return out;
}
function setLayers(sets, chart) {
    return sets
        .filter((s) => s.chart === chart)
        .map((s) => labelLayer(`--set ${s.raw}`, nest(s.path, s.value)));
}
async function runGenerate(ctx, inputs, o) {
    const cwd = o.cwd;
    // Flags first: each bad one is one error.
    if (o.envs.length === 0)
        throw new errors/* UserError */.yo("--env: at least one environment (dev, test, staging, prod, or a name of the manifest's promotion path)");
    if (o.products.length === 0)
        throw new errors/* UserError */.yo("--product: at least one data product (floe.yaml)");
    const valuesArgs = o.values.map(parseValuesArg);
    const sets = o.set.map(parseSetArg);
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(o.release) || o.release.length > 53)
        throw new errors/* UserError */.yo(`--release ${JSON.stringify(o.release)}: not a helm release name (a DNS label, at most 53 characters)`);
    const outShown = o.outputDir;
    const outDir = external_node_path_default().resolve(cwd, o.outputDir);
    await checkOutputDir(outDir, outShown);
    // The floe files, checked against their schemas: every violation of every file, then stop.
    const manifest = await loadFloeFile(shown(cwd, o.manifest), "Manifest", cwd);
    const products = [];
    for (const p of o.products)
        products.push(await loadFloeFile(shown(cwd, p), "FloeSpec", cwd));
    const invalid = [
        checkFloeFile(manifest, "Manifest"),
        ...products.map((p) => checkFloeFile(p, "FloeSpec")),
    ].flat();
    if (invalid.length > 0)
        stop(ctx, invalid, "the manifest and data products");
    // Environments: built in, or named by the manifest's promotion path.
    const promotion = promotionPath(manifest.value);
    const promotionAt = manifest.positionOf(["artifacts", "promotion", "environments"]);
    const envs = [];
    for (const e of o.envs.flatMap((x) => x.split(",")).filter((x) => x.trim() !== "")) {
        const env = resolveEnvironment(e, {
            names: promotion,
            at: promotionAt ? `${promotionAt.file}:${promotionAt.line}:${promotionAt.col ?? 1}` : manifest.file,
        });
        const same = envs.find((x) => x.name === env.name);
        if (same && same.base !== env.base)
            throw new errors/* UserError */.yo(`--env ${env.name}: given twice with different defaults (those of ${same.base} and of ${env.base})`);
        if (!same)
            envs.push(env);
    }
    const names = new Map();
    for (const p of products) {
        const name = productName(p.value);
        const other = names.get(name);
        if (other !== undefined) {
            throw new errors/* UserError */.yo(`data product '${name}' is given twice (${other} and ${p.file}): one output file per product name`, p.positionOf(["metadata", "name"]));
        }
        names.set(name, p.file);
    }
    // Literal credentials: warnings, never copied.
    for (const f of [manifest, ...products].flatMap(plainSecrets))
        ctx.add(f);
    // Mappings: what the charts cannot run stops here.
    const platformMap = mapManifest(manifest.value);
    const presets = presetsOf(manifest.value);
    const productMaps = products.map((p) => ({
        file: p,
        map: mapProduct(p.value, presets),
        name: productName(p.value),
    }));
    const mapped = [
        presetProblems(presets).map((p) => finding({ rule: "generate/resource-preset", severity: "error", message: p.message }, manifest.positionOf(p.path) ?? { file: manifest.file, line: 1 })),
        mappingFindings(platformMap, manifest),
        ...productMaps.map((p) => mappingFindings(p.map, p.file)),
    ].flat();
    for (const f of mapped.filter((f) => f.severity !== "error"))
        ctx.add(f);
    const unsupported = mapped.filter((f) => f.severity === "error");
    if (unsupported.length > 0)
        stop(ctx, unsupported, "what the charts can run");
    const platform = await loadChart("floe-platform", o.platformChart, cwd);
    const jobsChart = await loadChart("floe-jobs", o.jobsChart, cwd);
    const valuesLayers = { "floe-platform": [], "floe-jobs": [] };
    const valuesProblems = [];
    for (const v of valuesArgs) {
        let loaded;
        try {
            loaded = await (0,yaml/* loadYamlFile */.Y3)(shown(cwd, v.file), cwd);
        }
        catch (e) {
            if (e.code === "ENOENT")
                throw new errors/* UserError */.yo(`--values ${v.chart}=${v.file}: no such file`);
            throw e;
        }
        for (const p of loaded.problems)
            valuesProblems.push(finding({ rule: p.rule, severity: "error", message: p.message }, p.at));
        valuesLayers[v.chart].push(fileLayer(loaded));
    }
    if (valuesProblems.length > 0)
        stop(ctx, valuesProblems, "the --values files");
    // Merge and check every file against its chart's schema.
    const outputs = [];
    const schemaFindings = [];
    const endpointFindings = new Map();
    const setShown = sets.map((s) => `--set ${s.raw}`);
    /** One output file: its text (header and overlay) and the helm render that must pass before it is written. */
    const emit = (name, chartDir, overlay, header) => {
        const text = valuesText(header, overlay);
        outputs.push({
            name,
            text,
            render: { name, chartDir, release: header.release, namespace: header.namespace, text },
        });
    };
    for (const env of envs) {
        // The environment's preset is one of its defaults; a preset the manifest defines is placed there.
        const preset = presets.get(env.preset);
        const envLabel = `environment defaults (${env.name}${env.baseReason ? `: those of ${env.base}, by ${env.baseReason}` : ""}; resource preset ${env.preset}${preset.from ? ` of ${manifest.file}` : ", built in"})`;
        const presetLayer = (chart) => {
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
    for (const w of endpointFindings.values())
        ctx.add(w);
    const uniqueSchema = [
        ...new Map(schemaFindings.map((f) => [`${f.file}:${f.line}:${f.col}:${f.message}`, f])).values(),
    ];
    if (uniqueSchema.length > 0)
        stop(ctx, uniqueSchema, "the generated values");
    // Rendered by helm before anything is written.
    const { resolveTools } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 5084));
    const major = Math.max(...inputs.helmMajors);
    const slot = major === 3 ? "helm3" : "helm4";
    const bin = (await resolveTools(inputs, [slot], { warn: ctx.progress, progress: ctx.progress }))[slot];
    ctx.progress(`generate: rendering ${outputs.length} values file(s) with helm ${major}`);
    const failures = await renderAll({ bin, major }, outputs.map((x) => x.render));
    ctx.check({ id: `generate render helm${major}`, state: failures.length ? "fail" : "pass" });
    if (failures.length > 0) {
        stop(ctx, failures.map((f) => ({
            rule: "helm-template",
            severity: "error",
            message: `helm template with ${f.name}: ${f.message}`,
        })), "the rendered charts");
    }
    const written = await writeOutputs(outDir, outShown, outputs.map(({ name, text }) => ({ name, text })));
    for (const w of written)
        ctx.progress(`generate: wrote ${external_node_path_default().join(o.outputDir, external_node_path_default().basename(w))}`);
    ctx.output("files", written.map((w) => shown(cwd, w)).join("\n"));
}


/***/ })

};
