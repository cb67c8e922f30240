// Security properties of every rendered container of every scenario on both helm majors, and the real
// kubesec over every workload of every scenario.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { repoRoot, tool } from "../helpers/tools.js";
import {
  containersOf,
  type K8s,
  podMeta,
  podSpec,
  type Rendered,
  render,
  scenarioMatrix,
  scenarios,
  valuesArgs,
  workloads,
} from "./chart.js";

const exec = promisify(execFile);
const rendered = new Map<string, Rendered>();
const key = (name: string, major: number) => `${name}@${major}`;

beforeAll(async () => {
  // Each scenario x major rendered once for the whole file, three helm processes at a time.
  const queue = [...scenarioMatrix];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift())
      rendered.set(key(s.name, s.major), await render(s.major, valuesArgs(s.files)));
  };
  await Promise.all([worker(), worker(), worker()]);
  await scanAll();
});

const RESTRICTED_VOLUMES = new Set([
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
]);

/** Components whose pods talk to the Kubernetes API (the Dagster run launcher) and so mount a token. */
const API_CLIENTS = new Set(["dagster-webserver", "dagster-daemon"]);

describe("floe-platform: pod and container security (every scenario, helm 3 and 4)", () => {
  it.each(scenarioMatrix)(
    "$name on helm $major: every workload is restricted-PSS safe",
    ({ name, major }) => {
      const { objects } = rendered.get(key(name, major))!;
      const wl = workloads(objects);
      expect(wl.length).toBeGreaterThan(5);
      for (const o of wl) {
        const id = `${o.kind}/${o.metadata.name}`;
        const spec = podSpec(o);
        const component = podMeta(o).labels["app.kubernetes.io/component"];
        expect(spec.hostNetwork ?? false, id).toBe(false);
        expect(spec.hostPID ?? false, id).toBe(false);
        expect(spec.hostIPC ?? false, id).toBe(false);
        expect(spec.securityContext?.runAsNonRoot, id).toBe(true);
        expect(spec.securityContext?.runAsUser, id).toBeGreaterThan(0);
        expect(spec.securityContext?.seccompProfile?.type, id).toBe("RuntimeDefault");
        expect(spec.serviceAccountName, id).toBeTruthy();
        expect(spec.automountServiceAccountToken, id).toBe(API_CLIENTS.has(component));
        // PSS restricted: only these volume types.
        for (const v of spec.volumes ?? []) {
          const types = Object.keys(v).filter((k) => k !== "name");
          expect(
            types.every((t) => RESTRICTED_VOLUMES.has(t)),
            `${id} volume ${v.name}: ${types}`,
          ).toBe(true);
        }
        for (const c of containersOf(o)) {
          const cid = `${id} container ${c.name}`;
          const sc = c.securityContext ?? {};
          expect(sc.runAsNonRoot, cid).toBe(true);
          expect(sc.runAsUser, cid).toBeGreaterThan(0);
          expect(sc.readOnlyRootFilesystem, cid).toBe(true);
          expect(sc.allowPrivilegeEscalation, cid).toBe(false);
          expect(sc.privileged ?? false, cid).toBe(false);
          expect(sc.capabilities?.drop, cid).toEqual(["ALL"]);
          expect(sc.capabilities?.add, cid).toBeUndefined();
          expect(sc.seccompProfile?.type, cid).toBe("RuntimeDefault");
          for (const r of ["cpu", "memory"]) {
            expect(c.resources?.requests?.[r], `${cid} requests.${r}`).toBeDefined();
            expect(c.resources?.limits?.[r], `${cid} limits.${r}`).toBeDefined();
          }
          expect(c.image, cid).toMatch(/^[^:]+(:[^:]+)?:[A-Za-z0-9_][A-Za-z0-9_.-]*$/);
          expect(c.image, cid).not.toMatch(/:latest$/);
          for (const p of c.ports ?? []) expect(p.hostPort, cid).toBeUndefined();
          // Long-running containers need probes; init containers, Jobs and helm test pods run to completion.
          const isInit = (spec.initContainers ?? []).includes(c);
          if (!isInit && (o.kind === "Deployment" || o.kind === "StatefulSet")) {
            expect(c.readinessProbe, `${cid} readinessProbe`).toBeDefined();
            expect(c.livenessProbe, `${cid} livenessProbe`).toBeDefined();
          }
        }
      }
    },
  );
});

describe("floe-platform: helm 3 and helm 4 render the same objects", () => {
  // Generated Secret values are random per render; everything else must be identical.
  const normalized = (r: Rendered) =>
    r.objects.map((o) => (o.kind === "Secret" ? { ...o, data: Object.keys(o.data ?? {}) } : o));
  it.each(scenarios)("$name", ({ name }) => {
    expect(normalized(rendered.get(key(name, 3))!)).toEqual(normalized(rendered.get(key(name, 4))!));
  });
});

// kubesec 2.14 validates each document with kubeconform before scoring it and, by default, downloads the
// Kubernetes JSON schema from the network; it has no flag to skip validation and this machine (like many
// CI runners) has no internet, so the scan would hang and then fail. `--schema-location` takes a kubeconform
// path template: we point it at committed standalone-strict schemas for the four workload kinds
// (tests/fixtures/kubeconform, made by scripts/kube-schemas.mjs from the Kubernetes 1.37 OpenAPI spec).
// Only workloads are scanned, so no other kind needs a schema.
const schemaLocation = path.join(
  repoRoot,
  "tests",
  "fixtures",
  "kubeconform",
  "{{ .ResourceKind }}{{ .KindSuffix }}.json",
);

/** kubesec 2.14 answers "This resource kind is not supported" for Jobs: score their pod template as a Pod. */
function scannable(o: K8s, source: string): string {
  if (o.kind !== "Job") return source;
  const t = o.spec.template;
  return stringify({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { ...t.metadata, name: o.metadata.name, namespace: o.metadata.namespace },
    spec: t.spec,
  });
}

interface KubesecReport {
  object: string;
  valid: boolean;
  message: string;
  score: number;
  scoring: { critical?: { id: string }[]; advise?: { id: string }[] };
}

const dir = mkdtempSync(path.join(tmpdir(), "floe-kubesec-"));

async function kubesec(file: string): Promise<KubesecReport[]> {
  let stdout: string;
  try {
    ({ stdout } = await exec(tool("kubesec"), ["scan", "--schema-location", schemaLocation, file], {
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    }));
  } catch (e) {
    // kubesec exits 2 when any object fails; the JSON report is still on stdout.
    stdout = (e as { stdout?: string }).stdout ?? "";
  }
  return JSON.parse(stdout) as KubesecReport[];
}

/** One kubesec run over ONE multi-document file holding every workload of every scenario x major; the
 * reports come back in document order and are split per scenario again. */
const reportsByScenario = new Map<string, KubesecReport[]>();
async function scanAll(): Promise<void> {
  const docs: string[] = [];
  const owner: string[] = [];
  for (const s of scenarioMatrix) {
    const { objects, sources } = rendered.get(key(s.name, s.major))!;
    objects.forEach((o, i) => {
      if (!workloads([o]).length) return;
      docs.push(scannable(o, sources[i]!));
      owner.push(key(s.name, s.major));
    });
  }
  const file = path.join(dir, "all-scenarios.yaml");
  writeFileSync(file, docs.join("\n---\n"));
  const reports = await kubesec(file);
  expect(reports).toHaveLength(docs.length);
  reports.forEach((r, i) => {
    const k = owner[i]!;
    reportsByScenario.set(k, [...(reportsByScenario.get(k) ?? []), r]);
  });
}

describe("floe-platform: real kubesec over every workload (offline schemas)", () => {
  it.each(scenarioMatrix)(
    "$name (helm $major): every workload scores >= 9, no critical finding",
    ({ name, major }) => {
      const reports = reportsByScenario.get(key(name, major)) ?? [];
      expect(reports).toHaveLength(workloads(rendered.get(key(name, major))!.objects).length);
      const bad = reports
        .filter((r) => !r.valid || r.score < 9 || (r.scoring.critical ?? []).length > 0)
        .map(
          (r) =>
            `${r.object}: valid=${r.valid} score=${r.score} critical=${(r.scoring.critical ?? []).map((c) => c.id)} ${r.message}`,
        );
      expect(bad).toEqual([]);
    },
  );

  it("kubesec really scores (a root, privileged pod is critical and below 9)", async () => {
    const file = path.join(dir, "bad.yaml");
    writeFileSync(
      file,
      stringify({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "bad" },
        spec: { containers: [{ name: "c", image: "busybox:1.37", securityContext: { privileged: true } }] },
      }),
    );
    const [report] = await kubesec(file);
    expect(report!.valid).toBe(true);
    expect(report!.score).toBeLessThan(9);
    expect(report!.scoring.critical?.map((c) => c.id)).toContain("Privileged");
  });
});
