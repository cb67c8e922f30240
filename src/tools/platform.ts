// The platforms the installer has assets for: linux and darwin on amd64 and arm64, named as the projects
// name their release assets (Go's GOOS/GOARCH), not as Node names them (x64).
import { UserError } from "../core/errors.js";

export type Os = "linux" | "darwin";
export type Arch = "amd64" | "arm64";
export interface Platform {
  os: Os;
  arch: Arch;
}

export const platforms: readonly Platform[] = [
  { os: "linux", arch: "amd64" },
  { os: "linux", arch: "arm64" },
  { os: "darwin", arch: "amd64" },
  { os: "darwin", arch: "arm64" },
];

/** `linux-amd64`: the key of the checksum table, the mirror folder and the tool-cache arch. */
export function platformKey(p: Platform): string {
  return `${p.os}-${p.arch}`;
}

const osOf: Partial<Record<NodeJS.Platform, Os>> = { linux: "linux", darwin: "darwin" };
const archOf: Partial<Record<string, Arch>> = { x64: "amd64", arm64: "arm64" };

/** Maps Node's process.platform/process.arch onto asset names, or says why this machine is not supported. */
export function detectPlatform(
  nodePlatform: string = process.platform,
  nodeArch: string = process.arch,
): Platform {
  const os = osOf[nodePlatform as NodeJS.Platform];
  const arch = archOf[nodeArch];
  if (!os || !arch) {
    throw new UserError(
      `unsupported platform ${nodePlatform}/${nodeArch}: floe-helm installs tools for linux and darwin on amd64 (x64) and arm64; on other machines build them yourself and pass --tools-dir`,
    );
  }
  return { os, arch };
}
