#!/usr/bin/env bash
# Runs every service of the system from its compiled output (dist/), in the background, on this
# machine — the no-Docker way to start the whole system.
#
# Usage: deploy/local/services.sh start|stop|status
#   start   start each service that is not already answering; wait until all are ready; print URLs
#   stop    SIGTERM each started service (graceful shutdown), SIGKILL after 20 s
#   status  print each service's readiness; exit 1 if one is not ready
# Logs: .cache/services/<name>.log   PIDs: .cache/services/<name>.pid
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="$ROOT/.cache/services"
mkdir -p "$RUN_DIR"

# name:port — keep in step with each services/<name>/src/<name>.definition.ts and docker-compose.yml
SERVICES=(
  work-order:3000 hotline:3001 portal:3002 centre:3003
  legal-aid:3004 mediation:3005 notarization:3006 identity:3007
)

ready() { curl -fsS -m 3 "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1; }
alive() { [ -f "$RUN_DIR/$1.pid" ] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null; }

start() {
  for entry in "${SERVICES[@]}"; do
    name="${entry%%:*}"; port="${entry##*:}"
    main="$ROOT/dist/services/$name/src/main.js"
    [ -f "$main" ] || { echo "[services] $name is not built ($main missing): run npm run build" >&2; exit 1; }
    if ready "$port" || alive "$name"; then echo "[services] $name already running"; continue; fi
    # A simple command in the background, so $! is node's own pid (an `a && b &` list would give the
    # pid of a bash wrapper, and stop would signal the wrapper instead of the service).
    (
      cd "$ROOT"
      NODE_ENV="${NODE_ENV:-development}" nohup node --enable-source-maps "$main" >>"$RUN_DIR/$name.log" 2>&1 &
      echo $! >"$RUN_DIR/$name.pid"
    )
    echo "[services] started $name (pid $(cat "$RUN_DIR/$name.pid"), log .cache/services/$name.log)"
  done
  deadline=$((SECONDS + ${SERVICES_START_TIMEOUT:-120}))
  for entry in "${SERVICES[@]}"; do
    name="${entry%%:*}"; port="${entry##*:}"
    until ready "$port"; do
      if ! alive "$name"; then echo "[services] $name exited; last log lines:" >&2; tail -n 20 "$RUN_DIR/$name.log" >&2; exit 1; fi
      if [ "$SECONDS" -ge "$deadline" ]; then echo "[services] $name not ready in time; see .cache/services/$name.log" >&2; exit 1; fi
      sleep 1
    done
  done
  echo
  printf '%-14s %-28s %s\n' SERVICE URL DOCS
  for entry in "${SERVICES[@]}"; do
    name="${entry%%:*}"; port="${entry##*:}"
    printf '%-14s %-28s %s\n' "$name" "http://127.0.0.1:$port" "http://127.0.0.1:$port/docs"
  done
}

# Pids of a service started by this script: the recorded one, and any node running its dist/ main
# (a pid file lost or left by an older version of this script must not leave a service running).
service_pids() {
  local name="$1" main="$ROOT/dist/services/$1/src/main.js"
  { alive "$name" && cat "$RUN_DIR/$name.pid"; pgrep -f -- "node --enable-source-maps $main" || true; } | sort -u
}

stop() {
  for entry in "${SERVICES[@]}"; do
    name="${entry%%:*}"
    pids="$(service_pids "$name" | tr '\n' ' ')"
    if [ -n "${pids// /}" ]; then
      # shellcheck disable=SC2086 # one word per pid
      kill -TERM $pids 2>/dev/null || true
      for _ in $(seq 1 20); do
        remaining=""
        for pid in $pids; do kill -0 "$pid" 2>/dev/null && remaining="$remaining $pid"; done
        [ -z "$remaining" ] && break
        sleep 1
      done
      for pid in $pids; do kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null; done
      echo "[services] stopped $name (pid $pids)"
    fi
    rm -f "$RUN_DIR/$name.pid"
  done
}

status() {
  rc=0
  for entry in "${SERVICES[@]}"; do
    name="${entry%%:*}"; port="${entry##*:}"
    if ready "$port"; then echo "[services] $name ready on :$port"; else echo "[services] $name NOT ready on :$port"; rc=1; fi
  done
  return "$rc"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
