// T121: scripts/validate-quickstart.sh reads the README's two quick-start commands from README.md itself
// (.ci/run runs them through it). Here: it finds exactly the commands the README shows, and says clearly
// what is wrong when the README no longer has them. The run itself (a fresh clone, the real tools) is
// .ci/run's step: inside the suite it would build the tools and run the suite again.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/tools.js";

const script = path.join(repoRoot, "scripts", "validate-quickstart.sh");
const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The fenced block right after an introduction line, as a reader sees it. */
function blockAfter(intro: string): string[] {
  const lines = readme.split("\n");
  const at = lines.indexOf(intro);
  expect(at, `README.md has the line "${intro}"`).toBeGreaterThan(-1);
  const open = lines.indexOf("```sh", at);
  const close = lines.indexOf("```", open + 1);
  return lines.slice(open + 1, close);
}

describe("scripts/validate-quickstart.sh (T121)", () => {
  it.each([
    ["gate", "Run the main job on this repository:"],
    ["test", "Run the tests:"],
  ])("prints the README's %s command as written", (which, intro) => {
    const out = execFileSync(script, ["--print", which], { encoding: "utf8" }).trim();
    expect(out).toBe(blockAfter(intro)[0]);
  });

  it("the README's commands are the ones .ci/run must prove: the gate and the whole suite", () => {
    expect(execFileSync(script, ["--print", "gate"], { encoding: "utf8" })).toMatch(/npm run gate\n$/);
    expect(execFileSync(script, ["--print", "test"], { encoding: "utf8" })).toMatch(/npm test\n$/);
    const ci = readFileSync(path.join(repoRoot, ".ci", "run"), "utf8");
    expect(ci).toContain("scripts/validate-quickstart.sh test");
    expect(ci).toContain("scripts/validate-quickstart.sh gate");
  });

  it("a README without the quick start is one clear error, exit 1", () => {
    const d = mkdtempSync(path.join(tmpdir(), "floe-quickstart-"));
    dirs.push(d);
    mkdirSync(path.join(d, "scripts"));
    copyFileSync(script, path.join(d, "scripts", "validate-quickstart.sh"));
    writeFileSync(path.join(d, "README.md"), "# a project\n\nNo quick start here.\n");
    const r = spawnSync("bash", [path.join(d, "scripts", "validate-quickstart.sh"), "--print", "gate"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      "validate-quickstart: README.md has no line 'Run the main job on this repository:' (the quick start moved? update this script with it)",
    );
  });

  it("an unknown command is a usage error", () => {
    const r = spawnSync(script, ["deploy"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("usage: scripts/validate-quickstart.sh gate | test | --print gate|test");
  });
});
