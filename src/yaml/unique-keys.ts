// Duplicate keys of a parsed yaml document, found in one walk. yaml's own check (`uniqueKeys: true`)
// compares each key with every earlier key of its mapping, so a mapping of n keys costs n^2/2 comparisons:
// a values file with 50,000 keys under one key took 34 s to parse with it, 1.3 s without. Documents are
// parsed with `uniqueKeys: false` and checked here with one Set per mapping: the same keys (scalar keys with
// `===` values; other keys are never equal) at the same offsets, as tests/yaml/unique-keys.test.ts shows
// over the YAML test suite.
import { isMap, isScalar, isSeq, type Node } from "yaml";

export interface DuplicateKey {
  /** Offset of the repeated key (where yaml reports its DUPLICATE_KEY error). */
  offset: number;
  /** Keys and list indexes from the root to the repeated key. */
  path: Array<string | number>;
}

/** Every key that repeats an earlier key of its mapping, in document order. */
export function duplicateKeys(root: unknown): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const path: Array<string | number> = [];
  const walk = (node: unknown) => {
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const name = isScalar(key) ? String(key.value) : String(key);
        if (isScalar(key) && !Number.isNaN(key.value)) {
          // A Set matches NaN to NaN; yaml's `===` never does, hence the NaN test above.
          if (seen.has(key.value)) out.push({ offset: key.range?.[0] ?? 0, path: [...path, name] });
          else seen.add(key.value);
        }
        path.push(name);
        walk(key);
        walk(pair.value);
        path.pop();
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        path.push(i);
        walk(item);
        path.pop();
      });
    }
  };
  walk(root);
  return out;
}
