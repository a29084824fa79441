import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationHistory } from './entities/application-history.entity';

export interface HistoryEntry {
  applicationId: string;
  at: Date;
  actor: string;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  /** No personal data here: the timeline is shown to supervisors and kept for audit. */
  detail: string;
}

/** Appends to an application's timeline in the caller's transaction; never updates or deletes. */
@Injectable()
export class ApplicationHistoryService {
  async record(manager: EntityManager, entry: HistoryEntry): Promise<void> {
    await manager.insert(ApplicationHistory, {
      applicationId: entry.applicationId,
      at: entry.at,
      actor: entry.actor.slice(0, 64),
      action: entry.action,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      detail: entry.detail.slice(0, 2000),
    });
  }

  async list(manager: EntityManager, applicationId: string): Promise<ApplicationHistory[]> {
    return manager.find(ApplicationHistory, { where: { applicationId }, order: { id: 'ASC' } });
  }
}
