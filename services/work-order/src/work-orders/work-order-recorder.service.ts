import { Injectable } from '@nestjs/common';
import type { Deadline, WorkOrderStatus } from '@legal/contracts';
import { WorkOrderChanged } from '@legal/contracts';
import { Outbox } from '@legal/messaging';
import type { EntityManager } from 'typeorm';
import type { Actor, Trace } from '../common/actor';
import { TimelineEntryEntity } from './entities/timeline-entry.entity';
import { WorkOrderEntity } from './entities/work-order.entity';
import { timelineEntryHash } from './timeline-hash';
import { assertTransition } from './work-order-lifecycle';
import { WorkOrderDeadlines, WorkOrderEndings } from './work-order-ports';
import { workOrderChangedData } from './work-order-view';
import { insertEntityRow, updateEntityRow } from '../common/entity-sql';

/** Statuses that end the matter: whatever else was open for it (supervision orders) ends with it. */
const ENDINGS: ReadonlySet<WorkOrderStatus> = new Set<WorkOrderStatus>([
  'resolved',
  'closed',
  'cancelled',
  'rejected',
  'merged',
]);

export interface Change {
  /** What happened, kebab-case: received, offered, offer-accepted, intake-linked, deadline-extended ... */
  action: string;
  actor: Actor;
  /** New status; omitted when the change does not move the work order (a note, a linked intake). */
  toStatus?: WorkOrderStatus;
  note?: string;
  /** Structured details for the timeline (ids, codes); never personal data. */
  data?: Record<string, unknown>;
  at?: Date;
}

/**
 * The single way a work order changes: in the caller's transaction, with the row locked, it checks
 * the transition, appends the hash-chained timeline entry, bumps the version, saves, and writes
 * WorkOrderChanged (the full current view) to the outbox.
 */
@Injectable()
export class WorkOrderRecorder {
  constructor(
    private readonly outbox: Outbox,
    private readonly deadlines: WorkOrderDeadlines,
    private readonly endings: WorkOrderEndings,
  ) {}

  async record(
    manager: EntityManager,
    wo: WorkOrderEntity,
    change: Change,
    trace: Trace = {},
  ): Promise<TimelineEntryEntity> {
    const from = wo.status;
    const to = change.toStatus ?? wo.status;
    if (change.toStatus !== undefined) assertTransition(wo.caseCode, from, to);
    const at = change.at ?? new Date();
    const entry = manager.create(TimelineEntryEntity, {
      workOrderId: wo.id,
      seq: wo.version + 1,
      at,
      action: change.action,
      actorRole: change.actor.role.slice(0, 32),
      actorId: change.actor.id?.slice(0, 64) ?? null,
      platform: change.actor.platform ?? null,
      fromStatus: wo.version === 0 ? null : from,
      toStatus: to,
      note: change.note?.slice(0, 2000) ?? null,
      data: change.data ?? {},
      prevHash: wo.timelineHead,
      hash: '',
    });
    entry.hash = timelineEntryHash(entry);
    await insertEntityRow(manager, TimelineEntryEntity, entry);
    wo.status = to;
    wo.version = entry.seq;
    wo.timelineHead = entry.hash;
    wo.updatedAt = new Date();
    if (to === 'closed' || to === 'cancelled' || to === 'rejected' || to === 'merged') wo.closedAt ??= at;
    await updateEntityRow(manager, WorkOrderEntity, wo); // locked by the caller: no save() SELECT (issue 14)
    if (from !== to && ENDINGS.has(to)) await this.endings.workOrderEnded(manager, wo, change.actor, at);
    // A work order's first entry is written in the transaction that inserts it, before any of its clocks can start
    // (they start on registration, acceptance or a step, all after it): there are none to read (issue 14).
    await this.announce(manager, wo, entry, trace, entry.seq === 1 ? [] : undefined);
    return entry;
  }

  /**
   * Writes WorkOrderChanged, the work order's full current view at `entry` (its newest timeline entry), to the
   * outbox; its deadlines are read unless the caller knows them (`known`).
   */
  async announce(
    manager: EntityManager,
    wo: WorkOrderEntity,
    entry: TimelineEntryEntity,
    trace: Trace = {},
    known?: Deadline[],
  ): Promise<void> {
    const deadlines = known ?? (await this.deadlines.currentDeadlines(manager, wo.id));
    await this.outbox.publish(manager, WorkOrderChanged, workOrderChangedData(wo, deadlines, entry, entry.fromStatus), {
      subject: wo.id,
      causationId: trace.causationId,
      correlationId: trace.correlationId,
    });
  }
}
