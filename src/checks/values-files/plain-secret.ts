// plain-secret: a credential written as a literal where a reference is expected. One detector for every
// YAML file floe-helm reads: the gate's values files (each chart's values.yaml and every scenario file) and
// generate's floe manifest and data products. Each caller words the finding (which reference form takes
// the credential); the value itself is never part of what this returns.
import { isObj } from "../../core/objects.js";
import type { SourcePosition } from "../../core/rendered.js";
import type { LoadedYaml } from "../../values/yaml.js";

// Keys that hold a credential: *secret, *password, *token, *api_key, *private_key, *access_key (any case,
// _ - or no separator; camelCase split first).
const credentialKey =
  /(^|[_-])?(secret|password|passwd|pwd|token|api[_-]?key|private[_-]?key|access[_-]?key|secret[_-]?key)$/i;
// Keys naming a reference to one, compared without separators: *Ref, *Url, *Name, existingSecret, ... A key
// name in a Secret (`passwordKey: password`, `tokenKey`) and a Secret's name (`passwordSecret`) too.
const referenceKey =
  /(ref|url|uri|endpoint|name|file|path|existingsecret|secretname|enabled|(password|passwd|pwd|token)key|(password|passwd|pwd|token|credentials?|auth|tls|cert)secret)$/i;
// Mappings whose leaves name something else, never hold a credential: `secretKeyRef` / `valueFrom` (a key of
// a Secret), `existingSecret*` in object form, `secretEnv` (environment variable -> key in a Secret).
const referenceContainer =
  /(ref|refs|valuefrom|existingsecret[a-z]*|secretname|secretenv|envfromsecret|fromsecret|secretkeys)$/i;
// Not a literal: a template (helm's or Jinja's {{ }}), an environment variable ($VAR, ${VAR}, $(VAR)), a
// vals or SOPS reference, a placeholder (<password>, ***, %s).
const placeholder =
  /\{\{|^\$(\{[A-Za-z_][\w.-]*\}|\([A-Za-z_]\w*\)|[A-Z_][A-Z0-9_]*)$|^ref\+|^ENC\[|^<[^>]*>$|^\*+$|^%[sv]$/;
// A URL with a password in it: scheme://user:password@host, anywhere in the string.
const urlWithPassword = /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^/\s@]+)@/gi;
// A key=value connection string (libpq, ADO.NET, JDBC properties) with a password.
const kvPassword = /(?:^|[;\s"'])(?:password|pwd)\s*=\s*([^;\s"']+)/gi;
const kvConnection = /(?:^|[;\s"'])(?:host|hostname|server|data source|user id|uid|user|username)\s*=/i;
const pemPrivateKey = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/;

const words = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1_$2");
const compact = (key: string) => key.replace(/[_.-]/g, "");

/** Whether a mapping key holds a credential (and does not name a reference to one). */
export function isCredentialKey(key: string): boolean {
  return credentialKey.test(words(key)) && !referenceKey.test(compact(key));
}

/** What kind of literal credential was found: by its key, a URL or connection string with a password, a
 * PEM private key. */
export type SecretKind = "key" | "url" | "connection-string" | "private-key";

export interface PlainSecret {
  /** The key path in the file (list items by index). */
  path: Array<string | number>;
  kind: SecretKind;
  at: SourcePosition;
}

/** How a finding names the kind (never the value). */
export const secretKindText: Record<SecretKind, string> = {
  key: "a literal credential",
  url: "a URL with a password in it (scheme://user:password@host)",
  "connection-string": "a connection string with a password in it (password=...)",
  "private-key": "a PEM private key",
};

const literal = (s: string) => s.trim() !== "" && !placeholder.test(s.trim());

function inString(s: string): SecretKind | undefined {
  if (pemPrivateKey.test(s)) return "private-key";
  for (const m of s.matchAll(urlWithPassword)) if (literal(decodeURIComponentSafe(m[1]!))) return "url";
  if (kvConnection.test(s))
    for (const m of s.matchAll(kvPassword)) if (literal(m[1]!)) return "connection-string";
  return undefined;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Every literal credential of a parsed YAML file, in document order: a credential key with a non-empty
 * literal string or a number, or any string holding a URL or connection string with a password or a PEM
 * private key. Leaves under a reference mapping (`secretKeyRef`, `secretEnv`, ...) name keys, not values. */
export function findPlainSecrets(loaded: LoadedYaml): PlainSecret[] {
  const out: PlainSecret[] = [];
  const walk = (v: unknown, path: Array<string | number>, underReference: boolean) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, [...path, i], underReference);
      return;
    }
    if (isObj(v)) {
      for (const [k, x] of Object.entries(v))
        walk(x, [...path, k], underReference || referenceContainer.test(compact(k)));
      return;
    }
    const key = path[path.length - 1];
    let kind: SecretKind | undefined;
    if (typeof v === "string") kind = inString(v);
    if (!kind && !underReference && typeof key === "string" && isCredentialKey(key)) {
      if ((typeof v === "string" && literal(v)) || typeof v === "number") kind = "key";
    }
    if (!kind) return;
    out.push({ path, kind, at: loaded.positionOf(path) ?? { file: loaded.file, line: 1, col: 1 } });
  };
  walk(loaded.value, [], false);
  return out;
}
