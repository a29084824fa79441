import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import { OfferAccepted, OfferRejected, Resolved } from '@legal/contracts';
import { ConflictError, DomainError, NotFoundError } from '@legal/http';
import { currentCorrelationId } from '@legal/observability';
import { HttpStatus } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { HandlerReportService } from '../handler-reports/handler-report.service';
import { OfferEntity } from '../offers/entities/offer.entity';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { canTransition } from '../work-orders/work-order-lifecycle';
import { lockWorkOrderByCode } from '../work-orders/work-order-locks';
import type { DeskRejectDto, DeskResolveDto } from './dto/desk.dto';

/**
 * The handler desk for organisations without a handler service of their own (workstations, public
 * legal service centres, registered agencies, the hotline duty team): their staff accept or reject
 * offers and resolve work orders over REST, with the same effects as a handler service's events.
 */
@Injectable()
export class DeskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: HandlerReportService,
  ) {}

  accept(user: AuthUser, code: string, offerId: string): Promise<WorkOrderEntity> {
    return this.act(user, code, async (manager, wo, actor) => {
      const offer = await this.pendingOffer(manager, wo, offerId, user);
      await this.reports.offerAccepted(
        this.incoming(OfferAccepted.type, actor, {
          workOrderId: wo.id,
          handler: offer.handler,
          handlerCaseId: wo.caseCode,
          at: new Date().toISOString(),
          actorId: user.subject.slice(0, 64),
          offerId,
        }),
        manager,
      );
    });
  }

  reject(user: AuthUser, code: string, offerId: string, dto: DeskRejectDto): Promise<WorkOrderEntity> {
    return this.act(user, code, async (manager, wo, actor) => {
      const offer = await this.pendingOffer(manager, wo, offerId, user);
      await this.reports.offerRejected(
        this.incoming(OfferRejected.type, actor, {
          workOrderId: wo.id,
          handler: offer.handler,
          handlerCaseId: 'none',
          at: new Date().toISOString(),
          actorId: user.subject.slice(0, 64),
          offerId,
          reasonCode: dto.reasonCode,
          reason: dto.reason,
        }),
        manager,
      );
    });
  }

  resolve(user: AuthUser, code: string, dto: DeskResolveDto): Promise<WorkOrderEntity> {
    return this.act(user, code, async (manager, wo, actor) => {
      this.assertHolder(wo.organisationId, user);
      if (!wo.handler || !canTransition(wo.status, 'resolved'))
        throw new ConflictError(
          'illegal-transition',
          `Work order ${wo.caseCode} is ${wo.status}; it cannot become resolved`,
          { from: wo.status, to: 'resolved' },
        );
      await this.reports.resolved(
        this.incoming(Resolved.type, actor, {
          workOrderId: wo.id,
          handler: wo.handler,
          handlerCaseId: wo.handlerCaseId ?? wo.caseCode,
          at: new Date().toISOString(),
          actorId: user.subject.slice(0, 64),
          outcome: dto.outcome,
          summary: dto.summary,
        }),
        manager,
      );
    });
  }

  private incoming<T>(type: string, actor: Actor, data: T) {
    return { id: randomUUID(), type, correlationid: currentCorrelationId() ?? randomUUID(), data, actor };
  }

  private async pendingOffer(
    manager: EntityManager,
    wo: WorkOrderEntity,
    offerId: string,
    user: AuthUser,
  ): Promise<OfferEntity> {
    const offer = await manager.findOne(OfferEntity, { where: { id: offerId, workOrderId: wo.id } });
    if (!offer) throw new NotFoundError('Offer', offerId);
    this.assertHolder(offer.organisationId, user);
    if (offer.status !== 'pending')
      throw new ConflictError('offer-closed', `Offer ${offerId} is ${offer.status}`, { offerStatus: offer.status });
    return offer;
  }

  private assertHolder(organisationId: string | null, user: AuthUser): void {
    if (!user.organisationId || user.organisationId !== organisationId) {
      throw new DomainError(
        'not-your-organisation',
        'Only staff of the organisation holding the work order may do this',
        HttpStatus.FORBIDDEN,
      );
    }
  }

  private async act(
    user: AuthUser,
    code: string,
    action: (manager: EntityManager, wo: WorkOrderEntity, actor: Actor) => Promise<void>,
  ): Promise<WorkOrderEntity> {
    return this.dataSource.transaction(async (manager) => {
      const wo = await lockWorkOrderByCode(manager, code);
      if (!wo) throw new NotFoundError('Work order', code);
      if (user.organisationId && wo.complaintAgainstOrganisationId === user.organisationId)
        throw new NotFoundError('Work order', code);
      await action(manager, wo, { role: user.roles[0] ?? 'staff', id: user.subject });
      // The report handlers load (and change) their own copy of the row: answer with the state as it is now.
      return manager.findOneByOrFail(WorkOrderEntity, { id: wo.id });
    });
  }
}
