import type { DataSource } from 'typeorm';
import { runInInboxTransaction } from '../src/inbox/inbox-transaction';
import type { InboxWork } from '../src/inbox/inbox-transaction';
import { cleanup, isolation, openDataSource } from './support/messaging-test-kit';

jest.setTimeout(60_000);

const { schema, prefix, id } = isolation('inboxtx');

describe('runInInboxTransaction (real PostgreSQL)', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openDataSource(schema, `${prefix}-inbox`, 2);
    await ds.query(`CREATE TABLE "${schema}"."effect" (event_id varchar(200) PRIMARY KEY)`);
  });

  afterAll(async () => {
    await cleanup(prefix, [schema], [ds]);
  });

  function work(eventId: string, run: InboxWork['run']): InboxWork {
    return {
      entry: { group: 'g', eventId, eventType: 't', topic: 'x', partition: 0, offset: '1' },
      run,
    };
  }
  const effect =
    (eventId: string): InboxWork['run'] =>
    async (manager) => {
      await manager.query(`INSERT INTO "${schema}"."effect" (event_id) VALUES ($1)`, [eventId]);
    };
  const effects = async (): Promise<string[]> =>
    ((await ds.query(`SELECT event_id FROM "${schema}"."effect" ORDER BY event_id`)) as { event_id: string }[]).map(
      (r) => r.event_id,
    );

  it('commits every new item with its inbox row, and skips ids already there (even within the chunk)', async () => {
    const [a, b] = [`${id}-a`, `${id}-b`];
    await expect(
      runInInboxTransaction(ds, [work(a, effect(a)), work(b, effect(b)), work(a, effect(a))]),
    ).resolves.toEqual(['handled', 'handled', 'duplicate']);
    await expect(runInInboxTransaction(ds, [work(b, effect(b))])).resolves.toEqual(['duplicate']);
    expect(await effects()).toEqual([a, b]);
  });

  it('refuses to report a chunk as handled when a handler swallowed a failed statement (nothing commits)', async () => {
    const c = `${id}-c`;
    const swallowing: InboxWork['run'] = async (manager) => {
      await effect(c)(manager);
      await manager.query('SELECT 1/0').catch(() => undefined);
    };
    // (AbortedTransactionError from the connection's status, or the probe's own error if the status was not in yet)
    await expect(runInInboxTransaction(ds, [work(c, swallowing)])).rejects.toThrow(/current transaction is aborted/);
    expect(await effects()).not.toContain(c);
    const inbox = (await ds.query(`SELECT count(*)::int AS n FROM "${schema}"."inbox_message" WHERE event_id = $1`, [
      c,
    ])) as { n: number }[];
    expect(inbox[0]?.n).toBe(0);
    // the connection went back to the pool usable
    await expect(runInInboxTransaction(ds, [work(c, effect(c))])).resolves.toEqual(['handled']);
  });
});
