// The command registry: one line per command. `floe-helm --help` lists exactly these.
import { registerChanged } from "../changed/command.js";
import { registerCluster } from "../cluster/command.js";
import { registerE2e } from "../e2e/command.js";
import { registerGate } from "../gate/command.js";
import { registerGenerate } from "../generate/command.js";
import { registerTest } from "../install/command.js";
import { registerRelease } from "../release/command.js";
import { registerReport } from "../report/command.js";
import { registerTools } from "../tools/command.js";
import { registerUpgradeCheck } from "../upgrade/command.js";
import { registerUpgrade } from "../upgrade/live/command.js";
import type { Register } from "./options.js";

export const commands: Register[] = [
  registerTools,
  registerGate,
  registerChanged,
  registerUpgradeCheck,
  registerCluster,
  registerTest,
  registerUpgrade,
  registerE2e,
  registerReport,
  registerRelease,
  registerGenerate,
];
