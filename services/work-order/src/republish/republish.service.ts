import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan, MoreThanOrEqual } from 'typeorm';
import { TimelineEntryEntity } from '../work-orders/entities/timeline-entry.entity';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';

export interface RepublishRequest {
  afterId?: string;
  updatedSince?: Date;
  limit: number;
}

/** Work orders handled per transaction: each batch's events commit together. */
const BATCH = 200;

/**
 * Rebuilds the platforms' read models (and partners' copies) after a broker lost its data or a
 * platform database was restored: writes each work order's current full view as WorkOrderChanged
 * to the outbox, at its current version, so consumers that already have it skip it. Resumable: one
 * page per call, in id order.
 */
@Injectable()
export class RepublishService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: WorkOrderRecorder,
  ) {}

  async republish(request: RepublishRequest): Promise<{ republished: number; nextAfterId: string | null }> {
    let afterId = request.afterId;
    let republished = 0;
    while (republished < request.limit) {
      const take = Math.min(BATCH, request.limit - republished);
      const count = await this.dataSource.transaction(async (manager) => {
        const batch = await manager.find(WorkOrderEntity, {
          where: {
            ...(afterId ? { id: MoreThan(afterId) } : {}),
            ...(request.updatedSince ? { updatedAt: MoreThanOrEqual(request.updatedSince) } : {}),
          },
          order: { id: 'ASC' },
          take,
        });
        for (const wo of batch) await this.publishCurrent(manager, wo);
        if (batch.length > 0) afterId = batch[batch.length - 1]?.id;
        return batch.length;
      });
      republished += count;
      if (count < take) return { republished, nextAfterId: null };
    }
    return { republished, nextAfterId: afterId ?? null };
  }

  private async publishCurrent(manager: EntityManager, wo: WorkOrderEntity): Promise<void> {
    const entry = await manager.findOne(TimelineEntryEntity, { where: { workOrderId: wo.id, seq: wo.version } });
    // Every version has its timeline entry (the recorder writes both); a work order without one was never recorded.
    if (entry) await this.recorder.announce(manager, wo, entry);
  }
}
