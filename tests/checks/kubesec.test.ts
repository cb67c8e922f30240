import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import {
  isKubesecKind,
  kubesecCheck,
  kubesecDoc,
  kubesecInput,
  kubesecScanArgv,
  reportsFor,
} from "../../src/checks/kubesec.js";
import type { RenderCell } from "../../src/checks/types.js";
import { parseManifestDocuments } from "../../src/helm/manifest.js";
import { ensureKubeconformDir } from "../../src/k8s/kubeconform-dir.js";
import { loadKubeSchemas } from "../../src/k8s/schemas.js";
import { applyWaivers } from "../../src/policy/waivers.js";
import type { Finding } from "../../src/report/results.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool } from "../helpers/tools.js";
import { context, FIXTURES, renderFixture } from "./render.js";

const T = `${FIXTURES}/kubesec/templates`;

test.each([
  [
    { bin: "/t/kubesec", schemaLocation: "/tmp/kc", kubernetesVersion: "v1.37.2" },
    [
      "/t/kubesec",
      "scan",
      "--format",
      "json",
      "--exit-code",
      "0",
      "--schema-location",
      "/tmp/kc",
      "--kubernetes-version",
      "1.37.2",
      "-",
    ],
  ],
  [
    { bin: "kubesec", schemaLocation: "/a b/kc", kubernetesVersion: "1.36.0" },
    [
      "kubesec",
      "scan",
      "--format",
      "json",
      "--exit-code",
      "0",
      "--schema-location",
      "/a b/kc",
      "--kubernetes-version",
      "1.36.0",
      "-",
    ],
  ],
])("kubesecScanArgv(%j): local schemas (never the network), stdin, JSON", (args, argv) => {
  expect(kubesecScanArgv(args)).toEqual(argv);
});

describe.each([3, 4] as const)(
  "kubesec (real binary, offline schemas) on the kubesec fixture, helm %i",
  (major) => {
    let cell: RenderCell;
    beforeAll(async () => {
      cell = await renderFixture("kubesec", { major });
    });

    test("only workloads are sent: Service and ConfigMap are ignored, not failed", () => {
      const sent = cell.objects
        .filter(isKubesecKind)
        .map((o) => `${o.kind}/${o.name}`)
        .sort();
      expect(sent).toEqual([
        "DaemonSet/agent",
        "Deployment/score-10",
        "Deployment/score-8",
        "Deployment/score-9",
      ]);
      expect(kubesecInput(cell.objects.filter(isKubesecKind)).split("\n---\n")).toHaveLength(4);
    });

    // The verdict is `score >= threshold`: at the boundary a score equal to the threshold passes.
    test.each([
      [9, ["Deployment/score-8"]],
      [8, []],
      [10, ["Deployment/score-8", "Deployment/score-9"]],
      [11, ["Deployment/score-10", "Deployment/score-8", "Deployment/score-9"]],
    ])("threshold %i: workloads below it are %j (plus the critical DaemonSet)", async (threshold, below) => {
      const findings = await kubesecCheck.run(cell, context({ kubesecThreshold: threshold }));
      const low = findings
        .filter((f) => f.message.startsWith("kubesec score") && f.object !== "DaemonSet/agent")
        .map((f) => f.object)
        .sort();
      expect(low).toEqual(below);
      for (const f of findings.filter((x) => x.message.startsWith("kubesec score"))) {
        expect(f.message).toContain(`(a workload passes when score >= ${threshold})`);
      }
    });

    test.each([
      [`${T}/scores.yaml:13`, "Deployment/score-8", "kubesec score 8 is below the threshold 9"],
      [`${T}/critical.yaml:14`, "DaemonSet/agent", "kubesec critical HostNetwork (-9 points)"],
    ])("error at %s for %s: %s", async (at, object, fragment) => {
      const findings = await kubesecCheck.run(cell, context());
      const hit = findings.find((f) => f.object === object && f.message.includes(fragment));
      expect(hit, JSON.stringify(findings, null, 1)).toBeDefined();
      expect(hit!).toMatchObject({ rule: "kubesec", severity: "error" });
      expect(`${hit!.file}:${hit!.line}`).toBe(at);
    });

    test("a critical rule is an error even when the score would pass", async () => {
      const findings = await kubesecCheck.run(cell, context({ kubesecThreshold: -100 }));
      expect(findings.map((f) => f.object)).toEqual(["DaemonSet/agent"]);
    });
  },
);

// kubesec 2.14 answers "This resource kind is not supported" for Jobs and CronJobs: the check scores their
// pod template as a Pod, and each finding points at the Job's template line.
const J = `${FIXTURES}/kubesec-jobs/templates`;
describe.each([3, 4] as const)(
  "Jobs and CronJobs scored as Pods of their template (real kubesec), helm %i",
  (major) => {
    let cell: RenderCell;
    beforeAll(async () => {
      cell = await renderFixture("kubesec-jobs", { major });
    });

    test("both are sent, as Pods named after the Job", () => {
      const sent = cell.objects.filter(isKubesecKind);
      expect(sent.map((o) => `${o.kind}/${o.name}`).sort()).toEqual(["CronJob/nightly", "Job/migrate"]);
      const docs = sent.map(kubesecDoc);
      expect(docs.map((d) => `${d.kind}/${(d.metadata as { name: string }).name}`).sort()).toEqual([
        "Pod/migrate",
        "Pod/nightly",
      ]);
    });

    test.each([
      // The pod template's spec (under spec.template), the privileged line under jobTemplate.spec.template.
      [`${J}/migrate-job.yaml:11`, "Job/migrate", "kubesec score 8 is below the threshold 9"],
      [`${J}/nightly-cronjob.yaml:19`, "CronJob/nightly", "kubesec critical Privileged (-30 points)"],
      [`${J}/nightly-cronjob.yaml:13`, "CronJob/nightly", "kubesec score -20 is below the threshold 9"],
    ])("error at %s for %s: %s", async (at, object, fragment) => {
      const findings = await kubesecCheck.run(cell, context());
      const hit = findings.find((f) => f.object === object && f.message.includes(fragment));
      expect(hit, JSON.stringify(findings, null, 1)).toBeDefined();
      expect(hit!).toMatchObject({ rule: "kubesec", severity: "error" });
      expect(`${hit!.file}:${hit!.line}`).toBe(at);
    });

    test("nothing else: three findings, none waived away by conversion", async () => {
      expect(await kubesecCheck.run(cell, context())).toHaveLength(3);
    });
  },
);

test("a workload that is not valid Kubernetes is not sent to kubesec: an error at the offending field says why", async () => {
  const cell = await renderFixture("broken");
  const findings = await kubesecCheck.run(cell, context());
  const typo = findings.filter((f) => f.object === "Deployment/typo");
  expect(typo, JSON.stringify(findings, null, 1)).toHaveLength(1);
  // The first problem of the gate's strict validator (the same committed schemas k8s-schema uses).
  expect(typo[0]!.message).toMatch(
    /^kubesec could not score Deployment\/typo: it is not a valid Kubernetes 1\.37\.\d+ object \(spec\.replicas: must be integer; k8s-schema reports each problem\)$/,
  );
  expect(`${typo[0]!.file}:${typo[0]!.line}`).toBe(`${FIXTURES}/broken/templates/schema.yaml:6`);
});

test("a Job whose pod template is not valid is not scored either: the finding is at the template's field", async () => {
  const manifest = [
    "---",
    "# Source: demo/templates/job.yaml",
    "apiVersion: batch/v1",
    "kind: Job",
    "metadata:",
    "  name: migrate",
    "spec:",
    "  template:",
    "    spec:",
    "      restartPolicy: Never",
    "      containers:",
    "        - name: app",
    "          image: registry.example/app:1.0.0",
    "          imagePullPolcy: Always",
    "",
  ].join("\n");
  const cell: RenderCell = {
    scenario: { chart: { name: "demo", version: "0.1.0", dir: "demo" }, name: "default", valuesFiles: [] },
    helm: 4,
    // The template is the document without helm's two header lines.
    objects: parseManifestDocuments(manifest, {
      chartDir: "demo",
      cwd: repoRoot,
      readTemplate: () => manifest.split("\n").slice(2).join("\n"),
    }).objects,
    manifest,
  };
  const findings = await kubesecCheck.run(cell, context());
  expect(findings).toHaveLength(1);
  expect(findings[0]!.message).toContain(
    "kubesec could not score Job/migrate: it is not a valid Kubernetes 1.37",
  );
  expect(findings[0]!.message).toContain("unknown field 'spec.containers.0.imagePullPolcy'");
  expect(`${findings[0]!.file}:${findings[0]!.line}`).toBe("demo/templates/job.yaml:12");
});

describe("waivers (rule, object, reason, expiry) as the gate applies them to kubesec findings", () => {
  const finding = (object: string, rule = "kubesec"): Finding => ({
    rule,
    severity: "error",
    message: "kubesec score 8 is below the threshold 9",
    object,
  });
  const waiver = {
    rule: "kubesec",
    object: "Deployment/score-8",
    reason: "upstream image",
    expiry: "2026-12-31",
  };

  test.each([
    [
      "active until its expiry day inclusive",
      "2026-12-31",
      { reason: "upstream image", expires: "2026-12-31" },
      "",
    ],
    [
      "expired the day after: no longer applies and says so",
      "2027-01-01",
      undefined,
      " (waiver expired 2026-12-31, no longer applies: upstream image)",
    ],
  ])("%s", (_name, today, waived, suffix) => {
    const [out] = applyWaivers([finding("Deployment/score-8")], [waiver], today);
    expect(out!.waived).toEqual(waived);
    expect(out!.message).toBe(`kubesec score 8 is below the threshold 9${suffix}`);
    expect(out!.severity).toBe("error");
  });

  test.each([
    ["another object", finding("Deployment/score-9"), false],
    ["another rule", finding("Deployment/score-8", "policy/resources"), false],
    ["a glob object", finding("Deployment/score-8"), true],
  ])("does not leak to %s", (name, f, expected) => {
    const w = name === "a glob object" ? { ...waiver, object: "Deployment/score-*" } : waiver;
    expect(applyWaivers([f], [w], "2026-06-01")[0]!.waived !== undefined).toBe(expected);
  });

  test("the real kubesec findings of a cell are waived per object and no longer fail", async () => {
    const cell = await renderFixture("kubesec");
    const findings = applyWaivers(await kubesecCheck.run(cell, context()), [waiver], "2026-06-01");
    const byObject = Object.fromEntries(findings.map((f) => [f.object, f.waived !== undefined]));
    expect(byObject).toEqual({ "Deployment/score-8": true, "DaemonSet/agent": false });
  });
});

// Each distinct workload is scanned once per run and its report shared: the fixture's helm 3 and helm 4
// renders share every workload. A wrapper around the real kubesec counts the workloads it is sent.
describe("kubesec reports shared between cells", () => {
  test("helm 3 and helm 4 cells get the same findings, each at its own cell's objects, from one scan (stand-in: a shell wrapper that counts the documents it passes to the real kubesec)", async () => {
    const dir = tempDir("floe-kubesec-count-");
    const log = path.join(dir, "docs.log");
    const wrapper = path.join(dir, "kubesec");
    // Counts the documents on stdin (one `---` separator fewer than documents), then runs the real kubesec.
    writeFileSync(
      wrapper,
      `#!/bin/sh\nin=$(cat)\nprintf '%s\\n' "$in" | grep -c '^---$' >> '${log}'\nprintf '%s\\n' "$in" | exec '${tool("kubesec")}' "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    const ctx = { ...context(), tools: { kubesec: wrapper } };
    const three = await renderFixture("kubesec", { major: 3 });
    const four = await renderFixture("kubesec", { major: 4 });
    const a = await kubesecCheck.run(three, ctx);
    const b = await kubesecCheck.run(four, ctx);
    const scans = readFileSync(log, "utf8").trim().split("\n").map(Number);
    // Four workloads, sent once in all (in one batch or split per core), never again for helm 4.
    expect(scans.reduce((n, seps) => n + seps + 1, 0)).toBe(4);
    expect(a.length).toBeGreaterThan(0);
    // Raw findings: no cell's labels leak into them through the shared scan (the gate adds each cell's own).
    expect(a.concat(b).some((f) => f.helm !== undefined || f.chart !== undefined)).toBe(false);
    expect(b).toEqual(a);
    // Same as scanning the cell's workloads as one stream, the way a user would.
    const fresh = await kubesecCheck.run(three, { ...context() });
    expect(fresh).toEqual(a);
  });

  test("a cell's new workloads are split into batches that together report exactly as one stream", async () => {
    const cell = await renderFixture("kubesec-jobs", { major: 4 });
    const objects = cell.objects.filter(isKubesecKind);
    const docs = objects.map((o) => JSON.stringify(kubesecDoc(o)));
    const dir = tempDir("floe-kubesec-batch-");
    const argv = (loc: string) =>
      kubesecScanArgv({ bin: tool("kubesec"), schemaLocation: loc, kubernetesVersion: "1.37.2" });
    // Distinct argv (schema folders of equal content) keep the two runs from sharing reports.
    const schemas = loadKubeSchemas("1.37");
    const one = await reportsFor(argv(ensureKubeconformDir(schemas, path.join(dir, "a"))), docs, 1);
    const split = await reportsFor(argv(ensureKubeconformDir(schemas, path.join(dir, "b"))), docs, 8);
    expect(docs.length).toBeGreaterThan(1);
    expect(split).toEqual(one);
  });
});
