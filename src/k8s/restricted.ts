// The restricted Pod Security Standard's settings for the pods floe-helm itself creates (probe pods, the
// upgrade's prober) and the tests' pods: one definition, so a pod of ours is never the one the namespace's
// `enforce: restricted` label refuses.

/** Pod level: non-root as uid:gid, the runtime's default seccomp profile. */
export const restrictedPodSecurity = (uid: number, gid: number) => ({
  runAsNonRoot: true,
  runAsUser: uid,
  runAsGroup: gid,
  seccompProfile: { type: "RuntimeDefault" },
});

/** Container level: no privilege escalation, read-only root filesystem, non-root, every capability dropped. */
export const restrictedContainerSecurity = () => ({
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ["ALL"] },
});
