// dangling-reference, references per kind: what a pod spec (env, envFrom, volumes, service account, pull
// secrets) and an Ingress (backends, TLS secrets) refer to, each with the path it is written at.
import { isObj } from "../../core/objects.js";
import type { DocPath, RenderedObject } from "../types.js";
import { arr, containersOf, get, type Obj, podSpecPath, str } from "../workloads.js";
import type { RefKind } from "./inventory.js";

export interface Ref {
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
export function podRefs(obj: RenderedObject): Ref[] {
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

export function ingressRefs(obj: RenderedObject): Ref[] {
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
