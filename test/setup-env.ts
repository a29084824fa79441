// Integration, end-to-end and fault specs: quiet logs unless asked for, and time limits that fit
// real servers on a shared 2-core machine (Jest applies `testTimeout` only at the top level, so it
// is set here per project).
process.env.LOG_LEVEL ??= 'warn';
process.env.NODE_ENV ??= 'test';
// Tests connect to Kafka as the admin super user: each file uses its own topic prefix, which the services'
// LITERAL ACLs cannot cover (test/security/kafka-acl.int-spec.ts proves the per-service ACLs).
process.env.KAFKA_SASL_USERNAME ??= 'admin';
process.env.KAFKA_SASL_PASSWORD ??= process.env.KAFKA_ADMIN_PASSWORD ?? 'dev-kafka-admin';
jest.setTimeout(Number(process.env.JEST_TEST_TIMEOUT_MS ?? 120_000));
