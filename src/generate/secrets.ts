// Credentials written as literals in a floe manifest or data product (floe's demo has
// plugins.catalog.config.oauth2.client_secret: demo-secret). generate never copies one into values (the
// mappings only copy the keys they name); each is a `plain-secret` warning at its line saying which
// secret-reference form of the charts takes it instead. The detector is the gate's own
// (src/checks/values-files/plain-secret.ts): one notion of a literal credential for every file floe-helm reads.
import { findPlainSecrets, secretKindText } from "../checks/values-files/plain-secret.js";
import type { Finding } from "../core/findings.js";
import type { LoadedYaml } from "../values/yaml.js";

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
  return findPlainSecrets(loaded).map((s) => ({
    rule: "plain-secret",
    severity: "warning",
    message: `${s.path.join(".")}: ${secretKindText[s.kind]} is not copied into the values; keep it in a Secret and reference it through ${referenceFor(s.path)}`,
    file: s.at.file,
    line: s.at.line,
    ...(s.at.col ? { col: s.at.col } : {}),
  }));
}
