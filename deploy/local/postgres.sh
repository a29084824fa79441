#!/usr/bin/env bash
# Make sure PostgreSQL is reachable for local development / CI.
#
# Usage: deploy/local/postgres.sh ensure|status
#   ensure  exit 0 if PostgreSQL answers; otherwise start the locally installed cluster
#           (pg_ctlcluster) and wait for it; fail with a clear message if none is installed.
#   status  prints reachable/unreachable; exit 0/1.
# Target: host/port from DATABASE_URL (postgres://user:pass@host:port/db) if set, else 127.0.0.1:5432.
# Never stops the machine's PostgreSQL.
set -euo pipefail

log() { echo "[postgres] $*"; }
die() { echo "[postgres] ERROR: $*" >&2; exit 1; }

PG_HOST=127.0.0.1
PG_PORT=5432
if [[ -n "${DATABASE_URL:-}" ]]; then
  # Simple parse: scheme://[user[:pass]@]host[:port][/db][?params]
  hostport="${DATABASE_URL#*://}"
  hostport="${hostport##*@}"
  hostport="${hostport%%[/?]*}"
  if [[ "$hostport" =~ ^\[(.*)\](:([0-9]+))?$ ]]; then        # [ipv6]:port
    PG_HOST="${BASH_REMATCH[1]}"; PG_PORT="${BASH_REMATCH[3]:-5432}"
  elif [[ "$hostport" =~ ^([^:]*)(:([0-9]+))?$ ]]; then
    PG_HOST="${BASH_REMATCH[1]:-127.0.0.1}"; PG_PORT="${BASH_REMATCH[3]:-5432}"
  fi
fi

reachable() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3
  else
    timeout 3 bash -c "exec 3<>/dev/tcp/$PG_HOST/$PG_PORT" 2>/dev/null
  fi
}

is_local() { [[ "$PG_HOST" == 127.0.0.1 || "$PG_HOST" == localhost || "$PG_HOST" == ::1 ]]; }

cmd_ensure() {
  if reachable; then
    log "reachable at $PG_HOST:$PG_PORT"
    return 0
  fi
  if ! is_local; then
    die "PostgreSQL at $PG_HOST:$PG_PORT (from DATABASE_URL) is not reachable; start it or fix DATABASE_URL"
  fi
  local version=""
  if command -v pg_ctlcluster >/dev/null 2>&1 && [[ -d /etc/postgresql ]]; then
    version="$(find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V | tail -n1)"
  fi
  if [[ -z "$version" || ! -d "/etc/postgresql/$version/main" ]]; then
    die "PostgreSQL is not reachable at $PG_HOST:$PG_PORT and no local cluster is installed." \
        "Install it (apt-get install -y postgresql) or set DATABASE_URL to a reachable server."
  fi
  log "not reachable at $PG_HOST:$PG_PORT; starting local cluster $version/main..."
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>&1 | sed 's/^/[postgres]   /' || true
  for _ in $(seq 1 30); do
    if reachable; then
      log "reachable at $PG_HOST:$PG_PORT"
      return 0
    fi
    sleep 1
  done
  die "started cluster $version/main but $PG_HOST:$PG_PORT still does not answer after 30 s" \
      "(check its port in /etc/postgresql/$version/main/postgresql.conf and /var/log/postgresql/)"
}

cmd_status() {
  if reachable; then
    log "reachable at $PG_HOST:$PG_PORT"
  else
    log "unreachable at $PG_HOST:$PG_PORT"
    return 1
  fi
}

case "${1:-}" in
  ensure) cmd_ensure ;;
  status) cmd_status ;;
  *) echo "usage: $0 ensure|status" >&2; exit 2 ;;
esac
