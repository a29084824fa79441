import { Injectable } from '@nestjs/common';
import type { Deadline } from '@legal/contracts';
import { CalendarClocks, MovedClock, OpenClock } from '@legal/handler-kit';
import { EntityManager, In } from 'typeorm';
import { Entrustment } from '../entrustments/entities/entrustment.entity';
import { acceptanceDeadline, acceptancePeriod } from '../entrustments/entrustment-rules';
import { HistoryService } from '../history/history.service';
import { computeAppraisalTerm, termDeadline } from './appraisal-term';

/** The clock an open entrustment runs: the acceptance decision while received, the term once accepted. */
export interface RecomputedClock {
  what: string;
  dueAt: Date;
  explanation: string;
  deadline: Deadline;
}

/**
 * The open clock of an entrustment computed again from its stored inputs (never by shifting the old due
 * date): while `received`, the acceptance-decision period from the receipt, letter and complexity; once
 * `accepted`, the 30-working-day term from the agreement with its finished pauses and extension (a paused
 * term keeps the due date that held when the pause began). Null when no clock runs.
 */
export function openAppraisalClock(
  e: Pick<
    Entrustment,
    'status' | 'receivedAt' | 'byLetter' | 'complexity' | 'agreedAcceptanceWorkingDays' | 'agreementAt' | 'termPauses'
  > &
    Pick<Entrustment, 'termExtension'>,
): RecomputedClock | null {
  if (e.status === 'received') {
    const period = acceptancePeriod({
      receivedAt: e.receivedAt,
      byLetter: e.byLetter,
      complexity: e.complexity,
      agreedAcceptanceWorkingDays: e.agreedAcceptanceWorkingDays ?? undefined,
    });
    return {
      what: 'acceptance decision',
      dueAt: period.dueAt,
      explanation: period.explanation,
      deadline: acceptanceDeadline(period),
    };
  }
  if (e.status === 'accepted' && e.agreementAt) {
    const term = computeAppraisalTerm({ agreementAt: e.agreementAt, pauses: e.termPauses, extension: e.termExtension });
    return { what: 'appraisal term', dueAt: term.dueAt, explanation: term.explanation, deadline: termDeadline(term) };
  }
  return null;
}

/**
 * Judicial appraisal follows a loaded calendar year (the handler kit's `calendarClocks`): each open
 * acceptance period or appraisal term crossing a changed day is computed again; one that moved is stored,
 * gets a history entry and a Progressed `deadline-recomputed` report with the new deadline for work-order.
 */
@Injectable()
export class AppraisalClocks implements CalendarClocks {
  readonly name = 'appraisal clocks';

  constructor(private readonly history: HistoryService) {}

  async find(manager: EntityManager): Promise<OpenClock[]> {
    const open = await manager.find(Entrustment, {
      select: {
        id: true,
        status: true,
        receivedAt: true,
        acceptanceDueAt: true,
        agreementAt: true,
        termDueAt: true,
      },
      where: { status: In(['received', 'accepted']) },
    });
    return open.flatMap((e): OpenClock[] => {
      if (e.status === 'received') return [{ id: e.id, startAt: e.receivedAt, dueAt: e.acceptanceDueAt }];
      if (e.agreementAt && e.termDueAt) return [{ id: e.id, startAt: e.agreementAt, dueAt: e.termDueAt }];
      return [];
    });
  }

  async recompute(manager: EntityManager, id: string): Promise<MovedClock | null> {
    const e = await manager.findOne(Entrustment, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!e) return null;
    const clock = openAppraisalClock(e);
    if (!clock) return null;
    const before = e.status === 'received' ? e.acceptanceDueAt : e.termDueAt;
    if (!before || clock.dueAt.getTime() === before.getTime()) return null;
    if (e.status === 'received') {
      Object.assign(e, { acceptanceDueAt: clock.dueAt, acceptanceExplanation: clock.explanation });
    } else {
      Object.assign(e, { termDueAt: clock.dueAt, termExplanation: clock.explanation });
    }
    await manager.save(e);
    return {
      what: clock.what,
      before,
      after: clock.dueAt,
      record: (entry) => this.history.record(manager, { entrustmentId: e.id, ...entry }),
      report: { about: e, deadlines: [clock.deadline] },
    };
  }
}
