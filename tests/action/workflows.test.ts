// Static checks of the workflows: no expression spliced into a script, third-party actions pinned, every
// workflow_call input described. Each check is a test only where there is something to check (a workflow
// without run: steps gets no "run:" test), so no test passes by looping over nothing.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildInputs } from "../../src/config/inputs.js";
import { resolveE2e } from "../../src/e2e/config.js";
import { resolveConfig } from "../../src/plan/config.js";
import { repoRoot } from "../helpers/tools.js";
import { action } from "./action-yml.js";

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, { inputs?: Record<string, { description?: string }> } | null>;
  jobs: Record<string, { steps?: Step[]; uses?: string }>;
}

const dir = path.join(repoRoot, ".github", "workflows");
const workflows = readdirSync(dir)
  .filter((f) => f.endsWith(".yml"))
  .map((f) => [f, parse(readFileSync(path.join(dir, f), "utf8")) as Workflow] as const);

for (const [name, wf] of workflows) {
  describe(`workflow ${name}`, () => {
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps ?? []);
    const label = (s: Step, i: number) => s.name ?? s.uses ?? `#${i + 1}`;

    it("has jobs that do something (steps, or a called workflow)", () => {
      expect(Object.keys(wf.jobs).length).toBeGreaterThan(0);
      for (const [id, job] of Object.entries(wf.jobs)) {
        expect(Boolean(job.uses) || (job.steps?.length ?? 0) > 0, `job ${id}`).toBe(true);
      }
    });

    for (const [i, s] of steps.entries()) {
      if (s.run) {
        it(`step ${label(s, i)}: never splices expressions into its run: script (inputs go through env:)`, () => {
          expect(s.run).not.toMatch(/\$\{\{/);
        });
      }
      if (s.uses && !s.uses.startsWith("./")) {
        it(`step ${label(s, i)}: pins its third-party action by commit SHA`, () => {
          expect(s.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        });
      }
    }

    for (const [input, spec] of Object.entries(wf.on.workflow_call?.inputs ?? {})) {
      it(`describes its workflow_call input ${input}`, () => {
        expect(spec.description, input).toMatch(/\w{3,}/);
      });
    }
  });
}

/** A GitHub expression as the workflow writes it: `${{ x }}`. */
const expr = (x: string) => `\${{ ${x} }}`;

it("the reusable workflows exist and take inputs; ci.yml runs the suite and the action", () => {
  const byName = new Map(workflows);
  expect([...byName.keys()]).toEqual(expect.arrayContaining(["ci.yml", "pr-gate.yml", "release.yml"]));
  for (const n of ["pr-gate.yml", "release.yml"]) {
    expect(Object.keys(byName.get(n)?.on.workflow_call?.inputs ?? {}).length, n).toBeGreaterThan(0);
  }
  const ciSteps = Object.values(byName.get("ci.yml")?.jobs ?? {}).flatMap((j) => j.steps ?? []);
  expect(ciSteps.some((s) => s.uses === "./")).toBe(true);
  expect(ciSteps.some((s) => s.run)).toBe(true);
});

it("ci.yml's gate job builds the local lane's images before the action runs e2e on them (nothing serves floe.local/*)", async () => {
  const job = new Map(workflows).get("ci.yml")!.jobs.gate!;
  const steps = job.steps ?? [];
  const action = steps.findIndex((st) => st.uses === "./");
  expect(action).toBeGreaterThan(0);
  expect(steps[action]!.with?.e2e).toBe(true);
  const images = steps.findIndex((st) => st.run?.trim() === "scripts/images.sh");
  expect(images, "a step running scripts/images.sh").toBeGreaterThan(0);
  expect(images).toBeLessThan(action);
  // Its Go builds need Go first.
  const go = steps.findIndex((st) => st.uses?.startsWith("actions/setup-go@"));
  expect(go).toBeGreaterThanOrEqual(0);
  expect(go).toBeLessThan(images);
  // On GitHub the e2e platform is kind-upstream (Polaris and Marquez pulled by the node, E2E-003 and T118 run).
  const scenario = steps[action]!.with?.["e2e-scenario"];
  expect(scenario).toBe("kind-upstream");
  // Every floe.local image the e2e platform (that scenario, as the phase resolves it) and product name is one
  // scripts/images.sh builds.
  const inputs = buildInputs({}, {}, repoRoot);
  const e2e = await resolveE2e(await resolveConfig(inputs, repoRoot), inputs, repoRoot, String(scenario));
  const built = execFileSync(path.join(repoRoot, "scripts", "images.sh"), ["--list"], { encoding: "utf8" })
    .trim()
    .split("\n");
  const files = [...e2e.platform.valuesFiles, ...e2e.product.valuesFiles];
  expect(files).toContain("scenarios/kind-upstream/floe-platform.yaml");
  const named = files.flatMap((f) =>
    [...readFileSync(path.join(repoRoot, f), "utf8").matchAll(/floe\.local\/[a-z0-9-]+/g)].map((m) => m[0]),
  );
  expect(named.length).toBeGreaterThan(0);
  for (const n of new Set(named))
    expect(
      built.some((b) => b.startsWith(`${n}:`)),
      n,
    ).toBe(true);
});

it("pr-gate.yml hands each of its inputs that the action also has to the action, unchanged; the matrix chooses chart and helm major", () => {
  const wf = new Map(workflows).get("pr-gate.yml")!;
  // helm and charts go to `floe-helm changed`, which turns them into the matrix (one chart and major a job).
  const matrixDriven = ["helm", "charts"];
  // Each job sets the phase switches it is for (the gate job no install test, the cluster job no gate).
  const switches = ["upgrade-check", "install-test", "live-upgrade", "e2e", "metrics-server"];
  const shared = Object.keys(wf.on.workflow_call?.inputs ?? {}).filter((i) => i in action.inputs);
  expect(shared).toEqual(expect.arrayContaining(["helm", "install-test", "kind-node-image", "config"]));
  const floe = Object.entries(wf.jobs).flatMap(([job, j]) =>
    (j.steps ?? []).filter((s) => s.uses === "./.floe-helm-action").map((s) => [job, s] as const),
  );
  expect(floe.map(([job]) => job)).toEqual(["gate", "cluster", "e2e"]);
  for (const [job, step] of floe)
    for (const i of shared.filter((x) => !matrixDriven.includes(x) && !switches.includes(x)))
      if (step.with && i in step.with) expect(step.with[i], `${job}: ${i}`).toBe(expr(`inputs.${i}`));
  for (const [job, step] of floe.filter(([job]) => job !== "e2e")) {
    expect(step.with?.charts, job).toBe(expr("matrix.chart.dir"));
    expect(step.with?.helm, job).toBe(expr("matrix.helm"));
  }
  const gateWith = floe.find(([job]) => job === "gate")![1].with!;
  for (const i of ["scenario", "upgrade-base"]) expect(gateWith[i], i).toBe(expr(`inputs.${i}`));
  // upgrade-check refuses a run of library charts only: a library's job leaves it out.
  expect(gateWith["upgrade-check"]).toBe(expr("inputs.upgrade-check && !matrix.chart.library"));
  const clusterWith = floe.find(([job]) => job === "cluster")![1].with!;
  for (const i of ["install-test", "live-upgrade", "test-scenario", "test-values", "kind-node-image"])
    expect(clusterWith[i], i).toBe(expr(`inputs.${i}`));
});

it("pr-gate.yml: the matrix comes from the changes job, every results artifact has its own name, the report always runs", () => {
  const wf = new Map(workflows).get("pr-gate.yml")! as unknown as {
    jobs: Record<
      string,
      {
        needs?: string | string[];
        if?: string;
        strategy?: { matrix?: Record<string, string> };
        steps?: Step[];
        outputs?: Record<string, string>;
      }
    >;
    on: { workflow_call: { outputs: Record<string, { value: string }> } };
  };
  const run = wf.jobs.changes!.steps!.find((s) => s.run)?.run;
  expect(run).toBe("node .floe-helm-action/dist/index.js changed");
  expect(wf.jobs.gate!.strategy!.matrix).toEqual({
    chart: expr("fromJSON(needs.changes.outputs.charts)"),
    helm: expr("fromJSON(needs.changes.outputs.helm)"),
  });
  expect(wf.jobs.cluster!.strategy!.matrix!.chart).toBe(expr("fromJSON(needs.changes.outputs.cluster)"));
  const names = Object.values(wf.jobs)
    .flatMap((j) => j.steps ?? [])
    .filter((s) => s.uses?.startsWith("actions/upload-artifact@"))
    .map((s) => s.with?.name);
  expect(names).toEqual([
    `floe-helm-results-gate-${expr("matrix.chart.id")}-helm${expr("matrix.helm")}`,
    `floe-helm-results-cluster-${expr("matrix.chart.id")}-helm${expr("matrix.helm")}`,
    "floe-helm-results-e2e",
  ]);
  expect(wf.jobs.report!.if).toBe("always()");
  expect(wf.jobs.report!.needs).toEqual(["changes", "gate", "cluster", "e2e"]);
  const report = wf.jobs.report!.steps!.find((s) => s.name === "floe-helm · report")!;
  expect(report.run).toContain(`report --merge "$${"{"}dirs[@]}" --sarif "$SARIF"`);
  expect(wf.jobs.report!.steps!.some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))).toBe(
    true,
  );
  expect(Object.keys(wf.on.workflow_call.outputs)).toEqual(
    expect.arrayContaining(["verdict", "coverage", "any", "charts"]),
  );
});

it("release.yml: signs keylessly with the cosign the tests run, passes index and sign inputs through env:, and exposes the release's outputs", () => {
  const wf = parse(readFileSync(path.join(dir, "release.yml"), "utf8")) as {
    on: { workflow_call: { inputs: Record<string, unknown>; outputs: Record<string, { value: string }> } };
    jobs: Record<
      string,
      {
        if?: string;
        needs?: string | string[];
        permissions?: Record<string, string>;
        outputs?: Record<string, string>;
        steps?: (Step & { id?: string; env?: Record<string, string> })[];
      }
    >;
  };
  const { publish, pages } = wf.jobs;
  // Keyless signing needs the job's OIDC token; only the job that pushes and signs gets it.
  expect(publish!.permissions).toEqual({ contents: "read", packages: "write", "id-token": "write" });
  expect(pages!.permissions).toEqual({ contents: "write" });
  expect(pages!.if).toBe("inputs.index-branch != ''");
  expect([publish!.needs, pages!.needs]).toEqual(["gate", ["gate", "publish"]]);
  // The cosign the workflow installs is the one scripts/tools.sh pins for the tests.
  const pinned = /^COSIGN_VERSION=(\S+)$/m.exec(
    readFileSync(path.join(repoRoot, "scripts", "tools.sh"), "utf8"),
  )![1];
  const installer = publish!.steps!.find((s) => s.uses?.startsWith("sigstore/cosign-installer@"));
  expect(installer?.with?.["cosign-release"]).toBe(pinned);
  const release = publish!.steps!.find((s) => s.id === "release")!;
  expect(release.env).toMatchObject({ FLOE_HELM_SIGN: expr("inputs.sign") });
  // Keyless self-check: the certificate names this workflow file (a called workflow's own path), whoever
  // owns the copy called; floe-helm adds the repository the run was for (GITHUB_REPOSITORY).
  const identity = new RegExp(release.env!.FLOE_HELM_SIGN_IDENTITY_REGEXP!);
  expect(
    identity.test("https://github.com/floe/helm-action/.github/workflows/release.yml@refs/heads/main"),
  ).toBe(true);
  expect(identity.test("https://github.com/acme/helm-action/.github/workflows/release.yml@0123abc")).toBe(
    true,
  );
  expect(identity.test("https://github.com/acme/x/.github/workflows/other.yml@refs/heads/main")).toBe(false);
  expect(identity.test("https://github.com/acme/x/.github/workflows/release.yml.evil@x")).toBe(false);
  expect(identity.test("https://gitlab.com/a/b/.github/workflows/release.yml@x")).toBe(false);
  expect(release.run).toContain("SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)");
  const indexStep = pages!.steps!.find((s) => s.id === "release")!;
  expect(indexStep.env).toMatchObject({
    INDEX_URL: expr("inputs.index-url"),
    FLOE_HELM_INDEX_DIR: ".floe-helm-index",
  });
  expect(indexStep.run).toContain("SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)");
  expect(Object.keys(wf.on.workflow_call.inputs)).toEqual(
    expect.arrayContaining(["sign", "index-branch", "index-url"]),
  );
  for (const o of ["versions", "published", "packages", "signatures", "attestations"]) {
    expect(wf.on.workflow_call.outputs[o]!.value).toBe(expr(`jobs.publish.outputs.${o}`));
    expect(publish!.outputs![o]).toBe(expr(`steps.release.outputs.${o}`));
  }
  expect(wf.on.workflow_call.outputs.indexed!.value).toBe(expr("jobs.pages.outputs.indexed"));
  // The push token reaches git through its environment only.
  const push = pages!.steps!.find((s) => s.name === "Push the index branch")!;
  expect(push.env).toMatchObject({ TOKEN: expr("github.token") });
  expect(push.run).toContain("GIT_CONFIG_VALUE_0=");
  expect(push.run).not.toMatch(/git -c http\.[^ ]*extraheader/);
});

it("pr-gate.yml: the cluster and e2e jobs restore the image cache before the action, hand its folder over, and save it under the action's image-cache-key only when that differs from what was restored", () => {
  const wf = new Map(workflows).get("pr-gate.yml")! as unknown as {
    on: { workflow_call: { inputs: Record<string, { type: string; default: unknown }> } };
    jobs: Record<string, { steps: (Step & { id?: string; if?: string })[] }>;
  };
  expect(wf.on.workflow_call.inputs["cache-images"]).toMatchObject({ type: "boolean", default: true });
  const folder = `${expr("runner.temp")}/floe-helm-images`;
  const cacheSha = (u: string | undefined) => u?.split("@")[1];
  for (const job of ["cluster", "e2e"]) {
    const steps = wf.jobs[job]!.steps;
    const at = (pred: (s: Step & { id?: string; if?: string }) => boolean) => steps.findIndex(pred);
    const restore = at((s) => s.uses?.startsWith("actions/cache/restore@") === true);
    const floe = at((s) => s.uses === "./.floe-helm-action");
    const save = at((s) => s.uses?.startsWith("actions/cache/save@") === true);
    expect(
      [restore, floe, save].every((i) => i >= 0),
      job,
    ).toBe(true);
    expect(restore < floe && floe < save, `${job}: restore, action, save in that order`).toBe(true);
    const [r, f, v] = [steps[restore]!, steps[floe]!, steps[save]!];
    // One pinned release of actions/cache for the tool cache, the restore and the save.
    const tools = steps.find((s) => s.uses?.startsWith("actions/cache@"));
    expect(cacheSha(r.uses), job).toBe(cacheSha(tools?.uses));
    expect(cacheSha(v.uses), job).toBe(cacheSha(tools?.uses));
    expect(r).toMatchObject({ id: "images", if: "inputs.cache-images" });
    expect(r.with?.path, job).toBe(folder);
    expect(String(r.with?.["restore-keys"])).toBe(
      `${expr("runner.os")}-${expr("runner.arch")}-floe-helm-images-`,
    );
    expect(f.id, job).toBe("floe");
    expect(f.with?.["image-cache"], job).toBe(
      expr("inputs.cache-images && format('{0}/floe-helm-images', runner.temp) || ''"),
    );
    expect(v.with?.path, job).toBe(folder);
    expect(v.with?.key, job).toBe(
      `${expr("runner.os")}-${expr("runner.arch")}-${expr("steps.floe.outputs.image-cache-key")}`,
    );
    // Saved even when a check failed (the images are still good), never under an empty key or the restored one.
    expect(v.if, job).toBe(
      "always() && inputs.cache-images && steps.floe.outputs.image-cache-key != '' && format('{0}-{1}-{2}', runner.os, runner.arch, steps.floe.outputs.image-cache-key) != steps.images.outputs.cache-matched-key",
    );
  }
  // The key the save step reads is an output of the action, set by its cluster down step.
  expect(action.outputs["image-cache-key"]?.value).toBe(expr("steps.down.outputs.image-cache-key"));
});
