// Planted defects: each is a breaking edit the suite must catch. A copy of this repository gets one plant at a
// time; the smallest test files that must catch it run there (vitest, in a separate process) and must fail.
// A control run of the same files on the unplanted copy must pass, so a failure is the plant's doing.
// The plants are the defects issue 20 found green: the action's Node check disabled, its tools and gate
// steps given other commands, a step's input dropped, an `if:` broken, helm's failure in the manifest
// fixture. Each edit asserts the text it replaces is there: a plant that no longer applies fails loudly.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

interface Plant {
  name: string;
  file: string;
  from: string;
  to: string;
  /** Test files (and optionally a -t name filter) that must fail with the plant in place. */
  catchers: Array<{ files: string[]; filter?: string }>;
}

const ACTION = "action.yml";
const actDefault = { files: ["tests/action/act.test.ts"], filter: "default inputs" };
const plants: Plant[] = [
  {
    name: "action: the Node.js check disabled (its script exits 0 first)",
    file: ACTION,
    from: "      run: |\n        if ! command -v node >/dev/null; then",
    to: "      run: |\n        exit 0\n        if ! command -v node >/dev/null; then",
    catchers: [{ files: ["tests/action/node-check.test.ts"] }],
  },
  {
    name: "action: the tools step installs only helm",
    file: ACTION,
    from: 'run: node "$GITHUB_ACTION_PATH/dist/index.js" tools install\n',
    to: 'run: node "$GITHUB_ACTION_PATH/dist/index.js" tools install --only helm\n',
    catchers: [{ files: ["tests/action/action.test.ts"] }, actDefault],
  },
  {
    name: "action: the gate step runs with an unknown flag",
    file: ACTION,
    from: 'run: node "$GITHUB_ACTION_PATH/dist/index.js" gate\n',
    to: 'run: node "$GITHUB_ACTION_PATH/dist/index.js" gate --no-such-flag\n',
    catchers: [{ files: ["tests/action/action.test.ts"] }, actDefault],
  },
  {
    name: "action: the gate step's env: drops FLOE_HELM_TOOLS_DIR",
    file: ACTION,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
    from: "      if: inputs.gate == 'true'\n      shell: bash\n      env:\n        FLOE_HELM_WORK_DIR: ${{ inputs.work-dir }}\n        FLOE_HELM_TOOLS_DIR: ${{ inputs.tools-dir }}\n",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
    to: "      if: inputs.gate == 'true'\n      shell: bash\n      env:\n        FLOE_HELM_WORK_DIR: ${{ inputs.work-dir }}\n",
    catchers: [
      { files: ["tests/action/action.test.ts"] },
      { files: ["tests/action/act.test.ts"], filter: "tools-dir and upgrade-base given" },
    ],
  },
  {
    name: "action: the tools step's if: inverted",
    file: ACTION,
    from: "      if: inputs.tools-dir == ''\n",
    to: "      if: inputs.tools-dir != ''\n",
    catchers: [{ files: ["tests/action/action.test.ts"] }, actDefault],
  },
  {
    name: "action: cluster down no longer runs after a failed install test's cluster",
    file: ACTION,
    from: "      if: \"always() && steps.cluster.outcome != 'skipped'\"\n",
    to: "      if: \"steps.cluster.outcome == 'success'\"\n",
    catchers: [{ files: ["tests/action/action.test.ts"] }],
  },
  {
    name: "helm fails on the manifest fixture ({{ fail }} in a template)",
    file: "tests/fixtures/manifest/web/templates/configmap.yaml",
    from: "kind: ConfigMap\n",
    to: 'kind: ConfigMap\n{{ fail "planted" }}\n',
    catchers: [{ files: ["tests/helm/manifest.test.ts"] }],
  },
];

/** vitest in `dir` on `files`, output without colours. */
function vitest(
  dir: string,
  files: string[],
  filter?: string,
): Promise<{ code: number | null; out: string }> {
  const args = [path.join(dir, "node_modules", "vitest", "vitest.mjs"), "run", ...files];
  if (filter) args.push("-t", filter);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: dir,
      env: {
        ...process.env,
        FLOE_TOOLS_DIR: path.dirname(toolsDir),
        NO_COLOR: "1",
        FORCE_COLOR: "0",
        CI: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => out.push(d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out: Buffer.concat(out).toString() }));
  });
}

const failedTests = (out: string) => /^\s*Tests\s+(\d+) failed/m.exec(out)?.[1];
const failedNames = (out: string) =>
  out
    .split("\n")
    .filter((l) => /^\s*(×|FAIL)\s/.test(l))
    .slice(0, 8)
    .join("\n");

let copy: string;
beforeAll(async () => {
  // Every tracked and not ignored file, as a checkout has them (dist/ included); node_modules linked.
  copy = path.join(tempDir("floe-plants-"), "repo");
  mkdirSync(copy);
  const { execFileSync } = await import("node:child_process");
  const files = execFileSync("git", ["ls-files", "-z", "-c", "-o", "--exclude-standard"], {
    cwd: repoRoot,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const f of files) {
    try {
      cpSync(path.join(repoRoot, f), path.join(copy, f), { preserveTimestamps: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(copy, "node_modules"));
  // The act tests list the checkout's files with git.
  const git = (...a: string[]) => execFileSync("git", a, { cwd: copy, stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
}, 120_000);

describe("planted defects: the suite catches each one", () => {
  it("control: the catching test files pass on the unplanted copy (static and fast ones)", async () => {
    const files = [
      ...new Set(plants.flatMap((p) => p.catchers.filter((c) => !c.filter).flatMap((c) => c.files))),
    ];
    const r = await vitest(copy, files);
    expect(r.code, r.out.slice(-4000)).toBe(0);
  }, 300_000);

  for (const p of plants) {
    it(`${p.name}: caught by ${p.catchers.map((c) => c.files.join(", ") + (c.filter ? ` -t "${c.filter}"` : "")).join("; ")}`, async () => {
      const file = path.join(copy, p.file);
      const original = readFileSync(file, "utf8");
      expect(original.split(p.from).length - 1, `the text the plant replaces, once in ${p.file}`).toBe(1);
      writeFileSync(file, original.replace(p.from, p.to));
      try {
        for (const c of p.catchers) {
          const r = await vitest(copy, c.files, c.filter);
          const label = `${c.files.join(" ")}${c.filter ? ` -t ${c.filter}` : ""}`;
          expect(r.code, `${label} passed with the plant:\n${r.out.slice(-3000)}`).toBe(1);
          // Failed by its tests' assertions (not only by, say, a leftover found after the run).
          expect(Number(failedTests(r.out) ?? 0), `${label}:\n${r.out.slice(-3000)}`).toBeGreaterThan(0);
          expect(failedNames(r.out)).not.toBe("");
        }
      } finally {
        writeFileSync(file, original);
      }
    }, 900_000);
  }
});
