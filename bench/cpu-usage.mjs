// Preloaded into the gate by gate-bench.mjs (`node --import ./bench/cpu-usage.mjs dist/index.js ...`): at exit,
// writes the gate process's own CPU time (user + system, seconds; helm and kubesec are not included) to the
// file named by FLOE_BENCH_CPU_FILE, one JSON line appended per run.
import { appendFileSync } from "node:fs";

const file = process.env.FLOE_BENCH_CPU_FILE;
if (file) {
  process.on("exit", () => {
    const u = process.cpuUsage();
    appendFileSync(file, `${JSON.stringify({ user: u.user / 1e6, system: u.system / 1e6 })}\n`);
  });
}
