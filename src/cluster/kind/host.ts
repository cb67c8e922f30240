// What the Docker host of a kind cluster can do, found out by asking it, never assumed: its cgroup version
// (kubelet >= 1.35 needs `failCgroupV1: false` on v1) and whether `docker run --privileged` works (it does
// not on a VM whose capability bounding set lacks CAP_SYS_RESOURCE: then kind gets the docker shim).
import { runTool } from "../../exec/runner.js";

export interface DockerHost {
  /** "1" or "2" as `docker info` reports it; undefined when docker does not answer. */
  cgroupVersion: string | undefined;
  /** `docker run --privileged` of the node image failed with the capability error: its text. */
  privilegedError: string | undefined;
}

/** The runc error of a privileged container on a host that cannot grant every capability. */
export const PRIVILEGED_CAPS_ERROR = /unable to apply caps|apply caps: operation not permitted/;

export async function probeDockerHost(docker: string, image: string): Promise<DockerHost> {
  const info = await runTool([docker, "info", "--format", "{{.CgroupVersion}}"], { timeoutMs: 30_000 });
  const cgroupVersion = info.code === 0 ? info.stdout.trim() || undefined : undefined;
  if (!cgroupVersion) return { cgroupVersion, privilegedError: undefined };
  // Only with an image that is already here: a pull belongs to kind (which pulls the pinned image itself).
  const local = await runTool([docker, "image", "inspect", "--format", "{{.Id}}", image], {
    timeoutMs: 30_000,
  });
  if (local.code !== 0) return { cgroupVersion, privilegedError: undefined };
  const run = await runTool(
    [docker, "run", "--rm", "--privileged", "--network=none", "--entrypoint", "/bin/true", image],
    { timeoutMs: 60_000 },
  );
  const text = `${run.stderr}${run.stdout}`.trim();
  return {
    cgroupVersion,
    privilegedError:
      run.code !== 0
        ? text
            .split("\n")
            .find((l) => PRIVILEGED_CAPS_ERROR.test(l))
            ?.trim()
        : undefined,
  };
}
