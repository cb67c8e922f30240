// dangling-reference, the inventory: what a render provides, by kind and name (with a Secret's or ConfigMap's
// keys and a Service's ports), its pods and StatefulSet claim templates, and the names handed to Jobs.
import { isObj } from "../../core/objects.js";
import type { RenderedObject } from "../types.js";
import { arr, containersOf, get, podLabels, podSpecPath, sameNamespace, str } from "../workloads.js";

export type RefKind = "Service" | "Secret" | "ConfigMap" | "ServiceAccount" | "PersistentVolumeClaim";

export interface Provided {
  obj: RenderedObject;
  keys?: Set<string>;
  ports?: Array<{ name?: string; port: number }>;
}

/** A name a Job or CronJob is handed, and how (`argument '--secret-name=x'`, `env SECRET_NAME`). */
export interface Handed {
  job: RenderedObject;
  how: string;
}

/** Everything the render provides, by kind and name. */
export class Inventory {
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
