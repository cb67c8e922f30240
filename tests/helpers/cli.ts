// Runs the CLI in-process with captured output and a controlled environment.
import path from "node:path";
import { type Io, run } from "../../src/cli/main.js";
import { repoRoot } from "./tools.js";

/** argv of the bundled CLI (dist/index.js), run as its own process the way the action runs it. */
export const cliArgv = (...args: string[]) => [
  process.execPath,
  path.join(repoRoot, "dist", "index.js"),
  ...args,
];

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function cli(
  argv: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    // HOME is the run's own (tests/helpers/global-setup.ts): the CLI's user caches go there, never to the user's.
    env: opts.env ?? { PATH: process.env.PATH, HOME: process.env.HOME },
    cwd: opts.cwd ?? process.cwd(),
  };
  const code = await run(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
