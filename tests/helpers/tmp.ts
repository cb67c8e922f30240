// The one way tests make scratch folders: tempDir() creates it under the run's temp dir, and the setup file
// (tests/helpers/setup.ts) removes every folder made this way after each test file, whatever happened.
// Nothing else may be left behind: the global teardown (tests/helpers/global-setup.ts) lists what is.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const made: string[] = [];

/** A new empty folder `<tmpdir>/<prefix>XXXXXX`, removed after the current test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made (the setup file's afterAll). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
