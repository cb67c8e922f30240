// JSON Pointers (RFC 6901), as ajv reports where a problem is (`instancePath`): `/spec/containers/0/image`.

/** The pointer's segments, unescaped (`~1` is `/`, `~0` is `~`); the empty pointer (the whole document) has none. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The pointer's segments with list indexes (all digits) as numbers, as document paths hold them. */
export function pointerPath(pointer: string): Array<string | number> {
  return pointerSegments(pointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
