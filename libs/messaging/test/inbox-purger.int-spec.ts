import { InboxPurger } from '@legal/messaging';
import { dropSchema } from '@legal/persistence';
import type { DataSource } from 'typeorm';
import { DATABASE_URL, isolation, openDataSource, quietLogs } from './support/messaging-test-kit';

quietLogs();
const DAY_MS = 24 * 60 * 60 * 1000;
const { schema } = isolation('inbox');

describe('inbox retention (real PostgreSQL)', () => {
  let ds: DataSource;

  async function processed(group: string, eventId: string, processedAt: Date): Promise<void> {
    await ds.query(
      `INSERT INTO "${schema}"."inbox_message" (consumer_group, event_id, event_type, source_topic, source_partition, source_offset, processed_at)
       VALUES ($1, $2, 'legal.test.v1', 'legal.test', 0, 0, $3)`,
      [group, eventId, processedAt],
    );
  }

  async function remaining(): Promise<string[]> {
    const rows = (await ds.query(`SELECT event_id FROM "${schema}"."inbox_message" ORDER BY event_id`)) as {
      event_id: string;
    }[];
    return rows.map((r) => r.event_id);
  }

  beforeAll(async () => {
    ds = await openDataSource(schema, 'inbox-purger-test');
  });
  afterAll(async () => {
    await ds.destroy();
    await dropSchema(DATABASE_URL, schema);
  });

  it('deletes ids processed before the retention window, in chunks, and keeps the recent ones', async () => {
    const now = new Date('2026-11-28T04:00:00Z');
    for (let i = 0; i < 23; i++)
      await processed(
        i % 2 ? 'intake' : 'feedback',
        `old-${String(i).padStart(2, '0')}`,
        new Date(now.getTime() - 31 * DAY_MS - i * 1000),
      );
    await processed('intake', 'edge-just-inside', new Date(now.getTime() - 30 * DAY_MS + 1000));
    await processed('intake', 'recent', new Date(now.getTime() - DAY_MS));

    const purger = new InboxPurger(ds, { retentionMs: 30 * DAY_MS, purgeIntervalMs: 0, chunk: 5 });
    expect(await purger.purge(now)).toBe(23);
    expect(await remaining()).toEqual(['edge-just-inside', 'recent']);
    expect(await purger.purge(now)).toBe(0);
    await purger.stop();
  });

  it('refuses a retention or chunk that is not positive', () => {
    expect(() => new InboxPurger(ds, { retentionMs: 0, purgeIntervalMs: 0, chunk: 5 })).toThrow(/positive/);
    expect(() => new InboxPurger(ds, { retentionMs: DAY_MS, purgeIntervalMs: 0, chunk: 0 })).toThrow(/positive/);
  });
});
