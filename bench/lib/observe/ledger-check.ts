import { Client } from 'pg';
import type { HandlerService } from '../services';
import type { KafkaStageTracker } from './kafka-stage-tracker';

export interface LedgerCheck {
  intakesSent: number;
  /** From the work-order service's own tables. */
  workOrderIntakes: number | string;
  intakesMissing: number | string;
  workOrders: number | string;
  distinctCaseCodes: number | string;
  workOrdersWithSeveralAcceptedOffers: number | string;
  /** From the handlers' own tables: work orders a handler accepted more than once. */
  handlerDoubleAcceptances: Record<string, number | string>;
  handlerAccepted: Record<string, number | string>;
  /** From the events on Kafka. */
  outcomeEvents: number;
  distinctWorkOrdersInOutcomes: number;
  workOrdersWithSeveralOffers: number;
  workOrdersWithSeveralAcceptances: number;
  ok: boolean;
  problems: string[];
}

async function scalar(client: Client, sql: string, params: unknown[] = []): Promise<number | string> {
  try {
    const { rows } = await client.query<{ n: string }>(sql, params);
    return Number(rows[0]?.n ?? 0);
  } catch (e) {
    return `error: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/**
 * Nothing lost, nothing doubled: the intakes the bench got a 2xx for against what the work-order
 * service stored (one intake row each, one work order and one case code each, at most one accepted
 * offer each), what the handlers stored, and what went over Kafka.
 */
export async function checkLedger(
  databaseUrl: string,
  schemas: { workOrder: string; handlers: Partial<Record<HandlerService, string>> },
  intakeIds: readonly string[],
  tracker: KafkaStageTracker,
): Promise<LedgerCheck> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const wo = `"${schemas.workOrder}"`;
  try {
    const workOrderIntakes = await scalar(
      client,
      `SELECT count(*) AS n FROM ${wo}.work_order_intake WHERE intake_id = ANY($1::uuid[])`,
      [intakeIds],
    );
    const workOrders = await scalar(
      client,
      `SELECT count(DISTINCT work_order_id) AS n FROM ${wo}.work_order_intake WHERE intake_id = ANY($1::uuid[])`,
      [intakeIds],
    );
    const distinctCaseCodes = await scalar(
      client,
      `SELECT count(DISTINCT w.case_code) AS n FROM ${wo}.work_order w JOIN ${wo}.work_order_intake i ON i.work_order_id = w.id WHERE i.intake_id = ANY($1::uuid[])`,
      [intakeIds],
    );
    const severalAccepted = await scalar(
      client,
      `SELECT count(*) AS n FROM (SELECT work_order_id FROM ${wo}.offer WHERE status = 'accepted' GROUP BY work_order_id HAVING count(*) > 1) x`,
    );
    const handlerDoubleAcceptances: Record<string, number | string> = {};
    const handlerAccepted: Record<string, number | string> = {};
    for (const [handler, schema] of Object.entries(schemas.handlers)) {
      handlerDoubleAcceptances[handler] = await scalar(
        client,
        `SELECT count(*) AS n FROM (SELECT work_order_id FROM "${schema}".offer WHERE status = 'accepted' GROUP BY work_order_id HAVING count(*) > 1) x`,
      );
      handlerAccepted[handler] = await scalar(
        client,
        `SELECT count(*) AS n FROM "${schema}".offer WHERE status = 'accepted'`,
      );
    }
    const outcomes = intakeIds.map((id) => tracker.outcomes.get(id)).filter((o) => o !== undefined);
    const woIds = new Set(outcomes.map((o) => o.workOrderId).filter((x): x is string => x !== undefined));
    let severalOffers = 0;
    let severalAcceptances = 0;
    for (const id of woIds) {
      const seen = tracker.workOrders.get(id);
      if (!seen) continue;
      if (seen.offerIds.size > 1) severalOffers += 1;
      if (seen.acceptedReports > 1) severalAcceptances += 1;
    }
    const problems: string[] = [];
    const missing = typeof workOrderIntakes === 'number' ? intakeIds.length - workOrderIntakes : workOrderIntakes;
    if (missing !== 0) problems.push(`intakes missing in work_order_intake: ${missing}`);
    if (typeof workOrders === 'number' && typeof distinctCaseCodes === 'number' && workOrders !== distinctCaseCodes)
      problems.push(`work orders ${workOrders} ≠ distinct case codes ${distinctCaseCodes}`);
    if (severalAccepted !== 0) problems.push(`work orders with more than one accepted offer: ${severalAccepted}`);
    for (const [h, n] of Object.entries(handlerDoubleAcceptances))
      if (n !== 0) problems.push(`${h}: work orders accepted twice: ${n}`);
    if (severalAcceptances > 0) problems.push(`work orders with several offer-accepted events: ${severalAcceptances}`);
    return {
      intakesSent: intakeIds.length,
      workOrderIntakes,
      intakesMissing: missing,
      workOrders,
      distinctCaseCodes,
      workOrdersWithSeveralAcceptedOffers: severalAccepted,
      handlerDoubleAcceptances,
      handlerAccepted,
      outcomeEvents: outcomes.length,
      distinctWorkOrdersInOutcomes: woIds.size,
      workOrdersWithSeveralOffers: severalOffers,
      workOrdersWithSeveralAcceptances: severalAcceptances,
      ok: problems.length === 0,
      problems,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
