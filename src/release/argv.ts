// Pure argv builders for `floe-helm release`: one helm call each, table-tested (tests/release/argv.test.ts).

export interface RegistryRef {
  /** `oci://host[:port]/path`, without a trailing slash. */
  registry: string;
  /** Talk plain HTTP to the registry (a local test registry; never ghcr.io). */
  plainHttp: boolean;
}

const plain = (r: RegistryRef) => (r.plainHttp ? ["--plain-http"] : []);

/** Is `<registry>/<name>` at `version` already there? Exit 0 and Chart.yaml on stdout when it is. */
export function helmShowPublishedArgv(bin: string, r: RegistryRef, name: string, version: string): string[] {
  return [bin, "show", "chart", `${r.registry}/${name}`, "--version", version, ...plain(r)];
}

/** Packages a chart folder into `destination`; `--dependency-update` when Chart.yaml lists dependencies. */
export function helmPackageArgv(
  bin: string,
  chartDir: string,
  destination: string,
  dependencies: boolean,
): string[] {
  return [
    bin,
    "package",
    chartDir,
    "--destination",
    destination,
    ...(dependencies ? ["--dependency-update"] : []),
  ];
}

/** `helm registry login`: the password goes on stdin, never on the command line (process lists, logs). */
export function helmRegistryLoginArgv(bin: string, r: RegistryRef, username: string): string[] {
  return [
    bin,
    "registry",
    "login",
    registryHost(r.registry),
    "--username",
    username,
    "--password-stdin",
    ...plain(r),
  ];
}

/** `oci://host[:port]/path` -> `host[:port]`. */
export const registryHost = (registry: string): string => registry.replace(/^oci:\/\//, "").split("/")[0]!;

export function helmPushArgv(bin: string, r: RegistryRef, packageFile: string): string[] {
  return [bin, "push", packageFile, r.registry, ...plain(r)];
}

/** `oci://host/path` with no trailing slash, or a usage error message. */
export function parseRegistry(value: string): { registry: string } | { error: string } {
  const v = value.trim().replace(/\/+$/, "");
  const m = /^oci:\/\/([^/\s]+)(\/[^\s]*)?$/.exec(v);
  if (!m)
    return {
      error: `--registry: expected oci://HOST[/PATH] (e.g. oci://ghcr.io/floe/charts), got '${value}'`,
    };
  if (/[A-Z]/.test(m[2] ?? ""))
    return { error: `--registry: an OCI repository path must be lower case, got '${value}'` };
  return { registry: v };
}

/** Whether helm's error for `show chart` means "no such chart or version" (rather than "could not ask"). */
export function isNotFound(stderr: string): boolean {
  return /not found|manifest unknown|name unknown|\b404\b/i.test(stderr);
}

/** The tag helm gives a version in a registry: OCI tags cannot hold `+`, helm writes `_`. */
export const ociTag = (version: string): string => version.replace(/\+/g, "_");

/** `Digest: sha256:...` from helm push's output. */
export function pushedDigest(output: string): string | undefined {
  return /Digest:\s*(sha256:[0-9a-f]{64})/.exec(output)?.[1];
}

/** Indexes the packages in `dir` (a folder holding only the new one): `urls` under `url`, relative without. */
export function helmRepoIndexArgv(bin: string, dir: string, url: string | undefined): string[] {
  return [bin, "repo", "index", dir, ...(url ? ["--url", url] : [])];
}
