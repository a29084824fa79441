import { Pool } from 'pg';
import type { PlatformName } from '../services';
import { sleep } from '../sleep';

export const ACCEPTED_OR_LATER = ['accepted', 'in-progress', 'waiting-applicant', 'resolved', 'closed'] as const;

export interface ReadModelSeen {
  /** Epoch ms the platform's projector applied the first version (its projected_at). */
  visibleAt?: number;
  /** Epoch ms it applied a version with the handler's acceptance (or later). */
  acceptedAt?: number;
  status?: string;
}

interface Row {
  work_order_id: string;
  status: string;
  projected_ms: string;
}

/**
 * Reads the three platforms' work-order read models (their `work_order_view` tables) every
 * `intervalMs` and keeps, per work order and platform, the read model's own apply time
 * (`projected_at`) of the first version and of the accepted version. This is the read model itself,
 * not a proxy; the HTTP sampler checks that the platforms' lookup endpoints agree.
 */
export class ReadModelWatcher {
  readonly seen = new Map<PlatformName, Map<string, ReadModelSeen>>();
  private readonly pool: Pool;
  private running = false;
  private loop: Promise<void> | undefined;
  private cursorMs = 0;
  polls = 0;

  constructor(
    databaseUrl: string,
    private readonly schemas: Record<PlatformName, string>,
    private readonly intervalMs = 100,
  ) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 1 });
    for (const p of Object.keys(schemas) as PlatformName[]) this.seen.set(p, new Map());
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.pool.end();
  }

  /** Work orders every platform shows as accepted, with the latest of the three apply times. */
  allAccepted(workOrderId: string): number | undefined {
    let latest = 0;
    for (const map of this.seen.values()) {
      const at = map.get(workOrderId)?.acceptedAt;
      if (at === undefined) return undefined;
      latest = Math.max(latest, at);
    }
    return latest;
  }

  allVisible(workOrderId: string): number | undefined {
    let latest = 0;
    for (const map of this.seen.values()) {
      const at = map.get(workOrderId)?.visibleAt;
      if (at === undefined) return undefined;
      latest = Math.max(latest, at);
    }
    return latest;
  }

  count(platform: PlatformName): number {
    return this.seen.get(platform)?.size ?? 0;
  }

  async pollOnce(): Promise<void> {
    // Rows commit slightly out of projected_at order: re-read a 10-second window behind the cursor.
    const since = new Date(Math.max(0, this.cursorMs - 10000));
    let max = this.cursorMs;
    for (const [platform, schema] of Object.entries(this.schemas) as [PlatformName, string][]) {
      const { rows } = await this.pool.query<Row>(
        `SELECT work_order_id, status, (extract(epoch from projected_at) * 1000)::text AS projected_ms FROM "${schema}".work_order_view WHERE projected_at > $1`,
        [since],
      );
      const map = this.seen.get(platform);
      if (!map) continue;
      for (const row of rows) {
        const projected = Number(row.projected_ms);
        max = Math.max(max, projected);
        let entry = map.get(row.work_order_id);
        if (!entry) {
          entry = { visibleAt: projected };
          map.set(row.work_order_id, entry);
        }
        entry.status = row.status;
        if (entry.acceptedAt === undefined && (ACCEPTED_OR_LATER as readonly string[]).includes(row.status)) entry.acceptedAt = projected;
      }
    }
    this.cursorMs = max;
    this.polls += 1;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.pollOnce();
      } catch {
        // a table not yet migrated or a busy server: try again next round
      }
      await sleep(this.intervalMs);
    }
    await this.pollOnce().catch(() => undefined);
  }
}
