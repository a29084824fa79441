import type { SASLOptions } from 'kafkajs';
import { KAFKA_ADMIN_PRINCIPAL } from './kafka-acls';

/** A SCRAM-SHA-512 principal's name and password. */
export interface KafkaCredentials {
  username: string;
  password: string;
}

/** Every client authenticates with SCRAM-SHA-512 (the broker's client listener offers nothing else). */
export const KAFKA_SASL_MECHANISM = 'scram-sha-512';

/**
 * The published development password of a principal (`dev-kafka-<name>`): what `deploy/local/kafka.sh`
 * bootstraps for the broker, the admin and every service, and what a service uses when
 * KAFKA_SASL_PASSWORD is unset outside production. Production refuses it (see BaseEnv).
 */
export function devKafkaPassword(username: string): string {
  return `dev-kafka-${username}`;
}

export const DEV_KAFKA_PASSWORD_PREFIX = 'dev-kafka-';

function production(env: NodeJS.ProcessEnv): boolean {
  return (env.NODE_ENV ?? 'production') === 'production';
}

/**
 * The credentials of a tool or test process: KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD (the password
 * defaults to the development one outside production). Undefined when no username is set.
 */
export function kafkaCredentialsFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaCredentials | undefined {
  const username = env.KAFKA_SASL_USERNAME;
  if (!username) return undefined;
  const password = env.KAFKA_SASL_PASSWORD || (production(env) ? undefined : devKafkaPassword(username));
  if (!password) throw new Error(`KAFKA_SASL_PASSWORD is not set for Kafka principal ${username}`);
  return { username, password };
}

/**
 * The operators' super user for provisioning and maintenance tools: KAFKA_ADMIN_USERNAME (admin) and
 * KAFKA_ADMIN_PASSWORD (the development one outside production).
 */
export function kafkaAdminCredentialsFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaCredentials {
  const username = env.KAFKA_ADMIN_USERNAME || KAFKA_ADMIN_PRINCIPAL;
  const password = env.KAFKA_ADMIN_PASSWORD || (production(env) ? undefined : devKafkaPassword(username));
  if (!password) throw new Error('KAFKA_ADMIN_PASSWORD must be set in production');
  return { username, password };
}

export function saslOptions(credentials: KafkaCredentials): SASLOptions {
  return { mechanism: KAFKA_SASL_MECHANISM, username: credentials.username, password: credentials.password };
}
