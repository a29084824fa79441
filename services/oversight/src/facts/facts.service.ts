import { Injectable } from '@nestjs/common';
import type {
  CallbackCompleted,
  EventData,
  EvaluationSubmitted,
  Progressed,
  Resolved,
  RosterCoverageChanged,
  WorkOrderChanged,
} from '@legal/contracts';
import type { EntityManager } from 'typeorm';
import { CallbackFact } from './callback-fact.entity';
import { DeadlineFact } from './deadline-fact.entity';
import { factChangeOf, regionLevels } from './fact-projection';
import { HandlerOutcomeFact } from './handler-outcome-fact.entity';
import { OfferFact } from './offer-fact.entity';
import { offerStepOf } from './offer-projection';
import { RosterCoverageDay } from './roster-coverage-day.entity';
import { tableOf } from './table-name';
import { WorkOrderFact } from './work-order-fact.entity';

type ChangedData = EventData<typeof WorkOrderChanged>;
type EvaluationData = EventData<typeof EvaluationSubmitted>;
type ReportData = EventData<typeof Progressed> | EventData<typeof Resolved>;
type CallbackData = EventData<typeof CallbackCompleted>;
type RosterCoverageData = EventData<typeof RosterCoverageChanged>;

/**
 * Serialises the consumers that write one work order's facts (its views, its handlers' reports, its callbacks come
 * on different topics, in different transactions): without it, a report committed while the work order's first view
 * is being inserted would be copied by neither. Held until the transaction ends.
 */
async function lockWorkOrder(manager: EntityManager, workOrderId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 1765))`, [workOrderId]);
}

/**
 * Applies lifecycle events to the fact tables. Idempotent and order-tolerant: first moments (dispatch,
 * acceptance, resolution) keep the earliest time seen, flags only ever turn on, and the current state (status,
 * organisation, deadlines) is taken from a view only when its version is newer than the one kept.
 */
@Injectable()
export class FactsService {
  async applyChange(manager: EntityManager, view: ChangedData, appliedAt: Date): Promise<void> {
    await lockWorkOrder(manager, view.workOrderId);
    const c = factChangeOf(view);
    const rows = await manager.query<{ version: number }[]>(
      `INSERT INTO ${tableOf(manager, WorkOrderFact)} AS f (work_order_id, case_code, version, status, service_type,
         region_code, city_code, county_code, origin_platform, platform_count, organisation_id, handler, received_at,
         dispatched_at, accepted_at, resolved_at, routing_fallback, supervisor_queue, reopen_count, duplicate, related, supervised,
         supervision_resolved, updated_at, organisation_name, registered_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26)
       ON CONFLICT (work_order_id) DO UPDATE SET
         registered_at = LEAST(f.registered_at, EXCLUDED.registered_at),
         dispatched_at = LEAST(f.dispatched_at, EXCLUDED.dispatched_at),
         accepted_at = LEAST(f.accepted_at, EXCLUDED.accepted_at),
         resolved_at = LEAST(f.resolved_at, EXCLUDED.resolved_at),
         routing_fallback = f.routing_fallback OR EXCLUDED.routing_fallback,
         supervisor_queue = f.supervisor_queue OR EXCLUDED.supervisor_queue,
         reopen_count = f.reopen_count + CASE WHEN EXCLUDED.version > f.version THEN EXCLUDED.reopen_count ELSE 0 END,
         duplicate = f.duplicate OR EXCLUDED.duplicate,
         related = f.related OR EXCLUDED.related,
         supervised = f.supervised OR EXCLUDED.supervised,
         supervision_resolved = f.supervision_resolved OR EXCLUDED.supervision_resolved,
         version = GREATEST(f.version, EXCLUDED.version),
         status = CASE WHEN EXCLUDED.version > f.version THEN EXCLUDED.status ELSE f.status END,
         service_type = CASE WHEN EXCLUDED.version > f.version THEN EXCLUDED.service_type ELSE f.service_type END,
         region_code = CASE WHEN EXCLUDED.version > f.version THEN EXCLUDED.region_code ELSE f.region_code END,
         city_code = CASE WHEN EXCLUDED.version > f.version THEN EXCLUDED.city_code ELSE f.city_code END,
         county_code = CASE WHEN EXCLUDED.version > f.version THEN EXCLUDED.county_code ELSE f.county_code END,
         platform_count = GREATEST(f.platform_count, EXCLUDED.platform_count),
         organisation_id = CASE WHEN EXCLUDED.version > f.version
           THEN COALESCE(EXCLUDED.organisation_id, f.organisation_id) ELSE f.organisation_id END,
         handler = CASE WHEN EXCLUDED.version > f.version THEN COALESCE(EXCLUDED.handler, f.handler) ELSE f.handler END,
         organisation_name = CASE WHEN EXCLUDED.version > f.version
           THEN COALESCE(EXCLUDED.organisation_name, f.organisation_name) ELSE f.organisation_name END,
         updated_at = EXCLUDED.updated_at
       RETURNING version`,
      [
        c.workOrderId,
        c.caseCode,
        c.version,
        c.status,
        c.serviceType,
        c.regionCode,
        c.cityCode,
        c.countyCode,
        c.originPlatform,
        c.platformCount,
        c.organisationId,
        c.handler,
        c.receivedAt,
        c.dispatchedAt,
        c.acceptedAt,
        c.resolvedAt,
        c.routingFallback,
        c.supervisorQueue,
        c.reopened ? 1 : 0,
        c.duplicate,
        c.related,
        c.supervised,
        c.supervisionResolved,
        appliedAt,
        c.organisationName,
        c.registeredAt,
      ],
    );
    // Outcomes and callbacks reported before this work order's first view reached oversight.
    await this.copyOutcomes(manager, view.workOrderId);
    await this.applyOfferStep(manager, view);
    if (rows[0]?.version !== view.version) return;
    const deadlines = tableOf(manager, DeadlineFact);
    const where = [c.receivedAt, c.regionCode, c.cityCode, c.countyCode, c.organisationId];
    for (const d of view.deadlines) {
      await manager.query(
        `INSERT INTO ${deadlines}
           (work_order_id, kind, due_at, status, received_at, region_code, city_code, county_code, organisation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (work_order_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at, status = EXCLUDED.status`,
        [view.workOrderId, d.kind.slice(0, 40), new Date(d.dueAt), d.status, ...where],
      );
    }
    // The current view's receipt time, regions and organisation, on every deadline of the work order (a kind it no
    // longer lists too). A view without an organisation (back in the queue) keeps the last one.
    await manager.query(
      `UPDATE ${deadlines} SET received_at = $2, region_code = $3, city_code = $4, county_code = $5,
         organisation_id = COALESCE($6, organisation_id)
       WHERE work_order_id = $1
         AND (received_at, region_code, city_code, county_code, organisation_id)
           IS DISTINCT FROM ($2, $3, $4, $5, COALESCE($6, organisation_id))`,
      [view.workOrderId, ...where],
    );
  }

  /**
   * The offer a view makes or ends, in `offer_fact` (caller holds the work order's lock). Order-tolerant and idempotent:
   * an offer is keyed by its `offered` entry, an answer goes to the latest offer made before it unless an earlier
   * entry already ended that offer, and attempts are renumbered from the offers known.
   */
  private async applyOfferStep(manager: EntityManager, view: ChangedData): Promise<void> {
    const step = offerStepOf(view);
    if (!step) return;
    const offers = tableOf(manager, OfferFact);
    if (step.kind === 'offer') {
      const { cityCode, countyCode } = regionLevels(view.regionCode);
      await manager.query(
        `INSERT INTO ${offers} (work_order_id, offered_seq, attempt, organisation_id, organisation_name, handler,
           service_type, region_code, city_code, county_code, offered_at)
         VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (work_order_id, offered_seq) DO NOTHING`,
        [
          view.workOrderId,
          step.seq,
          view.organisationId ?? null,
          view.organisationName ?? null,
          view.handler ?? null,
          view.serviceType,
          view.regionCode,
          cityCode,
          countyCode,
          step.at,
        ],
      );
      await manager.query(
        `UPDATE ${offers} o SET attempt = r.n
         FROM (SELECT offered_seq, row_number() OVER (ORDER BY offered_seq)::int AS n FROM ${offers}
               WHERE work_order_id = $1) r
         WHERE o.work_order_id = $1 AND o.offered_seq = r.offered_seq AND o.attempt <> r.n`,
        [view.workOrderId],
      );
    }
    // A new offer withdraws the previous one if it was never answered; any other step ends the latest offer.
    const outcome = step.kind === 'offer' ? 'withdrawn' : step.outcome;
    await manager.query(
      `UPDATE ${offers} SET outcome = $3, decided_at = $4, decided_seq = $2
       WHERE work_order_id = $1 AND (decided_seq IS NULL OR decided_seq > $2)
         AND offered_seq = (SELECT max(offered_seq) FROM ${offers} WHERE work_order_id = $1 AND offered_seq < $2)`,
      [view.workOrderId, step.seq, outcome, step.at],
    );
  }

  /**
   * A handler's outcome (the report's details): the legal-aid decision with its exempt category, the mediation
   * outcome, the judicial confirmation. Each kind keeps its newest report (a later decision after a reopening wins;
   * a replayed or older one changes nothing); then the work order's fact row gets them.
   */
  async applyReport(manager: EntityManager, report: ReportData, appliedAt: Date): Promise<void> {
    const d = report.details;
    if (!d) return;
    const at = new Date(report.at);
    const aid = d.aidDecision ? at : null;
    const mediation = d.mediationOutcome ? at : null;
    const confirmation = d.judicialConfirmation ? at : null;
    if (!aid && !mediation && !confirmation) return;
    await lockWorkOrder(manager, report.workOrderId);
    const newer = (column: string): string =>
      `EXCLUDED.${column} IS NOT NULL AND (o.${column} IS NULL OR EXCLUDED.${column} >= o.${column})`;
    await manager.query(
      `INSERT INTO ${tableOf(manager, HandlerOutcomeFact)} AS o (work_order_id, aid_decision, exempt_category,
         aid_decided_at, mediation_outcome, mediation_ended_at, judicial_confirmation, confirmation_decided_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (work_order_id) DO UPDATE SET
         aid_decision = CASE WHEN ${newer('aid_decided_at')} THEN EXCLUDED.aid_decision ELSE o.aid_decision END,
         exempt_category = CASE WHEN ${newer('aid_decided_at')} THEN EXCLUDED.exempt_category ELSE o.exempt_category END,
         aid_decided_at = GREATEST(o.aid_decided_at, EXCLUDED.aid_decided_at),
         mediation_outcome = CASE WHEN ${newer('mediation_ended_at')}
           THEN EXCLUDED.mediation_outcome ELSE o.mediation_outcome END,
         mediation_ended_at = GREATEST(o.mediation_ended_at, EXCLUDED.mediation_ended_at),
         judicial_confirmation = CASE WHEN ${newer('confirmation_decided_at')}
           THEN EXCLUDED.judicial_confirmation ELSE o.judicial_confirmation END,
         confirmation_decided_at = GREATEST(o.confirmation_decided_at, EXCLUDED.confirmation_decided_at),
         updated_at = EXCLUDED.updated_at`,
      [
        report.workOrderId,
        d.aidDecision ?? null,
        d.aidDecision === 'granted' ? (d.exemptCategory ?? null) : null,
        aid,
        d.mediationOutcome ?? null,
        mediation,
        d.judicialConfirmation ?? null,
        confirmation,
        appliedAt,
      ],
    );
    await this.copyOutcomes(manager, report.workOrderId);
  }

  /** A completed callback (回访), once (a replay changes nothing); then its work order's counts. */
  async applyCallback(manager: EntityManager, callback: CallbackData): Promise<void> {
    await lockWorkOrder(manager, callback.workOrderId);
    await manager.query(
      `INSERT INTO ${tableOf(manager, CallbackFact)}
         (callback_id, work_order_id, reason, raised_at, due_at, completed_at, outcome)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (callback_id) DO NOTHING`,
      [
        callback.callbackId,
        callback.workOrderId,
        callback.reason,
        new Date(callback.raisedAt),
        new Date(callback.dueAt),
        new Date(callback.completedAt),
        callback.outcome,
      ],
    );
    await this.copyOutcomes(manager, callback.workOrderId);
  }

  /**
   * The hotline's roster coverage of the days a roster change touched: each day's row is replaced by a newer
   * computation only, so a replay or a late older event changes nothing.
   */
  async applyRosterCoverage(manager: EntityManager, data: RosterCoverageData): Promise<void> {
    // The schema bounds each number; what it cannot say is checked here (a failing handler is dead-lettered with
    // the reason after its retries): the total is its hours' sum, and a day comes once.
    const seen = new Set<string>();
    for (const day of data.days) {
      const sum = day.hourMinutes.reduce((a, b) => a + b, 0);
      if (sum !== day.coveredMinutes) {
        throw new Error(
          `roster coverage of ${day.date}: coveredMinutes ${day.coveredMinutes} is not its hours' ${sum}`,
        );
      }
      if (seen.has(day.date)) throw new Error(`roster coverage of ${day.date} given twice`);
      seen.add(day.date);
    }
    for (const day of data.days) {
      await manager.query(
        `INSERT INTO ${tableOf(manager, RosterCoverageDay)} AS r (day, covered_minutes, hour_minutes, computed_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (day) DO UPDATE SET covered_minutes = EXCLUDED.covered_minutes,
           hour_minutes = EXCLUDED.hour_minutes, computed_at = EXCLUDED.computed_at
         WHERE r.computed_at < EXCLUDED.computed_at`,
        [day.date, day.coveredMinutes, day.hourMinutes, new Date(data.computedAt)],
      );
    }
  }

  /**
   * Copies a work order's reported outcomes and its callback counts onto its fact row when they differ (the roll-up
   * trigger follows); a work order oversight has not seen yet gets them with its first view.
   */
  private async copyOutcomes(manager: EntityManager, workOrderId: string): Promise<void> {
    await manager.query(
      `UPDATE ${tableOf(manager, WorkOrderFact)} f SET aid_decision = o.aid_decision,
         exempt_category = o.exempt_category, mediation_outcome = o.mediation_outcome,
         judicial_confirmation = o.judicial_confirmation, callbacks_completed = c.n, callbacks_on_time = c.on_time
       FROM (SELECT $1::uuid AS id) k
       LEFT JOIN ${tableOf(manager, HandlerOutcomeFact)} o ON o.work_order_id = k.id
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS n, count(*) FILTER (WHERE cb.completed_at <= cb.due_at)::int AS on_time
         FROM ${tableOf(manager, CallbackFact)} cb WHERE cb.work_order_id = k.id
       ) c
       WHERE f.work_order_id = k.id
         AND (f.aid_decision, f.exempt_category, f.mediation_outcome, f.judicial_confirmation, f.callbacks_completed,
              f.callbacks_on_time)
           IS DISTINCT FROM (o.aid_decision, o.exempt_category, o.mediation_outcome, o.judicial_confirmation, c.n,
              c.on_time)`,
      [workOrderId],
    );
  }

  /** One evaluation per work order; a later one (after a reopening) replaces the score. */
  async applyEvaluation(manager: EntityManager, evaluation: EvaluationData): Promise<void> {
    await manager.query(
      `UPDATE ${tableOf(manager, WorkOrderFact)} SET evaluation_score = $2, evaluated_at = $3
       WHERE work_order_id = $1 AND (evaluated_at IS NULL OR evaluated_at <= $3)`,
      [evaluation.workOrderId, evaluation.score, new Date(evaluation.submittedAt)],
    );
  }
}
