#!/usr/bin/env node
// Bundles src/index.ts with @vercel/ncc: `node scripts/build.mjs [outDir]` (default dist/).
// `--check` builds into a temporary folder and fails when the committed dist/ differs from the sources.
// dist/index.js holds the CLI and everything `floe-helm gate` needs. What only some commands need (the
// installer and the Actions toolkit with undici, the cluster providers, install tests, upgrade-check,
// release, tar) is imported with a plain `import()`, which ncc puts in chunk files (`<id>.index.js`) loaded
// only by the commands that use them: the gate then compiles half the code at start and starts helm sooner.
// dist/licenses.txt is written here, from the modules ncc reports bundling in any file (ncc's own
// `--license` leaves out the modules of the main file once there are chunks).
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ncc = path.join(root, "node_modules", "@vercel", "ncc", "dist", "ncc", "cli.js");

function build(outDir) {
  // ncc writes only the chunks of this build: remove the previous build's, or a renamed chunk stays behind
  // (check-dist then fails with "not produced by the build").
  for (const f of existsSync(outDir) ? readdirSync(outDir) : [])
    if (/^\d+\.index\.js$/.test(f)) rmSync(path.join(outDir, f));
  const statsDir = mkdtempSync(path.join(tmpdir(), "floe-helm-stats-"));
  const stats = path.join(statsDir, "stats.json");
  try {
    execFileSync(
      process.execPath,
      [ncc, "build", "src/index.ts", "-o", outDir, "--target", "es2022", "--stats-out", stats, "--quiet"],
      { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
    );
    writeFileSync(path.join(outDir, "licenses.txt"), licenses(JSON.parse(readFileSync(stats, "utf8"))));
  } catch (e) {
    console.error(
      `build: ${e instanceof SyntaxError || e.code === "ENOENT" ? e.message : "ncc failed (see above)"}`,
    );
    // Not process.exit: the finally blocks (here and in --check) must still remove their folders.
    process.exitCode = 2;
    return false;
  } finally {
    rmSync(statsDir, { recursive: true, force: true });
  }
  chmodSync(path.join(outDir, "index.js"), 0o755);
  return true;
}

/** Every npm package with a module in the bundle (any file), as `name\nlicense\ntext\n\n`, sorted by name:
 * the layout of ncc's own licenses.txt. */
function licenses(stats) {
  const dirs = new Set();
  const visit = (mods) => {
    for (const m of mods ?? []) {
      const name = m.name ?? "";
      const i = name.lastIndexOf("node_modules/");
      if (i >= 0) {
        const rest = name.slice(i + "node_modules/".length).split("/");
        const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
        dirs.add(path.join(root, name.slice(0, i).replace(/^\.\//, ""), "node_modules", pkg));
      }
      visit(m.modules);
    }
  };
  visit(stats.modules);
  const entries = [...dirs].map((dir) => {
    const meta = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    const licence = typeof meta.license === "string" ? meta.license : (meta.license?.type ?? "UNKNOWN");
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file ? readFileSync(path.join(dir, file), "utf8") : "";
    return { name: meta.name, text: `${meta.name}\n${licence}\n${text}` };
  });
  const unique = [...new Map(entries.map((e) => [e.name, e])).values()];
  return `${unique
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => e.text)
    .join("\n\n")}`;
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
    if (!build(fresh)) throw new Error("check-dist: the build failed (see above)");
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
      // Not process.exit: the finally below must still remove the fresh build.
      process.exitCode = 1;
    } else {
      console.log(`check-dist: OK: dist/ matches a fresh build (${want.length} files)`);
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
} else {
  build(path.resolve(root, args[0] ?? "dist"));
}
