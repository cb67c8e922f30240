// Pure tables: asset URLs for every tool x os/arch (official and mirror), version inputs, checksum files,
// platform detection, mirror and --only validation. No network, no binaries.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildInputs } from "../../src/config/inputs.js";
import { UserError } from "../../src/core/errors.js";
import { assetFor, installTools, tarExtractArgv } from "../../src/tools/assets.js";
import { checksumTable, parseChecksumFile } from "../../src/tools/checksums.js";
import { parseOnly } from "../../src/tools/command.js";
import { parseMirror } from "../../src/tools/install.js";
import { detectPlatform, platformKey, platforms } from "../../src/tools/platform.js";
import { planInstall } from "../../src/tools/resolve.js";
import { pinnedMajors, resolveHelmVersions, resolveVersion } from "../../src/tools/version-input.js";
import versions from "../../src/tools/versions.json" with { type: "json" };
import { createAjv } from "../../src/values/ajv.js";
import { repoRoot } from "../helpers/tools.js";

const grid = platforms.map((p) => [platformKey(p), p] as const);

describe("official asset URLs, every os/arch", () => {
  it.each(grid)("helm %s", (k, p) => {
    expect(assetFor("helm", "v3.17.2", p)).toMatchObject({
      name: `helm-v3.17.2-${k}.tar.gz`,
      url: `https://get.helm.sh/helm-v3.17.2-${k}.tar.gz`,
      checksumUrl: `https://get.helm.sh/helm-v3.17.2-${k}.tar.gz.sha256sum`,
      member: `${k}/helm`,
      binary: "helm",
    });
  });
  it.each(grid)("kind %s", (k, p) => {
    expect(assetFor("kind", "v0.33.0", p)).toMatchObject({
      name: `kind-${k}`,
      url: `https://github.com/kubernetes-sigs/kind/releases/download/v0.33.0/kind-${k}`,
      checksumUrl: `https://github.com/kubernetes-sigs/kind/releases/download/v0.33.0/kind-${k}.sha256sum`,
      member: undefined,
    });
  });
  it.each(grid)("kubectl %s", (_k, p) => {
    expect(assetFor("kubectl", "v1.37.0", p)).toMatchObject({
      name: "kubectl",
      url: `https://dl.k8s.io/release/v1.37.0/bin/${p.os}/${p.arch}/kubectl`,
      checksumUrl: `https://dl.k8s.io/release/v1.37.0/bin/${p.os}/${p.arch}/kubectl.sha256`,
      member: undefined,
    });
  });
  it.each(grid)("kubesec %s", (_k, p) => {
    expect(assetFor("kubesec", "v2.14.2", p)).toMatchObject({
      name: `kubesec_${p.os}_${p.arch}.tar.gz`,
      url: `https://github.com/controlplaneio/kubesec/releases/download/v2.14.2/kubesec_${p.os}_${p.arch}.tar.gz`,
      checksumUrl:
        "https://github.com/controlplaneio/kubesec/releases/download/v2.14.2/kubesec_checksums.txt",
      member: "kubesec",
    });
  });
});

describe("mirror URLs: <base>/<tool>/<version>/<os>-<arch>/<official asset name>, checksum beside it", () => {
  const base = "https://mirror.example.com/floe/";
  it.each(
    grid.flatMap(
      ([k, p]) =>
        [
          ["helm", "v3.17.2", k, p, `helm-v3.17.2-${k}.tar.gz`, `helm-v3.17.2-${k}.tar.gz.sha256sum`],
          ["kind", "v0.33.0", k, p, `kind-${k}`, `kind-${k}.sha256sum`],
          ["kubectl", "v1.37.0", k, p, "kubectl", "kubectl.sha256"],
          ["kubesec", "v2.14.2", k, p, `kubesec_${p.os}_${p.arch}.tar.gz`, "kubesec_checksums.txt"],
        ] as const,
    ),
  )("%s %s %s", (tool, v, k, p, asset, sums) => {
    const a = assetFor(tool, v, p, base);
    expect(a.url).toBe(`https://mirror.example.com/floe/${tool}/${v}/${k}/${asset}`);
    expect(a.checksumUrl).toBe(`https://mirror.example.com/floe/${tool}/${v}/${k}/${sums}`);
  });
});

describe("tar argv extracts only the binary", () => {
  it("builds the argv", () => {
    expect(tarExtractArgv("/t/a.tar.gz", "/t/x", "linux-amd64/helm")).toEqual([
      "tar",
      "-xzf",
      "/t/a.tar.gz",
      "-C",
      "/t/x",
      "linux-amd64/helm",
    ]);
  });
});

describe("version inputs", () => {
  it.each([
    ["helm", "3.17.2", "v3.17.2"],
    ["helm", "v3.17.2", "v3.17.2"],
    ["helm", "3", versions.helm["3"]],
    ["helm", "4", versions.helm["4"]],
    ["helm", " v4 ", versions.helm["4"]],
    ["kind", "0", versions.kind["0"]],
    ["kind", "0.31.0", "v0.31.0"],
    ["kubectl", "1", versions.kubectl["1"]],
    ["kubectl", "v1.36.4", "v1.36.4"],
    ["kubesec", "2", versions.kubesec["2"]],
    ["helm", "4.0.0-rc.1", "v4.0.0-rc.1"],
  ] as const)("%s %j -> %s (no network)", (tool, input, want) => {
    expect(resolveVersion(tool, input, "--x")).toBe(want);
  });

  it.each([
    [
      "latest",
      /--helm-version: 'latest' is refused: it changes under you between runs .* write an exact version such as v4\.2\.4 or 4\.2\.4, or a major such as 4 \(pinned: 3 -> v3\.22\.0, 4 -> v4\.2\.4\)/,
    ],
    ["stable", /'stable' is refused/],
    ["^3.17", /the range '\^3\.17' is refused: a range resolves to whatever is newest on the day/],
    ["~3.17.0", /the range '~3\.17\.0' is refused/],
    [">=3.0.0", /the range '>=3\.0\.0' is refused/],
    ["3.x", /the range '3\.x' is refused/],
    ["3.17", /the range '3\.17' is refused/],
    ["5", /helm has no pinned default for major 5/],
    ["v3.17.2.1", /malformed version 'v3\.17\.2\.1'/],
    ["three", /malformed version 'three'/],
    ["", /empty version/],
  ])("helm %j is refused: %s", (input, message) => {
    expect(() => resolveVersion("helm", input, "--helm-version")).toThrow(UserError);
    expect(() => resolveVersion("helm", input, "--helm-version")).toThrow(message);
  });

  it.each([
    ["3,4", [3, 4]],
    ["v3.17.2,4", [3, 4]],
    ["4", [4]],
  ] as const)("helm list %j", (input, majors) => {
    expect(resolveHelmVersions(input, "--helm-version").map((h) => h.major)).toEqual(majors);
  });

  it.each([
    ["3,3.17.2", /two helm 3 versions/],
    ["2.17.0", /helm v2\.17\.0 is not supported: floe-helm runs helm 3 and helm 4/],
  ])("helm list %j is refused", (input, message) => {
    expect(() => resolveHelmVersions(input, "--helm-version")).toThrow(message);
  });

  it("every tool has its pinned majors in versions.json", () => {
    expect(pinnedMajors("helm")).toEqual({ 3: "v3.22.0", 4: "v4.2.4" });
    expect(Object.keys(pinnedMajors("kind"))).toEqual(["0"]);
  });
});

describe("checksum files", () => {
  const h = (c: string) => c.repeat(64);
  it.each([
    [
      "sha256sum line",
      `${h("a")}  helm-v3.17.2-linux-amd64.tar.gz\n`,
      "helm-v3.17.2-linux-amd64.tar.gz",
      h("a"),
    ],
    ["binary-mode marker", `${h("b")} *kind-linux-amd64\n`, "kind-linux-amd64", h("b")],
    ["bare hash (dl.k8s.io)", `${h("c")}\n`, "kubectl", h("c")],
    ["upper-case hash", `${h("D")}  kubectl\n`, "kubectl", h("d")],
    [
      "goreleaser list",
      `${h("1")}  kubesec_darwin_amd64.tar.gz\n${h("2")}  kubesec_linux_amd64.tar.gz\n`,
      "kubesec_linux_amd64.tar.gz",
      h("2"),
    ],
    [
      "no entry for the asset",
      `${h("1")}  kubesec_darwin_amd64.tar.gz\n`,
      "kubesec_linux_amd64.tar.gz",
      undefined,
    ],
    ["an error page", "<Error><Code>BlobNotFound</Code></Error>", "helm", undefined],
  ])("%s", (_n, text, asset, want) => {
    expect(parseChecksumFile(text, asset)).toBe(want);
  });
});

describe("the committed checksum table", () => {
  const pinned = (["helm", "kind", "kubectl", "kubesec"] as const).flatMap((tool) =>
    Object.entries(versions[tool])
      .filter(([k]) => /^\d+$/.test(k))
      .map(([, version]) => [tool, version] as const),
  );

  it.each(pinned)("%s %s has an entry with its source", (tool, version) => {
    const entry = checksumTable[tool as keyof typeof checksumTable]?.[version];
    expect(entry?.source.length).toBeGreaterThan(20);
    for (const sha of Object.values(entry?.sha256 ?? {})) expect(sha).toMatch(/^[0-9a-f]{64}$/);
  });

  it("matches schemas/checksums.schema.json (the format users' --checksums files share)", async () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, "schemas", "checksums.schema.json"), "utf8"));
    const validate = createAjv().compile(schema);
    expect(validate(checksumTable), JSON.stringify(validate.errors)).toBe(true);
  });

  it("lists exactly the assets whose official sha256 could not be confirmed offline (refresh to fill them)", () => {
    const missing = pinned.flatMap(([tool, version]) =>
      grid
        .filter(([k]) => !checksumTable[tool as keyof typeof checksumTable]?.[version]?.sha256[k])
        .map(([k]) => `${tool} ${version} ${k}`),
    );
    expect(missing).toEqual([
      "kubesec v2.14.2 linux-arm64",
      "kubesec v2.14.2 darwin-amd64",
      "kubesec v2.14.2 darwin-arm64",
    ]);
  });
});

describe("platform, mirror and --only validation", () => {
  it.each([
    ["linux", "x64", "linux-amd64"],
    ["linux", "arm64", "linux-arm64"],
    ["darwin", "x64", "darwin-amd64"],
    ["darwin", "arm64", "darwin-arm64"],
  ])("%s/%s -> %s", (os, arch, want) => {
    expect(platformKey(detectPlatform(os, arch))).toBe(want);
  });

  it.each([
    ["win32", "x64"],
    ["linux", "ia32"],
    ["linux", "s390x"],
    ["freebsd", "x64"],
  ])("unsupported %s/%s", (os, arch) => {
    expect(() => detectPlatform(os, arch)).toThrow(
      new RegExp(
        `unsupported platform ${os}/${arch}: floe-helm installs tools for linux and darwin on amd64 \\(x64\\) and arm64`,
      ),
    );
  });

  it.each([
    ["https://mirror.example.com/tools/", "https://mirror.example.com/tools"],
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080"],
    ["", undefined],
  ])("mirror %j", (v, want) => {
    expect(parseMirror(v, "--mirror")).toBe(want);
  });

  it.each([
    ["ftp://mirror.example.com/tools", /--mirror: mirror must be an http:\/\/ or https:\/\/ URL, got 'ftp:'/],
    ["file:///srv/tools", /got 'file:'/],
    [
      "mirror.example.com/tools",
      /'mirror.example.com\/tools' is not a URL: expected http\(s\):\/\/host\/path/,
    ],
  ])("mirror %j is refused", (v, message) => {
    expect(() => parseMirror(v, "--mirror")).toThrow(message);
  });

  it.each([
    [undefined, ["helm", "kind", "kubectl", "kubesec"]],
    ["helm,kind", ["helm", "kind"]],
    [" kubesec , helm ", ["kubesec", "helm"]],
  ] as const)("--only %j", (v, want) => {
    expect(parseOnly(v)).toEqual(want);
  });

  it("--only with an unknown tool", () => {
    expect(() => parseOnly("helm,terraform")).toThrow(
      "--only: unknown tool 'terraform': expected a comma-separated list of helm, kind, kubectl, kubesec",
    );
  });
});

describe("planInstall: Inputs -> exact versions (no network)", () => {
  const plan = (flags: Parameters<typeof buildInputs>[0], only = installTools) =>
    planInstall(buildInputs(flags, {}, "/"), only).map((r) => `${r.tool} ${r.version}`);

  it.each([
    [{}, ["helm v3.22.0", "helm v4.2.4", "kind v0.33.0", "kubectl v1.37.0", "kubesec v2.14.2"]],
    [{ helm: "4" }, ["helm v4.2.4", "kind v0.33.0", "kubectl v1.37.0", "kubesec v2.14.2"]],
    [
      { helmVersion: "3.17.2", kindVersion: "v0.31.0", kubectlVersion: "1", kubesecVersion: "2.14.1" },
      ["helm v3.17.2", "kind v0.31.0", "kubectl v1.37.0", "kubesec v2.14.1"],
    ],
  ] as const)("%j", (flags, want) => {
    expect(plan(flags)).toEqual(want);
  });

  it("--only keeps the order given", () => {
    expect(plan({}, ["kubesec", "helm"])).toEqual(["kubesec v2.14.2", "helm v3.22.0", "helm v4.2.4"]);
  });

  it("names the flag and its environment variable in errors", () => {
    expect(() => plan({ kindVersion: "latest" })).toThrow(
      /^--kind-version \(FLOE_HELM_KIND_VERSION\): 'latest' is refused/,
    );
  });
});
