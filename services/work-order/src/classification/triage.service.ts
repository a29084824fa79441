import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import { ConflictError, NotFoundError } from '@legal/http';
import { DataSource } from 'typeorm';
import { assertCanSee, jurisdictionPrefix } from '../common/access';
import type { Actor } from '../common/actor';
import { page, Page, PageQueryDto } from '../common/page.dto';
import { OfferService } from '../offers/offer.service';
import { DeadlineService } from '../sla/deadline.service';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { lockWorkOrderByCode } from '../work-orders/work-order-locks';
import type { ClassifyDto, TriageItemDto } from './dto/classify.dto';

/** The manual triage queue: requests whose service type the classifier could not decide confidently. */
@Injectable()
export class TriageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineService,
    private readonly offers: OfferService,
  ) {}

  async queue(user: AuthUser, query: PageQueryDto): Promise<Page<TriageItemDto>> {
    const qb = this.dataSource.manager.createQueryBuilder(WorkOrderEntity, 'w').where("w.status = 'triage'");
    const scope = jurisdictionPrefix(user);
    if (scope === null) qb.andWhere('w.organisationId = :own', { own: user.organisationId ?? '' });
    else if (scope !== undefined) qb.andWhere('w.regionCode LIKE :scope', { scope: `${scope}%` });
    const [rows, total] = await qb
      .orderBy('w.receivedAt', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return page(
      rows.map((w) => ({
        caseCode: w.caseCode,
        regionCode: w.regionCode,
        description: w.description,
        ranking: w.classification.ranking,
        confidence: w.classification.confidence,
        receivedAt: w.receivedAt.toISOString(),
        originPlatform: w.originPlatform,
      })),
      total,
      query,
    );
  }

  /** Sets the type decided by a person, starts the clocks that run from receipt, and routes the work order. */
  async classify(user: AuthUser, code: string, dto: ClassifyDto): Promise<WorkOrderEntity> {
    return this.dataSource.transaction(async (manager) => {
      const wo = await lockWorkOrderByCode(manager, code);
      if (!wo) throw new NotFoundError('Work order', code);
      assertCanSee(user, wo);
      if (wo.status !== 'triage')
        throw new ConflictError('not-in-triage', `Work order ${wo.caseCode} is ${wo.status}, not in triage`);
      const actor: Actor = { role: user.roles[0] ?? 'staff', id: user.subject };
      const guessed = wo.serviceType;
      wo.serviceType = dto.serviceType;
      wo.classification = { ...wo.classification, source: 'manual', confidence: 1 };
      await this.deadlines.startOnRegistration(manager, wo);
      await this.offers.routeAndOffer(manager, wo, {
        trigger: 'triage-classified',
        actor,
        note: `Classified as ${dto.serviceType} (classifier guessed ${guessed})${dto.note ? `: ${dto.note}` : ''}.`,
      });
      return wo;
    });
  }
}
