// `floe-helm gate` on values files with a large subtree no template reads (issue 12: a misspelt key above a
// generated config), with the real helm 3 and helm 4. The findings are the same at any size: one dead-value
// at the subtree's root and one duplicate-key at the repeated key. How long it takes is measured by
// bench/gate-bench.mjs (--dead-value), not here.
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

/** `service.misspelt` (unread: the chart reads `service.port` only) holding `n` keys, flat or 10 per group,
 * its first key written again at the end. */
function valuesText(n: number, shape: "flat" | "nested"): { text: string; lastLine: number } {
  const lines = ["service:", "  port: 80", "  misspelt:"];
  if (shape === "flat") for (let i = 0; i < n; i++) lines.push(`    k${i}: v${i}`);
  else
    for (let g = 0; g < n / 10; g++) {
      lines.push(`    g${g}:`);
      for (let i = 0; i < 10; i++) lines.push(`      k${i}: v${g}-${i}`);
    }
  lines.push(shape === "flat" ? "    k0: again" : "    g0: again");
  return { text: `${lines.join("\n")}\n`, lastLine: lines.length };
}

describe("gate on a values file with a large unread subtree", () => {
  it.each([
    { n: 5_000, shape: "flat" as const },
    { n: 50_000, shape: "flat" as const },
    { n: 50_000, shape: "nested" as const },
  ])("$n keys, $shape: one dead-value at its root, one duplicate-key", async ({ n, shape }) => {
    const dir = tempDir("floe-gate-large-");
    await cp(
      path.join(repoRoot, "tests", "fixtures", "gate", "good", "charts", "app"),
      path.join(dir, "app"),
      {
        recursive: true,
      },
    );
    const { text, lastLine } = valuesText(n, shape);
    await writeFile(path.join(dir, "big.yaml"), text);
    const results = path.join(dir, "out", "results.json");
    const r = await cli(
      ["gate", "--tools-dir", toolsDir, "--work-dir", dir, "--results", results, "--chart", "app"].concat([
        "--values",
        "big.yaml",
      ]),
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    const findings = r.out.split("\n").filter((l) => / error /.test(l));
    const dup = shape === "flat" ? "k0" : "g0";
    expect(findings).toEqual([
      "big.yaml:3:3: error dead-value: 'service.misspelt' is set but no template of app reads it and values.schema.json does not declare it (a misspelt key is silently ignored by helm) (scenario: big)",
      `big.yaml:${lastLine}:5: error duplicate-key: key 'service.misspelt.${dup}' is set twice in this mapping (YAML keeps only the last one)`,
    ]);
    // helm rendered, linted and the checks ran on both majors: the large file only cost the findings above.
    const checks = JSON.parse(await readFile(results, "utf8")).checks as Array<{ id: string; state: string }>;
    for (const helm of [3, 4])
      for (const rule of ["render", "lint", "values-schema"])
        expect(checks).toContainEqual(
          expect.objectContaining({ id: `${rule} app/big helm${helm}`, state: "pass" }),
        );
  });
});
