// The charts' folders: kubeVersion (the README's Kubernetes 1.27+) in every Chart.yaml, a .helmignore in
// every chart, and one kind of object per template file.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../helpers/tools.js";
import { NAMESPACE, parseManifests, RELEASE, runHelm } from "./chart.js";

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

  it.each(applications)(
    "%s: every template file renders objects of one kind only (every scenario, helm 4)",
    async (name) => {
      const dir = path.join(chartsDir, name);
      const files = [
        ...readdirSync(dir).filter((f) => /^values-.+\.yaml$/.test(f)),
        ...readdirSync(path.join(dir, "ci")).map((f) => `ci/${f}`),
      ];
      const kinds = new Map<string, Set<string>>();
      for (const f of files) {
        const r = await runHelm(
          4,
          ["template", RELEASE, ".", "--namespace", NAMESPACE, "-f", f],
          undefined,
          dir,
        );
        expect(r.code, r.stderr).toBe(0);
        const { sources, objects } = parseManifests(r.stdout);
        objects.forEach((o, i) => {
          const file = /^# Source: (.+)$/m.exec(sources[i] ?? "")?.[1] ?? "?";
          kinds.set(file, (kinds.get(file) ?? new Set()).add(o.kind));
        });
      }
      const mixed = [...kinds]
        .filter(([, k]) => k.size > 1)
        .map(([f, k]) => `${f}: ${[...k].sort().join(", ")}`);
      expect(mixed).toEqual([]);
      expect(kinds.has("?")).toBe(false);
    },
  );
});
