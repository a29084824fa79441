#!/usr/bin/env node
// Removes what tests and benchmarks left on the shared servers of a development machine: PostgreSQL
// schemas, Kafka topics and consumer groups, Redis keys named after a run tag. Run it when no test or
// benchmark is running (their artifacts carry the same kind of names).
//
// Usage: node deploy/local/clean-test-artifacts.js [--dry-run] [--tag=<run tag>]
//   --tag      only this run's artifacts (e.g. t_laoffer_1a2b3c), instead of every test/bench tag
//   --dry-run  list what would go, change nothing
// Tags: t_<label>_<6 hex> (uniqueTag), b_<label>_<6 hex> (bench), msg_<label>_<8 hex> / t_<8 hex> (messaging tests).
// Real schemas (work_order, hotline, ...) and topics (legal.*) never match. Kafka: as the admin principal
// (KAFKA_ADMIN_USERNAME/KAFKA_ADMIN_PASSWORD, development defaults admin/dev-kafka-admin).
'use strict';

const {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  logLevel,
  ResourcePatternTypes,
} = require('kafkajs');
const { Client } = require('pg');
const Redis = require('ioredis');

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const tagArg = (args.find((a) => a.startsWith('--tag=')) || '').slice('--tag='.length);
if (tagArg && !/^[a-z0-9_]{3,63}$/.test(tagArg)) {
  console.error(`[clean] --tag must be a run tag like t_laoffer_1a2b3c, got ${tagArg}`);
  process.exit(2);
}

const TAG =
  '(?:t_[a-z0-9]{1,12}_[0-9a-f]{6}|b_[a-z0-9]{1,12}_[0-9a-f]{6}|msg_[a-z0-9]{1,12}_[0-9a-f]{8}|t_[0-9a-f]{8})';
const escaped = tagArg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const head = tagArg ? escaped : TAG;
const schemaPattern = new RegExp(`^${head}(?:_[a-z0-9_]+)?$`);
const kafkaPattern = new RegExp(`^${head}\\.`);
const redisPattern = new RegExp(`^${head}:`);

const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/legal_services';
const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
// The admin principal (super user): deleting other runs' topics and groups needs it.
const kafkaSasl = {
  mechanism: 'scram-sha-512',
  username: process.env.KAFKA_ADMIN_USERNAME || 'admin',
  password: process.env.KAFKA_ADMIN_PASSWORD || `dev-kafka-${process.env.KAFKA_ADMIN_USERNAME || 'admin'}`,
};
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

async function schemas() {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT nspname FROM pg_namespace ORDER BY nspname');
    const doomed = rows.map((r) => r.nspname).filter((n) => schemaPattern.test(n));
    if (!dryRun) for (const name of doomed) await client.query(`DROP SCHEMA "${name}" CASCADE`);
    return doomed.length;
  } finally {
    await client.end();
  }
}

async function kafka() {
  const admin = new Kafka({
    clientId: 'clean-test-artifacts',
    brokers,
    sasl: kafkaSasl,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => kafkaPattern.test(t));
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => kafkaPattern.test(g));
    // ACLs a crashed run granted on its own topics and groups (test principals, bench run principals). Their
    // SCRAM users cannot be removed with kafkajs: `bash deploy/local/kafka.sh user list` / `user delete NAME`.
    const described = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
    const acls = described.resources
      .filter((r) => kafkaPattern.test(r.resourceName))
      .flatMap((r) =>
        r.acls.map((a) => ({
          ...a,
          resourceType: r.resourceType,
          resourceName: r.resourceName,
          resourcePatternType: r.resourcePatternType,
        })),
      );
    if (!dryRun) {
      for (let i = 0; i < topics.length; i += 200)
        await admin.deleteTopics({ topics: topics.slice(i, i + 200), timeout: 30000 });
      if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
      for (let i = 0; i < acls.length; i += 100) await admin.deleteAcls({ filters: acls.slice(i, i + 100) });
    }
    return { topics: topics.length, groups: groups.length, acls: acls.length };
  } finally {
    await admin.disconnect();
  }
}

async function redis() {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await client.connect();
  let count = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', tagArg ? `${tagArg}:*` : '*_*:*', 'COUNT', 1000);
      cursor = next;
      const doomed = keys.filter((k) => redisPattern.test(k));
      count += doomed.length;
      if (!dryRun && doomed.length > 0) await client.del(...doomed);
    } while (cursor !== '0');
    return count;
  } finally {
    client.disconnect();
  }
}

async function main() {
  const verb = dryRun ? 'would remove' : 'removed';
  const results = await Promise.allSettled([schemas(), kafka(), redis()]);
  const [s, k, r] = results;
  console.log(
    `[clean] PostgreSQL: ${s.status === 'fulfilled' ? `${verb} ${s.value} schemas` : `skipped (${s.reason.message})`}`,
  );
  console.log(
    `[clean] Kafka: ${k.status === 'fulfilled' ? `${verb} ${k.value.topics} topics, ${k.value.groups} consumer groups, ${k.value.acls} ACLs` : `skipped (${k.reason.message})`}`,
  );
  console.log(
    `[clean] Redis: ${r.status === 'fulfilled' ? `${verb} ${r.value} keys` : `skipped (${r.reason.message})`}`,
  );
  process.exit(results.some((x) => x.status === 'rejected') ? 1 : 0);
}

main().catch((e) => {
  console.error(`[clean] ${e.message}`);
  process.exit(1);
});
