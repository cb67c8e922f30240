// ajv and helm must agree on values schemas: for every case of the corpus, the gate's verdict on the
// merged values equals what the real helm 3 and helm 4 say when they render a tiny chart with them.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as tar from "tar";
import { beforeAll, describe, expect, it } from "vitest";
import { runTool } from "../../src/exec/runner.js";
import { helmTemplateArgv } from "../../src/helm/argv.js";
import { compileValuesSchema, validateMerged } from "../../src/values/schema.js";
import { loadSubcharts, SubchartSchemas } from "../../src/values/subcharts.js";
import { type LoadedYaml, parseYamlText } from "../../src/values/yaml.js";
import { tempDir } from "../helpers/tmp.js";
import { helm } from "../helpers/tools.js";
import { type AgreementCase, cases, type SubchartSpec } from "./agreement-cases.js";

interface Verdicts {
  ajv3: boolean;
  ajv4: boolean;
  helm3: boolean;
  helm4: boolean;
  helm3Error: string;
  helm4Error: string;
}

const verdicts = new Map<string, Verdicts>();

async function pool<T>(items: readonly T[], limit: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

const cmText = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

/** Writes a chart (and its subcharts under charts/, folders or packed .tgz) for one case. */
async function writeChart(
  dir: string,
  name: string,
  c: { schema?: object; values?: string; subcharts?: SubchartSpec[] },
): Promise<void> {
  await mkdir(path.join(dir, "templates"), { recursive: true });
  const listed = (c.subcharts ?? []).filter((s) => !s.unlisted);
  const deps = listed.length
    ? `dependencies:\n${listed
        .map(
          (s) =>
            `  - name: ${s.name}\n    version: 0.1.0\n` +
            (s.alias ? `    alias: ${s.alias}\n` : "") +
            (s.condition ? `    condition: ${s.condition}\n` : "") +
            (s.tags ? `    tags: [${s.tags.join(", ")}]\n` : ""),
        )
        .join("")}`
    : "";
  await writeFile(path.join(dir, "Chart.yaml"), `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n${deps}`);
  if (c.values !== undefined) await writeFile(path.join(dir, "values.yaml"), c.values);
  if (c.schema) await writeFile(path.join(dir, "values.schema.json"), JSON.stringify(c.schema, null, 2));
  await writeFile(path.join(dir, "templates", "cm.yaml"), cmText(`{{ .Release.Name }}-${name}`));
  for (const s of c.subcharts ?? []) {
    const subDir = path.join(dir, "charts", s.name);
    await writeChart(subDir, s.name, s);
    if (s.packed) {
      await tar.c({ gzip: true, cwd: path.join(dir, "charts"), file: `${subDir}-0.1.0.tgz` }, [s.name]);
      await rm(subDir, { recursive: true });
    }
  }
}

/** The gate's verdict: the chart's schema on the merged values, then each subchart's. */
async function gateVerdict(
  dir: string,
  c: AgreementCase,
  files: LoadedYaml[],
  major: 3 | 4,
): Promise<boolean> {
  if (c.schema) {
    const compiled = compileValuesSchema(JSON.stringify(c.schema, null, 2), "values.schema.json");
    if (!("validate" in compiled)) return false; // reported as values-schema; helm fails the render too
    if (validateMerged(compiled.validate, files, major).length) return false;
  }
  const subs = new SubchartSchemas(await loadSubcharts(dir, dir));
  return subs.problems.length === 0 && subs.checkMerged(files, major).length === 0;
}

beforeAll(async () => {
  const root = tempDir("floe-agreement-");
  await pool([...cases.entries()], 4, async ([i, c]) => {
    const dir = path.join(root, `case-${i}`);
    await writeChart(dir, `case-${i}`, c);
    const valuesFiles: string[] = [];
    if (c.override !== undefined) {
      await writeFile(path.join(dir, "override.yaml"), c.override);
      valuesFiles.push(path.join(dir, "override.yaml"));
    }
    const files = [parseYamlText(c.values, "values.yaml")];
    if (c.override !== undefined) files.push(parseYamlText(c.override, "override.yaml"));
    const ajv3 = await gateVerdict(dir, c, files, 3);
    const ajv4 = await gateVerdict(dir, c, files, 4);
    const [h3, h4] = await Promise.all(
      ([3, 4] as const).map((major) =>
        runTool(helmTemplateArgv({ bin: helm(major), major, chartDir: dir, valuesFiles })),
      ),
    );
    verdicts.set(c.name, {
      ajv3,
      ajv4,
      helm3: h3!.code === 0,
      helm4: h4!.code === 0,
      helm3Error: h3!.stderr.trim(),
      helm4Error: h4!.stderr.trim(),
    });
  });
});

describe("values-schema: ajv agrees with helm 3 and helm 4", () => {
  it("has at least 40 cases, valid and invalid", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.valid).length).toBeGreaterThan(10);
    expect(cases.filter((c) => !c.valid).length).toBeGreaterThan(10);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (name, c) => {
    const v = verdicts.get(name)!;
    const h3 = c.helm3 ?? c.valid;
    const seen = { ajv3: v.ajv3, helm3: v.helm3, ajv4: v.ajv4, helm4: v.helm4 };
    expect(seen, `helm3: ${v.helm3Error}\nhelm4: ${v.helm4Error}`).toEqual({
      ajv3: h3,
      helm3: h3,
      ajv4: c.valid,
      helm4: c.valid,
    });
    // A failing helm says why: the schema, not something else.
    if (!h3) expect(v.helm3Error).toMatch(/schema/i);
    if (!c.valid) expect(v.helm4Error).toMatch(/schema/i);
  });
});
