import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { shanghaiDateTimeOf } from '@legal/domain';
import { ConflictError, InvalidInputError, NotFoundError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { toSessionResponse } from '../cases/case-view';
import { CasesService } from '../cases/cases.service';
import { HistoryService } from '../history/history.service';
import { HandlerReporter } from '@legal/handler-kit';
import type { MediationOutcome, ProgressStep } from '../reports/mediation-reports';
import { termDeadline } from '../term/mediation-term';
import { SessionHeldDto } from './dto/session-held.dto';
import { SessionResponseDto } from './dto/session-response.dto';
import { SessionScheduleDto } from './dto/session-schedule.dto';
import { MediationSession } from './entities/mediation-session.entity';

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

/** Sessions with the parties: scheduled on an open case, then held (the case is then in mediation). */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<ProgressStep, MediationOutcome>,
  ) {}

  async schedule(caseId: string, user: AuthUser, dto: SessionScheduleDto): Promise<SessionResponseDto> {
    const scheduledAt = new Date(dto.scheduledAt);
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const c = await this.cases.lockForStep(manager, caseId, user);
      this.cases.assertOpen(c, 'schedule a session');
      if (scheduledAt.getTime() <= now.getTime() || scheduledAt.getTime() > now.getTime() + YEAR_MS) {
        throw new InvalidInputError([
          {
            field: 'scheduledAt',
            messages: ['scheduledAt must be in the future and within a year'],
            codes: ['futureDate'],
          },
        ]);
      }
      const last = await manager.findOne(MediationSession, { where: { caseId }, order: { sequence: 'DESC' } });
      const session = manager.create(MediationSession, {
        id: randomUUID(),
        caseId,
        sequence: (last?.sequence ?? 0) + 1,
        scheduledAt,
        place: dto.place,
        parties: dto.parties.map((p) => ({ name: p.name, role: p.role })),
        status: 'scheduled',
        heldAt: null,
        attendees: null,
        minutes: null,
        scheduledBy: user.subject.slice(0, 64),
      });
      await manager.insert(MediationSession, session);
      if (c.status === 'assigned') {
        c.status = 'scheduled';
        await manager.save(c);
      }
      const roles = dto.parties.map((p) => p.role).join(', ');
      const detail = `Session ${session.sequence} scheduled for ${shanghaiDateTimeOf(scheduledAt)} (Asia/Shanghai) at ${dto.place}, ${dto.parties.length} parties invited (${roles})`;
      await this.history.record(manager, {
        caseId: c.id,
        step: 'session-scheduled',
        actorId: user.subject,
        detail,
        at: now,
      });
      await this.reports.progressed(manager, {
        about: c,
        step: 'session-scheduled',
        detail,
        deadlines: [termDeadline({ dueAt: c.termDueAt, explanation: c.termExplanation })],
        actorId: user.subject,
        at: now,
      });
      return toSessionResponse(session);
    });
  }

  async hold(caseId: string, sessionId: string, user: AuthUser, dto: SessionHeldDto): Promise<SessionResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const c = await this.cases.lockForStep(manager, caseId, user);
      this.cases.assertOpen(c, 'hold a session');
      const session = await manager.findOneBy(MediationSession, { id: sessionId, caseId });
      if (!session) throw new NotFoundError('Session', sessionId);
      if (session.status !== 'scheduled')
        throw new ConflictError(
          'session-not-scheduled',
          `Session ${session.sequence} is ${session.status}, not scheduled`,
        );
      const heldAt = dto.heldAt ? new Date(dto.heldAt) : now;
      if (heldAt.getTime() > now.getTime() || heldAt.getTime() < c.acceptedAt.getTime()) {
        throw new InvalidInputError([
          {
            field: 'heldAt',
            messages: ['heldAt must be between the acceptance of the case and now'],
            codes: ['dateRange'],
          },
        ]);
      }
      Object.assign(session, {
        status: 'held',
        heldAt,
        attendees: dto.attendees.map((p) => ({ name: p.name, role: p.role })),
        minutes: dto.minutes,
      });
      await manager.save(session);
      c.status = 'in-mediation';
      await manager.save(c);
      const detail = `Session ${session.sequence} held on ${shanghaiDateTimeOf(heldAt)} (Asia/Shanghai), ${dto.attendees.length} attended`;
      await this.history.record(manager, {
        caseId: c.id,
        step: 'session-held',
        actorId: user.subject,
        detail,
        at: now,
      });
      await this.reports.progressed(manager, {
        about: c,
        step: 'session-held',
        detail,
        deadlines: [termDeadline({ dueAt: c.termDueAt, explanation: c.termExplanation })],
        actorId: user.subject,
        at: now,
      });
      return toSessionResponse(session);
    });
  }
}
