import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Many tests run real helm/kubesec binaries; generous limits, never retries (a flake is a bug).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    globalSetup: ["tests/helpers/global-setup.ts"],
  },
});
