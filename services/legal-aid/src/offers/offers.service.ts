import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OfferWithdrawn, WorkOrderDispatched } from '@legal/contracts';
import type { Static } from '@sinclair/typebox';
import { AuthUser } from '@legal/auth';
import { ConflictError, NotFoundError } from '@legal/http';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationsService } from '../applications/applications.service';
import type { Application } from '../applications/entities/application.entity';
import { CapacityService } from '../capacity/capacity.service';
import { LegalAidEnv } from '../config/legal-aid.env';
import { DeadlinesService, toContractDeadline } from '../deadlines/deadlines.service';
import { assertInJurisdiction } from '../jurisdiction/jurisdiction';
import { PersonalDataService } from '../personal-data/personal-data.service';
import { HandlerReportsService, OfferRejectionCode } from '../reports/handler-reports.service';
import { Offer } from './entities/offer.entity';

/** Payloads (EventData<> cannot take a concrete definition: EventDefinition is invariant in its schema). */
export type DispatchedData = Static<(typeof WorkOrderDispatched)['schema']>;
export type WithdrawnData = Static<(typeof OfferWithdrawn)['schema']>;

export const AUTO_ACCEPT_ACTOR = 'system:auto-accept';

/** Expertise a catalogue service type implies for choosing the lawyer. */
const SERVICE_TYPE_EXPERTISE: Record<string, string[]> = {
  'notified-defence': ['criminal-defence'],
  'duty-lawyer': ['criminal-defence'],
};

/** Offers of work orders: recorded once, accepted or rejected by staff or automatically, withdrawn by the router. */
@Injectable()
export class OffersService {
  private readonly logger = new Logger(OffersService.name);

  constructor(
    private readonly env: LegalAidEnv,
    private readonly personal: PersonalDataService,
    private readonly applications: ApplicationsService,
    private readonly deadlines: DeadlinesService,
    private readonly capacity: CapacityService,
    private readonly reports: HandlerReportsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Records an offer for handler legal-aid (others are ignored); a redelivered offer changes nothing. */
  async receive(manager: EntityManager, data: DispatchedData, eventId: string): Promise<void> {
    if (data.handler !== 'legal-aid') return;
    const offer = manager.create(Offer, {
      id: data.offerId,
      workOrderId: data.workOrderId,
      caseCode: data.caseCode,
      organisationId: data.organisationId,
      organisationName: data.organisationName,
      organisationRegionCode: data.organisationRegionCode,
      regionCode: data.regionCode,
      serviceType: data.serviceType,
      description: data.description,
      urgency: data.urgency,
      vulnerableGroup: data.vulnerableGroup,
      legalDeadlineAt: data.legalDeadlineAt ? new Date(data.legalDeadlineAt) : null,
      applicant: this.personal.protect(data.applicant),
      originPlatform: data.originPlatform,
      receivedAt: new Date(data.receivedAt),
      offeredAt: new Date(data.offeredAt),
      expiresAt: new Date(data.expiresAt),
      attempt: data.attempt,
      status: 'open',
      outcomeCode: null,
      outcomeReason: null,
      decidedBy: null,
      decidedAt: null,
      applicationId: null,
      eventId: eventId.slice(0, 100),
    });
    const inserted = await manager.createQueryBuilder().insert().into(Offer).values(offer).orIgnore().returning(['id']).execute();
    if ((inserted.raw as unknown[]).length === 0) {
      this.logger.log({ offerId: data.offerId }, 'offer already recorded; nothing to do');
      return;
    }
    if (this.env.AUTO_ACCEPT_OFFERS) await this.autoDecide(manager, data.offerId);
  }

  /** AUTO_ACCEPT_OFFERS: accept while the organisation is below its capacity, otherwise reject with no-capacity. */
  private async autoDecide(manager: EntityManager, offerId: string): Promise<void> {
    const offer = await this.lockOffer(manager, offerId);
    if (offer.status !== 'open' || offer.expiresAt.getTime() <= Date.now()) return;
    const capacity = await this.capacity.check(manager, offer.organisationId);
    if (capacity.hasCapacity) {
      await this.acceptLocked(manager, offer, AUTO_ACCEPT_ACTOR);
      return;
    }
    const reason = `${offer.organisationName} has ${capacity.open} open legal-aid applications (limit ${capacity.limit})`;
    await this.rejectLocked(manager, offer, 'no-capacity', reason, AUTO_ACCEPT_ACTOR);
  }

  /** The router withdrew an offer (expired, reassigned, cancelled): an open offer can no longer be accepted. */
  async withdraw(manager: EntityManager, data: WithdrawnData): Promise<void> {
    const offer = await manager.findOne(Offer, { where: { id: data.offerId }, lock: { mode: 'pessimistic_write' } });
    if (!offer) {
      // Withdrawals of offers to other handlers share the topic: nothing of ours.
      this.logger.debug({ offerId: data.offerId }, 'withdrawal of an offer not made to legal-aid; ignored');
      return;
    }
    if (offer.status !== 'open' && offer.status !== 'expired') {
      if (offer.status === 'accepted') {
        // The work order moved on (reassigned, referred or cancelled): staff close the application; the offer says why.
        this.logger.warn({ offerId: offer.id, workOrderId: offer.workOrderId, reason: data.reason }, 'offer withdrawn after we accepted it; the application stays open for staff to close');
        Object.assign(offer, { outcomeReason: `withdrawn by the router after acceptance: ${data.reason}` });
        await manager.save(offer);
      }
      return;
    }
    Object.assign(offer, { status: 'withdrawn', outcomeCode: data.reason, outcomeReason: `withdrawn by the router: ${data.reason}`, decidedBy: 'system:router', decidedAt: new Date() });
    await manager.save(offer);
  }

  async accept(offerId: string, user: AuthUser): Promise<Application> {
    return this.dataSource.transaction(async (manager) => {
      const offer = await this.lockOffer(manager, offerId);
      assertInJurisdiction(user, offer.organisationRegionCode);
      return this.acceptLocked(manager, offer, user.subject);
    });
  }

  async reject(offerId: string, user: AuthUser, reasonCode: OfferRejectionCode, reason: string): Promise<Offer> {
    return this.dataSource.transaction(async (manager) => {
      const offer = await this.lockOffer(manager, offerId);
      assertInJurisdiction(user, offer.organisationRegionCode);
      return this.rejectLocked(manager, offer, reasonCode, reason, user.subject);
    });
  }

  /** Open offers past their expiry become expired (conditional update; any instance may run it). */
  async expireOverdue(manager: EntityManager, now: Date): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(Offer)
      .set({ status: 'expired', outcomeCode: 'expired', outcomeReason: 'not accepted before expiresAt', decidedBy: 'system:sweeper', decidedAt: now })
      .where('status = :open AND expires_at <= :now', { open: 'open', now })
      .execute();
    return result.affected ?? 0;
  }

  private async lockOffer(manager: EntityManager, offerId: string): Promise<Offer> {
    const offer = await manager.findOne(Offer, { where: { id: offerId }, lock: { mode: 'pessimistic_write' } });
    if (!offer) throw new NotFoundError('Offer', offerId);
    return offer;
  }

  private assertOpen(offer: Offer, now: Date): void {
    if (offer.status === 'withdrawn') throw new ConflictError('offer-withdrawn', `The offer was withdrawn by the router (${offer.outcomeCode ?? 'withdrawn'})`);
    if (offer.status === 'expired' || (offer.status === 'open' && offer.expiresAt.getTime() <= now.getTime())) {
      throw new ConflictError('offer-expired', `The offer expired at ${offer.expiresAt.toISOString()}`);
    }
    if (offer.status !== 'open') throw new ConflictError(`offer-already-${offer.status}`, `The offer was already ${offer.status}`);
  }

  private async acceptLocked(manager: EntityManager, offer: Offer, actor: string): Promise<Application> {
    const now = new Date();
    this.assertOpen(offer, now);
    const application = await this.applications.open(manager, {
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
      applicant: offer.applicant,
      receivedAt: now,
      state: 'received',
      sourceEventId: offer.eventId,
      actor,
      detail: `Offer ${offer.id} (attempt ${offer.attempt}) of work order ${offer.caseCode} accepted`,
    });
    Object.assign(offer, { status: 'accepted', decidedBy: actor.slice(0, 64), decidedAt: now, applicationId: application.id });
    await manager.save(offer);
    const decision = await this.deadlines.find(manager, application.id, 'legal-aid-decision');
    const subject = { workOrderId: offer.workOrderId, caseNumber: application.caseNumber, causationId: offer.eventId };
    await this.reports.accepted(manager, subject, offer.id, actor, now);
    const urgentNote = application.urgent ? '; legal deadline within 7 days: a lawyer is provided first and the review follows (先行提供)' : '';
    await this.reports.progressed(
      manager,
      subject,
      'application-registered',
      `Legal-aid application ${application.caseNumber} registered; decision due ${decision?.dueAt.toISOString() ?? 'n/a'}${urgentNote}`,
      decision ? [toContractDeadline(decision)] : [],
      actor,
      now,
    );
    return application;
  }

  private async rejectLocked(manager: EntityManager, offer: Offer, reasonCode: OfferRejectionCode, reason: string, actor: string): Promise<Offer> {
    const now = new Date();
    this.assertOpen(offer, now);
    Object.assign(offer, { status: 'rejected', outcomeCode: reasonCode, outcomeReason: reason, decidedBy: actor.slice(0, 64), decidedAt: now });
    await manager.save(offer);
    await this.reports.rejected(manager, offer.workOrderId, offer.id, reasonCode, reason, actor, now, offer.eventId);
    return offer;
  }
}
