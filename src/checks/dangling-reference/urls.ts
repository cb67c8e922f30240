// dangling-reference, in-cluster URLs: Service addresses written in helm test pods and ConfigMaps.
import { isObj } from "../../core/objects.js";
import type { DocPath, RenderedObject } from "../types.js";
import { get, isHelmTestPod } from "../workloads.js";
import type { Ref } from "./refs.js";

// In-cluster addresses: `scheme://name[:port]` (one label: a Service in the same namespace) or
// `name.ns.svc[.cluster.local][:port]` with or without a scheme. Hosts with other dots are external.
const urlRe =
  /\b(?:([a-z][a-z0-9+.-]*):\/\/)?([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)(?:\.([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.svc(?:\.cluster\.local)?)?(?::(\d{1,5}))?(?=[/\s"',;)?#]|$)/g;

const defaultPorts: Record<string, number> = { http: 80, https: 443 };

export interface InClusterUrl {
  service: string;
  namespace?: string;
  port?: number;
  /** The address as written. */
  text: string;
}

export function inClusterUrls(text: string): InClusterUrl[] {
  const out: InClusterUrl[] = [];
  for (const m of text.matchAll(urlRe)) {
    const [, scheme, host, ns, port] = m;
    if (!host) continue;
    const before = m.index > 0 ? text[m.index - 1]! : "";
    // Part of a longer host name or path (`a.b.com`, `/x/name`): not an address of its own.
    if (/[a-z0-9.@/_-]/i.test(before) && !scheme) continue;
    if (!ns && !scheme) continue;
    if (!ns) {
      // scheme://host: only single-label hosts are Services; the regex stops at the first dot.
      const after = text[m.index + m[0].length];
      if (after === "." || host === "localhost" || /^\d+$/.test(host)) continue;
    }
    const p = port ? Number(port) : scheme ? defaultPorts[scheme] : undefined;
    out.push({
      service: host,
      ...(ns ? { namespace: ns } : {}),
      ...(p !== undefined ? { port: p } : {}),
      text: m[0],
    });
  }
  return out;
}

function strings(value: unknown, path: DocPath, out: Array<{ path: DocPath; text: string }>): void {
  if (typeof value === "string") out.push({ path, text: value });
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) strings(v, [...path, i], out);
  } else if (isObj(value)) for (const [k, v] of Object.entries(value)) strings(v, [...path, k], out);
}

export function urlRefs(obj: RenderedObject): Ref[] {
  const texts: Array<{ path: DocPath; text: string }> = [];
  if (isHelmTestPod(obj)) strings(get(obj.doc, ["spec"]), ["spec"], texts);
  else if (obj.kind === "ConfigMap") strings(get(obj.doc, ["data"]), ["data"], texts);
  else return [];
  const refs: Ref[] = [];
  for (const t of texts) {
    for (const u of inClusterUrls(t.text)) {
      // A FQDN into another namespace than the object's is another release's business.
      if (u.namespace && obj.namespace && u.namespace !== obj.namespace) continue;
      refs.push({
        kind: "Service",
        name: u.service,
        ...(u.port !== undefined ? { port: u.port } : {}),
        path: t.path.length > 2 && obj.kind === "ConfigMap" ? t.path.slice(0, 2) : t.path,
        ...(t.text.includes("\n") ? { needle: u.text } : {}),
        via: `address '${u.service}${u.namespace ? `.${u.namespace}.svc` : ""}${u.port !== undefined ? `:${u.port}` : ""}'`,
      });
    }
  }
  return refs;
}
