// Pure argv builders for asking each tool its version. Tests assert these tables without running anything.

export const versionArgv = {
  helm: (bin: string): string[] => [bin, "version", "--short"],
  kubesec: (bin: string): string[] => [bin, "version"],
  kind: (bin: string): string[] => [bin, "version"],
  kubectl: (bin: string): string[] => [bin, "version", "--client", "-o", "json"],
} as const;

/** Extracts `vX.Y.Z` from a tool's version output; undefined when none is printed. */
export function parseVersion(output: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\b/.exec(output)?.[1]?.replace(/^/, "v");
}
