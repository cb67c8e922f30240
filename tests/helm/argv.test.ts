// Pure argv builders of src/helm/argv.ts: asserted as tables, nothing is run here (the gate tests run them).
import { describe, expect, test } from "vitest";
import { helmDependencyBuildArgv } from "../../src/helm/argv.js";

describe("helmDependencyBuildArgv", () => {
  test.each([
    {
      name: "file:// dependencies only: offline",
      args: { bin: "/t/helm3", major: 3 as const, chartDir: "/w/parent", refresh: false },
      argv: ["/t/helm3", "dependency", "build", "/w/parent", "--skip-refresh"],
    },
    {
      name: "a remote dependency: repository indexes refreshed",
      args: { bin: "/t/helm4", major: 4 as const, chartDir: "/w/parent", refresh: true },
      argv: ["/t/helm4", "dependency", "build", "/w/parent"],
    },
    {
      name: "same flags for helm 4 offline",
      args: { bin: "/t/helm4", major: 4 as const, chartDir: "/w/a b", refresh: false },
      argv: ["/t/helm4", "dependency", "build", "/w/a b", "--skip-refresh"],
    },
  ])("$name", ({ args, argv }) => {
    expect(helmDependencyBuildArgv(args)).toEqual(argv);
  });

  test("refuses an empty chart path (helm would build the current folder)", () => {
    expect(() => helmDependencyBuildArgv({ bin: "h", major: 3, chartDir: "", refresh: false })).toThrow(
      /explicit chart path/,
    );
  });
});
