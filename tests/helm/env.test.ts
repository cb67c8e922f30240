// The helm environments of src/helm/env.ts: the isolated one test and upgrade install with, and that helm
// run in it really keeps its config, cache and data there (the real helm binary).
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runTool } from "../../src/exec/runner.js";
import { isolatedHelmEnv } from "../../src/helm/env.js";
import { tempDir } from "../helpers/tmp.js";
import { tool } from "../helpers/tools.js";

describe("isolatedHelmEnv", () => {
  it("roots HOME and helm's config, cache and data under <workDir>/<name>, keeping only PATH", () => {
    const env = isolatedHelmEnv("/w", "test-helm-home");
    expect(env).toEqual({
      PATH: process.env.PATH,
      HOME: "/w/test-helm-home",
      HELM_CACHE_HOME: "/w/test-helm-home/cache",
      HELM_CONFIG_HOME: "/w/test-helm-home/config",
      HELM_DATA_HOME: "/w/test-helm-home/data",
    });
  });

  it("helm run in it reports those folders as its own", async () => {
    const work = tempDir("floe-helm-env-");
    const env = isolatedHelmEnv(work, "h");
    const r = await runTool([tool("helm4"), "env"], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`HELM_CACHE_HOME="${path.join(work, "h", "cache")}"`);
    expect(r.stdout).toContain(`HELM_CONFIG_HOME="${path.join(work, "h", "config")}"`);
    expect(r.stdout).toContain(`HELM_DATA_HOME="${path.join(work, "h", "data")}"`);
    expect(existsSync(path.join(work, "h"))).toBe(false); // `helm env` reads, never creates
  });
});
