// charts/floe-common, the library chart both charts take their names, labels, metadata, image and security
// helpers from: each chart vendors it packed under charts/ (so `helm template charts/<chart>` works from a
// plain checkout), and this file fails when a vendored copy is stale or a chart defines a helper again.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../helpers/tools.js";
import { containersOf, majors, NAMESPACE, parseManifests, RELEASE, runHelm, workloads } from "./chart.js";

const charts = path.join(repoRoot, "charts");
const common = path.join(charts, "floe-common");
const users = ["floe-platform", "floe-jobs"];

/** Files of a .tgz (ustar, as helm packs it): path -> content. */
function untar(file: string): Map<string, string> {
  const buf = gunzipSync(readFileSync(file));
  const out = new Map<string, string>();
  for (let at = 0; at + 512 <= buf.length; ) {
    const header = buf.subarray(at, at + 512);
    const name = header.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
    if (!name) break;
    const prefix = header.subarray(345, 500).toString("utf8").replace(/\0.*$/s, "");
    const size = Number.parseInt(header.subarray(124, 136).toString("utf8").replace(/\0.*$/s, ""), 8);
    const type = String.fromCharCode(header[156] ?? 48);
    if (type === "0" || type === "\0")
      out.set(prefix ? `${prefix}/${name}` : name, buf.subarray(at + 512, at + 512 + size).toString("utf8"));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

function sourceFiles(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)],
  );
}

const chartYaml = (dir: string) => parse(readFileSync(path.join(dir, "Chart.yaml"), "utf8"));

describe("charts/floe-common (library chart)", () => {
  it("is a library chart of helpers only: every template is a _*.tpl defining floe-common.* names", () => {
    expect(chartYaml(common).type).toBe("library");
    const templates = readdirSync(path.join(common, "templates"));
    expect(templates.length).toBeGreaterThan(0);
    for (const t of templates) {
      expect(t).toMatch(/^_.*\.tpl$/);
      const names = [
        ...readFileSync(path.join(common, "templates", t), "utf8").matchAll(/define "([^"]+)"/g),
      ];
      for (const [, name] of names) expect(name).toMatch(/^floe-common\./);
    }
  });

  for (const user of users) {
    const dir = path.join(charts, user);
    it(`${user} depends on it (file://../floe-common) at its version, locked in Chart.lock`, () => {
      const version = chartYaml(common).version;
      expect(chartYaml(dir).dependencies).toContainEqual({
        name: "floe-common",
        version,
        repository: "file://../floe-common",
      });
      const lock = parse(readFileSync(path.join(dir, "Chart.lock"), "utf8"));
      expect(lock.dependencies).toEqual([
        { name: "floe-common", repository: "file://../floe-common", version },
      ]);
    });

    it(`${user}/charts/ vendors floe-common packed from the current source (run 'helm dependency update charts/${user}' after changing it)`, () => {
      const version = chartYaml(common).version;
      expect(readdirSync(path.join(dir, "charts"))).toEqual([`floe-common-${version}.tgz`]);
      const packed = untar(path.join(dir, "charts", `floe-common-${version}.tgz`));
      const files = sourceFiles(common).map((f) => f.split(path.sep).join("/"));
      expect([...packed.keys()].map((k) => k.replace(/^floe-common\//, "")).sort()).toEqual(files.sort());
      for (const f of files) {
        const text = packed.get(`floe-common/${f}`);
        // helm re-serialises Chart.yaml when it packs: compared as data.
        if (f === "Chart.yaml") expect(parse(text ?? "")).toEqual(chartYaml(common));
        else
          expect(text, `floe-common/${f} in ${user}/charts/ differs from charts/floe-common/${f}`).toBe(
            readFileSync(path.join(common, f), "utf8"),
          );
      }
    });

    it(`${user} does not define the library's helpers again`, () => {
      const walk = (d: string): string[] =>
        readdirSync(d, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)],
        );
      for (const f of walk(path.join(dir, "templates")))
        expect(readFileSync(f, "utf8"), path.relative(repoRoot, f)).not.toMatch(/define "floe-common\./);
    });
  }
});

describe("image references: a tag, or a digest that wins over it (floe-common.images.image)", () => {
  const digest = `sha256:${"0123456789abcdef".repeat(4)}`;
  const images = async (major: 3 | 4, chart: string, args: string[]) => {
    const r = await runHelm(
      major,
      ["template", RELEASE, ".", "--namespace", NAMESPACE, ...args],
      undefined,
      path.join(charts, chart),
    );
    if (r.code !== 0) throw new Error(r.stderr);
    return workloads(parseManifests(r.stdout).objects).flatMap((o) =>
      containersOf(o).map((c) => `${o.kind}/${o.metadata.name}/${c.name}=${c.image}`),
    );
  };

  it.each(majors)(
    "helm %i: floe-platform's polaris image by digest, with and without global.imageRegistry; the others keep their tags",
    async (major) => {
      const tagged = await images(major, "floe-platform", []);
      const pinned = await images(major, "floe-platform", ["--set", `polaris.image.digest=${digest}`]);
      const changed = pinned.filter((p) => !tagged.includes(p));
      expect(changed.length).toBeGreaterThan(0);
      for (const c of changed) expect(c).toMatch(new RegExp(`=docker\\.io/apache/polaris@${digest}$`));
      expect(pinned.filter((p) => /@sha256:/.test(p))).toEqual(changed);
      const mirrored = await images(major, "floe-platform", [
        "--set",
        `polaris.image.digest=${digest}`,
        "--set",
        "global.imageRegistry=mirror.example:5000",
      ]);
      expect(mirrored.filter((p) => p.includes("@"))).toEqual(
        changed.map((c) => c.replace("docker.io/", "mirror.example:5000/")),
      );
    },
  );

  it.each(majors)("helm %i: floe-jobs' image by digest on every job container", async (major) => {
    const all = await images(major, "floe-jobs", ["--set", `image.digest=${digest}`]);
    const jobs = all.filter((i) => /^(Job|CronJob)\//.test(i));
    expect(jobs.length).toBeGreaterThan(0);
    for (const j of jobs) expect(j).toMatch(new RegExp(`=ghcr\\.io/dbt-labs/dbt-postgres@${digest}$`));
  });

  it.each([
    ["floe-platform", "polaris.image.digest"],
    ["floe-jobs", "image.digest"],
  ])("%s's schema refuses a digest that is not sha256:<64 hex> (%s)", async (chart, key) => {
    const r = await runHelm(
      4,
      ["template", RELEASE, ".", "--set", `${key}=sha256:abc`],
      undefined,
      path.join(charts, chart),
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("digest");
  });
});
