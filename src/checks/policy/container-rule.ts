// Builds a policy/<name> check that looks at every container (and init container) of every workload
// kind: the per-container rules only differ in what they test, so they share this loop.
import type { Finding, Severity } from "../../core/findings.js";
import type { Check, DocPath, RenderCell, RenderedObject } from "../types.js";
import { type ContainerRef, containersOf, findingAt, type Obj } from "../workloads.js";

export interface ContainerProblem {
  /** Path inside the container (or absolute when `absolute`) the finding points at. */
  path: DocPath;
  message: string;
  absolute?: boolean;
}

export interface ContainerRuleSpec {
  rule: string;
  description: string;
  defaultSeverity?: Severity;
  /** Skip containers of this object (e.g. probes are only for long-running pods). */
  applies?: (obj: RenderedObject, c: ContainerRef) => boolean;
  test: (
    c: ContainerRef,
    podSpec: Obj,
    podSpecPath: DocPath,
    obj: RenderedObject,
  ) => ContainerProblem | undefined;
}

export function containerRule(spec: ContainerRuleSpec): Check {
  const defaultSeverity = spec.defaultSeverity ?? "error";
  return {
    rule: spec.rule,
    defaultSeverity,
    description: spec.description,
    run(cell: RenderCell) {
      const out: Finding[] = [];
      for (const obj of cell.objects) {
        for (const c of containersOf(obj)) {
          if (spec.applies && !spec.applies(obj, c)) continue;
          const podSpecPath = c.path.slice(0, -2);
          let podSpec: unknown = obj.doc;
          for (const seg of podSpecPath) podSpec = (podSpec as Record<string | number, unknown>)[seg];
          const p = spec.test(c, podSpec as Obj, podSpecPath, obj);
          if (!p) continue;
          const at = p.absolute ? p.path : [...c.path, ...p.path];
          const kind = c.init ? "init container" : "container";
          out.push(findingAt(obj, at, spec.rule, defaultSeverity, `${kind} '${c.name}': ${p.message}`));
        }
      }
      return out;
    },
  };
}
