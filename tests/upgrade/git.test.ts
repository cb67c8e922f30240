// The git calls of upgrade-check as pure argv tables (nothing runs here; upgrade-check.test.ts runs them).
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors.js";
import { checkRef, gitArgv, presentPaths } from "../../src/upgrade/git.js";
import { helmShowChartArgv } from "../../src/upgrade/run.js";

describe("git argv", () => {
  it.each([
    { name: "toplevel", argv: gitArgv.toplevel(), want: ["git", "rev-parse", "--show-toplevel"] },
    {
      name: "resolve a ref to its commit (a tag is peeled)",
      argv: gitArgv.resolve("v1.2.0"),
      want: ["git", "rev-parse", "--verify", "--quiet", "v1.2.0^{commit}"],
    },
    {
      name: "merge base",
      argv: gitArgv.mergeBase("HEAD", "abc"),
      want: ["git", "merge-base", "HEAD", "abc"],
    },
    {
      name: "list the files under the wanted paths",
      argv: gitArgv.listFiles("abc", ["charts/a", "charts/a/ci/x-values.yaml"]),
      want: [
        "git",
        "ls-tree",
        "-r",
        "-z",
        "--name-only",
        "abc",
        "--",
        "charts/a",
        "charts/a/ci/x-values.yaml",
      ],
    },
    {
      name: "archive only those paths, to a file (no checkout, no worktree metadata)",
      argv: gitArgv.archive("abc", "/w/base.tar", ["charts/a"]),
      want: ["git", "archive", "--format=tar", "--output=/w/base.tar", "abc", "--", "charts/a"],
    },
    {
      name: "helm show chart of a packaged --base-chart",
      argv: helmShowChartArgv("/t/helm4", "/p/app-0.1.0.tgz"),
      want: ["/t/helm4", "show", "chart", "/p/app-0.1.0.tgz"],
    },
  ])("$name", ({ argv, want }) => {
    expect(argv).toEqual(want);
  });
});

describe("checkRef", () => {
  it.each(["origin/main", "v1.2.0", "HEAD~1", "abc1234", "release/2026-11"])("accepts %s", (ref) => {
    expect(checkRef(ref, "--base")).toBe(ref);
  });
  it.each(["--output=x", "-h", "a b", ""])("refuses %j", (ref) => {
    expect(() => checkRef(ref, "--base")).toThrow(UserError);
  });
});

describe("presentPaths", () => {
  it.each([
    { listed: ["charts/a/Chart.yaml"], paths: ["charts/a"], want: ["charts/a"] },
    { listed: ["charts/ab/Chart.yaml"], paths: ["charts/a"], want: [] },
    {
      listed: ["charts/a/values-x.yaml"],
      paths: ["charts/a/values-x.yaml", "charts/a/values-y.yaml"],
      want: ["charts/a/values-x.yaml"],
    },
  ])("$paths in $listed", ({ listed, paths, want }) => {
    expect(presentPaths(listed, paths)).toEqual(want);
  });
});
