// kubesec: the real kubesec scores every workload kind it supports (Pod, Deployment, StatefulSet,
// DaemonSet). Jobs and CronJobs it answers "This resource kind is not supported", yet they run pods like any
// other workload: each is sent as a Pod built from its pod template, and findings map back to the Job's
// template lines (the selectors are located under the Job's own pod template path). Other kinds are not
// sent. Workloads go to kubesec as multi-document streams, each distinct one once per run (reportsFor).
// kubesec scores only objects that are valid Kubernetes: it validates each one with kubeconform first, and
// that validation is three quarters of its run time (it loads and compiles the schema again for every
// document). The gate has just validated the same objects against the same committed schemas (the
// k8s-schema check's compiled validators, shared here), so an invalid workload is not sent: it gets
// kubesec's "could not score" finding from that validation, at the offending field, and kubesec reads a
// schema folder that accepts what it is sent (src/k8s/kubeconform-dir.ts): offline, and no work twice.
//
// Verdict per workload, exactly: it passes when `score >= threshold` (default 9), so with the default a
// score of 9 passes and 8 fails. Every critical rule kubesec reports (negative points) is an error on its
// own, whatever the score. Waivers (rule `kubesec`, object `Kind/name`) are applied by the gate to these
// findings like to any other (src/policy/waivers.ts, applied in src/gate/run.ts).
import { createHash } from "node:crypto";
import os from "node:os";
import { ToolError, UserError } from "../core/errors.js";
import type { Finding } from "../core/findings.js";
import { limiter } from "../exec/limiter.js";
import { runTool } from "../exec/runner.js";
import { ensureKubeconformDir, KUBESEC_KINDS } from "../k8s/kubeconform-dir.js";
import { defaultKubeVersion, withoutNulls } from "../k8s/schemas.js";
import { describeErrors, validatorFor } from "./k8s-schema.js";
import type { Check, DocPath, RenderedObject } from "./types.js";
import { containersOf, findingAt, get, podSpecPath } from "./workloads.js";

const RULE = "kubesec";
export const DEFAULT_KUBESEC_THRESHOLD = 9;

export interface KubesecArgs {
  bin: string;
  /** Folder in kubeconform layout (`--schema-location`): kubesec then never downloads schemas (see
   * src/k8s/kubeconform-dir.ts for what it holds). */
  schemaLocation: string;
  /** Exact release the folder holds, e.g. 1.37.2 (kubeconform looks up v1.37.2-standalone-strict/). */
  kubernetesVersion: string;
}

/** `kubesec scan` reading a multi-document stream on stdin, JSON out. `--exit-code 0`: a low score is
 * our verdict to make (kubesec would exit 2 for any score <= 0), so only a failure to run is non-zero. */
export function kubesecScanArgv(a: KubesecArgs): string[] {
  return [
    a.bin,
    "scan",
    "--format",
    "json",
    "--exit-code",
    "0",
    "--schema-location",
    a.schemaLocation,
    "--kubernetes-version",
    a.kubernetesVersion.replace(/^v/, ""),
    "-",
  ];
}

export interface KubesecRuleRef {
  id: string;
  selector: string;
  reason: string;
  points: number;
}

export interface KubesecReport {
  object: string;
  valid: boolean;
  message: string;
  score: number;
  scoring?: { critical?: KubesecRuleRef[]; passed?: KubesecRuleRef[]; advise?: KubesecRuleRef[] };
}

/** Kinds kubesec does not score whose pod template is scored as a Pod instead. */
const SCANNED_AS_POD: ReadonlyArray<{ apiVersion: string; kind: string }> = [
  { apiVersion: "batch/v1", kind: "Job" },
  { apiVersion: "batch/v1", kind: "CronJob" },
];

const has = (kinds: ReadonlyArray<{ apiVersion: string; kind: string }>, obj: RenderedObject) =>
  kinds.some((k) => k.apiVersion === obj.apiVersion && k.kind === obj.kind);

/** Objects the check scans: the kinds kubesec scores, plus Jobs and CronJobs that have a pod template. */
export function isKubesecKind(obj: RenderedObject): boolean {
  return has(KUBESEC_KINDS, obj) || (has(SCANNED_AS_POD, obj) && podSpecPath(obj) !== undefined);
}

/** The document kubesec scores for an object: itself, or for a Job/CronJob a Pod made of its pod template
 * (metadata from the template, name and namespace from the Job). */
export function kubesecDoc(obj: RenderedObject): Record<string, unknown> {
  if (!has(SCANNED_AS_POD, obj)) return obj.doc;
  const spec = podSpecPath(obj)!;
  const template = get(obj.doc, spec.slice(0, -1)) as Record<string, unknown>;
  const meta = (template.metadata ?? {}) as Record<string, unknown>;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { ...meta, name: obj.name, ...(obj.namespace ? { namespace: obj.namespace } : {}) },
    spec: template.spec,
  };
}

/** The documents kubesec reads: JSON is YAML, and JSON never contains the `\n---\n` separator. */
export function kubesecInput(objects: readonly RenderedObject[]): string {
  return `${objects.map((o) => JSON.stringify(withoutNulls(kubesecDoc(o)))).join("\n---\n")}\n`;
}

/** Best path for a kubesec selector such as `containers[] .securityContext .privileged == true` or
 * `.spec .hostNetwork == true`: the first container that has that field, else the pod spec. */
export function selectorPath(obj: RenderedObject, selector: string): DocPath {
  const spec = podSpecPath(obj) ?? ["spec"];
  const inContainer = /containers\[\]\s*((?:\.\w+\s*)+)/.exec(selector);
  if (inContainer) {
    const keys = inContainer[1]!
      .trim()
      .split(/\s+/)
      .map((k) => k.slice(1));
    const containers = containersOf(obj);
    const hit = containers.find((c) => get(c.container, keys) !== undefined);
    if (hit) return [...hit.path, ...keys];
    return containers[0]?.path ?? spec;
  }
  const onSpec = /^\.spec\s+((?:\.\w+\s*)+)/.exec(selector);
  if (onSpec)
    return [
      ...spec,
      ...onSpec[1]!
        .trim()
        .split(/\s+/)
        .map((k) => k.slice(1)),
    ];
  return spec;
}

export function kubesecFindings(
  objects: readonly RenderedObject[],
  reports: readonly KubesecReport[],
  threshold: number,
  severity: "error" | "warning" | "info",
): Finding[] {
  const out: Finding[] = [];
  for (const [i, obj] of objects.entries()) {
    const r = reports[i]!;
    const spec = podSpecPath(obj) ?? ["spec"];
    if (!r.valid) {
      const why = r.message
        .split("\n")[0]!
        .replace(/^problem validating schema\. Check JSON formatting: /, "")
        .replace(/ does not validate with \S+: /, ": ");
      out.push(
        findingAt(obj, spec, RULE, severity, `kubesec could not score ${obj.kind}/${obj.name}: ${why}`),
      );
      continue;
    }
    for (const c of r.scoring?.critical ?? []) {
      out.push(
        findingAt(
          obj,
          selectorPath(obj, c.selector),
          RULE,
          severity,
          `kubesec critical ${c.id} (${c.points} points): ${c.reason} [${c.selector}]`,
        ),
      );
    }
    if (r.score < threshold) {
      const advise = (r.scoring?.advise ?? []).map((a) => `${a.id} +${a.points}`).join(", ");
      out.push(
        findingAt(
          obj,
          spec,
          RULE,
          severity,
          `kubesec score ${r.score} is below the threshold ${threshold} (a workload passes when score >= ${threshold})` +
            (advise ? `; kubesec advises: ${advise}` : ""),
        ),
      );
    }
  }
  return out;
}

// Helm 3 and 4, and scenarios of one chart, render mostly the same workloads: each distinct document is
// scanned once per run and its report shared by every cell that has it (findings are still made per cell,
// with that cell's labels). kubesec's cost grows with the workloads it is given (about 35 ms each; a run
// itself costs little), so a cell's new workloads are split into up to one batch per core, at most one
// kubesec per core at a time.
const reports = new Map<string, Promise<KubesecReport>>();
const kubesecSlot = limiter(os.availableParallelism());
const MIN_BATCH = 4;

/** The reports of `docs` (kubesec input documents) in order, scanning only those no earlier cell sent. */
export function reportsFor(argv: string[], docs: readonly string[], cores = os.availableParallelism()) {
  const keys = docs.map((d) =>
    createHash("sha256").update(argv.join("\0")).update("\0").update(d).digest("hex"),
  );
  const fresh = [...new Map(keys.map((k, i) => [k, i])).entries()].filter(([k]) => !reports.has(k));
  const batches = Math.max(1, Math.min(cores, Math.floor(fresh.length / MIN_BATCH)));
  for (let b = 0; b < batches; b++) {
    const part = fresh.filter((_, i) => i % batches === b);
    if (part.length === 0) continue;
    const input = `${part.map(([, i]) => docs[i]).join("\n---\n")}\n`;
    const scanned = kubesecSlot(() => scan(argv, input, part.length));
    for (const [j, [k]] of part.entries())
      reports.set(
        k,
        scanned.then((rs) => rs[j]!),
      );
  }
  return Promise.all(keys.map((k) => reports.get(k)!));
}

async function scan(argv: string[], input: string, expected: number): Promise<KubesecReport[]> {
  const res = await runTool(argv, { input, timeoutMs: 120_000 });
  let reports: KubesecReport[];
  try {
    reports = JSON.parse(res.stdout) as KubesecReport[];
  } catch {
    throw new ToolError(
      `kubesec failed (exit ${res.code}): ${(res.stderr || res.stdout).trim().split("\n")[0] ?? "no output"}`,
    );
  }
  if (res.code !== 0 || !Array.isArray(reports) || reports.length !== expected) {
    throw new ToolError(
      `kubesec returned ${Array.isArray(reports) ? reports.length : "no"} reports for ${expected} workloads (exit ${res.code})`,
    );
  }
  return reports;
}

export const kubesecCheck: Check = {
  rule: RULE,
  defaultSeverity: "error",
  runsProcess: true,
  description:
    "The real kubesec scores each Pod, Deployment, StatefulSet and DaemonSet, and each Job/CronJob as a Pod of its template: score >= threshold (default 9) and no critical rule, offline.",
  async run(cell, ctx) {
    const severity = "error";
    const objects = cell.objects.filter(isKubesecKind);
    if (objects.length === 0) return [];
    const bin = ctx.tools.kubesec;
    if (!bin) throw new UserError("kubesec check: no kubesec binary resolved (tools dir or installer)");
    const version = ctx.settings.kubeVersion || defaultKubeVersion();
    const validator = validatorFor(version);
    const argv = kubesecScanArgv({
      bin,
      schemaLocation: ensureKubeconformDir(validator.schemas),
      kubernetesVersion: validator.schemas.kubernetesVersion,
    });
    const docs = objects.map((o) => withoutNulls(kubesecDoc(o)) as Record<string, unknown>);
    // What kubesec's own kubeconform step would refuse, found by the gate's validator (see the header).
    const problems = docs.map((d) => describeErrors(validator.validate(d) ?? [])[0]);
    const scored = objects.filter((_, i) => !problems[i]);
    const scoredReports = await reportsFor(
      argv,
      docs.filter((_, i) => !problems[i]).map((d) => JSON.stringify(d)),
    );
    const threshold = ctx.settings.kubesecThreshold ?? DEFAULT_KUBESEC_THRESHOLD;
    const unscored = objects.flatMap((obj, i) => {
      const p = problems[i];
      if (!p) return [];
      const spec = podSpecPath(obj) ?? ["spec"];
      // A Job/CronJob was checked as the Pod of its template: its `spec` is the template's pod spec.
      const at = !has(SCANNED_AS_POD, obj)
        ? p.path
        : p.path[0] === "spec"
          ? [...spec, ...p.path.slice(1)]
          : spec;
      return [
        findingAt(
          obj,
          at,
          RULE,
          severity,
          `kubesec could not score ${obj.kind}/${obj.name}: it is not a valid Kubernetes ${validator.schemas.kubernetesVersion.replace(/^v/, "")} object (${p.message}; k8s-schema reports each problem)`,
        ),
      ];
    });
    return [...unscored, ...kubesecFindings(scored, scoredReports, threshold, severity)];
  },
};
