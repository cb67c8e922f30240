// k8s-schema: every rendered object validated offline, strictly (unknown fields are errors), against the
// Kubernetes API schemas of --kube-version (src/k8s/schemas.ts says where they come from). A kind the API
// does not define (a CRD) is not a failure: an info finding says no schema is known, unless floe-gate.yaml
// declares the kind.
import type { ErrorObject } from "ajv";
import type { Finding } from "../core/findings.js";
import { pointerPath } from "../core/pointer.js";
import { defaultKubeVersion, KubeValidator, loadKubeSchemas } from "../k8s/schemas.js";
import type { Check, DocPath } from "./types.js";
import { findingAt, objectId } from "./workloads.js";

const validators = new Map<string, KubeValidator>();

export function validatorFor(version: string): KubeValidator {
  let v = validators.get(version);
  if (!v) {
    v = new KubeValidator(loadKubeSchemas(version));
    validators.set(version, v);
  }
  return v;
}

function describe(e: ErrorObject): { path: DocPath; message: string } | undefined {
  const path = pointerPath(e.instancePath);
  const at = path.length ? path.join(".") : "(object)";
  switch (e.keyword) {
    case "additionalProperties": {
      const field = String((e.params as { additionalProperty: string }).additionalProperty);
      return { path: [...path, field], message: `unknown field '${[...path, field].join(".")}'` };
    }
    case "required": {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      return { path, message: `${at}: missing required field '${missing}'` };
    }
    case "type":
      return { path, message: `${at}: ${e.message ?? "wrong type"}` };
    case "oneOf":
      return { path, message: `${at}: must be an integer or a string` };
    case "enum": {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String).join(", ");
      return { path, message: `${at}: must be one of ${allowed}` };
    }
    default:
      return { path, message: `${at}: ${e.message ?? e.keyword}` };
  }
}

/** One message per real problem, in ajv's order: ajv also reports each branch of a failed oneOf
 * (int-or-string) and the oneOf itself; only the oneOf is kept. */
export function describeErrors(errors: readonly ErrorObject[]): Array<{ path: DocPath; message: string }> {
  const out: Array<{ path: DocPath; message: string }> = [];
  const seen = new Set<string>();
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === "oneOf").map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword !== "oneOf" && oneOfPaths.has(e.instancePath)) continue;
    const d = describe(e);
    if (!d) continue;
    const key = `${d.path.join("/")}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

export const k8sSchemaCheck: Check = {
  rule: "k8s-schema",
  defaultSeverity: "error",
  description:
    "Every rendered object is valid for the Kubernetes API of --kube-version, offline and strict (unknown fields are errors).",
  run(cell, ctx) {
    const severity = "error";
    const version = ctx.settings.kubeVersion || defaultKubeVersion();
    const validator = validatorFor(version);
    const declared = new Set((ctx.settings.kinds ?? []).map((k) => `${k.apiVersion}/${k.kind}`));
    const findings: Finding[] = [];
    for (const obj of cell.objects) {
      const errors = validator.validate(obj.doc);
      if (errors === undefined) {
        if (declared.has(`${obj.apiVersion}/${obj.kind}`)) continue;
        findings.push({
          ...findingAt(
            obj,
            ["kind"],
            "k8s-schema",
            "info",
            `no schema known for ${obj.apiVersion} ${obj.kind} in Kubernetes ${validator.schemas.kubernetesVersion} ` +
              "(a custom resource?): not validated; declare it under `kinds` in floe-gate.yaml to silence this",
          ),
        });
        continue;
      }
      for (const d of describeErrors(errors)) {
        findings.push(
          findingAt(
            obj,
            d.path,
            "k8s-schema",
            severity,
            `${objectId(obj)}: ${d.message} (Kubernetes ${version})`,
          ),
        );
      }
    }
    return findings;
  },
};
