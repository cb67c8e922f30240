import { describe, expect, it } from "vitest";
import { parseVersion, versionArgv } from "../../src/tools/argv.js";

describe("version argv builders", () => {
  it.each([
    ["helm", ["/b/helm", "version", "--short"]],
    ["kubesec", ["/b/kubesec", "version"]],
    ["kind", ["/b/kind", "version"]],
    ["kubectl", ["/b/kubectl", "version", "--client", "-o", "json"]],
  ] as const)("%s", (name, want) => {
    expect(versionArgv[name](`/b/${name}`)).toEqual(want);
  });
});

describe("parseVersion", () => {
  it.each([
    ["v3.22.0", "v3.22.0"],
    ["v4.3.1+gabc", "v4.3.1"],
    ["version v2.14.2\ngit commit unknown", "v2.14.2"],
    ["kind v0.33.0 go1.26.8 linux/amd64", "v0.33.0"],
    ['{"clientVersion":{"gitVersion":"v1.37.0"}}', "v1.37.0"],
    ["version 2.14.2", "v2.14.2"],
    ["no version here", undefined],
  ])("%j -> %s", (text, want) => {
    expect(parseVersion(text)).toBe(want);
  });
});
