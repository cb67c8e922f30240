import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/cli/errors.js";
import { buildInputs, parseHelmMajors } from "../../src/config/inputs.js";

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
    expect(() => parseHelmMajors(v, "FLOE_HELM_HELM")).toThrow(InputError);
    expect(() => parseHelmMajors(v, "FLOE_HELM_HELM")).toThrow(/FLOE_HELM_HELM: expected 3, 4 or both/);
  });

  it("resolves relative paths against the working directory", () => {
    expect(buildInputs({ toolsDir: ".tools/bin" }, {}, cwd).toolsDir).toBe(path.join(cwd, ".tools/bin"));
  });
});
