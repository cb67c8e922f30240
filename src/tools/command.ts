// `floe-helm tools ...`: inspect (and, with the installer, provide) the pinned toolchain.
import path from "node:path";
import type { Command } from "commander";
import type { Bind } from "../cli/options.js";
import { withCommonOptions } from "../cli/options.js";
import { ExitCode, UserError } from "../core/errors.js";
import { runPhase } from "../report/phase.js";
import { type InstallTool, installTools } from "./assets.js";
import { checkLocalTool, localTools } from "./local.js";
import { pins } from "./pins.js";

/** `--only helm,kind`: which tools to install; all four when absent. */
export function parseOnly(value: string | undefined): InstallTool[] {
  if (value === undefined || value.trim() === "") return [...installTools];
  const out: InstallTool[] = [];
  for (const raw of value.split(",")) {
    const t = raw.trim();
    if (!(installTools as readonly string[]).includes(t)) {
      throw new UserError(
        `--only: unknown tool '${t}': expected a comma-separated list of ${installTools.join(", ")}`,
      );
    }
    if (!out.includes(t as InstallTool)) out.push(t as InstallTool);
  }
  return out;
}

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
      .command("install")
      .description(
        "install the pinned (or given) tool versions into the tool cache, sha256-verified; prints 'name version path' per tool",
      )
      .option("--only <tools>", `comma-separated subset of ${installTools.join(",")}`)
      .option("--helm <majors>", "helm majors to install when --helm-version is not given: 3, 4 or both")
      .option(
        "--helm-version <v>",
        "helm versions, one per major: exact (3.17.2, v3.17.2) or major (3, 4); comma-separated",
      )
      .option("--kind-version <v>", "kind version: exact or major (0)")
      .option("--kubectl-version <v>", "kubectl version: exact or major (1)")
      .option("--kubesec-version <v>", "kubesec version: exact or major (2)")
      .option(
        "--mirror <url>",
        "download from <url>/<tool>/<version>/<os>-<arch>/<asset> instead of the official sites",
      )
      .option(
        "--checksums <file>",
        "trusted sha256 values to add to floe-helm's table (format: schemas/checksums.schema.json)",
      )
      .option(
        "--tool-cache <dir>",
        "tool cache folder (default: RUNNER_TOOL_CACHE in Actions, else the per-user cache)",
      ),
  ).action(
    bind<{ only?: string }>(async ({ flags, inputs, io }) =>
      runPhase(
        "tools",
        inputs,
        async (ctx) => {
          // The installer and the Actions toolkit (with its HTTP client) load only for this command.
          const { installOptions, installPlanned, planInstall } = await import("./resolve.js");
          const core = inputs.githubActions ? await import("@actions/core") : undefined;
          const plan = planInstall(inputs, parseOnly(flags.only));
          const opts = await installOptions(inputs, io.cwd, {
            warn: (message, rule) => ctx.add({ rule, severity: "warning", message }),
            progress: (line) => ctx.progress(line),
          });
          for (const t of await installPlanned(plan, opts)) {
            io.out(`${t.name} ${t.version} ${t.path}`);
            ctx.output(`${t.name}-path`, t.path);
            ctx.output(`${t.name}-version`, t.version);
            ctx.check({
              id: `install ${t.name} ${t.version}`,
              state: "pass",
              reason: t.fromCache ? "tool cache" : `verified by ${t.verifiedBy}`,
            });
            // The last helm listed ends up first on PATH (addPath prepends).
            core?.addPath(t.dir);
          }
        },
        { out: io.out, err: io.err },
      ),
    ),
  );

  withCommonOptions(
    tools
      .command("refresh-checksums")
      .description(
        "rewrite the checksum table from the official checksum files of every pinned version (needs network)",
      )
      .option("--file <path>", "the table to rewrite", "src/tools/checksums.json")
      .option("--mirror <url>", "fetch the checksum files from a mirror instead of the official sites"),
  ).action(
    bind<{ file: string }>(async ({ flags, inputs, io }) => {
      const file = path.resolve(io.cwd, flags.file);
      const { refreshChecksums } = await import("./refresh.js");
      const { parseMirror } = await import("./install.js");
      const r = await refreshChecksums(file, {
        mirror: parseMirror(inputs.mirror, "--mirror"),
        quiet: !inputs.githubActions,
        progress: (l) => io.err(l),
      });
      for (const c of r.changed) io.err(`floe-helm: warning: published checksum CHANGED: ${c}`);
      io.out(
        `wrote ${file}${r.changed.length ? ` (${r.changed.length} value(s) changed: review before committing)` : ""}`,
      );
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
        throw new UserError(
          "tools check needs --tools-dir (or FLOE_HELM_TOOLS_DIR), e.g. --tools-dir .tools/bin",
        );
      }
      let ok = true;
      for (const tool of localTools(inputs.toolsDir, inputs.helmMajors)) {
        const r = await checkLocalTool(tool);
        ok &&= r.ok;
        io.out(r.ok ? `${r.name} ${r.found} ${r.path}` : `${r.name} MISSING ${r.problem}`);
      }
      if (!ok) throw new UserError("some tools are missing or not the pinned version: run scripts/tools.sh");
      return ExitCode.Pass;
    }),
  );
}
