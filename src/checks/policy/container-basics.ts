// policy/resources, policy/probes, policy/image-tag: what every container needs to be scheduled
// predictably, restarted when it hangs, and run the same image tomorrow as today.
import { isObj } from "../../core/objects.js";
import { get, isLongRunning, str } from "../workloads.js";
import { containerRule } from "./container-rule.js";

const RESOURCE_KEYS = ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"] as const;

export const resources = containerRule({
  rule: "policy/resources",
  description: "Every container sets CPU and memory requests and limits.",
  test(c) {
    const missing = RESOURCE_KEYS.filter((k) => {
      const v = get(c.container, ["resources", ...k.split(".")]);
      return v === undefined || v === null || v === "";
    });
    if (missing.length === 0) return undefined;
    const requests = isObj(get(c.container, ["resources", "requests"]));
    const limits = isObj(get(c.container, ["resources", "limits"]));
    // Point at the block that lacks the value, or at `resources` when neither block is written.
    const path =
      missing.every((m) => m.startsWith("limits")) && limits
        ? ["resources", "limits"]
        : missing.every((m) => m.startsWith("requests")) && requests
          ? ["resources", "requests"]
          : ["resources"];
    return { path, message: `resources ${missing.join(", ")} not set` };
  },
});

export const probes = containerRule({
  rule: "policy/probes",
  description:
    "Every container of a long-running workload (not Jobs, CronJobs or helm hook/test pods) has readiness and liveness probes.",
  applies: (obj, c) => isLongRunning(obj) && !c.init,
  test(c) {
    const missing = ["readinessProbe", "livenessProbe"].filter((p) => !isObj(c.container[p]));
    return missing.length === 0 ? undefined : { path: [], message: `no ${missing.join(" and ")}` };
  },
});

/** The tag of an image reference (`registry:5000/org/app:1.2` -> `1.2`), undefined when untagged. */
export function imageTag(image: string): { tag?: string; digest?: string } {
  const at = image.indexOf("@");
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const ref = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = ref.lastIndexOf("/");
  const colon = ref.indexOf(":", lastSlash + 1);
  const tag = colon >= 0 ? ref.slice(colon + 1) : undefined;
  return { ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

export const imageTagPinned = containerRule({
  rule: "policy/image-tag",
  description: "Every image is pinned: a tag other than `latest`, or a digest.",
  test(c) {
    const image = str(c.container.image);
    if (!image) return { path: ["image"], message: "has no image" };
    const { tag, digest } = imageTag(image);
    if (digest) return undefined;
    if (!tag)
      return { path: ["image"], message: `image '${image}' has no tag (means latest): pin a version` };
    if (tag === "latest")
      return { path: ["image"], message: `image '${image}' uses the 'latest' tag: pin a version` };
    return undefined;
  },
});

export const containerBasicsChecks = [resources, probes, imageTagPinned];
