export const id = 852;
export const ids = [852];
export const modules = {

/***/ 7751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RG: () => (/* binding */ download),
/* harmony export */   Zl: () => (/* binding */ withQuietToolkit),
/* harmony export */   qr: () => (/* binding */ withToolCacheEnv)
/* harmony export */ });
/* unused harmony exports downloadAttempts, describeDownloadError */
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9805);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
// Downloads through @actions/tool-cache, which retries with back-off (3 attempts, 10-20 s apart) on 5xx,
// 408, 429 and connection errors (including its 3-minute idle-socket timeout), and fails at once on other
// 4xx. This wrapper only turns its errors into one line that says what failed and what to do, and keeps
// the toolkit's chatter off our stdout.


/** tool-cache's fixed attempt count (see downloadTool in @actions/tool-cache). */
const downloadAttempts = 3;
async function download(url, dest, what, quiet) {
    try {
        await withQuietToolkit(quiet, () => _actions_tool_cache__WEBPACK_IMPORTED_MODULE_0__/* .downloadTool */ .bq(url, dest));
    }
    catch (e) {
        // A 404 or other 4xx: the address is wrong (version, platform, --mirror), which the user can fix.
        // A server that kept failing or a connection that dropped: the source failed, the input may be fine.
        const message = describeDownloadError(e, url, what);
        const code = e instanceof _actions_tool_cache__WEBPACK_IMPORTED_MODULE_0__/* .HTTPError */ .Hl ? (e.httpStatusCode ?? 0) : 0;
        const source = code === 0 || code >= 500 || code === 408 || code === 429;
        throw source ? new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ToolError */ .v4(message) : new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(message);
    }
}
function describeDownloadError(e, url, what) {
    if (e instanceof _actions_tool_cache__WEBPACK_IMPORTED_MODULE_0__/* .HTTPError */ .Hl) {
        const code = e.httpStatusCode ?? 0;
        if (code === 404) {
            return `${what} not found (HTTP 404) at ${url}: check the version exists for this platform (and, with a mirror, that it follows <base>/<tool>/<version>/<os>-<arch>/<asset>)`;
        }
        if (code >= 500 || code === 408 || code === 429) {
            return `${what}: the server kept failing (HTTP ${code}) for ${url} after ${downloadAttempts} attempts; retry later or use a mirror`;
        }
        return `${what}: HTTP ${code} for ${url}`;
    }
    const msg = e instanceof Error ? e.message : String(e);
    if (/aborted|premature close|ECONNRESET|socket hang up/i.test(msg)) {
        return `${what}: the download of ${url} was cut off before the end (truncated: ${msg}) in all ${downloadAttempts} attempts`;
    }
    return `${what}: cannot download ${url}: ${msg} (after ${downloadAttempts} attempts)`;
}
/** tool-cache reports through @actions/core, which writes `::debug::` workflow commands to stdout. In
 * Actions that is right; in a terminal it would break "one line per tool", so there it goes to stderr
 * and the debug lines are dropped. */
async function withQuietToolkit(quiet, fn) {
    if (!quiet)
        return fn();
    const write = process.stdout.write;
    process.stdout.write = ((chunk, ...rest) => {
        const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
        const kept = text
            .split(/(?<=\n)/)
            .filter((l) => !l.startsWith("::debug::"))
            .join("");
        if (kept)
            process.stderr.write(kept);
        const cb = rest.find((r) => typeof r === "function");
        cb?.();
        return true;
    });
    try {
        return await fn();
    }
    finally {
        process.stdout.write = write;
    }
}
/** tool-cache reads its folders from the environment; set them only for the duration of one call. */
async function withToolCacheEnv(toolCache, tempDir, fn) {
    const saved = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP };
    process.env.RUNNER_TOOL_CACHE = toolCache;
    process.env.RUNNER_TEMP = tempDir;
    try {
        return await fn();
    }
    finally {
        restore("RUNNER_TOOL_CACHE", saved.cache);
        restore("RUNNER_TEMP", saved.temp);
    }
}
function restore(name, value) {
    if (value === undefined)
        delete process.env[name];
    else
        process.env[name] = value;
}


/***/ }),

/***/ 4852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   refreshChecksums: () => (/* binding */ refreshChecksums)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _assets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5482);
/* harmony import */ var _checksums_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9245);
/* harmony import */ var _download_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7751);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9836);
/* harmony import */ var _version_input_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2274);
// Rebuilds the checksum table from the official checksum files of every pinned version and platform.
// All or nothing: if any file cannot be fetched or does not name its asset, the table is left untouched.









async function refreshChecksums(file, opts) {
    const old = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, "utf8"));
    const table = { $comment: old.$comment };
    const changed = [];
    const failures = [];
    let sourceFailed = false;
    const day = (opts.now ?? new Date()).toISOString().slice(0, 10);
    const tmp = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), "floe-helm-refresh-"));
    try {
        for (const tool of _assets_js__WEBPACK_IMPORTED_MODULE_4__/* .installTools */ .HG) {
            const versions = {};
            for (const version of Object.values((0,_version_input_js__WEBPACK_IMPORTED_MODULE_8__/* .pinnedMajors */ .tU)(tool))) {
                const sha256 = {};
                for (const p of _platform_js__WEBPACK_IMPORTED_MODULE_7__/* .platforms */ .Bn) {
                    const a = (0,_assets_js__WEBPACK_IMPORTED_MODULE_4__/* .assetFor */ .Wh)(tool, version, p, opts.mirror);
                    const dest = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(tmp, `${tool}-${version}-${(0,_platform_js__WEBPACK_IMPORTED_MODULE_7__/* .platformKey */ .Ng)(p)}`);
                    opts.progress?.(`downloading ${a.checksumUrl}`);
                    try {
                        await (0,_download_js__WEBPACK_IMPORTED_MODULE_6__/* .download */ .RG)(a.checksumUrl, dest, `${tool} ${version} checksum file`, opts.quiet);
                        const sum = (0,_checksums_js__WEBPACK_IMPORTED_MODULE_5__/* .parseChecksumFile */ .j7)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(dest, "utf8"), a.name);
                        if (!sum)
                            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${a.checksumUrl} has no sha256 for ${a.name}`);
                        sha256[(0,_platform_js__WEBPACK_IMPORTED_MODULE_7__/* .platformKey */ .Ng)(p)] = sum;
                        const before = previous(old, tool, version, (0,_platform_js__WEBPACK_IMPORTED_MODULE_7__/* .platformKey */ .Ng)(p));
                        if (before && before !== sum)
                            changed.push(`${tool} ${version} ${(0,_platform_js__WEBPACK_IMPORTED_MODULE_7__/* .platformKey */ .Ng)(p)}: ${before} -> ${sum}`);
                    }
                    catch (e) {
                        failures.push(e instanceof Error ? e.message : String(e));
                        sourceFailed ||= e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ToolError */ .v4;
                    }
                }
                versions[version] = {
                    source: `${sourceOf(tool, version, opts.mirror)} (fetched ${day} by floe-helm tools refresh-checksums)`,
                    sha256,
                };
            }
            table[tool] = versions;
        }
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(tmp, { recursive: true, force: true });
    }
    if (failures.length > 0) {
        // Exit 3 when a source failed (a server error, a dropped connection), 2 when only addresses were wrong.
        const message = `refresh-checksums: ${failures.length} checksum file(s) failed, ${file} left unchanged; first: ${failures[0]}`;
        throw sourceFailed ? new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ToolError */ .v4(message) : new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(message);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, `${JSON.stringify(table, null, 2)}\n`);
    return { changed, table };
}
function previous(old, tool, version, key) {
    const t = old[tool];
    return t?.[version]?.sha256[key];
}
function sourceOf(tool, version, mirror) {
    const a = (0,_assets_js__WEBPACK_IMPORTED_MODULE_4__/* .assetFor */ .Wh)(tool, version, { os: "linux", arch: "amd64" }, mirror);
    return a.checksumUrl.replace(/linux([-_])amd64/g, "<os>$1<arch>").replace("/linux/amd64/", "/<os>/<arch>/");
}


/***/ })

};
