#!/usr/bin/env bash
# `kafka-users` step of docker-compose.yml (apache/kafka image): creates or updates the SCRAM-SHA-512 user of
# every service from <SERVICE>_KAFKA_SASL_PASSWORD (the value that service gets as KAFKA_SASL_PASSWORD) (kafkajs cannot manage SCRAM credentials, the broker's own
# kafka-configs.sh can). Idempotent: re-running sets the same passwords; a changed variable rotates one.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}"
umask 077
cat >/tmp/admin.properties <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
PROPS
for name in work-order hotline portal centre legal-aid mediation notarization identity judicial-appraisal oversight; do
  var="$(echo "$name" | tr 'a-z-' 'A-Z_')_KAFKA_SASL_PASSWORD"
  password="${!var:?set $var}"
  /opt/kafka/bin/kafka-configs.sh --bootstrap-server kafka:9092 --command-config /tmp/admin.properties \
    --alter --entity-type users --entity-name "$name" --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]" >/dev/null
  echo "[kafka-users] $name"
done
