#!/usr/bin/env node
// Entry point of the bundle (dist/index.js) and of the `floe-helm` CLI: dispatch only.
import { run } from "./cli/main.js";

process.exitCode = await run(process.argv.slice(2));
