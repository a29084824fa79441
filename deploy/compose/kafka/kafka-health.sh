#!/usr/bin/env bash
# Health check of the `kafka` service in docker-compose.yml, run every 10 s. It sends one ApiVersions request
# (which a SASL listener answers before authentication, and a KRaft broker only once it has caught up with the
# metadata, SCRAM credentials included) over bash's /dev/tcp and wants error code 0 back. Starting a JVM for
# kafka-broker-api-versions.sh, as this check did before, cost ≈ 2.5 s of CPU each time: a quarter of a core at
# rest (issue 14). Without head/od in the image it falls back to that tool.
set -uo pipefail
if ! command -v od >/dev/null 2>&1 || ! command -v head >/dev/null 2>&1 || ! command -v tr >/dev/null 2>&1; then
  exec /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 \
    --command-config /tmp/admin.properties >/dev/null 2>&1
fi
exec 3<>/dev/tcp/127.0.0.1/9092 || exit 1
# size 10 | api key 18 (ApiVersions) | version 0 | correlation id 1 | client id null
printf '\000\000\000\012\000\022\000\000\000\000\000\001\377\377' >&3
reply="$(head -c 10 <&3 | od -An -tx1 | tr -d ' \n')"
# size (4 bytes) | correlation id 1 | error code 0
[ "${reply:8:8}" = 00000001 ] && [ "${reply:16:4}" = 0000 ]
