import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { DataSource } from 'typeorm';
import { ApplicationsService } from '../applications/applications.service';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { OPEN_APPLICATION_STATUSES } from '../applications/entities/application.entity';
import { certificateDeadline } from '../clock/certificate-clock';
import { HistoryService } from '../history/history.service';
import { HandlerReporter } from '@legal/handler-kit';
import type { NotarizationOutcome, ProgressStep } from '../reports/notarization-reports';
import { RefusalDto } from './dto/refusal.dto';

/** A notary takes up a complete application for review, or refuses the notarization with a reason. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<ProgressStep, NotarizationOutcome>,
  ) {}

  async start(id: string, user: AuthUser): Promise<ApplicationResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const app = await this.applications.lockForStep(manager, id, user, 'start the review', ['accepted']);
      if (!app.clockDueAt || !app.clockExplanation) throw new Error(`application ${id} is accepted without a clock`);
      Object.assign(app, { status: 'under-review', reviewerId: user.subject.slice(0, 64), reviewStartedAt: now });
      await manager.save(app);
      const detail = `Under review by notary ${user.subject}; certificate due ${app.clockDueAt.toISOString()}`;
      await this.history.record(manager, {
        applicationId: app.id,
        step: 'under-review',
        actorId: user.subject,
        detail,
        at: now,
      });
      await this.reports.progressed(manager, {
        about: app,
        step: 'under-review',
        detail,
        deadlines: [certificateDeadline(app.clockDueAt, app.clockExplanation, 'running')],
        actorId: user.subject,
        at: now,
      });
      return this.applications.view(manager, app, user);
    });
  }

  async refuse(id: string, user: AuthUser, dto: RefusalDto): Promise<ApplicationResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const app = await this.applications.lockForStep(
        manager,
        id,
        user,
        'refuse the notarization',
        OPEN_APPLICATION_STATUSES,
      );
      Object.assign(app, {
        status: 'refused',
        refusalReason: dto.reason,
        clockStatus: app.clockStatus === 'not-started' ? 'not-started' : 'cancelled',
        clockPausedAt: null,
        closedAt: now,
        closedBy: user.subject.slice(0, 64),
      });
      await manager.save(app);
      const summary = `Notarization refused${app.matterName ? ` (${app.matterName})` : ''}: ${dto.reason}`;
      await this.history.record(manager, {
        applicationId: app.id,
        step: 'refused',
        actorId: user.subject,
        detail: summary,
        at: now,
      });
      await this.reports.resolved(manager, {
        about: app,
        outcome: 'refused',
        summary: summary,
        actorId: user.subject,
        at: now,
      });
      return this.applications.view(manager, app, user);
    });
  }
}
