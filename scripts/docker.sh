#!/usr/bin/env bash
# Makes a Docker daemon answer, for the kind provider's real-cluster tests (issue 13).
#
#   scripts/docker.sh          (or `start`) if `docker info` already answers: nothing to do. Otherwise install
#                              Debian's docker.io when dockerd is missing (apt-get; root or sudo), start dockerd
#                              in the background and wait until it answers.
#   scripts/docker.sh stop     stop the dockerd this script started (by its recorded pid), and nothing else: a
#                              daemon that was already running stays untouched.
#   scripts/docker.sh status   say whether a daemon answers and whether this script started it.
#   scripts/docker.sh kind-offline   (also done by `start`) nothing from kind's docker network leaves the machine:
#                              creates that network (`kind`, or $KIND_EXPERIMENTAL_DOCKER_NETWORK) the way kind
#                              would when it is missing, so its subnets are known before any cluster exists, and
#                              makes the host drop every packet from those subnets that would be forwarded out of a
#                              non-Docker interface (README: "Nothing leaves the machine"). Idempotent.
#   scripts/docker.sh kind-online    remove those rules again (kind clusters can then reach out).
#
# State (pid file, dockerd log) lives in $FLOE_DOCKER_STATE (default /tmp/floe-docker): dockerd is one per machine.
set -euo pipefail

state=${FLOE_DOCKER_STATE:-/tmp/floe-docker}
pidfile=$state/dockerd.pid
logfile=$state/dockerd.log
wait_seconds=${FLOE_DOCKER_WAIT:-90}

log() { printf '[docker] %s\n' "$*" >&2; }
die() { printf '[docker] error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "'$*' needs root (no sudo on PATH)"
  fi
}

answers() { docker info >/dev/null 2>&1; }

# The pid this script recorded, if that process still runs and is dockerd.
started_pid() {
  local pid
  [ -f "$pidfile" ] || return 1
  pid=$(cat "$pidfile")
  [ -n "$pid" ] && [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = dockerd ] && echo "$pid"
}

install_docker() {
  command -v apt-get >/dev/null 2>&1 || die "dockerd is not installed and there is no apt-get: install Docker yourself"
  log "dockerd not found: installing Debian's docker.io (apt-get) ..."
  local t=$SECONDS
  as_root apt-get update -qq >"$state/apt.log" 2>&1 || { cat "$state/apt.log" >&2; die "apt-get update failed"; }
  # policy-rc.d-less containers: the package's postinst may try to start the service and fail; dockerd is
  # started below by this script either way.
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    docker.io iptables >>"$state/apt.log" 2>&1; then
    command -v dockerd >/dev/null 2>&1 || { cat "$state/apt.log" >&2; die "apt-get install docker.io failed"; }
  fi
  log "docker.io installed in $((SECONDS - t))s ($(dockerd --version))"
}

start() {
  mkdir -p "$state"
  if answers; then
    log "a Docker daemon already answers: nothing to start ($(docker info --format '{{.ServerVersion}}' 2>/dev/null))"
    return 0
  fi
  command -v dockerd >/dev/null 2>&1 || install_docker
  command -v docker >/dev/null 2>&1 || die "dockerd is installed but there is no docker client on PATH"
  local pid
  if ! pid=$(started_pid); then
    log "starting dockerd (log: $logfile) ..."
    # setsid: the daemon outlives this script and is not killed with the calling step's process group.
    as_root setsid dockerd >"$logfile" 2>&1 </dev/null &
    pid=$!
    # With sudo the recorded pid would be sudo's; look the daemon up by its parent instead.
    sleep 0.2
    if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != dockerd ]; then
      pid=$(pgrep -P "$pid" -x dockerd || echo "$pid")
    fi
    echo "$pid" >"$pidfile"
  fi
  local t=$SECONDS
  until answers; do
    if ! [ -d "/proc/$pid" ]; then
      tail -n 30 "$logfile" >&2 || true
      rm -f "$pidfile"
      die "dockerd exited before answering (log above)"
    fi
    [ $((SECONDS - t)) -lt "$wait_seconds" ] || { tail -n 30 "$logfile" >&2; die "dockerd did not answer within ${wait_seconds}s"; }
    sleep 0.5
  done
  log "dockerd (pid $pid) answers after $((SECONDS - t))s: $(docker info --format '{{.ServerVersion}}, storage {{.Driver}}, cgroup {{.CgroupVersion}}/{{.CgroupDriver}}')"
}

stop() {
  local pid
  if ! pid=$(started_pid); then
    rm -f "$pidfile"
    log "no dockerd started by this script: nothing to stop"
    return 0
  fi
  log "stopping dockerd (pid $pid) ..."
  as_root kill -TERM "$pid"
  local t=$SECONDS
  while [ -d "/proc/$pid" ]; do
    [ $((SECONDS - t)) -lt 60 ] || die "dockerd (pid $pid) still running 60s after SIGTERM"
    sleep 0.5
  done
  rm -f "$pidfile"
  log "dockerd stopped after $((SECONDS - t))s"
}

status() {
  if answers; then echo "daemon: answers"; else echo "daemon: none"; fi
  if pid=$(started_pid); then echo "started by scripts/docker.sh: pid $pid"; else echo "started by scripts/docker.sh: no"; fi
  if as_root iptables -w 5 -n -L "$egress_chain" >/dev/null 2>&1; then
    echo "kind network egress: dropped ($(as_root iptables -w 5 -S | grep -c -- "-j $egress_chain\$") IPv4 jump(s) to $egress_chain)"
  else echo "kind network egress: not restricted (scripts/docker.sh kind-offline)"; fi
}

# --- nothing leaves the machine from the kind network -----------------------------------------------------
# Why a DROP rule and not `docker network create --internal`: Docker publishes no ports for containers on an
# internal network (probed here: `-p 127.0.0.1:0:8080` on an internal network gives no host port at all), and kind
# reaches its API server through exactly such a published loopback port. So the network stays a normal bridge and
# the host's firewall decides: packets from its subnets go to our chain, which lets through what stays on a Docker
# bridge of this machine (docker0, br-*: other containers, kind's own bridge) and drops everything else, i.e. all
# that would be routed out of a real interface. That includes lookups of outside names: Docker's embedded DNS sends
# them on from the node's own network namespace. Traffic to the host itself (the published API server port) is
# INPUT/OUTPUT, not FORWARD, and stays untouched. IPv4: the chain hangs off Docker's
# DOCKER-USER chain (Docker never rewrites it); IPv6 (kind gives its network a ULA subnet; Docker 20.10 leaves
# ip6tables alone): off FORWARD. The rules live in the host's netns (Docker does not flush them; not verified across
# a dockerd restart) and are only added where missing, so their packet counters survive a re-run.
kind_net=${KIND_EXPERIMENTAL_DOCKER_NETWORK:-kind}
egress_chain=FLOE-KIND-EGRESS
egress_comment="floe: nothing from the kind network leaves the machine"

ipt() { # FAMILY(4|6) ARGS...: iptables or ip6tables, waiting for the xtables lock
  local bin=iptables
  [ "$1" = 4 ] || bin=ip6tables
  shift
  as_root "$bin" -w 5 "$@"
}

# The rules our chain must hold, in order, as `iptables -S` prints them.
egress_rules() {
  printf -- '-A %s -o docker0 -j RETURN\n' "$egress_chain"
  printf -- '-A %s -o br-+ -j RETURN\n' "$egress_chain"
  printf -- '-A %s -m comment --comment "%s" -j DROP\n' "$egress_chain" "$egress_comment"
}

kind_offline() {
  answers || die "no Docker daemon answers: run scripts/docker.sh first"
  command -v iptables >/dev/null 2>&1 || die "iptables is required: apt-get install iptables"
  if ! docker network inspect "$kind_net" >/dev/null 2>&1; then
    # As kind's ensureNetwork does (bridge, masquerade on, the default bridge's MTU), minus the IPv6 subnet: the
    # kind config here is IPv4 only, and a family that is absent has no way out either. kind reuses the network.
    local mtu opts=(-d=bridge -o com.docker.network.bridge.enable_ip_masquerade=true)
    mtu=$(docker network inspect bridge -f '{{ index .Options "com.docker.network.driver.mtu" }}' 2>/dev/null || true)
    case $mtu in '' | *[!0-9]*) ;; *) opts+=(-o "com.docker.network.driver.mtu=$mtu") ;; esac
    docker network create "${opts[@]}" "$kind_net" >/dev/null || die "docker network create $kind_net failed"
    log "created the docker network $kind_net (as kind would; kind reuses it)"
  fi
  local subnets
  subnets=$(docker network inspect "$kind_net" -f '{{ range .IPAM.Config }}{{ .Subnet }} {{ end }}')
  [ -n "${subnets// /}" ] || die "docker network $kind_net has no subnet"
  local fam parent want have net line s done_any=""
  for fam in 4 6; do
    want=""
    for net in $subnets; do
      case $net in *:*) [ "$fam" = 6 ] && want+="$net " ;; *) [ "$fam" = 4 ] && want+="$net " ;; esac
    done
    if [ "$fam" = 6 ] && ! command -v ip6tables >/dev/null 2>&1; then
      [ -z "$want" ] || die "the $kind_net network has IPv6 subnets ($want) but there is no ip6tables"
      continue
    fi
    parent=FORWARD
    ipt "$fam" -n -L DOCKER-USER >/dev/null 2>&1 && parent=DOCKER-USER
    ipt "$fam" -n -L "$egress_chain" >/dev/null 2>&1 || ipt "$fam" -N "$egress_chain"
    have=$(ipt "$fam" -S "$egress_chain" | grep -v -- "^-N " || true)
    if [ "$have" != "$(egress_rules)" ]; then
      ipt "$fam" -F "$egress_chain"
      ipt "$fam" -A "$egress_chain" -o docker0 -j RETURN
      ipt "$fam" -A "$egress_chain" -o br-+ -j RETURN
      ipt "$fam" -A "$egress_chain" -m comment --comment "$egress_comment" -j DROP
    fi
    # One jump per subnet, marked with the network's name: jumps of this network for subnets it no longer has (it
    # was recreated with another range) go, missing ones come; other networks' jumps stay as they are.
    while IFS= read -r line; do
      s=$(echo "$line" | sed -n 's/.* -s \([^ ]*\) .*/\1/p')
      case " $want " in *" $s "*) ;; *) eval "ipt $fam ${line/-A /-D }" ;; esac
    done < <(ipt "$fam" -S "$parent" | grep -F -- "--comment \"floe: kind network $kind_net\" -j $egress_chain" || true)
    for net in $want; do
      local jump=(-s "$net" -m comment --comment "floe: kind network $kind_net" -j "$egress_chain")
      ipt "$fam" -C "$parent" "${jump[@]}" 2>/dev/null || ipt "$fam" -I "$parent" 1 "${jump[@]}"
      done_any+="$net "
    done
  done
  log "kind network $kind_net (${done_any% }): packets leaving the machine are dropped (chain $egress_chain)"
}

kind_online() {
  local fam parent line
  for fam in 4 6; do
    [ "$fam" = 4 ] || command -v ip6tables >/dev/null 2>&1 || continue
    ipt "$fam" -n -L "$egress_chain" >/dev/null 2>&1 || continue
    for parent in DOCKER-USER FORWARD; do
      ipt "$fam" -n -L "$parent" >/dev/null 2>&1 || continue
      while IFS= read -r line; do eval "ipt $fam ${line/-A /-D }"; done < <(ipt "$fam" -S "$parent" | grep -- "-j $egress_chain\$" || true)
    done
    ipt "$fam" -F "$egress_chain"
    ipt "$fam" -X "$egress_chain"
  done
  log "removed the $egress_chain rules: the kind network can reach out again"
}

case ${1:-start} in
  start) start; kind_offline ;;
  stop) stop ;;
  status) status ;;
  kind-offline) kind_offline ;;
  kind-online) kind_online ;;
  *) die "usage: scripts/docker.sh [start|stop|status|kind-offline|kind-online]" ;;
esac
