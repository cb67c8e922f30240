// Narrowing parsed YAML/JSON.

/** A mapping (not null, not a list). */
export function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
