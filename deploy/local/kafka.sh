#!/usr/bin/env bash
# Local single-node Apache Kafka 4.1 broker (KRaft, broker+controller in one JVM) without Docker.
# The broker jars come from Maven Central (deploy/local/kafka/pom.xml) into .cache/kafka/libs.
#
# Usage: deploy/local/kafka.sh start|stop|status|check|logs [-f]
#   start   idempotent: does nothing if a broker already answers on 127.0.0.1:$KAFKA_PORT;
#           otherwise fetches jars (first run), formats storage (first run), starts the broker
#           in the background and waits until a topic can be created, produced to and consumed from.
#   stop    SIGTERM, wait up to 30 s, then SIGKILL; harmless when not running.
#   status  prints running/stopped; exit 0 if a broker answers, 1 otherwise.
#   check   end-to-end health check (kafkajs: create __healthcheck, produce, consume).
#   logs    last lines of the broker output (-f to follow).
#
# Environment:
#   KAFKA_PORT (9092)  KAFKA_CONTROLLER_PORT (9093)
#   KAFKA_DATA_DIR (.cache/kafka/data; when set, kafka.pid/kafka.out also live there, so pass it to stop/status too)
#   KAFKA_HEAP_OPTS (-Xmx512m)  KAFKA_START_TIMEOUT seconds (90)  JAVA_HOME (optional; else `java` on PATH)
#   KAFKA_READY_CHECK auto|kafkajs|log (auto: kafkajs round trip if kafkajs is installed, else port + log line)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

KAFKA_HOST=127.0.0.1
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"

CACHE_DIR="$REPO_ROOT/.cache/kafka"
LIBS_DIR="$CACHE_DIR/libs"
if [[ -n "${KAFKA_DATA_DIR:-}" ]]; then
  DATA_DIR="$KAFKA_DATA_DIR"
  case "$DATA_DIR" in /*) ;; *) DATA_DIR="$PWD/$DATA_DIR" ;; esac   # make relative paths absolute
  STATE_DIR="$DATA_DIR"              # a second broker (own data dir) gets its own pid/out/lock files
else
  DATA_DIR="$CACHE_DIR/data"
  STATE_DIR="$CACHE_DIR"
fi
PID_FILE="$STATE_DIR/kafka.pid"
OUT_FILE="$STATE_DIR/kafka.out"
LOCK_FILE="$STATE_DIR/kafka.lock"
KRAFT_DIR="$DATA_DIR/kraft"          # log.dirs (topic data + cluster metadata + meta.properties)
LOGS_DIR="$DATA_DIR/logs"            # log4j WARN+ file (must not live inside log.dirs)
CONFIG_FILE="$DATA_DIR/server.properties"

POM="$SCRIPT_DIR/kafka/pom.xml"
TEMPLATE="$SCRIPT_DIR/kafka/server.properties"
LOG4J_CONFIG="$SCRIPT_DIR/kafka/log4j2.properties"
CHECK_JS="$SCRIPT_DIR/kafka-check.js"

log() { echo "[kafka] $*"; }
die() { echo "[kafka] ERROR: $*" >&2; exit 1; }

# --- helpers -------------------------------------------------------------------------------------

# True if something accepts TCP connections on host:port (bash /dev/tcp, no external tools).
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# Java: $JAVA_HOME/bin/java when usable, else `java` on PATH; Kafka 4.x brokers need Java 17+.
find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA="$(command -v java)"
  else
    die "java not found: install a JDK/JRE 17+ (apt-get install -y openjdk-17-jre-headless) or set JAVA_HOME"
  fi
  local major
  major="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
  [[ -z "$major" || "$major" -ge 17 ]] || die "Kafka 4.1 needs Java 17+, found Java $major ($JAVA)"
}

# PID of the broker we started, if that process is still alive and really is kafka.Kafka.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  echo "$pid"
}

# kafkajs is resolvable from the repo (node_modules) or via NODE_PATH.
have_kafkajs() {
  command -v node >/dev/null 2>&1 && (cd "$REPO_ROOT" && node -e "require.resolve('kafkajs')" >/dev/null 2>&1)
}

java_opts() {
  echo "$KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true" \
       "-Dlog4j2.configurationFile=$LOG4J_CONFIG -Dkafka.logs.dir=$LOGS_DIR"
}

# Download the broker jars into .cache/kafka/libs (once; again only when pom.xml changes).
fetch_libs() {
  local stamp want tmp
  stamp="$LIBS_DIR/.pom.sha1"
  want="$(sha1sum "$POM" | cut -d' ' -f1)"
  [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && return 0
  exec 8>"$CACHE_DIR/fetch.lock"     # one fetch at a time, even across data dirs
  flock -w 600 8 || die "another fetch holds $CACHE_DIR/fetch.lock"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    exec 8>&-
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "Maven not found: apt-get install -y maven (needed once to fetch the Kafka jars)"
  log "fetching Kafka jars from Maven Central into $LIBS_DIR (first run only, may take a few minutes)..."
  local t0=$SECONDS
  tmp="$CACHE_DIR/libs.tmp.$$"
  rm -rf "$tmp"
  # (sed strips the stray ANSI reset codes `mvn -q` prints even in batch mode)
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d'; then
    rm -rf "$tmp"
    die "Maven could not fetch the Kafka jars (see output above)"
  fi
  ls "$tmp"/kafka_2.13-*.jar >/dev/null 2>&1 || die "Maven finished but kafka_2.13 jar is missing in $tmp"
  echo "$want" >"$tmp/.pom.sha1"
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  local jars=("$LIBS_DIR"/*.jar)
  log "jars ready (${#jars[@]} jars, $((SECONDS - t0)) s): $(cd "$LIBS_DIR" && ls kafka_2.13-*.jar)"
  exec 8>&-
}

# Render server.properties from the template and format the storage once.
prepare_storage() {
  mkdir -p "$KRAFT_DIR" "$LOGS_DIR"
  sed -e "s|@KAFKA_HOST@|$KAFKA_HOST|g" -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
      -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" -e "s|@LOG_DIRS@|$KRAFT_DIR|g" \
      "$TEMPLATE" >"$CONFIG_FILE"

  # The controller endpoint is baked into the metadata log at format time (dynamic quorum).
  local port_marker="$DATA_DIR/.controller-port"
  if [[ -f "$KRAFT_DIR/meta.properties" ]]; then
    if [[ -f "$port_marker" && "$(cat "$port_marker")" != "$KAFKA_CONTROLLER_PORT" ]]; then
      die "storage in $KRAFT_DIR was formatted for controller port $(cat "$port_marker"), not $KAFKA_CONTROLLER_PORT;" \
          "use that port or delete $DATA_DIR to start from scratch"
    fi
    return 0
  fi

  local cluster_id
  # shellcheck disable=SC2046
  cluster_id="$("$JAVA" $(java_opts) -cp "$LIBS_DIR/*" kafka.tools.StorageTool random-uuid)"
  log "formatting storage in $KRAFT_DIR (cluster id $cluster_id)..."
  # shellcheck disable=SC2046
  "$JAVA" $(java_opts) -cp "$LIBS_DIR/*" kafka.tools.StorageTool format --standalone \
      -t "$cluster_id" -c "$CONFIG_FILE" | sed 's/^/[kafka]   /'
  echo "$KAFKA_CONTROLLER_PORT" >"$port_marker"
}

# Start kafka.Kafka detached (setsid + nohup) so it survives the calling shell; pid -> .cache/kafka/kafka.pid.
launch() {
  [[ -f "$OUT_FILE" ]] && mv -f "$OUT_FILE" "$OUT_FILE.prev"
  rm -f "$PID_FILE"
  # The inner bash writes its own pid and then execs java, so the pid file holds the JVM's pid.
  # 9>&- : do not hand the start lock (fd 9) to the long-lived broker.
  # shellcheck disable=SC2046,SC2016
  setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
      "$JAVA" $(java_opts) -cp "$LIBS_DIR/*" kafka.Kafka "$CONFIG_FILE" \
      >"$OUT_FILE" 2>&1 </dev/null 9>&- &
  for _ in $(seq 1 50); do [[ -s "$PID_FILE" ]] && break; sleep 0.1; done
  [[ -s "$PID_FILE" ]] || die "broker process did not start (see $OUT_FILE)"
  log "broker starting (pid $(cat "$PID_FILE")), output in $OUT_FILE"
}

# Wait (bounded) until the broker is really usable.
wait_ready() {
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT)) t0=$SECONDS next_note=$((SECONDS + 10)) mode
  case "${KAFKA_READY_CHECK:-auto}" in
    kafkajs|log) mode="$KAFKA_READY_CHECK" ;;
    *) if have_kafkajs; then mode=kafkajs; else mode=log; fi ;;
  esac
  if [[ "$mode" == kafkajs ]]; then
    log "waiting for the broker (end-to-end check with kafkajs, up to ${KAFKA_START_TIMEOUT} s)..."
  else
    log "kafkajs not installed: waiting for port $KAFKA_PORT and 'Kafka Server started' in the log (up to ${KAFKA_START_TIMEOUT} s)..."
  fi
  while ((SECONDS < deadline)); do
    if ! running_pid >/dev/null; then
      echo "----- last lines of $OUT_FILE -----" >&2
      tail -n 40 "$OUT_FILE" >&2 || true
      die "broker process exited during startup"
    fi
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      if [[ "$mode" == kafkajs ]]; then
        if KAFKA_CHECK_TIMEOUT_MS=15000 node "$CHECK_JS" "$KAFKA_HOST:$KAFKA_PORT" --quiet; then
          log "broker ready on $KAFKA_HOST:$KAFKA_PORT after $((SECONDS - t0)) s (create/produce/consume OK)"
          return 0
        fi
      elif grep -q 'Kafka Server started' "$OUT_FILE" 2>/dev/null; then
        log "broker ready on $KAFKA_HOST:$KAFKA_PORT after $((SECONDS - t0)) s (port open, 'Kafka Server started')"
        return 0
      fi
    fi
    if ((SECONDS >= next_note)); then
      log "  still waiting ($((SECONDS - t0)) s)..."
      next_note=$((SECONDS + 10))
    fi
    sleep 1
  done
  echo "----- last lines of $OUT_FILE -----" >&2
  tail -n 40 "$OUT_FILE" >&2 || true
  die "broker not ready after ${KAFKA_START_TIMEOUT} s (still running as pid $(cat "$PID_FILE" 2>/dev/null); '$0 stop' to stop it)"
}

# --- subcommands ---------------------------------------------------------------------------------

cmd_start() {
  mkdir -p "$CACHE_DIR" "$STATE_DIR"
  # Serialise concurrent starts (e.g. two terminals running infra.sh up).
  exec 9>"$LOCK_FILE"
  flock -w 300 9 || die "another 'kafka.sh start' holds $LOCK_FILE"

  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    log "a broker already answers on $KAFKA_HOST:$KAFKA_PORT; nothing to do"
    return 0
  fi
  find_java
  if running_pid >/dev/null; then
    # Our broker is alive but not listening yet (e.g. still starting): just wait for it.
    log "broker process $(running_pid) exists but is not listening yet; waiting for it"
    wait_ready
    return 0
  fi
  if port_open "$KAFKA_HOST" "$KAFKA_CONTROLLER_PORT"; then
    die "controller port $KAFKA_HOST:$KAFKA_CONTROLLER_PORT is taken by another process; set KAFKA_CONTROLLER_PORT"
  fi
  fetch_libs
  prepare_storage
  launch
  wait_ready
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      log "not started by this script, but something answers on $KAFKA_HOST:$KAFKA_PORT; leaving it alone"
    else
      log "not running"
    fi
    return 0
  fi
  log "stopping broker (pid $pid)..."
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do           # 60 x 0.5 s = 30 s for a controlled shutdown
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still alive after 30 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      log "running (pid $pid) on $KAFKA_HOST:$KAFKA_PORT, data in $DATA_DIR"
      return 0
    fi
    log "starting (pid $pid), not listening on $KAFKA_HOST:$KAFKA_PORT yet"
    return 1
  fi
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    log "running on $KAFKA_HOST:$KAFKA_PORT (not started by this script)"
    return 0
  fi
  log "stopped"
  return 1
}

cmd_check() {
  have_kafkajs || die "kafkajs is not installed in $REPO_ROOT/node_modules (run npm install)"
  node "$CHECK_JS" "$KAFKA_HOST:$KAFKA_PORT"
}

cmd_logs() {
  [[ -f "$OUT_FILE" ]] || die "no broker output yet ($OUT_FILE)"
  echo "# $OUT_FILE (WARN+ also in $LOGS_DIR/kafka-warn.log)"
  if [[ "${1:-}" == "-f" ]]; then
    tail -n 100 -F "$OUT_FILE"
  else
    tail -n 100 "$OUT_FILE"
  fi
}

case "${1:-}" in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  status) cmd_status ;;
  check)  cmd_check ;;
  logs)   shift; cmd_logs "$@" ;;
  *) echo "usage: $0 start|stop|status|check|logs [-f]" >&2; exit 2 ;;
esac
