#!/usr/bin/env bash
# Runs every service of the system from its compiled output (dist/), in the background, on this
# machine — the no-Docker way to start the whole system.
#
# Usage: deploy/local/services.sh start|stop|status|restart [SERVICE...]
#   start    start each service that is not running; wait until all are ready; print URLs
#   stop     SIGTERM each service (graceful shutdown), SIGKILL after SERVICES_STOP_TIMEOUT (20 s); waits until gone
#   status   print each service's readiness and pid (and what a not-ready one waits for); exit 1 if one is not ready
#   restart  stop, start and wait for readiness, one service after the other (rolling); all when none is named
# Logs: .cache/services/<name>.log   PIDs: .cache/services/<name>.pid
# A pid file is believed only while its pid is a live (not zombie) node process running that service's
# dist/ main: a stale file (kill -9, reboot, reused pid) is removed, never signalled.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="$ROOT/.cache/services"
mkdir -p "$RUN_DIR"

# name:port of every service, read from deploy/services.json (generated from the service registry,
# libs/contracts/src/registry/service-registry.ts, by `npm run registry:write`; never list services here).
read -r -a SERVICES <<<"$(node -p "require(process.argv[1]).map((s) => s.name + ':' + s.port).join(' ')" "$ROOT/deploy/services.json")"
[ "${#SERVICES[@]}" -gt 0 ] || { echo "[services] no services read from $ROOT/deploy/services.json" >&2; exit 1; }

ready() { curl -fsS -m 3 "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1; }

port_of() {
  local entry
  for entry in "${SERVICES[@]}"; do [ "${entry%%:*}" = "$1" ] && { echo "${entry##*:}"; return 0; }; done
  echo "[services] unknown service '$1' (known: ${SERVICES[*]%%:*})" >&2
  return 1
}

main_of() { echo "$ROOT/dist/services/$1/src/main.js"; }

# The pid is alive, not a zombie, and runs node with this service's dist main (not a reused pid).
is_service_pid() {
  local name="$1" pid="$2" stat args
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  stat="$(ps -o stat= -p "$pid" 2>/dev/null | tr -d ' ')" || return 1
  [ -n "$stat" ] && [[ "$stat" != Z* ]] || return 1
  args="$(ps -o args= -p "$pid" 2>/dev/null)" || return 1
  [[ "$args" == node*" $(main_of "$name")"* ]]
}

# The recorded pid if it is really this service; a stale pid file is removed.
recorded_pid() {
  local name="$1" file="$RUN_DIR/$1.pid" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file" 2>/dev/null || true)"
  if is_service_pid "$name" "$pid"; then echo "$pid"; return 0; fi
  rm -f "$file"
  return 1
}

alive() { recorded_pid "$1" >/dev/null; }

# Started by this script for this checkout: the marker in its environment (Linux /proc). Tests and benches
# that run extra instances from dist/ on their own ports have no marker and are left alone.
MARKER="LEGAL_SERVICES_RUN_DIR=$RUN_DIR"
has_marker() { [ -r "/proc/$1/environ" ] && tr '\0' '\n' <"/proc/$1/environ" 2>/dev/null | grep -qxF -- "$MARKER"; }

# Pids of a service started by this script: the recorded one, and any node running its dist/ main with
# this script's marker (a lost pid file must not leave a service running).
service_pids() {
  local name="$1" pid
  {
    recorded_pid "$name" || true
    for pid in $(pgrep -f -- "$(main_of "$name")" || true); do
      is_service_pid "$name" "$pid" && has_marker "$pid" && echo "$pid"
    done
  } | sort -u
}

# Waits until none of the pids is a live process of the service (a zombie counts as gone).
wait_gone() {
  local name="$1" timeout="$2" pid remaining
  shift 2
  local until=$((SECONDS + timeout))
  while :; do
    remaining=""
    for pid in "$@"; do is_service_pid "$name" "$pid" && remaining="$remaining $pid"; done
    [ -z "$remaining" ] && return 0
    [ "$SECONDS" -ge "$until" ] && { echo "$remaining"; return 1; }
    sleep 0.2
  done
}

start_one() {
  local name="$1" port main pids
  port="$(port_of "$name")"
  main="$(main_of "$name")"
  [ -f "$main" ] || { echo "[services] $name is not built ($main missing): run npm run build" >&2; exit 1; }
  pids="$(service_pids "$name" | tr '\n' ' ')"
  # A process that was just killed can linger a moment before it is gone (or a zombie): give it 3 s.
  # shellcheck disable=SC2086
  if [ -n "${pids// /}" ] && ! ready "$port" && wait_gone "$name" 3 $pids >/dev/null; then
    rm -f "$RUN_DIR/$name.pid"
    pids=""
  fi
  if [ -n "${pids// /}" ]; then
    # Running (maybe still joining its consumer groups): record it if the pid file was lost.
    [ -f "$RUN_DIR/$name.pid" ] || echo "${pids%% *}" >"$RUN_DIR/$name.pid"
    echo "[services] $name already running (pid ${pids% })"
    return 0
  fi
  if ready "$port"; then echo "[services] $name already answers on :$port (not started by this script)"; return 0; fi
  # A simple command in the background, so $! is node's own pid (an `a && b &` list would give the
  # pid of a bash wrapper, and stop would signal the wrapper instead of the service).
  (
    cd "$ROOT"
    # Node's heap and malloc settings of every service process (deploy/node-runtime.env, issue 14).
    set -a
    # shellcheck disable=SC1091
    . "$ROOT/deploy/node-runtime.env"
    set +a
    NODE_ENV="${NODE_ENV:-development}" LEGAL_SERVICES_RUN_DIR="$RUN_DIR" nohup node --enable-source-maps "$main" >>"$RUN_DIR/$name.log" 2>&1 &
    echo $! >"$RUN_DIR/$name.pid"
  )
  echo "[services] started $name (pid $(cat "$RUN_DIR/$name.pid"), log .cache/services/$name.log)"
}

wait_ready() {
  local name="$1" deadline="$2" port
  port="$(port_of "$name")"
  until ready "$port"; do
    if ! alive "$name"; then echo "[services] $name exited; last log lines:" >&2; tail -n 20 "$RUN_DIR/$name.log" >&2; exit 1; fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "[services] $name not ready in time ($(not_ready_reason "$port")); see .cache/services/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

stop_one() {
  local name="$1" pids left
  pids="$(service_pids "$name" | tr '\n' ' ')"
  if [ -n "${pids// /}" ]; then
    # shellcheck disable=SC2086 # one word per pid
    kill -TERM $pids 2>/dev/null || true
    # shellcheck disable=SC2086
    if ! left="$(wait_gone "$name" "${SERVICES_STOP_TIMEOUT:-20}" $pids)"; then
      # shellcheck disable=SC2086
      kill -KILL $left 2>/dev/null || true
      # shellcheck disable=SC2086
      wait_gone "$name" 10 $left >/dev/null || echo "[services] $name: pid$left does not go away" >&2
    fi
    echo "[services] stopped $name (pid ${pids% })"
  fi
  rm -f "$RUN_DIR/$name.pid"
}

# What a not-ready service says it waits for (the problem+json `detail` of /health/ready).
not_ready_reason() {
  local body
  body="$(curl -sS -m 3 "http://127.0.0.1:$1/health/ready" 2>/dev/null)" || { echo "no answer"; return; }
  node -e 'try { const b = JSON.parse(process.argv[1]); const e = b.error || {};
    console.log(Object.entries(e).map(([k, v]) => `${k}: ${v.message || v.status}`).join("; ") || b.detail || "not ready") }
    catch { console.log("not ready") }' "$body"
}

names() { if [ "$#" -gt 0 ]; then for n in "$@"; do port_of "$n" >/dev/null || exit 2; echo "$n"; done; else for e in "${SERVICES[@]}"; do echo "${e%%:*}"; done; fi; }

start() {
  local name list
  list="$(names "$@")"
  for name in $list; do start_one "$name"; done
  local deadline=$((SECONDS + ${SERVICES_START_TIMEOUT:-120}))
  for name in $list; do wait_ready "$name" "$deadline"; done
  echo
  printf '%-14s %-28s %s\n' SERVICE URL DOCS
  for name in $list; do
    port="$(port_of "$name")"
    printf '%-14s %-28s %s\n' "$name" "http://127.0.0.1:$port" "http://127.0.0.1:$port/docs"
  done
}

stop() {
  local name list
  list="$(names "$@")"
  for name in $list; do stop_one "$name"; done
}

# Rolling: the next service is restarted only once the previous one is ready again.
restart() {
  local name started list
  list="$(names "$@")"
  for name in $list; do
    started=$SECONDS
    stop_one "$name"
    start_one "$name"
    wait_ready "$name" $((SECONDS + ${SERVICES_START_TIMEOUT:-120}))
    echo "[services] $name ready again ($((SECONDS - started)) s)"
  done
}

status() {
  local rc=0 name port pid list
  list="$(names "$@")"
  for name in $list; do
    port="$(port_of "$name")"
    pid="$(recorded_pid "$name" || true)"
    if ready "$port"; then
      echo "[services] $name ready on :$port${pid:+ (pid $pid)}"
    elif [ -n "$pid" ]; then
      echo "[services] $name NOT ready on :$port (pid $pid running; $(not_ready_reason "$port"))"; rc=1
    else
      echo "[services] $name NOT running (:$port)"; rc=1
    fi
  done
  return "$rc"
}

cmd="${1:-}"
shift || true
case "$cmd" in
  start) start "$@" ;;
  stop) stop "$@" ;;
  status) status "$@" ;;
  restart) restart "$@" ;;
  *) echo "usage: $0 start|stop|status|restart [SERVICE...]" >&2; exit 2 ;;
esac
