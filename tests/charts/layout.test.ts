// The charts' folders: kubeVersion (the README's Kubernetes 1.27+) in every Chart.yaml, a .helmignore in
// every chart, and one kind of object per template file (every scenario the project renders, helm 3 and 4).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildInputs } from "../../src/config/inputs.js";
import { resolveE2e } from "../../src/e2e/config.js";
import { resolveConfig } from "../../src/plan/config.js";
import { buildPlan } from "../../src/plan/plan.js";
import { repoRoot } from "../helpers/tools.js";
import { majors, NAMESPACE, parseManifests, RELEASE, runHelm, valuesArgs } from "./chart.js";

const chartsDir = path.join(repoRoot, "charts");
const all = readdirSync(chartsDir)
  .filter((n) => existsSync(path.join(chartsDir, n, "Chart.yaml")))
  .sort();
const applications = all.filter(
  (n) => parse(readFileSync(path.join(chartsDir, n, "Chart.yaml"), "utf8")).type !== "library",
);

describe("chart folders", () => {
  it("are floe-common, floe-jobs and floe-platform", () => {
    expect(all).toEqual(["floe-common", "floe-jobs", "floe-platform"]);
  });

  it.each(all)("%s: Chart.yaml requires Kubernetes 1.27+ (kubeVersion), as the README says", (name) => {
    expect(parse(readFileSync(path.join(chartsDir, name, "Chart.yaml"), "utf8")).kubeVersion).toBe(
      ">=1.27.0-0",
    );
  });

  it.each(applications)("%s: its README states the same requirement", (name) => {
    expect(readFileSync(path.join(chartsDir, name, "README.md"), "utf8")).toContain(
      "Needs Kubernetes 1.27 or newer.",
    );
  });

  it.each(applications)("%s: helm refuses a Kubernetes older than 1.27", async (name) => {
    const r = await runHelm(
      4,
      ["template", RELEASE, ".", "--namespace", NAMESPACE, "--kube-version", "1.26.0"],
      undefined,
      path.join(chartsDir, name),
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      "chart requires kubeVersion: >=1.27.0-0 which is incompatible with Kubernetes v1.26.0",
    );
  });

  it.each(all)("%s: has a .helmignore (version control and editor files stay out of the package)", (name) => {
    const text = readFileSync(path.join(chartsDir, name, ".helmignore"), "utf8");
    for (const p of [".git/", ".DS_Store", "*.swp", ".idea/", ".vscode/"])
      expect(text.split("\n")).toContain(p);
  });

  // Every scenario the project renders: values.yaml alone, the chart folder's values files and floe-gate.yaml's
  // declared ones (the plan every phase starts from), and the e2e phase's platform and data product, which turn
  // on what no other scenario does (floe-jobs' codeLocation). Kinds are gathered per file over all of them: a
  // file holds one kind, not one kind per scenario.
  it.each(applications)(
    "%s: every template file renders objects of one kind only (every scenario of the plan and of e2e, helm 3 and 4)",
    async (name) => {
      const list = await scenariosOf(name);
      expect(list.map((s) => s.name)).toEqual(
        expect.arrayContaining(["default", "prod", "kind-local", "e2e"]),
      );
      const kinds = new Map<string, Map<string, string>>();
      for (const major of majors)
        for (const s of list) {
          const r = await runHelm(
            major,
            ["template", RELEASE, ".", "--namespace", NAMESPACE, ...valuesArgs(s.files)],
            undefined,
            path.join(chartsDir, name),
          );
          expect(r.code, `${s.name} helm${major}: ${r.stderr}`).toBe(0);
          const { sources, objects } = parseManifests(r.stdout);
          objects.forEach((o, i) => {
            const file = /^# Source: (.+)$/m.exec(sources[i] ?? "")?.[1] ?? "?";
            const seen = kinds.get(file) ?? kinds.set(file, new Map()).get(file)!;
            if (!seen.has(o.kind)) seen.set(o.kind, `${s.name} helm${major}`);
          });
        }
      const mixed = [...kinds]
        .filter(([, k]) => k.size > 1)
        .map(([f, k]) => `${f}: ${[...k].map(([kind, where]) => `${kind} (${where})`).join(", ")}`);
      expect(mixed).toEqual([]);
      expect(kinds.has("?")).toBe(false);
    },
  );

  // What no scenario renders still holds one kind: the top-level `kind:` lines of each template file (a branch
  // of another kind that every scenario leaves off would otherwise go unseen).
  it.each(applications)("%s: every template file writes one top-level kind", (name) => {
    const dir = path.join(chartsDir, name, "templates");
    const mixed = (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => [f, new Set(readFileSync(path.join(dir, f), "utf8").match(/^kind: *\S+/gm) ?? [])] as const)
      .filter(([, k]) => k.size > 1)
      .map(([f, k]) => `${f}: ${[...k].join(", ")}`);
    expect(mixed).toEqual([]);
  });

  it.each(all.filter((n) => !applications.includes(n)))(
    "%s (library): its templates are helpers only (_*.tpl), none renders an object of its own",
    (name) => {
      const dir = path.join(chartsDir, name, "templates");
      const files = readdirSync(dir, { recursive: true }) as string[];
      expect(files.length).toBeGreaterThan(0);
      expect(files.filter((f) => !/(^|\/)_[^/]+\.tpl$/.test(f))).toEqual([]);
    },
  );
});

/** A chart's scenarios as the project renders them, values files absolute: values.yaml alone, the plan's
 * (floe-gate.yaml: found and declared) and the e2e phase's platform or data product. */
async function scenariosOf(name: string): Promise<Array<{ name: string; files: string[] }>> {
  const inputs = buildInputs({}, {}, repoRoot);
  const config = await resolveConfig(inputs, repoRoot);
  const plan = await buildPlan(config, inputs, repoRoot);
  const e2e = await resolveE2e(config, inputs, repoRoot);
  const chart = plan.charts.find((c) => c.info.name === name)!;
  const withE2e = [...chart.scenarios, ...[e2e.platform, e2e.product].filter((s) => s.chart.name === name)];
  return [
    { name: "default", files: [] },
    ...withE2e.map((s) => ({
      name: s === e2e.platform ? "e2e" : s.name,
      files: s.valuesFiles.map((f) => path.resolve(repoRoot, f)),
    })),
  ];
}
