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
