import Redis from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { benchAdminSasl, removeRunPrincipal } from './kafka-auth';

export interface CleanupReport {
  schemas: number;
  topics: number;
  groups: number;
  redisKeys: number;
  errors: string[];
}

const MAX_SCAN_ROUNDS = 10000;

/**
 * Removes what one bench run left on the shared servers, and only that: schemas named `<tag>_*`,
 * topics and consumer groups named `<tag>.*`, Redis keys `<tag>:*`. Best effort; errors are reported.
 */
export async function cleanupRun(
  tag: string,
  settings: { databaseUrl: string; brokers: string[]; redisUrl: string },
): Promise<CleanupReport> {
  if (!/^b_[a-z0-9]+_[0-9a-f]{6}$/.test(tag)) throw new Error(`refusing to clean up unexpected tag ${tag}`);
  const report: CleanupReport = { schemas: 0, topics: 0, groups: 0, redisKeys: 0, errors: [] };
  const pg = new Client({ connectionString: settings.databaseUrl });
  try {
    await pg.connect();
    const { rows } = await pg.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [
      `${tag}\\_%`,
    ]);
    for (const { nspname } of rows) {
      await pg.query(`DROP SCHEMA "${nspname}" CASCADE`);
      report.schemas += 1;
    }
  } catch (e) {
    report.errors.push(`postgres: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await pg.end().catch(() => undefined);
  }
  const admin = new Kafka({
    clientId: `${tag}-cleanup`,
    brokers: settings.brokers,
    sasl: benchAdminSasl(),
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${tag}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30000 });
    report.topics = topics.length;
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${tag}.`));
    if (groups.length > 0)
      await admin
        .deleteGroups(groups)
        .catch((e: unknown) => report.errors.push(`kafka groups: ${e instanceof Error ? e.message : String(e)}`));
    report.groups = groups.length;
  } catch (e) {
    report.errors.push(`kafka: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  await removeRunPrincipal(tag, settings.brokers).catch((e: unknown) =>
    report.errors.push(`kafka principal: ${e instanceof Error ? e.message : String(e)}`),
  );
  const redis = new Redis(settings.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
    let cursor = '0';
    for (let round = 0; round < MAX_SCAN_ROUNDS; round++) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${tag}:*`, 'COUNT', 500);
      if (keys.length > 0) report.redisKeys += await redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } catch (e) {
    report.errors.push(`redis: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    redis.disconnect();
  }
  return report;
}
