import type { EntityManager } from 'typeorm';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { TimelineEntryEntity } from '../work-orders/entities/timeline-entry.entity';
import { ChainVerification, verifyTimelineChain } from './timeline-verifier';

export interface TimelineReport extends ChainVerification {
  caseCode: string;
  workOrderId: string;
  checkedAt: string;
}

/** Verifies the stored chain of one work order (used by the endpoint and by the command-line verifier). */
export async function verifyWorkOrderTimeline(manager: EntityManager, wo: WorkOrderEntity): Promise<TimelineReport> {
  const entries = await manager.find(TimelineEntryEntity, { where: { workOrderId: wo.id }, order: { seq: 'ASC' } });
  return {
    caseCode: wo.caseCode,
    workOrderId: wo.id,
    checkedAt: new Date().toISOString(),
    ...verifyTimelineChain(entries, wo.timelineHead, wo.version),
  };
}
