// The layer order of src/, read from the imports themselves: a module may import its own folder and any
// lower layer, never a higher one. Commands (`*/command.ts`), the CLI and the entry point are the top
// layer: they adapt phases to argv, and no phase imports them. README "Architecture" draws the same order.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/tools.js";

/** Lowest first; folders on one line are peers (they may import each other). */
const layers: readonly (readonly string[])[] = [
  ["core", "yaml"],
  ["perf"],
  ["exec"],
  ["values"],
  ["config"],
  ["tools", "report"],
  ["k8s", "helm", "cluster"],
  ["checks"],
  ["plan"],
  ["policy"],
  ["gate"],
  ["install", "release", "upgrade", "e2e", "generate", "changed"],
  ["commands"],
];

const src = path.join(repoRoot, "src");
const files = (readdirSync(src, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.split(path.sep).join("/"));

/** The layer a file belongs to: its top folder, or `commands` for command modules and the CLI. */
function unitOf(file: string): string {
  if (file === "index.ts" || file.startsWith("cli/") || file.endsWith("/command.ts")) return "commands";
  return file.split("/")[0]!;
}
const rank = (unit: string): number => layers.findIndex((l) => l.includes(unit));

/** Relative imports of a file (static, type-only and dynamic), as files under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(src, file), "utf8");
  const specs = [...text.matchAll(/(?:from|import\()\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
  return specs
    .map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)))
    .filter((s) => !s.startsWith("../")) // package.json, schemas/: not code layers
    .map((s) => s.replace(/\.js$/, ".ts"));
}

describe("src/ layers", () => {
  it("every folder of src/ has a layer", () => {
    const units = [...new Set(files.map(unitOf))];
    expect(units.filter((u) => rank(u) < 0)).toEqual([]);
  });

  it("no module imports a higher layer", () => {
    const upward = files.flatMap((f) =>
      importsOf(f)
        .filter((to) => rank(unitOf(to)) > rank(unitOf(f)))
        .map((to) => `${f} -> ${to} (${unitOf(f)} is below ${unitOf(to)})`),
    );
    expect(upward).toEqual([]);
  });

  it("src/core imports nothing outside itself", () => {
    const out = files
      .filter((f) => f.startsWith("core/"))
      .flatMap((f) =>
        importsOf(f)
          .filter((to) => !to.startsWith("core/"))
          .map((to) => `${f} -> ${to}`),
      );
    expect(files.some((f) => f.startsWith("core/"))).toBe(true);
    expect(out).toEqual([]);
  });

  it("the phases start from src/plan and src/policy, never from the gate's own modules", () => {
    const intoGate = files
      .filter((f) => unitOf(f) !== "commands" && !f.startsWith("gate/"))
      .flatMap((f) =>
        importsOf(f)
          .filter((to) => to.startsWith("gate/"))
          .map((to) => `${f} -> ${to}`),
      );
    expect(intoGate).toEqual([]);
  });

  it("the test reads real imports (a known edge is seen)", () => {
    expect(importsOf("policy/apply.ts")).toContain("core/wildcard.ts");
  });
});

/** Relative imports a module loads when it loads: value imports (not `import type`, not `import()`). */
function staticImportsOf(file: string): string[] {
  const text = readFileSync(path.join(src, file), "utf8");
  const specs = [...text.matchAll(/^(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+"(\.{1,2}\/[^"]+)";/gms)]
    // `import { type A, type B }` loads nothing either
    .filter((m) => !/^\{[^}]*\}$/.test(m[1]!.trim()) || /(?:^\{|,)\s*(?!type\b)\w/.test(m[1]!.trim()))
    .map((m) => m[2]!);
  return specs
    .map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)))
    .filter((s) => !s.startsWith("../"))
    .map((s) => s.replace(/\.js$/, ".ts"));
}

describe("what the CLI loads before a command runs", () => {
  // Every process loads what src/index.ts reaches statically, whatever the command; each phase's work is
  // imported with import() when its command runs (the gate's eagerly bundled into dist/index.js, the others in
  // chunks: scripts/build.mjs).
  const loaded = new Set<string>(["index.ts"]);
  for (const queue = ["index.ts"]; queue.length; )
    for (const to of staticImportsOf(queue.shift()!))
      if (!loaded.has(to)) {
        loaded.add(to);
        queue.push(to);
      }
  // Phases other than the gate: only their command modules and these small modules of names and parsers.
  const light = new Set([
    "cluster/on-path.ts",
    "cluster/kind/names.ts",
    "install/image-source.ts",
    "release/identity.ts",
    "report/phase.ts",
    "report/source.ts",
    "report/terminal.ts",
    "report/findings.ts",
    "report/results.ts",
  ]);

  it("reads real imports (the CLI and every command module are reached)", () => {
    expect(loaded).toContain("cli/main.ts");
    expect(loaded).toContain("release/command.ts");
    expect(loaded).toContain("report/phase.ts");
  });

  it("no other phase's work: each is imported when its command runs (the report, release, the cluster providers, install, upgrade, e2e, generate)", () => {
    const phases = [
      "install/",
      "release/",
      "upgrade/",
      "e2e/",
      "generate/",
      "changed/",
      "cluster/",
      "report/",
    ];
    const heavy = [...loaded].filter(
      (f) => phases.some((p) => f.startsWith(p)) && !f.endsWith("/command.ts") && !light.has(f),
    );
    expect(heavy).toEqual([]);
  });
});
