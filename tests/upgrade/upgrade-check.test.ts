// floe-helm upgrade-check end to end: real git (a temporary repository with a base commit and a change
// commit) and the real helm 3 and helm 4, rendering both sides; findings at the change's template lines.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runTool } from "../../src/exec/runner.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { helm, repoRoot, toolsDir } from "../helpers/tools.js";

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=floe", "-c", "user.email=floe@example.com", "-c", "commit.gpgsign=false", ...args],
    { cwd, encoding: "utf8" },
  ).trim();

const chartYaml = (version = "0.1.0") => `apiVersion: v2\nname: app\nversion: ${version}\n`;
const deploy = (selectorExtra = "") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web${selectorExtra}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: "nginx:{{ .Values.tag }}"
`;
const sts = (claimLabels = "") => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ .Release.Name }}-db
spec:
  serviceName: {{ .Release.Name }}-db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: postgres:17
  volumeClaimTemplates:
    - metadata:
        name: data${claimLabels}
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 1Gi
`;
const pvc = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: {{ .Release.Name }}-cache
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
`;

type Files = Record<string, string | null>;
const baseFiles: Files = {
  "charts/app/Chart.yaml": chartYaml(),
  "charts/app/values.yaml": "tag: '1.27'\n",
  "charts/app/templates/deploy.yaml": deploy(),
  "charts/app/templates/sts.yaml": sts(),
  "charts/app/templates/pvc.yaml": pvc,
};

function write(dir: string, files: Files) {
  for (const [f, text] of Object.entries(files)) {
    const abs = path.join(dir, f);
    if (text === null) rmSync(abs);
    else {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
}

/** A repository with the base commit and, on branch `pr`, one commit applying `change`. A change to the
 * chart raises its version (0.1.1) unless it sets Chart.yaml itself or `bump` is false, as a chart's
 * change must (upgrade/version-increment). */
function repoWith(change: Files, bump = true): { dir: string; base: string } {
  if (
    bump &&
    !("charts/app/Chart.yaml" in change) &&
    Object.keys(change).some((f) => f.startsWith("charts/app/"))
  )
    change = { ...change, "charts/app/Chart.yaml": chartYaml("0.1.1") };
  const dir = tempDir("floe-upgrade-repo-");
  git(dir, "init", "-q", "-b", "main");
  write(dir, baseFiles);
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "base");
  const base = git(dir, "rev-parse", "HEAD");
  git(dir, "checkout", "-qb", "pr");
  write(dir, change);
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "change", "--allow-empty");
  return { dir, base };
}

const lineOf = (dir: string, file: string, re: RegExp) =>
  readFileSync(path.join(dir, file), "utf8")
    .split("\n")
    .findIndex((l) => re.test(l)) + 1;

async function check(dir: string, ...args: string[]) {
  const work = tempDir("floe-upgrade-work-");
  const r = await cli(["upgrade-check", "--tools-dir", toolsDir, "--work-dir", work, ...args], { cwd: dir });
  const results = (() => {
    try {
      return JSON.parse(readFileSync(path.join(work, "upgrade-check.results.json"), "utf8"));
    } catch {
      return undefined;
    }
  })();
  return { ...r, results };
}

describe("floe-helm upgrade-check (real git, helm 3 and helm 4)", () => {
  it("(a) a Deployment selector change is an error at the template line naming spec.selector", async () => {
    const { dir, base } = repoWith({
      "charts/app/Chart.yaml": chartYaml("0.2.0"),
      "charts/app/templates/deploy.yaml": deploy("\n      version: {{ .Chart.Version | quote }}"),
    });
    const r = await check(dir, "--base", base);
    const line = lineOf(dir, "charts/app/templates/deploy.yaml", /^ {6}version:/);
    expect(r.out).toContain(
      `charts/app/templates/deploy.yaml:${line}:7: error upgrade/immutable-field: Deployment/floe-gate-web: spec.selector is immutable and would change from {"matchLabels":{"app":"web"}} to {"matchLabels":{"app":"web","version":"0.2.0"}}`,
    );
    // One finding for both helm majors.
    expect(r.out.match(/upgrade\/immutable-field/g)).toHaveLength(1);
    expect(r.code).toBe(1);
    expect(r.results.status).toBe("fail");
    expect(r.results.findings[0]).toMatchObject({
      rule: "upgrade/immutable-field",
      object: "Deployment/floe-gate-web",
    });
    expect(r.results.findings[0].helm).toBeUndefined();
    // The user's checkout is untouched: no changes, no extra worktree.
    expect(git(dir, "status", "--porcelain")).toBe("");
    expect(git(dir, "worktree", "list").split("\n")).toHaveLength(1);
  });

  it("(b) the chart version label added to a StatefulSet claim template is an error naming spec.volumeClaimTemplates", async () => {
    const { dir, base } = repoWith({
      "charts/app/templates/sts.yaml": sts(
        '\n        labels:\n          helm.sh/chart: "{{ .Chart.Name }}-{{ .Chart.Version }}"',
      ),
    });
    const r = await check(dir, "--base", base);
    const line = lineOf(dir, "charts/app/templates/sts.yaml", /^ {8}labels:/);
    expect(r.out).toContain(
      `charts/app/templates/sts.yaml:${line}:9: error upgrade/immutable-field: StatefulSet/floe-gate-db: spec.volumeClaimTemplates is immutable`,
    );
    expect(r.out).toContain("first difference at spec.volumeClaimTemplates[0].metadata.labels");
    expect(r.code).toBe(1);
  });

  it("(b') floe's own defect: the version label already there, only the chart version bumped", async () => {
    const labels = '\n        labels:\n          helm.sh/chart: "{{ .Chart.Name }}-{{ .Chart.Version }}"';
    const dir = tempDir("floe-upgrade-repo-");
    git(dir, "init", "-q", "-b", "main");
    write(dir, { ...baseFiles, "charts/app/templates/sts.yaml": sts(labels) });
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "base");
    write(dir, { "charts/app/Chart.yaml": chartYaml("0.1.1") });
    git(dir, "commit", "-qam", "bump");
    const r = await check(dir, "--base", "HEAD~1");
    const line = lineOf(dir, "charts/app/templates/sts.yaml", /helm\.sh\/chart:/);
    expect(r.out).toContain(
      `charts/app/templates/sts.yaml:${line}:11: error upgrade/immutable-field: StatefulSet/floe-gate-db: spec.volumeClaimTemplates is immutable and would change from`,
    );
    expect(r.out).toContain('"helm.sh/chart":"app-0.1.0"');
    expect(r.out).toContain("[upgrade from HEAD~1 ");
    expect(r.code).toBe(1);
  });

  it("a chart changed without a higher version is an error at Chart.yaml's version line (ct lint's version check)", async () => {
    const { dir, base } = repoWith({ "charts/app/values.yaml": "tag: '1.29'\n" }, false);
    const r = await check(dir, "--base", base);
    expect(r.out).toContain(
      `charts/app/Chart.yaml:3:1: error upgrade/version-increment: app changed since ${base.slice(0, 7)}`,
    );
    expect(r.out).toContain(
      "(1 file(s) changed, e.g. charts/app/values.yaml) but its version 0.1.0 is not higher than the base's 0.1.0: raise version in Chart.yaml (ct lint's version check)",
    );
    expect(r.code).toBe(1);
    expect(r.results.checks.find((c: { id: string }) => c.id === "version app")).toMatchObject({
      rule: "upgrade/version-increment",
      state: "fail",
    });
    // Raised: passes; a lower version fails like an equal one.
    const up = repoWith({ "charts/app/values.yaml": "tag: '1.29'\n" });
    expect((await check(up.dir, "--base", up.base)).code).toBe(0);
    const down = repoWith({
      "charts/app/values.yaml": "tag: '1.29'\n",
      "charts/app/Chart.yaml": chartYaml("0.0.9"),
    });
    expect((await check(down.dir, "--base", down.base)).out).toContain(
      "its version 0.0.9 is not higher than the base's 0.1.0",
    );
  });

  it("(c) an image tag change alone passes", async () => {
    const { dir, base } = repoWith({ "charts/app/values.yaml": "tag: '1.29'\n" });
    const r = await check(dir, "--base", base);
    expect(r.out).toMatch(/^upgrade-check: PASS: 0 error\(s\), 0 warning\(s\), 0 waived, 3 check\(s\)/m);
    expect(r.code).toBe(0);
    expect(r.results.checks.map((c: { id: string }) => c.id).sort()).toEqual([
      "upgrade app/default helm3",
      "upgrade app/default helm4",
      "version app",
    ]);
  });

  it("(d) a removed PVC is a warning (data deleted on upgrade), not a failure", async () => {
    const { dir, base } = repoWith({ "charts/app/templates/pvc.yaml": null });
    const r = await check(dir, "--base", base);
    expect(r.out).toContain(
      "charts/app/Chart.yaml:1: warning upgrade/removed-stateful: PersistentVolumeClaim/floe-gate-cache is rendered at the base but not by this change: helm deletes it on upgrade, and the data on its volume with it",
    );
    expect(r.code).toBe(0);
  });

  it("(e) a chart new in the change is info and passes", async () => {
    const { dir, base } = repoWith({
      "charts/extra/Chart.yaml": "apiVersion: v2\nname: extra\nversion: 0.1.0\n",
      "charts/extra/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: {}\n",
    });
    const r = await check(dir, "--base", base);
    expect(r.out).toContain(
      `charts/extra/Chart.yaml:1: info upgrade/new-chart: chart extra does not exist at the base (${base.slice(0, 7)}): it is installed fresh`,
    );
    expect(r.code).toBe(0);
  });

  it("a scenario file new in the change renders the base with it, and says so", async () => {
    const { dir, base } = repoWith({ "charts/app/values-prod.yaml": "tag: '1.28'\n" });
    const r = await check(dir, "--base", base);
    expect(r.out).toContain(
      "charts/app/values-prod.yaml:1: info upgrade/base-values: charts/app/values-prod.yaml does not exist at the base",
    );
    expect(r.code).toBe(0);
  });

  it("a renamed Service with the same selector is a warning at its new name", async () => {
    const svc = (name: string) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n`;
    const dir = tempDir("floe-upgrade-repo-");
    git(dir, "init", "-q", "-b", "main");
    write(dir, { ...baseFiles, "charts/app/templates/svc.yaml": svc("web") });
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "base");
    write(dir, {
      "charts/app/templates/svc.yaml": svc("web-http"),
      "charts/app/Chart.yaml": chartYaml("0.1.1"),
    });
    const r = await check(dir, "--base", "HEAD");
    expect(r.out).toContain(
      "charts/app/templates/svc.yaml:4:3: warning upgrade/renamed-service: Service/web is renamed to Service/web-http",
    );
    expect(r.code).toBe(0);
  });

  it("a hook the base leaves in the cluster that becomes a release object is an error at its name; a release object that becomes a pre-upgrade hook a warning", async () => {
    const cm = (name: string, hook?: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${hook ? `  annotations:\n    helm.sh/hook: ${hook}\n` : ""}data:\n  a: "1"\n`;
    const dir = tempDir("floe-upgrade-repo-");
    git(dir, "init", "-q", "-b", "main");
    write(dir, {
      ...baseFiles,
      "charts/app/templates/setup.yaml": cm("setup", "post-install,post-upgrade"),
      "charts/app/templates/settings.yaml": cm("settings"),
    });
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "base");
    write(dir, {
      "charts/app/templates/setup.yaml": cm("setup"),
      "charts/app/templates/settings.yaml": cm("settings", "pre-upgrade"),
      "charts/app/Chart.yaml": chartYaml("0.1.1"),
    });
    const r = await check(dir, "--base", "HEAD");
    expect(r.out).toContain(
      "charts/app/templates/setup.yaml:4:3: error upgrade/hook-to-object: ConfigMap/setup is a helm hook at the base (post-install,post-upgrade, delete policy before-hook-creation: it stays in the cluster once it ran) and a release object in this change: helm upgrade fails",
    );
    expect(r.out).toContain(
      "charts/app/templates/settings.yaml:4:3: warning upgrade/object-to-hook: ConfigMap/settings is a release object at the base and a pre-upgrade hook in this change",
    );
    expect(r.code).toBe(1);
  });

  it("floe-gate.yaml waivers and severity overrides apply as in the gate", async () => {
    const { dir, base } = repoWith({
      "charts/app/templates/deploy.yaml": deploy("\n      tier: front"),
      "charts/app/templates/pvc.yaml": null,
      "floe-gate.yaml": [
        "severity:",
        "  upgrade/removed-stateful: error",
        "waivers:",
        "  - rule: upgrade/immutable-field",
        "    object: Deployment/*-web",
        "    reason: the release is reinstalled on this change",
        "    expiry: 2999-01-01",
        "",
      ].join("\n"),
    });
    const r = await check(dir, "--base", base);
    expect(r.out).toMatch(
      /error upgrade\/immutable-field: Deployment\/floe-gate-web: .* \[waived: the release is reinstalled on this change\]$/m,
    );
    expect(r.out).toContain("error upgrade/removed-stateful: PersistentVolumeClaim/floe-gate-cache");
    expect(r.out).toMatch(/^upgrade-check: FAIL: 1 error\(s\), 0 warning\(s\), 1 waived/m);
    expect(r.code).toBe(1);
  });

  it("a base that does not render is a warning naming the cell (ct would skip it silently)", async () => {
    const dir = tempDir("floe-upgrade-repo-");
    git(dir, "init", "-q", "-b", "main");
    write(dir, { ...baseFiles, "charts/app/templates/broken.yaml": '{{ fail "broken at the base" }}\n' });
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "base");
    write(dir, { "charts/app/templates/broken.yaml": null, "charts/app/Chart.yaml": chartYaml("0.1.1") });
    const r = await check(dir, "--base", "HEAD", "--helm", "4");
    expect(r.out).toMatch(
      /^charts\/app\/Chart\.yaml:1: warning upgrade\/not-checked: helm 4 cannot render the base \(HEAD [0-9a-f]{7}\) of app with scenario default \(Error: .*broken at the base\): the upgrade from it is not checked/m,
    );
    expect(r.results.checks).toEqual([
      expect.objectContaining({ id: "version app", state: "pass" }),
      expect.objectContaining({
        id: "upgrade app/default helm4",
        state: "skip",
        reason: "the base does not render",
      }),
    ]);
    expect(r.code).toBe(0);
  });

  it("a file:// dependency outside the chart is exported from the base too and built there", async () => {
    const dir = tempDir("floe-upgrade-repo-");
    git(dir, "init", "-q", "-b", "main");
    write(dir, {
      ...baseFiles,
      "charts/app/Chart.yaml": `${chartYaml()}dependencies:\n  - name: sub\n    version: 0.1.0\n    repository: file://../../libs/sub\n`,
      "libs/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
      "libs/sub/templates/pvc.yaml": pvc.replaceAll("-cache", "-sub"),
    });
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "base");
    write(dir, {
      "charts/app/values.yaml": "tag: '1.29'\n",
      "charts/app/Chart.yaml": `${chartYaml("0.1.1")}dependencies:\n  - name: sub\n    version: 0.1.0\n    repository: file://../../libs/sub\n`,
    });
    const r = await check(dir, "--base", "HEAD", "--helm", "3");
    expect(r.out).toMatch(/^upgrade-check: PASS: 0 error\(s\), 0 warning\(s\), 0 waived, 2 check\(s\)/m);
    expect(r.results.checks[1]).toMatchObject({ id: "upgrade app/default helm3", state: "pass" });
    expect(git(dir, "status", "--porcelain")).toBe("M charts/app/Chart.yaml\n M charts/app/values.yaml");
  });

  it("helpers moved into a library chart (file://, not vendored): the base renders its own inline helpers, the change builds the library; a later base renders with its own library", async () => {
    const selector = (name: string) =>
      deploy().replace(
        "      app: web\n  template",
        `      {{- include "${name}" . | nindent 6 }}\n  template`,
      );
    const helper = (name: string, extra = "") => `{{- define "${name}" -}}\napp: web${extra}\n{{- end -}}\n`;
    const dir = tempDir("floe-upgrade-repo-");
    git(dir, "init", "-q", "-b", "main");
    write(dir, {
      ...baseFiles,
      "charts/app/templates/_helpers.tpl": helper("app.selector"),
      "charts/app/templates/deploy.yaml": selector("app.selector"),
    });
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "base: inline helpers");
    write(dir, {
      "charts/lib/Chart.yaml": "apiVersion: v2\nname: lib\ntype: library\nversion: 0.1.0\n",
      "charts/lib/templates/_selector.tpl": helper("lib.selector"),
      "charts/app/Chart.yaml": `${chartYaml("0.1.1")}dependencies:\n  - name: lib\n    version: 0.1.0\n    repository: file://../lib\n`,
      "charts/app/templates/_helpers.tpl": null,
      "charts/app/templates/deploy.yaml": selector("lib.selector"),
    });
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "helpers in a library chart");
    const moved = await check(dir, "--base", "HEAD~1", "--helm", "4");
    expect(moved.out).toMatch(/^upgrade-check: PASS: 0 error\(s\), 0 warning\(s\)/m);
    expect(moved.results.checks.map((c: { id: string; state: string }) => [c.id, c.state])).toEqual([
      ["chart lib", "skip"],
      ["version app", "pass"],
      ["upgrade app/default helm4", "pass"],
    ]);
    // The library's selector helper changes: the base (HEAD~1, which has the library) renders with its own.
    write(dir, { "charts/lib/templates/_selector.tpl": helper("lib.selector", "\ntier: front") });
    git(dir, "commit", "-qam", "library: one more selector label");
    const changed = await check(dir, "--base", "HEAD~1", "--helm", "4");
    expect(changed.out).toContain(
      "error upgrade/immutable-field: Deployment/floe-gate-web: spec.selector is immutable",
    );
    expect(changed.code).toBe(1);
    expect(git(dir, "status", "--porcelain")).toBe("");
  });

  it("GITHUB_BASE_REF (mocked pull_request environment): the merge base with origin/<branch>", async () => {
    const { dir, base } = repoWith({ "charts/app/values.yaml": "tag: '1.29'\n" });
    git(dir, "update-ref", "refs/remotes/origin/main", base);
    const work = tempDir("floe-upgrade-work-");
    const r = await cli(["upgrade-check", "--tools-dir", toolsDir, "--work-dir", work], {
      cwd: dir,
      env: { PATH: process.env.PATH, GITHUB_BASE_REF: "main" },
    });
    expect(r.err).toContain(`upgrade-check: base merge base with origin/main ${base.slice(0, 7)}`);
    expect(r.code).toBe(0);
  });

  it("--base-chart: a published .tgz of the previous version", async () => {
    const { dir } = repoWith({
      "charts/app/Chart.yaml": chartYaml("0.2.0"),
      "charts/app/templates/deploy.yaml": deploy("\n      version: {{ .Chart.Version | quote }}"),
    });
    const pkg = tempDir("floe-upgrade-pkg-");
    git(dir, "checkout", "-q", "main");
    const p = await runTool([helm(4), "package", "charts/app", "--destination", pkg], { cwd: dir });
    expect(p.code, p.stderr).toBe(0);
    git(dir, "checkout", "-q", "pr");
    const r = await check(dir, "--base-chart", path.join(pkg, "app-0.1.0.tgz"));
    expect(r.out).toContain(
      "error upgrade/immutable-field: Deployment/floe-gate-web: spec.selector is immutable",
    );
    expect(r.out).toContain("[upgrade from app 0.1.0 (");
    expect(r.code).toBe(1);
  });

  it("this repository's charts: a release that only bumps floe-platform's version and appVersion is upgrade-safe", async () => {
    // A temporary repository holding this repository's charts, floe-gate.yaml and scenarios/ (not this clone's own
    // history, which a shallow CI clone lacks), then the release bump floe's old charts failed on: version
    // labels in selectors or claim templates would make every such bump an immutable-field change.
    const dir = tempDir("floe-upgrade-self-");
    cpSync(path.join(repoRoot, "charts"), path.join(dir, "charts"), { recursive: true });
    cpSync(path.join(repoRoot, "floe-gate.yaml"), path.join(dir, "floe-gate.yaml"));
    // floe-gate.yaml's kind-local scenarios read their values from scenarios/
    cpSync(path.join(repoRoot, "scenarios"), path.join(dir, "scenarios"), { recursive: true });
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "base");
    const chart = path.join(dir, "charts/floe-platform/Chart.yaml");
    const before = readFileSync(chart, "utf8");
    const bumped = before
      .replace(/^version: .*$/m, "version: 99.0.0")
      .replace(/^appVersion: .*$/m, 'appVersion: "99.0.0"');
    expect(bumped).not.toBe(before);
    writeFileSync(chart, bumped);
    git(dir, "commit", "-qam", "release 99.0.0");
    const r = await check(dir, "--base", "HEAD~1");
    expect(r.out).toMatch(/^upgrade-check: PASS: 0 error\(s\), 0 warning\(s\)/m);
    expect(r.code).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("floe-helm upgrade-check bad input (one line, exit 2)", () => {
  it.each([
    {
      name: "an unknown ref names it and says how to fetch it",
      args: ["--base", "release-9"],
      want: /^floe-helm: error: --base \(FLOE_HELM_UPGRADE_BASE\): git ref 'release-9' is not in this clone: fetch it \(git fetch origin release-9\), or in GitHub Actions check out with actions\/checkout fetch-depth: 0$/m,
    },
    {
      name: "a ref that reads as an option",
      args: ["--base=--output=x"],
      want: /error: --base \(FLOE_HELM_UPGRADE_BASE\): '--output=x' is not a git ref/,
    },
    {
      name: "no base outside a pull request",
      args: [],
      want: /error: upgrade-check needs a base to compare with: pass --base REF .* or --base-chart DIR\|FILE\.tgz/,
    },
    {
      name: "a --base-chart that does not exist",
      args: ["--base-chart", "missing.tgz"],
      want: /error: --base-chart not found: missing\.tgz \(expected a chart folder or a \.tgz\)$/m,
    },
    {
      name: "both --base and --base-chart",
      args: ["--base", "HEAD", "--base-chart", "x.tgz"],
      want: /error: pass either --base \(a git ref\) or --base-chart/,
    },
  ])("$name", async ({ args, want }) => {
    const { dir } = repoWith({});
    const r = await check(dir, ...args);
    expect(r.err).toMatch(want);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(2);
    expect(r.results.status).toBe("error");
  });

  it("not a git repository", async () => {
    const dir = tempDir("floe-upgrade-nogit-");
    write(dir, baseFiles);
    const r = await check(dir, "--base", "main");
    expect(r.err).toMatch(
      /error: --base needs a git repository, and .* is not inside one \(git: fatal: not a git repository.*\); compare with a published chart instead: --base-chart DIR\|FILE\.tgz/,
    );
    expect(r.code).toBe(2);
  });
});
