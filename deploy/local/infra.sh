#!/usr/bin/env bash
# Local infrastructure for development and CI (no Docker): PostgreSQL, Redis, Apache Kafka (KRaft).
#
# Usage: deploy/local/infra.sh up|down|status
#   up      ensure PostgreSQL and Redis answer (starting the machine's servers if needed), start Kafka and
#           provision it (SCRAM users, contract ACLs, topics; skipped when nothing changed)
#   down    stop Kafka only (the machine's PostgreSQL/Redis are shared and never stopped here)
#   status  report all three; exit 1 if any is down
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

case "${1:-}" in
  up)
    bash "$SCRIPT_DIR/postgres.sh" ensure
    bash "$SCRIPT_DIR/redis.sh" ensure
    bash "$SCRIPT_DIR/kafka.sh" start
    bash "$SCRIPT_DIR/kafka.sh" provision
    echo "[infra] up"
    ;;
  down)
    bash "$SCRIPT_DIR/kafka.sh" stop
    echo "[infra] down (PostgreSQL and Redis left running)"
    ;;
  status)
    rc=0
    bash "$SCRIPT_DIR/postgres.sh" status || rc=1
    bash "$SCRIPT_DIR/redis.sh" status || rc=1
    bash "$SCRIPT_DIR/kafka.sh" status || rc=1
    exit "$rc"
    ;;
  *)
    echo "usage: $0 up|down|status" >&2
    exit 2
    ;;
esac
