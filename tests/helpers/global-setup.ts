// Once per run, in the main vitest process:
// - fails the whole run up front, with one message, when the pinned tools are not built;
// - gives the run its own temp dir (TMPDIR) and HOME, inherited by every test worker and every program a test
//   starts, so no test reads or writes the user's caches (~/.cache/floe-helm: tools, compiled validators);
// - afterwards fails the run, listing them, if any test left anything in that temp dir or changed the user's
//   ~/.cache/floe-helm. Then removes the run's folders.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { tool } from "./tools.js";

/** Left in the temp dir on purpose by the product, not by a test: the k8s schema folder kubeconform reads,
 * which floe-helm keeps in the temp dir across runs by design (src/k8s/kubeconform-dir.ts). */
const PRODUCT_TEMP_CACHES = new Set(["floe-helm-kubeconform"]);

/** Every path under `dir` (to two levels), sorted; empty when it does not exist. */
function listing(dir: string, depth = 2): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    out.push(e.name);
    if (depth > 1 && e.isDirectory()) {
      for (const sub of listing(path.join(dir, e.name), depth - 1)) out.push(`${e.name}/${sub}`);
    }
  }
  return out.sort();
}

export default function setup(): () => void {
  for (const t of ["helm3", "helm4", "kubesec"] as const) tool(t);

  const userCache = path.join(
    process.env.XDG_CACHE_HOME || path.join(process.env.HOME || os.homedir(), ".cache"),
    "floe-helm",
  );
  const userCacheBefore = listing(userCache);

  const root = mkdtempSync(path.join(os.tmpdir(), "floe-test-run-"));
  const tmp = path.join(root, "tmp");
  const home = path.join(root, "home");
  mkdirSync(tmp);
  mkdirSync(home);
  process.env.TMPDIR = tmp;
  process.env.HOME = home;
  delete process.env.XDG_CACHE_HOME;
  // Under `npm test`/`npx`, npm exports its cache folder (the user's ~/.npm): the tests' own npm commands
  // (npm pack, npm install) would log and cache there. Without it npm uses the run's HOME.
  for (const k of Object.keys(process.env))
    if (/^npm_config_(cache|logs_dir)$/i.test(k)) delete process.env[k];

  return () => {
    const left = readdirSync(tmp).filter((e) => !PRODUCT_TEMP_CACHES.has(e));
    const after = listing(userCache);
    const cacheAdded = after.filter((e) => !userCacheBefore.includes(e));
    const cacheRemoved = userCacheBefore.filter((e) => !after.includes(e));
    rmSync(root, { recursive: true, force: true });
    const problems: string[] = [];
    if (left.length > 0) {
      problems.push(
        `tests left ${left.length} entries in the temp dir ${tmp} (make scratch folders with tempDir() from tests/helpers/tmp.ts):\n  ${left.sort().join("\n  ")}`,
      );
    }
    if (cacheAdded.length + cacheRemoved.length > 0) {
      problems.push(
        `tests changed the user's cache ${userCache}: added ${JSON.stringify(cacheAdded)}, removed ${JSON.stringify(cacheRemoved)}`,
      );
    }
    if (problems.length > 0) {
      // vitest reports a teardown error but keeps its exit status: fail the run's exit status too, after
      // vitest has chosen it.
      process.on("exit", () => {
        process.exitCode = 1;
      });
      throw new Error(problems.join("\n"));
    }
  };
}
