import path from "node:path";
import { describe, expect, it } from "vitest";
import { chartReads, deadValues, readsOf } from "../../src/values/dead.js";
import { loadSubcharts } from "../../src/values/subcharts.js";
import { parseYamlText } from "../../src/values/yaml.js";
import { repoRoot } from "../helpers/tools.js";

describe("readsOf (value paths a template reads)", () => {
  it.each([
    ["{{ .Values.image.tag }}", [["image", "tag"]]],
    ["{{ $.Values.a.b_c }}", [["a", "b_c"]]],
    ['{{ index .Values "dagster-webserver" "port" }}', [["dagster-webserver", "port"]]],
    ['{{ index .Values.minio "default-buckets" }}', [["minio", "default-buckets"]]],
    ["{{- with .Values.nodeSelector }}{{ toYaml . }}{{ end }}", [["nodeSelector"]]],
    ["{{ toYaml .Values | nindent 2 }}", [[]]],
    ["{{ .Release.Name }} {{ .Chart.Values }}", []],
    ["{{ $root.Values.x.y }} ({{ .Values.z }})", [["x", "y"], ["z"]]],
    ["{{ with .ctx.Values.commonLabels }}{{ toYaml . }}{{ end }}", [["commonLabels"]]],
  ])("%s", (text, want) => {
    expect(readsOf(text)).toEqual(want);
  });
});

describe("deadValues", () => {
  const reads = [["global"], ["image", "tag"], ["resources"], ["minio", "defaultBuckets"]];
  const schema = {
    type: "object",
    properties: {
      extra: { type: "object", properties: { declared: { type: "string" } } },
      labels: { type: "object", additionalProperties: { type: "string" } },
    },
  };
  it.each([
    { text: "image:\n  tag: x\n", dead: [] },
    { text: "image:\n  tga: x\n", dead: [["image.tga", 2, 3]] },
    { text: "resources:\n  limits:\n    cpu: 1\n", dead: [], why: "read as a whole" },
    {
      text: "dagster-webserver:\n  enabled: true\n",
      dead: [["dagster-webserver", 1, 1]],
      why: "reported at the top key only",
    },
    { text: "minio:\n  buckets: [a]\n", dead: [["minio.buckets", 2, 3]] },
    {
      text: "extra:\n  declared: a\n  undeclared: b\n",
      dead: [["extra.undeclared", 3, 3]],
      why: "schema declares the parent only",
    },
    { text: "labels:\n  team: data\n", dead: [], why: "additionalProperties schema declares any key" },
    { text: "global:\n  anything: 1\n", dead: [] },
  ])("$text -> $dead $why", ({ text, dead }) => {
    const got = deadValues(parseYamlText(text, "v.yaml"), reads, schema).map((d) => [
      d.path.join("."),
      d.at.line,
      d.at.col,
    ]);
    expect(got).toEqual(dead);
  });

  // Sizes where the position lookups used to be quadratic (issue 12): the same findings as for a small file.
  it.each([5_000, 50_000])("%i unread keys at the top: one finding each, at its own line", (n) => {
    const text = Array.from({ length: n }, (_, i) => `k${i}: ${i}\n`).join("");
    const dead = deadValues(parseYamlText(text, "v.yaml"), reads, schema);
    expect(dead).toHaveLength(n);
    for (const i of [0, n / 2, n - 1])
      expect(dead[i]).toEqual({ path: [`k${i}`], at: { file: "v.yaml", line: i + 1, col: 1 } });
  });

  it.each([5_000, 50_000])("an unread key holding %i keys: one finding at that key", (n) => {
    const text = `image:\n  tag: x\nmisspelt:\n${Array.from({ length: n }, (_, i) => `  k${i}:\n    v: ${i}\n`).join("")}`;
    expect(deadValues(parseYamlText(text, "v.yaml"), reads, schema)).toEqual([
      { path: ["misspelt"], at: { file: "v.yaml", line: 3, col: 1 } },
    ]);
  });

  it("says nothing when a template reads all values", () => {
    expect(deadValues(parseYamlText("x: 1\n", "v.yaml"), [[]], undefined)).toEqual([]);
  });
});

describe("chartReads", () => {
  it("reads the chart's templates and unpacked subcharts under their key", async () => {
    const dir = path.join(repoRoot, "tests", "fixtures", "manifest", "web");
    const r = await chartReads(dir, [{ name: "cache", condition: "cache.enabled" }]);
    expect(r.reads).toEqual(
      expect.arrayContaining([["image", "repository"], ["resources"], ["sidecar"], ["cache", "enabled"]]),
    );
  });

  it("does not judge keys of a subchart it cannot read", async () => {
    const dir = path.join(repoRoot, "tests", "fixtures", "manifest", "web");
    const r = await chartReads(dir, [{ name: "postgresql", alias: "db" }]);
    expect(r.reads).toContainEqual(["db"]);
    expect(r.notes).toEqual([
      "subchart 'postgresql' is not unpacked under charts/: keys under 'db' are not checked",
    ]);
  });

  it("reads packed (.tgz) subcharts too, given the resolved subcharts", async () => {
    const cwd = path.join(repoRoot, "tests", "fixtures", "gate", "deps");
    const dir = path.join(cwd, "charts", "vendored");
    const deps = [{ name: "cache" }];
    const subs = await loadSubcharts(dir, cwd);
    const r = await chartReads(dir, deps, subs);
    expect(r.reads).toEqual(expect.arrayContaining([["cache", "port"]]));
    expect(r.notes).toEqual([]);
    const y = parseYamlText("cache:\n  port: 1\n  prot: 2\n", "v.yaml");
    expect(deadValues(y, r.reads, undefined).map((d) => d.path.join("."))).toEqual(["cache.prot"]);
  });

  it("reads a library dependency's helpers as reads of the chart that includes them (charts/floe-jobs)", async () => {
    const dir = path.join(repoRoot, "charts", "floe-jobs");
    const r = await chartReads(dir, [{ name: "floe-common" }], await loadSubcharts(dir, repoRoot));
    // floe-common's labels helper: `with .ctx.Values.commonLabels`, its names helper `.Values.nameOverride`.
    expect(r.reads).toEqual(expect.arrayContaining([["commonLabels"], ["nameOverride"]]));
    expect(r.reads).toContainEqual(["floe-common", "nameOverride"]);
  });
});
