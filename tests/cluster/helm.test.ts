// Real helm 3 and helm 4 against a real API server (kwok provider, one control plane for this file):
// install and wait, helm test (passing and failing), upgrade from the previous chart version, roll back,
// a broken upgrade refused by the API server (as the static immutable-field check predicts), and an uninstall that leaves nothing behind.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunResult, runTool } from "../../src/exec/runner.js";
import { helmTemplateArgv } from "../../src/helm/argv.js";
import { parseManifest } from "../../src/helm/manifest.js";
import { predictImmutableChanges } from "../../src/upgrade/immutable.js";
import { clusterDown, clusterUp, type TestCluster } from "../helpers/cluster.js";
import { tempDir } from "../helpers/tmp.js";
import { helm, repoRoot } from "../helpers/tools.js";

const fixtures = path.join(repoRoot, "tests", "fixtures", "cluster");
const previous = path.join(fixtures, "demo-0.1.0");
const current = path.join(fixtures, "demo");

let c: TestCluster | undefined;
const k = () => {
  if (!c) throw new Error("cluster did not start (see beforeAll)");
  return c;
};
beforeAll(async () => {
  c = await clusterUp();
});
afterAll(async () => {
  await clusterDown(c);
});

/** Runs helm `major` against the test cluster in namespace `ns`, with its own config/cache/data dirs so
 * nothing on the machine leaks in. */
function helmRunner(major: 3 | 4, ns: string, home: string, timeoutMs: number) {
  return (...args: string[]): Promise<RunResult> =>
    runTool([helm(major), "--kubeconfig", k().kubeconfig, "-n", ns, ...args], {
      timeoutMs,
      env: {
        PATH: process.env.PATH,
        HOME: home,
        HELM_CACHE_HOME: path.join(home, "cache"),
        HELM_CONFIG_HOME: path.join(home, "config"),
        HELM_DATA_HOME: path.join(home, "data"),
      },
    });
}

// A chain, in order: each test acts on the release the one before left (revision 1 installed, 2 upgraded,
// 3 rolled back, ...), so the tests run one after another (describe.sequential) and none runs alone.
describe.sequential.each([3, 4] as const)(
  "helm %i on the kwok cluster (each test continues the previous one's release)",
  (major) => {
    const ns = `helm${major}`;
    const rel = `demo${major}`;
    const home = tempDir(`floe-helm${major}-`);
    const run = helmRunner(major, ns, home, 240_000);
    /** The release as `helm list` reports it (deployed or failed): revision, status, chart ("demo-0.1.0"). */
    const status = async (): Promise<{ revision: string; status: string; chart: string }> => {
      const all = JSON.parse((await run("list", "-o", "json")).stdout) as { name: string }[];
      const found = all.find((r) => r.name === rel);
      if (!found) throw new Error(`release ${rel} not listed`);
      return found as never;
    };
    const wait = ["--wait", "--wait-for-jobs", "--timeout", "180s"];

    it("installs the previous chart version and waits for it", async () => {
      const r = await run("install", rel, previous, "--create-namespace", ...wait);
      expect(r.code, r.stderr).toBe(0);
      const s = await status();
      expect([s.status, s.chart]).toEqual(["deployed", "demo-0.1.0"]);
      const ready = await k().kubectl(
        "get",
        "deploy",
        `${rel}-demo`,
        "-n",
        ns,
        "-o",
        "jsonpath={.status.readyReplicas}",
      );
      expect(ready.stdout).toBe("2");
    });

    it("upgrades to the current chart version; its Job completes", async () => {
      const r = await run("upgrade", rel, current, ...wait);
      expect(r.code, r.stderr).toBe(0);
      const s = await status();
      expect([String(s.revision), s.chart]).toEqual(["2", "demo-0.2.0"]);
      const job = await k().kubectl(
        "get",
        "job",
        `${rel}-demo-migrate`,
        "-n",
        ns,
        "-o",
        "jsonpath={.status.succeeded}",
      );
      expect(job.stdout).toBe("1");
    });

    it("helm test passes", async () => {
      const r = await run("test", rel, "--timeout", "120s");
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`TEST SUITE:\\s+${rel}-demo-test-ok[\\s\\S]*Phase:\\s+Succeeded`));
    });

    it("rolls back to the previous chart version", async () => {
      const r = await run("rollback", rel, "1", ...wait);
      expect(r.code, r.stderr).toBe(0);
      const s = await status();
      expect([String(s.revision), s.chart, s.status]).toEqual(["3", "demo-0.1.0", "deployed"]);
      const cm = await k().kubectl(
        "get",
        "configmap",
        `${rel}-demo`,
        "-n",
        ns,
        "-o",
        "jsonpath={.data.version}",
      );
      expect(cm.stdout).toBe("0.1.0");
    });

    it("helm test fails when a test pod fails (annotated for the simulated kubelet)", async () => {
      const up = await run("upgrade", rel, current, "--set", "tests.fail=true", ...wait);
      expect(up.code, up.stderr).toBe(0);
      const r = await run("test", rel, "--timeout", "120s");
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(new RegExp(`${rel}-demo-test-fail.*failed`));
    });

    it("an upgrade that changes a Deployment's selector is refused by the API server, as the static check predicts", async () => {
      const broken = path.join(home, "broken-values.yaml");
      writeFileSync(broken, "brokenSelector: true\n");
      // The static prediction, from two renders and no cluster: exactly the selector of the Deployment.
      const render = async (valuesFiles: string[]) => {
        const argv = helmTemplateArgv({
          bin: helm(major),
          major,
          chartDir: current,
          valuesFiles,
          release: rel,
          namespace: ns,
          // helm 3 renders for Kubernetes 1.20 by default; the cluster runs 1.37.
          kubeVersion: "1.37.0",
        });
        const r = await runTool(argv, { timeoutMs: 120_000 });
        expect(r.code, r.stderr).toBe(0);
        return parseManifest(r.stdout, { chartDir: current, cwd: repoRoot });
      };
      const predicted = predictImmutableChanges(await render([]), await render([broken]));
      expect(predicted.map((p) => `${p.object} ${p.field}`)).toEqual([
        `Deployment/${rel}-demo spec.selector`,
      ]);

      const r = await run("upgrade", rel, current, "-f", broken, ...wait);
      expect(r.code).not.toBe(0);
      // The API server refuses the very object and field the prediction named.
      expect(r.stderr).toMatch(
        new RegExp(
          `Deployment\\.apps "${rel}-demo" is invalid: ${predicted[0]!.field.replace(".", "\\.")}: Invalid value: .*field is immutable`,
        ),
      );
      const s = await status();
      // The release history records the refusal; the running objects are untouched.
      expect(s.status).toBe("failed");
      const sel = await k().kubectl(
        "get",
        "deploy",
        `${rel}-demo`,
        "-n",
        ns,
        "-o",
        "jsonpath={.spec.selector.matchLabels}",
      );
      expect(sel.stdout).not.toContain("changed");
    });

    it("uninstall leaves nothing behind", async () => {
      const r = await run("uninstall", rel, "--wait", "--timeout", "120s");
      expect(r.code, r.stderr).toBe(0);
      const left = async () =>
        (
          await k().kubectl(
            "get",
            "all,configmap,secret,job",
            "-n",
            ns,
            "-l",
            `app.kubernetes.io/instance=${rel}`,
            "-o",
            "name",
          )
        ).stdout.trim();
      await expect.poll(left, { timeout: 60_000 }).toBe("");
      // Helm's own release records (Secrets owned by helm) are gone too.
      const records = await k().kubectl(
        "get",
        "secret",
        "-n",
        ns,
        "-l",
        `owner=helm,name=${rel}`,
        "-o",
        "name",
      );
      expect(records.stdout.trim()).toBe("");
      // No pod at all is left in the namespace (test pods are hooks, deleted by their delete policy).
      const pods = async () => (await k().kubectl("get", "pods", "-n", ns, "-o", "name")).stdout.trim();
      await expect.poll(pods, { timeout: 60_000 }).toBe("");
    });
  },
);

// The platform chart with its CI scenario. On simulated pods, `helm test` proves the test pods are valid,
// admitted and run through helm's hook flow; what they would check over the network is not exercised here.
describe.sequential.each([3, 4] as const)("helm %i: floe-platform with values-test.yaml", (major) => {
  const chart = path.join(repoRoot, "charts", "floe-platform");
  const ns = `platform${major}`;
  const rel = `fp${major}`;
  const home = tempDir(`floe-platform${major}-`);
  const run = helmRunner(major, ns, home, 300_000);

  it("installs and waits (hooks and Jobs included), then every helm test pod succeeds", async () => {
    const install = await run(
      "install",
      rel,
      chart,
      "-f",
      path.join(chart, "values-test.yaml"),
      "--create-namespace",
      "--wait",
      "--wait-for-jobs",
      "--timeout",
      "240s",
    );
    expect(install.code, install.stderr).toBe(0);
    const test = await run("test", rel, "--timeout", "180s");
    expect(test.code, test.stderr).toBe(0);
    const suites = test.stdout.match(/TEST SUITE:/g) ?? [];
    const passed = test.stdout.match(/Phase:\s+Succeeded/g) ?? [];
    expect(suites.length).toBeGreaterThan(1);
    expect(passed.length).toBe(suites.length);
    const un = await run("uninstall", rel, "--wait", "--timeout", "120s");
    expect(un.code, un.stderr).toBe(0);
  });
});
