#!/usr/bin/env bash
# Entrypoint of the `kafka` service in docker-compose.yml (official apache/kafka image, KRaft, one node),
# secured like deploy/local/kafka.sh: SASL on every listener (clients: SCRAM-SHA-512; KRaft controller:
# SASL/PLAIN with a static JAAS entry, because SCRAM credentials live in the metadata log), StandardAuthorizer,
# deny by default, super users `broker` and `admin` only. SCRAM users broker and admin are bootstrapped when
# the storage is formatted; service users are added by the `kafka-users` step, ACLs by `kafka-init`.
# Traffic is SASL_PLAINTEXT on the compose network: put TLS in front (or switch CLIENT to SASL_SSL with a
# keystore) before the broker is reachable from outside the host.
set -euo pipefail
: "${KAFKA_BROKER_PASSWORD:?set KAFKA_BROKER_PASSWORD}" "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}"

DATA=/var/lib/kafka/data
CONFIG=/tmp/server.properties
MARKER="$DATA/.legal-auth"
umask 077

cat >"$CONFIG" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=kafka:9093
listeners=CLIENT://:9092,CONTROLLER://:9093
advertised.listeners=CLIENT://kafka:9092,CONTROLLER://kafka:9093
inter.broker.listener.name=CLIENT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="$KAFKA_BROKER_PASSWORD";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="$KAFKA_BROKER_PASSWORD" user_broker="$KAFKA_BROKER_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:broker;User:admin
log.dirs=$DATA
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
group.min.session.timeout.ms=6000
group.max.session.timeout.ms=30000
PROPS

# Client properties of the admin for the image's tools (health check, kafka-users step).
cat >/tmp/admin.properties <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
PROPS

if [[ -f "$DATA/meta.properties" && ! -f "$MARKER" ]]; then
  if [[ "${KAFKA_REFORMAT_UNAUTHENTICATED:-}" != yes ]]; then
    echo "[kafka] $DATA was formatted by the old unauthenticated setup (no SCRAM users). Drain consumers, then" >&2
    echo "[kafka] start once with KAFKA_REFORMAT_UNAUTHENTICATED=yes (topics are re-created, events republished: deploy/README.md)." >&2
    exit 78
  fi
  echo "[kafka] re-formatting $DATA (was unauthenticated); its topics and offsets are dropped"
  find "$DATA" -mindepth 1 -delete
fi

if [[ ! -f "$DATA/meta.properties" ]]; then
  /opt/kafka/bin/kafka-storage.sh format --standalone -t "${KAFKA_CLUSTER_ID:-$(/opt/kafka/bin/kafka-storage.sh random-uuid)}" -c "$CONFIG" \
    --add-scram "SCRAM-SHA-512=[name=broker,password=$KAFKA_BROKER_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]"
  echo sasl-scram-sha-512/v1 >"$MARKER"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG"
