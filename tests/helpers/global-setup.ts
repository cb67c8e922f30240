// Fails the whole run up front, with one message, when the pinned tools are not built.
import { tool } from "./tools.js";

export default function setup(): void {
  for (const t of ["helm3", "helm4", "kubesec"] as const) tool(t);
}
