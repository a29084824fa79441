import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@legal/auth';
import {
  Accepted,
  CapacityCheck,
  HandlerDomain,
  HandlerKitOptions,
  HandlerReporter,
  Offer,
  OpenRequest,
  Opening,
  isOfferForDirectIntake,
  unsealApplicant,
} from '@legal/handler-kit';
import { PiiProtector } from '@legal/privacy';
import { EntityManager, IsNull } from 'typeorm';
import { ApplicationPresenter } from '../applications/application.presenter';
import { ApplicationsModule } from '../applications/applications.module';
import { ApplicationsService } from '../applications/applications.service';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { Application as ApplicationEntity } from '../applications/entities/application.entity';
import type { Application } from '../applications/entities/application.entity';
import { CapacityModule } from '../capacity/capacity.module';
import { CapacityService } from '../capacity/capacity.service';
import { LegalAidEnv } from '../config/legal-aid.env';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import type { ApplicationDeadline } from '../deadlines/entities/application-deadline.entity';
import { DeadlinesService, toContractDeadline } from '../deadlines/deadlines.service';
import { LegalAidClocks } from '../deadlines/legal-clocks';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { PersonalDataService } from '../personal-data/personal-data.service';
import { legalAidOfferView } from './offer-view';

export const AUTO_ACCEPT_ACTOR = 'system:auto-accept';

/** Expertise a catalogue service type implies for choosing the lawyer. */
const SERVICE_TYPE_EXPERTISE: Record<string, string[]> = {
  'notified-defence': ['criminal-defence'],
  'duty-lawyer': ['criminal-defence'],
};

/**
 * What accepting an offer means in legal aid: the application is registered and its 7-day decision
 * clock starts (an urgent one gets a lawyer first). Automatic acceptance respects the organisation's
 * capacity, and an organisation at capacity rejects at once (`no-capacity`) so the router moves on.
 */
@Injectable()
export class LegalAidOffers implements HandlerDomain<Application> {
  constructor(
    private readonly pii: PiiProtector,
    private readonly personal: PersonalDataService,
    private readonly applications: ApplicationsService,
    private readonly presenter: ApplicationPresenter,
    private readonly deadlines: DeadlinesService,
    private readonly capacityService: CapacityService,
    private readonly reports: HandlerReporter,
  ) {}

  /**
   * The decision clock `open` just started, per application it opened, for `afterAccepted` in the same
   * transaction: the report gives its due date without reading the clock back (issue 14). A linked notice's
   * application is not here; its clock is read as before.
   */
  private readonly decisionClocks = new WeakMap<Application, ApplicationDeadline>();

  async capacity(manager: EntityManager, offer: Offer): Promise<CapacityCheck> {
    const c = await this.capacityService.check(manager, offer.organisationId);
    const reason = `${offer.organisationName} has ${c.open} open legal-aid applications (limit ${c.limit})`;
    return { hasCapacity: c.hasCapacity, reason };
  }

  async open(manager: EntityManager, request: OpenRequest<unknown>): Promise<Opening<Application>> {
    const { offer, actorId, now } = request;
    const fromNotice = await this.noticeApplication(manager, offer);
    if (fromNotice) return this.linkNotice(manager, { application: fromNotice, offer, actorId });
    const { application, clock } = await this.applications.openWithClock(manager, {
      kind: 'work-order',
      workOrderId: offer.workOrderId,
      offerId: offer.id,
      noticeId: null,
      caseCode: offer.caseCode,
      organisationId: offer.organisationId,
      organisationName: offer.organisationName,
      regionCode: offer.organisationRegionCode,
      matterRegionCode: offer.regionCode,
      description: offer.description,
      expertiseTags: SERVICE_TYPE_EXPERTISE[offer.serviceType] ?? [],
      legalDeadlineAt: offer.legalDeadlineAt,
      applicant: this.personal.protect(unsealApplicant(this.pii, offer.applicantSealed)),
      receivedAt: now,
      state: 'received',
      sourceEventId: offer.dispatchEventId,
      actor: actorId,
      detail: `Offer ${offer.id} (attempt ${offer.attempt}) of work order ${offer.caseCode} accepted`,
    });
    this.decisionClocks.set(application, clock);
    const subject = { workOrderId: offer.workOrderId, id: application.id, handlerCaseId: application.caseNumber };
    return { opened: application, subject };
  }

  /**
   * The application a notified-defence notice opened for this offer's work order: the notice was that
   * work order's intake, whose id is the notice id (workOrderIdForIntake). Already linked on a repeated
   * offer (another centre after a rejection), else among the notices of the area not linked yet.
   */
  private async noticeApplication(manager: EntityManager, offer: Offer): Promise<Application | null> {
    if (offer.serviceType !== 'notified-defence') return null;
    const kind = 'notified-defence';
    const linked = await manager.findOne(ApplicationEntity, { where: { kind, workOrderId: offer.workOrderId } });
    if (linked) return linked;
    const unlinked = await manager.find(ApplicationEntity, {
      where: { kind, workOrderId: IsNull(), matterRegionCode: offer.regionCode },
    });
    return unlinked.find((a) => a.noticeId !== null && isOfferForDirectIntake(offer, a.noticeId)) ?? null;
  }

  /**
   * One notice, one matter: the offer of the work order the notice created is accepted into the
   * application the notice already opened (granted, with its 3-day appointment clock), not a second one.
   */
  private async linkNotice(
    manager: EntityManager,
    link: { application: Application; offer: Offer; actorId: string },
  ): Promise<Opening<Application>> {
    const { offer } = link;
    // Lock and re-read: the workflow sweeper may appoint the notice's lawyer concurrently (it locks the row too).
    // Linking a stale copy would write its empty appointment back and hide the appointment from afterAccepted.
    const application = await manager.findOneOrFail(ApplicationEntity, {
      where: { id: link.application.id },
      lock: { mode: 'pessimistic_write' },
    });
    const linkColumns = {
      workOrderId: offer.workOrderId,
      offerId: offer.id,
      caseCode: offer.caseCode,
      organisationId: offer.organisationId,
      organisationName: offer.organisationName,
    };
    await manager.update(ApplicationEntity, { id: application.id }, linkColumns);
    Object.assign(application, linkColumns);
    const subject = { workOrderId: offer.workOrderId, id: application.id, handlerCaseId: application.caseNumber };
    return { opened: application, subject };
  }

  async afterAccepted(manager: EntityManager, accepted: Accepted<Application>): Promise<void> {
    const { matter: application, subject, actorId, now } = accepted;
    const decision =
      this.decisionClocks.get(application) ??
      (await this.deadlines.find(manager, application.id, 'legal-aid-decision'));
    const urgentNote = application.urgent
      ? '; legal deadline within 7 days: a lawyer is provided first and the review follows (先行提供)'
      : '';
    await this.reports.progressed(manager, {
      about: subject,
      step: 'application-registered',
      detail:
        `Legal-aid application ${application.caseNumber} registered; ` +
        `decision due ${decision?.dueAt.toISOString() ?? 'n/a'}${urgentNote}`,
      deadlines: decision ? [toContractDeadline(decision)] : [],
      actorId,
      at: now,
    });
    // A notice's lawyer may be appointed before its work order's offer arrived: tell work-order now.
    if (application.kind === 'notified-defence' && application.appointedAt) {
      const clock = await this.deadlines.find(manager, application.id, 'lawyer-appointment');
      await this.reports.progressed(manager, {
        about: subject,
        step: 'lawyer-appointed',
        detail: `Defence lawyer appointed ${application.appointedAt.toISOString()} for the notice`,
        deadlines: clock ? [toContractDeadline(clock)] : [],
        actorId,
        at: application.appointedAt,
      });
    }
  }

  present(_manager: EntityManager, application: Application, user: AuthUser): Promise<ApplicationResponseDto> {
    return this.presenter.summary(application, user);
  }
}

/** Legal aid on the handler kit: its offers, dispatch consumer and reports. */
export const legalAidHandler: HandlerKitOptions = {
  handler: 'legal-aid',
  imports: [ApplicationsModule, CapacityModule, DeadlinesModule, PersonalDataModule],
  domain: LegalAidOffers,
  calendarClocks: LegalAidClocks,
  settings: {
    inject: [LegalAidEnv],
    useFactory: (env: LegalAidEnv) => ({
      autoAccept: env.AUTO_ACCEPT_OFFERS,
      whenAutoAcceptRefused: 'reject' as const,
      automaticActor: AUTO_ACCEPT_ACTOR,
      sweepIntervalMs: env.SWEEPER_INTERVAL_MS,
    }),
  },
  api: {
    roles: { read: ['legal-aid-officer', 'supervisor', 'admin'], decide: ['legal-aid-officer'] },
    summaries: {
      list: 'Offers to the organisations in your jurisdiction, newest first',
      accept:
        'Accept an open offer: opens the legal-aid application and starts the 7-day decision clock ' +
        '(409 when withdrawn, expired or decided)',
    },
    offerView: legalAidOfferView,
  },
};
