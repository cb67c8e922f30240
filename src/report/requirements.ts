// floe-gate.yaml `requirements:` and `coverage:`: the requirements the coverage matrix lists and the
// priorities whose failed or uncovered requirements fail the report. A requirement is written either as
// `ID: [patterns]` (what proves it, nothing more) or `ID: { title, priority, covers: [patterns] }`.
// Read here, before the schema, so a bad entry is one error at its own file:line:col saying what is wrong
// (the schema, which editors use, rejects the same entries with only its keyword's message).
import { UserError } from "../core/errors.js";
import type { SourcePosition } from "../core/rendered.js";
import type { LoadedYaml } from "../values/yaml.js";

export const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
export type Priority = (typeof PRIORITIES)[number];
/** A failed or uncovered requirement of these priorities fails `floe-helm report` unless floe-gate.yaml
 * says otherwise (`coverage: { failOn: [...] }`, `[]` for never). */
export const DEFAULT_FAIL_ON: readonly Priority[] = ["P0"];

export interface Requirement {
  title?: string;
  priority?: Priority;
  /** Rule ids or check ids (`*` patterns) whose checks prove it; [] = only checks naming it in `covers`. */
  covers: string[];
  /** Where floe-gate.yaml declares it (its key): the verdict's findings point there. */
  at?: SourcePosition;
}

/** An integration point of floe-gate.yaml `integrations:`: an edge of the report's graph, proved by the
 * checks covering its requirements. */
export interface Integration {
  from: string;
  to: string;
  requirements: string[];
  at?: SourcePosition;
}

export interface CoverageSettings {
  requirements: Record<string, Requirement>;
  failOn: Priority[];
  /** Default []: no graph. */
  integrations?: Integration[];
}

const REQUIREMENT_KEYS = ["title", "priority", "covers"];
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const priorityList = PRIORITIES.join(", ");

/** Requirement id -> its patterns, the form the gate and upgrade-check fill `covers` from. */
export function coveragePatterns(reqs: Readonly<Record<string, Requirement>>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(reqs).map(([id, r]) => [id, r.covers]));
}

/** Reads `requirements:` and `coverage:` of a parsed floe-gate.yaml; throws UserError at the offending
 * entry. What is not a mapping at all is left to the schema (it says so at the same place). */
export function readCoverageSettings(y: LoadedYaml): CoverageSettings {
  const doc = isObject(y.value) ? y.value : {};
  const at = (...p: Array<string | number>) => y.positionOf(p) ?? { file: y.file, line: 1, col: 1 };
  const fail = (msg: string, ...p: Array<string | number>): never => {
    throw new UserError(msg, at(...p));
  };
  const patterns = (v: unknown, where: string, ...p: Array<string | number>): string[] => {
    if (!Array.isArray(v))
      return fail(`${where}: expected a list of rule or check patterns, e.g. [lint, policy/*]`, ...p);
    for (const [i, s] of v.entries())
      if (typeof s !== "string" || !s.trim())
        fail(
          `${where}[${i}]: expected a rule or check pattern (a non-empty string), got ${JSON.stringify(s)}`,
          ...p,
          i,
        );
    return v as string[];
  };
  const priority = (v: unknown, where: string, ...p: Array<string | number>): Priority => {
    if (!PRIORITIES.includes(v as Priority))
      fail(`${where}: unknown priority ${JSON.stringify(v)} (one of ${priorityList})`, ...p);
    return v as Priority;
  };

  const requirements: Record<string, Requirement> = {};
  if (isObject(doc.requirements)) {
    for (const [id, v] of Object.entries(doc.requirements)) {
      const where = `requirements.${id}`;
      const pos = at("requirements", id);
      if (Array.isArray(v)) {
        requirements[id] = { covers: patterns(v, where, "requirements", id), at: pos };
        continue;
      }
      if (!isObject(v))
        fail(
          `${where}: expected a list of patterns ([lint, render]) or { title, priority, covers }, got ${v === null ? "nothing" : JSON.stringify(v)}`,
          "requirements",
          id,
        );
      const r = v as Record<string, unknown>;
      const unknown = Object.keys(r).find((k) => !REQUIREMENT_KEYS.includes(k));
      if (unknown !== undefined)
        fail(
          `${where}: unknown key '${unknown}' (a requirement has title, priority, covers)`,
          "requirements",
          id,
          unknown,
        );
      if (!("title" in r))
        fail(
          `${where}: title is missing (what the requirement says, shown in the report)`,
          "requirements",
          id,
        );
      if (typeof r.title !== "string" || !r.title.trim())
        fail(
          `${where}.title: empty title (say what the requirement is, shown in the report)`,
          "requirements",
          id,
          "title",
        );
      if (!("priority" in r))
        fail(`${where}: priority is missing (one of ${priorityList})`, "requirements", id);
      requirements[id] = {
        title: (r.title as string).trim(),
        priority: priority(r.priority, `${where}.priority`, "requirements", id, "priority"),
        covers: "covers" in r ? patterns(r.covers, `${where}.covers`, "requirements", id, "covers") : [],
        at: pos,
      };
    }
  }

  let failOn: Priority[] = [...DEFAULT_FAIL_ON];
  const cov = doc.coverage;
  if (isObject(cov) && "failOn" in cov) {
    if (!Array.isArray(cov.failOn))
      fail(
        `coverage.failOn: expected a list of priorities, e.g. [P0] ([] never fails)`,
        "coverage",
        "failOn",
      );
    failOn = (cov.failOn as unknown[]).map((p, i) =>
      priority(p, `coverage.failOn[${i}]`, "coverage", "failOn", i),
    );
  }
  const integrations: Integration[] = [];
  if (Array.isArray(doc.integrations)) {
    for (const [i, v] of doc.integrations.entries()) {
      if (!isObject(v)) continue; // the schema says what an entry is, at its place
      const { from, to, requirements: ids } = v;
      if (typeof from !== "string" || typeof to !== "string" || !Array.isArray(ids)) continue;
      for (const [j, id] of ids.entries())
        if (typeof id === "string" && !(id in requirements))
          fail(
            `integrations[${i}].requirements[${j}]: ${id} is not declared under requirements: (declare it with its title and priority, e.g. ${id}: { title: "${from} -> ${to}", priority: P1 })`,
            "integrations",
            i,
            "requirements",
            j,
          );
      integrations.push({
        from: from.trim(),
        to: to.trim(),
        requirements: ids.filter((x): x is string => typeof x === "string"),
        at: at("integrations", i),
      });
    }
  }
  return { requirements, failOn: [...new Set(failOn)], ...(integrations.length ? { integrations } : {}) };
}
