import { Client } from 'pg';
import type { KafkaStageTracker } from '../observe/kafka-stage-tracker';
import { gini, round } from '../stats';

export interface DeadlineRow {
  kind: string;
  status: string;
  count: number;
  windowDays: number;
}

export interface RoutingSpread {
  handler: string;
  workOrders: number;
  organisationsUsed: number;
  /** Organisations of the kinds that take this handler's work (from the work-order service's registry). */
  candidateOrganisations?: number;
  giniAmongUsed: number;
  maxOverMean: number;
  top: { organisationId: string; count: number; share: number }[];
  byLevel?: Record<string, number>;
}

/** Deadlines the work-order service computed for the run's work orders, by kind and status (its own table). */
export async function deadlineRows(databaseUrl: string, workOrderSchema: string): Promise<DeadlineRow[] | string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ kind: string; status: string; n: string; window_days: string }>(
      `SELECT kind, status, count(*) AS n, round(avg(extract(epoch from due_at - start_at)) / 86400, 2) AS window_days
         FROM "${workOrderSchema}".deadline GROUP BY kind, status ORDER BY kind, status`,
    );
    return rows.map((r) => ({ kind: r.kind, status: r.status, count: Number(r.n), windowDays: Number(r.window_days) }));
  } catch (e) {
    return `error: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function organisationFacts(
  databaseUrl: string,
  workOrderSchema: string,
): Promise<{ levelOf: Map<string, string>; candidatesByHandler: Map<string, number> }> {
  const levelOf = new Map<string, string>();
  const candidatesByHandler = new Map<string, number>();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; level: string; handler: string }>(
      `SELECT id, level, handler FROM "${workOrderSchema}".organisation WHERE active`,
    );
    for (const r of rows) {
      levelOf.set(r.id, r.level);
      candidatesByHandler.set(r.handler, (candidatesByHandler.get(r.handler) ?? 0) + 1);
    }
  } catch {
    // registry not readable: spread is still reported from the events
  } finally {
    await client.end().catch(() => undefined);
  }
  return { levelOf, candidatesByHandler };
}

/** Where the first offer of each work order went, per handler: how evenly the work was spread. */
export async function routingSpread(
  tracker: KafkaStageTracker,
  workOrderIds: Iterable<string>,
  databaseUrl: string,
  workOrderSchema: string,
  topN = 5,
): Promise<RoutingSpread[]> {
  const facts = await organisationFacts(databaseUrl, workOrderSchema);
  const byHandler = new Map<string, Map<string, number>>();
  for (const id of workOrderIds) {
    const wo = tracker.workOrders.get(id);
    if (!wo?.organisationId) continue;
    const handler = [...wo.handlers][0] ?? 'unknown';
    const orgs = byHandler.get(handler) ?? new Map<string, number>();
    orgs.set(wo.organisationId, (orgs.get(wo.organisationId) ?? 0) + 1);
    byHandler.set(handler, orgs);
  }
  const out: RoutingSpread[] = [];
  for (const [handler, orgs] of [...byHandler.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const counts = [...orgs.values()];
    const total = counts.reduce((a, c) => a + c, 0);
    const mean = total / counts.length;
    const byLevel: Record<string, number> = {};
    for (const [org, c] of orgs) {
      const level = facts.levelOf.get(org) ?? 'unknown';
      byLevel[level] = (byLevel[level] ?? 0) + c;
    }
    out.push({
      handler,
      workOrders: total,
      organisationsUsed: orgs.size,
      candidateOrganisations: facts.candidatesByHandler.get(handler),
      giniAmongUsed: gini(counts),
      maxOverMean: round(Math.max(...counts) / mean),
      top: [...orgs.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, topN)
        .map(([organisationId, count]) => ({ organisationId, count, share: round(count / total, 3) })),
      byLevel,
    });
  }
  return out;
}
