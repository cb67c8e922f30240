import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runTool } from "../../src/exec/runner.js";
import { helmLintArgv, helmTemplateArgv } from "../../src/helm/argv.js";
import { helmRunEnv } from "../../src/helm/env.js";
import { parseManifest, parseManifestDocuments, templateFile } from "../../src/helm/manifest.js";
import { tempDir } from "../helpers/tmp.js";
import { helm, repoRoot } from "../helpers/tools.js";

const chartDir = "tests/fixtures/manifest/web";
const opts = { chartDir, cwd: repoRoot };

describe.each([3, 4] as const)("parseManifest on real helm %i output", (major) => {
  let manifest = "";
  beforeAll(async () => {
    const r = await runTool(helmTemplateArgv({ bin: helm(major), major, chartDir, valuesFiles: [] }), {
      cwd: repoRoot,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    manifest = r.stdout;
  });

  it("returns one object per document with kind, name, namespace-less metadata and template", () => {
    const objs = parseManifest(manifest, opts);
    expect(objs.map((o) => `${o.kind}/${o.name} ${o.template}`).sort()).toEqual([
      "ConfigMap/floe-gate-config tests/fixtures/manifest/web/templates/configmap.yaml",
      "Deployment/floe-gate-web tests/fixtures/manifest/web/templates/deployment.yaml",
      "Service/floe-gate-cache tests/fixtures/manifest/web/charts/cache/templates/service.yaml",
      "Service/floe-gate-web tests/fixtures/manifest/web/templates/deployment.yaml",
    ]);
    for (const o of objs) {
      expect(o.apiVersion).toMatch(/^(v1|apps\/v1)$/);
      expect(manifest.split("\n")[o.manifestLine! - 1]).toMatch(/^apiVersion:/);
    }
  });

  it.each([
    {
      obj: "Deployment/floe-gate-web",
      path: ["spec", "template", "spec", "containers", 1, "image"],
      line: 27,
      col: 11,
    },
    {
      obj: "Deployment/floe-gate-web",
      path: ["spec", "template", "spec", "containers", 0, "resources", "limits"],
      line: 23,
      col: 11,
    },
    { obj: "Deployment/floe-gate-web", path: ["spec", "replicas"], line: 8, col: 3 },
    { obj: "Service/floe-gate-web", path: ["spec", "ports", 0, "targetPort"], line: 41, col: 7 },
    { obj: "Service/floe-gate-web", path: ["metadata", "name"], line: 34, col: 3 },
    { obj: "Service/floe-gate-cache", path: ["spec", "ports", 0, "port"], line: 7, col: 7 },
    { obj: "Service/floe-gate-web", path: ["status", "loadBalancer"], line: 31, col: undefined },
  ])("locates $obj $path at $line:$col", ({ obj, path: p, line, col }) => {
    const o = parseManifest(manifest, opts).find((x) => `${x.kind}/${x.name}` === obj)!;
    const want = col === undefined ? { file: o.template, line } : { file: o.template, line, col };
    expect(o.locate(p)).toEqual(want);
  });

  it("reports the duplicated key at its second line in the template", () => {
    const { problems } = parseManifestDocuments(manifest, opts);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rule: "duplicate-key",
      object: "ConfigMap/floe-gate-config",
      at: { file: "tests/fixtures/manifest/web/templates/configmap.yaml", line: 7, col: 3 },
    });
    expect(problems[0]!.message).toMatch(
      /^'data\.mode' is written twice in the rendered ConfigMap floe-gate-config/,
    );
  });
});

describe("parseManifestDocuments on hand-written output", () => {
  it.each([
    {
      why: "a YAML fault",
      text: "---\n# Source: web-app/templates/configmap.yaml\nkind: ConfigMap\nmetadata:\n  name: [x\n",
      rule: "yaml-parse",
      msg: /rendered output is not valid YAML at line \d+, column \d+/,
    },
    {
      why: "a document without Source comment maps to the chart folder",
      text: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n",
      objects: ["Secret/s tests/fixtures/manifest/web"],
    },
    { why: "empty output", text: "", objects: [] },
    { why: "comment-only documents", text: "---\n# Source: web-app/templates/x.yaml\n---\n", objects: [] },
  ])("$why", ({ text, rule, msg, objects }) => {
    const r = parseManifestDocuments(text, opts);
    if (rule) {
      expect(r.problems[0]?.rule).toBe(rule);
      expect(r.problems[0]?.message).toMatch(msg!);
    }
    if (objects) expect(r.objects.map((o) => `${o.kind}/${o.name} ${o.template}`)).toEqual(objects);
  });

  it("uses the given reader and falls back to line 1 when the template cannot be read", () => {
    const text =
      "---\n# Source: web-app/templates/gone.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n";
    const [o] = parseManifestDocuments(text, { ...opts, readTemplate: () => undefined }).objects;
    expect(o!.locate(["metadata", "name"])).toEqual({
      file: "tests/fixtures/manifest/web/templates/gone.yaml",
      line: 1,
    });
  });
});

describe("parseManifestDocuments on large output", () => {
  // A ConfigMap of n keys with one written twice: yaml parses it (the fast path refuses duplicates), and
  // finding the duplicate used to compare every key with every earlier one (issue 12).
  it.each([5_000, 50_000])("a ConfigMap of %i keys, one written twice", (n) => {
    const keys = Array.from({ length: n }, (_, i) => `  k${i}: "${i}"`).join("\n");
    const text = `---\n# Source: web/templates/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: floe-gate-config\ndata:\n  mode: a\n${keys}\n  mode: b\n`;
    const r = parseManifestDocuments(text, opts);
    expect(r.objects).toHaveLength(1);
    expect(Object.keys(r.objects[0]!.doc.data as object)).toHaveLength(n + 1);
    expect(r.problems).toEqual([
      expect.objectContaining({
        rule: "duplicate-key",
        manifestLine: n + 9,
        object: "ConfigMap/floe-gate-config",
        at: { file: "tests/fixtures/manifest/web/templates/configmap.yaml", line: 7, col: 3 },
      }),
    ]);
  });

  it.each([500, 5_000])("%i documents: each tied to the template named above it", (n) => {
    const docs = Array.from(
      { length: n },
      (_, i) =>
        `---\n# Source: web/templates/t${i}.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`,
    );
    const r = parseManifestDocuments(docs.join(""), { ...opts, readTemplate: () => undefined });
    expect(r.objects).toHaveLength(n);
    for (const [i, o] of r.objects.entries())
      expect(`${o.name} ${o.template}`).toBe(`c${i} tests/fixtures/manifest/web/templates/t${i}.yaml`);
  });
});

// The gate parses rendered output document by document and shares the parse of identical documents
// between cells; the reference is one parse of the whole stream. Everything a check can see must agree.
function view(r: ReturnType<typeof parseManifestDocuments>, paths: Array<Array<string | number>>) {
  return {
    problems: r.problems,
    objects: r.objects.map((o) => ({
      ...o,
      locate: undefined,
      at: paths.map((p) => o.locate(p)),
    })),
  };
}
const probe: Array<Array<string | number>> = [
  ["metadata", "name"],
  ["spec", "template", "spec", "containers", 0, "image"],
  ["data", "mode"],
  ["spec", "ports", 0, "port"],
];

describe("document-by-document parse equals the whole-stream parse", () => {
  it("on the floe-platform chart rendered by helm 3 and helm 4, sharing documents between them", async () => {
    const chart = "charts/floe-platform";
    const outputs: string[] = [];
    for (const major of [3, 4] as const) {
      for (const values of [[], [`${chart}/values-prod.yaml`], [`${chart}/ci/full-values.yaml`]]) {
        const r = await runTool(
          helmTemplateArgv({ bin: helm(major), major, chartDir: chart, valuesFiles: values }),
          { cwd: repoRoot },
        );
        expect(r.code).toBe(0);
        outputs.push(r.stdout);
      }
    }
    for (const out of outputs) {
      const o = { chartDir: chart, cwd: repoRoot };
      const split = parseManifestDocuments(out, o);
      expect(split.objects.length).toBeGreaterThan(20);
      expect(view(split, probe)).toEqual(view(parseManifestDocuments(out, { ...o, split: false }), probe));
      // Each use gets its own objects: a check that changed one cannot change another cell's.
      expect(parseManifestDocuments(out, o).objects[0]!.doc).not.toBe(split.objects[0]!.doc);
    }
  });

  it.each([
    ["the real fixture with a duplicated key", ""],
    [
      "blank lines after documents (helm 4), a keep-chomped scalar at a document's end",
      "---\n# Source: web-app/templates/a.yaml\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: |+\n    x\n\n\n---\n# Source: web-app/templates/b.yaml\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  k: |\n    y\n\n\n",
    ],
    [
      "a YAML fault in the second document",
      "---\nkind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata: {name: [b\n",
    ],
    ["a directive", "%YAML 1.2\n---\nkind: A\nmetadata:\n  name: a\n"],
    ["a document end marker", "kind: A\nmetadata:\n  name: a\n...\n---\nkind: B\nmetadata:\n  name: b\n"],
    ["a marker with content", "--- {kind: A, metadata: {name: a}}\n--- \nkind: B\nmetadata:\n  name: b\n"],
    ["CRLF line ends", "---\r\nkind: A\r\nmetadata:\r\n  name: a\r\n\r\n---\r\nkind: B\r\n"],
  ])("%s", async (_, text) => {
    let out = text;
    if (!out) {
      const r = await runTool(helmTemplateArgv({ bin: helm(4), major: 4, chartDir, valuesFiles: [] }), {
        cwd: repoRoot,
      });
      // helm must have rendered the fixture: an empty output would equal itself and prove nothing.
      expect(r.code, r.stderr).toBe(0);
      out = r.stdout;
    }
    const split = view(parseManifestDocuments(out, opts), probe);
    expect(split.objects.length).toBeGreaterThan(0);
    if (!text) expect(split.objects).toHaveLength(4);
    expect(split).toEqual(view(parseManifestDocuments(out, { ...opts, split: false }), probe));
    if (text.includes("|+"))
      expect(split.objects[0]!.doc).toEqual({
        kind: "ConfigMap",
        metadata: { name: "a" },
        data: { k: "x\n\n\n" },
      });
  });
});

describe("templateFile", () => {
  it.each([
    ["c/templates/a.yaml", "/r/charts/c", "/r", "charts/c/templates/a.yaml"],
    ["c/charts/sub/templates/b.yaml", "/r/charts/c", "/r", "charts/c/charts/sub/templates/b.yaml"],
    ["c/templates/a.yaml", "/r/charts/c", "/r/charts", "c/templates/a.yaml"],
  ])("%s in %s from %s -> %s", (source, dir, cwd, want) => {
    expect(templateFile(source, dir, cwd)).toBe(want);
  });

  it("maps a packed subchart to its archive", async () => {
    const { mkdir, writeFile } = await import("node:fs/promises");
    const root = tempDir("floe-tgz-");
    await mkdir(path.join(root, "c", "charts"), { recursive: true });
    await writeFile(path.join(root, "c", "charts", "pg-1.2.3.tgz"), "");
    expect(templateFile("c/charts/pg/templates/sts.yaml", path.join(root, "c"), root)).toBe(
      "c/charts/pg-1.2.3.tgz",
    );
  });
});

describe("helm argv builders", () => {
  it.each([
    {
      major: 3 as const,
      values: [],
      kube: undefined,
      want: ["/h3", "template", "floe-gate", "ch", "--namespace", "floe-gate"],
    },
    {
      major: 4 as const,
      values: ["a.yaml", "b.yaml"],
      kube: "1.37",
      want: [
        "/h4",
        "template",
        "floe-gate",
        "ch",
        "--namespace",
        "floe-gate",
        "--values",
        "a.yaml",
        "--values",
        "b.yaml",
        "--kube-version",
        "1.37",
      ],
    },
  ])("helm $major template", ({ major, values, kube, want }) => {
    expect(
      helmTemplateArgv({ bin: `/h${major}`, major, chartDir: "ch", valuesFiles: values, kubeVersion: kube }),
    ).toEqual(want);
  });

  it.each([
    {
      major: 3 as const,
      want: ["/h3", "lint", "ch", "--strict", "--namespace", "floe-gate", "--values", "v.yaml"],
    },
    {
      major: 4 as const,
      want: ["/h4", "lint", "ch", "--strict", "--namespace", "floe-gate", "--values", "v.yaml"],
    },
  ])("helm $major lint always names the chart path", ({ major, want }) => {
    expect(helmLintArgv({ bin: `/h${major}`, major, chartDir: "ch", valuesFiles: ["v.yaml"] })).toEqual(want);
  });

  it.each([
    { env: { PATH: "/bin" }, want: { PATH: "/bin", GOGC: "off", GOMEMLIMIT: "256MiB" } },
    { env: { GOGC: "100" }, want: { GOGC: "100", GOMEMLIMIT: "256MiB" } },
    { env: { GOMEMLIMIT: "1GiB" }, want: { GOGC: "off", GOMEMLIMIT: "1GiB" } },
  ])(
    "helm runs without Go's collector below 256 MiB unless the environment says otherwise: $env",
    ({ env, want }) => {
      expect(helmRunEnv(env)).toEqual(want);
    },
  );
});
