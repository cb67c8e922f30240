import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool } from "../helpers/tools.js";

const exec = promisify(execFile);

describe("floe-helm CLI", () => {
  it("lists its commands in --help and exits 0", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: floe-helm/);
    expect(r.out).toMatch(/\btools\b/);
    expect(r.out).toMatch(/\breport\b/);
  });

  it.each([
    [["tools", "--help"], /check/],
    [["tools", "check", "--help"], /--tools-dir/],
    [["tools", "versions", "--help"], /pinned default version/],
    [["report", "--help"], /--work-dir/],
    [["gate", "--help"], /--kube-version <X\.Y>/],
  ])("has --help on %j", async (argv, pattern) => {
    const r = await cli(argv);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(pattern);
  });

  it.each([
    { argv: [], why: "no command", msg: /Usage: floe-helm/ },
    { argv: ["frobnicate"], why: "unknown command", msg: /floe-helm: error: unknown command 'frobnicate'/ },
    { argv: ["report", "--bogus"], why: "unknown option", msg: /floe-helm: error: unknown option '--bogus'/ },
    { argv: ["tools", "check"], why: "missing --tools-dir", msg: /tools check needs --tools-dir/ },
    {
      argv: ["tools", "check", "--tools-dir", "x", "--helm", "5"],
      why: "bad --helm",
      msg: /--helm: expected 3, 4 or both, got '5'/,
    },
  ])("exits 2 with one clear line on $why", async ({ argv, msg }) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
    expect(r.err).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it("prints the version of package.json", async () => {
    const r = await cli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+$/);
  });

  // A usage error is said once, on stderr: whether the CLI rejects it before a phase starts (--helm 5) or
  // the phase finds it (no charts), then says only its verdict on stdout.
  it.each([
    {
      why: "--helm 5",
      argv: ["gate", "--helm", "5"],
      err: "floe-helm: error: --helm: expected 3, 4 or both, got '5'",
      out: /^$/,
    },
    {
      why: "a folder without charts",
      argv: ["gate", "--tools-dir", "tools"],
      err: "floe-helm: error: no charts to check: no folder under charts/ holds a Chart.yaml (pass --chart DIR or list charts in floe-gate.yaml)",
      out: /^gate: ERROR: 0 error\(s\), 0 warning\(s\), 0 waived, 0 check\(s\) in \d+\.\ds\n$/,
    },
  ])("node dist/index.js $argv: one line on stderr for $why, exit 2", async ({ argv, err, out }) => {
    const cwd = tempDir("floe-usage-");
    const r = await exec(
      process.execPath,
      [path.join(repoRoot, "dist", "index.js"), ...argv, "--work-dir", cwd],
      {
        cwd,
        env: { PATH: process.env.PATH },
      },
    ).then(
      () => ({ code: 0, stdout: "", stderr: "" }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${err}\n`);
    expect(r.stdout).toMatch(out);
  });

  // The committed bundle is what users run: check it starts and dispatches on both supported Node majors.
  it.each([
    ["node 20 (this process)", process.execPath],
    ["node 24 (scripts/tools.sh)", "node24"],
  ])("the bundled dist/index.js runs on %s", async (_name, node) => {
    const bin = node === "node24" ? tool("node24") : node;
    const { stdout: v } = await exec(bin, ["--version"]);
    expect(v).toMatch(node === "node24" ? /^v24\./ : /^v\d+\./);
    const { stdout } = await exec(bin, [path.join(repoRoot, "dist", "index.js"), "tools", "versions"]);
    expect(stdout).toMatch(/^helm3 v3\.\d+\.\d+$/m);
    const bad = await exec(bin, [path.join(repoRoot, "dist", "index.js"), "nope"]).catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown command 'nope'/);
  });
});
