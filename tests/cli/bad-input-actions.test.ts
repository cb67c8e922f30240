// A bad input inside GitHub Actions (the runner's environment mocked: GITHUB_ACTIONS, RUNNER_TEMP): one
// ::error annotation, and the phase's results file records the error so the report's job summary names it.
// tests/action/act.test.ts runs the same through a real runner (act).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

let runner: string;
beforeAll(async () => {
  runner = tempDir("floe-bad-input-");
});
afterAll(async () => {
  await rm(runner, { recursive: true, force: true });
});

describe("a bad input in GitHub Actions", () => {
  it.each([
    ["tools install", ["tools", "install"], "tools"],
    ["gate", ["gate"], "gate"],
  ])(
    "%s: one ::error annotation, exit 2, and <phase>.results.json with status error",
    async (_n, argv, phase) => {
      const env = {
        PATH: process.env.PATH,
        GITHUB_ACTIONS: "true",
        RUNNER_TEMP: runner,
        FLOE_HELM_HELM: "5",
      };
      const r = await cli(argv, { env, cwd: runner });
      expect(r.code).toBe(2);
      expect(r.err).toBe("");
      expect(r.out).toBe("::error title=floe-helm::FLOE_HELM_HELM: expected 3, 4 or both, got '5'");
      const res = JSON.parse(await readFile(path.join(runner, "floe-helm", `${phase}.results.json`), "utf8"));
      expect(res).toMatchObject({
        phase,
        status: "error",
        error: "FLOE_HELM_HELM: expected 3, 4 or both, got '5'",
      });
    },
  );

  it("the report (which takes no helm input in action.yml) names it in the job summary", async () => {
    const summary = path.join(runner, "summary.md");
    const r = await cli(["report", "--summary", summary], {
      env: {
        PATH: process.env.PATH,
        RUNNER_TEMP: runner,
        FLOE_HELM_WORK_DIR: path.join(runner, "floe-helm"),
      },
      cwd: runner,
    });
    expect(r.code).toBe(2);
    expect(await readFile(summary, "utf8")).toMatch(
      /^\| tools \| ⚠️ error: FLOE_HELM_HELM: expected 3, 4 or both, got '5' \|/m,
    );
  });

  it("outside Actions: one plain error line, no results file", async () => {
    const dir = await mkdtemp(path.join(runner, "local-"));
    const r = await cli(["gate"], { env: { PATH: process.env.PATH, FLOE_HELM_HELM: "5" }, cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe("floe-helm: error: FLOE_HELM_HELM: expected 3, 4 or both, got '5'");
    await expect(readFile(path.join(dir, ".floe-helm", "gate.results.json"))).rejects.toThrow(/ENOENT/);
  });
});
