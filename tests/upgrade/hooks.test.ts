// upgrade/hook-to-object and upgrade/object-to-hook (src/upgrade/hooks.ts): the rule, table-driven; then what it
// claims, on a real API server (a kwok control plane) with the real helm 3 and helm 4: the upgrade from a kept
// hook to a release object of the same name fails with helm's ownership error, one from a hook deleted on
// success passes, and a release object that becomes a pre-upgrade hook is gone after the upgrade (kept when the
// hook is also post-upgrade).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTool } from "../../src/exec/runner.js";
import { predictHookHazards } from "../../src/upgrade/hooks.js";
import type { ObjectLike } from "../../src/upgrade/immutable.js";
import { clusterDown, clusterUp, type TestCluster } from "../helpers/cluster.js";
import { tempDir } from "../helpers/tmp.js";
import { tool } from "../helpers/tools.js";

const cm = (name: string, hook?: string, policy?: string): ObjectLike => ({
  kind: "ConfigMap",
  name,
  doc: {
    metadata: {
      name,
      annotations: {
        ...(hook ? { "helm.sh/hook": hook } : {}),
        ...(policy ? { "helm.sh/hook-delete-policy": policy } : {}),
      },
    },
  },
});

describe("predictHookHazards", () => {
  it.each<[string, ObjectLike[], ObjectLike[], string[]]>([
    [
      "a kept hook becomes a release object",
      [cm("s", "post-install")],
      [cm("s")],
      ["upgrade/hook-to-object error"],
    ],
    [
      "a hook kept on failure only (hook-failed) becomes a release object",
      [cm("s", "post-install", "hook-failed")],
      [cm("s")],
      ["upgrade/hook-to-object error"],
    ],
    [
      "a hook deleted on success becomes a release object",
      [cm("s", "post-install", "before-hook-creation,hook-succeeded")],
      [cm("s")],
      [],
    ],
    [
      "a release object becomes a pre-upgrade hook",
      [cm("s")],
      [cm("s", "pre-upgrade")],
      ["upgrade/object-to-hook warning"],
    ],
    [
      "a release object becomes a pre- and post-upgrade hook (recreated after)",
      [cm("s")],
      [cm("s", "pre-upgrade,post-upgrade")],
      [],
    ],
    ["a release object becomes a post-upgrade hook", [cm("s")], [cm("s", "post-upgrade")], []],
    ["a hook stays a hook", [cm("s", "post-install")], [cm("s", "post-install,post-upgrade")], []],
    ["another name", [cm("s", "post-install")], [cm("t")], []],
    ["another kind of the same name", [cm("s", "post-install")], [{ ...cm("s"), kind: "Secret" }], []],
  ])("%s", (_name, before, after, want) => {
    expect(predictHookHazards(before, after).map((h) => `${h.rule} ${h.severity}`)).toEqual(want);
  });
});

describe("on a real API server (kwok) with helm 3 and helm 4", () => {
  let c: TestCluster | undefined;
  let charts: string;
  const configMap = (hook?: string, policy?: string) =>
    [
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata:",
      "  name: setup",
      ...(hook ? ["  annotations:", `    helm.sh/hook: ${hook}`] : []),
      ...(policy ? [`    helm.sh/hook-delete-policy: ${policy}`] : []),
      "data:",
      '  a: "1"',
      "",
    ].join("\n");
  const chart = (name: string, template: string) => {
    const dir = path.join(charts, name);
    mkdirSync(path.join(dir, "templates"), { recursive: true });
    writeFileSync(path.join(dir, "Chart.yaml"), "apiVersion: v2\nname: hooks\nversion: 0.1.0\n");
    writeFileSync(path.join(dir, "templates", "setup.yaml"), template);
    return dir;
  };
  beforeAll(async () => {
    c = await clusterUp();
    charts = tempDir("floe-hook-charts-");
  }, 300_000);
  afterAll(async () => {
    await clusterDown(c);
  }, 120_000);

  const helmRun = (major: 3 | 4, ...args: string[]) =>
    runTool([tool(major === 3 ? "helm3" : "helm4"), "--kubeconfig", c!.kubeconfig, ...args], {
      timeoutMs: 120_000,
    });
  /** Installs `from`, upgrades to `to`; the upgrade's result and whether ConfigMap/setup exists after it. */
  async function upgrade(major: 3 | 4, release: string, from: string, to: string) {
    const ns = `${release}-h${major}`;
    const i = await helmRun(major, "install", release, from, "-n", ns, "--create-namespace", "--wait");
    expect(i.code, i.stderr).toBe(0);
    const u = await helmRun(major, "upgrade", release, to, "-n", ns);
    const got = await c!.kubectl("get", "configmap", "setup", "-n", ns, "-o", "name");
    return { u, exists: got.code === 0 };
  }

  it.each([3, 4] as const)(
    "helm %i: a kept hook that becomes a release object fails the upgrade as predicted",
    async (major) => {
      const hook = chart(`kept-${major}`, configMap("post-install,post-upgrade"));
      const plain = chart(`plain-${major}`, configMap());
      const r = await upgrade(major, "kept", hook, plain);
      expect(r.u.code).not.toBe(0);
      expect(r.u.stderr).toMatch(
        /ConfigMap "setup" in namespace "kept-h\d" exists and cannot be imported into the current release: invalid ownership metadata/,
      );
    },
  );

  it.each([3, 4] as const)(
    "helm %i: a hook deleted on success becomes a release object without trouble",
    async (major) => {
      const hook = chart(`succ-${major}`, configMap("post-install", "before-hook-creation,hook-succeeded"));
      const plain = chart(`plain2-${major}`, configMap());
      const r = await upgrade(major, "succ", hook, plain);
      expect(r.u.code, r.u.stderr).toBe(0);
      expect(r.exists).toBe(true);
    },
  );

  it.each([3, 4] as const)(
    "helm %i: a release object that becomes a pre-upgrade hook is gone after the upgrade, kept when also post-upgrade",
    async (major) => {
      const plain = chart(`obj-${major}`, configMap());
      const pre = await upgrade(major, "pre", plain, chart(`pre-${major}`, configMap("pre-upgrade")));
      expect(pre.u.code, pre.u.stderr).toBe(0);
      expect(pre.exists).toBe(false);
      const both = await upgrade(
        major,
        "both",
        plain,
        chart(`both-${major}`, configMap("pre-upgrade,post-upgrade")),
      );
      expect(both.u.code, both.u.stderr).toBe(0);
      expect(both.exists).toBe(true);
    },
  );
});
