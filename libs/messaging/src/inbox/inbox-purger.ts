import { Logger } from '@nestjs/common';
import { PeriodicTask } from '@legal/scheduling';
import type { DataSource } from 'typeorm';
import { schemaName } from '../messaging-persistence';

export interface InboxRetentionOptions {
  /**
   * Processed-event ids are kept this long, then deleted. Must outlast how long Kafka keeps records
   * (7 days by default) so a redelivered or re-read event still finds its id and has no second effect.
   */
  retentionMs: number;
  /** Between purge rounds (0: no purging in this instance). */
  purgeIntervalMs: number;
  /** Rows deleted per statement, so one round never holds many locks or a long transaction. */
  chunk: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_INBOX_RETENTION: InboxRetentionOptions = {
  retentionMs: 30 * DAY_MS,
  purgeIntervalMs: 10 * 60 * 1000,
  chunk: 5000,
};

/**
 * Keeps the inbox table from growing without bound: deletes ids processed before the retention
 * window, in chunks. Several instances may purge at once (SKIP LOCKED), and a failed round is
 * retried at the next tick.
 */
export class InboxPurger {
  private readonly logger = new Logger(InboxPurger.name);
  private readonly table: string;
  private readonly task: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: InboxRetentionOptions = DEFAULT_INBOX_RETENTION,
  ) {
    if (!(options.retentionMs > 0) || !(options.chunk > 0))
      throw new Error('inbox retention and chunk must be positive');
    this.table = `"${schemaName(dataSource.options)}"."inbox_message"`;
    this.task = new PeriodicTask(
      { name: 'inbox purge', intervalMs: options.purgeIntervalMs },
      () => this.tick(),
      this.logger,
    );
  }

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** Deletes every id processed before `now - retention`; returns how many went. */
  async purge(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.options.retentionMs);
    let total = 0;
    for (;;) {
      const result: unknown = await this.dataSource.query(
        `DELETE FROM ${this.table} WHERE (consumer_group, event_id) IN (
           SELECT consumer_group, event_id FROM ${this.table} WHERE processed_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [before, this.options.chunk],
      );
      // TypeORM returns [rows, affected] for DELETE on PostgreSQL.
      const deleted = Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
      total += deleted;
      if (deleted < this.options.chunk || this.task.isStopped) return total;
    }
  }

  private async tick(): Promise<void> {
    const purged = await this.purge();
    if (purged > 0) this.logger.log({ msg: 'purged processed-event ids past the inbox retention', purged });
  }
}
