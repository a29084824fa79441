import { createKafka } from '@legal/messaging';
import { uniqueTag } from '@legal/testing';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { Client } from 'pg';

const run = promisify(execFile);
const script = path.join(__dirname, '..', '..', 'deploy', 'local', 'clean-test-artifacts.js');
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** deploy/local/clean-test-artifacts.js, against the real servers, restricted to this test's own tags. */
describe('clean-test-artifacts', () => {
  const tag = uniqueTag('cleanme');
  const bystander = uniqueTag('keepme');
  const pg = new Client({ connectionString: DATABASE_URL });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const admin = createKafka({ brokers: BROKERS, clientId: 'clean-test', topicPrefix: '', partitions: 1 }).admin();

  const schemaExists = async (name: string): Promise<boolean> =>
    (await pg.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [name])).rowCount === 1;
  const topicExists = async (name: string): Promise<boolean> => (await admin.listTopics()).includes(name);

  beforeAll(async () => {
    await pg.connect();
    await admin.connect();
    for (const t of [tag, bystander]) {
      await pg.query(`CREATE SCHEMA "${t}_probe"`);
      await redis.set(`${t}:probe`, '1');
    }
    await admin.createTopics({ topics: [{ topic: `${tag}.legal.probe`, numPartitions: 1 }], waitForLeaders: true });
  });

  afterAll(async () => {
    await pg.query(`DROP SCHEMA IF EXISTS "${bystander}_probe" CASCADE`).catch(() => undefined);
    await redis.del(`${bystander}:probe`);
    await admin.disconnect();
    await pg.end();
    redis.disconnect();
  });

  it('lists without removing on --dry-run, then removes only the given tag’s schemas, topics and keys', async () => {
    const dry = await run(process.execPath, [script, '--dry-run', `--tag=${tag}`]);
    expect(dry.stdout).toContain('would remove 1 schemas');
    expect(dry.stdout).toContain('would remove 1 topics');
    expect(dry.stdout).toContain('would remove 1 keys');
    expect(await schemaExists(`${tag}_probe`)).toBe(true);

    const real = await run(process.execPath, [script, `--tag=${tag}`]);
    expect(real.stdout).toContain('removed 1 schemas');
    expect(await schemaExists(`${tag}_probe`)).toBe(false);
    expect(await topicExists(`${tag}.legal.probe`)).toBe(false);
    expect(await redis.exists(`${tag}:probe`)).toBe(0);

    expect(await schemaExists(`${bystander}_probe`)).toBe(true);
    expect(await redis.exists(`${bystander}:probe`)).toBe(1);
  });

  it('refuses a tag that is not a run tag', async () => {
    await expect(run(process.execPath, [script, '--tag=legal.workorder'])).rejects.toMatchObject({ code: 2 });
  });
});
