// Library charts are linted on their own (src/gate/stages/library.ts): their dependents render a vendored copy,
// so a template broken in the library's own folder would otherwise pass until it is vendored again.
// The real helm 3 and helm 4, through the CLI.
import { mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { toolsDir } from "../helpers/tools.js";

function repo(helpers: string): string {
  const root = tempDir("floe-gate-lib-");
  const put = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  put("charts/lib/Chart.yaml", "apiVersion: v2\nname: lib\ntype: library\nversion: 0.1.0\n");
  put("charts/lib/templates/_helpers.tpl", helpers);
  put("charts/app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n");
  put("charts/app/values.yaml", "name: app\n");
  put(
    "charts/app/templates/cm.yaml",
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\ndata: {}\n",
  );
  return root;
}

async function gate(root: string, args: string[] = []) {
  const work = tempDir("floe-gate-lib-work-");
  const r = await cli(["gate", "--tools-dir", toolsDir, "--work-dir", work, ...args], { cwd: root });
  const results = JSON.parse(await readFile(path.join(work, "gate.results.json"), "utf8")) as {
    checks: Array<{ id: string; state: string }>;
    findings: Array<{ rule: string; file?: string; line?: number; message: string }>;
  };
  return { ...r, results };
}

describe("gate: library charts are linted on their own", () => {
  it("a sound library: one passing lint per helm major, next to the skip saying it renders nothing", async () => {
    const r = await gate(repo('{{- define "lib.name" -}}{{ .Chart.Name | trunc 63 }}{{- end -}}\n'));
    expect(r.code, r.err).toBe(0);
    const ids = r.results.checks.map((c) => `${c.id} ${c.state}`);
    expect(ids).toContain("lint lib (library) helm3 pass");
    expect(ids).toContain("lint lib (library) helm4 pass");
    expect(ids).toContain("chart lib skip");
  });

  it("a template broken in the library's folder fails the gate at its file and line, with either helm", async () => {
    const r = await gate(repo('{{- define "lib.name" -}}\n{{ .Chart.Name | trunc 63 }\n{{- end -}}\n'));
    expect(r.code).toBe(1);
    const ids = r.results.checks.map((c) => `${c.id} ${c.state}`);
    expect(ids).toContain("lint lib (library) helm3 fail");
    expect(ids).toContain("lint lib (library) helm4 fail");
    const lint = r.results.findings.filter((f) => f.rule === "lint");
    expect(lint.length).toBeGreaterThan(0);
    expect(lint.every((f) => f.file === "charts/lib/templates/_helpers.tpl" && f.line === 2)).toBe(true);
    expect(r.out).toContain("charts/lib/templates/_helpers.tpl:2");
  });

  it("--chart naming the library alone (the PR gate's cell of a changed library): linted, no cell, a pass", async () => {
    const r = await gate(repo('{{- define "lib.name" -}}{{ .Chart.Name | trunc 63 }}{{- end -}}\n'), [
      "--chart",
      "charts/lib",
    ]);
    expect(r.code, r.err).toBe(0);
    const ids = r.results.checks.map((c) => `${c.id} ${c.state}`);
    expect(ids).toContain("lint lib (library) helm3 pass");
    expect(ids).toContain("lint lib (library) helm4 pass");
    expect(ids.some((id) => id.startsWith("template") || id.includes("app"))).toBe(false);
  });

  it("--chart naming a broken library alone fails at its line", async () => {
    const r = await gate(repo('{{- define "lib.name" -}}\n{{ .Chart.Name | trunc 63 }\n{{- end -}}\n'), [
      "--chart",
      "charts/lib",
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("charts/lib/templates/_helpers.tpl:2");
  });
});
