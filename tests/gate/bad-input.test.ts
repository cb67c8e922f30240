// Bad input never crashes the gate: each case is one clear finding (exit 1) or one usage error (exit 2),
// with its message asserted. Charts are copies of the passing fixture, broken one way each.
import { cp, mkdir, open, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, toolsDir } from "../helpers/tools.js";

const goodChart = path.join(repoRoot, "tests", "fixtures", "gate", "good", "charts", "app");
let root = "";

/** A fresh copy of the passing chart at <root>/<name>/charts/app, changed by `edit`. */
async function repo(name: string, edit: (chart: string) => Promise<void> = async () => {}): Promise<string> {
  const dir = path.join(root, name);
  await cp(goodChart, path.join(dir, "charts", "app"), { recursive: true });
  await edit(path.join(dir, "charts", "app"));
  return dir;
}

async function gate(cwd: string, args: string[] = []) {
  return cli(
    ["gate", "--tools-dir", toolsDir, "--work-dir", path.join(cwd, ".floe-helm"), "--helm", "4", ...args],
    {
      cwd,
    },
  );
}

beforeAll(async () => {
  root = tempDir("floe-bad-input-");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Case {
  name: string;
  setup: () => Promise<{ cwd: string; args?: string[] }>;
  code: 1 | 2;
  /** Expected on stdout (findings) for exit 1, on stderr (the one error line) for exit 2. */
  message: RegExp;
}

const cases: Case[] = [
  {
    name: "a chart folder without Chart.yaml",
    setup: async () => {
      const cwd = await repo("no-chart-yaml");
      await mkdir(path.join(cwd, "charts", "empty"));
      return { cwd, args: ["--chart", "charts/empty"] };
    },
    code: 2,
    message:
      /^floe-helm: error: charts\/empty is not a Helm chart: Chart\.yaml is missing \(expected charts\/empty\/Chart\.yaml\)$/m,
  },
  {
    name: "a chart folder that does not exist",
    setup: async () => ({ cwd: await repo("no-dir"), args: ["--chart", "charts/nope"] }),
    code: 2,
    message: /^floe-helm: error: chart folder not found: charts\/nope$/m,
  },
  {
    name: "a values file that does not exist",
    setup: async () => ({ cwd: await repo("no-values"), args: ["--values", "charts/app/values-qa.yaml"] }),
    code: 2,
    message: /^floe-helm: error: values file not found: charts\/app\/values-qa\.yaml$/m,
  },
  {
    name: "a values schema that is not valid JSON Schema",
    setup: async () => ({
      cwd: await repo("bad-schema", async (c) => {
        await writeFile(
          path.join(c, "values.schema.json"),
          '{\n  "type": "object",\n  "properties": {\n    "replicas": { "type": "strin" }\n  }\n}\n',
        );
      }),
    }),
    code: 1,
    message:
      /^charts\/app\/values\.schema\.json:4:19: error values-schema: not a valid JSON Schema: properties\.replicas\.type must be equal to one of the allowed values$/m,
  },
  {
    name: "a values schema that is not JSON",
    setup: async () => ({
      cwd: await repo("schema-not-json", async (c) => {
        await writeFile(
          path.join(c, "values.schema.json"),
          '{\n  "type": "object",\n  "properties": {,\n}\n',
        );
      }),
    }),
    code: 1,
    message: /^charts\/app\/values\.schema\.json:3:\d+: error values-schema: not valid JSON: /m,
  },
  {
    name: "a template that fails to render (helm's error at the template and line)",
    setup: async () => ({
      cwd: await repo("no-render", async (c) => {
        await writeFile(
          path.join(c, "templates", "broken.yaml"),
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: {{ required "image.digest is required" .Values.image.digest }}\n',
        );
      }),
    }),
    code: 1,
    message:
      /^charts\/app\/templates\/broken\.yaml:6:8: error render: execution error at \(app\/templates\/broken\.yaml:6:8\): image\.digest is required \(scenarios: dev, prod, ci\/alt-port-values; helm 4\)$/m,
  },
  {
    name: "a template with a syntax error",
    setup: async () => ({
      cwd: await repo("parse-error", async (c) => {
        await writeFile(
          path.join(c, "templates", "broken.yaml"),
          "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: {{ .Values.x \n",
        );
      }),
    }),
    code: 1,
    message:
      /^charts\/app\/templates\/broken\.yaml:5: error render: parse error at \(app\/templates\/broken\.yaml:5\): unclosed action/m,
  },
  {
    name: "binary garbage as a values file",
    setup: async () => {
      const cwd = await repo("binary-values");
      const bytes = Buffer.from([
        0x72, 0x65, 0x70, 0x3a, 0x0a, 0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x01,
      ]);
      await writeFile(path.join(cwd, "garbage.yaml"), bytes);
      return { cwd, args: ["--values", "garbage.yaml"] };
    },
    code: 1,
    message:
      /^garbage\.yaml:2:1: error yaml-parse: not a UTF-8 text file \(byte 0x89 at offset 5\): a values file must be YAML text$/m,
  },
  {
    name: "a 50 MB values file",
    setup: async () => {
      const cwd = await repo("huge-values");
      const fh = await open(path.join(cwd, "huge.yaml"), "w");
      const line = `${"k".repeat(20)}: ${"v".repeat(100)}\n`;
      const chunk = line.repeat(8192);
      for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) await fh.write(chunk);
      await fh.close();
      return { cwd, args: ["--values", "huge.yaml"] };
    },
    code: 2,
    message:
      /^floe-helm: error: huge\.yaml: values file is 50\.\d MiB, over the 8 MiB floe-helm reads \(values files are configuration, not data\)$/m,
  },
  {
    name: "a config with an unknown key",
    setup: async () => {
      const cwd = await repo("unknown-key");
      await writeFile(
        path.join(cwd, "floe-gate.yaml"),
        "charts:\n  - dir: charts/app\n    scenario: []\nhelm: 4\n",
      );
      return { cwd };
    },
    code: 2,
    message:
      /^floe-helm: error: floe-gate\.yaml:3:5: unknown key 'scenario' at charts\.0 of floe-gate\.yaml \(see schemas\/floe-gate\.schema\.json\)$/m,
  },
  {
    name: "a config with a wrongly typed value",
    setup: async () => {
      const cwd = await repo("bad-type");
      await writeFile(path.join(cwd, "floe-gate.yaml"), "kubesec:\n  threshold: high\n");
      return { cwd };
    },
    code: 2,
    message: /^floe-helm: error: floe-gate\.yaml:2:3: kubesec\.threshold: must be integer$/m,
  },
  {
    name: "a config that is not YAML",
    setup: async () => {
      const cwd = await repo("config-not-yaml");
      await writeFile(path.join(cwd, "floe-gate.yaml"), "charts: [\n");
      return { cwd };
    },
    code: 2,
    message: /^floe-helm: error: floe-gate\.yaml:2:1: yaml-parse: not valid YAML: /m,
  },
  {
    name: "an explicit config file that does not exist",
    setup: async () => ({ cwd: await repo("no-config"), args: ["--config", "nope.yaml"] }),
    code: 2,
    message: /^floe-helm: error: config file not found: nope\.yaml$/m,
  },
  {
    name: "a repository without charts",
    setup: async () => {
      const cwd = path.join(root, "empty-repo");
      await mkdir(cwd, { recursive: true });
      return { cwd };
    },
    code: 2,
    message: /^floe-helm: error: no charts to check: no folder under charts\/ holds a Chart\.yaml/m,
  },
  {
    name: "a bad --kube-version",
    setup: async () => ({ cwd: await repo("bad-kube"), args: ["--kube-version", "latest"] }),
    code: 2,
    message:
      /^floe-helm: error: --kube-version: expected a Kubernetes version X\.Y \(e\.g\. 1\.37\), got 'latest'$/m,
  },
];

describe("gate on bad input", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_n, c) => {
    const { cwd, args } = await c.setup();
    const r = await gate(cwd, args);
    expect({ code: r.code, text: c.code === 1 ? r.out : r.err }).toEqual({
      code: c.code,
      text: expect.stringMatching(c.message),
    });
    expect(r.err).not.toMatch(/\n\s+at |internal error/); // never a stack trace or a crash
    // Even a run stopped by bad input leaves its results file.
    const results = JSON.parse(await readFile(path.join(cwd, ".floe-helm", "gate.results.json"), "utf8"));
    expect(results.status).toBe(c.code === 1 ? "fail" : "error");
  });
});
