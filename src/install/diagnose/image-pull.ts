// ImagePullBackOff / ErrImagePull: a container's image cannot be pulled (wrong name or tag, no access).
import { allStatuses, oneLine } from "./common.js";
import type { Cause, Pod } from "./types.js";

const REASONS = new Set(["ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull"]);

export function imagePull(pod: Pod): Cause | undefined {
  for (const s of allStatuses(pod)) {
    const w = s.state?.waiting;
    if (!w?.reason || !REASONS.has(w.reason)) continue;
    const spec = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find(
      (c) => c.name === s.name,
    );
    const image = spec?.image ?? s.image ?? "?";
    const message = oneLine(w.message ?? "");
    return {
      kind: "image-pull",
      summary: `container ${s.name}: image ${image} cannot be pulled (${w.reason})${message ? `: ${message}` : ""}`,
      evidence: { container: s.name, image, reason: w.reason, ...(message ? { message } : {}) },
    };
  }
  return undefined;
}
