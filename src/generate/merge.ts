// The merge of generate's layers (README "Generate values from floe's manifest and data products"): chart
// defaults < environment defaults < manifest < data product < --values < --set. Maps merge key by key, lists
// (and every other value) are replaced whole, as helm merges values files. Each layer keeps where its values
// came from, so a value the chart's schema refuses is reported in the input that set it.
import { isObj } from "../core/objects.js";
import type { DocPath, SourcePosition } from "../core/rendered.js";
import type { LoadedYaml } from "../values/yaml.js";

/** One input to the merge: its values and where each of them was written. */
export interface Layer {
  /** What the user sees: a file path relative to cwd, or a label such as `--set a.b=1`. */
  source: string;
  values: Record<string, unknown>;
  /** Position of the input that set the value at a values path (line 0: the layer has no lines). */
  positionOf(p: DocPath): SourcePosition | undefined;
}

/** Deep merge of two overlays: maps key by key, anything else replaced. A null is kept (helm then removes
 * the key from the chart's defaults), so the overlay can be merged over the defaults later. */
export function mergeOverlay(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isObj(base) || !isObj(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? mergeOverlay(out[k], v) : v;
  return out;
}

/** The layers above the chart defaults merged into one values overlay (what generate writes). */
export function overlayOf(layers: readonly Layer[]): Record<string, unknown> {
  let out: unknown = {};
  for (const l of layers) out = mergeOverlay(out, l.values);
  return (out ?? {}) as Record<string, unknown>;
}

export function has(values: unknown, p: DocPath): boolean {
  let cur: unknown = values;
  for (const seg of p) {
    if (Array.isArray(cur) && typeof seg === "number") cur = cur[seg];
    else if (isObj(cur) && Object.hasOwn(cur, String(seg))) cur = cur[String(seg)];
    else return false;
  }
  return true;
}

/** A layer with no lines of its own (environment defaults, a --set): positions name the layer only. */
export function labelLayer(source: string, values: Record<string, unknown>): Layer {
  return { source, values, positionOf: (p) => (has(values, p) ? { file: source, line: 0 } : undefined) };
}

/** A values file the user passed: positions are its own. */
export function fileLayer(loaded: LoadedYaml): Layer {
  return {
    source: loaded.file,
    values: (isObj(loaded.value) ? loaded.value : {}) as Record<string, unknown>,
    positionOf: (p) => loaded.positionOf(p),
  };
}

/** Values mapped from a floe file: `from` says which path of the floe file each values path came from (the
 * longest registered prefix of a values path wins); positions are the floe file's. */
export function mappedLayer(
  source: LoadedYaml,
  values: Record<string, unknown>,
  from: ReadonlyArray<readonly [DocPath, DocPath]>,
): Layer {
  return {
    source: source.file,
    values,
    positionOf: (p) => {
      if (!has(values, p)) return undefined;
      let best: readonly [DocPath, DocPath] | undefined;
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
export function asLoaded(layer: Layer): LoadedYaml {
  return { file: layer.source, value: layer.values, problems: [], positionOf: layer.positionOf };
}

/** Sets `value` at `path` in a fresh nested object. */
export function nest(path: readonly string[], value: unknown): Record<string, unknown> {
  let out: unknown = value;
  for (let i = path.length - 1; i >= 0; i--) out = { [path[i]!]: out };
  return out as Record<string, unknown>;
}
