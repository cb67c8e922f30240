// The install-test phase's pure parts: helm argv per major, and `helm status -o json` -> test pod checks.
import { describe, expect, it } from "vitest";
import {
  helmInstallArgv,
  helmStatusArgv,
  helmTestArgv,
  helmUninstallArgv,
  kubectlDeleteNamespaceArgv,
  kubectlDiagnosticsArgv,
  kubectlLogsArgv,
  kubectlPodNamesArgv,
  kubectlPodPhasesArgv,
  kubectlReadyzArgv,
} from "../../src/install/argv.js";

const K = ["/t/kubectl", "--kubeconfig", "/k", "--namespace", "ns"];

import { SIMULATED, testHookChecks } from "../../src/install/hooks.js";

const a = {
  bin: "/t/helm4",
  major: 4 as const,
  kubeconfig: "/k",
  release: "r",
  namespace: "ns",
  timeout: "60s",
};
const target = ["--kubeconfig", "/k", "--namespace", "ns"];

describe("helm argv (the same for helm 3 and 4)", () => {
  it.each([
    [
      "install",
      helmInstallArgv({ ...a, chartDir: "/c", valuesFiles: ["/v1.yaml", "/v2.yaml"] }),
      [
        "/t/helm4",
        "install",
        "r",
        "/c",
        ...target,
        "--create-namespace",
        "--values",
        "/v1.yaml",
        "--values",
        "/v2.yaml",
        "--wait",
        "--wait-for-jobs",
        "--timeout",
        "60s",
      ],
    ],
    [
      "install helm 3",
      helmInstallArgv({ ...a, bin: "h3", major: 3, chartDir: "/c", valuesFiles: [] })[1],
      "install",
    ],
    ["test", helmTestArgv(a), ["/t/helm4", "test", "r", ...target, "--timeout", "60s"]],
    ["status", helmStatusArgv(a), ["/t/helm4", "status", "r", ...target, "--output", "json"]],
    [
      "uninstall",
      helmUninstallArgv(a),
      ["/t/helm4", "uninstall", "r", ...target, "--wait", "--timeout", "60s"],
    ],
    [
      "kubectl delete namespace",
      kubectlDeleteNamespaceArgv("/t/kubectl", "/k", "ns"),
      ["/t/kubectl", "--kubeconfig", "/k", "delete", "namespace", "ns", "--ignore-not-found", "--wait=false"],
    ],
    [
      "kubectl diagnostics (secrets by name only)",
      kubectlDiagnosticsArgv("/t/kubectl", "/k", "ns"),
      [
        {
          file: "objects.txt",
          argv: [
            ...K,
            "get",
            "all,configmaps,secrets,persistentvolumeclaims,networkpolicies",
            "--output",
            "wide",
          ],
        },
        { file: "events.txt", argv: [...K, "get", "events", "--sort-by", ".lastTimestamp"] },
        { file: "pods.txt", argv: [...K, "describe", "pods"] },
      ],
    ],
    [
      "kubectl pod names",
      kubectlPodNamesArgv("/t/kubectl", "/k", "ns"),
      [...K, "get", "pods", "--output", "name"],
    ],
    [
      "kubectl logs of a pod",
      kubectlLogsArgv("/t/kubectl", "/k", "ns", "p"),
      [...K, "logs", "p", "--all-containers", "--prefix", "--tail", "300"],
    ],
    [
      "kubectl pod phases (a timed-out test pod is still Running there)",
      kubectlPodPhasesArgv("/t/kubectl", "/k", "ns"),
      [
        ...K,
        "get",
        "pods",
        "--output",
        'jsonpath={range .items[*]}{.metadata.name} {.status.phase}{"\\n"}{end}',
      ],
    ],
    [
      "kubectl readyz (is the API server still there?)",
      kubectlReadyzArgv("/t/kubectl", "/k"),
      ["/t/kubectl", "--kubeconfig", "/k", "get", "--raw", "/readyz"],
    ],
  ])("%s", (_n, got, want) => {
    expect(got).toEqual(want);
  });

  it("refuses an empty chart path", () => {
    expect(() => helmInstallArgv({ ...a, chartDir: "", valuesFiles: [] })).toThrow(/explicit chart path/);
  });
});

const hook = (
  name: string,
  phase: string | undefined,
  annotations: string,
  events = ["test"],
  kind = "Pod",
) => ({
  name,
  kind,
  events,
  manifest: `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n  annotations:\n    helm.sh/hook: ${events.join(",")}\n${annotations}`,
  ...(phase === undefined ? {} : { last_run: { phase } }),
});
const status = (...hooks: unknown[]) => JSON.stringify({ name: "r", hooks });
const covers = "    floe.dev/covers: INT-1,E2E-2\n";

describe("testHookChecks", () => {
  it.each<[string, string, boolean, unknown[]]>([
    ["no hooks", JSON.stringify({ name: "r" }), false, []],
    [
      "a passing test pod with covers",
      status(hook("p", "Succeeded", covers)),
      false,
      [{ id: "helm-test p c/s helm4", rule: "helm-test", state: "pass", covers: ["INT-1", "E2E-2"] }],
    ],
    [
      "a failed test pod",
      status(hook("p", "Failed", covers)),
      false,
      [
        {
          id: "helm-test p c/s helm4",
          rule: "helm-test",
          state: "fail",
          reason: "test pod phase Failed",
          covers: ["INT-1", "E2E-2"],
        },
      ],
    ],
    [
      "on kwok a success is simulated: skipped, with why",
      status(hook("p", "Succeeded", covers)),
      true,
      [
        {
          id: "helm-test p c/s helm4",
          rule: "helm-test",
          state: "skip",
          reason: SIMULATED,
          covers: ["INT-1", "E2E-2"],
        },
      ],
    ],
    [
      "never run (helm test stopped before it)",
      status(hook("p", "", "")),
      false,
      [
        {
          id: "helm-test p c/s helm4",
          rule: "helm-test",
          state: "skip",
          reason: "helm test did not run this pod",
        },
      ],
    ],
    [
      "not a test hook, not a Pod",
      status(
        hook("j", "Succeeded", covers, ["pre-install"]),
        hook("k", "Succeeded", covers, ["test"], "Job"),
      ),
      false,
      [],
    ],
  ])("%s", (_n, json, simulated, want) => {
    expect(testHookChecks(json, { cell: "c/s helm4", simulated })).toEqual(want);
  });

  it.each<[string, string | undefined, string]>([
    [
      "still Running on the cluster: timed out",
      "Running",
      "test pod timed out: still Running when helm test's --timeout 20s ran out",
    ],
    [
      "still Pending on the cluster: timed out",
      "Pending",
      "test pod timed out: still Pending when helm test's --timeout 20s ran out",
    ],
    ["Failed on the cluster too: its own failure", "Failed", "test pod phase Failed"],
    ["gone from the cluster (deleted by its hook policy): helm's phase", undefined, "test pod phase Failed"],
  ])("a test pod helm records as Failed, %s", (_n, live, reason) => {
    const livePhases: Record<string, string> = live ? { p: live, other: "Running" } : { other: "Running" };
    expect(
      testHookChecks(status(hook("p", "Failed", "")), {
        cell: "c/s helm4",
        simulated: false,
        livePhases,
        timeout: "20s",
      }),
    ).toEqual([{ id: "helm-test p c/s helm4", rule: "helm-test", state: "fail", reason }]);
  });
});
