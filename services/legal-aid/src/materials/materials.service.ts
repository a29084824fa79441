import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { DataSource } from 'typeorm';
import { assertAllowed, nextState } from '../applications/application-state';
import { ApplicationsService } from '../applications/applications.service';
import type { Application } from '../applications/entities/application.entity';
import { DeadlinesService, toContractDeadline } from '../deadlines/deadlines.service';
import { assertInJurisdiction } from '../jurisdiction/jurisdiction';
import { HandlerReporter } from '@legal/handler-kit';
import { reportSubject } from '../applications/report-subject';
import type { MaterialsReceivedDto } from './dto/materials-received.dto';
import type { MaterialsRequestDto } from './dto/materials-request.dto';

/**
 * Missing materials: every item in one notice (一次性告知), the 7-day decision clock paused until they
 * arrive, then resumed with the due date moved by the days it stood still.
 */
@Injectable()
export class MaterialsService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly deadlines: DeadlinesService,
    private readonly reports: HandlerReporter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async request(applicationId: string, dto: MaterialsRequestDto, user: AuthUser): Promise<Application> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lock(manager, applicationId);
      assertInJurisdiction(user, application.regionCode);
      const facts = await this.applications.facts(manager, application);
      assertAllowed('request-materials', facts);
      const now = new Date();
      await this.deadlines.pause(manager, application.id, 'legal-aid-decision', now);
      const labels = dto.items.map((i) => i.label).join(', ');
      await this.applications.transition(manager, application, {
        to: nextState('request-materials', facts),
        action: 'materials-requested',
        actor: user.subject,
        detail: `Missing: ${labels}; decision clock paused`,
        changes: {
          stateBeforeMaterials: application.state,
        },
      });
      await this.reports.needsInfo(manager, {
        about: reportSubject(application),
        items: dto.items,
        notice: dto.notice,
        actorId: user.subject,
        at: now,
      });
      return application;
    });
  }

  async received(applicationId: string, dto: MaterialsReceivedDto, user: AuthUser): Promise<Application> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lock(manager, applicationId);
      assertInJurisdiction(user, application.regionCode);
      assertAllowed('receive-materials', await this.applications.facts(manager, application));
      const now = new Date();
      const clock = await this.deadlines.resume(manager, application.id, 'legal-aid-decision', now);
      const back = application.stateBeforeMaterials ?? 'received';
      await this.applications.transition(manager, application, {
        to: back,
        action: 'materials-received',
        actor: user.subject,
        detail: `Received: ${dto.items.join(', ')}; decision clock resumed`,
        changes: { stateBeforeMaterials: null },
      });
      const subject = reportSubject(application);
      await this.reports.infoReceived(manager, {
        about: subject,
        receivedItems: dto.items,
        actorId: user.subject,
        at: now,
      });
      if (clock) {
        await this.reports.progressed(manager, {
          about: subject,
          step: 'decision-clock-resumed',
          detail: `Materials received; decision now due ${clock.dueAt.toISOString()}`,
          deadlines: [toContractDeadline(clock)],
          actorId: user.subject,
          at: now,
        });
      }
      return application;
    });
  }
}
