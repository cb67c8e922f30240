// `floe-helm tools ...`: inspect (and, with the installer, provide) the pinned toolchain.
import type { Command } from "commander";
import type { Bind } from "../cli/commands.js";
import { ExitCode, InputError } from "../cli/errors.js";
import { withCommonOptions } from "../cli/main.js";
import { checkLocalTool, localTools } from "./local.js";
import { pins } from "./pins.js";

export function registerTools(program: Command, bind: Bind): void {
  const tools = program
    .command("tools")
    .description("the pinned toolchain (helm 3 and 4, kubesec, kind, kubectl)");

  tools
    .command("versions")
    .description("print the pinned default version of every tool")
    .action(
      bind(async ({ io }) => {
        io.out(`helm3 ${pins.helm[3]}`);
        io.out(`helm4 ${pins.helm[4]}`);
        io.out(`kubesec ${pins.kubesec}`);
        io.out(`kind ${pins.kind} (node image ${pins.kindNodeImage})`);
        io.out(`kubectl ${pins.kubectl}`);
        return ExitCode.Pass;
      }),
    );

  withCommonOptions(
    tools
      .command("check")
      .description("check that the tools in --tools-dir exist and report their pinned versions")
      .option("--helm <majors>", "helm majors to check: 3, 4 or both", "both"),
  ).action(
    bind(async ({ inputs, io }) => {
      if (!inputs.toolsDir) {
        throw new InputError(
          "tools check needs --tools-dir (or FLOE_HELM_TOOLS_DIR), e.g. --tools-dir .tools/bin",
        );
      }
      let ok = true;
      for (const tool of localTools(inputs.toolsDir, inputs.helmMajors)) {
        const r = await checkLocalTool(tool);
        ok &&= r.ok;
        io.out(r.ok ? `${r.name} ${r.found} ${r.path}` : `${r.name} MISSING ${r.problem}`);
      }
      if (!ok) throw new InputError("some tools are missing or not the pinned version: run scripts/tools.sh");
      return ExitCode.Pass;
    }),
  );
}
