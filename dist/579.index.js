export const id = 579;
export const ids = [579];
export const modules = {

/***/ 9579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ restrictedPodSecurity),
/* harmony export */   l: () => (/* binding */ restrictedContainerSecurity)
/* harmony export */ });
// The restricted Pod Security Standard's settings for the pods floe-helm itself creates (probe pods, the
// upgrade's prober) and the tests' pods: one definition, so a pod of ours is never the one the namespace's
// `enforce: restricted` label refuses.
/** Pod level: non-root as uid:gid, the runtime's default seccomp profile. */
const restrictedPodSecurity = (uid, gid) => ({
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: gid,
    seccompProfile: { type: "RuntimeDefault" },
});
/** Container level: no privilege escalation, read-only root filesystem, non-root, every capability dropped. */
const restrictedContainerSecurity = () => ({
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ["ALL"] },
});


/***/ })

};
