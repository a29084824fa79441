#!/usr/bin/env bash
# Make sure Redis is reachable for local development / CI.
#
# Usage: deploy/local/redis.sh ensure|status
#   ensure  exit 0 if Redis answers; otherwise start the locally installed redis-server
#           (daemonized, loopback only, no persistence) and wait for it; fail clearly if not installed.
#   status  prints reachable/unreachable; exit 0/1.
# Target: host/port (and password) from REDIS_URL (redis://[:pass@]host:port[/db]) if set, else 127.0.0.1:6379.
# Never stops the machine's Redis.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

log() { echo "[redis] $*"; }
die() { echo "[redis] ERROR: $*" >&2; exit 1; }

REDIS_HOST=127.0.0.1
REDIS_PORT=6379
if [[ -n "${REDIS_URL:-}" ]]; then
  # Simple parse: scheme://[user][:pass@]host[:port][/db]
  rest="${REDIS_URL#*://}"
  if [[ "$rest" == *@* ]]; then
    userinfo="${rest%@*}"
    [[ "$userinfo" == *:* ]] && export REDISCLI_AUTH="${userinfo#*:}"   # redis-cli reads the password from here
    rest="${rest##*@}"
  fi
  hostport="${rest%%[/?]*}"
  if [[ "$hostport" =~ ^\[(.*)\](:([0-9]+))?$ ]]; then        # [ipv6]:port
    REDIS_HOST="${BASH_REMATCH[1]}"; REDIS_PORT="${BASH_REMATCH[3]:-6379}"
  elif [[ "$hostport" =~ ^([^:]*)(:([0-9]+))?$ ]]; then
    REDIS_HOST="${BASH_REMATCH[1]:-127.0.0.1}"; REDIS_PORT="${BASH_REMATCH[3]:-6379}"
  fi
fi

reachable() {
  if command -v redis-cli >/dev/null 2>&1; then
    [[ "$(timeout 3 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]
  else
    timeout 3 bash -c "exec 3<>/dev/tcp/$REDIS_HOST/$REDIS_PORT" 2>/dev/null
  fi
}

is_local() { [[ "$REDIS_HOST" == 127.0.0.1 || "$REDIS_HOST" == localhost || "$REDIS_HOST" == ::1 ]]; }

cmd_ensure() {
  if reachable; then
    log "reachable at $REDIS_HOST:$REDIS_PORT"
    return 0
  fi
  if ! is_local; then
    die "Redis at $REDIS_HOST:$REDIS_PORT (from REDIS_URL) is not reachable; start it or fix REDIS_URL"
  fi
  command -v redis-server >/dev/null 2>&1 ||
    die "Redis is not reachable at $REDIS_HOST:$REDIS_PORT and redis-server is not installed." \
        "Install it (apt-get install -y redis-server) or set REDIS_URL to a reachable server."

  # Use the Debian package's dirs when writable, else a folder under .cache (e.g. non-root).
  local dir=/var/lib/redis logfile=/var/log/redis/ci.log
  if [[ ! -d "$dir" || ! -w "$dir" || ! -d "$(dirname "$logfile")" || ! -w "$(dirname "$logfile")" ]]; then
    dir="$REPO_ROOT/.cache/redis"
    mkdir -p "$dir"
    logfile="$dir/redis.log"
  fi
  log "not reachable at $REDIS_HOST:$REDIS_PORT; starting redis-server (dir $dir, log $logfile)..."
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" \
      --save "" --appendonly no --dir "$dir" --logfile "$logfile" ||
    die "redis-server failed to start (see $logfile)"
  for _ in $(seq 1 20); do
    if reachable; then
      log "reachable at $REDIS_HOST:$REDIS_PORT"
      return 0
    fi
    sleep 0.5
  done
  die "started redis-server but $REDIS_HOST:$REDIS_PORT still does not answer after 10 s (see $logfile)"
}

cmd_status() {
  if reachable; then
    log "reachable at $REDIS_HOST:$REDIS_PORT"
  else
    log "unreachable at $REDIS_HOST:$REDIS_PORT"
    return 1
  fi
}

case "${1:-}" in
  ensure) cmd_ensure ;;
  status) cmd_status ;;
  *) echo "usage: $0 ensure|status" >&2; exit 2 ;;
esac
