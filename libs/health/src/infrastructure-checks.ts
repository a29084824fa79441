import type Redis from 'ioredis';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { ComponentStatus } from './health.registry';

const TIMEOUT_MS = 2500;

async function withTimeout<T>(work: Promise<T>, ms = TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function checkPostgres(dataSource: DataSource): Promise<ComponentStatus> {
  try {
    await withTimeout(dataSource.query('SELECT 1'));
    return { up: true };
  } catch (e) {
    return { up: false, error: message(e) };
  }
}

export async function checkRedis(redis: Redis): Promise<ComponentStatus> {
  try {
    const pong = await withTimeout(redis.ping());
    return { up: pong === 'PONG' };
  } catch (e) {
    return { up: false, error: message(e) };
  }
}

/**
 * A fresh admin connection per check (no retries): a broker that went away is reported within
 * one check, and one that came back is seen at the next, without restarting the service.
 */
export async function checkKafka(kafka: Kafka): Promise<ComponentStatus> {
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await withTimeout(admin.connect());
    const cluster = await withTimeout(admin.describeCluster());
    return { up: cluster.brokers.length > 0, detail: { brokers: cluster.brokers.length } };
  } catch (e) {
    return { up: false, error: message(e) };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
