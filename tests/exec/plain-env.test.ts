import { expect, test } from "vitest";
import { withPlainEnv } from "../../src/exec/plain-env.js";

test("withPlainEnv: the same variables inside, the real process.env back afterwards, even on a throw", () => {
  const real = process.env;
  process.env.FLOE_PLAIN_ENV_TEST = "x";
  expect(withPlainEnv(() => [process.env !== real, process.env.FLOE_PLAIN_ENV_TEST])).toEqual([true, "x"]);
  expect(process.env).toBe(real);
  expect(() =>
    withPlainEnv(() => {
      throw new Error("boom");
    }),
  ).toThrow("boom");
  expect(process.env).toBe(real);
  delete process.env.FLOE_PLAIN_ENV_TEST;
});
