#!/usr/bin/env bash
# Local single-node Apache Kafka 4.1 broker (KRaft, broker+controller in one JVM) without Docker.
# The broker jars come from Maven Central (deploy/local/kafka/pom.xml) into .cache/kafka/libs.
#
# Usage: deploy/local/kafka.sh start|stop|status|check|logs [-f]|provision [--force]|user ...|partner ...
#   start   idempotent: does nothing if a broker already answers on 127.0.0.1:$KAFKA_PORT;
#           otherwise fetches jars (first run), formats storage (first run), starts the broker
#           in the background and waits until a topic can be created, produced to and consumed from.
#   stop    SIGTERM, wait up to 30 s, then SIGKILL; harmless when not running.
#   status  prints running/stopped; exit 0 if a broker answers, 1 otherwise.
#   check   end-to-end health check (kafkajs: create __healthcheck, produce, consume) as the admin.
#   logs    last lines of the broker output (-f to follow).
#   provision [--force]
#           SCRAM users of every service (development passwords) if missing, then the ACLs derived from the
#           event contracts and every topic (libs/messaging/src/security/kafka-provision.cli.ts). Skipped
#           when nothing changed since the last run (contracts, ACL rules, broker); --force runs it anyway.
#   user list | user add NAME | user rotate NAME | user delete NAME
#           SCRAM-SHA-512 users via the broker's own ConfigCommand (kafkajs cannot manage SCRAM). add and
#           rotate take the password from KAFKA_USER_PASSWORD or generate one and print it once; a service
#           name or rotation twin (portal.v2) gets its ACLs at once. delete retires the user (random unknown
#           password, ACLs dropped) instead of deleting it: see retire_user for the Kafka 4.1.2 bug.
#   partner add CLIENT_ID | partner remove CLIENT_ID
#           a partner principal partner-CLIENT_ID (password printed once) that may read only its own feed
#           topic legal.partner.feed.CLIENT_ID; remove deletes its ACLs and its user.
#
# Security: SASL on every listener (client: SASL_PLAINTEXT + SCRAM-SHA-512 on loopback; controller: SASL
# PLAIN, static JAAS), StandardAuthorizer, deny by default, super users `broker` and `admin` only. Storage is
# formatted with SCRAM credentials for broker, admin and every service (development passwords
# dev-kafka-<name>); a data dir formatted by the old unauthenticated setup is re-formatted (dev/test data).
#
# Environment:
#   KAFKA_PORT (9092)  KAFKA_CONTROLLER_PORT (9093)
#   KAFKA_DATA_DIR (.cache/kafka/data; when set, kafka.pid/kafka.out also live there, so pass it to stop/status too)
#   KAFKA_HEAP_OPTS (-Xmx1g: Kafka's own default; 512 MiB ran out of heap at about 12,000 partitions, which a night of
#           test runs leaves on a development broker)  KAFKA_START_TIMEOUT seconds (90)  JAVA_HOME (optional; else `java` on PATH)
#   KAFKA_JVM_OPTS (-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:-UsePerfData): this broker's collector and JVM
#           housekeeping. `-XX:+UseSerialGC -XX:-UsePerfData` idles cheaper on a small machine (2.02 -> 1.59 % of a
#           core, bench/results/idle-broker.md, issue 14) but has never carried the whole test suite, whose thousands
#           of partitions fill the heap; CI and the default keep G1's short pauses. No perf-data sampling either way.
#   KAFKA_READY_CHECK auto|kafkajs|log (auto: kafkajs round trip if kafkajs is installed, else port + log line)
#   KAFKA_BROKER_PASSWORD (dev-kafka-broker)  KAFKA_ADMIN_PASSWORD (dev-kafka-admin): set before the first start
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

KAFKA_HOST=127.0.0.1
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx1g}"
KAFKA_JVM_OPTS="${KAFKA_JVM_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:-UsePerfData}"
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
PROVISION_TS="$REPO_ROOT/libs/messaging/src/security/kafka-provision.cli.ts"
SWC_REGISTER="$REPO_ROOT/test/swc-register.js"

# Principals. Development passwords are published (dev-kafka-<name>); services use the same default.
KAFKA_BROKER_PASSWORD="${KAFKA_BROKER_PASSWORD:-dev-kafka-broker}"
KAFKA_ADMIN_USERNAME=admin
KAFKA_ADMIN_PASSWORD="${KAFKA_ADMIN_PASSWORD:-dev-kafka-admin}"
export KAFKA_ADMIN_USERNAME KAFKA_ADMIN_PASSWORD
# One SCRAM principal per service: the names in deploy/services.json (generated from the service registry by
# `npm run registry:write`), read without node so the broker can be managed before npm ci.
read -r -a SERVICE_PRINCIPALS <<<"$(sed -n 's/^ *"name": *"\([a-z0-9-]*\)".*/\1/p' "$REPO_ROOT/deploy/services.json" | tr '\n' ' ')"
AUTH_MARKER="$DATA_DIR/.auth"        # written after formatting with SASL/SCRAM; absent = old PLAINTEXT storage
AUTH_VERSION="sasl-scram-sha-512/v1"
ADMIN_PROPERTIES="$STATE_DIR/admin-client.properties"
PROVISION_STAMP="$STATE_DIR/.provisioned"

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
  echo "$KAFKA_HEAP_OPTS $KAFKA_JVM_OPTS -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true" \
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
  check_password KAFKA_BROKER_PASSWORD "$KAFKA_BROKER_PASSWORD"
  check_password KAFKA_ADMIN_PASSWORD "$KAFKA_ADMIN_PASSWORD"
  (umask 077; sed -e "s|@KAFKA_HOST@|$KAFKA_HOST|g" -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
      -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" -e "s|@LOG_DIRS@|$KRAFT_DIR|g" \
      -e "s|@BROKER_PASSWORD@|$KAFKA_BROKER_PASSWORD|g" "$TEMPLATE" >"$CONFIG_FILE")
  chmod 600 "$CONFIG_FILE"

  # Storage formatted by the old unauthenticated setup has no SCRAM users: it cannot be used any more.
  if [[ -f "$KRAFT_DIR/meta.properties" && "$(cat "$AUTH_MARKER" 2>/dev/null)" != "$AUTH_VERSION" ]]; then
    log "storage in $KRAFT_DIR was formatted without authentication (old PLAINTEXT setup): re-formatting it;" \
        "its topics and offsets are development/test data and are dropped"
    rm -rf "$KRAFT_DIR" "$DATA_DIR/.controller-port" "$PROVISION_STAMP"
    mkdir -p "$KRAFT_DIR"
  fi

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
  log "formatting storage in $KRAFT_DIR (cluster id $cluster_id) with SCRAM users broker, admin, ${SERVICE_PRINCIPALS[*]}..."
  local scram=(--add-scram "SCRAM-SHA-512=[name=broker,password=$KAFKA_BROKER_PASSWORD]"
               --add-scram "SCRAM-SHA-512=[name=$KAFKA_ADMIN_USERNAME,password=$KAFKA_ADMIN_PASSWORD]")
  local name
  for name in "${SERVICE_PRINCIPALS[@]}"; do scram+=(--add-scram "SCRAM-SHA-512=[name=$name,password=dev-kafka-$name]"); done
  # shellcheck disable=SC2046
  "$JAVA" $(java_opts) -cp "$LIBS_DIR/*" kafka.tools.StorageTool format --standalone \
      -t "$cluster_id" -c "$CONFIG_FILE" "${scram[@]}" | sed 's/^/[kafka]   /'
  echo "$KAFKA_CONTROLLER_PORT" >"$port_marker"
  echo "$AUTH_VERSION" >"$AUTH_MARKER"
}

# Passwords end up in JAAS lines and ConfigCommand arguments: keep them to a safe alphabet.
check_password() {
  [[ "$2" =~ ^[A-Za-z0-9._~-]{8,128}$ ]] || die "$1 must be 8-128 characters of A-Z a-z 0-9 . _ ~ -"
}

# Admin client properties for the broker's own tools (ConfigCommand), mode 600.
write_admin_properties() {
  mkdir -p "$STATE_DIR"
  (umask 077; cat >"$ADMIN_PROPERTIES" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$KAFKA_ADMIN_USERNAME" password="$KAFKA_ADMIN_PASSWORD";
PROPS
  )
}

# kafka.admin.ConfigCommand (still in the core jar in Kafka 4.1) as the admin principal.
config_command() {
  find_java
  mkdir -p "$CACHE_DIR" "$LOGS_DIR"
  fetch_libs
  write_admin_properties
  # shellcheck disable=SC2046
  "$JAVA" -Xmx256m -Dlog4j2.configurationFile="$LOG4J_CONFIG" -Dkafka.logs.dir="$LOGS_DIR" -cp "$LIBS_DIR/*" kafka.admin.ConfigCommand \
      --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" --command-config "$ADMIN_PROPERTIES" "$@"
}

# SCRAM users known to the broker, one per line.
list_users() {
  config_command --describe --entity-type users 2>/dev/null \
    | sed -n "s/^SCRAM credential configs for user-principal '\([^']*\)'.*/\1/p" | sort -u
}

# SCRAM users are never deleted: with Kafka 4.1.2 (combined broker+controller), once a SCRAM user has been
# deleted, the broker loads no SCRAM credential at all after its next restart and refuses every login
# (reproduced with this setup). `user delete` retires a user instead: a random password nobody knows, and a
# line in $STATE_DIR/retired-users so provisioning drops its ACLs.
RETIRED_FILE="$STATE_DIR/retired-users"
is_retired() { [[ -f "$RETIRED_FILE" ]] && grep -qx -- "$1" "$RETIRED_FILE"; }
retire_user() {
  set_user_password "$1" "$(new_password)$(new_password)"
  mkdir -p "$STATE_DIR"
  is_retired "$1" || echo "$1" >>"$RETIRED_FILE"
}
unretire_user() {
  [[ -f "$RETIRED_FILE" ]] || return 0
  grep -vx -- "$1" "$RETIRED_FILE" >"$RETIRED_FILE.tmp" || true
  mv -f "$RETIRED_FILE.tmp" "$RETIRED_FILE"
}
# Whether NAME is an active (not retired) SCRAM user. Not `active_users | grep -q`: grep -q exits at the first
# match, the loop in active_users then dies of SIGPIPE and, under pipefail, the pipeline fails although the user
# exists (every user listed after it made `user rotate` say "does not exist").
is_active_user() {
  local users
  users="$(active_users)" || return 1
  grep -qx -- "$1" <<<"$users"
}
# SCRAM users that are not retired, one per line.
active_users() {
  local all
  all="$(list_users)" || return 1
  [[ -n "$all" ]] || return 0
  while read -r u; do is_retired "$u" || echo "$u"; done <<<"$all"
}

set_user_password() {   # name password
  config_command --alter --entity-type users --entity-name "$1" \
      --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" >/dev/null
}

new_password() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; }

valid_user_name() { [[ "$1" =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$ ]]; }

# node + swc-register running the provisioning CLI (TypeScript, no build needed) as the admin.
run_provision_cli() {
  have_kafkajs || die "kafkajs is not installed in $REPO_ROOT/node_modules (run npm install)"
  (cd "$REPO_ROOT" && NODE_ENV="${NODE_ENV:-development}" KAFKA_BROKERS="$KAFKA_HOST:$KAFKA_PORT" KAFKA_TOPIC_PREFIX="" \
      node -r "$SWC_REGISTER" "$PROVISION_TS" "$@")
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
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT)) t0=$SECONDS next_note=$((SECONDS + 10)) mode auth_refusals=0
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
        local rc=0
        KAFKA_CHECK_TIMEOUT_MS=15000 node "$CHECK_JS" "$KAFKA_HOST:$KAFKA_PORT" --quiet || rc=$?
        if [[ "$rc" == 0 ]]; then
          log "broker ready on $KAFKA_HOST:$KAFKA_PORT after $((SECONDS - t0)) s (create/produce/consume OK)"
          return 0
        fi
        # Started, but the admin's SCRAM login keeps being refused (not just while the credential cache
        # loads): cmd_start decides what to do.
        if [[ "$rc" == 3 ]] && grep -q 'Kafka Server started' "$OUT_FILE" 2>/dev/null; then
          auth_refusals=$((auth_refusals + 1))
          ((auth_refusals < 10)) || return 3
        else
          auth_refusals=0
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
  local rc=0
  wait_ready || rc=$?
  if [[ "$rc" == 3 ]]; then
    # Kafka 4.1.2 (combined mode): once a SCRAM user has been deleted, a restarted broker loads no SCRAM
    # credential at all and refuses every login (reproduced here; hence `user delete` only retires users).
    # Local storage is development/test data: re-format it with the bootstrap users and start again.
    log "the restarted broker refuses the admin's SCRAM login (Kafka loses every SCRAM credential after a restart once" \
        "a SCRAM user was deleted): re-formatting $KRAFT_DIR (development/test data: topics and offsets are dropped)"
    cmd_stop
    rm -rf "$KRAFT_DIR" "$DATA_DIR/.controller-port" "$AUTH_MARKER" "$PROVISION_STAMP"
    prepare_storage
    launch
    wait_ready || die "broker still refuses the admin's login after re-formatting (KAFKA_ADMIN_PASSWORD changed since the format?)"
  elif [[ "$rc" != 0 ]]; then
    exit "$rc"
  fi
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

provision_fingerprint() {
  {
    cat "$KRAFT_DIR/meta.properties" 2>/dev/null || echo "external broker $KAFKA_HOST:$KAFKA_PORT"
    cat "$REPO_ROOT"/libs/contracts/src/topics.ts "$REPO_ROOT"/libs/contracts/src/registry.ts "$REPO_ROOT"/libs/contracts/src/events/*.ts \
        "$REPO_ROOT"/deploy/services.json \
        "$REPO_ROOT"/libs/messaging/src/security/kafka-acls.ts "$REPO_ROOT"/libs/messaging/src/security/kafka-acl-provisioner.ts 2>/dev/null
    echo "$KAFKA_ADMIN_PASSWORD"
  } | sha1sum | cut -d' ' -f1
}

cmd_provision() {
  port_open "$KAFKA_HOST" "$KAFKA_PORT" || die "no broker on $KAFKA_HOST:$KAFKA_PORT ('$0 start' first)"
  local want
  want="$(provision_fingerprint)"
  if [[ "${1:-}" != "--force" && -f "$PROVISION_STAMP" && "$(cat "$PROVISION_STAMP")" == "$want" ]]; then
    log "users, ACLs and topics already provisioned (nothing changed; '$0 provision --force' to redo)"
    return 0
  fi
  local users name
  users="$(active_users)" || die "cannot list SCRAM users as $KAFKA_ADMIN_USERNAME (wrong KAFKA_ADMIN_PASSWORD, or an unauthenticated broker from before: '$0 stop && $0 start')"
  [[ -n "$users" ]] || die "cannot list SCRAM users as $KAFKA_ADMIN_USERNAME on $KAFKA_HOST:$KAFKA_PORT (is it an old unauthenticated broker? '$0 stop && $0 start')"
  for name in "${SERVICE_PRINCIPALS[@]}"; do
    if ! grep -qx -- "$name" <<<"$users"; then
      log "adding SCRAM user $name (development password dev-kafka-$name)"
      set_user_password "$name" "dev-kafka-$name"
      users="$users"$'\n'"$name"
    fi
  done
  log "applying contract ACLs and topics as $KAFKA_ADMIN_USERNAME..."
  run_provision_cli --users "$(tr '\n' ',' <<<"$users")" | sed 's/^/[kafka]   /'
  [[ "${PIPESTATUS[0]}" == 0 ]] || die "provisioning failed"
  mkdir -p "$STATE_DIR"
  echo "$want" >"$PROVISION_STAMP"
}

# Service names and their rotation twins (portal.v2) get the service's ACLs.
is_service_principal() {
  local base="${1%%.*}" name
  for name in "${SERVICE_PRINCIPALS[@]}"; do [[ "$base" == "$name" ]] && return 0; done
  return 1
}

cmd_user() {
  local action="${1:-}" name="${2:-}" password
  case "$action" in
    list) list_users | while read -r u; do if is_retired "$u"; then echo "$u (retired)"; else echo "$u"; fi; done; return ;;
    add|rotate|delete) ;;
    *) echo "usage: $0 user list|add NAME|rotate NAME|delete NAME" >&2; exit 2 ;;
  esac
  valid_user_name "$name" || die "user name must be letters, digits, . _ - (got '$name')"
  [[ "$name" != broker && "$name" != "$KAFKA_ADMIN_USERNAME" ]] || die "$name is a super user: change its password in the broker configuration (KAFKA_*_PASSWORD) and re-format, or use ConfigCommand by hand"
  port_open "$KAFKA_HOST" "$KAFKA_PORT" || die "no broker on $KAFKA_HOST:$KAFKA_PORT"
  if [[ "$action" == delete ]]; then
    retire_user "$name"
    log "retired SCRAM user $name: its password is now a random secret nobody knows and it is excluded from provisioning" \
        "(connections already open stay until they reconnect)"
    if is_service_principal "$name"; then rm -f "$PROVISION_STAMP"; cmd_provision; fi
    return 0
  fi
  local exists=0
  is_active_user "$name" && exists=1
  [[ "$action" == add && "$exists" == 1 ]] && die "user $name exists already ('$0 user rotate $name' to change its password)"
  [[ "$action" == rotate && "$exists" == 0 ]] && die "user $name does not exist ('$0 user add $name')"
  password="${KAFKA_USER_PASSWORD:-$(new_password)}"
  check_password KAFKA_USER_PASSWORD "$password"
  set_user_password "$name" "$password"
  unretire_user "$name"
  if [[ "$action" == add ]]; then log "added SCRAM user $name"; else log "new password set for $name (open connections stay authenticated; reconnects need the new one)"; fi
  [[ -n "${KAFKA_USER_PASSWORD:-}" ]] || echo "password for $name (shown once): $password"
  if is_service_principal "$name"; then rm -f "$PROVISION_STAMP"; cmd_provision; fi
}

cmd_partner() {
  local action="${1:-}" client="${2:-}"
  [[ "$client" =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$ ]] || { echo "usage: $0 partner add|remove CLIENT_ID" >&2; exit 2; }
  case "$action" in
    add)
      is_active_user "partner-$client" || cmd_user add "partner-$client"
      run_provision_cli --partner "$client" | sed 's/^/[kafka]   /'
      log "partner-$client may read legal.partner.feed.$client (groups partner-$client.*) and write legal.partner.notice"
      ;;
    remove)
      run_provision_cli --remove-partner "$client" | sed 's/^/[kafka]   /'
      is_active_user "partner-$client" && retire_user "partner-$client"
      log "removed partner-$client (ACLs removed, SCRAM user retired)"
      ;;
    *) echo "usage: $0 partner add|remove CLIENT_ID" >&2; exit 2 ;;
  esac
}

case "${1:-}" in
  start)  cmd_start ;;
  provision) shift; cmd_provision "$@" ;;
  user)   shift; cmd_user "$@" ;;
  partner) shift; cmd_partner "$@" ;;
  stop)   cmd_stop ;;
  status) cmd_status ;;
  check)  cmd_check ;;
  logs)   shift; cmd_logs "$@" ;;
  *) echo "usage: $0 start|stop|status|check|logs [-f]|provision [--force]|user list|add|rotate|delete NAME|partner add|remove CLIENT_ID" >&2; exit 2 ;;
esac
