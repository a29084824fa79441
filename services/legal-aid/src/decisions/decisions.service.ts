import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { ConflictError } from '@legal/http';
import { DataSource, EntityManager } from 'typeorm';
import { assertAllowed, nextState } from '../applications/application-state';
import { ApplicationsService } from '../applications/applications.service';
import type { Application } from '../applications/entities/application.entity';
import { AppointmentsService } from '../appointments/appointments.service';
import { DeadlinesService, toContractDeadline } from '../deadlines/deadlines.service';
import { HardshipReview } from '../hardship/entities/hardship-review.entity';
import { exemptProposalFor } from '../hardship/hardship-review.service';
import { assertInJurisdiction } from '../jurisdiction/jurisdiction';
import { HandlerReporter } from '@legal/handler-kit';
import { reportSubject } from '../applications/report-subject';
import type { DecisionCreateDto } from './dto/decision-create.dto';

/** A decision on an application: the state it moves to, why, by whom, when, and what else changes. */
interface Decision {
  to: Application['state'];
  reason: string;
  actor: string;
  now: Date;
  changes: Partial<Application>;
  /** The exempt category (免予经济困难审查) the hardship review rests on, reported with a grant. */
  exemptCategory: string | null;
}

/**
 * The decision to grant or deny aid (within 7 days of receipt). A grant starts the 3-day appointment
 * clock (or confirms a lawyer already provided first); a denial resolves the work order with the reason.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly deadlines: DeadlinesService,
    private readonly appointments: AppointmentsService,
    private readonly reports: HandlerReporter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async decide(applicationId: string, dto: DecisionCreateDto, user: AuthUser): Promise<Application> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lock(manager, applicationId);
      assertInJurisdiction(user, application.regionCode);
      const facts = await this.applications.facts(manager, application);
      assertAllowed('decide', facts);
      const review = await manager.findOneOrFail(HardshipReview, { where: { applicationId } });
      if (dto.decision === 'grant' && review.finalResult === 'ineligible') {
        // The hint: the exempt category the matter shows (法律援助法 第四十二条), which the officer may confirm instead.
        const proposed = review.snapshot.proposedExemption ?? (await exemptProposalFor(manager, application));
        const hint = proposed
          ? ` The matter shows an exempt category: ${proposed.labelZh} (${proposed.code}, ${proposed.legalBasis}; ${proposed.reason});` +
            ' confirm it with POST /applications/{id}/hardship-review/exemption.'
          : '';
        throw new ConflictError(
          'hardship-not-met',
          `The hardship review found the applicant not in economic hardship; an officer must override it with a reason before aid can be granted.${hint}`,
          proposed ? { proposedExemptCategory: proposed } : {},
        );
      }
      const now = new Date();
      await this.deadlines.complete(manager, application.id, 'legal-aid-decision', now);
      const changes = {
        decision: dto.decision,
        decisionReason: dto.reason,
        decidedAt: now,
        decidedBy: user.subject.slice(0, 64),
      };
      const to = nextState('decide', facts, dto.decision);
      const exemptCategory = review.finalResult === 'exempt' ? review.exemptCategoryCode : null;
      const decision: Decision = { to, reason: dto.reason, actor: user.subject, now, changes, exemptCategory };
      if (dto.decision === 'deny') return this.deny(manager, application, decision);
      return this.grant(manager, application, decision);
    });
  }

  private async grant(manager: EntityManager, application: Application, decision: Decision): Promise<Application> {
    const { to, reason, actor, now, changes } = decision;
    const providedFirst = application.state === 'provided-first';
    if (!providedFirst) await this.deadlines.start(manager, application.id, 'lawyer-appointment', now);
    await this.applications.transition(manager, application, {
      to: to,
      action: 'decided',
      actor,
      detail: `grant: ${reason}`,
      changes,
    });
    const clocks = [
      await this.deadlines.find(manager, application.id, 'legal-aid-decision'),
      await this.deadlines.find(manager, application.id, 'lawyer-appointment'),
    ];
    const appointment = clocks[1];
    const detail = providedFirst
      ? `Legal aid granted after review; the lawyer provided first (先行提供) continues. ${reason}`
      : `Legal aid granted; a lawyer will be appointed by ${appointment?.dueAt.toISOString()}. ${reason}`;
    await this.reports.progressed(manager, {
      about: reportSubject(application),
      step: 'aid-granted',
      detail,
      deadlines: clocks.filter((c) => c !== null).map(toContractDeadline),
      details: {
        aidDecision: 'granted',
        ...(decision.exemptCategory ? { exemptCategory: decision.exemptCategory } : {}),
      },
      actorId: actor,
      at: now,
    });
    return application;
  }

  private async deny(manager: EntityManager, application: Application, decision: Decision): Promise<Application> {
    const { to, reason, actor, now, changes } = decision;
    if (application.state === 'provided-first') await this.appointments.end(manager, application.id, 'aid-denied', now);
    await this.applications.transition(manager, application, {
      to: to,
      action: 'decided',
      actor,
      detail: `deny: ${reason}`,
      changes,
    });
    await this.reports.resolved(manager, {
      about: reportSubject(application),
      outcome: 'aid-denied',
      summary: `法律援助申请不予批准 Legal aid denied: ${reason}`,
      details: { aidDecision: 'denied' },
      actorId: actor,
      at: now,
    });
    return application;
  }
}
