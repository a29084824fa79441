import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, significantPrefix } from '@legal/auth';
import { DataSource } from 'typeorm';
import { jurisdictionPrefix } from '../common/access';
import { Page, page } from '../common/page.dto';
import { tableOf } from '../common/sql';
import { WorkOrderIntakeEntity } from '../intake/entities/work-order-intake.entity';
import { OfferEntity } from '../offers/entities/offer.entity';
import { RoutingDecisionEntity } from '../routing/entities/routing-decision.entity';
import { DeadlineEntity } from '../sla/entities/deadline.entity';
import { SupervisionOrderEntity } from '../supervision/entities/supervision-order.entity';
import { TimelineEntryEntity } from '../work-orders/entities/timeline-entry.entity';
import {
  toDeadlineDto,
  toIntakeDto,
  toOfferDto,
  toSupervisionOrderDto,
  toTimelineEntryDto,
  WorkOrderDetailDto,
} from './dto/work-order-detail.dto';
import type { WorkOrderSearchDto } from './dto/work-order-search.dto';
import { toSummary, WorkOrderSummaryDto } from './dto/work-order-summary.dto';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { findVisibleWorkOrder } from '../work-orders/visible-work-order';

/** Read side of the staff API: search within the caller's jurisdiction, detail by case code. */
@Injectable()
export class WorkOrderQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(user: AuthUser, q: WorkOrderSearchDto): Promise<Page<WorkOrderSummaryDto>> {
    const manager = this.dataSource.manager;
    const qb = manager.createQueryBuilder(WorkOrderEntity, 'w');
    const scope = jurisdictionPrefix(user);
    if (scope === null) {
      qb.andWhere('w.organisationId = :own', { own: user.organisationId ?? '' });
    } else if (scope !== undefined) {
      qb.andWhere('(w.regionCode LIKE :scope OR w.organisationId = :own)', {
        scope: `${scope}%`,
        own: user.organisationId ?? '',
      });
    }
    if (!user.roles.includes('admin') && user.organisationId) {
      qb.andWhere('(w.complaintAgainstOrganisationId IS NULL OR w.complaintAgainstOrganisationId <> :own)', {
        own: user.organisationId,
      });
    }
    if (q.status) qb.andWhere('w.status = :status', { status: q.status });
    if (q.serviceType) qb.andWhere('w.serviceType = :serviceType', { serviceType: q.serviceType });
    if (q.regionCode) qb.andWhere('w.regionCode LIKE :region', { region: `${significantPrefix(q.regionCode)}%` });
    if (q.organisationId) qb.andWhere('w.organisationId = :organisationId', { organisationId: q.organisationId });
    if (q.platform) qb.andWhere(':platform = ANY(w.platforms)', { platform: q.platform });
    if (q.receivedFrom) qb.andWhere('w.receivedAt >= :from', { from: new Date(q.receivedFrom) });
    if (q.receivedTo) qb.andWhere('w.receivedAt < :to', { to: new Date(q.receivedTo) });
    if (q.overdue !== undefined) {
      const overdue = `EXISTS (SELECT 1 FROM ${tableOf(manager, DeadlineEntity)} d WHERE d.work_order_id = w.id AND (d.status = 'breached' OR (d.status = 'running' AND d.due_at <= now())))`;
      qb.andWhere(q.overdue ? overdue : `NOT ${overdue}`);
    }
    qb.orderBy('w.receivedAt', 'DESC').addOrderBy('w.caseCode', 'ASC').take(q.limit).skip(q.offset);
    const [rows, total] = await qb.getManyAndCount();
    return page(rows.map(toSummary), total, q);
  }

  async detail(user: AuthUser, caseCode: string): Promise<WorkOrderDetailDto> {
    const manager = this.dataSource.manager;
    const wo = await findVisibleWorkOrder(manager, user, caseCode);
    const [timeline, deadlines, offers, intakes, supervision] = await Promise.all([
      manager.find(TimelineEntryEntity, { where: { workOrderId: wo.id }, order: { seq: 'ASC' } }),
      manager.find(DeadlineEntity, { where: { workOrderId: wo.id }, order: { createdAt: 'ASC', kind: 'ASC' } }),
      manager.find(OfferEntity, { where: { workOrderId: wo.id }, order: { attempt: 'ASC' } }),
      manager.find(WorkOrderIntakeEntity, { where: { workOrderId: wo.id }, order: { submittedAt: 'ASC' } }),
      manager.find(SupervisionOrderEntity, { where: { workOrderId: wo.id }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      ...toSummary(wo),
      description: wo.description,
      classification: { ...wo.classification },
      topicTags: wo.topicTags,
      language: wo.language,
      vulnerableGroup: wo.vulnerableGroup,
      handlerCaseId: wo.handlerCaseId,
      relatedCaseCode: wo.relatedCaseCode,
      complaintAgainstOrganisationId: wo.complaintAgainstOrganisationId,
      timelineHead: wo.timelineHead,
      timeline: timeline.map(toTimelineEntryDto),
      deadlines: deadlines.map(toDeadlineDto),
      offers: offers.map(toOfferDto),
      intakes: intakes.map(toIntakeDto),
      supervisionOrders: supervision.map(toSupervisionOrderDto),
    };
  }

  async routing(
    user: AuthUser,
    caseCode: string,
  ): Promise<{ wo: WorkOrderEntity; decisions: RoutingDecisionEntity[] }> {
    const manager = this.dataSource.manager;
    const wo = await findVisibleWorkOrder(manager, user, caseCode);
    const decisions = await manager.find(RoutingDecisionEntity, {
      where: { workOrderId: wo.id },
      order: { decidedAt: 'ASC' },
    });
    return { wo, decisions };
  }
}
