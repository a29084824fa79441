import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DeadlineOverdue } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { WorkOrderView, WorkOrderViewService } from '@legal/platform-kit';
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
   */
  private async followChange(manager: EntityManager, view: WorkOrderView, now: Date): Promise<void> {
    const obsolete = CALLBACK_REASONS.filter((reason) => !reasonStillApplies(reason, view.status));
    const withdraw = obsolete.length > 0 ? `("status" = 'open' AND "reason" IN (:...obsolete))` : 'FALSE';
    const unless = (column: string, param: string): (() => string) => {
      return () => `CASE WHEN ${withdraw} THEN "${column}" ELSE :${param} END`;
    };
    const when = (column: string, param: string): (() => string) => {
      return () => `CASE WHEN ${withdraw} THEN :${param} ELSE "${column}" END`;
    };
    await manager
      .createQueryBuilder()
      .update(CallbackTask)
      .set({
        status: when('status', 'cancelled'),
        outcome: when('outcome', 'superseded'),
        completedAt: when('completed_at', 'now'),
        note: when('note', 'note'),
        phoneHash: unless('phone_hash', 'phoneHash'),
        phoneLast4: unless('phone_last4', 'phoneLast4'),
        citizenDisplayName: unless('citizen_display_name', 'citizenDisplayName'),
        regionCode: unless('region_code', 'regionCode'),
        serviceType: unless('service_type', 'serviceType'),
      })
      .where(`"work_order_id" = :id AND (${withdraw} OR ("phone_hash" IS NULL AND "status" IN (:...live)))`)
      .setParameters({
        id: view.workOrderId,
        live: ['open', 'claimed'],
        ...(obsolete.length > 0 ? { obsolete } : {}),
        cancelled: 'cancelled',
        superseded: 'superseded',
        now,
        note: `work order is now ${view.status}`,
        phoneHash: view.phoneHash,
        phoneLast4: view.phoneLast4,
        citizenDisplayName: view.citizenDisplayName,
        regionCode: view.regionCode,
        serviceType: view.serviceType,
      })
      .execute();
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

  /** Inserts the task unless one for the same work order and reason is still open; true when inserted. */
  async raise(manager: EntityManager, input: RaiseInput): Promise<boolean> {
    const deadline = callbackDeadline(input.reason, input.raisedAt);
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(CallbackTask)
      .values({
        id: randomUUID(),
        workOrderId: input.workOrderId,
        caseCode: input.caseCode,
        reason: input.reason,
        status: 'open',
        dueAt: deadline.dueAt,
        deadlineRule: deadline.rule,
        deadlineExplanation: deadline.explanation,
        phoneHash: input.view?.phoneHash ?? null,
        phoneLast4: input.view?.phoneLast4 ?? null,
        citizenDisplayName: input.view?.citizenDisplayName ?? null,
        regionCode: input.view?.regionCode ?? null,
        serviceType: input.view?.serviceType ?? null,
        detail: input.detail.slice(0, 300),
      })
      .orIgnore()
      .execute();
    // RETURNING yields a row only when the insert happened (ON CONFLICT DO NOTHING returns none).
    const inserted = Array.isArray(result.raw) && result.raw.length > 0;
    if (inserted)
      this.logger.log(
        { workOrderId: input.workOrderId, reason: input.reason, dueAt: deadline.dueAt.toISOString() },
        'callback task raised',
      );
    return inserted;
  }
}
