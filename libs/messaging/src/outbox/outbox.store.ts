import type { DataSource, QueryRunner } from 'typeorm';
import { schemaName } from '../messaging-persistence';

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
  rows: number;
  oldestCreatedAt: Date | null;
}

/**
 * The relay's SQL. Ordering across relay instances rests on per-key transaction-scoped advisory
 * locks: a relay publishes rows of a key only while it holds that key's lock, and it reads the
 * rows after taking the lock, so it always sees what the previous holder committed.
 */
export class OutboxStore {
  private readonly table: string;
  /** First half of the two-int advisory lock key: this schema's outbox. */
  private readonly lockSpace: string;

  constructor(dataSourceOptions: object) {
    const schema = schemaName(dataSourceOptions);
    this.table = `"${schema}"."outbox_message"`;
    this.lockSpace = `outbox:${schema}`;
  }

  /**
   * Locks (try-lock, skipping keys another relay holds) up to `maxKeys` keys among the oldest unsent
   * rows, oldest key first. The locks last until the transaction ends.
   */
  async lockKeys(queryRunner: QueryRunner, limits: ClaimLimits): Promise<string[]> {
    const result = await queryRunner.query(
      `WITH window_rows AS MATERIALIZED (
         SELECT partition_key, id FROM ${this.table} WHERE sent_at IS NULL ORDER BY id LIMIT $1
       ), candidates AS MATERIALIZED (
         SELECT partition_key, min(id) AS first_id FROM window_rows GROUP BY partition_key ORDER BY first_id
       )
       SELECT partition_key FROM candidates
       WHERE pg_try_advisory_xact_lock(hashtext($3), hashtext(partition_key))
       LIMIT $2`,
      [limits.scanWindow, limits.maxKeys, this.lockSpace],
      true,
    );
    return (result.records as { partition_key: string }[]).map((r) => r.partition_key);
  }

  /** The oldest unsent rows of the locked keys, in insertion order. */
  async claimRows(queryRunner: QueryRunner, keys: string[], batchSize: number): Promise<OutboxRow[]> {
    const result = await queryRunner.query(
      `SELECT id, event_id, topic, partition_key, event_type, source, event_time, correlation_id, causation_id, payload, created_at
       FROM ${this.table}
       WHERE sent_at IS NULL AND partition_key = ANY($1::varchar[])
       ORDER BY id LIMIT $2
       FOR UPDATE`,
      [keys, batchSize],
      true,
    );
    return (result.records as Record<string, unknown>[]).map((r) => ({
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
    const result = await queryRunner.query(
      `UPDATE ${this.table} SET sent_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL
       WHERE id = ANY($1::bigint[]) RETURNING sent_at`,
      [ids],
      true,
    );
    const first = (result.records as { sent_at: Date }[])[0];
    return first?.sent_at ?? new Date();
  }

  /** Best effort, outside the (rolled back) claim transaction: for operators looking at stuck rows. */
  async recordFailure(dataSource: DataSource, ids: string[], error: string): Promise<void> {
    await dataSource.query(`UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[]) AND sent_at IS NULL`, [ids, error]);
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
    const rows = (await dataSource.query(`SELECT count(*)::int AS rows, min(created_at) AS oldest FROM ${this.table} WHERE sent_at IS NULL`)) as {
      rows: number;
      oldest: Date | null;
    }[];
    return { rows: rows[0]?.rows ?? 0, oldestCreatedAt: rows[0]?.oldest ?? null };
  }
}
