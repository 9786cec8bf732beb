#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# docker-engine.sh [start|stop|status]
# start: if `docker info` fails, starts `dockerd --iptables=false --storage-driver=vfs` detached
#   (setsid, output to a log file, pid in a pid file) and waits for it; a running engine is left alone.
# stop: stops only an engine this script started (the one in the pid file).
# DOCKER_HOST=unix:///path.sock plus the BERTH_DOCKERD_* variables below run a second, separate engine;
# give it its own bridge, never --bridge=none (dockerd then deletes the host's docker0). See README.md.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"

LOG_FILE=${BERTH_DOCKERD_LOG:-/var/log/berth-dockerd.log}
PID_FILE=${BERTH_DOCKERD_PIDFILE:-/var/run/berth-dockerd.pid}
DATA_ROOT=${BERTH_DOCKERD_DATA_ROOT:-}
EXEC_ROOT=${BERTH_DOCKERD_EXEC_ROOT:-}
EXTRA_ARGS=${BERTH_DOCKERD_EXTRA_ARGS:-}
TIMEOUT_S=${BERTH_DOCKERD_TIMEOUT:-60}

engine_up() { timeout 10 docker info >/dev/null 2>&1; }

started_pid() {
  local pid
  pid=$(cat "$PID_FILE" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && printf '%s\n' "$pid"
}

dockerd_args() {
  local -a args=(--iptables=false --storage-driver=vfs --pidfile "$PID_FILE")
  local -a extra
  [[ ${DOCKER_HOST:-} == unix://* ]] && args+=(-H "$DOCKER_HOST")
  [[ -n $DATA_ROOT ]] && args+=(--data-root "$DATA_ROOT")
  [[ -n $EXEC_ROOT ]] && args+=(--exec-root "$EXEC_ROOT")
  read -r -a extra <<<"$EXTRA_ARGS"
  printf '%s\n' "${args[@]}" "${extra[@]}"
}

log_tail() {
  log "last lines of $LOG_FILE:"
  tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
}

# Waits for `docker info`; fails early if the daemon process (pid $1) exits.
wait_for_engine() {
  local pid=$1 deadline=$((SECONDS + TIMEOUT_S))
  until engine_up; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log_tail
      die "dockerd (pid $pid) exited before answering; see $LOG_FILE"
    fi
    if ((SECONDS >= deadline)); then
      log_tail
      die "dockerd (pid $pid) did not answer 'docker info' within ${TIMEOUT_S}s; see $LOG_FILE"
    fi
    sleep 0.5
  done
}

start() {
  need_cmd docker dockerd setsid
  if engine_up; then
    log "Docker engine already running ($(docker info --format '{{.ServerVersion}} {{.Driver}}' 2>/dev/null))"
    return 0
  fi
  local pid
  if pid=$(started_pid); then
    log "dockerd (pid $pid, from $PID_FILE) is running but not answering yet; waiting"
  else
    local -a args
    mapfile -t args < <(dockerd_args)
    mkdir -p "$(dirname "$LOG_FILE")" "$(dirname "$PID_FILE")"
    rm -f "$PID_FILE"
    log "starting dockerd ${args[*]} (log: $LOG_FILE)"
    setsid nohup dockerd "${args[@]}" >>"$LOG_FILE" 2>&1 </dev/null &
    pid=$!
  fi
  wait_for_engine "$pid"
  log "Docker engine up (pid $pid): $(docker info --format '{{.ServerVersion}} {{.Driver}}')"
}

stop() {
  local pid
  if ! pid=$(started_pid); then
    log "no dockerd started by this script is running ($PID_FILE)"
    return 0
  fi
  log "stopping dockerd pid $pid"
  kill -TERM "$pid"
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || die "dockerd pid $pid still running 30s after SIGTERM"
    sleep 0.5
  done
}

status() {
  if engine_up; then
    docker info --format 'engine {{.ServerVersion}} ({{.Driver}}) at {{.Name}}'
  else
    echo "no engine answers"
    return 1
  fi
}

case ${1:-start} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: $0 [start|stop|status]" ;;
esac
