import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EntrustmentHistory } from './entities/entrustment-history.entity';

export interface HistoryEntry {
  entrustmentId: string;
  step: string;
  actorId: string;
  detail: string;
  at: Date;
}

/** Appends to an entrustment's history in the caller's transaction; never updates or deletes. */
@Injectable()
export class HistoryService {
  async record(manager: EntityManager, entry: HistoryEntry): Promise<void> {
    await manager.insert(EntrustmentHistory, {
      ...entry,
      actorId: entry.actorId.slice(0, 64),
      detail: entry.detail.slice(0, 2000),
    });
  }

  async list(manager: EntityManager, entrustmentId: string): Promise<EntrustmentHistory[]> {
    return manager.find(EntrustmentHistory, { where: { entrustmentId }, order: { id: 'ASC' } });
  }
}
