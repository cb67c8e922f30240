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
