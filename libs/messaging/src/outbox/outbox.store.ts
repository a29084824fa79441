import type { DataSource, QueryRunner } from 'typeorm';
import { schemaName } from '../messaging-persistence';
import { PreparedStatement } from '../prepared-statement';

export interface OutboxRow {
  id: string;
  eventId: string;
  topic: string;
  partitionKey: string;
  eventType: string;
  source: string;
  eventTime: Date;
  correlationId: string;
  causationId: string | null;
  payload: unknown;
  createdAt: Date;
}

export interface ClaimLimits {
  /** How many of the oldest unsent rows are scanned for candidate keys. */
  scanWindow: number;
  /** At most this many keys are locked per claim (each is one advisory lock). */
  maxKeys: number;
  /** At most this many rows are claimed. */
  batchSize: number;
}

export interface Backlog {
  /** Unsent rows the relay may publish (rows of quarantined keys excluded). */
  rows: number;
  oldestCreatedAt: Date | null;
  /** Quarantined rows (see `OutboxQuarantineEntry`). */
  quarantined: number;
  /** Unsent rows of quarantined keys (the quarantined rows included): held until release or discard. */
  heldRows: number;
}

/** What the relay records about a quarantined row. */
export interface QuarantinedRow {
  row: OutboxRow;
  attempts: number;
  error: string;
}

/**
 * The relay's SQL. Ordering across relay instances rests on per-key transaction-scoped advisory
 * locks: a relay publishes rows of a key only while it holds that key's lock, and it reads the
 * rows after taking the lock, so it always sees what the previous holder committed.
 */
export class OutboxStore {
  private readonly table: string;
  private readonly quarantineTable: string;
  /** First half of the two-int advisory lock key: this schema's outbox. */
  private readonly lockSpace: string;
  /** The statements of every relay round, prepared once per connection. */
  private readonly lockKeysStatement: PreparedStatement<{ partition_key: string }>;
  private readonly claimStatement: PreparedStatement<Record<string, unknown>>;
  private readonly markSentStatement: PreparedStatement<{ sent_at: Date }>;

  constructor(dataSourceOptions: object) {
    const schema = schemaName(dataSourceOptions);
    this.table = `"${schema}"."outbox_message"`;
    this.quarantineTable = `"${schema}"."outbox_quarantine"`;
    this.lockSpace = `outbox:${schema}`;
    this.lockKeysStatement = new PreparedStatement(
      `WITH settings AS MATERIALIZED (
         SELECT set_config('lock_timeout', '5s', true) AS lock_timeout
       ), window_rows AS MATERIALIZED (
         SELECT o.partition_key, o.id FROM ${this.table} o
         WHERE o.sent_at IS NULL AND o.partition_key <> ALL($4::varchar[])
           AND NOT EXISTS (SELECT 1 FROM ${this.quarantineTable} q WHERE q.partition_key = o.partition_key)
         ORDER BY o.id LIMIT $1
       ), candidates AS MATERIALIZED (
         SELECT partition_key, min(id) AS first_id FROM window_rows GROUP BY partition_key ORDER BY first_id
       )
       SELECT partition_key FROM candidates, settings
       WHERE settings.lock_timeout IS NOT NULL AND pg_try_advisory_xact_lock(hashtext($3), hashtext(partition_key))
       LIMIT $2`,
    );
    this.claimStatement = new PreparedStatement(
      `SELECT id, event_id, topic, partition_key, event_type, source, event_time, correlation_id, causation_id, payload, created_at
       FROM ${this.table} o
       WHERE sent_at IS NULL AND partition_key = ANY($1::varchar[])
         AND NOT EXISTS (SELECT 1 FROM ${this.quarantineTable} q WHERE q.partition_key = o.partition_key)
       ORDER BY id LIMIT $2
       FOR UPDATE`,
    );
    this.markSentStatement = new PreparedStatement(
      `UPDATE ${this.table} SET sent_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL
       WHERE id = ANY($1::bigint[]) RETURNING sent_at`,
    );
  }

  /**
   * Locks (try-lock, skipping keys another relay holds) up to `maxKeys` keys among the oldest unsent
   * rows, oldest key first. The locks last until the transaction ends. Quarantined keys and `exclude`
   * (keys backing off after a rejection) are left out before the window is cut, so a held key never
   * crowds the others out of the window. It also sets the transaction's lock_timeout (5 s, for the row locks of
   * the claim that follows; the key locks never wait), saving the round trip of a separate SET LOCAL.
   */
  async lockKeys(queryRunner: QueryRunner, limits: ClaimLimits, exclude: string[] = []): Promise<string[]> {
    const rows = await this.lockKeysStatement.run(queryRunner, [
      limits.scanWindow,
      limits.maxKeys,
      this.lockSpace,
      exclude,
    ]);
    return rows.map((r) => r.partition_key);
  }

  /**
   * The oldest unsent rows of the locked keys, in insertion order. Read after the locks were taken, so a
   * quarantine another relay committed just before is seen (and its key skipped).
   */
  async claimRows(queryRunner: QueryRunner, keys: string[], batchSize: number): Promise<OutboxRow[]> {
    const rows = await this.claimStatement.run(queryRunner, [keys, batchSize]);
    return rows.map((r) => ({
      id: String(r.id),
      eventId: r.event_id as string,
      topic: r.topic as string,
      partitionKey: r.partition_key as string,
      eventType: r.event_type as string,
      source: r.source as string,
      eventTime: r.event_time as Date,
      correlationId: r.correlation_id as string,
      causationId: (r.causation_id as string | null) ?? null,
      payload: r.payload,
      createdAt: r.created_at as Date,
    }));
  }

  async markSent(queryRunner: QueryRunner, ids: string[]): Promise<Date> {
    const first = (await this.markSentStatement.run(queryRunner, [ids]))[0];
    return first?.sent_at ?? new Date();
  }

  /**
   * Best effort, outside the (rolled back) claim transaction: for operators looking at stuck rows. An
   * infrastructure failure is not the rows' fault: it does not count towards their attempts.
   */
  async recordFailure(dataSource: DataSource, ids: string[], error: string): Promise<void> {
    await dataSource.query(
      `UPDATE ${this.table} SET last_error = $2 WHERE id = ANY($1::bigint[]) AND sent_at IS NULL`,
      [ids, error],
    );
  }

  /** The broker rejected this row: counts one attempt (in the claim transaction); returns the new count. */
  async recordRejection(queryRunner: QueryRunner, id: string, error: string): Promise<number> {
    const result = await queryRunner.query(
      `UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE id = $1 RETURNING attempts`,
      [id, error],
      true,
    );
    return (result.records as { attempts: number }[])[0]?.attempts ?? 0;
  }

  /** Quarantines a row (in the claim transaction, which holds its key's lock): its key is held from now on. */
  async quarantine(queryRunner: QueryRunner, entry: QuarantinedRow): Promise<void> {
    await queryRunner.query(
      `INSERT INTO ${this.quarantineTable} (outbox_id, event_id, topic, partition_key, event_type, attempts, last_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (outbox_id) DO UPDATE SET attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error`,
      [
        entry.row.id,
        entry.row.eventId,
        entry.row.topic,
        entry.row.partitionKey,
        entry.row.eventType,
        entry.attempts,
        entry.error,
      ],
    );
  }

  /** Deletes rows sent before `before`, in bounded chunks; returns how many went. */
  async purgeSent(dataSource: DataSource, before: Date, chunk = 5000): Promise<number> {
    const result = await dataSource.query(
      `DELETE FROM ${this.table} WHERE id IN (
         SELECT id FROM ${this.table} WHERE sent_at IS NOT NULL AND sent_at < $1 ORDER BY sent_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [before, chunk],
    );
    // TypeORM returns [rows, affected] for DELETE on Postgres.
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }

  async backlog(dataSource: DataSource): Promise<Backlog> {
    const rows = (await dataSource.query(
      `WITH held_keys AS (SELECT DISTINCT partition_key FROM ${this.quarantineTable})
       SELECT count(*) FILTER (WHERE h.partition_key IS NULL)::int AS rows,
              min(o.created_at) FILTER (WHERE h.partition_key IS NULL) AS oldest,
              count(*) FILTER (WHERE h.partition_key IS NOT NULL)::int AS held,
              (SELECT count(*)::int FROM ${this.quarantineTable}) AS quarantined
       FROM ${this.table} o LEFT JOIN held_keys h ON h.partition_key = o.partition_key
       WHERE o.sent_at IS NULL`,
    )) as { rows: number; oldest: Date | null; held: number; quarantined: number }[];
    const row = rows[0];
    return {
      rows: row?.rows ?? 0,
      oldestCreatedAt: row?.oldest ?? null,
      heldRows: row?.held ?? 0,
      quarantined: row?.quarantined ?? 0,
    };
  }
}
