// helm lint --strict over every scenario with the real helm 3 and helm 4 (a warning fails like an error).
import { describe, expect, it } from "vitest";
import { runHelm, scenarioMatrix, valuesArgs } from "./chart.js";

describe("floe-platform: helm lint --strict (real helm 3 and 4)", () => {
  it.each(scenarioMatrix)("$name lints clean on helm $major", async ({ files, major }) => {
    const r = await runHelm(major, ["lint", "--strict", ".", ...valuesArgs(files)]);
    expect(r.stdout + r.stderr).toContain("1 chart(s) linted, 0 chart(s) failed");
    expect(r.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
    expect(r.code).toBe(0);
  });
});
