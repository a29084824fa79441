import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationHistory } from './entities/application-history.entity';

export interface HistoryEntry {
  applicationId: string;
  step: string;
  actorId: string;
  detail: string;
  at: Date;
}

/** Appends to the application's history in the caller's transaction; never updates or deletes. */
@Injectable()
export class HistoryService {
  async record(manager: EntityManager, entry: HistoryEntry): Promise<void> {
    const { applicationId, step, actorId, detail, at } = entry;
    await manager.insert(ApplicationHistory, {
      applicationId,
      step,
      actorId: actorId.slice(0, 64),
      detail: detail.slice(0, 2000),
      at,
    });
  }

  async list(manager: EntityManager, applicationId: string): Promise<ApplicationHistory[]> {
    return manager.find(ApplicationHistory, { where: { applicationId }, order: { id: 'ASC' } });
  }
}
