// policy/dollar-escape: what Kubernetes does to a container's command and args before the process sees them.
// It expands `$(VAR_NAME)` and reduces `$$` to `$` (its escape, so `$$(VAR_NAME)` passes `$(VAR_NAME)` through).
// A `$$` written for the shell's process id therefore reaches `sh -c` as a lone `$`: this chart's own
// test-object-storage pod built the S3 key `.../<time>-$` that way and its signed request failed. Flagged: a `$`
// made from `$$` that the shell would read as a plain `$` (followed by nothing, a space, a quote or punctuation);
// not `$$(`, `$${`, `$$NAME`, `$$1` or `$$$$` (which is `$$` after the reduction).
import { containerRule } from "./container-rule.js";

/** Kubernetes' reduction of one command or args string: the result and the indexes (in it) of each `$` that
 * was a `$$`. */
export function reduceDollars(s: string): { out: string; reduced: number[] } {
  let out = "";
  const reduced: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "$" && s[i + 1] === "$") {
      reduced.push(out.length);
      out += "$";
      i++;
    } else out += s[i];
  }
  return { out, reduced };
}

/** Whether the reduction leaves a `$` the shell reads as a literal: not next to another `$`, and not before
 * `(`, `{`, a name, a digit or a special parameter the author may mean (`$?`, `$#`, `$@`, `$*`, `$!`). */
export function loneDollar(s: string): boolean {
  const { out, reduced } = reduceDollars(s);
  return reduced.some((i) => {
    if (out[i - 1] === "$" || out[i + 1] === "$") return false;
    const next = out[i + 1];
    return next === undefined || !/[({A-Za-z0-9_#?@*!]/.test(next);
  });
}

export const dollarEscape = containerRule({
  rule: "policy/dollar-escape",
  defaultSeverity: "warning",
  description:
    "A `$$` in a container's command or args that Kubernetes reduces to a lone `$` (its escape for `$(VAR_NAME)`): a shell's `$$` (process id) reaches it as `$`.",
  test(c) {
    for (const field of ["command", "args"] as const) {
      const list = c.container[field];
      if (!Array.isArray(list)) continue;
      const i = list.findIndex((a) => typeof a === "string" && loneDollar(a));
      if (i < 0) continue;
      return {
        path: [field, i],
        message: `${field}[${i}] has "$$", which Kubernetes reduces to "$" before the process starts (its escape for "$(VAR_NAME)"), so the shell gets a lone "$": for the shell's process id write "$$$$"; for a literal "$" write one`,
      };
    }
    return undefined;
  },
});
