// Bad input (UserError, exit 2) vs a tool that failed (ToolError, exit 3): one line each, never a stack
// trace, and the exit code tells a user whether to fix their input or look at the tool.
import { describe, expect, it } from "vitest";
import type { Inputs } from "../../src/config/inputs.js";
import { buildInputs } from "../../src/config/inputs.js";
import { describeError, ExitCode, exitCodeOf, ToolError, UserError } from "../../src/core/errors.js";
import { runPhase } from "../../src/report/phase.js";
import { tempDir } from "../helpers/tmp.js";

describe("exit codes and lines of the errors that stop a run", () => {
  it.each([
    {
      name: "bad input",
      err: new UserError("--helm: expected 3, 4 or both", { file: "f.yaml", line: 2, col: 3 }),
      code: 2,
      line: "f.yaml:2:3: --helm: expected 3, 4 or both",
    },
    {
      name: "a tool failed",
      err: new ToolError("kind create cluster failed (exit 1): ERROR: x"),
      code: 3,
      line: "kind create cluster failed (exit 1): ERROR: x",
    },
    {
      name: "a bug",
      err: new Error("x is undefined"),
      code: 2,
      line: "internal error: x is undefined (set FLOE_HELM_DEBUG=1 for details)",
    },
  ])("$name: exit $code", ({ err, code, line }) => {
    expect(exitCodeOf(err)).toBe(code);
    expect(describeError(err)).toBe(line);
  });

  it("ExitCode keeps 2 for bad input and gives tools 3", () => {
    expect(ExitCode).toEqual({ Pass: 0, GateFailed: 1, BadInput: 2, ToolFailed: 3 });
  });
});

describe("runPhase", () => {
  const inputs = (): Inputs => buildInputs({ workDir: tempDir("floe-errors-") }, {}, process.cwd());
  it.each([
    { err: new ToolError("kubesec failed (exit 1): boom"), code: 3 },
    { err: new UserError("no chart"), code: 2 },
  ])(
    "a phase stopped by $err.name exits $code, with its one line and the results file's error",
    async ({ err, code }) => {
      const lines: string[] = [];
      const r = await runPhase(
        "gate",
        inputs(),
        async () => {
          throw err;
        },
        { out: (l) => lines.push(l), err: (l) => lines.push(l) },
      );
      expect(r).toBe(code);
      expect(lines).toContain(`floe-helm: error: ${err.message}`);
    },
  );
});
