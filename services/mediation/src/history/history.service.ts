import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseHistory } from './entities/case-history.entity';

export interface HistoryEntry {
  caseId: string;
  step: string;
  actorId: string;
  detail: string;
  at: Date;
}

/** Appends to the case's history in the caller's transaction; never updates or deletes. */
@Injectable()
export class HistoryService {
  async record(manager: EntityManager, entry: HistoryEntry): Promise<void> {
    await this.recordAll(manager, [entry]);
  }

  /** Several steps in one INSERT (issue 14), numbered in the order given, so they list in that order. */
  async recordAll(manager: EntityManager, entries: HistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.insert(
      CaseHistory,
      entries.map(({ caseId, step, actorId, detail, at }) => ({
        caseId,
        step,
        actorId: actorId.slice(0, 64),
        detail: detail.slice(0, 2000),
        at,
      })),
    );
  }

  async list(manager: EntityManager, caseId: string): Promise<CaseHistory[]> {
    return manager.find(CaseHistory, { where: { caseId }, order: { id: 'ASC' } });
  }
}
