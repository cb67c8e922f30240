// The command registry: one line per command. `floe-helm --help` lists exactly these.
import type { Command } from "commander";
import { registerCluster } from "../cluster/command.js";
import type { CommonFlags } from "../config/inputs.js";
import { registerGate } from "../gate/command.js";
import { registerTest } from "../install/command.js";
import { registerRelease } from "../release/command.js";
import { registerReport } from "../report/command.js";
import { registerTools } from "../tools/command.js";
import { registerUpgradeCheck } from "../upgrade/command.js";
import type { CommandAction } from "./main.js";

export type Bind = <F>(action: CommandAction<F & CommonFlags>) => (...args: unknown[]) => Promise<void>;
export type Register = (program: Command, bind: Bind) => void;

export const commands: Register[] = [
  registerTools,
  registerGate,
  registerUpgradeCheck,
  registerCluster,
  registerTest,
  registerReport,
  registerRelease,
];
