// dangling-reference: a Service (name or port), Secret (or key), ConfigMap (or key), ServiceAccount or
// PVC that a rendered object refers to but no rendered object provides and floe-gate.yaml does not declare
// external (`externalReferences`). Also NetworkPolicy pod selectors that select no rendered pod, and
// in-cluster URLs (`http://<service>:<port>`, `<service>.<ns>.svc[.cluster.local][:port]`) in helm test
// pods and ConfigMaps. Real floe defects: helm test pods and Ingress rules pointing at renamed Services.
// A Secret or ConfigMap that a rendered Job or CronJob of the release is handed by name (an argument such
// as `--secret-name=<name>`, `--name <name>` or `<name>`, or an env value) is one the Job creates at run
// time, as ingress-nginx's admission hook Job (kube-webhook-certgen) does: that is said, as info.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../core/findings.js";
import { isObj } from "../core/objects.js";
import { matchesWildcard } from "../core/wildcard.js";
import type { Check, CheckContext, DocPath, RenderCell, RenderedObject } from "./types.js";
import {
  arr,
  containersOf,
  findingAt,
  get,
  isHelmTestPod,
  type Obj,
  podLabels,
  podSpecPath,
  sameNamespace,
  selectorMatches,
  str,
} from "./workloads.js";

const RULE = "dangling-reference";

type RefKind = "Service" | "Secret" | "ConfigMap" | "ServiceAccount" | "PersistentVolumeClaim";

interface Provided {
  obj: RenderedObject;
  keys?: Set<string>;
  ports?: Array<{ name?: string; port: number }>;
}

/** A name a Job or CronJob is handed, and how (`argument '--secret-name=x'`, `env SECRET_NAME`). */
interface Handed {
  job: RenderedObject;
  how: string;
}

/** Everything the render provides, by kind and name. */
class Inventory {
  private readonly byKind = new Map<RefKind, Map<string, Provided[]>>();
  readonly pods: Array<{ obj: RenderedObject; labels: Record<string, string> }> = [];
  /** StatefulSet claim templates: PVC `<template>-<statefulset>-<ordinal>` exists once it runs. */
  readonly claimTemplates: Array<{ obj: RenderedObject; prefix: string }> = [];
  /** Names handed to a Job or CronJob (it may create what they name at run time). */
  private readonly handed = new Map<string, Handed[]>();

  constructor(objects: readonly RenderedObject[]) {
    for (const obj of objects) {
      const d = obj.doc;
      switch (obj.kind) {
        case "Secret":
        case "ConfigMap": {
          const keys = new Set<string>();
          for (const field of obj.kind === "Secret" ? ["data", "stringData"] : ["data", "binaryData"]) {
            const m = d[field];
            if (isObj(m)) for (const k of Object.keys(m)) keys.add(k);
          }
          this.add(obj.kind, obj, { obj, keys });
          break;
        }
        case "Service": {
          const ports = arr(get(d, ["spec", "ports"]))
            .filter(isObj)
            .map((p) => ({ ...(str(p.name) ? { name: str(p.name)! } : {}), port: Number(p.port) }));
          this.add("Service", obj, { obj, ports });
          break;
        }
        case "ServiceAccount":
        case "PersistentVolumeClaim":
          this.add(obj.kind, obj, { obj });
          break;
      }
      this.operatorOutputs(obj);
      if (obj.kind === "Job" || obj.kind === "CronJob") this.jobInputs(obj);
      if (podSpecPath(obj)) this.pods.push({ obj, labels: podLabels(obj)! });
      if (obj.kind === "StatefulSet") {
        for (const t of arr(get(d, ["spec", "volumeClaimTemplates"]))) {
          const n = str(get(t, ["metadata", "name"]));
          if (n) this.claimTemplates.push({ obj, prefix: `${n}-${obj.name}-` });
        }
      }
    }
  }

  /** Objects that well-known operators create from a rendered custom resource (its kind has no schema,
   * but what it provides is documented): the External Secrets Operator, CloudNativePG and cert-manager. */
  private operatorOutputs(obj: RenderedObject): void {
    const d = obj.doc;
    if (obj.apiVersion.startsWith("external-secrets.io/") && obj.kind === "ExternalSecret") {
      const name = str(get(d, ["spec", "target", "name"])) ?? obj.name;
      const templ = get(d, ["spec", "target", "template", "data"]);
      const dataFrom = arr(get(d, ["spec", "dataFrom"])).length > 0;
      const keys = new Set<string>([
        ...arr(get(d, ["spec", "data"])).map((x) => str(get(x, ["secretKey"])) ?? ""),
        ...(isObj(templ) ? Object.keys(templ) : []),
      ]);
      // dataFrom extracts whatever keys the remote secret has: any key may exist.
      this.add("Secret", { ...obj, name }, dataFrom ? { obj } : { obj, keys });
    }
    // cert-manager writes the issued certificate into the Secret spec.secretName (ingress-nginx's admission
    // webhook with certManager.enabled mounts it).
    if (obj.apiVersion.startsWith("cert-manager.io/") && obj.kind === "Certificate") {
      const name = str(get(d, ["spec", "secretName"]));
      if (name)
        this.add("Secret", { ...obj, name }, { obj, keys: new Set(["tls.crt", "tls.key", "ca.crt"]) });
    }
    if (obj.apiVersion.startsWith("postgresql.cnpg.io/") && obj.kind === "Cluster") {
      for (const suffix of ["app", "superuser"])
        this.add("Secret", { ...obj, name: `${obj.name}-${suffix}` }, { obj });
      for (const suffix of ["rw", "ro", "r"]) {
        this.add(
          "Service",
          { ...obj, name: `${obj.name}-${suffix}` },
          { obj, ports: [{ name: "postgres", port: 5432 }] },
        );
      }
      // CloudNativePG copies spec.inheritedMetadata.labels onto the instance pods it creates.
      const inherited = get(d, ["spec", "inheritedMetadata", "labels"]);
      const labels: Record<string, string> = { "cnpg.io/cluster": obj.name };
      if (isObj(inherited)) for (const [k, v] of Object.entries(inherited)) labels[k] = String(v);
      this.pods.push({ obj, labels });
    }
  }

  /** What a Job's containers are handed: each argument whole, the value of each `--flag=value` argument,
   * and each env value. An argument after a bare `--flag` is quoted with it. */
  private jobInputs(job: RenderedObject): void {
    const hand = (name: string, how: string) => {
      if (!name) return;
      const list = this.handed.get(name) ?? [];
      list.push({ job, how });
      this.handed.set(name, list);
    };
    for (const c of containersOf(job)) {
      const argv = [...arr(c.container.command), ...arr(c.container.args)].map((a) => str(a) ?? "");
      for (const [i, a] of argv.entries()) {
        const flag = /^--?[A-Za-z0-9][\w.-]*=/.exec(a);
        if (flag) hand(a.slice(flag[0].length), `argument '${a}'`);
        const prev = argv[i - 1] ?? "";
        hand(
          a,
          /^--?[A-Za-z]/.test(prev) && !prev.includes("=") ? `arguments '${prev} ${a}'` : `argument '${a}'`,
        );
      }
      for (const e of arr(c.container.env)) {
        if (isObj(e) && str(e.value))
          hand(str(e.value)!, `env ${str(e.name) ?? "?"} of container '${c.name}'`);
      }
    }
  }

  /** A Job or CronJob in `from`'s namespace (other than `from`) handed `name`. */
  creator(name: string, from: RenderedObject, releaseNs: string | undefined): Handed | undefined {
    return this.handed.get(name)?.find((h) => h.job !== from && sameNamespace(h.job, from, releaseNs));
  }

  private add(kind: RefKind, obj: RenderedObject, p: Provided): void {
    const m = this.byKind.get(kind) ?? new Map<string, Provided[]>();
    this.byKind.set(kind, m);
    const list = m.get(obj.name) ?? [];
    list.push(p);
    m.set(obj.name, list);
  }

  find(
    kind: RefKind,
    name: string,
    from: RenderedObject,
    releaseNs: string | undefined,
  ): Provided | undefined {
    return this.byKind
      .get(kind)
      ?.get(name)
      ?.find((p) => sameNamespace(p.obj, from, releaseNs));
  }
}

const globMatch = matchesWildcard;

function isExternal(ctx: CheckContext, kind: string, name: string): boolean {
  return ctx.settings.externalReferences.some((r) => r.kind === kind && globMatch(r.name, name));
}

/** `app=web,tier=db` external pod label sets (ExternalReference kind Pod) a NetworkPolicy may select. */
function externalPodMatches(ctx: CheckContext, selector: unknown): boolean {
  return ctx.settings.externalReferences
    .filter((r) => r.kind === "Pod")
    .some((r) => {
      const labels: Record<string, string> = {};
      for (const pair of r.name.split(",")) {
        const [k, v] = pair.split("=");
        if (k) labels[k.trim()] = (v ?? "").trim();
      }
      return selectorMatches(selector, labels);
    });
}

interface Ref {
  kind: RefKind;
  name: string;
  /** Key inside a Secret/ConfigMap. */
  key?: string;
  /** Port of a Service: a name or a number. */
  port?: string | number;
  path: DocPath;
  /** Where the port is written, when a port problem should point there instead. */
  portPath?: DocPath;
  /** For addresses inside a longer string: the address text, to find its own line in a block scalar. */
  needle?: string;
  /** What refers to it, for the message (e.g. `env DB_PASSWORD of container 'app'`). */
  via: string;
}

/** References a pod spec makes: env, envFrom, volumes (incl. projected), service account, pull secrets. */
function podRefs(obj: RenderedObject): Ref[] {
  const spec = podSpecPath(obj);
  if (!spec) return [];
  const ps = get(obj.doc, spec) as Obj;
  const refs: Ref[] = [];
  for (const c of containersOf(obj)) {
    for (const [i, e] of arr(c.container.env).entries()) {
      if (!isObj(e)) continue;
      for (const [field, kind] of [
        ["secretKeyRef", "Secret"],
        ["configMapKeyRef", "ConfigMap"],
      ] as const) {
        const r = get(e, ["valueFrom", field]);
        if (!isObj(r) || r.optional === true || !str(r.name)) continue;
        refs.push({
          kind,
          name: str(r.name)!,
          ...(str(r.key) ? { key: str(r.key)! } : {}),
          path: [...c.path, "env", i, "valueFrom", field, "name"],
          via: `env ${str(e.name) ?? i} of container '${c.name}'`,
        });
      }
    }
    for (const [i, e] of arr(c.container.envFrom).entries()) {
      for (const [field, kind] of [
        ["secretRef", "Secret"],
        ["configMapRef", "ConfigMap"],
      ] as const) {
        const r = get(e, [field]);
        if (!isObj(r) || r.optional === true || !str(r.name)) continue;
        refs.push({
          kind,
          name: str(r.name)!,
          path: [...c.path, "envFrom", i, field, "name"],
          via: `envFrom of container '${c.name}'`,
        });
      }
    }
  }
  const itemKeys = (src: Obj): string[] =>
    arr(src.items)
      .filter(isObj)
      .map((it) => str(it.key))
      .filter((k): k is string => k !== undefined);
  for (const [i, v] of arr(ps.volumes).entries()) {
    if (!isObj(v)) continue;
    const base = [...spec, "volumes", i];
    const via = `volume ${str(v.name) ?? i}`;
    const secret = v.secret;
    if (isObj(secret) && secret.optional !== true && str(secret.secretName)) {
      refs.push({
        kind: "Secret",
        name: str(secret.secretName)!,
        path: [...base, "secret", "secretName"],
        via,
      });
      for (const key of itemKeys(secret))
        refs.push({
          kind: "Secret",
          name: str(secret.secretName)!,
          key,
          path: [...base, "secret", "items"],
          via,
        });
    }
    const cm = v.configMap;
    if (isObj(cm) && cm.optional !== true && str(cm.name)) {
      refs.push({ kind: "ConfigMap", name: str(cm.name)!, path: [...base, "configMap", "name"], via });
      for (const key of itemKeys(cm))
        refs.push({
          kind: "ConfigMap",
          name: str(cm.name)!,
          key,
          path: [...base, "configMap", "items"],
          via,
        });
    }
    const pvc = get(v, ["persistentVolumeClaim", "claimName"]);
    if (str(pvc))
      refs.push({
        kind: "PersistentVolumeClaim",
        name: str(pvc)!,
        path: [...base, "persistentVolumeClaim", "claimName"],
        via,
      });
    for (const [j, s] of arr(get(v, ["projected", "sources"])).entries()) {
      for (const [field, kind] of [
        ["secret", "Secret"],
        ["configMap", "ConfigMap"],
      ] as const) {
        const src = get(s, [field]);
        if (!isObj(src) || src.optional === true || !str(src.name)) continue;
        const p = [...base, "projected", "sources", j, field, "name"];
        refs.push({ kind, name: str(src.name)!, path: p, via: `projected ${via}` });
        for (const key of itemKeys(src))
          refs.push({ kind, name: str(src.name)!, key, path: p, via: `projected ${via}` });
      }
    }
  }
  const sa = str(ps.serviceAccountName) ?? str(ps.serviceAccount);
  if (sa && sa !== "default") {
    const field = str(ps.serviceAccountName) ? "serviceAccountName" : "serviceAccount";
    refs.push({ kind: "ServiceAccount", name: sa, path: [...spec, field], via: "pod spec" });
  }
  for (const [i, s] of arr(ps.imagePullSecrets).entries()) {
    if (str(get(s, ["name"])))
      refs.push({
        kind: "Secret",
        name: str(get(s, ["name"]))!,
        path: [...spec, "imagePullSecrets", i, "name"],
        via: "imagePullSecrets",
      });
  }
  return refs;
}

function backendRef(backend: unknown, path: DocPath, via: string): Ref | undefined {
  const svc = get(backend, ["service"]);
  if (!isObj(svc) || !str(svc.name)) return undefined;
  const byName = get(svc, ["port", "name"]);
  const port = byName ?? get(svc, ["port", "number"]);
  return {
    kind: "Service",
    name: str(svc.name)!,
    ...(port !== undefined ? { port: port as string | number } : {}),
    path: [...path, "service", "name"],
    portPath: [...path, "service", "port", byName !== undefined ? "name" : "number"],
    via,
  };
}

function ingressRefs(obj: RenderedObject): Ref[] {
  if (obj.kind !== "Ingress") return [];
  const refs: Ref[] = [];
  const def = backendRef(
    get(obj.doc, ["spec", "defaultBackend"]),
    ["spec", "defaultBackend"],
    "defaultBackend",
  );
  if (def) refs.push(def);
  for (const [i, rule] of arr(get(obj.doc, ["spec", "rules"])).entries()) {
    for (const [j, p] of arr(get(rule, ["http", "paths"])).entries()) {
      const base = ["spec", "rules", i, "http", "paths", j, "backend"];
      const r = backendRef(
        get(p, ["backend"]),
        base,
        `rule ${str(get(rule, ["host"])) ?? i} path ${str(get(p, ["path"])) ?? j}`,
      );
      if (r) refs.push(r);
    }
  }
  for (const [i, t] of arr(get(obj.doc, ["spec", "tls"])).entries()) {
    const s = str(get(t, ["secretName"]));
    if (s) refs.push({ kind: "Secret", name: s, path: ["spec", "tls", i, "secretName"], via: "tls" });
  }
  return refs;
}

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

function urlRefs(obj: RenderedObject): Ref[] {
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

function networkPolicyFindings(
  cell: RenderCell,
  inv: Inventory,
  ctx: CheckContext,
  severity: "error" | "warning" | "info",
): Finding[] {
  const out: Finding[] = [];
  const releaseNs = ctx.settings.releaseNamespace;
  const matchesPod = (np: RenderedObject, selector: unknown): boolean =>
    inv.pods.some((p) => sameNamespace(p.obj, np, releaseNs) && selectorMatches(selector, p.labels)) ||
    externalPodMatches(ctx, selector);
  for (const np of cell.objects) {
    if (np.kind !== "NetworkPolicy") continue;
    const sel = get(np.doc, ["spec", "podSelector"]);
    const empty =
      isObj(sel) && Object.keys(sel.matchLabels ?? {}).length === 0 && arr(sel.matchExpressions).length === 0;
    if (isObj(sel) && !empty && !matchesPod(np, sel)) {
      out.push(
        findingAt(
          np,
          ["spec", "podSelector"],
          RULE,
          severity,
          `NetworkPolicy/${np.name}: spec.podSelector selects no rendered pod in its namespace`,
        ),
      );
    }
    for (const dir of ["ingress", "egress"] as const) {
      for (const [i, r] of arr(get(np.doc, ["spec", dir])).entries()) {
        for (const [j, peer] of arr(get(r, [dir === "ingress" ? "from" : "to"])).entries()) {
          // A peer with a namespaceSelector points into other namespaces: not ours to resolve.
          if (!isObj(peer) || peer.namespaceSelector !== undefined || !isObj(peer.podSelector)) continue;
          const ps = peer.podSelector as Obj;
          if (Object.keys(ps.matchLabels ?? {}).length === 0 && arr(ps.matchExpressions).length === 0)
            continue;
          if (!matchesPod(np, ps)) {
            const field = dir === "ingress" ? "from" : "to";
            out.push(
              findingAt(
                np,
                ["spec", dir, i, field, j, "podSelector"],
                RULE,
                severity,
                `NetworkPolicy/${np.name}: ${dir}[${i}].${field}[${j}].podSelector selects no rendered pod (declare external pods as externalReferences kind Pod)`,
              ),
            );
          }
        }
      }
    }
  }
  return out;
}

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
        const result = check(ref, obj, inv, ctx, releaseNs);
        if (!result) continue;
        const problem = typeof result === "string" ? result : result.info;
        const key = `${obj.kind}/${obj.name}\0${ref.path.join("/")}\0${problem}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const at =
          problem.startsWith("Service") && problem.includes("has no port") && ref.portPath
            ? ref.portPath
            : ref.path;
        const f = findingAt(
          obj,
          at,
          RULE,
          typeof result === "string" ? severity : "info",
          `${obj.kind}/${obj.name} ${ref.via}: ${problem}`,
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

/** The problem with a reference, `{ info }` when it only deserves a note, undefined when it resolves. */
function check(
  ref: Ref,
  from: RenderedObject,
  inv: Inventory,
  ctx: CheckContext,
  releaseNs: string | undefined,
): string | { info: string } | undefined {
  if (isExternal(ctx, ref.kind, ref.name)) return undefined;
  const hint = `declare it in externalReferences (kind ${ref.kind}) if something else creates it`;
  if (ref.kind === "PersistentVolumeClaim" && inv.claimTemplates.some((t) => ref.name.startsWith(t.prefix)))
    return undefined;
  const found = inv.find(ref.kind, ref.name, from, releaseNs);
  if (!found) {
    const by =
      ref.kind === "Secret" || ref.kind === "ConfigMap" ? inv.creator(ref.name, from, releaseNs) : undefined;
    if (by) {
      const hook = str(get(by.job.doc, ["metadata", "annotations", "helm.sh/hook"]));
      return {
        info: `${ref.kind} '${ref.name}' is not rendered: ${by.job.kind}/${by.job.name}${hook ? ` (helm hook ${hook})` : ""} creates it at run time (it is passed the name: ${by.how})`,
      };
    }
    return `${ref.kind} '${ref.name}' is not rendered by this chart; ${hint}`;
  }
  if (ref.key !== undefined && found.keys && !found.keys.has(ref.key)) {
    const have = [...found.keys].sort().join(", ") || "none";
    return `${ref.kind} '${ref.name}' has no key '${ref.key}' (keys: ${have})`;
  }
  if (ref.port !== undefined && found.ports) {
    const ok = found.ports.some((p) =>
      typeof ref.port === "number" ? p.port === ref.port : p.name === ref.port,
    );
    if (!ok) {
      const have =
        found.ports.map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port))).join(", ") || "none";
      return `Service '${ref.name}' has no port ${typeof ref.port === "number" ? ref.port : `named '${ref.port}'`} (ports: ${have})`;
    }
  }
  return undefined;
}
