#!/usr/bin/env bash
# Builds the kind node image floe.local/kind-node:<k8s version> offline (issue 13), from what the project
# already pins, for machines that cannot pull kindest/node (no Docker Hub / registry.k8s.io):
#   - kubelet, kubeadm, kube-proxy from hack/k8s (same module and build cache as kube-apiserver);
#   - kubectl, kube-apiserver, kube-controller-manager, kube-scheduler, etcd as scripts/tools.sh built them;
#   - the control-plane, etcd, pause, CoreDNS and kube-proxy images from those binaries (pause: gcc -static of
#     the k8s.io/kubernetes module's pause.c; CoreDNS at the version kubeadm names, from the Go module proxy),
#     preloaded into the node's containerd under the names kubeadm expects;
#   - a Debian bookworm rootfs (debootstrap) with systemd, containerd, runc and iptables;
#   - kind's own node files (entrypoint, systemd units, containerd config) read at build time from the
#     sigs.k8s.io/kind module in the Go module cache at the pinned kind version (not copied into this repo);
#   - CNI: the reference plugins (bridge, host-local, loopback, portmap) with a bridge network for the single
#     node, instead of kindnetd (which the module proxy cannot build, see README);
#   - NetworkPolicy: kube-router's network policy controller (github.com/cloudnativelabs/kube-router/v2, iptables
#     + ipset, which this kernel has; its router and service proxy off), as a DaemonSet in kind's default CNI
#     manifest, image floe.local/kube-router:<version> (see "NetworkPolicy" below for why a pod with two
#     capabilities and not a privileged pod or a systemd unit);
#   - floe.local/test-pod:bookworm (Debian minbase + curl + iptables + ipset + socat): the base of kube-proxy's
#     and kube-router's images and the image the real-cluster tests run their pods with; also preloaded.
# Cached: the image carries a label with the hash of every input; when it matches, nothing is rebuilt.
#
#   scripts/kind-node.sh            build (or confirm) the image; prints progress to stderr
#   scripts/kind-node.sh --image    print the image name
#   FLOE_KIND_NODE_TAG=dev scripts/kind-node.sh   build floe.local/kind-node:dev instead of :<k8s version> (and
#                                   --image prints that): to try a changed image without replacing the one another
#                                   run on this machine is using. The tests take the name from --image.
#
# Needs: root (debootstrap), a Docker daemon (scripts/docker.sh), Go, gcc, debootstrap (apt-get installs it
# when missing), the binaries of scripts/tools.sh. Work files: $FLOE_KIND_NODE_DIR (default .tools/kind-node).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools=${FLOE_TOOLS_DIR:-$root/.tools}/bin
work=${FLOE_KIND_NODE_DIR:-$root/.tools/kind-node}
mirror=${FLOE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm

modver() { awk -v m="$2" '{ sub(/^require /, "") } $1 == m && $2 ~ /^v/ { print $2; exit }' "$root/hack/$1/go.mod"; }
K8S_VERSION=$(modver k8s k8s.io/kubernetes)
KIND_VERSION=$(node -e 'process.stdout.write(require(process.argv[1]).kind[0])' "$root/src/tools/versions.json")
# The reference CNI plugins (github.com/containernetworking/plugins), as kind's base image ships them.
CNI_PLUGINS_VERSION=v1.9.1
# kube-router, for its network policy controller only. v2.1.0 is the newest version the Go module proxy serves
# (`go list -m -versions github.com/cloudnativelabs/kube-router/v2` lists only it; v2.2.0, v2.5.0, v2.6.0 answer 403).
KUBE_ROUTER_VERSION=v2.1.0
IMAGE=floe.local/kind-node:${FLOE_KIND_NODE_TAG:-$K8S_VERSION}
KUBE_ROUTER_IMAGE=floe.local/kube-router:$KUBE_ROUTER_VERSION
TEST_POD_IMAGE=floe.local/test-pod:$suite

NODE_PKGS=systemd,systemd-sysv,dbus,containerd,runc,iptables,nftables,conntrack,iproute2,ethtool,kmod,jq,e2fsprogs,procps,socat,ca-certificates,util-linux,mount,bash,curl,libseccomp2
TEST_POD_PKGS=iptables,ipset,curl,socat,ca-certificates

if [ "${1:-}" = --image ]; then echo "$IMAGE"; exit 0; fi

start=$SECONDS
log() { printf '[kind-node %3ss] %s\n' "$((SECONDS - start))" "$*" >&2; }
die() { printf '[kind-node] error: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is required: $2"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
sha() { sha256sum | cut -c1-16; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }
# DOCKER_BUILDKIT=0: the classic builder needs no builder image (nothing may be pulled here).
dbuild() {
  DOCKER_BUILDKIT=0 docker build -q "$@" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; die "docker build $* failed"; }
}

need docker "run scripts/docker.sh first"
docker info >/dev/null 2>&1 || die "no Docker daemon answers: run scripts/docker.sh first"
need go "install Go 1.26 or newer"
kind_mod=$(cd "$root/hack/k8s" && go env GOMODCACHE)/sigs.k8s.io/kind@$KIND_VERSION
if [ ! -d "$kind_mod/images/base/files" ]; then
  log "fetching sigs.k8s.io/kind@$KIND_VERSION into the module cache ..."
  (cd "$(mktemp -d)" && GOFLAGS=-mod=mod go mod download "sigs.k8s.io/kind@$KIND_VERSION") || die "go mod download sigs.k8s.io/kind@$KIND_VERSION failed"
fi
kind_files=$kind_mod/images/base/files
for t in kubectl kube-apiserver kube-controller-manager kube-scheduler etcd; do
  [ -x "$tools/$t" ] || die "$tools/$t is missing: run scripts/tools.sh"
done

# Every input of the image: this script, the Kubernetes module pins, the kind module's node files, the
# versions and package lists, the Go toolchain, and the already built tool binaries.
inputs_hash() {
  {
    cat "${BASH_SOURCE[0]}" "$root/hack/k8s/go.mod" "$root/hack/k8s/go.sum"
    echo "$K8S_VERSION $KIND_VERSION $CNI_PLUGINS_VERSION $KUBE_ROUTER_VERSION $suite $NODE_PKGS $TEST_POD_PKGS $(go version)"
    (cd "$kind_files" && find . -type f | LC_ALL=C sort | xargs sha256sum)
    for t in kubectl kube-apiserver kube-controller-manager kube-scheduler etcd; do sha256sum <"$tools/$t"; done
  } | sha256sum | cut -c1-32
}
hash=$(inputs_hash)
if have_image "$IMAGE" && [ "$(docker image inspect -f '{{ index .Config.Labels "dev.floe.inputs" }}' "$IMAGE")" = "$hash" ] &&
  have_image "$TEST_POD_IMAGE" && have_image "$KUBE_ROUTER_IMAGE"; then
  log "$IMAGE is up to date (inputs $hash): nothing to build"
  exit 0
fi
log "building $IMAGE (inputs $hash) in $work"
mkdir -p "$work/bin" "$work/ctx"

# --- Debian root filesystems (debootstrap), imported as Docker images --------------------------------------
rootfs_image() { # NAME PACKAGES -> imports floe.local/NAME:<hash of suite+packages> unless present
  local name=$1 pkgs=$2 tag ref dir
  tag=$(echo "$suite $pkgs $mirror" | sha)
  ref=floe.local/$name:$tag
  if have_image "$ref"; then log "$name rootfs: cached ($ref)"; echo "$ref"; return; fi
  if ! command -v debootstrap >/dev/null 2>&1; then
    log "installing debootstrap (apt-get) ..."
    as_root apt-get install -y -qq debootstrap >/dev/null 2>&1 ||
      { as_root apt-get update -qq >/dev/null && as_root apt-get install -y -qq debootstrap >/dev/null; } || die "apt-get install debootstrap failed"
  fi
  dir=$work/rootfs-$name
  as_root rm -rf "$dir"
  log "$name rootfs: debootstrap $suite (minbase + $pkgs) ..."
  as_root debootstrap --variant=minbase --include="$pkgs" "$suite" "$dir" "$mirror" >"$work/debootstrap-$name.log" 2>&1 ||
    { tail -n 30 "$work/debootstrap-$name.log" >&2; die "debootstrap failed (log: $work/debootstrap-$name.log)"; }
  as_root rm -rf "$dir/var/cache/apt/archives"/*.deb "$dir/var/lib/apt/lists"/*
  as_root tar -C "$dir" -c . | docker import - "$ref" >/dev/null
  as_root rm -rf "$dir"
  log "$name rootfs: imported as $ref"
  echo "$ref"
}

# --- Go binaries --------------------------------------------------------------------------------------------
k8s_ldflags() {
  local v=${1#v} pkg=k8s.io/component-base/version
  printf -- '-s -w -X %s.gitVersion=%s -X %s.gitMajor=%s -X %s.gitMinor=%s -X %s.gitTreeState=clean -X %s.buildDate=1970-01-01T00:00:00Z' \
    "$pkg" "$1" "$pkg" "${v%%.*}" "$pkg" "$(echo "$v" | cut -d. -f2)" "$pkg" "$pkg"
}
build_k8s() { # NAME: from hack/k8s (go.mod/go.sum decide every dependency), like scripts/tools.sh
  local name=$1 bin=$work/bin/$1 flag=--version
  [ "$name" != kubeadm ] || flag="version -o short"
  if [ -x "$bin" ] && "$bin" $flag 2>/dev/null | grep -qF "$K8S_VERSION"; then log "$name $K8S_VERSION: cached"; return; fi
  log "$name $K8S_VERSION: building from hack/k8s ..."
  (cd "$root/hack/k8s" && GOFLAGS="-buildvcs=false -mod=readonly" CGO_ENABLED=0 \
    go build -trimpath -o "$bin.partial" -ldflags "$(k8s_ldflags "$K8S_VERSION")" "k8s.io/kubernetes/cmd/$name") ||
    die "go build $name failed"
  mv "$bin.partial" "$bin"
}
go_mod_build() { # OUT MODULE VERSION PACKAGE...: in a throw-away wrapper module (exact versions from the proxy);
  # $GO_LDFLAGS is added to the linker flags. The Go build cache ($(go env GOCACHE)) is the one every build here uses.
  local out=$1 mod=$2 version=$3; shift 3
  local m; m=$(mktemp -d)
  printf 'module floe.dev/kindnode\n\ngo 1.23\n\nrequire %s %s\n' "$mod" "$version" >"$m/go.mod"
  mkdir -p "$out"
  (cd "$m" && GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0 go build -trimpath -ldflags "-s -w ${GO_LDFLAGS:-}" -o "$out/" "$@") ||
    { rm -rf "$m"; die "go build $mod@$version failed"; }
  rm -rf "$m"
}

build_k8s kubelet
build_k8s kubeadm
build_k8s kube-proxy

# The image names and tags kubeadm pulls for this version (printed offline: the version is given).
mapfile -t kubeadm_images < <("$work/bin/kubeadm" config images list --kubernetes-version "$K8S_VERSION" 2>/dev/null)
[ ${#kubeadm_images[@]} -ge 6 ] || die "'kubeadm config images list' printed no image list"
image_for() { printf '%s\n' "${kubeadm_images[@]}" | grep -m1 "/$1:" || die "kubeadm names no $1 image"; }
COREDNS_IMAGE=$(image_for coredns)
COREDNS_VERSION=${COREDNS_IMAGE##*:}
PAUSE_IMAGE=$(image_for pause)
# kind's containerd config names its own sandbox image; both tags get the same pause.
KIND_PAUSE_IMAGE=$(sed -n 's/^ *sandbox_image = "\(.*\)"/\1/p' "$kind_files/etc/containerd/config.toml")

if [ -x "$work/bin/coredns-$COREDNS_VERSION/coredns" ]; then log "coredns $COREDNS_VERSION: cached"; else
  log "coredns $COREDNS_VERSION: building from the Go module proxy (a few minutes the first time) ..."
  go_mod_build "$work/bin/coredns-$COREDNS_VERSION" github.com/coredns/coredns "$COREDNS_VERSION" github.com/coredns/coredns
fi
cni=$work/bin/cni-$CNI_PLUGINS_VERSION
if [ -x "$cni/portmap" ]; then log "CNI plugins $CNI_PLUGINS_VERSION: cached"; else
  log "CNI plugins $CNI_PLUGINS_VERSION: building ..."
  p=github.com/containernetworking/plugins/plugins
  go_mod_build "$cni" github.com/containernetworking/plugins "$CNI_PLUGINS_VERSION" \
    $p/main/bridge $p/main/loopback $p/main/ptp $p/ipam/host-local $p/meta/portmap
fi
kr=$work/bin/kube-router-$KUBE_ROUTER_VERSION
if [ -x "$kr/kube-router" ]; then log "kube-router $KUBE_ROUTER_VERSION: cached"; else
  log "kube-router $KUBE_ROUTER_VERSION: building from the Go module proxy (a few minutes the first time) ..."
  GO_LDFLAGS="-X github.com/cloudnativelabs/kube-router/v2/pkg/version.Version=$KUBE_ROUTER_VERSION" \
    go_mod_build "$kr" github.com/cloudnativelabs/kube-router/v2 "$KUBE_ROUTER_VERSION" github.com/cloudnativelabs/kube-router/v2/cmd/kube-router
fi
pause_version=${PAUSE_IMAGE##*:}
if [ -x "$work/bin/pause-$pause_version" ]; then log "pause $pause_version: cached"; else
  need gcc "apt-get install gcc libc6-dev (pause is a static C program)"
  log "pause $pause_version: gcc -static of the k8s.io/kubernetes module's build/pause/linux/pause.c ..."
  k8s_mod=$(cd "$root/hack/k8s" && go list -m -f '{{.Dir}}' k8s.io/kubernetes)
  gcc -Os -Wall -Werror -static -DVERSION="v$pause_version" -o "$work/bin/pause-$pause_version" "$k8s_mod/build/pause/linux/pause.c" ||
    die "gcc pause.c failed"
fi

# --- component images -----------------------------------------------------------------------------------------
base_ref=$(rootfs_image kind-node-rootfs "$NODE_PKGS")
testpod_rootfs=$(rootfs_image test-pod-rootfs "$TEST_POD_PKGS")
docker tag "$testpod_rootfs" "$TEST_POD_IMAGE"

scratch_image() { # TAG BINARY [NAME]: FROM scratch with one static binary in /usr/local/bin
  local tag=$1 bin=$2 name=${3:-$(basename "$2")} ctx
  ctx=$work/ctx/$name; rm -rf "$ctx"; mkdir -p "$ctx"; cp "$bin" "$ctx/$name"
  printf 'FROM scratch\nENV PATH=/usr/local/bin:/usr/bin:/bin\nCOPY %s /usr/local/bin/%s\n' "$name" "$name" >"$ctx/Dockerfile"
  dbuild -t "$tag" "$ctx"
}
log "component images: ${kubeadm_images[*]} $KIND_PAUSE_IMAGE"
for img in "${kubeadm_images[@]}"; do
  case $img in
    */kube-apiserver:*) scratch_image "$img" "$tools/kube-apiserver" ;;
    */kube-controller-manager:*) scratch_image "$img" "$tools/kube-controller-manager" ;;
    */kube-scheduler:*) scratch_image "$img" "$tools/kube-scheduler" ;;
    */etcd:*) scratch_image "$img" "$tools/etcd" ;;
    */coredns:*)
      ctx=$work/ctx/coredns; rm -rf "$ctx"; mkdir -p "$ctx"; cp "$work/bin/coredns-$COREDNS_VERSION/coredns" "$ctx/"
      printf 'FROM scratch\nCOPY coredns /coredns\nEXPOSE 53 53/udp\nENTRYPOINT ["/coredns"]\n' >"$ctx/Dockerfile"
      dbuild -t "$img" "$ctx" ;;
    */pause:*)
      ctx=$work/ctx/pause; rm -rf "$ctx"; mkdir -p "$ctx"; cp "$work/bin/pause-$pause_version" "$ctx/pause"
      printf 'FROM scratch\nCOPY pause /pause\nUSER 65535:65535\nENTRYPOINT ["/pause"]\n' >"$ctx/Dockerfile"
      dbuild -t "$img" "$ctx"
      [ -z "$KIND_PAUSE_IMAGE" ] || [ "$KIND_PAUSE_IMAGE" = "$img" ] || docker tag "$img" "$KIND_PAUSE_IMAGE" ;;
    */kube-proxy:*)
      ctx=$work/ctx/kube-proxy; rm -rf "$ctx"; mkdir -p "$ctx"; cp "$work/bin/kube-proxy" "$ctx/"
      printf 'FROM %s\nCOPY kube-proxy /usr/local/bin/kube-proxy\n' "$TEST_POD_IMAGE" >"$ctx/Dockerfile"
      dbuild -t "$img" "$ctx" ;;
    *) die "kubeadm names an image this script does not know how to build: $img" ;;
  esac
done
log "kube-router image: $KUBE_ROUTER_IMAGE (the test-pod base + the binary)"
ctx=$work/ctx/kube-router; rm -rf "$ctx"; mkdir -p "$ctx"; cp "$kr/kube-router" "$ctx/"
printf 'FROM %s\nCOPY kube-router /usr/local/bin/kube-router\nENTRYPOINT ["/usr/local/bin/kube-router"]\n' "$TEST_POD_IMAGE" >"$ctx/Dockerfile"
dbuild -t "$KUBE_ROUTER_IMAGE" "$ctx"
preload=("${kubeadm_images[@]}" "$TEST_POD_IMAGE" "$KUBE_ROUTER_IMAGE")
[ -z "$KIND_PAUSE_IMAGE" ] || preload+=("$KIND_PAUSE_IMAGE")

# --- the node image ------------------------------------------------------------------------------------------
ctx=$work/ctx/node; rm -rf "$ctx"; mkdir -p "$ctx/bin" "$ctx/cni"
cp -r "$kind_files" "$ctx/files"; chmod -R u+w "$ctx/files"
cp "$work/bin/kubelet" "$work/bin/kubeadm" "$work/bin/kube-proxy" "$tools/kubectl" "$ctx/bin/"
cp "$cni"/* "$ctx/cni/"
cat >"$ctx/10-floe-bridge.conflist" <<'EOF'
{
  "cniVersion": "1.0.0",
  "name": "floe-bridge",
  "plugins": [
    { "type": "bridge", "bridge": "cni0", "isGateway": true, "ipMasq": true, "hairpinMode": true,
      "ipam": { "type": "host-local", "ranges": [[{ "subnet": "10.244.0.0/24" }]], "routes": [{ "dst": "0.0.0.0/0" }] } },
    { "type": "portmap", "capabilities": { "portMappings": true } }
  ]
}
EOF
# kind applies /kind/manifests/default-cni.yaml (kubectl create) right after kubeadm init. The pod network itself
# is the bridge conflist above; this manifest adds the NetworkPolicy engine.
#
# NetworkPolicy: kube-router's network policy controller (--run-firewall only; routing is the bridge CNI's, services
# are kube-proxy's). It turns policies into iptables rules and ipsets, both of which this VM's kernel has (IP_SET,
# NETFILTER_XT_SET; kube-network-policies would need nftables' queue statement, which the kernel lacks). Run as a
# DaemonSet with hostNetwork and only NET_ADMIN + NET_RAW, like kind's own kindnetd, rather than
#  - a privileged pod: not needed (privileged pods do start in this node: containerd hands them the node
#    container's own capabilities, all but CAP_SYS_RESOURCE; but iptables and ipset need only these two);
#  - a systemd unit in the node: it would need the node's admin kubeconfig and start before kubeadm has written
#    one; as a pod it reads the API with its own read-only ServiceAccount, shows up in kubectl (the tests wait for
#    its readiness, /healthz) and its logs are in `kind export logs`.
# Its image is the test-pod base (Debian's iptables, nft backend, like kube-proxy's image and the node's own
# iptables: one set of tables) plus ipset and the binary. Service range: kube-router's default 10.96.0.0/12 holds
# kind's 10.96.0.0/16.
cat >"$ctx/default-cni.yaml" <<EOF
# floe.local/kind-node: the pod network is the reference bridge CNI configured in the image
# (/etc/cni/net.d/10-floe-bridge.conflist, 10.244.0.0/24 on the single node); kind applies this file instead of
# kindnetd. NetworkPolicy is enforced by kube-router's network policy controller (below).
apiVersion: v1
kind: ServiceAccount
metadata:
  name: kube-router
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: floe:kube-router
rules:
  - apiGroups: [""]
    resources: [namespaces, pods, services, endpoints, nodes]
    verbs: [get, list, watch]
  - apiGroups: [discovery.k8s.io]
    resources: [endpointslices]
    verbs: [get, list, watch]
  - apiGroups: [networking.k8s.io]
    resources: [networkpolicies]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: floe:kube-router
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: floe:kube-router
subjects:
  - kind: ServiceAccount
    name: kube-router
    namespace: kube-system
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kube-router
  namespace: kube-system
  labels:
    k8s-app: kube-router
spec:
  selector:
    matchLabels:
      k8s-app: kube-router
  template:
    metadata:
      labels:
        k8s-app: kube-router
    spec:
      serviceAccountName: kube-router
      priorityClassName: system-node-critical
      hostNetwork: true
      tolerations:
        - operator: Exists
      containers:
        - name: kube-router
          image: $KUBE_ROUTER_IMAGE
          imagePullPolicy: Never
          args:
            - --run-firewall=true
            - --run-router=false
            - --run-service-proxy=false
            - --health-port=20244
          env:
            - name: NODE_NAME
              valueFrom:
                fieldRef:
                  fieldPath: spec.nodeName
            # The API server on this (single, control-plane) node itself, not the kubernetes Service: through the
            # Service it could only start once kube-proxy had written its rules (measured: 33 s later, not 1 s).
            - name: KUBERNETES_SERVICE_HOST
              valueFrom:
                fieldRef:
                  fieldPath: status.hostIP
            - name: KUBERNETES_SERVICE_PORT
              value: "6443"
          securityContext:
            capabilities:
              add: [NET_ADMIN, NET_RAW]
          # Ready = its chain is in the node's filter table (its /healthz answers before the controller runs).
          readinessProbe:
            exec:
              command: [iptables, -w, "5", -n, -L, KUBE-ROUTER-FORWARD]
            periodSeconds: 3
          livenessProbe:
            httpGet:
              path: /healthz
              port: 20244
            initialDelaySeconds: 30
            periodSeconds: 10
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
          volumeMounts:
            - name: xtables-lock
              mountPath: /run/xtables.lock
      volumes:
        - name: xtables-lock
          hostPath:
            path: /run/xtables.lock
            type: FileOrCreate
EOF
# In front of kind's entrypoint. FLOE_KIND_UNPRIVILEGED=1 is set only by floe-helm's docker shim, which is used
# only where `docker run --privileged` fails (no CAP_SYS_RESOURCE in the VM): then the cgroup mounts are made
# writable, /dev/kmsg provided, and containerd told not to lower oom_score_adj. Otherwise: kind's entrypoint as is.
cat >"$ctx/floe-entrypoint" <<'EOF'
#!/bin/sh
if [ "${FLOE_KIND_UNPRIVILEGED:-}" = 1 ]; then
  echo "floe-entrypoint: unprivileged node (docker run --privileged fails on this host): remounting /sys and cgroups rw" >&2
  mount -o remount,bind,rw /sys || true
  for m in $(findmnt -rn -o TARGET -t tmpfs,cgroup,cgroup2 | grep '^/sys/fs/cgroup'); do
    mount -o remount,bind,rw "$m" || echo "floe-entrypoint: could not remount $m rw" >&2
  done
  [ -e /dev/kmsg ] || ln -s /dev/console /dev/kmsg
  sed -i 's/restrict_oom_score_adj = false/restrict_oom_score_adj = true/' /etc/containerd/config.toml
fi
exec /usr/local/bin/entrypoint "$@"
EOF
cat >"$ctx/Dockerfile" <<EOF
FROM $base_ref
COPY files/etc/containerd/ /etc/containerd/
COPY files/etc/default/ /etc/default/
COPY files/etc/sysctl.d/ /etc/sysctl.d/
COPY files/etc/systemd/system/ /etc/systemd/system/
COPY files/etc/crictl.yaml /etc/crictl.yaml
COPY files/usr/local/bin/ /usr/local/bin/
COPY files/kind/ /kind/
COPY bin/ /usr/bin/
COPY cni/ /opt/cni/bin/
COPY 10-floe-bridge.conflist /etc/cni/net.d/10-floe-bridge.conflist
COPY default-cni.yaml /kind/manifests/default-cni.yaml
COPY floe-entrypoint /usr/local/bin/floe-entrypoint
RUN chmod 0755 /usr/local/bin/* /kind/bin/* /usr/bin/kubelet /usr/bin/kubeadm /usr/bin/kubectl /usr/bin/kube-proxy \\
 && ln -sf /usr/bin/containerd /usr/local/bin/containerd && ln -sf /usr/bin/ctr /usr/local/bin/ctr \\
 && ln -sf /usr/bin/containerd-shim-runc-v2 /usr/local/bin/containerd-shim-runc-v2 \\
 && ctr oci spec | jq '.hooks.createContainer[.hooks.createContainer| length] |= . + {"path": "/kind/bin/mount-product-files.sh"}' \\
    | jq 'del(.process.rlimits)' >/etc/containerd/cri-base.json \\
 && find /lib/systemd/system/sysinit.target.wants/ -name systemd-tmpfiles-setup.service -delete \\
 && rm -f /lib/systemd/system/multi-user.target.wants/* /etc/systemd/system/*.wants/* \\
    /lib/systemd/system/local-fs.target.wants/* /lib/systemd/system/sockets.target.wants/*udev* \\
    /lib/systemd/system/sockets.target.wants/*initctl* /lib/systemd/system/basic.target.wants/* \\
 && echo ReadKMsg=no >>/etc/systemd/journald.conf \\
 && systemctl enable kubelet.service containerd.service undo-mount-hacks.service && systemctl mask systemd-binfmt.service \\
 && mkdir -p /etc/kubernetes/manifests && echo "$K8S_VERSION" >/kind/version
EOF
log "node image: assembling the filesystem ..."
dbuild -t floe.local/kind-node-stage:"$hash" "$ctx"

log "node image: preloading ${#preload[@]} images into its containerd (k8s.io namespace) ..."
docker save "${preload[@]}" -o "$work/images.tar"
docker rm -f floe-kind-node-preload >/dev/null 2>&1 || true
docker run --name floe-kind-node-preload -v "$work/images.tar:/images.tar:ro" --entrypoint /bin/sh \
  floe.local/kind-node-stage:"$hash" -c '
    containerd >/tmp/containerd.log 2>&1 & pid=$!
    i=0; until ctr version >/dev/null 2>&1; do i=$((i+1)); [ $i -lt 100 ] || { cat /tmp/containerd.log; exit 1; }; sleep 0.2; done
    ctr --namespace=k8s.io images import --all-platforms --no-unpack --digests /images.tar >/dev/null || exit 1
    ctr --namespace=k8s.io images ls -q
    kill $pid; wait $pid; rm -f /tmp/containerd.log' >"$work/preload.log" 2>&1 ||
  { cat "$work/preload.log" >&2; docker rm -f floe-kind-node-preload >/dev/null; die "preloading images failed"; }
docker commit floe-kind-node-preload floe.local/kind-node-preloaded:"$hash" >/dev/null
docker rm -f floe-kind-node-preload >/dev/null
rm -f "$work/images.tar"

ctx=$work/ctx/final; rm -rf "$ctx"; mkdir -p "$ctx"
cat >"$ctx/Dockerfile" <<EOF
FROM floe.local/kind-node-preloaded:$hash
ENV container=docker
STOPSIGNAL SIGRTMIN+3
ENTRYPOINT ["/usr/local/bin/floe-entrypoint", "/sbin/init"]
CMD []
LABEL dev.floe.inputs="$hash" dev.floe.kind-version="$KIND_VERSION" dev.floe.kubernetes-version="$K8S_VERSION"
EOF
dbuild -t "$IMAGE" "$ctx"
docker rmi floe.local/kind-node-preloaded:"$hash" floe.local/kind-node-stage:"$hash" >/dev/null 2>&1 || true
rm -rf "$work/ctx" # build contexts (copies of the binaries); the binaries themselves stay cached in $work/bin
log "built $IMAGE ($(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}'))"
