export const id = 884;
export const ids = [884];
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

/***/ 4884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NoVerifiedChecksum: () => (/* binding */ NoVerifiedChecksum),
/* harmony export */   installTool: () => (/* binding */ installTool),
/* harmony export */   parseMirror: () => (/* binding */ parseMirror)
/* harmony export */ });
/* unused harmony export installedName */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9805);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4296);
/* harmony import */ var _exec_runner_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7507);
/* harmony import */ var _assets_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5482);
/* harmony import */ var _checksums_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9245);
/* harmony import */ var _download_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7751);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9836);
// The installer: cache first (no network on a hit), else download, verify sha256 BEFORE anything is
// extracted, executed or cached, and only then put the binary into the tool cache. A pinned version is
// verified against the committed table (plus the user's checksums file) and never against anything from the
// download source: a pinned version whose platform has no confirmed value is refused. A version not in the
// table is verified against the checksum file published beside it, with a warning.












/** A pinned tool this platform has no confirmed sha256 for: nothing is installed. The gate runs its other
 * checks and reports the tool's as not run (src/tools/resolve.ts resolveOptionalTool). */
class NoVerifiedChecksum extends _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo {
}
const receiptName = ".floe-helm-install.json";
function installedName(tool, version) {
    return tool === "helm" ? `helm${version.replace(/^v/, "").split(".")[0]}` : tool;
}
const cacheName = (tool) => `floe-${tool}`;
/** Validates a mirror URL: http(s) only, since tool-cache speaks nothing else and file:// would bypass it. */
function parseMirror(value, source) {
    if (value === undefined || value.trim() === "")
        return undefined;
    let u;
    try {
        u = new URL(value.trim());
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`${source}: '${value}' is not a URL: expected http(s)://host/path`);
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`${source}: mirror must be an http:// or https:// URL, got '${u.protocol}' in '${value}'`);
    }
    return u.toString().replace(/\/+$/, "");
}
async function installTool(req, opts) {
    const platform = opts.platform ?? (0,_platform_js__WEBPACK_IMPORTED_MODULE_11__/* .detectPlatform */ .li)();
    const asset = (0,_assets_js__WEBPACK_IMPORTED_MODULE_8__/* .assetFor */ .Wh)(req.tool, req.version, platform, opts.mirror);
    const arch = (0,_platform_js__WEBPACK_IMPORTED_MODULE_11__/* .platformKey */ .Ng)(platform);
    const name = installedName(req.tool, req.version);
    const quiet = opts.quiet ?? true;
    const inCache = (fn) => (0,_download_js__WEBPACK_IMPORTED_MODULE_10__/* .withToolCacheEnv */ .qr)(opts.toolCache, (0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), () => (0,_download_js__WEBPACK_IMPORTED_MODULE_10__/* .withQuietToolkit */ .Zl)(quiet, fn));
    const hit = await inCache(async () => _actions_tool_cache__WEBPACK_IMPORTED_MODULE_5__/* .find */ .I6(cacheName(req.tool), req.version, arch));
    if (hit) {
        const cached = await checkCached(hit, asset);
        if (cached)
            return {
                name,
                tool: req.tool,
                version: req.version,
                path: cached.path,
                dir: hit,
                fromCache: true,
                verifiedBy: cached.receipt.verifiedBy,
            };
        opts.warn?.(`${name} ${req.version}: the cached copy in ${hit} does not match its install record; reinstalling`, "tools/cache-mismatch");
    }
    // Decide what the download will be verified against before touching the network or the cache.
    const official = (0,_assets_js__WEBPACK_IMPORTED_MODULE_8__/* .assetFor */ .Wh)(req.tool, req.version, platform);
    const lookup = (0,_checksums_js__WEBPACK_IMPORTED_MODULE_9__/* .lookupChecksum */ .oJ)(opts.table ?? _checksums_js__WEBPACK_IMPORTED_MODULE_9__/* .checksumTable */ .sO, req.tool, req.version, platform);
    if (lookup.state === "platform-missing") {
        throw new NoVerifiedChecksum(`${name} ${req.version} is pinned, but floe-helm's checksum table has no confirmed sha256 for ${arch} (${lookup.source}). ` +
            "A pinned version is never verified against its download source, so nothing was installed. " +
            `Add the official value from ${official.checksumUrl} to a checksums file (--checksums FILE, format: schemas/checksums.schema.json), ` +
            `or choose an unpinned version with --${req.tool}-version (verified against its published checksum file, with a warning).`);
    }
    await ensureWritable(opts.toolCache);
    const staging = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join((0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), "floe-helm-install-"));
    try {
        let expected;
        let verifiedBy = "table";
        let expectedFrom;
        if (lookup.state === "pinned") {
            expected = lookup.sha256;
            expectedFrom = lookup.from;
        }
        else {
            verifiedBy = "checksum-file";
            expectedFrom = asset.checksumUrl;
            opts.warn?.(`${name} ${req.version} (${arch}) is not in floe-helm's checksum table: verifying against ${asset.checksumUrl}, so trust rests on that source`, "tools/unverified-checksum");
            const sumsFile = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(staging, `sums-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`);
            opts.progress?.(`${name} ${req.version}: downloading ${asset.checksumUrl}`);
            await (0,_download_js__WEBPACK_IMPORTED_MODULE_10__/* .download */ .RG)(asset.checksumUrl, sumsFile, `${name} ${req.version} checksum file`, quiet);
            expected = (0,_checksums_js__WEBPACK_IMPORTED_MODULE_9__/* .parseChecksumFile */ .j7)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(sumsFile, "utf8"), asset.name);
            if (!expected) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`${name} ${req.version}: ${asset.checksumUrl} has no sha256 for ${asset.name}`);
            }
        }
        const downloaded = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(staging, `asset-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`);
        opts.progress?.(`${name} ${req.version}: downloading ${asset.url}`);
        await (0,_download_js__WEBPACK_IMPORTED_MODULE_10__/* .download */ .RG)(asset.url, downloaded, `${name} ${req.version}`, quiet);
        const actual = await (0,_checksums_js__WEBPACK_IMPORTED_MODULE_9__/* .sha256File */ .Q3)(downloaded);
        // What the source served is not what was expected: the download failed, whatever the input.
        if (actual !== expected) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`${name} ${req.version}: checksum mismatch for ${asset.url}: expected ${expected} (from ${expectedFrom}), got ${actual}; nothing was installed`);
        }
        // Only verified bytes reach tar or the cache.
        const bin = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(staging, "bin");
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(bin);
        const target = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(bin, asset.binary);
        if (asset.member) {
            const out = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(staging, "x");
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(out);
            const r = await (0,_exec_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .runTool */ .q)((0,_assets_js__WEBPACK_IMPORTED_MODULE_8__/* .tarExtractArgv */ .vQ)(downloaded, out, asset.member), { timeoutMs: 120_000 });
            const extracted = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(out, asset.member);
            const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(extracted).catch(() => undefined);
            if (r.code !== 0 || !st?.isFile()) {
                const why = r.code !== 0 ? (r.stderr.trim().split("\n").pop() ?? `tar exit ${r.code}`) : "not a regular file";
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`${name} ${req.version}: the archive ${asset.name} has no ${asset.member} (${why}); nothing was installed`);
            }
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.copyFile)(extracted, target);
        }
        else {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.copyFile)(downloaded, target);
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chmod)(target, 0o755);
        const receipt = {
            asset: asset.url,
            assetSha256: actual,
            binarySha256: await (0,_checksums_js__WEBPACK_IMPORTED_MODULE_9__/* .sha256File */ .Q3)(target),
            verifiedBy,
        };
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(bin, receiptName), `${JSON.stringify(receipt, null, 2)}\n`);
        const dir = await cacheAtomically(opts.toolCache, req.tool, req.version, arch, bin, asset);
        return {
            name,
            tool: req.tool,
            version: req.version,
            path: node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, asset.binary),
            dir,
            fromCache: false,
            verifiedBy,
        };
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(staging, { recursive: true, force: true });
    }
}
/** Puts the verified folder into the tool cache whole: it is copied to a sibling folder (same file system)
 * and renamed into place, then tc.find's `<dir>.complete` marker is written. tc.cacheDir would clear and
 * refill the destination in place, so two processes installing the same version into one cache (self-hosted
 * runners running jobs side by side share RUNNER_TOOL_CACHE) cleared each other's copy mid-write. Here a
 * process that finds the folder already there keeps it when its install record holds, and replaces it
 * (moved aside first, never cleared in place) only when it does not. */
async function cacheAtomically(toolCache, tool, version, arch, source, asset) {
    // tc.find's layout: <cache>/<name>/<semver without v>/<arch>, complete when <dir>.complete exists.
    const dest = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(toolCache, cacheName(tool), version.replace(/^v/, ""), arch);
    const sibling = (what) => `${dest}.${what}-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)().slice(0, 8)}`;
    const partial = sibling("partial");
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(dest), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.cp)(source, partial, { recursive: true });
        for (let attempt = 0;; attempt++) {
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(partial, dest);
                break;
            }
            catch (e) {
                const code = e.code;
                if ((code !== "ENOTEMPTY" && code !== "EEXIST") || attempt >= 3)
                    throw e;
                // Another process put a copy there first: keep it when it is whole and verified.
                if (await checkCached(dest, asset))
                    break;
                const aside = sibling("stale");
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(dest, aside).catch(() => undefined);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(aside, { recursive: true, force: true });
            }
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(`${dest}.complete`, "");
        return dest;
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`cannot write the tool cache ${toolCache}: ${e instanceof Error ? e.message : String(e)}`);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(partial, { recursive: true, force: true });
    }
}
async function checkCached(dir, asset) {
    try {
        const receipt = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, receiptName), "utf8"));
        const p = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, asset.binary);
        return (await (0,_checksums_js__WEBPACK_IMPORTED_MODULE_9__/* .sha256File */ .Q3)(p)) === receipt.binarySha256 ? { path: p, receipt } : undefined;
    }
    catch {
        return undefined;
    }
}
async function ensureWritable(dir) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(dir, { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.access)(dir, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
    }
    catch (e) {
        const why = e.code ?? (e instanceof Error ? e.message : String(e));
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`the tool cache ${dir} is not writable (${why}): pass --tool-cache DIR (or FLOE_HELM_TOOL_CACHE) with a folder you can write`);
    }
}


/***/ })

};
