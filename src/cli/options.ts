// What every command module shares with the CLI: the io it prints to, the context its action gets, the
// options every command has, and the binder that turns an action into commander's. Phases import this,
// never the CLI's entry (src/cli/main.ts), so the CLI and the phases do not import each other.
import { type Command, Option } from "commander";
import type { CommonFlags, Inputs } from "../config/inputs.js";
import type { ExitCode } from "../core/errors.js";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** What a command needs: its parsed flags, the shared Inputs, and the io to print to. */
export interface CommandContext<F> {
  flags: F;
  inputs: Inputs;
  io: Io;
}

export type CommandAction<F> = (ctx: CommandContext<F>) => Promise<ExitCode>;

/** Adds the options every command shares (they map onto Inputs). */
export function withCommonOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option("--work-dir <dir>", "where results and diagnostics are written").env("FLOE_HELM_WORK_DIR"),
    )
    .addOption(
      new Option("--tools-dir <dir>", "use tool binaries from this folder (helm3, helm4, kubesec, kind)").env(
        "FLOE_HELM_TOOLS_DIR",
      ),
    );
}

export type Bind = <F>(action: CommandAction<F & CommonFlags>) => (...args: unknown[]) => Promise<void>;
export type Register = (program: Command, bind: Bind) => void;
