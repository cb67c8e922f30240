import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildInputs, defaultToolCache, parseHelmMajors } from "../../src/config/inputs.js";
import { UserError } from "../../src/core/errors.js";

describe("buildInputs", () => {
  const cwd = "/repo";
  it.each([
    {
      name: "defaults outside Actions",
      flags: {},
      env: {},
      want: { workDir: "/repo/.floe-helm", toolsDir: undefined, helmMajors: [3, 4], githubActions: false },
    },
    {
      name: "defaults in Actions (mocked runner environment)",
      flags: {},
      env: { GITHUB_ACTIONS: "true", RUNNER_TEMP: "/runner/tmp" },
      want: { workDir: "/runner/tmp/floe-helm", githubActions: true },
    },
    {
      name: "env inputs (how the composite action passes them)",
      flags: {},
      env: { FLOE_HELM_WORK_DIR: "out", FLOE_HELM_TOOLS_DIR: "t", FLOE_HELM_HELM: "4" },
      want: { workDir: "/repo/out", toolsDir: "/repo/t", helmMajors: [4] },
    },
    {
      name: "flags win over env",
      flags: { workDir: "/abs", helm: "3" },
      env: { FLOE_HELM_WORK_DIR: "out", FLOE_HELM_HELM: "4" },
      want: { workDir: "/abs", helmMajors: [3] },
    },
    {
      name: "empty action inputs mean default",
      flags: {},
      env: { FLOE_HELM_WORK_DIR: "", FLOE_HELM_TOOLS_DIR: " ", FLOE_HELM_HELM: "" },
      want: { workDir: "/repo/.floe-helm", toolsDir: undefined, helmMajors: [3, 4] },
    },
    {
      name: "gate defaults",
      flags: {},
      env: {},
      want: {
        helmExplicit: false,
        gateConfig: undefined,
        charts: [],
        valuesFiles: [],
        kubeVersion: undefined,
        resultsFile: undefined,
      },
    },
    {
      name: "gate flags",
      flags: {
        config: "g.yaml",
        chart: ["charts/a", "/abs/b"],
        values: ["v.yaml"],
        kubeVersion: "1.36",
        results: "r.json",
        helm: "4",
      },
      env: {},
      want: {
        helmExplicit: true,
        gateConfig: "/repo/g.yaml",
        charts: ["/repo/charts/a", "/abs/b"],
        valuesFiles: ["/repo/v.yaml"],
        kubeVersion: "1.36",
        resultsFile: "/repo/r.json",
      },
    },
    {
      name: "gate env inputs: lists split on newlines and commas",
      flags: {},
      env: {
        FLOE_HELM_CONFIG: "ci/gate.yaml",
        FLOE_HELM_CHARTS: "charts/a\ncharts/b, charts/c\n",
        FLOE_HELM_VALUES: "",
        FLOE_HELM_KUBE_VERSION: "1.37",
        FLOE_HELM_RESULTS: "out.json",
        FLOE_HELM_HELM: "3",
      },
      want: {
        helmExplicit: true,
        gateConfig: "/repo/ci/gate.yaml",
        charts: ["/repo/charts/a", "/repo/charts/b", "/repo/charts/c"],
        valuesFiles: [],
        kubeVersion: "1.37",
        resultsFile: "/repo/out.json",
      },
    },
    {
      name: "flags win over env for gate lists",
      flags: { chart: ["x"] },
      env: { FLOE_HELM_CHARTS: "y,z" },
      want: { charts: ["/repo/x"] },
    },
    {
      name: "cluster defaults to kwok with no kubeconfig",
      flags: {},
      env: {},
      want: { cluster: "kwok", kubeconfig: undefined },
    },
    {
      name: "cluster and kubeconfig from env",
      flags: {},
      env: { FLOE_HELM_CLUSTER: "existing", FLOE_HELM_KUBECONFIG: "kc.yaml" },
      want: { cluster: "existing", kubeconfig: "/repo/kc.yaml" },
    },
    {
      name: "--provider and --kubeconfig win over env",
      flags: { provider: "KIND", kubeconfig: "/abs/kc" },
      env: { FLOE_HELM_CLUSTER: "existing", FLOE_HELM_KUBECONFIG: "kc.yaml" },
      want: { cluster: "kind", kubeconfig: "/abs/kc" },
    },
    {
      name: "upgrade-check defaults: no base",
      flags: {},
      env: {},
      want: { upgradeBase: undefined, upgradeBaseChart: undefined, githubBaseRef: undefined },
    },
    {
      name: "upgrade-check env inputs and the pull request's target branch (mocked runner environment)",
      flags: {},
      env: {
        FLOE_HELM_UPGRADE_BASE: "v1.2.0",
        FLOE_HELM_UPGRADE_BASE_CHART: "dist/old.tgz",
        GITHUB_BASE_REF: "main",
      },
      want: { upgradeBase: "v1.2.0", upgradeBaseChart: "/repo/dist/old.tgz", githubBaseRef: "main" },
    },
    {
      name: "--base and --base-chart win over env; empty GITHUB_BASE_REF (push event) is unset",
      flags: { base: "HEAD~1", baseChart: "/abs/chart" },
      env: { FLOE_HELM_UPGRADE_BASE: "x", FLOE_HELM_UPGRADE_BASE_CHART: "y", GITHUB_BASE_REF: "" },
      want: { upgradeBase: "HEAD~1", upgradeBaseChart: "/abs/chart", githubBaseRef: undefined },
    },
  ])("$name", ({ flags, env, want }) => {
    expect(buildInputs(flags, env, cwd)).toMatchObject(want);
  });

  it.each([
    ["3", [3]],
    ["4", [4]],
    ["both", [3, 4]],
    ["BOTH", [3, 4]],
    ["3,4", [3, 4]],
  ])("parses --helm %s", (v, want) => {
    expect(parseHelmMajors(v, "--helm")).toEqual(want);
  });

  it.each(["2", "latest", "3.17", ""])("refuses --helm %j naming the source", (v) => {
    expect(() => parseHelmMajors(v, "FLOE_HELM_HELM")).toThrow(UserError);
    expect(() => parseHelmMajors(v, "FLOE_HELM_HELM")).toThrow(/FLOE_HELM_HELM: expected 3, 4 or both/);
  });

  it.each([
    {
      name: "installer defaults outside Actions: per-user cache, official sites, pinned versions",
      flags: {},
      env: { HOME: "/home/me" },
      want: {
        toolCache: "/home/me/.cache/floe-helm/tools",
        mirror: undefined,
        checksums: undefined,
        toolVersions: { helm: undefined, kind: undefined, kubectl: undefined, kubesec: undefined },
      },
    },
    {
      name: "installer cache follows XDG_CACHE_HOME",
      flags: {},
      env: { HOME: "/home/me", XDG_CACHE_HOME: "/xdg" },
      want: { toolCache: "/xdg/floe-helm/tools" },
    },
    {
      name: "installer cache in Actions is RUNNER_TOOL_CACHE (mocked runner environment)",
      flags: {},
      env: { GITHUB_ACTIONS: "true", RUNNER_TOOL_CACHE: "/opt/hostedtoolcache", HOME: "/home/runner" },
      want: { toolCache: "/opt/hostedtoolcache" },
    },
    {
      name: "installer env inputs (how the composite action passes them)",
      flags: {},
      env: {
        FLOE_HELM_TOOL_CACHE: "tc",
        FLOE_HELM_MIRROR: "https://m.example.com",
        FLOE_HELM_HELM_VERSION: "3.17.2,4",
        FLOE_HELM_KIND_VERSION: "0",
        FLOE_HELM_KUBECTL_VERSION: "1.36.0",
        FLOE_HELM_KUBESEC_VERSION: "2",
        FLOE_HELM_CHECKSUMS: "ci/checksums.yaml",
      },
      want: {
        toolCache: "/repo/tc",
        mirror: "https://m.example.com",
        checksums: "/repo/ci/checksums.yaml",
        toolVersions: { helm: "3.17.2,4", kind: "0", kubectl: "1.36.0", kubesec: "2" },
      },
    },
    {
      name: "installer flags win over env; empty action inputs mean default",
      flags: { toolCache: "/abs/tc", helmVersion: "4", checksums: "/abs/mine.json" },
      env: {
        FLOE_HELM_TOOL_CACHE: "tc",
        FLOE_HELM_HELM_VERSION: "3",
        FLOE_HELM_MIRROR: " ",
        FLOE_HELM_CHECKSUMS: "other.yaml",
        HOME: "/h",
      },
      want: {
        toolCache: "/abs/tc",
        mirror: undefined,
        checksums: "/abs/mine.json",
        toolVersions: { helm: "4" },
      },
    },
  ])("$name", ({ flags, env, want }) => {
    expect(buildInputs(flags, env, cwd)).toMatchObject(want);
  });

  it.each([
    {
      name: "per-user cache by default",
      env: { HOME: "/home/me" },
      want: "/home/me/.cache/floe-helm/validators",
    },
    {
      name: "follows XDG_CACHE_HOME",
      env: { HOME: "/h", XDG_CACHE_HOME: "/xdg" },
      want: "/xdg/floe-helm/validators",
    },
    {
      name: "in Actions beside the tool cache (mocked runner environment)",
      env: { GITHUB_ACTIONS: "true", RUNNER_TOOL_CACHE: "/opt/hostedtoolcache", HOME: "/home/runner" },
      want: "/opt/hostedtoolcache/floe-helm-validators",
    },
    {
      name: "FLOE_HELM_VALIDATOR_CACHE, relative to cwd",
      env: { FLOE_HELM_VALIDATOR_CACHE: "vc" },
      want: "/repo/vc",
    },
    {
      name: "FLOE_HELM_VALIDATOR_CACHE=off: no cache",
      env: { FLOE_HELM_VALIDATOR_CACHE: "OFF" },
      want: undefined,
    },
  ])("validator cache: $name", ({ env, want }) => {
    expect(buildInputs({}, env, cwd).validatorCache).toBe(want);
  });

  it("installer cache on macOS is ~/Library/Caches", () => {
    expect(defaultToolCache({ HOME: "/Users/me" }, "darwin")).toBe(
      "/Users/me/Library/Caches/floe-helm/tools",
    );
  });

  it.each([
    [{ provider: "docker" }, {}, /--provider: expected one of kind, kwok, existing, got 'docker'/],
    [{}, { FLOE_HELM_CLUSTER: "k3d" }, /FLOE_HELM_CLUSTER: expected one of kind, kwok, existing, got 'k3d'/],
  ])("refuses an unknown cluster provider %j %j naming the source", (flags, env, want) => {
    expect(() => buildInputs(flags, env, cwd)).toThrow(want);
  });

  it("resolves relative paths against the working directory", () => {
    expect(buildInputs({ toolsDir: ".tools/bin" }, {}, cwd).toolsDir).toBe(path.join(cwd, ".tools/bin"));
  });
});
