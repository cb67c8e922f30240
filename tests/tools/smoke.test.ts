// Runs the real helm 3, helm 4 and kubesec binaries and checks they are the pinned versions.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { pins } from "../../src/tools/pins.js";
import { cli } from "../helpers/cli.js";
import { tool, toolsDir } from "../helpers/tools.js";

const exec = promisify(execFile);

describe("pinned tool binaries (real)", () => {
  it.each([
    ["helm3", ["version", "--short"], pins.helm[3]],
    ["helm4", ["version", "--short"], pins.helm[4]],
    ["kubesec", ["version"], pins.kubesec],
  ] as const)("%s reports the pinned version", async (name, args, want) => {
    const { stdout } = await exec(tool(name), [...args]);
    expect(stdout).toContain(want);
  });

  it("floe-helm tools check finds all of them at their pinned versions", async () => {
    const r = await cli(["tools", "check", "--tools-dir", toolsDir]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")).toEqual([
      `helm3 ${pins.helm[3]} ${toolsDir}/helm3`,
      `helm4 ${pins.helm[4]} ${toolsDir}/helm4`,
      `kubesec ${pins.kubesec} ${toolsDir}/kubesec`,
    ]);
  });

  it("floe-helm tools check fails clearly on an empty tools folder", async () => {
    const r = await cli(["tools", "check", "--tools-dir", "/nonexistent-tools", "--helm", "4"]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("helm4 MISSING not found or not executable: /nonexistent-tools/helm4");
    expect(r.err).toMatch(/run scripts\/tools.sh/);
  });
});
