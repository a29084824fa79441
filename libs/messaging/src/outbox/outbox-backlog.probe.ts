import type { DataSource } from 'typeorm';
import type { Backlog, OutboxStore } from './outbox.store';

/** The unsent backlog, cached briefly so a metrics scrape and a readiness probe share one query. */
export class OutboxBacklogProbe {
  private cached: { at: number; value: Promise<Backlog> } | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: OutboxStore,
    private readonly cacheMs = 1000,
  ) {}

  read(): Promise<Backlog> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > this.cacheMs) {
      const value = this.store.backlog(this.dataSource);
      this.cached = { at: now, value };
      value.catch(() => {
        if (this.cached?.value === value) this.cached = undefined;
      });
    }
    return this.cached.value;
  }
}
