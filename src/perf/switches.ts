// The gate's speed work lives in src/perf, and each piece can be switched off on its own:
// FLOE_HELM_PERF_OFF=yaml-fast,doc-cache (or `all`). The verdicts are the same either way (the pieces only
// change how fast they are reached), so switching one off rules it out of a suspected bug, and
// `bench/gate-bench.mjs --ablate` measures what each piece buys (README "Speed: what each piece buys").
import { UserError } from "../core/errors.js";

export const PERF_PIECES = {
  "yaml-fast":
    "js-yaml 4 parses rendered documents and values files where its value is provably yaml's (src/perf/yaml-fast.ts)",
  "doc-cache":
    "rendered output is parsed document by document, identical documents once per process (src/helm/manifest.ts)",
  "validator-cache":
    "compiled ajv validators are kept on disk as standalone code between runs (src/perf/validator-cache.ts)",
  "v8-cache": "V8's code cache is kept beside each cached validator (src/perf/validator-cache.ts)",
  "helm-prefetch":
    "every helm render and lint of the plan is queued at start, before the values checks (src/gate/stages/schedule.ts)",
  "lint-queue":
    "lints run in a queue of their own at nice 10; off: they share the renders' slots at normal priority (src/gate/stages/schedule.ts)",
} as const;

export type PerfPiece = keyof typeof PERF_PIECES;

export const PERF_ENV = "FLOE_HELM_PERF_OFF";

let off: ReadonlySet<PerfPiece> | undefined;

/** The pieces a FLOE_HELM_PERF_OFF value switches off; a name that is no piece is one clear error. */
export function parsePerfOff(value: string | undefined): ReadonlySet<PerfPiece> {
  const names = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.includes("all")) return new Set(Object.keys(PERF_PIECES) as PerfPiece[]);
  const unknown = names.filter((n) => !(n in PERF_PIECES));
  if (unknown.length)
    throw new UserError(
      `${PERF_ENV}: unknown piece ${unknown.map((n) => `'${n}'`).join(", ")}: expected a comma-separated list of ${Object.keys(PERF_PIECES).join(", ")}, or all`,
    );
  return new Set(names as PerfPiece[]);
}

/** Whether a piece of the speed work is on in this process (read from the environment once). */
export function perfOn(piece: PerfPiece): boolean {
  off ??= parsePerfOff(process.env[PERF_ENV]);
  return !off.has(piece);
}
