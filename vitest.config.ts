import { defineConfig } from "vitest/config";

// The real kind cluster (tests/cluster/kind-real.test.ts: Docker, the node image of scripts/kind-node.sh),
// floe-platform on it (tests/cluster/kind-platform.test.ts: also the images of scripts/images.sh), its live
// upgrade and rollback (on the same cluster, in the same file), `floe-helm e2e` on it and two
// of its checks on their own (tests/cluster/kind-e2e.test.ts: the same images and the example data product's)
// and the smoke tests of the local lane's images (tests/images/images.test.ts: Docker, scripts/images.sh)
// and of the example data product's image (tests/examples/orders-image.test.ts: Docker, PostgreSQL, dbt, Dagster)
// run once per `npm test`: only in the step that sets FLOE_KIND_REAL=1 (test:node24, or the real lane of
// scripts/test-lanes.sh). Elsewhere these files are not registered at all (never a skipped test).
const REAL_LANE = [
  "tests/cluster/kind-real.test.ts",
  "tests/cluster/kind-platform.test.ts",
  "tests/cluster/kind-e2e.test.ts",
  "tests/images/images.test.ts",
  "tests/examples/orders-image.test.ts",
];
const realKind = process.env.FLOE_KIND_REAL === "1";
// scripts/test-lanes.sh (npm test) runs the real files beside the rest: FLOE_TEST_LANE=real registers only
// them, FLOE_TEST_LANE=suite only the rest.
const lane = process.env.FLOE_TEST_LANE;
if (lane !== undefined && lane !== "real" && lane !== "suite")
  throw new Error(
    `FLOE_TEST_LANE=${lane}: expected real or suite (or unset: every file this step registers)`,
  );

export default defineConfig({
  test: {
    include: lane === "real" ? REAL_LANE : ["tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(realKind && lane !== "suite" ? [] : REAL_LANE)],
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
