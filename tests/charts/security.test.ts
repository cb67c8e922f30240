// Security properties of every rendered container of every scenario on both helm majors, and the real
// kubesec over every workload of every scenario.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { isKubesecKind, kubesecCheck } from "../../src/checks/kubesec.js";
import type { CheckContext, RenderCell } from "../../src/checks/types.js";
import { parseManifest } from "../../src/helm/manifest.js";
import { defaultKubeVersion } from "../../src/k8s/schemas.js";
import type { Finding } from "../../src/report/results.js";
import { repoRoot, tool } from "../helpers/tools.js";
import {
  chartDir,
  containersOf,
  podMeta,
  podSpec,
  type Rendered,
  render,
  scenarioMatrix,
  scenarios,
  valuesArgs,
  workloads,
} from "./chart.js";

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

// The real kubesec over every workload, through the product's own kubesec check (src/checks/kubesec.ts):
// the same offline kubeconform schemas (from schemas/kubernetes/*.json.gz), the same argv, the same
// Job-as-Pod scoring and the same verdict (score >= 9, no critical) that `floe-helm gate` gives users.
const kubesecContext: CheckContext = {
  settings: { kubeVersion: defaultKubeVersion(), kubesecThreshold: 9, externalReferences: [] },
  tools: { kubesec: tool("kubesec") },
  cwd: repoRoot,
};

function cellOf(manifest: string, name: string, major: 3 | 4): RenderCell {
  const dir = path.relative(repoRoot, chartDir);
  return {
    scenario: { chart: { name: "floe-platform", version: "0", dir }, name, valuesFiles: [] },
    helm: major,
    objects: parseManifest(manifest, { chartDir: dir, cwd: repoRoot }),
    manifest,
  };
}

const kubesecByScenario = new Map<string, { scanned: string[]; findings: Finding[] }>();
async function scanAll(): Promise<void> {
  const queue = [...scenarioMatrix];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const cell = cellOf(rendered.get(key(s.name, s.major))!.text, s.name, s.major);
      kubesecByScenario.set(key(s.name, s.major), {
        scanned: cell.objects.filter(isKubesecKind).map((o) => `${o.kind}/${o.name}`),
        findings: await kubesecCheck.run(cell, kubesecContext),
      });
    }
  };
  await Promise.all([worker(), worker()]);
}

describe("floe-platform: real kubesec over every workload (the gate's kubesec check, offline schemas)", () => {
  it.each(scenarioMatrix)(
    "$name (helm $major): every workload scores >= 9, no critical finding",
    ({ name, major }) => {
      const { scanned, findings } = kubesecByScenario.get(key(name, major))!;
      // Every workload (Jobs included, scored as Pods of their template) is really scanned.
      expect(scanned.sort()).toEqual(
        workloads(rendered.get(key(name, major))!.objects)
          .map((o) => `${o.kind}/${o.metadata.name}`)
          .sort(),
      );
      expect(findings.map((f) => `${f.file}:${f.line}: ${f.object}: ${f.message}`)).toEqual([]);
    },
  );

  it("kubesec really scores (a root, privileged pod is critical and below 9)", async () => {
    const manifest = `---
# Source: floe-platform/templates/bad.yaml
${stringify({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "bad" },
  spec: { containers: [{ name: "c", image: "busybox:1.37", securityContext: { privileged: true } }] },
})}`;
    const findings = await kubesecCheck.run(cellOf(manifest, "bad", 4), kubesecContext);
    const messages = findings.map((f) => f.message);
    expect(messages.some((m) => m.startsWith("kubesec critical Privileged"))).toBe(true);
    expect(messages.some((m) => /^kubesec score -?\d+ is below the threshold 9/.test(m))).toBe(true);
  });
});
