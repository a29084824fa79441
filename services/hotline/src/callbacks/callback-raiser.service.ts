import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DeadlineOverdue } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { queryRows, tableOf, WorkOrderView, WorkOrderViewService } from '@legal/platform-kit';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { callbackDeadline, reasonForStatus, reasonStillApplies } from './callback-deadline.policy';
import { CALLBACK_REASONS, CallbackReason, CallbackTask } from './entities/callback-task.entity';

type OverdueData = EventData<typeof DeadlineOverdue>;

interface RaiseInput {
  workOrderId: string;
  caseCode: string;
  reason: CallbackReason;
  detail: string;
  view: WorkOrderView | null;
  raisedAt: Date;
}

/**
 * Puts callbacks in the hotline queue when a work order needs its citizen: a change to
 * waiting-applicant (information needed) or resolved (evaluation due), from the read model's change
 * hook, and a missed deadline, from `DeadlineOverdue`. Both run inside the consuming transaction, and
 * the partial unique index makes raising idempotent: one open task per (work order, reason).
 */
@Injectable()
export class CallbackRaiser implements OnModuleInit {
  private readonly logger = new Logger(CallbackRaiser.name);

  constructor(
    private readonly views: WorkOrderViewService,
    private readonly consumers: MessageConsumers,
  ) {}

  onModuleInit(): void {
    this.views.onChange((view, _previousStatus, manager) => this.onWorkOrderChanged(view, manager));
    this.consumers.register({
      group: 'hotline-callbacks-deadline-overdue',
      events: [DeadlineOverdue],
      handle: async (event, manager) => {
        await this.onDeadlineOverdue(event.data, manager);
      },
    });
  }

  async onWorkOrderChanged(view: WorkOrderView, manager: EntityManager, now = new Date()): Promise<void> {
    await this.followChange(manager, view, now);
    const reason = reasonForStatus(view.status);
    if (!reason) return;
    const detail =
      reason === 'needs-information'
        ? 'The handler needs information from the citizen'
        : 'The work order was resolved; ask the citizen to evaluate the service';
    await this.raise(manager, {
      workOrderId: view.workOrderId,
      caseCode: view.caseCode,
      reason,
      detail,
      view,
      raisedAt: now,
    });
  }

  /**
   * The live tasks of the work order follow its change, in one UPDATE: an open task whose reason no longer
   * applies is withdrawn (only unclaimed ones: an agent who already took one may be on the phone), and any
   * other live task raised before the read model knew the citizen gets the contact details now. Every CASE
   * reads the row as it was, so a withdrawn task is not given contact details (as when these were two UPDATEs).
   * Plain SQL (issue 14): it runs on every change the read model applies, and TypeORM's update builder cost more
   * than the statement; `updated_at` is set as TypeORM would.
   */
  private async followChange(manager: EntityManager, view: WorkOrderView, now: Date): Promise<void> {
    const obsolete = CALLBACK_REASONS.filter((reason) => !reasonStillApplies(reason, view.status));
    const withdraw = `(status = 'open' AND reason = ANY($2))`;
    const unless = (column: string, param: string): string => `CASE WHEN ${withdraw} THEN ${column} ELSE ${param} END`;
    const when = (column: string, param: string): string => `CASE WHEN ${withdraw} THEN ${param} ELSE ${column} END`;
    await manager.query(
      `UPDATE ${tableOf(manager, CallbackTask)} SET
         status = ${when('status', "'cancelled'")},
         outcome = ${when('outcome', "'superseded'")},
         completed_at = ${when('completed_at', '$3::timestamptz')},
         note = ${when('note', '$4')},
         phone_hash = ${unless('phone_hash', '$5')},
         phone_last4 = ${unless('phone_last4', '$6')},
         citizen_display_name = ${unless('citizen_display_name', '$7')},
         region_code = ${unless('region_code', '$8')},
         service_type = ${unless('service_type', '$9')},
         updated_at = CURRENT_TIMESTAMP
       WHERE work_order_id = $1 AND (${withdraw} OR (phone_hash IS NULL AND status IN ('open', 'claimed')))`,
      [
        view.workOrderId,
        obsolete,
        now,
        `work order is now ${view.status}`,
        view.phoneHash,
        view.phoneLast4,
        view.citizenDisplayName,
        view.regionCode,
        view.serviceType,
      ],
    );
  }

  async onDeadlineOverdue(data: OverdueData, manager: EntityManager, now = new Date()): Promise<void> {
    const view = await manager.findOne(WorkOrderView, { where: { workOrderId: data.workOrderId } });
    if (view && !reasonStillApplies('deadline-overdue', view.status)) {
      this.logger.log(
        { workOrderId: data.workOrderId, status: view.status },
        'overdue deadline of a finished work order: no callback',
      );
      return;
    }
    const detail = `Deadline ${data.kind} was due ${data.dueAt}; tell the citizen what happens next`;
    await this.raise(manager, {
      workOrderId: data.workOrderId,
      caseCode: data.caseCode,
      reason: 'deadline-overdue',
      detail,
      view,
      raisedAt: now,
    });
  }

  /**
   * Inserts the task unless one for the same work order and reason is still open; true when inserted. Plain SQL
   * (issue 14), as TypeORM's `orIgnore()` insert wrote it: ON CONFLICT DO NOTHING, the timestamps by default.
   */
  async raise(manager: EntityManager, input: RaiseInput): Promise<boolean> {
    const deadline = callbackDeadline(input.reason, input.raisedAt);
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO ${tableOf(manager, CallbackTask)} (id, work_order_id, case_code, reason, status, due_at, deadline_rule,
         deadline_explanation, phone_hash, phone_last4, citizen_display_name, region_code, service_type, detail)
       VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        randomUUID(),
        input.workOrderId,
        input.caseCode,
        input.reason,
        deadline.dueAt,
        deadline.rule,
        deadline.explanation,
        input.view?.phoneHash ?? null,
        input.view?.phoneLast4 ?? null,
        input.view?.citizenDisplayName ?? null,
        input.view?.regionCode ?? null,
        input.view?.serviceType ?? null,
        input.detail.slice(0, 300),
      ],
    );
    // RETURNING yields a row only when the insert happened (ON CONFLICT DO NOTHING returns none).
    const inserted = rows.length > 0;
    if (inserted)
      this.logger.log(
        { workOrderId: input.workOrderId, reason: input.reason, dueAt: deadline.dueAt.toISOString() },
        'callback task raised',
      );
    return inserted;
  }
}
