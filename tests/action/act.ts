// A real Actions runner for the tests: nektos/act (built by scripts/tools.sh) in host mode, which runs
// workflows and action.yml the way a runner does (`if:` expressions, step outputs, $GITHUB_ACTION_PATH,
// job summaries) on this machine, without containers. What GitHub's own services would do is all that is
// stood in for: the checkout (the workflow copies a tree the test prepared) and the job-summary page (act
// logs each step's summary file; runAct joins them in step order, as GitHub does).
//
// act runs isolated and offline: a fresh HOME and action cache (so RUNNER_TOOL_CACHE and RUNNER_TEMP are the
// test's), a minimal environment (no FLOE_* or proxy variables leak in), no Docker socket, no cache server,
// no version check, offline action mode; the workflows use no remote action.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool } from "../helpers/tools.js";

export type StepState = "success" | "failure" | "skipped";

export interface ActEvent {
  level: string;
  msg: string;
  job?: string;
  /** The job's id in the workflow (`job` is its display name, padded). */
  jobID?: string;
  stage?: string;
  step?: string;
  stepID?: string[];
  stepResult?: string;
  jobResult?: string;
  command?: string;
  name?: string;
  arg?: string;
  content?: string;
  raw_output?: boolean;
}

export interface ActRun {
  /** act's exit status: 0 when every job succeeded. */
  code: number | null;
  events: ActEvent[];
  /** The result of the job `floe`. */
  jobResult?: string;
  /** Per step of the action (`uses: ./`, id floe), by its name in action.yml: how it ended, or skipped. */
  steps: Record<string, StepState>;
  /** The action's outputs (action.yml `outputs:`), as the runner set them on step `floe`. */
  outputs: Record<string, string>;
  /** The job summary: every step's summary, in order. */
  summary: string;
  /** Everything the steps printed, line by line (the runner's log). */
  log: string;
  /** Workflow commands the steps issued (::error, ::warning, ...), as act parsed them. */
  annotations: ActEvent[];
  /** act's own messages (stderr). */
  stderr: string;
  /** The runner's tool cache (RUNNER_TOOL_CACHE) this run used. */
  toolCache: string;
}

/** A checkout of this repository as actions/checkout would leave it: every tracked and not ignored file
 * (dist/ included), committed in a fresh git repository. `change` edits it first. */
export async function prepareCheckout(
  parent: string,
  change?: (dir: string) => void | Promise<void>,
): Promise<string> {
  const dir = path.join(parent, "checkout");
  mkdirSync(dir, { recursive: true });
  const files = (await capture("git", ["ls-files", "-z", "-c", "-o", "--exclude-standard"], repoRoot)).stdout
    .split("\0")
    .filter(Boolean);
  for (const f of files) {
    const from = path.join(repoRoot, f);
    // A deleted but not yet staged file is listed by -c; the checkout has what is on disk.
    try {
      cpSync(from, path.join(dir, f), { recursive: false, preserveTimestamps: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  if (change) await change(dir);
  const git = (...args: string[]) =>
    capture("git", ["-c", "user.name=floe", "-c", "user.email=floe@example.invalid", ...args], dir);
  await git("init", "-q", "-b", "main");
  await git("add", "-A");
  await git("commit", "-q", "--no-verify", "-m", "checkout");
  return dir;
}

export interface ActOptions {
  /** Workflow file under tests/fixtures/act/, or an absolute path (a workflow a test derived). */
  workflow: string;
  /** The event to run (default push); workflow_dispatch takes `inputs`. */
  event?: "push" | "workflow_dispatch";
  /** workflow_dispatch inputs (the `inputs` context). */
  inputs?: Record<string, string>;
  /** Secrets (the `secrets` context; GITHUB_TOKEN becomes github.token). */
  secrets?: Record<string, string>;
  /** The prepared checkout (prepareCheckout); also act's repository directory. */
  checkout: string;
  /** Configuration variables (the `vars` context). FLOE_TEST_CHECKOUT is set from `checkout`. */
  vars?: Record<string, string>;
  timeoutMs?: number;
  /** act's --concurrent-jobs: in host mode every job shares this machine's RUNNER_TEMP and tool cache, so a
   * matrix whose jobs write the same work dir runs one job at a time (GitHub gives each its own runner). */
  concurrentJobs?: number;
}

export async function runAct(opts: ActOptions): Promise<ActRun> {
  const act = tool("act");
  const scratch = tempDir("floe-act-");
  const home = path.join(scratch, "home");
  const cache = path.join(scratch, "cache");
  mkdirSync(home);
  const vars = { FLOE_TEST_CHECKOUT: opts.checkout, ...opts.vars };
  const argv = [
    opts.event ?? "push",
    "--workflows",
    path.isAbsolute(opts.workflow)
      ? opts.workflow
      : path.join(repoRoot, "tests", "fixtures", "act", opts.workflow),
    "--directory",
    opts.checkout,
    // Host mode: steps run on this machine, with its node, bash and tar; no image, no Docker.
    "--platform",
    "ubuntu-latest=-self-hosted",
    "--container-daemon-socket",
    "-",
    "--action-offline-mode",
    "--action-cache-path",
    cache,
    "--no-cache-server",
    "--artifact-server-addr",
    "127.0.0.1",
    "--cache-server-addr",
    "127.0.0.1",
    // Only this test's inputs: nothing from a .env/.secrets/.vars/.input beside the checkout.
    "--env-file",
    path.join(scratch, "none.env"),
    "--secret-file",
    path.join(scratch, "none.secrets"),
    "--var-file",
    path.join(scratch, "none.vars"),
    "--input-file",
    path.join(scratch, "none.input"),
    "--json",
    "--verbose",
    ...(opts.concurrentJobs ? ["--concurrent-jobs", String(opts.concurrentJobs)] : []),
    ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}=${v}`]),
    ...Object.entries(opts.inputs ?? {}).flatMap(([k, v]) => ["--input", `${k}=${v}`]),
    ...Object.entries(opts.secrets ?? {}).flatMap(([k, v]) => ["--secret", `${k}=${v}`]),
  ];
  const env: NodeJS.ProcessEnv = {
    // The runner's Node is this test's Node (the action's first step checks it is >= 20.19).
    PATH: [path.dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(path.delimiter),
    HOME: home,
    LANG: "C.UTF-8",
    TMPDIR: scratch,
    ACT_DISABLE_VERSION_CHECK: "1",
  };
  try {
    const r = await capture(act, argv, opts.checkout, env, opts.timeoutMs ?? 900_000);
    return parse(r.code, r.stdout, r.stderr, path.join(cache, "tool_cache"));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Folds act's JSON log into what a runner's UI shows: step results, outputs, annotations, job summary. */
export function parse(code: number | null, stdout: string, stderr: string, toolCache: string): ActRun {
  const events: ActEvent[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      events.push(JSON.parse(line) as ActEvent);
    } catch {
      // act's JSON lines never span lines; anything else is not a log event
    }
  }
  const inAction = (e: ActEvent) => e.stepID?.[0] === "floe" && e.stepID.length === 2;
  const names = new Map<string, string>();
  const steps: Record<string, StepState> = {};
  const summaries: string[] = [];
  const outputs: Record<string, string> = {};
  const log: string[] = [];
  const annotations: ActEvent[] = [];
  let jobResult: string | undefined;
  for (const e of events) {
    if (e.jobResult && e.job?.endsWith("/floe")) jobResult = e.jobResult;
    if (e.raw_output) log.push(e.msg.replace(/\n$/, ""));
    if (e.command === "summary" && e.content) {
      // act logs a composite step's summary again for the action step itself: the inner steps' count.
      if (inAction(e) || e.stepID?.[0] !== "floe") summaries.push(e.content);
    }
    if (e.command === "set-output" && e.stepID?.length === 1 && e.stepID[0] === "floe" && e.name) {
      outputs[e.name] = e.arg ?? "";
    }
    if (e.command && ["error", "warning", "notice"].includes(e.command)) annotations.push(e);
    if (!inAction(e)) continue;
    const key = e.stepID!.join("/");
    const run = /^⭐ Run (?:Pre|Main|Post) (.*)$/s.exec(e.msg);
    const skip = /^Skipping step '(.*)' due to /s.exec(e.msg);
    if (run) names.set(key, run[1]!);
    if (skip) names.set(key, skip[1]!);
    const name = names.get(key);
    if (name && (e.stepResult === "success" || e.stepResult === "failure" || e.stepResult === "skipped")) {
      steps[name] = e.stepResult;
    }
  }
  return {
    code,
    events,
    jobResult,
    steps,
    outputs,
    summary: summaries.join(""),
    log: log.join("\n"),
    annotations,
    stderr,
    toolCache,
  };
}

/** Runs a command asynchronously (the test's mirror answers from this process meanwhile). */
function capture(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 120_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      const r = { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
      if (cmd === "git" && code !== 0) reject(new Error(`git ${args.join(" ")}: ${r.stderr}`));
      else resolve(r);
    });
  });
}

/** A scratch folder for one case, removed by the caller. */
export function scratchDir(prefix: string): string {
  return tempDir(prefix);
}
