// Fault specs stop brokers and kill processes: allow them longer.
process.env.LOG_LEVEL ??= 'warn';
process.env.NODE_ENV ??= 'test';
// Tests connect to Kafka as the admin super user: each file uses its own topic prefix, which the services'
// LITERAL ACLs cannot cover (test/security/kafka-acl.int-spec.ts proves the per-service ACLs).
process.env.KAFKA_SASL_USERNAME ??= 'admin';
process.env.KAFKA_SASL_PASSWORD ??= process.env.KAFKA_ADMIN_PASSWORD ?? 'dev-kafka-admin';
jest.setTimeout(Number(process.env.JEST_FAULT_TIMEOUT_MS ?? 300_000));
