// The e2e runner's own rules, without a cluster where none is needed: a check that throws or outlives its
// budget is a failure saying so (runCheck, with checks written here: stand-ins for real checks, named so), and
// on a kwok cluster (real kwok, `cluster up`) the CLI skips every check with "kwok runs no pods", and the
// checks' Service lookup reads a real API server.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checks } from "../../src/e2e/checks/index.js";
import { kubectl } from "../../src/e2e/checks/kube.js";
import { componentService } from "../../src/e2e/checks/run-pod.js";
import { checkRule, notRunHere, runCheck } from "../../src/e2e/run.js";
import type { E2eCheck, E2eEnv } from "../../src/e2e/types.js";
import type { KubeTarget } from "../../src/install/diagnose/collect.js";
import type { PhaseResults } from "../../src/report/results.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool, toolsDir } from "../helpers/tools.js";

const env = (timeoutMs: number) =>
  ({ timeoutMs, facts: {}, dir: tempDir("floe-e2e-check-") }) as unknown as E2eEnv;
const standIn = (run: E2eCheck["run"]): E2eCheck => ({
  id: "T000 stand-in",
  covers: ["T000"],
  timeoutMs: 1,
  run,
});

describe("runCheck (stand-in checks)", () => {
  it("a check that throws fails with its error as what was seen", async () => {
    const out = await runCheck(
      standIn(async () => {
        throw new Error("kubectl exploded");
      }),
      env(1_000),
    );
    expect(out).toEqual({
      state: "fail",
      expected: "T000 stand-in ran to its end",
      seen: "internal error: kubectl exploded (set FLOE_HELM_DEBUG=1 for details)",
    });
  });

  it("a check that outlives its budget (and the grace) fails, saying how long it ran", async () => {
    const out = await runCheck(
      standIn(() => new Promise(() => {})),
      env(100),
      50,
    );
    expect(out).toEqual({
      state: "fail",
      expected: "T000 stand-in finished within 0 s",
      seen: "still running after 0 s",
    });
  });

  it("a check's own outcome is passed through", async () => {
    expect(
      await runCheck(
        standIn(async () => ({ state: "skip", reason: "why" })),
        env(1_000),
      ),
    ).toEqual({
      state: "skip",
      reason: "why",
    });
  });

  it("a check needing a component the platform scenario declares not run is 'not run here', with the reason", () => {
    const off = [{ component: "marquez", reason: "no image obtainable" }];
    expect(notRunHere({ needs: ["marquez"] }, off, "kind-local")).toBe(
      "not run here: no image obtainable (marquez is off in scenario kind-local)",
    );
    expect(notRunHere({ needs: ["polaris"] }, off, "kind-local")).toBeUndefined();
    expect(notRunHere({}, off, "kind-local")).toBeUndefined();
    // The checks that need them: T118 Marquez, E2E-003 Polaris; the others need nothing the scenario turns off.
    expect(checks.filter((c) => c.needs?.length).map((c) => [c.id, c.needs])).toEqual([
      ["T118 lineage", ["marquez"]],
      ["E2E-003 iceberg-table", ["polaris"]],
    ]);
  });

  it("the rule of a check is e2e/<its name>: what floe-gate.yaml's requirements map", () => {
    expect(checks.map((c) => [checkRule(c), c.covers])).toEqual([
      ["e2e/dagster-launch", ["T116", "E2E-001"]],
      ["e2e/dbt-models", ["T117", "GAP-002"]],
      ["e2e/lineage", ["T118"]],
      ["e2e/iceberg-table", ["E2E-003"]],
      ["e2e/traces", ["T119"]],
      ["e2e/network-policy", ["T120", "GAP-005"]],
      ["e2e/external-secrets", ["GAP-006"]],
      ["e2e/autoscaling", ["GAP-004"]],
    ]);
  });
});

describe("floe-helm e2e on kwok (real kwok)", () => {
  let work: string;
  let kubeconfig: string;
  beforeAll(async () => {
    work = tempDir("floe-e2e-kwok-");
    const up = await cli(
      ["cluster", "up", "--provider", "kwok", "--tools-dir", toolsDir, "--work-dir", work],
      {
        cwd: repoRoot,
      },
    );
    expect(up.code, up.err).toBe(0);
    kubeconfig = up.out.trim();
  }, 180_000);
  afterAll(async () => {
    await cli(["cluster", "down", "--provider", "kwok", "--tools-dir", toolsDir, "--work-dir", work], {
      cwd: repoRoot,
    });
  }, 60_000);

  it("skips every check with the reason, installs nothing, and is no failure", async () => {
    const r = await cli(["e2e", "--provider", "kwok", "--tools-dir", toolsDir, "--work-dir", work], {
      cwd: repoRoot,
    });
    expect(r.code, r.err).toBe(0);
    const res = JSON.parse(await readFile(path.join(work, "e2e.results.json"), "utf8")) as PhaseResults;
    expect(res.checks).toEqual(
      checks.map((c) => ({
        id: `e2e ${c.id}`,
        rule: checkRule(c),
        state: "skip",
        reason: "kwok runs no pods",
        covers: c.covers,
      })),
    );
  }, 120_000);

  it("finds a component's Service by its port name, else fails saying what it looked for and what was there", async () => {
    const k: KubeTarget = {
      kubectl: tool("kubectl"),
      kubeconfig,
      namespace: "default",
      env: process.env,
      cwd: repoRoot,
    };
    const service = (name: string, component: string, port: string) =>
      JSON.stringify({
        apiVersion: "v1",
        kind: "Service",
        metadata: {
          name,
          labels: { "app.kubernetes.io/instance": "rel", "app.kubernetes.io/component": component },
        },
        spec: { ports: [{ name: port, port: 5000 }] },
      });
    for (const s of [service("rel-marquez", "marquez", "http"), service("rel-jaeger", "jaeger", "otlp")]) {
      const r = await kubectl(k, ["apply", "-f", "-"], { input: s });
      expect(r.code, r.stderr).toBe(0);
    }
    expect(await componentService(k, "rel", "marquez", "http", "the Marquez API Service")).toEqual({
      service: "rel-marquez",
      port: 5000,
    });
    expect(await componentService(k, "rel", "jaeger", "query", "the Jaeger query Service")).toEqual({
      state: "fail",
      expected: 'the Jaeger query Service of release rel (component jaeger, port "query")',
      seen: 'Services rel-jaeger have no port named "query"',
    });
    expect(await componentService(k, "rel", "polaris", "http", "the Polaris API Service")).toEqual({
      state: "fail",
      expected: 'the Polaris API Service of release rel (component polaris, port "http")',
      seen: "no Service of component polaris in release rel (polaris.enabled is off?)",
    });
  }, 60_000);
});
