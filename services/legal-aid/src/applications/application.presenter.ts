import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { DataSource } from 'typeorm';
import { AppointmentResponseDto } from '../appointments/dto/appointment-response.dto';
import { Appointment } from '../appointments/entities/appointment.entity';
import { DeadlineResponseDto } from '../deadlines/dto/deadline-response.dto';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { ApplicationDeadline } from '../deadlines/entities/application-deadline.entity';
import { HardshipReviewResponseDto } from '../hardship/dto/hardship-review-response.dto';
import { HardshipReview } from '../hardship/entities/hardship-review.entity';
import { PersonalDataService, RevealPolicy } from '../personal-data/personal-data.service';
import { ApplicationHistoryService } from './application-history.service';
import type { ApplicationDetailDto } from './dto/application-detail.dto';
import type { ApplicationResponseDto } from './dto/application-response.dto';
import type { Application } from './entities/application.entity';

/**
 * Legal-aid officers handle the case and contact the applicant: they see name, phone and address.
 * Everyone else sees them masked. ID-card numbers are always masked in responses.
 */
export function revealPolicyFor(user: AuthUser | undefined): RevealPolicy {
  const officer = user?.roles.includes('legal-aid-officer') ?? false;
  return { name: officer, phone: officer, address: officer, idCard: false };
}

@Injectable()
export class ApplicationPresenter {
  constructor(
    private readonly personal: PersonalDataService,
    private readonly deadlines: DeadlinesService,
    private readonly history: ApplicationHistoryService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async summary(application: Application, user: AuthUser | undefined): Promise<ApplicationResponseDto> {
    const deadlines = await this.deadlines.list(this.dataSource.manager, [application.id]);
    return this.toResponse(application, deadlines, user);
  }

  async summaries(applications: Application[], user: AuthUser): Promise<ApplicationResponseDto[]> {
    const deadlines = await this.deadlines.list(
      this.dataSource.manager,
      applications.map((a) => a.id),
    );
    return applications.map((a) =>
      this.toResponse(
        a,
        deadlines.filter((d) => d.applicationId === a.id),
        user,
      ),
    );
  }

  async detail(application: Application, user: AuthUser): Promise<ApplicationDetailDto> {
    const manager = this.dataSource.manager;
    const [summary, review, appointment, history] = await Promise.all([
      this.summary(application, user),
      manager.findOne(HardshipReview, { where: { applicationId: application.id } }),
      manager.findOne(Appointment, { where: { applicationId: application.id } }),
      this.history.list(manager, application.id),
    ]);
    return {
      ...summary,
      hardshipReview: review ? HardshipReviewResponseDto.of(review) : null,
      appointment: appointment ? AppointmentResponseDto.of(appointment) : null,
      history: history.map((h) => ({
        at: h.at.toISOString(),
        actor: h.actor,
        action: h.action,
        fromState: h.fromState,
        toState: h.toState,
        detail: h.detail,
      })),
    };
  }

  private toResponse(
    a: Application,
    deadlines: ApplicationDeadline[],
    user: AuthUser | undefined,
  ): ApplicationResponseDto {
    return {
      id: a.id,
      caseNumber: a.caseNumber,
      kind: a.kind,
      workOrderId: a.workOrderId,
      caseCode: a.caseCode,
      noticeId: a.noticeId,
      organisationId: a.organisationId,
      regionCode: a.regionCode,
      matterRegionCode: a.matterRegionCode,
      description: a.description,
      expertiseTags: a.expertiseTags,
      urgent: a.urgent,
      legalDeadlineAt: a.legalDeadlineAt?.toISOString() ?? null,
      state: a.state,
      receivedAt: a.receivedAt.toISOString(),
      decision: a.decision,
      decisionReason: a.decisionReason,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      lawyerId: a.lawyerId,
      appointedAt: a.appointedAt?.toISOString() ?? null,
      providedFirst: a.providedFirst,
      appointmentBlockedReason: a.appointmentBlockedReason,
      closureOutcome: a.closureOutcome,
      closureSummary: a.closureSummary,
      closedAt: a.closedAt?.toISOString() ?? null,
      applicant: this.personal.view(a.applicant, revealPolicyFor(user)),
      deadlines: deadlines.map((d) => DeadlineResponseDto.of(d)),
    };
  }
}
