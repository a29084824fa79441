import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@legal/http';
import { shanghaiDateOf } from '@legal/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { ApplicationDeadline } from '../deadlines/entities/application-deadline.entity';
import { ProtectedPerson } from '../personal-data/protected-person.embedded';
import { ApplicationHistoryService } from './application-history.service';
import type { ApplicationKind, ApplicationState, WorkflowFacts } from './application-state';
import { Application } from './entities/application.entity';
import { HardshipReview } from '../hardship/entities/hardship-review.entity';
import { isUrgent } from './urgency';

export interface OpenApplication {
  kind: ApplicationKind;
  workOrderId: string | null;
  offerId: string | null;
  noticeId: string | null;
  caseCode: string | null;
  organisationId: string | null;
  organisationName: string | null;
  regionCode: string;
  matterRegionCode: string;
  description: string;
  expertiseTags: string[];
  legalDeadlineAt: Date | null;
  applicant: ProtectedPerson;
  receivedAt: Date;
  state: ApplicationState;
  sourceEventId: string | null;
  actor: string;
  detail: string;
}

/** A workflow step: the state it moves to, the timeline's action, who, why, and what else changes. */
export interface Transition {
  to: ApplicationState;
  action: string;
  actor: string;
  detail: string;
  changes?: Partial<Application>;
}

/** Opens applications and loads them for workflow steps (row-locked, in the caller's transaction). */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly history: ApplicationHistoryService,
  ) {}

  /**
   * Registers an application and starts its statutory clock: the 7-day decision for a work order,
   * the 3-day appointment for a notified-defence notice (no review: the notice obliges appointment).
   */
  async open(manager: EntityManager, input: OpenApplication): Promise<Application> {
    return (await this.openWithClock(manager, input)).application;
  }

  /** `open`, also giving the clock it started (so a caller reporting it need not read it back, issue 14). */
  async openWithClock(
    manager: EntityManager,
    input: OpenApplication,
  ): Promise<{ application: Application; clock: ApplicationDeadline }> {
    const application = manager.create(Application, {
      id: randomUUID(),
      caseNumber: await this.nextCaseNumber(manager, input.receivedAt),
      kind: input.kind,
      workOrderId: input.workOrderId,
      offerId: input.offerId,
      noticeId: input.noticeId,
      caseCode: input.caseCode,
      organisationId: input.organisationId,
      organisationName: input.organisationName,
      regionCode: input.regionCode,
      matterRegionCode: input.matterRegionCode,
      description: input.description,
      expertiseTags: [...new Set(input.expertiseTags)],
      legalDeadlineAt: input.legalDeadlineAt,
      urgent: input.kind === 'work-order' && isUrgent(input.receivedAt, input.legalDeadlineAt),
      applicant: input.applicant,
      state: input.state,
      receivedAt: input.receivedAt,
      decision: null,
      decisionReason: null,
      decidedAt: null,
      decidedBy: null,
      lawyerId: null,
      appointedAt: null,
      providedFirst: false,
      appointmentBlockedReason: null,
      closureOutcome: null,
      closureSummary: null,
      closedAt: null,
      closedBy: null,
      stateBeforeMaterials: null,
      sourceEventId: input.sourceEventId,
    });
    await manager.insert(Application, application);
    const clockKind = input.kind === 'work-order' ? 'legal-aid-decision' : 'lawyer-appointment';
    const clock = await this.deadlines.start(manager, application.id, clockKind, input.receivedAt);
    await this.history.record(manager, {
      applicationId: application.id,
      at: new Date(),
      actor: input.actor,
      action: 'registered',
      toState: input.state,
      detail: `${input.detail}${application.urgent ? '; legal deadline within 7 days: aid is provided first (先行提供)' : ''}`,
    });
    return { application, clock };
  }

  /** The application, locked for this transaction (other instances wait or skip). */
  async lock(manager: EntityManager, id: string): Promise<Application> {
    const application = await manager.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!application) throw new NotFoundError('Application', id);
    return application;
  }

  async facts(manager: EntityManager, application: Application): Promise<WorkflowFacts> {
    const reviewed = (await manager.count(HardshipReview, { where: { applicationId: application.id } })) > 0;
    return {
      state: application.state,
      urgent: application.urgent,
      decision: application.decision,
      lawyerId: application.lawyerId,
      reviewed,
    };
  }

  /** Moves the application to `to` and appends the step to its timeline. */
  async transition(manager: EntityManager, application: Application, step: Transition): Promise<Application> {
    const { to, action, actor, detail, changes = {} } = step;
    const from = application.state;
    Object.assign(application, changes, { state: to });
    await manager.save(application);
    await this.history.record(manager, {
      applicationId: application.id,
      at: new Date(),
      actor,
      action,
      fromState: from,
      toState: to,
      detail,
    });
    return application;
  }

  private async nextCaseNumber(manager: EntityManager, receivedAt: Date): Promise<string> {
    const schema = (manager.connection.options as { schema?: string }).schema ?? 'public';
    const rows: { n: string }[] = await manager.query(
      `SELECT nextval('"${schema}"."application_case_seq"')::text AS n`,
    );
    const n = rows[0]?.n ?? '0';
    return `LA-${shanghaiDateOf(receivedAt).slice(0, 4)}-${n.padStart(6, '0')}`;
  }
}
