import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { CloudEvent, OfferWithdrawn, WorkOrderDispatched } from '@legal/contracts';
import type { Payload } from '../common/event-payload';
import { ConflictError, NotFoundError } from '@legal/http';
import { PiiProtector } from '@legal/privacy';
import { DataSource, EntityManager } from 'typeorm';
import { CaseOpening, CaseOpeningService } from '../cases/case-opening.service';
import { CasesService } from '../cases/cases.service';
import { CaseResponseDto } from '../cases/dto/case-response.dto';
import type { DisputeCategory } from '../classification/entities/dispute-keyword.entity';
import { applicantView, sealApplicant } from '../common/applicant-data';
import { assertInJurisdiction, jurisdictionPrefix, likePrefix } from '../common/staff-scope';
import { MediationEnv } from '../config/mediation.env';
import { HistoryService } from '../history/history.service';
import { HandlerReportsService } from '../reports/handler-reports.service';
import { termDeadline } from '../term/mediation-term';
import { OfferAcceptDto, OfferRejectDto } from './dto/offer-decision.dto';
import { OfferQueryDto } from './dto/offer-query.dto';
import { OfferPageResponseDto, OfferResponseDto } from './dto/offer-response.dto';
import { Offer } from '@legal/handler-offers';

export const SYSTEM_ACTOR = 'system';

/** Offers of work orders to mediation: recorded from the dispatch stream, decided by staff or automatically. */
@Injectable()
export class OffersService {
  private readonly logger = new Logger(OffersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: MediationEnv,
    private readonly pii: PiiProtector,
    private readonly caseOpening: CaseOpeningService,
    private readonly cases: CasesService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReportsService,
  ) {}

  /** A dispatched work order: recorded once per offer id (redelivery adds nothing), maybe accepted at once. */
  async receiveDispatch(manager: EntityManager, event: CloudEvent<Payload<typeof WorkOrderDispatched>>): Promise<void> {
    const d = event.data;
    if (d.handler !== 'mediation') return;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Offer)
      .values({
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
        ...sealApplicant(this.pii, d.applicant),
        originPlatform: d.originPlatform,
        receivedAt: new Date(d.receivedAt),
        offeredAt: new Date(d.offeredAt),
        expiresAt: new Date(d.expiresAt),
        attempt: d.attempt,
        status: 'open',
        dispatchEventId: event.id,
        correlationId: event.correlationid,
      })
      .orIgnore()
      .returning('id')
      .execute();
    if ((inserted.raw as unknown[]).length === 0) {
      this.logger.log({ offerId: d.offerId, eventId: event.id }, 'offer already recorded; repeated dispatch ignored');
      return;
    }
    if (!this.env.AUTO_ACCEPT_OFFERS) return;
    const now = new Date();
    const offer = await manager.findOneByOrFail(Offer, { id: d.offerId });
    if (offer.expiresAt.getTime() <= now.getTime()) return;
    const result = await this.acceptWithin(manager, offer, SYSTEM_ACTOR, undefined, true, now);
    if ('refused' in result) this.logger.warn({ offerId: offer.id, refused: result.refused, reason: result.reason }, 'offer left for staff: no automatic acceptance');
  }

  /** The router withdrew an offer: it can no longer be accepted. */
  async receiveWithdrawal(manager: EntityManager, event: CloudEvent<Payload<typeof OfferWithdrawn>>): Promise<void> {
    const d = event.data;
    const result = await manager.update(Offer, { id: d.offerId, status: 'open' }, { status: 'withdrawn', withdrawalReason: d.reason, decidedAt: new Date(), decidedBy: SYSTEM_ACTOR });
    if (result.affected) return;
    const offer = await manager.findOneBy(Offer, { id: d.offerId });
    if (offer?.status === 'accepted') {
      this.logger.warn({ offerId: d.offerId, reason: d.reason }, 'router withdrew an offer this service had already accepted; the case stays open for staff to close');
      await manager.update(Offer, { id: d.offerId }, { withdrawalReason: d.reason });
    }
  }

  async list(user: AuthUser, query: OfferQueryDto): Promise<OfferPageResponseDto> {
    const prefix = jurisdictionPrefix(user);
    if (prefix === undefined) return { items: [], total: 0, limit: query.limit, offset: query.offset };
    const qb = this.dataSource
      .getRepository(Offer)
      .createQueryBuilder('o')
      .where('o.regionCode LIKE :prefix', { prefix: likePrefix(prefix) })
      .orderBy('o.offeredAt', 'DESC')
      .addOrderBy('o.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map((o) => this.toResponse(o)), total, limit: query.limit, offset: query.offset };
  }

  async get(id: string, user: AuthUser): Promise<OfferResponseDto> {
    const offer = await this.dataSource.getRepository(Offer).findOneBy({ id });
    if (!offer) throw new NotFoundError('Offer', id);
    assertInJurisdiction(user, offer.regionCode, `Offer ${id}`);
    return this.toResponse(offer);
  }

  async accept(id: string, user: AuthUser, dto: OfferAcceptDto): Promise<CaseResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const offer = await this.lockDecidable(manager, id, user, now);
      const result = await this.acceptWithin(manager, offer, user.subject, dto.disputeCategory, false, now);
      if ('refused' in result) throw new ConflictError(result.refused, `Cannot accept offer ${id}: ${result.reason}`);
      return this.cases.view(manager, result.opened, user);
    });
  }

  async reject(id: string, user: AuthUser, dto: OfferRejectDto): Promise<OfferResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const offer = await this.lockDecidable(manager, id, user, now);
      Object.assign(offer, { status: 'rejected', decidedAt: now, decidedBy: user.subject.slice(0, 64), rejectionReasonCode: dto.reasonCode, rejectionReason: dto.reason });
      await manager.save(offer);
      await this.reports.offerRejected(manager, offer.workOrderId, offer.id, dto.reasonCode, dto.reason, user.subject, now);
      return this.toResponse(offer);
    });
  }

  /** Accepts inside the caller's transaction: opens the case, then reports OfferAccepted and the assignment. */
  private async acceptWithin(manager: EntityManager, offer: Offer, actorId: string, category: DisputeCategory | undefined, automatic: boolean, now: Date): Promise<CaseOpening> {
    const opening = await this.caseOpening.open(manager, offer, actorId, category, automatic, now);
    if ('refused' in opening) return opening;
    const c = opening.opened;
    await manager.update(Offer, { id: offer.id }, { status: 'accepted', decidedAt: now, decidedBy: actorId.slice(0, 64) });
    const detail =
      `Committee ${c.committeeName} (${c.committeeRegionCode}): ${c.committeeReason}. ` +
      `Mediator ${c.mediatorName}: ${c.mediatorReason}. Dispute category: ${c.disputeCategory ?? 'unclassified'} (${c.categorySource}).`;
    await this.history.record(manager, c.id, 'offer-accepted', actorId, `Offer ${offer.id} accepted${automatic ? ' automatically' : ''}`, now);
    await this.history.record(manager, c.id, 'committee-assigned', actorId, detail, now);
    await this.reports.offerAccepted(manager, c, offer.id, actorId, now);
    await this.reports.progressed(manager, c, 'committee-assigned', detail, [termDeadline({ dueAt: c.termDueAt, explanation: c.termExplanation })], actorId, now);
    return opening;
  }

  private async lockDecidable(manager: EntityManager, id: string, user: AuthUser, now: Date): Promise<Offer> {
    const offer = await manager.createQueryBuilder(Offer, 'o').setLock('pessimistic_write').where('o.id = :id', { id }).getOne();
    if (!offer) throw new NotFoundError('Offer', id);
    assertInJurisdiction(user, offer.regionCode, `Offer ${id}`);
    if (offer.status === 'withdrawn') throw new ConflictError('offer-withdrawn', `Offer ${id} was withdrawn (${offer.withdrawalReason ?? 'no reason given'})`);
    if (offer.status === 'expired' || (offer.status === 'open' && offer.expiresAt.getTime() <= now.getTime())) {
      throw new ConflictError('offer-expired', `Offer ${id} expired at ${offer.expiresAt.toISOString()}`);
    }
    if (offer.status !== 'open') throw new ConflictError('offer-decided', `Offer ${id} was already ${offer.status}`);
    return offer;
  }

  private toResponse(o: Offer): OfferResponseDto {
    return {
      id: o.id,
      workOrderId: o.workOrderId,
      caseCode: o.caseCode,
      organisationName: o.organisationName,
      regionCode: o.regionCode,
      description: o.description,
      urgency: o.urgency,
      vulnerableGroup: o.vulnerableGroup,
      applicant: applicantView(this.pii, o.applicantSealed, false),
      expiresAt: o.expiresAt.toISOString(),
      status: o.status,
      decidedAt: o.decidedAt?.toISOString(),
      decidedBy: o.decidedBy ?? undefined,
      rejectionReasonCode: o.rejectionReasonCode ?? undefined,
      rejectionReason: o.rejectionReason ?? undefined,
      withdrawalReason: o.withdrawalReason ?? undefined,
    };
  }
}
