#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# registry.sh start|stop|status — a throwaway, no-auth Docker registry for the pull tests:
# Debian's `docker-registry serve` on 127.0.0.1:$BERTH_REGISTRY_PORT (default 5000), storage,
# config, log and pid file in $BERTH_REGISTRY_DIR (default /tmp/berth-registry-PORT, removed on stop).
# The engine treats 127.0.0.0/8 registries as insecure-allowed, so no daemon config is needed.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"

PORT=${BERTH_REGISTRY_PORT:-5000}
DIR=${BERTH_REGISTRY_DIR:-${TMPDIR:-/tmp}/berth-registry-$PORT}
PID_FILE=$DIR/registry.pid
LOG_FILE=$DIR/registry.log
URL=http://127.0.0.1:$PORT/v2/
TIMEOUT_S=${BERTH_REGISTRY_TIMEOUT:-30}

answers() { curl -fsS -o /dev/null --max-time 2 "$URL" 2>/dev/null; }

running_pid() {
  local pid
  pid=$(cat "$PID_FILE" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && printf '%s\n' "$pid"
}

write_config() {
  cat >"$DIR/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $DIR/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$PORT
YAML
}

start() {
  need_cmd docker-registry curl setsid
  local pid
  if pid=$(running_pid) && answers; then
    log "registry already running at $URL (pid $pid)"
    return 0
  fi
  [[ -z ${pid:-} ]] || die "registry pid $pid (from $PID_FILE) is running but $URL does not answer"
  ! answers || die "something else already answers at $URL; set BERTH_REGISTRY_PORT"
  mkdir -p "$DIR/data"
  write_config
  setsid nohup docker-registry serve "$DIR/config.yml" >>"$LOG_FILE" 2>&1 </dev/null &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"
  local deadline=$((SECONDS + TIMEOUT_S))
  until answers; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)); then
      tail -n 20 "$LOG_FILE" >&2 || true
      die "registry (pid $pid) did not answer at $URL; log: $LOG_FILE"
    fi
    sleep 0.2
  done
  log "registry up at $URL (pid $pid, storage $DIR/data)"
}

stop() {
  local pid
  if pid=$(running_pid); then
    kill -TERM "$pid"
    local deadline=$((SECONDS + 15))
    while kill -0 "$pid" 2>/dev/null; do
      ((SECONDS < deadline)) || die "registry pid $pid still running 15s after SIGTERM"
      sleep 0.2
    done
    log "registry (pid $pid) stopped"
  else
    log "no registry started by this script is running ($PID_FILE)"
  fi
  [[ ! -f $DIR/config.yml ]] || rm -rf "$DIR"
}

status() {
  local pid
  if pid=$(running_pid) && answers; then
    echo "registry at $URL (pid $pid)"
  else
    echo "no registry at $URL"
    return 1
  fi
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: $0 start|stop|status" ;;
esac
