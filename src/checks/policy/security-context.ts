// policy/run-as-non-root, policy/read-only-root-fs, policy/drop-all-capabilities,
// policy/no-privilege-escalation, policy/seccomp-runtime-default: the Pod Security "restricted" profile
// plus a read-only root file system, per container. A container setting overrides the pod's where
// Kubernetes does so (runAsNonRoot, runAsUser, seccompProfile).
import { isObj } from "../../core/objects.js";
import { arr, get, type Obj } from "../workloads.js";
import { containerRule } from "./container-rule.js";

function effective(container: Obj, podSpec: Obj, key: string): unknown {
  const own = get(container, ["securityContext", key]);
  return own !== undefined && own !== null ? own : get(podSpec, ["securityContext", key]);
}

export const runAsNonRoot = containerRule({
  rule: "policy/run-as-non-root",
  description: "Every container runs as non-root: runAsNonRoot true (container or pod) and runAsUser not 0.",
  test(c, podSpec) {
    if (effective(c.container, podSpec, "runAsUser") === 0) {
      const own = get(c.container, ["securityContext", "runAsUser"]) === 0;
      return {
        path: own
          ? ["securityContext", "runAsUser"]
          : [...podSpecPathOf(c.path), "securityContext", "runAsUser"],
        absolute: !own,
        message: "runs as root (runAsUser: 0)",
      };
    }
    if (effective(c.container, podSpec, "runAsNonRoot") !== true) {
      return {
        path: ["securityContext", "runAsNonRoot"],
        message: "securityContext.runAsNonRoot is not true",
      };
    }
    return undefined;
  },
});

function podSpecPathOf(containerPath: ReadonlyArray<string | number>): Array<string | number> {
  return containerPath.slice(0, -2);
}

export const readOnlyRootFs = containerRule({
  rule: "policy/read-only-root-fs",
  description: "Every container has securityContext.readOnlyRootFilesystem: true.",
  test(c) {
    return get(c.container, ["securityContext", "readOnlyRootFilesystem"]) === true
      ? undefined
      : {
          path: ["securityContext", "readOnlyRootFilesystem"],
          message: "securityContext.readOnlyRootFilesystem is not true",
        };
  },
});

export const dropAllCapabilities = containerRule({
  rule: "policy/drop-all-capabilities",
  description: "Every container drops ALL capabilities (securityContext.capabilities.drop contains ALL).",
  test(c) {
    const drop = arr(get(c.container, ["securityContext", "capabilities", "drop"])).map(String);
    return drop.includes("ALL")
      ? undefined
      : {
          path: ["securityContext", "capabilities", "drop"],
          message: "securityContext.capabilities.drop does not contain ALL",
        };
  },
});

export const noPrivilegeEscalation = containerRule({
  rule: "policy/no-privilege-escalation",
  description: "Every container sets allowPrivilegeEscalation: false and is not privileged.",
  test(c) {
    if (get(c.container, ["securityContext", "privileged"]) === true) {
      return { path: ["securityContext", "privileged"], message: "is privileged" };
    }
    return get(c.container, ["securityContext", "allowPrivilegeEscalation"]) === false
      ? undefined
      : {
          path: ["securityContext", "allowPrivilegeEscalation"],
          message: "securityContext.allowPrivilegeEscalation is not false",
        };
  },
});

export const seccompRuntimeDefault = containerRule({
  rule: "policy/seccomp-runtime-default",
  description:
    "Every container runs with seccompProfile RuntimeDefault (or Localhost), set on it or on the pod.",
  test(c, podSpec) {
    const profile = effective(c.container, podSpec, "seccompProfile");
    const type = isObj(profile) ? profile.type : undefined;
    return type === "RuntimeDefault" || type === "Localhost"
      ? undefined
      : {
          path: ["securityContext", "seccompProfile"],
          message: `seccompProfile is ${type === undefined ? "not set" : `'${String(type)}'`} (expected RuntimeDefault)`,
        };
  },
});

export const securityContextChecks = [
  runAsNonRoot,
  readOnlyRootFs,
  dropAllCapabilities,
  noPrivilegeEscalation,
  seccompRuntimeDefault,
];
