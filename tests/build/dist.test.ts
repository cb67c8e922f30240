// dist/ is committed: the check must notice when a source changes without a rebuild.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot } from "../helpers/tools.js";

const exec = promisify(execFile);

describe("check-dist", () => {
  it("passes on the committed tree and fails once src/ changes without a rebuild", async () => {
    // ncc's module ids depend on file paths, so the copy needs node_modules inside it, not a symlink:
    // hard links on the same file system (under the ignored .floe-helm/) make that cheap.
    const scratch = path.join(repoRoot, ".floe-helm");
    await mkdir(scratch, { recursive: true });
    const copy = await mkdtemp(path.join(scratch, "dist-check-"));
    for (const p of ["src", "dist", "scripts", "schemas", "package.json", "tsconfig.json"]) {
      await cp(path.join(repoRoot, p), path.join(copy, p), { recursive: true });
    }
    await exec("cp", ["-al", path.join(repoRoot, "node_modules"), path.join(copy, "node_modules")]);
    // The check's own temp dir: what it leaves there (a fresh build, ncc's stats) is checked below.
    const tmp = tempDir("floe-dist-check-tmp-");
    const check = () =>
      exec(process.execPath, [path.join(copy, "scripts", "build.mjs"), "--check"], {
        cwd: copy,
        env: { ...process.env, TMPDIR: tmp },
      });
    try {
      const ok = await check();
      expect(ok.stdout).toMatch(/check-dist: OK/);
      expect(await readdir(tmp)).toEqual([]);

      const errorsTs = path.join(copy, "src", "core", "errors.ts");
      await writeFile(
        errorsTs,
        (await readFile(errorsTs, "utf8")).replace("internal error:", "internal failure:"),
      );
      const bad = await check().catch((e) => e);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("check-dist: dist/index.js differs from a fresh build of the sources");
      expect(bad.stderr).toContain("run `npm run build` and commit dist/");
      // A failed check removes its fresh build too.
      expect(await readdir(tmp)).toEqual([]);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }, 180_000);

  it("dist/: the main file, chunks loaded on demand, and every bundled package's licence in licenses.txt", async () => {
    const files = (await readdir(path.join(repoRoot, "dist"))).sort();
    expect(files).toEqual(expect.arrayContaining(["index.js", "licenses.txt", "package.json"]));
    const chunks = files.filter((f) => /^\d+\.index\.js$/.test(f));
    expect(chunks.length).toBeGreaterThan(3);
    expect(files.filter((f) => !["index.js", "licenses.txt", "package.json", ...chunks].includes(f))).toEqual(
      [],
    );
    const licenses = await readFile(path.join(repoRoot, "dist", "licenses.txt"), "utf8");
    // Packages of the main file (the gate) and of chunks (installer, Actions toolkit, tar) alike.
    for (const dep of [
      "ajv",
      "yaml",
      "js-yaml",
      "commander",
      "semver",
      "tar",
      "undici",
      "@actions/core",
      "@actions/tool-cache",
    ])
      expect(licenses, dep).toMatch(new RegExp(`^${dep.replace("/", "\\/")}\\n[A-Za-z0-9.-]+\\n`, "m"));
    // What the gate needs is in the main file; what it does not is not (it is compiled at every start).
    const main = await readFile(path.join(repoRoot, "dist", "index.js"), "utf8");
    expect(main).toContain("runGate");
    expect(main).not.toContain("node_modules/undici/");
    expect(main.length).toBeLessThan(1.6e6);
  });

  // Start-up cost: what a command does not use is not evaluated (the installer's HTTP client, kwok's HTTPS
  // health checks). A static import of either from a command's registration loads it for every command.
  it.each([
    ["--version", ["--version"]],
    ["gate --help", ["gate", "--help"]],
    ["cluster --help", ["cluster", "--help"]],
  ])("`floe-helm %s` loads no network module (http, https, tls, dns)", async (_, args) => {
    const hook = path.join(tempDir("floe-mods-"), "mods.mjs");
    await writeFile(
      hook,
      'process.on("exit", () => process.stderr.write("MODS " + process.moduleLoadList.filter((m) => /^NativeModule (https?|tls|dns)$/.test(m)).join(",") + "\\n"));\n',
    );
    try {
      const r = await exec(
        process.execPath,
        ["--import", `file://${hook}`, path.join(repoRoot, "dist", "index.js"), ...args],
        {
          cwd: repoRoot,
        },
      );
      expect(r.stderr).toContain("MODS \n");
    } finally {
      await rm(path.dirname(hook), { recursive: true, force: true });
    }
  });
});
