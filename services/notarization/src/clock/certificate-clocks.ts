import { Injectable } from '@nestjs/common';
import { CalendarClocks, MovedClock, OpenClock } from '@legal/handler-kit';
import { EntityManager } from 'typeorm';
import { Application } from '../applications/entities/application.entity';
import { HistoryService } from '../history/history.service';
import { certificateDeadline, computeCertificateClock } from './certificate-clock';

/**
 * When this instance learns a loaded calendar year, every running certificate clock whose period crosses
 * a changed day is recomputed from its stored start and pauses (the handler kit's `calendarClocks`);
 * a clock that moved gets a history entry and a Progressed report (step `deadline-recomputed`) with the
 * new deadline, so work-order's copy of the handler clock follows. Paused clocks are recomputed when
 * they resume (resumeClock computes the whole clock again).
 */
@Injectable()
export class CertificateClocks implements CalendarClocks {
  readonly name = 'certificate clocks';

  constructor(private readonly history: HistoryService) {}

  async find(manager: EntityManager): Promise<OpenClock[]> {
    const running = await manager
      .createQueryBuilder(Application, 'a')
      .select(['a.id', 'a.submittedAt', 'a.clockDueAt'])
      .where("a.clockStatus = 'running'")
      .andWhere('a.submittedAt IS NOT NULL AND a.clockDueAt IS NOT NULL')
      .getMany();
    return running.map((a) => ({ id: a.id, startAt: a.submittedAt as Date, dueAt: a.clockDueAt as Date }));
  }

  async recompute(manager: EntityManager, id: string): Promise<MovedClock | null> {
    const app = await manager.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!app || app.clockStatus !== 'running' || !app.submittedAt || !app.clockDueAt) return null;
    const clock = computeCertificateClock(app.submittedAt, app.clockPauses);
    const before = app.clockDueAt;
    if (clock.dueAt.getTime() === before.getTime()) return null;
    Object.assign(app, { clockDueAt: clock.dueAt, clockExplanation: clock.explanation });
    await manager.save(app);
    return {
      what: 'certificate',
      before,
      after: clock.dueAt,
      record: (entry) => this.history.record(manager, { applicationId: app.id, ...entry }),
      report: { about: app, deadlines: [certificateDeadline(clock.dueAt, clock.explanation, 'running')] },
    };
  }
}
