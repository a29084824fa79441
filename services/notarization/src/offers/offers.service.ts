import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { CloudEvent, OfferWithdrawn, WorkOrderDispatched } from '@legal/contracts';
import { ConflictError, NotFoundError } from '@legal/http';
import { PiiProtector } from '@legal/privacy';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationsService } from '../applications/applications.service';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { Application } from '../applications/entities/application.entity';
import { applicantView, sealApplicant } from '../common/applicant-data';
import type { Payload } from '../common/event-payload';
import { assertInJurisdiction, jurisdictionPrefix, likePrefix } from '../common/staff-scope';
import { NotarizationEnv } from '../config/notarization.env';
import { HistoryService } from '../history/history.service';
import { OfficesService } from '../offices/offices.service';
import { HandlerReportsService } from '../reports/handler-reports.service';
import { OfferRejectDto } from './dto/offer-reject.dto';
import { OfferQueryDto } from './dto/offer-query.dto';
import { OfferPageResponseDto, OfferResponseDto } from './dto/offer-response.dto';
import { Offer } from '@legal/handler-offers';

export const SYSTEM_ACTOR = 'system';

type Acceptance = { accepted: Application } | { refused: string };

/** Offers of work orders to notarization: recorded from the dispatch stream, decided by staff or automatically. */
@Injectable()
export class OffersService {
  private readonly logger = new Logger(OffersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: NotarizationEnv,
    private readonly pii: PiiProtector,
    private readonly offices: OfficesService,
    private readonly applications: ApplicationsService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReportsService,
  ) {}

  /** A dispatched work order: recorded once per offer id (redelivery adds nothing), maybe accepted at once. */
  async receiveDispatch(manager: EntityManager, event: CloudEvent<Payload<typeof WorkOrderDispatched>>): Promise<void> {
    const d = event.data;
    if (d.handler !== 'notarization') return;
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
    await this.offices.ensure(manager, d.organisationId, d.organisationName, d.organisationRegionCode);
    if (!this.env.AUTO_ACCEPT_OFFERS) return;
    const now = new Date();
    const offer = await manager.findOneByOrFail(Offer, { id: d.offerId });
    if (offer.expiresAt.getTime() <= now.getTime()) return;
    const result = await this.acceptWithin(manager, offer, SYSTEM_ACTOR, true, now);
    if ('refused' in result) this.logger.warn({ offerId: offer.id, reason: result.refused }, 'offer left for staff: no automatic acceptance');
  }

  /** The router withdrew an offer: it can no longer be accepted. */
  async receiveWithdrawal(manager: EntityManager, event: CloudEvent<Payload<typeof OfferWithdrawn>>): Promise<void> {
    const d = event.data;
    const result = await manager.update(Offer, { id: d.offerId, status: 'open' }, { status: 'withdrawn', withdrawalReason: d.reason, decidedAt: new Date(), decidedBy: SYSTEM_ACTOR });
    if (result.affected) return;
    const offer = await manager.findOneBy(Offer, { id: d.offerId });
    if (offer?.status === 'accepted') {
      this.logger.warn({ offerId: d.offerId, reason: d.reason }, 'router withdrew an offer this service had already accepted; the application stays open for staff to close');
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

  async accept(id: string, user: AuthUser): Promise<ApplicationResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const offer = await this.lockDecidable(manager, id, user, now);
      const result = await this.acceptWithin(manager, offer, user.subject, false, now);
      if ('refused' in result) throw new ConflictError('no-capacity', result.refused);
      return this.applications.view(manager, result.accepted, user);
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

  /**
   * Accepts inside the caller's transaction: opens the application (awaiting the applicant's matter and
   * materials) and reports OfferAccepted. Automatic acceptance first checks the office's capacity.
   */
  private async acceptWithin(manager: EntityManager, offer: Offer, actorId: string, automatic: boolean, now: Date): Promise<Acceptance> {
    const capacity = await this.offices.lockAndCheckCapacity(manager, offer.organisationId);
    if (automatic && !capacity.hasCapacity) return { refused: `${offer.organisationName} has ${capacity.open} open applications (capacity ${capacity.max})` };
    const application = manager.create(Application, {
      id: randomUUID(),
      offerId: offer.id,
      workOrderId: offer.workOrderId,
      caseCode: offer.caseCode,
      organisationId: offer.organisationId,
      organisationName: offer.organisationName,
      regionCode: offer.regionCode,
      description: offer.description,
      requestReceivedAt: offer.receivedAt,
      applicantSealed: offer.applicantSealed,
      applicantPhoneHash: offer.applicantPhoneHash,
      applicantIdCardHash: offer.applicantIdCardHash,
      correlationId: offer.correlationId,
      status: 'awaiting-application',
      offerAcceptedAt: now,
      offerAcceptedBy: actorId.slice(0, 64),
      matterCode: null,
      matterName: null,
      feeFen: null,
      submittedAt: null,
      submittedBy: null,
      clockStatus: 'not-started',
      clockDueAt: null,
      clockExplanation: null,
      clockPausedAt: null,
      clockPauses: [],
      reviewerId: null,
      reviewStartedAt: null,
      certificateNumber: null,
      certificateCopies: null,
      refusalReason: null,
      closedAt: null,
      closedBy: null,
    });
    await manager.insert(Application, application);
    await manager.update(Offer, { id: offer.id }, { status: 'accepted', decidedAt: now, decidedBy: actorId.slice(0, 64) });
    const detail = `Offer ${offer.id} accepted${automatic ? ' automatically' : ''} by ${offer.organisationName}; waiting for the applicant's matter and materials`;
    await this.history.record(manager, application.id, 'offer-accepted', actorId, detail, now);
    await this.reports.offerAccepted(manager, application, offer.id, actorId, now);
    return { accepted: application };
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
