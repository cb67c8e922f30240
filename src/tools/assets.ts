// Where each tool's release asset and its official checksum file live, for the official sites and for a
// mirror (`<base>/<tool>/<version>/<os>-<arch>/<official asset name>`, checksum file beside it). Pure
// functions: the URL table is tested for every tool, version and platform without any network.
import type { Platform } from "./platform.js";

export type InstallTool = "helm" | "kind" | "kubectl" | "kubesec";
export const installTools: readonly InstallTool[] = ["helm", "kind", "kubectl", "kubesec"];

export interface Asset {
  tool: InstallTool;
  /** Always with the leading `v`, as the projects tag releases. */
  version: string;
  platform: Platform;
  /** The official file name, kept on mirrors so their layout is predictable. */
  name: string;
  url: string;
  checksumName: string;
  checksumUrl: string;
  /** Path of the binary inside a .tar.gz asset; undefined when the asset is the binary itself. */
  member: string | undefined;
  /** File name of the binary once installed. */
  binary: string;
}

interface Layout {
  name: (v: string, p: Platform) => string;
  official: (v: string, p: Platform, name: string) => string;
  checksumName: (name: string) => string;
  member: (p: Platform) => string | undefined;
}

const layouts: Record<InstallTool, Layout> = {
  helm: {
    name: (v, p) => `helm-${v}-${p.os}-${p.arch}.tar.gz`,
    official: (_v, _p, name) => `https://get.helm.sh/${name}`,
    checksumName: (name) => `${name}.sha256sum`,
    member: (p) => `${p.os}-${p.arch}/helm`,
  },
  kind: {
    name: (_v, p) => `kind-${p.os}-${p.arch}`,
    official: (v, _p, name) => `https://github.com/kubernetes-sigs/kind/releases/download/${v}/${name}`,
    checksumName: (name) => `${name}.sha256sum`,
    member: () => undefined,
  },
  kubectl: {
    name: () => "kubectl",
    official: (v, p, name) => `https://dl.k8s.io/release/${v}/bin/${p.os}/${p.arch}/${name}`,
    checksumName: (name) => `${name}.sha256`,
    member: () => undefined,
  },
  kubesec: {
    name: (_v, p) => `kubesec_${p.os}_${p.arch}.tar.gz`,
    official: (v, _p, name) => `https://github.com/controlplaneio/kubesec/releases/download/${v}/${name}`,
    checksumName: () => "kubesec_checksums.txt",
    member: () => "kubesec",
  },
};

/** The asset of `tool` at `version` (with `v`) for `platform`, from the official site or from `mirror`. */
export function assetFor(tool: InstallTool, version: string, platform: Platform, mirror?: string): Asset {
  const l = layouts[tool];
  const name = l.name(version, platform);
  const checksumName = l.checksumName(name);
  let url: string;
  let checksumUrl: string;
  if (mirror) {
    const dir = `${mirror.replace(/\/+$/, "")}/${tool}/${version}/${platform.os}-${platform.arch}`;
    url = `${dir}/${name}`;
    checksumUrl = `${dir}/${checksumName}`;
  } else {
    url = l.official(version, platform, name);
    // Every project publishes its checksum file in the same folder as the asset.
    checksumUrl = `${url.slice(0, url.lastIndexOf("/") + 1)}${checksumName}`;
  }
  return {
    tool,
    version,
    platform,
    name,
    url,
    checksumName,
    checksumUrl,
    member: l.member(platform),
    binary: tool,
  };
}

/** argv that extracts only the binary from a .tar.gz (nothing else from the archive lands on disk). */
export function tarExtractArgv(archive: string, destDir: string, member: string): string[] {
  return ["tar", "-xzf", archive, "-C", destDir, member];
}
