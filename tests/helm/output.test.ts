import { describe, expect, it } from "vitest";
import { parseLintOutput, parseRenderError } from "../../src/helm/output.js";

const chart = "/repo/charts/app";
const cwd = "/repo";

describe("parseRenderError (helm template's one error)", () => {
  it("leaves out client-go's log lines (a lost watch when the API server went away), keeps helm's error", () => {
    const stderr =
      'I1202 01:51:40.066606   13942 reflector.go:664] "Warning: watch ended with error" type="batch/v1, Kind=Job"\nW1202 01:51:41.000001   13942 reflector.go:1] x\nError: INSTALLATION FAILED: resource Deployment/ns/d not ready. status: Unknown\ncontext deadline exceeded\n';
    expect(parseRenderError(stderr, chart, cwd).message).toBe(
      "INSTALLATION FAILED: resource Deployment/ns/d not ready. status: Unknown context deadline exceeded",
    );
  });

  it.each([
    {
      major: 3,
      stderr:
        'Error: template: app/templates/cm.yaml:6:15: executing "app/templates/cm.yaml" at <.Values.a.b>: nil pointer\n\nUse --debug flag to render out invalid YAML\n',
      want: { file: "charts/app/templates/cm.yaml", line: 6, col: 15, schema: false },
      message:
        'template: app/templates/cm.yaml:6:15: executing "app/templates/cm.yaml" at <.Values.a.b>: nil pointer',
    },
    {
      major: 4,
      stderr:
        'Error: app/templates/cm.yaml:6:15\n  executing "app/templates/cm.yaml" at <.Values.a.b>:\n    nil pointer\n\nUse --debug flag to render out invalid YAML\n',
      want: { file: "charts/app/templates/cm.yaml", line: 6, col: 15, schema: false },
      message: 'app/templates/cm.yaml:6:15 executing "app/templates/cm.yaml" at <.Values.a.b>: nil pointer',
    },
    {
      major: 3,
      stderr:
        "Error: parse error at (app/templates/x.yaml:7): unclosed action started at app/templates/x.yaml:6\n",
      want: { file: "charts/app/templates/x.yaml", line: 7, schema: false },
      message: "parse error at (app/templates/x.yaml:7): unclosed action started at app/templates/x.yaml:6",
    },
    {
      major: 4,
      stderr: "Error: execution error at (app/charts/db/templates/sts.yaml:6:8): db.password is required\n",
      want: { file: "charts/app/charts/db/templates/sts.yaml", line: 6, col: 8, schema: false },
      message: "execution error at (app/charts/db/templates/sts.yaml:6:8): db.password is required",
    },
    {
      major: 3,
      stderr:
        "Error: YAML parse error on app/templates/x.yaml: error converting YAML to JSON: yaml: line 6: mapping values are not allowed in this context\n",
      want: { file: "charts/app/templates/x.yaml", line: 1, schema: false },
      message:
        "rendered output is not valid YAML (rendered line 6): error converting YAML to JSON: yaml: line 6: mapping values are not allowed in this context",
    },
    {
      major: 4,
      stderr:
        "Error: values don't meet the specifications of the schema(s) in the following chart(s):\napp:\n- at '/replicas': got string, want integer\n",
      want: { schema: true },
      message:
        "values don't meet the specifications of the schema(s) in the following chart(s): app: - at '/replicas': got string, want integer",
    },
  ])("helm $major: $message", ({ stderr, want, message }) => {
    const m = parseRenderError(stderr, chart, cwd);
    expect(m).toMatchObject({ severity: "error", message, ...want });
    if (!("col" in want)) expect(m.col).toBeUndefined();
  });
});

describe("parseLintOutput", () => {
  const out = [
    "==> Linting charts/app",
    "[INFO] Chart.yaml: icon is recommended",
    "[WARNING] templates/svc.yaml: object name does not conform to Kubernetes naming requirements",
    "[ERROR] templates/: app/templates/cm.yaml:6:15",
    '  executing "app/templates/cm.yaml" at <.Values.a.b>:',
    "    nil pointer",
    "[ERROR] values.yaml: - at '/replicas': got string, want integer",
    "",
    "[ERROR] /repo/charts/app: chart metadata is missing these dependencies: sub",
    "",
    "Error: 1 chart(s) linted, 1 chart(s) failed",
  ].join("\n");

  it("keeps ERROR and WARNING lines with their file (and line when helm names one), drops INFO", () => {
    expect(parseLintOutput(out, chart, cwd)).toEqual([
      {
        severity: "warning",
        message: "object name does not conform to Kubernetes naming requirements",
        file: "charts/app/templates/svc.yaml",
        schema: false,
        template: true,
      },
      {
        severity: "error",
        message: 'app/templates/cm.yaml:6:15 executing "app/templates/cm.yaml" at <.Values.a.b>: nil pointer',
        file: "charts/app/templates/cm.yaml",
        line: 6,
        col: 15,
        schema: false,
        template: true,
      },
      {
        severity: "error",
        message: "- at '/replicas': got string, want integer",
        file: "charts/app/values.yaml",
        schema: true,
        template: false,
      },
      {
        severity: "error",
        message: "chart metadata is missing these dependencies: sub",
        file: "charts/app",
        schema: false,
        template: false,
      },
    ]);
  });
});
