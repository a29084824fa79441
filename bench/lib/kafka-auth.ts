import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { devKafkaPassword, KAFKA_ADMIN_PRINCIPAL, reconcileAcls, saslOptions, userPrincipal } from '@legal/messaging';
import type { AclBinding, KafkaCredentials } from '@legal/messaging';
import { Kafka, logLevel, SASLOptions } from 'kafkajs';

/**
 * Kafka principals of a bench run on the development broker (SASL/SCRAM-SHA-512, ACLs enforced). The bench's
 * own observers and cleanup use the admin (KAFKA_ADMIN_USERNAME/KAFKA_ADMIN_PASSWORD, development defaults);
 * the services it launches (NODE_ENV=production, so no development password) use a per-run principal named
 * after the run tag that may use only the run's own topics and groups (`<tag>.*`).
 */
const KAFKA_SH = path.join(__dirname, '..', '..', 'deploy', 'local', 'kafka.sh');

export function benchAdminCredentials(): KafkaCredentials {
  const username = process.env.KAFKA_ADMIN_USERNAME || KAFKA_ADMIN_PRINCIPAL;
  return { username, password: process.env.KAFKA_ADMIN_PASSWORD || devKafkaPassword(username) };
}

export function benchAdminSasl(): SASLOptions {
  return saslOptions(benchAdminCredentials());
}

function runAcls(tag: string): AclBinding[] {
  const principal = userPrincipal(tag);
  return [
    ...(['read', 'write', 'create', 'describe'] as const).map((operation) => ({
      principal,
      resource: 'topic' as const,
      pattern: 'prefixed' as const,
      name: `${tag}.`,
      operation,
    })),
    { principal, resource: 'group', pattern: 'prefixed', name: `${tag}.`, operation: 'read' },
  ];
}

function kafkaSh(brokers: string[], args: string[], password = ''): void {
  execFileSync('bash', [KAFKA_SH, ...args], {
    env: { ...process.env, KAFKA_PORT: brokers[0].split(':')[1] ?? '9092', KAFKA_USER_PASSWORD: password },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function withAdmin<T>(brokers: string[], fn: (admin: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> {
  const admin = new Kafka({
    clientId: 'bench-principal',
    brokers,
    sasl: benchAdminSasl(),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Creates the run's SCRAM user (the broker's tool) and its prefix ACLs; returns what the services get. */
export async function createRunPrincipal(tag: string, brokers: string[]): Promise<KafkaCredentials> {
  const credentials = { username: tag, password: randomBytes(24).toString('hex') };
  kafkaSh(brokers, ['user', 'add', tag], credentials.password);
  await withAdmin(brokers, (admin) => reconcileAcls(admin, runAcls(tag), (p) => p === userPrincipal(tag)));
  return credentials;
}

/** Removes the run's ACLs and SCRAM user (best effort, like the rest of the cleanup). */
export async function removeRunPrincipal(tag: string, brokers: string[]): Promise<void> {
  await withAdmin(brokers, (admin) => reconcileAcls(admin, [], (p) => p === userPrincipal(tag)));
  kafkaSh(brokers, ['user', 'delete', tag]);
}
