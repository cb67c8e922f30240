#!/usr/bin/env node
// Proof for chart refactors that must not change what the charts render: renders every chart under charts/
// (library charts excepted) with values.yaml alone, each values-*.yaml and each ci/*-values.yaml, and with
// the values of each scenario floe-gate.yaml declares (charts[].scenarios, the e2e platform and product; the
// working tree's floe-gate.yaml names them on both sides, each file read from its side), with helm 3 and
// helm 4, once at a git ref (exported with `git archive`, nothing checked out) and once in the working tree,
// and compares the outputs. Same release name and namespace on both sides.
//
//   --strict (default): byte for byte (but for generated passwords, random on every render).
//   --documents: as a set of documents, each without its "# Source:" line and trailing blank lines
//     (splitting a template file moves objects between files and may reorder objects of one kind; helm 4
//     prints a hook's manifest untrimmed, so a hook that was followed by another object in its old file
//     had a trailing blank line; nothing else may change).
//
// Usage: node scripts/render-compare.mjs <git-ref> [--documents] [--tools-dir DIR]
// Exits 1 on any difference and prints the first differing lines of each. Charts with a dependency the
// chart folder does not vendor are rendered from a copy built with `helm dependency build`.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";

const args = process.argv.slice(2);
const ref = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--tools-dir");
const documents = args.includes("--documents");
const toolsAt = args.indexOf("--tools-dir");
const toolsDir = toolsAt >= 0 ? args[toolsAt + 1] : path.join(process.env.FLOE_TOOLS_DIR ?? ".tools", "bin");
if (!ref) {
  console.error("usage: node scripts/render-compare.mjs <git-ref> [--documents] [--tools-dir DIR]");
  process.exit(2);
}
const RELEASE = "floe";
const NAMESPACE = "floe-ns";
const top = execFileSync("git", ["rev-parse", "--show-toplevel"], { encoding: "utf8" }).trim();
const tmp = mkdtempSync(path.join(os.tmpdir(), "render-compare-"));

function charts(root) {
  const dir = path.join(root, "charts");
  return readdirSync(dir)
    .sort()
    .filter((n) => existsSync(path.join(dir, n, "Chart.yaml")))
    .filter((n) => parse(readFileSync(path.join(dir, n, "Chart.yaml"), "utf8"))?.type !== "library");
}

/** Scenarios found in a chart's folder; their files relative to the repository's top. */
function scenarios(chart) {
  const dir = path.join(top, "charts", chart);
  const at = (f) => path.posix.join("charts", chart, f);
  const out = [{ name: "default", files: [] }];
  for (const f of readdirSync(dir).sort())
    if (/^values-.+\.ya?ml$/.test(f)) out.push({ name: f, files: [at(f)] });
  const ci = path.join(dir, "ci");
  if (existsSync(ci))
    for (const f of readdirSync(ci).sort())
      if (/-values\.ya?ml$/.test(f)) out.push({ name: `ci/${f}`, files: [at(`ci/${f}`)] });
  return out;
}

/** The scenarios floe-gate.yaml declares, per chart folder name: charts[].scenarios, e2e's platform (its
 * scenario's values, then its own) and product. */
function declared() {
  const file = path.join(top, "floe-gate.yaml");
  const out = new Map();
  if (!existsSync(file)) return out;
  const cfg = parse(readFileSync(file, "utf8")) ?? {};
  const add = (dir, name, files) => {
    const chart = path.basename(dir);
    out.set(chart, [...(out.get(chart) ?? []), { name: `floe-gate.yaml ${name}`, files }]);
  };
  const own = (dir, name) =>
    cfg.charts
      ?.find((c) => path.basename(c.dir) === path.basename(dir))
      ?.scenarios?.find((s) => s.name === name)?.values ??
    scenarios(path.basename(dir)).find(
      (s) => s.name === `values-${name}.yaml` || s.name === `ci/${name}-values.yaml`,
    )?.files;
  for (const c of cfg.charts ?? []) for (const s of c.scenarios ?? []) add(c.dir, s.name, s.values);
  const p = cfg.e2e?.platform;
  if (p)
    add(p.chart, `e2e platform (${p.scenario})`, [...(own(p.chart, p.scenario) ?? []), ...(p.values ?? [])]);
  const d = cfg.e2e?.product;
  if (d) add(d.chart, "e2e product", d.values ?? []);
  return out;
}

/** `helm template` of the chart folder `chartDir`, with values files relative to `root`. */
function render(helm, chartDir, root, files) {
  try {
    return execFileSync(
      helm,
      [
        "template",
        RELEASE,
        ".",
        "--namespace",
        NAMESPACE,
        ...files.flatMap((f) => ["-f", path.join(root, f)]),
      ],
      { cwd: chartDir, encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (e) {
    return `RENDER FAILED: ${String(e.stderr).trim()}`;
  }
}

/** A chart folder helm can render: itself, or a copy with its dependencies built (file:// siblings too). */
function renderable(root, name, helm) {
  const dir = path.join(root, "charts", name);
  const y = parse(readFileSync(path.join(dir, "Chart.yaml"), "utf8"));
  const deps = y?.dependencies ?? [];
  const vendored = existsSync(path.join(dir, "charts")) ? readdirSync(path.join(dir, "charts")) : [];
  if (deps.every((d) => vendored.some((f) => f.startsWith(`${d.name}-`) || f === d.name))) return dir;
  const copy = mkdtempSync(path.join(tmp, "deps-"));
  cpSync(path.join(root, "charts"), path.join(copy, "charts"), { recursive: true });
  execFileSync(helm, ["dependency", "build", path.join(copy, "charts", name)], { stdio: "ignore" });
  return path.join(copy, "charts", name);
}

// Generated credentials (randAlphaNum 32, base64: 44 characters) differ on every render.
const unrandom = (text) => text.replace(/^(\s+[\w.-]+: )"[A-Za-z0-9+/]{43}="$/gm, '$1"<generated>"');
const normalize = (raw) => {
  const text = unrandom(raw);
  return documents
    ? text
        .split(/^---\n/m)
        .map((d) => `${d.replace(/^# Source: .*\n/m, "").trimEnd()}\n`)
        .filter((d) => d.trim())
        .sort()
        .join("---\n")
    : text;
};

try {
  const base = path.join(tmp, "base");
  const extra = declared();
  // Declared values files outside charts/ come from the ref too (those it has: a scenario with one it lacks
  // renders "RENDER FAILED" on that side and differs).
  const atRef = (f) => {
    try {
      execFileSync("git", ["-C", top, "cat-file", "-e", `${ref}:${f}`], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  const outside = [...new Set([...extra.values()].flat().flatMap((s) => s.files))]
    .filter((f) => !f.startsWith("charts/"))
    .filter(atRef);
  mkdirSync(base, { recursive: true });
  const tar = execFileSync("git", ["-C", top, "archive", "--format=tar", ref, "--", "charts", ...outside], {
    maxBuffer: 256 << 20,
  });
  execFileSync("tar", ["-x", "-C", base], { input: tar });
  let compared = 0;
  const differing = [];
  for (const major of [3, 4]) {
    const helm = path.resolve(toolsDir, `helm${major}`);
    for (const chart of charts(top)) {
      if (!existsSync(path.join(base, "charts", chart))) {
        console.log(`${chart}: not at ${ref}, nothing to compare`);
        continue;
      }
      const after = renderable(top, chart, helm);
      const before = renderable(base, chart, helm);
      const list = [...scenarios(chart), ...(extra.get(chart) ?? [])];
      console.log(`helm${major} ${chart}: ${list.map((s) => s.name).join(", ")}`);
      for (const s of list) {
        const a = normalize(render(helm, before, base, s.files));
        const b = normalize(render(helm, after, top, s.files));
        compared++;
        if (a === b) continue;
        const al = a.split("\n");
        const bl = b.split("\n");
        const i = al.findIndex((l, k) => l !== bl[k]);
        differing.push(`helm${major} ${chart} ${s.name}: line ${i + 1}: '${al[i]}' != '${bl[i]}'`);
      }
    }
  }
  const how = documents ? "as sets of documents without '# Source:' lines" : "byte for byte";
  if (differing.length) {
    console.error(`${differing.length} of ${compared} renders differ from ${ref} (${how}):`);
    for (const d of differing) console.error(`  ${d}`);
    process.exitCode = 1;
  } else console.log(`${compared} renders identical to ${ref} (${how})`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
