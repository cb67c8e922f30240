#!/usr/bin/env node
// Benchmark (not a test): `floe-helm gate` against the bare tool calls it replaces, run one after another in a
// shell script: per chart x scenario x helm major one `helm lint --strict` and one `helm template`, plus one
// `kubesec scan` of each rendered manifest (offline, like the gate). Then how the gate's time grows with the
// number of scenarios (1, 4, 16 scenarios of one chart, each its first scenario with one distinct annotation,
// so every scenario renders differently, as real ones do: identical copies would let the gate share the parse
// and the kubesec scan between them, and the line would count that shared work as start-up): a
// least-squares line t = startup + n * per-scenario, for wall time and for CPU time. Runs that are compared
// are interleaved (bare, gate, bare, gate, ...; 1, 4, 16, 1, 4, 16, ...) so that a slow spell of a shared
// machine does not land on one of them only.
//
//   npm run build && node bench/gate-bench.mjs [--tools-dir .tools/bin] [--charts charts] [--reps 3] [--helm both]
//                                              [--scale-chart floe-platform] [--node /path/to/node]
//                                              [--dead-value-sizes 5000,20000,50000] [--dead-value-only]
//                                              [--ablate]
//
// --ablate: what each piece of the speed work (src/perf/switches.ts) buys: the gate over the charts with
// every piece on, with each piece off on its own (FLOE_HELM_PERF_OFF=<piece>) and with all off, interleaved;
// wall and CPU per variant and its cost against all on. Replaces only `ablation` in bench/results.json.
//
// Then large values files (issue 12): a small generated chart whose scenario sets `misspelt:`, a key no
// template reads, holding n keys (--dead-value-sizes), against the bare calls on the same input; the ratio of
// the largest to the smallest says whether the cost grows linearly (target: 50k keys <= 15x 5k keys).
// --dead-value-only runs only that part and replaces only `deadValue` in bench/results.json.
//
// --node runs the gate (and `--version`) with another Node.js binary (e.g. Node 24, what the action asks
// runners for), this script itself still runs on the current one.
//
// Prints a Markdown table (paste it into the README) and writes bench/results.json. Run it on an otherwise
// idle machine: the target is gate <= 1.0x the bare script on 2 cores, start-up < 0.5 s. Beside each wall
// time, the CPU time of everything the run started (Linux): it varies far less with other load on the
// machine than wall time does, so compare CPU when the machine is not idle.
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const cwd = process.cwd();
const toolsDir = path.resolve(cwd, opt("tools-dir", path.join(root, ".tools", "bin")));
const chartsDir = path.resolve(cwd, opt("charts", "charts"));
const reps = Number(opt("reps", "3"));
const helmOpt = opt("helm", "both");
const majors = helmOpt === "both" ? [3, 4] : [Number(helmOpt)];
const gateBin = path.join(root, "dist", "index.js");
const nodeBin = path.resolve(cwd, opt("node", process.execPath));
const deadSizes = opt("dead-value-sizes", "5000,20000,50000").split(",").map(Number);
const deadOnly = args.includes("--dead-value-only");
const ablate = args.includes("--ablate");

for (const t of [...majors.map((m) => `helm${m}`), "kubesec"]) {
  if (!existsSync(path.join(toolsDir, t))) {
    console.error(`bench: ${t} missing in ${toolsDir} (run scripts/tools.sh or pass --tools-dir)`);
    process.exit(2);
  }
}
if (!existsSync(gateBin)) {
  console.error("bench: dist/index.js missing: run npm run build");
  process.exit(2);
}

/** The scenarios the gate finds without a config: values-*.yaml and ci/*-values.yaml, else defaults. */
function scenarios(chartDir) {
  const files = [];
  for (const f of readdirSync(chartDir).sort())
    if (/^values-.+\.ya?ml$/.test(f)) files.push(path.join(chartDir, f));
  const ci = path.join(chartDir, "ci");
  if (existsSync(ci))
    for (const f of readdirSync(ci).sort()) if (/-values\.ya?ml$/.test(f)) files.push(path.join(ci, f));
  return files.length ? files.map((f) => [f]) : [[]];
}

function charts(dir) {
  return readdirSync(dir)
    .map((d) => path.join(dir, d))
    .filter((d) => existsSync(path.join(d, "Chart.yaml")))
    .sort();
}

const q = (s) => `'${s.replace(/'/g, "'\\''")}'`;

/** The bare tool calls, one after another, as a user's shell script would run them. */
function bareScript(chartList, kubeconformDir, kubeVersion, out) {
  const lines = ["set -u", `out=${q(out)}`];
  let n = 0;
  for (const chart of chartList) {
    for (const values of scenarios(chart)) {
      const f = values.map((v) => `-f ${q(v)}`).join(" ");
      for (const m of majors) {
        const helm = q(path.join(toolsDir, `helm${m}`));
        const manifest = `"$out/${n++}.yaml"`;
        lines.push(`${helm} lint ${q(chart)} --strict --namespace floe-gate ${f} >/dev/null 2>&1 || true`);
        lines.push(
          `${helm} template floe-gate ${q(chart)} --namespace floe-gate ${f} > ${manifest} 2>/dev/null || true`,
        );
        lines.push(
          `${q(path.join(toolsDir, "kubesec"))} scan --exit-code 0 --format json --schema-location ${q(kubeconformDir)} --kubernetes-version ${kubeVersion} ${manifest} >/dev/null 2>&1 || true`,
        );
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/** CPU seconds (user + system) of this process's waited-for children so far: Linux /proc, else undefined. */
function childrenCpu() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 16 and 17 of stat(5) (cutime, cstime), here 13 and 14 after pid and comm; USER_HZ is 100.
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return undefined;
  }
}

let lastCpu;
/** Wall seconds of fn; its children's CPU seconds (helm, kubesec, the gate itself) land in lastCpu. */
function time(fn) {
  const c = childrenCpu();
  const t = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  const c2 = childrenCpu();
  lastCpu = c === undefined || c2 === undefined ? undefined : c2 - c;
  return wall;
}

/** Runs each of `fns` once per round, `reps` rounds, interleaved (a slow spell of a shared machine then falls
 * on all of them alike, not on whichever ran during it); per fn: median wall, median CPU of everything it
 * started, median CPU of the gate's own node process (written by bench/cpu-usage.mjs). */
function measureEach(fns) {
  const runs = fns.map(() => ({ walls: [], cpus: [], own: [] }));
  for (let r = 0; r < reps; r++) {
    fns.forEach((fn, i) => {
      rmSync(cpuFile, { force: true });
      runs[i].walls.push(time(fn));
      if (lastCpu !== undefined) runs[i].cpus.push(lastCpu);
      if (existsSync(cpuFile))
        for (const l of readFileSync(cpuFile, "utf8").trim().split("\n")) {
          const u = JSON.parse(l);
          runs[i].own.push(u.user + u.system);
        }
    });
  }
  return runs.map((m) => ({
    seconds: median(m.walls),
    cpuSeconds: m.cpus.length ? median(m.cpus) : undefined,
    gateCpuSeconds: m.own.length ? median(m.own) : undefined,
  }));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function gate(extra, where = cwd, env = process.env) {
  const r = spawnSync(
    nodeBin,
    [
      "--import",
      pathToFileURL(path.join(root, "bench", "cpu-usage.mjs")).href,
      gateBin,
      "gate",
      "--tools-dir",
      toolsDir,
      "--helm",
      helmOpt,
      "--work-dir",
      path.join(tmp, "work"),
      ...extra,
    ],
    {
      cwd: where,
      encoding: "utf8",
      env: { ...env, FLOE_BENCH_CPU_FILE: cpuFile },
    },
  );
  if (r.status === 2) throw new Error(`gate could not run: ${r.stderr.trim().split("\n").at(-1)}`);
  return r;
}

/** The kubeconform schema folder the gate wrote last (v<version>-<hash>), for the bare script's kubesec. */
function kubeconformDir() {
  const kcBase = path.join(tmpdir(), "floe-helm-kubeconform");
  const dir = readdirSync(kcBase)
    .filter((d) => !d.endsWith(".tmp"))
    .map((d) => path.join(kcBase, d))
    .sort((x, y) => statSync(y).mtimeMs - statSync(x).mtimeMs)[0];
  return { dir, kubeVersion: path.basename(dir).split("-")[0].replace(/^v/, "") };
}

/** A chart that reads `.Values.name` only, its one scenario setting `misspelt:` with n keys under it. */
function deadValueChart(n) {
  const dir = path.join(tmp, `dead-${n}`, "dead");
  mkdirSync(path.join(dir, "templates"), { recursive: true });
  writeFileSync(path.join(dir, "Chart.yaml"), "apiVersion: v2\nname: dead\nversion: 0.1.0\n");
  writeFileSync(path.join(dir, "values.yaml"), "name: bench\n");
  writeFileSync(
    path.join(dir, "templates", "configmap.yaml"),
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\ndata:\n  a: b\n",
  );
  const keys = Array.from({ length: n }, (_, i) => `  key${i}: value-${i}\n`).join("");
  writeFileSync(path.join(dir, "values-misspelt.yaml"), `misspelt:\n${keys}`);
  return dir;
}

/** Gate and bare calls on the dead-value charts, interleaved; rows per size and the largest / smallest. */
function deadValueBench() {
  const chartsBySize = deadSizes.map((n) => ({ n, chart: deadValueChart(n) }));
  // Warm-up, and proof that the gate says what is measured here: the one dead key, nothing else.
  const warm = gate(["--chart", chartsBySize[0].chart], tmp);
  if (!/error dead-value: 'misspelt' is set/.test(warm.stdout) || !/FAIL: 1 error\(s\)/.test(warm.stdout))
    throw new Error(`dead-value bench: unexpected gate output:\n${warm.stdout}`);
  const kc = kubeconformDir();
  const fns = chartsBySize.flatMap(({ n, chart }) => {
    const script = path.join(tmp, `dead-${n}.sh`);
    mkdirSync(path.join(tmp, `dead-${n}-out`), { recursive: true });
    writeFileSync(script, bareScript([chart], kc.dir, kc.kubeVersion, path.join(tmp, `dead-${n}-out`)));
    return [() => execFileSync("bash", [script], { stdio: "ignore" }), () => gate(["--chart", chart], tmp)];
  });
  const m = measureEach(fns);
  const sizes = chartsBySize.map(({ n }, i) => ({
    keys: n,
    bytes: statSync(path.join(chartsBySize[i].chart, "values-misspelt.yaml")).size,
    bareSeconds: m[2 * i].seconds,
    bareCpuSeconds: m[2 * i].cpuSeconds,
    gateSeconds: m[2 * i + 1].seconds,
    gateCpuSeconds: m[2 * i + 1].cpuSeconds,
    gateOwnCpuSeconds: m[2 * i + 1].gateCpuSeconds,
  }));
  const [lo, hi] = [sizes[0], sizes.at(-1)];
  return {
    date: new Date().toISOString(),
    node: execFileSync(nodeBin, ["--version"], { encoding: "utf8" }).trim(),
    helm: helmOpt,
    reps,
    sizes,
    largestOverSmallest: hi.gateSeconds / lo.gateSeconds,
    largestOverSmallestCpu:
      hi.gateCpuSeconds === undefined ? undefined : hi.gateCpuSeconds / lo.gateCpuSeconds,
  };
}

function printDeadValue(d) {
  const f = (x) => (x === undefined ? "-" : x.toFixed(2));
  const [lo, hi] = [d.sizes[0], d.sizes.at(-1)];
  console.log(
    `\n| Unread key holding n keys (helm ${d.helm}, median of ${d.reps}) | Bare wall | Gate wall | Gate / bare | Bare CPU | Gate CPU (gate itself) |`,
  );
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const s of d.sizes)
    console.log(
      `| ${s.keys} keys (${(s.bytes / 1024).toFixed(0)} KiB) | ${f(s.bareSeconds)} s | ${f(s.gateSeconds)} s | ${f(s.gateSeconds / s.bareSeconds)}x | ${f(s.bareCpuSeconds)} s | ${f(s.gateCpuSeconds)} s (${f(s.gateOwnCpuSeconds)} s) |`,
    );
  console.log(
    `| **${hi.keys} / ${lo.keys} keys (target <= 15x)** | ${f(hi.bareSeconds / lo.bareSeconds)}x | **${f(d.largestOverSmallest)}x** | | | ${f(d.largestOverSmallestCpu)}x (${f(hi.gateOwnCpuSeconds / lo.gateOwnCpuSeconds)}x) |`,
  );
}

const tmp = mkdtempSync(path.join(tmpdir(), "floe-bench-"));
const cpuFile = path.join(tmp, "gate-cpu.jsonl");
const resultsFile = path.join(root, "bench", "results.json");
try {
  if (ablate) {
    const ablation = ablationBench();
    const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : {};
    writeFileSync(resultsFile, `${JSON.stringify({ ...previous, ablation }, null, 2)}\n`);
    printAblation(ablation);
  } else if (deadOnly) {
    const deadValue = deadValueBench();
    const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : {};
    writeFileSync(resultsFile, `${JSON.stringify({ ...previous, deadValue }, null, 2)}\n`);
    printDeadValue(deadValue);
  } else fullBench();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** The pieces of src/perf/switches.ts, read from the built bundle's source of truth: the TypeScript file. */
function perfPieces() {
  const text = readFileSync(path.join(root, "src", "perf", "switches.ts"), "utf8");
  const block = text.slice(text.indexOf("PERF_PIECES = {"), text.indexOf("} as const;"));
  return [...block.matchAll(/^ {2}"([a-z0-9-]+)":/gm)].map((m) => m[1]);
}

/** The gate over the charts with every piece on, each piece off alone, and all off: interleaved. */
function ablationBench() {
  const chartList = charts(chartsDir);
  const allCharts = chartList.flatMap((c) => ["--chart", path.relative(cwd, c)]);
  const variants = [undefined, ...perfPieces(), "all"];
  const env = (off) => {
    const e = { ...process.env, FLOE_HELM_VALIDATOR_CACHE: path.join(tmp, `validators-${off ?? "on"}`) };
    if (off) e.FLOE_HELM_PERF_OFF = off;
    else delete e.FLOE_HELM_PERF_OFF;
    return e;
  };
  // Warm-up: each variant's own validator cache filled (and V8 code caches made) as on any later run.
  for (const off of variants) for (let i = 0; i < 2; i++) gate(allCharts, cwd, env(off));
  const m = measureEach(variants.map((off) => () => gate(allCharts, cwd, env(off))));
  const on = m[0];
  return {
    date: new Date().toISOString(),
    node: execFileSync(nodeBin, ["--version"], { encoding: "utf8" }).trim(),
    cpus: availableParallelism(),
    helm: helmOpt,
    reps,
    charts: chartList.map((c) => path.relative(cwd, c)),
    variants: variants.map((off, i) => ({
      off: off ?? "none",
      seconds: m[i].seconds,
      cpuSeconds: m[i].cpuSeconds,
      gateCpuSeconds: m[i].gateCpuSeconds,
      extraSeconds: m[i].seconds - on.seconds,
      extraCpuSeconds:
        m[i].cpuSeconds === undefined || on.cpuSeconds === undefined
          ? undefined
          : m[i].cpuSeconds - on.cpuSeconds,
    })),
  };
}

function printAblation(a) {
  const f = (x) => (x === undefined ? "-" : x.toFixed(2));
  const sign = (x) => (x === undefined ? "-" : `${x >= 0 ? "+" : ""}${x.toFixed(2)} s`);
  console.log(
    `| Speed work switched off (${a.cpus} cores, Node.js ${a.node}, helm ${a.helm}, median of ${a.reps}) | Wall | vs all on | CPU (gate itself) | CPU vs all on |`,
  );
  console.log("| --- | --- | --- | --- | --- |");
  for (const v of a.variants)
    console.log(
      `| ${v.off === "none" ? "nothing (all on)" : `\`${v.off}\``} | ${f(v.seconds)} s | ${v.off === "none" ? "" : sign(v.extraSeconds)} | ${f(v.cpuSeconds)} s (${f(v.gateCpuSeconds)} s) | ${v.off === "none" ? "" : sign(v.extraCpuSeconds)} |`,
    );
}

/** Bare calls and the gate over the charts, the scaling line, and the dead-value part. */
function fullBench() {
  const chartList = charts(chartsDir);
  if (chartList.length === 0) throw new Error(`no charts under ${chartsDir}`);
  const cells = chartList.reduce((n, c) => n + scenarios(c).length, 0) * majors.length;

  const allCharts = chartList.flatMap((c) => ["--chart", path.relative(cwd, c)]);
  // A first run on a machine: nothing cached (compiled validators go to an empty folder).
  const cold = time(() =>
    gate(allCharts, cwd, { ...process.env, FLOE_HELM_VALIDATOR_CACHE: path.join(tmp, "validators") }),
  );
  // Warm-up: fills the OS page cache, the validator cache and the kubeconform schema folder the bare
  // script reuses. Every measured gate run below finds them (as any run after the first does).
  gate(allCharts);
  const { dir: kcDir, kubeVersion } = kubeconformDir();
  const outDir = path.join(tmp, "bare");
  mkdirSync(outDir, { recursive: true });
  const script = path.join(tmp, "bare.sh");
  writeFileSync(script, bareScript(chartList, kcDir, kubeVersion, outDir));

  const [bare, full] = measureEach([
    () => execFileSync("bash", [script], { stdio: "ignore" }),
    () => gate(allCharts),
  ]);

  // Scaling: one chart (--scale-chart, default floe-platform, the largest), its first scenario written n
  // times as values-benchN.yaml, each with its own `commonAnnotations` entry when the chart has that value
  // (both charts here do) and the scenario does not set it already; else identical copies (said below).
  const scaleName = opt("scale-chart", "floe-platform");
  const base = chartList.find((c) => path.basename(c) === scaleName) ?? chartList[0];
  const first = scenarios(base)[0];
  const firstText = first.length ? readFileSync(first[0], "utf8") : "{}\n";
  const distinct =
    /^commonAnnotations:/m.test(readFileSync(path.join(base, "values.yaml"), "utf8")) &&
    !/^commonAnnotations:/m.test(firstText) &&
    !/^\s*[{[]/.test(firstText);
  const sizes = [1, 4, 16];
  const runs = [];
  for (const n of sizes) {
    const copy = path.join(tmp, `scale-${n}`, path.basename(base));
    cpSync(base, copy, { recursive: true });
    for (const f of readdirSync(copy)) if (/^values-.+\.ya?ml$/.test(f)) rmSync(path.join(copy, f));
    rmSync(path.join(copy, "ci"), { recursive: true, force: true });
    for (let i = 1; i <= n; i++) {
      const extra = distinct ? `\ncommonAnnotations:\n  bench.floe.dev/scenario: "${i}"\n` : "";
      writeFileSync(path.join(copy, `values-bench${i}.yaml`), `${firstText}${extra}`);
    }
    runs.push(() => gate(["--chart", copy], tmp));
  }
  const scaling = measureEach(runs).map((m, i) => ({ scenarios: sizes[i], ...m }));
  // Least squares y = a + b n, for wall and (where known) CPU seconds.
  const lineFit = (ys) => {
    const xs = scaling.map((s) => s.scenarios);
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    const b =
      xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    return [my - b * mx, b];
  };
  const [a, b] = lineFit(scaling.map((s) => s.seconds));
  const cpuFit = scaling.every((s) => s.cpuSeconds !== undefined)
    ? lineFit(scaling.map((s) => s.cpuSeconds))
    : undefined;
  const nodeStart = median(
    Array.from({ length: 5 }, () =>
      time(() => execFileSync(nodeBin, [gateBin, "--version"], { stdio: "ignore" })),
    ),
  );

  const result = {
    date: new Date().toISOString(),
    cpus: availableParallelism(),
    node: execFileSync(nodeBin, ["--version"], { encoding: "utf8" }).trim(),
    cpu: cpus()[0]?.model,
    charts: chartList.map((c) => path.relative(cwd, c)),
    cells,
    helm: helmOpt,
    reps,
    bareSeconds: bare.seconds,
    bareCpuSeconds: bare.cpuSeconds,
    gateSeconds: full.seconds,
    gateCpuSeconds: full.cpuSeconds,
    gateOwnCpuSeconds: full.gateCpuSeconds,
    gateColdCacheSeconds: cold,
    ratio: full.seconds / bare.seconds,
    scaling,
    scalingScenarios: distinct ? "distinct" : "identical copies",
    startupSeconds: a,
    perScenarioSeconds: b,
    ...(cpuFit ? { startupCpuSeconds: cpuFit[0], perScenarioCpuSeconds: cpuFit[1] } : {}),
    nodeStartSeconds: nodeStart,
    deadValue: deadValueBench(),
  };
  // An earlier --ablate run's table stays (it is measured on its own).
  const earlier = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : {};
  const kept = earlier.ablation ? { ablation: earlier.ablation } : {};
  writeFileSync(resultsFile, `${JSON.stringify({ ...result, ...kept }, null, 2)}\n`);
  const f = (x) => x.toFixed(2);
  // CPU: everything the run started (helm, kubesec, the gate itself), and in brackets the gate's own node
  // process; "-" where the platform does not tell (children's CPU is read from Linux /proc).
  const cpu = (m) =>
    m.cpuSeconds === undefined
      ? "-"
      : `${f(m.cpuSeconds)} s${m.gateCpuSeconds === undefined ? "" : ` (gate itself ${f(m.gateCpuSeconds)} s)`}`;
  console.log(
    `| Measure (${result.cpus} cores, Node.js ${result.node}, helm ${helmOpt}, median of ${reps}) | Wall | CPU |`,
  );
  console.log("| --- | --- | --- |");
  console.log(
    `| Bare tool calls, one after another (${cells} cells: lint + template + kubesec) | ${f(bare.seconds)} s | ${cpu(bare)} |`,
  );
  console.log(`| \`floe-helm gate\` (all checks) | ${f(full.seconds)} s | ${cpu(full)} |`);
  console.log(`| Ratio gate / bare (target <= 1.0) | ${f(result.ratio)}x | |`);
  console.log(`| \`floe-helm gate\`, first run on a machine (no validator cache) | ${f(cold)} s | |`);
  for (const s of scaling)
    console.log(
      `| gate, ${s.scenarios} ${distinct ? "distinct " : "identical "}scenario(s) of ${path.basename(base)} | ${f(s.seconds)} s | ${cpu(s)} |`,
    );
  console.log(
    `| Fit: start-up (target < 0.5 s) + per scenario | ${f(a)} s + ${f(b)} s x n | ${cpuFit ? `${f(cpuFit[0])} s + ${f(cpuFit[1])} s x n` : "-"} |`,
  );
  console.log(`| Node start-up of dist/index.js alone (\`--version\`) | ${f(nodeStart)} s | |`);
  printDeadValue(result.deadValue);
}
