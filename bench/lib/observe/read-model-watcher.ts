import { Pool } from 'pg';
import type { PlatformName } from '../services';
import { sleep } from '../sleep';

export const ACCEPTED_OR_LATER = ['accepted', 'in-progress', 'waiting-applicant', 'resolved', 'closed'] as const;

export interface ReadModelSeen {
  /** Epoch ms a poll first found the work order in this platform's read model (committed, readable). */
  visibleAt?: number;
  /** Epoch ms a poll first found it there with the handler's acceptance (or a later status). */
  acceptedAt?: number;
  /** The read model's own apply time (projected_at) of that row; can precede the commit by a consumer batch. */
  acceptedProjectedAt?: number;
  status?: string;
}

interface Row {
  work_order_id: string;
  status: string;
  projected_ms: string;
}

const MAX_IDS_PER_QUERY = 2000;

/**
 * Reads the three platforms' work-order read models (their `work_order_view` tables) every
 * `intervalMs` for the work orders the run knows of and that a platform does not yet show as
 * accepted, and keeps when each became readable there — the read model itself, as a clerk's query
 * would find it (at most one interval late). The HTTP sampler checks the lookup endpoints agree.
 */
export class ReadModelWatcher {
  readonly seen = new Map<PlatformName, Map<string, ReadModelSeen>>();
  private readonly pool: Pool;
  private running = false;
  private loop: Promise<void> | undefined;
  polls = 0;

  constructor(
    databaseUrl: string,
    private readonly schemas: Record<PlatformName, string>,
    /** Work-order ids to look for (e.g. every work order an intake outcome named). */
    private readonly candidates: () => Iterable<string>,
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

  private latest(workOrderId: string, pick: (s: ReadModelSeen) => number | undefined): number | undefined {
    let latest = 0;
    for (const map of this.seen.values()) {
      const seen = map.get(workOrderId);
      const at = seen ? pick(seen) : undefined;
      if (at === undefined) return undefined;
      latest = Math.max(latest, at);
    }
    return latest;
  }

  /** When the last of the three platforms showed the work order as accepted. */
  allAccepted(workOrderId: string): number | undefined {
    return this.latest(workOrderId, (s) => s.acceptedAt);
  }

  allVisible(workOrderId: string): number | undefined {
    return this.latest(workOrderId, (s) => s.visibleAt);
  }

  count(platform: PlatformName): number {
    return this.seen.get(platform)?.size ?? 0;
  }

  async pollOnce(): Promise<void> {
    const ids = [...this.candidates()];
    for (const [platform, schema] of Object.entries(this.schemas) as [PlatformName, string][]) {
      const map = this.seen.get(platform);
      if (!map) continue;
      const pending = ids.filter((id) => map.get(id)?.acceptedAt === undefined).slice(0, MAX_IDS_PER_QUERY);
      if (pending.length === 0) continue;
      const { rows } = await this.pool.query<Row>(
        `SELECT work_order_id, status, (extract(epoch from projected_at) * 1000)::text AS projected_ms FROM "${schema}".work_order_view WHERE work_order_id = ANY($1::uuid[])`,
        [pending],
      );
      const now = performance.timeOrigin + performance.now();
      for (const row of rows) {
        let entry = map.get(row.work_order_id);
        if (!entry) {
          entry = { visibleAt: now };
          map.set(row.work_order_id, entry);
        }
        entry.status = row.status;
        if (entry.acceptedAt === undefined && (ACCEPTED_OR_LATER as readonly string[]).includes(row.status)) {
          entry.acceptedAt = now;
          entry.acceptedProjectedAt = Number(row.projected_ms);
        }
      }
    }
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
