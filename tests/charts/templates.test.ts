// Template assertions per component (disabled and enabled), credentials, names/labels, NetworkPolicy and
// helm test pods, on renders made once for this file with the real helm 4 (and helm 3 where it matters).
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  containersOf,
  find,
  type K8s,
  type Major,
  majors,
  NAMESPACE,
  names,
  nm,
  podMeta,
  podSpec,
  RELEASE,
  type Rendered,
  render,
  renderError,
  runHelm,
  workloads,
} from "./chart.js";

const R: Record<string, Rendered> = {};
const LONG = "a-very-long-full-name-override-that-goes-well-past-the-dns-limit-x";
const renders: Record<string, string[]> = {
  base: [],
  test: ["-f", "values-test.yaml"],
  prod: ["-f", "values-prod.yaml"],
  external: ["-f", "ci/external-values.yaml"],
  eso: ["-f", "ci/externalsecrets-values.yaml"],
  cnpg: ["-f", "ci/cnpg-values.yaml"],
  np: ["-f", "ci/networkpolicy-values.yaml"],
  full: ["-f", "ci/full-values.yaml"],
  webOff: ["--set", "marquez.enabled=true", "--set", "marquez.web.enabled=false"],
  persistOn: ["--set", "marquez.enabled=true"],
  polarisOff: ["--set", "polaris.enabled=false", "-f", "ci/networkpolicy-values.yaml"],
  polarisOffCnpg: ["--set", "polaris.enabled=false", "-f", "ci/cnpg-values.yaml"],
  long: ["--set", `fullnameOverride=${LONG}`, "-f", "values-test.yaml"],
  catalogPrincipal: ["--set", "dagster.runLauncher.catalogCredentials.existingSecret=floe-runs-principal"],
};

beforeAll(async () => {
  await Promise.all(
    Object.entries(renders).map(async ([k, args]) => {
      R[k] = await render(4, args);
    }),
  );
});

const env = (c: K8s, name: string) => (c.env ?? []).find((e: K8s) => e.name === name);
const container = (o: K8s, name: string) => containersOf(o).find((c) => c.name === name)!;
const cm = (r: Rendered, name: string, key: string) => parse(find(r.objects, "ConfigMap", name)!.data[key]);

describe("PostgreSQL", () => {
  it("internal (default): StatefulSet, headless + client Service, init script creating both databases", () => {
    const sts = find(R.base!.objects, "StatefulSet", nm("postgresql"))!;
    expect(sts.spec.serviceName).toBe(nm("postgresql-hl"));
    expect(find(R.base!.objects, "Service", nm("postgresql"))!.spec.ports[0].port).toBe(5432);
    const script = find(R.base!.objects, "ConfigMap", nm("postgresql-init"))!.data["10-floe-init.sh"];
    expect(script).toContain('CREATE DATABASE :"dagster_db" OWNER :"dagster_user"');
    expect(script).toContain('CREATE DATABASE :"polaris_db" OWNER :"polaris_user"');
    expect(script).not.toMatch(/PASSWORD '[^:]/); // passwords only through psql variables from env
  });

  it("persistence on: one volumes list (init + run + tmp) and a PVC template with selector labels only", () => {
    const sts = find(R.base!.objects, "StatefulSet", nm("postgresql"))!;
    expect(podSpec(sts).volumes.map((v: K8s) => v.name)).toEqual(["init", "run", "tmp"]);
    const [pvc] = sts.spec.volumeClaimTemplates;
    expect(pvc.metadata.labels).toEqual(sts.spec.selector.matchLabels);
    expect(pvc.spec.resources.requests.storage).toBe("8Gi");
  });

  it("persistence off: the data emptyDir joins the SAME volumes list (init scripts kept), no PVC template", () => {
    const sts = find(R.test!.objects, "StatefulSet", nm("postgresql"))!;
    expect(podSpec(sts).volumes.map((v: K8s) => v.name)).toEqual(["init", "run", "tmp", "data"]);
    expect(sts.spec.volumeClaimTemplates).toBeUndefined();
  });

  it("external: nothing bundled; clients use the external host and the existing Secret", () => {
    const { objects } = R.external!;
    expect(names(objects, "StatefulSet")).toEqual([]);
    expect(names(objects, "Service").filter((n) => n.includes("postgresql"))).toEqual([]);
    const web = container(find(objects, "Deployment", nm("dagster-webserver"))!, "webserver");
    expect(env(web, "DAGSTER_PG_HOST").value).toBe("db.example.internal");
    expect(env(web, "DAGSTER_PG_SSLMODE").value).toBe("verify-full");
    expect(env(web, "DAGSTER_PG_PASSWORD").valueFrom.secretKeyRef).toEqual({
      name: "floe-postgresql-credentials",
      key: "dagster-password",
    });
    // No bundled MinIO: its STS test pod (MinIO's half of Polaris' credential vending) is not rendered.
    expect(names(objects, "Pod")).not.toContain(nm("test-minio-sts"));
    expect(names(objects, "Pod")).toContain(nm("test-object-storage"));
  });

  it("cnpg: a CloudNativePG Cluster and basic-auth Secrets; clients use <name>-rw", () => {
    const { objects } = R.cnpg!;
    expect(names(objects, "StatefulSet")).not.toContain(nm("postgresql"));
    const cluster = find(objects, "Cluster", nm("postgresql"))!;
    expect(cluster.apiVersion).toBe("postgresql.cnpg.io/v1");
    expect(cluster.spec.instances).toBe(2);
    expect(cluster.spec.bootstrap.initdb.secret.name).toBe(nm("postgresql-dagster"));
    expect(cluster.spec.managed.roles[0].passwordSecret.name).toBe(nm("postgresql-polaris"));
    const auth = find(objects, "Secret", nm("postgresql-dagster"))!;
    expect(auth.type).toBe("kubernetes.io/basic-auth");
    // The basic-auth password is the same generated password Dagster reads from the main Secret.
    expect(auth.data.password).toBe(find(objects, "Secret", nm("postgresql"))!.data["dagster-password"]);
    const polaris = container(find(objects, "Deployment", nm("polaris"))!, "polaris");
    expect(env(polaris, "QUARKUS_DATASOURCE_JDBC_URL").value).toBe(
      `jdbc:postgresql://${nm("postgresql")}-rw:5432/polaris?sslmode=require`,
    );
    expect(find(R.base!.objects, "Cluster", nm("postgresql"))).toBeUndefined();
  });
});

describe("Dagster", () => {
  it("dagster.yaml: Postgres storage, queued coordinator, K8sRunLauncher in the job namespace", () => {
    const inst = cm(R.base!, nm("dagster-instance"), "dagster.yaml");
    expect(inst.storage.postgres.postgres_db.hostname).toEqual({ env: "DAGSTER_PG_HOST" });
    expect(inst.run_coordinator.class).toBe("QueuedRunCoordinator");
    expect(inst.run_launcher.class).toBe("K8sRunLauncher");
    expect(inst.run_launcher.config.job_namespace).toBe(NAMESPACE);
    expect(inst.run_launcher.config.service_account_name).toBe(nm("dagster-run"));
    expect(inst.run_launcher.config.instance_config_map).toBe(nm("dagster-instance"));
    expect(inst.run_launcher.config.run_k8s_config.pod_spec_config.automount_service_account_token).toBe(
      false,
    );
    expect(
      inst.run_launcher.config.run_k8s_config.container_config.security_context.read_only_root_filesystem,
    ).toBe(true);
    expect(inst.telemetry.enabled).toBe(false);
    // Run pods: the database password and Polaris' client credentials (the data product's Iceberg writes).
    const ref = (e: K8s) =>
      `${e.name}=${e.value_from.secret_key_ref.name}/${e.value_from.secret_key_ref.key}`;
    expect(inst.run_launcher.config.run_k8s_config.container_config.env.map(ref)).toEqual([
      `DAGSTER_PG_PASSWORD=${nm("postgresql")}/dagster-password`,
      `POLARIS_CLIENT_ID=${nm("polaris")}/root-client-id`,
      `POLARIS_CLIENT_SECRET=${nm("polaris")}/root-client-secret`,
    ]);
    // A principal of the user's own instead of root; none at all without Polaris.
    const envOf = (r: Rendered) =>
      cm(
        r,
        nm("dagster-instance"),
        "dagster.yaml",
      ).run_launcher.config.run_k8s_config.container_config.env.map(ref);
    expect(envOf(R.catalogPrincipal!).slice(1)).toEqual([
      "POLARIS_CLIENT_ID=floe-runs-principal/client-id",
      "POLARIS_CLIENT_SECRET=floe-runs-principal/client-secret",
    ]);
    expect(envOf(R.polarisOff!)).toEqual([`DAGSTER_PG_PASSWORD=${nm("postgresql")}/dagster-password`]);
  });

  it("a separate job namespace gets the RBAC, the run ServiceAccount and the instance config; jobImage is passed", () => {
    const inst = cm(R.full!, nm("dagster-instance"), "dagster.yaml");
    expect(inst.run_launcher.config.job_namespace).toBe("floe-runs");
    expect(inst.run_launcher.config.job_image).toBe("registry.example.internal/floe/dbt-runner:1.4.2");
    expect(cm(R.base!, nm("dagster-instance"), "dagster.yaml").run_launcher.config.job_image).toBeUndefined();
    const inRuns = R.full!.objects.filter((o) => o.metadata.namespace === "floe-runs");
    expect(inRuns.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      [
        `ConfigMap/${nm("dagster-instance")}`,
        `Role/${nm("dagster")}`,
        `RoleBinding/${nm("dagster")}`,
        `ServiceAccount/${nm("dagster-run")}`,
      ].sort(),
    );
    expect(find(R.full!.objects, "RoleBinding", nm("dagster"))!.subjects[0].namespace).toBe(NAMESPACE);
    // Run pods live in another namespace: short Service names would not resolve there.
    expect(inst.run_launcher.config.env_vars).toEqual(
      expect.arrayContaining([
        `DAGSTER_PG_HOST=${nm("postgresql")}.${NAMESPACE}.svc`,
        `POLARIS_URI=http://${nm("polaris")}.${NAMESPACE}.svc:8181/api/catalog`,
        `OPENLINEAGE_URL=http://${nm("marquez")}.${NAMESPACE}.svc:5000`,
      ]),
    );
    expect(cm(R.base!, nm("dagster-instance"), "dagster.yaml").run_launcher.config.env_vars).toContain(
      `DAGSTER_PG_HOST=${nm("postgresql")}`,
    );
  });

  it("workspace.yaml: empty by default, one grpc_server per code location", () => {
    expect(cm(R.base!, nm("dagster-workspace"), "workspace.yaml")).toEqual({ load_from: [] });
    expect(cm(R.full!, nm("dagster-workspace"), "workspace.yaml").load_from).toEqual([
      { grpc_server: { host: "orders-code", port: 4000, location_name: "orders" } },
      { grpc_server: { host: "customers-code", port: 4001, location_name: "customers" } },
    ]);
  });

  it("RBAC: the least the run launcher needs, bound to the Dagster ServiceAccount only", () => {
    const role = find(R.base!.objects, "Role", nm("dagster"))!;
    expect(role.rules).toEqual([
      { apiGroups: ["batch"], resources: ["jobs"], verbs: ["create", "delete", "get", "list", "watch"] },
      { apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"] },
      { apiGroups: [""], resources: ["pods/log"], verbs: ["get"] },
    ]);
    const rb = find(R.base!.objects, "RoleBinding", nm("dagster"))!;
    expect(rb.subjects).toEqual([{ kind: "ServiceAccount", name: nm("dagster"), namespace: NAMESPACE }]);
  });

  it("webserver and daemon wait for Postgres; the daemon is a single Recreate replica", () => {
    for (const c of ["dagster-webserver", "dagster-daemon"]) {
      const d = find(R.base!.objects, "Deployment", nm(c))!;
      expect(podSpec(d).initContainers.map((i: K8s) => i.name)).toEqual(["wait-for-postgres"]);
    }
    const daemon = find(R.base!.objects, "Deployment", nm("dagster-daemon"))!;
    expect(daemon.spec.replicas).toBe(1);
    expect(daemon.spec.strategy.type).toBe("Recreate");
  });

  it("OpenLineage goes to Marquez only when Marquez is on", () => {
    const url = (r: Rendered) =>
      env(container(find(r.objects, "Deployment", nm("dagster-webserver"))!, "webserver"), "OPENLINEAGE_URL");
    expect(url(R.base!)).toBeUndefined();
    expect(url(R.test!).value).toBe(`http://${nm("marquez")}:5000`);
  });
});

describe("Polaris", () => {
  it("relational-jdbc persistence on the platform Postgres, S3 keys from the object-storage Secret", () => {
    const c = container(find(R.base!.objects, "Deployment", nm("polaris"))!, "polaris");
    expect(env(c, "POLARIS_PERSISTENCE_TYPE").value).toBe("relational-jdbc");
    expect(env(c, "QUARKUS_DATASOURCE_JDBC_URL").value).toBe(
      `jdbc:postgresql://${nm("postgresql")}:5432/polaris?sslmode=disable`,
    );
    expect(env(c, "AWS_ACCESS_KEY_ID").valueFrom.secretKeyRef).toEqual({
      name: nm("minio"),
      key: "polaris-access-key",
    });
  });

  it("bootstrap and catalog-setup are idempotent post-install/post-upgrade hooks, in that order", () => {
    const boot = find(R.base!.objects, "Job", nm("polaris-bootstrap"))!;
    const cat = find(R.base!.objects, "Job", nm("polaris-catalog-setup"))!;
    for (const j of [boot, cat]) {
      expect(j.metadata.annotations["helm.sh/hook"]).toBe("post-install,post-upgrade,post-rollback");
      expect(j.metadata.annotations["helm.sh/hook-delete-policy"]).toContain("before-hook-creation");
    }
    expect(Number(boot.metadata.annotations["helm.sh/hook-weight"])).toBeLessThan(
      Number(cat.metadata.annotations["helm.sh/hook-weight"]),
    );
    expect(podSpec(boot).containers[0].args[0]).toContain("already (been )?bootstrapped");
    expect(podSpec(cat).containers[0].args[0]).toMatch(/"\$code" = 200 \]; then .*exists/);
  });

  it("catalog points at the MinIO bucket by default and at external S3 in external mode", () => {
    const json = (r: Rendered) =>
      JSON.parse(
        env(podSpec(find(r.objects, "Job", nm("polaris-catalog-setup"))!).containers[0], "CATALOG_JSON")
          .value,
      );
    const minio = json(R.base!).catalog.storageConfigInfo;
    expect(minio).toMatchObject({
      storageType: "S3",
      allowedLocations: ["s3://floe-warehouse/"],
      endpoint: `http://${nm("minio")}:9000`,
      pathStyleAccess: true,
    });
    expect(json(R.external!).catalog.storageConfigInfo).toMatchObject({
      endpoint: "https://s3.example.internal",
      stsEndpoint: "https://sts.example.internal",
      roleArn: "arn:aws:iam::123456789012:role/floe-polaris",
    });
  });
});

describe("MinIO / object storage", () => {
  it("minio mode: StatefulSet and an idempotent setup hook (buckets, policy, Polaris user)", () => {
    expect(find(R.base!.objects, "StatefulSet", nm("minio"))).toBeDefined();
    const job = find(R.base!.objects, "Job", nm("minio-setup"))!;
    const script = podSpec(job).containers[0].args[0] as string;
    expect(script).toContain("mc mb --ignore-existing");
    expect(script).toContain("mc admin user add");
    expect(script).toContain("mc admin policy attach");
  });

  it("external mode: no MinIO at all; Polaris reads the existing S3 Secret", () => {
    const { objects } = R.external!;
    expect(objects.filter((o) => o.metadata.name.includes("minio"))).toEqual([]);
    const c = container(find(objects, "Deployment", nm("polaris"))!, "polaris");
    expect(env(c, "AWS_SECRET_ACCESS_KEY").valueFrom.secretKeyRef.name).toBe("floe-s3-credentials");
  });
});

describe("OpenTelemetry Collector and Jaeger", () => {
  const otel = (r: Rendered) => cm(r, nm("otel-collector"), "config.yaml");
  it("OTLP gRPC + HTTP in, batch; debug exporter when Jaeger is off", () => {
    const c = otel(R.base!);
    expect(Object.keys(c.receivers.otlp.protocols)).toEqual(["grpc", "http"]);
    expect(c.service.pipelines.traces.processors).toContain("batch");
    expect(c.service.pipelines.traces.exporters).toEqual(["debug"]);
    expect(find(R.base!.objects, "Deployment", nm("jaeger"))).toBeUndefined();
  });

  it("Jaeger on: exported over OTLP to the Jaeger Service name and port", () => {
    const c = otel(R.test!);
    expect(c.service.pipelines.traces.exporters).toEqual(["otlp/jaeger"]);
    const svc = find(R.test!.objects, "Service", nm("jaeger"))!;
    const port = svc.spec.ports.find((p: K8s) => p.name === "otlp-grpc").port;
    expect(c.exporters["otlp/jaeger"].endpoint).toBe(`${nm("jaeger")}:${port}`);
  });
});

describe("Marquez", () => {
  it("off by default: no Marquez objects and no Marquez test pods", () => {
    expect(R.base!.objects.filter((o) => o.metadata.name.includes("marquez"))).toEqual([]);
  });

  it("on: API, web UI and its OWN PostgreSQL (separate from the platform database)", () => {
    const { objects } = R.persistOn!;
    expect(find(objects, "Deployment", nm("marquez"))).toBeDefined();
    expect(find(objects, "Deployment", nm("marquez-web"))).toBeDefined();
    const pg = find(objects, "StatefulSet", nm("marquez-postgresql"))!;
    expect(pg.spec.volumeClaimTemplates[0].metadata.labels).toEqual(pg.spec.selector.matchLabels);
    const api = container(find(objects, "Deployment", nm("marquez"))!, "marquez");
    expect(env(api, "POSTGRES_HOST").value).toBe(nm("marquez-postgresql"));
  });

  it("web UI can be turned off alone", () => {
    expect(find(R.webOff!.objects, "Deployment", nm("marquez"))).toBeDefined();
    expect(find(R.webOff!.objects, "Deployment", nm("marquez-web"))).toBeUndefined();
  });
});

describe("production features", () => {
  it("HPA/PDB off by default; prod has autoscaling/v2 HPAs and PDBs for the stateless services", () => {
    expect(names(R.base!.objects, "HorizontalPodAutoscaler")).toEqual([]);
    expect(names(R.base!.objects, "PodDisruptionBudget")).toEqual([]);
    const stateless = ["dagster-webserver", "marquez", "marquez-web", "otel-collector", "polaris"].map(nm);
    expect(names(R.prod!.objects, "HorizontalPodAutoscaler").sort()).toEqual(stateless);
    expect(names(R.prod!.objects, "PodDisruptionBudget").sort()).toEqual(stateless);
    for (const n of stateless) {
      const d = find(R.prod!.objects, "Deployment", n)!;
      expect(d.spec.replicas, n).toBeUndefined(); // the HPA owns the count
      expect(d.spec.strategy.rollingUpdate, n).toEqual({ maxUnavailable: 0, maxSurge: 1 });
      const pdb = find(R.prod!.objects, "PodDisruptionBudget", n)!;
      expect(pdb.spec.selector.matchLabels).toEqual(d.spec.selector.matchLabels);
      expect(find(R.prod!.objects, "HorizontalPodAutoscaler", n)!.apiVersion).toBe("autoscaling/v2");
    }
  });

  it("Ingress backends are existing Services and ports", () => {
    const ings = R.prod!.objects.filter((o) => o.kind === "Ingress");
    expect(ings.map((i) => i.metadata.name).sort()).toEqual([nm("dagster-webserver"), nm("marquez-web")]);
    for (const i of ings) {
      const b = i.spec.rules[0].http.paths[0].backend.service;
      const svc = find(R.prod!.objects, "Service", b.name)!;
      expect(svc.spec.ports.map((p: K8s) => p.port)).toContain(b.port.number);
      expect(i.spec.tls[0].hosts).toEqual([i.spec.rules[0].host]);
    }
  });

  it("optional Namespace (PSS labels), ResourceQuota and LimitRange", () => {
    expect(names(R.base!.objects, "Namespace")).toEqual([]);
    const ns = R.full!.objects.find((o) => o.kind === "Namespace")!;
    expect(ns.metadata.name).toBe(NAMESPACE);
    expect(ns.metadata.labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    expect(find(R.full!.objects, "ResourceQuota", nm("quota"))!.spec.hard["limits.memory"]).toBe("32Gi");
    expect(find(R.full!.objects, "LimitRange", nm("limits"))!.spec.limits[0].default).toEqual({
      cpu: "500m",
      memory: "512Mi",
    });
  });

  it("global.imageRegistry replaces every image's registry; tags stay pinned", () => {
    for (const o of workloads(R.full!.objects))
      for (const c of containersOf(o))
        expect(c.image, c.name).toMatch(/^registry\.example\.internal\/[^:]+:[^:]+$/);
    expect(podSpec(find(R.full!.objects, "Deployment", nm("polaris"))!).imagePullSecrets).toEqual([
      { name: "regcred" },
    ]);
  });
});

describe("credentials", () => {
  it("generated by default: one Secret per group, kept on uninstall, never in values", () => {
    const secrets = R.base!.objects.filter((o) => o.kind === "Secret");
    expect(secrets.map((s) => s.metadata.name).sort()).toEqual([
      nm("minio"),
      nm("polaris"),
      nm("postgresql"),
    ]);
    for (const s of secrets) {
      expect(s.metadata.annotations["helm.sh/resource-policy"]).toBe("keep");
      for (const v of Object.values(s.data))
        expect(Buffer.from(v as string, "base64").toString()).toMatch(/^[A-Za-z0-9]{32}$/);
    }
  });

  it("existingSecret: no Secret rendered for those groups; workloads reference the given names", () => {
    expect(names(R.external!.objects, "Secret")).toEqual([]);
  });

  it("externalSecrets: an external-secrets.io/v1 ExternalSecret per group targeting the same Secret names", () => {
    const { objects } = R.eso!;
    expect(names(objects, "Secret")).toEqual([]);
    const es = objects.filter((o) => o.kind === "ExternalSecret");
    expect(es.map((e) => e.metadata.name).sort()).toEqual(
      [nm("marquez-postgresql"), nm("minio"), nm("polaris"), nm("postgresql")].sort(),
    );
    for (const e of es) {
      expect(e.apiVersion).toBe("external-secrets.io/v1");
      expect(e.spec.target.name).toBe(e.metadata.name);
      expect(e.spec.secretStoreRef).toEqual({ name: "vault", kind: "SecretStore" });
    }
    expect(find(objects, "ExternalSecret", nm("polaris"))!.spec.data.map((d: K8s) => d.secretKey)).toEqual([
      "root-client-id",
      "root-client-secret",
    ]);
  });

  it("prod (CNPG + ESO): basic-auth ExternalSecrets for the CNPG roles, no Secret rendered at all", () => {
    const { objects } = R.prod!;
    expect(names(objects, "Secret")).toEqual([]);
    const es = find(objects, "ExternalSecret", nm("postgresql-dagster"))!;
    expect(es.spec.target.template).toEqual({
      type: "kubernetes.io/basic-auth",
      data: { username: "dagster", password: "{{ .password }}" },
    });
    expect(es.spec.data).toEqual([
      { secretKey: "password", remoteRef: { key: "floe/postgresql", property: "dagster-password" } },
    ]);
  });

  it("cnpg refuses an existingSecret it cannot turn into basic-auth Secrets", async () => {
    const err = await renderError(4, [
      "-f",
      "ci/cnpg-values.yaml",
      "--set",
      "postgresql.auth.existingSecret=x",
    ]);
    expect(err).toContain("postgresql.auth.existingSecret: not supported with postgresql.mode cnpg");
  });

  it("prod refuses generated credentials, naming every group and how to fix it", async () => {
    const err = await renderError(4, ["-f", "values-prod.yaml", "--set", "externalSecrets.enabled=false"]);
    expect(err).toContain("floe-platform: invalid values:");
    for (const k of ["postgresql", "objectStorage", "polaris", "marquez"])
      expect(err).toContain(`${k}: credentials.allowGenerated is false but no credentials were given`);
    expect(err).toContain("set objectStorage.external.existingSecret or enable externalSecrets");
  });

  it.each([3, 4] as const)("helm %i: one failure lists EVERY invalid cross-field value", async (major) => {
    const err = await renderError(major, [
      "--set",
      "postgresql.mode=external",
      "--set",
      "objectStorage.mode=external",
      "--set",
      "networkPolicy.enabled=true",
      "--set",
      "dagster.webserver.ingress.enabled=true",
      "--set",
      "polaris.pdb.enabled=true",
    ]);
    const lines = err.split("\n").filter((l) => l.startsWith("  - "));
    expect(lines).toEqual([
      "  - postgresql.external.host: required when postgresql.mode is external",
      "  - postgresql.auth.existingSecret: required when postgresql.mode is external (generated passwords would not match the external server), or enable externalSecrets",
      "  - objectStorage.external.endpoint: required when objectStorage.mode is external",
      "  - objectStorage.external.existingSecret: required when objectStorage.mode is external, or enable externalSecrets",
      "  - networkPolicy.apiServer.cidrs: required when networkPolicy.enabled is true (the Dagster run launcher must reach the Kubernetes API)",
      "  - polaris.pdb.minAvailable (1) must be below the replica count (1), or node drains block forever",
      "  - dagster.webserver.ingress.host: required when dagster.webserver.ingress.enabled is true",
    ]);
  });
});

describe("NOTES.txt (helm 4 install --dry-run=client)", () => {
  const notes = async (args: string[]) => {
    const r = await runHelm(4, [
      "install",
      RELEASE,
      ".",
      "--namespace",
      NAMESPACE,
      "--dry-run=client",
      ...args,
    ]);
    expect(r.stderr).toBe("");
    return r.stdout.slice(r.stdout.indexOf("NOTES:"));
  };

  it("warns that bundled MinIO is not for production, names generated Secrets and helm test", async () => {
    const n = await notes([]);
    expect(n).toContain("WARNING: the bundled MinIO is a single, unreplicated instance");
    expect(n).toContain(
      `Credentials were GENERATED into these Secrets (kept on upgrade and on uninstall): ${nm("postgresql")}`,
    );
    expect(n).toContain(`helm test ${RELEASE} -n ${NAMESPACE} --logs`);
    expect(n).toContain(`kubectl -n ${NAMESPACE} port-forward svc/${nm("dagster-webserver")} 3000:80`);
  });

  it("external S3 and existing Secrets: no MinIO warning, no generated-credentials note", async () => {
    const n = await notes(["-f", "ci/external-values.yaml"]);
    expect(n).not.toContain("MinIO");
    expect(n).not.toContain("GENERATED");
  });
});

describe("names and labels", () => {
  it("every name fits 63 characters; long overrides are cut without a trailing '-'", () => {
    for (const o of R.long!.objects) {
      expect(o.metadata.name.length, o.metadata.name).toBeLessThanOrEqual(63);
      expect(o.metadata.name).not.toMatch(/-$/);
    }
    expect(find(R.long!.objects, "Deployment", LONG.slice(0, 63))).toBeDefined();
  });

  it.each(["base", "test", "prod", "np"])(
    "%s: selectors are exactly name/instance/component, never versions",
    (k) => {
      const want = ["app.kubernetes.io/component", "app.kubernetes.io/instance", "app.kubernetes.io/name"];
      const { objects } = R[k]!;
      for (const o of objects.filter((x) => ["Deployment", "StatefulSet"].includes(x.kind))) {
        expect(Object.keys(o.spec.selector.matchLabels).sort(), o.metadata.name).toEqual(want);
        for (const p of o.spec.volumeClaimTemplates ?? [])
          expect(Object.keys(p.metadata.labels).sort(), `${o.metadata.name} PVC`).toEqual(want);
        // The pod template carries the selector labels (plus the standard ones).
        expect(podMeta(o).labels).toMatchObject(o.spec.selector.matchLabels);
        expect(podMeta(o).labels["helm.sh/chart"]).toMatch(/^floe-platform-/);
      }
      for (const s of objects.filter((x) => x.kind === "Service"))
        expect(Object.keys(s.spec.selector).sort(), s.metadata.name).toEqual(want);
    },
  );

  it.each(["base", "test", "prod", "np", "full"])("%s: every Service selects pods the chart renders", (k) => {
    const { objects } = R[k]!;
    const podLabels = workloads(objects).map((o) => podMeta(o).labels);
    for (const s of objects.filter((x) => x.kind === "Service" && x.spec.selector)) {
      const hit = podLabels.some((l) => Object.entries(s.spec.selector).every(([key, v]) => l[key] === v));
      expect(hit, s.metadata.name).toBe(true);
    }
  });
});

/** host:port references in env values (URLs, host/port pairs) that name one of the release's objects. */
function serviceRefs(o: K8s): { host: string; port: number; where: string }[] {
  const refs: { host: string; port: number; where: string }[] = [];
  for (const c of containersOf(o)) {
    const e = Object.fromEntries(
      (c.env ?? []).filter((x: K8s) => "value" in x).map((x: K8s) => [x.name, String(x.value)]),
    );
    for (const [k, v] of Object.entries(e)) {
      for (const m of v.matchAll(
        /(?:https?:\/\/|jdbc:postgresql:\/\/)?(floe-floe-platform-[a-z0-9-]+):(\d+)/g,
      ))
        refs.push({ host: m[1]!, port: Number(m[2]), where: `${o.metadata.name}/${c.name} ${k}` });
    }
    for (const [hk, pk] of [
      ["PGHOST", "PGPORT"],
      ["DAGSTER_PG_HOST", "DAGSTER_PG_PORT"],
      ["POSTGRES_HOST", "POSTGRES_PORT"],
    ] as const)
      if (e[hk] && e[pk])
        refs.push({ host: e[hk]!, port: Number(e[pk]), where: `${o.metadata.name}/${c.name} ${hk}` });
  }
  return refs;
}

describe("the collector drains before it stops (no request lost in a rollout)", () => {
  const lifecycle = async (major: Major, kube: string) =>
    containersOf(
      find((await render(major, ["--kube-version", kube])).objects, "Deployment", nm("otel-collector"))!,
    )[0]?.lifecycle;

  it.each(majors)(
    "helm %s: on Kubernetes 1.30+ a 10 s preStop sleep keeps it serving while endpoints drop it",
    async (m) => {
      expect(await lifecycle(m, "1.30.0")).toEqual({ preStop: { sleep: { seconds: 10 } } });
    },
  );

  it.each(majors)(
    "helm %s: on 1.27-1.29 no preStop (the sleep action is not there; the image has no sleep binary)",
    async (m) => {
      expect(await lifecycle(m, "1.28.0")).toBeUndefined();
    },
  );
});

describe("values-test.yaml stays small (Kind and kwok in CI)", () => {
  const cpu = (q: string) => (q.endsWith("m") ? Number.parseFloat(q) / 1000 : Number.parseFloat(q));
  const mebi = (q: string) => (q.endsWith("Gi") ? Number.parseFloat(q) * 1024 : Number.parseFloat(q));

  it("single replicas but the collector's two (behind a PDB: the live upgrade's probed Service), no volume claims, under 0.5 CPU and 2 GiB of requests for the long-running pods", () => {
    let cpus = 0;
    let mem = 0;
    for (const o of R.test!.objects.filter((x) => ["Deployment", "StatefulSet"].includes(x.kind))) {
      const collector = o.metadata.name === nm("otel-collector");
      expect(o.spec.replicas, o.metadata.name).toBe(collector ? 2 : 1);
      expect(o.spec.volumeClaimTemplates, o.metadata.name).toBeUndefined();
      for (const c of podSpec(o).containers) {
        cpus += o.spec.replicas * cpu(String(c.resources.requests.cpu));
        mem += o.spec.replicas * mebi(String(c.resources.requests.memory));
      }
    }
    expect(names(R.test!.objects, "PodDisruptionBudget")).toEqual([nm("otel-collector")]);
    expect(cpus).toBeLessThanOrEqual(0.5);
    expect(mem).toBeLessThanOrEqual(2048);
  });

  it("optional components and NetworkPolicy on, so every integration point and edge is exercised", () => {
    expect(find(R.test!.objects, "Deployment", nm("marquez"))).toBeDefined();
    expect(find(R.test!.objects, "Deployment", nm("jaeger"))).toBeDefined();
    expect(names(R.test!.objects, "NetworkPolicy").length).toBeGreaterThan(10);
  });
});

describe("helm test pods and in-cluster references", () => {
  it("values-test: one test pod per integration point, each annotated with the requirements it covers", () => {
    const pods = R.test!.objects.filter((o) => o.kind === "Pod");
    const byPoint = Object.fromEntries(
      pods.map((p) => [
        p.metadata.annotations["floe.dev/integration-point"],
        p.metadata.annotations["floe.dev/covers"],
      ]),
    );
    expect(byPoint).toEqual({
      "Dagster -> PostgreSQL": "E2E-002,INT-001",
      PostgreSQL: "E2E-002,INT-008",
      "Object storage (MinIO/S3)": "E2E-002,INT-009",
      // MinIO's half of Polaris' credential vending, run with or without Polaris (so never INT-003's pass).
      "MinIO STS (Polaris' credential vending)": "E2E-002",
      "Polaris -> PostgreSQL": "E2E-002,INT-002",
      "Polaris -> MinIO/S3": "E2E-002,E2E-003,INT-003",
      "Dagster -> Polaris": "E2E-002,INT-004",
      "OTel Collector -> Jaeger": "E2E-002,INT-005",
      "Marquez -> PostgreSQL": "E2E-002,INT-006",
      "Marquez API": "E2E-002,INT-007",
    });
    for (const p of pods) {
      expect(p.metadata.annotations["helm.sh/hook"]).toBe("test");
      expect(p.spec.restartPolicy).toBe("Never");
      // a real check: an HTTP body/status or SQL result is asserted, not just a TCP connect
      expect(p.spec.containers[0].args[0], p.metadata.name).toMatch(/FAIL:/);
      expect(p.spec.containers[0].args[0], p.metadata.name).toMatch(/curl|psql|urllib/);
    }
  });

  it.each(["base", "test", "full"])(
    "%s: every test hook is a Pod with its ServiceAccount a plain object (helm test --logs reads every test hook as a pod)",
    (k) => {
      const { objects } = R[k]!;
      const hooks = objects.filter((o) => /\btest\b/.test(o.metadata.annotations?.["helm.sh/hook"] ?? ""));
      expect(hooks.length).toBeGreaterThan(0);
      expect(hooks.filter((o) => o.kind !== "Pod").map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
      const sa = find(objects, "ServiceAccount", nm("tests"))!;
      expect(sa.metadata.annotations?.["helm.sh/hook"]).toBeUndefined();
      for (const p of hooks) expect(p.spec.serviceAccountName).toBe(nm("tests"));
      // not the hook-made name of chart 0.1.0, which a release that ran helm test still holds
      expect(find(objects, "ServiceAccount", nm("test"))).toBeUndefined();
    },
  );

  it.each(["base", "test", "full"])(
    "%s: every pg_isready names a user (without one libpq makes no attempt when the uid has no passwd entry)",
    (k) => {
      // shell scripts (`pg_isready -U ...`) and exec probes (["pg_isready", "-U", ...]) alike
      const calls = JSON.stringify(R[k]!.objects).match(/(?<!command -v )pg_isready.{0,16}/g) ?? [];
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.filter((c) => !/^pg_isready( -q)?( -U |","-U")/.test(c))).toEqual([]);
    },
  );

  it("optional components off: their test pods are not rendered", () => {
    const pods = names(R.base!.objects, "Pod");
    expect(pods.sort()).toEqual(
      [
        "dagster-polaris",
        "dagster-postgresql",
        "minio-sts",
        "object-storage",
        "polaris-postgresql",
        "polaris-s3",
        "postgresql",
      ].map((n) => nm(`test-${n}`)),
    );
  });

  it.each(["base", "test", "np", "full", "cnpg"])(
    "%s: every host:port a pod is given is a rendered Service with that port",
    (k) => {
      const { objects } = R[k]!;
      const cluster = find(objects, "Cluster", nm("postgresql"));
      const refs = workloads(objects).flatMap(serviceRefs);
      expect(refs.length).toBeGreaterThan(10);
      for (const r of refs) {
        if (cluster && r.host === `${nm("postgresql")}-rw`) continue; // Service made by the CNPG operator
        const svc = find(objects, "Service", r.host);
        expect(svc, `${r.where} -> ${r.host}`).toBeDefined();
        expect(
          svc!.spec.ports.map((p: K8s) => p.port),
          `${r.where} -> ${r.host}:${r.port}`,
        ).toContain(r.port);
      }
    },
  );
});

describe("NetworkPolicy", () => {
  it("off by default", () => {
    expect(names(R.base!.objects, "NetworkPolicy")).toEqual([]);
  });

  it("on: default deny + one policy per component with pods, all in the workloads' namespace", () => {
    const { objects } = R.np!;
    const pols = objects.filter((o) => o.kind === "NetworkPolicy");
    for (const p of pols) expect(p.metadata.namespace, p.metadata.name).toBe(NAMESPACE);
    const deny = find(objects, "NetworkPolicy", nm("default-deny"))!;
    expect(deny.spec.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(deny.spec.ingress).toBeUndefined();
    expect(deny.spec.egress).toBeUndefined();
    const covered = new Set(pols.map((p) => p.spec.podSelector.matchLabels["app.kubernetes.io/component"]));
    for (const o of workloads(objects))
      expect(covered.has(podMeta(o).labels["app.kubernetes.io/component"]), o.metadata.name).toBe(true);
  });

  const pol = (c: string) => find(R.np!.objects, "NetworkPolicy", nm(`${c}-np`))!;
  const fromComponents = (c: string) =>
    pol(c)
      .spec.ingress.flatMap((r: K8s) => r.from)
      .map((f: K8s) => f.podSelector?.matchLabels["app.kubernetes.io/component"])
      .filter(Boolean)
      .sort();

  it("Postgres accepts only Dagster, Polaris (server + bootstrap) and tests", () => {
    expect(fromComponents("postgresql")).toEqual(
      ["dagster-daemon", "dagster-run", "dagster-webserver", "polaris", "polaris-bootstrap", "test"].sort(),
    );
  });

  it("MinIO accepts Polaris, run pods, its setup Job and tests; Marquez accepts job pods and Dagster", () => {
    expect(fromComponents("minio")).toEqual(["dagster-run", "minio-setup", "polaris", "test"]);
    expect(fromComponents("marquez")).toEqual(
      ["dagster-daemon", "dagster-run", "dagster-webserver", "marquez-web", "test"].sort(),
    );
  });

  it("every pod may resolve DNS; only the Dagster webserver/daemon reach the API server", () => {
    for (const p of R.np!.objects.filter((o) => o.kind === "NetworkPolicy" && o.spec.egress)) {
      expect(p.spec.egress[0].ports).toEqual([
        { protocol: "UDP", port: 53 },
        { protocol: "TCP", port: 53 },
      ]);
    }
    const withApi = R.np!.objects.filter(
      (o) =>
        o.kind === "NetworkPolicy" &&
        (o.spec.egress ?? []).some((r: K8s) => r.to?.some((t: K8s) => t.ipBlock?.cidr === "172.18.0.2/32")),
    );
    expect(withApi.map((p) => p.metadata.name).sort()).toEqual([
      nm("dagster-daemon-np"),
      nm("dagster-webserver-np"),
    ]);
  });

  it("cnpg: instances replicate to each other, the operator reaches them, their manager reaches the API", async () => {
    const { objects } = await render(4, ["-f", "ci/cnpg-values.yaml"]);
    const pg = find(objects, "NetworkPolicy", nm("postgresql-np"))!;
    expect(pg.spec.ingress).toContainEqual({
      from: [{ namespaceSelector: { matchLabels: {} } }],
      ports: [{ protocol: "TCP", port: 8000 }],
    });
    expect(pg.spec.egress).toContainEqual({
      to: [{ ipBlock: { cidr: "0.0.0.0/0" } }],
      ports: [
        { protocol: "TCP", port: 443 },
        { protocol: "TCP", port: 6443 },
      ],
    });
  });

  it("peers of disabled components are left out, and a rule never ends up with an empty (allow-all) from", async () => {
    const { objects } = await render(4, ["-f", "ci/minimal-values.yaml"]);
    const otel = find(objects, "NetworkPolicy", nm("otel-collector-np"))!;
    const peers = otel.spec.ingress
      .flatMap((r: K8s) => r.from)
      .map((f: K8s) => f.podSelector?.matchLabels["app.kubernetes.io/component"]);
    expect(peers).not.toContain("marquez");
    expect(peers).not.toContain("jaeger");
    expect(peers).toContain("polaris");
    for (const p of objects.filter((o) => o.kind === "NetworkPolicy"))
      for (const r of p.spec.ingress ?? []) expect(r.from?.length, p.metadata.name).toBeGreaterThan(0);
  });

  it("OTel accepts every component that emits telemetry", () => {
    expect(fromComponents("otel-collector")).toEqual(
      expect.arrayContaining(["dagster-webserver", "dagster-run", "polaris", "marquez", "test"]),
    );
  });
});

describe("Polaris off (polaris.enabled=false: where no Polaris image can be had)", () => {
  const polarisObjects = (r: Rendered) =>
    r.objects
      .filter((o) => /polaris/.test(o.metadata?.name ?? ""))
      .map((o) => `${o.kind}/${o.metadata.name}`);

  it("renders no Polaris object, no Polaris test pod and no Polaris credentials", () => {
    expect(polarisObjects(R.polarisOff!)).toEqual([]);
    expect(polarisObjects(R.polarisOffCnpg!)).toEqual([]);
    const pg = find(R.polarisOff!.objects, "Secret", nm("postgresql"))!;
    expect(Object.keys(pg.data).sort()).toEqual(["dagster-password", "postgres-password"]);
    // the S3 service user stays: it is object storage's identity (the object-storage test pod uses it)
    expect(Object.keys(find(R.polarisOff!.objects, "Secret", nm("minio"))!.data)).toContain(
      "polaris-access-key",
    );
  });

  it("the database gets no Polaris role: init script, its env, CloudNativePG roles and basic-auth Secrets", () => {
    const script = find(R.polarisOff!.objects, "ConfigMap", nm("postgresql-init"))!.data["10-floe-init.sh"];
    expect(script).toContain('CREATE DATABASE :"dagster_db" OWNER :"dagster_user"');
    expect(script).not.toMatch(/polaris/i);
    const sts = find(R.polarisOff!.objects, "StatefulSet", nm("postgresql"))!;
    const envNames = containersOf(sts).flatMap((c) => (c.env ?? []).map((e: K8s) => e.name));
    expect(envNames).toContain("DAGSTER_PASSWORD");
    expect(envNames.filter((n) => n.startsWith("POLARIS"))).toEqual([]);
    const cluster = find(R.polarisOffCnpg!.objects, "Cluster", nm("postgresql"))!;
    expect(cluster.spec.bootstrap.initdb.postInitSQL).toBeUndefined();
    expect(cluster.spec.managed).toBeUndefined();
    expect(names(R.polarisOffCnpg!.objects, "Secret").filter((n) => n.endsWith("-polaris"))).toEqual([]);
    expect(names(R.polarisOffCnpg!.objects, "Secret")).toContain(nm("postgresql-dagster"));
  });

  it("Dagster gets no POLARIS_* settings; NetworkPolicy has no Polaris component or edge", () => {
    const cms = R.polarisOff!.objects.filter((o) => o.kind === "ConfigMap");
    expect(cms.flatMap((c) => Object.keys(c.data ?? {})).filter((k) => k.startsWith("POLARIS"))).toEqual([]);
    const runEnv = cm(R.polarisOff!, nm("dagster-instance"), "dagster.yaml").run_launcher.config
      .run_k8s_config;
    expect(runEnv.container_config.env.map((e: K8s) => e.name)).toEqual(["DAGSTER_PG_PASSWORD"]);
    const policies = R.polarisOff!.objects.filter((o) => o.kind === "NetworkPolicy");
    expect(policies.length).toBeGreaterThan(5);
    expect(JSON.stringify(policies)).not.toMatch(/polaris/);
  });

  it("the test pods left are those of the components that run (no Polaris pod, the rest unchanged)", () => {
    const tests = ["dagster-postgresql", "marquez-api", "marquez-postgresql", "minio-sts", "object-storage"];
    expect(names(R.polarisOff!.objects, "Pod").sort()).toEqual(
      [...tests, "otel-jaeger", "postgresql"].map((n) => nm(`test-${n}`)),
    );
  });

  it("NOTES name no Polaris endpoint", async () => {
    const on = await runHelm(4, ["install", RELEASE, ".", "--namespace", NAMESPACE, "--dry-run=client"]);
    expect(on.stdout).toContain("Polaris catalog");
    const off = await runHelm(4, [
      ...["install", RELEASE, ".", "--namespace", NAMESPACE, "--dry-run=client"],
      ...["--set", "polaris.enabled=false"],
    ]);
    expect(off.stdout).toContain("Dagster UI");
    expect(off.stdout).not.toContain("Polaris catalog");
  });
});
