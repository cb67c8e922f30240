import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Many tests run real helm/kubesec binaries; generous limits, never retries (a flake is a bug).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    // A temp dir and HOME of the run's own, checked for leftovers afterwards (global-setup.ts); every test
    // must assert something, and scratch folders go after each file (setup.ts).
    globalSetup: ["tests/helpers/global-setup.ts"],
    setupFiles: ["tests/helpers/setup.ts"],
  },
});
