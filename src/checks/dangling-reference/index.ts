// dangling-reference: a Service (name or port), Secret (or key), ConfigMap (or key), ServiceAccount or
// PVC that a rendered object refers to but no rendered object provides and floe-gate.yaml does not declare
// external (`externalReferences`). Also NetworkPolicy pod selectors that select no rendered pod, and
// in-cluster URLs (`http://<service>:<port>`, `<service>.<ns>.svc[.cluster.local][:port]`) in helm test
// pods and ConfigMaps. Real floe defects: helm test pods and Ingress rules pointing at renamed Services.
// A Secret or ConfigMap that a rendered Job or CronJob of the release is handed by name (an argument such
// as `--secret-name=<name>`, `--name <name>` or `<name>`, or an env value) is one the Job creates at run
// time, as ingress-nginx's admission hook Job (kube-webhook-certgen) does: that is said, as info.
//
// Split the way kube-linter splits its checks: inventory.ts (what the render provides), refs.ts and urls.ts
// (what each kind refers to), resolve.ts (a reference against the inventory: a typed problem),
// network-policy.ts (selectors), external.ts (floe-gate.yaml's externalReferences); this file runs them.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../../core/findings.js";
import type { Check } from "../types.js";
import { findingAt } from "../workloads.js";
import { Inventory } from "./inventory.js";
import { networkPolicyFindings } from "./network-policy.js";
import { ingressRefs, podRefs } from "./refs.js";
import { isNote, problemMessage, resolve } from "./resolve.js";
import { RULE } from "./rule.js";
import { urlRefs } from "./urls.js";

export { type InClusterUrl, inClusterUrls } from "./urls.js";

export const danglingReferenceCheck: Check = {
  rule: RULE,
  defaultSeverity: "error",
  description:
    "Every Service (and port), Secret (and key), ConfigMap (and key), ServiceAccount and PVC a rendered object refers to is rendered too or declared external; NetworkPolicy selectors select a pod.",
  run(cell, ctx) {
    const severity = "error";
    const inv = new Inventory(cell.objects);
    const releaseNs = ctx.settings.releaseNamespace;
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const obj of cell.objects) {
      for (const ref of [...podRefs(obj), ...ingressRefs(obj), ...urlRefs(obj)]) {
        const problem = resolve(ref, obj, inv, ctx, releaseNs);
        if (!problem) continue;
        const message = problemMessage(problem);
        const key = `${obj.kind}/${obj.name}\0${ref.path.join("/")}\0${message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // A missing port is pointed at where the port is written, when the reference says.
        const at = problem.kind === "missing-port" && ref.portPath ? ref.portPath : ref.path;
        const f = findingAt(
          obj,
          at,
          RULE,
          isNote(problem) ? "info" : severity,
          `${obj.kind}/${obj.name} ${ref.via}: ${message}`,
        );
        out.push(ref.needle ? refineToNeedle(f, ref.needle, ctx.cwd) : f);
      }
    }
    out.push(...networkPolicyFindings(cell, inv, ctx, severity));
    return out;
  },
};

/** A multi-line value (a config file inside a ConfigMap) is located at its key; when the template writes
 * the address literally in the lines below, point at that line instead. */
function refineToNeedle(f: Finding, needle: string, cwd: string): Finding {
  if (!f.file || !f.line) return f;
  let lines: string[];
  try {
    lines = readFileSync(path.resolve(cwd, f.file), "utf8").split(/\r?\n/);
  } catch {
    return f;
  }
  const keyIndent = /^\s*/.exec(lines[f.line - 1] ?? "")![0].length;
  for (let i = f.line; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() !== "" && /^\s*/.exec(l)![0].length <= keyIndent) break;
    const col = l.indexOf(needle);
    if (col >= 0) return { ...f, line: i + 1, col: col + 1 };
  }
  return f;
}
