import { randomBytes } from 'node:crypto';

/** A short unique tag for one test file's schema, topic prefix and Redis key prefix. */
export function uniqueTag(label: string): string {
  return `t_${label.replace(/[^a-z0-9]/g, '').slice(0, 12)}_${randomBytes(3).toString('hex')}`;
}

/**
 * Overrides that isolate a service under test on the shared servers: free port, own schema,
 * own topics and consumer groups, own Redis keys, quiet logs. Services started with the same
 * `runTag` share topics (so they can talk), each keeps its own schema.
 */
export function isolatedOverrides(
  runTag: string,
  schemaLabel: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    PORT: 0,
    DB_SCHEMA: `${runTag}_${schemaLabel}`.slice(0, 63),
    KAFKA_TOPIC_PREFIX: runTag,
    KAFKA_PARTITIONS: 3,
    REDIS_KEY_PREFIX: `${runTag}:`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...extra,
  };
}
