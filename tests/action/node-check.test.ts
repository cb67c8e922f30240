// action.yml's first step, "check Node.js", run the way a runner runs a composite step with `shell: bash`
// (bash --noprofile --norc -eo pipefail, its env: from action.yml). Real: bash, this machine's node, the
// step's script. Stand-ins, named in the test titles: a PATH with no node on it, and a too-old (or just
// new enough) Node, which is this node with process.versions.node rewritten before the script runs, since
// no old Node is installed here. The step as a whole, on a real runner, is covered by act.test.ts.
import { spawnSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/tmp.js";
import { action } from "./action-yml.js";

const step = action.runs.steps.find((s) => s.name === "floe-helm · check Node.js");

function runCheck(pathDirs: string[]) {
  if (!step?.run) throw new Error("action.yml has no step 'floe-helm · check Node.js' with a run: script");
  return spawnSync("/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], {
    env: { ...step.env, PATH: pathDirs.join(path.delimiter) },
    encoding: "utf8",
  });
}

/** A folder whose `node` is this node reporting `version` as process.versions.node (a stand-in). */
function nodeReporting(version: string): string {
  const dir = tempDir("floe-node-standin-");
  const preload = path.join(dir, "version.cjs");
  writeFileSync(
    preload,
    `Object.defineProperty(process.versions, "node", { value: ${JSON.stringify(version)} });\n`,
  );
  const shim = path.join(dir, "node");
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" --require "${preload}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

describe("action.yml step 'check Node.js' (bash runs its script as a runner would)", () => {
  it("passes with this machine's node (>= 20.19)", () => {
    const r = runCheck([path.dirname(process.execPath), "/usr/bin", "/bin"]);
    expect(r.stdout).toBe(`Node.js ${process.versions.node} OK\n`);
    expect(r.status).toBe(0);
  });

  it("fails with an error annotation when no node is on PATH (stand-in: a PATH without node)", () => {
    const r = runCheck([tempDir("floe-no-node-")]);
    expect(r.stdout).toMatch(/^::error title=floe-helm::Node\.js is not installed on this runner/m);
    expect(r.status).toBe(1);
  });

  it.each(["20.18.3", "18.20.4", "16.0.0"])(
    "fails with an error annotation on Node %s (stand-in: this node reporting that version)",
    (version) => {
      const r = runCheck([nodeReporting(version), "/usr/bin", "/bin"]);
      expect(r.stdout).toContain(
        `::error title=floe-helm::Node.js ${version} is too old: floe-helm needs Node.js >= 20.19.0`,
      );
      expect(r.status).toBe(1);
    },
  );

  it.each(["20.19.0", "21.0.0", "24.1.0"])(
    "passes on Node %s (stand-in: this node reporting that version)",
    (version) => {
      const r = runCheck([nodeReporting(version), "/usr/bin", "/bin"]);
      expect(r.stdout).toBe(`Node.js ${version} OK\n`);
      expect(r.status).toBe(0);
    },
  );
});
