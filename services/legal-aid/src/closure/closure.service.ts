import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { addCalendarDaysLegal } from '@legal/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { assertAllowed, nextState } from '../applications/application-state';
import { ApplicationsService } from '../applications/applications.service';
import type { Application } from '../applications/entities/application.entity';
import { AppointmentsService } from '../appointments/appointments.service';
import { LegalAidEnv } from '../config/legal-aid.env';
import { assertInJurisdiction } from '../jurisdiction/jurisdiction';
import { HandlerReporter } from '@legal/handler-kit';
import { reportSubject } from '../applications/report-subject';
import { ReturnVisit } from '../return-visits/entities/return-visit.entity';
import type { ClosureCreateDto } from './dto/closure-create.dto';

/** Closing a case with its outcome: the lawyer is released and a return visit (回访) to the aided person is due. */
@Injectable()
export class ClosureService {
  constructor(
    private readonly env: LegalAidEnv,
    private readonly applications: ApplicationsService,
    private readonly appointments: AppointmentsService,
    private readonly reports: HandlerReporter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async close(
    applicationId: string,
    dto: ClosureCreateDto,
    user: AuthUser,
  ): Promise<{ application: Application; returnVisit: ReturnVisit }> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lock(manager, applicationId);
      assertInJurisdiction(user, application.regionCode);
      const facts = await this.applications.facts(manager, application);
      assertAllowed('close', facts);
      const now = new Date();
      await this.appointments.end(manager, application.id, 'case-closed', now);
      await this.applications.transition(manager, application, {
        to: nextState('close', facts),
        action: 'closed',
        actor: user.subject,
        detail: `${dto.outcome}: ${dto.summary}`,
        changes: {
          closureOutcome: dto.outcome,
          closureSummary: dto.summary,
          closedAt: now,
          closedBy: user.subject.slice(0, 64),
        },
      });
      const due = addCalendarDaysLegal(now, this.env.RETURN_VISIT_DUE_DAYS);
      const returnVisit = manager.create(ReturnVisit, {
        id: randomUUID(),
        applicationId: application.id,
        regionCode: application.regionCode,
        dueAt: due.dueAt,
        status: 'open',
        reached: null,
        satisfaction: null,
        notes: null,
        completedAt: null,
        completedBy: null,
      });
      await manager.insert(ReturnVisit, returnVisit);
      await this.reports.resolved(manager, {
        about: reportSubject(application),
        outcome: 'case-closed',
        summary: `${dto.outcome}: ${dto.summary}`,
        actorId: user.subject,
        at: now,
      });
      return { application, returnVisit };
    });
  }
}
