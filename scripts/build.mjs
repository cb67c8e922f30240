#!/usr/bin/env node
// Bundles src/index.ts into one file with @vercel/ncc: `node scripts/build.mjs [outDir]` (default dist/).
// `--check` builds into a temporary folder and fails when the committed dist/ differs from the sources.
// Modules only some commands need (the installer, the Actions toolkit with its HTTP client) are imported
// with `import(/* webpackMode: "eager" */ ...)`: they stay in dist/index.js (one file, one licenses.txt) but
// are evaluated only when used, so `floe-helm gate` and `--version` start without them.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ncc = path.join(root, "node_modules", "@vercel", "ncc", "dist", "ncc", "cli.js");

function build(outDir) {
  try {
    execFileSync(
      process.execPath,
      [
        ncc,
        "build",
        "src/index.ts",
        "-o",
        outDir,
        "--target",
        "es2022",
        "--license",
        "licenses.txt",
        "--quiet",
      ],
      { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
    );
  } catch {
    console.error("build: ncc failed (see above)");
    process.exit(2);
  }
  chmodSync(path.join(outDir, "index.js"), 0o755);
}

function files(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

const args = process.argv.slice(2);
if (args[0] === "--check") {
  const fresh = mkdtempSync(path.join(tmpdir(), "floe-helm-dist-"));
  try {
    build(fresh);
    const committed = path.join(root, "dist");
    const want = files(fresh);
    const have = files(committed);
    const problems = [];
    for (const f of want) {
      if (!have.includes(f)) problems.push(`dist/${f} is missing`);
      else if (!readFileSync(path.join(fresh, f)).equals(readFileSync(path.join(committed, f))))
        problems.push(`dist/${f} differs from a fresh build of the sources`);
    }
    for (const f of have) if (!want.includes(f)) problems.push(`dist/${f} is not produced by the build`);
    if (problems.length) {
      for (const p of problems) console.error(`check-dist: ${p}`);
      console.error("check-dist: FAIL: dist/ does not match src/; run `npm run build` and commit dist/");
      process.exit(1);
    }
    console.log(`check-dist: OK: dist/ matches a fresh build (${want.length} files)`);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
} else {
  build(path.resolve(root, args[0] ?? "dist"));
}
