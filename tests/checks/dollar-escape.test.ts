// policy/dollar-escape (src/checks/policy/command-args.ts): Kubernetes' reduction of "$$" to "$" in command and
// args, table-driven; then the rule on a fixture chart rendered by the real helm 3 and 4.
import { describe, expect, test } from "vitest";
import { dollarEscape, loneDollar, reduceDollars } from "../../src/checks/policy/command-args.js";
import { context, FIXTURES, renderFixture } from "./render.js";

describe("Kubernetes' reduction and what it leaves", () => {
  test.each<[string, string, boolean]>([
    ['key="x-$$"', 'key="x-$"', true],
    ["echo $$", "echo $", true],
    ["kill $$ ; echo done", "kill $ ; echo done", true],
    ["$$(HOSTNAME)", "$(HOSTNAME)", false],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's ${HOME}, not a template
    ["$${HOME}", "${HOME}", false],
    ["$$HOME", "$HOME", false],
    ["$$1", "$1", false],
    ["$$?", "$?", false],
    ["$$$$", "$$", false],
    ["$$$", "$$", false],
    ["$(POD_IP)", "$(POD_IP)", false],
    ["no dollar", "no dollar", false],
  ])("%j -> %j (lone $: %s)", (input, reduced, lone) => {
    expect(reduceDollars(input).out).toBe(reduced);
    expect(loneDollar(input)).toBe(lone);
  });
});

describe.each([3, 4] as const)("policy/dollar-escape on its fixture chart, rendered by helm %i", (major) => {
  test("the shell's process id written as $$ is a warning at its argument; the meant escapes are not", async () => {
    const cell = await renderFixture("dollar-escape", { major });
    const findings = await dollarEscape.run(cell, context());
    expect(findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.object}: ${f.message}`)).toEqual([
      `${FIXTURES}/dollar-escape/templates/pods.yaml:12 warning Pod/floe-gate-upload: container 'upload': args[0] has "$$", which Kubernetes reduces to "$" before the process starts (its escape for "$(VAR_NAME)"), so the shell gets a lone "$": for the shell's process id write "$$$$"; for a literal "$" write one`,
    ]);
  });
});
