// The CLI: parses argv with commander, builds Inputs once, dispatches to a command. Exit codes: 0 pass,
// 1 the gate found errors, 2 bad usage or bad input, 3 a tool failed. Errors are one line, never a stack trace.
import { Command, CommanderError } from "commander";
import pkg from "../../package.json" with { type: "json" };
import { buildInputs, type CommonFlags, type Inputs, workDirOf } from "../config/inputs.js";
import { describeError, ExitCode, errorCommand, exitCodeOf, UserError } from "../core/errors.js";
import type { PhaseResults } from "../core/findings.js";
import { PERF_ENV, parsePerfOff } from "../perf/switches.js";
import { commands } from "./commands.js";
import type { CommandAction, Io } from "./options.js";

export type { Io };

const defaultIo = (): Io => ({
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  env: process.env,
  cwd: process.cwd(),
});

export async function run(argv: string[], io: Io = defaultIo()): Promise<number> {
  let code: number = ExitCode.Pass;
  const program = new Command("floe-helm")
    .description("Prove that the floe platform's Helm charts lint, render, pass policy, install and run.")
    .version(VERSION, "-V, --version", "print the floe-helm version")
    .helpCommand(true)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, "")),
      writeErr: (s) => io.err(s.replace(/\n$/, "")),
      outputError: (s, write) => write(`floe-helm: ${s}`),
    });

  const bind =
    <F>(action: CommandAction<F & CommonFlags>) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const flags = cmd.optsWithGlobals() as F & CommonFlags;
      let inputs: Inputs;
      try {
        inputs = buildInputs(flags, io.env, io.cwd);
        // A misspelt speed switch is said before any work starts (src/perf reads it when first used).
        parsePerfOff(io.env[PERF_ENV]);
      } catch (e) {
        if (e instanceof UserError) await recordUserError(cmd, flags, io, e);
        throw e;
      }
      code = await action({ flags, inputs, io });
    };
  for (const register of commands) register(program, bind);
  program.hook("preAction", (_program, command) => optionsFromEnv(command, io.env));

  if (argv.length === 0) {
    io.err(program.helpInformation().replace(/\n$/, ""));
    return ExitCode.BadInput;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? ExitCode.Pass : ExitCode.BadInput;
    // In Actions the one error is an annotation (the runner shows it on the run's page); else one line.
    if (io.env.GITHUB_ACTIONS === "true") io.out(errorCommand(describeError(e)));
    else io.err(`floe-helm: error: ${describeError(e)}`);
    if (io.env.FLOE_HELM_DEBUG === "1" && e instanceof Error && e.stack) io.err(e.stack);
    return exitCodeOf(e);
  }
}

export const VERSION: string = pkg.version;

/** commander takes an option's environment variable (`.env(...)`) from process.env; the CLI's environment is
 * io.env (process.env in production, a test's own in-process): each option not given on the command line takes
 * io.env's value, or its default when only process.env had one, so every input comes from the same env. */
function optionsFromEnv(command: Command, env: NodeJS.ProcessEnv): void {
  for (const option of command.options) {
    if (!option.envVar) continue;
    const key = option.attributeName();
    const source = command.getOptionValueSource(key);
    if (source !== undefined && source !== "default" && source !== "env") continue;
    const value = env[option.envVar];
    if (value !== undefined) {
      const parsed =
        option.required || option.optional
          ? option.parseArg
            ? option.parseArg(value, option.defaultValue)
            : value
          : option.negate
            ? false
            : (option.presetArg ?? true);
      command.setOptionValueWithSource(key, parsed, "env");
    } else if (source === "env") command.setOptionValueWithSource(key, option.defaultValue, "default");
  }
}

// The phase each command runs (its <phase>.results.json); the report reads every one of them.
const phaseOf: Record<string, string> = {
  "tools install": "tools",
  gate: "gate",
  "upgrade-check": "upgrade-check",
  upgrade: "upgrade",
  test: "test",
  release: "release",
  generate: "generate",
};

/** In Actions, a phase stopped by a bad input before it started still leaves its results file with the
 * error, so the report step (which always runs) names it in the job summary. */
async function recordUserError(cmd: Command, flags: CommonFlags, io: Io, e: UserError): Promise<void> {
  const parent = cmd.parent?.parent ? `${cmd.parent.name()} ` : "";
  const phase = phaseOf[`${parent}${cmd.name()}`];
  if (!phase || io.env.GITHUB_ACTIONS !== "true") return;
  const now = new Date().toISOString();
  const results: PhaseResults = {
    schemaVersion: 1,
    phase,
    startedAt: now,
    finishedAt: now,
    status: "error",
    error: describeError(e),
    findings: [],
    checks: [],
  };
  const { writeResults } = await import("../report/results.js");
  try {
    await writeResults(workDirOf(flags, io.env, io.cwd), results);
  } catch {
    // The error itself is still printed; a work dir that cannot be written is not a second error.
  }
}
