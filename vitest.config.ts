import { defineConfig } from "vitest/config";

// The real kind cluster (tests/cluster/kind-real.test.ts: Docker, the node image of scripts/kind-node.sh),
// floe-platform on it (tests/cluster/kind-platform.test.ts: also the images of scripts/images.sh), its live
// upgrade and rollback (tests/cluster/kind-upgrade.test.ts: the same images), two E2E checks on it
// (tests/cluster/kind-e2e-checks.test.ts: T119 traces, T120 NetworkPolicy; the same images)
// `floe-helm e2e` on it
// (tests/cluster/kind-e2e.test.ts: the same images and the example data product's)
// and the smoke tests of the local lane's images (tests/images/images.test.ts: Docker, scripts/images.sh)
// and of the example data product's image (tests/examples/orders-image.test.ts: Docker, PostgreSQL, dbt, Dagster)
// run once per `npm test`: only in the step that sets FLOE_KIND_REAL=1 (test:node24). Elsewhere these files
// are not registered at all (never a skipped test).
const realKind = process.env.FLOE_KIND_REAL === "1";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: [
      "**/node_modules/**",
      ...(realKind
        ? []
        : [
            "tests/cluster/kind-real.test.ts",
            "tests/cluster/kind-platform.test.ts",
            "tests/cluster/kind-upgrade.test.ts",
            "tests/cluster/kind-e2e-checks.test.ts",
            "tests/cluster/kind-e2e.test.ts",
            "tests/images/images.test.ts",
            "tests/examples/orders-image.test.ts",
          ]),
    ],
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
