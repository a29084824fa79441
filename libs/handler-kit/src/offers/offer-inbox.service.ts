import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import type { CloudEvent, EventData, OfferWithdrawn, WorkOrderDispatched } from '@legal/contracts';
import { ConflictError, NotFoundError } from '@legal/http';
import { PiiProtector } from '@legal/privacy';
import { DataSource, EntityManager } from 'typeorm';
import { applicantView, sealApplicant, unsealApplicant } from '../applicant/sealed-applicant';
import {
  HANDLER_API,
  HANDLER_DOMAIN,
  HANDLER_NAME,
  HANDLER_SETTINGS,
  HandlerApi,
  HandlerDomain,
  HandlerName,
  HandlerSettings,
  OfferWindow,
  Opening,
} from '../handler-kit.options';
import { HandlerReporter, OfferRejectionCode } from '../reports/handler-reporter';
import type { OfferPageResponseDto, OfferQueryDto, OfferResponseDto } from './dto/offer.dto';
import { Offer } from './offer.entity';
import { insertOfferOnce, updateOffer } from './offer-rows';
import { undecidable, withdrawalEffect } from './offer-rules';
import { assertInJurisdiction, assertOwnOrganisation, jurisdictionPrefix, likePrefix } from './staff-scope';

export const SYSTEM_ACTOR = 'system';

export type DispatchedData = EventData<typeof WorkOrderDispatched>;
export type WithdrawnData = EventData<typeof OfferWithdrawn>;

type Matter = { id: string };

export interface RejectRequest {
  reasonCode: OfferRejectionCode;
  reason: string;
}

/**
 * A handler's offers: received from the dispatch stream (once per offer id), withdrawn by the
 * router, listed and decided by staff or automatically, expired by the sweeper. Accepting opens the
 * handler's matter through its domain callbacks and reports OfferAccepted in the same transaction.
 */
@Injectable()
export class OfferInbox {
  private readonly logger = new Logger(OfferInbox.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiProtector,
    private readonly reports: HandlerReporter,
    @Inject(HANDLER_NAME) private readonly handler: HandlerName,
    @Inject(HANDLER_DOMAIN) private readonly domain: HandlerDomain<Matter, unknown>,
    @Inject(HANDLER_SETTINGS) private readonly settings: HandlerSettings,
    @Inject(HANDLER_API) private readonly api: HandlerApi,
  ) {}

  /** Who automatic decisions are recorded and reported as. */
  private get automaticActor(): string {
    return this.settings.automaticActor ?? SYSTEM_ACTOR;
  }

  /** A dispatched work order: recorded once per offer id (redelivery adds nothing), maybe accepted at once. */
  async receive(manager: EntityManager, event: CloudEvent<DispatchedData>): Promise<void> {
    const d = event.data;
    if (d.handler !== this.handler) return;
    const offer = manager.create(Offer, {
      id: d.offerId,
      workOrderId: d.workOrderId,
      caseCode: d.caseCode,
      organisationId: d.organisationId,
      organisationName: d.organisationName,
      organisationRegionCode: d.organisationRegionCode,
      regionCode: d.regionCode,
      serviceType: d.serviceType,
      description: d.description,
      urgency: d.urgency,
      vulnerableGroup: d.vulnerableGroup,
      legalDeadlineAt: d.legalDeadlineAt ? new Date(d.legalDeadlineAt) : null,
      ...sealApplicant(this.pii, d.applicant),
      originPlatform: d.originPlatform,
      receivedAt: new Date(d.receivedAt),
      offeredAt: new Date(d.offeredAt),
      expiresAt: new Date(d.expiresAt),
      attempt: d.attempt,
      status: 'open',
      decidedAt: null,
      decidedBy: null,
      rejectionReasonCode: null,
      rejectionReason: null,
      withdrawalReason: null,
      matterId: null,
      dispatchEventId: event.id,
      correlationId: event.correlationid ?? null,
    });
    // The row as written is the offer: no SELECT of it afterwards (issue 14).
    if (!(await insertOfferOnce(manager, offer))) {
      this.logger.log({ offerId: d.offerId, eventId: event.id }, 'offer already recorded; repeated dispatch ignored');
      return;
    }
    await this.domain.received?.(manager, offer);
    if (this.settings.autoAccept) await this.autoDecide(manager, offer);
  }

  /** The router withdrew an offer: it can no longer be accepted; an accepted one keeps the reason. */
  async withdraw(manager: EntityManager, data: WithdrawnData): Promise<void> {
    const offer = await manager.findOne(Offer, { where: { id: data.offerId }, lock: { mode: 'pessimistic_write' } });
    switch (withdrawalEffect(offer?.status)) {
      case 'withdraw':
        await manager.update(
          Offer,
          { id: data.offerId },
          { status: 'withdrawn', withdrawalReason: data.reason, decidedAt: new Date(), decidedBy: SYSTEM_ACTOR },
        );
        return;
      case 'note-on-accepted':
        this.logger.warn(
          { offerId: data.offerId, reason: data.reason },
          'router withdrew an offer this service had already accepted; the matter stays open for staff to close',
        );
        await manager.update(Offer, { id: data.offerId }, { withdrawalReason: data.reason });
        return;
      case 'nothing':
        return;
    }
  }

  /** Offers in the caller's jurisdiction, newest first (the service's `offerView` shapes query and page). */
  async list(user: AuthUser, query: object): Promise<object> {
    const view = this.api.offerView;
    const window = view ? view.window(query) : kitWindow(query as OfferQueryDto);
    const page = (items: object[], total: number): object =>
      view ? view.page(items, total, query) : kitPage(items, total, query as OfferQueryDto);
    const prefix = jurisdictionPrefix(user);
    if (prefix === undefined) return page([], 0);
    const qb = this.dataSource
      .getRepository(Offer)
      .createQueryBuilder('o')
      .where(`o.${this.jurisdictionField} LIKE :prefix`, { prefix: likePrefix(prefix) })
      .orderBy('o.offeredAt', 'DESC')
      .addOrderBy('o.id', 'ASC')
      .take(window.take)
      .skip(window.skip);
    if (window.status) qb.andWhere('o.status = :status', { status: window.status });
    const [rows, total] = await qb.getManyAndCount();
    return page(
      rows.map((o) => this.present(o)),
      total,
    );
  }

  async get(id: string, user: AuthUser): Promise<object> {
    const offer = await this.dataSource.getRepository(Offer).findOneBy({ id });
    if (!offer) throw new NotFoundError('Offer', id);
    assertInJurisdiction(user, offer[this.jurisdictionField], `Offer ${id}`);
    return this.present(offer);
  }

  /** One offer as the routes answer it. */
  present(offer: Offer): object {
    const view = this.api.offerView;
    return view ? view.present(offer, unsealApplicant(this.pii, offer.applicantSealed)) : this.toResponse(offer);
  }

  /** Staff accept: opens the matter (409 with the domain's code when it refuses); returns it as presented. */
  async accept(id: string, user: AuthUser, body: unknown): Promise<object> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const offer = await this.lockDecidable(manager, id, user, now);
      const result = await this.acceptWithin(manager, { offer, actorId: user.subject, automatic: false, body, now });
      if ('refused' in result) throw new ConflictError(result.refused, `Cannot accept offer ${id}: ${result.reason}`);
      return this.domain.present(manager, result.opened, user);
    });
  }

  async reject(id: string, user: AuthUser, request: RejectRequest): Promise<object> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const offer = await this.lockDecidable(manager, id, user, now);
      await this.rejectWithin(manager, offer, { ...request, actorId: user.subject, now });
      return this.present(offer);
    });
  }

  /** Open offers past their expiry become expired (one conditional UPDATE; any instance may run it). */
  async expireDue(now = new Date()): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Offer)
      .set({ status: 'expired', decidedAt: now, decidedBy: SYSTEM_ACTOR })
      .where('status = :open AND expires_at <= :now', { open: 'open', now })
      .execute();
    return result.affected ?? 0;
  }

  toResponse(o: Offer): OfferResponseDto {
    return {
      id: o.id,
      workOrderId: o.workOrderId,
      caseCode: o.caseCode,
      organisationName: o.organisationName,
      regionCode: o.regionCode,
      description: o.description,
      urgency: o.urgency,
      vulnerableGroup: o.vulnerableGroup,
      applicant: applicantView(this.pii, o.applicantSealed, { reveal: false }),
      expiresAt: o.expiresAt.toISOString(),
      status: o.status,
      decidedAt: o.decidedAt?.toISOString(),
      decidedBy: o.decidedBy ?? undefined,
      rejectionReasonCode: o.rejectionReasonCode ?? undefined,
      rejectionReason: o.rejectionReason ?? undefined,
      withdrawalReason: o.withdrawalReason ?? undefined,
    };
  }

  private get jurisdictionField(): 'regionCode' | 'organisationRegionCode' {
    return this.api.offerView?.jurisdiction === 'organisation' ? 'organisationRegionCode' : 'regionCode';
  }

  private async autoDecide(manager: EntityManager, offer: Offer): Promise<void> {
    const now = new Date();
    if (offer.expiresAt.getTime() <= now.getTime()) return;
    const request = { offer, actorId: this.automaticActor, automatic: true, body: undefined, now };
    const result = await this.acceptWithin(manager, request);
    if (!('refused' in result)) return;
    if (this.settings.whenAutoAcceptRefused === 'reject') {
      const reason = result.reason;
      await this.rejectWithin(manager, offer, { reasonCode: 'no-capacity', reason, actorId: this.automaticActor, now });
      return;
    }
    this.logger.warn(
      { offerId: offer.id, refused: result.refused, reason: result.reason },
      'offer left for staff: no automatic acceptance',
    );
  }

  /** Accepts inside the caller's transaction: opens the matter, marks the offer, reports OfferAccepted. */
  private async acceptWithin(
    manager: EntityManager,
    request: { offer: Offer; actorId: string; automatic: boolean; body: unknown; now: Date },
  ): Promise<Opening<Matter>> {
    const { offer, actorId, automatic, now } = request;
    if (automatic && this.domain.capacity) {
      const capacity = await this.domain.capacity(manager, offer);
      if (!capacity.hasCapacity) return { refused: 'no-capacity', reason: capacity.reason };
    }
    const opening = await this.domain.open(manager, request);
    if ('refused' in opening) return opening;
    const matterId = opening.opened.id;
    const decided = { status: 'accepted' as const, decidedAt: now, decidedBy: actorId.slice(0, 64), matterId };
    await updateOffer(manager, offer.id, decided);
    Object.assign(offer, decided);
    const subject = { causationId: offer.dispatchEventId, ...opening.subject };
    await this.reports.offerAccepted(manager, { about: subject, offerId: offer.id, actorId, at: now });
    await this.domain.afterAccepted?.(manager, { offer, matter: opening.opened, subject, actorId, automatic, now });
    return opening;
  }

  private async rejectWithin(
    manager: EntityManager,
    offer: Offer,
    request: RejectRequest & { actorId: string; now: Date },
  ): Promise<void> {
    const { reasonCode, reason, actorId, now } = request;
    const decided = {
      status: 'rejected' as const,
      decidedAt: now,
      decidedBy: actorId.slice(0, 64),
      rejectionReasonCode: reasonCode,
      rejectionReason: reason.slice(0, 1000),
    };
    await updateOffer(manager, offer.id, decided);
    Object.assign(offer, decided);
    await this.reports.offerRejected(manager, {
      workOrderId: offer.workOrderId,
      offerId: offer.id,
      reasonCode,
      reason,
      actorId,
      at: now,
      causationId: offer.dispatchEventId,
    });
  }

  private async lockDecidable(manager: EntityManager, id: string, user: AuthUser, now: Date): Promise<Offer> {
    const offer = await manager
      .createQueryBuilder(Offer, 'o')
      .setLock('pessimistic_write')
      .where('o.id = :id', { id })
      .getOne();
    if (!offer) throw new NotFoundError('Offer', id);
    assertInJurisdiction(user, offer[this.jurisdictionField], `Offer ${id}`);
    assertOwnOrganisation(user, offer.organisationId, `Offer ${id}`);
    const refusal = undecidable(offer, now);
    if (refusal) throw new ConflictError(refusal.code, refusal.message);
    return offer;
  }
}

function kitWindow(query: OfferQueryDto): OfferWindow {
  return { status: query.status, skip: query.offset, take: query.limit };
}

function kitPage(items: object[], total: number, query: OfferQueryDto): OfferPageResponseDto {
  return { items: items as OfferResponseDto[], total, limit: query.limit, offset: query.offset };
}
