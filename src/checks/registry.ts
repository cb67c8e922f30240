// The rule registry: every check over rendered objects, one line each. The gate runs each of them on
// every plan cell (chart x scenario x helm major) with the objects rendered once for that cell.
import type { Check } from "./types.js";

export const checks: Check[] = [];
