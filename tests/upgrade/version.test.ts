// upgrade/version-increment's decision, table-driven (the end-to-end runs are in upgrade-check.test.ts).
import { describe, expect, it } from "vitest";
import { versionProblem } from "../../src/upgrade/version.js";

const base = { chart: "app", baseLabel: "main abc1234", changed: ["charts/app/values.yaml"] };

describe("versionProblem", () => {
  it.each([
    ["raised patch", "0.1.1", "0.1.0", undefined],
    ["raised minor over a prerelease", "0.2.0", "0.2.0-rc.1", undefined],
    ["prerelease after its release is lower", "0.2.0-rc.1", "0.2.0", "is not higher than the base's 0.2.0"],
    ["equal", "0.1.0", "0.1.0", "its version 0.1.0 is not higher than the base's 0.1.0"],
    ["lower", "0.0.9", "0.1.0", "its version 0.0.9 is not higher"],
    ["build metadata only is not higher", "0.1.0+2", "0.1.0+1", "is not higher"],
    ["not SemVer now", "v1", "0.1.0", "version 'v1' of app is not SemVer"],
    ["the base's not SemVer: nothing to hold to", "0.1.0", "one", undefined],
  ])("%s: %s over %s", (_, version, baseVersion, want) => {
    const got = versionProblem({ ...base, version, baseVersion });
    if (want === undefined) expect(got).toBeUndefined();
    else expect(got).toContain(want);
  });

  it("an unchanged chart needs no new version", () => {
    expect(versionProblem({ ...base, changed: [], version: "0.1.0", baseVersion: "0.1.0" })).toBeUndefined();
  });

  it("names a few of the changed files", () => {
    const changed = ["a", "b", "c", "d"].map((f) => `charts/app/${f}.yaml`);
    expect(versionProblem({ ...base, changed, version: "1.0.0", baseVersion: "1.0.0" })).toContain(
      "(4 file(s) changed, e.g. charts/app/a.yaml, charts/app/b.yaml, charts/app/c.yaml)",
    );
  });
});
