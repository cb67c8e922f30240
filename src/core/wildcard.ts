// `*` patterns, as floe-gate.yaml writes them (waivers, severity, requirements, externalReferences): `*`
// matches any run of characters, everything else matches itself.

const compiled = new Map<string, RegExp>();

/** Whether `value` matches `pattern` as a whole. */
export function matchesWildcard(pattern: string, value: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(
      `^${pattern
        .split("*")
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")}$`,
    );
    compiled.set(pattern, re);
  }
  return re.test(value);
}
