#!/usr/bin/env bash
# Makes a Docker daemon answer, for the kind provider's real-cluster tests (issue 13).
#
#   scripts/docker.sh          (or `start`) if `docker info` already answers: nothing to do. Otherwise install
#                              Debian's docker.io when dockerd is missing (apt-get; root or sudo), start dockerd
#                              in the background and wait until it answers.
#   scripts/docker.sh stop     stop the dockerd this script started (by its recorded pid), and nothing else: a
#                              daemon that was already running stays untouched.
#   scripts/docker.sh status   say whether a daemon answers and whether this script started it.
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
}

case ${1:-start} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: scripts/docker.sh [start|stop|status]" ;;
esac
