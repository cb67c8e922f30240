import { chmodSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { runTool, startArgv } from "../../src/exec/runner.js";
import { tempDir } from "../helpers/tmp.js";

const dir = tempDir("floe-runner-");
const notExecutable = path.join(dir, "plain-file");
writeFileSync(notExecutable, "#!/bin/sh\n");
chmodSync(notExecutable, 0o644);
const nice = ["/usr/bin/nice", "/bin/nice"].find((f) => existsSync(f));

test("this machine has nice (coreutils): the low-priority tests below need it", () => {
  expect(nice, "install coreutils (nice)").toBeDefined();
});

test.each([
  ["normal priority: as given", [process.execPath, "-v"], false, [process.execPath, "-v"]],
  [
    "low priority: behind nice -n 10",
    [process.execPath, "-v"],
    true,
    [nice, "-n", "10", process.execPath, "-v"],
  ],
  [
    "low priority, missing program: as given (reported as missing)",
    [path.join(dir, "gone")],
    true,
    [path.join(dir, "gone")],
  ],
  ["low priority, not executable: as given (reported as such)", [notExecutable], true, [notExecutable]],
])("startArgv: %s", (_, argv, low, expected) => {
  expect(startArgv(argv as string[], low as boolean)).toEqual(expected);
});

test("a low-priority run really runs at niceness 10 (nice without arguments prints its own)", async () => {
  const r = await runTool([nice!], { lowPriority: true });
  expect(r.stdout.trim()).toBe(String(Math.min(19, Number((await runTool([nice!])).stdout.trim()) + 10)));
});

test.each([
  [path.join(dir, "gone"), "no such file"],
  [notExecutable, "not executable"],
])("low priority keeps the start errors: %s -> %s", async (bin, message) => {
  await expect(runTool([bin], { lowPriority: true })).rejects.toThrow(message);
});
