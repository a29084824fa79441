import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { schemaName } from '../messaging-persistence';
import { PreparedStatement } from '../prepared-statement';

export interface InboxEntry {
  group: string;
  eventId: string;
  eventType: string;
  topic: string;
  partition: number;
  offset: string;
}

export interface InboxWork {
  entry: InboxEntry;
  run: (manager: EntityManager) => Promise<void>;
}

export type InboxOutcome = 'handled' | 'duplicate';

/** A `run` threw: which item (its index), with the original error as `cause`. */
export class InboxWorkError extends Error {
  constructor(
    readonly index: number,
    cause: unknown,
  ) {
    super(`item ${index} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'InboxWorkError';
  }
}

const inboxInserts = new WeakMap<DataSource, PreparedStatement<{ event_id: string }>>();

/**
 * The multi-row inbox insert of the data source's schema (prepared once per connection). Kept per data source, so
 * a record does not re-derive (and re-check) the schema name and look its statement up by it.
 */
function inboxInsert(dataSource: DataSource): PreparedStatement<{ event_id: string }> {
  let statement = inboxInserts.get(dataSource);
  if (!statement) {
    const schema = schemaName(dataSource.options);
    statement = new PreparedStatement(
      `INSERT INTO "${schema}"."inbox_message" (consumer_group, event_id, event_type, source_topic, source_partition, source_offset)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::int[], $6::bigint[])
       ON CONFLICT DO NOTHING RETURNING event_id`,
    );
    inboxInserts.set(dataSource, statement);
  }
  return statement;
}

/** The statement's six column arrays, filled in one pass over the items. */
function inboxColumns(items: InboxWork[]): unknown[] {
  const groups: string[] = [];
  const eventIds: string[] = [];
  const eventTypes: string[] = [];
  const topics: string[] = [];
  const partitions: number[] = [];
  const offsets: string[] = [];
  for (const { entry } of items) {
    groups.push(entry.group);
    eventIds.push(entry.eventId);
    eventTypes.push(entry.eventType);
    topics.push(entry.topic);
    partitions.push(entry.partition);
    offsets.push(entry.offset);
  }
  return [groups, eventIds, eventTypes, topics, partitions, offsets];
}

/** A handler swallowed a failed statement: the transaction can only roll back. */
export class AbortedTransactionError extends Error {
  constructor() {
    super('current transaction is aborted (a handler caught the error of a failed statement); rolling back');
    this.name = 'AbortedTransactionError';
  }
}

/**
 * Whether the connection's transaction is in the failed state, from the status byte of the server's last
 * ReadyForQuery (node-postgres `getTransactionStatus()`: I idle, T in a transaction, E failed); undefined when
 * the driver cannot say yet (then the caller probes with a statement). node-postgres rejects a failed query
 * before the ReadyForQuery that follows the error arrives, so the status is only trusted while the client is
 * ready for the next query (it is, after a run whose last statement succeeded).
 */
function transactionFailed(queryRunner: QueryRunner): boolean | undefined {
  // TypeORM types PostgresQueryRunner.databaseConnection as any; it is the pool's pg client here.
  const client = (
    queryRunner as unknown as {
      databaseConnection?: { readyForQuery?: boolean; getTransactionStatus?: () => string | null };
    }
  ).databaseConnection;
  if (client?.readyForQuery !== true) return undefined;
  const status = client.getTransactionStatus?.();
  if (status === 'E') return true;
  return status === 'T' ? false : undefined;
}

/**
 * Runs the items in ONE transaction that also records their event ids in the inbox; an item whose
 * id is already there (redelivery, replay, a second copy) is not run ('duplicate'). Either all
 * items commit or none does.
 */
export async function runInInboxTransaction(dataSource: DataSource, items: InboxWork[]): Promise<InboxOutcome[]> {
  const statement = inboxInsert(dataSource);
  const queryRunner = dataSource.createQueryRunner();
  try {
    await queryRunner.connect();
    await queryRunner.startTransaction();
    // One statement records every id of the chunk; RETURNING says which ones are new.
    const inserted = await statement.run(queryRunner, inboxColumns(items));
    const fresh = new Set(inserted.map((r) => r.event_id));
    const outcomes: InboxOutcome[] = [];
    for (const [index, { entry, run }] of items.entries()) {
      // A second copy of an id within the same chunk is a duplicate too.
      if (!fresh.delete(entry.eventId)) {
        outcomes.push('duplicate');
        continue;
      }
      try {
        await run(queryRunner.manager);
      } catch (e) {
        throw new InboxWorkError(index, e);
      }
      outcomes.push('handled');
    }
    // COMMIT of an aborted transaction (a handler that swallowed a failed statement) silently rolls
    // back; this turns that into an error instead of acknowledged records with no effect. The server
    // reports the transaction's state after every statement, so no probe query is needed to know it.
    const failed = transactionFailed(queryRunner);
    if (failed === undefined) await queryRunner.query('SELECT 1');
    else if (failed) throw new AbortedTransactionError();
    await queryRunner.commitTransaction();
    return outcomes;
  } catch (e) {
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
    throw e;
  } finally {
    await queryRunner.release().catch(() => undefined);
  }
}
