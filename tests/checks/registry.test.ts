import { expect, test } from "vitest";
import { checks } from "../../src/checks/registry.js";

test("every registered rule id is unique, documented in the README rules table, and has a description", async () => {
  const { readFileSync } = await import("node:fs");
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const ids = checks.map((c) => c.rule);
  expect(new Set(ids).size).toBe(ids.length);
  for (const c of checks) {
    expect(c.description.length).toBeGreaterThan(10);
    expect(readme, `README row for ${c.rule}`).toContain(`| \`${c.rule}\``);
  }
});
