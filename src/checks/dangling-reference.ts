// dangling-reference lives in src/checks/dangling-reference/ (index.ts says how it is split); this module
// keeps its import path.
export { danglingReferenceCheck, type InClusterUrl, inClusterUrls } from "./dangling-reference/index.js";
