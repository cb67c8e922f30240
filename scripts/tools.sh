#!/usr/bin/env bash
# Builds the real, pinned tool binaries the tests and local runs use, from the Go module proxy
# (and Node 24 from the npm registry). Idempotent: a tool whose binary already reports the pinned
# version is not rebuilt, so a second run takes seconds.
#
#   scripts/tools.sh            build/check everything
#   scripts/tools.sh helm3 ...  only the named tools
#   scripts/tools.sh --print    print "name path" per tool (for scripts)
#
# Everything lands under .tools/ (git-ignored), or $FLOE_TOOLS_DIR when set.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${FLOE_TOOLS_DIR:-$root/.tools}

# The pins live in src/tools/versions.json, shared with the action's installer, so the binaries the
# tests run are the versions users get. Change a version there and the next run rebuilds that tool.
pin() { node -e 'const v=require(process.argv[1]);const [t,k]=process.argv[2].split(".");process.stdout.write(v[t][k])' "$root/src/tools/versions.json" "$1"; }
HELM3_VERSION=$(pin helm.3)
HELM4_VERSION=$(pin helm.4)
# helm 3.22's client-go is 0.37: its release builds default to Kubernetes 1.37 (see build helm3).
HELM3_K8S=1.37
helm3_k8s_ldflags() {
  local major=${HELM3_K8S%%.*} minor=${HELM3_K8S#*.} p
  for p in helm.sh/helm/v3/pkg/chartutil helm.sh/helm/v3/pkg/lint/rules; do
    printf -- '-X %s.k8sVersionMajor=%s -X %s.k8sVersionMinor=%s ' "$p" "$major" "$p" "$minor"
  done
}
KUBESEC_VERSION=$(pin kubesec.2)
KIND_VERSION=$(pin kind.0)
NODE24_VERSION=24
# Test-only: an in-memory OCI registry (go-containerregistry's cmd/registry) for `floe-helm release` tests.
REGISTRY_VERSION=v0.22.1
# Test-only (issue 12): a real Actions runner for action.yml and the workflows (nektos/act, host mode), and
# the two workflow linters the tests run: actionlint (Go) and zizmor (PyPI, into a venv of its own).
ACT_VERSION=v0.2.89
ACTIONLINT_VERSION=v1.7.12
ZIZMOR_VERSION=1.32.0
# Test-only (issue 18): cosign signs and verifies released charts' OCI digests against the local registry.
COSIGN_VERSION=v2.6.5
# Test-only: the real yamllint, to hold the gate's yaml-style rules (chart-testing's YAML checks) to its output.
YAMLLINT_VERSION=1.37.1
# Test-only (issue 15, E2E-003): the Iceberg project's own REST catalog server (Maven Central, resolved by mvn from
# hack/iceberg-rest/pom.xml) as a stand-in for Polaris, and pyiceberg with pyarrow (PyPI, a venv of its own) to
# run the example data product's Iceberg writer against it, at the versions of the example's image: those of
# images/example-orders/requirements.lock, every other package as the image's locks pin it (constraints).
lockpin() { sed -n "s/^$1==\([^ ]*\) .*/\1/p" "$root/images/example-orders/requirements.lock"; }
PYICEBERG_VERSION=$(lockpin pyiceberg)
PYARROW_VERSION=$(lockpin pyarrow)
# Test-only (issue 14): the CustomResourceDefinitions of the operators values-prod.yaml uses, from their Go
# modules (the proxy serves these exact versions; it lists none for cloudnative-pg), so the production scenario
# installs on a real API server that validates its Cluster and ExternalSecret objects against their schemas.
CNPG_VERSION=v1.28.1
ESO_VERSION=v1.3.2
# The Kubernetes control plane (issue 6) is built from two small wrapper modules whose go.mod/go.sum
# pin every dependency: hack/k8s (k8s.io/kubernetes + etcd) and hack/kwok (sigs.k8s.io/kwok).
KUBECTL_VERSION=$(pin kubectl.1)
modver() { awk -v m="$2" '{ sub(/^require /, "") } $1 == m && $2 ~ /^v/ { print $2; exit }' "$root/hack/$1/go.mod"; }
K8S_VERSION=$(modver k8s k8s.io/kubernetes)
ETCD_VERSION=$(modver k8s go.etcd.io/etcd/server/v3)
KWOK_VERSION=$(modver kwok sigs.k8s.io/kwok)

all=(helm3 helm4 kubesec kind node24 kubectl kube-apiserver kube-controller-manager kube-scheduler etcd kwok kwokctl registry act actionlint zizmor yamllint cosign crds iceberg-rest pyiceberg)

log() { printf '[tools] %s\n' "$*" >&2; }
die() { printf '[tools] error: %s\n' "$*" >&2; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is required but not on PATH: $2"
}

# go_install OUTDIR PKG@VERSION LDFLAGS
# Builds inside a throw-away wrapper module that requires the tool's module at the pinned version, rather
# than `go install pkg@version`: the latter also asks the proxy for the module's version list (to look for
# deprecations), which the proxy refuses for some modules (kubesec/v2 answers 403), while exact versions work.
go_install() {
  local out=$1 pkg=${2%@*} version=${2##*@} ldflags=$3 mod
  mod=$(go_module_of "$pkg")
  mkdir -p "$out/mod"
  printf 'module floe.dev/toolbuild\n\ngo 1.23\n\nrequire %s %s\n' "$mod" "$version" >"$out/mod/go.mod"
  (cd "$out/mod" && GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0 \
    go build -trimpath -ldflags "-s -w $ldflags" -o "$out/$(tool_binary_name "$pkg")" "$pkg")
  rm -rf "$out/mod"
}

# The module that holds a package: the import path up to its major-version suffix or known module root.
go_module_of() {
  case $1 in
    helm.sh/helm/v3/*) echo helm.sh/helm/v3 ;;
    helm.sh/helm/v4/*) echo helm.sh/helm/v4 ;;
    github.com/google/go-containerregistry/*) echo github.com/google/go-containerregistry ;;
    github.com/rhysd/actionlint/*) echo github.com/rhysd/actionlint ;;
    github.com/sigstore/cosign/v2/*) echo github.com/sigstore/cosign/v2 ;;
    *) echo "$1" ;;
  esac
}

tool_binary_name() {
  local base; base=$(basename "$1")
  case $base in v[0-9]*) basename "$(dirname "$1")" ;; *) echo "$base" ;; esac
}

# reports BIN "ARGS|TEXT": BIN exists and `BIN ARGS` prints TEXT. The output is captured first: with
# pipefail, `grep -q` closing a pipe early would fail the check at random.
reports() {
  local bin=$1 expect=$2 out
  [ -x "$bin" ] && out=$("$bin" ${expect%%|*} 2>&1) && grep -qF -- "${expect#*|}" <<<"$out"
}

# go_build NAME VERSION MODULE_PATH@VERSION LDFLAGS CHECK_CMD
# Builds into $dir/NAME/VERSION/ and links $dir/bin/NAME to it.
go_build() {
  local name=$1 version=$2 pkg=$3 ldflags=$4 expect=$5
  local vdir="$dir/$name/$version" bin
  bin="$vdir/$(tool_binary_name "${pkg%%@*}")"
  if reports "$bin" "$expect"; then
    log "$name $version: cached ($bin)"
  else
    need go "install Go 1.26 or newer (https://go.dev/dl/)"
    log "$name $version: building $pkg (a few minutes the first time) ..."
    local start=$SECONDS tmp="$vdir.partial"
    rm -rf "$tmp"; mkdir -p "$tmp"
    if ! go_install "$tmp" "$pkg" "$ldflags" >"$tmp.log" 2>&1; then
      cat "$tmp.log" >&2
      die "$name $version: 'go install $pkg' failed (see above); check that the Go module proxy is reachable"
    fi
    rm -rf "$vdir"; mv "$tmp" "$vdir"; rm -f "$tmp.log"
    reports "$bin" "$expect" ||
      die "$name $version: built binary does not report version ${expect#*|}"
    log "$name $version: built in $((SECONDS - start))s"
  fi
  mkdir -p "$dir/bin"
  ln -sfn "$bin" "$dir/bin/$name"
}

# k8s_build NAME VERSION MODULE PACKAGE LDFLAGS CHECK_CMD
# Like go_build, but builds PACKAGE inside the wrapper module hack/MODULE, so its committed go.mod/go.sum
# (and, for Kubernetes, the staging-module replaces) decide every dependency version.
k8s_build() {
  local name=$1 version=$2 mod=$3 pkg=$4 ldflags=$5 expect=$6
  local vdir="$dir/$name/$version" bin="$dir/$name/$version/$name"
  if reports "$bin" "$expect"; then
    log "$name $version: cached ($bin)"
  else
    need go "install Go 1.26 or newer (https://go.dev/dl/)"
    log "$name $version: building $pkg from hack/$mod (several minutes the first time) ..."
    local start=$SECONDS tmp="$vdir.partial"
    rm -rf "$tmp"; mkdir -p "$tmp"
    if ! (cd "$root/hack/$mod" && GOFLAGS="-buildvcs=false -mod=readonly" CGO_ENABLED=0 \
      go build -trimpath -o "$tmp/$name" -ldflags "-s -w $ldflags" "$pkg") >"$tmp.log" 2>&1; then
      cat "$tmp.log" >&2
      die "$name $version: 'go build $pkg' in hack/$mod failed (see above); check that the Go module proxy is reachable"
    fi
    rm -rf "$vdir"; mv "$tmp" "$vdir"; rm -f "$tmp.log"
    reports "$bin" "$expect" || die "$name $version: built binary does not report version ${expect#*|}"
    log "$name $version: built in $((SECONDS - start))s"
  fi
  mkdir -p "$dir/bin"
  ln -sfn "$bin" "$dir/bin/$name"
}

# Stamped like release builds, so `kubectl version` and the API server's /version (which helm's
# kubeVersion checks and .Capabilities.KubeVersion read) report the real release, not v0.0.0-master.
k8s_ldflags() {
  local v=${1#v} pkg=k8s.io/component-base/version
  printf -- '-X %s.gitVersion=%s -X %s.gitMajor=%s -X %s.gitMinor=%s -X %s.gitTreeState=clean -X %s.buildDate=1970-01-01T00:00:00Z' \
    "$pkg" "$1" "$pkg" "${v%%.*}" "$pkg" "$(echo "$v" | cut -d. -f2)" "$pkg" "$pkg"
}

build_k8s() {
  local name=$1
  [ "$KUBECTL_VERSION" = "$K8S_VERSION" ] ||
    die "kubectl.1 in src/tools/versions.json is $KUBECTL_VERSION but hack/k8s/go.mod requires k8s.io/kubernetes $K8S_VERSION; make them match"
  local flag=--version; [ "$name" = kubectl ] && flag="version --client"
  k8s_build "$name" "$K8S_VERSION" k8s "k8s.io/kubernetes/cmd/$name" "$(k8s_ldflags "$K8S_VERSION")" "$flag|$K8S_VERSION"
}

build_node24() {
  local vdir="$dir/node24" bin
  bin="$vdir/node_modules/node/bin/node"
  if [ -x "$bin" ] && "$bin" --version | grep -q "^v$NODE24_VERSION\."; then
    log "node24: cached ($("$bin" --version))"
  else
    need npm "install Node.js 20+ with npm"
    log "node24: installing node@$NODE24_VERSION from the npm registry ..."
    rm -rf "$vdir"; mkdir -p "$vdir"
    # A package.json of its own, or npm would walk up and install into the project's node_modules.
    printf '{"name":"floe-node24","private":true}\n' >"$vdir/package.json"
    (cd "$vdir" && npm install --no-save --no-audit --no-fund --loglevel=error "node@$NODE24_VERSION" >/dev/null) ||
      die "node24: 'npm install node@$NODE24_VERSION' failed; check that the npm registry is reachable"
    [ -x "$bin" ] || die "node24: the node package did not provide $bin"
  fi
  mkdir -p "$dir/bin"
  ln -sfn "$bin" "$dir/bin/node24"
}

# PyPI tools, each at its pinned version in a venv of its own (never the system's site-packages), linked as
# bin/<name>: zizmor (a Rust program published as wheels) and yamllint (tests compare the gate's yaml-style
# rules with it, message for message).
#   pypi_tool <name> <version> <"args|expected output">
pypi_tool() {
  local name=$1 version=$2 check=$3 vdir bin
  vdir="$dir/$name/$version"
  bin="$vdir/bin/$name"
  if reports "$bin" "$check"; then
    log "$name $version: cached ($bin)"
  else
    need python3 "install Python 3.9+ with the venv module"
    log "$name $version: installing from PyPI ..."
    local start=$SECONDS log="$vdir.log"
    # The venv is made in place (its scripts hold absolute paths), then checked; a failed try is removed.
    rm -rf "$vdir"; mkdir -p "$(dirname "$vdir")"
    if ! { python3 -m venv "$vdir" && "$vdir/bin/pip" install --disable-pip-version-check --no-input \
      --quiet --only-binary=:all: "$name==$version"; } >"$log" 2>&1; then
      cat "$log" >&2; rm -rf "$vdir" "$log"
      die "$name $version: 'pip install $name==$version' failed (see above); check that PyPI is reachable"
    fi
    rm -f "$log"
    reports "$bin" "$check" || die "$name: installed binary does not report version $version"
    log "$name $version: installed in $((SECONDS - start))s"
  fi
  mkdir -p "$dir/bin"
  ln -sfn "$bin" "$dir/bin/$name"
}

# iceberg-rest: the jars of hack/iceberg-rest/pom.xml (mvn, cached in ~/.m2) and its launcher Serve.java in
# $dir/iceberg-rest/<hash of both>/, and bin/iceberg-rest that runs it (java's single-file source launcher; no
# perf data file in /tmp, Java's temp files in $TMPDIR, so a test leaves nothing behind):
#   iceberg-rest <port, 0: a free one> <warehouse dir>   prints "listening <port>" once it serves.
build_iceberg_rest() {
  local src="$root/hack/iceberg-rest" hash out bin="$dir/bin/iceberg-rest"
  hash=$(cat "$src/pom.xml" "$src/Serve.java" | sha256sum | cut -c1-16)
  out="$dir/iceberg-rest/$hash"
  if [ -f "$out/classpath" ] && tr ':' '\n' <"$out/classpath" | while read -r j; do [ -f "$j" ] || exit 1; done; then
    log "iceberg-rest: cached ($out)"
  else
    need java "install a Java 17+ runtime (the Iceberg REST catalog server)"
    need mvn "install Maven (it resolves hack/iceberg-rest/pom.xml from Maven Central)"
    log "iceberg-rest: resolving hack/iceberg-rest/pom.xml (Maven Central) ..."
    local start=$SECONDS
    rm -rf "$dir/iceberg-rest"; mkdir -p "$out" # an older resolution (another pom) goes
    mvn -B -q -f "$src/pom.xml" dependency:build-classpath -Dmdep.outputFile="$out/classpath.tmp" >"$out.log" 2>&1 ||
      { cat "$out.log" >&2; rm -rf "$out" "$out.log"; die "iceberg-rest: mvn could not resolve hack/iceberg-rest/pom.xml (is Maven Central reachable?)"; }
    rm -f "$out.log"
    cp "$src/Serve.java" "$out/Serve.java"
    mv "$out/classpath.tmp" "$out/classpath"
    log "iceberg-rest: resolved in $((SECONDS - start))s"
  fi
  mkdir -p "$dir/bin"
  out=$(cd -P "$out" && pwd) # the real path: .tools may be a link
  printf '#!/usr/bin/env bash\n# Written by scripts/tools.sh: the Iceberg REST catalog of hack/iceberg-rest on 127.0.0.1.\nexec java -XX:-UsePerfData -Djava.io.tmpdir="${TMPDIR:-/tmp}" -cp "$(cat %q)" %q "$@"\n' \
    "$out/classpath" "$out/Serve.java" >"$bin.tmp"
  chmod +x "$bin.tmp" && mv "$bin.tmp" "$bin"
}

# pyiceberg: a venv with pyiceberg and pyarrow at their pins, constrained to the image's other pins, its
# interpreter started by bin/pyiceberg-python. Its folder is named by the hash of the constraints.
build_pyiceberg() {
  local lock="$root/images/example-orders/requirements.lock" constraints hash vdir want got
  [ -n "$PYICEBERG_VERSION" ] && [ -n "$PYARROW_VERSION" ] || die "pyiceberg: $lock pins no pyiceberg or pyarrow"
  constraints=$(sed -n 's/^\([^#][^ ]*==[^ ]*\) .*/\1/p' "$root/images/dagster/requirements.lock" "$lock")
  hash=$(printf '%s\n' "$constraints" | sha256sum | cut -c1-12)
  vdir="$dir/pyiceberg/$PYICEBERG_VERSION-pyarrow$PYARROW_VERSION-$hash"
  want="$PYICEBERG_VERSION $PYARROW_VERSION"
  got=$("$vdir/bin/python" -c 'import pyiceberg, pyarrow; print(pyiceberg.__version__, pyarrow.__version__)' 2>/dev/null || true)
  if [ "$got" = "$want" ]; then
    log "pyiceberg $want: cached ($vdir)"
  else
    need python3 "install Python 3.9+ with the venv module"
    log "pyiceberg $PYICEBERG_VERSION, pyarrow $PYARROW_VERSION: installing from PyPI ..."
    local start=$SECONDS log="$vdir.log"
    rm -rf "$dir/pyiceberg"; mkdir -p "$dir/pyiceberg" # an older venv (other pins) goes
    printf '%s\n' "$constraints" >"$vdir.constraints"
    if ! { python3 -m venv "$vdir" && "$vdir/bin/pip" install --disable-pip-version-check --no-input --quiet \
      --only-binary=:all: -c "$vdir.constraints" "pyiceberg==$PYICEBERG_VERSION" "pyarrow==$PYARROW_VERSION"; } >"$log" 2>&1; then
      cat "$log" >&2; rm -rf "$vdir" "$log" "$vdir.constraints"
      die "pyiceberg: 'pip install pyiceberg==$PYICEBERG_VERSION pyarrow==$PYARROW_VERSION' failed (see above); check that PyPI is reachable"
    fi
    rm -f "$log" "$vdir.constraints"
    got=$("$vdir/bin/python" -c 'import pyiceberg, pyarrow; print(pyiceberg.__version__, pyarrow.__version__)')
    [ "$got" = "$want" ] || die "pyiceberg: the venv has $got, not $want"
    log "pyiceberg: installed in $((SECONDS - start))s"
  fi
  # A script, not a link: Python finds its venv from the path it was started by (the real one: .tools may be a link).
  vdir=$(cd -P "$vdir" && pwd)
  mkdir -p "$dir/bin"
  rm -f "$dir/bin/pyiceberg-python"
  printf '#!/bin/sh\n# Written by scripts/tools.sh: the python of the pyiceberg venv.\nexec %q "$@"\n' "$vdir/bin/python" >"$dir/bin/pyiceberg-python"
  chmod +x "$dir/bin/pyiceberg-python"
}

# crds: $dir/crds/<operator>/ holds the CRD files taken from the operator's module (go mod download puts the
# module in the Go module cache; nothing is built). A folder named by the version marks what is there.
build_crds() {
  local out="$dir/crds" spec name version module files f src
  for spec in "cloudnative-pg $CNPG_VERSION github.com/cloudnative-pg/cloudnative-pg config/crd/bases/postgresql.cnpg.io_clusters.yaml" \
              "external-secrets $ESO_VERSION github.com/external-secrets/external-secrets config/crds/bases/external-secrets.io_externalsecrets.yaml config/crds/bases/external-secrets.io_secretstores.yaml config/crds/bases/external-secrets.io_clustersecretstores.yaml"; do
    read -r name version module files <<<"$spec"
    if [ -f "$out/$name/.version-$version" ]; then log "crds $name $version: cached ($out/$name)"; continue; fi
    log "crds $name $version: from $module@$version (Go module proxy) ..."
    src=$(cd "$root/hack/k8s" && GOFLAGS=-mod=mod go mod download -json "$module@$version" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);if(j.Error){console.error(j.Error);process.exit(1)}process.stdout.write(j.Dir)})') \
      || die "go mod download $module@$version failed (is the Go module proxy reachable?)"
    rm -rf "$out/$name" && mkdir -p "$out/$name"
    for f in $files; do
      [ -f "$src/$f" ] || die "$module@$version has no $f"
      cp "$src/$f" "$out/$name/" && chmod u+w "$out/$name/$(basename "$f")"
    done
    touch "$out/$name/.version-$version"
  done
}

build() {
  case $1 in
    # The Kubernetes version `helm template`/`lint` assume without --kube-version (.Capabilities, Chart.yaml
    # kubeVersion) is an ldflag of helm 3's release builds (its Makefile: client-go's minor, 0.37 -> 1.37);
    # unstamped it is v1.20.0, which a chart requiring kubeVersion >=1.27 refuses. The build folder names
    # the stamp so that a build from before it is rebuilt.
    helm3) go_build helm3 "$HELM3_VERSION-k8s$HELM3_K8S" "helm.sh/helm/v3/cmd/helm@$HELM3_VERSION" \
             "-X helm.sh/helm/v3/internal/version.version=$HELM3_VERSION -X helm.sh/helm/v3/internal/version.gitTreeState=clean $(helm3_k8s_ldflags)" \
             "version --short|$HELM3_VERSION" ;;
    helm4) go_build helm4 "$HELM4_VERSION" "helm.sh/helm/v4/cmd/helm@$HELM4_VERSION" \
             "-X helm.sh/helm/v4/internal/version.version=$HELM4_VERSION -X helm.sh/helm/v4/internal/version.gitTreeState=clean" \
             "version --short|$HELM4_VERSION" ;;
    kubesec) go_build kubesec "$KUBESEC_VERSION" "github.com/controlplaneio/kubesec/v2@$KUBESEC_VERSION" \
             "-X github.com/controlplaneio/kubesec/v2/cmd.version=$KUBESEC_VERSION" \
             "version|version $KUBESEC_VERSION" ;;
    kind) go_build kind "$KIND_VERSION" "sigs.k8s.io/kind@$KIND_VERSION" "" "version|kind $KIND_VERSION" ;;
    node24) build_node24 ;;
    # It prints no version: the folder it is built into is named by the pinned version.
    registry) go_build registry "$REGISTRY_VERSION" "github.com/google/go-containerregistry/cmd/registry@$REGISTRY_VERSION" "" \
             "--help|port to run registry on" ;;
    # act embeds its version from the module's VERSION file (no ldflags needed).
    act) go_build act "$ACT_VERSION" "github.com/nektos/act@$ACT_VERSION" "" "--version|act version ${ACT_VERSION#v}" ;;
    actionlint) go_build actionlint "$ACTIONLINT_VERSION" "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" \
             "-X github.com/rhysd/actionlint.version=$ACTIONLINT_VERSION" "--version|$ACTIONLINT_VERSION" ;;
    # cosign reads its version from sigs.k8s.io/release-utils, stamped like its release builds.
    cosign) go_build cosign "$COSIGN_VERSION" "github.com/sigstore/cosign/v2/cmd/cosign@$COSIGN_VERSION" \
             "-X sigs.k8s.io/release-utils/version.gitVersion=$COSIGN_VERSION" "version|GitVersion:    $COSIGN_VERSION" ;;
    zizmor) pypi_tool zizmor "$ZIZMOR_VERSION" "--version|zizmor $ZIZMOR_VERSION" ;;
    yamllint) pypi_tool yamllint "$YAMLLINT_VERSION" "--version|yamllint $YAMLLINT_VERSION" ;;
    crds) build_crds ;;
    iceberg-rest) build_iceberg_rest ;;
    pyiceberg) build_pyiceberg ;;
    kubectl|kube-apiserver|kube-controller-manager|kube-scheduler) build_k8s "$1" ;;
    etcd) k8s_build etcd "$ETCD_VERSION" k8s ./etcd "" "--version|etcd Version: ${ETCD_VERSION#v}" ;;
    kwok|kwokctl) k8s_build "$1" "$KWOK_VERSION" kwok "sigs.k8s.io/kwok/cmd/$1" \
             "-X sigs.k8s.io/kwok/pkg/consts.Version=$KWOK_VERSION -X sigs.k8s.io/kwok/pkg/consts.KubeVersion=$K8S_VERSION" \
             "--version|$KWOK_VERSION" ;;
    *) die "unknown tool '$1' (known: ${all[*]})" ;;
  esac
}

if [ "${1:-}" = "--print" ]; then
  for t in "${all[@]}"; do
    case $t in crds) printf 'crds %s\n' "$dir/crds" ;; pyiceberg) printf 'pyiceberg %s\n' "$dir/bin/pyiceberg-python" ;; *) printf '%s %s\n' "$t" "$dir/bin/$t" ;; esac
  done
  exit 0
fi
if [ "${1:-}" = "--versions" ]; then
  printf 'helm3 %s\nhelm4 %s\nkubesec %s\nkind %s\nnode24 %s\n' \
    "$HELM3_VERSION" "$HELM4_VERSION" "$KUBESEC_VERSION" "$KIND_VERSION" "$NODE24_VERSION"
  for t in kubectl kube-apiserver kube-controller-manager kube-scheduler; do printf '%s %s\n' "$t" "$K8S_VERSION"; done
  printf 'etcd %s\nkwok %s\nkwokctl %s\nregistry %s\n' "$ETCD_VERSION" "$KWOK_VERSION" "$KWOK_VERSION" "$REGISTRY_VERSION"
  printf 'act %s\nactionlint %s\nzizmor %s\nyamllint %s\ncosign %s\n' "$ACT_VERSION" "$ACTIONLINT_VERSION" "$ZIZMOR_VERSION" "$YAMLLINT_VERSION" "$COSIGN_VERSION"
  printf 'crds cloudnative-pg %s, external-secrets %s\n' "$CNPG_VERSION" "$ESO_VERSION"
  printf 'iceberg-rest %s\npyiceberg %s (pyarrow %s)\n' "$(sed -n 's:.*<iceberg.version>\(.*\)</iceberg.version>.*:\1:p' "$root/hack/iceberg-rest/pom.xml")" "$PYICEBERG_VERSION" "$PYARROW_VERSION"
  exit 0
fi

tools=("$@"); [ ${#tools[@]} -gt 0 ] || tools=("${all[@]}")
for t in "${tools[@]}"; do build "$t"; done
log "ready in $dir/bin"
