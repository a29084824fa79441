import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { outboxChannel, schemaName } from '../messaging-persistence';

/** One quarantined outbox row as the operator sees it. */
export interface QuarantineEntry {
  outboxId: string;
  eventId: string;
  eventType: string;
  topic: string;
  key: string;
  attempts: number;
  lastError: string;
  quarantinedAt: string;
  /** When the event was written to the outbox (null if the row is gone). */
  createdAt: string | null;
  /** Unsent rows of the key waiting behind this entry (this row included). */
  heldRows: number;
  /** Size of the stored payload in bytes (JSON text), a hint for "record too large". */
  payloadBytes: number | null;
}

/** Which entries an operation applies to: by outbox id, by key, or all of them. */
export interface QuarantineSelector {
  outboxIds?: string[];
  keys?: string[];
  all?: boolean;
}

export interface DiscardedEntry extends QuarantineEntry {
  reason: string;
}

/**
 * Operator's side of the outbox quarantine (see `OutboxQuarantineEntry`): list what is held, release
 * (retry from the first attempt, in the key's original order, once the cause is fixed) or discard (the
 * event is deleted and never published; the events held behind it then flow). Used by
 * `outbox-quarantine.cli.ts`. Every change wakes the relays of every instance (NOTIFY).
 */
export class OutboxQuarantineAdmin {
  private readonly logger = new Logger(OutboxQuarantineAdmin.name);
  private readonly schema: string;
  private readonly outbox: string;
  private readonly quarantine: string;

  constructor(private readonly dataSource: DataSource) {
    this.schema = schemaName(dataSource.options);
    this.outbox = `"${this.schema}"."outbox_message"`;
    this.quarantine = `"${this.schema}"."outbox_quarantine"`;
  }

  async list(
    selector: QuarantineSelector = { all: true },
    manager: Pick<EntityManager, 'query'> = this.dataSource,
  ): Promise<QuarantineEntry[]> {
    const { where, params } = this.where(selector);
    const rows = (await manager.query(
      `SELECT q.outbox_id::text AS outbox_id, q.event_id, q.event_type, q.topic, q.partition_key, q.attempts, q.last_error, q.quarantined_at,
              o.created_at, octet_length(o.payload::text) AS payload_bytes,
              (SELECT count(*)::int FROM ${this.outbox} h WHERE h.partition_key = q.partition_key AND h.sent_at IS NULL) AS held_rows
       FROM ${this.quarantine} q LEFT JOIN ${this.outbox} o ON o.id = q.outbox_id
       WHERE ${where} ORDER BY q.quarantined_at, q.outbox_id`,
      params,
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      outboxId: r.outbox_id as string,
      eventId: r.event_id as string,
      eventType: r.event_type as string,
      topic: r.topic as string,
      key: r.partition_key as string,
      attempts: r.attempts as number,
      lastError: r.last_error as string,
      quarantinedAt: (r.quarantined_at as Date).toISOString(),
      createdAt: r.created_at ? (r.created_at as Date).toISOString() : null,
      heldRows: r.held_rows as number,
      payloadBytes: r.payload_bytes === null || r.payload_bytes === undefined ? null : Number(r.payload_bytes),
    }));
  }

  /**
   * Lifts the quarantine: the rows get a fresh set of attempts and their keys are published again in id
   * order (the released row first, then those held behind it). Fix the cause first, or the row comes
   * back to quarantine after OUTBOX_MAX_ATTEMPTS more rejections.
   */
  async release(selector: QuarantineSelector): Promise<QuarantineEntry[]> {
    const released = await this.dataSource.transaction(async (manager) => {
      const entries = await this.list(selector, manager);
      if (entries.length === 0) return entries;
      const ids = entries.map((e) => e.outboxId);
      await manager.query(`DELETE FROM ${this.quarantine} WHERE outbox_id = ANY($1::bigint[])`, [ids]);
      await manager.query(`UPDATE ${this.outbox} SET attempts = 0 WHERE id = ANY($1::bigint[]) AND sent_at IS NULL`, [
        ids,
      ]);
      await manager.query(`SELECT pg_notify($1, '')`, [outboxChannel(this.schema)]);
      return entries;
    });
    for (const entry of released)
      this.logger.warn({
        msg: 'outbox quarantine released; the row and those held behind it are published again',
        ...entry,
      });
    return released;
  }

  /**
   * Deletes quarantined rows for good: their events are never published (consumers never hear of them),
   * and the events held behind them are published next. A `reason` is required and logged with the
   * event's identity, so the decision can be found later.
   */
  async discard(selector: QuarantineSelector, reason: string): Promise<DiscardedEntry[]> {
    if (!reason.trim()) throw new Error('a reason is required to discard a quarantined event');
    const discarded = await this.dataSource.transaction(async (manager) => {
      const entries = await this.list(selector, manager);
      if (entries.length === 0) return [];
      const ids = entries.map((e) => e.outboxId);
      await manager.query(`DELETE FROM ${this.quarantine} WHERE outbox_id = ANY($1::bigint[])`, [ids]);
      await manager.query(`DELETE FROM ${this.outbox} WHERE id = ANY($1::bigint[]) AND sent_at IS NULL`, [ids]);
      await manager.query(`SELECT pg_notify($1, '')`, [outboxChannel(this.schema)]);
      return entries.map((e) => ({ ...e, reason }));
    });
    for (const entry of discarded)
      this.logger.warn({ msg: 'quarantined outbox event discarded: it will never be published', ...entry });
    return discarded;
  }

  private where(selector: QuarantineSelector): { where: string; params: unknown[] } {
    if (selector.all) return { where: 'true', params: [] };
    const ids = selector.outboxIds ?? [];
    const keys = selector.keys ?? [];
    if (ids.length === 0 && keys.length === 0) throw new Error('select quarantined rows by outbox id, by key, or all');
    if (ids.some((id) => !/^\d{1,19}$/.test(id))) throw new Error(`outbox ids are numbers: ${ids.join(', ')}`);
    return { where: '(q.outbox_id = ANY($1::bigint[]) OR q.partition_key = ANY($2::varchar[]))', params: [ids, keys] };
  }
}
