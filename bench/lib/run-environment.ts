import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunEnvironment, Runtime } from './launcher';

export interface RunOptions {
  runtime: Runtime;
  authEnv: Record<string, string>;
  dbPoolSize: number;
  logLevel: string;
  readyTimeoutMs: number;
  /** The run's Kafka principal (bench/lib/kafka-auth.ts): production mode has no development password. */
  kafka: { username: string; password: string };
}

/** A fresh run tag (`b_<label>_<hex>`): lower case, SQL- and Kafka-safe, short enough for schema names. */
export function runTag(label: string): string {
  return `b_${label.replace(/[^a-z0-9]/g, '').slice(0, 10)}_${randomBytes(3).toString('hex')}`;
}

/**
 * The Node runtime settings every deployed service process gets (deploy/node-runtime.env: heap sizes,
 * MALLOC_ARENA_MAX), so that the benches measure memory and CPU as deployed. `KEY="value"` lines.
 * BENCH_NODE_RUNTIME_ENV=<file> reads another file instead (/dev/null: Node's defaults, for a baseline).
 */
export function nodeRuntimeEnv(
  file = process.env.BENCH_NODE_RUNTIME_ENV ?? path.join(__dirname, '..', '..', 'deploy', 'node-runtime.env'),
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)="([^"]*)"\s*$/.exec(line.trim());
    if (m) env[m[1] as string] = m[2] as string;
  }
  return env;
}

/** The variables every service of one run shares. PII keys are per run (the same for all its services). */
export function runEnvironment(tag: string, options: RunOptions): RunEnvironment {
  return {
    tag,
    runtime: options.runtime,
    readyTimeoutMs: options.readyTimeoutMs,
    sharedEnv: {
      ...nodeRuntimeEnv(),
      NODE_ENV: 'production',
      LOG_LEVEL: options.logLevel,
      DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services',
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      KAFKA_PARTITIONS: '6',
      KAFKA_SASL_USERNAME: options.kafka.username,
      KAFKA_SASL_PASSWORD: options.kafka.password,
      DB_POOL_SIZE: String(options.dbPoolSize),
      SHUTDOWN_GRACE_MS: '5000',
      PII_HASH_KEY: `bench-${randomBytes(12).toString('hex')}`,
      PII_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      IDENTITY_SIGNING_KEY_SECRET: randomBytes(32).toString('hex'),
      ...options.authEnv,
    },
  };
}
