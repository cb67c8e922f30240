export const id = 459;
export const ids = [459];
export const modules = {

/***/ 4337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f4: () => (/* binding */ BUILTIN_TABLE),
  sO: () => (/* binding */ checksumTable),
  oJ: () => (/* binding */ lookupChecksum),
  j7: () => (/* binding */ parseChecksumFile),
  Q3: () => (/* binding */ sha256File)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/tools/checksums.json
const checksums_namespaceObject = /*#__PURE__*/JSON.parse('{"$comment":["Official sha256 of every release asset of the pinned versions in versions.json, per <os>-<arch>.","The installer trusts ONLY these values for a pinned version (never a checksum file from the download source).","A missing <os>-<arch> entry means the value could not be confirmed: the installer then refuses that pinned","version on that platform (a user\'s --checksums file can supply it). Refresh with `scripts/refresh-checksums.sh`","(downloads the official checksum files; needs network). Each version\'s `source` says where its values came from.","Format: schemas/checksums.schema.json."],"helm":{"v3.22.0":{"source":"get.helm.sh/helm-v3.22.0-<os>-<arch>.tar.gz.sha256sum, as quoted in the official release notes https://github.com/helm/helm/releases/tag/v3.22.0 (linux-amd64 also matches several public Dockerfiles/scripts that pin it)","sha256":{"darwin-amd64":"bd1d09f316558dda23698527859600936fed1371021ce0f2272d66b2fdcfa69c","darwin-arm64":"4c9982a6cdeb458b60258df66b55398ca5b19293f6877faffe2909ad6f23dfe0","linux-amd64":"1e4ab49e429626cf6c6958d914248b78c9730803c2751b87627e171dc800e7bb","linux-arm64":"f14e804dfee240f55525b667488fe9adca349e63e00c9af634c0beb1421ac310"}},"v4.2.4":{"source":"get.helm.sh/helm-v4.2.4-<os>-<arch>.tar.gz.sha256sum, as quoted in the official release notes https://github.com/helm/helm/releases/tag/v4.2.4 (linux-amd64 also matches several public scripts that pin it). v4.2.4 is pinned rather than the newer v4.3.1 because no published checksum of v4.3.1 could be confirmed offline: a pinned default must be verifiable from this table alone.","sha256":{"darwin-amd64":"6c163d687ca03c3b5c01928e53bbbcf9518278f47ce7a2f249a5a08e8bdaa2bc","darwin-arm64":"d747eb4e28bd2727173d15b759fa0a17822291ec09db7ced3d55af290a3661a2","linux-amd64":"c306b46f719b0a4da32d0f78ee21bf90ce8d602f15b22ab753f0674d1670a7f3","linux-arm64":"564de2191b881e9f71b5606b25345821ea1682f06ab90499d3ab22b530176da1"}}},"kind":{"v0.33.0":{"source":"github.com/kubernetes-sigs/kind/releases/download/v0.33.0/kind-<os>-<arch>.sha256sum, as pinned in public repositories (a Go bootstrapper pinning all four; linux-amd64, linux-arm64 and darwin-arm64 each corroborated by other independent scripts/docs)","sha256":{"darwin-amd64":"5a99f26f57246dc9319dd294803313197a0f34d33c525b3ea8b655db5916ece0","darwin-arm64":"0c8c7dbe5e23594a198b786c4bc13dacc101fa6196b0cb0b23a1ca44e61f4b4f","linux-amd64":"aee6151561422756b764a4ae28e7f44cda5af5a9eead3cc9985112b1de8d8e0d","linux-arm64":"20022bee6cfcd5086cb7234d218e3454e6090022f2a8f55d1fa7fcf42c3867a2"}}},"kubectl":{"v1.37.0":{"source":"dl.k8s.io/release/v1.37.0/bin/<os>/<arch>/kubectl.sha256, as pinned in public repositories (a Go bootstrapper pinning all four; linux-amd64 and linux-arm64 each corroborated by other independent scripts/docs)","sha256":{"darwin-amd64":"d5276c0f4fde77fc446070290f345944a7f1fda153df6b960e5fde93b7a9bccd","darwin-arm64":"583beedaebe422e71d3f1a96acef8b1fef86ea2f09a45ad01aa6c9ce287c1380","linux-amd64":"6129359f4e1f3848a5572ccb0b26cf28b8ca08cef38c95a765b2f64a2c961a2f","linux-arm64":"922df28df248cc00a9e025f947704f1d1482de64ece54cfe57e61f19eaf1eef3"}}},"kubesec":{"v2.14.2":{"source":"github.com/controlplaneio/kubesec/releases/download/v2.14.2/kubesec_checksums.txt, linux_amd64 as pinned in several public CI scripts; the darwin and linux_arm64 lines were NOT FOUND offline (refresh to add them)","sha256":{"linux-amd64":"bc252e35f01bc4f133a49404315da3ccfed0209cc9baba33883eaeca0656f35c"}}}}');
// EXTERNAL MODULE: ./src/tools/platform.ts
var tools_platform = __webpack_require__(1613);
;// CONCATENATED MODULE: ./src/tools/checksums.ts
// The committed checksum table (checksums.json) and the parsing of published checksum files.




const checksumTable = checksums_namespaceObject;
const BUILTIN_TABLE = "floe-helm's checksum table";
function lookupChecksum(t, tool, version, platform) {
    const entry = t[tool]?.[version];
    if (!entry)
        return { state: "unpinned" };
    const key = (0,tools_platform/* platformKey */.Ng)(platform);
    const sha256 = entry.sha256[key];
    if (!sha256)
        return { state: "platform-missing", source: entry.source };
    return { state: "pinned", sha256, from: entry.from?.[key] ?? BUILTIN_TABLE };
}
/** Finds the hash for `assetName` in a checksum file: `<hash>  <name>` lines (sha256sum, goreleaser) or a
 * file holding only the bare hash (dl.k8s.io's `.sha256`). Undefined when the file names no such asset. */
function parseChecksumFile(text, assetName) {
    const lines = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
    for (const line of lines) {
        const m = /^([0-9a-fA-F]{64})(?:\s+\*?(\S+))?$/.exec(line);
        if (!m)
            continue;
        const [, hash, name] = m;
        if (name === undefined ? lines.length === 1 : name.split("/").pop() === assetName)
            return hash.toLowerCase();
    }
    return undefined;
}
function sha256File(file) {
    return new Promise((resolve, reject) => {
        const h = (0,external_node_crypto_.createHash)("sha256");
        (0,external_node_fs_.createReadStream)(file)
            .on("error", reject)
            .on("data", (c) => h.update(c))
            .on("end", () => resolve(h.digest("hex")));
    });
}


/***/ }),

/***/ 3038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RG: () => (/* binding */ download),
/* harmony export */   Zl: () => (/* binding */ withQuietToolkit),
/* harmony export */   qr: () => (/* binding */ withToolCacheEnv)
/* harmony export */ });
/* unused harmony exports downloadAttempts, describeDownloadError */
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7155);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2091);
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

/***/ 8459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ installTool),
/* harmony export */   HH: () => (/* binding */ NoVerifiedChecksum),
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
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7155);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2091);
/* harmony import */ var _exec_runner_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4772);
/* harmony import */ var _assets_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1211);
/* harmony import */ var _checksums_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4337);
/* harmony import */ var _download_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3038);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1613);
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
        const dir = await cacheAtomically(opts.toolCache, req.tool, req.version, arch, bin, quiet);
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
/** tc.cacheDir copies then writes `<dir>.complete`; if the copy fails, remove the partial folder so no
 * half-installed tool stays behind (tc.find already ignores folders without the marker). */
async function cacheAtomically(toolCache, tool, version, arch, source, quiet) {
    const dest = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(toolCache, cacheName(tool), version.replace(/^v/, ""), arch);
    try {
        return await (0,_download_js__WEBPACK_IMPORTED_MODULE_10__/* .withToolCacheEnv */ .qr)(toolCache, (0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), () => (0,_download_js__WEBPACK_IMPORTED_MODULE_10__/* .withQuietToolkit */ .Zl)(quiet, () => _actions_tool_cache__WEBPACK_IMPORTED_MODULE_5__/* .cacheDir */ .e8(source, cacheName(tool), version, arch)));
    }
    catch (e) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dest, { recursive: true, force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(`${dest}.complete`, { force: true });
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`cannot write the tool cache ${toolCache}: ${e instanceof Error ? e.message : String(e)}`);
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


/***/ }),

/***/ 1613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bn: () => (/* binding */ platforms),
/* harmony export */   Ng: () => (/* binding */ platformKey),
/* harmony export */   li: () => (/* binding */ detectPlatform)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2091);
// The platforms the installer has assets for: linux and darwin on amd64 and arm64, named as the projects
// name their release assets (Go's GOOS/GOARCH), not as Node names them (x64).

const platforms = [
    { os: "linux", arch: "amd64" },
    { os: "linux", arch: "arm64" },
    { os: "darwin", arch: "amd64" },
    { os: "darwin", arch: "arm64" },
];
/** `linux-amd64`: the key of the checksum table, the mirror folder and the tool-cache arch. */
function platformKey(p) {
    return `${p.os}-${p.arch}`;
}
const osOf = { linux: "linux", darwin: "darwin" };
const archOf = { x64: "amd64", arm64: "arm64" };
/** Maps Node's process.platform/process.arch onto asset names, or says why this machine is not supported. */
function detectPlatform(nodePlatform = process.platform, nodeArch = process.arch) {
    const os = osOf[nodePlatform];
    const arch = archOf[nodeArch];
    if (!os || !arch) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`unsupported platform ${nodePlatform}/${nodeArch}: floe-helm installs tools for linux and darwin on amd64 (x64) and arm64; on other machines build them yourself and pass --tools-dir`);
    }
    return { os, arch };
}


/***/ })

};
