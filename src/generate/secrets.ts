// Credentials written as literals in a floe manifest or data product (floe's demo has
// plugins.catalog.config.oauth2.client_secret: demo-secret). generate never copies one into values (the
// mappings only copy the keys they name); each is a `plain-secret` warning at its line saying which
// secret-reference form of the charts takes it instead.
import type { Finding } from "../core/findings.js";
import { isObj } from "../core/objects.js";
import type { LoadedYaml } from "../values/yaml.js";

// Keys that hold a credential: *secret, *password, *token, *api_key, *private_key, *access_key (any case,
// _ - or no separator). Keys naming a reference to one (*_ref, *_url, existingSecret) are not credentials.
const credentialKey =
  /(^|[_-])?(secret|password|passwd|pwd|token|api[_-]?key|private[_-]?key|access[_-]?key|secret[_-]?key)$/i;
const referenceKey = /(ref|url|uri|endpoint|name|file|path|existingsecret|secretname|enabled)$/i;
// A URL with a password in it: scheme://user:password@host.
const urlWithPassword = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;

export function isCredentialKey(key: string): boolean {
  const k = key.replace(/([a-z])([A-Z])/g, "$1_$2");
  return credentialKey.test(k) && !referenceKey.test(key.replace(/[_-]/g, ""));
}

/** The secret-reference form that takes a credential found at `path` of a floe file. */
export function referenceFor(path: ReadonlyArray<string | number>): string {
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
export function plainSecrets(loaded: LoadedYaml): Finding[] {
  const out: Finding[] = [];
  const walk = (v: unknown, path: Array<string | number>) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, [...path, i]);
      return;
    }
    if (isObj(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      return;
    }
    const key = path[path.length - 1];
    const literal = (typeof v === "string" && v.trim() !== "") || typeof v === "number";
    const byKey = typeof key === "string" && literal && isCredentialKey(key);
    const byUrl = typeof v === "string" && urlWithPassword.test(v);
    if (!byKey && !byUrl) return;
    const pos = loaded.positionOf(path) ?? { file: loaded.file, line: 1 };
    out.push({
      rule: "plain-secret",
      severity: "warning",
      message: `${path.join(".")}: ${byUrl ? "a URL with a password" : "a literal credential"} is not copied into the values; keep it in a Secret and reference it through ${referenceFor(path)}`,
      file: pos.file,
      line: pos.line,
      ...(pos.col ? { col: pos.col } : {}),
    });
  };
  walk(loaded.value, []);
  return out;
}
